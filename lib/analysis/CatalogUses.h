//===- CatalogUses.h - The uses of catalogued APIs in a unit
//----------------===//
//
// Phase one starts here: AST matchers find every call, construction and
// field assignment whose declaration has a catalogued name; each becomes an
// ApiUse, whatever its syntax, and is keyed to its catalog entry only when
// the family's headers declare it and its parameters fit the entry's roles.
//
//===----------------------------------------------------------------------===//

#ifndef REHOST_LIB_ANALYSIS_CATALOGUSES_H
#define REHOST_LIB_ANALYSIS_CATALOGUSES_H

#include "rehost/Catalog.h"

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallVector.h"

#include <optional>
#include <string>

namespace rehost {

/// A use of a catalogued API, whatever its syntax: a call, a construction
/// or an assignment to an options field.
struct ApiUse {
  ApiKind Kind;
  /// What the catalog names and the family's headers must declare: the
  /// function, the constructed class or the field.
  const clang::NamedDecl *Declaration;
  /// The catalog key: Declaration's qualified name, or a field's member path.
  std::string Name;
  /// The called function or constructor, whose parameters pick the overload;
  /// null for fields.
  const clang::FunctionDecl *Callee = nullptr;
  llvm::SmallVector<const clang::Expr *, 4> Args;
  clang::SourceLocation Loc;
  const clang::CallExpr *Call = nullptr; ///< For calls: what a rewrite edits.
  /// Where left-out default arguments would be written.
  clang::SourceLocation RParen = {};
  /// For fields: the options object assigned to (the variable or member
  /// the field belongs to); null when it has no name.
  const clang::Decl *Object = nullptr;
  /// For fields: the assignment, and the member access naming the object.
  const clang::Expr *Assignment = nullptr;
  const clang::MemberExpr *Member = nullptr;
  /// For methods: the object the method is called on.
  const clang::Expr *Connection = nullptr;
  /// The whole use (the call, construction or assignment): its text and
  /// enclosing function identify the finding.
  const clang::Expr *Whole = nullptr;
};

/// Adds to \p Finder a matcher for each kind of use of a catalogued name,
/// reporting to \p Callback.
void addCatalogMatchers(
    clang::ast_matchers::MatchFinder &Finder,
    clang::ast_matchers::MatchFinder::MatchCallback &Callback);

/// The use one of those matchers found, or None for another match.
std::optional<ApiUse> useOfMatch(const clang::ast_matchers::BoundNodes &Nodes);

/// The entry \p Use is a use of: its name's, when the family's headers
/// declare it and the called overload's parameters can hold the entry's
/// roles; null otherwise.
const CatalogEntry *entryOf(const ApiUse &Use, const clang::SourceManager &SM);

/// The arguments \p Call hands on to the object it constructs
/// (`std::make_unique<T>(...)`, a container's `emplace(...)`): those its
/// callee's parameter pack takes, so `emplace`'s position is not one. None
/// when the callee is not a function template with a parameter pack.
std::optional<llvm::ArrayRef<const clang::Expr *>>
forwardedArguments(const clang::CallExpr &Call);

/// The object whose field \p Member names: `opts` in `opts.host`,
/// `opts->host` or `(&opts)->host`, the member `opts_` in
/// `this->opts_.host`; null when it has no name.
const clang::Decl *objectOf(const clang::MemberExpr &Member);

} // namespace rehost

#endif // REHOST_LIB_ANALYSIS_CATALOGUSES_H
