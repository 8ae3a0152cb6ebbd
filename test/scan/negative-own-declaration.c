// RUN: %expect-exit 0 %rehost scan %s -- 2>&1 | FileCheck %s --implicit-check-not=warning:
// A project that declares its own redisConnect (no hiredis) is not using hiredis.

typedef struct Conn Conn;
Conn *redisConnect(const char *host, int port);
Conn *redisAsyncConnect(const char *host, int port);

void uses(void) {
  redisConnect("127.0.0.1", 6379);
  redisAsyncConnect("127.0.0.1", 6379);
}

// CHECK: rehost: 0 findings
