//===- FlowCollector.cpp - Phase one: how values move in one unit ---------===//

#include "FlowCollector.h"

#include "CatalogUses.h"
#include "SiteText.h"

#include "rehost/Catalog.h"
#include "rehost/NameHints.h"
#include "rehost/Paths.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Analysis/Analyses/ExprMutationAnalyzer.h"
#include "clang/Index/USRGeneration.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

#include <set>

using namespace clang;

namespace rehost {
namespace {

/// A C library function that copies a string into a buffer: the buffer
/// (a field or a local array) then holds the source's value.
struct StringCopy {
  llvm::StringLiteral Name;
  unsigned Destination;
  /// The source; for a formatted copy, its format, which must be "%s".
  unsigned Source;
  bool Formatted;
};
constexpr StringCopy StringCopies[] = {
    {"strcpy", 0, 1, false}, {"strncpy", 0, 1, false}, {"strlcpy", 0, 1, false},
    {"memcpy", 0, 1, false}, {"sprintf", 0, 1, true},  {"snprintf", 0, 2, true},
};

/// The destination and source of a string copy, if \p Call is one.
std::optional<std::pair<const Expr *, const Expr *>>
stringCopyOf(const CallExpr &Call, ConstantEvaluator &Evaluator) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee || !Callee->getIdentifier())
    return std::nullopt;
  for (const StringCopy &Copy : StringCopies) {
    if (Callee->getName() != Copy.Name &&
        Callee->getName() != ("__builtin_" + Copy.Name).str())
      continue;
    unsigned Source = Copy.Source + (Copy.Formatted ? 1 : 0);
    if (Call.getNumArgs() <= Source)
      return std::nullopt;
    if (Copy.Formatted) {
      Value Format = Evaluator.evaluateString(Call.getArg(Copy.Source));
      if (!Format.isConstant() || Format.Text != "%s")
        return std::nullopt;
    }
    return std::make_pair(Call.getArg(Copy.Destination), Call.getArg(Source));
  }
  return std::nullopt;
}

/// What a parameter or field of type \p T can carry of an endpoint.
RoleValue valueKindOf(QualType T) {
  T = T.getNonReferenceType();
  if (isStdString(T))
    return RoleValue::String;
  if (const auto *Pointer = T->getAs<PointerType>())
    return Pointer->getPointeeType()->isCharType() ? RoleValue::String
                                                   : RoleValue::None;
  if (const ArrayType *Array = T->getAsArrayTypeUnsafe())
    return Array->getElementType()->isCharType() ? RoleValue::String
                                                 : RoleValue::None;
  if (T->isIntegerType() && !T->isBooleanType() && !T->isCharType() &&
      !T->isEnumeralType())
    return RoleValue::Integer;
  return RoleValue::None;
}

/// The record a standard library call constructs from the arguments it
/// forwards, as the catalog's matchers name it (CatalogUses.cpp): the first
/// template argument of `std::make_unique` and `std::make_shared`, or of
/// the standard container whose `emplace`, `emplace_back` or
/// `emplace_front` it is.
const CXXRecordDecl *constructedBy(const FunctionDecl &Callee) {
  if (!Callee.getIdentifier())
    return nullptr;
  llvm::StringRef Name = Callee.getName();
  const TemplateArgumentList *Args = nullptr;
  if (const auto *Method = dyn_cast<CXXMethodDecl>(&Callee)) {
    constexpr llvm::StringLiteral Emplace[] = {"emplace", "emplace_back",
                                               "emplace_front"};
    const auto *Container =
        dyn_cast<ClassTemplateSpecializationDecl>(Method->getParent());
    if (!Container || !Container->isInStdNamespace() ||
        !llvm::is_contained(Emplace, Name))
      return nullptr;
    Args = &Container->getTemplateArgs();
  } else if (Callee.isInStdNamespace() &&
             (Name == "make_unique" || Name == "make_shared")) {
    Args = Callee.getTemplateSpecializationArgs();
  }
  if (!Args || Args->size() == 0 ||
      Args->get(0).getKind() != TemplateArgument::Type)
    return nullptr;
  return Args->get(0).getAsType()->getAsCXXRecordDecl();
}

