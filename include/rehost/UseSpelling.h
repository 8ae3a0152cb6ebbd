//===- UseSpelling.h - Phase one: where a site's parts are written --------===//
//
// While its translation unit is still parsed, records where each piece of a
// site a rewrite touches is written (a file, a macro argument or a macro
// body) and whether an edit may land there (Spelling.h). What the edits say
// is decided in phase two, once profile names and the mode are known.
//
//===----------------------------------------------------------------------===//

#ifndef REHOST_USESPELLING_H
#define REHOST_USESPELLING_H

#include "rehost/ArgvCommand.h"
#include "rehost/Catalog.h"
#include "rehost/CommandFormat.h"
#include "rehost/PoolProof.h"
#include "rehost/Spelling.h"

#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"

namespace clang {
class CallExpr;
class Expr;
class LangOptions;
class SourceManager;
} // namespace clang

namespace rehost {

/// Digests of the files of one translation unit, computed once each.
class FileDigests {
public:
  explicit FileDigests(const clang::SourceManager &SM) : SM(SM) {}
  const std::string &of(clang::FileID File);

private:
  const clang::SourceManager &SM;
  llvm::DenseMap<clang::FileID, std::string> Cache;
};

/// Another field of the same options object that moves with an address
/// field: `opts.port = 6380` next to `opts.host = "cache"`. A port left
/// behind would point a configured host at the old port.
struct CompanionField {
  ArgRole Role;
  const clang::Expr *Value; ///< The assigned value, known to be constant.
  std::string Text;         ///< Its constant value.
};

/// Where the runtime call that hands the whole profile to an options object
/// is written: as a statement of its own after the code's last assignment to
/// the object's fields.
struct OptionsStatement {
  clang::SourceLocation After; ///< Just after that assignment's ';'.
  std::string Object;          ///< The object as an lvalue: "opts", "*opts".
  std::string Indent;          ///< The assignment line's indentation.
  std::string Problem;         ///< Non-empty: no place for the call.
};

/// A call that connects the object a site configures (an entry that
/// RewriteShape::ConnectsConfigured): rewritten with the site.
struct ConnectUse {
  const clang::CallExpr *Call;
  const CatalogEntry *Entry;
};

/// What phase one sees of one use of a catalogued API.
struct UseSyntax {
  /// A call of a drop-in function: it is renamed. Null for other uses.
  const clang::CallExpr *Call = nullptr;
  /// The arguments in the catalog's role order (a field: the assigned
  /// value). A default argument left out by the caller is still listed.
  llvm::ArrayRef<const clang::Expr *> Args;
  /// The closing parenthesis, where left-out default arguments are written;
  /// invalid when the use has none.
  clang::SourceLocation RParen;
  /// For an address field: the object's port and db fields.
  llvm::ArrayRef<CompanionField> Companions;
  /// For a command that sends credentials: which words carry them.
  std::optional<CredentialWords> Credentials;
  /// For an argv command: its words and what holds them.
  const ArgvCommand *Argv = nullptr;
  /// Why the site has no profile (a credential whose connection could not
  /// be followed); such a site is left to a human.
  std::string NoProfileReason;
  /// For a field of an options object whose catalog entry has an
  /// OptionsCall: where that call goes.
  OptionsStatement Options;
  /// For an entry that AwaitsConnect: the calls that connect its object.
  llvm::ArrayRef<ConnectUse> Connects;
};

/// "file:offset" of the callee's name when \p Call is spelled inside a
/// macro body (an edit there changes every expansion); empty otherwise.
std::string macroBodyKey(const clang::CallExpr &Call,
                         const clang::SourceManager &SM);

/// Where the parts of a use of \p Entry are written. \p Pooled, for a
/// connect `fix --pool` may take, is what the pool proof found; \p Secrets
/// are the passwords any site of the unit writes (longest first), masked in
/// the lines recorded wherever they appear.
UseSpelling spellUse(const CatalogEntry &Entry, const UseSyntax &Use,
                     const PooledUse *Pooled,
                     llvm::ArrayRef<std::string> Secrets,
                     const clang::SourceManager &SM,
                     const clang::LangOptions &LangOpts, FileDigests &Digests);

/// Where \p E, a constant handed to the project's own code, is written, or
/// why no edit may land there; its line goes into \p Out's Lines (with each
/// of \p Secrets masked), beside those already there.
Anchor spellConstant(const clang::Expr &E, llvm::ArrayRef<std::string> Secrets,
                     const clang::SourceManager &SM,
                     const clang::LangOptions &LangOpts, FileDigests &Digests,
                     UseSpelling &Out);

} // namespace rehost

#endif // REHOST_USESPELLING_H
