//===- Facts.cpp - Phase one's result as JSON -----------------------------===//
//
// Each struct lists its fields once, in a visit() that both the writer and
// the reader walk, so the two directions cannot drift apart.
//
//===----------------------------------------------------------------------===//

#include "rehost/Facts.h"

#include "rehost/LLVMCompat.h"

#include "llvm/Support/Path.h"

#include <type_traits>

namespace rehost {
namespace {

/// The format's version: a reader refuses facts it cannot read.
constexpr int64_t FactsVersion = 8;

// The fields of each struct, for any IO (Writer or Reader). `Self` is the
// struct, const when writing.
template <class IO, class Self> void visit(IO &Io, Self &V, Value *) {
  Io.field("kind", V.K);
  Io.field("text", V.Text);
}

template <class IO, class Self> void visit(IO &Io, Self &E, Endpoint *) {
  Io.object("host", E.Host);
  Io.object("port", E.Port);
  Io.object("unix_path", E.UnixPath);
  Io.object("uri", E.Uri);
  Io.object("nodes", E.Nodes);
  Io.object("db", E.Db);
  Io.object("user", E.User);
  Io.object("password", E.Password);
}

template <class IO, class Self> void visit(IO &Io, Self &A, Anchor *) {
  Io.path("file", A.File);
  Io.field("offset", A.Offset);
  Io.field("length", A.Length);
  Io.field("digest", A.Digest);
  Io.field("problem", A.Problem);
}

template <class IO, class Self> void visit(IO &Io, Self &A, ArgSpelling *) {
  Io.field("role", A.Role);
  Io.object("at", A.At);
  Io.field("defaulted", A.Defaulted);
  Io.field("literal_at_use", A.LiteralAtUse);
  Io.field("value", A.Value);
}

template <class IO, class Self>
void visit(IO &Io, Self &C, ConstantSpelling *) {
  Io.field("role", C.Role);
  Io.object("at", C.At);
  Io.field("into", C.Into);
  Io.field("cxx", C.Cxx);
}

template <class IO, class Self> void visit(IO &Io, Self &C, ConnectSpelling *) {
  Io.field("api", C.Api);
  Io.object("callee", C.Callee);
  Io.object("rparen", C.RParen);
}

template <class IO, class Self> void visit(IO &Io, Self &O, OptionsSpelling *) {
  Io.object("after", O.After);
  Io.field("object", O.Object);
  Io.field("indent", O.Indent);
}

template <class IO, class Self> void visit(IO &Io, Self &M, MethodSpelling *) {
  Io.object("object", M.Object);
  Io.object("paren", M.Paren);
  Io.field("arrow", M.Arrow);
  Io.field("plain_object", M.PlainObject);
}

template <class IO, class Self> void visit(IO &Io, Self &P, PoolSpelling *) {
  Io.object("connect", P.Connect);
  Io.objects("frees", P.Frees);
}

template <class IO, class Self> void visit(IO &Io, Self &L, SourceLine *) {
  Io.path("file", L.File);
  Io.field("offset", L.Offset);
  Io.field("text", L.Text);
}

template <class IO, class Self> void visit(IO &Io, Self &U, UseSpelling *) {
  Io.object("callee", U.Callee);
  Io.object("paren", U.Paren);
  Io.object("strict_args", U.StrictArgs);
  Io.object("command", U.Command);
  Io.objects("removals", U.Removals);
  Io.optionalObject("method", U.Method);
  Io.objects("args", U.Args);
  Io.objects("constants", U.Constants);
  Io.object("rparen", U.RParen);
  Io.objects("companions", U.Companions);
  Io.objects("connects", U.Connects);
  Io.optionalObject("options", U.Options);
  Io.optionalObject("pool", U.Pool);
  Io.field("no_profile_reason", U.NoProfileReason);
  Io.placePath("macro_body", U.MacroBodyKey);
  Io.objects("lines", U.Lines);
  Io.objects("secrets", U.Secrets);
}

template <class IO, class Self> void visit(IO &Io, Self &S, Site *) {
  Io.path("file", S.File);
  Io.field("offset", S.Offset);
  Io.field("line", S.Line);
  Io.field("column", S.Column);
  Io.field("line_text", S.LineText);
  Io.field("text", S.Text);
  Io.field("function", S.Function);
  Io.object("name_hints", S.Hints);
  Io.field("api", S.Api);
  Io.field("kind", S.Kind);
  Io.field("rule", S.R);
  Io.objects("chain", S.Chain);
  Io.object("target", S.Target);
  Io.field("connection_address", S.ConnectionAddress);
  Io.object("suppression", S.Suppressed);
  Io.object("spelling", S.Spelling);
}

template <class IO, class Self> void visit(IO &Io, Self &H, NameHints *) {
  Io.strings("value", H.Value);
  Io.strings("function", H.Function);
}

template <class IO, class Self> void visit(IO &Io, Self &S, Suppression *) {
  Io.field("form", S.Form);
  Io.field("reason", S.Reason);
}

template <class IO, class Self> void visit(IO &Io, Self &U, MacroBodyUse *) {
  Io.placePath("key", U.Key);
  Io.field("address", U.Address);
}

template <class IO, class Self> void visit(IO &Io, Self &E, CompilerError *) {
  Io.path("file", E.File);
  Io.field("line", E.Line);
  Io.field("column", E.Column);
  Io.field("message", E.Message);
}

template <class IO, class Self> void visit(IO &Io, Self &S, FlowStep *) {
  Io.field("name", S.Name);
  Io.path("file", S.File);
  Io.field("line", S.Line);
  Io.field("column", S.Column);
}

template <class IO, class Self> void visit(IO &Io, Self &S, FlowSlot *) {
  Io.field("kind", S.K);
  Io.field("usr", S.Usr);
  Io.field("index", S.Index);
  Io.field("name", S.Name);
}

template <class IO, class Self> void visit(IO &Io, Self &E, FlowEdge *) {
  Io.object("from", E.From);
  Io.optionalObject("to", E.To);
  Io.field("api", E.Api);
  Io.field("role", E.Role);
  Io.object("at", E.At);
  Io.object("fixed", E.Fixed);
  Io.field("override", E.Override);
}

template <class IO, class Self> void visit(IO &Io, Self &A, FlowArgument *) {
  Io.object("to", A.To);
  Io.object("value", A.V);
  Io.field("value_kind", A.Kind);
  Io.object("written", A.Written);
}

template <class IO, class Self> void visit(IO &Io, Self &U, FlowUse *) {
  Io.object("at", U.At);
  Io.field("api", U.Api);
  Io.field("kind", U.Kind);
  Io.object("spelling", U.Spelling);
}

template <class IO, class Self> void visit(IO &Io, Self &S, FlowSource *) {
  Io.object("where", S.Where);
  Io.objects("args", S.Args);
  Io.objects("suppressions", S.Suppressions);
  Io.field("hands_on", S.HandsOn);
}

template <class IO, class Self> void visit(IO &Io, Self &F, UnitFlows *) {
  Io.objects("edges", F.Edges);
  Io.objects("sources", F.Sources);
  Io.objects("uses", F.Uses);
  Io.strings("reached", F.Reached);
}

template <class IO, class Self>
void visit(IO &Io, Self &U, TranslationUnitFacts *) {
  Io.path("main_file", U.MainFile);
  Io.objects("sites", U.Sites);
  Io.objects("macro_body_uses", U.MacroBodyUses);
  Io.object("flows", U.Flows);
  Io.field("error", U.Error);
  Io.optionalObject("first_error", U.FirstError);
  Io.paths("files", U.Files);
  Io.field("pre_filtered", U.PreFiltered);
  Io.strings("missing_headers", U.MissingHeaders);
  Io.field("hiredis_version", U.HiredisVersion);
}

template <class IO, class Self> void visitAny(IO &Io, Self &S) {
  visit(Io, S, static_cast<std::remove_const_t<Self> *>(nullptr));
}

/// Paths under the root are written relative to it.
class Writer {
public:
  explicit Writer(llvm::StringRef Root) : Root(Root) {}

