//===- Progress.cpp - How a long run shows it is alive --------------------===//

#include "rehost/Progress.h"

#include "llvm/Support/Process.h"

#include <cstdlib>

namespace rehost {

llvm::Expected<ProgressMode> parseProgressMode(llvm::StringRef Name) {
  if (Name == "auto")
    return ProgressMode::Auto;
  if (Name == "bar")
    return ProgressMode::Bar;
  if (Name == "plain")
    return ProgressMode::Plain;
  if (Name == "none")
    return ProgressMode::None;
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "unknown progress mode '" + Name +
                                     "' (expected auto, bar, plain or none)");
}

ProgressEnvironment ProgressEnvironment::current() {
  ProgressEnvironment Env;
  Env.StderrIsTerminal = llvm::sys::Process::StandardErrIsDisplayed();
  if (const char *Term = std::getenv("TERM"))
    Env.Term = Term;
  const char *CI = std::getenv("CI");
  Env.InCI = CI && *CI;
  return Env;
}

ProgressMode resolveProgress(ProgressMode Asked, bool Quiet,
                             const ProgressEnvironment &Env) {
  if (Asked != ProgressMode::Auto)
    return Asked;
  if (Quiet)
    return ProgressMode::None;
  // A CI log keeps every byte: a redrawn line would fill it with escapes.
  if (Env.InCI)
    return ProgressMode::Plain;
  if (Env.StderrIsTerminal)
    return Env.Term == "dumb" ? ProgressMode::Plain : ProgressMode::Bar;
  return ProgressMode::None;
}

} // namespace rehost
