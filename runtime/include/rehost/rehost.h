/* rehost runtime: C API.
 *
 * Drop-in replacements for hiredis's connect functions that resolve a named
 * connection profile (environment, then rehost.toml, then the call site's
 * original arguments) and hand back an ordinary hiredis context. Errors follow
 * hiredis's contract: test `c == NULL || c->err`, read `c->errstr`.
 *
 * Nothing here throws. Strings returned by the accessors stay valid for the
 * life of the process (they are interned). */
#ifndef REHOST_REHOST_H
#define REHOST_REHOST_H

/* The header names hiredis's types without including hiredis: the file that
 * includes it has already chosen its hiredis (the system's, or one it bundles
 * under its own path), and this header must not choose another. */
#include <stddef.h>
#include <sys/time.h>

#if defined(REHOST_RUNTIME_BUILDING)
/* The runtime itself has chosen its hiredis (pkg-config's): its types are
 * named here as that hiredis spells them (hiredict's shims make redisContext
 * a macro for redictContext). */
#include <hiredis/async.h>
#include <hiredis/hiredis.h>
#endif

struct redisContext;
struct redisAsyncContext;

#if defined(REHOST_RUNTIME_BUILDING)
#define REHOST_API __attribute__((visibility("default")))
#else
#define REHOST_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* Connectors. `profile` names the profile ("default", "queue", ...) or a
 * profile set ("match:default,sessions", below); the remaining arguments are
 * the original hiredis arguments, used only for what no configuration sets.
 * NULL/empty strings and ports <= 0 mean "no fallback". On configuration or
 * handshake failure the context has err set and an errstr that names the
 * variable or key at fault (never a password). NULL only when memory runs out.
 * Free with redisFree / redisAsyncFree as usual.
 *
 * The Bind variants' `source_addr` is not a profile setting: it is used as
 * given (NULL/empty: the OS chooses) for TCP, and ignored when the profile
 * resolves to a unix socket, which then connects as usual. */
REHOST_API struct redisContext *rehost_redisConnect(const char *profile,
                                                    const char *ip, int port);
REHOST_API struct redisContext *
rehost_redisConnectWithTimeout(const char *profile, const char *ip, int port,
                               const struct timeval tv);
REHOST_API struct redisContext *
rehost_redisConnectNonBlock(const char *profile, const char *ip, int port);
REHOST_API struct redisContext *
rehost_redisConnectBindNonBlock(const char *profile, const char *ip, int port,
                                const char *source_addr);
REHOST_API struct redisContext *
rehost_redisConnectBindNonBlockWithReuse(const char *profile, const char *ip,
                                         int port, const char *source_addr);
REHOST_API struct redisContext *rehost_redisConnectUnix(const char *profile,
                                                        const char *path);
REHOST_API struct redisContext *
rehost_redisConnectUnixWithTimeout(const char *profile, const char *path,
                                   const struct timeval tv);
REHOST_API struct redisContext *
rehost_redisConnectUnixNonBlock(const char *profile, const char *path);
REHOST_API struct redisAsyncContext *
rehost_redisAsyncConnect(const char *profile, const char *ip, int port);
REHOST_API struct redisAsyncContext *
rehost_redisAsyncConnectBind(const char *profile, const char *ip, int port,
                             const char *source_addr);
REHOST_API struct redisAsyncContext *
rehost_redisAsyncConnectBindWithReuse(const char *profile, const char *ip,
                                      int port, const char *source_addr);
REHOST_API struct redisAsyncContext *
rehost_redisAsyncConnectUnix(const char *profile, const char *path);

