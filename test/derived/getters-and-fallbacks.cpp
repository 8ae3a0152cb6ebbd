// A project function whose every return is a constant is that constant
// where it is called; one that returns a run-time value or the literal
// fallback it is given makes that literal a partial constant.
// RUN: %expect-exit 1 %rehost scan %s -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=warning:

#include <hiredis/hiredis.h>
#include <cstdlib>
#include <string>

class RedisConfig {
public:
  static std::string getRedisIP() { return "127.0.0.1"; }
  static int getRedisPort() { return 6385; }
};

redisContext *connect_configured() {
  return redisConnect(RedisConfig::getRedisIP().c_str(),
                      RedisConfig::getRedisPort());
  // CHECK: :[[@LINE-2]]:10: warning: hardcoded Redis endpoint 'redis://127.0.0.1:6385' in call to 'redisConnect'
}

static const char *getEnvVar(const char *name, const char *fallback) {
  return std::getenv(name) ? std::getenv(name) : fallback;
}

redisContext *connect_from_env() {
  return redisConnect(getEnvVar("REDIS_HOST", "localhost"), 6379);
  // CHECK: :[[@LINE-1]]:10: warning: partially hardcoded Redis endpoint 'redis://localhost:6379' in call to 'redisConnect'
}

// A getter that reads the environment alone is run-time input.
static const char *hostFromEnv() { return std::getenv("REDIS_HOST"); }
redisContext *connect_env_only() { return redisConnect(hostFromEnv(), 6379); }

// A virtual getter may be overridden elsewhere: not followed.
struct Settings {
  virtual const char *host() const { return "10.9.9.9"; }
};
redisContext *connect_virtual(const Settings &s) {
  return redisConnect(s.host(), 6379);
}

// A getter that calls itself is read once, not once per return to the
// depth bound (four returns each calling it would be 4^16 readings): its
// constant return is a fallback beside the ones computed at run time.
static const char *pick(int n) {
  if (n > 3)
    return pick(n - 1);
  if (n > 2)
    return pick(n - 2);
  if (n > 1)
    return pick(n - 3);
  return n ? pick(0) : "10.7.7.7";
}
redisContext *connect_recursive(int n) { return redisConnect(pick(n), 6379); }
// CHECK: :[[@LINE-1]]:49: warning: partially hardcoded Redis endpoint 'redis://10.7.7.7:6379' in call to 'redisConnect'
