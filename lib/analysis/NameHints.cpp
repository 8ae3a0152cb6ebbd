//===- NameHints.cpp - The names the code gives an endpoint ---------------===//

#include "rehost/NameHints.h"

#include "rehost/ConstantEvaluator.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"

using namespace clang;

namespace rehost {
namespace {

/// How many initialisers are followed: a name several variables away says
/// little about this endpoint, and a cycle must end.
constexpr unsigned MaxDepth = 4;

/// \p E without what does not change which value it is: stripNoise's
/// nodes, a string built from it, its .c_str() or .data().
const Expr *unwrap(const Expr *E) {
  while (true) {
    const Expr *Before = E;
    E = stripNoise(E);
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(E);
        Construct && Construct->getNumArgs() != 0)
      E = Construct->getArg(0);
    if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E))
      if (const CXXMethodDecl *Method = Call->getMethodDecl();
          Method && Method->getIdentifier() &&
          (Method->getName() == "c_str" || Method->getName() == "data"))
        E = Call->getImplicitObjectArgument();
    if (E == Before)
      return E;
  }
}

class HintCollector {
public:
  HintCollector(ASTContext &Context, const Expr &Whole)
      : Context(Context), SM(Context.getSourceManager()),
        UseMacros(macrosAt(Whole.getBeginLoc())) {}

  /// Step 1: what \p E is read from, \p Depth initialisers away.
  void readFrom(const Expr *E, unsigned Depth) {
    if (!E || Depth > MaxDepth)
      return;
    for (SourceLocation Loc : tokenStarts(*E)) {
      llvm::SmallVector<llvm::StringRef, 2> Macros = macrosAt(Loc);
      for (llvm::StringRef Macro : llvm::reverse(Macros))
        if (!llvm::is_contained(UseMacros, Macro))
          add(Macro);
    }
    E = unwrap(E);
    if (const auto *Cond = dyn_cast<AbstractConditionalOperator>(E)) {
      readFrom(Cond->getTrueExpr(), Depth + 1);
      readFrom(Cond->getFalseExpr(), Depth + 1);
    } else if (const auto *Plus = dyn_cast<CXXOperatorCallExpr>(E);
               Plus && Plus->getOperator() == OO_Plus) {
      for (const Expr *Operand : Plus->arguments())
        readFrom(Operand, Depth + 1);
    } else if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
      add(Ref->getDecl());
      if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
          Var && !isa<ParmVarDecl>(Var))
        readFrom(Var->getAnyInitializer(), Depth + 1);
    } else if (const auto *Member = dyn_cast<MemberExpr>(E)) {
      add(Member->getMemberDecl());
    } else if (const auto *Call = dyn_cast<CallExpr>(E)) {
      add(dyn_cast_or_null<NamedDecl>(Call->getCalleeDecl()));
    }
  }

  /// Step 2: the object the use configures or acts on (`cache` in
  /// cache.connect(...), `&cache_opts` in redisConnectWithOptions), then the
  /// variable or field its result is stored in.
  void heldBy(const Expr *Holder, const Expr &Whole) {
    if (Holder) {
      Holder = unwrap(Holder);
      if (const auto *Op = dyn_cast<UnaryOperator>(Holder);
          Op && (Op->getOpcode() == UO_AddrOf || Op->getOpcode() == UO_Deref))
        Holder = unwrap(Op->getSubExpr());
      addAssigned(Holder);
    }
    storedIn(Whole);
  }

  void storedIn(const Expr &Whole) {
    const Stmt *Current = &Whole;
    for (unsigned Depth = 0; Depth != 8; ++Depth) {
      DynTypedNodeList Parents = Context.getParents(*Current);
      if (Parents.size() != 1)
        return;
      if (const auto *Var = Parents[0].get<VarDecl>())
        return add(Var);
      const auto *Parent = Parents[0].get<Expr>();
      if (!Parent)
        return;
      if (const auto *Assign = dyn_cast<BinaryOperator>(Parent))
        return addAssigned(Assign->isAssignmentOp() ? Assign->getLHS()
                                                    : nullptr);
      if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Parent))
        return addAssigned(Op->getOperator() == OO_Equal ? Op->getArg(0)
                                                         : nullptr);
      if (!isa<ImplicitCastExpr, ExplicitCastExpr, ExprWithCleanups,
               MaterializeTemporaryExpr, CXXBindTemporaryExpr, ParenExpr,
               CXXConstructExpr, CXXNewExpr>(Parent))
        return;
      Current = Parent;
    }
  }

  /// Step 3: the function the use is in (a lambda's enclosing one), then a
  /// method's or constructor's class; a global's initialiser names the
  /// global.
  void enclosing(const Expr &Whole) {
    Into = &NameHints::Function;
    DynTypedNodeList Parents = Context.getParents(Whole);
    for (unsigned Depth = 0; !Parents.empty() && Depth != 256; ++Depth) {
      const auto *Function = Parents[0].get<FunctionDecl>();
      const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Function);
      if (Function && !(Method && Method->getParent()->isLambda())) {
        add(Function);
        if (Method)
          add(Method->getParent());
        return;
      }
      if (const auto *Var = Parents[0].get<VarDecl>();
          Var && !Var->isLocalVarDeclOrParm())
        return add(Var);
      Parents = Context.getParents(Parents[0]);
    }
  }

  NameHints take() { return std::move(Hints); }

