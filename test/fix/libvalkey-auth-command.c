// RUN: rm -rf %t && mkdir %t && %strip-checks %s %t/app.c
// RUN: cd %t && %expect-exit 1 %rehost fix app.c -- -I%inputs/libvalkey 2>&1 | FileCheck %s --check-prefix=OUT --implicit-check-not=s3cret
// RUN: FileCheck %s --input-file=%t/app.c --check-prefix=FIXED
// RUN: %clang-syntax -std=c99 -Wall -Wextra -Wno-missing-field-initializers -pedantic -Werror -I%inputs/libvalkey %t/app.c
// RUN: %clang-syntax -x c++ -std=c++11 -Wall -Wextra -Wno-missing-field-initializers -Werror -I%inputs/libvalkey %t/app.c
// RUN: cp %t/app.c %t/app.c.first
// RUN: cd %t && %expect-exit 1 %rehost fix app.c -- -I%inputs/libvalkey
// RUN: cmp %t/app.c %t/app.c.first
// An AUTH sent through valkeyCommand and its forms becomes the profile's
// AUTH on the same context (rehost_valkeyAuth & co. of rehost/valkey.h),
// with the profile of the connection it is sent on; the password leaves the
// code, and an argv array that held it goes with the call.

#include <stdlib.h>
#include <valkey/async.h>
#include <valkey/valkey.h>
// FIXED: #include <valkey/valkey.h>
// FIXED-EMPTY:
// FIXED-NEXT: #include <rehost/valkey.h>

void login(void) {
  valkeyContext *c = valkeyConnect("10.0.0.5", 6379);
  // FIXED: valkeyContext *c = rehost_valkeyConnect("default", "10.0.0.5", 6379);
  freeReplyObject(valkeyCommand(c, "AUTH %s", "s3cret"));
  // FIXED: freeReplyObject(rehost_valkeyAuth(c, "default"));
  valkeyAppendCommand(c, "AUTH app s3cret");
  // FIXED: rehost_valkeyAppendAuth(c, "default");
  const char *argv[] = {"AUTH", "s3cret"};
  // FIXED-NOT: AUTH
  freeReplyObject(valkeyCommandArgv(c, 2, argv, NULL));
  // FIXED: freeReplyObject(rehost_valkeyAuth(c, "default"));
  const char *user_argv[] = {"AUTH", "app", "s3cret"};
  // FIXED-NOT: AUTH
  valkeyAppendCommandArgv(c, 3, user_argv, NULL);
  // FIXED: rehost_valkeyAppendAuth(c, "default");
  valkeyFree(c);
}

static void on_auth(valkeyAsyncContext *ac, void *reply, void *privdata) {
  (void)ac, (void)reply, (void)privdata;
}

void async_login(void) {
  valkeyAsyncContext *ac = valkeyAsyncConnect("10.0.0.6", 6379);
  // FIXED: valkeyAsyncContext *ac = rehost_valkeyAsyncConnect("ac", "10.0.0.6", 6379);
  valkeyAsyncCommand(ac, on_auth, NULL, "AUTH s3cret");
  // FIXED: rehost_valkeyAsyncAuth(ac, on_auth, NULL, "ac");
  const char *argv[] = {"AUTH", "s3cret"};
  // FIXED-NOT: AUTH
  valkeyAsyncCommandArgv(ac, on_auth, NULL, 2, argv, NULL);
  // FIXED: rehost_valkeyAsyncAuth(ac, on_auth, NULL, "ac");
}

// A context handed in: rehost cannot tell whose password it is (manual).
void handed_in(valkeyContext *c) {
  freeReplyObject(valkeyCommand(c, "AUTH %s", "s3cret"));
  // FIXED: freeReplyObject(valkeyCommand(c, "AUTH %s", "s3cret"));
  freeReplyObject(valkeyCommand(c, "AUTH %s", getenv("VALKEY_PASSWORD")));
  // FIXED: freeReplyObject(valkeyCommand(c, "AUTH %s", getenv("VALKEY_PASSWORD")));
}

// OUT: rehost: fixed 8 of 9 findings in 1 file (1 file changed); 1 manual; 1 translation unit scanned
