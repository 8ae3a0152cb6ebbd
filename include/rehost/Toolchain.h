//===- Toolchain.h - Where the Clang that rehost links keeps its files ----===//

#ifndef REHOST_TOOLCHAIN_H
#define REHOST_TOOLCHAIN_H

#include "llvm/ADT/StringRef.h"

namespace rehost {

/// Clang's resource directory (builtin headers such as stddef.h). It belongs
/// to the Clang rehost was built with, not to wherever the binary lives.
llvm::StringRef clangResourceDir();

} // namespace rehost

#endif // REHOST_TOOLCHAIN_H
