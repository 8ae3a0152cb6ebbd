/* Stand-in for hiredis 1.x's async.h: the asynchronous context and its
 * options-based connect, with hiredis 1.2.0's signatures. */
#ifndef __HIREDIS_ASYNC_H
#define __HIREDIS_ASYNC_H

#include "hiredis.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct redisAsyncContext {
  redisContext c;
  int err;
  char *errstr;
  void *data;
} redisAsyncContext;

typedef void(redisCallbackFn)(struct redisAsyncContext *, void *, void *);

redisAsyncContext *redisAsyncConnectWithOptions(const redisOptions *options);
redisAsyncContext *redisAsyncConnectUnix(const char *path);
void redisAsyncDisconnect(redisAsyncContext *ac);
void redisAsyncFree(redisAsyncContext *ac);
int redisAsyncCommandArgv(redisAsyncContext *ac, redisCallbackFn *fn,
                          void *privdata, int argc, const char **argv,
                          const size_t *argvlen);

#ifdef __cplusplus
}
#endif

#endif /* REHOST_TEST_HIREDIS_1_ASYNC_H */
