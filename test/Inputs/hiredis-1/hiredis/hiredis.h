/* Stand-in for hiredis 1.x's hiredis.h (Debian bookworm ships 0.14, which has
 * no options API): only the declarations rehost's tests and the runtime's
 * header use, with hiredis 1.2.0's shapes. redisOptions' endpoint is an
 * unnamed union holding an unnamed tcp struct, and the REDIS_OPTIONS_SET_*
 * macros assign through it, as in the library. */
#ifndef REHOST_TEST_HIREDIS_1_H
#define REHOST_TEST_HIREDIS_1_H

#include <stddef.h>
#include <sys/time.h>

#define HIREDIS_MAJOR 1
#define HIREDIS_MINOR 2
#define HIREDIS_PATCH 0

#define REDIS_ERR -1
#define REDIS_OK 0
#define REDIS_ERR_OTHER 2

#define REDIS_REPLY_STRING 1
#define REDIS_REPLY_STATUS 5
#define REDIS_REPLY_ERROR 6

#ifdef __cplusplus
extern "C" {
#endif

typedef struct redisReply {
  int type;
  long long integer;
  size_t len;
  char *str;
  size_t elements;
  struct redisReply **element;
} redisReply;

typedef int redisFD;

enum redisConnectionType {
  REDIS_CONN_TCP,
  REDIS_CONN_UNIX,
  REDIS_CONN_USERFD
};

#define REDIS_OPT_NONBLOCK 0x01
#define REDIS_OPT_REUSEADDR 0x02

typedef struct {
  /* REDIS_CONN_TCP, REDIS_CONN_UNIX or REDIS_CONN_USERFD. */
  int type;
  /* Bit field of REDIS_OPT_xxx. */
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

typedef struct redisContext {
  int err;
  char errstr[128];
  redisFD fd;
  int flags;
} redisContext;

redisContext *redisConnectWithOptions(const redisOptions *options);
redisContext *redisConnect(const char *ip, int port);
redisContext *redisConnectUnix(const char *path);
redisContext *redisConnectUnixNonBlock(const char *path);
void redisFree(redisContext *c);
void *redisCommand(redisContext *c, const char *format, ...);
void *redisCommandArgv(redisContext *c, int argc, const char **argv,
                       const size_t *argvlen);
void freeReplyObject(void *reply);

#ifdef __cplusplus
}
#endif

#endif /* REHOST_TEST_HIREDIS_1_H */
