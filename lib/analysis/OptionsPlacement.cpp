//===- OptionsPlacement.cpp - Where an options object gets its profile
//------===//

#include "OptionsPlacement.h"

#include "rehost/ConnectionTracer.h"

#include "clang/AST/ParentMapContext.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

using namespace clang;

namespace rehost {
namespace {

/// True when \p Statement assigns to a field of \p Object.
bool assignsFieldOf(const Stmt *Statement, const Decl *Object) {
  const auto *E = dyn_cast<Expr>(Statement);
  if (!E)
    return false;
  E = E->IgnoreImplicit();
  const Expr *Target = nullptr;
  if (const auto *Op = dyn_cast<BinaryOperator>(E); Op && Op->isAssignmentOp())
    Target = Op->getLHS();
  else if (const auto *Call = dyn_cast<CXXOperatorCallExpr>(E);
           Call && Call->getOperator() == OO_Equal && Call->getNumArgs() == 2)
    Target = Call->getArg(0);
  const auto *Member =
      Target ? dyn_cast<MemberExpr>(Target->IgnoreParenImpCasts()) : nullptr;
  return Member && objectOf(*Member) == Object;
}

/// The statement \p E is, through the implicit nodes around it, when it
/// is one of a block's statements; null otherwise.
const Stmt *statementOf(const Expr &E, const CompoundStmt *&Block,
                        ASTContext &Context) {
  const Stmt *Current = &E;
  for (unsigned Depth = 0; Depth != 4; ++Depth) {
    DynTypedNodeList Parents = Context.getParents(*Current);
    if (Parents.size() != 1)
      return nullptr;
    if (const auto *Compound = Parents[0].get<CompoundStmt>()) {
      Block = Compound;
      return Current;
    }
    const auto *Parent = Parents[0].get<Expr>();
    if (!Parent ||
        !(isa<ExprWithCleanups>(Parent) || isa<ImplicitCastExpr>(Parent)))
      return nullptr;
    Current = Parent;
  }
  return nullptr;
}

std::string indentation(const SourceManager &SM, SourceLocation Loc) {
  llvm::StringRef Buffer = SM.getBufferData(SM.getFileID(Loc));
  size_t Offset = SM.getFileOffset(Loc);
  size_t LineStart = Buffer.rfind('\n', Offset);
  LineStart = LineStart == llvm::StringRef::npos ? 0 : LineStart + 1;
  llvm::StringRef Line = Buffer.slice(LineStart, Offset);
  return Line.take_while([](char C) { return C == ' ' || C == '\t'; }).str();
}

} // namespace

OptionsStatement optionsStatement(const ApiUse &Field, ASTContext &Context) {
  const SourceManager &SM = Context.getSourceManager();
  OptionsStatement Out;
  const CompoundStmt *Block = nullptr;
  const Stmt *Own = statementOf(*Field.Assignment, Block, Context);
  if (!Own || !Field.Object) {
    Out.Problem = "the options field is not assigned in a statement of "
                  "its own; hand the profile to the object by hand";
    return Out;
  }
  const Stmt *Last = Own;
  bool After = false;
  for (const Stmt *Statement : Block->body()) {
    After |= Statement == Own;
    if (After && assignsFieldOf(Statement, Field.Object))
      Last = Statement;
  }
  const LangOptions &LangOpts = Context.getLangOpts();
  SourceLocation End = SM.getExpansionRange(Last->getEndLoc()).getEnd();
  Out.After =
      Lexer::findLocationAfterToken(End, tok::semi, SM, LangOpts, false);
  if (Out.After.isInvalid()) {
    Out.Problem = "the end of the options' last assignment is spelled in "
                  "a macro";
    return Out;
  }
  Out.Indent = indentation(SM, SM.getExpansionLoc(Last->getBeginLoc()));
  const Expr *Base = Field.Member->getBase();
  CharSourceRange Range = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(Base->getSourceRange()), SM, LangOpts);
  if (Field.Member->isImplicitAccess() || Range.isInvalid()) {
    Out.Problem = "the options object is not named where its field is "
                  "assigned";
    return Out;
  }
  std::string Object = Lexer::getSourceText(Range, SM, LangOpts).str();
  bool Simple = llvm::all_of(
      Object, [](char C) { return llvm::isAlnum(C) || C == '_' || C == ':'; });
  if (Field.Member->isArrow())
    Object = Simple ? "*" + Object : "*(" + Object + ")";
  Out.Object = std::move(Object);
  return Out;
}

bool isConfiguredAfter(const ApiUse &Field, const CatalogEntry &Entry,
                       ASTContext &Context) {
  if (Entry.OptionsCall.empty() || !Field.Object)
    return false;
  const CompoundStmt *Block = nullptr;
  const Stmt *Own = statementOf(*Field.Assignment, Block, Context);
  if (!Own)
    return false;
  bool After = false;
  for (const Stmt *Statement : Block->body()) {
    After |= Statement == Own;
    const auto *Call = dyn_cast<CallExpr>(Statement);
    const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
    if (After && Callee && Call->getNumArgs() >= 1 &&
        Callee->getQualifiedNameAsString() == Entry.OptionsCall &&
        ConnectionTracer::objectOf(Call->getArg(0)) ==
            Field.Object->getCanonicalDecl())
      return true;
  }
  return false;
}

} // namespace rehost
