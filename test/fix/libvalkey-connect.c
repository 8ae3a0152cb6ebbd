// RUN: rm -rf %t && mkdir %t && %strip-checks %s %t/app.c
// RUN: cd %t && %expect-exit 0 %rehost fix app.c -- -I%inputs/libvalkey 2>&1 | FileCheck %s --check-prefix=OUT
// RUN: FileCheck %s --input-file=%t/app.c --check-prefix=FIXED
// RUN: %clang-syntax -std=c99 -Wall -Wextra -Wno-missing-field-initializers -pedantic -Werror -I%inputs/libvalkey %t/app.c
// RUN: %clang-syntax -x c++ -std=c++11 -Wall -Wextra -Wno-missing-field-initializers -Werror -I%inputs/libvalkey %t/app.c
// RUN: cp %t/app.c %t/app.c.first
// RUN: cd %t && %expect-exit 0 %rehost fix app.c -- -I%inputs/libvalkey
// RUN: cmp %t/app.c %t/app.c.first
// libvalkey's connects become the header-inline drop-ins of rehost/valkey.h
// (compiled against the file's own libvalkey): the profile first, the
// original arguments as its fallback. The include goes after libvalkey's,
// in a block of its own (in theirs, sorting would put it first). A second
// run changes nothing.

#include <stdlib.h>
#include <valkey/async.h>
#include <valkey/valkey.h>
// FIXED: #include <valkey/valkey.h>
// FIXED-EMPTY:
// FIXED-NEXT: #include <rehost/valkey.h>

valkeyContext *cache(void) {
  return valkeyConnect("10.0.0.5", 6380);
  // FIXED: return rehost_valkeyConnect("default", "10.0.0.5", 6380);
}

void variants(void) {
  struct timeval tv = {1, 0};
  valkeyFree(valkeyConnectWithTimeout("10.0.0.5", 6380, tv));
  // FIXED: valkeyFree(rehost_valkeyConnectWithTimeout("default", "10.0.0.5", 6380, tv));
  valkeyFree(valkeyConnectNonBlock("10.0.0.5", 6380));
  // FIXED: valkeyFree(rehost_valkeyConnectNonBlock("default", "10.0.0.5", 6380));
  valkeyFree(valkeyConnectBindNonBlock("10.0.0.5", 6380, "10.0.0.1"));
  // FIXED: valkeyFree(rehost_valkeyConnectBindNonBlock("default", "10.0.0.5", 6380, "10.0.0.1"));
  valkeyFree(valkeyConnectBindNonBlockWithReuse("10.0.0.5", 6380, NULL));
  // FIXED: valkeyFree(rehost_valkeyConnectBindNonBlockWithReuse("default", "10.0.0.5", 6380, NULL));
  valkeyFree(valkeyConnectUnix("/run/valkey/jobs.sock"));
  // FIXED: valkeyFree(rehost_valkeyConnectUnix("jobs", "/run/valkey/jobs.sock"));
  valkeyFree(valkeyConnectUnixWithTimeout("/run/valkey/jobs.sock", tv));
  // FIXED: valkeyFree(rehost_valkeyConnectUnixWithTimeout("jobs", "/run/valkey/jobs.sock", tv));
  valkeyFree(valkeyConnectUnixNonBlock("/run/valkey/jobs.sock"));
  // FIXED: valkeyFree(rehost_valkeyConnectUnixNonBlock("jobs", "/run/valkey/jobs.sock"));
}

void async_variants(void) {
  valkeyAsyncFree(valkeyAsyncConnect("10.0.0.5", 6380));
  // FIXED: valkeyAsyncFree(rehost_valkeyAsyncConnect("default", "10.0.0.5", 6380));
  valkeyAsyncFree(valkeyAsyncConnectBind("10.0.0.5", 6380, "10.0.0.1"));
  // FIXED: valkeyAsyncFree(rehost_valkeyAsyncConnectBind("default", "10.0.0.5", 6380, "10.0.0.1"));
  valkeyAsyncFree(valkeyAsyncConnectBindWithReuse("10.0.0.5", 6380, NULL));
  // FIXED: valkeyAsyncFree(rehost_valkeyAsyncConnectBindWithReuse("default", "10.0.0.5", 6380, NULL));
  valkeyAsyncFree(valkeyAsyncConnectUnix("/run/valkey/jobs.sock"));
  // FIXED: valkeyAsyncFree(rehost_valkeyAsyncConnectUnix("jobs", "/run/valkey/jobs.sock"));
}

// Run-time values are not findings and stay as written.
valkeyContext *configured(int argc, char **argv) {
  valkeyFree(valkeyConnect(getenv("VALKEY_HOST"), 6379));
  // FIXED: valkeyFree(valkeyConnect(getenv("VALKEY_HOST"), 6379));
  return valkeyConnectUnix(argv[argc - 1]);
  // FIXED: return valkeyConnectUnix(argv[argc - 1]);
}

// OUT: rehost: fixed 12 of 12 findings in 1 file (1 file changed); 0 manual; 1 translation unit scanned
