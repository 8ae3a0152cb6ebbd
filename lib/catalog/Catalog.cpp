//===- Catalog.cpp - The client APIs rehost understands, as data ----------===//

#include "rehost/Catalog.h"

#include "rehost/LLVMCompat.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/ErrorHandling.h"
#include "llvm/Support/Path.h"

#include <cassert>

namespace rehost {
namespace {

using R = ArgRole;
using K = ApiKind;
using S = RewriteShape;

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

constexpr llvm::StringLiteral ClusterAuthByHand =
    "hiredis-cluster sends the password given to "
    "redisClusterSetOptionPassword; move this AUTH there by hand";

constexpr llvm::StringLiteral ValkeyClusterAuthByHand =
    "libvalkey's cluster client authenticates every node with the password "
    "of its valkeyClusterOptions, which the rewritten "
    "valkeyClusterConnectWithOptions takes from the profile; remove this AUTH "
    "and set options.password (or the profile's) instead";

const CatalogEntry Entries[] = {
    // hiredis, synchronous and non-blocking contexts.
    {K::Function, S::DropIn, "redisConnect", &Hiredis, HostPort,
     "rehost_redisConnect"},
    {K::Function, S::DropIn, "redisConnectWithTimeout", &Hiredis, HostPortOther,
     "rehost_redisConnectWithTimeout"},
    {K::Function, S::DropIn, "redisConnectNonBlock", &Hiredis, HostPort,
     "rehost_redisConnectNonBlock"},
    {K::Function, S::DropIn, "redisConnectBindNonBlock", &Hiredis,
     HostPortOther, "rehost_redisConnectBindNonBlock"},
    {K::Function, S::DropIn, "redisConnectBindNonBlockWithReuse", &Hiredis,
     HostPortOther, "rehost_redisConnectBindNonBlockWithReuse"},
    {K::Function, S::DropIn, "redisConnectUnix", &Hiredis, Path,
     "rehost_redisConnectUnix"},
    {K::Function, S::DropIn, "redisConnectUnixWithTimeout", &Hiredis, PathOther,
     "rehost_redisConnectUnixWithTimeout"},
    {K::Function, S::DropIn, "redisConnectUnixNonBlock", &Hiredis, Path,
     "rehost_redisConnectUnixNonBlock"},
    // hiredis 1.x: redisOptions as filled by REDIS_OPTIONS_SET_TCP/UNIX or
    // by hand, then passed to redis(Async)ConnectWithOptions. The endpoint
    // lives in unnamed union and struct members, hence the member paths.
    // The connect is rewritten with the fields, so that it checks the
    // profile and sends its credentials.
    {K::Field, S::WrappedArguments, "redisOptions::endpoint.tcp.ip", &Hiredis,
     Host, "", "", "", true},
    {K::Field, S::WrappedArguments, "redisOptions::endpoint.tcp.port", &Hiredis,
     Port, "", "", "", true},
    {K::Field, S::WrappedArguments, "redisOptions::endpoint.unix_socket",
     &Hiredis, Path, "", "", "", true},
    {K::Function, S::ConnectsConfigured, "redisConnectWithOptions", &Hiredis,
     ContextOnly, "rehost_redisConnectWithOptions", "",
     "rehost/hiredis_options.h"},
    {K::Function, S::ConnectsConfigured, "redisAsyncConnectWithOptions",
     &Hiredis, ContextOnly, "rehost_redisAsyncConnectWithOptions", "",
     "rehost/hiredis_options.h"},
    // hiredis, asynchronous contexts.
    {K::Function, S::DropIn, "redisAsyncConnect", &Hiredis, HostPort,
     "rehost_redisAsyncConnect"},
    {K::Function, S::DropIn, "redisAsyncConnectBind", &Hiredis, HostPortOther,
     "rehost_redisAsyncConnectBind"},
    {K::Function, S::DropIn, "redisAsyncConnectBindWithReuse", &Hiredis,
     HostPortOther, "rehost_redisAsyncConnectBindWithReuse"},
    {K::Function, S::DropIn, "redisAsyncConnectUnix", &Hiredis, Path,
     "rehost_redisAsyncConnectUnix"},
    // hiredis, credentials sent as a command, through a format or an argv
    // array (only AUTH, HELLO ... AUTH and MIGRATE ... AUTH are sites): an
    // AUTH becomes the profile's AUTH, sent on the same context.
    {K::Function, S::AuthCommand, "redisCommand", &Hiredis, ContextCommand,
     "rehost_redisAuth"},
    {K::Function, S::AuthCommand, "redisAppendCommand", &Hiredis,
     ContextCommand, "rehost_redisAppendAuth"},
    {K::Function, S::AuthCommand, "redisAsyncCommand", &Hiredis,
     AsyncContextCommand, "rehost_redisAsyncAuth"},
    {K::Function, S::AuthCommand, "redisCommandArgv", &Hiredis, ContextArgv,
     "rehost_redisAuth"},
    {K::Function, S::AuthCommand, "redisAppendCommandArgv", &Hiredis,
     ContextArgv, "rehost_redisAppendAuth"},
    {K::Function, S::AuthCommand, "redisAsyncCommandArgv", &Hiredis,
     AsyncContextArgv, "rehost_redisAsyncAuth"},

    // hiredis-cluster and hiredis-vip: the connects become the runtime's
    // (header-inline) helpers, which check the profile and set its
    // credentials; a context configured option by option has its
    // redisClusterConnect2 rewritten with the options.
    {K::Function, S::DropIn, "redisClusterConnect", &HiredisCluster, NodesOther,
     "rehost_redisClusterConnect"},
    {K::Function, S::DropIn, "redisClusterConnectWithTimeout", &HiredisCluster,
     NodesOtherOther, "rehost_redisClusterConnectWithTimeout"},
    {K::Function, S::DropIn, "redisClusterConnectNonBlock", &HiredisCluster,
     NodesOther, "rehost_redisClusterConnectNonBlock"},
    {K::Function, S::Manual, "redisClusterAsyncConnect", &HiredisCluster,
     NodesOther, "", "", "", false,
     "redisClusterAsyncConnect takes no credentials and reports no "
     "configuration error; connect with redisClusterConnect2 on a context "
     "configured through redisClusterSetOptionAddNodes"},
    {K::Function, S::ConnectsConfigured, "redisClusterConnect2",
     &HiredisCluster, ContextOnly, "rehost_redisClusterConnect2"},
    {K::Function, S::WrappedArguments, "redisClusterSetOptionAddNodes",
     &HiredisCluster, ContextNodes, "", "", "", true},
    {K::Function, S::WrappedArguments, "redisClusterSetOptionAddNode",
     &HiredisCluster, ContextNode, ""},
    {K::Function, S::WrappedArguments, "redisClusterSetOptionPassword",
     &HiredisCluster, ContextPassword, "", "", "", true},
    {K::Function, S::WrappedArguments, "redisClusterSetOptionUsername",
     &HiredisCluster, ContextUser, "", "", "", true},
    {K::Function, S::Manual, "redisClusterCommand", &HiredisCluster,
     ContextCommand, "", "", "", false, ClusterAuthByHand},
    {K::Function, S::Manual, "redisClusterAppendCommand", &HiredisCluster,
     ContextCommand, "", "", "", false, ClusterAuthByHand},
    {K::Function, S::Manual, "redisClusterAsyncCommand", &HiredisCluster,
     AsyncContextCommand, "", "", "", false, ClusterAuthByHand},

    // libvalkey: hiredis's API spelt valkey…, rewritten onto the
    // header-inline helpers of rehost/valkey.h (compiled against the file's
    // own libvalkey) in the shapes of hiredis's: drop-in connects, a
    // valkeyOptions' fields with its connect, the AUTH command; a
    // valkeyClusterOptions' nodes and credentials with its connect, sync or
    // async.
    {K::Function, S::DropIn, "valkeyConnect", &Libvalkey, HostPort,
     "rehost_valkeyConnect"},
    {K::Function, S::DropIn, "valkeyConnectWithTimeout", &Libvalkey,
     HostPortOther, "rehost_valkeyConnectWithTimeout"},
    {K::Function, S::DropIn, "valkeyConnectNonBlock", &Libvalkey, HostPort,
     "rehost_valkeyConnectNonBlock"},
    {K::Function, S::DropIn, "valkeyConnectBindNonBlock", &Libvalkey,
     HostPortOther, "rehost_valkeyConnectBindNonBlock"},
    {K::Function, S::DropIn, "valkeyConnectBindNonBlockWithReuse", &Libvalkey,
     HostPortOther, "rehost_valkeyConnectBindNonBlockWithReuse"},
    {K::Function, S::DropIn, "valkeyConnectUnix", &Libvalkey, Path,
     "rehost_valkeyConnectUnix"},
    {K::Function, S::DropIn, "valkeyConnectUnixWithTimeout", &Libvalkey,
     PathOther, "rehost_valkeyConnectUnixWithTimeout"},
    {K::Function, S::DropIn, "valkeyConnectUnixNonBlock", &Libvalkey, Path,
     "rehost_valkeyConnectUnixNonBlock"},
    {K::Field, S::WrappedArguments, "valkeyOptions::endpoint.tcp.ip",
     &Libvalkey, Host, "", "", "", true},
    {K::Field, S::WrappedArguments, "valkeyOptions::endpoint.tcp.port",
     &Libvalkey, Port, "", "", "", true},
    {K::Field, S::WrappedArguments, "valkeyOptions::endpoint.unix_socket",
     &Libvalkey, Path, "", "", "", true},
    {K::Function, S::ConnectsConfigured, "valkeyConnectWithOptions", &Libvalkey,
     ContextOnly, "rehost_valkeyConnectWithOptions"},
    {K::Function, S::ConnectsConfigured, "valkeyAsyncConnectWithOptions",
     &Libvalkey, ContextOnly, "rehost_valkeyAsyncConnectWithOptions"},
    {K::Function, S::DropIn, "valkeyAsyncConnect", &Libvalkey, HostPort,
     "rehost_valkeyAsyncConnect"},
    {K::Function, S::DropIn, "valkeyAsyncConnectBind", &Libvalkey,
     HostPortOther, "rehost_valkeyAsyncConnectBind"},
    {K::Function, S::DropIn, "valkeyAsyncConnectBindWithReuse", &Libvalkey,
     HostPortOther, "rehost_valkeyAsyncConnectBindWithReuse"},
    {K::Function, S::DropIn, "valkeyAsyncConnectUnix", &Libvalkey, Path,
     "rehost_valkeyAsyncConnectUnix"},
    {K::Function, S::AuthCommand, "valkeyCommand", &Libvalkey, ContextCommand,
     "rehost_valkeyAuth"},
    {K::Function, S::AuthCommand, "valkeyAppendCommand", &Libvalkey,
     ContextCommand, "rehost_valkeyAppendAuth"},
    {K::Function, S::AuthCommand, "valkeyAsyncCommand", &Libvalkey,
     AsyncContextCommand, "rehost_valkeyAsyncAuth"},
    {K::Function, S::AuthCommand, "valkeyCommandArgv", &Libvalkey, ContextArgv,
     "rehost_valkeyAuth"},
    {K::Function, S::AuthCommand, "valkeyAppendCommandArgv", &Libvalkey,
     ContextArgv, "rehost_valkeyAppendAuth"},
    {K::Function, S::AuthCommand, "valkeyAsyncCommandArgv", &Libvalkey,
     AsyncContextArgv, "rehost_valkeyAsyncAuth"},
    {K::Function, S::DropIn, "valkeyClusterConnect", &Libvalkey, Nodes,
     "rehost_valkeyClusterConnect"},
    {K::Function, S::DropIn, "valkeyClusterConnectWithTimeout", &Libvalkey,
     NodesOther, "rehost_valkeyClusterConnectWithTimeout"},
    {K::Field, S::WrappedArguments, "valkeyClusterOptions::initial_nodes",
     &Libvalkey, Nodes, "", "", "", true},
    {K::Field, S::WrappedArguments, "valkeyClusterOptions::username",
     &Libvalkey, User, "", "", "", true},
    {K::Field, S::WrappedArguments, "valkeyClusterOptions::password",
     &Libvalkey, Password, "", "", "", true},
    {K::Function, S::ConnectsConfigured, "valkeyClusterConnectWithOptions",
     &Libvalkey, ContextOnly, "rehost_valkeyClusterConnectWithOptions"},
    {K::Function, S::ConnectsConfigured, "valkeyClusterAsyncConnectWithOptions",
     &Libvalkey, ContextOnly, "rehost_valkeyClusterAsyncConnectWithOptions"},
    {K::Function, S::Manual, "valkeyClusterCommand", &Libvalkey, ContextCommand,
     "", "", "", false, ValkeyClusterAuthByHand},
    {K::Function, S::Manual, "valkeyClusterAppendCommand", &Libvalkey,
     ContextCommand, "", "", "", false, ValkeyClusterAuthByHand},
    {K::Function, S::Manual, "valkeyClusterAsyncCommand", &Libvalkey,
     AsyncContextCommand, "", "", "", false, ValkeyClusterAuthByHand},

    // redis-plus-plus: URIs.
    {K::Constructor, S::WrappedArguments, "sw::redis::Redis", &RedisPlusPlus,
     Uri, ""},
    {K::Constructor, S::WrappedArguments, "sw::redis::RedisCluster",
     &RedisPlusPlus, Uri, ""},
    {K::Constructor, S::WrappedArguments, "sw::redis::ConnectionOptions",
     &RedisPlusPlus, Uri, ""},
    // redis-plus-plus: option fields. The object gets the whole profile
    // (password, db, timeouts too) once its fields are set.
    {K::Field, S::WrappedArguments, "sw::redis::ConnectionOptions::host",
     &RedisPlusPlus, Host, "", "rehost::configure"},
    {K::Field, S::WrappedArguments, "sw::redis::ConnectionOptions::port",
     &RedisPlusPlus, Port, "", "rehost::configure"},
    {K::Field, S::WrappedArguments, "sw::redis::ConnectionOptions::path",
     &RedisPlusPlus, Path, "", "rehost::configure"},
    {K::Field, S::WrappedArguments, "sw::redis::ConnectionOptions::db",
     &RedisPlusPlus, Db, "", "rehost::configure"},
    {K::Field, S::WrappedArguments, "sw::redis::ConnectionOptions::user",
     &RedisPlusPlus, User, "", "rehost::configure"},
    {K::Field, S::WrappedArguments, "sw::redis::ConnectionOptions::password",
     &RedisPlusPlus, Password, "", "rehost::configure"},
    // A Sentinel's options name the sentinels and the credentials they ask
    // for, not the master's: the profile's password must never reach them.
    {K::Field, S::Manual, "sw::redis::SentinelOptions::nodes", &RedisPlusPlus,
     NodeList, "", "", "", false, SentinelOptionsByHand},
    {K::Field, S::Manual, "sw::redis::SentinelOptions::user", &RedisPlusPlus,
     User, "", "", "", false, SentinelOptionsByHand},
    {K::Field, S::Manual, "sw::redis::SentinelOptions::password",
     &RedisPlusPlus, Password, "", "", "", false, SentinelOptionsByHand},

    // cpp_redis: connect's defaults (127.0.0.1:6379) count as written. The
    // runtime's helpers take the object first and also send the profile's
    // password and db.
    {K::Method, S::MethodCall, "cpp_redis::client::connect", &CppRedis,
     HostPort, "rehost::connect"},
    {K::Method, S::MethodCall, "cpp_redis::subscriber::connect", &CppRedis,
     HostPort, "rehost::connect"},
    {K::Method, S::MethodCall, "cpp_redis::client::auth", &CppRedis, Password,
     "rehost::auth"},
    {K::Method, S::WrappedArguments, "cpp_redis::client::add_sentinel",
     &CppRedis, Sentinel, ""},
    {K::Method, S::MethodCall, "cpp_redis::subscriber::auth", &CppRedis,
     Password, "rehost::auth"},
};

using V = RoleValue;
using P = EndpointPart;

// Role, value, part, names the address, sets the connection's address,
// credential, sends a credential, C and C++ accessors, --strict's C "none",
// .rehost.toml key.
const RoleTraits Traits[] = {
    {R::Host, V::String, P::Host, true, true, false, false, "rehost_host",
     "rehost::host", "NULL", "host"},
    {R::Port, V::Integer, P::Port, false, false, false, false, "rehost_port",
     "rehost::port", "0", "port"},
    {R::UnixPath, V::String, P::UnixPath, true, true, false, false,
     "rehost_socket", "rehost::socket", "NULL", "unix_path"},
    {R::Uri, V::String, P::Uri, true, true, false, false, "rehost_uri",
     "rehost::uri", "NULL", "uri"},
    {R::Nodes, V::String, P::Nodes, true, true, false, false,
     "rehost_cluster_nodes", "rehost::cluster_nodes", "NULL", "nodes"},
    {R::Node, V::String, P::Nodes, true, true, false, false, "", "", "NULL",
     ""},
    {R::NodeList, V::NodeList, P::Nodes, true, true, false, false, "",
     "rehost::sentinel_nodes", "NULL", ""},
    {R::Db, V::Integer, P::Db, false, false, false, false, "rehost_db",
     "rehost::db", "0", "db"},
    {R::SentinelHost, V::String, P::Host, true, false, false, false, "", "",
     "NULL", ""},
    {R::SentinelPort, V::Integer, P::Port, false, false, false, false, "", "",
     "0", ""},
    {R::User, V::String, P::User, false, false, true, true, "rehost_username",
     "rehost::username", "NULL", "user"},
    {R::Password, V::String, P::Password, false, false, true, true,
     "rehost_password", "rehost::password", "NULL", "password"},
    {R::Command, V::Command, P::None, false, false, false, true, "", "", "NULL",
     ""},
    {R::CommandArgv, V::Argv, P::None, false, false, false, true, "", "",
     "NULL", ""},
    {R::Connection, V::None, P::None, false, false, false, false, "", "",
     "NULL", ""},
    {R::Other, V::None, P::None, false, false, false, false, "", "", "NULL",
     ""},
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

bool CatalogEntry::sendsCredential() const {
  return llvm::any_of(
      Args, [](ArgRole Role) { return traitsOf(Role).SendsCredential; });
}

const RoleTraits &traitsOf(ArgRole Role) {
  const auto *It = llvm::find_if(
      Traits, [&](const RoleTraits &T) { return T.Role == Role; });
  assert(It != std::end(Traits) && "a role without traits");
  return *It;
}

llvm::ArrayRef<RoleTraits> roleTraits() { return Traits; }

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

std::string rowProblem(const CatalogEntry &Entry) {
  const bool Calls = !Entry.RuntimeCall.empty();
  if ((Entry.Shape == RewriteShape::Manual) == Entry.ManualReason.empty())
    return "a Manual row, and only one, gives a ManualReason";
  if (!Entry.OptionsCall.empty() && Entry.Kind != ApiKind::Field)
    return "only a field's row hands the profile to its object";
  if (Entry.AwaitsConnect && Entry.Shape != RewriteShape::WrappedArguments)
    return "only wrapped arguments await a connect";
  switch (Entry.Shape) {
  case RewriteShape::DropIn:
    if (Entry.Kind != ApiKind::Function || !Calls || Entry.commandArgument())
      return "a drop-in is a function call with a runtime call";
    return {};
  case RewriteShape::MethodCall:
    if (Entry.Kind != ApiKind::Method || !Calls)
      return "a method call's row is a method with a runtime call";
    return {};
  case RewriteShape::AuthCommand:
    if (!Calls || !Entry.commandArgument())
      return "an AUTH command's row sends a command through a runtime call";
    return {};
  case RewriteShape::ConnectsConfigured:
    if (!Calls || Entry.Args.size() != 1 ||
        Entry.Args[0] != ArgRole::Connection)
      return "a configured object's connect takes the object alone and has "
             "a runtime call";
    return {};
  case RewriteShape::WrappedArguments:
    if (Calls)
      return "wrapped arguments have no runtime call of their own";
    return {};
  case RewriteShape::Manual:
    return {};
  }
  llvm_unreachable("unknown rewrite shape");
}

const CatalogEntry *findEntry(ApiKind Kind, llvm::StringRef Name) {
  const auto *It = llvm::find_if(Entries, [&](const CatalogEntry &Entry) {
    return Entry.Kind == Kind && Entry.Name == Name;
  });
  return It == std::end(Entries) ? nullptr : It;
}

llvm::StringRef runtimeAccessor(ArgRole Role, Language Lang) {
  const RoleTraits &T = traitsOf(Role);
  return Lang == Language::C ? T.CAccessor : T.CxxAccessor;
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
