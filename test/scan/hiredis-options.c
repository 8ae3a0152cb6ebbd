// RUN: %expect-exit 1 %rehost scan %s -- -I%inputs/hiredis-1 2>&1 | FileCheck %s --implicit-check-not=warning:
// hiredis 1.x's redisOptions: an assignment to endpoint.tcp.ip,
// endpoint.tcp.port or endpoint.unix_socket is a site, whether the
// REDIS_OPTIONS_SET_* macros write it or the code does. The host or socket
// pins the endpoint; a port alone does not.

#include <hiredis/async.h>
#include <hiredis/hiredis.h>
#include <stdlib.h>

#define CACHE_HOST "cache.internal"

redisContext *over_tcp(void) {
  redisOptions options = {0};
  REDIS_OPTIONS_SET_TCP(&options, "10.0.0.5", 6380);
  // CHECK: hiredis-options.c:[[@LINE-1]]:3: warning: hardcoded Redis endpoint 'redis://10.0.0.5:6380' in assignment to 'redisOptions::endpoint.tcp.ip' [rehost-hardcoded-endpoint]
  return redisConnectWithOptions(&options);
}

redisContext *over_socket(void) {
  redisOptions options = {0};
  REDIS_OPTIONS_SET_UNIX(&options, "/run/redis/redis.sock");
  // CHECK: :[[@LINE-1]]:3: warning: hardcoded Redis endpoint 'unix:///run/redis/redis.sock' in assignment to 'redisOptions::endpoint.unix_socket'
  return redisConnectWithOptions(&options);
}

redisAsyncContext *by_hand(redisOptions *opts) {
  opts->type = REDIS_CONN_TCP;
  opts->endpoint.tcp.ip = CACHE_HOST;
  // CHECK: :[[@LINE-1]]:3: warning: hardcoded Redis endpoint 'redis://cache.internal:7000' in assignment to 'redisOptions::endpoint.tcp.ip'
  opts->endpoint.tcp.port = 7000;
  return redisAsyncConnectWithOptions(opts);
}

redisContext *by_hand_socket(void) {
  redisOptions options = {0};
  options.type = REDIS_CONN_UNIX;
  options.endpoint.unix_socket = "/tmp/queue.sock";
  // CHECK: :[[@LINE-1]]:3: warning: hardcoded Redis endpoint 'unix:///tmp/queue.sock' in assignment to 'redisOptions::endpoint.unix_socket'
  return redisConnectWithOptions(&options);
}

redisContext *configured(int argc, char **argv) {
  redisOptions options = {0};
  REDIS_OPTIONS_SET_TCP(&options, getenv("REDIS_HOST"), atoi(getenv("REDIS_PORT")));
  redisOptions socket = {0};
  REDIS_OPTIONS_SET_UNIX(&socket, argv[argc - 1]);
  redisFree(redisConnectWithOptions(&socket));
  return redisConnectWithOptions(&options);
}

redisContext *port_alone(void) {
  // The host comes from the environment: a port alone pins nothing.
  redisOptions options = {0};
  options.endpoint.tcp.ip = getenv("REDIS_HOST");
  options.endpoint.tcp.port = 6390;
  return redisConnectWithOptions(&options);
}

// The same member path in a project's own type is not hiredis's.
typedef struct {
  union {
    struct {
      const char *source_addr;
      const char *ip;
      int port;
    } tcp;
    const char *unix_socket;
  } endpoint;
} appOptions;

void lookalike(appOptions *opts) {
  opts->endpoint.tcp.ip = "10.0.0.9";
  opts->endpoint.tcp.port = 6379;
  opts->endpoint.unix_socket = "/tmp/app.sock";
}

// CHECK: rehost: 4 findings
