//===- SiteCollector.cpp - Phase one: the sites of one translation unit ---===//

#include "rehost/SiteCollector.h"

#include "rehost/Catalog.h"
#include "rehost/CommandFormat.h"
#include "rehost/ConstantEvaluator.h"
#include "rehost/RewritePlanner.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <optional>

using namespace clang;
using namespace clang::ast_matchers;

namespace rehost {
namespace {

/// A use of a catalogued API, whatever its syntax: a call, a construction
/// or an assignment to an options field.
struct ApiUse {
  ApiKind Kind;
  /// What the catalog names and the family's headers must declare: the
  /// function, the constructed class or the field.
  const NamedDecl *Declaration;
  /// The catalog key: Declaration's qualified name, or a field's member path.
  std::string Name;
  /// The called function or constructor, whose parameters pick the overload;
  /// null for fields.
  const FunctionDecl *Callee = nullptr;
  llvm::SmallVector<const Expr *, 4> Args;
  SourceLocation Loc;
  const CallExpr *Call = nullptr; ///< For calls: what a rewrite edits.
  /// Where left-out default arguments would be written.
  SourceLocation RParen = {};
  /// For fields: the options object assigned to (the variable or member
  /// the field belongs to); null when it has no name.
  const Decl *Object = nullptr;
};

/// Matching is on the declaration, not the spelling: a project function that
/// shares a catalogued name is not declared by the library's headers.
bool isDeclaredByFamily(const Decl &D, const LibraryFamily &Family,
                        const SourceManager &SM) {
  return llvm::any_of(D.redecls(), [&](const Decl *Redecl) {
    SourceLocation Loc = SM.getSpellingLoc(Redecl->getLocation());
    return Loc.isValid() && isFamilyHeader(Family, SM.getFilename(Loc));
  });
}

bool isStringLike(QualType T) {
  T = T.getNonReferenceType();
  if (const auto *Pointer = T->getAs<PointerType>())
    return Pointer->getPointeeType()->isAnyCharacterType();
  const auto *Record = T->getAsCXXRecordDecl();
  return Record && Record->isInStdNamespace() && Record->getIdentifier() &&
         (Record->getName() == "basic_string" ||
          Record->getName() == "basic_string_view");
}

/// Whether parameter \p T can hold a value of \p Role. An overload that
/// takes an options object where the entry expects a URI is another API.
bool fitsRole(QualType T, ArgRole Role) {
  switch (Role) {
  case ArgRole::Port:
  case ArgRole::Db:
    return T.getNonReferenceType()->isIntegerType();
  case ArgRole::Other:
  case ArgRole::NodeList:
    return true;
  default:
    return isStringLike(T);
  }
}

bool parametersFit(const FunctionDecl &Callee, llvm::ArrayRef<ArgRole> Roles) {
  for (unsigned I = 0; I != Roles.size(); ++I) {
    if (Roles[I] == ArgRole::Other)
      continue;
    if (I >= Callee.getNumParams() ||
        !fitsRole(Callee.getParamDecl(I)->getType(), Roles[I]))
      return false;
  }
  return true;
}

/// The finding a site's endpoint makes, if any. A written credential is the
/// finding whatever the address; otherwise the address decides.
std::optional<Rule> classify(const Endpoint &Target) {
  if (Target.hasConstantCredential())
    return Rule::HardcodedCredential;
  if (!Target.hasConstantAddress())
    return std::nullopt;
  return Target.isFullyConstant() ? Rule::HardcodedEndpoint
                                  : Rule::PartiallyHardcoded;
}

std::string canonicalPath(const SourceManager &SM, FileID File) {
  const FileEntry *Entry = SM.getFileEntryForID(File);
  if (!Entry)
    return {};
  if (!Entry->tryGetRealPathName().empty())
    return Entry->tryGetRealPathName().str();
  llvm::SmallString<256> Path(SM.getFileEntryRefForID(File)->getName());
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

ApiUse useOfCall(const CallExpr &Call, const FunctionDecl &Callee) {
  ApiUse Use{isa<CXXMethodDecl>(Callee) ? ApiKind::Method : ApiKind::Function,
             &Callee,
             Callee.getQualifiedNameAsString(),
             &Callee,
             {},
             Call.getBeginLoc()};
  Use.Args.append(Call.arg_begin(), Call.arg_end());
  Use.Call = &Call;
  Use.RParen = Call.getRParenLoc();
  return Use;
}

ApiUse useOfConstruction(const CXXConstructExpr &Construct) {
  const CXXConstructorDecl *Ctor = Construct.getConstructor();
  ApiUse Use{ApiKind::Constructor,
             Ctor->getParent(),
             Ctor->getParent()->getQualifiedNameAsString(),
             Ctor,
             {},
             Construct.getBeginLoc()};
  Use.Args.append(Construct.arg_begin(), Construct.arg_end());
  return Use;
}

/// The object whose field \p Member names: `opts` in `opts.host`,
/// `opts->host` or `(&opts)->host` (as REDIS_OPTIONS_SET_TCP writes it), the
/// member `opts_` in `this->opts_.host`.
const Decl *objectOf(const MemberExpr &Member) {
  const Expr *Base = Member.getBase()->IgnoreParenImpCasts();
  if (const auto *AddressOf = dyn_cast<UnaryOperator>(Base);
      AddressOf && AddressOf->getOpcode() == UO_AddrOf)
    Base = AddressOf->getSubExpr()->IgnoreParenImpCasts();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Base))
    return Ref->getDecl();
  if (const auto *Outer = dyn_cast<MemberExpr>(Base))
    return Outer->getMemberDecl();
  return nullptr;
}

/// The name a record is known by: its own, or the typedef's for
/// `typedef struct {...} redisOptions`; empty for the type of an unnamed
/// member (`union {...} endpoint`).
std::string recordName(const RecordDecl &Record) {
  if (Record.getIdentifier())
    return Record.getQualifiedNameAsString();
  if (const TypedefNameDecl *Typedef = Record.getTypedefNameForAnonDecl())
    return Typedef->getQualifiedNameAsString();
  return {};
}

/// An assigned field as the catalog keys it, and the member access that
/// names the options object.
struct FieldPath {
  std::string Key; ///< Empty when no named record holds the field.
  const MemberExpr *Outermost;
};

/// `ns::Record::field`, or for a field of an unnamed struct or union the
/// member path from the nearest named record, walked through the member
/// accesses: `opts->endpoint.tcp.ip` is `redisOptions::endpoint.tcp.ip`.
FieldPath fieldPath(const MemberExpr &Member, const FieldDecl &Field) {
  if (!recordName(*Field.getParent()).empty())
    return {Field.getQualifiedNameAsString(), &Member};
  std::string Path = Field.getName().str();
  const MemberExpr *Current = &Member;
  while (const auto *Outer =
             dyn_cast<MemberExpr>(Current->getBase()->IgnoreParenImpCasts())) {
    const auto *OuterField = dyn_cast<FieldDecl>(Outer->getMemberDecl());
    if (!OuterField)
      break;
    Current = Outer;
    // A C11 anonymous member (`union { ... };`) adds no name to the path.
    if (!OuterField->isAnonymousStructOrUnion())
      Path = (OuterField->getName() + "." + Path).str();
    if (std::string Record = recordName(*OuterField->getParent());
        !Record.empty())
      return {Record + "::" + Path, Current};
  }
  return {{}, Current};
}

ApiUse useOfAssignment(const Expr &Assignment, const FieldDecl &Field,
                       const MemberExpr &Member, const Expr &Assigned) {
  FieldPath Path = fieldPath(Member, Field);
  ApiUse Use{ApiKind::Field, &Field,      std::move(Path.Key),
             nullptr,        {&Assigned}, Assignment.getBeginLoc()};
  Use.Object = objectOf(*Path.Outermost);
  return Use;
}

class CatalogCallback : public MatchFinder::MatchCallback {
public:
  CatalogCallback(std::vector<Site> &Sites,
                  std::vector<MacroBodyUse> &MacroBodyUses)
      : Sites(Sites), MacroBodyUses(MacroBodyUses) {}

