// RUN: rm -rf %t && mkdir %t && %strip-checks %s %t/app.cpp
// RUN: cd %t && %rehost fix --format json -o %t/report.json app.cpp -- -std=c++11 2>&1 | FileCheck %s --check-prefix=OUT
// RUN: FileCheck %s --input-file=%t/app.cpp --check-prefix=FIXED
// RUN: %clang-syntax -std=c++11 %t/app.cpp
// RUN: cp %t/app.cpp %t/app.cpp.first
// RUN: cd %t && %rehost fix --format text app.cpp -- -std=c++11 2>&1 | FileCheck %s --check-prefix=AGAIN
// RUN: cmp %t/app.cpp %t/app.cpp.first
// A constant handed down a chain of the project's own wrappers moves where
// it is written, in the accessor of what holds it (a std::string, an int),
// and the client call at the end of the chain is renamed with the profile
// set of every constant that reaches it: the configured endpoint it is
// handed brings the whole profile (password, db) to the connection. Fixed
// twice, the code does not change.

#include <hiredis/hiredis.h>
#include <string>
// FIXED: #include <hiredis/hiredis.h>
// FIXED-NEXT: #include <rehost/rehost.hpp>
// FIXED-NEXT: #include <string>

class RedisConn {
public:
  RedisConn(const std::string &ip, int port) {
    context_ = redisConnect(ip.c_str(), port);
    // FIXED: context_ = rehost_redisConnect("match:default,sessions", ip.c_str(), port);
  }

private:
  redisContext *context_;
};

class RedisPool {
public:
  void init(const std::string &ip, int port) { conn_ = new RedisConn(ip, port); }

private:
  RedisConn *conn_ = nullptr;
};

class WebServer {
public:
  WebServer(std::string ip, int port) { pool_.init(ip, port); }

private:
  RedisPool pool_;
};

int main() {
  std::string redisIp = "127.0.0.1";
  int redisPort = 6379;
  WebServer server(redisIp, redisPort);
  // FIXED: WebServer server(rehost::host("default", redisIp), rehost::port("default", redisPort));
  return 0;
}

// A second constant reaching the same call joins its profile set.
void sessions() {
  RedisConn sessions("10.0.0.7", 6380);
  // FIXED: RedisConn sessions(rehost::host("sessions", "10.0.0.7"), rehost::port("sessions", 6380));
}

// OUT: rehost: fixed 2 of 2 findings in 1 file (1 file changed); 0 manual
// AGAIN: rehost: fixed 0 of 0 findings
