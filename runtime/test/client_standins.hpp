// Stand-ins for the C++ client libraries the adapters serve, with their real
// API shapes (redis-plus-plus's ConnectionOptions, cpp_redis's client and
// subscriber), since neither library is installed here. The cpp_redis ones
// talk to a real server through hiredis: connect() connects, commands queue
// until commit(), which sends them in order and calls back with the replies.
// C++11, so the header tests instantiate the adapters on them too.
#ifndef REHOST_TEST_CLIENT_STANDINS_HPP
#define REHOST_TEST_CLIENT_STANDINS_HPP

#include <hiredis/hiredis.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <future>
#include <memory>
#include <string>
#include <vector>

namespace standin {

// sw::redis::ConnectionOptions; `Db` is int or long long, as in its versions.
enum class ConnectionType { TCP = 0, UNIX };
template <class Db> struct BasicConnectionOptions {
  ConnectionType type = ConnectionType::TCP;
  std::string host = "127.0.0.1";
  int port = 6379;
  std::string path;
  std::string user = "default";
  std::string password;
  Db db = 0;
  bool keep_alive = false;
  std::chrono::milliseconds connect_timeout{0};
  std::chrono::milliseconds socket_timeout{0};
};
typedef BasicConnectionOptions<int> ConnectionOptions;
typedef BasicConnectionOptions<long long> LongLongDbOptions;

struct reply {
  bool ok = false;
  std::string text; // status, bulk string or error text
  bool is_error() const { return !ok; }
  const std::string &error() const { return text; }
};
typedef std::function<void(reply &)> reply_callback_t;
enum class connect_state { ok, failed };
typedef std::function<void(const std::string &, std::size_t, connect_state)>
    connect_callback_t;

// What both cpp_redis types share; each exposes only its own API.
class Connection {
public:
  void connect(const std::string &host, std::size_t port,
               const connect_callback_t &callback, std::uint32_t timeout_ms) {
    connected_host = host;
    connected_port = port;
    connect_timeout_ms = timeout_ms;
    timeval tv{2, 0};
    context_.reset(
        redisConnectWithTimeout(host.c_str(), static_cast<int>(port), tv));
    if (callback)
      callback(host, port,
               context_ && !context_->err ? connect_state::ok
                                          : connect_state::failed);
  }
  void queue(const std::vector<std::string> &argv,
             const reply_callback_t &callback) {
    queued_.push_back(Command{argv, callback});
  }
  std::future<reply> queue_future(const std::vector<std::string> &argv) {
    std::shared_ptr<std::promise<reply>> promise =
        std::make_shared<std::promise<reply>>();
    queue(argv, [promise](reply &r) { promise->set_value(r); });
    return promise->get_future();
  }
  // Sends the queue in order. With `within` above 0, a reply that takes
  // longer ends the commit: as cpp_redis's timed sync_commit, it returns
  // without calling back the unanswered commands (here they never will be:
  // the connection is closed).
  void commit(std::chrono::milliseconds within = std::chrono::milliseconds(0)) {
    std::vector<Command> sending;
    sending.swap(queued_);
    if (within.count() > 0 && context_)
      redisSetTimeout(context_.get(), to_timeval(within));
    for (const Command &command : sending) {
      sent.push_back(command.argv);
      reply r = send_now(command.argv);
      if (within.count() > 0 && !r.ok && !context_)
        return; // timed out
      if (command.callback)
        command.callback(r);
    }
    if (within.count() > 0 && context_)
      redisSetTimeout(context_.get(), timeval{0, 0});
  }
  void disconnect() { context_.reset(); }
  bool connected() const { return context_ != nullptr; }

  std::string connected_host;
  std::size_t connected_port = 0;
  std::uint32_t connect_timeout_ms = 0;
  std::vector<std::vector<std::string>> sent; // in the order sent

private:
  struct Command {
    std::vector<std::string> argv;
    reply_callback_t callback;
  };
  struct Free {
    void operator()(redisContext *c) const { redisFree(c); }
  };

