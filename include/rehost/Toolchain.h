//===- Toolchain.h - Where the Clang that rehost links keeps its files ----===//

#ifndef REHOST_TOOLCHAIN_H
#define REHOST_TOOLCHAIN_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace rehost {

/// Clang's resource directory (builtin headers such as stddef.h). It belongs
/// to the Clang rehost was built with, not to wherever the binary lives.
llvm::StringRef clangResourceDir();

/// Where the runtime's headers (rehost/rehost.h) are: the install location,
/// then the source tree rehost was built from. Code that `fix` rewrote
/// includes them, so parsing it again must find them even before the
/// project's build flags do.
llvm::ArrayRef<llvm::StringRef> runtimeIncludeDirs();

} // namespace rehost

#endif // REHOST_TOOLCHAIN_H