  /// The per-unit helpers of the translation unit being matched.
  void setUnit(ASTContext *Ctx, ConstantEvaluator *E, FileDigests *D) {
    Context = Ctx;
    Evaluator = E;
    Digests = D;
  }

  void run(const MatchFinder::MatchResult &Result) override {
    const BoundNodes &Nodes = Result.Nodes;
    if (const auto *Call = Nodes.getNodeAs<CallExpr>("call"))
      return collect(useOfCall(*Call, *Nodes.getNodeAs<FunctionDecl>("callee")),
                     *Result.SourceManager);
    if (const auto *Construct = Nodes.getNodeAs<CXXConstructExpr>("construct"))
      return collect(useOfConstruction(*Construct), *Result.SourceManager);
    // Fields wait for the whole unit: an address field's rewrite takes
    // its object's port and db along.
    if (const auto *Assignment = Nodes.getNodeAs<Expr>("assign"))
      PendingFields.push_back(
          useOfAssignment(*Assignment, *Nodes.getNodeAs<FieldDecl>("field"),
                          *Nodes.getNodeAs<MemberExpr>("member"),
                          *Nodes.getNodeAs<Expr>("value")));
  }

  void collectFields(const SourceManager &SM) {
    for (const ApiUse &Use : PendingFields)
      collect(Use, SM, companionsOf(Use, SM));
    PendingFields.clear();
  }

private:
  const CatalogEntry *entryOf(const ApiUse &Use, const SourceManager &SM) {
    const CatalogEntry *Entry = findEntry(Use.Kind, Use.Name);
    if (!Entry || !isDeclaredByFamily(*Use.Declaration, *Entry->Family, SM))
      return nullptr;
    if (Use.Callee && !parametersFit(*Use.Callee, Entry->Args))
      return nullptr;
    return Entry;
  }

