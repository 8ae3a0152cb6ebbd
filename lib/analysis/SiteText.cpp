//===- SiteText.cpp - The text that identifies a site
//-----------------------===//

#include "SiteText.h"

#include "rehost/Paths.h"

#include "clang/AST/ParentMapContext.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"

using namespace clang;

namespace rehost {

std::string useText(const Expr &Whole, ASTContext &Context) {
  const SourceManager &SM = Context.getSourceManager();
  CharSourceRange Range = SM.getExpansionRange(Whole.getSourceRange());
  llvm::StringRef Written =
      Lexer::getSourceText(Range, SM, Context.getLangOpts());
  std::string Out;
  char Quote = 0;
  for (size_t I = 0; I != Written.size(); ++I) {
    char C = Written[I];
    if (Quote) {
      Out += C;
      if (C == '\\' && I + 1 != Written.size())
        Out += Written[++I];
      else if (C == Quote)
        Quote = 0;
      continue;
    }
    if (C == '"' || C == '\'')
      Quote = C;
    if (!llvm::isSpace(C))
      Out += C;
  }
  return Out;
}

const FunctionDecl &asWritten(const FunctionDecl &Function) {
  const FunctionDecl *Pattern =
      Function.getTemplateInstantiationPattern(/*ForDefinition=*/false);
  return Pattern ? *Pattern : Function;
}

const NamedDecl *enclosingDecl(const Expr &Whole, ASTContext &Context) {
  DynTypedNodeList Parents = Context.getParents(Whole);
  for (unsigned Depth = 0; !Parents.empty() && Depth != 256; ++Depth) {
    if (const auto *Function = Parents[0].get<FunctionDecl>())
      return &asWritten(*Function);
    if (const auto *Var = Parents[0].get<VarDecl>();
        Var && !Var->isLocalVarDeclOrParm())
      return Var;
    Parents = Context.getParents(Parents[0]);
  }
  return nullptr;
}

std::string enclosingName(const Expr &Whole, ASTContext &Context) {
  const NamedDecl *In = enclosingDecl(Whole, Context);
  return In ? In->getQualifiedNameAsString() : "";
}

std::string displayName(const NamedDecl &D) {
  const auto *Method = dyn_cast<CXXMethodDecl>(&D);
  if (!Method || !Method->getParent()->isLambda())
    return D.getQualifiedNameAsString();
  const auto *Outer = dyn_cast_or_null<FunctionDecl>(
      Method->getParent()->getParentFunctionOrMethod());
  return Outer ? "lambda in " + displayName(asWritten(*Outer)) : "lambda";
}

std::string lineText(const SourceManager &SM, FileID File, unsigned Offset) {
  llvm::StringRef Buffer = SM.getBufferData(File);
  size_t Begin = Buffer.rfind('\n', Offset);
  Begin = Begin == llvm::StringRef::npos ? 0 : Begin + 1;
  size_t End = Buffer.find_first_of("\r\n", Offset);
  return Buffer.slice(Begin, End).str();
}

std::string canonicalPath(const SourceManager &SM, FileID File) {
  const FileEntry *Entry = SM.getFileEntryForID(File);
  if (!Entry)
    return {};
  if (!Entry->tryGetRealPathName().empty())
    return Entry->tryGetRealPathName().str();
  return absolutePath(SM.getFileEntryRefForID(File)->getName());
}

} // namespace rehost
