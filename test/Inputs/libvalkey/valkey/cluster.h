/* Stand-in for libvalkey's <valkey/cluster.h>: the cluster declarations
 * rehost's tests, the fake library and rehost/valkey.h use, with libvalkey
 * 0.1's shapes (valkeyClusterOptions, the *WithOptions connects and the
 * async cluster context). */
#ifndef VALKEY_CLUSTER_H
#define VALKEY_CLUSTER_H

#include "async.h"
#include "valkey.h"
#include "visibility.h"

#ifdef __cplusplus
extern "C" {
#endif

struct valkeyClusterAsyncContext;
struct valkeyTLSContext;

typedef void(valkeyClusterCallbackFn)(struct valkeyClusterAsyncContext *,
                                      void *, void *);

/* The library's context begins with these public members; the stand-in
 * leaves out the private ones that follow. */
typedef struct valkeyClusterContext {
  int err;
  char errstr[128];
  int options;
  int flags;
} valkeyClusterContext;

/* The async cluster API is in this header too, as in libvalkey. Its
 * context holds the regular one, then err (a copy of cc.err) and errstr
 * (pointing at cc.errstr); the stand-in leaves out the members after
 * onConnect, and its cc is the short one above. */
typedef struct valkeyClusterAsyncContext {
  valkeyClusterContext cc;
  int err;
  char *errstr;
  int64_t lastSlotmapUpdateAttempt;
  int (*attach_fn)(valkeyAsyncContext *ac, void *attach_data);
  void *attach_data;
  valkeyDisconnectCallback *onDisconnect;
  valkeyConnectCallback *onConnect;
} valkeyClusterAsyncContext;

typedef struct {
  const char *initial_nodes;
  int options;
  const struct timeval *connect_timeout;
  const struct timeval *command_timeout;
  const char *username;
  const char *password;
  int max_retry;
  int select_db;
  void (*event_callback)(const struct valkeyClusterContext *cc, int event,
                         void *privdata);
  void *event_privdata;
  void (*connect_callback)(const valkeyContext *c, int status);
  void (*async_connect_callback)(struct valkeyAsyncContext *, int status);
  void (*async_disconnect_callback)(const struct valkeyAsyncContext *,
                                    int status);
  int (*attach_fn)(valkeyAsyncContext *ac, void *attach_data);
  void *attach_data;
  void *tls;
  int (*tls_init_fn)(struct valkeyContext *, struct valkeyTLSContext *);
} valkeyClusterOptions;

LIBVALKEY_API valkeyClusterContext *
valkeyClusterConnectWithOptions(const valkeyClusterOptions *options);
LIBVALKEY_API valkeyClusterContext *valkeyClusterConnect(const char *addrs);
LIBVALKEY_API valkeyClusterContext *
valkeyClusterConnectWithTimeout(const char *addrs, const struct timeval tv);
LIBVALKEY_API void valkeyClusterFree(valkeyClusterContext *cc);

LIBVALKEY_API void *valkeyClusterCommand(valkeyClusterContext *cc,
                                         const char *format, ...);
LIBVALKEY_API int valkeyClusterAppendCommand(valkeyClusterContext *cc,
                                             const char *format, ...);

LIBVALKEY_API valkeyClusterAsyncContext *
valkeyClusterAsyncConnectWithOptions(const valkeyClusterOptions *options);
LIBVALKEY_API void valkeyClusterAsyncDisconnect(valkeyClusterAsyncContext *acc);
LIBVALKEY_API void valkeyClusterAsyncFree(valkeyClusterAsyncContext *acc);
LIBVALKEY_API int valkeyClusterAsyncCommand(valkeyClusterAsyncContext *acc,
                                            valkeyClusterCallbackFn *fn,
                                            void *privdata, const char *format,
                                            ...);

#ifdef __cplusplus
}
#endif

#endif
