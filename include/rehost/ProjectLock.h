//===- ProjectLock.h - One rehost run at a time writes into a project -----===//
//
// `rehost fix` and `rehost baseline` write into the project (sources, the
// runtime's rehost.toml, the report, the baseline). Two at once would each
// plan against files the other is rewriting, and the one that writes second
// would fail half-way. So each holds an exclusive advisory lock on
// `.rehost.lock` in the project root from before it reads anything to after
// its last write; a second run refuses at once, having written nothing.
//
// The lock is a POSIX record lock (fcntl, through llvm::sys::fs::tryLockFile
// on LLVM 14 and 19 alike), which the OS releases when the process ends.
// The file is removed when the run ends; one a killed run left behind is
// harmless, and the next run takes it over and removes it.
//
//===----------------------------------------------------------------------===//

#ifndef REHOST_PROJECTLOCK_H
#define REHOST_PROJECTLOCK_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <string>

namespace rehost {

/// The lock file's name, in the project root.
constexpr llvm::StringLiteral ProjectLockFileName = ".rehost.lock";

/// The project's lock, held until destroyed (which removes the file).
class ProjectLock {
public:
  /// Locks the project at \p Root for \p Command ("fix", "baseline"), which
  /// the file records so that a run finding the lock held can name it:
  /// "another rehost fix is running on ROOT (lock ROOT/.rehost.lock)".
  /// Never waits.
  static llvm::Expected<ProjectLock> acquire(llvm::StringRef Root,
                                             llvm::StringRef Command);

  ProjectLock(ProjectLock &&Other);
  ProjectLock &operator=(ProjectLock &&) = delete;
  ~ProjectLock();

  const std::string &path() const { return Path; }

private:
  ProjectLock(std::string Path, int FD) : Path(std::move(Path)), FD(FD) {}

  std::string Path;
  int FD = -1; ///< Open and locked; -1 once moved from.
};

} // namespace rehost

#endif // REHOST_PROJECTLOCK_H
