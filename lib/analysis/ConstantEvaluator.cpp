//===- ConstantEvaluator.cpp - Is an endpoint argument hardcoded? ---------===//

#include "rehost/ConstantEvaluator.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Analysis/Analyses/ExprMutationAnalyzer.h"

using namespace clang;

namespace rehost {
namespace {

// Constants are rarely nested deeper than a few variables; the bound keeps a
// self-referencing initializer from recursing forever.
constexpr unsigned MaxDepth = 16;

/// Both branches of a conditional, or both operands of a concatenation.
Value combineAlternatives(const Value &A, const Value &B) {
  if (A.isConstant() && B.isConstant() && A.Text == B.Text)
    return A;
  if (A.isKnown())
    return Value::partial(A.Text);
  if (B.isKnown())
    return Value::partial(B.Text);
  return Value::runtime();
}

Value concatenate(const Value &A, const Value &B) {
  if (A.isConstant() && B.isConstant())
    return Value::constant(A.Text + B.Text);
  if (A.isKnown() || B.isKnown())
    return Value::partial(A.Text + B.Text);
  return Value::runtime();
}

/// The elements of a braced list, whether it builds the container directly
/// or through its std::initializer_list constructor.
ArrayRef<Expr *> bracedElements(const Expr *E) {
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E))
    if (Construct->getNumArgs() >= 1)
      E = stripNoise(Construct->getArg(0));
  if (const auto *List = dyn_cast<InitListExpr>(E))
    return List->inits();
  return {};
}

/// The two halves of a (host, port) pair: std::pair's constructor or a
/// nested braced list.
ArrayRef<const Expr *> pairHalves(const Expr *E) {
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E))
    return ArrayRef<const Expr *>(Construct->getArgs(),
                                  Construct->getNumArgs());
  if (const auto *List = dyn_cast<InitListExpr>(E))
    return ArrayRef<const Expr *>(List->getInits(), List->getNumInits());
  return {};
}

} // namespace

bool isStdString(QualType T) {
  const auto *Record = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!Record || !Record->isInStdNamespace())
    return false;
  llvm::StringRef Name = Record->getName();
  return Name == "basic_string" || Name == "basic_string_view";
}

const Expr *stringSource(const Expr *E) {
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *Method = Member->getMethodDecl();
    const Expr *Object = Member->getImplicitObjectArgument();
    if (Method && Method->getIdentifier() &&
        (Method->getName() == "c_str" || Method->getName() == "data") &&
        isStdString(Object->getType()))
      return Object;
    return nullptr;
  }
  // (const char *, count) and friends take a prefix: not worth guessing.
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E))
    if (isStdString(Construct->getType()) && Construct->getNumArgs() >= 1 &&
        (Construct->getNumArgs() == 1 ||
         isa<CXXDefaultArgExpr>(Construct->getArg(1))))
      return Construct->getArg(0);
  return nullptr;
}

const Expr *stripNoise(const Expr *E) {
  while (true) {
    const Expr *Before = E;
    E = E->IgnoreImplicit()->IgnoreParenCasts();
    if (const auto *Opaque = dyn_cast<OpaqueValueExpr>(E))
      if (Opaque->getSourceExpr())
        E = Opaque->getSourceExpr();
    // A library default left in place is written in the library's header,
    // which makes it as hardcoded as a literal at the call.
    if (const auto *Default = dyn_cast<CXXDefaultArgExpr>(E))
      E = Default->getExpr();
    if (const auto *List = dyn_cast<CXXStdInitializerListExpr>(E))
      E = List->getSubExpr();
    if (E == Before)
      return E;
  }
}

Value ConstantEvaluator::evaluateNodeList(const Expr *E) {
  if (!E)
    return Value::runtime();
  ArrayRef<Expr *> Elements = bracedElements(stripNoise(E));
  if (Elements.empty())
    return Value::runtime();
  std::string Text;
  bool AllConstant = true;
  bool AnyHostKnown = false;
  for (const Expr *Element : Elements) {
    ArrayRef<const Expr *> Halves = pairHalves(stripNoise(Element));
    if (Halves.size() != 2)
      return Value::runtime();
    Value Host = evaluateString(Halves[0]);
    Value Port = evaluateInteger(Halves[1]);
    if (!Text.empty())
      Text += ',';
    Text += Host.Text + ":" + Port.Text;
    AllConstant &= Host.isConstant() && Port.isConstant();
    AnyHostKnown |= Host.isKnown();
  }
  if (AllConstant)
    return Value::constant(std::move(Text));
  return AnyHostKnown ? Value::partial(std::move(Text)) : Value::runtime();
}

