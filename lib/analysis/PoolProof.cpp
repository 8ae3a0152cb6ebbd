//===- PoolProof.cpp - Is a connect one request's own connection? ---------===//

#include "rehost/PoolProof.h"

#include "rehost/Catalog.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"

#include <optional>

using namespace clang;

namespace rehost {
namespace {

/// Every reference to \p Var in a function body, in source order.
class References : public RecursiveASTVisitor<References> {
public:
  explicit References(const VarDecl &Var) : Var(Var) {}
  bool VisitDeclRefExpr(DeclRefExpr *Ref) {
    if (Ref->getDecl() == &Var)
      Found.push_back(Ref);
    return true;
  }
  std::vector<const DeclRefExpr *> Found;

private:
  const VarDecl &Var;
};

/// The parent of \p Node, through the implicit casts, parentheses and
/// cleanups that do not change what is done with it.
DynTypedNode meaningfulParent(DynTypedNode Node, ASTContext &Context,
                              const Expr **Child = nullptr) {
  for (;;) {
    DynTypedNodeList Parents = Context.getParents(Node);
    if (Parents.size() != 1)
      return DynTypedNode();
    const auto *E = Parents[0].get<Expr>();
    bool Transparent =
        E &&
        (isa<ParenExpr>(E) || isa<ExprWithCleanups>(E) ||
         (isa<ImplicitCastExpr>(E) &&
          cast<ImplicitCastExpr>(E)->getCastKind() != CK_PointerToBoolean));
    if (!Transparent)
      return Parents[0];
    if (Child)
      *Child = E;
    Node = Parents[0];
  }
}

const FunctionDecl *calleeOf(const CallExpr &Call) {
  return dyn_cast_or_null<FunctionDecl>(Call.getCalleeDecl());
}

bool isNullConstant(const Expr *E, ASTContext &Context) {
  return E->IgnoreParenImpCasts()->isNullPointerConstant(
             Context, Expr::NPC_ValueDependentIsNotNull) != Expr::NPCK_NotNull;
}

/// How the code uses the context at one reference.
enum class UseKind { Command, ErrorField, NullTest, Free, Other };

UseKind classify(const DeclRefExpr &Ref, ASTContext &Context) {
  // Inside a lambda or block the context may outlive the request.
  if (Ref.refersToEnclosingVariableOrCapture())
    return UseKind::Other;
  const Expr *Child = &Ref;
  DynTypedNode Parent =
      meaningfulParent(DynTypedNode::create(Ref), Context, &Child);
  if (const auto *Call = Parent.get<CallExpr>()) {
    const FunctionDecl *Callee = calleeOf(*Call);
    if (!Callee || Call->getNumArgs() == 0 || Call->getArg(0) != Child)
      return UseKind::Other;
    std::string Name = catalogName(Callee->getQualifiedNameAsString());
    if (Name == ContextFree)
      return UseKind::Free;
    return usesContextForCommands(Name) ? UseKind::Command : UseKind::Other;
  }
  if (const auto *Member = Parent.get<MemberExpr>()) {
    llvm::StringRef Field = Member->getMemberDecl()->getName();
    if (!Member->isArrow() || (Field != "err" && Field != "errstr"))
      return UseKind::Other;
    // Read, never written or taken the address of.
    DynTypedNode Use = meaningfulParent(DynTypedNode::create(*Member), Context);
    if (const auto *Assign = Use.get<BinaryOperator>();
        Assign && Assign->isAssignmentOp())
      return UseKind::Other;
    if (const auto *Unary = Use.get<UnaryOperator>();
        Unary &&
        (Unary->getOpcode() == UO_AddrOf || Unary->isIncrementDecrementOp()))
      return UseKind::Other;
    return UseKind::ErrorField;
  }
  // A pointer as a truth value (C has no cast to bool for it).
  auto IsTested = [&](const Expr *Condition) {
    return Condition && Condition->IgnoreParenImpCasts() == &Ref;
  };
  if (const auto *If = Parent.get<IfStmt>())
    return IsTested(If->getCond()) ? UseKind::NullTest : UseKind::Other;
  if (const auto *Choice = Parent.get<ConditionalOperator>())
    return IsTested(Choice->getCond()) ? UseKind::NullTest : UseKind::Other;
  if (const auto *Binary = Parent.get<BinaryOperator>()) {
    if (Binary->isLogicalOp())
      return UseKind::NullTest;
    if (!Binary->isEqualityOp())
      return UseKind::Other;
    const Expr *Other = Binary->getLHS()->IgnoreParenImpCasts() == &Ref
                            ? Binary->getRHS()
                            : Binary->getLHS();
    return isNullConstant(Other, Context) ? UseKind::NullTest : UseKind::Other;
  }
  if (const auto *Unary = Parent.get<UnaryOperator>())
    return Unary->getOpcode() == UO_LNot ? UseKind::NullTest : UseKind::Other;
  if (const auto *Cast = Parent.get<ImplicitCastExpr>())
    return Cast->getCastKind() == CK_PointerToBoolean ? UseKind::NullTest
                                                      : UseKind::Other;
  return UseKind::Other;
}

/// True when \p S always leaves the function: a return, or a call of exit
/// or abort, possibly as the last statement of a block.
bool leavesFunction(const Stmt *S) {
  if (const auto *Block = dyn_cast_or_null<CompoundStmt>(S))
    S = Block->body_empty() ? nullptr : Block->body_back();
  if (!S)
    return false;
  if (isa<ReturnStmt>(S))
    return true;
  if (const auto *Call = dyn_cast<CallExpr>(S))
    if (const FunctionDecl *Callee = calleeOf(*Call))
      return Callee->isNoReturn();
  return false;
}

/// True when the NULL test at \p Ref decides an if whose branch for a NULL
/// context leaves the function: `if (c == NULL || c->err) return`,
/// `if (!c) exit(1)`, `if (c != NULL && !c->err) {...} else return`.
bool guardsTheFunction(const DeclRefExpr &Ref, ASTContext &Context) {
  // Whether the expression reached so far is true for a NULL context; unset
  // while it is the pointer itself.
  std::optional<bool> TrueWhenNull;
  const Stmt *Node = &Ref;
  for (unsigned Depth = 0; Depth != 16; ++Depth) {
    DynTypedNodeList Parents = Context.getParents(*Node);
    if (Parents.size() != 1)
      return false;
    if (const auto *If = Parents[0].get<IfStmt>()) {
      if (If->getCond() != Node)
        return false;
      // A bare pointer as the condition is false when NULL.
      bool NullTakesThen = TrueWhenNull.value_or(false);
      return leavesFunction(NullTakesThen ? If->getThen() : If->getElse());
    }
    const auto *E = Parents[0].get<Expr>();
    if (!E)
      return false;
    if (const auto *Cast = dyn_cast<ImplicitCastExpr>(E)) {
      if (Cast->getCastKind() == CK_PointerToBoolean && !TrueWhenNull)
        TrueWhenNull = false;
    } else if (const auto *Binary = dyn_cast<BinaryOperator>(E)) {
      bool NullTrue = TrueWhenNull.value_or(false);
      if (Binary->isEqualityOp() && !TrueWhenNull)
        TrueWhenNull = Binary->getOpcode() == BO_EQ;
      else if (Binary->getOpcode() == BO_LAnd && !NullTrue)
        TrueWhenNull = false; // NULL makes the whole `&&` false.
      else if (Binary->getOpcode() != BO_LOr || !NullTrue)
        return false; // Only `||` keeps a test that NULL makes true.
    } else if (const auto *Unary = dyn_cast<UnaryOperator>(E)) {
      if (Unary->getOpcode() != UO_LNot)
        return false;
      TrueWhenNull = !TrueWhenNull.value_or(false);
    } else if (!isa<ParenExpr>(E)) {
      return false;
    }
    Node = E;
  }
  return false;
}

const VarDecl *initialisedVariable(const CallExpr &Connect,
                                   ASTContext &Context) {
  DynTypedNode Parent =
      meaningfulParent(DynTypedNode::create(Connect), Context);
  const auto *Var = Parent.get<VarDecl>();
  if (!Var || !Var->hasLocalStorage() || Var->isStaticLocal() ||
      !Var->getInit() || Var->getInit()->IgnoreParenImpCasts() != &Connect)
    return nullptr;
  return Var;
}

} // namespace

PooledUse provePerRequestContext(const CallExpr &Connect, ASTContext &Context) {
  PooledUse Out;
  const VarDecl *Var = initialisedVariable(Connect, Context);
  const auto *Function =
      Var ? dyn_cast<FunctionDecl>(Var->getDeclContext()) : nullptr;
  if (!Function || !Function->hasBody()) {
    Out.Problem = "--pool: the context is not a local variable initialised "
                  "by the connect";
    return Out;
  }
  References Refs(*Var);
  Refs.TraverseStmt(Function->getBody());
  const SourceManager &SM = Context.getSourceManager();
  auto Line = [&](const DeclRefExpr *Ref) {
    return std::to_string(SM.getExpansionLineNumber(Ref->getLocation()));
  };
  llvm::sort(Refs.Found, [&](const DeclRefExpr *A, const DeclRefExpr *B) {
    return SM.isBeforeInTranslationUnit(A->getLocation(), B->getLocation());
  });
  for (const DeclRefExpr *Ref : Refs.Found) {
    UseKind Kind = classify(*Ref, Context);
    if (Kind == UseKind::Other) {
      Out.Problem = "--pool: '" + Var->getNameAsString() +
                    "' is used on line " + Line(Ref) +
                    " for more than hiredis commands, err, errstr and "
                    "redisFree (stored, returned or passed on), so it may "
                    "outlive the request";
      return Out;
    }
    if (Kind == UseKind::Free) {
      DynTypedNode Call = meaningfulParent(DynTypedNode::create(*Ref), Context);
      Out.Frees.push_back(Call.get<CallExpr>());
    }
  }
  if (Out.Frees.empty()) {
    Out.Problem = "--pool: '" + Var->getNameAsString() +
                  "' is not freed in this function, so it outlives the "
                  "request";
    return Out;
  }
  const DeclRefExpr *First = Refs.Found.front();
  if (classify(*First, Context) != UseKind::NullTest ||
      !guardsTheFunction(*First, Context)) {
    Out.Problem = "--pool: the code does not test '" + Var->getNameAsString() +
                  "' for NULL and return before using it (line " + Line(First) +
                  "); a pool acquire gives NULL when it has no connection";
    Out.Frees.clear();
  }
  return Out;
}

} // namespace rehost
