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

/// Where a called function's name is written, checked to be editable.
struct CalleeSpelling {
  SourceLocation Name;
  FileID File;
  std::string Path;
  unsigned Length = 0;
  Token Paren; ///< The '(' after the name.
};

/// The name of \p Call's callee as written: in the file, in a macro argument
/// (also in the file), or in a macro body (then every expansion changes).
llvm::Expected<CalleeSpelling> spelledCallee(const CallExpr &Call,
                                             const CatalogEntry &Entry,
                                             const SourceManager &SM,
                                             const LangOptions &LangOpts) {
  auto Fail = [](const llvm::Twine &Why) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(), Why);
  };
  const auto *Callee =
      dyn_cast<DeclRefExpr>(Call.getCallee()->IgnoreParenImpCasts());
  if (!Callee)
    return Fail("the function is called through an expression");
  CalleeSpelling Out;
  Out.Name = SM.getSpellingLoc(Callee->getLocation());
  Out.File = SM.getFileID(Out.Name);
  Out.Path = realPath(SM, Out.File);
  if (Out.Path.empty())
    return Fail("the call is produced by token pasting");
  if (SM.isInSystemHeader(Out.Name))
    return Fail("the call is spelled in a system header");
  llvm::StringRef Spelled = Lexer::getSourceText(
      CharSourceRange::getTokenRange(Out.Name), SM, LangOpts);
  if (Spelled != Entry.Name)
    return Fail("the function name is spelled by a macro ('" + Spelled + "')");
  Out.Length = Spelled.size();
  auto Paren = Lexer::findNextToken(Out.Name, SM, LangOpts);
  if (!Paren || !Paren->is(tok::l_paren))
    return Fail("the argument list is spelled apart from the function name");
  Out.Paren = *Paren;
  return Out;
}

