//===- SiteCollector.cpp - Phase one: the sites of one translation unit ---===//

#include "rehost/SiteCollector.h"

#include "rehost/ArgvCommand.h"
#include "rehost/Catalog.h"
#include "rehost/CommandFormat.h"
#include "rehost/ConnectionTracer.h"
#include "rehost/ConstantEvaluator.h"
#include "rehost/NameHints.h"
#include "rehost/UseSpelling.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <optional>
#include <set>

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
  /// For fields: the assignment, and the member access naming the object.
  const Expr *Assignment = nullptr;
  const MemberExpr *Member = nullptr;
  /// For methods: the object the method is called on.
  const Expr *Connection = nullptr;
  /// The whole use (the call, construction or assignment): its text and
  /// enclosing function identify the finding.
  const Expr *Whole = nullptr;
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
  if (const ArrayType *Array = T->getAsArrayTypeUnsafe())
    return Array->getElementType()->isAnyCharacterType();
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
  case ArgRole::SentinelPort:
  case ArgRole::Db:
  case ArgRole::CommandArgv:
    return T.getNonReferenceType()->isIntegerType();
  case ArgRole::Other:
  case ArgRole::Connection:
  case ArgRole::NodeList:
    return true;
  default:
    return isStringLike(T);
  }
}

bool parametersFit(const FunctionDecl &Callee, llvm::ArrayRef<ArgRole> Roles) {
  for (unsigned I = 0; I != Roles.size(); ++I) {
    if (Roles[I] == ArgRole::Other || Roles[I] == ArgRole::Connection)
      continue;
    if (I >= Callee.getNumParams() ||
        !fitsRole(Callee.getParamDecl(I)->getType(), Roles[I]))
      return false;
  }
  return true;
}

/// Whether the arguments a factory forwards to a constructor can hold
/// \p Roles: `std::make_unique<Redis>(uri)` picks the URI constructor only
/// for a string.
bool argumentsFit(llvm::ArrayRef<const Expr *> Args,
                  llvm::ArrayRef<ArgRole> Roles) {
  if (Args.size() < Roles.size())
    return false;
  for (unsigned I = 0; I != Roles.size(); ++I)
    if (!fitsRole(Args[I]->IgnoreParenImpCasts()->getType(), Roles[I]))
      return false;
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
             catalogName(Callee.getQualifiedNameAsString()),
             &Callee,
             {},
             Call.getBeginLoc()};
  Use.Args.append(Call.arg_begin(), Call.arg_end());
  Use.Whole = &Call;
  Use.Call = &Call;
  Use.RParen = Call.getRParenLoc();
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call))
    Use.Connection = Member->getImplicitObjectArgument();
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
  Use.Whole = &Construct;
  return Use;
}

/// `std::make_unique<T>(args…)`, `v.emplace_back(args…)`: a construction of
/// \p Class inside the standard library, reported where the user wrote its
/// arguments.
ApiUse useOfFactory(const CallExpr &Call, const CXXRecordDecl &Class) {
  ApiUse Use{ApiKind::Constructor,
             &Class,
             Class.getQualifiedNameAsString(),
             nullptr,
             {},
             Call.getBeginLoc()};
  Use.Args.append(Call.arg_begin(), Call.arg_end());
  Use.Whole = &Call;
  Use.RParen = Call.getRParenLoc();
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
  // By the record's name, which for `typedef struct {...}
  // valkeyClusterOptions` is the typedef's (the field's own qualified name
  // would call it an anonymous struct).
  if (std::string Record = recordName(*Field.getParent()); !Record.empty())
    return {Record + "::" + Field.getName().str(), &Member};
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
  ApiUse Use{ApiKind::Field, &Field,      catalogName(Path.Key),
             nullptr,        {&Assigned}, Assignment.getBeginLoc()};
  Use.Object = objectOf(*Path.Outermost);
  Use.Assignment = &Assignment;
  Use.Whole = &Assignment;
  Use.Member = Path.Outermost;
  return Use;
}

/// A command that sends credentials, as read at its use: which words carry
/// them, and for an argv command what holds its words.
struct CommandRead {
  std::optional<CredentialWords> Credentials;
  std::optional<ArgvCommand> Argv;
};

/// A use matched to its catalog entry, with what its arguments evaluate to.
struct EvaluatedUse {
  const ApiUse *Use;
  const CatalogEntry *Entry;
  Endpoint Target;
  std::vector<CompanionField> Companions;
  CommandRead Command;
};

