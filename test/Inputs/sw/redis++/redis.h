// Stand-in for redis-plus-plus's redis.h: the constructors rehost rewrites, and
// the few commands the end-to-end tests run (test/e2e/fakes implements them).
#ifndef REHOST_TEST_REDISPLUSPLUS_REDIS_H
#define REHOST_TEST_REDISPLUSPLUS_REDIS_H

#include <chrono>
#include <memory>
#include <string>

#include "sw/redis++/command_options.h"
#include "sw/redis++/connection.h"
#include "sw/redis++/cxx_utils.h"
#include "sw/redis++/errors.h"
#include "sw/redis++/sentinel.h"

namespace sw {
namespace redis {

class ConnectionPool;

class Redis {
public:
  explicit Redis(const ConnectionOptions &connection_opts,
                 const ConnectionPoolOptions &pool_opts = {});
  explicit Redis(const std::string &uri);
  Redis(const std::shared_ptr<Sentinel> &sentinel,
        const std::string &master_name, Role role,
        const ConnectionOptions &connection_opts,
        const ConnectionPoolOptions &pool_opts = {});
  Redis(const Redis &) = delete;
  Redis &operator=(const Redis &) = delete;
  Redis(Redis &&) = default;
  Redis &operator=(Redis &&) = default;

  std::string ping();
  std::string ping(const StringView &msg);

  long long del(const StringView &key);
  OptionalString get(const StringView &key);
  long long incr(const StringView &key);
  bool set(const StringView &key, const StringView &val,
           const std::chrono::milliseconds &ttl = std::chrono::milliseconds(0),
           UpdateType type = UpdateType::ALWAYS);
  long long rpush(const StringView &key, const StringView &val);

private:
  std::shared_ptr<ConnectionPool> _pool;
};

} // namespace redis
} // namespace sw

#endif
