//===- Progress.h - How a long run shows it is alive ----------------------===//
//
// --progress=auto|bar|plain|none. A terminal gets a progress line redrawn in
// place; a CI log gets plain `[N/M] path` lines now and then (run-clang-tidy
// style), so a CI that kills jobs silent for minutes sees life; a pipe or a
// file gets nothing. Which one is decided here, once.
//
//===----------------------------------------------------------------------===//

#ifndef REHOST_PROGRESS_H
#define REHOST_PROGRESS_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <chrono>
#include <string>

namespace rehost {

enum class ProgressMode {
  Auto,  ///< Asked for: resolveProgress picks one of the others.
  Bar,   ///< One line redrawn in place: units done, sites, rate, time left.
  Plain, ///< `[N/M] path` lines, rate-limited (the interval is the scan's).
  None,
};

/// The least time between two plain lines; the first and the last unit are
/// always printed.
inline constexpr std::chrono::seconds DefaultPlainProgressInterval{5};

/// Parses a --progress value; the error lists the values there are.
llvm::Expected<ProgressMode> parseProgressMode(llvm::StringRef Name);

/// What --progress=auto looks at.
struct ProgressEnvironment {
  bool StderrIsTerminal = false;
  std::string Term;  ///< $TERM; "dumb" cannot redraw a line.
  bool InCI = false; ///< $CI is set (GitHub Actions, GitLab CI, ... set it).

  /// This process's.
  static ProgressEnvironment current();
};

/// The mode a run uses. Auto: plain under CI, the bar on a terminal that
/// can redraw, plain on one that cannot (TERM=dumb), none otherwise (a pipe
/// or a file); --quiet makes it none. A mode asked for by name is used as
/// asked.
ProgressMode resolveProgress(ProgressMode Asked, bool Quiet,
                             const ProgressEnvironment &Env);

} // namespace rehost

#endif // REHOST_PROGRESS_H
