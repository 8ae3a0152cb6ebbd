//===- ConnectionTracer.cpp - Which endpoint a connection was made for ----===//

#include "rehost/ConnectionTracer.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringExtras.h"

using namespace clang;

namespace rehost {
namespace {

/// Wrappers and helpers rarely nest deeper; a cycle stops here too.
constexpr unsigned MaxDepth = 8;

const Decl *canonical(const Decl *D) {
  return D ? D->getCanonicalDecl() : nullptr;
}

const Expr *stripped(const Expr *E) {
  return E->IgnoreParenCasts()->IgnoreImplicit()->IgnoreParenCasts();
}

/// The values one function returns; lambdas inside it return their own.
class ReturnCollector : public RecursiveASTVisitor<ReturnCollector> {
public:
  explicit ReturnCollector(llvm::SmallVectorImpl<const Expr *> &Out)
      : Out(Out) {}
  bool VisitReturnStmt(ReturnStmt *Return) {
    if (const Expr *Value = Return->getRetValue())
      Out.push_back(Value);
    return true;
  }
  bool TraverseLambdaExpr(LambdaExpr *) { return true; }

private:
  llvm::SmallVectorImpl<const Expr *> &Out;
};

/// Every value the unit's own code stores into a variable or member, or
/// returns from a function. System headers are skipped: no connection of
/// the user's is made there.
class ProducerIndexer : public RecursiveASTVisitor<ProducerIndexer> {
public:
  using ProducerMap =
      llvm::DenseMap<const Decl *, llvm::SmallVector<const Expr *, 2>>;
  ProducerIndexer(const SourceManager &SM, ProducerMap &Producers)
      : SM(SM), Producers(Producers) {}

  bool VisitVarDecl(VarDecl *Var) {
    if (Var->hasInit() && isUsers(Var->getLocation()))
      add(Var, Var->getInit());
    return true;
  }
  bool VisitFieldDecl(FieldDecl *Field) {
    if (Field->hasInClassInitializer() && isUsers(Field->getLocation()))
      if (const Expr *Init = Field->getInClassInitializer())
        add(Field, Init);
    return true;
  }
  bool VisitCXXConstructorDecl(CXXConstructorDecl *Ctor) {
    if (!isUsers(Ctor->getLocation()))
      return true;
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (Init->isMemberInitializer() && Init->isWritten())
        add(Init->getMember(), Init->getInit());
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *Op) {
    if (Op->getOpcode() == BO_Assign && isUsers(Op->getOperatorLoc()))
      if (const Decl *Target = ConnectionTracer::objectOf(Op->getLHS()))
        add(Target, Op->getRHS());
    return true;
  }
  bool VisitFunctionDecl(FunctionDecl *Function) {
    if (!Function->doesThisDeclarationHaveABody() ||
        !isUsers(Function->getLocation()))
      return true;
    llvm::SmallVector<const Expr *, 2> Returned;
    ReturnCollector(Returned).TraverseStmt(Function->getBody());
    for (const Expr *Value : Returned)
      add(Function, Value);
    return true;
  }

private:
  bool isUsers(SourceLocation Loc) const {
    return Loc.isValid() && !SM.isInSystemHeader(SM.getExpansionLoc(Loc));
  }
  void add(const Decl *Target, const Expr *Value) {
    Producers[canonical(Target)].push_back(Value);
  }

