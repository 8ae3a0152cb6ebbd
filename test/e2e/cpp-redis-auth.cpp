// REQUIRES: redis-server
// RUN: rm -rf %t && mkdir %t && %strip-checks %s %t/app.cpp
// RUN: cd %t && %rehost fix --format text -o %t/report.txt app.cpp -- -std=c++11 -I%inputs
// RUN: not grep -n 'literal[-]pw' %t/app.cpp
// RUN: %e2e-cxx-cppredis -std=c++11 %t/app.cpp -o %t/app
// RUN: cd %t && %with-redis --env 'REDIS_URL=redis://:{password}@127.0.0.1:{port}/6' \
// RUN:   --expect '6 greeting hello' --expect '0 greeting (none)' -- %t/app | FileCheck %s
// cpp_redis's connect() with the library's default endpoint and an auth()
// with a literal password: migrated, the connection follows REDIS_URL's
// port, password and db 6, and the program's own auth() is answered OK.

#include <cpp_redis/cpp_redis>
#include <cstdio>
#include <string>

int main() {
  cpp_redis::client client;
  bool failed = false;
  auto expect_ok = [&failed](const char *what) {
    return [&failed, what](cpp_redis::reply &reply) {
      if (reply.is_error()) {
        std::fprintf(stderr, "%s: %s\n", what, reply.error().c_str());
        failed = true;
      } else {
        std::printf("%s: %s\n", what, reply.is_string() ? reply.as_string().c_str() : "ok");
      }
    };
  };
  try {
    client.connect();
    client.auth("literal-pw", expect_ok("AUTH"));
    client.set("greeting", "hello", expect_ok("SET"));
    client.sync_commit();
  } catch (const cpp_redis::redis_error &error) {
    std::fprintf(stderr, "cpp_redis: %s\n", error.what());
    return 1;
  }
  return failed ? 1 : 0;
}

// CHECK: AUTH: OK
// CHECK: SET: OK
// CHECK: with-redis: server 1 db 6 greeting = hello
// CHECK: with-redis: ok
