// Stand-in for redis-plus-plus's redis.h.
#ifndef REHOST_TEST_REDISPLUSPLUS_REDIS_H
#define REHOST_TEST_REDISPLUSPLUS_REDIS_H

#include <memory>
#include <string>

#include "sw/redis++/connection.h"
#include "sw/redis++/sentinel.h"

namespace sw {
namespace redis {

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
};

} // namespace redis
} // namespace sw

#endif
