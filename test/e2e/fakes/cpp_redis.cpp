// A test fake of cpp_redis (not packaged in Debian): the entry points the
// end-to-end tests use, over hiredis, declared by test/Inputs/cpp_redis.
// Built as C++11, as migrated cpp_redis programs may be.
//
// It connects with exactly what it is given: it never reads the environment
// and never sends a password of its own. As in cpp_redis, connect() throws
// cpp_redis::redis_error when the server cannot be reached, and every
// command (auth and select included) is only queued until commit() or
// sync_commit() sends the queue in order and hands each reply to its callback
// or future; a refused AUTH is an error reply like any other. Unlike the real
// client, commit() is synchronous too: the fake has no I/O thread. The timed
// sync_commit(timeout) bounds the replies with a socket timeout; when it
// runs out it returns without throwing, as cpp_redis does, and (unlike
// cpp_redis, which would still deliver them later) the unanswered commands
// never get a reply: the fake disconnects.
#include <cpp_redis/cpp_redis>

#include <hiredis/hiredis.h>

#include <sys/time.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace cpp_redis {

// ---- reply ----------------------------------------------------------------

reply::reply() : m_type(type::null), m_intval(0) {}

reply::reply(const std::string &value, string_type reply_type)
    : m_type(static_cast<type>(reply_type)), m_strval(value), m_intval(0) {}

reply::reply(std::int64_t value) : m_type(type::integer), m_intval(value) {}

reply::reply(const std::vector<reply> &rows) : m_type(type::array), m_rows(rows), m_intval(0) {}

bool reply::is_array() const { return m_type == type::array; }
bool reply::is_string() const { return is_simple_string() || is_bulk_string(); }
bool reply::is_simple_string() const { return m_type == type::simple_string; }
bool reply::is_bulk_string() const { return m_type == type::bulk_string; }
bool reply::is_error() const { return m_type == type::error; }
bool reply::is_integer() const { return m_type == type::integer; }
bool reply::is_null() const { return m_type == type::null; }
bool reply::ok() const { return !is_error() && !is_null(); }
bool reply::ko() const { return !ok(); }
reply::operator bool() const { return ok(); }

const std::string &reply::error() const {
  if (!is_error())
    throw redis_error("Reply is not an error");
  return m_strval;
}

const std::vector<reply> &reply::as_array() const {
  if (!is_array())
    throw redis_error("Reply is not an array");
  return m_rows;
}

const std::string &reply::as_string() const {
  if (!is_string())
    throw redis_error("Reply is not a string");
  return m_strval;
}

std::int64_t reply::as_integer() const {
  if (!is_integer())
    throw redis_error("Reply is not an integer");
  return m_intval;
}

reply::type reply::get_type() const { return m_type; }

namespace {

timeval to_timeval(std::chrono::milliseconds ms) {
  timeval tv;
  tv.tv_sec = static_cast<long>(ms.count() / 1000);
  tv.tv_usec = static_cast<long>((ms.count() % 1000) * 1000);
  return tv;
}

reply from_hiredis(const redisReply &raw) {
  switch (raw.type) {
  case REDIS_REPLY_STRING:
    return reply(std::string(raw.str, raw.len), reply::string_type::bulk_string);
  case REDIS_REPLY_STATUS:
    return reply(std::string(raw.str, raw.len), reply::string_type::simple_string);
  case REDIS_REPLY_ERROR:
    return reply(std::string(raw.str, raw.len), reply::string_type::error);
  case REDIS_REPLY_INTEGER:
    return reply(static_cast<std::int64_t>(raw.integer));
  case REDIS_REPLY_ARRAY: {
    std::vector<reply> rows;
    for (std::size_t i = 0; i < raw.elements; ++i)
      rows.push_back(from_hiredis(*raw.element[i]));
    return reply(rows);
  }
  default:
    return reply();
  }
}

// One command waiting for commit(): its reply goes to a callback or a promise.
struct queued_command {
  std::vector<std::string> args;
  std::function<void(reply &)> callback;
  std::shared_ptr<std::promise<reply>> promise;
};

// The connection and the queue shared by client and subscriber.
class connection {
public:
  ~connection() { disconnect(); }