  /// The constant port and db fields of \p Field's object, other than it.
  std::vector<CompanionField> companionsOf(const ApiUse &Field,
                                           const SourceManager &SM) {
    std::vector<CompanionField> Out;
    if (!Field.Object)
      return Out;
    for (const ApiUse &Other : PendingFields) {
      if (&Other == &Field || Other.Object != Field.Object)
        continue;
      const CatalogEntry *Entry = entryOf(Other, SM);
      if (!Entry || Entry->Args.size() != 1 ||
          (Entry->Args[0] != ArgRole::Port && Entry->Args[0] != ArgRole::Db))
        continue;
      Value V = Evaluator->evaluateInteger(Other.Args[0]);
      if (V.isConstant())
        Out.push_back({Entry->Args[0], Other.Args[0], V.Text});
    }
    return Out;
  }

  void collect(const ApiUse &Use, const SourceManager &SM,
               llvm::ArrayRef<CompanionField> Companions = {}) {
    const CatalogEntry *Entry = entryOf(Use, SM);
    if (!Entry)
      return;

    Endpoint Target = evaluateEndpoint(Use.Args, *Entry);
    // An address field's object carries its port and db too: the endpoint,
    // its profile and --strict's rehost.toml include them.
    for (const CompanionField &Field : Companions) {
      Value &Part = Field.Role == ArgRole::Port ? Target.Port : Target.Db;
      bool Applies = Field.Role == ArgRole::Db || Target.Host.isKnown();
      if (Applies && Part.K == Value::Kind::Absent)
        Part = Value::constant(Field.Text);
    }
    // Every expansion of a macro body is recorded, finding or not: editing
    // the body is safe only when they all mean one endpoint.
    if (Use.Call)
      if (std::string Key = macroBodyKey(*Use.Call, SM); !Key.empty())
        MacroBodyUses.push_back({std::move(Key), Target.address()});
    std::optional<Rule> Found = classify(Target);
    if (!Found)
      return;

    SourceLocation Loc = SM.getExpansionLoc(Use.Loc);
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
    S.LineText = Target.redactPasswords(lineText(SM, File, S.Offset));
    S.Api = Entry->Name.str();
    S.Kind = Entry->Kind;
    S.R = *Found;
    UseSyntax Syntax;
    Syntax.Call = Use.Call;
    Syntax.Args = Use.Args;
    Syntax.RParen = Use.RParen;
    Syntax.Companions = Companions;
    S.Plan = planRewrite(S.R, *Entry, Target, Syntax, SM,
                         Context->getLangOpts(), *Digests, /*Strict=*/false);
    S.StrictPlan = planRewrite(S.R, *Entry, Target, Syntax, SM,
                               Context->getLangOpts(), *Digests,
                               /*Strict=*/true);
    S.Target = std::move(Target);
    Sites.push_back(std::move(S));
  }

  Endpoint evaluateEndpoint(llvm::ArrayRef<const Expr *> Args,
                            const CatalogEntry &Entry) {
    Endpoint Target;
    for (unsigned I = 0, E = std::min<unsigned>(Entry.Args.size(), Args.size());
         I != E; ++I) {
      const Expr *Arg = Args[I];
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
      case ArgRole::Uri:
        Target.Uri = Evaluator->evaluateString(Arg);
        break;
      case ArgRole::Nodes:
      case ArgRole::Node:
        Target.Nodes = Evaluator->evaluateString(Arg);
        break;
      case ArgRole::NodeList:
        Target.Nodes = Evaluator->evaluateNodeList(Arg);
        break;
      case ArgRole::Db:
        Target.Db = Evaluator->evaluateInteger(Arg);
        break;
      case ArgRole::User:
        Target.User = Evaluator->evaluateString(Arg);
        break;
      case ArgRole::Password:
        Target.Password = Evaluator->evaluateString(Arg);
        break;
      case ArgRole::Command:
        evaluateAuthCommand(Arg, Args.drop_front(I + 1), Target);
        break;
      case ArgRole::Other:
        break;
      }
    }
    return Target;
  }