/// True when the entry's call yields a connection to its endpoint (a hiredis
/// or hiredis-cluster connect), rather than acting on a given one.
bool yieldsConnection(const CatalogEntry &Entry) {
  return Entry.Kind == ApiKind::Function &&
         !Entry.argumentOf(ArgRole::Connection) && !Entry.sendsCredential();
}

bool setsAddress(const CatalogEntry &Entry) {
  return llvm::any_of(Entry.Args, [](ArgRole Role) {
    return Role == ArgRole::Host || Role == ArgRole::UnixPath ||
           Role == ArgRole::Nodes || Role == ArgRole::Node ||
           Role == ArgRole::NodeList;
  });
}

/// The argument the endpoint's address is read from (host, URI, socket path
/// or nodes), whose names name its profile; null when the use has none.
const Expr *addressArgument(const ApiUse &Use, const CatalogEntry &Entry) {
  for (unsigned I = 0,
                E = std::min<unsigned>(Entry.Args.size(), Use.Args.size());
       I != E; ++I)
    switch (Entry.Args[I]) {
    case ArgRole::Host:
    case ArgRole::Uri:
    case ArgRole::UnixPath:
    case ArgRole::Nodes:
    case ArgRole::Node:
    case ArgRole::NodeList:
    case ArgRole::SentinelHost:
      return Use.Args[I];
    default:
      break;
    }
  return nullptr;
}

class CatalogCallback : public MatchFinder::MatchCallback {
public:
  CatalogCallback(std::vector<Site> &Sites,
                  std::vector<MacroBodyUse> &MacroBodyUses)
      : Sites(Sites), MacroBodyUses(MacroBodyUses) {}

  /// Uses wait for the whole unit: an address field's rewrite takes its
  /// object's port and db along, and a credential's profile is that of a
  /// connection made anywhere in the unit.
  void run(const MatchFinder::MatchResult &Result) override {
    const BoundNodes &Nodes = Result.Nodes;
    if (const auto *Call = Nodes.getNodeAs<CallExpr>("call"))
      Pending.push_back(
          useOfCall(*Call, *Nodes.getNodeAs<FunctionDecl>("callee")));
    else if (const auto *Construct =
                 Nodes.getNodeAs<CXXConstructExpr>("construct"))
      Pending.push_back(useOfConstruction(*Construct));
    else if (const auto *Factory = Nodes.getNodeAs<CallExpr>("factory"))
      Pending.push_back(
          useOfFactory(*Factory, *Nodes.getNodeAs<CXXRecordDecl>("class")));
    else if (const auto *Assignment = Nodes.getNodeAs<Expr>("assign"))
      Pending.push_back(useOfAssignment(*Assignment,
                                        *Nodes.getNodeAs<FieldDecl>("field"),
                                        *Nodes.getNodeAs<MemberExpr>("member"),
                                        *Nodes.getNodeAs<Expr>("value")));
  }

  /// Phase one's result for the unit: every use evaluated, the connections
  /// they make noted, then the sites planned.
  void collectUnit(ASTContext &Ctx) {
    Context = &Ctx;
    ConstantEvaluator TheEvaluator(Ctx);
    Evaluator = &TheEvaluator;
    FileDigests Digests(Ctx.getSourceManager());
    ConnectionTracer Tracer;
    const SourceManager &SM = Ctx.getSourceManager();

    std::vector<EvaluatedUse> Evaluated;
    for (const ApiUse &Use : Pending) {
      const CatalogEntry *Entry = entryOf(Use, SM);
      if (!Entry)
        continue;
      EvaluatedUse E{&Use, Entry, {}, {}, {}};
      if (Use.Kind == ApiKind::Field)
        E.Companions = companionsOf(Use, SM);
      E.Target = evaluateEndpoint(Use, *Entry, E.Companions, E.Command);
      noteConnection(E, Tracer);
      // Every expansion of a macro body is recorded, finding or not:
      // editing the body is safe only when they all mean one endpoint.
      if (Use.Call)
        if (std::string Key = macroBodyKey(*Use.Call, SM); !Key.empty())
          MacroBodyUses.push_back({std::move(Key), E.Target.address()});
      Evaluated.push_back(std::move(E));
    }
    for (const EvaluatedUse &E : Evaluated)
      if (E.Entry->connectsConfigured() && E.Use->Call)
        if (const Decl *Object = objectConfiguredBy(*E.Use, *E.Entry))
          Connects[Object].push_back({E.Use->Call, E.Entry});
    // Following connections back walks the whole unit: only a credential
    // without an address of its own needs it.
    if (llvm::any_of(Evaluated, [](const EvaluatedUse &E) {
          return E.Entry->sendsCredential() && E.Target.address().empty();
        }))
      Tracer.index(Ctx);
    std::vector<std::string> Secrets = secretsOf(Evaluated);
    for (EvaluatedUse &E : Evaluated)
      if (!isConfiguredAfter(*E.Use, *E.Entry))
        collect(E, Secrets, SM, Tracer, Digests);

    Pending.clear();
    Connects.clear();
    Context = nullptr;
    Evaluator = nullptr;
  }

private:
  const CatalogEntry *entryOf(const ApiUse &Use, const SourceManager &SM) {
    const CatalogEntry *Entry = findEntry(Use.Kind, Use.Name);
    if (!Entry || !isDeclaredByFamily(*Use.Declaration, *Entry->Family, SM))
      return nullptr;
    if (Use.Callee && !parametersFit(*Use.Callee, Entry->Args))
      return nullptr;
    if (!Use.Callee && Use.Kind == ApiKind::Constructor &&
        !argumentsFit(Use.Args, Entry->Args))
      return nullptr;
    return Entry;
  }