  void connect(const std::string &host, std::size_t port, std::uint32_t timeout_ms) {
    disconnect();
    // For the tests: what the program (or rehost's adapter) handed the library.
    if (std::getenv("FAKE_CPP_REDIS_TRACE"))
      std::fprintf(stderr, "fake cpp_redis: connect %s:%zu timeout_ms=%u\n", host.c_str(), port,
                   static_cast<unsigned>(timeout_ms));
    redisContext *context = nullptr;
    if (timeout_ms > 0) {
      timeval tv;
      tv.tv_sec = static_cast<long>(timeout_ms / 1000);
      tv.tv_usec = static_cast<long>((timeout_ms % 1000) * 1000);
      context = redisConnectWithTimeout(host.c_str(), static_cast<int>(port), tv);
    } else {
      context = redisConnect(host.c_str(), static_cast<int>(port));
    }
    std::string where = host + ":" + std::to_string(port);
    if (context == nullptr)
      throw redis_error("Fail to connect to " + where + ": out of memory");
    if (context->err) {
      std::string message = "Fail to connect to " + where + ": " + context->errstr;
      redisFree(context);
      throw redis_error(message);
    }
    m_context = context;
  }

  bool is_connected() const { return m_context != nullptr; }

  void disconnect() {
    if (m_context)
      redisFree(m_context);
    m_context = nullptr;
  }

  void queue(queued_command command) { m_queue.push_back(std::move(command)); }

  // Sends the whole queue as one pipeline, then reads the replies in order.
  // The queue is emptied even when this throws, as cpp_redis does. A
  // `within` above 0 bounds the wait for each reply.
  void commit(std::chrono::milliseconds within = std::chrono::milliseconds(0)) {
    std::deque<queued_command> sending;
    sending.swap(m_queue);
    if (sending.empty())
      return;
    if (!m_context)
      fail(sending, "Cannot send commands: the client is not connected");
    if (within.count() > 0 && redisSetTimeout(m_context, to_timeval(within)) != REDIS_OK)
      fail(sending, std::string("Cannot set a timeout: ") + m_context->errstr);
    for (const queued_command &command : sending) {
      std::vector<const char *> argv;
      std::vector<std::size_t> lengths;
      for (const std::string &arg : command.args) {
        argv.push_back(arg.data());
        lengths.push_back(arg.size());
      }
      if (redisAppendCommandArgv(m_context, static_cast<int>(argv.size()), argv.data(), lengths.data()) != REDIS_OK)
        fail(sending, std::string("Cannot queue a command: ") + m_context->errstr);
    }
    while (!sending.empty()) {
      void *raw = nullptr;
      if (redisGetReply(m_context, &raw) != REDIS_OK || raw == nullptr) {
        bool timed_out = within.count() > 0 && m_context->err == REDIS_ERR_IO &&
                         (errno == EAGAIN || errno == EWOULDBLOCK);
        std::string message = std::string("Connection lost: ") + m_context->errstr;
        disconnect();
        if (timed_out)
          return;
        fail(sending, message);
      }
      reply result = from_hiredis(*static_cast<redisReply *>(raw));
      freeReplyObject(raw);
      queued_command command = std::move(sending.front());
      sending.pop_front();
      if (command.promise)
        command.promise->set_value(result);
      else if (command.callback)
        command.callback(result);
    }
    if (within.count() > 0 && m_context)
      redisSetTimeout(m_context, to_timeval(std::chrono::milliseconds(0)));
  }

private:
  // The commands not answered see the failure too: futures get the error,
  // then the caller gets it as an exception.
  [[noreturn]] static void fail(std::deque<queued_command> &pending, const std::string &message) {
    for (queued_command &command : pending)
      if (command.promise)
        command.promise->set_exception(std::make_exception_ptr(redis_error(message)));
    pending.clear();
    throw redis_error(message);
  }

  redisContext *m_context = nullptr;
  std::deque<queued_command> m_queue;
};

/// Connects \p conn and tells \p callback each state, as cpp_redis does:
/// start, then ok or failed (and the error propagates).
template <typename State, typename Callback>
void connect_reporting(connection &conn, const std::string &host, std::size_t port, std::uint32_t timeout_ms,
                       const Callback &callback) {
  if (callback)
    callback(host, port, State::start);
  try {
    conn.connect(host, port, timeout_ms);
  } catch (const redis_error &) {
    if (callback)
      callback(host, port, State::failed);
    throw;
  }
  if (callback)
    callback(host, port, State::ok);
}

} // namespace

// ---- client ---------------------------------------------------------------

struct client::impl {
  connection conn;
};

client::client() : m_impl(new impl) {}
client::~client() = default;

void client::connect(const std::string &host, std::size_t port, const connect_callback_t &connect_callback,
                     std::uint32_t timeout_ms, std::int32_t, std::uint32_t) {
  connect_reporting<connect_state>(m_impl->conn, host, port, timeout_ms, connect_callback);
}

