// A literal handed to the project's own wrapper is a site where it is
// written, with the path it takes to the client call.
// RUN: %expect-exit 1 %rehost scan %s -- 2>&1 | FileCheck %s --implicit-check-not=warning:

#include <hiredis/async.h>
#include <hiredis/hiredis.h>
#include <stdio.h>

static redisAsyncContext *subscribe(const char *host, int port,
                                    const char *channel) {
  printf("subscribing to %s\n", channel);
  return redisAsyncConnect(host, port);
}

void listen_events(void) {
  subscribe("127.0.0.1", 6379, "events");
  // CHECK: :[[@LINE-1]]:3: warning: hardcoded Redis endpoint 'redis://127.0.0.1:6379' reaches 'redisAsyncConnect' through subscribe [{{.*}}wrapper-function.c:12]
}

// A wrapper of a wrapper is a sink too; the port it hands on beside the
// host is the endpoint's.
static redisAsyncContext *subscribe_default(const char *host) {
  return subscribe(host, 6380, "default");
}

void listen_default(void) {
  subscribe_default("10.1.2.3");
  // CHECK: :[[@LINE-1]]:3: warning: hardcoded Redis endpoint 'redis://10.1.2.3:6380' reaches 'redisAsyncConnect' through subscribe_default -> subscribe [{{.*}}wrapper-function.c:12]
}

// A port the client call fixes itself is the endpoint's too.
static redisContext *open_at(const char *host) {
  return redisConnect(host, 6390);
}

void open_replica(void) {
  open_at("10.2.2.2");
  // CHECK: :[[@LINE-1]]:3: warning: hardcoded Redis endpoint 'redis://10.2.2.2:6390' reaches 'redisConnect' through open_at [{{.*}}wrapper-function.c:[[@LINE-5]]]
}

// Values computed at run time are not findings; a channel name handed to a
// parameter that reaches no client call is not one either.
void listen_configured(const char *host, int port) {
  subscribe(host, port, "configured");
}
