// RUN: %expect-exit 1 %rehost scan %s -- -I%inputs/libvalkey 2>&1 | FileCheck %s --implicit-check-not=warning:
// libvalkey's async connects, declared by <valkey/async.h>.

#include <stdlib.h>
#include <valkey/async.h>

void connects(void) {
  valkeyAsyncFree(valkeyAsyncConnect("10.0.0.5", 6380));
  // CHECK: libvalkey-async-connect.c:[[@LINE-1]]:19: warning: hardcoded Redis endpoint 'redis://10.0.0.5:6380' in call to 'valkeyAsyncConnect' [rehost-hardcoded-endpoint]
  valkeyAsyncFree(valkeyAsyncConnectBind("10.0.0.6", 6379, "10.0.0.1"));
  // CHECK: :[[@LINE-1]]:19: warning: hardcoded Redis endpoint 'redis://10.0.0.6:6379' in call to 'valkeyAsyncConnectBind'
  valkeyAsyncFree(valkeyAsyncConnectBindWithReuse("10.0.0.7", 6379, NULL));
  // CHECK: :[[@LINE-1]]:19: warning: hardcoded Redis endpoint 'redis://10.0.0.7:6379' in call to 'valkeyAsyncConnectBindWithReuse'
  valkeyAsyncFree(valkeyAsyncConnectUnix("/run/valkey/valkey.sock"));
  // CHECK: :[[@LINE-1]]:19: warning: hardcoded Redis endpoint 'unix:///run/valkey/valkey.sock' in call to 'valkeyAsyncConnectUnix'
}

void configured(const char *host, int port) {
  valkeyAsyncFree(valkeyAsyncConnect(host, port));
  valkeyAsyncFree(valkeyAsyncConnectUnix(getenv("VALKEY_SOCKET")));
}

// CHECK: rehost: 4 findings
