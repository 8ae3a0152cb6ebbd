// Wrappers the project writes as classes: a method called on a member
// object, a constructor that keeps the endpoint in fields another method
// reads, and a default argument of a wrapper.
// RUN: %expect-exit 1 %rehost scan %s -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=warning:

#include <hiredis/hiredis.h>
#include <memory>
#include <string>

class RedisClient {
public:
  bool Initialize(const std::string &host, int port, int db, int timeout) {
    struct timeval tv = {timeout, 0};
    ctx_ = redisConnectWithTimeout(host.c_str(), port, tv);
    return ctx_ != nullptr;
  }

private:
  redisContext *ctx_ = nullptr;
};

class SessionTest {
public:
  void SetUp() {
    m_redis.Initialize("10.10.252.15", 6379, 2, 10);
    // CHECK: :[[@LINE-1]]:5: warning: hardcoded Redis endpoint 'redis://10.10.252.15:6379' reaches 'redisConnectWithTimeout' through RedisClient::Initialize
  }

private:
  RedisClient m_redis;
};

class RedisConn {
public:
  RedisConn(std::string ip, int port) : m_ip(ip), m_port(port) {}
  redisContext *open() { return redisConnect(m_ip.c_str(), m_port); }

private:
  std::string m_ip;
  int m_port;
};

RedisConn *make_conn() {
  return new RedisConn("192.168.0.7", 6390);
  // CHECK: :[[@LINE-1]]:14: warning: hardcoded Redis endpoint 'redis://192.168.0.7:6390' reaches 'redisConnect' through RedisConn::RedisConn -> RedisConn::open
}

// std::make_unique and std::make_shared forward to the constructor.
std::unique_ptr<RedisConn> make_unique_conn() {
  return std::make_unique<RedisConn>("192.168.0.8", 6391);
  // CHECK: :[[@LINE-1]]:10: warning: hardcoded Redis endpoint 'redis://192.168.0.8:6391' reaches 'redisConnect' through RedisConn::RedisConn -> RedisConn::open
}

std::shared_ptr<RedisConn> make_shared_conn() {
  return std::make_shared<RedisConn>("192.168.0.9", 6392);
  // CHECK: :[[@LINE-1]]:10: warning: hardcoded Redis endpoint 'redis://192.168.0.9:6392' reaches 'redisConnect' through RedisConn::RedisConn -> RedisConn::open
}

struct Pool {
  bool connect(const std::string &ip = "10.0.0.2", int port = 6379) {
    // CHECK: :[[@LINE-1]]:40: warning: hardcoded Redis endpoint 'redis://10.0.0.2:6379' reaches 'redisConnect' through Pool::connect
    return redisConnect(ip.c_str(), port) != nullptr;
  }
};

void use_default_pool(Pool &pool) { pool.connect(); }

// Negatives: a parameter reassigned before the call, a caller passing
// values it reads at run time, a field that is only read.
redisContext *reassigned(const char *host) {
  host = "overridden.internal";
  return redisConnect(host, 6379);
}

void call_reassigned() { reassigned("ignored.internal"); }

void configured(RedisClient &client, const char *host, int port) {
  client.Initialize(host, port, 0, 1);
}
