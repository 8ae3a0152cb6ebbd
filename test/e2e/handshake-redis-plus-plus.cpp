// REQUIRES: redis-server
// RUN: rm -rf %t && mkdir %t && %strip-checks %s %t/app.cpp
// RUN: cd %t && %rehost fix --format text -o %t/report.txt app.cpp -- -std=c++17 -I%inputs
// RUN: %e2e-cxx-rpp -std=c++17 %t/app.cpp -o %t/app
// A wrong password in REDIS_URL: the library's own login refuses it before
// the first command is sent, and nothing is written in any db.
// RUN: cd %t && %with-redis --env 'REDIS_URL=redis://:wrong-secret-4711@127.0.0.1:{port}/3' \
// RUN:   --expect-fail --expect-empty -- %t/app > %t/wrong.out 2>&1
// RUN: FileCheck %s --check-prefix=WRONG --input-file=%t/wrong.out --implicit-check-not=wrong-secret
// A db the server refuses: SELECT fails before the SET, nothing in db 0.
// RUN: cd %t && %with-redis --env 'REDIS_URL=redis://:{password}@127.0.0.1:{port}/99' \
// RUN:   --expect-fail --expect-empty -- %t/app > %t/db.out 2>&1
// RUN: FileCheck %s --check-prefix=DB --input-file=%t/db.out --implicit-check-not=pw-
// The control: configured right, the write lands in db 3.
// RUN: cd %t && %with-redis --env 'REDIS_URL=redis://:{password}@127.0.0.1:{port}/3' \
// RUN:   --expect '3 written yes' --expect '0 written (none)' -- %t/app | FileCheck %s --check-prefix=RIGHT
// redis-plus-plus from a URI written in the code, migrated. The library
// logs in itself (with what rehost handed it), so the message is the
// library's: the server's refusal, which names no variable.

#include <cstdio>
#include <sw/redis++/redis++.h>

int main() {
  try {
    sw::redis::Redis r("tcp://127.0.0.1:6379");
    r.set("written", "yes");
  } catch (const sw::redis::Error &error) {
    std::fprintf(stderr, "redis++: %s\n", error.what());
    return 1;
  }
  std::puts("written");
  return 0;
}

// WRONG: redis++: AUTH failed: WRONGPASS
// WRONG: with-redis: '{{.*}}app' exited with 1, as expected
// WRONG: with-redis: server 1 is empty (every db)
// WRONG: with-redis: ok

// DB: redis++: SELECT failed: ERR DB index is out of range
// DB: with-redis: server 1 is empty (every db)
// DB: with-redis: ok

// RIGHT: written
// RIGHT: with-redis: ok
