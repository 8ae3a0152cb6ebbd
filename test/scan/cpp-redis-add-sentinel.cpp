// RUN: rm -rf %t && mkdir %t && cp %s %t/app.cpp
// RUN: %expect-exit 1 %rehost scan %t/app.cpp -- -std=c++11 -I%inputs 2>&1 | FileCheck %s --implicit-check-not=warning:
// RUN: cd %t && %expect-exit 1 %rehost fix --format json -o %t/report.json app.cpp -- -std=c++11 -I%inputs
// RUN: FileCheck %s --input-file=%t/report.json --check-prefix=REPORT
// RUN: cmp %s %t/app.cpp
// cpp_redis's add_sentinel names a Sentinel's endpoint: a finding, which fix
// leaves to a human (no profile setting holds one sentinel yet).

#include <cpp_redis/cpp_redis>

void sentinels(cpp_redis::client &client, std::size_t port) {
  client.add_sentinel("127.0.0.1", 26379);
  // CHECK: app.cpp:[[@LINE-1]]:3: warning: hardcoded Redis endpoint 'redis://127.0.0.1:26379' in call to 'cpp_redis::client::add_sentinel' [rehost-hardcoded-endpoint]
  client.add_sentinel("sentinel.internal", port, 100);
  // CHECK: app.cpp:[[@LINE-1]]:3: warning: partially hardcoded Redis endpoint 'redis://sentinel.internal:<runtime>' in call to 'cpp_redis::client::add_sentinel'
}

// CHECK: rehost: 2 findings
// REPORT: "action": "manual",
// REPORT: "reason": "rehost fix has no runtime accessor for this cpp_redis argument yet"
