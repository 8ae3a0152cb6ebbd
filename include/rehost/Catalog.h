//===- Catalog.h - The client APIs rehost understands, as data ------------===//
//
// Every Redis client entry point that can carry an endpoint or a credential is
// one row here: its name, the library family whose headers must declare it, the
// role of each argument, and the runtime call that replaces it. Matching,
// evaluation, reporting and rewriting all read these rows; none of them
// special-cases an API by name.
//
//===----------------------------------------------------------------------===//

#ifndef REHOST_CATALOG_H
#define REHOST_CATALOG_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace rehost {

/// What one argument of a catalogued call means for the endpoint.
enum class ArgRole {
  Host,     ///< TCP host name or address (string).
  Port,     ///< TCP port (integer).
  UnixPath, ///< Unix socket path (string).
  Other,    ///< Not part of the endpoint (timeouts, source address, ...).
};

/// A client library whose declarations are recognised by the header that
/// declares them, so a project function that merely shares a name is ignored.
struct LibraryFamily {
  llvm::StringRef Name;
  /// Path suffixes (on component boundaries) of the headers that declare the
  /// family's API, e.g. "hiredis/hiredis.h".
  llvm::ArrayRef<llvm::StringRef> Headers;
};

/// One catalogued free function.
struct CallEntry {
  llvm::StringRef Name;
  const LibraryFamily *Family;
  llvm::ArrayRef<ArgRole> Args;
  /// The runtime drop-in with the same return type, taking the profile first.
  llvm::StringRef RuntimeCall;
};

/// All catalogued free functions.
llvm::ArrayRef<CallEntry> callCatalog();

/// The entry for a function name, or null.
const CallEntry *findCall(llvm::StringRef Name);

/// True when \p Path is one of \p Family's headers.
bool isFamilyHeader(const LibraryFamily &Family, llvm::StringRef Path);

} // namespace rehost

#endif // REHOST_CATALOG_H
