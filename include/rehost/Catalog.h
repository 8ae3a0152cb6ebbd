//===- Catalog.h - The client APIs rehost understands, as data ------------===//
//
// Every Redis client entry point that can carry an endpoint or a credential is
// one row here: its kind (function, method, constructor, options field), its
// name, the library family whose headers must declare it, the role of each
// argument, and the runtime call that replaces it. Matching, evaluation,
// reporting and rewriting all read these rows; none of them special-cases an
// API by name.
//
//===----------------------------------------------------------------------===//

#ifndef REHOST_CATALOG_H
#define REHOST_CATALOG_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>

namespace rehost {

/// How a site hands its endpoint to the client library.
enum class ApiKind {
  Function,    ///< A free function call (hiredis).
  Method,      ///< A member function call (cpp_redis::client::connect).
  Constructor, ///< An object construction (sw::redis::Redis).
  Field,       ///< An assignment to an options field.
};

/// What one argument (or the assigned value of a field) means.
enum class ArgRole {
  Host,     ///< TCP host name or address (string).
  Port,     ///< TCP port (integer).
  UnixPath, ///< Unix socket path (string).
  Uri,      ///< Connection URI, possibly with credentials (string).
  Nodes,    ///< Cluster node list "host:port,host:port" (string).
  Node,     ///< One cluster node "host:port" (string): no accessor returns
            ///< exactly one node, so such sites stay manual in fix.
  NodeList, ///< Node list as a container of (host, port) pairs.
  Db,       ///< Database number (integer).
  /// A Sentinel's host and port (cpp_redis's add_sentinel): part of the
  /// endpoint, but no profile setting holds one sentinel, so fix leaves it.
  SentinelHost,
  SentinelPort,
  User,     ///< ACL user name (string).
  Password, ///< Password (string).
  Command,  ///< hiredis format string; the variadic arguments follow it.
  /// hiredis argc of an argv command; the argv and argvlen arrays follow it
  /// (redisCommandArgv(c, argc, argv, argvlen)).
  CommandArgv,
  /// The context or client object the call acts on: a credential sent
  /// through it takes the profile of the endpoint it was connected to.
  Connection,
  Other, ///< Not part of the endpoint (timeouts, callbacks, ...).
};

enum class Language { C, Cxx };

/// The kind of value an argument of a role carries: what the evaluator
/// reads from it and which parameter types can hold it.
enum class RoleValue {
  None,     ///< Nothing rehost reads (the context, a timeout, a callback).
  String,   ///< A C string or a std::string.
  Integer,  ///< An integer.
  NodeList, ///< A container of (host, port) pairs.
  Command,  ///< A hiredis format string, its variadic arguments after it.
  Argv,     ///< An argv command's argc, its argv and argvlen after it.
};

/// The part of an endpoint an argument's value is.
enum class EndpointPart {
  None,
  Host,
  Port,
  UnixPath,
  Uri,
  Nodes,
  Db,
  User,
  Password
};

/// What an argument role means to every stage that reads one: the
/// evaluator (RoleValue, Part), the site's profile naming (NamesAddress),
/// the connection tracer (SetsConnectionAddress), the rewrite (Credential,
/// the accessors, NoValue), the tool's config (ConfigKey). One row per role.
struct RoleTraits {
  ArgRole Role;
  RoleValue Kind;
  EndpointPart Part;
  /// The argument holds the address whose names name the site's profile.
  bool NamesAddress;
  /// The argument sets the address of the connection its use makes or
  /// configures (a Sentinel's host does not: the master is elsewhere).
  bool SetsConnectionAddress;
  /// A credential: its literal leaves the code, with no fallback.
  bool Credential;
  /// The argument sends a credential: a user name, a password, or a command
  /// that may be AUTH.
  bool SendsCredential;
  /// The runtime accessor (profile, fallback) -> value that replaces the
  /// argument in C and in C++; empty where none does.
  llvm::StringRef CAccessor;
  llvm::StringRef CxxAccessor;
  /// What `fix --strict` writes for "no value" in C ("0" or "NULL"): the
  /// runtime then takes the value from configuration alone.
  llvm::StringRef NoValue;
  /// The key that names the role in `.rehost.toml`'s [[sinks]] and
  /// [[endpoint_fields]]; empty for a role the user cannot declare.
  llvm::StringRef ConfigKey;
};

/// The traits of \p Role.
const RoleTraits &traitsOf(ArgRole Role);
/// The traits of every role, in ArgRole order.
llvm::ArrayRef<RoleTraits> roleTraits();

/// How `rehost fix` rewrites a use of a catalogued API: the one place the
/// spelling of a use (UseSpelling) and its rendering (RewriteRenderer)
/// switch on.
enum class RewriteShape {
  /// `redisConnect(h, p)` -> `RuntimeCall("profile", h, p)`: the callee is
  /// renamed and the profile goes first.
  DropIn,
  /// `client.connect(h, p)` -> `RuntimeCall(client, "profile", h, p)`: the
  /// object moves into the runtime call.
  MethodCall,
  /// `redisCommand(c, "AUTH %s", pw)` -> `RuntimeCall(c, "profile")`: the
  /// command becomes the profile's AUTH.
  AuthCommand,
  /// Each hardcoded argument or field value is wrapped in its role's
  /// accessor (and OptionsCall follows the object's assignments).
  WrappedArguments,
  /// `redisConnectWithOptions(&o)` -> `RuntimeCall(&o, "profile")`: the
  /// connect of an object other entries configure, rewritten with them;
  /// not a site of its own.
  ConnectsConfigured,
  /// Never rewritten: ManualReason says why.
  Manual,
};

/// A fork of a family's library that renames its API by a prefix, declared
/// in headers of its own: hiredict declares redictConnect for hiredis's
/// redisConnect, and its shims' <hiredis/hiredis.h> #defines each redis…
/// name as the redict… one, so the declaration a call resolves to has the
/// fork's name while the source spells the family's.
struct LibraryFork {
  llvm::StringRef Prefix;     ///< The family's: "redis".
  llvm::StringRef ForkPrefix; ///< The fork's: "redict".
};

/// A client library whose declarations are recognised by the header that
/// declares them, so a project function that merely shares a name is ignored.
struct LibraryFamily {
  llvm::StringRef Name;
  Language Lang;
  /// Path suffixes (on component boundaries) of the headers that declare the
  /// family's API, e.g. "hiredis/hiredis.h".
  llvm::ArrayRef<llvm::StringRef> Headers;
  /// The runtime header the family's rewrites include.
  llvm::StringRef RuntimeHeader;
  /// What a URI argument becomes when it is not runtimeAccessor()'s URI
  /// string: the client's own options struct, built by the runtime, which
  /// carries any byte of a password (a URI the client re-parses cannot);
  /// empty for families that take the URI string.
  llvm::StringRef UriOptionsAccessor = {};
  /// Forks whose declarations (in Headers too) are this family's API.
  llvm::ArrayRef<LibraryFork> Forks = {};
};

/// One catalogued API.
struct CatalogEntry {
  ApiKind Kind;
  RewriteShape Shape;
  /// The qualified name: "redisConnect", "cpp_redis::client::connect",
  /// "sw::redis::Redis" (the class, for constructors),
  /// "sw::redis::ConnectionOptions::host" (for fields). A field of an unnamed
  /// struct or union has no stable qualified name, so it is keyed by its
  /// member path from the nearest named record:
  /// "redisOptions::endpoint.tcp.ip".
  llvm::StringRef Name;
  const LibraryFamily *Family;
  /// The arguments' roles, in order; a field has one, its assigned value.
  /// A constructor or method overload whose parameters cannot hold these
  /// roles (a ConnectionOptions where a URI string is expected) is another
  /// API and does not match.
  llvm::ArrayRef<ArgRole> Args;
  /// The runtime call that replaces the whole call; empty when each
  /// hardcoded argument is wrapped on its own in runtimeAccessor() of its
  /// role. The profile name goes first (after the object, which a method's
  /// rewrite passes first), or in place of a credential or command argument,
  /// which leaves the code; endpoint arguments stay as the fallback.
  llvm::StringRef RuntimeCall;
  /// For a field of an options object: the runtime call that hands the whole
  /// profile to the object (`rehost::configure(opts, "cache")`), written once
  /// after the code's own assignments to the object's fields.
  llvm::StringRef OptionsCall = {};
  /// The runtime header the rewrite includes; empty: the family's.
  llvm::StringRef Header = {};
  /// The object this entry configures (a redisOptions, a cluster context)
  /// is connected by a later call of a ConnectsConfigured entry;
  /// fix rewrites that call with the site, so without one in the unit the
  /// site stays manual: only the connect can refuse a bad profile.
  bool AwaitsConnect = false;
  /// For the Manual shape: why fix never rewrites a use of this entry.
  llvm::StringRef ManualReason = {};

