/* A hiredis-cluster for the end-to-end tests, over hiredis: Debian ships no
 * cluster client. It implements the entry points of test/Inputs/
 * hiredis-cluster/hircluster.h that migrated programs call, against one
 * node (a plain redis-server answers as the whole "cluster"): the first
 * address of the node list, with exactly the password and user it is given.
 */
#include <hircluster.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  redisClusterContext base; /* first: the library's public members */
  char *node;               /* "host:port" of the first node added */
  char *username;
  char *password;
  struct timeval connect_timeout;
  int has_timeout;
  redisContext *connection;
} FakeCluster;

static FakeCluster *fake(redisClusterContext *cc) { return (FakeCluster *)cc; }

static void fail(redisClusterContext *cc, const char *what, const char *why) {
  cc->err = REDIS_ERR_OTHER;
  snprintf(cc->errstr, sizeof cc->errstr, "%s%s", what, why);
}

static void replace(char **slot, const char *value) {
  free(*slot);
  *slot = value && *value ? strdup(value) : NULL;
}

redisClusterContext *redisClusterContextInit(void) {
  return (redisClusterContext *)calloc(1, sizeof(FakeCluster));
}

void redisClusterFree(redisClusterContext *cc) {
  if (!cc)
    return;
  FakeCluster *f = fake(cc);
  if (f->connection)
    redisFree(f->connection);
  free(f->node);
  free(f->username);
  free(f->password);
  free(f);
}

int redisClusterSetOptionAddNodes(redisClusterContext *cc, const char *addrs) {
  if (!cc)
    return REDIS_ERR;
  if (!addrs) {
    /* The real library reads addrs with strlen: fail the test loudly. */
    fprintf(stderr, "fake hiredis-cluster: NULL node list\n");
    abort();
  }
  if (!fake(cc)->node)
    fake(cc)->node = strndup(addrs, strcspn(addrs, ","));
  return REDIS_OK;
}

int redisClusterSetOptionAddNode(redisClusterContext *cc, const char *addr) {
  return redisClusterSetOptionAddNodes(cc, addr);
}

int redisClusterSetOptionUsername(redisClusterContext *cc,
                                  const char *username) {
  if (!cc)
    return REDIS_ERR;
  replace(&fake(cc)->username, username);
  return REDIS_OK;
}

int redisClusterSetOptionPassword(redisClusterContext *cc,
                                  const char *password) {
  if (!cc)
    return REDIS_ERR;
  replace(&fake(cc)->password, password);
  return REDIS_OK;
}

int redisClusterSetOptionConnectTimeout(redisClusterContext *cc,
                                        const struct timeval tv) {
  if (!cc)
    return REDIS_ERR;
  fake(cc)->connect_timeout = tv;
  fake(cc)->has_timeout = 1;
  return REDIS_OK;
}

int redisClusterSetOptionConnectNonBlock(redisClusterContext *cc) {
  return cc ? REDIS_OK : REDIS_ERR;
}

static int authenticate(FakeCluster *f) {
  if (!f->password)
    return REDIS_OK;
  redisReply *reply =
      f->username ? redisCommand(f->connection, "AUTH %s %s", f->username,
                                 f->password)
                  : redisCommand(f->connection, "AUTH %s", f->password);
  int ok = reply && reply->type != REDIS_REPLY_ERROR;
  if (!ok)
    fail(&f->base, "AUTH: ", reply ? reply->str : f->connection->errstr);
  if (reply)
    freeReplyObject(reply);
  return ok ? REDIS_OK : REDIS_ERR;
}

int redisClusterConnect2(redisClusterContext *cc) {
  if (!cc)
    return REDIS_ERR;
  FakeCluster *f = fake(cc);
  if (!f->node) {
    fail(cc, "", "servers address not configured");
    return REDIS_ERR;
  }
  char host[256];
  const char *colon = strrchr(f->node, ':');
  if (!colon || (size_t)(colon - f->node) >= sizeof host) {
    fail(cc, "bad node address: ", f->node);
    return REDIS_ERR;
  }
  memcpy(host, f->node, (size_t)(colon - f->node));
  host[colon - f->node] = '\0';
  int port = atoi(colon + 1);
  f->connection = f->has_timeout
                      ? redisConnectWithTimeout(host, port, f->connect_timeout)
                      : redisConnect(host, port);
  if (!f->connection || f->connection->err) {
    fail(cc, "connect: ",
         f->connection ? f->connection->errstr : "out of memory");
    return REDIS_ERR;
  }
  return authenticate(f);
}

void *redisClusterCommand(redisClusterContext *cc, const char *format, ...) {
  FakeCluster *f = fake(cc);
  if (!f->connection || cc->err)
    return NULL;
  va_list ap;
  va_start(ap, format);
  void *reply = redisvCommand(f->connection, format, ap);
  va_end(ap);
  return reply;
}
