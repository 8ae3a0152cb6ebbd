// RUN: rm -rf %t && mkdir %t && %strip-checks %s %t/app.cpp
// RUN: cd %t && %expect-exit 0 %rehost fix app.cpp -- -std=c++17 -I%inputs 2>&1 | FileCheck %s --check-prefix=OUT
// RUN: FileCheck %s --input-file=%t/app.cpp --check-prefix=FIXED
// RUN: %clang-syntax -std=c++17 -I%inputs %t/app.cpp
// A profile is named after the field the address is read from
// (Endpoints::kSessionsHost), the member the client lives in (m_jobs), the
// member the connection is stored in (m_cache), or the options object a
// field of it is set on (orders_opts), before the enclosing function.

#include <cpp_redis/cpp_redis>
#include <hiredis/hiredis.h>
#include <sw/redis++/redis++.h>
// FIXED: #include <sw/redis++/redis++.h>
// FIXED-EMPTY:
// FIXED-NEXT: #include <rehost/rehost.hpp>

// OUT: rehost: added profiles default, cache, jobs, orders, sessions to the runtime's rehost.toml

struct Endpoints {
  static constexpr const char *kSessionsHost = "10.9.8.1";
};

class Worker {
public:
  void start() {
    m_jobs.connect("10.9.8.2", 6379);
    // FIXED: rehost::connect(m_jobs, "jobs", "10.9.8.2", 6379);
    m_cache = redisConnect("10.9.8.3", 6379);
    // FIXED: m_cache = rehost_redisConnect("cache", "10.9.8.3", 6379);
  }
  redisContext *lookup() {
    return redisConnect(Endpoints::kSessionsHost, 6379);
    // FIXED: return rehost_redisConnect("sessions", Endpoints::kSessionsHost, 6379);
  }

private:
  cpp_redis::client m_jobs;
  redisContext *m_cache = nullptr;
};

void configure(sw::redis::ConnectionOptions &orders_opts) {
  orders_opts.host = "10.9.8.4";
  // FIXED: rehost::configure(orders_opts, "orders");
}

redisContext *one() { return redisConnect("127.0.0.1", 6379); }
// FIXED: redisContext *one() { return rehost_redisConnect("default", "127.0.0.1", 6379); }
redisContext *two() { return redisConnect("127.0.0.1", 6379); }
// FIXED: redisContext *two() { return rehost_redisConnect("default", "127.0.0.1", 6379); }
