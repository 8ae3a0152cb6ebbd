//===- ToolConfig.cpp - The tool's own settings file, .rehost.toml --------===//

#include "rehost/ToolConfig.h"

#include "rehost/Catalog.h"
#include "rehost/LLVMCompat.h"
#include "rehost/Paths.h"
#include "rehost/ProfileNames.h"
#include "rehost/TomlCheck.h"
#include "rehost/Uri.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/GlobPattern.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <toml++/toml.h>

namespace rehost {
namespace {

/// "PATH:LINE:COLUMN: KEY: REASON", like the compiler and the runtime.
llvm::Error configError(llvm::StringRef Path, const toml::source_region &Where,
                        const llvm::Twine &Key, const llvm::Twine &Reason) {
  std::string Position;
  if (Where.begin.line != 0)
    Position = ":" + std::to_string(Where.begin.line) + ":" +
               std::to_string(Where.begin.column);
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 Path + Position + ": " + Key + ": " + Reason);
}

llvm::StringRef typeName(const toml::node &Node) {
  switch (Node.type()) {
  case toml::node_type::table:
    return "a table";
  case toml::node_type::array:
    return "an array";
  case toml::node_type::string:
    return "a string";
  case toml::node_type::integer:
    return "an integer";
  case toml::node_type::floating_point:
    return "a float";
  case toml::node_type::boolean:
    return "a boolean";
  default:
    return "a date or time";
  }
}

llvm::StringRef str(const toml::key &Key) {
  return llvm::StringRef(Key.str().data(), Key.str().size());
}

/// The variable that holds \p Profile's password in the runtime.
std::string passwordVariable(llvm::StringRef Profile) {
  for (const std::string &Variable : profileVariables(Profile))
    if (endsWith(Variable, "_PASSWORD"))
      return Variable;
  return "REDIS_PASSWORD";
}

bool isPort(llvm::StringRef Text) {
  unsigned Port = 0;
  return !Text.getAsInteger(10, Port) && Port >= 1 && Port <= 65535;
}

/// The address Endpoint::address() gives for the endpoint \p Uri names, or
/// an empty string and \p Reason. Neither ever quotes the URI: a mistyped
/// one may hold a password in an unexpected place.
std::string endpointAddress(llvm::StringRef Uri, llvm::StringRef Profile,
                            std::string &Reason) {
  UriParts Parts = splitUri(Uri);
  if (Parts.Scheme.empty()) {
    Reason = "expected a URI such as redis://host:port or unix:///path";
    return {};
  }
  if (!Parts.KnownScheme) {
    Reason = "unsupported URI scheme; use redis://, rediss://, tcp://, "
             "unix:// or another scheme the runtime reads (docs/runtime.md)";
    return {};
  }
  if (Parts.HasPassword || !Parts.User.empty()) {
    Reason = "the URI carries credentials, which never belong in this file; "
             "remove the user info and set " +
             passwordVariable(Profile) + " or " + passwordVariable(Profile) +
             "_FILE where the service runs";
    return {};
  }
  if (Uri.contains('?')) {
    Reason = "the URI has options (?...); this file names endpoints only, "
             "options go in the runtime's rehost.toml";
    return {};
  }
  if (Parts.Host.empty()) {
    Reason = "the URI names no host or socket path";
    return {};
  }
  if (Parts.Transport == UriTransport::Unix) {
    if (Parts.Host.substr(0, 1) != "/") {
      Reason = "a unix socket path must be absolute (unix:///path)";
      return {};
    }
    return normaliseUri(Uri);
  }

  if (Parts.Sentinel) {
    if (!Parts.Error.empty()) {
      Reason = "the runtime cannot read this URI: " + Parts.Error;
      return {};
    }
    return normaliseUri(Uri);
  }
  llvm::StringRef Rest = Uri.split("://").second;
  if (Rest.contains(',')) {
    // A cluster node list: Endpoint::address() joins the nodes as given.
    llvm::SmallVector<llvm::StringRef, 4> Nodes = splitNodes(Rest);
    for (llvm::StringRef Node : Nodes) {
      auto [Host, Port] = Node.rsplit(':');
      if (Node.contains('/') || Host.empty() || !isPort(Port)) {
        Reason = "each node of a node list must be host:port";
        return {};
      }
    }
    return "redis://" + llvm::join(Nodes, ",");
  }
  if (!Parts.Port.empty() && !isPort(Parts.Port)) {
    Reason = "the port must be a number from 1 to 65535";
    return {};
  }
  if (!Parts.Db.empty() &&
      !llvm::all_of(Parts.Db, [](char C) { return llvm::isDigit(C); })) {
    Reason = "the database after '/' must be a number";
    return {};
  }
  // What is left never quotes the URI: ports and databases are checked above.
  if (!Parts.Error.empty()) {
    Reason = "the runtime cannot read this URI: " + Parts.Error;
    return {};
  }
  return normaliseUri(Uri);
}

/// What sets [[sinks]] and [[endpoint_fields]] apart in the file; one
/// reader takes both.
struct DeclarationTables {
  llvm::StringLiteral Table;   ///< "sinks"
  llvm::StringLiteral NameKey; ///< The key naming what a table declares.
  llvm::StringLiteral Named;   ///< What NameKey names, for messages.
  llvm::StringLiteral Value;   ///< What a role key's value is.
};
constexpr DeclarationTables SinkTables = {"sinks", "function", "function",
                                          "parameter"};
constexpr DeclarationTables FieldTables = {"endpoint_fields", "type",
                                           "struct or class", "field"};

/// Beyond any real parameter list: a larger position is a typo.
constexpr int64_t MaxParameterPosition = 64;

/// The role \p Key names in a declaration table, if any.
std::optional<ArgRole> declarableRole(llvm::StringRef Key) {
  for (const RoleTraits &Traits : roleTraits())
    if (!Traits.ConfigKey.empty() && Traits.ConfigKey == Key)
      return Traits.Role;
  return std::nullopt;
}

/// "host, port, ... or password": the role keys of a declaration table.
std::string declarableRoleKeys() {
  llvm::SmallVector<llvm::StringRef, 8> Keys;
  for (const RoleTraits &Traits : roleTraits())
    if (!Traits.ConfigKey.empty())
      Keys.push_back(Traits.ConfigKey);
  std::string Out;
  for (size_t I = 0; I < Keys.size(); ++I) {
    if (I != 0)
      Out += I + 1 == Keys.size() ? " or " : ", ";
    Out += Keys[I];
  }
  return Out;
}

bool isIdentifier(llvm::StringRef Name) {
  return !Name.empty() && !llvm::isDigit(Name.front()) &&
         llvm::all_of(Name,
                      [](char C) { return llvm::isAlnum(C) || C == '_'; });
}

class ToolConfigReader {
public:
  ToolConfigReader(llvm::StringRef Path, ToolConfig &Config)
      : Path(Path), Config(Config) {}

