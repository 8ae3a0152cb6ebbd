//===- CatalogUses.cpp - The uses of catalogued APIs in a unit
//--------------===//

#include "CatalogUses.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace rehost {
namespace {

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
  switch (traitsOf(Role).Kind) {
  case RoleValue::Integer:
  case RoleValue::Argv:
    return T.getNonReferenceType()->isIntegerType();
  case RoleValue::None:
  case RoleValue::NodeList:
    return true;
  case RoleValue::String:
  case RoleValue::Command:
    return isStringLike(T);
  }
  llvm_unreachable("unknown role value");
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
  if (std::optional<llvm::ArrayRef<const Expr *>> Args =
          forwardedArguments(Call))
    Use.Args.append(Args->begin(), Args->end());
  Use.Whole = &Call;
  Use.RParen = Call.getRParenLoc();
  return Use;
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

/// \p Matcher where the code is written, never in a template's
/// instantiation, which would report one site per argument list. The
/// traversal that skips instantiations (and looks through the implicit
/// nodes the matchers' own ignoringParenImpCasts skip too) costs nothing;
/// `unless(isInTemplateInstantiation())` asked each candidate's ancestors,
/// which builds the unit's whole parent map.
StatementMatcher writtenOnly(const StatementMatcher &Matcher) {
  return traverse(TK_IgnoreUnlessSpelledInSource, Matcher);
}

} // namespace

void addCatalogMatchers(MatchFinder &Finder,
                        MatchFinder::MatchCallback &Callback) {
  const std::vector<std::string> CallNames =
      namesOf({ApiKind::Function, ApiKind::Method});
  const std::vector<std::string> ClassNames = namesOf({ApiKind::Constructor});
  const std::vector<std::string> FieldNames = namesOf({ApiKind::Field});
  const auto CatalogCall =
      callExpr(callee(functionDecl(hasAnyName(refs(CallNames))).bind("callee")))
          .bind("call");
  const auto CatalogConstruction =
      cxxConstructExpr(hasDeclaration(cxxConstructorDecl(
                           ofClass(hasAnyName(refs(ClassNames))))))
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
                   hasTemplateArgument(0, OfCatalogClass))))
          .bind("factory");
  const auto Emplace =
      cxxMemberCallExpr(
          callee(cxxMethodDecl(
              hasAnyName("emplace_back", "emplace_front", "emplace"),
              ofClass(classTemplateSpecializationDecl(
                  isInStdNamespace(),
                  hasTemplateArgument(0, OfCatalogClass))))))
          .bind("factory");
  const auto CatalogField = ignoringParenImpCasts(
      memberExpr(member(fieldDecl(hasAnyName(refs(FieldNames))).bind("field")))
          .bind("member"));
  // `opts.port = 6380` is a built-in assignment, `opts.host = "..."` a
  // call to std::string's operator=.
  const auto BuiltinAssignment =
      binaryOperator(isAssignmentOperator(), hasLHS(CatalogField),
                     hasRHS(expr().bind("value")))
          .bind("assign");
  const auto OverloadedAssignment =
      cxxOperatorCallExpr(hasOverloadedOperatorName("="),
                          hasArgument(0, CatalogField),
                          hasArgument(1, expr().bind("value")))
          .bind("assign");
  for (const auto &Matcher :
       {StatementMatcher(CatalogCall), StatementMatcher(CatalogConstruction),
        StatementMatcher(Factory), StatementMatcher(Emplace),
        StatementMatcher(BuiltinAssignment),
        StatementMatcher(OverloadedAssignment)})
    Finder.addMatcher(writtenOnly(Matcher), &Callback);
}

std::optional<ApiUse> useOfMatch(const BoundNodes &Nodes) {
  if (const auto *Call = Nodes.getNodeAs<CallExpr>("call"))
    return useOfCall(*Call, *Nodes.getNodeAs<FunctionDecl>("callee"));
  if (const auto *Construct = Nodes.getNodeAs<CXXConstructExpr>("construct"))
    return useOfConstruction(*Construct);
  if (const auto *Factory = Nodes.getNodeAs<CallExpr>("factory"))
    return useOfFactory(*Factory, *Nodes.getNodeAs<CXXRecordDecl>("class"));
  if (const auto *Assignment = Nodes.getNodeAs<Expr>("assign"))
    return useOfAssignment(*Assignment, *Nodes.getNodeAs<FieldDecl>("field"),
                           *Nodes.getNodeAs<MemberExpr>("member"),
                           *Nodes.getNodeAs<Expr>("value"));
  return std::nullopt;
}

std::optional<llvm::ArrayRef<const Expr *>>
forwardedArguments(const CallExpr &Call) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  const FunctionTemplateDecl *Template =
      Callee ? Callee->getPrimaryTemplate() : nullptr;
  if (!Template)
    return std::nullopt;
  llvm::ArrayRef<ParmVarDecl *> Written =
      Template->getTemplatedDecl()->parameters();
  const auto *Pack = llvm::find_if(
      Written, [](const ParmVarDecl *P) { return P->isParameterPack(); });
  size_t First = Pack - Written.begin();
  if (Pack == Written.end() || First > Call.getNumArgs())
    return std::nullopt;
  return llvm::ArrayRef<const Expr *>(Call.getArgs(), Call.getNumArgs())
      .drop_front(First);
}

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

} // namespace rehost
