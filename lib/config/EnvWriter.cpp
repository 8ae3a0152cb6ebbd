//===- EnvWriter.cpp - What the deployment must set, from rehost.toml -----===//

#include "rehost/EnvWriter.h"

#include "RuntimeConfigRead.h"

#include "rehost/LLVMCompat.h"
#include "rehost/ProfileNames.h"
#include "rehost/Uri.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/MemoryBuffer.h"

#include <fmt/format.h>
#include <rehost/rehost.hpp>

#include <map>
#include <tuple>

namespace rehost {
namespace {

llvm::Error error(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Message);
}

std::string position(llvm::StringRef Path, const toml::source_region &Where) {
  if (Where.begin.line == 0)
    return Path.str();
  return fmt::format("{}:{}:{}", std::string_view(Path.data(), Path.size()),
                     Where.begin.line, Where.begin.column);
}

/// The runtime's own reading of the file (rehost::check_config_file), so
/// `env` refuses what would make the service fail at start, with the
/// runtime's message.
llvm::Error checkAsTheRuntimeReadsIt(llvm::StringRef Path) {
  try {
    check_config_file(Path.str());
  } catch (const ConfigError &E) {
    return error(llvm::Twine("the runtime would refuse it: ") + E.what());
  }
  return llvm::Error::success();
}

/// A line `rehost fix` wrote above a table says the code's credential left
/// it: "# The code's password left it ... set REDIS_QUEUE_PASSWORD (or …".
bool fixMovedCredential(llvm::StringRef Text, llvm::StringRef Variable) {
  return Text.contains(
      ("left it and is not copied here: set " + Variable + " ").str());
}

bool fromTheFile(const Origin &O) { return O.source == Source::config_file; }

/// Where \p R (the runtime's resolution from the file) has its endpoint,
/// strongest first: the keys the runtime reads, then `call_site`, then the
/// comment an older `fix` wrote above the table.
void readAddress(const Profile &R, llvm::StringRef Text, EnvProfile &P) {
  if (!R.cluster_nodes.value.empty()) {
    P.Address = "redis://" + llvm::join(R.cluster_nodes.value, ",");
    P.AddressFrom = EnvProfile::Origin::Keys;
    return;
  }
  // As rehost-doctor decides it: with nothing but a built-in default, the
  // program's own call site decides the endpoint, and a URL would override
  // it.
  if (R.transport.origin.source != Source::built_in ||
      R.sentinel_master.origin.configured()) {
    P.Address = endpoint_url(R);
    bool Keys = llvm::any_of(
        std::initializer_list<Origin>{
            R.transport.origin, R.host.origin, R.port.origin, R.socket.origin,
            R.db.origin, R.tls.origin, R.username.origin,
            R.sentinel_master.origin},
        fromTheFile);
    P.AddressFrom =
        Keys ? EnvProfile::Origin::Keys : EnvProfile::Origin::CallSite;
    return;
  }
  P.Address = addressOfComment(Text, P.Name);
  P.AddressFrom = P.Address.empty() ? EnvProfile::Origin::None
                                    : EnvProfile::Origin::Comment;
}

/// The part of the variable a setting's key is read from ("DB" for db).
std::string variablePart(llvm::StringRef Key) { return Key.upper(); }

/// \p P's Files: each url_file, password_file or sentinel_password_file
/// of its tables (\p Tables, strongest first; the first that has a key
/// decides it).
void readFileKeys(llvm::ArrayRef<const toml::table *> Tables, EnvProfile &P) {
  for (llvm::StringRef Key : {"url", "password", "sentinel_password"}) {
    std::string FileKey = (Key + "_file").str();
    for (const toml::table *Table : Tables)
      if (std::optional<std::string> Path =
              Table->get(FileKey) ? Table->get(FileKey)->value<std::string>()
                                  : std::nullopt) {
        P.Files.emplace_back(variablePart(FileKey), *Path);
        break;
      }
  }
}

bool readsUrlFromFile(const EnvProfile &P) {
  return llvm::any_of(P.Files,
                      [](const auto &F) { return F.first == "URL_FILE"; });
}

/// A cluster's node list (redis://h1:p1,h2:p2), which has a variable of its
/// own; a Sentinel URL lists its sentinels the same way but is a URL.
bool isNodeList(llvm::StringRef Address) {
  return Address.contains(',') && !startsWith(Address, "redis+sentinel://");
}

/// \p P's Settings: the db, ACL user and TLS the file gives (\p R), when
/// the URL written does not carry them.
void readSettings(const Profile &R, EnvProfile &P) {
  bool UrlCarriesThem = !isNodeList(P.Address) && !readsUrlFromFile(P) &&
                        (P.AddressFrom == EnvProfile::Origin::Keys ||
                         P.AddressFrom == EnvProfile::Origin::CallSite);
  if (UrlCarriesThem)
    return;
  if (fromTheFile(R.db.origin))
    P.Settings.emplace_back("DB", std::to_string(R.db.value));
  if (fromTheFile(R.username.origin))
    P.Settings.emplace_back("USERNAME", R.username.value);
  if (fromTheFile(R.tls.origin))
    P.Settings.emplace_back("TLS", R.tls.value ? "true" : "false");
}

/// Resolves profile \p Name of \p Path as a service in \p Environment
/// would with no variable set: the runtime's own code, so the two cannot
/// read the file differently.
llvm::Expected<Profile> resolveAsTheRuntime(llvm::StringRef Path,
                                            llvm::StringRef Name,
                                            llvm::StringRef Environment) {
  try {
    return resolve_from_config_file(Name.str(), Path.str(), Environment.str());
  } catch (const ConfigError &E) {
    return error(llvm::Twine("the runtime would refuse it: ") + E.what());
  }
}

/// The [profiles.NAME] tables under \p Key ("profiles" or
/// "environments.ENV.profiles"), each name one the runtime accepts.
llvm::Error
collectProfileTables(const toml::node *Node, llvm::StringRef Key,
                     llvm::StringRef Path,
                     std::map<std::string, const toml::table *> &Tables) {
  if (!Node)
    return llvm::Error::success();
  const toml::table *Profiles = Node->as_table();
  if (!Profiles)
    return error(position(Path, Node->source()) + ": " + Key + ": expected [" +
                 Key + ".NAME] tables");
  for (const auto &[Name, Table] : *Profiles) {
    llvm::StringRef Text(Name.str().data(), Name.str().size());
    if (!isProfileName(Text))
      return error(position(Path, Name.source()) + ": " + Key + "." +
                   commentText(Text) +
                   ": a profile name may hold only letters, digits, '_' "
                   "and '-'");
    if (!Table.is_table())
      return error(position(Path, Table.source()) + ": " + Key + "." + Text +
                   ": expected a table");
    Tables.emplace(Text.str(), Table.as_table());
  }
  return llvm::Error::success();
}

/// A password written in \p Table (a profile or an overlay's profile,
/// \p Label "profiles.queue"): never copied; say where it belongs instead.
void warnAboutSecrets(const toml::table &Table, llvm::StringRef Path,
                      llvm::StringRef Label, llvm::StringRef Profile,
                      std::vector<std::string> &Warnings) {
  std::string Variable = profileVariable(Profile, "PASSWORD");
  auto Warn = [&](llvm::StringRef Key, const toml::node &Node,
                  llvm::StringRef What) {
    Warnings.push_back(fmt::format(
        "{}: {}.{}: {} in the runtime's config file, which ships with the "
        "service; rehost env does not copy it. Set {} from the deployment's "
        "secrets instead (or point password_file at a file that holds it) "
        "and delete it here",
        position(Path, Node.source()), Label.str(), Key.str(), What.str(),
        Variable));
  };
  // The runtime takes a number as text, so `password = 123456` is one too.
  if (const toml::node *Password = Table.get("password"))
    if (!Password->is_string() || !Password->value_or(std::string()).empty())
      Warn("password", *Password, "a password is written");
  for (llvm::StringRef Key : {"url", "call_site"})
    if (const toml::node *Node = Table.get(Key))
      if (auto Uri = Node->value<std::string>();
          Uri && splitUri(*Uri).HasPassword)
        Warn(Key, *Node, "the URL holds a password");
}

bool byName(const EnvProfile &A, const EnvProfile &B) {
  return std::make_tuple(A.Name != DefaultProfile, A.Name) <
         std::make_tuple(B.Name != DefaultProfile, B.Name);
}

} // namespace

