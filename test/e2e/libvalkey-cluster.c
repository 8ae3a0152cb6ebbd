// REQUIRES: redis-server
// RUN: rm -rf %t && mkdir %t && %strip-checks %s %t/app.c
// RUN: cd %t && %rehost fix --format text -o %t/report.txt app.c -- -I%inputs/libvalkey
// RUN: FileCheck %s --check-prefix=FIXED --input-file=%t/app.c
// RUN: not grep -n 'cluster[-]pw' %t/app.c
// RUN: %e2e-cc-valkey %t/app.c -o %t/app
// RUN: cd %t && %with-redis --env 'REDIS_URL=redis://:{password}@127.0.0.1:{port}/4' \
// RUN:   --expect '4 visits 2' --expect '0 visits (none)' -- %t/app | FileCheck %s
// RUN: cd %t && env REDIS_URL='redis://127.0.0.1:notaport' %expect-exit 1 %t/app 2>&1 \
// RUN:   | FileCheck %s --check-prefix=BAD
// RUN: cd %t && %with-redis --env 'REDIS_URL=rediss://:{password}@127.0.0.1:{port}/4' \
// RUN:   --expect-fail --expect-empty -- %t/app 2>&1 | FileCheck %s --check-prefix=TLS
// libvalkey's cluster API (against the fake libvalkey of test/e2e/fakes: one
// node of a plain redis-server) with its nodes and password written in it,
// migrated, then run against a server that only REDIS_URL names: the
// options' connect and the direct connect both reach it with the profile's
// password and db 4 (libvalkey's select_db). Under a malformed REDIS_URL
// each gets a failed context naming the variable, and a TLS profile is
// refused; no NULL node list reaches the library.

#include <stdio.h>
#include <valkey/cluster.h>
// FIXED: #include <valkey/cluster.h>
// FIXED-EMPTY:
// FIXED-NEXT: #include <rehost/valkey.h>

static int incr(valkeyClusterContext *cc, const char *form) {
  if (cc == NULL || cc->err) {
    fprintf(stderr, "%s: %s\n", form, cc ? cc->errstr : "out of memory");
    return 1;
  }
  valkeyReply *reply = valkeyClusterCommand(cc, "INCR visits");
  if (reply == NULL || reply->type != VALKEY_REPLY_INTEGER) {
    fprintf(stderr, "%s INCR: %s\n", form, reply ? reply->str : cc->errstr);
    return 1;
  }
  printf("%s visits=%lld\n", form, reply->integer);
  freeReplyObject(reply);
  valkeyClusterFree(cc);
  return 0;
}

int main(void) {
  valkeyClusterOptions options = {0};
  options.initial_nodes = "10.0.0.51:7000,10.0.0.52:7000";
  // FIXED: options.initial_nodes = rehost_cluster_nodes("default", "10.0.0.51:7000,10.0.0.52:7000");
  options.password = "cluster-pw";
  // FIXED: options.password = rehost_password("default", NULL);
  int failed = incr(valkeyClusterConnectWithOptions(&options), "options");
  // FIXED: int failed = incr(rehost_valkeyClusterConnectWithOptions(&options, "default"), "options");
  failed |= incr(valkeyClusterConnect("10.0.0.51:7000,10.0.0.52:7000"), "direct");
  // FIXED: failed |= incr(rehost_valkeyClusterConnect("default", "10.0.0.51:7000,10.0.0.52:7000"), "direct");
  return failed;
}

// CHECK: options visits=1
// CHECK: direct visits=2
// CHECK: with-redis: server 1 db 4 visits = 2
// CHECK: with-redis: ok
// BAD: options: {{.*}}REDIS_URL{{.*}}
// BAD: direct: {{.*}}REDIS_URL{{.*}}
// TLS: options: REDIS_URL: TLS {{.*}}
// TLS: direct: REDIS_URL: TLS {{.*}}
// TLS: with-redis: ok
