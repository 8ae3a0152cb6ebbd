/* Stand-in for hiredis-vip's hircluster.h: the connect and node options it
 * shares with hiredis-cluster (it has no password option). */
#ifndef REHOST_TEST_HIREDIS_VIP_HIRCLUSTER_H
#define REHOST_TEST_HIREDIS_VIP_HIRCLUSTER_H

#include <hiredis/hiredis.h>
#include <sys/time.h>

#ifdef __cplusplus
extern "C" {
#endif

#define HIRCLUSTER_FLAG_NULL 0x0

/* The library's context begins with these public members; the stand-in
 * leaves out the private ones that follow. */
typedef struct redisClusterContext {
  int err;
  char errstr[128];
  int flags;
} redisClusterContext;

redisClusterContext *redisClusterConnect(const char *addrs, int flags);
redisClusterContext *redisClusterConnectWithTimeout(const char *addrs,
                                                    const struct timeval tv,
                                                    int flags);
redisClusterContext *redisClusterConnectNonBlock(const char *addrs, int flags);
redisClusterContext *redisClusterContextInit(void);
int redisClusterSetOptionAddNodes(redisClusterContext *cc, const char *addrs);
int redisClusterSetOptionConnectNonBlock(redisClusterContext *cc);
int redisClusterSetOptionConnectTimeout(redisClusterContext *cc,
                                        const struct timeval tv);
int redisClusterConnect2(redisClusterContext *cc);

#ifdef __cplusplus
}
#endif

#endif