/// A call that constructs an object from the arguments it forwards.
struct Forwarding {
  const CXXConstructorDecl *Constructor;
  llvm::ArrayRef<const Expr *> Args;
};

/// The constructor \p Call forwards its trailing arguments to (those its
/// callee's parameter pack takes: `emplace` takes a position first): the
/// only one of the constructed record's that takes that many (the
/// library's body calls it through templates rehost does not walk).
std::optional<Forwarding> forwardedConstructor(const CallExpr &Call) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  const CXXRecordDecl *Record = Callee ? constructedBy(*Callee) : nullptr;
  if (!Record || !Record->hasDefinition())
    return std::nullopt;
  std::optional<llvm::ArrayRef<const Expr *>> Forwarded =
      forwardedArguments(Call);
  if (!Forwarded)
    return std::nullopt;
  llvm::ArrayRef<const Expr *> Args = *Forwarded;
  const CXXConstructorDecl *Found = nullptr;
  for (const CXXConstructorDecl *Constructor : Record->ctors()) {
    if (Constructor->isCopyOrMoveConstructor() ||
        Args.size() < Constructor->getMinRequiredArguments() ||
        Args.size() > Constructor->getNumParams())
      continue;
    if (Found)
      return std::nullopt;
    Found = Constructor;
  }
  if (!Found)
    return std::nullopt;
  return Forwarding{Found, Args};
}

/// How a constant handed to a parameter or field of type \p T is written,
/// but where: what holds it, in which language.
ConstantSpelling writtenAs(QualType T, const LangOptions &LangOpts) {
  T = T.getNonReferenceType();
  ConstantSpelling Out;
  Out.Into = isStdString(T)       ? Holder::StdString
             : T->isIntegerType() ? Holder::Integer
                                  : Holder::CharPointer;
  Out.Cxx = LangOpts.CPlusPlus;
  return Out;
}

/// The expression a constant is written as where a slot gets it: inside the
/// conversions to the slot's type (`m_ip("h")` constructs a std::string
/// from "h"), which an accessor's fallback takes as they are.
const Expr *writtenValue(const Expr *E) {
  E = E->IgnoreImplicit();
  if (const auto *Default = dyn_cast<CXXDefaultArgExpr>(E))
    return writtenValue(Default->getExpr());
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E))
    if (!isa<CXXTemporaryObjectExpr>(Construct) && Construct->getNumArgs() >= 1)
      return writtenValue(Construct->getArg(0));
  return E;
}

constexpr llvm::StringLiteral CopiedIntoBuffer =
    "the constant is copied into a buffer, which a longer configured value "
    "would overflow; copy the runtime's value with a bounded copy by hand";
constexpr llvm::StringLiteral InitialisesArray =
    "the constant initialises an array, which only a literal may; copy the "
    "runtime's value into it by hand";

/// Whether a parameter's name says it holds a credential: its constant
/// never goes into the facts.
bool namesCredential(llvm::StringRef Name) {
  std::string Lower = Name.lower();
  llvm::StringRef L(Lower);
  return L.contains("pass") || L.contains("pwd") || L.contains("secret") ||
         L.contains("token") || L.contains("cred") ||
         (L.contains("auth") && !L.contains("author"));
}

std::string usrOf(const Decl &D) {
  llvm::SmallString<128> Usr;
  if (index::generateUSRForDecl(&D, Usr))
    return {};
  return std::string(Usr);
}

/// \p Where's text with each of \p Secrets (handed to a slot whose name says
/// it is a credential) as ***: no such constant goes into the facts.
void redact(Site &Where, llvm::ArrayRef<std::string> Secrets) {
  Where.LineText = redactSecrets(Where.LineText, Secrets);
  Where.Text = redactSecrets(Where.Text, Secrets);
}