  /// The credentials of an AUTH command; other commands set nothing. A
  /// format computed at run time cannot be read, so it sets nothing either.
  void evaluateAuthCommand(const Expr *FormatArg,
                           llvm::ArrayRef<const Expr *> Variadic,
                           Endpoint &Target) {
    Value Format = Evaluator->evaluateString(FormatArg);
    if (!Format.isConstant())
      return;
    std::optional<AuthWords> Auth =
        findAuthWords(splitCommandFormat(Format.Text));
    if (!Auth)
      return;
    Target.Password = evaluateWord(Auth->Password, Variadic);
    if (Auth->User)
      Target.User = evaluateWord(*Auth->User, Variadic);
  }

  Value evaluateWord(const FormatWord &Word,
                     llvm::ArrayRef<const Expr *> Variadic) {
    switch (Word.K) {
    case FormatWord::Kind::Literal:
      return Value::constant(Word.Text);
    case FormatWord::Kind::Argument:
      return Word.Argument < Variadic.size()
                 ? Evaluator->evaluateString(Variadic[Word.Argument])
                 : Value::runtime();
    case FormatWord::Kind::Mixed:
      return Value::runtime();
    }
    llvm_unreachable("unknown format word");
  }

  std::vector<Site> &Sites;
  std::vector<MacroBodyUse> &MacroBodyUses;
  std::vector<ApiUse> PendingFields;
  ASTContext *Context = nullptr;
  ConstantEvaluator *Evaluator = nullptr;
  FileDigests *Digests = nullptr;
};

/// The catalogued names of one kind, for the matchers' name filters.
std::vector<llvm::StringRef> namesOf(ApiKind Kind) {
  std::vector<llvm::StringRef> Names;
  for (const CatalogEntry &Entry : catalog())
    if (Entry.Kind == Kind)
      Names.push_back(declarationName(Entry));
  return Names;
}

class SiteCollectorConsumer : public ASTConsumer {
public:
  SiteCollectorConsumer(std::vector<Site> &Sites,
                        std::vector<MacroBodyUse> &MacroBodyUses)
      : Callback(Sites, MacroBodyUses) {
    std::vector<llvm::StringRef> CallNames = namesOf(ApiKind::Function);
    llvm::append_range(CallNames, namesOf(ApiKind::Method));
    // Templates are read once, in their written form: an instantiation would
    // report one site per argument list.
    const auto Written = unless(isInTemplateInstantiation());
    const auto CatalogCall =
        callExpr(callee(functionDecl(hasAnyName(CallNames)).bind("callee")),
                 Written)
            .bind("call");
    const auto CatalogConstruction =
        cxxConstructExpr(hasDeclaration(cxxConstructorDecl(ofClass(
                             hasAnyName(namesOf(ApiKind::Constructor))))),
                         Written)
            .bind("construct");
    const auto CatalogField = ignoringParenImpCasts(
        memberExpr(
            member(
                fieldDecl(hasAnyName(namesOf(ApiKind::Field))).bind("field")))
            .bind("member"));
    // `opts.port = 6380` is a built-in assignment, `opts.host = "..."` a
    // call to std::string's operator=.
    const auto BuiltinAssignment =
        binaryOperator(isAssignmentOperator(), hasLHS(CatalogField),
                       hasRHS(expr().bind("value")), Written)
            .bind("assign");
    const auto OverloadedAssignment =
        cxxOperatorCallExpr(hasOverloadedOperatorName("="),
                            hasArgument(0, CatalogField),
                            hasArgument(1, expr().bind("value")), Written)
            .bind("assign");
    for (const auto &Matcher :
         {StatementMatcher(CatalogCall), StatementMatcher(CatalogConstruction),
          StatementMatcher(BuiltinAssignment),
          StatementMatcher(OverloadedAssignment)})
      Finder.addMatcher(Matcher, &Callback);
  }

  void HandleTranslationUnit(ASTContext &Ctx) override {
    ConstantEvaluator Evaluator(Ctx);
    FileDigests Digests(Ctx.getSourceManager());
    Callback.setUnit(&Ctx, &Evaluator, &Digests);
    Finder.matchAST(Ctx);
    Callback.collectFields(Ctx.getSourceManager());
    Callback.setUnit(nullptr, nullptr, nullptr);
  }

private:
  CatalogCallback Callback;
  MatchFinder Finder;
};

} // namespace

std::unique_ptr<ASTConsumer>
createSiteCollector(std::vector<Site> &Sites,
                    std::vector<MacroBodyUse> &MacroBodyUses) {
  return std::make_unique<SiteCollectorConsumer>(Sites, MacroBodyUses);
}

} // namespace rehost
