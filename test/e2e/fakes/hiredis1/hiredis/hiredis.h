/* hiredis 1.x's options API (redisOptions, REDIS_OPTIONS_SET_*,
 * redisConnectWithOptions) over Debian's hiredis 0.14, for the end-to-end
 * tests of migrated options code: Debian ships no hiredis 1.x. The options
 * struct has hiredis 1.2's shape; the connect uses exactly the endpoint and
 * timeouts the options hold. First on the include path, it includes the
 * real <hiredis/hiredis.h> after itself. */
#ifndef REHOST_E2E_HIREDIS1_H
#define REHOST_E2E_HIREDIS1_H

#include_next <hiredis/hiredis.h>

#include <stddef.h>
#include <sys/time.h>

#define REDIS_CONN_USERFD 2
#define REDIS_OPT_NONBLOCK 0x01

typedef int redisFD;

typedef struct {
  int type;
  int options;
  const struct timeval *connect_timeout;
  const struct timeval *command_timeout;
  union {
    struct {
      const char *source_addr;
      const char *ip;
      int port;
    } tcp;
    const char *unix_socket;
    redisFD fd;
  } endpoint;
  void *privdata;
  void (*free_privdata)(void *);
} redisOptions;

#define REDIS_OPTIONS_SET_TCP(opts, ip_, port_)                                \
  do {                                                                         \
    (opts)->type = REDIS_CONN_TCP;                                             \
    (opts)->endpoint.tcp.ip = ip_;                                             \
    (opts)->endpoint.tcp.port = port_;                                         \
  } while (0)

#define REDIS_OPTIONS_SET_UNIX(opts, path)                                     \
  do {                                                                         \
    (opts)->type = REDIS_CONN_UNIX;                                            \
    (opts)->endpoint.unix_socket = path;                                       \
  } while (0)

static inline redisContext *redisConnectWithOptions(const redisOptions *o) {
  redisContext *c;
  if (o->type == REDIS_CONN_USERFD)
    return redisConnectFd(o->endpoint.fd);
  if (o->type == REDIS_CONN_UNIX)
    c = o->connect_timeout
            ? redisConnectUnixWithTimeout(o->endpoint.unix_socket,
                                          *o->connect_timeout)
            : redisConnectUnix(o->endpoint.unix_socket);
  else
    c = o->connect_timeout
            ? redisConnectWithTimeout(o->endpoint.tcp.ip, o->endpoint.tcp.port,
                                      *o->connect_timeout)
            : redisConnect(o->endpoint.tcp.ip, o->endpoint.tcp.port);
  if (c && !c->err && o->command_timeout)
    redisSetTimeout(c, *o->command_timeout);
  return c;
}

#endif
