// REQUIRES: redis-server
// RUN: rm -rf %t && mkdir %t && %strip-checks %s %t/app.c
// RUN: cd %t && %rehost fix --format text -o %t/report.txt app.c -- -I%inputs/hiredis-cluster
// RUN: not grep -n 'cluster[-]pw' %t/app.c
// RUN: %e2e-cc-cluster %t/app.c -o %t/app
// RUN: cd %t && %with-redis --env 'REDIS_URL=redis://:{password}@127.0.0.1:{port}' \
// RUN:   --expect '0 visits 2' -- %t/app | FileCheck %s
// RUN: cd %t && env REDIS_URL='redis://127.0.0.1:notaport' %expect-exit 1 %t/app 2>&1 \
// RUN:   | FileCheck %s --check-prefix=BAD
// hiredis-cluster code (against test/e2e/fakes/hiredis_cluster.c, one node of
// a plain redis-server) with its nodes and password written in it, migrated,
// then run against a server that only REDIS_URL names: both connect forms
// reach it with the profile's password. Under a malformed REDIS_URL each
// gets a failed context naming the variable; no NULL reaches the library
// (the fake aborts on one, as the library would crash).

#include <hircluster.h>
#include <stdio.h>

static int incr(redisClusterContext *cc, const char *form) {
  if (cc == NULL || cc->err) {
    fprintf(stderr, "%s: %s\n", form, cc ? cc->errstr : "out of memory");
    return 1;
  }
  redisReply *reply = redisClusterCommand(cc, "INCR visits");
  if (reply == NULL || reply->type != REDIS_REPLY_INTEGER) {
    fprintf(stderr, "%s INCR: %s\n", form, reply ? reply->str : cc->errstr);
    return 1;
  }
  printf("%s visits=%lld\n", form, reply->integer);
  freeReplyObject(reply);
  return 0;
}

int main(void) {
  redisClusterContext *cc = redisClusterContextInit();
  redisClusterSetOptionAddNodes(cc, "10.0.0.31:7000,10.0.0.32:7000");
  redisClusterSetOptionPassword(cc, "cluster-pw");
  redisClusterConnect2(cc);
  int failed = incr(cc, "options");
  redisClusterFree(cc);

  cc = redisClusterConnect("10.0.0.31:7000,10.0.0.32:7000", HIRCLUSTER_FLAG_NULL);
  failed |= incr(cc, "direct");
  redisClusterFree(cc);
  return failed;
}

// CHECK: options visits=1
// CHECK: direct visits=2
// CHECK: with-redis: server 1 db 0 visits = 2
// CHECK: with-redis: ok

// BAD: options: REDIS_URL: port 'notaport' is not a number
// BAD: direct: REDIS_URL: port 'notaport' is not a number