  llvm::Error read(const toml::table &Root) {
    for (const auto &[Key, Node] : Root) {
      llvm::StringRef Name = str(Key);
      llvm::Error Err = Name == SinkTables.Table    ? readSinks(Node)
                        : Name == FieldTables.Table ? readEndpointFields(Node)
                                                    : readTable(Key, Node);
      if (Err)
        return Err;
    }
    return llvm::Error::success();
  }

private:
  llvm::StringRef Path;
  ToolConfig &Config;

  llvm::Error readTable(const toml::key &Key, const toml::node &Node) {
    llvm::StringRef Name = str(Key);
    const toml::table *Table = Node.as_table();
    if (Name != "profiles" && Name != "scan" && Name != "report" &&
        Name != "check")
      return configError(Path, Key.source(), Name,
                         "unknown key; expected [profiles], [scan], "
                         "[report], [check], [[sinks]] or "
                         "[[endpoint_fields]]");
    if (!Table)
      return configError(Path, Node.source(), Name,
                         "expected a table, found " + typeName(Node));
    return Name == "profiles" ? readProfiles(*Table)
           : Name == "scan"   ? readScan(*Table)
           : Name == "check"  ? readCheck(*Table)
                              : readReport(*Table);
  }

  llvm::Expected<std::string> string(const toml::node &Node,
                                     const llvm::Twine &Key) {
    const toml::value<std::string> *Value = Node.as_string();
    if (!Value)
      return configError(Path, Node.source(), Key,
                         "expected a string, found " + typeName(Node));
    if (Value->get().empty())
      return configError(Path, Node.source(), Key, "must not be empty");
    return Value->get();
  }