/* Profile sets, for a connect in a wrapper of the program's own that is
 * handed its endpoint: "match:" and profile names, comma-separated. The
 * listed profile whose environment or rehost.toml sets the endpoint the call
 * gives (TCP host, any case, and port; socket path; cluster node list) is
 * the connection's profile, all of it; when none does, the call connects as
 * written, over the built-in defaults. Two listed profiles with that
 * endpoint and different settings, a malformed set, or a set where the call
 * gives no endpoint are configuration errors naming the set. A Sentinel
 * profile never matches. docs/runtime.md "Profile sets". The connectors,
 * the pool and the helpers of hiredis_options.h, valkey.h and cluster.h take
 * a set; of the accessors below only rehost_uri and rehost_cluster_nodes,
 * whose fallback is a whole endpoint.
 *
 * The profile set `profile` picks for an endpoint: `host` and `port`, a unix
 * socket `path`, or a cluster node list `nodes` (the others NULL/0). 1 with
 * *picked the profile (`profile` itself when it is not a set); 0 with
 * *picked NULL when the set picks none, so the call connects as written; -1
 * on a configuration error (rehost_last_error()). The header-only helpers
 * use *picked as the profile from then on. *picked is the runtime's copy,
 * valid for the life of the process, so a helper may hand it to a client
 * that keeps it (libvalkey's cluster keeps its options' `tls` for every
 * node connection it opens later). */
REHOST_API int rehost_pick_profile(const char *profile, const char *host,
                                   int port, const char *path,
                                   const char *nodes, const char **picked);

/* Value accessors for code that builds its own clients. On a configuration
 * error the string accessors return NULL and the int accessors -1; then
 * rehost_last_error() says why. A profile that resolves tls = true is such an
 * error, so its values never reach a client that would connect in
 * plaintext; except the endpoint accessors rehost_host, rehost_port,
 * rehost_socket and rehost_cluster_nodes in a runtime built with TLS:
 * `rehost fix` writes them only into options whose connect it rewrites into
 * a helper that starts the profile's TLS itself or refuses it
 * (rehost_redisConnectWithOptions of rehost/hiredis_options.h, libvalkey's
 * connects in rehost/valkey.h, hiredis-cluster's in rehost/cluster.h), and
 * a plaintext connect to a TLS port sends nothing the server accepts. */
REHOST_API const char *rehost_host(const char *profile, const char *fallback);
REHOST_API int rehost_port(const char *profile, int fallback);
/* NULL when no password is configured and fallback is NULL. */
REHOST_API const char *rehost_password(const char *profile,
                                       const char *fallback);
/* Deprecated: `rehost fix` now rewrites a whole AUTH command into
 * rehost_redisAuth (below). The password for redisCommand(c, "AUTH %s",
 * rehost_auth_password("default")): "" when none is configured or the
 * configuration is bad (rehost_last_error() says why), never NULL, since
 * hiredis would read a NULL "%s" argument. */
REHOST_API const char *rehost_auth_password(const char *profile);
/* NULL when no ACL user is configured and fallback is NULL. */
REHOST_API const char *rehost_username(const char *profile,
                                       const char *fallback);
REHOST_API int rehost_db(const char *profile, int fallback);
/* Unix socket path, for hiredis 1.x's redisOptions.endpoint.unix_socket;
 * "" when neither configuration nor fallback sets one, so hiredis reports a
 * connect error instead of reading a NULL path. */
REHOST_API const char *rehost_socket(const char *profile, const char *fallback);
/* redis-plus-plus form: tcp://[[user:]password@]host:port[/db] or
 * unix://[[user:]password@]/path[/db]. `fallback` is a URI in any accepted
 * form (see docs/runtime.md). */
REHOST_API const char *rehost_uri(const char *profile, const char *fallback);
/* Comma-separated host:port list. On a configuration error "" rather than
 * NULL (rehost_last_error() says why): hiredis-cluster's AddNodes reads the
 * list with strlen, and the connect helpers of rehost/cluster.h report the
 * error when the context connects. */
REHOST_API const char *rehost_cluster_nodes(const char *profile,
                                            const char *fallback);
/* For rehost/valkey.h's cluster connects, which hand libvalkey a profile's
 * credentials in its options and start the profile's TLS on each node
 * connection (its tls_init_fn) before libvalkey sends them: the profile's
 * user and password (NULL for none) and db, the fallbacks (the code's own)
 * as rehost_username, rehost_password and rehost_db take them. Unlike
 * those, whose caller may send them on any connection, a TLS profile's too
 * (in a runtime built with TLS), as rehost_handshake_step hands out its
 * handshake. 0, or -1 on a configuration error (rehost_last_error()). */
