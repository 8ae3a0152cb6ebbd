// Stand-in for redis-plus-plus's connection.h: the options rehost reads.
#ifndef REHOST_TEST_REDISPLUSPLUS_CONNECTION_H
#define REHOST_TEST_REDISPLUSPLUS_CONNECTION_H

#include <chrono>
#include <string>

namespace sw {
namespace redis {

enum class ConnectionType { TCP = 0, UNIX };

struct ConnectionOptions {
public:
  ConnectionOptions() = default;
  explicit ConnectionOptions(const std::string &uri);
  ConnectionOptions(const ConnectionOptions &) = default;
  ConnectionOptions &operator=(const ConnectionOptions &) = default;
  ConnectionOptions(ConnectionOptions &&) = default;
  ConnectionOptions &operator=(ConnectionOptions &&) = default;
  ~ConnectionOptions() = default;

  ConnectionType type = ConnectionType::TCP;
  std::string host;
  int port = 6379;
  std::string path;
  std::string user = "default";
  std::string password;
  int db = 0;
  bool keep_alive = false;
  std::chrono::milliseconds connect_timeout{0};
  std::chrono::milliseconds socket_timeout{0};
};

struct ConnectionPoolOptions {
  std::size_t size = 1;
  std::chrono::milliseconds wait_timeout{0};
  std::chrono::milliseconds connection_lifetime{0};
};

enum class Role { MASTER, SLAVE };

} // namespace redis
} // namespace sw

#endif
