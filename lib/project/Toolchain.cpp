//===- Toolchain.cpp - Where the Clang that rehost links keeps its files --===//

#include "rehost/Toolchain.h"

namespace rehost {

llvm::StringRef clangResourceDir() { return REHOST_CLANG_RESOURCE_DIR; }

} // namespace rehost
