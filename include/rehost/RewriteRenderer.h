//===- RewriteRenderer.h - Phase two: the edits that move a site ----------===//
//
// From a site's facts (its evaluated endpoint and where its parts are
// written, Spelling.h), the profile phase two named and the mode, renders
// the text edits that move the site onto the runtime, or says why none is
// provably safe. Nothing here sees an AST: facts read back from a shard
// render exactly as in the run that made them.
//
//===----------------------------------------------------------------------===//

#ifndef REHOST_REWRITERENDERER_H
#define REHOST_REWRITERENDERER_H

#include "rehost/Flow.h"
#include "rehost/Site.h"

#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace rehost {

/// One text edit of a site's rewrite.
struct PlannedEdit {
  std::string File; ///< Absolute path of the file the edit lands in.
  unsigned Offset = 0;
  unsigned Length = 0;
  std::string Text;
  std::string Digest;  ///< Of the content the edit was planned against.
  std::string Include; ///< The runtime header the file then needs.
};

/// How a site is rewritten: the edits, or why it cannot be.
struct Rewrite {
  std::vector<PlannedEdit> Edits; ///< Sorted by file and offset.
  std::string ManualReason; ///< Non-empty: rewrite by hand, Edits is empty.
  /// Set when an edit lands in a macro body, which every expansion shares.
  std::string MacroBodyKey;
  /// The source line the first edit lands on, before and after the edits
  /// that fall on it, for the report; passwords show as ***.
  std::string Before;
  std::string After;
};

enum class RewriteMode {
  /// The original values stay in code as the runtime's fallbacks.
  Fallback,
  /// --strict: only the profile name stays in code.
  Strict,
  /// --pool, for a connect isPooledConnect(): a pool acquire and release.
  Pool,
};

/// A client call in the project's own code that a derived site's constants
/// reach (by FlowUse::key()), and the profile set it then takes: every
/// profile whose constant reaches it ("match:a,b"). Null Use: rehost cannot
/// see the call (a sink declared in .rehost.toml).
struct ReachedUse {
  const FlowUse *Use = nullptr;
  std::string Profiles;
  /// The use is in a unit this run did not parse, followed from the
  /// summaries' cache (SummaryCache.h): the constants of the units it did
  /// not parse that reach it too are not known, so it is not moved.
  bool NotParsed = false;
};

/// Renders \p S's rewrite in \p Mode with profile \p Profile. Calls of
/// drop-in functions are renamed, the profile passed first and the original
/// arguments kept as the fallback. Other APIs keep their call and have each
/// hardcoded argument wrapped in its role's runtime accessor, the original
/// value as the fallback; a written credential is replaced by its accessor
/// without a fallback. Strict leaves "none" values (NULL, 0, or the C++
/// accessor without a fallback) and the endpoint moves to the runtime's
/// config file. Pool turns the connect into
/// `rehost_pool_acquire(rehost_pool_get(profile, "redis://h:p"), -1)` and its
/// redisFree calls into rehost_redisRelease.
///
/// A derived site (S.Chain) has each constant wrapped where it is written,
/// in the accessor of its role for what holds it (`rehost::host("p",
/// "10.0.0.5")` into a std::string, `rehost_port("p", 6380)` in C), and each
/// client call of \p Reached renamed as a drop-in's or a method's is, with
/// its profile set: the configured endpoint the wrapper is handed then
/// brings its whole profile (credentials, db) to the connection.
Rewrite renderRewrite(const Site &S, RewriteMode Mode, llvm::StringRef Profile,
                      llvm::ArrayRef<ReachedUse> Reached = {});

} // namespace rehost

#endif // REHOST_REWRITERENDERER_H
