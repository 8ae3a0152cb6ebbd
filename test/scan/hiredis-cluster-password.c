// RUN: %expect-exit 1 %rehost scan %s -- -I%inputs 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=s3cret
// hiredis-cluster's password and user options and AUTH commands carry credentials.

#include <hiredis-cluster/hircluster.h>
#include <stdlib.h>

void login(redisClusterContext *cc) {
  redisClusterSetOptionPassword(cc, "s3cret");
  // CHECK: hiredis-cluster-password.c:[[@LINE-1]]:3: warning: hardcoded Redis password in call to 'redisClusterSetOptionPassword' [rehost-hardcoded-credential]
  redisClusterSetOptionUsername(cc, "app");
  // CHECK: :[[@LINE-1]]:3: warning: hardcoded Redis user name in call to 'redisClusterSetOptionUsername'
  redisClusterCommand(cc, "AUTH %s", "s3cret");
  // CHECK: :[[@LINE-1]]:3: warning: hardcoded Redis password in call to 'redisClusterCommand'
}

void configured(redisClusterContext *cc, const char *password) {
  redisClusterSetOptionPassword(cc, getenv("REDIS_PASSWORD"));
  redisClusterSetOptionPassword(cc, password);
  redisClusterSetOptionPassword(cc, "");
}

// CHECK: rehost: 3 findings