  /// Tells the tracer which endpoint a connect's result, or a configured
  /// object, is for.
  void noteConnection(const EvaluatedUse &E, ConnectionTracer &Tracer) {
    const ApiUse &Use = *E.Use;
    if (!setsAddress(*E.Entry))
      return;
    if (Use.Call && yieldsConnection(*E.Entry))
      Tracer.noteConnect(Use.Call, E.Target.address());
    else if (const Expr *Connection = connectionOf(Use, *E.Entry))
      Tracer.noteConfigured(ConnectionTracer::objectOf(Connection),
                            E.Target.address());
    else if (Use.Object)
      Tracer.noteConfigured(Use.Object, E.Target.address());
  }

  /// The context or client a use acts on: its Connection argument, or the
  /// object a method is called on.
  static const Expr *connectionOf(const ApiUse &Use,
                                  const CatalogEntry &Entry) {
    if (std::optional<unsigned> Index = Entry.argumentOf(ArgRole::Connection))
      return *Index < Use.Args.size() ? Use.Args[*Index] : nullptr;
    return Use.Connection;
  }

  /// The object a use configures or connects: a field's object, else the
  /// context or client it is given.
  static const Decl *objectConfiguredBy(const ApiUse &Use,
                                        const CatalogEntry &Entry) {
    if (Use.Object)
      return Use.Object->getCanonicalDecl();
    const Expr *Connection = connectionOf(Use, Entry);
    return Connection ? ConnectionTracer::objectOf(Connection) : nullptr;
  }