llvm::Expected<EnvFormat> parseEnvFormat(llvm::StringRef Name) {
  if (Name == "dotenv")
    return EnvFormat::Dotenv;
  if (Name == "k8s")
    return EnvFormat::Kubernetes;
  if (Name == "compose")
    return EnvFormat::Compose;
  return error("unknown format '" + Name +
               "'; expected dotenv, k8s or compose");
}

llvm::StringRef formatEnvironment(EnvFormat Format) {
  switch (Format) {
  case EnvFormat::Kubernetes:
    return "kubernetes";
  case EnvFormat::Compose:
    return "container";
  case EnvFormat::Dotenv:
    break;
  }
  return "";
}

llvm::Expected<EnvInput> readEnvProfiles(llvm::StringRef Path,
                                         llvm::StringRef Environment) {
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Buffer =
      llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                  /*RequiresNullTerminator=*/false);
  if (!Buffer)
    return llvm::createStringError(
        Buffer.getError(),
        Path + ": cannot read the runtime's config file: " +
            Buffer.getError().message() +
            (Buffer.getError() == std::errc::no_such_file_or_directory
                 ? " (rehost fix writes it; name another with "
                   "--runtime-config)"
                 : ""));
  llvm::StringRef Text = (*Buffer)->getBuffer();
  llvm::Expected<toml::table> Root =
      parseRuntimeConfig(Text, Path, "invalid TOML");
  if (!Root)
    return Root.takeError();

  EnvInput Out;
  std::map<std::string, const toml::table *> Base, Overlay;
  if (llvm::Error Err =
          collectProfileTables(Root->get("profiles"), "profiles", Path, Base))
    return std::move(Err);
  std::string OverlayKey = ("environments." + Environment + ".profiles").str();
  const toml::table *Environments = (*Root)["environments"].as_table();
  if (Environments)
    for (const auto &[Name, Node] : *Environments) {
      Out.Environments.push_back(std::string(Name.str()));
      if (Name.str() ==
              std::string_view(Environment.data(), Environment.size()) &&
          Node.is_table())
        if (llvm::Error Err = collectProfileTables(
                Node.as_table()->get("profiles"), OverlayKey, Path, Overlay))
          return std::move(Err);
    }
  llvm::sort(Out.Environments);

  for (const auto &[Name, Table] : Base)
    warnAboutSecrets(*Table, Path, "profiles." + Name, Name, Out.Warnings);
  // Overlays ship in the same file: a password there is as exposed.
  if (Environments)
    for (const auto &[Environment, Node] : *Environments)
      if (const toml::table *Profiles =
              Node.is_table() ? (*Node.as_table())["profiles"].as_table()
                              : nullptr)
        for (const auto &[Key, Profile] : *Profiles)
          if (const toml::table *Table = Profile.as_table())
            warnAboutSecrets(
                *Table, Path,
                "environments." + std::string(Environment.str()) +
                    ".profiles." + std::string(Key.str()),
                llvm::StringRef(Key.str().data(), Key.str().size()),
                Out.Warnings);

  if (llvm::Error Err = checkAsTheRuntimeReadsIt(Path))
    return std::move(Err);

  std::map<std::string, const toml::table *> All = Base;
  All.insert(Overlay.begin(), Overlay.end());
  for (const auto &Entry : All) {
    const std::string &Name = Entry.first;
    llvm::Expected<Profile> Resolved =
        resolveAsTheRuntime(Path, Name, Environment);
    if (!Resolved)
      return Resolved.takeError();
    EnvProfile P;
    P.Name = Name;
    if (Overlay.count(Name))
      P.Tables.push_back(OverlayKey + "." + Name);
    if (Base.count(Name))
      P.Tables.push_back("profiles." + Name);
    readAddress(*Resolved, Text, P);
    std::vector<const toml::table *> Tables;
    for (const auto *Tier : {&Overlay, &Base})
      if (auto It = Tier->find(Name); It != Tier->end())
        Tables.push_back(It->second);
    readFileKeys(Tables, P);
    readSettings(*Resolved, P);
    P.CodeHadPassword =
        fixMovedCredential(Text, profileVariable(Name, "PASSWORD"));
    P.CodeHadUser = fixMovedCredential(Text, profileVariable(Name, "USERNAME"));
    Out.Profiles.push_back(std::move(P));
  }
  llvm::sort(Out.Profiles, byName);
  return Out;
}