void client::connect(const std::string &name, const connect_callback_t &connect_callback, std::uint32_t,
                     std::int32_t, std::uint32_t) {
  if (connect_callback)
    connect_callback(name, 0, connect_state::lookup_failed);
  throw redis_error("the e2e fake of cpp_redis has no sentinel support (connect(\"" + name + "\"))");
}

bool client::is_connected() const { return m_impl->conn.is_connected(); }

void client::disconnect(bool) { m_impl->conn.disconnect(); }

client &client::send(const std::vector<std::string> &redis_cmd, const reply_callback_t &callback) {
  queued_command command;
  command.args = redis_cmd;
  command.callback = callback;
  m_impl->conn.queue(std::move(command));
  return *this;
}

std::future<reply> client::send(const std::vector<std::string> &redis_cmd) {
  queued_command command;
  command.args = redis_cmd;
  command.promise = std::make_shared<std::promise<reply>>();
  std::future<reply> future = command.promise->get_future();
  m_impl->conn.queue(std::move(command));
  return future;
}

client &client::commit() {
  m_impl->conn.commit();
  return *this;
}

client &client::sync_commit() {
  m_impl->conn.commit();
  return *this;
}

client &client::sync_commit_within(std::chrono::milliseconds timeout) {
  m_impl->conn.commit(timeout);
  return *this;
}

client &client::auth(const std::string &password, const reply_callback_t &reply_callback) {
  return send({"AUTH", password}, reply_callback);
}
std::future<reply> client::auth(const std::string &password) { return send({"AUTH", password}); }

client &client::del(const std::vector<std::string> &key, const reply_callback_t &reply_callback) {
  std::vector<std::string> args{"DEL"};
  args.insert(args.end(), key.begin(), key.end());
  return send(args, reply_callback);
}
std::future<reply> client::del(const std::vector<std::string> &key) {
  std::vector<std::string> args{"DEL"};
  args.insert(args.end(), key.begin(), key.end());
  return send(args);
}

client &client::get(const std::string &key, const reply_callback_t &reply_callback) {
  return send({"GET", key}, reply_callback);
}
std::future<reply> client::get(const std::string &key) { return send({"GET", key}); }

client &client::incr(const std::string &key, const reply_callback_t &reply_callback) {
  return send({"INCR", key}, reply_callback);
}
std::future<reply> client::incr(const std::string &key) { return send({"INCR", key}); }

client &client::ping(const reply_callback_t &reply_callback) { return send({"PING"}, reply_callback); }
std::future<reply> client::ping() { return send({"PING"}); }

client &client::rpush(const std::string &key, const std::vector<std::string> &values,
                      const reply_callback_t &reply_callback) {
  std::vector<std::string> args{"RPUSH", key};
  args.insert(args.end(), values.begin(), values.end());
  return send(args, reply_callback);
}
std::future<reply> client::rpush(const std::string &key, const std::vector<std::string> &values) {
  std::vector<std::string> args{"RPUSH", key};
  args.insert(args.end(), values.begin(), values.end());
  return send(args);
}

client &client::select(int index, const reply_callback_t &reply_callback) {
  return send({"SELECT", std::to_string(index)}, reply_callback);
}
std::future<reply> client::select(int index) { return send({"SELECT", std::to_string(index)}); }

client &client::set(const std::string &key, const std::string &value, const reply_callback_t &reply_callback) {
  return send({"SET", key, value}, reply_callback);
}
std::future<reply> client::set(const std::string &key, const std::string &value) {
  return send({"SET", key, value});
}

// ---- subscriber -----------------------------------------------------------

struct subscriber::impl {
  connection conn;
};

subscriber::subscriber() : m_impl(new impl) {}
subscriber::~subscriber() = default;

void subscriber::connect(const std::string &host, std::size_t port, const connect_callback_t &connect_callback,
                         std::uint32_t timeout_ms, std::int32_t, std::uint32_t) {
  connect_reporting<connect_state>(m_impl->conn, host, port, timeout_ms, connect_callback);
}

bool subscriber::is_connected() const { return m_impl->conn.is_connected(); }

void subscriber::disconnect(bool) { m_impl->conn.disconnect(); }

subscriber &subscriber::auth(const std::string &password, const reply_callback_t &reply_callback) {
  queued_command command;
  command.args = {"AUTH", password};
  command.callback = reply_callback;
  m_impl->conn.queue(std::move(command));
  return *this;
}

subscriber &subscriber::commit() {
  m_impl->conn.commit();
  return *this;
}

} // namespace cpp_redis