REHOST_API int rehost_cluster_credentials(const char *profile,
                                          const char *username_fallback,
                                          const char *password_fallback,
                                          int db_fallback,
                                          const char **username,
                                          const char **password, int *db);

/* The profile's connect and command timeouts in milliseconds (0: none
 * configured); `fallback_ms` is the call site's (<= 0: none). -1 on a
 * configuration error. */
REHOST_API long long rehost_connect_timeout_ms(const char *profile,
                                               long long fallback_ms);
REHOST_API long long rehost_command_timeout_ms(const char *profile,
                                               long long fallback_ms);
/* NULL when `profile` resolves for a client; otherwise why, naming the
 * variable or key at fault (never a password), as rehost_last_error() then
 * says too. The helpers of hiredis_options.h and cluster.h check a profile
 * with it before they hand anything to the library. */
REHOST_API const char *rehost_check(const char *profile);
/* The same for a connection the runtime completes itself (the helpers of
 * hiredis_options.h): a TLS profile passes when this runtime was built with
 * hiredis_ssl. */
REHOST_API const char *rehost_connect_check(const char *profile);
/* 1 when `profile` resolves tls = true (and this runtime can make TLS), 0
 * when it does not, -1 on a configuration error (rehost_last_error()). */
REHOST_API int rehost_uses_tls(const char *profile);
/* Starts `profile`'s TLS on `c`, a connected blocking context made by the
 * program's own hiredis 1.x (redisConnectWithOptions), with the profile's
 * CA, client certificate and verification, the connect timeout bounding
 * the handshake: REDIS_OK, also when the profile has no TLS; REDIS_ERR with
 * c->err and an errstr naming the endpoint and why ("TLS handshake failed:
 * certificate verify failed: ..."). The async form starts it on a context
 * whose connect may be in progress; the event loop finishes it. */
REHOST_API int rehost_redisInitiateTls(struct redisContext *c,
                                       const char *profile);
REHOST_API int rehost_redisAsyncInitiateTls(struct redisAsyncContext *ac,
                                            const char *profile);
/* TLS for a client that runs the handshake itself on an OpenSSL SSL
 * (libvalkey's valkeyInitiateTLS, in rehost/valkey.h), verified as the
 * runtime's own connections are. A new SSL (OpenSSL's SSL *, as void * so
 * this header needs no OpenSSL) for one connection of `profile` to `host`
 * and `port`, the endpoint the caller connected to (also the call site's
 * fallback, so messages name where it came from): made from the runtime's
 * SSL_CTX for the profile's CA, client certificate and key, checking the
 * name (tls_server_name, else `host`) per tls_verify, SNI set. The client
 * then owns it. NULL with rehost_last_error() set when the profile has no
 * TLS, this runtime cannot make TLS (built without hiredis_ssl), the
 * profile is a unix socket, or a CA, certificate or key cannot be loaded
 * (naming the variable or key, never a password). */
REHOST_API void *rehost_tls_session_new(const char *profile, const char *host,
                                        int port);
/* After the client's handshake on `ssl` (from rehost_tls_session_new)
 * failed: frees `ssl` and returns the message for the client's errstr, also
 * rehost_last_error(): "host:port (REDIS_URL): TLS handshake failed: "
 * and why, the certificate's refusal when that was it ("certificate verify
 * failed: hostname mismatch (checked 'h' from REDIS_URL)"), else
 * `client_error`. *certificate_refused (may be NULL) is 1 when the server's
 * certificate failed verification, a configuration error, else 0. */
REHOST_API const char *rehost_tls_session_failed(void *ssl, const char *profile,
                                                 const char *host, int port,
                                                 const char *client_error,
                                                 int *certificate_refused);
/* Step `step` (0, 1, ...) of the handshake a new connection to `profile`
 * sends before anything else (AUTH, SELECT, CLIENT SETNAME), for clients
 * the runtime does not connect itself: 1 with the command's words in
 * argv/argvlen (valid until this thread's next call; they may hold the
 * password) and `what` naming the step for an error message ("REDIS_URL:
 * AUTH", never the password); 0 past the last step; -1 on a configuration
 * error (rehost_last_error() says why). */
