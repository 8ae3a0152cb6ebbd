//===- UnitDiagnostics.h - The compiler's messages about one unit ---------===//
//
// A unit's compiler errors go to its log as Clang's own printer writes them,
// with paths as findings show them, and the first one is kept for the
// reports.
//
//===----------------------------------------------------------------------===//

#ifndef REHOST_LIB_PROJECT_UNITDIAGNOSTICS_H
#define REHOST_LIB_PROJECT_UNITDIAGNOSTICS_H

#include "rehost/Report.h"

#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/DiagnosticOptions.h"
#include "llvm/ADT/IntrusiveRefCntPtr.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <memory>
#include <optional>
#include <string>

namespace rehost {

class RootRelativeDiagnostic;

/// Prints the compiler's diagnostics as its own printer would (paths
/// relative to the project root) and keeps the first error, so the reports
/// can say why a file failed and not only that it did.
class FirstErrorRecorder : public clang::DiagnosticConsumer {
public:
  FirstErrorRecorder(llvm::raw_ostream &Log, llvm::StringRef Root);
  ~FirstErrorRecorder() override;

  void BeginSourceFile(const clang::LangOptions &LangOpts,
                       const clang::Preprocessor *PP) override;
  void EndSourceFile() override;
  void finish() override { Log.flush(); }

  void HandleDiagnostic(clang::DiagnosticsEngine::Level Level,
                        const clang::Diagnostic &Info) override;

  std::optional<CompilerError> takeFirst() {
    std::optional<CompilerError> Out = std::move(First);
    First.reset();
    return Out;
  }

private:
  void print(clang::DiagnosticsEngine::Level Level,
             const clang::Diagnostic &Info, llvm::StringRef Message);

  llvm::raw_ostream &Log;
  std::string Root;
  llvm::IntrusiveRefCntPtr<clang::DiagnosticOptions> Options;
  std::unique_ptr<RootRelativeDiagnostic> Text;
  std::optional<CompilerError> First;
};

} // namespace rehost

#endif // REHOST_LIB_PROJECT_UNITDIAGNOSTICS_H
