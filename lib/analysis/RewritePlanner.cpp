//===- RewritePlanner.cpp - Phase one: how a site moves onto the runtime --===//

#include "rehost/RewritePlanner.h"

#include "rehost/CommandFormat.h"
#include "rehost/FileIO.h"
#include "rehost/Uri.h"

#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

#include <optional>
#include <tuple>

using namespace clang;

namespace rehost {
namespace {

Rewrite manual(llvm::StringRef Reason) {
  Rewrite R;
  R.ManualReason = Reason.str();
  return R;
}

std::string realPath(const SourceManager &SM, FileID File) {
  const FileEntry *Entry = SM.getFileEntryForID(File);
  return Entry ? Entry->tryGetRealPathName().str() : std::string();
}

/// The runtime header a family's rewrites need.
llvm::StringRef runtimeHeader(const LibraryFamily &Family) {
  return Family.Lang == Language::C ? "rehost/rehost.h" : "rehost/rehost.hpp";
}

/// Records the line \p Offset lies on as the report's "before".
void noteEditLine(Rewrite &R, const SourceManager &SM, FileID File,
                  unsigned Offset) {
  llvm::StringRef Buffer = SM.getBufferData(File);
  size_t LineStart = Buffer.rfind('\n', Offset);
  LineStart = LineStart == llvm::StringRef::npos ? 0 : LineStart + 1;
  R.EditLineOffset = LineStart;
  R.EditLine =
      Buffer.slice(LineStart, Buffer.find_first_of("\r\n", Offset)).str();
}

/// The "no value" a strict rewrite leaves for an argument of \p Role: the
/// runtime then takes the value from configuration alone.
llvm::StringRef noFallback(ArgRole Role) {
  return Role == ArgRole::Port || Role == ArgRole::Db ? "0" : "NULL";
}

/// The endpoint arguments of a drop-in call (a prefix: host and port, or the
/// socket path), written as "none" after the profile: `"{profile}", NULL, 0`.
llvm::Expected<std::pair<CharSourceRange, std::string>>
strictArguments(const CallExpr &Call, const CatalogEntry &Entry,
                const SourceManager &SM, const LangOptions &LangOpts) {
  unsigned Count = 0;
  while (Count < Entry.Args.size() && Entry.Args[Count] != ArgRole::Other)
    ++Count;
  if (Count == 0 || Call.getNumArgs() < Count)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "--strict: the call has no endpoint "
                                   "arguments to move");
  CharSourceRange Range = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(Call.getArg(0)->getBeginLoc(),
                                     Call.getArg(Count - 1)->getEndLoc()),
      SM, LangOpts);
  if (Range.isInvalid())
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "--strict: the endpoint's arguments are spelled partly in a macro");
  std::string Text = ("\"" + PlannedEdit::ProfilePlaceholder + "\"").str();
  for (unsigned I = 0; I != Count; ++I)
    Text += (", " + noFallback(Entry.Args[I])).str();
  return std::make_pair(Range, std::move(Text));
}

/// `redisConnect(host, port)` -> `rehost_redisConnect("{profile}", host,
/// port)`: two edits where the name and its parenthesis are written. With
/// \p Strict, `rehost_redisConnect("{profile}", NULL, 0)`.
Rewrite planDropInCall(const CallExpr &Call, const CatalogEntry &Entry,
                       const SourceManager &SM, const LangOptions &LangOpts,
                       FileDigests &Digests, bool Strict) {
  const auto *Callee =
      dyn_cast<DeclRefExpr>(Call.getCallee()->IgnoreParenImpCasts());
  if (!Callee)
    return manual("the function is called through an expression");

  // The name is edited where it is written: in the file, in a macro argument
  // (also in the file), or in a macro body (then every expansion changes).
  SourceLocation Name = SM.getSpellingLoc(Callee->getLocation());
  FileID File = SM.getFileID(Name);
  std::string Path = realPath(SM, File);
  if (Path.empty())
    return manual("the call is produced by token pasting");
  if (SM.isInSystemHeader(Name))
    return manual("the call is spelled in a system header");
  llvm::StringRef Spelled =
      Lexer::getSourceText(CharSourceRange::getTokenRange(Name), SM, LangOpts);
  if (Spelled != Entry.Name)
    return manual("the function name is spelled by a macro ('" + Spelled.str() +
                  "')");
  auto Paren = Lexer::findNextToken(Name, SM, LangOpts);
  if (!Paren || !Paren->is(tok::l_paren))
    return manual("the argument list is spelled apart from the function name");

  Rewrite R;
  R.Include = runtimeHeader(*Entry.Family).str();
  R.MacroBodyKey = macroBodyKey(Call, SM);
  const std::string &Digest = Digests.of(File);
  unsigned NameOffset = SM.getFileOffset(Name);
  R.Edits.push_back({Path, NameOffset, static_cast<unsigned>(Spelled.size()),
                     Entry.RuntimeCall.str(), Digest});
  if (!Strict) {
    R.Edits.push_back({Path, SM.getFileOffset(Paren->getEndLoc()), 0,
                       ("\"" + PlannedEdit::ProfilePlaceholder + "\", ").str(),
                       Digest});
  } else {
    auto Arguments = strictArguments(Call, Entry, SM, LangOpts);
    if (!Arguments)
      return manual(llvm::toString(Arguments.takeError()));
    auto &[Range, Text] = *Arguments;
    FileID ArgsFile = SM.getFileID(Range.getBegin());
    if (ArgsFile != File)
      return manual("--strict: the arguments are spelled apart from the "
                    "function name");
    unsigned Begin = SM.getFileOffset(Range.getBegin());
    R.Edits.push_back({Path, Begin, SM.getFileOffset(Range.getEnd()) - Begin,
                       std::move(Text), Digest});
  }
  noteEditLine(R, SM, File, NameOffset);
  return R;
}

