// REQUIRES: redis-server
// RUN: rm -rf %t && mkdir %t
// RUN: %e2e-cxx-cppredis -std=c++11 %s -o %t/app
// Commands, auth and select included, wait for sync_commit(), which sends
// them in order and hands each reply to its callback or future:
// RUN: %with-redis --expect '4 visits 1' -- %t/app {port} {password} 4 | FileCheck %s --check-prefix=RIGHT
// A refused AUTH is an error reply, and so is every command after it:
// RUN: not %with-redis -- %t/app {port} wrong 4 | FileCheck %s --check-prefix=WRONG
// It never reads the environment, nor sends a password of its own:
// RUN: not %with-redis --env 'REDIS_URL=redis://:{password}@127.0.0.1:{port}' --env 'REDIS_PASSWORD={password}' \
// RUN:   -- %t/app {port} - 0 | FileCheck %s --check-prefix=NOAUTH
// connect() throws cpp_redis::redis_error when nothing listens:
// RUN: not %t/app 1 - 0 | FileCheck %s --check-prefix=REFUSED
// Not a migrated program: this proves the fake the other tests rely on.

#include <cpp_redis/cpp_redis>
#include <cstdio>
#include <cstdlib>
#include <string>

int main(int argc, char **argv) {
  if (argc != 4)
    return 2;
  bool failed = false;
  auto report = [&failed](const char *what) {
    return [&failed, what](cpp_redis::reply &reply) {
      if (reply.is_error()) {
        std::printf("%s: error %s\n", what, reply.error().c_str());
        failed = true;
      } else if (reply.is_integer()) {
        std::printf("%s: %lld\n", what, static_cast<long long>(reply.as_integer()));
      } else {
        std::printf("%s: %s\n", what, reply.is_string() ? reply.as_string().c_str() : "(null)");
      }
    };
  };
  cpp_redis::client client;
  try {
    client.connect("127.0.0.1", std::atoi(argv[1]), [](const std::string &host, std::size_t port,
                                                        cpp_redis::client::connect_state state) {
      std::printf("connect %s:%zu state %d\n", host.c_str(), port, static_cast<int>(state));
    });
    if (std::string(argv[2]) != "-")
      client.auth(argv[2], report("AUTH"));
    client.select(std::atoi(argv[3]), report("SELECT"));
    client.incr("visits", report("INCR"));
    std::future<cpp_redis::reply> read = client.get("visits");
    std::printf("queued\n");
    client.sync_commit();
    cpp_redis::reply value = read.get();
    std::printf("GET: %s\n", value.is_string() ? value.as_string().c_str() : value.is_error() ? "error" : "(null)");
  } catch (const cpp_redis::redis_error &error) {
    std::printf("cpp_redis: %s\n", error.what());
    return 1;
  }
  return failed ? 1 : 0;
}

// connect_state: start = 1, ok = 3, failed = 4.
// RIGHT: connect 127.0.0.1:{{[0-9]+}} state 1
// RIGHT-NEXT: connect 127.0.0.1:{{[0-9]+}} state 3
// RIGHT-NEXT: queued
// RIGHT-NEXT: AUTH: OK
// RIGHT-NEXT: SELECT: OK
// RIGHT-NEXT: INCR: 1
// RIGHT-NEXT: GET: 1
// RIGHT: with-redis: ok

// WRONG: AUTH: error WRONGPASS
// WRONG-NEXT: SELECT: error NOAUTH
// WRONG-NEXT: INCR: error NOAUTH

// NOAUTH: SELECT: error NOAUTH
// NOAUTH: with-redis: FAIL

// REFUSED: connect 127.0.0.1:1 state 1
// REFUSED-NEXT: connect 127.0.0.1:1 state 4
// REFUSED-NEXT: cpp_redis: Fail to connect to 127.0.0.1:1: Connection refused