  template <class T> void field(llvm::StringRef Key, const T &V) {
    if constexpr (std::is_enum_v<T>)
      Out[Key] = static_cast<int64_t>(V);
    else if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>)
      Out[Key] = static_cast<int64_t>(V);
    else
      Out[Key] = V;
  }
  void path(llvm::StringRef Key, const std::string &P) {
    Out[Key] = relative(P);
  }
  /// "path:offset", as a macro body is keyed.
  void placePath(llvm::StringRef Key, const std::string &Place) {
    auto [File, Offset] = llvm::StringRef(Place).rsplit(':');
    Out[Key] =
        Place.empty() ? std::string() : relative(File) + ":" + Offset.str();
  }
  void strings(llvm::StringRef Key, const std::vector<std::string> &Ss) {
    Out[Key] = llvm::json::Array(Ss);
  }
  void paths(llvm::StringRef Key, const std::vector<std::string> &Ps) {
    llvm::json::Array A;
    for (const std::string &P : Ps)
      A.push_back(relative(P));
    Out[Key] = std::move(A);
  }
  template <class T> void object(llvm::StringRef Key, const T &V) {
    Out[Key] = write(V);
  }
  template <class T>
  void objects(llvm::StringRef Key, const std::vector<T> &Vs) {
    llvm::json::Array A;
    for (const T &V : Vs)
      A.push_back(write(V));
    Out[Key] = std::move(A);
  }
  template <class T>
  void optionalObject(llvm::StringRef Key, const std::optional<T> &V) {
    if (V)
      Out[Key] = write(*V);
  }

