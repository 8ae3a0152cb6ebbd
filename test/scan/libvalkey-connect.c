// RUN: %expect-exit 1 %rehost scan %s -- -I%inputs/libvalkey 2>&1 | FileCheck %s --strict-whitespace --implicit-check-not=warning:
// libvalkey's standalone connects (hiredis's, spelt valkey…) take a host and
// port or a socket path, as hiredis's do.

#include <stdlib.h>
#include <valkey/valkey.h>

#define CACHE_HOST "cache.internal"

valkeyContext *cache(void) {
  return valkeyConnect("127.0.0.1", 6379);
  // CHECK: libvalkey-connect.c:[[@LINE-1]]:10: warning: hardcoded Redis endpoint 'redis://127.0.0.1:6379' in call to 'valkeyConnect' [rehost-hardcoded-endpoint]
  // CHECK-NEXT: {{^}}  return valkeyConnect("127.0.0.1", 6379);
  // CHECK-NEXT: {{^}}         ^
}

valkeyContext *variants(void) {
  struct timeval tv = {1, 0};
  valkeyFree(valkeyConnectWithTimeout(CACHE_HOST, 6380, tv));
  // CHECK: :[[@LINE-1]]:14: warning: hardcoded Redis endpoint 'redis://cache.internal:6380' in call to 'valkeyConnectWithTimeout'
  valkeyFree(valkeyConnectNonBlock("10.0.0.5", 6381));
  // CHECK: :[[@LINE-1]]:14: warning: hardcoded Redis endpoint 'redis://10.0.0.5:6381' in call to 'valkeyConnectNonBlock'
  valkeyFree(valkeyConnectBindNonBlock("10.0.0.6", 6379, "10.0.0.1"));
  // CHECK: :[[@LINE-1]]:14: warning: hardcoded Redis endpoint 'redis://10.0.0.6:6379' in call to 'valkeyConnectBindNonBlock'
  valkeyFree(valkeyConnectBindNonBlockWithReuse("10.0.0.7", 6379, NULL));
  // CHECK: :[[@LINE-1]]:14: warning: hardcoded Redis endpoint 'redis://10.0.0.7:6379' in call to 'valkeyConnectBindNonBlockWithReuse'
  valkeyFree(valkeyConnectUnix("/run/valkey/valkey.sock"));
  // CHECK: :[[@LINE-1]]:14: warning: hardcoded Redis endpoint 'unix:///run/valkey/valkey.sock' in call to 'valkeyConnectUnix'
  valkeyFree(valkeyConnectUnixWithTimeout("/run/valkey/a.sock", tv));
  // CHECK: :[[@LINE-1]]:14: warning: hardcoded Redis endpoint 'unix:///run/valkey/a.sock' in call to 'valkeyConnectUnixWithTimeout'
  return valkeyConnectUnixNonBlock("/run/valkey/b.sock");
  // CHECK: :[[@LINE-1]]:10: warning: hardcoded Redis endpoint 'unix:///run/valkey/b.sock' in call to 'valkeyConnectUnixNonBlock'
}

// Values computed at run time are not findings.
valkeyContext *configured(int argc, char **argv) {
  valkeyFree(valkeyConnect(getenv("VALKEY_HOST"), atoi(getenv("VALKEY_PORT"))));
  return valkeyConnectUnix(argv[argc - 1]);
}

// CHECK: rehost: 8 findings (8 hardcoded, 0 partially hardcoded, 0 credentials) in 1 file; 1 translation unit scanned
