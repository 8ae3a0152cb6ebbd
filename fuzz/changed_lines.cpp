//===- changed_lines.cpp - Fuzz the `git diff` reader of --changed-since --===//
//
// parseUnifiedDiff (lib/project/ChangedLines.cpp) on any text. Properties:
// it reads it or refuses it with an error (a path it cannot read), never
// crashes; every file it names is under the top level, and every range it
// records is a real range of lines (1 <= first <= last) that touches()
// agrees with.
//
//===----------------------------------------------------------------------===//

#include "FuzzSupport.h"

#include "rehost/ChangedLines.h"
#include "rehost/LLVMCompat.h"

using rehost::fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  constexpr llvm::StringLiteral Top = "/top";
  llvm::Expected<rehost::ChangedLines> Read = rehost::parseUnifiedDiff(
      llvm::StringRef(reinterpret_cast<const char *>(Data), Size), Top);
  if (!Read) {
    llvm::consumeError(Read.takeError());
    return 0;
  }
  const rehost::ChangedLines &Changed = *Read;
  for (const auto &[Path, Ranges] : Changed.Files) {
    require(rehost::startsWith(Path, Top),
            "a changed file is under the top level");
    for (auto [First, Last] : Ranges) {
      require(1 <= First && First <= Last, "a range is 1 <= first <= last");
      require(Changed.touches(Path, First) && Changed.touches(Path, Last),
              "touches() holds for a range's ends");
    }
  }
  return 0;
}