REHOST_API int rehost_handshake_step(const char *profile, int step, int *argc,
                                     const char ***argv, const size_t **argvlen,
                                     const char **what);

/* A hiredis AUTH command the code sent, rewritten:
 * redisCommand(c, "AUTH %s", "pw") becomes rehost_redisAuth(c, "default").
 * Sends AUTH [user] password from the profile as separate arguments (any
 * byte in the password is safe) and returns the reply as redisCommand does.
 * When the profile has no password (and no ACL user) it sends SELECT <db>
 * instead, which replies +OK and changes nothing on a connection opened on
 * that db, so a server without a password is never sent AUTH "". On bad
 * configuration (a TLS profile on a connection that is not TLS, or in a
 * runtime without hiredis_ssl, too) nothing is sent: NULL, with
 * c->err = REDIS_ERR_OTHER and an errstr naming the variable or key, never
 * the password. NULL c: NULL. */
REHOST_API void *rehost_redisAuth(struct redisContext *c, const char *profile);
/* The same for redisAppendCommand: REDIS_OK, or REDIS_ERR with c->err set. */
REHOST_API int rehost_redisAppendAuth(struct redisContext *c,
                                      const char *profile);
/* The same for redisAsyncCommand: REDIS_OK, or REDIS_ERR with ac->err and
 * ac->errstr set (fn is then not called). */
REHOST_API int rehost_redisAsyncAuth(struct redisAsyncContext *ac,
                                     void (*fn)(struct redisAsyncContext *,
                                                void *, void *),
                                     void *privdata, const char *profile);

/* Connection pools: one shared pool per profile, sized and timed by the
 * profile's pool_* and health_check_interval settings (docs/runtime.md,
 * "Pool"). Thread-safe; contexts are ordinary blocking hiredis contexts,
 * made with the same handshake as rehost_redisConnect. */
typedef struct rehost_pool rehost_pool;

/* Counters since the pool was created, and gauges (now). */
typedef struct rehost_pool_stats {
  unsigned long long created;  /* connections opened (connect + handshake) */
  unsigned long long closed;   /* connections closed, for any reason */
  unsigned long long acquired; /* successful rehost_pool_acquire calls */
  unsigned long long in_use;   /* gauge: leased now */
  unsigned long long idle;     /* gauge: open and waiting in the pool now */
  unsigned long long waiters;  /* gauge: callers waiting in acquire now */
  unsigned long long acquire_timeouts; /* acquires that gave up: saturated */
  unsigned long long connect_failures; /* connects or handshakes that failed */
  unsigned long long health_failures;  /* idle connections found broken on
                                          borrow (peer closed, stray data,
                                          PING failed) */
  unsigned long long connecting;       /* gauge: connects in progress now */
  unsigned long long release_discards; /* returned broken, mid-transaction,
                                          subscribed or with unread replies */
  unsigned long long expired;          /* closed for pool_connection_lifetime or
                                          pool_connection_idle_time */
} rehost_pool_stats;

/* The pool of `profile`, created on first use. `fallback_url` (any URL form;
 * NULL: none) is the call site's endpoint, used for what no configuration
 * sets; the first call's fallback is the pool's. NULL on bad configuration,
 * with rehost_last_error() naming the variable or key. */
REHOST_API rehost_pool *rehost_pool_get(const char *profile,
                                        const char *fallback_url);
/* A connection for this thread's exclusive use until released. Waits up to
 * timeout_ms for one to be returned when pool_size are out (< 0: the
 * profile's pool_wait_timeout, 2s by default; 0: do not wait). NULL when
 * none could be had: rehost_last_error() says whether the pool was saturated
 * or the server unreachable, and names the profile. */
REHOST_API struct redisContext *rehost_pool_acquire(rehost_pool *pool,
                                                    int timeout_ms);
/* Gives `c` back. A context that cannot be reused safely (c->err set, unread
 * replies, unwritten commands, inside MULTI with commands queued, after
 * SUBSCRIBE) is closed instead. A context no pool holds is freed. */
