//===- Verifier.h - fix --verify: rewritten code must still compile -------===//

#ifndef REHOST_VERIFIER_H
#define REHOST_VERIFIER_H

#include "rehost/EditApplier.h"
#include "rehost/EditPlan.h"
#include "rehost/Project.h"
#include "rehost/Scanner.h"

#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

#include <string>
#include <vector>

namespace rehost {

/// The reason the findings of a file no parsed unit reads get: without a
/// parse nothing shows the rewrite would compile, so fix leaves it.
extern const char UnparsedReason[];

/// Takes out of \p Plan every file that no translation unit which parsed
/// reads (only units with errors reach it, or none), and returns their
/// outcomes: not rewritten, with UnparsedReason. Their units' errors were
/// shown already.
std::vector<FileOutcome>
withholdUnparsed(EditPlan &Plan, llvm::ArrayRef<TranslationUnitFacts> Units);

/// Takes out of \p Plan every file outside the project root \p Root
/// (absolute, symbolic links resolved), and returns their outcomes: not
/// rewritten, with the reason, their findings reported manual. fix writes
/// only the project's own files, so a compilation database that lists
/// another checkout's absolute paths (a copied checkout, worktrees sharing
/// a build directory) cannot make it rewrite that checkout.
std::vector<FileOutcome> withholdOutsideRoot(EditPlan &Plan,
                                             llvm::StringRef Root);

/// Where the installed runtime's headers are for a `rehost` binary at
/// \p Executable: its prefix's include directory (PREFIX/bin/rehost ->
/// PREFIX/include), where the runtime installs them beside the tool.
std::string installedRuntimeIncludeDir(llvm::StringRef Executable);

/// Fails, saying what to do, when \p Dir does not hold every runtime header
/// \p Plan includes: --verify would otherwise prove nothing about the
/// headers the project builds against.
llvm::Error checkRuntimeHeaders(llvm::StringRef Dir, const EditPlan &Plan);

/// Parses again every translation unit that parsed before and reads a file
/// \p Outcomes wrote, with the project's own flags plus the runtime headers
/// in \p RuntimeIncludeDir. When a unit no longer parses, every written file
/// it reads gets its original content back, and its outcome's Error says so.
void verifyEdits(const ScanRequest &Request,
                 llvm::ArrayRef<TranslationUnitFacts> Units,
                 std::vector<FileOutcome> &Outcomes,
                 llvm::StringRef RuntimeIncludeDir, llvm::raw_ostream &Log);

} // namespace rehost

#endif // REHOST_VERIFIER_H
