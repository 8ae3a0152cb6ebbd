//===- Uri.h - Connection URIs and node lists, without leaking passwords --===//
//
// Endpoints arrive as URIs (redis://, rediss://, unix://, redis-plus-plus's
// tcp:// and their aliases) and node lists ("h1:p1,h2:p2"). These helpers
// read them with the runtime's own reader (runtime/shared/url_split.hpp;
// the table runtime/test/uri_cases.inc tests both), so a password can be
// detected, shown as *** and kept out of profile names, and so one server has
// one address. They are pure string functions: the analysis feeds them the
// constant text the evaluator found, which may be only part of a URI.
//
//===----------------------------------------------------------------------===//

#ifndef REHOST_URI_H
#define REHOST_URI_H

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

#include <string>

namespace rehost {

enum class UriTransport { Tcp, Unix };

/// One sentinel of a redis+sentinel:// URI, as written (still
/// percent-encoded); the host without IPv6 brackets, the port empty when the
/// URI leaves Sentinel's 26379 in place.
struct UriNode {
  llvm::StringRef Host;
  llvm::StringRef Port;
};

/// The pieces of scheme://[[user:]password@]address[/db][?query], as the
/// runtime reads them. The pieces refer to the string that was split and
/// are as written (still percent-encoded); percentDecode gives their values.
struct UriParts {
  llvm::StringRef Scheme;   ///< As written, without "://"; empty when none.
  bool KnownScheme = false; ///< One the runtime connects with.
  UriTransport Transport = UriTransport::Tcp;
  bool Tls = false; ///< rediss, valkeys, redis+tls, redis+ssl, any case.
  /// The user the runtime logs in as: ?user= or ?username= over the user
  /// info's "user:" part.
  llvm::StringRef User;
  /// The password the runtime sends: ?password= over the user info's; a lone
  /// user-info word ("redis://secret@host") is a password, as for the
  /// runtime, redis-plus-plus and Lettuce.
  llvm::StringRef Password;
  /// True when a non-empty password is written anywhere in the URI (even one
  /// a later ?password= overrides).
  bool HasPassword = false;
  /// Every non-empty password written in the URI: what redaction hides.
  llvm::SmallVector<llvm::StringRef, 2> Secrets;
  /// Without IPv6 brackets; for the unix transport, the socket path.
  llvm::StringRef Host;
  llvm::StringRef Port; ///< Empty when the URI leaves the default in place.
  /// The path's "/N" or ?db= / ?database= (the query wins).
  llvm::StringRef Db;
  /// redis+sentinel://[userinfo@]h1[:p1],h2[:p2]/MASTER[/db]: the master is
  /// found through the sentinels. Host and Port are then the first
  /// sentinel's; the user info and ?password= are the master's (the
  /// sentinels' own are ?sentinel_username= and ?sentinel_password=).
  bool Sentinel = false;
  llvm::SmallVector<UriNode, 2> Sentinels;
  llvm::StringRef Master; ///< The master's name, as written.
  /// Why the runtime refuses the URI, in its words (without the variable's
  /// name); empty when it reads it. Never quotes a password.
  std::string Error;
};

/// Splits \p Uri as the runtime reads it.
UriParts splitUri(llvm::StringRef Uri);

/// \p Text with %XX sequences decoded; a malformed sequence is kept as
/// written (splitUri reports it in UriParts::Error).
std::string percentDecode(llvm::StringRef Text);

/// \p Uri with every password replaced by "***".
std::string redactUri(llvm::StringRef Uri);

/// The server \p Uri names, without credentials or options:
/// redis://host:port[/db], rediss://host:port[/db], unix:///path[?db=N] or
/// redis+sentinel://host:port,host:port/master[/db], with loopback aliases
/// spelled as one (normaliseHost). Empty when the text names no host.
std::string normaliseUri(llvm::StringRef Uri);

/// One spelling for every name of the local server, so that one server has
/// one address: localhost, 127.0.0.1 and its short forms (127.1, 127.0.1),
/// 0.0.0.0 (which hiredis users mean as "this machine"), ::1 and [::1] are
/// all "127.0.0.1". Other hosts are returned lower-cased, without brackets.
std::string normaliseHost(llvm::StringRef Host);

/// A database number as the address spells it: no leading zeros, and empty
/// for database 0 (the default). Text that is not a number is kept.
std::string normaliseDb(llvm::StringRef Db);

/// True when \p Host names the local server (see normaliseHost).
bool isLoopbackHost(llvm::StringRef Host);

/// The nodes of a cluster node list ("h1:p1, h2:p2"), trimmed; empty
/// entries are dropped.
llvm::SmallVector<llvm::StringRef, 4> splitNodes(llvm::StringRef Nodes);

} // namespace rehost

#endif // REHOST_URI_H
