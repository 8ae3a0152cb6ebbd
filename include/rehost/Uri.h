//===- Uri.h - Connection URIs and node lists, without leaking passwords --===//
//
// Endpoints arrive as URIs (redis-plus-plus's tcp://[[user:]password@]host,
// redis://, unix://) and node lists ("h1:p1,h2:p2"). These helpers split
// them so a password can be detected, shown as *** and kept out of profile
// names. They are pure string functions: the analysis feeds them the
// constant text the evaluator found, which may be only part of a URI.
//
//===----------------------------------------------------------------------===//

#ifndef REHOST_URI_H
#define REHOST_URI_H

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

#include <string>

namespace rehost {

/// The pieces of scheme://[[user:]password@]address[?query]. The pieces
/// refer to the string that was split.
struct UriParts {
  llvm::StringRef Scheme; ///< Without "://"; empty when there is none.
  llvm::StringRef User;
  llvm::StringRef Password;
  bool HasPassword = false;
  llvm::StringRef Host; ///< Without IPv6 brackets; the path for unix://.
  llvm::StringRef Port; ///< Empty when the URI leaves the default in place.
  llvm::StringRef Db;   ///< After the '/' that follows the host, if any.
};

/// Splits \p Uri. A lone user-info word ("tcp://secret@host") is the
/// password for redis-plus-plus's tcp:// and unix:// schemes and the user
/// name for redis:// and rediss://, as each library reads it.
UriParts splitUri(llvm::StringRef Uri);

/// \p Uri with its password replaced by "***".
std::string redactUri(llvm::StringRef Uri);

/// The server \p Uri names, without credentials or options:
/// redis://host:port[/db], rediss://..., or unix:///path. Empty when the
/// text names no host.
std::string normaliseUri(llvm::StringRef Uri);

/// The nodes of a cluster node list ("h1:p1, h2:p2"), trimmed; empty
/// entries are dropped.
llvm::SmallVector<llvm::StringRef, 4> splitNodes(llvm::StringRef Nodes);

} // namespace rehost

#endif // REHOST_URI_H