  llvm::json::Object take() { return std::move(Out); }

  template <class T> llvm::json::Object write(const T &V) const {
    Writer Inner(Root);
    visitAny(Inner, V);
    return std::move(Inner.Out);
  }

private:
  std::string relative(llvm::StringRef Path) const {
    llvm::StringRef Rest = Path;
    if (!Root.empty() && Rest.consume_front(Root) &&
        (Rest.empty() || llvm::sys::path::is_separator(Rest.front())))
      return Rest.empty() ? "." : Rest.drop_front().str();
    return Path.str();
  }

  llvm::StringRef Root;
  llvm::json::Object Out;
};

/// Reads what Writer wrote; the first problem is kept with its key path.
class Reader {
public:
  Reader(const llvm::json::Object &In, llvm::StringRef Root,
         std::string &Problem, std::string Where)
      : In(In), Root(Root), Problem(Problem), Where(std::move(Where)) {}

  template <class T> void field(llvm::StringRef Key, T &V) {
    const llvm::json::Value *Got = find(Key);
    if (!Got)
      return;
    if constexpr (std::is_same_v<T, bool>) {
      if (auto B = Got->getAsBoolean())
        V = *B;
      else
        fail(Key, "a boolean");
    } else if constexpr (std::is_enum_v<T> || std::is_integral_v<T>) {
      if (auto I = Got->getAsInteger(); I && *I >= 0)
        V = static_cast<T>(*I);
      else
        fail(Key, "a non-negative integer");
    } else {
      if (auto S = Got->getAsString())
        V = S->str();
      else
        fail(Key, "a string");
    }
  }
  void path(llvm::StringRef Key, std::string &P) {
    field(Key, P);
    P = absolute(P);
  }
  void placePath(llvm::StringRef Key, std::string &Place) {
    field(Key, Place);
    if (Place.empty())
      return;
    auto [File, Offset] = llvm::StringRef(Place).rsplit(':');
    Place = absolute(File) + ":" + Offset.str();
  }
  void strings(llvm::StringRef Key, std::vector<std::string> &Ss) {
    const llvm::json::Value *Got = find(Key);
    const llvm::json::Array *A = Got ? Got->getAsArray() : nullptr;
    if (Got && !A)
      return fail(Key, "a list of strings");
    for (size_t I = 0; A && I != A->size(); ++I) {
      if (auto S = (*A)[I].getAsString())
        Ss.push_back(S->str());
      else
        fail(Key, "a list of strings");
    }
  }
  void paths(llvm::StringRef Key, std::vector<std::string> &Ps) {
    const llvm::json::Array *A = array(Key);
    for (size_t I = 0; A && I != A->size(); ++I) {
      if (auto S = (*A)[I].getAsString())
        Ps.push_back(absolute(*S));
      else
        fail(Key, "a list of strings");
    }
  }
  template <class T> void object(llvm::StringRef Key, T &V) {
    if (const llvm::json::Value *Got = find(Key)) {
      if (const llvm::json::Object *O = Got->getAsObject())
        read(*O, V, Where + "." + Key.str());
      else
        fail(Key, "an object");
    }
  }
  template <class T> void objects(llvm::StringRef Key, std::vector<T> &Vs) {
    const llvm::json::Array *A = array(Key);
    for (size_t I = 0; A && I != A->size(); ++I) {
      const llvm::json::Object *O = (*A)[I].getAsObject();
      if (!O) {
        fail(Key, "a list of objects");
        return;
      }
      Vs.emplace_back();
      read(*O, Vs.back(),
           Where + "." + Key.str() + "[" + std::to_string(I) + "]");
    }
  }
  template <class T>
  void optionalObject(llvm::StringRef Key, std::optional<T> &V) {
    if (In.get(Key)) {
      V.emplace();
      object(Key, *V);
    }
  }