bool isCredential(ArgRole Role) {
  return Role == ArgRole::User || Role == ArgRole::Password;
}

/// The value the evaluator found for an argument of \p Role.
const Value &valueOf(const Endpoint &Target, ArgRole Role) {
  static const Value None;
  switch (Role) {
  case ArgRole::Host:
    return Target.Host;
  case ArgRole::Port:
    return Target.Port;
  case ArgRole::UnixPath:
    return Target.UnixPath;
  case ArgRole::Uri:
    return Target.Uri;
  case ArgRole::Nodes:
  case ArgRole::Node:
  case ArgRole::NodeList:
    return Target.Nodes;
  case ArgRole::Db:
    return Target.Db;
  case ArgRole::User:
    return Target.User;
  case ArgRole::Password:
    return Target.Password;
  case ArgRole::Command:
  case ArgRole::Other:
    return None;
  }
  llvm_unreachable("unknown role");
}

bool isIntegerRole(ArgRole Role) {
  return Role == ArgRole::Port || Role == ArgRole::Db;
}

/// \p Text as a C string literal, or None when it holds a character a
/// plain literal cannot show.
std::optional<std::string> stringLiteral(llvm::StringRef Text) {
  std::string Out = "\"";
  for (char C : Text) {
    if (!llvm::isPrint(C))
      return std::nullopt;
    if (C == '"' || C == '\\')
      Out += '\\';
    Out += C;
  }
  return Out + "\"";
}

/// A constant written back as source: the fallback of a left-out default
/// argument or of a URI whose credentials were taken out.
std::optional<std::string> literalFor(ArgRole Role, llvm::StringRef Text) {
  if (isIntegerRole(Role))
    return Text.str();
  return stringLiteral(Text);
}

/// \p Uri without its user info, or None when its credentials cannot be
/// taken out cleanly. The user info is found as splitUri finds it.
std::optional<std::string> withoutCredentials(llvm::StringRef Uri) {
  size_t SchemeEnd = Uri.find("://");
  size_t InfoStart = SchemeEnd == llvm::StringRef::npos ? 0 : SchemeEnd + 3;
  llvm::StringRef Rest = Uri.drop_front(InfoStart);
  size_t At = Rest.take_until([](char C) { return C == '?'; })
                  .take_until([](char C) { return C == '/'; })
                  .rfind('@');
  if (At == llvm::StringRef::npos)
    return Uri.str();
  std::string Out = (Uri.take_front(InfoStart) + Rest.drop_front(At + 1)).str();
  UriParts P = splitUri(Out);
  if (P.HasPassword || !P.User.empty())
    return std::nullopt;
  return Out;
}

/// True when \p Arg is a string literal written at the use itself (perhaps
/// converted to std::string): replacing it takes the value out of the code.
/// A variable or a macro would leave the value written elsewhere.
bool isLiteralAtUse(const Expr *Arg) {
  const Expr *E = Arg->IgnoreImplicit();
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E))
    if (Construct->getNumArgs() >= 1)
      E = Construct->getArg(0)->IgnoreImplicit();
  const auto *Literal = dyn_cast<StringLiteral>(E->IgnoreParens());
  return Literal && Literal->getBeginLoc().isFileID() &&
         Literal->getEndLoc().isFileID();
}

