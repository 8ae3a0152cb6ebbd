//===- ProjectLock.cpp - One rehost run at a time writes into a project ---===//

#include "rehost/ProjectLock.h"

#include "llvm/Support/Errc.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

namespace rehost {
namespace {

namespace fs = llvm::sys::fs;

/// The command the holder of the lock recorded in \p FD, for the message;
/// "command" when it wrote none (yet) or something else.
std::string holderOf(int FD, llvm::StringRef Path) {
  auto Buffer = llvm::MemoryBuffer::getOpenFile(
      fs::convertFDToNativeFile(FD), Path, /*FileSize=*/-1,
      /*RequiresNullTerminator=*/false);
  if (!Buffer)
    return "command";
  llvm::StringRef Name = (*Buffer)->getBuffer().split('\n').first.trim();
  bool Plain = !Name.empty() && Name.size() <= 16 &&
               llvm::all_of(Name, [](char C) { return C >= 'a' && C <= 'z'; });
  return Plain ? Name.str() : "command";
}

/// Whether \p FD is still the file at \p Path: a run that ends removes the
/// file while it holds the lock, so a lock taken on a file opened before
/// that is a lock on a file nobody else will open again.
bool isStillAt(int FD, llvm::StringRef Path) {
  fs::file_status Open, Named;
  return !fs::status(FD, Open) && !fs::status(Path, Named) &&
         fs::equivalent(Open, Named);
}

/// Writes \p Command into the locked \p FD. Only the message of a run that
/// finds the lock held reads it, so a failed write (a full disk) is no
/// reason to stop: that run then names no command.
void record(int FD, llvm::StringRef Command) {
  if (fs::resize_file(FD, 0))
    return;
  llvm::raw_fd_ostream OS(FD, /*shouldClose=*/false);
  OS << Command << '\n';
  OS.flush();
  OS.clear_error();
}

void closeDescriptor(int FD) {
  fs::file_t File = fs::convertFDToNativeFile(FD);
  fs::closeFile(File);
}

} // namespace

llvm::Expected<ProjectLock> ProjectLock::acquire(llvm::StringRef Root,
                                                 llvm::StringRef Command) {
  llvm::SmallString<256> Path(Root);
  llvm::sys::path::append(Path, ProjectLockFileName);
  // Each retry follows a run that removed the file after this one opened it;
  // a few are more than two runs ending at that moment need.
  for (int Attempt = 0; Attempt != 8; ++Attempt) {
    int FD = -1;
    if (std::error_code EC =
            fs::openFileForReadWrite(Path, FD, fs::CD_OpenAlways, fs::OF_None))
      return llvm::createStringError(EC, "cannot create the lock %s: %s",
                                     Path.c_str(), EC.message().c_str());
    if (std::error_code EC = fs::tryLockFile(FD)) {
      std::string Holder = holderOf(FD, Path);
      closeDescriptor(FD);
      if (EC == llvm::errc::no_lock_available)
        return llvm::createStringError(
            EC, "another rehost %s is running on %s (lock %s)", Holder.c_str(),
            Root.str().c_str(), Path.c_str());
      return llvm::createStringError(EC, "cannot lock %s: %s", Path.c_str(),
                                     EC.message().c_str());
    }
    if (isStillAt(FD, Path)) {
      record(FD, Command);
      return ProjectLock(std::string(Path), FD);
    }
    closeDescriptor(FD);
  }
  return llvm::createStringError(
      llvm::inconvertibleErrorCode(),
      "cannot lock %s: it was removed each time it was locked", Path.c_str());
}

ProjectLock::ProjectLock(ProjectLock &&Other)
    : Path(std::move(Other.Path)), FD(Other.FD) {
  Other.FD = -1;
}

ProjectLock::~ProjectLock() {
  if (FD < 0)
    return;
  // Removed while still locked, then unlocked by the close: a run waiting
  // on this file sees it gone (isStillAt) and opens a new one.
  fs::remove(Path);
  closeDescriptor(FD);
}

} // namespace rehost
