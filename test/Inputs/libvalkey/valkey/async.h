/* Stand-in for libvalkey's <valkey/async.h>: the async declarations rehost's
 * tests, the fake library and rehost/valkey.h use, with libvalkey 0.1's
 * shapes. */
#ifndef VALKEY_ASYNC_H
#define VALKEY_ASYNC_H

#include "valkey.h"
#include "visibility.h"

#ifdef __cplusplus
extern "C" {
#endif

struct valkeyAsyncContext;

typedef void(valkeyCallbackFn)(struct valkeyAsyncContext *, void *, void *);
typedef void(valkeyDisconnectCallback)(const struct valkeyAsyncContext *,
                                       int status);
typedef void(valkeyConnectCallback)(struct valkeyAsyncContext *, int status);

/* The library's async context begins with the regular context, then these
 * public members; the stand-in leaves out the ones that follow. */
typedef struct valkeyAsyncContext {
  valkeyContext c;
  int err;
  char *errstr;
  void *data;
  void (*dataCleanup)(void *privdata);
} valkeyAsyncContext;

LIBVALKEY_API valkeyAsyncContext *
valkeyAsyncConnectWithOptions(const valkeyOptions *options);
LIBVALKEY_API valkeyAsyncContext *valkeyAsyncConnect(const char *ip, int port);
LIBVALKEY_API valkeyAsyncContext *
valkeyAsyncConnectBind(const char *ip, int port, const char *source_addr);
LIBVALKEY_API valkeyAsyncContext *
valkeyAsyncConnectBindWithReuse(const char *ip, int port,
                                const char *source_addr);
LIBVALKEY_API valkeyAsyncContext *valkeyAsyncConnectUnix(const char *path);
LIBVALKEY_API int valkeyAsyncSetConnectCallback(valkeyAsyncContext *ac,
                                                valkeyConnectCallback *fn);
LIBVALKEY_API int
valkeyAsyncSetDisconnectCallback(valkeyAsyncContext *ac,
                                 valkeyDisconnectCallback *fn);
LIBVALKEY_API void valkeyAsyncDisconnect(valkeyAsyncContext *ac);
LIBVALKEY_API void valkeyAsyncFree(valkeyAsyncContext *ac);
LIBVALKEY_API void valkeyAsyncHandleRead(valkeyAsyncContext *ac);
LIBVALKEY_API void valkeyAsyncHandleWrite(valkeyAsyncContext *ac);

LIBVALKEY_API int valkeyAsyncCommand(valkeyAsyncContext *ac,
                                     valkeyCallbackFn *fn, void *privdata,
                                     const char *format, ...);
LIBVALKEY_API int valkeyAsyncCommandArgv(valkeyAsyncContext *ac,
                                         valkeyCallbackFn *fn, void *privdata,
                                         int argc, const char **argv,
                                         const size_t *argvlen);

#ifdef __cplusplus
}
#endif

#endif
