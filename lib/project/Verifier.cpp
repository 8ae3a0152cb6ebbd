//===- Verifier.cpp - fix --verify: rewritten code must still compile -----===//

#include "rehost/Verifier.h"

#include "rehost/FileIO.h"

#include "llvm/ADT/StringSet.h"

namespace rehost {

void verifyEdits(const ScanRequest &Request,
                 llvm::ArrayRef<TranslationUnitFacts> Units,
                 std::vector<FileOutcome> &Outcomes, llvm::raw_ostream &Log) {
  llvm::StringMap<FileOutcome *> Changed;
  for (FileOutcome &Outcome : Outcomes)
    if (Outcome.Error.empty())
      Changed[Outcome.Path] = &Outcome;

  // Only units that parsed before and read a changed file can be broken.
  ScanRequest Again = Request;
  Again.Files.clear();
  Again.IsExcluded = nullptr;
  std::map<std::string, const TranslationUnitFacts *> ByMain;
  for (const TranslationUnitFacts &Unit : Units)
    if (Unit.Error.empty() &&
        llvm::any_of(Unit.Files,
                     [&](const std::string &F) { return Changed.count(F); })) {
      Again.Files.push_back(Unit.MainFile);
      ByMain[Unit.MainFile] = &Unit;
    }
  if (Again.Files.empty())
    return;

  auto Reparsed = collectFacts(Again, Log);
  if (!Reparsed) {
    Log << "rehost: error: --verify could not parse again: "
        << llvm::toString(Reparsed.takeError()) << "\n";
    return;
  }
  for (const TranslationUnitFacts &Unit : *Reparsed) {
    if (Unit.Error.empty())
      continue;
    for (const std::string &File : ByMain[Unit.MainFile]->Files) {
      auto It = Changed.find(File);
      if (It == Changed.end() || !It->second->Error.empty())
        continue;
      FileOutcome &Outcome = *It->second;
      if (llvm::Error Err = writeFileAtomically(File, Outcome.Original)) {
        Outcome.Error = "the rewrite broke " + Unit.MainFile +
                        " and restoring the original failed: " +
                        llvm::toString(std::move(Err));
        continue;
      }
      Outcome.Error = "the rewrite broke the build of " + Unit.MainFile +
                      " (errors above); the original was restored";
      Outcome.Restored = true;
    }
  }
}

} // namespace rehost
