//===- ConstantEvaluator.h - Is an endpoint argument hardcoded? -----------===//
//
// Decides whether an argument is constant the way a reader of the code would:
// literals, macros, const/constexpr variables, std::string constants, literal
// concatenation and constant arithmetic are constant; getenv, argv, parameters
// and config objects are not; a constant that run-time code may replace (a
// conditional, a variable that is reassigned) is a partial constant.
//
//===----------------------------------------------------------------------===//

#ifndef REHOST_CONSTANTEVALUATOR_H
#define REHOST_CONSTANTEVALUATOR_H

#include "rehost/Site.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang {
class ASTContext;
class CallExpr;
class Expr;
class FunctionDecl;
class QualType;
class ParmVarDecl;
class VarDecl;
} // namespace clang

namespace rehost {

/// \p E without what does not change its value: implicit nodes, parentheses,
/// casts, opaque values, a library default left in place (written in the
/// library's header, as hardcoded as a literal at the call) and the
/// std::initializer_list around a braced list.
const clang::Expr *stripNoise(const clang::Expr *E);

/// True for std::string and std::string_view (any basic_ of them).
bool isStdString(clang::QualType T);

/// What \p E reads a string from unchanged: `HOST` in `HOST.c_str()`,
/// `HOST.data()` or `std::string(HOST)`; null for anything else.
const clang::Expr *stringSource(const clang::Expr *E);

class ConstantEvaluator {
public:
  explicit ConstantEvaluator(clang::ASTContext &Ctx) : Ctx(Ctx) {}

  /// Evaluates an expression of string type (const char *, std::string).
  Value evaluateString(const clang::Expr *E);
  /// Evaluates an expression of integer type.
  Value evaluateInteger(const clang::Expr *E);
  /// Evaluates a braced list of (host, port) pairs into "host:port,...".
  Value evaluateNodeList(const clang::Expr *E);
  /// Whether code in this translation unit may assign to \p VD (a local
  /// or parameter: its function; a file-local global: the unit).
  bool mayBeReassigned(const clang::VarDecl *VD);

private:
  enum class Type { String, Integer };
  Value evaluate(const clang::Expr *E, Type T, unsigned Depth);
  Value evaluateLeaf(const clang::Expr *E, Type T, unsigned Depth);
  Value evaluateVariable(const clang::VarDecl *VD, Type T, unsigned Depth);
  Value evaluateCall(const clang::CallExpr &Call, Type T, unsigned Depth);

  clang::ASTContext &Ctx;
  llvm::DenseMap<const clang::VarDecl *, bool> ReassignedCache;
  /// While a called function's returns are read: its parameters' arguments.
  llvm::DenseMap<const clang::ParmVarDecl *, const clang::Expr *> Arguments;
  /// The functions whose returns are being read.
  llvm::SmallPtrSet<const clang::FunctionDecl *, 4> Reading;
};

} // namespace rehost

#endif // REHOST_CONSTANTEVALUATOR_H
