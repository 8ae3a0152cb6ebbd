//===- HeaderFilter.h - Which headers' sites a scan reports ---------------===//

#ifndef REHOST_LIB_PROJECT_HEADERFILTER_H
#define REHOST_LIB_PROJECT_HEADERFILTER_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/Regex.h"

#include <optional>
#include <string>

namespace rehost {

/// Which sites are reported: those in the main file, and those in headers
/// the --header-filter (or, by default, the project root) admits.
class HeaderFilter {
public:
  /// \p Pattern: --header-filter, empty for none; \p Root: the project root,
  /// real path. An error says why \p Pattern is not a regular expression.
  static llvm::Expected<HeaderFilter> create(llvm::StringRef Pattern,
                                             std::string Root);

  bool admits(llvm::StringRef Header) const;

  /// What decides which headers it admits: the pattern, else the root.
  std::string key() const;

private:
  std::string Root; ///< Real path.
  std::string PatternText;
  std::optional<llvm::Regex> Pattern;
};

} // namespace rehost

#endif // REHOST_LIB_PROJECT_HEADERFILTER_H
