//===- UseSpelling.cpp - Phase one: where a site's parts are written ------===//

#include "rehost/UseSpelling.h"

#include "SiteText.h"

#include "rehost/Catalog.h"
#include "rehost/CommandFormat.h"
#include "rehost/FileIO.h"

#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

#include <optional>

using namespace clang;

namespace rehost {
namespace {

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

llvm::Error failure(const llvm::Twine &Why) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Why);
}

/// Where a called function's name is written, checked to be editable.
struct CalleeSpelling {
  SourceLocation Name;
  FileID File;
  unsigned Length = 0;
  Token Paren; ///< The '(' after the name.
};

/// Where the code wrote the name of \p Call's callee. A fork's shims #define
/// the family's name as the fork's (hiredict's `#define redisConnect
/// redictConnect`), so the callee is spelled in a shim's macro body: the
/// name the code wrote is that macro's, and it is what an edit changes.
SourceLocation writtenCallee(const CallExpr &Call, const SourceManager &SM) {
  SourceLocation Loc = Call.getCallee()->IgnoreParenImpCasts()->getExprLoc();
  while (Loc.isMacroID()) {
    SourceLocation Spelling = SM.getSpellingLoc(Loc);
    llvm::StringRef Spelled(
        SM.getCharacterData(Spelling),
        Lexer::MeasureTokenLength(Spelling, SM, LangOptions()));
    if (catalogName(Spelled) == Spelled)
      break;
    Loc = SM.getImmediateMacroCallerLoc(Loc);
  }
  return Loc;
}

/// The name of \p Call's callee as written: in the file, in a macro argument
/// (also in the file), or in a macro body (then every expansion changes).
llvm::Expected<CalleeSpelling> spelledCallee(const CallExpr &Call,
                                             llvm::StringRef Name,
                                             const SourceManager &SM,
                                             const LangOptions &LangOpts) {
  const auto *Callee =
      dyn_cast<DeclRefExpr>(Call.getCallee()->IgnoreParenImpCasts());
  if (!Callee)
    return failure("the function is called through an expression");
  CalleeSpelling Out;
  Out.Name = SM.getSpellingLoc(writtenCallee(Call, SM));
  Out.File = SM.getFileID(Out.Name);
  if (canonicalPath(SM, Out.File).empty())
    return failure("the call is produced by token pasting");
  if (SM.isInSystemHeader(Out.Name))
    return failure("the call is spelled in a system header");
  llvm::StringRef Spelled = Lexer::getSourceText(
      CharSourceRange::getTokenRange(Out.Name), SM, LangOpts);
  if (Spelled != Name)
    return failure("the function name is spelled by a macro ('" + Spelled +
                   "')");
  Out.Length = Spelled.size();
  auto Paren = Lexer::findNextToken(Out.Name, SM, LangOpts);
  if (!Paren || !Paren->is(tok::l_paren))
    return failure("the argument list is spelled apart from the function name");
  Out.Paren = *Paren;
  return Out;
}

/// Makes anchors of one translation unit's locations, and notes the line
/// each one starts on.
class Speller {
public:
  Speller(const SourceManager &SM, const LangOptions &LangOpts,
          FileDigests &Digests, llvm::ArrayRef<std::string> Secrets,
          UseSpelling &Out)
      : SM(SM), LangOpts(LangOpts), Digests(Digests), Secrets(Secrets),
        Out(Out) {}

  /// The file range [Begin, End) of one file.
  Anchor range(SourceLocation Begin, SourceLocation End) {
    FileID File = SM.getFileID(Begin);
    Anchor A;
    A.File = canonicalPath(SM, File);
    A.Offset = SM.getFileOffset(Begin);
    A.Length = SM.getFileOffset(End) - A.Offset;
    A.Digest = Digests.of(File);
    noteLine(File, A.Offset);
    return A;
  }
  Anchor at(SourceLocation Loc) { return range(Loc, Loc); }
  Anchor range(CharSourceRange R) { return range(R.getBegin(), R.getEnd()); }

