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

#define HIREDIS_CLUSTER_MAJOR 0
#define HIREDIS_CLUSTER_MINOR 7
#define HIREDIS_CLUSTER_PATCH 0

#define HIRCLUSTER_FLAG_NULL 0x0

/* The library's context begins with these public members; the stand-in
 * leaves out the private ones that follow. */
typedef struct redisClusterContext {
  int err;
  char errstr[128];
  int flags;
} redisClusterContext;
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
int redisClusterSetOptionConnectNonBlock(redisClusterContext *cc);
int redisClusterSetOptionConnectTimeout(redisClusterContext *cc,
                                        const struct timeval tv);
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
