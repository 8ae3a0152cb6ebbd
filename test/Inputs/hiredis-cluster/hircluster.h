/* Stand-in for hiredis-cluster's hircluster.h: only the declarations rehost's
 * tests call, with the library's signatures. */
#ifndef REHOST_TEST_HIRCLUSTER_H
#define REHOST_TEST_HIRCLUSTER_H

#include <hiredis/async.h>
#include <hiredis/hiredis.h>
#include <sys/time.h>

#ifdef __cplusplus
extern "C" {
#endif

#define HIRCLUSTER_FLAG_NULL 0x0

typedef struct redisClusterContext redisClusterContext;
typedef struct redisClusterAsyncContext redisClusterAsyncContext;
typedef void(redisClusterCallbackFn)(struct redisClusterAsyncContext *, void *,
                                     void *);

redisClusterContext *redisClusterConnect(const char *addrs, int flags);
redisClusterContext *redisClusterConnectWithTimeout(const char *addrs,
                                                    const struct timeval tv,
                                                    int flags);
redisClusterContext *redisClusterConnectNonBlock(const char *addrs, int flags);
int redisClusterConnect2(redisClusterContext *cc);

redisClusterContext *redisClusterContextInit(void);
void redisClusterFree(redisClusterContext *cc);

int redisClusterSetOptionAddNode(redisClusterContext *cc, const char *addr);
int redisClusterSetOptionAddNodes(redisClusterContext *cc, const char *addrs);
int redisClusterSetOptionUsername(redisClusterContext *cc,
                                  const char *username);
int redisClusterSetOptionPassword(redisClusterContext *cc,
                                  const char *password);

void *redisClusterCommand(redisClusterContext *cc, const char *format, ...);
int redisClusterAppendCommand(redisClusterContext *cc, const char *format,
                              ...);

redisClusterAsyncContext *redisClusterAsyncConnect(const char *addrs,
                                                   int flags);
int redisClusterAsyncCommand(redisClusterAsyncContext *acc,
                             redisClusterCallbackFn *fn, void *privdata,
                             const char *format, ...);

#ifdef __cplusplus
}
#endif

#endif
