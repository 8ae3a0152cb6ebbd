//===- RuntimeConfigWriter.cpp - Writes the runtime's rehost.toml ---------===//

#include "rehost/RuntimeConfigWriter.h"

#include "rehost/FileIO.h"

#include "rehost/LLVMCompat.h"
#include "rehost/Project.h"
#include "rehost/Uri.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <optional>

#include <toml++/toml.h>

namespace rehost {
namespace {

llvm::Error error(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Message);
}

bool isProfileName(llvm::StringRef Name) {
  return !Name.empty() && llvm::all_of(Name, [](char C) {
    return llvm::isAlnum(C) || C == '_' || C == '-';
  });
}

/// A TOML basic string: quotes, backslashes and control characters escaped.
std::string tomlString(llvm::StringRef Text) {
  std::string Out = "\"";
  for (char C : Text) {
    unsigned char U = static_cast<unsigned char>(C);
    if (C == '"' || C == '\\') {
      Out += '\\';
      Out += C;
    } else if (U < 0x20 || U == 0x7f) {
      Out += "\\u00";
      Out += llvm::hexdigit(U >> 4, /*LowerCase=*/false);
      Out += llvm::hexdigit(U & 0xf, /*LowerCase=*/false);
    } else {
      Out += C;
    }
  }
  return Out + "\"";
}

/// \p Text made safe for a comment: a line break would end the comment and
/// start a key.
std::string commentText(llvm::StringRef Text) {
  std::string Out;
  for (char C : Text) {
    unsigned char U = static_cast<unsigned char>(C);
    Out += U < 0x20 || U == 0x7f ? '?' : C;
  }
  return Out;
}

/// "REDIS_QUEUE_" for "queue", "REDIS_" for "default".
std::string variablePrefix(llvm::StringRef Profile) {
  for (const std::string &Variable : profileVariables(Profile))
    if (endsWith(Variable, "_URL"))
      return Variable.substr(0, Variable.size() - 3);
  return "REDIS_";
}

/// The endpoint of \p Address (Endpoint::address()) as keys the runtime
/// reads; see docs/runtime.md, "The config file rehost.toml".
std::vector<std::string> endpointKeys(llvm::StringRef Address) {
  std::vector<std::string> Keys;
  if (startsWith(Address, "unix://")) {
    Keys.push_back("socket = " + tomlString(Address.drop_front(7)));
    return Keys;
  }
  llvm::StringRef Rest = Address.split("://").second;
  if (Rest.contains(',')) {
    std::vector<std::string> Nodes;
    for (llvm::StringRef Node : splitNodes(Rest))
      Nodes.push_back(tomlString(Node));
    Keys.push_back("cluster_nodes = [" + llvm::join(Nodes, ", ") + "]");
    return Keys;
  }
  UriParts Parts = splitUri(Address);
  if (Parts.Host.empty())
    return Keys;
  Keys.push_back("host = " + tomlString(Parts.Host));
  unsigned Number = 0;
  if (!Parts.Port.empty())
    Keys.push_back("port = " + (Parts.Port.getAsInteger(10, Number)
                                    ? tomlString(Parts.Port)
                                    : std::to_string(Number)));
  if (!Parts.Db.empty())
    Keys.push_back("db = " + (Parts.Db.getAsInteger(10, Number)
                                  ? tomlString(Parts.Db)
                                  : std::to_string(Number)));
  if (Parts.Scheme == "rediss")
    Keys.push_back("tls = true");
  return Keys;
}

void renderProfile(const ProfileInfo &Info, bool Strict,
                   llvm::StringRef Newline, std::string &Out) {
  auto Line = [&](const llvm::Twine &Text) {
    Out += Text.str();
    Out += Newline;
  };
  std::string Address = commentText(Info.Address);
  std::vector<std::string> Variables =
      Info.Variables.empty() ? profileVariables(Info.Name) : Info.Variables;
  std::string Prefix = variablePrefix(Info.Name);

  if (Strict)
    Line("# Profile " + Info.Name +
         ": the endpoint moved here from the code "
         "(rehost fix --strict).");
  else
    Line("# Profile " + Info.Name +
         ": fallback in code: " + (Address.empty() ? "(none)" : Address));
  Line("# Overridden by " + llvm::join(Variables, ", ") + ".");

  // Credentials never travel into this file: say where they go instead.
  UriParts Parts = splitUri(Info.Endpoint);
  if (Parts.HasPassword)
    Line("# The code sent a password; it is not copied here: set " + Prefix +
         "PASSWORD or " + Prefix + "PASSWORD_FILE where the service runs.");
  if (!Parts.User.empty())
    Line("# The code sent an ACL user name: set " + Prefix + "USERNAME.");

  Line("[profiles." + Info.Name + "]");
  if (Strict) {
    for (const std::string &Key : endpointKeys(Info.Address))
      Line(Key);
    return;
  }
  if (!Info.Address.empty())
    Line("# url = " + commentText(tomlString(Info.Address)));
}

constexpr llvm::StringLiteral NewFileHeader =
    "# rehost.toml: connection profiles for the rehost runtime (REHOST_CONFIG "
    "may\n"
    "# name another file). Each setting comes from the environment first, "
    "then\n"
    "# from this file, then from the call site's fallback. `rehost fix` only\n"
    "# appends missing profiles: edit freely. The tool's own settings live "
    "in\n"
    "# .rehost.toml, a different file.\n";

std::string positionOf(const toml::parse_error &Error) {
  return ":" + std::to_string(Error.source().begin.line) + ":" +
         std::to_string(Error.source().begin.column);
}

llvm::Expected<toml::table> parseRuntimeConfig(llvm::StringRef Text,
                                               llvm::StringRef Path,
                                               llvm::StringRef What) {
  try {
    return toml::parse(std::string_view(Text.data(), Text.size()),
                       std::string_view(Path.data(), Path.size()));
  } catch (const toml::parse_error &Error) {
    return error(Path + positionOf(Error) + ": " + What + ": " +
                 std::string(Error.description()));
  }
}

llvm::Error fileError(llvm::StringRef Path, llvm::StringRef Doing,
                      std::error_code EC) {
  return llvm::createStringError(EC, Path + ": cannot " + Doing + ": " +
                                         EC.message());
}

/// The text of \p Path, or None when it does not exist.
llvm::Expected<std::optional<std::string>> readIfExists(llvm::StringRef Path) {
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Buffer =
      llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                  /*RequiresNullTerminator=*/false);
  if (Buffer)
    return std::optional<std::string>((*Buffer)->getBuffer().str());
  if (Buffer.getError() == std::errc::no_such_file_or_directory)
    return std::optional<std::string>();
  return fileError(Path, "read the runtime's config file", Buffer.getError());
}

} // namespace