/// "Record::field", a C struct's typedef name standing in for its tag.
std::string fieldName(const FieldDecl &Field) {
  const RecordDecl *Record = Field.getParent();
  std::string Owner = Record->getQualifiedNameAsString();
  if (!Record->getIdentifier())
    if (const TypedefNameDecl *Typedef = Record->getTypedefNameForAnonDecl())
      Owner = Typedef->getQualifiedNameAsString();
  return Owner + "::" + Field.getNameAsString();
}

/// The field as written: a class template specialization's is its
/// template's, as asWritten makes its methods.
const FieldDecl &writtenField(const FieldDecl &Field) {
  const auto *Record = dyn_cast<CXXRecordDecl>(Field.getParent());
  const CXXRecordDecl *Pattern =
      Record ? Record->getTemplateInstantiationPattern() : nullptr;
  if (!Pattern || !Field.getDeclName())
    return Field;
  for (const NamedDecl *Found : Pattern->lookup(Field.getDeclName()))
    if (const auto *Written = dyn_cast<FieldDecl>(Found))
      return *Written;
  return Field;
}

/// The field \p E names: `p->host`, `this->m_ip`, `cfg.endpoints[i].port`.
const FieldDecl *fieldOf(const Expr *E) {
  if (const auto *Member = dyn_cast<MemberExpr>(stripNoise(E)))
    return dyn_cast<FieldDecl>(Member->getMemberDecl());
  return nullptr;
}

/// Groups a store with the others into the same object in one function.
const void *objectGroupOf(const Expr *Destination) {
  const auto *Member = dyn_cast<MemberExpr>(stripNoise(Destination));
  if (!Member)
    return Destination;
  if (const Decl *Object = objectOf(*Member))
    return Object;
  if (isa<CXXThisExpr>(Member->getBase()->IgnoreParenImpCasts()))
    return Member->getMemberDecl()->getDeclContext();
  return Destination;
}

class FlowVisitor : public RecursiveASTVisitor<FlowVisitor> {
public:
  FlowVisitor(FlowRecorder &Recorder, ConstantEvaluator &Evaluator,
              const SourceManager &SM)
      : Recorder(Recorder), Evaluator(Evaluator), SM(SM) {}

  /// A call the template makes through its parameters' types is resolved
  /// only in instantiations; their slots are the template's (parameterSlot)
  /// and what the template itself resolves is recorded once (noteCall).
  bool shouldVisitTemplateInstantiations() const { return true; }

