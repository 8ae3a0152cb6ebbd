/* The C API used from C: proves rehost.h is valid C and its drop-ins work
 * from a C translation unit. */
#include <hiredis/async.h>
#include <hiredis/hiredis.h>
#include <rehost/rehost.h>

#include <stdio.h>
#include <string.h>

/* Connects through `profile` with the given fallback and PINGs. Returns 1 on
 * PONG; otherwise 0 with the reason in err. */
int rehost_test_c_ping(const char *profile, const char *ip, int port, char *err,
                       size_t errlen) {
  redisContext *c = rehost_redisConnect(profile, ip, port);
  redisReply *reply;
  int ok;
  if (c == NULL || c->err) {
    snprintf(err, errlen, "%s", c ? c->errstr : "out of memory");
    redisFree(c);
    return 0;
  }
  reply = redisCommand(c, "PING");
  ok = reply != NULL && reply->type == REDIS_REPLY_STATUS &&
       strcmp(reply->str, "PONG") == 0;
  if (!ok)
    snprintf(err, errlen, "%s", reply ? reply->str : c->errstr);
  freeReplyObject(reply);
  redisFree(c);
  return ok;
}

const char *rehost_test_c_host(const char *profile, const char *fallback) {
  return rehost_host(profile, fallback);
}

/* The Bind drop-ins called from C; the C++ test drives what they return.
 * `reuse` picks the ...WithReuse variant. */
redisContext *rehost_test_c_bind_nonblock(const char *profile, const char *ip,
                                          int port, const char *source_addr) {
  return rehost_redisConnectBindNonBlockWithReuse(profile, ip, port,
                                                  source_addr);
}

redisAsyncContext *rehost_test_c_async_bind(int reuse, const char *profile,
                                            const char *ip, int port,
                                            const char *source_addr) {
  return reuse ? rehost_redisAsyncConnectBindWithReuse(profile, ip, port,
                                                       source_addr)
               : rehost_redisAsyncConnectBind(profile, ip, port, source_addr);
}