/// Collects the edits of a wrapping rewrite; every edit must land in a
/// file rehost may change.
class WrapEdits {
public:
  WrapEdits(const SourceManager &SM, const LangOptions &LangOpts,
            FileDigests &Digests)
      : SM(SM), LangOpts(LangOpts), Digests(Digests) {}

  /// Where \p Arg is written in a file, or why it cannot be edited there.
  llvm::Expected<CharSourceRange> fileRange(const Expr &Arg) const {
    CharSourceRange Range = Lexer::makeFileCharRange(
        CharSourceRange::getTokenRange(Arg.getSourceRange()), SM, LangOpts);
    if (Range.isInvalid())
      return error("an argument is spelled partly in a macro");
    if (SM.isInSystemHeader(Range.getBegin()))
      return error("an argument is spelled in a system header");
    if (realPath(SM, SM.getFileID(Range.getBegin())).empty())
      return error("an argument is produced by token pasting");
    return Range;
  }

  /// Two texts at one place are one edit, in the order they were planned:
  /// `"h"` + `)` + `, rehost::port(...)` when the port was left out.
  void insert(SourceLocation Loc, std::string Text) {
    std::string Path = realPath(SM, SM.getFileID(Loc));
    unsigned Offset = SM.getFileOffset(Loc);
    for (PlannedEdit &E : Edits)
      if (E.File == Path && E.Offset == Offset && E.Length == 0) {
        E.Text += Text;
        return;
      }
    add(Loc, 0, std::move(Text));
  }
  void replace(CharSourceRange Range, std::string Text) {
    add(Range.getBegin(),
        SM.getFileOffset(Range.getEnd()) - SM.getFileOffset(Range.getBegin()),
        std::move(Text));
  }
  std::vector<PlannedEdit> take() { return std::move(Edits); }
  /// The file of the first edit: the report shows its line.
  FileID firstFile() const { return First; }

  static llvm::Error error(const llvm::Twine &Reason) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(), Reason);
  }

private:
  void add(SourceLocation Loc, unsigned Length, std::string Text) {
    FileID File = SM.getFileID(Loc);
    if (Edits.empty())
      First = File;
    Edits.push_back({realPath(SM, File), SM.getFileOffset(Loc), Length,
                     std::move(Text), Digests.of(File)});
  }

  const SourceManager &SM;
  const LangOptions &LangOpts;
  FileDigests &Digests;
  std::vector<PlannedEdit> Edits;
  FileID First;
};

/// `accessor("profile", ` ... `)`, or with no fallback for a credential.
std::string accessorCall(llvm::StringRef Accessor, llvm::StringRef Profile,
                         llvm::StringRef Fallback) {
  std::string Call = (Accessor + "(\"" + Profile + "\"").str();
  if (!Fallback.empty())
    Call += (", " + Fallback).str();
  return Call + ")";
}

/// The runtime accessor of \p Role, or why an argument of it is not wrapped.
llvm::Expected<llvm::StringRef> accessorOf(ArgRole Role,
                                           const LibraryFamily &Family) {
  llvm::StringRef Accessor = runtimeAccessor(Role, Family.Lang);
  if (Accessor.empty() || Role == ArgRole::NodeList)
    return WrapEdits::error("rehost fix has no runtime accessor for this " +
                            Family.Name + " argument yet");
  return Accessor;
}

/// The fallback a strict accessor call passes: none at all in C++, the
/// C accessors' "none" in C.
std::string strictFallback(ArgRole Role, Language Lang) {
  return Lang == Language::Cxx ? std::string() : noFallback(Role).str();
}

