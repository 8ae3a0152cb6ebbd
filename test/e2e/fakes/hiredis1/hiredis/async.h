/* hiredis 1.x's redisAsyncConnectWithOptions over Debian's hiredis 0.14,
 * for the end-to-end tests (see hiredis.h beside it). */
#ifndef REHOST_E2E_HIREDIS1_ASYNC_H
#define REHOST_E2E_HIREDIS1_ASYNC_H

#include <hiredis/hiredis.h>
#include_next <hiredis/async.h>

static inline redisAsyncContext *
redisAsyncConnectWithOptions(const redisOptions *o) {
  /* 0.14 cannot adopt a descriptor; a socket path that cannot exist gives
   * the same failed context. */
  if (o->type == REDIS_CONN_USERFD)
    return redisAsyncConnectUnix("/nonexistent/rehost-e2e/userfd");
  if (o->type == REDIS_CONN_UNIX)
    return redisAsyncConnectUnix(o->endpoint.unix_socket);
  return redisAsyncConnect(o->endpoint.tcp.ip, o->endpoint.tcp.port);
}

#endif
