/* Stand-in for hiredis 1.x's async.h: the asynchronous context and its
 * options-based connect, with hiredis 1.2.0's signatures. */
#ifndef REHOST_TEST_HIREDIS_1_ASYNC_H
#define REHOST_TEST_HIREDIS_1_ASYNC_H

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

redisAsyncContext *redisAsyncConnectWithOptions(const redisOptions *options);
void redisAsyncFree(redisAsyncContext *ac);

#ifdef __cplusplus
}
#endif

#endif /* REHOST_TEST_HIREDIS_1_ASYNC_H */