llvm::Error checkKubernetesName(llvm::StringRef Name) {
  auto Bad = [&](llvm::StringRef Why) {
    return error("--name '" + Name +
                 "' is not a valid Kubernetes object name: " + Why);
  };
  if (Name.empty())
    return Bad("it is empty");
  if (Name.size() > 253)
    return Bad("it is longer than 253 characters");
  llvm::SmallVector<llvm::StringRef, 4> Labels;
  Name.split(Labels, '.');
  for (llvm::StringRef Label : Labels) {
    if (Label.empty())
      return Bad("it has an empty part between dots");
    if (!llvm::all_of(Label, [](char C) {
          return llvm::isDigit(C) || (C >= 'a' && C <= 'z') || C == '-';
        }))
      return Bad("use only lower-case letters, digits, '-' and '.'");
    if (Label.front() == '-' || Label.back() == '-')
      return Bad("each part must start and end with a letter or digit");
  }
  return llvm::Error::success();
}

std::string endpointVariable(const EnvProfile &P) {
  return profileVariable(P.Name,
                         isNodeList(P.Address) ? "CLUSTER_NODES" : "URL");
}

std::string endpointValue(const EnvProfile &P) {
  llvm::StringRef Address = P.Address;
  if (Address.empty())
    return {};
  if (isNodeList(Address))
    return Address.split("://").second.str();
  // The db spelled out, so the operator sees where to change it.
  if (!startsWith(Address, "unix:") && splitUri(Address).Db.empty())
    return (Address + "/0").str();
  return Address.str();
}

