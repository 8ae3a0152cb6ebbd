// A call of a virtual method reaches a client call when every override the
// project defines does; one override that does not connect makes it no
// finding (the constant may go elsewhere). `fix` moves the constant and
// the client call of every override.
// RUN: %expect-exit 1 %rehost scan %s -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=warning:
// RUN: rm -rf %t && mkdir %t && %strip-checks %s %t/app.cpp
// RUN: cd %t && %rehost fix app.cpp -- -std=c++17 2>&1 | FileCheck %s --check-prefix=OUT
// RUN: FileCheck %s --input-file=%t/app.cpp --check-prefix=FIXED
// RUN: %clang-syntax -std=c++17 %t/app.cpp

#include <hiredis/hiredis.h>
#include <string>

class Store {
public:
  virtual ~Store() = default;
  virtual bool open(const std::string &host, int port) = 0;
};

class RedisStore : public Store {
public:
  bool open(const std::string &host, int port) override {
    context_ = redisConnect(host.c_str(), port);
    // FIXED: context_ = rehost_redisConnect("match:default", host.c_str(), port);
    return context_ != nullptr;
  }

private:
  redisContext *context_ = nullptr;
};

class ReplicaStore : public Store {
public:
  bool open(const std::string &host, int port) override {
    context_ = redisConnectWithTimeout(host.c_str(), port, {1, 0});
    // FIXED: context_ = rehost_redisConnectWithTimeout("match:default", host.c_str(), port, {1, 0});
    return context_ != nullptr;
  }

private:
  redisContext *context_ = nullptr;
};

bool start(Store &store) {
  return store.open("10.5.5.5", 6383);
  // CHECK: :[[@LINE-1]]:10: warning: hardcoded Redis endpoint 'redis://10.5.5.5:6383' reaches 'redisConnect' through Store::open -> RedisStore::open [{{.*}}:[[@LINE-23]]]
  // FIXED: return store.open(rehost::host("default", "10.5.5.5"), rehost::port("default", 6383));
}

// One override that does not connect: a call of this interface is no
// finding.
class Cache {
public:
  virtual ~Cache() = default;
  virtual bool open(const std::string &host, int port) = 0;
};

class RedisCache : public Cache {
public:
  bool open(const std::string &host, int port) override {
    return redisConnect(host.c_str(), port) != nullptr;
  }
};

class MemoryCache : public Cache {
public:
  bool open(const std::string &, int) override { return true; }
};

bool start_cache(Cache &cache) { return cache.open("10.5.5.6", 6384); }

// OUT: rehost: fixed 1 of 1 finding in 1 file (1 file changed); 0 manual
