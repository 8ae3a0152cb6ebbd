/* rehost runtime: hiredis-cluster (and hiredis-vip) on a profile.
 *
 * `rehost fix` rewrites the cluster connects into these helpers:
 *   redisClusterConnect("10.0.0.1:7000", flags)
 *     -> rehost_redisClusterConnect("default", "10.0.0.1:7000", flags)
 *   redisClusterConnect2(cc)  (after redisClusterSetOptionAddNodes(cc, ...))
 *     -> rehost_redisClusterConnect2(cc, "default")
 * so the connection gets the profile's nodes, password and user, and a bad
 * configuration gives a context with err set and an errstr naming the
 * variable or key (the accessors then return NULL, which is never handed to
 * the library).
 *
 * Static inline, compiled in the including file against its own cluster
 * library: the runtime is built without it. Include the library's
 * hircluster.h before this header. */
#ifndef REHOST_CLUSTER_H
#define REHOST_CLUSTER_H

#include <rehost/rehost.h>

#include <stdio.h>

#ifndef HIRCLUSTER_FLAG_NULL
#error "rehost/cluster.h: include hircluster.h (the cluster library) first"
#endif

/* hiredis-cluster has password options; from 0.7 a user too. hiredis-vip,
 * which defines no HIREDIS_CLUSTER_MAJOR, has neither. */
#if defined(HIREDIS_CLUSTER_MAJOR)
#define REHOST_CLUSTER_HAS_PASSWORD 1
#if HIREDIS_CLUSTER_MAJOR > 0 || HIREDIS_CLUSTER_MINOR >= 7
#define REHOST_CLUSTER_HAS_USERNAME 1
#endif
#endif

static inline int rehost__cluster_failed(redisClusterContext *cc,
                                         const char *message) {
  cc->err = REDIS_ERR_OTHER;
  snprintf(cc->errstr, sizeof cc->errstr, "%s", message);
  return REDIS_ERR;
}

/* redisClusterConnect2(cc) on profile `profile`: the profile's credentials
 * are set on cc first (the code's own stay when it configures none). */
static inline int rehost_redisClusterConnect2(redisClusterContext *cc,
                                              const char *profile) {
  const char *problem;
  if (!cc)
    return REDIS_ERR;
  problem = rehost_check(profile);
  if (problem)
    return rehost__cluster_failed(cc, problem);
#ifdef REHOST_CLUSTER_HAS_PASSWORD
  {
    const char *password = rehost_password(profile, NULL);
    if (password && redisClusterSetOptionPassword(cc, password) != REDIS_OK)
      return REDIS_ERR;
  }
#endif
#ifdef REHOST_CLUSTER_HAS_USERNAME
  {
    const char *user = rehost_username(profile, NULL);
    if (user && redisClusterSetOptionUsername(cc, user) != REDIS_OK)
      return REDIS_ERR;
  }
#endif
  return redisClusterConnect2(cc);
}

/* The direct connects, made as cc = redisClusterContextInit(), the node
 * list, then rehost_redisClusterConnect2: the same steps the libraries take
 * inside, with the profile's credentials added. `profile` may be a profile
 * set ("match:a,b", rehost.h), matched against the node list `addrs`.
 * rehost_redisClusterConnect2 takes no set: it is given no node list. */
static inline redisClusterContext *
rehost__cluster_connect(const char *profile, const char *addrs, int flags,
                        const struct timeval *timeout, int nonblock) {
  const int picked =
      rehost_pick_profile(profile, NULL, 0, NULL, addrs, &profile);
  const char *problem = picked < 0    ? rehost_last_error()
                        : picked == 0 ? NULL
                                      : rehost_check(profile);
  redisClusterContext *cc = redisClusterContextInit();
  if (!cc)
    return NULL;
  cc->flags |= flags;
  if (problem) {
    rehost__cluster_failed(cc, problem);
    return cc;
  }
  if (timeout)
    redisClusterSetOptionConnectTimeout(cc, *timeout);
  if (nonblock)
    redisClusterSetOptionConnectNonBlock(cc);
  /* A profile set that picks no profile: the connect as written. */
  if (picked == 0) {
    if (redisClusterSetOptionAddNodes(cc, addrs) == REDIS_OK)
      redisClusterConnect2(cc);
  } else if (redisClusterSetOptionAddNodes(
                 cc, rehost_cluster_nodes(profile, addrs)) == REDIS_OK)
    rehost_redisClusterConnect2(cc, profile);
  return cc;
}

static inline redisClusterContext *
rehost_redisClusterConnect(const char *profile, const char *addrs, int flags) {
  return rehost__cluster_connect(profile, addrs, flags, NULL, 0);
}

static inline redisClusterContext *
rehost_redisClusterConnectWithTimeout(const char *profile, const char *addrs,
                                      const struct timeval tv, int flags) {
  return rehost__cluster_connect(profile, addrs, flags, &tv, 0);
}

static inline redisClusterContext *
rehost_redisClusterConnectNonBlock(const char *profile, const char *addrs,
                                   int flags) {
  return rehost__cluster_connect(profile, addrs, flags, NULL, 1);
}

#endif /* REHOST_CLUSTER_H */