  const SourceManager &SM;
  ProducerMap &Producers;
};

} // namespace

void ConnectionTracer::Trace::merge(const Trace &Other) {
  Addresses.insert(Other.Addresses.begin(), Other.Addresses.end());
  if (Problem.empty())
    Problem = Other.Problem;
}

void ConnectionTracer::index(ASTContext &Ctx) {
  ProducerIndexer(Ctx.getSourceManager(), Producers)
      .TraverseDecl(Ctx.getTranslationUnitDecl());
}

void ConnectionTracer::noteConnect(const Expr *Call, std::string Address) {
  Connects[Call] = std::move(Address);
}

void ConnectionTracer::noteConfigured(const Decl *Object, std::string Address) {
  if (Object)
    Configured[canonical(Object)].insert(std::move(Address));
}

const Decl *ConnectionTracer::objectOf(const Expr *E) {
  for (unsigned Depth = 0; E && Depth != MaxDepth; ++Depth) {
    E = stripped(E);
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
      return canonical(Ref->getDecl());
    if (const auto *Member = dyn_cast<MemberExpr>(E))
      return canonical(Member->getMemberDecl());
    if (const auto *Unary = dyn_cast<UnaryOperator>(E);
        Unary &&
        (Unary->getOpcode() == UO_Deref || Unary->getOpcode() == UO_AddrOf)) {
      E = Unary->getSubExpr();
      continue;
    }
    // `client->connect(…)` on a smart pointer: the pointer names the client.
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
        Op && (Op->getOperator() == OO_Arrow || Op->getOperator() == OO_Star) &&
        Op->getNumArgs() >= 1) {
      E = Op->getArg(0);
      continue;
    }
    return nullptr;
  }
  return nullptr;
}

ConnectionTracer::Trace ConnectionTracer::trace(const Expr *E,
                                                unsigned Depth) const {
  Trace Out;
  if (Depth > MaxDepth) {
    Out.Problem = "the connection passes through too many variables and "
                  "functions to follow";
    return Out;
  }
  E = stripped(E);
  if (auto It = Connects.find(E); It != Connects.end()) {
    Out.Addresses.insert(It->second);
    return Out;
  }
  // A name first: `client->auth(…)` on a smart pointer is a call of its
  // operator-> that names the client.
  if (const Decl *Object = objectOf(E))
    return traceDecl(Object, Depth + 1);
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    if (const FunctionDecl *Callee = Call->getDirectCallee();
        Callee && !isa<CXXMethodDecl>(Callee))
      return traceDecl(Callee, Depth + 1);
    Out.Problem = "the connection comes from a call rehost cannot follow";
    return Out;
  }
  Out.Problem = "the connection is an expression rehost cannot follow";
  return Out;
}

ConnectionTracer::Trace ConnectionTracer::traceDecl(const Decl *D,
                                                    unsigned Depth) const {
  D = canonical(D);
  Trace Out;
  // An object configured by a catalogued call has that call's endpoint,
  // whatever it was constructed from.
  if (auto It = Configured.find(D); It != Configured.end()) {
    Out.Addresses = It->second;
    return Out;
  }
  if (isa<ParmVarDecl>(D)) {
    Out.Problem = "the connection is a function parameter, connected by the "
                  "caller";
    return Out;
  }
  auto It = Producers.find(D);
  if (It == Producers.end()) {
    Out.Problem = "rehost cannot see where the connection is made";
    return Out;
  }
  bool AnyValue = false;
  for (const Expr *Value : It->second) {
    // `redisContext *c = NULL;` before the connect is no endpoint.
    if (Value->isNullPointerConstant(D->getASTContext(),
                                     Expr::NPC_ValueDependentIsNotNull))
      continue;
    AnyValue = true;
    Out.merge(trace(Value, Depth));
  }
  if (!AnyValue)
    Out.Problem = "rehost cannot see where the connection is made";
  return Out;
}

llvm::Expected<std::string> ConnectionTracer::onlyAddress(const Trace &T) {
  auto Fail = [](const llvm::Twine &Why) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(), Why);
  };
  if (!T.Problem.empty())
    return Fail(T.Problem);
  if (T.Addresses.empty() || T.Addresses.count(""))
    return Fail("the connection's endpoint is not hardcoded, so it has no "
                "profile");
  if (T.Addresses.size() > 1)
    return Fail("the connection is made to different endpoints (" +
                llvm::join(T.Addresses, ", ") + ")");
  return *T.Addresses.begin();
}

llvm::Expected<std::string>
ConnectionTracer::addressOf(const Expr *Connection) const {
  return onlyAddress(trace(Connection, 0));
}

llvm::Expected<std::string>
ConnectionTracer::addressOf(const Decl *Object) const {
  return onlyAddress(traceDecl(Object, 0));
}

} // namespace rehost
