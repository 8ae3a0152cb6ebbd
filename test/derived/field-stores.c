// A struct field that reaches a client call: every constant stored into it
// is a site (an assignment, a string copy, a braced initializer, an array
// of them).
// RUN: %expect-exit 1 %rehost scan %s -- 2>&1 | FileCheck %s --implicit-check-not=warning:

#include <hiredis/hiredis.h>
#include <string.h>

#define SERV_IP "10.0.0.9"
#define SERV_PORT 6381

struct redis_pool {
  char host[64];
  int port;
  redisContext *ctx;
};

void pool_init(struct redis_pool *p) {
  strcpy(p->host, SERV_IP);
  // CHECK: :[[@LINE-1]]:3: warning: hardcoded Redis endpoint 'redis://10.0.0.9:6381' reaches 'redisConnectWithTimeout' through pool_connect
  p->port = SERV_PORT;
}

int pool_connect(struct redis_pool *pool) {
  struct timeval tv = {1, 0};
  pool->ctx = redisConnectWithTimeout(pool->host, pool->port, tv);
  return pool->ctx != NULL;
}

typedef struct {
  const char *host;
  int port;
} endpoint_t;

static const endpoint_t replicas[] = {
    {"10.0.1.1", 6379},
    // CHECK: :[[@LINE-1]]:5: warning: hardcoded Redis endpoint 'redis://10.0.1.1:6379' reaches 'redisConnect' through connect_replica
    {"10.0.1.2", 6380},
    // CHECK: :[[@LINE-1]]:5: warning: hardcoded Redis endpoint 'redis://10.0.1.2:6380' reaches 'redisConnect' through connect_replica
};

redisContext *connect_replica(int i) {
  return redisConnect(replicas[i].host, replicas[i].port);
}

// A field that is only read, never given a constant, is no site.
struct config {
  const char *host;
};
redisContext *from_config(const struct config *c) {
  return redisConnect(c->host, 6379);
}