  /// System headers hold no slot and no site: their bodies are not walked.
  bool TraverseDecl(Decl *D) {
    if (D && !isa<TranslationUnitDecl>(D) &&
        SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation())))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }

  bool VisitCallExpr(CallExpr *Call) {
    if (auto Copy = stringCopyOf(*Call, Evaluator)) {
      if (const FieldDecl *Field = fieldOf(Copy->first))
        Recorder.noteStore(*Field, Copy->second, *Call,
                           objectGroupOf(Copy->first), CopiedIntoBuffer);
      return true;
    }
    if (isa<CXXOperatorCallExpr>(Call))
      return visitOperator(*cast<CXXOperatorCallExpr>(Call));
    if (std::optional<Forwarding> Forwarded = forwardedConstructor(*Call))
      Recorder.noteCall(*Forwarded->Constructor, Forwarded->Args, *Call);
    else if (const FunctionDecl *Callee = Call->getDirectCallee())
      Recorder.noteCall(
          *Callee,
          llvm::ArrayRef<const Expr *>(Call->getArgs(), Call->getNumArgs()),
          *Call);
    return true;
  }

  bool VisitCXXConstructExpr(CXXConstructExpr *Construct) {
    Recorder.noteCall(*Construct->getConstructor(),
                      llvm::ArrayRef<const Expr *>(Construct->getArgs(),
                                                   Construct->getNumArgs()),
                      *Construct);
    return true;
  }

  bool VisitBinaryOperator(BinaryOperator *Op) {
    if (Op->getOpcode() == BO_Assign)
      if (const FieldDecl *Field = fieldOf(Op->getLHS()))
        Recorder.noteStore(*Field, Op->getRHS(), *Op,
                           objectGroupOf(Op->getLHS()));
    return true;
  }

  bool VisitCXXConstructorDecl(CXXConstructorDecl *Constructor) {
    if (!Constructor->doesThisDeclarationHaveABody())
      return true;
    for (const CXXCtorInitializer *Init : Constructor->inits())
      if (Init->isWritten() && Init->getMember())
        Recorder.noteStore(*Init->getMember(), Init->getInit(),
                           *Init->getInit(), Constructor);
    return true;
  }

  /// The walk sees a braced list as written; its semantic form has one
  /// initializer per field, designators resolved.
  bool VisitInitListExpr(InitListExpr *Written) {
    const InitListExpr *List =
        Written->isSemanticForm() ? Written : Written->getSemanticForm();
    if (!List)
      return true;
    const RecordDecl *Record = List->getType()->getAsRecordDecl();
    if (!Record || Record->isUnion())
      return true;
    unsigned I = 0;
    for (const FieldDecl *Field : Record->fields()) {
      if (I == List->getNumInits())
        break;
      const Expr *Init = List->getInit(I++);
      if (!isa<ImplicitValueInitExpr>(Init))
        Recorder.noteStore(*Field, Init, *List, List,
                           Recorder.listProblem(*List, *Field));
    }
    return true;
  }

  bool VisitCXXMethodDecl(CXXMethodDecl *Method) {
    if (Method->isCanonicalDecl())
      Recorder.noteOverride(*Method);
    return true;
  }

  bool VisitFieldDecl(FieldDecl *Field) {
    if (Field->hasInClassInitializer())
      Recorder.noteDefaultMemberInit(*Field);
    return true;
  }

private:
  bool visitOperator(const CXXOperatorCallExpr &Op) {
    // `field = value` on a std::string field.
    if (Op.getOperator() == OO_Equal && Op.getNumArgs() == 2)
      if (const FieldDecl *Field = fieldOf(Op.getArg(0)))
        Recorder.noteStore(*Field, Op.getArg(1), Op,
                           objectGroupOf(Op.getArg(0)));
    // A lambda or function object called through a variable: the object is
    // the first argument, the rest go to the call operator's parameters.
    if (Op.getOperator() == OO_Call)
      if (const auto *Method =
              dyn_cast_or_null<CXXMethodDecl>(Op.getDirectCallee()))
        Recorder.noteCall(
            *Method,
            llvm::ArrayRef<const Expr *>(Op.getArgs(), Op.getNumArgs())
                .drop_front(),
            Op);
    return true;
  }

  FlowRecorder &Recorder;
  ConstantEvaluator &Evaluator;
  const SourceManager &SM;
};

} // namespace

std::string FlowSlot::key() const {
  return K == Kind::Field ? "f:" + Usr
                          : "p" + std::to_string(Index) + ":" + Usr;
}

bool FlowRecorder::isProjectDecl(const Decl &D) const {
  // Every declaration counts: a vendored client library defines its API in
  // its own .c files, but declares it in the client's header.
  const SourceManager &SM = Context.getSourceManager();
  return llvm::all_of(D.redecls(), [&](const Decl *Each) {
    SourceLocation Loc = SM.getExpansionLoc(Each->getLocation());
    return Loc.isValid() && !SM.isInSystemHeader(Loc) &&
           !isClientHeader(SM.getFilename(Loc));
  });
}

std::optional<FlowSlot> FlowRecorder::parameterSlot(const FunctionDecl &Called,
                                                    unsigned Index) {
  // Every instantiation hands its values to the template's slots: the
  // catalogued uses that read them are matched in the template as written.
  // A pack's expansion moves the positions after it, so a variadic
  // template's instantiations have none.
  const FunctionDecl &Function = asWritten(Called);
  if (!isProjectDecl(Function) || Index >= Called.getNumParams() ||
      (&Function != &Called &&
       llvm::any_of(Function.parameters(),
                    [](const ParmVarDecl *P) { return P->isParameterPack(); })))
    return std::nullopt;
  FlowSlot Slot;
  Slot.K = FlowSlot::Kind::Parameter;
  Slot.Usr = usrOf(Function);
  Slot.Index = Index;
  Slot.Name = displayName(Function);
  if (Slot.Usr.empty())
    return std::nullopt;
  return Slot;
}

