//===- Toolchain.cpp - Where the Clang that rehost links keeps its files --===//

#include "rehost/Toolchain.h"

namespace rehost {

llvm::StringRef clangResourceDir() { return REHOST_CLANG_RESOURCE_DIR; }

llvm::ArrayRef<llvm::StringRef> runtimeIncludeDirs() {
  static const llvm::StringRef Dirs[] = {REHOST_RUNTIME_INSTALLED_INCLUDE_DIR,
                                         REHOST_RUNTIME_SOURCE_INCLUDE_DIR};
  return Dirs;
}

} // namespace rehost