Value ConstantEvaluator::evaluateString(const Expr *E) {
  return evaluate(E, Type::String, 0);
}

Value ConstantEvaluator::evaluateInteger(const Expr *E) {
  return evaluate(E, Type::Integer, 0);
}

Value ConstantEvaluator::evaluate(const Expr *E, Type T, unsigned Depth) {
  if (!E || Depth > MaxDepth)
    return Value::runtime();
  E = stripNoise(E);
  if (E->isValueDependent() || E->isTypeDependent())
    return Value::runtime();

  // A conditional whose condition is known picks its branch; otherwise a
  // constant branch is a fallback next to a run-time one.
  if (const auto *Cond = dyn_cast<AbstractConditionalOperator>(E)) {
    bool Known = false;
    if (!Cond->getCond()->isValueDependent() &&
        Cond->getCond()->EvaluateAsBooleanCondition(Known, Ctx))
      return evaluate(Known ? Cond->getTrueExpr() : Cond->getFalseExpr(), T,
                      Depth + 1);
    return combineAlternatives(evaluate(Cond->getTrueExpr(), T, Depth + 1),
                               evaluate(Cond->getFalseExpr(), T, Depth + 1));
  }
  return evaluateLeaf(E, T, Depth);
}

Value ConstantEvaluator::evaluateLeaf(const Expr *E, Type T, unsigned Depth) {
  // Clang folds literals, macros, const variables and constant arithmetic.
  if (T == Type::Integer) {
    Expr::EvalResult Result;
    if (E->EvaluateAsInt(Result, Ctx))
      return Value::constant(llvm::toString(Result.Val.getInt(), 10));
  }

  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    if (const auto *VD = dyn_cast<VarDecl>(Ref->getDecl()))
      return evaluateVariable(VD, T, Depth);
  // std::string HOST = "..."; std::string("..."); HOST.c_str(), HOST.data().
  if (const Expr *Inner = stringSource(E))
    return evaluate(Inner, T, Depth + 1);
  if (const auto *Call = dyn_cast<CallExpr>(E);
      Call && !isa<CXXOperatorCallExpr>(Call))
    return evaluateCall(*Call, T, Depth);
  if (T == Type::Integer)
    return Value::runtime();

  if (const auto *Literal = dyn_cast<StringLiteral>(E))
    return Literal->getCharByteWidth() == 1
               ? Value::constant(Literal->getString().str())
               : Value::runtime();

  // std::string("redis.") + "internal".
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (Op->getOperator() == OO_Plus && Op->getNumArgs() == 2)
      return concatenate(evaluate(Op->getArg(0), T, Depth + 1),
                         evaluate(Op->getArg(1), T, Depth + 1));
    return Value::runtime();
  }
  return Value::runtime();
}

/// The returns of \p Body, not those of the lambdas or local classes in it.
static void collectReturns(const Stmt *S,
                           llvm::SmallVectorImpl<const ReturnStmt *> &Out) {
  if (!S || isa<LambdaExpr>(S) || isa<DeclStmt>(S))
    return;
  if (const auto *Return = dyn_cast<ReturnStmt>(S))
    Out.push_back(Return);
  for (const Stmt *Child : S->children())
    collectReturns(Child, Out);
}