  llvm::Expected<std::vector<std::pair<std::string, const toml::node *>>>
  strings(const toml::node &Node, const llvm::Twine &Key) {
    const toml::array *Array = Node.as_array();
    if (!Array)
      return configError(Path, Node.source(), Key,
                         "expected an array of strings, found " +
                             typeName(Node));
    std::vector<std::pair<std::string, const toml::node *>> Out;
    for (size_t I = 0; I < Array->size(); ++I) {
      const toml::node &Item = *Array->get(I);
      llvm::Expected<std::string> Text =
          string(Item, Key + "[" + llvm::Twine(I) + "]");
      if (!Text)
        return Text.takeError();
      Out.emplace_back(std::move(*Text), &Item);
    }
    return Out;
  }

  llvm::Error readProfiles(const toml::table &Table) {
    llvm::StringMap<std::string> NameOfVariables; // REDIS_X_URL → name
    for (const auto &[Key, Node] : Table) {
      llvm::StringRef Name = str(Key);
      std::string Label = ("profiles." + Name).str();
      if (!isProfileName(Name))
        return configError(Path, Key.source(), Label,
                           "a profile name may hold only letters, digits, "
                           "'_' and '-'");
      llvm::Expected<std::string> Uri = string(Node, Label);
      if (!Uri)
        return Uri.takeError();
      std::string Reason;
      std::string Address = endpointAddress(*Uri, Name, Reason);
      if (Address.empty())
        return configError(Path, Node.source(), Label, Reason);

      auto Existing = llvm::find_if(Config.ProfileNames, [&](const auto &E) {
        return E.first == Address;
      });
      if (Existing != Config.ProfileNames.end())
        return configError(Path, Node.source(), Label,
                           "names the same endpoint (" + Address +
                               ") as profiles." + Existing->second +
                               "; give each endpoint one name");
      std::string FirstVariable = profileVariables(Name).front();
      auto [Other, Inserted] =
          NameOfVariables.try_emplace(FirstVariable, Name.str());
      if (!Inserted)
        return configError(Path, Key.source(), Label,
                           "reads the same environment variables (" +
                               FirstVariable + ", ...) as profiles." +
                               Other->second + "; rename one of them");
      Config.ProfileNames.emplace(Address, Name.str());
    }
    return llvm::Error::success();
  }

  llvm::Error readScan(const toml::table &Table) {
    for (const auto &[Key, Node] : Table) {
      llvm::StringRef Name = str(Key);
      std::string Label = ("scan." + Name).str();
      if (Name != "exclude" && Name != "allow_hosts")
        return configError(Path, Key.source(), Label,
                           "unknown key; expected exclude or allow_hosts");
      auto Items = strings(Node, Label);
      if (!Items)
        return Items.takeError();
      for (auto &[Text, Item] : *Items) {
        llvm::Error Err = Name == "exclude" ? addExclude(Text, *Item, Label)
                                            : addAllowHost(Text, *Item, Label);
        if (Err)
          return Err;
      }
    }
    return llvm::Error::success();
  }

  llvm::Error addExclude(llvm::StringRef Pattern, const toml::node &Item,
                         llvm::StringRef Label) {
    if (llvm::sys::path::is_absolute(Pattern))
      return configError(Path, Item.source(), Label,
                         "patterns are relative to the directory of this "
                         "file; drop the leading '/'");
    while (Pattern.consume_front("./"))
      ;
    llvm::Expected<llvm::GlobPattern> Glob = llvm::GlobPattern::create(Pattern);
    if (!Glob)
      return configError(Path, Item.source(), Label,
                         "bad glob pattern: " + toString(Glob.takeError()));
    Config.Exclude.push_back(Pattern.str());
    return llvm::Error::success();
  }

