// REQUIRES: redis-server
// RUN: rm -rf %t && mkdir %t && %strip-checks %s %t/app.cpp
// RUN: cd %t && %rehost fix --format text -o %t/report.txt app.cpp -- -std=c++17 -I%inputs
// RUN: FileCheck %s --input-file=%t/app.cpp --check-prefix=FIXED
// RUN: %e2e-cxx-rpp -std=c++17 %t/app.cpp -o %t/app
// RUN: cd %t && %with-redis --env 'REDIS_URL=redis://:{password}@127.0.0.1:{port}/4' \
// RUN:   --expect '4 greeting hello' --expect '2 greeting (none)' --expect '0 greeting (none)' \
// RUN:   -- %t/app | FileCheck %s
// A password redis-plus-plus's own URI grammar cannot carry ('@' ends its
// user info, ':' splits it) reaches the server byte for byte through the
// options the migrated code builds, and the client goes nowhere else.
// RUN: cd %t && %with-redis --password 'p@evil.example:6380/x?y#z %%25' \
// RUN:   --env 'REDIS_PASSWORD={password}' --env 'REDIS_PORT={port}' --env 'REDIS_HOST=127.0.0.1' --env 'REDIS_DB=5' \
// RUN:   --expect '5 greeting hello' --expect '2 greeting (none)' -- %t/app | FileCheck %s --check-prefix=BYTES
// A redis-plus-plus URI written in the code (db 2, no password): migrated, it
// becomes the ConnectionOptions it means, then the profile's, so REDIS_URL's
// password and db 4 reach the library.

#include <cstdio>
#include <sw/redis++/redis++.h>

// FIXED: #include <sw/redis++/redis++.h>
// FIXED-EMPTY:
// FIXED-NEXT: #include <rehost/rehost.hpp>
// FIXED-EMPTY:
int main() {
  try {
    sw::redis::Redis r("tcp://10.0.0.1:6379/2");
    // FIXED: sw::redis::Redis r(rehost::options<sw::redis::ConnectionOptions>("default", "tcp://10.0.0.1:6379/2"));
    r.set("greeting", "hello");
    sw::redis::OptionalString greeting = r.get("greeting");
    if (!greeting) {
      std::fprintf(stderr, "greeting is missing\n");
      return 1;
    }
    std::printf("greeting=%s\n", greeting->c_str());
  } catch (const sw::redis::Error &error) {
    std::fprintf(stderr, "redis++: %s\n", error.what());
    return 1;
  }
  return 0;
}

// CHECK: greeting=hello
// CHECK: with-redis: server 1 db 4 greeting = hello
// CHECK: with-redis: ok
// BYTES: greeting=hello
// BYTES: with-redis: server 1 db 5 greeting = hello
// BYTES: with-redis: ok