std::optional<FlowSlot> FlowRecorder::fieldSlot(const FieldDecl &Stored) {
  const FieldDecl &Field = writtenField(Stored);
  if (!isProjectDecl(Field))
    return std::nullopt;
  FlowSlot Slot;
  Slot.K = FlowSlot::Kind::Field;
  Slot.Usr = usrOf(Field);
  Slot.Name = fieldName(Field);
  if (Slot.Usr.empty())
    return std::nullopt;
  return Slot;
}

bool FlowRecorder::firstTime(SourceLocation At, const Decl &To) {
  return Recorded.insert({At.getRawEncoding(), To.getCanonicalDecl()}).second;
}

std::optional<FlowSlot> FlowRecorder::sourceSlot(const Expr *E,
                                                 unsigned Depth) {
  if (!E || Depth > 8)
    return std::nullopt;
  E = stripNoise(E);
  if (const Expr *Inner = stringSource(E))
    return sourceSlot(Inner, Depth + 1);
  if (const FieldDecl *Field = fieldOf(E))
    return fieldSlot(*Field);
  const auto *Ref = dyn_cast<DeclRefExpr>(E);
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Var)
    return std::nullopt;
  // A parameter reassigned before use is not the caller's value.
  if (const auto *Parameter = dyn_cast<ParmVarDecl>(Var)) {
    const auto *Function =
        dyn_cast_or_null<FunctionDecl>(Parameter->getDeclContext());
    if (!Function || Evaluator.mayBeReassigned(Parameter))
      return std::nullopt;
    return parameterSlot(*Function, Parameter->getFunctionScopeIndex());
  }
  if (!Var->isLocalVarDecl() || Var->isStaticLocal())
    return std::nullopt;
  // A local whose only write is its initializer holds what that held.
  if (const Expr *Init = Var->getInit())
    if (!isa<CXXConstructExpr>(stripNoise(Init)) ||
        cast<CXXConstructExpr>(stripNoise(Init))->getNumArgs() != 0)
      return Evaluator.mayBeReassigned(Var) ? std::nullopt
                                            : sourceSlot(Init, Depth + 1);
  return std::nullopt;
}

Value FlowRecorder::evaluate(const Expr *E, RoleValue Kind) {
  return Kind == RoleValue::Integer ? Evaluator.evaluateInteger(E)
                                    : Evaluator.evaluateString(E);
}

FlowStep FlowRecorder::stepAt(const Expr &Whole) {
  const NamedDecl *In = enclosingDecl(Whole, Context);
  return step(In ? displayName(*In) : "", Whole.getBeginLoc());
}

FlowStep FlowRecorder::step(std::string Name, SourceLocation At) {
  const SourceManager &SM = Context.getSourceManager();
  SourceLocation Loc = SM.getExpansionLoc(At);
  FlowStep Step;
  Step.Name = std::move(Name);
  Step.File = canonicalPath(SM, SM.getFileID(Loc));
  Step.Line = SM.getSpellingLineNumber(Loc);
  Step.Column = SM.getSpellingColumnNumber(Loc);
  return Step;
}