  llvm::Error addAllowHost(llvm::StringRef Host, const toml::node &Item,
                           llvm::StringRef Label) {
    if (Host.contains("://") || Host.contains('/') || Host.contains('@'))
      return configError(Path, Item.source(), Label,
                         "expected a host name, not a URI");
    if (llvm::any_of(Host, [](char C) { return llvm::isSpace(C); }))
      return configError(Path, Item.source(), Label,
                         "a host name holds no spaces");
    bool Bracketed = startsWith(Host, "[") && endsWith(Host, "]");
    if (!Bracketed && Host.count(':') == 1)
      return configError(Path, Item.source(), Label,
                         "expected a host name without a port");
    Config.AllowHosts.push_back(Host.trim("[]").lower());
    return llvm::Error::success();
  }

  llvm::Error readReport(const toml::table &Table) {
    for (const auto &[Key, Node] : Table) {
      llvm::StringRef Name = str(Key);
      std::string Label = ("report." + Name).str();
      if (Name != "format" && Name != "output")
        return configError(Path, Key.source(), Label,
                           "unknown key; expected format or output");
      llvm::Expected<std::string> Value = string(Node, Label);
      if (!Value)
        return Value.takeError();
      if (Name == "format") {
        Config.ReportFormat = std::move(*Value);
        continue;
      }
      Config.ReportOutput = besideConfig(*Value);
    }
    return llvm::Error::success();
  }

  llvm::Error readCheck(const toml::table &Table) {
    for (const auto &[Key, Node] : Table) {
      llvm::StringRef Name = str(Key);
      std::string Label = ("check." + Name).str();
      if (Name == "baseline") {
        llvm::Expected<std::string> Value = string(Node, Label);
        if (!Value)
          return Value.takeError();
        Config.Baseline = besideConfig(*Value);
      } else if (Name == "require_reason") {
        const toml::value<bool> *Value = Node.as_boolean();
        if (!Value)
          return configError(Path, Node.source(), Label,
                             "expected true or false, found " + typeName(Node));
        Config.RequireReason = Value->get();
      } else {
        return configError(Path, Key.source(), Label,
                           "unknown key; expected baseline or "
                           "require_reason");
      }
    }
    return llvm::Error::success();
  }

  /// One table of [[sinks]] or [[endpoint_fields]], read: what it names
  /// and the value of each role it gives, in the order written.
  template <typename T> struct Declaration {
    std::string Name;
    std::vector<std::pair<ArgRole, T>> Roles;
    unsigned Line = 0;
  };