/// Wraps one written argument: `"h"` -> `rehost::host("p", "h")` as two
/// insertions; a credential literal is replaced by its accessor with no
/// fallback, a URI literal by one without its user info.
llvm::Error wrapWritten(ArgRole Role, llvm::StringRef Accessor, Language Lang,
                        const Value &V, const Expr &Arg,
                        llvm::StringRef Profile, bool Strict,
                        WrapEdits &Edits) {
  llvm::Expected<CharSourceRange> Range = Edits.fileRange(Arg);
  if (!Range)
    return Range.takeError();
  bool UriWithCredentials =
      Role == ArgRole::Uri &&
      (splitUri(V.Text).HasPassword || !splitUri(V.Text).User.empty());
  if (Strict && !isCredential(Role)) {
    // Only the profile stays; the value is in the runtime's config file.
    Edits.replace(*Range,
                  accessorCall(Accessor, Profile, strictFallback(Role, Lang)));
    return llvm::Error::success();
  }
  if (!isCredential(Role) && !UriWithCredentials) {
    Edits.insert(Range->getBegin(),
                 (Accessor + "(\"" + Profile + "\", ").str());
    Edits.insert(Range->getEnd(), ")");
    return llvm::Error::success();
  }
  // Credentials leave the code: the literal itself must be at the use.
  if (!isLiteralAtUse(&Arg))
    return WrapEdits::error(
        "the credential is not a literal written at this use; move it to "
        "configuration and remove it from the code by hand");
  // The C accessors take the fallback explicitly; NULL is none.
  std::string Fallback = Lang == Language::C ? "NULL" : "";
  if (UriWithCredentials) {
    std::optional<std::string> Stripped = withoutCredentials(V.Text);
    std::optional<std::string> Literal =
        Stripped ? stringLiteral(*Stripped) : std::nullopt;
    if (!Literal)
      return WrapEdits::error("the URI's credentials cannot be taken out of "
                              "it safely; rewrite it by hand");
    Fallback = std::move(*Literal);
  }
  Edits.replace(*Range, accessorCall(Accessor, Profile, Fallback));
  return llvm::Error::success();
}

/// AUTH through a hiredis format command: the literal password argument of
/// `"AUTH %s"` becomes the runtime's AUTH password, which is never NULL (a
/// NULL %s argument would crash hiredis). Passwords written inside the
/// format, binary %b arguments and written ACL user names are left to a
/// human: rewriting them means rewriting the format.
llvm::Error wrapAuthPassword(const Endpoint &Target, const Expr &FormatArg,
                             llvm::ArrayRef<const Expr *> Variadic,
                             llvm::StringRef Accessor, WrapEdits &Edits) {
  const auto *Format = dyn_cast<StringLiteral>(FormatArg.IgnoreParenImpCasts());
  if (!Format || Format->getCharByteWidth() != 1)
    return WrapEdits::error("the AUTH format is not a literal; move the "
                            "password to configuration by hand");
  if (Format->getString().contains("%b"))
    return WrapEdits::error("a binary (%b) AUTH argument is rewritten by hand");
  std::optional<AuthWords> Auth =
      findAuthWords(splitCommandFormat(Format->getString()));
  if (!Auth)
    return llvm::Error::success();
  if (Target.User.isConstant() && !Target.User.Text.empty())
    return WrapEdits::error("the ACL user name is written in the AUTH "
                            "command; move it to the profile's _USERNAME "
                            "variable by hand");
  if (!Target.Password.isConstant())
    return llvm::Error::success();
  if (Auth->Password.K != FormatWord::Kind::Argument)
    return WrapEdits::error("the password is written inside the AUTH format; "
                            "move it to the profile's _PASSWORD variable by "
                            "hand");
  if (Auth->Password.Argument >= Variadic.size() ||
      !isLiteralAtUse(Variadic[Auth->Password.Argument]))
    return WrapEdits::error(
        "the credential is not a literal written at this use; move it to "
        "configuration and remove it from the code by hand");
  llvm::Expected<CharSourceRange> Range =
      Edits.fileRange(*Variadic[Auth->Password.Argument]);
  if (!Range)
    return Range.takeError();
  Edits.replace(*Range, (Accessor + "(\"default\")").str());
  return llvm::Error::success();
}