void FlowRecorder::noteOverride(const CXXMethodDecl &Method) {
  if (!Method.isVirtual() || !isProjectDecl(Method))
    return;
  for (const CXXMethodDecl *Base : Method.overridden_methods()) {
    if (!firstTime(asWritten(Method).getLocation(), asWritten(*Base)))
      continue;
    for (unsigned I = 0,
                  E = std::min(Base->getNumParams(), Method.getNumParams());
         I != E; ++I) {
      if (valueKindOf(Method.getParamDecl(I)->getType()) == RoleValue::None)
        continue;
      std::optional<FlowSlot> From = parameterSlot(*Base, I);
      std::optional<FlowSlot> To = parameterSlot(Method, I);
      if (!From || !To)
        continue;
      FlowEdge Edge{std::move(*From),
                    std::move(*To),
                    "",
                    ArgRole::Other,
                    step(displayName(asWritten(*Base)), Method.getLocation()),
                    {}};
      Edge.Override = true;
      Out.Edges.push_back(std::move(Edge));
    }
  }
}

bool FlowRecorder::noteCatalogArgument(const Expr *Arg, ArgRole Role,
                                       llvm::StringRef Api,
                                       const Endpoint &Target,
                                       const Expr &Whole) {
  std::optional<FlowSlot> From = sourceSlot(Arg);
  if (!From)
    return false;
  FlowEdge Edge;
  Edge.From = std::move(*From);
  Edge.Api = Api.str();
  Edge.Role = Role;
  Edge.At = stepAt(Whole);
  for (EndpointPart Part : {EndpointPart::Port, EndpointPart::Db})
    if (Part != traitsOf(Role).Part && Target.part(Part)->isConstant())
      *Edge.Fixed.part(Part) = *Target.part(Part);
  Out.Edges.push_back(std::move(Edge));
  return true;
}

std::string FlowRecorder::listProblem(const Expr &List,
                                      const FieldDecl &Field) {
  if (Field.getType()->isArrayType())
    return InitialisesArray.str();
  if (Context.getLangOpts().CPlusPlus)
    return {};
  // In C an object of static storage takes constant initializers only.
  const Expr *Outer = &List;
  for (;;) {
    DynTypedNodeList Parents = Context.getParents(*Outer);
    if (Parents.empty())
      return {};
    if (const auto *Var = Parents[0].get<VarDecl>())
      return Var->hasGlobalStorage()
                 ? "a static initializer in C must stay a constant; read the "
                   "runtime's value into the object at startup by hand"
                 : "";
    Outer = Parents[0].get<Expr>();
    if (!Outer)
      return {};
  }
}

void FlowRecorder::noteWritten(size_t Source, size_t Arg, const Expr *Written,
                               std::string Problem) {
  Pending.push_back({Source, Arg, writtenValue(Written), std::move(Problem)});
}

void FlowRecorder::spellWritten() {
  const SourceManager &SM = Context.getSourceManager();
  for (const Written &W : Pending) {
    FlowSource &Source = Out.Sources[W.Source];
    FlowArgument &Arg = Source.Args[W.Arg];
    // The line is noted either way: the report shows it.
    Anchor At =
        spellConstant(*W.E, Secrets[W.Source], SM, Context.getLangOpts(),
                      Digests, Source.Where.Spelling);
    Arg.Written.At =
        W.Problem.empty() ? std::move(At) : Anchor::broken(W.Problem);
  }
  Pending.clear();
}

FlowSource FlowRecorder::sourceAt(const Expr &Whole, SourceLocation At) {
  const SourceManager &SM = Context.getSourceManager();
  SourceLocation Loc = SM.getExpansionLoc(At);
  FileID File = SM.getFileID(Loc);
  FlowSource Source;
  Site &S = Source.Where;
  S.File = canonicalPath(SM, File);
  S.Offset = SM.getFileOffset(Loc);
  S.Line = SM.getSpellingLineNumber(Loc);
  S.Column = SM.getSpellingColumnNumber(Loc);
  S.LineText = lineText(SM, File, S.Offset);
  S.Text = useText(Whole, Context);
  S.Function = enclosingName(Whole, Context);
  for (Rule R : AllRules)
    Source.Suppressions.push_back(
        findSuppression(SM.getBufferData(File), S.Offset, checkName(R)));
  return Source;
}

