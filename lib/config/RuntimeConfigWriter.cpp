//===- RuntimeConfigWriter.cpp - Writes the runtime's rehost.toml ---------===//

#include "rehost/RuntimeConfigWriter.h"

#include "RuntimeConfigRead.h"

#include "rehost/FileIO.h"

#include "rehost/LLVMCompat.h"
#include "rehost/ProfileNames.h"
#include "rehost/TomlCheck.h"
#include "rehost/Uri.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <optional>

#include <toml++/toml.h>

#include <optional>

namespace rehost {
namespace {

llvm::Error error(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Message);
}

/// The endpoint of \p Address (Endpoint::address()) as keys the runtime
/// reads; see docs/runtime.md, "The config file rehost.toml".
std::vector<std::string> endpointKeys(llvm::StringRef Address) {
  std::vector<std::string> Keys;
  llvm::StringRef Socket = Address;
  if (Socket.consume_front("unix://")) {
    auto [Path, Db] = Socket.split("?db=");
    Keys.push_back("socket = " + doubleQuoted(Path));
    unsigned Number = 0;
    if (!Db.empty())
      Keys.push_back("db = " + (Db.getAsInteger(10, Number)
                                    ? doubleQuoted(Db)
                                    : std::to_string(Number)));
    return Keys;
  }
  // A Sentinel address is its own URL: the keys it would split into
  // (sentinel_nodes, sentinel_master, db) say no more.
  if (startsWith(Address, "redis+sentinel://")) {
    Keys.push_back("url = " + doubleQuoted(Address));
    return Keys;
  }
  llvm::StringRef Rest = Address.split("://").second;
  if (Rest.contains(',')) {
    std::vector<std::string> Nodes;
    for (llvm::StringRef Node : splitNodes(Rest))
      Nodes.push_back(doubleQuoted(Node));
    Keys.push_back("cluster_nodes = [" + llvm::join(Nodes, ", ") + "]");
    return Keys;
  }
  UriParts Parts = splitUri(Address);
  if (Parts.Host.empty())
    return Keys;
  Keys.push_back("host = " + doubleQuoted(Parts.Host));
  unsigned Number = 0;
  if (!Parts.Port.empty())
    Keys.push_back("port = " + (Parts.Port.getAsInteger(10, Number)
                                    ? doubleQuoted(Parts.Port)
                                    : std::to_string(Number)));
  if (!Parts.Db.empty())
    Keys.push_back("db = " + (Parts.Db.getAsInteger(10, Number)
                                  ? doubleQuoted(Parts.Db)
                                  : std::to_string(Number)));
  if (Parts.Tls)
    Keys.push_back("tls = true");
  return Keys;
}

/// "password" for REDIS_QUEUE_PASSWORD, "ACL user name" for …_USERNAME.
llvm::StringRef credentialName(llvm::StringRef Variable) {
  return Variable.take_back(8) == "USERNAME" ? "ACL user name" : "password";
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

  if (Strict)
    Line("# Profile " + Info.Name +
         ": the endpoint moved here from the code "
         "(rehost fix --strict).");
  else
    Line("# Profile " + Info.Name +
         ": fallback in code: " + (Address.empty() ? "(none)" : Address));
  Line("# Overridden by " + llvm::join(Variables, ", ") + ".");

  // Credentials never travel into this file: say where they go instead.
  for (const std::string &Variable : Info.MustSet)
    Line("# The code's " + credentialName(Variable) +
         " left it and is not copied here: set " + Variable + " (or " +
         profileVariable(Info.Name, "URL") + ") where the service runs.");

  Line("[profiles." + Info.Name + "]");
  if (Strict) {
    for (const std::string &Key : endpointKeys(Info.Address))
      Line(Key);
    return;
  }
  // What the code falls back to when nothing here or in the environment
  // sets the endpoint: rehost-doctor shows it, the runtime never uses it.
  if (!Info.Address.empty() && Info.Address.find(',') == std::string::npos)
    Line("call_site = " + doubleQuoted(Info.Address));
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

llvm::Error fileError(llvm::StringRef Path, llvm::StringRef Doing,
                      std::error_code EC) {
  return llvm::createStringError(EC, Path + ": cannot " + Doing + ": " +
                                         EC.message());
}

/// The text of \p Path, or nothing when it does not exist.
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

std::string positionOf(const toml::parse_error &Error) {
  return ":" + std::to_string(Error.source().begin.line) + ":" +
         std::to_string(Error.source().begin.column);
}

} // namespace

namespace {

/// Calls \p Each(Bytes, CodePoint) for each UTF-8 sequence of \p Text in
/// order; CodePoint is -1 for a byte that starts no valid sequence (it is a
/// unit of its own).
template <typename Fn> void forEachCodePoint(llvm::StringRef Text, Fn Each) {
  const auto *At = reinterpret_cast<const llvm::UTF8 *>(Text.begin());
  const auto *End = reinterpret_cast<const llvm::UTF8 *>(Text.end());
  while (At < End) {
    const llvm::UTF8 *Start = At;
    llvm::UTF32 CodePoint = 0;
    if (llvm::convertUTF8Sequence(&At, End, &CodePoint,
                                  llvm::strictConversion) !=
        llvm::conversionOK) {
      At = Start + 1;
      Each(llvm::StringRef(reinterpret_cast<const char *>(Start), 1), -1);
      continue;
    }
    Each(llvm::StringRef(reinterpret_cast<const char *>(Start), At - Start),
         static_cast<int>(CodePoint));
  }
}

/// Whether YAML and TOML hold \p CodePoint as written, in a quoted string
/// and in a comment: not a control character (C0, DEL, C1), not one of the
/// line breaks YAML 1.1 parsers also end a line at (U+0085, U+2028, U+2029),
/// not a byte-order mark or noncharacter.
bool writtenAsIs(int CodePoint) {
  if (CodePoint < 0x20 || (CodePoint >= 0x7f && CodePoint <= 0x9f))
    return false;
  return CodePoint != 0x2028 && CodePoint != 0x2029 && CodePoint != 0xfeff &&
         CodePoint != 0xfffe && CodePoint != 0xffff;
}

} // namespace

std::string doubleQuoted(llvm::StringRef Text) {
  std::string Out = "\"";
  forEachCodePoint(Text, [&](llvm::StringRef Bytes, int CodePoint) {
    if (CodePoint == '"' || CodePoint == '\\') {
      Out += '\\';
      Out += Bytes;
    } else if (CodePoint >= 0 && !writtenAsIs(CodePoint)) {
      Out += "\\u";
      for (int Shift = 12; Shift >= 0; Shift -= 4)
        Out += llvm::hexdigit((CodePoint >> Shift) & 0xf, /*LowerCase=*/false);
    } else {
      Out += Bytes;
    }
  });
  return Out + "\"";
}

std::string commentText(llvm::StringRef Text) {
  std::string Out;
  forEachCodePoint(Text, [&](llvm::StringRef Bytes, int CodePoint) {
    Out += CodePoint >= 0 && writtenAsIs(CodePoint) ? Bytes.str() : "?";
  });
  return Out;
}

llvm::Expected<toml::table> parseRuntimeConfig(llvm::StringRef Text,
                                               llvm::StringRef Path,
                                               llvm::StringRef What) {
  if (llvm::Error Err = checkTomlText(Text, Path))
    return std::move(Err);
  try {
    return toml::parse(std::string_view(Text.data(), Text.size()),
                       std::string_view(Path.data(), Path.size()));
  } catch (const toml::parse_error &Error) {
    return error(Path + positionOf(Error) + ": " + What + ": " +
                 std::string(Error.description()));
  }
}

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

llvm::Expected<RuntimeConfigUpdate>
prepareRuntimeConfig(llvm::StringRef Path, llvm::ArrayRef<ProfileInfo> Profiles,
                     bool Strict) {
  RuntimeConfigUpdate Update;
  Update.Path = Path.str();
  llvm::Expected<std::optional<std::string>> Existing = readIfExists(Path);
  if (!Existing)
    return Existing.takeError();
  Update.Existing = std::move(*Existing);
  llvm::Expected<std::string> Text = renderRuntimeConfig(
      Update.Existing.value_or(""), Profiles, Strict, Update.Added, Path);
  if (!Text)
    return Text.takeError();
  Update.Text = std::move(*Text);
  return Update;
}

llvm::Error commitRuntimeConfig(const RuntimeConfigUpdate &Update) {
  if (Update.Added.empty())
    return llvm::Error::success();
  // Someone else may have edited the file meanwhile: their edit wins.
  llvm::Expected<std::optional<std::string>> Now = readIfExists(Update.Path);
  if (!Now)
    return Now.takeError();
  if (*Now != Update.Existing)
    return error(Update.Path + ": changed on disk while rehost merged its "
                               "profiles into it; nothing was written, run "
                               "fix again");
  return writeFileAtomically(Update.Path, Update.Text);
}

llvm::Error undoRuntimeConfig(const RuntimeConfigUpdate &Update) {
  if (Update.Added.empty())
    return llvm::Error::success();
  if (Update.Existing)
    return writeFileAtomically(Update.Path, *Update.Existing);
  if (std::error_code EC = llvm::sys::fs::remove(Update.Path))
    return fileError(Update.Path, "remove it", EC);
  return llvm::Error::success();
}

llvm::Error writeRuntimeConfig(llvm::StringRef Path,
                               llvm::ArrayRef<ProfileInfo> Profiles,
                               bool Strict, std::vector<std::string> *Added) {
  llvm::Expected<RuntimeConfigUpdate> Update =
      prepareRuntimeConfig(Path, Profiles, Strict);
  if (!Update)
    return Update.takeError();
  if (Added)
    *Added = Update->Added;
  return commitRuntimeConfig(*Update);
}

/// The endpoint a table's keys name, as Endpoint::address() spells it.
std::string addressOfKeys(const toml::table &Table) {
  if (auto Url = Table["url"].value<std::string>())
    return normaliseUri(*Url);
  if (auto Socket = Table["socket"].value<std::string>()) {
    std::string Db =
        normaliseDb(std::to_string(Table["db"].value_or(int64_t(0))));
    return "unix://" + *Socket + (Db.empty() ? "" : "?db=" + Db);
  }
  auto Host = Table["host"].value<std::string>();
  if (!Host)
    return {};
  std::string Uri =
      (Table["tls"].value_or(false) ? "rediss://" : "redis://") +
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
  if (Address == "(none)")
    return {};
  // Written by an older rehost, the address may predate today's
  // normalisation (loopback aliases, TLS schemes): spell it as today.
  std::string Normalised = Address.contains(',') ? "" : normaliseUri(Address);
  return Normalised.empty() ? Address.str() : Normalised;
}

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
