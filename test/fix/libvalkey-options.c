// RUN: rm -rf %t && mkdir %t && %strip-checks %s %t/app.c
// RUN: cd %t && %expect-exit 1 %rehost fix --format json -o %t/report.json app.c -- -I%inputs/libvalkey 2>&1 | FileCheck %s --check-prefix=OUT
// RUN: FileCheck %s --input-file=%t/report.json --check-prefix=REPORT
// RUN: FileCheck %s --input-file=%t/app.c --check-prefix=FIXED
// RUN: %clang-syntax -std=c99 -Wall -Wextra -Wno-missing-field-initializers -pedantic -Werror -I%inputs/libvalkey %t/app.c
// RUN: %clang-syntax -x c++ -std=c++11 -Wall -Wextra -Wno-missing-field-initializers -Werror -I%inputs/libvalkey %t/app.c
// RUN: cp %t/app.c %t/app.c.first
// RUN: cd %t && %expect-exit 1 %rehost fix --format text app.c -- -I%inputs/libvalkey
// RUN: cmp %t/app.c %t/app.c.first
// libvalkey's valkeyOptions: the assigned host, port and socket path are
// wrapped in the C accessors where they are written, in the macro's
// arguments too, and the connect the options are handed to becomes the
// helper of rehost/valkey.h, which checks the profile and sends its AUTH and
// SELECT.

#include <valkey/async.h>
#include <valkey/valkey.h>
// FIXED: #include <valkey/valkey.h>
// FIXED-EMPTY:
// FIXED-NEXT: #include <rehost/valkey.h>

valkeyContext *over_tcp(void) {
  valkeyOptions options = {0};
  VALKEY_OPTIONS_SET_TCP(&options, "10.0.0.5", 6380);
  // FIXED: VALKEY_OPTIONS_SET_TCP(&options, rehost_host("default", "10.0.0.5"), rehost_port("default", 6380));
  return valkeyConnectWithOptions(&options);
  // FIXED: return rehost_valkeyConnectWithOptions(&options, "default");
}

valkeyContext *over_socket(void) {
  valkeyOptions options = {0};
  VALKEY_OPTIONS_SET_UNIX(&options, "/run/valkey/queue.sock");
  // FIXED: VALKEY_OPTIONS_SET_UNIX(&options, rehost_socket("queue", "/run/valkey/queue.sock"));
  return valkeyConnectWithOptions(&options);
  // FIXED: return rehost_valkeyConnectWithOptions(&options, "queue");
}

valkeyAsyncContext *by_hand(valkeyOptions *opts) {
  opts->type = VALKEY_CONN_TCP;
  opts->endpoint.tcp.ip = "events.internal";
  // FIXED: opts->endpoint.tcp.ip = rehost_host("events", "events.internal");
  opts->endpoint.tcp.port = 6381;
  // FIXED: opts->endpoint.tcp.port = rehost_port("events", 6381);
  return valkeyAsyncConnectWithOptions(opts);
  // FIXED: return rehost_valkeyAsyncConnectWithOptions(opts, "events");
}

valkeyContext *socket_by_hand(valkeyOptions *opts) {
  opts->type = VALKEY_CONN_UNIX;
  opts->endpoint.unix_socket = "/run/valkey/jobs.sock";
  // FIXED: opts->endpoint.unix_socket = rehost_socket("jobs", "/run/valkey/jobs.sock");
  return valkeyConnectWithOptions(opts);
  // FIXED: return rehost_valkeyConnectWithOptions(opts, "jobs");
}

void connect_elsewhere(valkeyOptions *options);

void connected_elsewhere(void) {
  // The options leave this file before they are connected: wrapping the
  // fields alone could hand libvalkey a NULL host, so the site is left.
  valkeyOptions options = {0};
  VALKEY_OPTIONS_SET_TCP(&options, "10.0.0.9", 6379);
  // FIXED: VALKEY_OPTIONS_SET_TCP(&options, "10.0.0.9", 6379);
  connect_elsewhere(&options);
}

// OUT: rehost: fixed 4 of 5 findings in 1 file (1 file changed); 1 manual; 1 translation unit scanned

// REPORT: "action": "fixed",
// REPORT: "after": "{{.*}}VALKEY_OPTIONS_SET_TCP(&options, rehost_host(\"default\", \"10.0.0.5\"), rehost_port(\"default\", 6380));{{.*}}",
// REPORT: "action": "manual",