llvm::Expected<std::string>
renderRuntimeConfig(llvm::StringRef Existing,
                    llvm::ArrayRef<ProfileInfo> Profiles, bool Strict,
                    std::vector<std::string> &Added, llvm::StringRef Path) {
  Added.clear();
  llvm::Expected<toml::table> Root =
      parseRuntimeConfig(Existing, Path, "invalid TOML, nothing was written");
  if (!Root)
    return Root.takeError();
  const toml::node *ProfilesNode = Root->get("profiles");
  const toml::table *Present =
      ProfilesNode ? ProfilesNode->as_table() : nullptr;
  // `profiles = { ... }` cannot take another table: refuse rather than write
  // a file the runtime rejects.
  if (ProfilesNode && (!Present || Present->is_inline()))
    return error(Path + ":" + llvm::Twine(ProfilesNode->source().begin.line) +
                 ":" + llvm::Twine(ProfilesNode->source().begin.column) +
                 ": profiles: not a [profiles.NAME] table, so rehost cannot "
                 "append profiles to it; write each profile as a "
                 "[profiles.NAME] table");

  llvm::StringRef Newline = Existing.contains("\r\n") ? "\r\n" : "\n";
  std::string Out = Existing.str();
  if (Out.empty())
    Out = NewFileHeader;
  else if (!endsWith(Existing, "\n"))
    Out += Newline;

  llvm::StringSet<> Seen;
  for (const ProfileInfo &Info : Profiles) {
    if (!isProfileName(Info.Name))
      return error(Path + ": profiles." + commentText(Info.Name) +
                   ": a profile name may hold only letters, digits, '_' and "
                   "'-'");
    if (!Seen.insert(Info.Name).second ||
        (Present && Present->contains(Info.Name)))
      continue;
    Out += Newline;
    renderProfile(Info, Strict, Newline, Out);
    Added.push_back(Info.Name);
  }
  if (Added.empty())
    return Existing.str();

  // A last guard: what is written must parse (the position is in the
  // merged text).
  llvm::Expected<toml::table> Check = parseRuntimeConfig(
      Out, Path, "rehost could not merge its profiles into this file");
  if (!Check)
    return Check.takeError();
  return Out;
}

