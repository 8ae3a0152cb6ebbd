//===- TomlCheck.h - Refuses config files toml++ 3.3.0 mishandles ---------===//
//
// Debian's toml++ 3.3.0, which reads both .rehost.toml and rehost.toml, has
// undefined behaviour or asserts on a few malformed inputs instead of
// reporting them (upstream tomlplusplus #190, #295, PR #301, PR #305). A
// config file is user input, so every file goes through this check before
// toml++ sees it. The check is the runtime's own (runtime/shared/, built
// without LLVM and linked by both); runtime/test/toml_bad_inputs.inc tests it
// through both readers.
//
//===----------------------------------------------------------------------===//

#ifndef REHOST_TOMLCHECK_H
#define REHOST_TOMLCHECK_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

namespace rehost {

/// Fails with "PATH:LINE:COLUMN: invalid TOML: WHAT" at the first invalid
/// UTF-8 sequence, non-ASCII character outside strings and comments,
/// non-ASCII character right after a multi-line string's line-ending
/// backslash, table header that does not start with a key ("[?"), quote
/// right after a bare value (`+"x"`) or mismatched bracket (`[}`).
/// The message never quotes the text: it may hold a password.
llvm::Error checkTomlText(llvm::StringRef Text, llvm::StringRef Path);

} // namespace rehost

#endif // REHOST_TOMLCHECK_H
