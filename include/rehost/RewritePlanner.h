//===- RewritePlanner.h - Phase one: how a site moves onto the runtime ----===//
//
// Plans the edits for one site while its translation unit is still parsed:
// where the text is spelled (a file, a macro argument or a macro body), what
// changes, and when no edit is provably safe, why. Profile names are not known
// yet; the edits carry a placeholder that phase two fills in.
//
//===----------------------------------------------------------------------===//

#ifndef REHOST_REWRITEPLANNER_H
#define REHOST_REWRITEPLANNER_H

#include "rehost/Site.h"

#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/DenseMap.h"

namespace clang {
class CallExpr;
class LangOptions;
class SourceManager;
} // namespace clang

namespace rehost {

struct CatalogEntry;

/// Digests of the files of one translation unit, computed once each.
class FileDigests {
public:
  explicit FileDigests(const clang::SourceManager &SM) : SM(SM) {}
  const std::string &of(clang::FileID File);

private:
  const clang::SourceManager &SM;
  llvm::DenseMap<clang::FileID, std::string> Cache;
};

/// "file:offset" of the callee's name when \p Call is spelled inside a
/// macro body (an edit there changes every expansion); empty otherwise.
std::string macroBodyKey(const clang::CallExpr &Call,
                         const clang::SourceManager &SM);

/// Plans how a site found by rule \p R in a use of \p Entry moves onto the
/// runtime. Calls of drop-in functions are rewritten: the function renamed,
/// the profile passed first and the original arguments kept as the fallback.
/// Every other site gets the reason it must be rewritten by hand.
Rewrite planRewrite(Rule R, const CatalogEntry &Entry,
                    const clang::CallExpr *Call, const clang::SourceManager &SM,
                    const clang::LangOptions &LangOpts, FileDigests &Digests);

} // namespace rehost

#endif // REHOST_REWRITEPLANNER_H