llvm::Error writeRuntimeConfig(llvm::StringRef Path,
                               llvm::ArrayRef<ProfileInfo> Profiles,
                               bool Strict, std::vector<std::string> *Added) {
  llvm::Expected<std::optional<std::string>> Existing = readIfExists(Path);
  if (!Existing)
    return Existing.takeError();
  std::vector<std::string> Names;
  llvm::Expected<std::string> Text = renderRuntimeConfig(
      Existing->value_or(""), Profiles, Strict, Names, Path);
  if (!Text)
    return Text.takeError();
  if (Added)
    *Added = Names;
  if (Names.empty())
    return llvm::Error::success();

  // Someone else may have edited the file meanwhile: their edit wins.
  llvm::Expected<std::optional<std::string>> Now = readIfExists(Path);
  if (!Now)
    return Now.takeError();
  if (*Now != *Existing)
    return error(Path + ": changed on disk while rehost merged its "
                        "profiles into it; nothing was written, run fix "
                        "again");
  return writeFileAtomically(Path, *Text);
}

namespace {

/// The endpoint a table's keys name, as Endpoint::address() spells it.
std::string addressOfKeys(const toml::table &Table) {
  if (auto Url = Table["url"].value<std::string>())
    return normaliseUri(*Url);
  if (auto Socket = Table["socket"].value<std::string>())
    return "unix://" + *Socket;
  auto Host = Table["host"].value<std::string>();
  if (!Host)
    return {};
  std::string Uri =
      "redis://" +
      (Host->find(':') != std::string::npos ? "[" + *Host + "]" : *Host) + ":" +
      std::to_string(Table["port"].value_or(6379));
  if (int64_t Db = Table["db"].value_or(int64_t(0)))
    Uri += "/" + std::to_string(Db);
  return normaliseUri(Uri);
}

/// The address in the "# Profile NAME: fallback in code: ADDRESS" comment
/// renderProfile writes above a table.
std::string addressOfComment(llvm::StringRef Text, llvm::StringRef Name) {
  std::string Marker = ("# Profile " + Name + ": fallback in code: ").str();
  size_t At = Text.find(Marker);
  if (At == llvm::StringRef::npos)
    return {};
  llvm::StringRef Address =
      Text.substr(At + Marker.size()).split('\n').first.trim();
  return Address == "(none)" ? std::string() : Address.str();
}

} // namespace

llvm::Expected<ExistingProfiles> readExistingProfiles(llvm::StringRef Path) {
  ExistingProfiles Out;
  llvm::Expected<std::optional<std::string>> Text = readIfExists(Path);
  if (!Text)
    return Text.takeError();
  if (!*Text)
    return Out;
  llvm::Expected<toml::table> Root =
      parseRuntimeConfig(**Text, Path, "invalid TOML");
  if (!Root)
    return Root.takeError();
  const toml::table *Profiles = (*Root)["profiles"].as_table();
  if (!Profiles)
    return Out;
  for (const auto &[Key, Node] : *Profiles) {
    std::string Name(Key.str());
    Out.Names.insert(Name);
    const toml::table *Table = Node.as_table();
    std::string Address = Table ? addressOfKeys(*Table) : std::string();
    if (Address.empty())
      Address = addressOfComment(**Text, Name);
    if (!Address.empty())
      Out.ByAddress.emplace(Address, Name);
  }
  return Out;
}

} // namespace rehost
