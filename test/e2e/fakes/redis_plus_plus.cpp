// A test fake of redis-plus-plus (not packaged in Debian): the entry points
// the end-to-end tests use, over hiredis, declared by test/Inputs/sw/redis++.
//
// It connects with exactly what it is given: it never reads the environment,
// never defaults a password, and throws sw::redis::Error (with hiredis's or
// the server's message) on any failure, so a test proves what the migrated
// code handed the library. URIs are read the way redis-plus-plus reads them
// (Uri in sw/redis++/redis_uri.cpp, see parse_uri): no percent-decoding, the
// first '@' ends the credentials, the first ':' of the address separates the
// port (so, like the real library, it cannot read a bracketed IPv6 address),
// and numbers are read with std::stoi's leniency.
#include <sw/redis++/redis++.h>

#include <hiredis/hiredis.h>

#include <sys/time.h>

#include <cerrno>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

namespace sw {
namespace redis {

namespace {

// std::stoi and std::stoul as redis-plus-plus uses them: leading blanks and
// a sign are read, whatever follows the digits is ignored, and no digits (or
// out of range) is an error.
int leading_int(const std::string &text, const std::string &error) {
  try {
    return std::stoi(text);
  } catch (const std::exception &) {
    throw Error(error + text);
  }
}

std::chrono::milliseconds parse_timeout(const std::string &text) {
  unsigned long amount = 0;
  std::size_t digits = 0;
  try {
    amount = std::stoul(text, &digits);
  } catch (const std::exception &) {
    throw Error("invalid uri parameter of timeout type: " + text);
  }
  std::string unit = text.substr(digits);
  if (unit == "ms")
    return std::chrono::milliseconds(amount);
  if (unit == "s")
    return std::chrono::seconds(amount);
  if (unit == "m")
    return std::chrono::minutes(amount);
  throw Error("unknown timeout unit: " + unit);
}

bool parse_bool(const std::string &text) {
  if (text == "true")
    return true;
  if (text == "false")
    return false;
  throw Error("invalid uri parameter of bool type: " + text);
}

// Splits at every `delimiter`, keeping empty fields; "" gives no field.
std::vector<std::string> split_all(const std::string &text, char delimiter) {
  std::vector<std::string> fields;
  if (text.empty())
    return fields;
  std::size_t start = 0;
  for (;;) {
    std::size_t end = text.find(delimiter, start);
    fields.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos)
      return fields;
    start = end + 1;
  }
}

// The parameters after the last '?': key=value pairs joined by '&'. Each
// pair must split into exactly two fields at '=' (so "a=1&" and "a=b=c"
// are errors, "a=" is an empty value).
void apply_parameters(const std::string &parameters, ConnectionOptions &opts) {
  for (const std::string &pair : split_all(parameters, '&')) {
    std::vector<std::string> kv = split_all(pair, '=');
    if (kv.size() != 2)
      throw Error("invalid option: not a key-value pair: " + pair);
    const std::string &key = kv[0], &value = kv[1];
    if (key == "user")
      opts.user = value;
    else if (key == "password")
      opts.password = value;
    else if (key == "db")
      opts.db = leading_int(value, "invalid uri parameter of int type: ");
    else if (key == "keep_alive")
      opts.keep_alive = parse_bool(value);
    else if (key == "connect_timeout")
      opts.connect_timeout = parse_timeout(value);
    else if (key == "socket_timeout")
      opts.socket_timeout = parse_timeout(value);
    else if (key == "resp") {
      if (leading_int(value, "invalid uri parameter of int type: ") != 2)
        throw Error("the e2e fake speaks RESP2 only");
    } else if (key == "pool_size")
      leading_int(value, "invalid uri parameter of int type: "); // one connection here
    else if (key == "pool_wait_timeout" || key == "pool_connection_lifetime" ||
             key == "pool_connection_idle_time")
      parse_timeout(value);
    else
      throw Error("unknown uri parameter: " + key);
  }
}

// As redis-plus-plus's Uri: the scheme ends at the first "://"; the
// credentials at the first '@' after it, split at their first ':' (none: a
// password alone); the parameters follow the last '?'; a number at the start
// of what follows the last '/' (searched in the whole rest, parameters
// included) is the db and cuts the path there; host and port split at the
// first ':'.
void parse_uri(const std::string &uri, ConnectionOptions &opts) {
  std::size_t scheme_end = uri.find("://");
  if (scheme_end == std::string::npos)
    throw Error("invalid URI: no scheme");
  std::string scheme = uri.substr(0, scheme_end);
  std::string rest = uri.substr(scheme_end + 3);

  std::size_t at = rest.find('@');
  if (at != std::string::npos) {
    std::string auth = rest.substr(0, at);
    rest = rest.substr(at + 1);
    std::size_t colon = auth.find(':');
    if (auth.empty()) {
      // no credentials
    } else if (colon == std::string::npos) {
      opts.password = auth;
    } else {
      opts.user = auth.substr(0, colon);
      opts.password = auth.substr(colon + 1);
    }
  }

  std::string parameters;
  std::size_t question = rest.rfind('?');
  if (question != std::string::npos)
    parameters = rest.substr(question + 1);
  std::string path = rest.substr(0, question);
  opts.db = 0;
  std::size_t slash = rest.rfind('/');
  if (slash != std::string::npos) {
    try {
      opts.db = std::stoi(rest.substr(slash + 1));
      path = rest.substr(0, slash);
    } catch (const std::exception &) {
      // not a db: part of a socket path
    }
  }

  if (scheme == "tcp" || scheme == "redis") {
    opts.type = ConnectionType::TCP;
    std::size_t colon = path.find(':');
    if (colon != std::string::npos) {
      try {
        opts.port = std::stoi(path.substr(colon + 1));
      } catch (const std::exception &) {
        throw Error("invalid URI: invalid port");
      }
    }
    opts.host = path.substr(0, colon);
  } else if (scheme == "unix") {
    opts.type = ConnectionType::UNIX;
    opts.path = path;
  } else {
    throw Error("invalid URI: invalid scheme: " + scheme);
  }
  apply_parameters(parameters, opts);
}

timeval to_timeval(std::chrono::milliseconds ms) {
  timeval tv;
  tv.tv_sec = static_cast<long>(ms.count() / 1000);
  tv.tv_usec = static_cast<long>((ms.count() % 1000) * 1000);
  return tv;
}

struct ReplyDeleter {
  void operator()(redisReply *reply) const { freeReplyObject(reply); }
};
using ReplyPtr = std::unique_ptr<redisReply, ReplyDeleter>;

} // namespace

ConnectionOptions::ConnectionOptions(const std::string &uri) { parse_uri(uri, *this); }

// One hiredis connection, opened on first use as redis-plus-plus's pool
// does, and set up the way redis-plus-plus sets up each of its connections.
class ConnectionPool {
public:
  explicit ConnectionPool(const ConnectionOptions &opts) : _opts(opts) {}
  ~ConnectionPool() {
    if (_context)
      redisFree(_context);
  }
  ConnectionPool(const ConnectionPool &) = delete;
  ConnectionPool &operator=(const ConnectionPool &) = delete;

