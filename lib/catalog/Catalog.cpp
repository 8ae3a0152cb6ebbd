//===- Catalog.cpp - The client APIs rehost understands, as data ----------===//

#include "rehost/Catalog.h"

#include "rehost/LLVMCompat.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"

namespace rehost {
namespace {

using R = ArgRole;
using K = ApiKind;

// hiredict (a hiredis 1.x fork, in Debian) declares its API as redict… in
// hiredict/*.h; its shims' hiredis/*.h map the hiredis names onto it.
const llvm::StringRef HiredisHeaders[] = {
    "hiredis/hiredis.h", "hiredis/async.h",     "hiredis.h",
    "async.h",           "hiredict/hiredict.h", "hiredict/async.h"};
const LibraryFork HiredisForks[] = {{"redis", "redict"}};
const LibraryFamily Hiredis{"hiredis",
                            Language::C,
                            HiredisHeaders,
                            "rehost/rehost.h",
                            /*UriOptionsAccessor=*/{},
                            HiredisForks};

// hiredis-cluster installs hiredis_cluster/hircluster.h, hiredis-vip
// hiredis-vip/hircluster.h; both declare the same API.
const llvm::StringRef HiredisClusterHeaders[] = {"hircluster.h"};
const LibraryFamily HiredisCluster{"hiredis-cluster", Language::C,
                                   HiredisClusterHeaders, "rehost/cluster.h"};

const llvm::StringRef RedisPlusPlusHeaders[] = {
    "sw/redis++/redis++.h", "sw/redis++/connection.h", "sw/redis++/redis.h",
    "sw/redis++/redis_cluster.h", "sw/redis++/sentinel.h"};
// redis-plus-plus's URI parser splits at the first '@' and ':' and decodes
// nothing, so a URI is handed over as the ConnectionOptions it means.
const LibraryFamily RedisPlusPlus{
    "redis-plus-plus", Language::Cxx, RedisPlusPlusHeaders, "rehost/rehost.hpp",
    "rehost::options<sw::redis::ConnectionOptions>"};

const llvm::StringRef CppRedisHeaders[] = {"cpp_redis/core/client.hpp",
                                           "cpp_redis/core/subscriber.hpp"};
const LibraryFamily CppRedis{"cpp_redis", Language::Cxx, CppRedisHeaders,
                             "rehost/rehost.hpp"};

// libvalkey (valkey-io/libvalkey), hiredis's fork for Valkey: the same API
// spelt valkey…, standalone and cluster in one library.
const llvm::StringRef LibvalkeyHeaders[] = {"valkey/valkey.h", "valkey/async.h",
                                            "valkey/cluster.h"};
const LibraryFamily Libvalkey{"libvalkey", Language::C, LibvalkeyHeaders,
                              "rehost/valkey.h"};

const LibraryFamily *const Families[] = {&Hiredis, &HiredisCluster,
                                         &RedisPlusPlus, &CppRedis, &Libvalkey};

const ArgRole HostPort[] = {R::Host, R::Port};
const ArgRole HostPortOther[] = {R::Host, R::Port, R::Other};
const ArgRole Sentinel[] = {R::SentinelHost, R::SentinelPort};
const ArgRole Path[] = {R::UnixPath};
const ArgRole PathOther[] = {R::UnixPath, R::Other};
const ArgRole ContextOnly[] = {R::Connection};
const ArgRole ContextCommand[] = {R::Connection, R::Command};
const ArgRole AsyncContextCommand[] = {R::Connection, R::Other, R::Other,
                                       R::Command};
const ArgRole ContextArgv[] = {R::Connection, R::CommandArgv};
const ArgRole AsyncContextArgv[] = {R::Connection, R::Other, R::Other,
                                    R::CommandArgv};
const ArgRole NodesOther[] = {R::Nodes, R::Other};
const ArgRole NodesOtherOther[] = {R::Nodes, R::Other, R::Other};
const ArgRole ContextNodes[] = {R::Connection, R::Nodes};
const ArgRole ContextNode[] = {R::Connection, R::Node};
const ArgRole ContextPassword[] = {R::Connection, R::Password};
const ArgRole ContextUser[] = {R::Connection, R::User};
const ArgRole Uri[] = {R::Uri};
const ArgRole Host[] = {R::Host};
const ArgRole Port[] = {R::Port};
const ArgRole Db[] = {R::Db};
const ArgRole User[] = {R::User};
const ArgRole Password[] = {R::Password};
const ArgRole NodeList[] = {R::NodeList};
const ArgRole Nodes[] = {R::Nodes};

constexpr llvm::StringLiteral SentinelOptionsByHand =
    "a Sentinel's options hold the sentinels and their own credentials, which "
    "no rehost accessor hands to redis-plus-plus yet; move them to "
    "configuration by hand (the runtime reads REDIS_<PROFILE>_SENTINEL_NODES, "
    "_SENTINEL_USERNAME and _SENTINEL_PASSWORD)";

constexpr llvm::StringLiteral ValkeyClusterAuthByHand =
    "libvalkey's cluster client authenticates every node with the password "
    "of its valkeyClusterOptions, which the rewritten "
    "valkeyClusterConnectWithOptions takes from the profile; remove this AUTH "
    "and set options.password (or the profile's) instead";

const CatalogEntry Entries[] = {
    // hiredis, synchronous and non-blocking contexts.
    {K::Function, "redisConnect", &Hiredis, HostPort, "rehost_redisConnect"},
    {K::Function, "redisConnectWithTimeout", &Hiredis, HostPortOther,
     "rehost_redisConnectWithTimeout"},
    {K::Function, "redisConnectNonBlock", &Hiredis, HostPort,
     "rehost_redisConnectNonBlock"},
    {K::Function, "redisConnectBindNonBlock", &Hiredis, HostPortOther,
     "rehost_redisConnectBindNonBlock"},
    {K::Function, "redisConnectBindNonBlockWithReuse", &Hiredis, HostPortOther,
     "rehost_redisConnectBindNonBlockWithReuse"},
    {K::Function, "redisConnectUnix", &Hiredis, Path,
     "rehost_redisConnectUnix"},
    {K::Function, "redisConnectUnixWithTimeout", &Hiredis, PathOther,
     "rehost_redisConnectUnixWithTimeout"},
    {K::Function, "redisConnectUnixNonBlock", &Hiredis, Path,
     "rehost_redisConnectUnixNonBlock"},
    // hiredis 1.x: redisOptions as filled by REDIS_OPTIONS_SET_TCP/UNIX or
    // by hand, then passed to redis(Async)ConnectWithOptions. The endpoint
    // lives in unnamed union and struct members, hence the member paths.
    // The connect is rewritten with the fields, so that it checks the
    // profile and sends its credentials.
    {K::Field, "redisOptions::endpoint.tcp.ip", &Hiredis, Host, "", "", "",
     true},
    {K::Field, "redisOptions::endpoint.tcp.port", &Hiredis, Port, "", "", "",
     true},
    {K::Field, "redisOptions::endpoint.unix_socket", &Hiredis, Path, "", "", "",
     true},
    {K::Function, "redisConnectWithOptions", &Hiredis, ContextOnly,
     "rehost_redisConnectWithOptions", "", "rehost/hiredis_options.h"},
    {K::Function, "redisAsyncConnectWithOptions", &Hiredis, ContextOnly,
     "rehost_redisAsyncConnectWithOptions", "", "rehost/hiredis_options.h"},
    // hiredis, asynchronous contexts.
    {K::Function, "redisAsyncConnect", &Hiredis, HostPort,
     "rehost_redisAsyncConnect"},
    {K::Function, "redisAsyncConnectBind", &Hiredis, HostPortOther,
     "rehost_redisAsyncConnectBind"},
    {K::Function, "redisAsyncConnectBindWithReuse", &Hiredis, HostPortOther,
     "rehost_redisAsyncConnectBindWithReuse"},
    {K::Function, "redisAsyncConnectUnix", &Hiredis, Path,
     "rehost_redisAsyncConnectUnix"},
    // hiredis, credentials sent as a command, through a format or an argv
    // array (only AUTH, HELLO ... AUTH and MIGRATE ... AUTH are sites): an
    // AUTH becomes the profile's AUTH, sent on the same context.
    {K::Function, "redisCommand", &Hiredis, ContextCommand, "rehost_redisAuth"},
    {K::Function, "redisAppendCommand", &Hiredis, ContextCommand,
     "rehost_redisAppendAuth"},
    {K::Function, "redisAsyncCommand", &Hiredis, AsyncContextCommand,
     "rehost_redisAsyncAuth"},
    {K::Function, "redisCommandArgv", &Hiredis, ContextArgv,
     "rehost_redisAuth"},
    {K::Function, "redisAppendCommandArgv", &Hiredis, ContextArgv,
     "rehost_redisAppendAuth"},
    {K::Function, "redisAsyncCommandArgv", &Hiredis, AsyncContextArgv,
     "rehost_redisAsyncAuth"},

    // hiredis-cluster and hiredis-vip: the connects become the runtime's
    // (header-inline) helpers, which check the profile and set its
    // credentials; a context configured option by option has its
    // redisClusterConnect2 rewritten with the options.
    {K::Function, "redisClusterConnect", &HiredisCluster, NodesOther,
     "rehost_redisClusterConnect"},
    {K::Function, "redisClusterConnectWithTimeout", &HiredisCluster,
     NodesOtherOther, "rehost_redisClusterConnectWithTimeout"},
    {K::Function, "redisClusterConnectNonBlock", &HiredisCluster, NodesOther,
     "rehost_redisClusterConnectNonBlock"},
    {K::Function, "redisClusterAsyncConnect", &HiredisCluster, NodesOther, "",
     "", "", false,
     "redisClusterAsyncConnect takes no credentials and reports no "
     "configuration error; connect with redisClusterConnect2 on a context "
     "configured through redisClusterSetOptionAddNodes"},
    {K::Function, "redisClusterConnect2", &HiredisCluster, ContextOnly,
     "rehost_redisClusterConnect2"},
    {K::Function, "redisClusterSetOptionAddNodes", &HiredisCluster,
     ContextNodes, "", "", "", true},
    {K::Function, "redisClusterSetOptionAddNode", &HiredisCluster, ContextNode,
     ""},
    {K::Function, "redisClusterSetOptionPassword", &HiredisCluster,
     ContextPassword, "", "", "", true},
    {K::Function, "redisClusterSetOptionUsername", &HiredisCluster, ContextUser,
     "", "", "", true},
    {K::Function, "redisClusterCommand", &HiredisCluster, ContextCommand, ""},
    {K::Function, "redisClusterAppendCommand", &HiredisCluster, ContextCommand,
     ""},
    {K::Function, "redisClusterAsyncCommand", &HiredisCluster,
     AsyncContextCommand, ""},

    // libvalkey: hiredis's API spelt valkey…, rewritten onto the
    // header-inline helpers of rehost/valkey.h (compiled against the file's
    // own libvalkey) in the shapes of hiredis's: drop-in connects, a
    // valkeyOptions' fields with its connect, the AUTH command; a
    // valkeyClusterOptions' nodes and credentials with its connect.
    {K::Function, "valkeyConnect", &Libvalkey, HostPort,
     "rehost_valkeyConnect"},
    {K::Function, "valkeyConnectWithTimeout", &Libvalkey, HostPortOther,
     "rehost_valkeyConnectWithTimeout"},
    {K::Function, "valkeyConnectNonBlock", &Libvalkey, HostPort,
     "rehost_valkeyConnectNonBlock"},
    {K::Function, "valkeyConnectBindNonBlock", &Libvalkey, HostPortOther,
     "rehost_valkeyConnectBindNonBlock"},
    {K::Function, "valkeyConnectBindNonBlockWithReuse", &Libvalkey,
     HostPortOther, "rehost_valkeyConnectBindNonBlockWithReuse"},
    {K::Function, "valkeyConnectUnix", &Libvalkey, Path,
     "rehost_valkeyConnectUnix"},
    {K::Function, "valkeyConnectUnixWithTimeout", &Libvalkey, PathOther,
     "rehost_valkeyConnectUnixWithTimeout"},
    {K::Function, "valkeyConnectUnixNonBlock", &Libvalkey, Path,
     "rehost_valkeyConnectUnixNonBlock"},
    {K::Field, "valkeyOptions::endpoint.tcp.ip", &Libvalkey, Host, "", "", "",
     true},
    {K::Field, "valkeyOptions::endpoint.tcp.port", &Libvalkey, Port, "", "", "",
     true},
    {K::Field, "valkeyOptions::endpoint.unix_socket", &Libvalkey, Path, "", "",
     "", true},
    {K::Function, "valkeyConnectWithOptions", &Libvalkey, ContextOnly,
     "rehost_valkeyConnectWithOptions"},
    {K::Function, "valkeyAsyncConnectWithOptions", &Libvalkey, ContextOnly,
     "rehost_valkeyAsyncConnectWithOptions"},
    {K::Function, "valkeyAsyncConnect", &Libvalkey, HostPort,
     "rehost_valkeyAsyncConnect"},
    {K::Function, "valkeyAsyncConnectBind", &Libvalkey, HostPortOther,
     "rehost_valkeyAsyncConnectBind"},
    {K::Function, "valkeyAsyncConnectBindWithReuse", &Libvalkey, HostPortOther,
     "rehost_valkeyAsyncConnectBindWithReuse"},
    {K::Function, "valkeyAsyncConnectUnix", &Libvalkey, Path,
     "rehost_valkeyAsyncConnectUnix"},
    {K::Function, "valkeyCommand", &Libvalkey, ContextCommand,
     "rehost_valkeyAuth"},
    {K::Function, "valkeyAppendCommand", &Libvalkey, ContextCommand,
     "rehost_valkeyAppendAuth"},
    {K::Function, "valkeyAsyncCommand", &Libvalkey, AsyncContextCommand,
     "rehost_valkeyAsyncAuth"},
    {K::Function, "valkeyCommandArgv", &Libvalkey, ContextArgv,
     "rehost_valkeyAuth"},
    {K::Function, "valkeyAppendCommandArgv", &Libvalkey, ContextArgv,
     "rehost_valkeyAppendAuth"},
    {K::Function, "valkeyAsyncCommandArgv", &Libvalkey, AsyncContextArgv,
     "rehost_valkeyAsyncAuth"},
    {K::Function, "valkeyClusterConnect", &Libvalkey, Nodes,
     "rehost_valkeyClusterConnect"},
    {K::Function, "valkeyClusterConnectWithTimeout", &Libvalkey, NodesOther,
     "rehost_valkeyClusterConnectWithTimeout"},
    {K::Field, "valkeyClusterOptions::initial_nodes", &Libvalkey, Nodes, "", "",
     "", true},
    {K::Field, "valkeyClusterOptions::username", &Libvalkey, User, "", "", "",
     true},
    {K::Field, "valkeyClusterOptions::password", &Libvalkey, Password, "", "",
     "", true},
    {K::Function, "valkeyClusterConnectWithOptions", &Libvalkey, ContextOnly,
     "rehost_valkeyClusterConnectWithOptions"},
    {K::Function, "valkeyClusterCommand", &Libvalkey, ContextCommand, "", "",
     "", false, ValkeyClusterAuthByHand},
    {K::Function, "valkeyClusterAppendCommand", &Libvalkey, ContextCommand, "",
     "", "", false, ValkeyClusterAuthByHand},
    {K::Function, "valkeyClusterAsyncCommand", &Libvalkey, AsyncContextCommand,
     "", "", "", false, ValkeyClusterAuthByHand},

    // redis-plus-plus: URIs.
    {K::Constructor, "sw::redis::Redis", &RedisPlusPlus, Uri, ""},
    {K::Constructor, "sw::redis::RedisCluster", &RedisPlusPlus, Uri, ""},
    {K::Constructor, "sw::redis::ConnectionOptions", &RedisPlusPlus, Uri, ""},
    // redis-plus-plus: option fields. The object gets the whole profile
    // (password, db, timeouts too) once its fields are set.
    {K::Field, "sw::redis::ConnectionOptions::host", &RedisPlusPlus, Host, "",
     "rehost::configure"},
    {K::Field, "sw::redis::ConnectionOptions::port", &RedisPlusPlus, Port, "",
     "rehost::configure"},
    {K::Field, "sw::redis::ConnectionOptions::path", &RedisPlusPlus, Path, "",
     "rehost::configure"},
    {K::Field, "sw::redis::ConnectionOptions::db", &RedisPlusPlus, Db, "",
     "rehost::configure"},
    {K::Field, "sw::redis::ConnectionOptions::user", &RedisPlusPlus, User, "",
     "rehost::configure"},
    {K::Field, "sw::redis::ConnectionOptions::password", &RedisPlusPlus,
     Password, "", "rehost::configure"},
    // A Sentinel's options name the sentinels and the credentials they ask
    // for, not the master's: the profile's password must never reach them.
    {K::Field, "sw::redis::SentinelOptions::nodes", &RedisPlusPlus, NodeList,
     "", "", "", false, SentinelOptionsByHand},
    {K::Field, "sw::redis::SentinelOptions::user", &RedisPlusPlus, User, "", "",
     "", false, SentinelOptionsByHand},
    {K::Field, "sw::redis::SentinelOptions::password", &RedisPlusPlus, Password,
     "", "", "", false, SentinelOptionsByHand},

    // cpp_redis: connect's defaults (127.0.0.1:6379) count as written. The
    // runtime's helpers take the object first and also send the profile's
    // password and db.
    {K::Method, "cpp_redis::client::connect", &CppRedis, HostPort,
     "rehost::connect"},
    {K::Method, "cpp_redis::subscriber::connect", &CppRedis, HostPort,
     "rehost::connect"},
    {K::Method, "cpp_redis::client::auth", &CppRedis, Password, "rehost::auth"},
    {K::Method, "cpp_redis::client::add_sentinel", &CppRedis, Sentinel, ""},
    {K::Method, "cpp_redis::subscriber::auth", &CppRedis, Password,
     "rehost::auth"},
};

struct Accessor {
  ArgRole Role;
  llvm::StringRef C;
  llvm::StringRef Cxx;
};

const Accessor Accessors[] = {
    {R::Host, "rehost_host", "rehost::host"},
    {R::Port, "rehost_port", "rehost::port"},
    {R::UnixPath, "rehost_socket", "rehost::socket"},
    {R::Uri, "rehost_uri", "rehost::uri"},
    {R::Nodes, "rehost_cluster_nodes", "rehost::cluster_nodes"},
    {R::NodeList, "", "rehost::sentinel_nodes"},
    {R::Db, "rehost_db", "rehost::db"},
    {R::User, "rehost_username", "rehost::username"},
    {R::Password, "rehost_password", "rehost::password"},
};

} // namespace

llvm::SmallVector<llvm::StringRef, 2> CatalogEntry::replacements() const {
  if (!RuntimeCall.empty())
    return {RuntimeCall};
  llvm::SmallVector<llvm::StringRef, 2> Out;
  for (ArgRole Role : Args)
    if (llvm::StringRef Accessor = familyAccessor(Role, *Family);
        !Accessor.empty())
      Out.push_back(Accessor);
  if (!OptionsCall.empty())
    Out.push_back(OptionsCall);
  return Out;
}

std::optional<unsigned> CatalogEntry::argumentOf(ArgRole Role) const {
  const auto *It = llvm::find(Args, Role);
  if (It == Args.end())
    return std::nullopt;
  return static_cast<unsigned>(It - Args.begin());
}

std::optional<unsigned> CatalogEntry::commandArgument() const {
  if (std::optional<unsigned> Format = argumentOf(ArgRole::Command))
    return Format;
  return argumentOf(ArgRole::CommandArgv);
}

llvm::StringRef CatalogEntry::runtimeHeader() const {
  return Header.empty() ? Family->RuntimeHeader : Header;
}

bool CatalogEntry::connectsConfigured() const {
  return Args.size() == 1 && Args[0] == ArgRole::Connection &&
         !RuntimeCall.empty();
}

bool CatalogEntry::sendsCredential() const {
  return llvm::any_of(Args, [](ArgRole Role) {
    return Role == ArgRole::Password || Role == ArgRole::User ||
           Role == ArgRole::Command || Role == ArgRole::CommandArgv;
  });
}

llvm::StringRef declarationName(const CatalogEntry &Entry) {
  if (Entry.Kind != ApiKind::Field)
    return Entry.Name;
  llvm::StringRef Path = Entry.Name.rsplit("::").second;
  if (Path.contains('.'))
    return Path.rsplit('.').second;
  // A C struct's field: by its own name, since a `typedef struct {...}
  // valkeyClusterOptions` has no qualified name to match.
  return Entry.Family->Lang == Language::C ? Path : Entry.Name;
}

llvm::SmallVector<std::string, 2> declarationNames(const CatalogEntry &Entry) {
  llvm::StringRef Name = declarationName(Entry);
  llvm::SmallVector<std::string, 2> Names{Name.str()};
  for (const LibraryFork &Fork : Entry.Family->Forks)
    if (startsWith(Name, Fork.Prefix))
      Names.push_back(
          (Fork.ForkPrefix + Name.substr(Fork.Prefix.size())).str());
  return Names;
}

std::string catalogName(llvm::StringRef Name) {
  for (const LibraryFamily *Family : Families)
    for (const LibraryFork &Fork : Family->Forks)
      if (startsWith(Name, Fork.ForkPrefix))
        return (Fork.Prefix + Name.substr(Fork.ForkPrefix.size())).str();
  return Name.str();
}

llvm::ArrayRef<CatalogEntry> catalog() { return Entries; }

const CatalogEntry *findEntry(ApiKind Kind, llvm::StringRef Name) {
  const auto *It = llvm::find_if(Entries, [&](const CatalogEntry &Entry) {
    return Entry.Kind == Kind && Entry.Name == Name;
  });
  return It == std::end(Entries) ? nullptr : It;
}

llvm::StringRef runtimeAccessor(ArgRole Role, Language Lang) {
  const auto *It = llvm::find_if(
      Accessors, [&](const Accessor &A) { return A.Role == Role; });
  if (It == std::end(Accessors))
    return {};
  return Lang == Language::C ? It->C : It->Cxx;
}

llvm::StringRef familyAccessor(ArgRole Role, const LibraryFamily &Family) {
  if (Role == ArgRole::Uri && !Family.UriOptionsAccessor.empty())
    return Family.UriOptionsAccessor;
  return runtimeAccessor(Role, Family.Lang);
}

bool isFamilyHeader(const LibraryFamily &Family, llvm::StringRef Path) {
  llvm::SmallString<256> Native(Path);
  llvm::sys::path::native(Native, llvm::sys::path::Style::posix);
  llvm::StringRef P = Native;
  return llvm::any_of(Family.Headers, [&](llvm::StringRef Suffix) {
    if (!endsWith(P, Suffix))
      return false;
    return P.size() == Suffix.size() || P[P.size() - Suffix.size() - 1] == '/';
  });
}

bool isPooledConnect(llvm::StringRef Api) {
  static constexpr llvm::StringLiteral Connects[] = {
      "redisConnect", "redisConnectWithTimeout", "redisConnectUnix",
      "redisConnectUnixWithTimeout"};
  return llvm::is_contained(Connects, Api);
}

bool usesContextForCommands(llvm::StringRef Function) {
  static constexpr llvm::StringLiteral Commands[] = {
      "redisCommand",
      "redisvCommand",
      "redisCommandArgv",
      "redisAppendCommand",
      "redisvAppendCommand",
      "redisAppendCommandArgv",
      "redisAppendFormattedCommand",
      "redisGetReply"};
  return llvm::is_contained(Commands, Function);
}

/// Whether \p Text holds \p Name as a whole identifier (`_Sentinel` in a
/// standard header is not `Sentinel`).
static bool containsIdentifier(llvm::StringRef Text, llvm::StringRef Name) {
  auto IsIdentifierChar = [](char C) { return llvm::isAlnum(C) || C == '_'; };
  for (size_t At = Text.find(Name); At != llvm::StringRef::npos;
       At = Text.find(Name, At + 1)) {
    size_t End = At + Name.size();
    if ((At == 0 || !IsIdentifierChar(Text[At - 1])) &&
        (End == Text.size() || !IsIdentifierChar(Text[End])))
      return true;
  }
  return false;
}

bool mayNameClientApi(llvm::StringRef Text) {
  if (Text.contains_insensitive("redis") || Text.contains_insensitive("valkey"))
    return true;
  // The classes of the catalog's names, spelt without their namespace after
  // a using-directive: each component that starts with a capital.
  for (const CatalogEntry &Entry : catalog()) {
    llvm::SmallVector<llvm::StringRef, 4> Parts;
    Entry.Name.split(Parts, "::");
    for (llvm::StringRef Part : Parts)
      if (!Part.empty() && Part.front() >= 'A' && Part.front() <= 'Z' &&
          containsIdentifier(Text, Part))
        return true;
  }
  return false;
}

bool isClientHeader(llvm::StringRef Path) {
  return llvm::any_of(Families, [&](const LibraryFamily *Family) {
    return isFamilyHeader(*Family, Path);
  });
}

} // namespace rehost