  template <class T>
  void read(const llvm::json::Object &O, T &V, std::string At) {
    Reader Inner(O, Root, Problem, std::move(At));
    visitAny(Inner, V);
  }

private:
  const llvm::json::Value *find(llvm::StringRef Key) {
    const llvm::json::Value *Got = In.get(Key);
    if (!Got)
      fail(Key, "present");
    return Got;
  }
  const llvm::json::Array *array(llvm::StringRef Key) {
    const llvm::json::Value *Got = find(Key);
    const llvm::json::Array *A = Got ? Got->getAsArray() : nullptr;
    if (Got && !A)
      fail(Key, "a list");
    return A;
  }
  void fail(llvm::StringRef Key, llvm::StringRef Expected) {
    if (Problem.empty())
      Problem = "'" + Where + "." + Key.str() + "' must be " + Expected.str();
  }
  std::string absolute(llvm::StringRef Path) const {
    if (Path.empty() || llvm::sys::path::is_absolute(Path))
      return Path.str();
    if (Path == ".")
      return Root.str();
    llvm::SmallString<256> Out(Root);
    llvm::sys::path::append(Out, Path);
    return std::string(Out);
  }

  const llvm::json::Object &In;
  llvm::StringRef Root;
  std::string &Problem;
  std::string Where;
};

} // namespace

int64_t factsVersion() { return FactsVersion; }

llvm::json::Value unitToJson(const TranslationUnitFacts &Unit,
                             llvm::StringRef Root) {
  return Writer(Root).write(Unit);
}

llvm::Expected<TranslationUnitFacts>
unitFromJson(const llvm::json::Value &Value, llvm::StringRef Root,
             llvm::StringRef Origin) {
  const llvm::json::Object *Object = Value.getAsObject();
  if (!Object)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   Origin + ": 'facts' must be an object");
  TranslationUnitFacts Out;
  std::string Problem;
  Reader R(*Object, Root, Problem, "facts");
  R.read(*Object, Out, "facts");
  if (!Problem.empty())
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   Origin + ": " + Problem);
  return Out;
}

llvm::json::Value factsToJson(const Facts &F, llvm::StringRef Root) {
  Writer W(Root);
  W.field("version", FactsVersion);
  W.objects("units", F.Units);
  W.paths("uncovered", F.Uncovered);
  return W.take();
}

llvm::Expected<Facts> factsFromJson(const llvm::json::Value &Value,
                                    llvm::StringRef Root,
                                    llvm::StringRef Origin) {
  auto Fail = [&](const llvm::Twine &Why) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   Origin + ": " + Why);
  };
  const llvm::json::Object *Top = Value.getAsObject();
  if (!Top)
    return Fail("not rehost facts (a JSON object is expected)");
  auto Version = Top->getInteger("version");
  if (!Version)
    return Fail("not rehost facts (no 'version')");
  if (*Version != FactsVersion)
    return Fail("facts version " + llvm::Twine(*Version) + "; this rehost " +
                "reads version " + llvm::Twine(FactsVersion));
  Facts Out;
  std::string Problem;
  Reader R(*Top, Root, Problem, "facts");
  R.objects("units", Out.Units);
  R.paths("uncovered", Out.Uncovered);
  if (!Problem.empty())
    return Fail(Problem);
  return Out;
}

} // namespace rehost