private:
  /// A name the project gave: library declarations (getenv, std::string's
  /// members, the client's own fields) say nothing about the endpoint.
  void add(const NamedDecl *D) {
    if (D && D->getIdentifier() && !SM.isInSystemHeader(D->getLocation()))
      add(D->getName());
  }
  void add(llvm::StringRef Name) {
    std::vector<std::string> &List = Hints.*Into;
    if (!Name.empty() && !llvm::is_contained(List, Name))
      List.push_back(Name.str());
  }
  /// The variable or field \p Target names.
  void addAssigned(const Expr *Target) {
    if (!Target)
      return;
    Target = unwrap(Target);
    if (const auto *Ref = dyn_cast<DeclRefExpr>(Target))
      add(Ref->getDecl());
    else if (const auto *Member = dyn_cast<MemberExpr>(Target))
      add(Member->getMemberDecl());
  }

  /// Where \p E's tokens start: each piece of a concatenated string literal
  /// ("redis://" CACHE_HOST), else its first token.
  static llvm::SmallVector<SourceLocation, 2> tokenStarts(const Expr &E) {
    if (const auto *Literal = dyn_cast<StringLiteral>(unwrap(&E))) {
      llvm::SmallVector<SourceLocation, 2> Out;
      for (unsigned I = 0; I != Literal->getNumConcatenated(); ++I)
        Out.push_back(Literal->getStrTokenLoc(I));
      return Out;
    }
    return {E.getBeginLoc()};
  }

  /// The macros whose expansions produced the token at \p Loc, innermost
  /// first; a macro argument is followed to where it is written.
  llvm::SmallVector<llvm::StringRef, 2> macrosAt(SourceLocation Loc) const {
    llvm::SmallVector<llvm::StringRef, 2> Out;
    for (unsigned Depth = 0; Loc.isMacroID() && Depth != 64; ++Depth) {
      if (SM.isMacroArgExpansion(Loc)) {
        Loc = SM.getImmediateSpellingLoc(Loc);
        continue;
      }
      Out.push_back(
          Lexer::getImmediateMacroName(Loc, SM, Context.getLangOpts()));
      Loc = SM.getImmediateExpansionRange(Loc).getBegin();
    }
    return Out;
  }

  ASTContext &Context;
  const SourceManager &SM;
  /// The macros the whole use is expanded from (a call written in a macro
  /// body): they name the call, not its endpoint.
  llvm::SmallVector<llvm::StringRef, 2> UseMacros;
  NameHints Hints;
  /// The list add() fills: the value's, then the function's.
  std::vector<std::string> NameHints::*Into = &NameHints::Value;
};

} // namespace

NameHints nameHintsOf(const Expr *Address, const Expr *Holder,
                      const Expr &Whole, ASTContext &Context) {
  HintCollector Collector(Context, Whole);
  Collector.readFrom(Address, 0);
  Collector.heldBy(Holder, Whole);
  Collector.enclosing(Whole);
  return Collector.take();
}

} // namespace rehost