  static timeval to_timeval(std::chrono::milliseconds ms) {
    timeval tv;
    tv.tv_sec = static_cast<time_t>(ms.count() / 1000);
    tv.tv_usec = static_cast<suseconds_t>(ms.count() % 1000 * 1000);
    return tv;
  }

  reply send_now(const std::vector<std::string> &argv) {
    reply r;
    if (!context_ || context_->err) {
      r.text = "not connected";
      return r;
    }
    std::vector<const char *> pointers;
    std::vector<size_t> lengths;
    for (const std::string &arg : argv) {
      pointers.push_back(arg.data());
      lengths.push_back(arg.size());
    }
    redisReply *raw = static_cast<redisReply *>(
        redisCommandArgv(context_.get(), static_cast<int>(argv.size()),
                         pointers.data(), lengths.data()));
    if (!raw) {
      r.text = context_->errstr;
      context_.reset(); // hiredis cannot use a context after an I/O error
      return r;
    }
    r.ok = raw->type != REDIS_REPLY_ERROR;
    if (raw->str)
      r.text.assign(raw->str, raw->len);
    freeReplyObject(raw);
    return r;
  }

  std::unique_ptr<redisContext, Free> context_;
  std::vector<Command> queued_;
};

// cpp_redis::client: connect, auth, select, send (callback and future
// forms), sync_commit (also with a timeout), disconnect.
class client {
public:
  void connect(const std::string &host = "127.0.0.1", std::size_t port = 6379,
               const connect_callback_t &callback = nullptr,
               std::uint32_t timeout_ms = 0, std::int32_t max_reconnects = 0,
               std::uint32_t reconnect_interval_ms = 0) {
    (void)max_reconnects;
    (void)reconnect_interval_ms;
    connection.connect(host, port, callback, timeout_ms);
  }
  client &auth(const std::string &password, const reply_callback_t &callback) {
    connection.queue({"AUTH", password}, callback);
    return *this;
  }
  std::future<reply> auth(const std::string &password) {
    return connection.queue_future({"AUTH", password});
  }
  client &select(int index, const reply_callback_t &callback) {
    connection.queue({"SELECT", std::to_string(index)}, callback);
    return *this;
  }
  std::future<reply> select(int index) {
    return connection.queue_future({"SELECT", std::to_string(index)});
  }
  client &send(const std::vector<std::string> &command,
               const reply_callback_t &callback) {
    connection.queue(command, callback);
    return *this;
  }
  std::future<reply> send(const std::vector<std::string> &command) {
    return connection.queue_future(command);
  }
  client &sync_commit() {
    connection.commit();
    return *this;
  }
  template <class Rep, class Period>
  client &sync_commit(const std::chrono::duration<Rep, Period> &timeout) {
    connection.commit(
        std::chrono::duration_cast<std::chrono::milliseconds>(timeout));
    return *this;
  }
  void disconnect(bool wait_for_removal = false) {
    (void)wait_for_removal;
    connection.disconnect();
  }

  Connection connection;
};

// cpp_redis::subscriber: connect, auth, commit, disconnect (no select, no
// send).
class subscriber {
public:
  void connect(const std::string &host = "127.0.0.1", std::size_t port = 6379,
               const connect_callback_t &callback = nullptr,
               std::uint32_t timeout_ms = 0, std::int32_t max_reconnects = 0,
               std::uint32_t reconnect_interval_ms = 0) {
    (void)max_reconnects;
    (void)reconnect_interval_ms;
    connection.connect(host, port, callback, timeout_ms);
  }
  subscriber &auth(const std::string &password,
                   const reply_callback_t &callback = nullptr) {
    connection.queue({"AUTH", password}, callback);
    return *this;
  }
  subscriber &commit() {
    connection.commit();
    return *this;
  }
  void disconnect(bool wait_for_removal = false) {
    (void)wait_for_removal;
    connection.disconnect();
  }

  Connection connection;
};

} // namespace standin

#endif
