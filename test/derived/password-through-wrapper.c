// A password handed to a wrapper whose AUTH command sends it is a
// credential site; no output shows it, even on a line two sites share
// with different passwords, whatever the parameter is named; nor do the
// facts a shard writes.
// RUN: %expect-exit 1 %rehost scan %s -- 2>&1 | FileCheck %s --implicit-check-not=warning:
// RUN: %expect-exit 1 %rehost scan %s -- > %t.txt 2>&1
// RUN: %expect-exit 1 %rehost scan %s --format json -- >> %t.txt 2>&1
// RUN: %expect-exit 1 %rehost scan %s --format sarif -- >> %t.txt 2>&1
// RUN: %expect-exit 1 %rehost scan %s --format markdown -- >> %t.txt 2>&1
// RUN: %expect-exit 1 %rehost scan %s --facts-out %t.facts.json -- > /dev/null 2>&1
// RUN: cat %t.facts.json >> %t.txt
// RUN: not grep -e "p@ss:w0rd" -e "other:pw@" %t.txt

#include <hiredis/hiredis.h>

static redisContext *open_auth(const char *h, int p, const char *k) {
  redisContext *c = redisConnect(h, p);
  redisCommand(c, "AUTH %s", k);
  return c;
}

void go(void) { open_auth("10.0.0.5", 6379, "p@ss:w0rd"); open_auth("10.0.0.6", 6379, "other:pw@"); }
// CHECK: :[[@LINE-1]]:17: warning: hardcoded Redis password for 'redis://:***@10.0.0.5:6379' reaches 'redisConnect' through open_auth
// CHECK-NEXT: void go(void) { open_auth("10.0.0.5", 6379, "***"); open_auth("10.0.0.6", 6379, "***"); }
// CHECK: :[[@LINE-3]]:59: warning: hardcoded Redis password for 'redis://:***@10.0.0.6:6379' reaches 'redisConnect' through open_auth
