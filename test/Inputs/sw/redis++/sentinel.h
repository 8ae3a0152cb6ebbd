// Stand-in for redis-plus-plus's sentinel.h.
#ifndef REHOST_TEST_REDISPLUSPLUS_SENTINEL_H
#define REHOST_TEST_REDISPLUSPLUS_SENTINEL_H

#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include "sw/redis++/connection.h"

namespace sw {
namespace redis {

struct SentinelOptions {
  std::vector<std::pair<std::string, int>> nodes;
  std::string user = "default";
  std::string password;
  bool keep_alive = true;
  std::chrono::milliseconds connect_timeout{100};
  std::chrono::milliseconds socket_timeout{100};
  std::chrono::milliseconds retry_interval{100};
  std::size_t max_retry = 2;
};

class Sentinel {
public:
  explicit Sentinel(const SentinelOptions &sentinel_opts);
  Sentinel(const Sentinel &) = delete;
  Sentinel &operator=(const Sentinel &) = delete;
  Sentinel(Sentinel &&) = delete;
  Sentinel &operator=(Sentinel &&) = delete;
  ~Sentinel() = default;
};

} // namespace redis
} // namespace sw

#endif