  /// Where \p E is written in a file, or why it cannot be edited there.
  llvm::Expected<CharSourceRange> fileRange(const Expr &E) const {
    CharSourceRange Range = Lexer::makeFileCharRange(
        CharSourceRange::getTokenRange(E.getSourceRange()), SM, LangOpts);
    if (Range.isInvalid())
      return failure("an argument is spelled partly in a macro");
    if (SM.isInSystemHeader(Range.getBegin()))
      return failure("an argument is spelled in a system header");
    if (canonicalPath(SM, SM.getFileID(Range.getBegin())).empty())
      return failure("an argument is produced by token pasting");
    return Range;
  }
  Anchor expression(const Expr &E, llvm::StringRef Prefix = "") {
    llvm::Expected<CharSourceRange> R = fileRange(E);
    if (!R)
      return Anchor::broken(Prefix.str() + llvm::toString(R.takeError()));
    return range(*R);
  }

  /// The callee's name, or why it cannot be renamed (\p Context before the
  /// reason); \p Paren, if given, gets the place after its '('.
  Anchor callee(const CallExpr &Call, llvm::StringRef Name,
                llvm::StringRef Context = "", Anchor *Paren = nullptr,
                FileID *File = nullptr) {
    llvm::Expected<CalleeSpelling> C = spelledCallee(Call, Name, SM, LangOpts);
    if (!C)
      return Anchor::broken(Context.str() + llvm::toString(C.takeError()));
    if (Paren)
      *Paren = at(C->Paren.getEndLoc());
    if (File)
      *File = C->File;
    return range(C->Name,
                 C->Name.getLocWithOffset(static_cast<int>(C->Length)));
  }

  /// The whole of declaration \p D, and its line when nothing else is
  /// written on it, so that removing it leaves no blank line. Every line it
  /// covers is noted: a password written on any of them is masked.
  Anchor removal(const DeclStmt &D) {
    SourceLocation Begin = D.getBeginLoc();
    SourceLocation Semi = D.getEndLoc();
    FileID File = SM.getFileID(Begin);
    if (!Begin.isFileID() || !Semi.isFileID() || SM.getFileID(Semi) != File ||
        SM.isInSystemHeader(Begin) || canonicalPath(SM, File).empty())
      return Anchor::broken("the declaration of an array the AUTH command "
                            "sends is spelled in a macro; remove it by hand");
    llvm::StringRef Buffer = SM.getBufferData(File);
    size_t Start = SM.getFileOffset(Begin);
    size_t End = SM.getFileOffset(Semi) + 1;
    if (End > Buffer.size() || Buffer[End - 1] != ';')
      return Anchor::broken("the declaration of an array the AUTH command "
                            "sends does not end where rehost expects; "
                            "remove it by hand");
    size_t LineStart = Buffer.rfind('\n', Start);
    LineStart = LineStart == llvm::StringRef::npos ? 0 : LineStart + 1;
    size_t LineEnd = std::min(Buffer.find('\n', End), Buffer.size());
    if (Buffer.slice(LineStart, Start).trim(" \t").empty() &&
        Buffer.slice(End, LineEnd).trim(" \t\r").empty()) {
      Start = LineStart;
      End = std::min(LineEnd + 1, Buffer.size());
    }
    for (size_t Line = Start; Line < End;
         Line = std::min(Buffer.find('\n', Line), Buffer.size()) + 1)
      noteLine(File, static_cast<unsigned>(Line));
    SourceLocation FileStart = SM.getLocForStartOfFile(File);
    return range(FileStart.getLocWithOffset(static_cast<int>(Start)),
                 FileStart.getLocWithOffset(static_cast<int>(End)));
  }

  ArgSpelling argument(ArgRole Role, const Expr &E) {
    ArgSpelling A;
    A.Role = Role;
    A.Defaulted = isa<CXXDefaultArgExpr>(&E);
    if (!A.Defaulted) {
      A.At = expression(E);
      A.LiteralAtUse = isLiteralAtUse(&E);
    }
    return A;
  }

