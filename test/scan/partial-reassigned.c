// RUN: %expect-exit 1 %rehost scan %s -- 2>&1 | FileCheck %s --implicit-check-not=warning:
// A literal that run-time code may replace is a fallback, not the endpoint.

#include <hiredis/hiredis.h>
#include <unistd.h>

static const char *redis_host = "127.0.0.1";
static int redis_port = 6379;

void parse_options(int argc, char **argv) {
  int opt;
  while ((opt = getopt(argc, argv, "h:")) != -1)
    if (opt == 'h')
      redis_host = optarg;
}

redisContext *from_overridable_globals(void) {
  return redisConnect(redis_host, redis_port);
  // CHECK: :[[@LINE-1]]:10: warning: partially hardcoded Redis endpoint 'redis://127.0.0.1:6379' in call to 'redisConnect'
}

redisContext *from_overridable_local(int argc, char **argv) {
  const char *sock = "/tmp/redis.sock";
  if (argc > 1)
    sock = argv[1];
  return redisConnectUnix(sock);
  // CHECK: :[[@LINE-1]]:10: warning: partially hardcoded Redis endpoint 'unix:///tmp/redis.sock' in call to 'redisConnectUnix'
}