/// `redisConnect(host, port)` -> `rehost_redisConnect("{profile}", host,
/// port)`: two edits where the name and its parenthesis are written. With
/// \p Strict, `rehost_redisConnect("{profile}", NULL, 0)`.
Rewrite planDropInCall(const CallExpr &Call, const CatalogEntry &Entry,
                       const SourceManager &SM, const LangOptions &LangOpts,
                       FileDigests &Digests, bool Strict) {
  llvm::Expected<CalleeSpelling> Callee =
      spelledCallee(Call, Entry, SM, LangOpts);
  if (!Callee)
    return manual(llvm::toString(Callee.takeError()));
  const std::string &Path = Callee->Path;
  FileID File = Callee->File;

  Rewrite R;
  R.Include = Entry.runtimeHeader().str();
  R.MacroBodyKey = macroBodyKey(Call, SM);
  const std::string &Digest = Digests.of(File);
  unsigned NameOffset = SM.getFileOffset(Callee->Name);
  R.Edits.push_back(
      {Path, NameOffset, Callee->Length, Entry.RuntimeCall.str(), Digest});
  if (!Strict) {
    R.Edits.push_back({Path, SM.getFileOffset(Callee->Paren.getEndLoc()), 0,
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
  case ArgRole::SentinelHost:
    return Target.Host;
  case ArgRole::Port:
  case ArgRole::SentinelPort:
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
  case ArgRole::Connection:
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

/// \p Uri without its user info and its ?user=, ?username=, ?password= and
/// ?sentinel_… credential keys, or None when its credentials cannot be taken
/// out cleanly. The credentials are found as splitUri finds them.
std::optional<std::string> withoutCredentials(llvm::StringRef Uri) {
  size_t SchemeEnd = Uri.find("://");
  size_t InfoStart = SchemeEnd == llvm::StringRef::npos ? 0 : SchemeEnd + 3;
  auto [Rest, Query] = Uri.drop_front(InfoStart).split('?');
  size_t At = Rest.take_until([](char C) { return C == '/'; }).rfind('@');
  std::string Out =
      (Uri.take_front(InfoStart) +
       (At == llvm::StringRef::npos ? Rest : Rest.drop_front(At + 1)))
          .str();
  llvm::SmallVector<llvm::StringRef, 4> Params;
  Query.split(Params, '&', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  std::string Kept;
  for (llvm::StringRef Param : Params) {
    std::string Key =
        llvm::StringRef(percentDecode(Param.split('=').first)).lower();
    if (Key == "user" || Key == "username" || Key == "password" ||
        Key == "sentinel_username" || Key == "sentinel_password")
      continue;
    Kept += (Kept.empty() ? "" : "&") + Param.str();
  }
  if (!Kept.empty())
    Out += "?" + Kept;
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

/// `redisConnectWithOptions(&o)` -> `rehost_redisConnectWithOptions(&o,
/// "{profile}")`: the connect of an object the site configures.
llvm::Error renameConnect(const ConnectUse &Connect, llvm::StringRef Profile,
                          const SourceManager &SM, const LangOptions &LangOpts,
                          WrapEdits &Edits) {
  llvm::Expected<CalleeSpelling> Callee =
      spelledCallee(*Connect.Call, *Connect.Entry, SM, LangOpts);
  if (!Callee)
    return WrapEdits::error("the connect of these options: " +
                            llvm::toString(Callee.takeError()));
  SourceLocation RParen = Connect.Call->getRParenLoc();
  if (!RParen.isFileID() || SM.getFileID(RParen) != Callee->File)
    return WrapEdits::error("the connect of these options is spelled partly "
                            "in a macro");
  Edits.replace(CharSourceRange::getCharRange(
                    Callee->Name, Callee->Name.getLocWithOffset(
                                      static_cast<int>(Callee->Length))),
                Connect.Entry->RuntimeCall.str());
  Edits.insert(RParen, (", \"" + Profile + "\"").str());
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
  // Phase two names the profile of the site's address, or of the
  // connection a credential is sent on.
  std::string Profile = PlannedEdit::ProfilePlaceholder.str();
  // An options object that gets the whole profile keeps its written
  // endpoint as the fallback; only credentials leave the code.
  bool WrapsEndpoint = Entry.OptionsCall.empty() || Strict;
  if (!Entry.OptionsCall.empty() && !Use.Options.Problem.empty())
    return manual(Use.Options.Problem);
  WrapEdits Edits(SM, LangOpts, Digests);
  std::vector<std::string> LeftOut;
  bool AnyWritten = false;
  for (unsigned I = 0,
                E = std::min<unsigned>(Entry.Args.size(), Use.Args.size());
       I != E; ++I) {
    ArgRole Role = Entry.Args[I];
    if (Role == ArgRole::Command)
      return manual("hiredis-cluster sends the password given to "
                    "redisClusterSetOptionPassword; move this AUTH there by "
                    "hand");
    const Value &V = valueOf(Target, Role);
    bool Defaulted = isa<CXXDefaultArgExpr>(Use.Args[I]);
    AnyWritten |= !Defaulted;
    if (Role == ArgRole::Other || Role == ArgRole::Connection ||
        !V.isConstant() || (!WrapsEndpoint && !isCredential(Role)))
      continue;
    // rehost::uri hands a client the profile's configured address, never the
    // master its sentinels name now.
    if (Role == ArgRole::Uri && splitUri(V.Text).Sentinel)
      return manual("a Sentinel URL: no client URI can follow the master the "
                    "sentinels name; give the client the master through its "
                    "Sentinel API, or connect with rehost_redisConnect, which "
                    "asks the sentinels");
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
  if (!Target.address().empty() && WrapsEndpoint)
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

  for (const ConnectUse &Connect : Use.Connects)
    if (llvm::Error Err = renameConnect(Connect, Profile, SM, LangOpts, Edits))
      return manual(llvm::toString(std::move(Err)));

  if (!Entry.OptionsCall.empty())
    Edits.insert(Use.Options.After,
                 ("\n" + Use.Options.Indent + Entry.OptionsCall + "(" +
                  Use.Options.Object + ", \"" + Profile + "\");")
                     .str());

  Rewrite R;
  R.Edits = Edits.take();
  if (R.Edits.empty())
    return manual("nothing at this site can be wrapped in a runtime accessor");
  // The connect's helper header includes the family's.
  R.Include = (Use.Connects.empty() ? Entry : *Use.Connects.front().Entry)
                  .runtimeHeader()
                  .str();
  noteEditLine(R, SM, Edits.firstFile(), R.Edits.front().Offset);
  // Phase two replays the edits on the reported line in reverse order.
  llvm::stable_sort(R.Edits, [](const PlannedEdit &A, const PlannedEdit &B) {
    return std::tie(A.File, A.Offset) < std::tie(B.File, B.Offset);
  });
  return R;
}

/// `redisCommand(c, "AUTH %s", "pw")`, `redisCommand(c, "AUTH pw")` and
/// `redisCommand(c, "AUTH user pw")` -> `rehost_redisAuth(c, "{profile}")`:
/// the command is only AUTH, so the whole of it becomes the profile's AUTH
/// on the same context (which sends nothing a server without a password
/// refuses). Every credential word must be written at this use, or the
/// secret would stay in the code.
Rewrite planAuthCommand(const CallExpr &Call, const CatalogEntry &Entry,
                        const UseSyntax &Use, const SourceManager &SM,
                        const LangOptions &LangOpts, FileDigests &Digests) {
  unsigned CommandIndex = *Entry.argumentOf(ArgRole::Command);
  if (CommandIndex >= Use.Args.size())
    return manual("the AUTH command has no format argument");
  const Expr *FormatArg = Use.Args[CommandIndex];
  const auto *Format =
      dyn_cast<StringLiteral>(FormatArg->IgnoreParenImpCasts());
  if (!Format || Format->getCharByteWidth() != 1 || !isLiteralAtUse(FormatArg))
    return manual("the AUTH format is not a literal written at this use; "
                  "move the password to configuration by hand");
  if (Format->getString().contains("%b"))
    return manual("a binary (%b) AUTH argument is rewritten by hand");
  std::optional<AuthWords> Auth =
      findAuthWords(splitCommandFormat(Format->getString()));
  if (!Auth)
    return manual("the command is not an AUTH command");
  llvm::ArrayRef<const Expr *> Variadic = Use.Args.drop_front(CommandIndex + 1);
  llvm::SmallVector<const FormatWord *, 2> Words = {&Auth->Password};
  if (Auth->User)
    Words.push_back(&*Auth->User);
  for (const FormatWord *Word : Words) {
    if (Word->K == FormatWord::Kind::Mixed)
      return manual("an AUTH word mixes text and conversions; rewrite it by "
                    "hand");
    if (Word->K == FormatWord::Kind::Argument &&
        (Word->Argument >= Variadic.size() ||
         !isLiteralAtUse(Variadic[Word->Argument])))
      return manual("every AUTH word must be written at this use to move to "
                    "the profile; one is a variable, macro or run-time "
                    "value, so rewrite the command by hand");
  }

  llvm::Expected<CalleeSpelling> Callee =
      spelledCallee(Call, Entry, SM, LangOpts);
  if (!Callee)
    return manual(llvm::toString(Callee.takeError()));
  CharSourceRange Command = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(FormatArg->getBeginLoc(),
                                     Use.Args.back()->getEndLoc()),
      SM, LangOpts);
  if (Command.isInvalid() || SM.getFileID(Command.getBegin()) != Callee->File)
    return manual("the AUTH command is spelled apart from the function name");

  Rewrite R;
  R.Include = Entry.runtimeHeader().str();
  R.MacroBodyKey = macroBodyKey(Call, SM);
  const std::string &Digest = Digests.of(Callee->File);
  unsigned NameOffset = SM.getFileOffset(Callee->Name);
  unsigned Begin = SM.getFileOffset(Command.getBegin());
  R.Edits.push_back({Callee->Path, NameOffset, Callee->Length,
                     Entry.RuntimeCall.str(), Digest});
  R.Edits.push_back(
      {Callee->Path, Begin, SM.getFileOffset(Command.getEnd()) - Begin,
       ("\"" + PlannedEdit::ProfilePlaceholder + "\"").str(), Digest});
  noteEditLine(R, SM, Callee->File, NameOffset);
  return R;
}

/// `client.connect("h", 6380)` -> `rehost::connect(client, "{profile}", "h",
/// 6380)` and `client.auth("pw", cb)` -> `rehost::auth(client, "{profile}",
/// cb)`: the object goes first, the profile after it; a credential argument
/// leaves the code, endpoint arguments stay as the fallback (left-out
/// defaults are written out). With \p Strict no endpoint value stays:
/// `rehost::connect(client, "{profile}")`, or "none" values when later
/// arguments are written.
Rewrite planMethodCall(const CXXMemberCallExpr &Call, const CatalogEntry &Entry,
                       const Endpoint &Target, const UseSyntax &Use,
                       const SourceManager &SM, const LangOptions &LangOpts,
                       FileDigests &Digests, bool Strict) {
  const auto *Member = dyn_cast<MemberExpr>(Call.getCallee()->IgnoreParens());
  if (!Member || Member->isImplicitAccess())
    return manual("the method is called without naming its object");
  // `shared->connect(…)` on a smart pointer: the object is the pointer,
  // reached through its operator->.
  const Expr *Base = Member->getBase();
  bool Arrow = Member->isArrow();
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Base->IgnoreImplicit());
      Op && Op->getOperator() == OO_Arrow) {
    Base = Op->getArg(0);
    Arrow = true;
  }
  WrapEdits Edits(SM, LangOpts, Digests);
  llvm::Expected<CharSourceRange> Object = Edits.fileRange(*Base);
  if (!Object)
    return manual(llvm::toString(Object.takeError()));
  SourceLocation Name = Member->getMemberLoc();
  std::optional<Token> Paren;
  if (Name.isFileID())
    if (auto Next = Lexer::findNextToken(Name, SM, LangOpts))
      Paren = *Next;
  if (!Paren || !Paren->is(tok::l_paren) ||
      SM.getFileID(Name) != SM.getFileID(Object->getBegin()))
    return manual("the method name or its argument list is spelled in a "
                  "macro");

  // Written arguments, in order, and how many of the first ones go.
  llvm::SmallVector<std::pair<ArgRole, const Expr *>, 4> Written;
  llvm::SmallVector<std::string, 2> Defaults;
  for (unsigned I = 0,
                E = std::min<unsigned>(Entry.Args.size(), Use.Args.size());
       I != E; ++I) {
    ArgRole Role = Entry.Args[I];
    const Value &V = valueOf(Target, Role);
    if (!isa<CXXDefaultArgExpr>(Use.Args[I])) {
      if (isCredential(Role) && !isLiteralAtUse(Use.Args[I]))
        return manual("the credential is not a literal written at this use; "
                      "move it to configuration and remove it from the code "
                      "by hand");
      Written.push_back({Role, Use.Args[I]});
      continue;
    }
    if (Strict || isCredential(Role) || !V.isConstant())
      continue;
    std::optional<std::string> Literal = literalFor(Role, V.Text);
    if (!Literal)
      return manual("a default argument cannot be written out; rewrite the "
                    "call by hand");
    Defaults.push_back(std::move(*Literal));
  }
  for (unsigned I = Entry.Args.size(); I < Use.Args.size(); ++I)
    if (!isa<CXXDefaultArgExpr>(Use.Args[I]))
      Written.push_back({ArgRole::Other, Use.Args[I]});
  auto IsEndpoint = [](ArgRole Role) {
    return Role != ArgRole::Other && !isCredential(Role);
  };
  bool OthersWritten = llvm::any_of(
      Written, [](const auto &Arg) { return Arg.first == ArgRole::Other; });
  unsigned Dropped = 0;
  while (Dropped < Written.size() &&
         (isCredential(Written[Dropped].first) ||
          (Strict && !OthersWritten && IsEndpoint(Written[Dropped].first))))
    ++Dropped;

  std::string Head = ", \"" + PlannedEdit::ProfilePlaceholder.str() + "\"";
  SourceLocation HeadEnd = Paren->getEndLoc();
  if (Dropped != 0) {
    llvm::Expected<CharSourceRange> Last =
        Edits.fileRange(*Written[Dropped - 1].second);
    if (!Last)
      return manual(llvm::toString(Last.takeError()));
    HeadEnd = Last->getEnd();
    if (Dropped < Written.size()) {
      llvm::Expected<CharSourceRange> Next =
          Edits.fileRange(*Written[Dropped].second);
      if (!Next)
        return manual(llvm::toString(Next.takeError()));
      HeadEnd = Next->getBegin();
    }
  }
  if (Dropped < Written.size())
    Head += ", ";

  // Through a pointer the helper takes `*ptr`, parenthesised unless the
  // object is a plain name.
  std::string Deref;
  if (Arrow) {
    llvm::StringRef Text = Lexer::getSourceText(*Object, SM, LangOpts);
    bool Plain = llvm::all_of(
        Text, [](char C) { return llvm::isAlnum(C) || C == '_' || C == ':'; });
    Deref = Plain ? "*" : "*(";
    if (!Plain)
      Head = ")" + Head;
  }
  Edits.insert(Object->getBegin(), (Entry.RuntimeCall + "(" + Deref).str());
  Edits.replace(CharSourceRange::getCharRange(Object->getEnd(), HeadEnd),
                std::move(Head));
  for (unsigned I = Dropped; Strict && I != Written.size(); ++I) {
    if (!IsEndpoint(Written[I].first))
      continue;
    llvm::Expected<CharSourceRange> Range = Edits.fileRange(*Written[I].second);
    if (!Range)
      return manual(llvm::toString(Range.takeError()));
    Edits.replace(*Range, Written[I].first == ArgRole::Port ? "0" : "\"\"");
  }
  if (!Defaults.empty()) {
    if (Use.RParen.isInvalid() || !Use.RParen.isFileID())
      return manual("the call's closing parenthesis is spelled in a macro");
    Edits.insert(Use.RParen, ", " + llvm::join(Defaults, ", "));
  }

  Rewrite R;
  R.Edits = Edits.take();
  R.Include = Entry.runtimeHeader().str();
  noteEditLine(R, SM, Edits.firstFile(), R.Edits.front().Offset);
  llvm::stable_sort(R.Edits, [](const PlannedEdit &A, const PlannedEdit &B) {
    return std::tie(A.File, A.Offset) < std::tie(B.File, B.Offset);
  });
  return R;
}

/// Where \p Call's callee, which must be spelled \p Name, is written.
llvm::Expected<CharSourceRange> calleeName(const CallExpr &Call,
                                           llvm::StringRef Name,
                                           const SourceManager &SM,
                                           const LangOptions &LangOpts) {
  const auto *Callee =
      dyn_cast<DeclRefExpr>(Call.getCallee()->IgnoreParenImpCasts());
  if (!Callee || !Callee->getLocation().isFileID())
    return WrapEdits::error("--pool: a call of " + Name +
                            " is spelled in a macro");
  CharSourceRange Range = CharSourceRange::getTokenRange(Callee->getLocation());
  if (Lexer::getSourceText(Range, SM, LangOpts) != Name)
    return WrapEdits::error("--pool: a call of " + Name +
                            " is spelled in a macro");
  return Lexer::makeFileCharRange(Range, SM, LangOpts);
}

} // namespace

Rewrite planPooledConnect(const CallExpr &Call, const CatalogEntry &Entry,
                          const Endpoint &Target, const PooledUse &Pooled,
                          const SourceManager &SM, const LangOptions &LangOpts,
                          FileDigests &Digests) {
  if (!Pooled.Problem.empty())
    return manual(Pooled.Problem);
  WrapEdits Edits(SM, LangOpts, Digests);
  llvm::Expected<CharSourceRange> Connect = Edits.fileRange(Call);
  if (!Connect)
    return manual("--pool: " + llvm::toString(Connect.takeError()));
  std::optional<std::string> Fallback = stringLiteral(Target.uri());
  if (!Fallback)
    return manual("--pool: the endpoint cannot be written as a URL literal");
  Edits.replace(*Connect, ("rehost_pool_acquire(rehost_pool_get(\"" +
                           PlannedEdit::ProfilePlaceholder + "\", " +
                           *Fallback + "), -1)")
                              .str());
  for (const CallExpr *Free : Pooled.Frees) {
    llvm::Expected<CharSourceRange> Name =
        calleeName(*Free, ContextFree, SM, LangOpts);
    if (!Name || Name->isInvalid())
      return manual(Name ? "--pool: a redisFree is spelled in a macro"
                         : llvm::toString(Name.takeError()));
    Edits.replace(*Name, PooledRelease.str());
  }
  Rewrite R;
  R.Edits = Edits.take();
  R.Include = Entry.runtimeHeader().str();
  noteEditLine(R, SM, Edits.firstFile(), R.Edits.front().Offset);
  llvm::stable_sort(R.Edits, [](const PlannedEdit &A, const PlannedEdit &B) {
    return std::tie(A.File, A.Offset) < std::tie(B.File, B.Offset);
  });
  return R;
}

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
  if (!Entry.ManualReason.empty())
    return manual(Entry.ManualReason);
  if (!Use.NoProfileReason.empty())
    return manual(Use.NoProfileReason);
  if (Entry.AwaitsConnect && Use.Connects.empty())
    return manual("rehost cannot see the connect this object is handed to "
                  "(no redisConnectWithOptions or redisClusterConnect2 on it "
                  "in this translation unit), and only the rewritten connect "
                  "can refuse a bad configuration; rewrite it by hand");
  if (Use.Call && !Entry.RuntimeCall.empty()) {
    if (Entry.argumentOf(ArgRole::Command))
      return planAuthCommand(*Use.Call, Entry, Use, SM, LangOpts, Digests);
    if (const auto *Method = dyn_cast<CXXMemberCallExpr>(Use.Call))
      return planMethodCall(*Method, Entry, Target, Use, SM, LangOpts, Digests,
                            Strict);
    return planDropInCall(*Use.Call, Entry, SM, LangOpts, Digests, Strict);
  }
  return planWrappedArguments(Entry, Target, Use, SM, LangOpts, Digests,
                              Strict);
}

} // namespace rehost
