//===- IncludePlacement.h - Where the runtime's include line goes ---------===//
//
// The runtime's header includes <hiredis/hiredis.h>. A project that bundles
// its own hiredis and includes it by its own path must have read that copy
// first, or the system's hiredis wins and the file no longer compiles; so the
// runtime's include goes after the file's own includes of the client library.
//
//===----------------------------------------------------------------------===//

#ifndef REHOST_LIB_EDIT_INCLUDEPLACEMENT_H
#define REHOST_LIB_EDIT_INCLUDEPLACEMENT_H

#include "rehost/EditPlan.h"

#include "llvm/ADT/StringRef.h"

#include <vector>

namespace rehost {

/// The edits that add the runtime headers \p Plan needs and \p Code does not
/// include yet (none when it includes them all, under either spelling):
///
/// - after the last include of a client library header (hiredis,
///   hiredis-cluster, redis-plus-plus, cpp_redis) that precedes the first
///   edited site, else after the last include that precedes it (the header
///   that brings the client library in), else where clang's HeaderIncludes
///   puts a new include (the top of the file, after its header guard);
/// - outside any #if block the first site is not in;
/// - joined to that include block when the block stays in the order
///   clang-format's LLVM style sorts includes, else as a block of its own
///   after it (a blank line between): clang-apply-replacements sorts every
///   include block a replacement touches, and --export-fixes must give the
///   bytes `fix` writes.
std::vector<FileEdit> runtimeIncludeEdits(const FilePlan &Plan,
                                          llvm::StringRef Code);

} // namespace rehost

#endif // REHOST_LIB_EDIT_INCLUDEPLACEMENT_H
