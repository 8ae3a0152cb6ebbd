//===- SiteCollector.cpp - Phase one: the sites of one translation unit ---===//
//
// Orchestrates phase one for a unit: the catalogued uses (CatalogUses) are
// evaluated (UseEvaluation), the connections they make noted for the
// credentials sent on them (ConnectionTracer), and each use with a
// hardcoded part becomes a Site with where its parts are spelled.
//
//===----------------------------------------------------------------------===//

#include "rehost/SiteCollector.h"

#include "CatalogUses.h"
#include "FlowCollector.h"
#include "OptionsPlacement.h"
#include "SiteText.h"
#include "UseEvaluation.h"

#include "rehost/Catalog.h"
#include "rehost/ConnectionTracer.h"
#include "rehost/ConstantEvaluator.h"
#include "rehost/NameHints.h"
#include "rehost/UseSpelling.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"

#include <optional>
#include <set>

using namespace clang;
using namespace clang::ast_matchers;

namespace rehost {
namespace {

/// A use matched to its catalog entry, with what its arguments evaluate to.
struct EvaluatedUse {
  const ApiUse *Use;
  const CatalogEntry *Entry;
  Endpoint Target;
  std::vector<CompanionField> Companions;
  CommandRead Command;
  /// Some argument is read from a parameter or field (FlowUse).
  bool ReadsSlots = false;
};

/// True when the entry's call yields a connection to its endpoint (a hiredis
/// or hiredis-cluster connect), rather than acting on a given one.
bool yieldsConnection(const CatalogEntry &Entry) {
  return Entry.Kind == ApiKind::Function &&
         !Entry.argumentOf(ArgRole::Connection) && !Entry.sendsCredential();
}

bool setsAddress(const CatalogEntry &Entry) {
  return llvm::any_of(Entry.Args, [](ArgRole Role) {
    return traitsOf(Role).SetsConnectionAddress;
  });
}

/// The argument the endpoint's address is read from (host, URI, socket path
/// or nodes), whose names name its profile; null when the use has none.
const Expr *addressArgument(const ApiUse &Use, const CatalogEntry &Entry) {
  for (unsigned I = 0,
                E = std::min<unsigned>(Entry.Args.size(), Use.Args.size());
       I != E; ++I)
    if (traitsOf(Entry.Args[I]).NamesAddress)
      return Use.Args[I];
  return nullptr;
}

class CatalogCallback : public MatchFinder::MatchCallback {
public:
  CatalogCallback(std::vector<Site> &Sites,
                  std::vector<MacroBodyUse> &MacroBodyUses, UnitFlows &Flows)
      : Sites(Sites), MacroBodyUses(MacroBodyUses), Flows(Flows) {}

  /// Uses wait for the whole unit: an address field's rewrite takes its
  /// object's port and db along, and a credential's profile is that of a
  /// connection made anywhere in the unit.
  void run(const MatchFinder::MatchResult &Result) override {
    if (std::optional<ApiUse> Use = useOfMatch(Result.Nodes))
      Pending.push_back(std::move(*Use));
  }

  void collectUnit(ASTContext &Ctx) {
    Context = &Ctx;
    ConstantEvaluator TheEvaluator(Ctx);
    Evaluator = &TheEvaluator;
    UseEvaluator Uses(TheEvaluator, Ctx);
    FileDigests Digests(Ctx.getSourceManager());
    ConnectionTracer Tracer;
    FlowRecorder Recorder(Ctx, TheEvaluator, Digests, Flows);
    const SourceManager &SM = Ctx.getSourceManager();

    std::vector<EvaluatedUse> Evaluated;
    for (const ApiUse &Use : Pending) {
      const CatalogEntry *Entry = entryOf(Use, SM);
      if (!Entry)
        continue;
      EvaluatedUse E{&Use, Entry, {}, {}, {}, false};
      if (Use.Kind == ApiKind::Field)
        E.Companions = companionsOf(Use, SM);
      E.Target = Uses.evaluate(Use, *Entry, E.Companions, E.Command);
      noteConnection(E, Tracer);
      E.ReadsSlots = noteRuntimeArguments(E, Recorder);
      // Every expansion of a macro body is recorded, finding or not:
      // editing the body is safe only when they all mean one endpoint.
      if (Use.Call)
        if (std::string Key = macroBodyKey(*Use.Call, SM); !Key.empty())
          MacroBodyUses.push_back({std::move(Key), E.Target.address()});
      Evaluated.push_back(std::move(E));
    }
    for (const EvaluatedUse &E : Evaluated)
      if (E.Entry->Shape == RewriteShape::ConnectsConfigured && E.Use->Call)
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
      if (!isConfiguredAfter(*E.Use, *E.Entry, Ctx))
        collect(E, Secrets, SM, Tracer, Digests, Recorder);
    Recorder.recordUnit();

    Pending.clear();
    Connects.clear();
    Context = nullptr;
    Evaluator = nullptr;
  }

private:
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

