// REQUIRES: redis-server
// RUN: rm -rf %t && mkdir %t && %strip-checks %s %t/app.cpp
// RUN: cd %t && %rehost fix --format text -o %t/report.txt app.cpp -- -std=c++11 -I%inputs
// RUN: %e2e-cxx-cppredis -std=c++11 %t/app.cpp -o %t/app
// RUN: cd %t && %with-redis --env 'REDIS_URL=redis://:{password}@127.0.0.1:{port}/5' \
// RUN:   --env FAKE_CPP_REDIS_TRACE=1 \
// RUN:   --expect '5 visits 1' --expect '0 visits (none)' -- %t/app > %t/out.txt 2> %t/err.txt
// RUN: FileCheck %s --input-file=%t/out.txt
// RUN: FileCheck %s --check-prefix=UNSET --input-file=%t/err.txt
// A connect timeout the environment sets reaches the library's connect.
// RUN: cd %t && %with-redis --env 'REDIS_URL=redis://:{password}@127.0.0.1:{port}/5?connect_timeout=1500ms' \
// RUN:   --env FAKE_CPP_REDIS_TRACE=1 --expect '5 visits 1' -- %t/app 2>&1 | FileCheck %s --check-prefix=SET
// cpp_redis's connect with a hardcoded endpoint, in a C++11 program: the
// migrated connection must also log in and select the db the profile
// names (the code never sent AUTH or SELECT), queued before the program's
// own commands as cpp_redis queues everything until sync_commit().

#include <cpp_redis/cpp_redis>
#include <cstdio>
#include <string>

int main() {
  cpp_redis::client client;
  bool failed = false;
  try {
    client.connect("10.0.0.5", 6380);
    client.incr("visits", [&failed](cpp_redis::reply &reply) {
      if (reply.is_error()) {
        std::fprintf(stderr, "INCR: %s\n", reply.error().c_str());
        failed = true;
      } else {
        std::printf("visits=%lld\n", static_cast<long long>(reply.as_integer()));
      }
    });
    std::future<cpp_redis::reply> visits = client.get("visits");
    client.sync_commit();
    cpp_redis::reply read = visits.get();
    if (read.is_error()) {
      std::fprintf(stderr, "GET: %s\n", read.error().c_str());
      return 1;
    }
    std::printf("read back %s\n", read.is_string() ? read.as_string().c_str() : "(not a string)");
  } catch (const cpp_redis::redis_error &error) {
    std::fprintf(stderr, "cpp_redis: %s\n", error.what());
    return 1;
  }
  return failed ? 1 : 0;
}

// CHECK: visits=1
// CHECK: read back 1
// CHECK: with-redis: server 1 db 5 visits = 1
// CHECK: with-redis: ok
// UNSET: fake cpp_redis: connect 127.0.0.1:{{[0-9]+}} timeout_ms=0
// SET: fake cpp_redis: connect 127.0.0.1:{{[0-9]+}} timeout_ms=1500
// SET: with-redis: ok
