//===- SiteCollector.cpp - Phase one: the sites of one translation unit ---===//

#include "rehost/SiteCollector.h"

#include "rehost/Catalog.h"
#include "rehost/ConstantEvaluator.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace rehost {
namespace {

/// Matching is on the declaration, not the spelling: a project function that
/// shares a catalogued name is not declared by the library's headers.
bool isDeclaredByFamily(const FunctionDecl &Fn, const LibraryFamily &Family,
                        const SourceManager &SM) {
  return llvm::any_of(Fn.redecls(), [&](const FunctionDecl *Redecl) {
    SourceLocation Loc = SM.getSpellingLoc(Redecl->getLocation());
    return Loc.isValid() && isFamilyHeader(Family, SM.getFilename(Loc));
  });
}

std::string canonicalPath(const SourceManager &SM, FileID File) {
  const FileEntry *Entry = SM.getFileEntryForID(File);
  if (!Entry)
    return {};
  if (!Entry->tryGetRealPathName().empty())
    return Entry->tryGetRealPathName().str();
  llvm::SmallString<256> Path(Entry->getName());
  llvm::sys::fs::make_absolute(Path);
  llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  return std::string(Path);
}

std::string lineText(const SourceManager &SM, FileID File, unsigned Offset) {
  llvm::StringRef Buffer = SM.getBufferData(File);
  size_t Begin = Buffer.rfind('\n', Offset);
  Begin = Begin == llvm::StringRef::npos ? 0 : Begin + 1;
  size_t End = Buffer.find_first_of("\r\n", Offset);
  return Buffer.slice(Begin, End).str();
}

class CatalogCallback : public MatchFinder::MatchCallback {
public:
  explicit CatalogCallback(std::vector<Site> &Sites) : Sites(Sites) {}

  /// The evaluator of the translation unit being matched.
  void setEvaluator(ConstantEvaluator *E) { Evaluator = E; }

  void run(const MatchFinder::MatchResult &Result) override {
    const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call");
    const auto *Callee = Result.Nodes.getNodeAs<FunctionDecl>("callee");
    const SourceManager &SM = *Result.SourceManager;
    const CallEntry *Entry = findCall(Callee->getName());
    if (!Entry || !isDeclaredByFamily(*Callee, *Entry->Family, SM))
      return;

    Endpoint Target = evaluateEndpoint(*Call, *Entry);
    if (!Target.hasConstantAddress())
      return;

    SourceLocation Loc = SM.getExpansionLoc(Call->getBeginLoc());
    if (Loc.isInvalid() || SM.isInSystemHeader(Loc))
      return;
    FileID File = SM.getFileID(Loc);
    Site S;
    S.File = canonicalPath(SM, File);
    if (S.File.empty())
      return;
    S.Offset = SM.getFileOffset(Loc);
    S.Line = SM.getSpellingLineNumber(Loc);
    S.Column = SM.getSpellingColumnNumber(Loc);
    S.LineText = lineText(SM, File, S.Offset);
    S.Api = Entry->Name.str();
    S.R = Target.isFullyConstant() ? Rule::HardcodedEndpoint
                                   : Rule::PartiallyHardcoded;
    S.Target = std::move(Target);
    Sites.push_back(std::move(S));
  }

private:
  Endpoint evaluateEndpoint(const CallExpr &Call, const CallEntry &Entry) {
    Endpoint Target;
    for (unsigned I = 0, E = std::min<unsigned>(Entry.Args.size(),
                                                Call.getNumArgs());
         I != E; ++I) {
      const Expr *Arg = Call.getArg(I);
      switch (Entry.Args[I]) {
      case ArgRole::Host:
        Target.Host = Evaluator->evaluateString(Arg);
        break;
      case ArgRole::Port:
        Target.Port = Evaluator->evaluateInteger(Arg);
        break;
      case ArgRole::UnixPath:
        Target.UnixPath = Evaluator->evaluateString(Arg);
        break;
      case ArgRole::Other:
        break;
      }
    }
    return Target;
  }

  std::vector<Site> &Sites;
  ConstantEvaluator *Evaluator = nullptr;
};

class SiteCollectorConsumer : public ASTConsumer {
public:
  explicit SiteCollectorConsumer(std::vector<Site> &Sites) : Callback(Sites) {
    std::vector<llvm::StringRef> Names;
    for (const CallEntry &Entry : callCatalog())
      Names.push_back(Entry.Name);
    // Templates are read once, in their written form: an instantiation would
    // report one site per argument list.
    Finder.addMatcher(
        callExpr(callee(functionDecl(hasAnyName(Names)).bind("callee")),
                 unless(isInTemplateInstantiation()))
            .bind("call"),
        &Callback);
  }

  void HandleTranslationUnit(ASTContext &Ctx) override {
    ConstantEvaluator Evaluator(Ctx);
    Callback.setEvaluator(&Evaluator);
    Finder.matchAST(Ctx);
    Callback.setEvaluator(nullptr);
  }

private:
  CatalogCallback Callback;
  MatchFinder Finder;
};

} // namespace

std::unique_ptr<ASTConsumer> createSiteCollector(std::vector<Site> &Sites) {
  return std::make_unique<SiteCollectorConsumer>(Sites);
}

} // namespace rehost
