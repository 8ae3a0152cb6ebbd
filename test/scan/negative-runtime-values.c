// RUN: %expect-exit 0 %rehost scan %s -- 2>&1 | FileCheck %s --implicit-check-not=warning:
// Endpoints computed at run time are configuration already.

#include <hiredis/hiredis.h>
#include <stdlib.h>

struct settings {
  const char *host;
  int port;
  const char *socket;
};

redisContext *from_env(void) {
  return redisConnect(getenv("REDIS_HOST"), atoi(getenv("REDIS_PORT")));
}

redisContext *from_argv(int argc, char **argv) {
  return redisConnect(argv[1], atoi(argv[2]));
}

redisContext *from_parameters(const char *host, int port) {
  return redisConnect(host, port);
}

redisContext *from_config(const struct settings *s) {
  return redisConnect(s->host, s->port);
}

redisContext *socket_from_config(const struct settings *s) {
  return redisConnectUnix(s->socket);
}

redisContext *host_from_env_port_fixed(void) {
  // A fixed port next to a configured host does not pin the endpoint.
  return redisConnect(getenv("REDIS_HOST"), 6379);
}

// CHECK: rehost: 0 findings
