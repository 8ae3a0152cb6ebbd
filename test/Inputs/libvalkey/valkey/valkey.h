/* Stand-in for libvalkey's <valkey/valkey.h> (libvalkey is not packaged in
 * Debian): only the declarations rehost's tests, the fake library of
 * test/e2e/fakes and rehost/valkey.h use, with libvalkey 0.1's shapes.
 * valkeyOptions' endpoint is an unnamed union holding an unnamed tcp struct,
 * and the VALKEY_OPTIONS_SET_* macros assign through it, as in the library. */
#ifndef VALKEY_VALKEY_H
#define VALKEY_VALKEY_H

#include "read.h"
#include "visibility.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/time.h>
#include <sys/types.h>

#define LIBVALKEY_MAJOR 0
#define LIBVALKEY_MINOR 1
#define LIBVALKEY_PATCH 0

struct valkeyAsyncContext;
struct valkeyContext;

typedef void(valkeyPushFn)(void *, void *);
typedef void(valkeyAsyncPushFn)(struct valkeyAsyncContext *, void *);

#ifdef __cplusplus
extern "C" {
#endif

typedef struct valkeyReply {
  int type;
  long long integer;
  double dval;
  size_t len;
  char *str;
  char vtype[4];
  size_t elements;
  struct valkeyReply **element;
} valkeyReply;

LIBVALKEY_API void freeReplyObject(void *reply);

enum valkeyConnectionType {
  VALKEY_CONN_TCP,
  VALKEY_CONN_UNIX,
  VALKEY_CONN_USERFD,
  VALKEY_CONN_RDMA,
  VALKEY_CONN_MAX
};

/* A blocking context has this bit of its flags set. */
#define VALKEY_BLOCK 0x1

#define VALKEY_OPT_NONBLOCK 0x01
#define VALKEY_OPT_REUSEADDR 0x02

typedef int valkeyFD;

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
    valkeyFD fd;
  } endpoint;
  void *privdata;
  void (*free_privdata)(void *);
  valkeyPushFn *push_cb;
  valkeyAsyncPushFn *async_push_cb;
} valkeyOptions;

#define VALKEY_OPTIONS_SET_TCP(opts, ip_, port_)                               \
  do {                                                                         \
    (opts)->type = VALKEY_CONN_TCP;                                            \
    (opts)->endpoint.tcp.ip = ip_;                                             \
    (opts)->endpoint.tcp.port = port_;                                         \
  } while (0)

#define VALKEY_OPTIONS_SET_UNIX(opts, path)                                    \
  do {                                                                         \
    (opts)->type = VALKEY_CONN_UNIX;                                           \
    (opts)->endpoint.unix_socket = path;                                       \
  } while (0)

struct sockaddr;

/* The library's context, as libvalkey 0.1 lays it out (its function table
 * named as void here); rehost/valkey.h reads connection_type and privctx
 * to tell a TLS connection, and a cluster node's tcp.host, tcp.port,
 * timeouts and flags to start its TLS. */
typedef struct valkeyContext {
  const void *funcs;
  int err;
  char errstr[128];
  valkeyFD fd;
  int flags;
  char *obuf;
  valkeyReader *reader;
  enum valkeyConnectionType connection_type;
  struct timeval *connect_timeout;
  struct timeval *command_timeout;
  struct {
    char *host;
    char *source_addr;
    int port;
  } tcp;
  struct {
    char *path;
  } unix_sock;
  struct sockaddr *saddr;
  size_t addrlen;
  void *privdata;
  void (*free_privdata)(void *);
  void *privctx; /* a TCP connection's TLS state, NULL without TLS */
  valkeyPushFn *push_cb;
} valkeyContext;

LIBVALKEY_API valkeyContext *
valkeyConnectWithOptions(const valkeyOptions *options);
LIBVALKEY_API valkeyContext *valkeyConnect(const char *ip, int port);
LIBVALKEY_API valkeyContext *valkeyConnectWithTimeout(const char *ip, int port,
                                                      const struct timeval tv);
LIBVALKEY_API valkeyContext *valkeyConnectNonBlock(const char *ip, int port);
LIBVALKEY_API valkeyContext *valkeyConnectBindNonBlock(const char *ip, int port,
                                                       const char *source_addr);
LIBVALKEY_API valkeyContext *
valkeyConnectBindNonBlockWithReuse(const char *ip, int port,
                                   const char *source_addr);
LIBVALKEY_API valkeyContext *valkeyConnectUnix(const char *path);
LIBVALKEY_API valkeyContext *
valkeyConnectUnixWithTimeout(const char *path, const struct timeval tv);
LIBVALKEY_API valkeyContext *valkeyConnectUnixNonBlock(const char *path);
LIBVALKEY_API int valkeySetTimeout(valkeyContext *c, const struct timeval tv);
LIBVALKEY_API int valkeyEnableKeepAlive(valkeyContext *c);
LIBVALKEY_API void valkeyFree(valkeyContext *c);

LIBVALKEY_API int valkeyGetReply(valkeyContext *c, void **reply);
LIBVALKEY_API int valkeyvAppendCommand(valkeyContext *c, const char *format,
                                       va_list ap);
LIBVALKEY_API int valkeyAppendCommand(valkeyContext *c, const char *format,
                                      ...);
LIBVALKEY_API int valkeyAppendCommandArgv(valkeyContext *c, int argc,
                                          const char **argv,
                                          const size_t *argvlen);
LIBVALKEY_API void *valkeyvCommand(valkeyContext *c, const char *format,
                                   va_list ap);
LIBVALKEY_API void *valkeyCommand(valkeyContext *c, const char *format, ...);
LIBVALKEY_API void *valkeyCommandArgv(valkeyContext *c, int argc,
                                      const char **argv, const size_t *argvlen);

#ifdef __cplusplus
}
#endif

#endif
