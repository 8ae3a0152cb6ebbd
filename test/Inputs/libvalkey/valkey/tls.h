/* Stand-in for libvalkey's <valkey/tls.h> (libvalkey_tls): the TLS
 * declarations rehost/valkey.h and the fake library use, with libvalkey
 * 0.1's names. The real header, like this one, names OpenSSL's SSL only as
 * struct ssl_st, so a program that includes it needs no OpenSSL headers. */
#ifndef VALKEY_TLS_H
#define VALKEY_TLS_H

#include "visibility.h"

#ifdef __cplusplus
extern "C" {
#endif

struct valkeyContext;
struct ssl_st;

typedef struct valkeyTLSContext valkeyTLSContext;

/* TLS on a connected context, on an SSL the caller made: VALKEY_OK, or
 * VALKEY_ERR with err set, the SSL then still the caller's. */
LIBVALKEY_API int valkeyInitiateTLS(struct valkeyContext *c,
                                    struct ssl_st *ssl);

#ifdef __cplusplus
}
#endif

#endif /* VALKEY_TLS_H */
