//===- suppression.cpp - Fuzz the suppression-comment reader --------------===//
//
// findSuppression (lib/analysis/Suppression.cpp) on any file text. The first
// two bytes pick the site's offset, the third which rule's check is asked
// about. Property: only a comment that suppresses gives a reason, and the
// form is one of the four the header names.
//
//===----------------------------------------------------------------------===//

#include "FuzzSupport.h"

#include "rehost/Suppression.h"

using rehost::fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  if (Size < 3)
    return 0;
  static const char *const Checks[] = {"rehost-hardcoded-endpoint",
                                       "rehost-hardcoded-credential",
                                       "rehost-partially-hardcoded", ""};
  unsigned Offset = Data[0] | Data[1] << 8;
  llvm::StringRef Check = Checks[Data[2] % std::size(Checks)];
  llvm::StringRef Text(reinterpret_cast<const char *>(Data) + 3, Size - 3);
  rehost::Suppression S = rehost::findSuppression(Text, Offset, Check);
  require(S.suppresses() || S.Reason.empty(),
          "only a suppressing comment gives a reason");
  require(!S.suppresses() || S.Form == "NOLINT" || S.Form == "NOLINTNEXTLINE" ||
              S.Form == "NOLINTBEGIN" || S.Form == rehost::AllowForm,
          "the form is NOLINT, NOLINTNEXTLINE, NOLINTBEGIN or rehost: allow");
  return 0;
}
