// REQUIRES: redis-server
// RUN: rm -rf %t && mkdir %t && %strip-checks %s %t/app.cpp
// RUN: cd %t && %rehost fix --format text -o %t/report.txt app.cpp -- -std=c++11 -I%inputs
// RUN: %e2e-cxx-cppredis -std=c++11 %t/app.cpp -o %t/app
// A wrong password in REDIS_URL: rehost::connect sends AUTH itself, waits
// for the reply and throws rehost::HandshakeError (a std::runtime_error) naming
// REDIS_URL. This program catches only cpp_redis::redis_error, so the
// exception ends it (std::terminate); nothing is written in any db.
// RUN: cd %t && %with-redis --env 'REDIS_URL=redis://:wrong-secret-4711@127.0.0.1:{port}/3' \
// RUN:   --expect-fail --expect-empty -- %t/app client > %t/wrong.out 2>&1
// RUN: FileCheck %s --check-prefix=WRONG --input-file=%t/wrong.out --implicit-check-not=wrong-secret
// A db the server refuses: SELECT fails before the program's SET is sent.
// RUN: cd %t && %with-redis --env 'REDIS_URL=redis://:{password}@127.0.0.1:{port}/99' \
// RUN:   --expect-fail --expect-empty -- %t/app client > %t/db.out 2>&1
// RUN: FileCheck %s --check-prefix=DB --input-file=%t/db.out --implicit-check-not=pw-
// The subscriber: its AUTH is checked the same way (it has no select()).
// RUN: cd %t && %with-redis --env 'REDIS_URL=redis://:wrong-secret-4711@127.0.0.1:{port}' \
// RUN:   --expect-fail --expect-empty -- %t/app subscriber > %t/sub.out 2>&1
// RUN: FileCheck %s --check-prefix=SUB --input-file=%t/sub.out --implicit-check-not=wrong-secret
// The control: configured right, the write lands in db 3.
// RUN: cd %t && %with-redis --env 'REDIS_URL=redis://:{password}@127.0.0.1:{port}/3' \
// RUN:   --expect '3 written yes' --expect '0 written (none)' -- %t/app client | FileCheck %s --check-prefix=RIGHT
// RUN: cd %t && %with-redis --env 'REDIS_URL=redis://:{password}@127.0.0.1:{port}/3' \
// RUN:   -- %t/app subscriber | FileCheck %s --check-prefix=RIGHT
// cpp_redis's client and subscriber connects, migrated, in a C++11 program.

#include <cpp_redis/cpp_redis>
#include <cstdio>
#include <cstring>
#include <string>

static int use_client() {
  cpp_redis::client client;
  client.connect("127.0.0.1", 6379);
  bool failed = false;
  client.set("written", "yes", [&failed](cpp_redis::reply &reply) {
    if (reply.is_error()) {
      std::fprintf(stderr, "SET: %s\n", reply.error().c_str());
      failed = true;
    }
  });
  client.sync_commit();
  return failed ? 1 : 0;
}

static int use_subscriber() {
  cpp_redis::subscriber sub;
  sub.connect("127.0.0.1", 6379);
  sub.commit();
  return 0;
}

int main(int argc, char **argv) {
  try {
    int status = argc > 1 && std::strcmp(argv[1], "subscriber") == 0 ? use_subscriber() : use_client();
    if (status == 0)
      std::puts("written");
    return status;
  } catch (const cpp_redis::redis_error &error) {
    std::fprintf(stderr, "cpp_redis: %s\n", error.what());
    return 1;
  }
}

// WRONG: REDIS_URL: AUTH failed: WRONGPASS
// WRONG: with-redis: '{{.*}}app' exited with {{-?[0-9]+}}, as expected
// WRONG: with-redis: server 1 is empty (every db)
// WRONG: with-redis: ok

// DB: REDIS_URL: SELECT 99 failed: ERR DB index is out of range
// DB: with-redis: server 1 is empty (every db)
// DB: with-redis: ok

// SUB: REDIS_URL: AUTH failed: WRONGPASS
// SUB: with-redis: ok

// RIGHT: written
// RIGHT: with-redis: ok