Value ConstantEvaluator::evaluateCall(const CallExpr &Call, Type T,
                                      unsigned Depth) {
  // A getter of the project's own whose every return is one constant is
  // that constant; one that returns a run-time value or a literal fallback
  // (getEnvVar("REDIS_HOST", "localhost")) makes the fallback partial. A
  // library's function, or a virtual one another class may override, is
  // not read.
  const FunctionDecl *Callee = Call.getDirectCallee();
  const FunctionDecl *Definition = Callee ? Callee->getDefinition() : nullptr;
  if (!Definition || !Definition->hasBody() ||
      Ctx.getSourceManager().isInSystemHeader(
          Ctx.getSourceManager().getExpansionLoc(Definition->getLocation())))
    return Value::runtime();
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Definition);
      Method && Method->isVirtual() && !Method->hasAttr<FinalAttr>())
    return Value::runtime();
  // A function that calls itself is read once: each of its returns would
  // otherwise read all of them again, to the depth bound.
  if (!Reading.insert(Definition).second)
    return Value::runtime();
  llvm::SmallVector<const ReturnStmt *, 4> Returns;
  collectReturns(Definition->getBody(), Returns);
  if (Returns.empty())
    return Value::runtime();
  // The callee's parameters mean the call's arguments while its returns are
  // read.
  llvm::SmallVector<std::pair<const ParmVarDecl *, const Expr *>, 4> Saved;
  for (unsigned I = 0,
                E = std::min(Call.getNumArgs(), Definition->getNumParams());
       I != E; ++I) {
    const ParmVarDecl *Parameter = Definition->getParamDecl(I);
    Saved.push_back({Parameter, Arguments.lookup(Parameter)});
    Arguments[Parameter] = Call.getArg(I);
  }
  std::optional<Value> Result;
  for (const ReturnStmt *Return : Returns) {
    Value V = evaluate(Return->getRetValue(), T, Depth + 1);
    Result = Result ? combineAlternatives(*Result, V) : V;
  }
  for (auto &[Parameter, Previous] : Saved)
    if (Previous)
      Arguments[Parameter] = Previous;
    else
      Arguments.erase(Parameter);
  Reading.erase(Definition);
  return *Result;
}

Value ConstantEvaluator::evaluateVariable(const VarDecl *VD, Type T,
                                          unsigned Depth) {
  if (const auto *Parameter = dyn_cast<ParmVarDecl>(VD)) {
    const Expr *Argument = Arguments.lookup(Parameter);
    return Argument ? evaluate(Argument, T, Depth + 1) : Value::runtime();
  }
  const Expr *Init = VD->getAnyInitializer();
  if (!Init)
    return Value::runtime();
  Value V = evaluate(Init, T, Depth + 1);
  if (!V.isKnown())
    return V;
  QualType Type = VD->getType();
  bool IsConst = VD->isConstexpr() || Type.isConstant(Ctx) ||
                 Type.isConstQualified() ||
                 (Type->isReferenceType() &&
                  Type.getNonReferenceType().isConstQualified());
  if (IsConst || !mayBeReassigned(VD))
    return V;
  // The literal is only the initial value: run-time code may replace it.
  return Value::partial(V.Text);
}

bool ConstantEvaluator::mayBeReassigned(const VarDecl *VD) {
  auto Cached = ReassignedCache.find(VD);
  if (Cached != ReassignedCache.end())
    return Cached->second;

  bool Reassigned = true;
  if (VD->isLocalVarDeclOrParm()) {
    const auto *Owner = dyn_cast_or_null<Decl>(VD->getParentFunctionOrMethod());
    if (const Stmt *Body = Owner ? Owner->getBody() : nullptr)
      Reassigned = ExprMutationAnalyzer(*Body, Ctx).isMutated(VD);
  } else if (!VD->isExternallyVisible()) {
    // File-local global: only this translation unit's functions can assign it.
    using namespace ast_matchers;
    auto Users =
        match(functionDecl(isDefinition(), hasBody(hasDescendant(declRefExpr(
                                               to(varDecl(equalsNode(VD)))))))
                  .bind("fn"),
              Ctx);
    Reassigned = llvm::any_of(Users, [&](const BoundNodes &Nodes) {
      const auto *Fn = Nodes.getNodeAs<FunctionDecl>("fn");
      return ExprMutationAnalyzer(*Fn->getBody(), Ctx).isMutated(VD);
    });
  }
  // An externally visible global may be assigned by another translation unit.
  ReassignedCache[VD] = Reassigned;
  return Reassigned;
}

} // namespace rehost