REHOST_API void rehost_pool_release(rehost_pool *pool, struct redisContext *c);
/* 0 and *stats filled, or -1 when pool or stats is NULL. */
REHOST_API int rehost_pool_stats_get(rehost_pool *pool,
                                     rehost_pool_stats *stats);
/* What `rehost fix --pool` writes for redisFree: a pooled context goes back
 * to its pool (as rehost_pool_release), any other is freed (redisFree). */
REHOST_API void rehost_redisRelease(struct redisContext *c);

/* Why the last rehost_ call on this thread failed, or NULL if it succeeded. */
REHOST_API const char *rehost_last_error(void);

/* The hiredis the runtime was built against ("0.14.1", "1.3.1"). */
REHOST_API const char *rehost_hiredis_version(void);
/* NULL when code compiled against hiredis major.minor.patch may share
 * contexts with the runtime (the same generation, 0.x or 1.x); otherwise why,
 * naming both versions and the runtime to build (rehost_last_error() says
 * so too). The check below calls it before every call that makes or takes a
 * context. */
REHOST_API const char *rehost_hiredis_check(int major, int minor, int patch);

#ifdef __cplusplus
}
#endif

/* Two hiredis generations in one program (docs/runtime.md, "hiredis
 * generations"). hiredis 0.14's redisContext and 1.x's differ, so a context
 * made by a runtime built against one generation would be misread by code
 * compiled against the other. Included after hiredis's headers, as
 * `rehost fix` places it, this header compiles a check into the file: every
 * call below first compares the file's hiredis with the runtime's, and on a
 * mismatch nothing reaches the runtime's hiredis. A connect returns a failed
 * context made by the file's own hiredis, whose errstr says which runtime to
 * build; a call given a context sets its err; a pool call returns NULL (then
 * rehost_last_error() says why) and a release frees with the file's
 * redisFree. The async forms are checked when <hiredis/async.h> came first
 * too. The macros expand to the function itself on a match, so taking a
 * function's address still works. */
#if defined(HIREDIS_MAJOR) && !defined(REHOST_RUNTIME_BUILDING)
#include <stdio.h>

/* The helpers below exist (rehost/hiredis_options.h uses them). */
#define REHOST_HIREDIS_CHECKED 1

static inline const char *rehost__hiredis_check(void) {
  return rehost_hiredis_check(HIREDIS_MAJOR, HIREDIS_MINOR, HIREDIS_PATCH);
}

/* Fails a context of the file's hiredis with `message`. */
static inline void rehost__fail(redisContext *c, const char *message) {
  if (c) {
    c->err = REDIS_ERR_OTHER;
    snprintf(c->errstr, sizeof c->errstr, "%s", message);
  }
}

/* A failed context of the file's hiredis, of either generation: a unix
 * socket below a regular file fails at once, without touching the network. */
static inline redisContext *rehost__failed_context(const char *message) {
  redisContext *c = redisConnectUnixNonBlock("/dev/null/rehost");
  rehost__fail(c, message);
  return c;
}

static inline redisContext *rehost__hiredis_failed(void) {
  return rehost__failed_context(rehost__hiredis_check());
}

#define REHOST__CONNECT(fn, ...)                                               \
  (rehost__hiredis_check() ? rehost__hiredis_failed() : (fn)(__VA_ARGS__))
#define rehost_redisConnect(...)                                               \
  REHOST__CONNECT(rehost_redisConnect, __VA_ARGS__)
#define rehost_redisConnectWithTimeout(...)                                    \
  REHOST__CONNECT(rehost_redisConnectWithTimeout, __VA_ARGS__)
#define rehost_redisConnectNonBlock(...)                                       \
  REHOST__CONNECT(rehost_redisConnectNonBlock, __VA_ARGS__)
#define rehost_redisConnectBindNonBlock(...)                                   \
  REHOST__CONNECT(rehost_redisConnectBindNonBlock, __VA_ARGS__)
#define rehost_redisConnectBindNonBlockWithReuse(...)                          \
  REHOST__CONNECT(rehost_redisConnectBindNonBlockWithReuse, __VA_ARGS__)
