//===- Verifier.h - fix --verify: rewritten code must still compile -------===//

#ifndef REHOST_VERIFIER_H
#define REHOST_VERIFIER_H

#include "rehost/EditApplier.h"
#include "rehost/Project.h"
#include "rehost/Scanner.h"

#include "llvm/Support/raw_ostream.h"

namespace rehost {

/// Parses again every translation unit that read a file \p Outcomes changed.
/// When a unit that parsed before no longer does, every changed file it
/// reads gets its original content back, and its outcome's Error says so.
void verifyEdits(const ScanRequest &Request,
                 llvm::ArrayRef<TranslationUnitFacts> Units,
                 std::vector<FileOutcome> &Outcomes, llvm::raw_ostream &Log);

} // namespace rehost

#endif // REHOST_VERIFIER_H