  // Sends one command and returns its reply; an error reply throws.
  ReplyPtr command(const std::vector<std::string> &args) {
    redisContext *context = connection();
    ReplyPtr reply = send(context, args);
    if (reply->type == REDIS_REPLY_ERROR)
      throw ReplyError(std::string(reply->str, reply->len));
    return reply;
  }

private:
  redisContext *connection() {
    if (_context)
      return _context;
    redisContext *context = open();
    // Like redis-plus-plus: AUTH when there is a password or an ACL user,
    // one argument for the "default" user; then SELECT when db is not 0.
    try {
      if (!_opts.password.empty() || _opts.user != "default") {
        if (_opts.user == "default")
          expect_ok(send(context, {"AUTH", _opts.password}), "AUTH");
        else
          expect_ok(send(context, {"AUTH", _opts.user, _opts.password}), "AUTH");
      }
      if (_opts.db != 0)
        expect_ok(send(context, {"SELECT", std::to_string(_opts.db)}), "SELECT");
    } catch (...) {
      redisFree(context);
      throw;
    }
    _context = context;
    return _context;
  }

  redisContext *open() {
    redisContext *context = nullptr;
    bool timed = _opts.connect_timeout.count() > 0;
    std::string where;
    if (_opts.type == ConnectionType::UNIX) {
      where = "unix:" + _opts.path;
      context = timed ? redisConnectUnixWithTimeout(_opts.path.c_str(), to_timeval(_opts.connect_timeout))
                      : redisConnectUnix(_opts.path.c_str());
    } else {
      where = _opts.host + ":" + std::to_string(_opts.port);
      context = timed ? redisConnectWithTimeout(_opts.host.c_str(), _opts.port, to_timeval(_opts.connect_timeout))
                      : redisConnect(_opts.host.c_str(), _opts.port);
    }
    if (context == nullptr)
      throw Error("failed to allocate a hiredis context for " + where);
    if (context->err) {
      std::string message = "failed to connect to " + where + ": " + context->errstr;
      redisFree(context);
      throw IoError(message);
    }
    if (_opts.socket_timeout.count() > 0 &&
        redisSetTimeout(context, to_timeval(_opts.socket_timeout)) != REDIS_OK) {
      std::string message = std::string("failed to set the socket timeout: ") + context->errstr;
      redisFree(context);
      throw Error(message);
    }
    if (_opts.keep_alive && redisEnableKeepAlive(context) != REDIS_OK) {
      std::string message = std::string("failed to enable keep-alive: ") + context->errstr;
      redisFree(context);
      throw Error(message);
    }
    return context;
  }