void FlowRecorder::noteCall(const FunctionDecl &Callee,
                            llvm::ArrayRef<const Expr *> Args,
                            const Expr &Whole) {
  const SourceManager &SM = Context.getSourceManager();
  if (!isProjectDecl(Callee) ||
      SM.isInSystemHeader(SM.getExpansionLoc(Whole.getBeginLoc())) ||
      !firstTime(Whole.getBeginLoc(), asWritten(Callee)))
    return;
  std::optional<FlowSource> Source;
  bool HandsOn = false;
  bool AllDefaulted = true;
  const CXXDefaultArgExpr *FirstDefault = nullptr;
  std::vector<std::string> Secrets;
  for (unsigned I = 0,
                E = std::min<unsigned>(Args.size(), Callee.getNumParams());
       I != E; ++I) {
    const ParmVarDecl *Parameter = Callee.getParamDecl(I);
    RoleValue Kind = valueKindOf(Parameter->getType());
    if (Kind == RoleValue::None)
      continue;
    std::optional<FlowSlot> Slot = parameterSlot(Callee, I);
    if (!Slot) {
      llvm::erase_if(Pending, [&](const Written &W) {
        return W.Source == Out.Sources.size();
      });
      return;
    }
    Out.Reached.push_back(Slot->Usr);
    Value V = evaluate(Args[I], Kind);
    if (!V.isKnown()) {
      if (std::optional<FlowSlot> From = sourceSlot(Args[I])) {
        Out.Edges.push_back({std::move(*From),
                             std::move(*Slot),
                             "",
                             ArgRole::Other,
                             stepAt(Whole),
                             {}});
        HandsOn = true;
      }
      continue;
    }
    if (!Source)
      Source = sourceAt(Whole, Whole.getBeginLoc());
    bool Defaulted = isa<CXXDefaultArgExpr>(Args[I]->IgnoreImplicit());
    AllDefaulted &= Defaulted;
    if (Kind == RoleValue::String && Source->Where.Hints.Value.empty())
      Source->Where.Hints = nameHintsOf(Args[I], nullptr, Whole, Context);
    if (Kind == RoleValue::String && namesCredential(Parameter->getName()))
      Secrets.push_back(std::exchange(V.Text, "***"));
    if (Defaulted && !FirstDefault)
      FirstDefault = cast<CXXDefaultArgExpr>(Args[I]->IgnoreImplicit());
    noteWritten(Out.Sources.size(), Source->Args.size(), Args[I], "");
    Source->Args.push_back(
        {std::move(*Slot), std::move(V), Kind,
         writtenAs(Parameter->getType(), Context.getLangOpts())});
  }
  if (!Source)
    return;
  // A default the call leaves out is reported where it is written.
  if (AllDefaulted) {
    const Expr &Default = *FirstDefault->getExpr();
    FlowSource AtDefault = sourceAt(Default, Default.getBeginLoc());
    AtDefault.Args = std::move(Source->Args);
    AtDefault.Where.Hints = std::move(Source->Where.Hints);
    Source = std::move(AtDefault);
  }
  redact(Source->Where, Secrets);
  Source->HandsOn = HandsOn;
  this->Secrets[Out.Sources.size()] = std::move(Secrets);
  Out.Sources.push_back(std::move(*Source));
}

