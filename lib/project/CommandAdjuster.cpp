//===- CommandAdjuster.cpp - The command a unit is parsed with ------------===//

#include "CommandAdjuster.h"

#include "rehost/Scanner.h"
#include "rehost/Toolchain.h"

#include "llvm/ADT/STLExtras.h"

using namespace clang::tooling;

namespace rehost {
namespace {

/// Clang's builtin headers (stddef.h, stdarg.h) live beside the Clang rehost
/// was built with, not beside the rehost binary.
ArgumentsAdjuster resourceDirAdjuster() {
  return [](const CommandLineArguments &Args, llvm::StringRef) {
    bool HasResourceDir = llvm::any_of(Args, [](const std::string &Arg) {
      llvm::StringRef Rest = Arg;
      return Rest.consume_front("-resource-dir");
    });
    if (HasResourceDir)
      return Args;
    CommandLineArguments Out = Args;
    Out.insert(Out.begin() + 1, ("-resource-dir=" + clangResourceDir()).str());
    return Out;
  };
}

} // namespace

ArgumentsAdjuster commandAdjuster(const ScanRequest &Request) {
  // What ClangTool does to every command: parse only, write nothing.
  std::vector<ArgumentsAdjuster> Steps = {
      getClangStripOutputAdjuster(), getClangSyntaxOnlyAdjuster(),
      getClangStripDependencyFileAdjuster()};
  // First, so flags the user adds on purpose are never dropped.
  if (Request.GccCompat)
    Steps.push_back(gccCompatAdjuster());
  if (!Request.ExtraArgsBefore.empty())
    Steps.push_back(
        getInsertArgumentAdjuster(CommandLineArguments(Request.ExtraArgsBefore),
                                  ArgumentInsertPosition::BEGIN));
  Steps.push_back(
      getInsertArgumentAdjuster(CommandLineArguments(Request.ExtraArgsAfter),
                                ArgumentInsertPosition::END));
  Steps.push_back(getInsertArgumentAdjuster(
      CommandLineArguments(Request.ExtraArgs), ArgumentInsertPosition::END));
  // The project's own warnings are not ours to report.
  Steps.push_back(getInsertArgumentAdjuster("-w", ArgumentInsertPosition::END));
  Steps.push_back(resourceDirAdjuster());
  // Last in the search order: the project's own flags win.
  std::vector<std::string> RuntimeDirs = Request.RuntimeIncludeDirs;
  if (RuntimeDirs.empty())
    for (llvm::StringRef Dir : runtimeIncludeDirs())
      RuntimeDirs.push_back(Dir.str());
  for (const std::string &Dir : RuntimeDirs)
    Steps.push_back(getInsertArgumentAdjuster({"-idirafter", Dir},
                                              ArgumentInsertPosition::END));
  ArgumentsAdjuster All;
  for (ArgumentsAdjuster &Step : Steps)
    All = combineAdjusters(std::move(All), std::move(Step));
  return All;
}

} // namespace rehost