  /// Reads the array of tables \p Kind describes: each names what it
  /// declares and gives role keys whose values \p ReadValue reads and
  /// \p Spell spells in messages ("2" for a position, "ip" for a field).
  template <typename T>
  llvm::Expected<std::vector<Declaration<T>>>
  readDeclarations(const toml::node &Node, const DeclarationTables &Kind,
                   llvm::function_ref<llvm::Expected<T>(const toml::node &,
                                                        const llvm::Twine &)>
                       ReadValue,
                   llvm::function_ref<std::string(const T &)> Spell) {
    const toml::array *Array = Node.as_array();
    if (!Array)
      return configError(Path, Node.source(), Kind.Table,
                         "expected an array of tables ([[" + Kind.Table +
                             "]]), found " + typeName(Node));
    std::vector<Declaration<T>> Out;
    for (size_t I = 0; I < Array->size(); ++I) {
      const toml::node &Item = *Array->get(I);
      std::string Label = (Kind.Table + "[" + llvm::Twine(I) + "]").str();
      const toml::table *Table = Item.as_table();
      if (!Table)
        return configError(Path, Item.source(), Label,
                           "expected a table, found " + typeName(Item));
      Declaration<T> D;
      D.Line = Table->source().begin.line;
      // In the order written, so a clash is reported at the later key.
      std::vector<std::pair<const toml::key *, const toml::node *>> Keys;
      for (const auto &[Key, Value] : *Table)
        Keys.emplace_back(&Key, &Value);
      llvm::sort(Keys, [](const auto &A, const auto &B) {
        const toml::source_position &L = A.first->source().begin;
        const toml::source_position &R = B.first->source().begin;
        return std::make_pair(L.line, L.column) <
               std::make_pair(R.line, R.column);
      });
      for (const auto &[Key, Value] : Keys) {
        llvm::StringRef KeyName = str(*Key);
        std::string KeyLabel = (Label + "." + KeyName).str();
        if (KeyName == Kind.NameKey) {
          llvm::Expected<std::string> Name = string(*Value, KeyLabel);
          if (!Name)
            return Name.takeError();
          if (llvm::StringRef(*Name).contains('('))
            return configError(Path, Value->source(), KeyLabel,
                               "give the qualified name alone, without a "
                               "parameter list");
          auto Twin = llvm::find_if(
              Out, [&](const Declaration<T> &E) { return E.Name == *Name; });
          if (Twin != Out.end())
            return configError(Path, Value->source(), KeyLabel,
                               *Name + " is already declared at line " +
                                   llvm::Twine(Twin->Line) +
                                   "; give all its roles in one table");
          D.Name = std::move(*Name);
          continue;
        }
        std::optional<ArgRole> Role = declarableRole(KeyName);
        if (!Role)
          return configError(Path, Key->source(), KeyLabel,
                             "unknown key; expected " + Kind.NameKey + ", " +
                                 declarableRoleKeys());
        llvm::Expected<T> RoleValue = ReadValue(*Value, KeyLabel);
        if (!RoleValue)
          return RoleValue.takeError();
        auto Clash = llvm::find_if(
            D.Roles, [&](const auto &R) { return R.second == *RoleValue; });
        if (Clash != D.Roles.end())
          return configError(Path, Value->source(), KeyLabel,
                             Kind.Value + " " + Spell(*RoleValue) +
                                 " is already the " +
                                 traitsOf(Clash->first).ConfigKey + "; one " +
                                 Kind.Value + " has one role");
        D.Roles.emplace_back(*Role, std::move(*RoleValue));
      }
      if (D.Name.empty())
        return configError(Path, Table->source(), Label + "." + Kind.NameKey,
                           "missing; give the qualified name of the " +
                               Kind.Named);
      if (D.Roles.empty())
        return configError(Path, Table->source(), Label,
                           "gives no role; expected at least one of " +
                               declarableRoleKeys());
      Out.push_back(std::move(D));
    }
    return Out;
  }

  llvm::Error readSinks(const toml::node &Node) {
    auto Sinks = readDeclarations<unsigned>(
        Node, SinkTables,
        [&](const toml::node &Value,
            const llvm::Twine &Label) -> llvm::Expected<unsigned> {
          const toml::value<int64_t> *Position = Value.as_integer();
          if (!Position)
            return configError(Path, Value.source(), Label,
                               "expected a parameter position (1 for the "
                               "first parameter), found " +
                                   typeName(Value));
          if (Position->get() < 1)
            return configError(Path, Value.source(), Label,
                               "parameter positions start at 1");
          if (Position->get() > MaxParameterPosition)
            return configError(Path, Value.source(), Label,
                               "a parameter position is at most " +
                                   llvm::Twine(MaxParameterPosition));
          return static_cast<unsigned>(Position->get() - 1);
        },
        [](const unsigned &Index) { return std::to_string(Index + 1); });
    if (!Sinks)
      return Sinks.takeError();
    for (Declaration<unsigned> &D : *Sinks)
      Config.Sinks.push_back({std::move(D.Name), std::move(D.Roles), D.Line});
    return llvm::Error::success();
  }

