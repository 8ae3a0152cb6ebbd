// Stand-in for redis-plus-plus's redis_cluster.h.
#ifndef REHOST_TEST_REDISPLUSPLUS_REDIS_CLUSTER_H
#define REHOST_TEST_REDISPLUSPLUS_REDIS_CLUSTER_H

#include <string>

#include "sw/redis++/connection.h"

namespace sw {
namespace redis {

class RedisCluster {
public:
  explicit RedisCluster(const ConnectionOptions &connection_opts,
                        const ConnectionPoolOptions &pool_opts = {},
                        Role role = Role::MASTER);
  explicit RedisCluster(const std::string &uri);
  RedisCluster(const RedisCluster &) = delete;
  RedisCluster &operator=(const RedisCluster &) = delete;
  RedisCluster(RedisCluster &&) = default;
  RedisCluster &operator=(RedisCluster &&) = default;
};

} // namespace redis
} // namespace sw

#endif
