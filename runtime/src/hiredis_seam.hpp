// The only place that calls hiredis or touches its structs, so hiredis 1.x,
// hiredict and TLS change one file.
#ifndef REHOST_SRC_HIREDIS_SEAM_HPP
#define REHOST_SRC_HIREDIS_SEAM_HPP

#include "handshake.hpp"

#include <rehost/rehost.hpp>

#include <chrono>
#include <string>
#include <vector>

namespace rehost::detail::hiredis {

struct Endpoint {
  Transport transport = Transport::tcp;
  std::string host;
  int port = 0;
  std::string socket;
  std::string bind_address;   // local source address; "" lets the OS choose
  bool reuse_address = false; // SO_REUSEADDR before binding bind_address
};

enum class Mode { blocking, nonblocking };

// "0.14.1"; and whether TLS (hiredis_ssl) was available at build time.
std::string version();
bool has_tls();

// A context as hiredis returns it (err set on failure), NULL only on OOM.
// A non-blocking connect may still be in progress. bind_address applies to
// non-blocking and async TCP connects only (hiredis has no other bind calls);
// a unix socket endpoint ignores it.
redisContext *connect(const Endpoint &endpoint, Mode mode,
                      std::chrono::milliseconds connect_timeout);
redisAsyncContext *connect_async(const Endpoint &endpoint);

// Contexts made by hiredis itself (so redisFree/redisAsyncFree and even
// redisCommand on them are safe) that carry `message` as their error.
redisContext *error_context(int err, const std::string &message);
redisAsyncContext *async_error_context(const std::string &message);

// Sets c->err and errstr (truncated to hiredis's 127 characters).
void set_error(redisContext *c, int err, const std::string &message);
void set_async_error(redisAsyncContext *ac, int err,
                     const std::string &message);

struct Reply {
  bool ok = false;
  bool io_error = false; // the connection failed (c->err is set)
  std::string text;      // status or error text
};
Reply command(redisContext *c, const std::vector<std::string> &argv);
// redisCommandArgv, redisAppendCommandArgv and redisAsyncCommandArgv: the
// command as separate arguments, so any byte in a password is safe.
void *command_reply(redisContext *c, const std::vector<std::string> &argv);
int append_command(redisContext *c, const std::vector<std::string> &argv);
int async_command(redisAsyncContext *ac, redisCallbackFn *fn, void *privdata,
                  const std::vector<std::string> &argv);

// SO_RCVTIMEO/SO_SNDTIMEO; 0ms means none. Sets c->err on failure.
bool set_socket_timeout(redisContext *c, std::chrono::milliseconds timeout);
bool enable_keepalive(redisContext *c);

// Waits for a non-blocking connect to finish, then runs the handshake in
// blocking mode with `timeout` on each reply and restores non-blocking mode.
bool handshake_nonblocking(redisContext *c,
                           const std::vector<HandshakeStep> &steps,
                           std::chrono::milliseconds timeout);

// Queues the handshake; a refusal sets ac->err and disconnects, so the
// disconnect callback sees REDIS_ERR and ac->errstr names the setting.
void queue_async_handshake(redisAsyncContext *ac,
                           const std::vector<HandshakeStep> &steps);

} // namespace rehost::detail::hiredis

#endif
