//===- Suppression.h - Comments that silence a finding --------------------===//
//
// The forms clang-tidy users already write (NOLINT, NOLINTNEXTLINE,
// NOLINTBEGIN/NOLINTEND, each with an optional check list) and rehost's own
// `// rehost: allow(reason)`. Phase one reads them from the file's text, so a
// suppression is a fact of the site like any other.
//
//===----------------------------------------------------------------------===//

#ifndef REHOST_SUPPRESSION_H
#define REHOST_SUPPRESSION_H

#include "llvm/ADT/StringRef.h"

#include <string>

namespace rehost {

/// rehost's own form, `// rehost: allow(reason)`, as Suppression::Form
/// names it.
constexpr llvm::StringLiteral AllowForm = "rehost: allow";

/// The comment that silences one finding; Form is empty when none does.
struct Suppression {
  /// As written: "NOLINT", "NOLINTNEXTLINE", "NOLINTBEGIN" or "rehost: allow".
  std::string Form;
  /// The reason the comment gives: the text inside `allow(...)`, or after a
  /// NOLINT's check list (`// NOLINT(rehost-hardcoded-endpoint): fixture`).
  std::string Reason;

  bool suppresses() const { return !Form.empty(); }
};

/// The suppression that applies to a finding of \p Check (the diagnostic's
/// name, "rehost-hardcoded-endpoint") whose site starts at \p Offset of
/// \p Text (the file's content). A NOLINT without a check list, or whose
/// list holds a glob matching \p Check ("rehost-*"), silences it, as in
/// clang-tidy; NOLINTBEGIN regions end at the NOLINTEND naming the same
/// check list.
Suppression findSuppression(llvm::StringRef Text, unsigned Offset,
                            llvm::StringRef Check);

} // namespace rehost

#endif // REHOST_SUPPRESSION_H