  static ReplyPtr send(redisContext *context, const std::vector<std::string> &args) {
    std::vector<const char *> argv;
    std::vector<std::size_t> lengths;
    for (const std::string &arg : args) {
      argv.push_back(arg.data());
      lengths.push_back(arg.size());
    }
    void *raw = redisCommandArgv(context, static_cast<int>(args.size()), argv.data(), lengths.data());
    if (raw == nullptr)
      throw IoError(std::string("failed to send ") + args.front() + ": " + context->errstr);
    return ReplyPtr(static_cast<redisReply *>(raw));
  }

  static void expect_ok(ReplyPtr reply, const char *what) {
    if (reply->type == REDIS_REPLY_ERROR)
      throw ReplyError(std::string(what) + " failed: " + std::string(reply->str, reply->len));
  }

  ConnectionOptions _opts;
  redisContext *_context = nullptr;
};

namespace {

long long integer_of(const redisReply &reply, const char *command) {
  if (reply.type != REDIS_REPLY_INTEGER)
    throw ProtoError(std::string("expect INTEGER reply to ") + command);
  return reply.integer;
}

std::string string_of(const redisReply &reply, const char *command) {
  if (reply.type != REDIS_REPLY_STRING && reply.type != REDIS_REPLY_STATUS)
    throw ProtoError(std::string("expect STRING reply to ") + command);
  return std::string(reply.str, reply.len);
}

std::string text(const StringView &view) { return std::string(view.data(), view.size()); }

} // namespace

Redis::Redis(const ConnectionOptions &connection_opts, const ConnectionPoolOptions &)
    : _pool(std::make_shared<ConnectionPool>(connection_opts)) {}

Redis::Redis(const std::string &uri) : Redis(ConnectionOptions(uri)) {}

std::string Redis::ping() { return string_of(*_pool->command({"PING"}), "PING"); }

std::string Redis::ping(const StringView &msg) {
  return string_of(*_pool->command({"PING", text(msg)}), "PING");
}

long long Redis::del(const StringView &key) { return integer_of(*_pool->command({"DEL", text(key)}), "DEL"); }

OptionalString Redis::get(const StringView &key) {
  ReplyPtr reply = _pool->command({"GET", text(key)});
  if (reply->type == REDIS_REPLY_NIL)
    return OptionalString();
  return OptionalString(string_of(*reply, "GET"));
}

long long Redis::incr(const StringView &key) { return integer_of(*_pool->command({"INCR", text(key)}), "INCR"); }

bool Redis::set(const StringView &key, const StringView &val, const std::chrono::milliseconds &ttl,
                UpdateType type) {
  std::vector<std::string> args{"SET", text(key), text(val)};
  if (ttl.count() > 0) {
    args.push_back("PX");
    args.push_back(std::to_string(ttl.count()));
  }
  if (type == UpdateType::EXIST)
    args.push_back("XX");
  else if (type == UpdateType::NOT_EXIST)
    args.push_back("NX");
  else if (type == UpdateType::CHANGED)
    throw Error("SET does not support UpdateType::CHANGED");
  ReplyPtr reply = _pool->command(args);
  return reply->type != REDIS_REPLY_NIL;
}

long long Redis::rpush(const StringView &key, const StringView &val) {
  return integer_of(*_pool->command({"RPUSH", text(key), text(val)}), "RPUSH");
}

} // namespace redis
} // namespace sw