  const SourceManager &SM;
  const LangOptions &LangOpts;

private:
  void noteLine(FileID File, unsigned Offset) {
    llvm::StringRef Buffer = SM.getBufferData(File);
    size_t Start = Buffer.rfind('\n', Offset);
    Start = Start == llvm::StringRef::npos ? 0 : Start + 1;
    // Several spellers may fill one UseSpelling (a derived site's constants).
    std::string Path = canonicalPath(SM, File);
    if (llvm::any_of(Out.Lines, [&](const SourceLine &Line) {
          return Line.Offset == Start && Line.File == Path;
        }))
      return;
    SourceLine Line{
        std::move(Path), static_cast<unsigned>(Start),
        Buffer.slice(Start, Buffer.find_first_of("\r\n", Offset)).str()};
    maskSecrets(Line, Secrets, Out.Secrets);
    Out.Lines.push_back(std::move(Line));
  }

  FileDigests &Digests;
  llvm::ArrayRef<std::string> Secrets;
  UseSpelling &Out;
};

/// A drop-in's endpoint arguments (a prefix: host and port, or the socket
/// path), which --strict replaces by "none" values after the profile.
Anchor strictArguments(const CallExpr &Call, const CatalogEntry &Entry,
                       FileID CalleeFile, Speller &S) {
  unsigned Count = 0;
  while (Count < Entry.Args.size() && Entry.Args[Count] != ArgRole::Other)
    ++Count;
  if (Count == 0 || Call.getNumArgs() < Count)
    return Anchor::broken(
        "--strict: the call has no endpoint arguments to move");
  CharSourceRange Range = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(Call.getArg(0)->getBeginLoc(),
                                     Call.getArg(Count - 1)->getEndLoc()),
      S.SM, S.LangOpts);
  if (Range.isInvalid())
    return Anchor::broken(
        "--strict: the endpoint's arguments are spelled partly in a macro");
  if (S.SM.getFileID(Range.getBegin()) != CalleeFile)
    return Anchor::broken("--strict: the arguments are spelled apart from "
                          "the function name");
  return S.range(Range);
}

/// Why a command that sends credentials stays as it is, whatever its
/// words: only AUTH has a runtime equivalent on the connection's profile.
std::string commandProblem(CredentialCommand Command) {
  switch (Command) {
  case CredentialCommand::Auth:
    return {};
  case CredentialCommand::Hello:
    return "HELLO also switches the protocol, and the runtime has no HELLO "
           "that sends the profile's credentials: take AUTH and its words out "
           "of the HELLO (a connection rehost connects authenticates with its "
           "profile; else call rehost_redisAuth on it first) and move the "
           "password to configuration by hand";
  case CredentialCommand::Migrate:
    return "MIGRATE's AUTH is the credential of the target server, not of "
           "the connection it is sent on, so rehost never moves it to that "
           "connection's profile: read the target's password from "
           "configuration by hand";
  }
  llvm_unreachable("unknown command");
}