void FlowRecorder::noteStore(const FieldDecl &Field, const Expr *Stored,
                             const Expr &Whole, const void *Group,
                             llvm::StringRef Unwrappable) {
  RoleValue Kind = valueKindOf(Field.getType());
  if (Kind == RoleValue::None || !Stored)
    return;
  std::optional<FlowSlot> Slot = fieldSlot(Field);
  if (!Slot)
    return;
  const SourceManager &SM = Context.getSourceManager();
  if (SM.isInSystemHeader(SM.getExpansionLoc(Whole.getBeginLoc())) ||
      !firstTime(Whole.getBeginLoc(), writtenField(Field)))
    return;
  Out.Reached.push_back(Slot->Usr);
  Value V = evaluate(Stored, Kind);
  if (!V.isKnown()) {
    if (std::optional<FlowSlot> From = sourceSlot(Stored))
      Out.Edges.push_back({std::move(*From),
                           std::move(*Slot),
                           "",
                           ArgRole::Other,
                           stepAt(Whole),
                           {}});
    return;
  }
  auto Key = std::make_pair(enclosingName(Whole, Context), Group);
  auto [It, Inserted] = Groups.try_emplace(Key, Out.Sources.size());
  if (Inserted)
    Out.Sources.push_back(sourceAt(Whole, Whole.getBeginLoc()));
  FlowSource &Source = Out.Sources[It->second];
  if (Kind == RoleValue::String && Source.Where.Hints.Value.empty())
    Source.Where.Hints = nameHintsOf(Stored, nullptr, Whole, Context);
  if (Kind == RoleValue::String && namesCredential(Field.getName())) {
    Secrets[It->second].push_back(V.Text);
    redact(Source.Where, {std::exchange(V.Text, "***")});
  }
  std::string Problem = Unwrappable.str();
  if (Problem.empty() && Field.getType()->isArrayType())
    Problem = InitialisesArray.str();
  noteWritten(It->second, Source.Args.size(), Stored, std::move(Problem));
  Source.Args.push_back({std::move(*Slot), std::move(V), Kind,
                         writtenAs(Field.getType(), Context.getLangOpts())});
}

void FlowRecorder::noteDefaultMemberInit(const FieldDecl &Field) {
  // A class template's instantiation has no initializer until one is
  // needed: the written one is the template's own.
  if (const Expr *Init = Field.getInClassInitializer())
    noteStore(Field, Init, *Init, &Field);
}

void FlowRecorder::maskCredentials() {
  // Backwards to a fixed point: the slots whose value reaches a credential.
  std::set<std::string> Credential;
  for (const FlowEdge &Edge : Out.Edges)
    if (!Edge.To && traitsOf(Edge.Role).Credential)
      Credential.insert(Edge.From.key());
  for (bool Changed = !Credential.empty(); Changed;) {
    Changed = false;
    for (const FlowEdge &Edge : Out.Edges)
      if (Edge.To && Credential.count(Edge.To->key()))
        Changed |= Credential.insert(Edge.From.key()).second;
  }
  for (size_t I = 0; I != Out.Sources.size(); ++I)
    for (FlowArgument &Arg : Out.Sources[I].Args)
      if (Arg.Kind == RoleValue::String && Arg.V.Text != "***" &&
          Credential.count(Arg.To.key()))
        Secrets[I].push_back(std::exchange(Arg.V.Text, "***"));
  // Masking is per line, not per source: a line another source shares
  // hides them all.
  std::set<std::string> Unique;
  for (const auto &Each : Secrets)
    Unique.insert(Each.second.begin(), Each.second.end());
  std::vector<std::string> All(Unique.begin(), Unique.end());
  llvm::stable_sort(All, [](const std::string &A, const std::string &B) {
    return A.size() > B.size();
  });
  for (size_t I = 0; I != Out.Sources.size(); ++I) {
    redact(Out.Sources[I].Where, All);
    Secrets[I] = All;
  }
}

void FlowRecorder::recordUnit() {
  FlowVisitor Visitor(*this, Evaluator, Context.getSourceManager());
  Visitor.TraverseDecl(Context.getTranslationUnitDecl());
  maskCredentials();
  spellWritten();
  // Only a source that hands on a string (a host, path, URI, node list or
  // credential) can be a site: an integer alone never pins an endpoint, and
  // keeping every integer a project function is given would swell the facts.
  // A call that also hands a parameter on is kept: its constant port
  // belongs to the endpoint of the constant its caller gave.
  llvm::erase_if(Out.Sources, [](const FlowSource &Source) {
    return !Source.HandsOn &&
           llvm::none_of(Source.Args, [](const FlowArgument &Arg) {
             return Arg.Kind == RoleValue::String;
           });
  });
  llvm::sort(Out.Reached);
  Out.Reached.erase(std::unique(Out.Reached.begin(), Out.Reached.end()),
                    Out.Reached.end());
}

} // namespace rehost