  /// The endpoint of the connection a credential is sent on: the options
  /// object its field belongs to, or the context or client it is given.
  static llvm::Expected<std::string>
  connectionAddress(const ApiUse &Use, const CatalogEntry &Entry,
                    const ConnectionTracer &Tracer) {
    if (Use.Object)
      return Tracer.addressOf(Use.Object);
    if (const Expr *Connection = connectionOf(Use, Entry))
      return Tracer.addressOf(Connection);
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "rehost cannot see which connection it is sent on");
  }

  /// The constant port and db fields of \p Field's object, other than it.
  std::vector<CompanionField> companionsOf(const ApiUse &Field,
                                           const SourceManager &SM) {
    std::vector<CompanionField> Out;
    if (!Field.Object)
      return Out;
    for (const ApiUse &Other : Pending) {
      if (&Other == &Field || Other.Kind != ApiKind::Field ||
          Other.Object != Field.Object)
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

  /// Where an options object's OptionsCall goes: after the last statement
  /// of \p Field's block that assigns to one of the object's fields, so
  /// that no later assignment undoes what the profile configures.
  OptionsStatement optionsStatement(const ApiUse &Field,
                                    const SourceManager &SM) {
    OptionsStatement Out;
    const CompoundStmt *Block = nullptr;
    const Stmt *Own = statementOf(*Field.Assignment, Block);
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
    const LangOptions &LangOpts = Context->getLangOpts();
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
    bool Simple = llvm::all_of(Object, [](char C) {
      return llvm::isAlnum(C) || C == '_' || C == ':';
    });
    if (Field.Member->isArrow())
      Object = Simple ? "*" + Object : "*(" + Object + ")";
    Out.Object = std::move(Object);
    return Out;
  }

  /// True when the options object \p Field assigns to is handed to its
  /// OptionsCall later in the same block: a migrated object, whose written
  /// values are only the profile's fallback.
  bool isConfiguredAfter(const ApiUse &Field, const CatalogEntry &Entry) {
    if (Entry.OptionsCall.empty() || !Field.Object)
      return false;
    const CompoundStmt *Block = nullptr;
    const Stmt *Own = statementOf(*Field.Assignment, Block);
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

  /// True when \p Statement assigns to a field of \p Object.
  static bool assignsFieldOf(const Stmt *Statement, const Decl *Object) {
    const auto *E = dyn_cast<Expr>(Statement);
    if (!E)
      return false;
    E = E->IgnoreImplicit();
    const Expr *Target = nullptr;
    if (const auto *Op = dyn_cast<BinaryOperator>(E);
        Op && Op->isAssignmentOp())
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
  const Stmt *statementOf(const Expr &E, const CompoundStmt *&Block) {
    const Stmt *Current = &E;
    for (unsigned Depth = 0; Depth != 4; ++Depth) {
      DynTypedNodeList Parents = Context->getParents(*Current);
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

  static std::string indentation(const SourceManager &SM, SourceLocation Loc) {
    llvm::StringRef Buffer = SM.getBufferData(SM.getFileID(Loc));
    size_t Offset = SM.getFileOffset(Loc);
    size_t LineStart = Buffer.rfind('\n', Offset);
    LineStart = LineStart == llvm::StringRef::npos ? 0 : LineStart + 1;
    llvm::StringRef Line = Buffer.slice(LineStart, Offset);
    return Line.take_while([](char C) { return C == ' ' || C == '\t'; }).str();
  }

  /// Every password any use of the unit writes, longest first (so a
  /// password that contains another is masked whole). Masking is per line,
  /// not per site: a line another finding quotes hides them all.
  static std::vector<std::string>
  secretsOf(llvm::ArrayRef<EvaluatedUse> Evaluated) {
    std::set<std::string> Unique;
    for (const EvaluatedUse &E : Evaluated)
      for (std::string &Secret : E.Target.passwords())
        Unique.insert(std::move(Secret));
    std::vector<std::string> Out(Unique.begin(), Unique.end());
    llvm::stable_sort(Out, [](const std::string &A, const std::string &B) {
      return A.size() > B.size();
    });
    return Out;
  }

  void collect(EvaluatedUse &E, llvm::ArrayRef<std::string> Secrets,
               const SourceManager &SM, const ConnectionTracer &Tracer,
               FileDigests &Digests) {
    const ApiUse &Use = *E.Use;
    const CatalogEntry &Entry = *E.Entry;
    std::optional<Rule> Found = classify(E.Target);
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
    S.LineText = redactSecrets(lineText(SM, File, S.Offset), Secrets);
    if (Use.Whole) {
      S.Text = redactSecrets(useText(*Use.Whole, SM), Secrets);
      S.Function = enclosingName(*Use.Whole);
      if (!E.Target.address().empty())
        S.Hints = nameHintsOf(addressArgument(Use, Entry),
                                  Use.Member ? Use.Member->getBase()
                                             : connectionOf(Use, Entry),
                                  *Use.Whole, *Context);
    }
    S.Api = Entry.Name.str();
    S.Kind = Entry.Kind;
    S.R = *Found;
    S.Suppressed =
        findSuppression(SM.getBufferData(File), S.Offset, checkName(S.R));
    UseSyntax Syntax;
    Syntax.Call = Use.Call;
    Syntax.Args = Use.Args;
    Syntax.RParen = Use.RParen;
    Syntax.Companions = E.Companions;
    Syntax.Credentials = E.Command.Credentials;
    Syntax.Argv = E.Command.Argv ? &*E.Command.Argv : nullptr;
    // MIGRATE's credentials are its target's: never the profile of the
    // connection it is sent on.
    bool SentForConnection =
        !E.Command.Credentials ||
        isConnectionCredential(E.Command.Credentials->Command);
    if (E.Target.address().empty() && Entry.sendsCredential() &&
        SentForConnection) {
      llvm::Expected<std::string> Address =
          connectionAddress(Use, Entry, Tracer);
      if (Address)
        S.ConnectionAddress = std::move(*Address);
      else
        Syntax.NoProfileReason =
            "rehost cannot tell which profile the credential belongs to: " +
            llvm::toString(Address.takeError());
    }
    if (!Entry.OptionsCall.empty())
      Syntax.Options = optionsStatement(Use, SM);
    if (Entry.AwaitsConnect)
      if (const Decl *Object = objectConfiguredBy(Use, Entry))
        if (auto It = Connects.find(Object); It != Connects.end())
          Syntax.Connects = It->second;
    std::optional<PooledUse> Pooled;
    if (Use.Call && isPooledConnect(Entry.Name) &&
        S.R == Rule::HardcodedEndpoint)
      Pooled = provePerRequestContext(*Use.Call, *Context);
    S.Spelling = spellUse(Entry, Syntax, Pooled ? &*Pooled : nullptr, Secrets,
                          SM, Context->getLangOpts(), Digests);
    // Facts are written to files and shards: no password leaves phase one.
    S.Target = E.Target.withoutSecrets();
    Sites.push_back(std::move(S));
  }

  /// The use as written without the whitespace between its tokens (a
  /// string literal keeps its own): a reformatted call is the same site.
  std::string useText(const Expr &Whole, const SourceManager &SM) {
    CharSourceRange Range = SM.getExpansionRange(Whole.getSourceRange());
    llvm::StringRef Written =
        Lexer::getSourceText(Range, SM, Context->getLangOpts());
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

  /// The qualified name of the function (or variable, for an initialiser)
  /// the use is in; empty at file scope.
  std::string enclosingName(const Expr &Whole) {
    DynTypedNodeList Parents = Context->getParents(Whole);
    for (unsigned Depth = 0; !Parents.empty() && Depth != 256; ++Depth) {
      if (const auto *Function = Parents[0].get<FunctionDecl>())
        return Function->getQualifiedNameAsString();
      if (const auto *Var = Parents[0].get<VarDecl>();
          Var && !Var->isLocalVarDeclOrParm())
        return Var->getQualifiedNameAsString();
      Parents = Context->getParents(Parents[0]);
    }
    return {};
  }

  Endpoint evaluateEndpoint(const ApiUse &Use, const CatalogEntry &Entry,
                            llvm::ArrayRef<CompanionField> Companions,
                            CommandRead &Command) {
    llvm::ArrayRef<const Expr *> Args = Use.Args;
    Endpoint Target;
    for (unsigned I = 0, E = std::min<unsigned>(Entry.Args.size(), Args.size());
         I != E; ++I) {
      const Expr *Arg = Args[I];
      switch (Entry.Args[I]) {
      case ArgRole::Host:
      case ArgRole::SentinelHost:
        Target.Host = Evaluator->evaluateString(Arg);
        break;
      case ArgRole::Port:
      case ArgRole::SentinelPort:
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
        Command.Credentials =
            evaluateFormatCommand(Arg, Args.drop_front(I + 1), Target);
        break;
      case ArgRole::CommandArgv:
        if (Use.Call)
          Command.Argv =
              readArgvCommand(*Use.Call, Args.drop_front(I), *Context);
        if (Command.Argv)
          Command.Credentials = evaluateArgvCommand(*Command.Argv, Target);
        break;
      case ArgRole::Connection:
      case ArgRole::Other:
        break;
      }
    }
    // An address field's object carries its port and db too: the endpoint,
    // its profile and --strict's rehost.toml include them.
    for (const CompanionField &Field : Companions) {
      Value &Part = Field.Role == ArgRole::Port ? Target.Port : Target.Db;
      bool Applies = Field.Role == ArgRole::Db || Target.Host.isKnown();
      if (Applies && Part.K == Value::Kind::Absent)
        Part = Value::constant(Field.Text);
    }
    return Target;
  }

  /// The credentials of a format command that sends some (AUTH, HELLO ...
  /// AUTH, MIGRATE ... AUTH), and which words carry them; other commands
  /// set nothing. A format computed at run time cannot be read, so it sets
  /// nothing either.
  std::optional<CredentialWords>
  evaluateFormatCommand(const Expr *FormatArg,
                        llvm::ArrayRef<const Expr *> Variadic,
                        Endpoint &Target) {
    Value Format = Evaluator->evaluateString(FormatArg);
    if (!Format.isConstant())
      return std::nullopt;
    std::vector<FormatWord> Words = splitCommandFormat(Format.Text);
    std::optional<CredentialWords> Found =
        findCredentialWords(keywordsOf(Words));
    if (!Found)
      return std::nullopt;
    Target.Password = evaluateWord(Words[Found->Password], Variadic);
    if (Found->User)
      Target.User = evaluateWord(Words[*Found->User], Variadic);
    return Found;
  }

  /// The same for an argv command: its constant elements are its keywords.
  std::optional<CredentialWords> evaluateArgvCommand(const ArgvCommand &Command,
                                                     Endpoint &Target) {
    std::vector<Value> Words;
    std::vector<std::optional<std::string>> Keywords;
    for (const Expr *Word : Command.Words) {
      Words.push_back(Evaluator->evaluateString(Word));
      Keywords.push_back(Words.back().isConstant()
                             ? std::optional<std::string>(Words.back().Text)
                             : std::nullopt);
    }
    std::optional<CredentialWords> Found = findCredentialWords(Keywords);
    if (!Found)
      return std::nullopt;
    Target.Password = Words[Found->Password];
    if (Found->User)
      Target.User = Words[*Found->User];
    return Found;
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
  std::vector<ApiUse> Pending;
  /// The catalogued connects of each configured object in the unit.
  llvm::DenseMap<const Decl *, llvm::SmallVector<ConnectUse, 1>> Connects;
  ASTContext *Context = nullptr;
  ConstantEvaluator *Evaluator = nullptr;
};

/// The catalogued names of one kind, forks' spellings included, for the
/// matchers' name filters (which copy them).
std::vector<std::string> namesOf(std::initializer_list<ApiKind> Kinds) {
  std::vector<std::string> Names;
  for (const CatalogEntry &Entry : catalog())
    if (llvm::is_contained(Kinds, Entry.Kind))
      llvm::append_range(Names, declarationNames(Entry));
  return Names;
}

/// hasAnyName's argument: views of \p Names, which must outlive the call.
std::vector<llvm::StringRef> refs(const std::vector<std::string> &Names) {
  return {Names.begin(), Names.end()};
}

class SiteCollectorConsumer : public ASTConsumer {
public:
  SiteCollectorConsumer(std::vector<Site> &Sites,
                        std::vector<MacroBodyUse> &MacroBodyUses)
      : Callback(Sites, MacroBodyUses) {
    const std::vector<std::string> CallNames =
        namesOf({ApiKind::Function, ApiKind::Method});
    const std::vector<std::string> ClassNames = namesOf({ApiKind::Constructor});
    const std::vector<std::string> FieldNames = namesOf({ApiKind::Field});
    // Templates are read once, in their written form: an instantiation would
    // report one site per argument list.
    const auto Written = unless(isInTemplateInstantiation());
    const auto CatalogCall =
        callExpr(
            callee(functionDecl(hasAnyName(refs(CallNames))).bind("callee")),
            Written)
            .bind("call");
    const auto CatalogConstruction =
        cxxConstructExpr(hasDeclaration(cxxConstructorDecl(
                             ofClass(hasAnyName(refs(ClassNames))))),
                         Written)
            .bind("construct");
    // Constructions the standard library performs with the user's
    // arguments: factories and containers' emplace.
    const auto CatalogClass =
        cxxRecordDecl(hasAnyName(refs(ClassNames))).bind("class");
    const auto OfCatalogClass = refersToType(
        hasUnqualifiedDesugaredType(recordType(hasDeclaration(CatalogClass))));
    const auto Factory =
        callExpr(callee(functionDecl(
                     hasAnyName("::std::make_unique", "::std::make_shared"),
                     hasTemplateArgument(0, OfCatalogClass))),
                 Written)
            .bind("factory");
    const auto Emplace =
        cxxMemberCallExpr(
            callee(cxxMethodDecl(
                hasAnyName("emplace_back", "emplace_front", "emplace"),
                ofClass(classTemplateSpecializationDecl(
                    isInStdNamespace(),
                    hasTemplateArgument(0, OfCatalogClass))))),
            Written)
            .bind("factory");
    const auto CatalogField = ignoringParenImpCasts(
        memberExpr(
            member(fieldDecl(hasAnyName(refs(FieldNames))).bind("field")))
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
          StatementMatcher(Factory), StatementMatcher(Emplace),
          StatementMatcher(BuiltinAssignment),
          StatementMatcher(OverloadedAssignment)})
      Finder.addMatcher(Matcher, &Callback);
  }

  void HandleTranslationUnit(ASTContext &Ctx) override {
    Finder.matchAST(Ctx);
    Callback.collectUnit(Ctx);
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