/// Why a format AUTH command cannot become the profile's AUTH, or empty:
/// the format must be a literal at the use, and every credential word
/// written there too, or the secret would stay in the code.
std::string formatProblem(const CatalogEntry &Entry, const UseSyntax &Use,
                          const CredentialWords &Credentials) {
  unsigned CommandIndex = *Entry.commandArgument();
  if (CommandIndex >= Use.Args.size())
    return "the AUTH command has no format argument";
  const Expr *FormatArg = Use.Args[CommandIndex];
  const auto *Format =
      dyn_cast<StringLiteral>(FormatArg->IgnoreParenImpCasts());
  if (!Format || Format->getCharByteWidth() != 1 || !isLiteralAtUse(FormatArg))
    return "the AUTH format is not a literal written at this use; move the "
           "password to configuration by hand";
  if (Format->getString().contains("%b"))
    return "a binary (%b) AUTH argument is rewritten by hand";
  std::vector<FormatWord> Words = splitCommandFormat(Format->getString());
  llvm::ArrayRef<const Expr *> Variadic = Use.Args.drop_front(CommandIndex + 1);
  llvm::SmallVector<unsigned, 2> Carrying = {Credentials.Password};
  if (Credentials.User)
    Carrying.push_back(*Credentials.User);
  for (unsigned Index : Carrying) {
    if (Index >= Words.size())
      return "the command is not an AUTH command";
    const FormatWord &Word = Words[Index];
    if (Word.K == FormatWord::Kind::Mixed)
      return "an AUTH word mixes text and conversions; rewrite it by hand";
    if (Word.K == FormatWord::Kind::Argument &&
        (Word.Argument >= Variadic.size() ||
         !isLiteralAtUse(Variadic[Word.Argument])))
      return "every AUTH word must be written at this use to move to the "
             "profile; one is a variable, macro or run-time value, so "
             "rewrite the command by hand";
  }
  return {};
}

/// Why an argv AUTH command cannot become the profile's AUTH, or empty:
/// every credential word must be a literal in the array's initialiser, and
/// what holds the words must go with the command.
std::string argvProblem(const ArgvCommand &Argv,
                        const CredentialWords &Credentials) {
  if (!Argv.Problem.empty())
    return Argv.Problem;
  llvm::SmallVector<unsigned, 2> Carrying = {Credentials.Password};
  if (Credentials.User)
    Carrying.push_back(*Credentials.User);
  for (unsigned Index : Carrying)
    if (Index >= Argv.Words.size() || !isLiteralAtUse(Argv.Words[Index]))
      return "every AUTH word must be a literal written in the argv array "
             "to move to the profile; one is a variable, macro or run-time "
             "value, so rewrite the command by hand";
  return {};
}

/// Why a command that sends credentials cannot become the profile's AUTH,
/// or empty.
std::string authProblem(const CatalogEntry &Entry, const UseSyntax &Use) {
  if (!Use.Credentials)
    return "the command is not an AUTH command";
  if (std::string Problem = commandProblem(Use.Credentials->Command);
      !Problem.empty())
    return Problem;
  if (Use.Argv)
    return argvProblem(*Use.Argv, *Use.Credentials);
  return formatProblem(Entry, Use, *Use.Credentials);
}

/// `redisCommand(c, "AUTH %s", "pw")`, `redisCommandArgv(c, 2, argv,
/// NULL)`: the callee and the command (format and arguments, or argc, argv
/// and argvlen), which become the profile's AUTH on the same context, and
/// the declarations of the arrays only this command sends.
void spellAuthCommand(const CallExpr &Call, const CatalogEntry &Entry,
                      const UseSyntax &Use, Speller &S, UseSpelling &Out) {
  std::string Problem = authProblem(Entry, Use);
  if (!Problem.empty()) {
    Out.Command = Anchor::broken(std::move(Problem));
    return;
  }
  FileID File;
  Out.Callee = S.callee(Call, Entry.Name, "", nullptr, &File);
  if (!Out.Callee.ok()) {
    Out.Command = Anchor::broken(Out.Callee.Problem);
    return;
  }
  unsigned CommandIndex = *Entry.commandArgument();
  CharSourceRange Command = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(Use.Args[CommandIndex]->getBeginLoc(),
                                     Use.Args.back()->getEndLoc()),
      S.SM, S.LangOpts);
  if (Command.isInvalid() || S.SM.getFileID(Command.getBegin()) != File) {
    Out.Command = Anchor::broken(
        "the AUTH command is spelled apart from the function name");
    return;
  }
  Out.Command = S.range(Command);
  if (!Use.Argv)
    return;
  for (const DeclStmt *Declaration : Use.Argv->Removed) {
    Anchor Removal = S.removal(*Declaration);
    if (!Removal.ok()) {
      Out.Command = Anchor::broken(std::move(Removal.Problem));
      Out.Removals.clear();
      return;
    }
    Out.Removals.push_back(std::move(Removal));
  }
}

