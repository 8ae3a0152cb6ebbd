// Stand-in for cpp_redis's core/subscriber.hpp: connect and auth, as rehost
// rewrites them (test/e2e/fakes implements them over hiredis).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "cpp_redis/core/client.hpp"

namespace cpp_redis {

class subscriber {
public:
  enum class connect_state { dropped, start, sleeping, ok, failed, lookup_failed, stopped };
  typedef std::function<void(const std::string &host, std::size_t port, connect_state status)> connect_callback_t;
  typedef std::function<void(reply &)> reply_callback_t;

  subscriber();
  ~subscriber();
  subscriber(const subscriber &) = delete;
  subscriber &operator=(const subscriber &) = delete;

  // Throws cpp_redis::redis_error when the server cannot be reached.
  void connect(const std::string &host = "127.0.0.1", std::size_t port = 6379,
               const connect_callback_t &connect_callback = nullptr,
               std::uint32_t timeout_ms = 0, std::int32_t max_reconnects = 0,
               std::uint32_t reconnect_interval_ms = 0);
  bool is_connected() const;
  void disconnect(bool wait_for_removal = false);

  // Queued like the client's commands; commit() sends it.
  subscriber &auth(const std::string &password, const reply_callback_t &reply_callback = nullptr);
  subscriber &commit();

private:
  struct impl;
  std::unique_ptr<impl> m_impl;
};

} // namespace cpp_redis
