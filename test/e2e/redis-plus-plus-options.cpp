// REQUIRES: redis-server
// RUN: rm -rf %t && mkdir %t && %strip-checks %s %t/app.cpp
// RUN: cd %t && %rehost fix --format text -o %t/report.txt app.cpp -- -std=c++17 -I%inputs
// RUN: %e2e-cxx-rpp -std=c++17 %t/app.cpp -o %t/app
// RUN: cd %t && %with-redis --env 'REDIS_URL=redis://:{password}@127.0.0.1:{port}/3' \
// RUN:   --expect '3 visits 1' --expect '0 visits (none)' -- %t/app | FileCheck %s
// redis-plus-plus's ConnectionOptions with only host and port written: the
// migrated options carry the whole profile (password and db 3 included,
// though the code never wrote them), and the fake library connects with
// exactly those options.

#include <cstdio>
#include <sw/redis++/redis++.h>

int main() {
  try {
    sw::redis::ConnectionOptions opts;
    opts.host = "cache.internal";
    opts.port = 6380;
    sw::redis::Redis r(opts);
    long long visits = r.incr("visits");
    std::printf("visits=%lld\n", visits);
  } catch (const sw::redis::Error &error) {
    std::fprintf(stderr, "redis++: %s\n", error.what());
    return 1;
  }
  return 0;
}

// CHECK: visits=1
// CHECK: with-redis: server 1 db 3 visits = 1
// CHECK: with-redis: ok
