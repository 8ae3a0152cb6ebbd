//===- RuntimeConfigRead.h - Reading the runtime's rehost.toml, shared ----===//
//
// What `fix` (RuntimeConfigWriter.cpp, which names profiles from an existing
// file) and `env` (EnvWriter.cpp, which writes what the deployment sets) both
// need to read from the runtime's config file, in one place so they read a
// table's endpoint the same way. Internal to lib/config: it speaks toml++.
//
//===----------------------------------------------------------------------===//

#ifndef REHOST_LIB_CONFIG_RUNTIMECONFIGREAD_H
#define REHOST_LIB_CONFIG_RUNTIMECONFIGREAD_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <toml++/toml.h>

#include <string>

namespace rehost {

/// \p Text as a double-quoted string, quotes and backslashes escaped and
/// every character a reader could take for a line break or refuse (control
/// characters C0, DEL and C1, U+2028, U+2029, a BOM, noncharacters) written
/// \uXXXX: a TOML basic string and a YAML double-quoted scalar alike, on one
/// line. Bytes that are not UTF-8 are kept (neither format can hold them).
std::string doubleQuoted(llvm::StringRef Text);

/// \p Text safe for a TOML, YAML or shell comment: each character
/// doubleQuoted would escape, and each byte that is not UTF-8, becomes '?',
/// so the comment can neither end early nor make the file unreadable.
std::string commentText(llvm::StringRef Text);


/// \p Text (the file at \p Path) parsed, after checkTomlText; a syntax error
/// is "PATH:LINE:COLUMN: WHAT: the parser's description".
llvm::Expected<toml::table> parseRuntimeConfig(llvm::StringRef Text,
                                               llvm::StringRef Path,
                                               llvm::StringRef What);

/// The endpoint a [profiles.NAME] table's keys name (url, socket and db, or
/// host, port, db and tls), as Endpoint::address() spells it; empty when the
/// keys name none.
std::string addressOfKeys(const toml::table &Table);

/// The address in the "# Profile NAME: fallback in code: ADDRESS" comment
/// `rehost fix` writes above the table of profile \p Name in \p Text; empty
/// when there is none.
std::string addressOfComment(llvm::StringRef Text, llvm::StringRef Name);

} // namespace rehost

#endif // REHOST_LIB_CONFIG_RUNTIMECONFIGREAD_H
