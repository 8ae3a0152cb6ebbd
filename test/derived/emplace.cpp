// A standard container's emplace, emplace_back and emplace_front construct
// the element in place: the constant goes to the element type's one
// constructor taking that many arguments, as through std::make_unique.
// Two candidate constructors of that many arguments: not followed.
// RUN: %expect-exit 1 %rehost scan %s -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=warning:
// RUN: rm -rf %t && mkdir %t && %strip-checks %s %t/app.cpp
// RUN: cd %t && %rehost fix app.cpp -- -std=c++17 2>&1 | FileCheck %s --check-prefix=OUT
// RUN: FileCheck %s --input-file=%t/app.cpp --check-prefix=FIXED
// RUN: %clang-syntax -std=c++17 %t/app.cpp

#include <deque>
#include <hiredis/hiredis.h>
#include <string>
#include <vector>
// FIXED: #include <deque>
// FIXED-NEXT: #include <hiredis/hiredis.h>
// FIXED-NEXT: #include <rehost/rehost.hpp>
// FIXED-NEXT: #include <string>

class RedisConn {
public:
  RedisConn(const std::string &ip, int port) {
    context_ = redisConnect(ip.c_str(), port);
    // FIXED: context_ = rehost_redisConnect("match:default,ip-10-0-0-5", ip.c_str(), port);
  }

private:
  redisContext *context_ = nullptr;
};

void start(std::vector<RedisConn> &conns) {
  conns.emplace_back("10.0.0.5", 6379);
  // CHECK: :[[@LINE-1]]:3: warning: hardcoded Redis endpoint 'redis://10.0.0.5:6379' reaches 'redisConnect' through RedisConn::RedisConn [{{.*}}:[[@LINE-10]]]
  // FIXED: conns.emplace_back(rehost::host("ip-10-0-0-5", "10.0.0.5"), rehost::port("ip-10-0-0-5", 6379));
}

// emplace takes the position first; only what follows is forwarded.
void sessions(std::vector<RedisConn> &conns, std::deque<RedisConn> &spare) {
  conns.emplace(conns.begin(), "10.0.0.6", 6380);
  // CHECK: :[[@LINE-1]]:3: warning: hardcoded Redis endpoint 'redis://10.0.0.6:6380' reaches 'redisConnect'
  // FIXED: conns.emplace(conns.begin(), rehost::host("default", "10.0.0.6"), rehost::port("default", 6380));
  spare.emplace_front("10.0.0.6", 6380);
  // CHECK: :[[@LINE-1]]:3: warning: hardcoded Redis endpoint 'redis://10.0.0.6:6380' reaches 'redisConnect'
  // FIXED: spare.emplace_front(rehost::host("default", "10.0.0.6"), rehost::port("default", 6380));
}

// Two constructors of two arguments: which one the library's call picks is
// not followed.
class TwoWays {
public:
  TwoWays(const std::string &ip, int port) {
    context_ = redisConnect(ip.c_str(), port);
  }
  TwoWays(const std::string &path, double timeout) {
    context_ = redisConnectUnix(path.c_str());
  }

private:
  redisContext *context_ = nullptr;
};

void ambiguous(std::vector<TwoWays> &conns) {
  conns.emplace_back("10.0.0.9", 6381);
}

// OUT: rehost: fixed 3 of 3 findings in 1 file (1 file changed); 0 manual