  /// What `rehost fix` puts in place: RuntimeCall, or the accessor of every
  /// role that carries a value, and OptionsCall.
  llvm::SmallVector<llvm::StringRef, 2> replacements() const;

  /// The index of the argument with \p Role, if the entry has one.
  std::optional<unsigned> argumentOf(ArgRole Role) const;
  /// The index of the argument a command starts at (its format, or the
  /// argc of an argv command), if the entry sends one.
  std::optional<unsigned> commandArgument() const;
  /// The runtime header a rewrite of this entry includes.
  llvm::StringRef runtimeHeader() const;
  /// True when the entry sends a credential (a password, user name or a
  /// command such as AUTH) rather than setting an endpoint.
  bool sendsCredential() const;
};

/// The name matchers filter declarations by: \p Entry's qualified name, or
/// for a field keyed by a member path, or of a C struct, the last member's
/// own name ("ip" for "redisOptions::endpoint.tcp.ip", "password" for
/// "valkeyClusterOptions::password"); the path is checked once matched.
llvm::StringRef declarationName(const CatalogEntry &Entry);

/// \p Entry's declarationName() and its spelling in each fork of its family
/// (redictConnect for redisConnect), for the matchers' name filters.
llvm::SmallVector<std::string, 2> declarationNames(const CatalogEntry &Entry);

/// The name the catalog keys a declaration's qualified name \p Name by: a
/// fork's spelling becomes its family's (redictConnect, redictFree and
/// redictOptions::endpoint.tcp.ip become redisConnect, redisFree and
/// redisOptions::endpoint.tcp.ip); any other name is itself.
std::string catalogName(llvm::StringRef Name);

/// All catalogued APIs.
llvm::ArrayRef<CatalogEntry> catalog();

/// What is wrong with \p Entry's row, if anything: a shape its kind,
/// arguments or runtime call do not fit. Empty for a sound row.
std::string rowProblem(const CatalogEntry &Entry);

/// The entry of \p Kind with the qualified name \p Name, or null.
const CatalogEntry *findEntry(ApiKind Kind, llvm::StringRef Name);

/// The runtime accessor (profile, fallback) -> value that replaces one
/// argument of \p Role in \p Lang; empty for roles that carry no value.
llvm::StringRef runtimeAccessor(ArgRole Role, Language Lang);

/// The accessor that replaces an argument of \p Role of \p Family: its
/// UriOptionsAccessor for a URI, when it has one, else runtimeAccessor().
llvm::StringRef familyAccessor(ArgRole Role, const LibraryFamily &Family);

/// True for the blocking hiredis connects `fix --pool` can turn into a pool
/// acquire (redisConnect, its timeout and unix forms).
bool isPooledConnect(llvm::StringRef Api);
/// True for the hiredis functions that only send commands on, or read
/// replies from, the context they are given first (redisCommand,
/// redisAppendCommand, redisGetReply, ...): a pooled context may be used so.
bool usesContextForCommands(llvm::StringRef Function);
/// The function that frees a hiredis context, and what --pool puts instead.
constexpr llvm::StringLiteral ContextFree = "redisFree";
constexpr llvm::StringLiteral PooledRelease = "rehost_redisRelease";

/// True when \p Path is one of \p Family's headers.
bool isFamilyHeader(const LibraryFamily &Family, llvm::StringRef Path);

/// True when \p Path is a header of any catalogued family: a unit whose
/// include closure holds none cannot contain a site, since every site is a
/// use of a declaration from such a header.
bool isClientHeader(llvm::StringRef Path);

/// True when \p Text could name a catalogued API: it holds "redis" or
/// "valkey" in any case (every function, namespace and header of the catalog
/// does) or the name of a catalogued class that does not (ConnectionOptions,
/// Sentinel).
/// A unit whose text does not, and whose resolved includes hold no client
/// header, cannot contain a site even when some of its headers are missing.
bool mayNameClientApi(llvm::StringRef Text);

} // namespace rehost

#endif // REHOST_CATALOG_H