#define rehost_redisConnectUnix(...)                                           \
  REHOST__CONNECT(rehost_redisConnectUnix, __VA_ARGS__)
#define rehost_redisConnectUnixWithTimeout(...)                                \
  REHOST__CONNECT(rehost_redisConnectUnixWithTimeout, __VA_ARGS__)
#define rehost_redisConnectUnixNonBlock(...)                                   \
  REHOST__CONNECT(rehost_redisConnectUnixNonBlock, __VA_ARGS__)

#define rehost_redisAuth(c, profile)                                           \
  (rehost__hiredis_check()                                                     \
       ? (rehost__fail(c, rehost__hiredis_check()), (void *)0)                 \
       : (rehost_redisAuth)(c, profile))
#define rehost_redisInitiateTls(c, profile)                                    \
  (rehost__hiredis_check()                                                     \
       ? (rehost__fail(c, rehost__hiredis_check()), REDIS_ERR)                 \
       : (rehost_redisInitiateTls)(c, profile))
#define rehost_redisAppendAuth(c, profile)                                     \
  (rehost__hiredis_check()                                                     \
       ? (rehost__fail(c, rehost__hiredis_check()), REDIS_ERR)                 \
       : (rehost_redisAppendAuth)(c, profile))

#define rehost_pool_get(profile, fallback_url)                                 \
  (rehost__hiredis_check() ? (rehost_pool *)0                                  \
                           : (rehost_pool_get)(profile, fallback_url))
#define rehost_pool_acquire(pool, timeout_ms)                                  \
  (rehost__hiredis_check() ? (redisContext *)0                                 \
                           : (rehost_pool_acquire)(pool, timeout_ms))
#define rehost_pool_release(pool, c)                                           \
  (rehost__hiredis_check() ? redisFree(c) : (rehost_pool_release)(pool, c))
#define rehost_redisRelease(c)                                                 \
  (rehost__hiredis_check() ? redisFree(c) : (rehost_redisRelease)(c))

#ifdef __HIREDIS_ASYNC_H
static inline void rehost__fail_async(redisAsyncContext *ac,
                                      const char *message) {
  if (ac) {
    rehost__fail(&ac->c, message);
    ac->err = ac->c.err;
    ac->errstr = ac->c.errstr;
  }
}

static inline redisAsyncContext *
rehost__failed_async_context(const char *message) {
  redisAsyncContext *ac = redisAsyncConnectUnix("/dev/null/rehost");
  rehost__fail_async(ac, message);
  return ac;
}

#define REHOST__ASYNC_CONNECT(fn, ...)                                         \
  (rehost__hiredis_check()                                                     \
       ? rehost__failed_async_context(rehost__hiredis_check())                 \
       : (fn)(__VA_ARGS__))
#define rehost_redisAsyncConnect(...)                                          \
  REHOST__ASYNC_CONNECT(rehost_redisAsyncConnect, __VA_ARGS__)
#define rehost_redisAsyncConnectBind(...)                                      \
  REHOST__ASYNC_CONNECT(rehost_redisAsyncConnectBind, __VA_ARGS__)
#define rehost_redisAsyncConnectBindWithReuse(...)                             \
  REHOST__ASYNC_CONNECT(rehost_redisAsyncConnectBindWithReuse, __VA_ARGS__)
#define rehost_redisAsyncConnectUnix(...)                                      \
  REHOST__ASYNC_CONNECT(rehost_redisAsyncConnectUnix, __VA_ARGS__)
#define rehost_redisAsyncInitiateTls(ac, profile)                              \
  (rehost__hiredis_check()                                                     \
       ? (rehost__fail_async(ac, rehost__hiredis_check()), REDIS_ERR)          \
       : (rehost_redisAsyncInitiateTls)(ac, profile))
#define rehost_redisAsyncAuth(ac, fn, privdata, profile)                       \
  (rehost__hiredis_check()                                                     \
       ? (rehost__fail_async(ac, rehost__hiredis_check()), REDIS_ERR)          \
       : (rehost_redisAsyncAuth)(ac, fn, privdata, profile))
#endif
#endif

#endif /* REHOST_REHOST_H */
