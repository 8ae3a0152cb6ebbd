// RUN: rm -rf %t && mkdir %t && %strip-checks %s %t/app.cpp
// RUN: %expect-exit 1 %rehost scan %t/app.cpp -- -std=c++17 -I%inputs 2>&1 | FileCheck %s --check-prefix=SCAN --implicit-check-not=warning:
// RUN: cd %t && %expect-exit 0 %rehost fix --format json -o %t/report.json app.cpp -- -std=c++17 -I%inputs 2>&1 | FileCheck %s --check-prefix=OUT
// RUN: FileCheck %s --input-file=%t/report.json --check-prefix=REPORT
// RUN: FileCheck %s --input-file=%t/app.cpp --check-prefix=FIXED
// RUN: %clang-syntax -std=c++17 -I%inputs %t/app.cpp
// RUN: cp %t/app.cpp %t/app.cpp.first
// RUN: cd %t && %expect-exit 0 %rehost fix --format text app.cpp -- -std=c++17 -I%inputs
// RUN: cmp %t/app.cpp %t/app.cpp.first
// Clients built through the standard library's factories and containers:
// the constructor runs inside a template, so the site is where the user
// wrote the argument it forwards, and that argument is wrapped.

#include <memory>
#include <optional>
#include <string>
#include <sw/redis++/redis++.h>
#include <vector>

// FIXED: #include <vector>
// FIXED-EMPTY:
// FIXED-NEXT: #include <rehost/rehost.hpp>
// FIXED-EMPTY:
std::string configured();

void build() {
  auto unique = std::make_unique<sw::redis::Redis>("tcp://10.0.0.1:6379");
  // SCAN: app.cpp:[[@LINE-1]]:17: warning: hardcoded Redis endpoint 'tcp://10.0.0.1:6379' in construction of 'sw::redis::Redis' [rehost-hardcoded-endpoint]
  // FIXED: auto unique = std::make_unique<sw::redis::Redis>(rehost::options<sw::redis::ConnectionOptions>("default", "tcp://10.0.0.1:6379"));
  auto shared = std::make_shared<sw::redis::RedisCluster>("tcp://10.0.0.1:6379");
  // SCAN: app.cpp:[[@LINE-1]]:17: warning: hardcoded Redis endpoint 'tcp://10.0.0.1:6379' in construction of 'sw::redis::RedisCluster'
  // FIXED: auto shared = std::make_shared<sw::redis::RedisCluster>(rehost::options<sw::redis::ConnectionOptions>("default", "tcp://10.0.0.1:6379"));
  std::vector<sw::redis::Redis> pool;
  pool.emplace_back("tcp://10.0.0.1:6379");
  // SCAN: app.cpp:[[@LINE-1]]:3: warning: hardcoded Redis endpoint 'tcp://10.0.0.1:6379' in construction of 'sw::redis::Redis'
  // FIXED: pool.emplace_back(rehost::options<sw::redis::ConnectionOptions>("default", "tcp://10.0.0.1:6379"));
  pool.emplace(pool.begin(), "tcp://10.0.0.1:6379");
  // SCAN: app.cpp:[[@LINE-1]]:3: warning: hardcoded Redis endpoint 'tcp://10.0.0.1:6379' in construction of 'sw::redis::Redis'
  // FIXED: pool.emplace(pool.begin(), rehost::options<sw::redis::ConnectionOptions>("default", "tcp://10.0.0.1:6379"));
  std::optional<sw::redis::ConnectionOptions> options;
  options.emplace("unix:///run/redis/queue.sock");
  // SCAN: app.cpp:[[@LINE-1]]:3: warning: hardcoded Redis endpoint 'unix:///run/redis/queue.sock' in construction of 'sw::redis::ConnectionOptions'
  // FIXED: options.emplace(rehost::options<sw::redis::ConnectionOptions>("queue", "unix:///run/redis/queue.sock"));
  std::unique_ptr<sw::redis::Redis> later;
  later.reset(new sw::redis::Redis("tcp://10.0.0.1:6379"));
  // SCAN: app.cpp:[[@LINE-1]]:19: warning: hardcoded Redis endpoint 'tcp://10.0.0.1:6379' in construction of 'sw::redis::Redis'
  // FIXED: later.reset(new sw::redis::Redis(rehost::options<sw::redis::ConnectionOptions>("default", "tcp://10.0.0.1:6379")));
}

void not_sites(const sw::redis::ConnectionOptions &opts) {
  // The options constructor, a run-time URI: nothing hardcoded here.
  auto from_options = std::make_unique<sw::redis::Redis>(opts);
  auto from_config = std::make_shared<sw::redis::Redis>(configured());
  std::vector<std::string> names;
  names.emplace_back("tcp://10.0.0.1:6379");
}

// SCAN: rehost: 6 findings (6 hardcoded, 0 partially hardcoded, 0 credentials) in 1 file
// OUT: rehost: fixed 6 of 6 findings in 1 file (1 file changed); 0 manual; 1 translation unit scanned
// REPORT: "after": "{{.*}}std::make_unique<sw::redis::Redis>(rehost::options<sw::redis::ConnectionOptions>(\"default\", \"tcp://10.0.0.1:6379\"));{{.*}}",
