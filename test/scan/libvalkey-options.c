// RUN: %expect-exit 1 %rehost scan %s -- -I%inputs/libvalkey 2>&1 | FileCheck %s --implicit-check-not=warning:
// libvalkey's valkeyOptions: an assignment to endpoint.tcp.ip,
// endpoint.tcp.port or endpoint.unix_socket is a site, whether the
// VALKEY_OPTIONS_SET_* macros write it or the code does. The host or socket
// pins the endpoint; a port alone does not.

#include <stdlib.h>
#include <valkey/async.h>
#include <valkey/valkey.h>

valkeyContext *over_tcp(void) {
  valkeyOptions options = {0};
  VALKEY_OPTIONS_SET_TCP(&options, "10.0.0.5", 6380);
  // CHECK: libvalkey-options.c:[[@LINE-1]]:3: warning: hardcoded Redis endpoint 'redis://10.0.0.5:6380' in assignment to 'valkeyOptions::endpoint.tcp.ip' [rehost-hardcoded-endpoint]
  return valkeyConnectWithOptions(&options);
}

valkeyContext *over_socket(void) {
  valkeyOptions options = {0};
  VALKEY_OPTIONS_SET_UNIX(&options, "/run/valkey/valkey.sock");
  // CHECK: :[[@LINE-1]]:3: warning: hardcoded Redis endpoint 'unix:///run/valkey/valkey.sock' in assignment to 'valkeyOptions::endpoint.unix_socket'
  return valkeyConnectWithOptions(&options);
}

valkeyAsyncContext *by_hand(valkeyOptions *opts) {
  opts->type = VALKEY_CONN_TCP;
  opts->endpoint.tcp.ip = "events.internal";
  // CHECK: :[[@LINE-1]]:3: warning: hardcoded Redis endpoint 'redis://events.internal:7000' in assignment to 'valkeyOptions::endpoint.tcp.ip'
  opts->endpoint.tcp.port = 7000;
  return valkeyAsyncConnectWithOptions(opts);
}

valkeyContext *socket_by_hand(valkeyOptions *opts) {
  opts->type = VALKEY_CONN_UNIX;
  opts->endpoint.unix_socket = "/tmp/jobs.sock";
  // CHECK: :[[@LINE-1]]:3: warning: hardcoded Redis endpoint 'unix:///tmp/jobs.sock' in assignment to 'valkeyOptions::endpoint.unix_socket'
  return valkeyConnectWithOptions(opts);
}

valkeyContext *configured(void) {
  valkeyOptions options = {0};
  VALKEY_OPTIONS_SET_TCP(&options, getenv("VALKEY_HOST"), 6390);
  return valkeyConnectWithOptions(&options);
}

// The same member path in a project's own type is not libvalkey's.
typedef struct {
  union {
    struct {
      const char *ip;
      int port;
    } tcp;
  } endpoint;
} myOptions;

void own(myOptions *o) { o->endpoint.tcp.ip = "10.0.0.9"; }

// CHECK: rehost: 4 findings
