// Stand-in for cpp_redis's core/client.hpp: connect and auth.
#pragma once

#include <cstdint>
#include <functional>
#include <future>
#include <string>

namespace cpp_redis {

class reply {};

class client {
public:
  enum class connect_state { dropped, start, sleeping, ok, failed, lookup_failed, stopped };
  typedef std::function<void(const std::string &host, std::size_t port, connect_state status)> connect_callback_t;
  typedef std::function<void(reply &)> reply_callback_t;

  client();
  ~client();

  void connect(const std::string &host = "127.0.0.1", std::size_t port = 6379,
               const connect_callback_t &connect_callback = nullptr,
               std::uint32_t timeout_ms = 0, std::int32_t max_reconnects = 0,
               std::uint32_t reconnect_interval_ms = 0);
  void connect(const std::string &name,
               const connect_callback_t &connect_callback = nullptr,
               std::uint32_t timeout_ms = 0, std::int32_t max_reconnects = 0,
               std::uint32_t reconnect_interval_ms = 0);

  client &auth(const std::string &password, const reply_callback_t &reply_callback);
  std::future<reply> auth(const std::string &password);
};

} // namespace cpp_redis
