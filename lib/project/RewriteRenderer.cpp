//===- RewriteRenderer.cpp - Phase two: the edits that move a site --------===//

#include "rehost/RewriteRenderer.h"

#include "rehost/LLVMCompat.h"
#include "rehost/Uri.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/Path.h"

#include <optional>
#include <tuple>

namespace rehost {
namespace {

Rewrite manual(llvm::StringRef Reason) {
  Rewrite R;
  R.ManualReason = Reason.str();
  return R;
}

bool isCredential(ArgRole Role) { return traitsOf(Role).Credential; }

/// The value the evaluator found for an argument of \p Role.
const Value &valueOf(const Endpoint &Target, ArgRole Role) {
  static const Value None;
  const Value *Part = Target.part(traitsOf(Role).Part);
  return Part ? *Part : None;
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

/// \p Line with each run of masked password bytes shown as ***.
std::string unmasked(llvm::StringRef Line) {
  std::string Out;
  for (size_t I = 0; I != Line.size(); ++I) {
    if (Line[I] != SourceLine::SecretMask)
      Out += Line[I];
    else if (I == 0 || Line[I - 1] != SourceLine::SecretMask)
      Out += "***";
  }
  return Out;
}

/// A constant written back as source: the fallback of a left-out default
/// argument or of a URI whose credentials were taken out.
std::optional<std::string> literalFor(ArgRole Role, llvm::StringRef Text) {
  if (traitsOf(Role).Kind == RoleValue::Integer)
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

/// `accessor("profile", ` ... `)`, or with no fallback for a credential.
std::string accessorCall(llvm::StringRef Accessor, llvm::StringRef Profile,
                         llvm::StringRef Fallback) {
  std::string Call = (Accessor + "(\"" + Profile + "\"").str();
  if (!Fallback.empty())
    Call += (", " + Fallback).str();
  return Call + ")";
}

std::string quoted(llvm::StringRef Profile) {
  return ("\"" + Profile + "\"").str();
}

/// The fallback a strict accessor call passes: none at all in C++, the
/// C accessors' "none" in C.
std::string strictFallback(ArgRole Role, Language Lang) {
  return Lang == Language::Cxx ? std::string() : traitsOf(Role).NoValue.str();
}

llvm::Error refusal(const llvm::Twine &Reason) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Reason);
}

/// \p A's problem, if an edit may not touch it.
llvm::Error need(const Anchor &A) {
  return A.ok() ? llvm::Error::success() : refusal(A.Problem);
}

/// Renders one site: collects its edits, and stops at the first anchor that
/// no edit may touch or the first value that cannot be written back.
class Renderer {
public:
  Renderer(const Site &S, const CatalogEntry &Entry, llvm::StringRef Profile)
      : S(S), Sp(S.Spelling), Entry(Entry), Profile(Profile),
        Lang(Entry.Family->Lang) {}

  llvm::Expected<Rewrite> dropInCall(bool Strict);
  llvm::Expected<Rewrite> authCommand();
  llvm::Expected<Rewrite> methodCall(bool Strict);
  llvm::Expected<Rewrite> wrappedArguments(bool Strict);
  llvm::Expected<Rewrite> pooledConnect();
  llvm::Expected<Rewrite> derivedSite(bool Strict,
                                      llvm::ArrayRef<ReachedUse> Reached);

private:
  llvm::Error replace(const Anchor &A, std::string Text) {
    if (llvm::Error Err = need(A))
      return Err;
    Edits.push_back({A.File, A.Offset, A.Length, std::move(Text), A.Digest});
    return llvm::Error::success();
  }
  /// Two texts at one place are one edit, in the order they were rendered:
  /// `"h"` + `)` + `, rehost::port(...)` when the port was left out.
  llvm::Error insert(const Anchor &A, unsigned Offset, std::string Text) {
    if (llvm::Error Err = need(A))
      return Err;
    for (PlannedEdit &E : Edits)
      if (E.File == A.File && E.Offset == Offset && E.Length == 0) {
        E.Text += Text;
        return llvm::Error::success();
      }
    Edits.push_back({A.File, Offset, 0, std::move(Text), A.Digest});
    return llvm::Error::success();
  }
  llvm::Error insertBefore(const Anchor &A, std::string Text) {
    return insert(A, A.Offset, std::move(Text));
  }