  /// The arguments of a use computed at run time may be a wrapper's
  /// parameters or an object's fields: the flows say whether a constant
  /// reaches them from elsewhere. True when one is.
  static bool noteRuntimeArguments(const EvaluatedUse &E,
                                   FlowRecorder &Recorder) {
    if (!E.Use->Whole)
      return false;
    bool Reads = false;
    for (unsigned I = 0, N = std::min<unsigned>(E.Entry->Args.size(),
                                                E.Use->Args.size());
         I != N; ++I) {
      const Value *Part = E.Target.part(traitsOf(E.Entry->Args[I]).Part);
      if (Part && Part->K == Value::Kind::Runtime)
        Reads |= Recorder.noteCatalogArgument(E.Use->Args[I], E.Entry->Args[I],
                                              E.Entry->Name, E.Target,
                                              *E.Use->Whole);
    }
    // An AUTH command's words are read from its format's arguments.
    for (auto [Word, Role] : {std::pair{E.Command.Password, ArgRole::Password},
                              std::pair{E.Command.User, ArgRole::User}})
      if (Word && E.Target.part(traitsOf(Role).Part)->K == Value::Kind::Runtime)
        Reads |= Recorder.noteCatalogArgument(Word, Role, E.Entry->Name,
                                              E.Target, *E.Use->Whole);
    return Reads;
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

  /// Where the parts of \p E are written, as a site's or a sink use's.
  UseSpelling spelling(const EvaluatedUse &E, UseSyntax &Syntax,
                       const PooledUse *Pooled,
                       llvm::ArrayRef<std::string> Secrets,
                       FileDigests &Digests) const {
    const ApiUse &Use = *E.Use;
    Syntax.Call = Use.Call;
    Syntax.Args = Use.Args;
    Syntax.RParen = Use.RParen;
    Syntax.Companions = E.Companions;
    Syntax.Credentials = E.Command.Credentials;
    Syntax.Argv = E.Command.Argv ? &*E.Command.Argv : nullptr;
    if (!E.Entry->OptionsCall.empty())
      Syntax.Options = optionsStatement(Use, *Context);
    if (E.Entry->AwaitsConnect)
      if (const Decl *Object = objectConfiguredBy(Use, *E.Entry))
        if (auto It = Connects.find(Object); It != Connects.end())
          Syntax.Connects = It->second;
    return spellUse(*E.Entry, Syntax, Pooled, Secrets,
                    Context->getSourceManager(), Context->getLangOpts(),
                    Digests);
  }

  /// A use that finds nothing but reads a wrapper's parameter or field:
  /// `fix` moves it with the constants that reach it.
  void collectSinkUse(const EvaluatedUse &E,
                      llvm::ArrayRef<std::string> Secrets, FileDigests &Digests,
                      FlowRecorder &Recorder) {
    if (!E.ReadsSlots || !E.Use->Whole)
      return;
    FlowUse Use;
    Use.At = Recorder.stepAt(*E.Use->Whole);
    Use.Api = E.Entry->Name.str();
    Use.Kind = E.Entry->Kind;
    UseSyntax Syntax;
    Use.Spelling = spelling(E, Syntax, nullptr, Secrets, Digests);
    Flows.Uses.push_back(std::move(Use));
  }

  void collect(EvaluatedUse &E, llvm::ArrayRef<std::string> Secrets,
               const SourceManager &SM, const ConnectionTracer &Tracer,
               FileDigests &Digests, FlowRecorder &Recorder) {
    const ApiUse &Use = *E.Use;
    const CatalogEntry &Entry = *E.Entry;
    std::optional<Rule> Found = ruleOf(E.Target);
    if (!Found)
      return collectSinkUse(E, Secrets, Digests, Recorder);

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
      S.Text = redactSecrets(useText(*Use.Whole, *Context), Secrets);
      S.Function = enclosingName(*Use.Whole, *Context);
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
    std::optional<PooledUse> Pooled;
    if (Use.Call && isPooledConnect(Entry.Name) &&
        S.R == Rule::HardcodedEndpoint)
      Pooled = provePerRequestContext(*Use.Call, *Context);
    S.Spelling =
        spelling(E, Syntax, Pooled ? &*Pooled : nullptr, Secrets, Digests);
    // Facts are written to files and shards: no password leaves phase one.
    S.Target = E.Target.withoutSecrets();
    Sites.push_back(std::move(S));
  }

  std::vector<Site> &Sites;
  std::vector<MacroBodyUse> &MacroBodyUses;
  UnitFlows &Flows;
  std::vector<ApiUse> Pending;
  /// The catalogued connects of each configured object in the unit.
  llvm::DenseMap<const Decl *, llvm::SmallVector<ConnectUse, 1>> Connects;
  ASTContext *Context = nullptr;
  ConstantEvaluator *Evaluator = nullptr;
};

/// The unit's top-level declarations that are not in a system header. No
/// site is reported there and no flow kept, so neither the matchers nor the
/// parent lookups (the parent map is built over the traversal scope) need
/// the standard library's declarations, which are most of a C++ unit: its
/// parent map alone was a tenth of a C++ scan's time.
std::vector<Decl *> declarationsOutsideSystemHeaders(ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  std::vector<Decl *> Decls;
  for (Decl *D : Ctx.getTranslationUnitDecl()->decls())
    if (!SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation())))
      Decls.push_back(D);
  return Decls;
}

class SiteCollectorConsumer : public ASTConsumer {
public:
  SiteCollectorConsumer(std::vector<Site> &Sites,
                        std::vector<MacroBodyUse> &MacroBodyUses,
                        UnitFlows &Flows)
      : Callback(Sites, MacroBodyUses, Flows) {
    addCatalogMatchers(Finder, Callback);
  }

  void HandleTranslationUnit(ASTContext &Ctx) override {
    Ctx.setTraversalScope(declarationsOutsideSystemHeaders(Ctx));
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
                    std::vector<MacroBodyUse> &MacroBodyUses,
                    UnitFlows &Flows) {
  return std::make_unique<SiteCollectorConsumer>(Sites, MacroBodyUses, Flows);
}

} // namespace rehost