std::vector<std::pair<std::string, std::string>>
settingVariables(const EnvProfile &P) {
  std::vector<std::pair<std::string, std::string>> Out;
  auto Add = [&](const std::pair<std::string, std::string> &Setting) {
    Out.emplace_back(profileVariable(P.Name, Setting.first), Setting.second);
  };
  auto UrlFile = llvm::find_if(
      P.Files, [](const auto &F) { return F.first == "URL_FILE"; });
  if (UrlFile != P.Files.end())
    Add(*UrlFile);
  else
    Out.emplace_back(endpointVariable(P), endpointValue(P));
  llvm::for_each(P.Settings, Add);
  for (const auto &File : P.Files)
    if (File.first != "URL_FILE")
      Add(File);
  return Out;
}

std::vector<std::string> secretVariables(const EnvProfile &P) {
  auto Has = [](const auto &List, llvm::StringRef Part) {
    return llvm::any_of(List, [&](const auto &E) { return E.first == Part; });
  };
  std::vector<std::string> Out;
  // A user the file gives travels in the URL (?username=) or its own
  // setting, which win over the variable.
  if (P.CodeHadUser && splitUri(P.Address).User.empty() &&
      !Has(P.Settings, "USERNAME"))
    Out.push_back(profileVariable(P.Name, "USERNAME"));
  if (!Has(P.Files, "PASSWORD_FILE"))
    Out.push_back(profileVariable(P.Name, "PASSWORD"));
  return Out;
}