/// `client.connect(…)`, `ptr->connect(…)`, `shared->connect(…)`: the object
/// and the place after the '('.
MethodSpelling spellMethod(const CXXMemberCallExpr &Call, Speller &S) {
  MethodSpelling M;
  const auto *Member = dyn_cast<MemberExpr>(Call.getCallee()->IgnoreParens());
  if (!Member || Member->isImplicitAccess()) {
    M.Object = Anchor::broken("the method is called without naming its object");
    return M;
  }
  // On a smart pointer the object is the pointer, reached through its
  // operator->.
  const Expr *Base = Member->getBase();
  M.Arrow = Member->isArrow();
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Base->IgnoreImplicit());
      Op && Op->getOperator() == OO_Arrow) {
    Base = Op->getArg(0);
    M.Arrow = true;
  }
  llvm::Expected<CharSourceRange> Object = S.fileRange(*Base);
  if (!Object) {
    M.Object = Anchor::broken(llvm::toString(Object.takeError()));
    return M;
  }
  SourceLocation Name = Member->getMemberLoc();
  std::optional<Token> Paren;
  if (Name.isFileID())
    if (auto Next = Lexer::findNextToken(Name, S.SM, S.LangOpts))
      Paren = *Next;
  if (!Paren || !Paren->is(tok::l_paren) ||
      S.SM.getFileID(Name) != S.SM.getFileID(Object->getBegin())) {
    M.Object = Anchor::broken("the method name or its argument list is "
                              "spelled in a macro");
    return M;
  }
  llvm::StringRef Text = Lexer::getSourceText(*Object, S.SM, S.LangOpts);
  M.PlainObject = llvm::all_of(
      Text, [](char C) { return llvm::isAlnum(C) || C == '_' || C == ':'; });
  M.Object = S.range(*Object);
  M.Paren = S.at(Paren->getEndLoc());
  return M;
}

/// The callee of \p Call, which must be spelled \p Name in a file.
Anchor pooledCallee(const CallExpr &Call, llvm::StringRef Name, Speller &S) {
  std::string InMacro =
      ("--pool: a call of " + Name + " is spelled in a macro").str();
  const auto *Callee =
      dyn_cast<DeclRefExpr>(Call.getCallee()->IgnoreParenImpCasts());
  SourceLocation Written = writtenCallee(Call, S.SM);
  if (!Callee || !Written.isFileID())
    return Anchor::broken(InMacro);
  CharSourceRange Range = CharSourceRange::getTokenRange(Written);
  if (Lexer::getSourceText(Range, S.SM, S.LangOpts) != Name)
    return Anchor::broken(InMacro);
  Range = Lexer::makeFileCharRange(Range, S.SM, S.LangOpts);
  if (Range.isInvalid())
    return Anchor::broken("--pool: a redisFree is spelled in a macro");
  return S.range(Range);
}

PoolSpelling spellPool(const CallExpr &Call, const PooledUse &Pooled,
                       Speller &S) {
  PoolSpelling P;
  if (!Pooled.Problem.empty()) {
    P.Connect = Anchor::broken(Pooled.Problem);
    return P;
  }
  P.Connect = S.expression(Call, "--pool: ");
  for (const CallExpr *Free : Pooled.Frees)
    P.Frees.push_back(pooledCallee(*Free, ContextFree, S));
  return P;
}

} // namespace

const std::string &FileDigests::of(FileID File) {
  auto [It, Inserted] = Cache.try_emplace(File);
  if (Inserted)
    It->second = contentDigest(SM.getBufferData(File));
  return It->second;
}

std::string macroBodyKey(const CallExpr &Call, const SourceManager &SM) {
  SourceLocation Name = writtenCallee(Call, SM);
  if (!Name.isMacroID() || SM.isMacroArgExpansion(Name))
    return {};
  SourceLocation Spelling = SM.getSpellingLoc(Name);
  return canonicalPath(SM, SM.getFileID(Spelling)) + ":" +
         std::to_string(SM.getFileOffset(Spelling));
}

