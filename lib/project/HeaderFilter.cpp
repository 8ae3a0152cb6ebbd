//===- HeaderFilter.cpp - Which headers' sites a scan reports -------------===//

#include "HeaderFilter.h"

#include "rehost/Paths.h"
#include "rehost/ProjectRoot.h"

namespace rehost {

llvm::Expected<HeaderFilter> HeaderFilter::create(llvm::StringRef Pattern,
                                                  std::string Root) {
  HeaderFilter Out;
  Out.Root = std::move(Root);
  if (Pattern.empty())
    return std::move(Out);
  Out.PatternText = Pattern.str();
  Out.Pattern.emplace(Pattern);
  std::string Error;
  if (!Out.Pattern->isValid(Error))
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "--header-filter: '" + Pattern +
            "' is not a valid regular expression: " + Error);
  return std::move(Out);
}

bool HeaderFilter::admits(llvm::StringRef Header) const {
  if (Pattern)
    return Pattern->match(Header);
  return isUnderDirectory(Header, Root);
}

std::string HeaderFilter::key() const {
  return Pattern ? "pattern " + PatternText : "under " + Root;
}

} // namespace rehost
