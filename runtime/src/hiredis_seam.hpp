// The only place that calls hiredis or touches its structs, so hiredis 1.x,
// hiredict and TLS change one file.
#ifndef REHOST_SRC_HIREDIS_SEAM_HPP
#define REHOST_SRC_HIREDIS_SEAM_HPP

#include "handshake.hpp"

#include <rehost/rehost.hpp>

#include <chrono>
#include <string>
#include <vector>

struct ssl_st;

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

// HIREDIS_MAJOR: 0 or 1. Within a generation redisContext keeps its layout,
// across them it does not, so contexts pass only between code of one.
int generation();

// A context as hiredis returns it (err set on failure), NULL only on OOM.
// A non-blocking connect may still be in progress. bind_address applies to
// non-blocking and async TCP connects only (hiredis has no other bind calls);
// a unix socket endpoint ignores it.
redisContext *connect(const Endpoint &endpoint, Mode mode,
                      std::chrono::milliseconds connect_timeout);
redisAsyncContext *connect_async(const Endpoint &endpoint);

// TLS on a connected context (hiredis_ssl's redisInitiateSSL): the
// handshake runs in blocking mode with `timeout` as SO_RCVTIMEO/SO_SNDTIMEO
// (set before it, so a server that never answers cannot hang it), then a
// non-blocking context is non-blocking again and a blocking one keeps the
// timeout until the caller sets its own. On success `ssl` belongs to `c`;
// on failure it is still the caller's (its verify result tells why) and
// c->err is set. Always fails without hiredis_ssl.
bool initiate_tls(redisContext *c, ssl_st *ssl,
                  std::chrono::milliseconds timeout);
// The same on an async context whose connect may still be in progress: the
// handshake runs as the event loop drives the socket, checked as above.
bool initiate_tls_async(redisAsyncContext *ac, ssl_st *ssl);
// Whether `c` talks TLS (redisInitiateSSL succeeded on it).
bool uses_tls(const redisContext *c);

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
  bool io_error = false;             // the connection failed (c->err is set)
  std::string text;                  // status or error text
  std::vector<std::string> elements; // an array's string elements
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

// What a pooled connection's replies showed about its state on the server,
// kept up to date by watch_replies(). hiredis 0.14 keeps no record of the
// commands sent, and asking the server costs a round trip per release, so
// the replies are read instead: +QUEUED opens a transaction, and EXEC's
// array or nil, DISCARD's +OK or an EXECABORT error close it; a pub/sub
// reply ("subscribe", "message", ...) marks the connection subscribed for
// good, a READONLY error marks it as talking to a replica. A MULTI with nothing
// queued yet, and WATCH, answer +OK like any other command: they cannot be told
// apart.
struct ReplyWatch {
  bool in_transaction = false;
  bool subscribed = false;
  // A READONLY error: the server is a replica now (after a failover), so
  // the connection should make way for one to the new master.
  bool on_replica = false;
};

// Makes c's reply reader update `watch` (which must outlive c) while still
// building hiredis's own reply objects, so freeReplyObject stays right.
void watch_replies(redisContext *c, ReplyWatch *watch);

// Data or a hang-up waiting on the socket (poll without waiting): on an idle
// connection, a closed or reset peer, or a reply nobody read. On a TLS
// connection what waits may be TLS records that carry no reply (TLS 1.3
// session tickets sent after the handshake): they are read through TLS
// without waiting, and only a failure or reply data counts.
bool readable(redisContext *c);

// Output not yet written, or input read but not yet returned as a reply.
bool has_unfinished_io(const redisContext *c);

// PING answered with PONG within `timeout`; then the socket timeout is put
// back to `command_timeout`.
bool ping(redisContext *c, std::chrono::milliseconds timeout,
          std::chrono::milliseconds command_timeout);

// redisFree: closes the socket without sending anything (no QUIT), which is
// also what a forked child may do with its parent's connections.
void free_context(redisContext *c);

// In a forked child, for a parent's connection that a caller still holds:
// points the descriptor at an unconnected socket, so its commands fail
// instead of mixing replies with the parent's, while the parent's
// connection stays untouched (nothing is sent, nothing is shut down).
void sever_inherited(redisContext *c);

// Waits at most `timeout` for a non-blocking connect to finish; on failure
// sets c->err ("connect: Connection refused", ETIMEDOUT when it ran out).
bool wait_connected(redisContext *c, std::chrono::milliseconds timeout);

// On a connected non-blocking context (wait_connected), runs the handshake in
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
