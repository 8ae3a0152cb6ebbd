//===- baseline.cpp - Fuzz the baseline reader ----------------------------===//
//
// readBaseline (lib/report/Baseline.cpp) on any file. Property: a baseline
// that reads back writes back the same: its rendering reads back to the same
// entries and renders to the same text.
//
//===----------------------------------------------------------------------===//

#include "FuzzSupport.h"

#include "rehost/Baseline.h"

using rehost::fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  static rehost::fuzz::ScratchFile File("baseline");
  rehost::fuzz::writeFile(File.path(), rehost::fuzz::asText(Data, Size));
  llvm::Expected<rehost::Baseline> Read = rehost::readBaseline(File.path());
  if (!Read) {
    llvm::consumeError(Read.takeError());
    return 0;
  }
  std::string Rendered = rehost::renderBaseline(*Read);
  rehost::fuzz::writeFile(File.path(), Rendered);
  llvm::Expected<rehost::Baseline> Again = rehost::readBaseline(File.path());
  require(static_cast<bool>(Again), "a rendered baseline reads back");
  require(Again->Entries == Read->Entries,
          "a rendered baseline reads back to the same entries");
  require(rehost::renderBaseline(*Again) == Rendered,
          "a baseline read back renders the same");
  return 0;
}
