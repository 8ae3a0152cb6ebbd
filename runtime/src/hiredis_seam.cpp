#include "hiredis_seam.hpp"

#if defined(REHOST_HAVE_HIREDIS_SSL)
#include <hiredis/hiredis_ssl.h>
// hiredict's shim renames redisInitiateSSL but does not include the header
// that declares what it renames to.
#if defined(redisInitiateSSL) && __has_include(<hiredict/hiredict_ssl.h>)
#include <hiredict/hiredict_ssl.h>
#endif
#endif

#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string_view>

namespace rehost::detail::hiredis {
namespace {

// connect() on a path below a regular file fails at once with ENOTDIR.
constexpr const char *unreachable_socket = "/dev/null/rehost";

timeval to_timeval(std::chrono::milliseconds ms) {
  timeval tv{};
  tv.tv_sec = static_cast<time_t>(ms.count() / 1000);
  tv.tv_usec = static_cast<suseconds_t>(ms.count() % 1000 * 1000);
  return tv;
}

bool set_fd_blocking(int fd, bool blocking) {
  int flags = fcntl(fd, F_GETFL);
  if (flags < 0)
    return false;
  flags = blocking ? flags & ~O_NONBLOCK : flags | O_NONBLOCK;
  return fcntl(fd, F_SETFL, flags) == 0;
}

void fail_from_errno(redisContext *c, const char *what) {
  set_error(c, REDIS_ERR_IO, std::string(what) + ": " + std::strerror(errno));
}

// redisCommandArgv's view of an argument vector; `argv` must outlive it.
struct ArgvView {
  explicit ArgvView(const std::vector<std::string> &argv) {
    for (const std::string &arg : argv) {
      pointers.push_back(arg.data());
      lengths.push_back(arg.size());
    }
  }
  int count() const { return static_cast<int>(pointers.size()); }
  std::vector<const char *> pointers;
  std::vector<size_t> lengths;
};

// hiredis's own reply functions, wrapped by watch_replies().
const redisReplyObjectFunctions *plain_functions = nullptr;

ReplyWatch &watch_of(const redisReadTask *task) {
  return *static_cast<ReplyWatch *>(task->privdata);
}

bool is_pubsub_kind(std::string_view kind) {
  for (std::string_view known : {"subscribe", "psubscribe", "ssubscribe",
                                 "message", "pmessage", "smessage"})
    if (kind == known)
      return true;
  return false;
}

void *watched_string(const redisReadTask *task, char *str, size_t len) {
  ReplyWatch &watch = watch_of(task);
  std::string_view text(str, len);
  if (!task->parent) {
    if (task->type == REDIS_REPLY_STATUS && text == "QUEUED")
      watch.in_transaction = true;
    else if (task->type == REDIS_REPLY_STATUS && text == "OK")
      watch.in_transaction = false;
    else if (task->type == REDIS_REPLY_ERROR &&
             text.substr(0, 9) == "EXECABORT")
      watch.in_transaction = false;
    else if (task->type == REDIS_REPLY_ERROR && text.substr(0, 8) == "READONLY")
      watch.on_replica = true;
  } else if (!task->parent->parent && task->idx == 0 &&
             task->type == REDIS_REPLY_STRING && is_pubsub_kind(text)) {
    watch.subscribed = true;
  }
  return plain_functions->createString(task, str, len);
}

// hiredis 0.14 counts an array's elements in an int, 1.x in a size_t.
#if HIREDIS_MAJOR >= 1
using ArrayLength = size_t;
#else
using ArrayLength = int;
#endif

void *watched_array(const redisReadTask *task, ArrayLength elements) {
  if (!task->parent)
    watch_of(task).in_transaction = false; // EXEC's reply
  return plain_functions->createArray(task, elements);
}

void *watched_nil(const redisReadTask *task) {
  if (!task->parent)
    watch_of(task).in_transaction = false; // EXEC after a WATCHed change
  return plain_functions->createNil(task);
}

void on_handshake_reply(redisAsyncContext *ac, void *reply, void *privdata) {
  auto *what = static_cast<std::string *>(privdata);
  auto *r = static_cast<redisReply *>(reply);
  // hiredis calls back with NULL for replies that never came; then the
  // connection error is already in ac->errstr.
  if (r && r->type == REDIS_REPLY_ERROR && ac->err == 0) {
    set_async_error(ac, REDIS_ERR_OTHER,
                    *what + " failed: " + std::string(r->str, r->len));
    redisAsyncDisconnect(ac);
  }
  delete what;
}

} // namespace

std::string version() {
  return std::to_string(HIREDIS_MAJOR) + "." + std::to_string(HIREDIS_MINOR) +
         "." + std::to_string(HIREDIS_PATCH);
}

int generation() { return HIREDIS_MAJOR; }

bool has_tls() {
#if defined(REHOST_HAVE_HIREDIS_SSL)
  return true;
#else
  return false;
#endif
}

redisContext *connect(const Endpoint &endpoint, Mode mode,
                      std::chrono::milliseconds connect_timeout) {
  const bool unix_socket = endpoint.transport == Transport::unix_socket;
  if (mode == Mode::blocking) {
    timeval tv = to_timeval(connect_timeout);
    return unix_socket
               ? redisConnectUnixWithTimeout(endpoint.socket.c_str(), tv)
               : redisConnectWithTimeout(endpoint.host.c_str(), endpoint.port,
                                         tv);
  }
  if (unix_socket)
    return redisConnectUnixNonBlock(endpoint.socket.c_str());
  const char *host = endpoint.host.c_str();
  if (endpoint.bind_address.empty())
    return redisConnectNonBlock(host, endpoint.port);
  const char *source = endpoint.bind_address.c_str();
  return endpoint.reuse_address
             ? redisConnectBindNonBlockWithReuse(host, endpoint.port, source)
             : redisConnectBindNonBlock(host, endpoint.port, source);
}

redisAsyncContext *connect_async(const Endpoint &endpoint) {
  if (endpoint.transport == Transport::unix_socket)
    return redisAsyncConnectUnix(endpoint.socket.c_str());
  const char *host = endpoint.host.c_str();
  if (endpoint.bind_address.empty())
    return redisAsyncConnect(host, endpoint.port);
  const char *source = endpoint.bind_address.c_str();
  return endpoint.reuse_address
             ? redisAsyncConnectBindWithReuse(host, endpoint.port, source)
             : redisAsyncConnectBind(host, endpoint.port, source);
}

bool initiate_tls(redisContext *c, ssl_st *ssl,
                  std::chrono::milliseconds timeout) {
#if defined(REHOST_HAVE_HIREDIS_SSL)
  const bool was_blocking = (c->flags & REDIS_BLOCK) != 0;
  // redisSetTimeout also records the timeout in the context: the one it had
  // (the options' command timeout, or none) is put back afterwards.
  const timeval previous =
      c->command_timeout ? *c->command_timeout : timeval{0, 0};
  if (!was_blocking && !set_fd_blocking(c->fd, true)) {
    fail_from_errno(c, "fcntl");
    return false;
  }
  c->flags |= REDIS_BLOCK;
  bool ok = set_socket_timeout(c, timeout);
  if (ok && redisInitiateSSL(c, ssl) != REDIS_OK) {
    ok = false;
    // The receive timeout ran out: OpenSSL calls that "want read", and
    // hiredis then has no reason to print.
    if (errno == EAGAIN || errno == EWOULDBLOCK)
      set_error(c, REDIS_ERR_IO,
                "no TLS answer within the connect timeout (is it a TLS "
                "port?)");
  }
  if (ok && redisSetTimeout(c, previous) != REDIS_OK)
    ok = false;
  if (!was_blocking) {
    c->flags &= ~REDIS_BLOCK;
    if (!set_fd_blocking(c->fd, false) && ok) {
      fail_from_errno(c, "fcntl");
      ok = false;
    }
  }
  return ok;
#else
  (void)ssl;
  (void)timeout;
  set_error(c, REDIS_ERR_OTHER, "TLS needs hiredis >= 1.0 built with SSL");
  return false;
#endif
}

bool initiate_tls_async(redisAsyncContext *ac, ssl_st *ssl) {
#if defined(REHOST_HAVE_HIREDIS_SSL)
  if (redisInitiateSSL(&ac->c, ssl) == REDIS_OK)
    return true;
  ac->err = ac->c.err;
  ac->errstr = ac->c.errstr;
  return false;
#else
  (void)ssl;
  set_async_error(ac, REDIS_ERR_OTHER,
                  "TLS needs hiredis >= 1.0 built with SSL");
  return false;
#endif
}

bool uses_tls(const redisContext *c) {
#if HIREDIS_MAJOR >= 1
  return c->privctx != nullptr;
#else
  (void)c;
  return false;
#endif
}

redisContext *error_context(int err, const std::string &message) {
  redisContext *c = redisConnectUnixNonBlock(unreachable_socket);
  if (c)
    set_error(c, err, message);
  return c;
}

redisAsyncContext *async_error_context(const std::string &message) {
  redisAsyncContext *ac = redisAsyncConnectUnix(unreachable_socket);
  if (ac)
    set_async_error(ac, REDIS_ERR_OTHER, message);
  return ac;
}

void set_error(redisContext *c, int err, const std::string &message) {
  c->err = err;
  std::snprintf(c->errstr, sizeof(c->errstr), "%s", message.c_str());
}

void set_async_error(redisAsyncContext *ac, int err,
                     const std::string &message) {
  set_error(&ac->c, err, message);
  ac->err = ac->c.err;
  ac->errstr = ac->c.errstr;
}

void *command_reply(redisContext *c, const std::vector<std::string> &argv) {
  ArgvView args(argv);
  return redisCommandArgv(c, args.count(), args.pointers.data(),
                          args.lengths.data());
}

int append_command(redisContext *c, const std::vector<std::string> &argv) {
  ArgvView args(argv);
  return redisAppendCommandArgv(c, args.count(), args.pointers.data(),
                                args.lengths.data());
}

int async_command(redisAsyncContext *ac, redisCallbackFn *fn, void *privdata,
                  const std::vector<std::string> &argv) {
  ArgvView args(argv);
  return redisAsyncCommandArgv(ac, fn, privdata, args.count(),
                               args.pointers.data(), args.lengths.data());
}

Reply command(redisContext *c, const std::vector<std::string> &argv) {
  auto *reply = static_cast<redisReply *>(command_reply(c, argv));
  Reply result;
  if (!reply) {
    result.io_error = true;
    result.text = c->errstr;
    return result;
  }
  result.ok = reply->type != REDIS_REPLY_ERROR;
  if (reply->str)
    result.text.assign(reply->str, reply->len);
  if (reply->type == REDIS_REPLY_ARRAY)
    for (size_t i = 0; i < reply->elements; ++i)
      if (const redisReply *element = reply->element[i]; element->str)
        result.elements.emplace_back(element->str, element->len);
  freeReplyObject(reply);
  return result;
}

bool set_socket_timeout(redisContext *c, std::chrono::milliseconds timeout) {
  return redisSetTimeout(c, to_timeval(timeout)) == REDIS_OK;
}

bool enable_keepalive(redisContext *c) {
  return redisEnableKeepAlive(c) == REDIS_OK;
}

bool wait_connected(redisContext *c, std::chrono::milliseconds timeout) {
  pollfd pfd{c->fd, POLLOUT, 0};
  int ready = poll(&pfd, 1, static_cast<int>(timeout.count()));
  if (ready == 0) {
    errno = ETIMEDOUT;
    fail_from_errno(c, "connect");
    return false;
  }
  int error = 0;
  socklen_t length = sizeof(error);
  if (ready < 0 || getsockopt(c->fd, SOL_SOCKET, SO_ERROR, &error, &length))
    error = errno;
  if (error) {
    errno = error;
    fail_from_errno(c, "connect");
    return false;
  }
  return true;
}

bool handshake_nonblocking(redisContext *c,
                           const std::vector<HandshakeStep> &steps,
                           std::chrono::milliseconds timeout) {
  if (!set_fd_blocking(c->fd, true)) {
    fail_from_errno(c, "fcntl");
    return false;
  }
  c->flags |= REDIS_BLOCK;
  bool ok = set_socket_timeout(c, timeout) && run_handshake(c, steps) &&
            set_socket_timeout(c, std::chrono::milliseconds(0));
  c->flags &= ~REDIS_BLOCK;
  if (!set_fd_blocking(c->fd, false) && ok) {
    fail_from_errno(c, "fcntl");
    return false;
  }
  return ok;
}

void watch_replies(redisContext *c, ReplyWatch *watch) {
  static redisReplyObjectFunctions *const watched = [c] {
    plain_functions = c->reader->fn;
    // A copy with three members replaced, so what else a hiredis version's
    // table holds (1.x adds RESP3 types) stays hiredis's own.
    static redisReplyObjectFunctions table = *plain_functions;
    table.createString = watched_string;
    table.createArray = watched_array;
    table.createNil = watched_nil;
    return &table;
  }();
  c->reader->fn = watched;
  c->reader->privdata = watch;
}

bool readable(redisContext *c) {
  pollfd pfd{c->fd, POLLIN, 0};
  if (poll(&pfd, 1, 0) == 0)
    return false;
  if (!uses_tls(c))
    return true;
  const bool was_blocking = (c->flags & REDIS_BLOCK) != 0;
  if (!set_fd_blocking(c->fd, false))
    return true;
  c->flags &= ~REDIS_BLOCK;
  const bool stale = redisBufferRead(c) != REDIS_OK || has_unfinished_io(c);
  if (was_blocking) {
    c->flags |= REDIS_BLOCK;
    set_fd_blocking(c->fd, true);
  }
  return stale;
}

bool has_unfinished_io(const redisContext *c) {
  const redisReader *reader = c->reader;
  return sdslen(c->obuf) > 0 || reader->pos < reader->len || reader->ridx >= 0;
}

bool ping(redisContext *c, std::chrono::milliseconds timeout,
          std::chrono::milliseconds command_timeout) {
  if (!set_socket_timeout(c, timeout))
    return false;
  Reply reply = command(c, {"PING"});
  return reply.ok && reply.text == "PONG" &&
         set_socket_timeout(c, command_timeout);
}

void free_context(redisContext *c) { redisFree(c); }

void sever_inherited(redisContext *c) {
  int unconnected = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (unconnected < 0)
    return;
  dup2(unconnected, c->fd);
  close(unconnected);
}

void queue_async_handshake(redisAsyncContext *ac,
                           const std::vector<HandshakeStep> &steps) {
  for (const HandshakeStep &step : steps) {
    ArgvView args(step.argv);
    auto *what = new std::string(step.what);
    if (redisAsyncCommandArgv(ac, on_handshake_reply, what, args.count(),
                              args.pointers.data(),
                              args.lengths.data()) != REDIS_OK)
      delete what;
  }
}

} // namespace rehost::detail::hiredis
