//===- ArgvCommand.cpp - The words a hiredis argv command sends -----------===//

#include "rehost/ArgvCommand.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/Stmt.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace rehost {
namespace {

// An array is rarely handed through more locals than this before the call.
constexpr unsigned MaxCarriers = 8;

/// A braced list a call argument reaches, and the variables on the way: the
/// array itself, and locals initialised with it.
struct ReachedArray {
  const InitListExpr *Elements = nullptr;
  llvm::SmallVector<const VarDecl *, 2> Holders;
};

/// The braced list \p E names: a compound literal at the call, or the
/// initialiser of the array it names, through locals initialised with it.
/// Nothing for a parameter, a variable without an initialiser or a value
/// computed at run time: its elements cannot be seen.
std::optional<ReachedArray> reachArray(const Expr *E) {
  ReachedArray Out;
  for (unsigned Depth = 0; E && Depth != MaxCarriers; ++Depth) {
    E = E->IgnoreParenCasts();
    if (const auto *Literal = dyn_cast<CompoundLiteralExpr>(E))
      E = Literal->getInitializer()->IgnoreParenCasts();
    if (const auto *List = dyn_cast<InitListExpr>(E)) {
      Out.Elements = List;
      return Out;
    }
    const auto *Ref = dyn_cast<DeclRefExpr>(E);
    const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
    if (!Var || isa<ParmVarDecl>(Var) || !Var->getInit())
      return std::nullopt;
    Out.Holders.push_back(Var);
    E = Var->getInit();
  }
  return std::nullopt;
}

std::optional<uint64_t> constantCount(const Expr &Argc, ASTContext &Ctx) {
  Expr::EvalResult Result;
  if (Argc.isValueDependent() || !Argc.EvaluateAsInt(Result, Ctx) ||
      Result.Val.getInt().isNegative())
    return std::nullopt;
  return Result.Val.getInt().getZExtValue();
}

/// True when \p Node is part of \p Call or of the initialiser of one of
/// \p Carriers: a use on the way to the call.
bool isOnTheWay(DynTypedNode Node, const CallExpr &Call,
                llvm::ArrayRef<const VarDecl *> Carriers, ASTContext &Ctx) {
  DynTypedNodeList Parents = Ctx.getParents(Node);
  for (unsigned Depth = 0; !Parents.empty() && Depth != 256; ++Depth) {
    if (Parents[0].get<CallExpr>() == &Call)
      return true;
    if (const auto *Var = Parents[0].get<VarDecl>())
      return llvm::is_contained(Carriers, Var);
    Parents = Ctx.getParents(Parents[0]);
  }
  return false;
}

/// Why \p Var cannot be removed with \p Call, or empty; \p Removed then
/// gets its declaration.
std::string whyKept(const VarDecl &Var, const CallExpr &Call,
                    llvm::ArrayRef<const VarDecl *> Carriers, ASTContext &Ctx,
                    const DeclStmt *&Removed) {
  const auto *Owner = dyn_cast_or_null<Decl>(Var.getParentFunctionOrMethod());
  const Stmt *Body = Owner ? Owner->getBody() : nullptr;
  if (!Var.isLocalVarDecl() || !Body)
    return "is declared outside the function, where other code may use it";
  using namespace ast_matchers;
  auto Uses =
      match(findAll(declRefExpr(to(varDecl(equalsNode(&Var)))).bind("use")),
            *Body, Ctx);
  for (const BoundNodes &Use : Uses)
    if (!isOnTheWay(DynTypedNode::create(*Use.getNodeAs<DeclRefExpr>("use")),
                    Call, Carriers, Ctx))
      return "is used elsewhere too";
  DynTypedNodeList Parents = Ctx.getParents(Var);
  const auto *Statement =
      Parents.empty() ? nullptr : Parents[0].get<DeclStmt>();
  if (!Statement || !Statement->isSingleDecl())
    return "is declared together with other variables";
  Removed = Statement;
  return {};
}

bool spellsString(const Expr &E, ASTContext &Ctx) {
  using namespace ast_matchers;
  return !match(findAll(stringLiteral().bind("s")), E, Ctx).empty();
}

/// Notes in \p Out why the holders of \p Array (named \p What) stay, or
/// that they go with the call. \p MayStay: a holder that spells no string
/// (an argvlen array of numbers) may stay where it is.
void removeHolders(const ReachedArray &Array, llvm::StringRef What,
                   bool MayStay, const CallExpr &Call,
                   llvm::ArrayRef<const VarDecl *> Carriers, ASTContext &Ctx,
                   ArgvCommand &Out) {
  for (const VarDecl *Holder : Array.Holders) {
    const DeclStmt *Removed = nullptr;
    std::string Why = whyKept(*Holder, Call, Carriers, Ctx, Removed);
    if (Why.empty()) {
      Out.Removed.push_back(Removed);
      continue;
    }
    if (MayStay && !spellsString(*Array.Elements, Ctx))
      continue;
    if (Out.Problem.empty())
      Out.Problem = ("the " + What + " '" + Holder->getName() + "' " + Why +
                     ", so it cannot go with the command; move the password "
                     "to configuration by hand")
                        .str();
  }
}

} // namespace

std::optional<ArgvCommand>
readArgvCommand(const CallExpr &Call, llvm::ArrayRef<const Expr *> FromArgc,
                ASTContext &Ctx) {
  if (FromArgc.size() < 3)
    return std::nullopt;
  std::optional<ReachedArray> Argv = reachArray(FromArgc[1]);
  if (!Argv)
    return std::nullopt;
  ArgvCommand Out;
  llvm::ArrayRef<Expr *> Elements = Argv->Elements->inits();
  std::optional<uint64_t> Count = constantCount(*FromArgc[0], Ctx);
  size_t Sent =
      Count ? std::min<uint64_t>(*Count, Elements.size()) : Elements.size();
  Out.Words.append(Elements.begin(), Elements.begin() + Sent);
  if (!Count)
    Out.Problem = "the argument count is not a constant, so rehost cannot "
                  "tell which words are sent; rewrite the command by hand";

  const Expr *Lengths = FromArgc[2]->IgnoreParenCasts();
  bool NoLengths =
      Lengths->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull);
  std::optional<ReachedArray> LengthArray =
      NoLengths ? std::nullopt : reachArray(Lengths);
  llvm::SmallVector<const VarDecl *, 4> Carriers(Argv->Holders.begin(),
                                                 Argv->Holders.end());
  if (LengthArray)
    Carriers.append(LengthArray->Holders.begin(), LengthArray->Holders.end());
  removeHolders(*Argv, "argv array", false, Call, Carriers, Ctx, Out);
  if (LengthArray)
    removeHolders(*LengthArray, "argvlen array", true, Call, Carriers, Ctx,
                  Out);
  // Lengths filled in apart from their declaration may spell the password
  // (strlen("pw")) where no rewrite of the call reaches.
  const auto *Ref = dyn_cast<DeclRefExpr>(Lengths);
  if (!NoLengths && !LengthArray && Ref && isa<VarDecl>(Ref->getDecl()) &&
      !isa<ParmVarDecl>(Ref->getDecl()) && Out.Problem.empty())
    Out.Problem = "the argvlen array is not initialised where it is "
                  "declared, so rehost cannot tell it spells no password; "
                  "rewrite the command by hand";
  return Out;
}

} // namespace rehost
