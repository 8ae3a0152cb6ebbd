// Stand-in for cpp_redis's core/client.hpp: connect and auth (what rehost
// rewrites), and the few commands the end-to-end tests run, with the real
// library's signatures (test/e2e/fakes implements them over hiredis).
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <future>
#include <memory>
#include <string>
#include <vector>

#include "cpp_redis/core/reply.hpp"
#include "cpp_redis/misc/error.hpp"

namespace cpp_redis {

class client {
public:
  enum class connect_state { dropped, start, sleeping, ok, failed, lookup_failed, stopped };
  typedef std::function<void(const std::string &host, std::size_t port, connect_state status)> connect_callback_t;
  typedef std::function<void(reply &)> reply_callback_t;

  client();
  ~client();
  client(const client &) = delete;
  client &operator=(const client &) = delete;

  // Throws cpp_redis::redis_error when the server cannot be reached.
  void connect(const std::string &host = "127.0.0.1", std::size_t port = 6379,
               const connect_callback_t &connect_callback = nullptr,
               std::uint32_t timeout_ms = 0, std::int32_t max_reconnects = 0,
               std::uint32_t reconnect_interval_ms = 0);
  client &add_sentinel(const std::string &host, std::size_t port,
                       std::uint32_t timeout_ms = 0);
  void connect(const std::string &name,
               const connect_callback_t &connect_callback = nullptr,
               std::uint32_t timeout_ms = 0, std::int32_t max_reconnects = 0,
               std::uint32_t reconnect_interval_ms = 0);
  bool is_connected() const;
  void disconnect(bool wait_for_removal = false);

  // Commands are only queued; commit() or sync_commit() sends them in order
  // and runs their callbacks (or fulfils their futures) with the replies.
  client &send(const std::vector<std::string> &redis_cmd, const reply_callback_t &callback);
  std::future<reply> send(const std::vector<std::string> &redis_cmd);
  client &commit();
  client &sync_commit();
  // Waits at most `timeout` for the replies; returns (without throwing) when
  // it runs out, as cpp_redis does.
  template <class Rep, class Period>
  client &sync_commit(const std::chrono::duration<Rep, Period> &timeout) {
    return sync_commit_within(std::chrono::duration_cast<std::chrono::milliseconds>(timeout));
  }

  client &auth(const std::string &password, const reply_callback_t &reply_callback);
  std::future<reply> auth(const std::string &password);

  client &del(const std::vector<std::string> &key, const reply_callback_t &reply_callback);
  std::future<reply> del(const std::vector<std::string> &key);

  client &get(const std::string &key, const reply_callback_t &reply_callback);
  std::future<reply> get(const std::string &key);

  client &incr(const std::string &key, const reply_callback_t &reply_callback);
  std::future<reply> incr(const std::string &key);

  client &ping(const reply_callback_t &reply_callback);
  std::future<reply> ping();

  client &rpush(const std::string &key, const std::vector<std::string> &values, const reply_callback_t &reply_callback);
  std::future<reply> rpush(const std::string &key, const std::vector<std::string> &values);

  client &select(int index, const reply_callback_t &reply_callback);
  std::future<reply> select(int index);

  client &set(const std::string &key, const std::string &value, const reply_callback_t &reply_callback);
  std::future<reply> set(const std::string &key, const std::string &value);

private:
  // The fake's body of the timed sync_commit (cpp_redis's is inline).
  client &sync_commit_within(std::chrono::milliseconds timeout);

  struct impl;
  std::unique_ptr<impl> m_impl;
};

} // namespace cpp_redis