namespace {

/// A dotenv value that both `set -a; . FILE` and compose's env_file read as
/// written: bare when it holds nothing a shell would expand or split.
std::string dotenvValue(llvm::StringRef Text) {
  if (llvm::all_of(Text, [](char C) {
        return llvm::isAlnum(C) || llvm::StringRef("_./:@%+,=-").contains(C);
      }))
    return Text.str();
  std::string Out = "'";
  for (char C : Text)
    Out += C == '\'' ? std::string("'\\''") : std::string(1, C);
  return Out + "'";
}

/// Where the profile's endpoint came from, for the comment above it (made
/// safe for one: the source path is the user's).
std::string endpointNote(const EnvProfile &P, llvm::StringRef Source) {
  std::string Tables =
      P.Tables.empty() ? "profiles." + P.Name : llvm::join(P.Tables, " over ");
  std::string Note;
  if (readsUrlFromFile(P))
    return commentText(fmt::format(
        "{} reads its URL from the file url_file names where the service "
        "runs, which rehost does not read",
        Tables));
  switch (P.AddressFrom) {
  case EnvProfile::Origin::None:
    Note = fmt::format("{} does not say its endpoint: set {}", Source.str(),
                       endpointVariable(P));
    break;
  case EnvProfile::Origin::Keys:
    Note = fmt::format("from the keys of {} in {}", Tables, Source.str());
    break;
  case EnvProfile::Origin::CallSite:
    Note = fmt::format("from the call_site of {} in {}", Tables, Source.str());
    break;
  case EnvProfile::Origin::Comment:
    Note = fmt::format("from the comment above profiles.{} in {}", P.Name,
                       Source.str());
    break;
  }
  return commentText(Note);
}

/// The header's lines that say where the URLs come from: the overlay they
/// follow.
std::string environmentNote(const EnvOptions &O) {
  if (O.Environment.empty())
    return fmt::format(
        "# Each URL is what the runtime resolves from the base profiles of\n"
        "# {}, no [environments.NAME] overlay (--environment NAME follows\n"
        "# one): edit it to where the service runs.\n",
        commentText(O.Source));
  return fmt::format(
      "# Each URL is what the runtime resolves from {} with its\n"
      "# [environments.{}] overlay, if any, when no variable is set\n"
      "# (--environment NAME follows another): edit it to where the service\n"
      "# runs.\n",
      commentText(O.Source), commentText(O.Environment));
}

std::string secretNote(const EnvProfile &P, llvm::StringRef Variable) {
  if (endsWith(Variable, "_USERNAME"))
    return "required: rehost fix moved the code's ACL user name out of it";
  if (P.CodeHadPassword)
    return "required: rehost fix moved the code's password out of it";
  return "the code sent none; fill in if the server needs one";
}

void renderDotenv(llvm::ArrayRef<EnvProfile> Profiles, const EnvOptions &O,
                  std::string &Out) {
  Out += fmt::format(
      "# Generated by `rehost env` from {}: the variables the rehost runtime\n"
      "# reads for each profile. An empty value counts as unset.\n"
      "# No password is written here. Fill one in only in the copy you "
      "deploy\n"
      "# (never commit it), or replace NAME= with NAME_FILE=/path/to/file, a\n"
      "# file that holds it (not both).\n",
      commentText(O.Source));
  Out += environmentNote(O);
  for (const EnvProfile &P : Profiles) {
    Out +=
        fmt::format("\n# Profile {}: {}.\n", P.Name, endpointNote(P, O.Source));
    for (const auto &[Variable, Value] : settingVariables(P))
      Out += Variable + "=" + dotenvValue(Value) + "\n";
    for (const std::string &Variable : secretVariables(P))
      Out += fmt::format("# {}: {}.\n{}=\n", Variable, secretNote(P, Variable),
                         Variable);
  }
}

void renderKubernetes(llvm::ArrayRef<EnvProfile> Profiles, const EnvOptions &O,
                      std::string &Out) {
  Out += fmt::format(
      "# Generated by `rehost env --format k8s` from {0}: the variables the\n"
      "# rehost runtime reads for each profile. Give both objects to the\n"
      "# service's containers:\n"
      "#\n"
      "#   containers:\n"
      "#     - name: app\n"
      "#       envFrom:\n"
      "#         - configMapRef:\n"
      "#             name: {1}\n"
      "#         - secretRef:\n"
      "#             name: {1}\n"
      "#\n"
      "# The Secret is a STUB: it holds no password. Fill in its values "
      "before\n"
      "# applying it, or create it from your secret store instead\n"
      "# (kubectl create secret generic {1} --from-literal=NAME=...). An "
      "empty\n"
      "# value counts as unset. To read a password from a file (rotated "
      "without\n"
      "# a restart), mount the Secret as a volume and set NAME_FILE to the\n"
      "# mounted key's path in the ConfigMap instead.\n",
      commentText(O.Source), O.Name);
  Out += environmentNote(O);
  Out += fmt::format("apiVersion: v1\n"
                     "kind: ConfigMap\n"
                     "metadata:\n"
                     "  name: {}\n"
                     "data:\n",
                     O.Name);
  for (const EnvProfile &P : Profiles) {
    Out +=
        fmt::format("  # Profile {}: {}.\n", P.Name, endpointNote(P, O.Source));
    for (const auto &[Variable, Value] : settingVariables(P))
      Out += fmt::format("  {}: {}\n", Variable, doubleQuoted(Value));
  }
  Out += fmt::format("---\n"
                     "# STUB: fill in the values before applying; never commit "
                     "them.\n"
                     "apiVersion: v1\n"
                     "kind: Secret\n"
                     "metadata:\n"
                     "  name: {}\n"
                     "type: Opaque\n"
                     "stringData:\n",
                     O.Name);
  for (const EnvProfile &P : Profiles)
    for (const std::string &Variable : secretVariables(P))
      Out += fmt::format("  # Profile {}: {}.\n  {}: \"\"\n", P.Name,
                         secretNote(P, Variable), Variable);
}

void renderCompose(llvm::ArrayRef<EnvProfile> Profiles, const EnvOptions &O,
                   std::string &Out) {
  Out += fmt::format(
      "# Generated by `rehost env --format compose` from {}: the variables "
      "the\n"
      "# rehost runtime reads for each profile. Merge the environment block "
      "into\n"
      "# your service's (this one is named {} by --name). Passwords are never\n"
      "# written here: compose takes them from the shell or the .env file "
      "beside\n"
      "# compose.yaml (${{NAME}}); a required one stops `docker compose up`\n"
      "# until it is set.\n",
      commentText(O.Source), O.Name);
  Out += environmentNote(O);
  Out += fmt::format("services:\n"
                     "  {}:\n"
                     "    environment:\n",
                     O.Name);
  for (const EnvProfile &P : Profiles) {
    Out += fmt::format("      # Profile {}: {}.\n", P.Name,
                       endpointNote(P, O.Source));
    for (const auto &[Variable, Value] : settingVariables(P)) {
      // A literal '$' would start an interpolation.
      std::string Escaped;
      for (char C : Value)
        Escaped += C == '$' ? std::string("$$") : std::string(1, C);
      Out += fmt::format("      {}: {}\n", Variable, doubleQuoted(Escaped));
    }
    for (const std::string &Variable : secretVariables(P)) {
      bool Required = P.CodeHadPassword || endsWith(Variable, "_USERNAME");
      Out += fmt::format("      # {}: {}.\n      {}: \"${{{}{}}}\"\n", Variable,
                         secretNote(P, Variable), Variable, Variable,
                         Required ? ":?set " + Variable : std::string(":-"));
    }
  }
}

} // namespace

std::string renderEnv(llvm::ArrayRef<EnvProfile> Profiles,
                      const EnvOptions &Options) {
  std::string Out;
  switch (Options.Format) {
  case EnvFormat::Dotenv:
    renderDotenv(Profiles, Options, Out);
    break;
  case EnvFormat::Kubernetes:
    renderKubernetes(Profiles, Options, Out);
    break;
  case EnvFormat::Compose:
    renderCompose(Profiles, Options, Out);
    break;
  }
  return Out;
}

} // namespace rehost