namespace {

/// What the entry's shape edits of a call: the callee a drop-in renames,
/// the object a method call moves, the command an AUTH replaces.
void spellCall(const CallExpr &Call, const CatalogEntry &Entry,
               const UseSyntax &Use, Speller &S, UseSpelling &Out) {
  switch (Entry.Shape) {
  case RewriteShape::DropIn: {
    FileID File;
    Out.Callee = S.callee(Call, Entry.Name, "", &Out.Paren, &File);
    if (Out.Callee.ok())
      Out.StrictArgs = strictArguments(Call, Entry, File, S);
    Out.MacroBodyKey = macroBodyKey(Call, S.SM);
    return;
  }
  case RewriteShape::MethodCall:
    if (const auto *Method = dyn_cast<CXXMemberCallExpr>(&Call))
      Out.Method = spellMethod(*Method, S);
    return;
  case RewriteShape::AuthCommand:
    spellAuthCommand(Call, Entry, Use, S, Out);
    Out.MacroBodyKey = macroBodyKey(Call, S.SM);
    return;
  case RewriteShape::WrappedArguments:
  case RewriteShape::ConnectsConfigured:
  case RewriteShape::Manual:
    return;
  }
}

} // namespace

UseSpelling spellUse(const CatalogEntry &Entry, const UseSyntax &Use,
                     const PooledUse *Pooled,
                     llvm::ArrayRef<std::string> Secrets,
                     const SourceManager &SM, const LangOptions &LangOpts,
                     FileDigests &Digests) {
  UseSpelling Out;
  Speller S(SM, LangOpts, Digests, Secrets, Out);
  Out.NoProfileReason = Use.NoProfileReason;
  for (unsigned I = 0; I != Use.Args.size(); ++I)
    Out.Args.push_back(S.argument(
        I < Entry.Args.size() ? Entry.Args[I] : ArgRole::Other, *Use.Args[I]));
  Out.RParen =
      Use.RParen.isValid() && Use.RParen.isFileID()
          ? S.at(Use.RParen)
          : Anchor::broken(
                "the call's closing parenthesis is spelled in a macro");
  if (Use.Call)
    spellCall(*Use.Call, Entry, Use, S, Out);
  for (const CompanionField &Field : Use.Companions) {
    Out.Companions.push_back(S.argument(Field.Role, *Field.Value));
    Out.Companions.back().Value = Field.Text;
  }
  for (const ConnectUse &Connect : Use.Connects) {
    ConnectSpelling C;
    C.Api = Connect.Entry->Name.str();
    FileID File;
    C.Callee = S.callee(*Connect.Call, Connect.Entry->Name,
                        "the connect of these options: ", nullptr, &File);
    SourceLocation RParen = Connect.Call->getRParenLoc();
    C.RParen =
        C.Callee.ok() && RParen.isFileID() && SM.getFileID(RParen) == File
            ? S.at(RParen)
            : Anchor::broken("the connect of these options is spelled "
                             "partly in a macro");
    Out.Connects.push_back(std::move(C));
  }
  if (!Entry.OptionsCall.empty()) {
    OptionsSpelling O;
    O.After = Use.Options.Problem.empty() ? S.at(Use.Options.After)
                                          : Anchor::broken(Use.Options.Problem);
    O.Object = Use.Options.Object;
    O.Indent = Use.Options.Indent;
    Out.Options = std::move(O);
  }
  if (Pooled && Use.Call)
    Out.Pool = spellPool(*Use.Call, *Pooled, S);
  return Out;
}

Anchor spellConstant(const Expr &E, llvm::ArrayRef<std::string> Secrets,
                     const SourceManager &SM, const LangOptions &LangOpts,
                     FileDigests &Digests, UseSpelling &Out) {
  Speller S(SM, LangOpts, Digests, Secrets, Out);
  return S.expression(E);
}

} // namespace rehost
