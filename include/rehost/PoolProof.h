//===- PoolProof.h - Is a connect one request's own connection? -----------===//
//
// `rehost fix --pool` turns connect-per-request code into pool borrows: the
// connect becomes rehost_pool_acquire and its redisFree rehost_redisRelease.
// That is safe only when the context lives and dies in one function and is
// used for nothing a pooled connection cannot do; this unit proves it or says
// why not.
//
//===----------------------------------------------------------------------===//

#ifndef REHOST_POOLPROOF_H
#define REHOST_POOLPROOF_H

#include <string>
#include <vector>

namespace clang {
class ASTContext;
class CallExpr;
} // namespace clang

namespace rehost {

/// What the proof found for one connect.
struct PooledUse {
  /// The context's redisFree calls, which become rehost_redisRelease.
  std::vector<const clang::CallExpr *> Frees;
  /// Non-empty: why the connect stays a plain drop-in.
  std::string Problem;
};

/// Proves that \p Connect initialises a local `redisContext *` whose every
/// use in its function is a command or reply function's context argument,
/// a read of its err or errstr, a NULL test, or its redisFree; that it is
/// freed in that function; and that the code tests it for NULL (the pool's
/// failure) before any other use, leaving the function when it is NULL.
PooledUse provePerRequestContext(const clang::CallExpr &Connect,
                                 clang::ASTContext &Context);

} // namespace rehost

#endif // REHOST_POOLPROOF_H
