// RUN: rm -rf %t && mkdir %t && %strip-checks %s %t/app.cpp
// RUN: cd %t && %expect-exit 1 %rehost fix --format json -o %t/report.json app.cpp -- -std=c++17 -I%inputs 2>&1 | FileCheck %s --check-prefix=OUT
// RUN: FileCheck %s --input-file=%t/report.json --check-prefix=REPORT
// RUN: FileCheck %s --input-file=%t/app.cpp --check-prefix=FIXED --implicit-check-not='{{s3cr[e]t}}'
// RUN: %clang-syntax -std=c++17 -I%inputs %t/app.cpp
// RUN: cp %t/app.cpp %t/app.cpp.first
// RUN: cd %t && %expect-exit 1 %rehost fix --format text app.cpp -- -std=c++17 -I%inputs
// RUN: cmp %t/app.cpp %t/app.cpp.first
// ConnectionOptions fields: the object gets the whole profile (host, port or
// socket, user, password, db, timeouts) from one rehost::configure call
// written after the code's own assignments, whose values stay as the
// fallback. User and password literals leave the code: they come from the
// profile of the object's own endpoint.

#include <cstdlib>
#include <sw/redis++/redis++.h>

// FIXED: #include <sw/redis++/redis++.h>
// FIXED-EMPTY:
// FIXED-NEXT: #include <rehost/rehost.hpp>
// FIXED-EMPTY:
sw::redis::Redis make() {
  sw::redis::ConnectionOptions opts;
  opts.host = "cache.internal";
  // FIXED: opts.host = "cache.internal";
  opts.port = 6380;
  // FIXED: opts.port = 6380;
  opts.db = 2;
  // FIXED: opts.db = 2;
  opts.user = "app";
  // FIXED: opts.user = rehost::username("default");
  opts.password = "s3cret";
  // FIXED: opts.password = rehost::password("default");
  // Assigned last: the profile's command timeout still wins.
  opts.socket_timeout = std::chrono::milliseconds(100);
  // FIXED: opts.socket_timeout = std::chrono::milliseconds(100);
  // FIXED-NEXT: {{^}}  rehost::configure(opts, "default");{{$}}
  return sw::redis::Redis(opts);
}

void over_socket(sw::redis::ConnectionOptions *opts) {
  opts->type = sw::redis::ConnectionType::UNIX;
  opts->path = "/run/redis/queue.sock";
  // FIXED: opts->path = "/run/redis/queue.sock";
  // FIXED-NEXT: {{^}}  rehost::configure(*opts, "queue");{{$}}
}

void not_a_statement(sw::redis::ConnectionOptions &opts, bool remote) {
  // The object's endpoint is set in a condition: no statement to follow.
  if (remote)
    opts.host = "remote.internal";
  // FIXED: opts.host = "remote.internal";
}

void port_alone(sw::redis::ConnectionOptions &opts) {
  // The host comes from the environment: nothing here pins the endpoint.
  opts.host = std::getenv("REDIS_HOST");
  // FIXED: opts.host = std::getenv("REDIS_HOST");
  opts.port = 6390;
  // FIXED: opts.port = 6390;
  opts.password = "";
  // FIXED: opts.password = "";
}

// OUT: rehost: fixed 4 of 5 findings in 1 file (1 file changed); 1 manual; 1 translation unit scanned

// The JSON report records the rewrite.
// REPORT: "action": "fixed",
// REPORT: "after": "{{.*}}rehost::configure(opts, \"default\");{{.*}}",
// REPORT: "reason": "the options field is not assigned in a statement of its own; hand the profile to the object by hand"
