// RUN: rm -rf %t && mkdir %t && %strip-checks %s %t/app.c
// RUN: cd %t && %expect-exit 1 %rehost fix --format json -o %t/report.json app.c -- -I%inputs/hiredis-1 2>&1 | FileCheck %s --check-prefix=OUT
// RUN: FileCheck %s --input-file=%t/report.json --check-prefix=REPORT
// RUN: FileCheck %s --input-file=%t/app.c --check-prefix=FIXED
// RUN: %clang-syntax -I%inputs/hiredis-1 %t/app.c
// RUN: cp %t/app.c %t/app.c.first
// RUN: cd %t && %expect-exit 1 %rehost fix --format text app.c -- -I%inputs/hiredis-1
// RUN: cmp %t/app.c %t/app.c.first
// hiredis 1.x's redisOptions: the assigned host, port and socket path are
// wrapped in the C accessors where they are written, in the macro's
// arguments too, and the connect the options are handed to becomes the
// runtime's helper (rehost/hiredis_options.h, compiled against the file's
// own hiredis), which checks the profile and sends its AUTH and SELECT.
// With -I%inputs/hiredis-1 the hiredis headers are the 1.x stand-ins.

#include <hiredis/async.h>
#include <hiredis/hiredis.h>
// FIXED: #include <hiredis/hiredis.h>
// FIXED-NEXT: #include <rehost/hiredis_options.h>
// FIXED-NOT: {{^}}#include <rehost/rehost.h>

#define CACHE_OPTIONS(opts) REDIS_OPTIONS_SET_TCP(opts, "cache.internal", 6379)

redisContext *over_tcp(void) {
  redisOptions options = {0};
  REDIS_OPTIONS_SET_TCP(&options, "10.0.0.5", 6380);
  // FIXED: REDIS_OPTIONS_SET_TCP(&options, rehost_host("default", "10.0.0.5"), rehost_port("default", 6380));
  return redisConnectWithOptions(&options);
  // FIXED: return rehost_redisConnectWithOptions(&options, "default");
}

redisContext *over_socket(void) {
  redisOptions options = {0};
  REDIS_OPTIONS_SET_UNIX(&options, "/run/redis/queue.sock");
  // FIXED: REDIS_OPTIONS_SET_UNIX(&options, rehost_socket("queue", "/run/redis/queue.sock"));
  return redisConnectWithOptions(&options);
  // FIXED: return rehost_redisConnectWithOptions(&options, "queue");
}

redisAsyncContext *by_hand(redisOptions *opts) {
  opts->type = REDIS_CONN_TCP;
  opts->endpoint.tcp.ip = "events.internal";
  // FIXED: opts->endpoint.tcp.ip = rehost_host("events", "events.internal");
  opts->endpoint.tcp.port = 6381;
  // FIXED: opts->endpoint.tcp.port = rehost_port("events", 6381);
  return redisAsyncConnectWithOptions(opts);
  // FIXED: return rehost_redisAsyncConnectWithOptions(opts, "events");
}

redisContext *socket_by_hand(redisOptions *opts) {
  opts->type = REDIS_CONN_UNIX;
  opts->endpoint.unix_socket = "/run/redis/jobs.sock";
  // FIXED: opts->endpoint.unix_socket = rehost_socket("jobs", "/run/redis/jobs.sock");
  return redisConnectWithOptions(opts);
  // FIXED: return rehost_redisConnectWithOptions(opts, "jobs");
}

redisContext *in_macro_body(void) {
  // The values are written in CACHE_OPTIONS' body: left for a human.
  redisOptions options = {0};
  CACHE_OPTIONS(&options);
  // FIXED: CACHE_OPTIONS(&options);
  return redisConnectWithOptions(&options);
  // FIXED: return redisConnectWithOptions(&options);
}

void connect_elsewhere(redisOptions *options);

void connected_elsewhere(void) {
  // The options leave this file before they are connected: wrapping the
  // fields alone could hand hiredis a NULL host, so the site is left.
  redisOptions options = {0};
  REDIS_OPTIONS_SET_TCP(&options, "10.0.0.9", 6379);
  // FIXED: REDIS_OPTIONS_SET_TCP(&options, "10.0.0.9", 6379);
  connect_elsewhere(&options);
}

// OUT: rehost: fixed 4 of 6 findings in 1 file (1 file changed); 2 manual; 1 translation unit scanned

// The JSON report records the rewrite.
// REPORT: "action": "fixed",
// REPORT: "after": "{{.*}}REDIS_OPTIONS_SET_TCP(&options, rehost_host(\"default\", \"10.0.0.5\"), rehost_port(\"default\", 6380));{{.*}}",
// REPORT: "reason": "rehost cannot see the connect this object is handed to (no redisConnectWithOptions or redisAsyncConnectWithOptions on it in this translation unit), and only the rewritten connect can refuse a bad configuration; rewrite it by hand"
