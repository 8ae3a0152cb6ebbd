//===- LLVMCompat.h - What LLVM 14 through 19 spell differently -----------===//
//
// rehost builds against LLVM 14 (Debian bookworm's default) and LLVM 19. Most
// differences have a spelling both accept (std::optional, llvm::ArrayRef<T>,
// FileEntryRef); the ones that do not are bridged here, in one place, so the
// rest of the code never tests LLVM_VERSION_MAJOR.
//
//===----------------------------------------------------------------------===//

#ifndef REHOST_LLVMCOMPAT_H
#define REHOST_LLVMCOMPAT_H

#include "clang/Frontend/CompilerInvocation.h"
#include "clang/Frontend/Utils.h"
#include "clang/Tooling/DependencyScanning/DependencyScanningService.h"
#include "clang/Tooling/Inclusions/HeaderIncludes.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/Program.h"
#if LLVM_VERSION_MAJOR >= 17
#include "llvm/TargetParser/Triple.h"
#else
#include "llvm/ADT/Triple.h"
#endif
#include "llvm/Support/ThreadPool.h"

#include <memory>
#include <optional>

namespace rehost {

/// StringRef::startswith, which LLVM 19 removed, and StringRef::starts_with,
/// which LLVM 14 does not have yet.
inline bool startsWith(llvm::StringRef Text, llvm::StringRef Prefix) {
  return Text.take_front(Prefix.size()) == Prefix;
}

/// StringRef::endswith (LLVM 14) and StringRef::ends_with (LLVM 19).
inline bool endsWith(llvm::StringRef Text, llvm::StringRef Suffix) {
  return Text.take_back(Suffix.size()) == Suffix;
}

/// The replacement that adds `#include <Header>` (or "Header") where
/// \p Includes puts it, or nothing when the file includes it already. LLVM 16
/// added a directive argument (#include or #import) and LLVM 14 returns
/// LLVM's own optional type, so callers get std::optional from every version.
inline std::optional<clang::tooling::Replacement>
insertInclude(const clang::tooling::HeaderIncludes &Includes,
              llvm::StringRef Header, bool IsAngled) {
#if LLVM_VERSION_MAJOR >= 16
  return Includes.insert(Header, IsAngled,
                         clang::tooling::IncludeDirective::Include);
#else
  if (auto Insert = Includes.insert(Header, IsAngled))
    return *Insert;
  return std::nullopt;
#endif
}

/// The service of Clang's dependency-directives scanner, writing Make-style
/// dependency lists. LLVM 14 calls the mode MinimizedSourcePreprocessing,
/// later versions DependencyDirectivesScan.
inline std::unique_ptr<clang::tooling::dependencies::DependencyScanningService>
makeDependencyScanningService() {
  using namespace clang::tooling::dependencies;
#if LLVM_VERSION_MAJOR >= 15
  ScanningMode Mode = ScanningMode::DependencyDirectivesScan;
#else
  ScanningMode Mode = ScanningMode::MinimizedSourcePreprocessing;
#endif
  return std::make_unique<DependencyScanningService>(
      Mode, ScanningOutputFormat::Make);
}

/// LLVM's thread pool, which LLVM 19 renamed from ThreadPool to
/// DefaultThreadPool; both are built from a ThreadPoolStrategy and have the
/// same async and wait.
#if LLVM_VERSION_MAJOR >= 19
using ThreadPool = llvm::DefaultThreadPool;
#else
using ThreadPool = llvm::ThreadPool;
#endif

/// ExecuteAndWait's optional types (LLVM's own until LLVM 16, then
/// std::optional), read off its own declaration.
template <class F> struct ProgramArgs;
template <class R, class Program, class Args, class Env, class Redirects,
          class... Rest>
struct ProgramArgs<R (*)(Program, Args, Env, Redirects, Rest...)> {
  using Environment = Env;
  using Redirect = typename Redirects::value_type;
};
using ExecuteArgs = ProgramArgs<decltype(&llvm::sys::ExecuteAndWait)>;

/// Runs \p Argv (Program first) with no standard input and its output and
/// errors written to the files \p Stdout and \p Stderr; the exit status,
/// or -1 with \p Message when it could not run.
inline int runProgram(llvm::StringRef Program,
                      llvm::ArrayRef<llvm::StringRef> Argv,
                      llvm::StringRef Stdout, llvm::StringRef Stderr,
                      std::string &Message) {
  ExecuteArgs::Redirect Redirects[] = {llvm::StringRef(""), Stdout, Stderr};
  return llvm::sys::ExecuteAndWait(Program, Argv, ExecuteArgs::Environment(),
                                   Redirects, 0, 0, &Message);
}

/// The compiler invocation the Clang driver builds from \p Args (the
/// compiler first), or none when the driver refuses it: LLVM 15 replaced
/// createInvocationFromCommandLine by createInvocation.
inline std::unique_ptr<clang::CompilerInvocation> invocationFromCommandLine(
    llvm::ArrayRef<const char *> Args,
    llvm::IntrusiveRefCntPtr<clang::DiagnosticsEngine> Diags,
    llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS) {
#if LLVM_VERSION_MAJOR >= 15
  clang::CreateInvocationOptions Options;
  Options.Diags = std::move(Diags);
  Options.VFS = std::move(FS);
  return clang::createInvocation(Args, std::move(Options));
#else
  return clang::createInvocationFromCommandLine(Args, std::move(Diags),
                                                std::move(FS));
#endif
}

/// An invocation's language options: a pointer until LLVM 17, a reference
/// since.
inline const clang::LangOptions &langOptionsOf(const clang::LangOptions &L) {
  return L;
}
inline const clang::LangOptions &langOptionsOf(const clang::LangOptions *L) {
  return *L;
}

} // namespace rehost

#endif // REHOST_LLVMCOMPAT_H
