//===- Toolchain.h - The Clang that rehost links: its files, its flags ----===//

#ifndef REHOST_TOOLCHAIN_H
#define REHOST_TOOLCHAIN_H

#include "clang/Tooling/ArgumentsAdjusters.h"
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

/// Whether the Clang driver rehost links rejects \p Arg in a command: an
/// argument it does not know at all, or a GCC flag it knows but refuses
/// (the table in Toolchain.cpp).
bool isGccOnlyFlag(llvm::StringRef Arg);

/// The flags added after the project's own so that code GCC builds parses:
/// errors Clang makes of what GCC only warns about become warnings again
/// (and `-w` silences them). Only those the linked Clang knows.
llvm::ArrayRef<llvm::StringRef> gccWarningDowngrades();

/// Makes a command written by a GCC build acceptable to Clang: drops the
/// flags isGccOnlyFlag rejects and appends gccWarningDowngrades(), as
/// clangd and clang-tidy users do by hand.
clang::tooling::ArgumentsAdjuster gccCompatAdjuster();

} // namespace rehost

#endif // REHOST_TOOLCHAIN_H
