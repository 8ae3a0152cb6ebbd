//===- CheckAndBaseline.h - What `check` and `baseline` share -------------===//
//
// Both narrow the report to the files asked for, and both read a baseline
// that must be of the run's project root.
//
//===----------------------------------------------------------------------===//

#ifndef REHOST_TOOLS_CHECKANDBASELINE_H
#define REHOST_TOOLS_CHECKANDBASELINE_H

#include "Driver.h"

#include "rehost/Baseline.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace cli {

/// The real paths of \p Files; a directory stands for what is under it.
std::vector<std::string> focusOf(llvm::ArrayRef<std::string> Files);

/// Whether \p Path is one of \p Focus (focusOf) or under one of them.
bool inFocus(llvm::ArrayRef<std::string> Focus, llvm::StringRef Path);

/// Keeps only the findings of \p Files (all of them when none is given).
void narrowToFiles(rehost::Report &Report, llvm::ArrayRef<std::string> Files);

/// .rehost-baseline.json at \p Root, as the messages show it.
std::string defaultBaselinePath(const rehost::ProjectRoot &Root);

/// Fails when the baseline \p B (read from \p Path) records another project
/// root than \p Root; notes (unless \p Quiet) when it records none.
llvm::Error checkBaselineRoot(const rehost::Baseline &B, llvm::StringRef Path,
                              const rehost::ProjectRoot &Root, bool Quiet);

} // namespace cli

#endif // REHOST_TOOLS_CHECKANDBASELINE_H