/// Wraps every hardcoded argument (and the object's companion fields) in
/// its role's accessor; default arguments the caller left out are written
/// out at the closing parenthesis, so the library's default becomes the
/// profile's fallback.
Rewrite planWrappedArguments(const CatalogEntry &Entry, const Endpoint &Target,
                             const UseSyntax &Use, const SourceManager &SM,
                             const LangOptions &LangOpts, FileDigests &Digests,
                             bool Strict) {
  // A site with an address gets its profile in phase two; a credential on
  // its own has none and uses the default profile.
  std::string Profile = Target.address().empty()
                            ? std::string("default")
                            : PlannedEdit::ProfilePlaceholder.str();
  WrapEdits Edits(SM, LangOpts, Digests);
  std::vector<std::string> LeftOut;
  bool AnyWritten = false;
  for (unsigned I = 0,
                E = std::min<unsigned>(Entry.Args.size(), Use.Args.size());
       I != E; ++I) {
    ArgRole Role = Entry.Args[I];
    if (Role == ArgRole::Command) {
      if (llvm::Error Err = wrapAuthPassword(
              Target, *Use.Args[I], Use.Args.drop_front(I + 1),
              runtimeAccessor(Role, Entry.Family->Lang), Edits))
        return manual(llvm::toString(std::move(Err)));
      break; // The variadic arguments belong to the command.
    }
    const Value &V = valueOf(Target, Role);
    bool Defaulted = isa<CXXDefaultArgExpr>(Use.Args[I]);
    AnyWritten |= !Defaulted;
    if (Role == ArgRole::Other || !V.isConstant())
      continue;
    llvm::Expected<llvm::StringRef> Accessor = accessorOf(Role, *Entry.Family);
    if (!Accessor)
      return manual(llvm::toString(Accessor.takeError()));
    if (!Defaulted) {
      if (llvm::Error Err = wrapWritten(Role, *Accessor, Entry.Family->Lang, V,
                                        *Use.Args[I], Profile, Strict, Edits))
        return manual(llvm::toString(std::move(Err)));
      continue;
    }
    std::optional<std::string> Fallback = literalFor(Role, V.Text);
    if (!Fallback || isCredential(Role))
      return manual("a default argument cannot be written out; rewrite the "
                    "call by hand");
    LeftOut.push_back(accessorCall(
        *Accessor, Profile,
        Strict ? strictFallback(Role, Entry.Family->Lang) : *Fallback));
  }
  if (!LeftOut.empty()) {
    if (Use.RParen.isInvalid() || !Use.RParen.isFileID())
      return manual("the call's closing parenthesis is spelled in a macro");
    Edits.insert(Use.RParen,
                 (AnyWritten ? ", " : "") + llvm::join(LeftOut, ", "));
  }
  if (!Target.address().empty())
    for (const CompanionField &Field : Use.Companions) {
      llvm::Expected<llvm::StringRef> Accessor =
          accessorOf(Field.Role, *Entry.Family);
      if (!Accessor)
        return manual(llvm::toString(Accessor.takeError()));
      Value V = Value::constant(Field.Text);
      if (llvm::Error Err =
              wrapWritten(Field.Role, *Accessor, Entry.Family->Lang, V,
                          *Field.Value, Profile, Strict, Edits))
        return manual(llvm::toString(std::move(Err)));
    }

  Rewrite R;
  R.Edits = Edits.take();
  if (R.Edits.empty())
    return manual("nothing at this site can be wrapped in a runtime accessor");
  R.Include = runtimeHeader(*Entry.Family).str();
  noteEditLine(R, SM, Edits.firstFile(), R.Edits.front().Offset);
  // Phase two replays the edits on the reported line in reverse order.
  llvm::stable_sort(R.Edits, [](const PlannedEdit &A, const PlannedEdit &B) {
    return std::tie(A.File, A.Offset) < std::tie(B.File, B.Offset);
  });
  return R;
}

} // namespace

const std::string &FileDigests::of(FileID File) {
  auto [It, Inserted] = Cache.try_emplace(File);
  if (Inserted) {
    It->second = contentDigest(SM.getBufferData(File));
  }
  return It->second;
}

std::string macroBodyKey(const CallExpr &Call, const SourceManager &SM) {
  SourceLocation Name = Call.getCallee()->IgnoreParenImpCasts()->getExprLoc();
  if (!Name.isMacroID() || SM.isMacroArgExpansion(Name))
    return {};
  SourceLocation Spelling = SM.getSpellingLoc(Name);
  return realPath(SM, SM.getFileID(Spelling)) + ":" +
         std::to_string(SM.getFileOffset(Spelling));
}

Rewrite planRewrite(Rule R, const CatalogEntry &Entry, const Endpoint &Target,
                    const UseSyntax &Use, const SourceManager &SM,
                    const LangOptions &LangOpts, FileDigests &Digests,
                    bool Strict) {
  if (R == Rule::PartiallyHardcoded)
    return manual("a constant fallback is mixed with values computed at run "
                  "time; move the fallback into configuration by hand");
  if (Use.Call && !Entry.RuntimeCall.empty())
    return planDropInCall(*Use.Call, Entry, SM, LangOpts, Digests, Strict);
  return planWrappedArguments(Entry, Target, Use, SM, LangOpts, Digests,
                              Strict);
}

} // namespace rehost
