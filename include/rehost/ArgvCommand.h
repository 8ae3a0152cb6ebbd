//===- ArgvCommand.h - The words a hiredis argv command sends -------------===//
//
// redisCommandArgv(c, 2, argv, NULL) sends the words of an array:
// `const char *argv[] = {"AUTH", "s3cret"};`, declared where the call can
// see it, perhaps carried by a local pointer, or a compound literal at the
// call. This reads the words the call sends, and which declarations hold
// them: replacing the call takes the password out of the code only if
// those declarations go with it, which is safe only when nothing else
// uses them.
//
//===----------------------------------------------------------------------===//

#ifndef REHOST_ARGVCOMMAND_H
#define REHOST_ARGVCOMMAND_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"

#include <optional>
#include <string>

namespace clang {
class ASTContext;
class CallExpr;
class DeclStmt;
class Expr;
} // namespace clang

namespace rehost {

/// What an argv command sends, as phase one reads it.
struct ArgvCommand {
  /// The elements sent, in order: the first argc of the array's initialiser
  /// (all of them when argc is not a constant).
  llvm::SmallVector<const clang::Expr *, 4> Words;
  /// The declarations of the argv and argvlen arrays (and of the locals
  /// that carry them to the call) that only this call uses: a rewrite of
  /// the call removes them.
  llvm::SmallVector<const clang::DeclStmt *, 2> Removed;
  /// Non-empty: why a rewrite cannot take what holds the words out of the
  /// code with the call.
  std::string Problem;
};

/// Reads the command of \p Call from \p FromArgc (its argc, argv and
/// argvlen arguments); nothing when the argv array's elements cannot be
/// seen (a parameter, a value computed at run time).
std::optional<ArgvCommand>
readArgvCommand(const clang::CallExpr &Call,
                llvm::ArrayRef<const clang::Expr *> FromArgc,
                clang::ASTContext &Ctx);

} // namespace rehost

#endif // REHOST_ARGVCOMMAND_H