  llvm::Error wrapWritten(const ArgSpelling &Arg, ArgRole Role, const Value &V,
                          bool Strict);
  llvm::Error renameConnect(const ConnectSpelling &Connect);
  llvm::Error wrapConstant(const ConstantSpelling &C, bool Strict);
  llvm::Error moveReachedUse(const ReachedUse &Reached);
  /// Gives the edits rendered so far that name no header \p Include.
  void stamp(llvm::StringRef Include);
  llvm::Expected<llvm::StringRef> accessorOf(ArgRole Role,
                                             const Value &V) const;
  Rewrite finish(llvm::StringRef Include, llvm::StringRef MacroBodyKey = "");

  const Site &S;
  const UseSpelling &Sp;
  const CatalogEntry &Entry;
  llvm::StringRef Profile;
  Language Lang;
  std::vector<PlannedEdit> Edits;
};

/// The rewrite of the collected edits: the report's line is the one the
/// first rendered edit lands on; the edits are then sorted by place.
/// \p MacroBodyKey: the edits rename a callee spelled in that macro body.
Rewrite Renderer::finish(llvm::StringRef Include,
                         llvm::StringRef MacroBodyKey) {
  stamp(Include);
  Rewrite R;
  R.MacroBodyKey = MacroBodyKey.str();
  const std::string FirstFile = Edits.front().File;
  const unsigned FirstOffset = Edits.front().Offset;
  llvm::stable_sort(Edits, [](const PlannedEdit &A, const PlannedEdit &B) {
    return std::tie(A.File, A.Offset) < std::tie(B.File, B.Offset);
  });
  for (const SourceLine &Line : Sp.Lines) {
    if (Line.File != FirstFile || FirstOffset < Line.Offset ||
        FirstOffset > Line.Offset + Line.Text.size())
      continue;
    R.Before = R.After = Line.Text;
    // From the last edit back, so earlier offsets stay valid.
    for (const PlannedEdit &E : llvm::reverse(Edits))
      if (E.File == Line.File && E.Offset >= Line.Offset &&
          E.Offset + E.Length <= Line.Offset + Line.Text.size())
        R.After.replace(E.Offset - Line.Offset, E.Length, E.Text);
    R.Before = unmasked(R.Before);
    R.After = unmasked(R.After);
    break;
  }
  R.Edits = std::move(Edits);
  return R;
}

/// `redisConnect(host, port)` -> `rehost_redisConnect("profile", host,
/// port)`: two edits where the name and its parenthesis are written. With
/// \p Strict, `rehost_redisConnect("profile", NULL, 0)`.
llvm::Expected<Rewrite> Renderer::dropInCall(bool Strict) {
  if (llvm::Error Err = replace(Sp.Callee, Entry.RuntimeCall.str()))
    return std::move(Err);
  if (!Strict) {
    if (llvm::Error Err = insertBefore(Sp.Paren, quoted(Profile) + ", "))
      return std::move(Err);
    return finish(Entry.runtimeHeader(), Sp.MacroBodyKey);
  }
  std::string Text = quoted(Profile);
  for (ArgRole Role : Entry.Args) {
    if (Role == ArgRole::Other)
      break;
    Text += (", " + traitsOf(Role).NoValue).str();
  }
  if (llvm::Error Err = replace(Sp.StrictArgs, std::move(Text)))
    return std::move(Err);
  return finish(Entry.runtimeHeader(), Sp.MacroBodyKey);
}

/// `redisCommand(c, "AUTH %s", "pw")`, `redisCommand(c, "AUTH pw")`,
/// `redisCommand(c, "AUTH user pw")` and `redisCommandArgv(c, 2, argv,
/// NULL)` -> `rehost_redisAuth(c, "profile")` (the argv command's arrays
/// removed):
/// the command is only AUTH, so the whole of it becomes the profile's AUTH
/// on the same context (which sends nothing a server without a password
/// refuses).
llvm::Expected<Rewrite> Renderer::authCommand() {
  if (llvm::Error Err = need(Sp.Command))
    return std::move(Err);
  if (llvm::Error Err = replace(Sp.Callee, Entry.RuntimeCall.str()))
    return std::move(Err);
  if (llvm::Error Err = replace(Sp.Command, quoted(Profile)))
    return std::move(Err);
  // An argv command's arrays hold the password: they go with it.
  for (const Anchor &Removal : Sp.Removals)
    if (llvm::Error Err = replace(Removal, ""))
      return std::move(Err);
  return finish(Entry.runtimeHeader(), Sp.MacroBodyKey);
}

/// Whether \p Uri sets redis-plus-plus pool options (pool_size=…), which
/// only its URI form reads: such a URI stays a URI.
bool setsPoolOptions(llvm::StringRef Uri) {
  llvm::StringRef Query = Uri.split('?').second;
  llvm::SmallVector<llvm::StringRef, 4> Params;
  Query.split(Params, '&', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  return llvm::any_of(
      Params, [](llvm::StringRef Param) { return startsWith(Param, "pool_"); });
}

/// The runtime accessor of an argument of \p Role with value \p V, or why
/// it is not wrapped.
llvm::Expected<llvm::StringRef> Renderer::accessorOf(ArgRole Role,
                                                     const Value &V) const {
  llvm::StringRef Accessor =
      Role == ArgRole::Uri && V.isConstant() && setsPoolOptions(V.Text)
          ? runtimeAccessor(Role, Lang)
          : familyAccessor(Role, *Entry.Family);
  if (Accessor.empty() || Role == ArgRole::NodeList)
    return refusal("rehost fix has no runtime accessor for this " +
                   Entry.Family->Name + " argument yet");
  return Accessor;
}

/// Wraps one written argument of \p Role: `"h"` -> `rehost::host("p", "h")`
/// as two insertions; a credential literal is replaced by its accessor with
/// no fallback, a URI literal by one without its user info.
llvm::Error Renderer::wrapWritten(const ArgSpelling &Arg, ArgRole Role,
                                  const Value &V, bool Strict) {
  llvm::Expected<llvm::StringRef> Accessor = accessorOf(Role, V);
  if (!Accessor)
    return Accessor.takeError();
  if (llvm::Error Err = need(Arg.At))
    return Err;
  bool UriWithCredentials =
      Role == ArgRole::Uri &&
      (splitUri(V.Text).HasPassword || !splitUri(V.Text).User.empty());
  if (Strict && !isCredential(Role))
    // Only the profile stays; the value is in the runtime's config file.
    return replace(
        Arg.At, accessorCall(*Accessor, Profile, strictFallback(Role, Lang)));
  if (!isCredential(Role) && !UriWithCredentials) {
    if (llvm::Error Err = insertBefore(Arg.At, (*Accessor + "(").str() +
                                                   quoted(Profile) + ", "))
      return Err;
    return insert(Arg.At, Arg.At.end(), ")");
  }
  // Credentials leave the code: the literal itself must be at the use.
  if (!Arg.LiteralAtUse)
    return refusal("the credential is not a literal written at this use; "
                   "move it to configuration and remove it from the code by "
                   "hand");
  // The C accessors take the fallback explicitly; NULL is none.
  std::string Fallback = Lang == Language::C ? "NULL" : "";
  if (UriWithCredentials) {
    std::optional<std::string> Stripped = withoutCredentials(V.Text);
    std::optional<std::string> Literal =
        Stripped ? stringLiteral(*Stripped) : std::nullopt;
    if (!Literal)
      return refusal("the URI's credentials cannot be taken out of it "
                     "safely; rewrite it by hand");
    Fallback = std::move(*Literal);
  }
  return replace(Arg.At, accessorCall(*Accessor, Profile, Fallback));
}

/// `redisConnectWithOptions(&o)` -> `rehost_redisConnectWithOptions(&o,
/// "profile")`: the connect of an object the site configures.
llvm::Error Renderer::renameConnect(const ConnectSpelling &Connect) {
  const CatalogEntry *Connects = findEntry(ApiKind::Function, Connect.Api);
  if (!Connects)
    return refusal("the connect " + Connect.Api +
                   " is not in this rehost's catalog");
  if (llvm::Error Err = need(Connect.Callee))
    return Err;
  if (llvm::Error Err = need(Connect.RParen))
    return Err;
  if (llvm::Error Err = replace(Connect.Callee, Connects->RuntimeCall.str()))
    return Err;
  return insertBefore(Connect.RParen, ", " + quoted(Profile));
}

/// Wraps every hardcoded argument (and the object's companion fields) in
/// its role's accessor; default arguments the caller left out are written
/// out at the closing parenthesis, so the library's default becomes the
/// profile's fallback.
llvm::Expected<Rewrite> Renderer::wrappedArguments(bool Strict) {
  // An options object that gets the whole profile keeps its written
  // endpoint as the fallback; only credentials leave the code.
  bool WrapsEndpoint = !Sp.Options || Strict;
  if (Sp.Options)
    if (llvm::Error Err = need(Sp.Options->After))
      return std::move(Err);
  std::vector<std::string> LeftOut;
  bool AnyWritten = false;
  for (unsigned I = 0,
                E = std::min<unsigned>(Entry.Args.size(), Sp.Args.size());
       I != E; ++I) {
    const ArgSpelling &Arg = Sp.Args[I];
    ArgRole Role = Arg.Role;
    const Value &V = valueOf(S.Target, Role);
    AnyWritten |= !Arg.Defaulted;
    if (Role == ArgRole::Other || Role == ArgRole::Connection ||
        !V.isConstant() || (!WrapsEndpoint && !isCredential(Role)))
      continue;
    // rehost::uri hands a client the profile's configured address, never the
    // master its sentinels name now.
    if (Role == ArgRole::Uri && splitUri(V.Text).Sentinel)
      return refusal("a Sentinel URL: no client URI can follow the master "
                     "the sentinels name; give the client the master through "
                     "its Sentinel API, or connect with rehost_redisConnect, "
                     "which asks the sentinels");
    if (!Arg.Defaulted) {
      if (llvm::Error Err = wrapWritten(Arg, Role, V, Strict))
        return std::move(Err);
      continue;
    }
    llvm::Expected<llvm::StringRef> Accessor = accessorOf(Role, V);
    if (!Accessor)
      return Accessor.takeError();
    std::optional<std::string> Fallback = literalFor(Role, V.Text);
    if (!Fallback || isCredential(Role))
      return refusal("a default argument cannot be written out; rewrite the "
                     "call by hand");
    LeftOut.push_back(accessorCall(
        *Accessor, Profile, Strict ? strictFallback(Role, Lang) : *Fallback));
  }
  if (!LeftOut.empty())
    if (llvm::Error Err = insertBefore(
            Sp.RParen, (AnyWritten ? ", " : "") + llvm::join(LeftOut, ", ")))
      return std::move(Err);
  if (!S.Target.address().empty() && WrapsEndpoint)
    for (const ArgSpelling &Field : Sp.Companions)
      if (llvm::Error Err = wrapWritten(Field, Field.Role,
                                        Value::constant(Field.Value), Strict))
        return std::move(Err);

  for (const ConnectSpelling &Connect : Sp.Connects)
    if (llvm::Error Err = renameConnect(Connect))
      return std::move(Err);

  if (Sp.Options)
    if (llvm::Error Err = insertBefore(
            Sp.Options->After, ("\n" + Sp.Options->Indent + Entry.OptionsCall +
                                "(" + Sp.Options->Object + ", ")
                                       .str() +
                                   quoted(Profile) + ");"))
      return std::move(Err);

  if (Edits.empty())
    return refusal("nothing at this site can be wrapped in a runtime "
                   "accessor");
  // The connect's helper header includes the family's.
  const CatalogEntry *Connect =
      Sp.Connects.empty()
          ? nullptr
          : findEntry(ApiKind::Function, Sp.Connects.front().Api);
  return finish((Connect ? *Connect : Entry).runtimeHeader());
}

/// `client.connect("h", 6380)` -> `rehost::connect(client, "profile", "h",
/// 6380)` and `client.auth("pw", cb)` -> `rehost::auth(client, "profile",
/// cb)`: the object goes first, the profile after it; a credential argument
/// leaves the code, endpoint arguments stay as the fallback (left-out
/// defaults are written out). With \p Strict no endpoint value stays:
/// `rehost::connect(client, "profile")`, or "none" values when later
/// arguments are written.
llvm::Expected<Rewrite> Renderer::methodCall(bool Strict) {
  const MethodSpelling &M = *Sp.Method;
  if (llvm::Error Err = need(M.Object))
    return std::move(Err);
  // Written arguments, in order, and how many of the first ones go.
  std::vector<const ArgSpelling *> Written;
  std::vector<std::string> Defaults;
  for (unsigned I = 0; I != Sp.Args.size(); ++I) {
    const ArgSpelling &Arg = Sp.Args[I];
    if (I >= Entry.Args.size()) {
      if (!Arg.Defaulted)
        Written.push_back(&Arg);
      continue;
    }
    if (!Arg.Defaulted) {
      if (isCredential(Arg.Role) && !Arg.LiteralAtUse)
        return refusal("the credential is not a literal written at this "
                       "use; move it to configuration and remove it from "
                       "the code by hand");
      Written.push_back(&Arg);
      continue;
    }
    const Value &V = valueOf(S.Target, Arg.Role);
    if (Strict || isCredential(Arg.Role) || !V.isConstant())
      continue;
    std::optional<std::string> Literal = literalFor(Arg.Role, V.Text);
    if (!Literal)
      return refusal("a default argument cannot be written out; rewrite the "
                     "call by hand");
    Defaults.push_back(std::move(*Literal));
  }
  auto IsEndpoint = [](ArgRole Role) {
    return Role != ArgRole::Other && !isCredential(Role);
  };
  bool OthersWritten = llvm::any_of(Written, [](const ArgSpelling *Arg) {
    return Arg->Role == ArgRole::Other;
  });
  unsigned Dropped = 0;
  while (Dropped < Written.size() &&
         (isCredential(Written[Dropped]->Role) ||
          (Strict && !OthersWritten && IsEndpoint(Written[Dropped]->Role))))
    ++Dropped;

  std::string Head = ", " + quoted(Profile);
  unsigned HeadEnd = M.Paren.Offset;
  if (Dropped != 0) {
    const Anchor &Last = Written[Dropped - 1]->At;
    if (llvm::Error Err = need(Last))
      return std::move(Err);
    HeadEnd = Last.end();
    if (Dropped < Written.size()) {
      const Anchor &Next = Written[Dropped]->At;
      if (llvm::Error Err = need(Next))
        return std::move(Err);
      HeadEnd = Next.Offset;
    }
  }
  if (Dropped < Written.size())
    Head += ", ";
  if (HeadEnd < M.Object.end() ||
      (Dropped != 0 && Written[Dropped - 1]->At.File != M.Object.File))
    return refusal("the method's arguments are spelled apart from its "
                   "object");

  // Through a pointer the helper takes `*ptr`, parenthesised unless the
  // object is a plain name.
  std::string Deref;
  if (M.Arrow) {
    Deref = M.PlainObject ? "*" : "*(";
    if (!M.PlainObject)
      Head = ")" + Head;
  }
  if (llvm::Error Err =
          insertBefore(M.Object, (Entry.RuntimeCall + "(" + Deref).str()))
    return std::move(Err);
  Anchor Between = M.Object;
  Between.Offset = M.Object.end();
  Between.Length = HeadEnd - Between.Offset;
  if (llvm::Error Err = replace(Between, std::move(Head)))
    return std::move(Err);
  for (unsigned I = Dropped; Strict && I != Written.size(); ++I)
    if (IsEndpoint(Written[I]->Role))
      if (llvm::Error Err = replace(
              Written[I]->At, Written[I]->Role == ArgRole::Port ? "0" : "\"\""))
        return std::move(Err);
  if (!Defaults.empty())
    if (llvm::Error Err =
            insertBefore(Sp.RParen, ", " + llvm::join(Defaults, ", ")))
      return std::move(Err);
  return finish(Entry.runtimeHeader());
}

/// `fix --pool`: the connect becomes `rehost_pool_acquire(rehost_pool_get(
/// "profile", "redis://h:p"), -1)`, its endpoint the pool's fallback, and
/// each of its redisFree calls `rehost_redisRelease`.
llvm::Expected<Rewrite> Renderer::pooledConnect() {
  if (!Sp.Pool)
    return refusal("--pool: the connect was not analysed for pooling");
  if (llvm::Error Err = need(Sp.Pool->Connect))
    return std::move(Err);
  std::optional<std::string> Fallback = stringLiteral(S.Target.uri());
  if (!Fallback)
    return refusal("--pool: the endpoint cannot be written as a URL literal");
  if (llvm::Error Err = replace(
          Sp.Pool->Connect, "rehost_pool_acquire(rehost_pool_get(" +
                                quoted(Profile) + ", " + *Fallback + "), -1)"))
    return std::move(Err);
  for (const Anchor &Free : Sp.Pool->Frees)
    if (llvm::Error Err = replace(Free, PooledRelease.str()))
      return std::move(Err);
  return finish(Entry.runtimeHeader());
}

void Renderer::stamp(llvm::StringRef Include) {
  for (PlannedEdit &E : Edits)
    if (E.Include.empty())
      E.Include = Include.str();
}

/// `"10.0.0.5"` -> `rehost::host("p", "10.0.0.5")` into a std::string,
/// `rehost_host("p", "10.0.0.5")` into a `const char *`: the accessor
/// returns what holds the constant, so the code around it is unchanged.
llvm::Error Renderer::wrapConstant(const ConstantSpelling &C, bool Strict) {
  if (isCredential(C.Role))
    return refusal("a credential handed to the project's own code; move it "
                   "to configuration and remove it from the code by hand");
  bool Cxx =
      C.Into == Holder::StdString || (C.Into == Holder::Integer && C.Cxx);
  Language AccessorLang = Cxx ? Language::Cxx : Language::C;
  llvm::StringRef Accessor = runtimeAccessor(C.Role, AccessorLang);
  if (Accessor.empty() || C.Role == ArgRole::NodeList)
    return refusal("rehost fix has no runtime accessor for this value yet");
  if (llvm::Error Err = need(C.At))
    return Err;
  llvm::Error Done =
      Strict
          ? replace(C.At, accessorCall(Accessor, Profile,
                                       strictFallback(C.Role, AccessorLang)))
          : insertBefore(C.At, (Accessor + "(").str() + quoted(Profile) + ", ");
  if (Done)
    return Done;
  if (!Strict)
    if (llvm::Error Err = insert(C.At, C.At.end(), ")"))
      return Err;
  stamp(Cxx ? "rehost/rehost.hpp" : "rehost/rehost.h");
  return llvm::Error::success();
}

/// The wrapper's client call, renamed as a direct site's would be with the
/// profile set of every constant that reaches it: the configured endpoint
/// it is handed picks its profile.
llvm::Error Renderer::moveReachedUse(const ReachedUse &Reached) {
  if (!Reached.Use)
    return refusal("rehost cannot see the client call the value reaches (a "
                   "sink declared in .rehost.toml); move it by hand");
  const FlowUse &Use = *Reached.Use;
  llvm::StringRef Where = llvm::sys::path::filename(Use.At.File);
  std::string Call = Use.Api + " in " + Use.At.Name + " (" + Where.str() + ":" +
                     std::to_string(Use.At.Line) + ")";
  if (Reached.NotParsed)
    return refusal("the client call " + Call +
                   " is in a unit this run did not parse (followed from the "
                   "summaries' cache); run fix with that unit too");
  const CatalogEntry *Entry = findEntry(Use.Kind, Use.Api);
  if (!Entry)
    return refusal("the API " + Use.Api + " is not in this rehost's catalog");
  if (Entry->Shape != RewriteShape::DropIn &&
      Entry->Shape != RewriteShape::MethodCall)
    return refusal("the client call " + Call +
                   " cannot take a profile set; move it by hand");
  if (!Use.Spelling.MacroBodyKey.empty())
    return refusal("the client call " + Call +
                   " is spelled in a macro body; move it by hand");
  Site At;
  At.File = Use.At.File;
  At.Api = Use.Api;
  At.Kind = Use.Kind;
  At.Spelling = Use.Spelling;
  Renderer Moved(At, *Entry, Reached.Profiles);
  llvm::Expected<Rewrite> R = Entry->Shape == RewriteShape::DropIn
                                  ? Moved.dropInCall(/*Strict=*/false)
                                  : Moved.methodCall(/*Strict=*/false);
  if (!R)
    return refusal("the client call " + Call + ": " +
                   llvm::toString(R.takeError()));
  llvm::append_range(Edits, R->Edits);
  return llvm::Error::success();
}

/// A constant handed to the project's own code: each of its values wrapped
/// where it is written, and each client call it reaches moved with it.
llvm::Expected<Rewrite>
Renderer::derivedSite(bool Strict, llvm::ArrayRef<ReachedUse> Reached) {
  for (const ConstantSpelling &C : Sp.Constants)
    if (llvm::Error Err = wrapConstant(C, Strict))
      return std::move(Err);
  // A port or db the path fixes itself would stay when the host moves: the
  // configured host then gets the old port, and no profile matches it.
  for (auto [Part, Name] : {std::pair{EndpointPart::Port, "port"},
                            std::pair{EndpointPart::Db, "db"}})
    if (S.Target.part(Part)->isConstant() &&
        llvm::none_of(Sp.Constants, [Part = Part](const ConstantSpelling &C) {
          return traitsOf(C.Role).Part == Part;
        }))
      return refusal(llvm::Twine("the ") + Name +
                     " is written in the project's own code on the way to "
                     "the client call, where a configured one cannot reach; "
                     "hand it on beside the host, or move it by hand");
  if (Edits.empty())
    return refusal("nothing at this site can be wrapped in a runtime "
                   "accessor");
  if (Reached.empty())
    return refusal("rehost cannot see the client call the value reaches");
  for (const ReachedUse &Use : Reached)
    if (llvm::Error Err = moveReachedUse(Use))
      return std::move(Err);
  return finish("");
}

/// The connects that take \p Family's configured objects, for a message:
/// "redisConnectWithOptions or redisAsyncConnectWithOptions".
std::string configuredConnects(const LibraryFamily &Family) {
  std::vector<llvm::StringRef> Names;
  for (const CatalogEntry &Connect : catalog())
    if (Connect.Family == &Family &&
        Connect.Shape == RewriteShape::ConnectsConfigured)
      Names.push_back(Connect.Name);
  return llvm::join(Names, " or ");
}

/// The rewrite of a site fix may touch, or why it may not.
llvm::Expected<Rewrite> render(const Site &S, const CatalogEntry &Entry,
                               RewriteMode Mode, llvm::StringRef Profile) {
  Renderer R(S, Entry, Profile);
  const UseSpelling &Sp = S.Spelling;
  bool Strict = Mode == RewriteMode::Strict;
  if (Mode == RewriteMode::Pool)
    return R.pooledConnect();
  if (S.R == Rule::PartiallyHardcoded)
    return refusal("a constant fallback is mixed with values computed at "
                   "run time; move the fallback into configuration by hand");
  if (Entry.Shape == RewriteShape::Manual)
    return refusal(Entry.ManualReason);
  if (!Sp.NoProfileReason.empty())
    return refusal(Sp.NoProfileReason);
  if (Entry.AwaitsConnect && Sp.Connects.empty())
    return refusal("rehost cannot see the connect this object is handed to "
                   "(no " +
                   configuredConnects(*Entry.Family) +
                   " on it in this translation unit), and only the rewritten "
                   "connect can refuse a bad configuration; rewrite it by "
                   "hand");
  switch (Entry.Shape) {
  case RewriteShape::DropIn:
    return R.dropInCall(Strict);
  case RewriteShape::MethodCall:
    if (!Sp.Method)
      return refusal("the method is not called on an object rehost can move");
    return R.methodCall(Strict);
  case RewriteShape::AuthCommand:
    return R.authCommand();
  case RewriteShape::WrappedArguments:
    return R.wrappedArguments(Strict);
  case RewriteShape::ConnectsConfigured:
    return refusal("a configured object's connect is rewritten with the "
                   "object's configuration, not on its own");
  case RewriteShape::Manual:
    break;
  }
  llvm_unreachable("Manual is refused above");
}

/// The rewrite of a derived site, or why it is left to a human.
llvm::Expected<Rewrite> renderDerived(const Site &S, const CatalogEntry &Entry,
                                      RewriteMode Mode, llvm::StringRef Profile,
                                      llvm::ArrayRef<ReachedUse> Reached) {
  if (Mode == RewriteMode::Pool)
    return refusal("--pool: a connect in the project's own code is not "
                   "pooled yet");
  if (S.R == Rule::PartiallyHardcoded)
    return refusal("a constant fallback is mixed with values computed at "
                   "run time; move the fallback into configuration by hand");
  Renderer R(S, Entry, Profile);
  return R.derivedSite(Mode == RewriteMode::Strict, Reached);
}

} // namespace

Rewrite renderRewrite(const Site &S, RewriteMode Mode, llvm::StringRef Profile,
                      llvm::ArrayRef<ReachedUse> Reached) {
  const CatalogEntry *Entry = findEntry(S.Kind, S.Api);
  if (!Entry)
    return manual("the API " + S.Api + " is not in this rehost's catalog");
  llvm::Expected<Rewrite> R =
      S.Chain.empty() ? render(S, *Entry, Mode, Profile)
                      : renderDerived(S, *Entry, Mode, Profile, Reached);
  if (!R)
    return manual(llvm::toString(R.takeError()));
  return std::move(*R);
}

} // namespace rehost