  llvm::Error readEndpointFields(const toml::node &Node) {
    auto Fields = readDeclarations<std::string>(
        Node, FieldTables,
        [&](const toml::node &Value,
            const llvm::Twine &Label) -> llvm::Expected<std::string> {
          llvm::Expected<std::string> Field = string(Value, Label);
          if (Field && !isIdentifier(*Field))
            return configError(Path, Value.source(), Label,
                               "expected a field name (letters, digits and "
                               "'_', not starting with a digit)");
          return Field;
        },
        [](const std::string &Field) { return Field; });
    if (!Fields)
      return Fields.takeError();
    for (Declaration<std::string> &D : *Fields)
      Config.EndpointFields.push_back(
          {std::move(D.Name), std::move(D.Roles), D.Line});
    return llvm::Error::success();
  }

  /// \p File made absolute against the config file's directory.
  std::string besideConfig(llvm::StringRef File) const {
    llvm::SmallString<256> Out(File);
    if (!llvm::sys::path::is_absolute(Out))
      Out = (llvm::sys::path::parent_path(Path) + "/" + File).str();
    llvm::sys::path::remove_dots(Out, /*remove_dot_dot=*/true);
    return Out.str().str();
  }
};

llvm::Expected<ToolConfig> readToolConfigFile(llvm::StringRef Path,
                                              llvm::StringRef HowFound) {
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Buffer =
      llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buffer)
    return llvm::createStringError(
        Buffer.getError(), Path +
                               ": cannot read the tool's config "
                               "file" +
                               HowFound + ": " + Buffer.getError().message());
  return parseToolConfig((*Buffer)->getBuffer(), Path);
}

} // namespace

bool ToolConfig::isExcluded(llvm::StringRef AbsPath) const {
  return (!Path.empty() &&
          matchesPathGlobs(Exclude, llvm::sys::path::parent_path(Path),
                           AbsPath)) ||
         matchesPathGlobs(CommandLineExclude, CommandLineExcludeDir, AbsPath);
}

bool ToolConfig::isAllowedHost(llvm::StringRef Host) const {
  // Hosts compare as addresses do: allowing localhost allows 127.0.0.1.
  auto Key = [](llvm::StringRef Name) {
    return normaliseHost(Name.trim("[]").rtrim('.'));
  };
  std::string Wanted = Key(Host);
  return llvm::any_of(AllowHosts, [&](const std::string &Allowed) {
    return Key(Allowed) == Wanted;
  });
}

llvm::Expected<ToolConfig> parseToolConfig(llvm::StringRef Contents,
                                           llvm::StringRef Path) {
  ToolConfig Config;
  Config.Path = Path.str();
  if (llvm::Error Err = checkTomlText(Contents, Path))
    return std::move(Err);
  toml::table Root;
  try {
    Root = toml::parse(std::string_view(Contents.data(), Contents.size()),
                       std::string_view(Path.data(), Path.size()));
  } catch (const toml::parse_error &Error) {
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        Path + ":" + llvm::Twine(Error.source().begin.line) + ":" +
            llvm::Twine(Error.source().begin.column) +
            ": invalid TOML: " + std::string(Error.description()));
  }
  if (llvm::Error Err = ToolConfigReader(Path, Config).read(Root))
    return Err;
  return Config;
}

llvm::Expected<ToolConfig> loadToolConfig(llvm::StringRef ExplicitPath,
                                          llvm::StringRef StartDir) {
  if (!ExplicitPath.empty()) {
    return readToolConfigFile(absolutePath(ExplicitPath), " (--config)");
  }

  llvm::SmallString<256> Dir(StartDir);
  if (std::error_code EC = llvm::sys::fs::make_absolute(Dir))
    return llvm::createStringError(EC, "cannot find the working directory "
                                       "to search for " +
                                           ToolConfigFileName + ": " +
                                           EC.message());
  llvm::sys::path::remove_dots(Dir, /*remove_dot_dot=*/true);
  for (llvm::StringRef Current = Dir; !Current.empty();
       Current = llvm::sys::path::parent_path(Current)) {
    llvm::SmallString<256> Candidate(Current);
    llvm::sys::path::append(Candidate, ToolConfigFileName);
    if (llvm::sys::fs::is_regular_file(Candidate))
      return readToolConfigFile(Candidate, "");
  }
  return ToolConfig();
}

} // namespace rehost
