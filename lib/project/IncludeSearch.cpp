//===- IncludeSearch.cpp - Where one command looks for its includes -------===//

#include "IncludeSearch.h"

#include "rehost/LLVMCompat.h"

#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Basic/TargetOptions.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Lex/HeaderSearch.h"
#include "clang/Lex/HeaderSearchOptions.h"
#include "clang/Lex/PreprocessorOptions.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"

namespace rehost {
namespace {

std::string absoluteIn(llvm::StringRef Directory, llvm::StringRef Path) {
  llvm::SmallString<256> Abs(Path);
  llvm::sys::fs::make_absolute(Directory, Abs);
  return std::string(Abs);
}

/// Why \p Invocation's lookup is more than a list of directories; empty
/// when it is not.
std::string unsupportedLookup(const clang::CompilerInvocation &Invocation) {
  const clang::LangOptions &Lang = langOptionsOf(Invocation.getLangOpts());
  if (Lang.Modules)
    return "modules";
  if (Lang.MSVCCompat)
    return "MSVC's include lookup";
  if (!Invocation.getPreprocessorOpts().ImplicitPCHInclude.empty())
    return "a precompiled header";
  if (!Invocation.getHeaderSearchOpts().VFSOverlayFiles.empty())
    return "a file system overlay";
  return {};
}

} // namespace

IncludeSearch includeSearchOf(const std::vector<std::string> &CommandLine,
                              llvm::StringRef Directory) {
  IncludeSearch Out;
  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS =
      llvm::vfs::createPhysicalFileSystem();
  if (FS->setCurrentWorkingDirectory(Directory)) {
    Out.Unsupported = "the command's directory cannot be entered";
    return Out;
  }
  llvm::IntrusiveRefCntPtr<clang::DiagnosticOptions> DiagOptions(
      new clang::DiagnosticOptions);
  llvm::IntrusiveRefCntPtr<clang::DiagnosticsEngine> Diags =
      clang::CompilerInstance::createDiagnostics(
          DiagOptions.get(), new clang::IgnoringDiagConsumer,
          /*ShouldOwnClient=*/true);
  std::vector<const char *> Args;
  for (const std::string &Arg : CommandLine)
    Args.push_back(Arg.c_str());
  std::unique_ptr<clang::CompilerInvocation> Invocation =
      invocationFromCommandLine(Args, Diags, FS);
  if (!Invocation) {
    Out.Unsupported = "the driver refuses the command";
    return Out;
  }
  Out.Unsupported = unsupportedLookup(*Invocation);
  if (!Out.Unsupported.empty())
    return Out;
  const clang::LangOptions &Lang = langOptionsOf(Invocation->getLangOpts());
  Out.CPlusPlus = Lang.CPlusPlus;

  clang::FileSystemOptions FileOptions;
  FileOptions.WorkingDir = Directory.str();
  clang::FileManager Files(FileOptions, FS);
  clang::SourceManager Sources(*Diags, Files);
  auto SearchOptions = std::make_shared<clang::HeaderSearchOptions>(
      Invocation->getHeaderSearchOpts());
  clang::HeaderSearch Search(SearchOptions, Sources, *Diags, Lang,
                             /*Target=*/nullptr);
  clang::ApplyHeaderSearchOptions(
      Search, *SearchOptions, Lang,
      llvm::Triple(Invocation->getTargetOpts().Triple));
  const clang::HeaderSearch &Lookup = Search;
  for (auto It = Lookup.search_dir_begin(); It != Lookup.angled_dir_begin();
       ++It)
    ++Out.AngledStart;
  for (auto It = Lookup.search_dir_begin(), End = Lookup.search_dir_end();
       It != End; ++It) {
    if (!It->isNormalDir()) {
      Out.Unsupported = "a framework or header map directory";
      return Out;
    }
    Out.Directories.push_back({It->getName().str(),
                               absoluteIn(Directory, It->getName()),
                               It->isSystemHeaderDirectory()});
  }
  const clang::PreprocessorOptions &Preprocessor =
      Invocation->getPreprocessorOpts();
  Out.ForcedIncludes = Preprocessor.MacroIncludes;
  Out.ForcedIncludes.insert(Out.ForcedIncludes.end(),
                            Preprocessor.Includes.begin(),
                            Preprocessor.Includes.end());
  return Out;
}

} // namespace rehost
