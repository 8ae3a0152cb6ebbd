/* A libvalkey for the end-to-end tests, over hiredis: Debian ships no
 * libvalkey. It implements the entry points of test/Inputs/libvalkey that
 * migrated programs and rehost/valkey.h call, with exactly the endpoint,
 * timeouts and credentials it is given, and fails loudly otherwise. The
 * "cluster" is one node of a plain redis-server: the first address of the
 * node list, a connection made as libvalkey makes each node's (the fake's
 * own context, the options' tls_init_fn called on it when their tls is
 * set; the async cluster's is the fake's async context, handed to the
 * options' attach_fn).
 *
 * Replies are hiredis's, copied into libvalkey's layout (hiredis 0.14's
 * redisReply has no dval or vtype). libvalkey and hiredis share the name
 * freeReplyObject, and both are in the program (the runtime links
 * hiredis): this one frees the copies it made and hands anything else to
 * hiredis's.
 *
 * Built twice: over the system's hiredis, and (REHOST_FAKE_VALKEY_TLS) over
 * hiredict with hiredis_ssl, where valkeyInitiateTLS is hiredis's
 * redisInitiateSSL, for the TLS tests. */
#define _GNU_SOURCE
#include <hiredis/async.h>
#include <hiredis/hiredis.h>
#include <valkey/async.h>
#include <valkey/cluster.h>
#include <valkey/valkey.h>
#if defined(REHOST_FAKE_VALKEY_TLS)
/* The TLS build (rehost_e2e_libvalkey_tls) is over hiredict, whose shim
 * renames redisInitiateSSL without including the header that declares it. */
#include <hiredis/hiredis_ssl.h>
#if __has_include(<hiredict/hiredict_ssl.h>)
#include <hiredict/hiredict_ssl.h>
#endif
#include <valkey/tls.h>
#endif

#include <dlfcn.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* --- Replies ------------------------------------------------------------ */

typedef struct Copy {
  valkeyReply *reply;
  struct Copy *next;
} Copy;

static Copy *copies; /* the top-level replies handed out, not yet freed */

static valkeyReply *copy_tree(const redisReply *r) {
  valkeyReply *v = (valkeyReply *)calloc(1, sizeof *v);
  size_t i;
  if (!v)
    abort();
  v->type = r->type;
  v->integer = r->integer;
  if (r->str) {
    v->len = r->len;
    v->str = (char *)malloc(r->len + 1);
    if (!v->str)
      abort();
    memcpy(v->str, r->str, r->len);
    v->str[r->len] = '\0';
  }
  if (r->elements) {
    v->elements = r->elements;
    v->element = (valkeyReply **)calloc(r->elements, sizeof *v->element);
    if (!v->element)
      abort();
    for (i = 0; i < r->elements; ++i)
      v->element[i] = copy_tree(r->element[i]);
  }
  return v;
}

static void free_tree(valkeyReply *v) {
  size_t i;
  for (i = 0; i < v->elements; ++i)
    free_tree(v->element[i]);
  free(v->element);
  free(v->str);
  free(v);
}

typedef void (*FreeFn)(void *);

static void hiredis_free(void *reply) {
  static FreeFn next;
  if (!next)
    next = (FreeFn)dlsym(RTLD_NEXT, "freeReplyObject");
  if (!next) {
    fprintf(stderr, "fake libvalkey: no hiredis freeReplyObject\n");
    abort();
  }
  next(reply);
}

/* libvalkey's copy of hiredis's reply, which is freed. */
static valkeyReply *to_valkey(void *hiredis_reply) {
  Copy *c;
  if (!hiredis_reply)
    return NULL;
  c = (Copy *)malloc(sizeof *c);
  if (!c)
    abort();
  c->reply = copy_tree((const redisReply *)hiredis_reply);
  c->next = copies;
  copies = c;
  hiredis_free(hiredis_reply);
  return c->reply;
}

void freeReplyObject(void *reply) {
  Copy **at;
  if (!reply)
    return;
  for (at = &copies; *at; at = &(*at)->next)
    if ((*at)->reply == reply) {
      Copy *found = *at;
      *at = found->next;
      free_tree(found->reply);
      free(found);
      return;
    }
  hiredis_free(reply);
}

/* --- Standalone contexts ------------------------------------------------ */

typedef struct {
  valkeyContext base; /* first: the library's public members */
  redisContext *conn;
  struct timeval connect_timeout, command_timeout; /* base's point here */
} FakeContext;

static FakeContext *fake(valkeyContext *c) { return (FakeContext *)c; }

static void sync_errors(FakeContext *f) {
  if (f->conn && f->conn->err && !f->base.err) {
    f->base.err = f->conn->err;
    snprintf(f->base.errstr, sizeof f->base.errstr, "%s", f->conn->errstr);
  }
  f->base.fd = f->conn ? f->conn->fd : -1;
}

static redisContext *connect_hiredis(const valkeyOptions *o) {
  int nonblock = o->options & VALKEY_OPT_NONBLOCK;
  if (o->type == VALKEY_CONN_UNIX) {
    if (!o->endpoint.unix_socket) {
      fprintf(stderr, "fake libvalkey: NULL unix socket\n");
      abort();
    }
    if (nonblock)
      return redisConnectUnixNonBlock(o->endpoint.unix_socket);
    return o->connect_timeout
               ? redisConnectUnixWithTimeout(o->endpoint.unix_socket,
                                             *o->connect_timeout)
               : redisConnectUnix(o->endpoint.unix_socket);
  }
  if (o->type != VALKEY_CONN_TCP || !o->endpoint.tcp.ip) {
    /* libvalkey would read the host with strlen: fail the test loudly. */
    fprintf(stderr, "fake libvalkey: no TCP host\n");
    abort();
  }
  if (nonblock)
    return (o->options & VALKEY_OPT_REUSEADDR)
               ? redisConnectBindNonBlockWithReuse(o->endpoint.tcp.ip,
                                                   o->endpoint.tcp.port,
                                                   o->endpoint.tcp.source_addr)
               : redisConnectBindNonBlock(o->endpoint.tcp.ip,
                                          o->endpoint.tcp.port,
                                          o->endpoint.tcp.source_addr);
  return o->connect_timeout
             ? redisConnectWithTimeout(o->endpoint.tcp.ip, o->endpoint.tcp.port,
                                       *o->connect_timeout)
             : redisConnect(o->endpoint.tcp.ip, o->endpoint.tcp.port);
}

/* A TCP context's host and port, as libvalkey keeps them (a cluster's
 * tls_init_fn reads them); valkeyFree and valkeyAsyncFree free the host. */
static void keep_endpoint(valkeyContext *c, const valkeyOptions *o) {
  c->connection_type = (enum valkeyConnectionType)o->type;
  if (o->type != VALKEY_CONN_TCP)
    return;
  c->tcp.host = strdup(o->endpoint.tcp.ip);
  if (!c->tcp.host)
    abort();
  c->tcp.port = o->endpoint.tcp.port;
}

valkeyContext *valkeyConnectWithOptions(const valkeyOptions *options) {
  FakeContext *f = (FakeContext *)calloc(1, sizeof *f);
  if (!f)
    return NULL;
  f->conn = connect_hiredis(options);
  if (!f->conn) {
    free(f);
    return NULL;
  }
  if (!f->conn->err && options->command_timeout)
    redisSetTimeout(f->conn, *options->command_timeout);
  keep_endpoint(&f->base, options);
  if (options->connect_timeout) {
    f->connect_timeout = *options->connect_timeout;
    f->base.connect_timeout = &f->connect_timeout;
  }
  if (options->command_timeout) {
    f->command_timeout = *options->command_timeout;
    f->base.command_timeout = &f->command_timeout;
  }
  if (!(options->options & VALKEY_OPT_NONBLOCK))
    f->base.flags |= VALKEY_BLOCK;
  sync_errors(f);
  return &f->base;
}

static valkeyContext *tcp(const char *ip, int port, const struct timeval *tv,
                          int flags, const char *source_addr) {
  valkeyOptions o;
  memset(&o, 0, sizeof o);
  VALKEY_OPTIONS_SET_TCP(&o, ip, port);
  o.endpoint.tcp.source_addr = source_addr;
  o.connect_timeout = tv;
  o.options = flags;
  return valkeyConnectWithOptions(&o);
}

static valkeyContext *unix_socket(const char *path, const struct timeval *tv,
                                  int flags) {
  valkeyOptions o;
  memset(&o, 0, sizeof o);
  VALKEY_OPTIONS_SET_UNIX(&o, path);
  o.connect_timeout = tv;
  o.options = flags;
  return valkeyConnectWithOptions(&o);
}

valkeyContext *valkeyConnect(const char *ip, int port) {
  return tcp(ip, port, NULL, 0, NULL);
}
valkeyContext *valkeyConnectWithTimeout(const char *ip, int port,
                                        const struct timeval tv) {
  return tcp(ip, port, &tv, 0, NULL);
}
valkeyContext *valkeyConnectNonBlock(const char *ip, int port) {
  return tcp(ip, port, NULL, VALKEY_OPT_NONBLOCK, NULL);
}
valkeyContext *valkeyConnectBindNonBlock(const char *ip, int port,
                                         const char *source_addr) {
  return tcp(ip, port, NULL, VALKEY_OPT_NONBLOCK, source_addr);
}
valkeyContext *valkeyConnectBindNonBlockWithReuse(const char *ip, int port,
                                                  const char *source_addr) {
  return tcp(ip, port, NULL, VALKEY_OPT_NONBLOCK | VALKEY_OPT_REUSEADDR,
             source_addr);
}
valkeyContext *valkeyConnectUnix(const char *path) {
  return unix_socket(path, NULL, 0);
}
valkeyContext *valkeyConnectUnixWithTimeout(const char *path,
                                            const struct timeval tv) {
  return unix_socket(path, &tv, 0);
}
valkeyContext *valkeyConnectUnixNonBlock(const char *path) {
  return unix_socket(path, NULL, VALKEY_OPT_NONBLOCK);
}

int valkeySetTimeout(valkeyContext *c, const struct timeval tv) {
  return redisSetTimeout(fake(c)->conn, tv) == REDIS_OK ? VALKEY_OK
                                                        : VALKEY_ERR;
}

int valkeyEnableKeepAlive(valkeyContext *c) {
  return redisEnableKeepAlive(fake(c)->conn) == REDIS_OK ? VALKEY_OK
                                                         : VALKEY_ERR;
}

void valkeyFree(valkeyContext *c) {
  if (!c)
    return;
  if (fake(c)->conn)
    redisFree(fake(c)->conn);
  free(c->tcp.host);
  free(c);
}

/* A context whose err is set sends nothing, as libvalkey's. */
void *valkeyvCommand(valkeyContext *c, const char *format, va_list ap) {
  void *reply;
  if (c->err)
    return NULL;
  reply = redisvCommand(fake(c)->conn, format, ap);
  sync_errors(fake(c));
  return to_valkey(reply);
}

void *valkeyCommand(valkeyContext *c, const char *format, ...) {
  va_list ap;
  void *reply;
  va_start(ap, format);
  reply = valkeyvCommand(c, format, ap);
  va_end(ap);
  return reply;
}

void *valkeyCommandArgv(valkeyContext *c, int argc, const char **argv,
                        const size_t *argvlen) {
  void *reply;
  if (c->err)
    return NULL;
  reply = redisCommandArgv(fake(c)->conn, argc, argv, argvlen);
  sync_errors(fake(c));
  return to_valkey(reply);
}

int valkeyvAppendCommand(valkeyContext *c, const char *format, va_list ap) {
  int status;
  if (c->err)
    return VALKEY_ERR;
  status = redisvAppendCommand(fake(c)->conn, format, ap);
  sync_errors(fake(c));
  return status == REDIS_OK ? VALKEY_OK : VALKEY_ERR;
}

int valkeyAppendCommand(valkeyContext *c, const char *format, ...) {
  va_list ap;
  int status;
  va_start(ap, format);
  status = valkeyvAppendCommand(c, format, ap);
  va_end(ap);
  return status;
}

int valkeyAppendCommandArgv(valkeyContext *c, int argc, const char **argv,
                            const size_t *argvlen) {
  int status;
  if (c->err)
    return VALKEY_ERR;
  status = redisAppendCommandArgv(fake(c)->conn, argc, argv, argvlen);
  sync_errors(fake(c));
  return status == REDIS_OK ? VALKEY_OK : VALKEY_ERR;
}

int valkeyGetReply(valkeyContext *c, void **reply) {
  void *r = NULL;
  int status;
  if (c->err)
    return VALKEY_ERR;
  status = redisGetReply(fake(c)->conn, &r);
  sync_errors(fake(c));
  *reply = to_valkey(r);
  return status == REDIS_OK ? VALKEY_OK : VALKEY_ERR;
}

/* --- Async contexts ----------------------------------------------------- */

typedef struct {
  valkeyAsyncContext base; /* first: the library's public members */
  redisAsyncContext *ac;
} FakeAsync;

static FakeAsync *fake_async(valkeyAsyncContext *ac) { return (FakeAsync *)ac; }

static void sync_async_errors(FakeAsync *f) {
  if (f->ac && f->ac->err && !f->base.err) {
    f->base.c.err = f->ac->err;
    snprintf(f->base.c.errstr, sizeof f->base.c.errstr, "%s", f->ac->errstr);
  }
  f->base.err = f->base.c.err;
  f->base.errstr = f->base.c.errstr;
  f->base.c.fd = f->ac ? f->ac->c.fd : -1;
}

/* Marks the context inside an async one (its funcs, which the library's
 * own code alone reads), so valkeyInitiateTLS knows which it was given. */
static const char async_marker;

valkeyAsyncContext *valkeyAsyncConnectWithOptions(const valkeyOptions *o) {
  FakeAsync *f = (FakeAsync *)calloc(1, sizeof *f);
  if (!f)
    return NULL;
  f->base.c.funcs = &async_marker;
  if (o->type == VALKEY_CONN_UNIX)
    f->ac = redisAsyncConnectUnix(o->endpoint.unix_socket);
  else if (o->type == VALKEY_CONN_TCP && o->endpoint.tcp.ip)
    f->ac =
        (o->options & VALKEY_OPT_REUSEADDR)
            ? redisAsyncConnectBindWithReuse(o->endpoint.tcp.ip,
                                             o->endpoint.tcp.port,
                                             o->endpoint.tcp.source_addr)
            : redisAsyncConnectBind(o->endpoint.tcp.ip, o->endpoint.tcp.port,
                                    o->endpoint.tcp.source_addr);
  else {
    fprintf(stderr, "fake libvalkey: no async endpoint\n");
    abort();
  }
  if (!f->ac) {
    free(f);
    return NULL;
  }
  keep_endpoint(&f->base.c, o);
  sync_async_errors(f);
  return &f->base;
}

static valkeyAsyncContext *async_tcp(const char *ip, int port,
                                     const char *source_addr, int flags) {
  valkeyOptions o;
  memset(&o, 0, sizeof o);
  VALKEY_OPTIONS_SET_TCP(&o, ip, port);
  o.endpoint.tcp.source_addr = source_addr;
  o.options = flags;
  return valkeyAsyncConnectWithOptions(&o);
}

valkeyAsyncContext *valkeyAsyncConnect(const char *ip, int port) {
  return async_tcp(ip, port, NULL, 0);
}
valkeyAsyncContext *valkeyAsyncConnectBind(const char *ip, int port,
                                           const char *source_addr) {
  return async_tcp(ip, port, source_addr, 0);
}
valkeyAsyncContext *valkeyAsyncConnectBindWithReuse(const char *ip, int port,
                                                    const char *source_addr) {
  return async_tcp(ip, port, source_addr, VALKEY_OPT_REUSEADDR);
}
valkeyAsyncContext *valkeyAsyncConnectUnix(const char *path) {
  valkeyOptions o;
  memset(&o, 0, sizeof o);
  VALKEY_OPTIONS_SET_UNIX(&o, path);
  return valkeyAsyncConnectWithOptions(&o);
}

#if defined(REHOST_FAKE_VALKEY_TLS)
/* libvalkey's contract, which hiredis's redisInitiateSSL shares: the SSL
 * becomes the context's on success, stays the caller's on failure; on an
 * async context (&ac->c) the event loop finishes the handshake. */
int valkeyInitiateTLS(valkeyContext *c, struct ssl_st *ssl) {
  int status;
  if (c->funcs == &async_marker) {
    FakeAsync *f = (FakeAsync *)((char *)c - offsetof(valkeyAsyncContext, c));
    status = redisInitiateSSL(&f->ac->c, ssl);
    sync_async_errors(f);
  } else {
    status = redisInitiateSSL(fake(c)->conn, ssl);
    sync_errors(fake(c));
  }
  /* As libvalkey, which keeps its TLS state there; the fake never reads
   * it. */
  if (status == REDIS_OK)
    c->privctx = ssl;
  return status == REDIS_OK ? VALKEY_OK : VALKEY_ERR;
}
#endif

void valkeyAsyncDisconnect(valkeyAsyncContext *ac) {
  if (fake_async(ac)->ac) {
    redisAsyncDisconnect(fake_async(ac)->ac);
    fake_async(ac)->ac = NULL; /* hiredis frees it once disconnected */
  }
}

void valkeyAsyncFree(valkeyAsyncContext *ac) {
  if (!ac)
    return;
  if (fake_async(ac)->ac)
    redisAsyncFree(fake_async(ac)->ac);
  free(ac->c.tcp.host);
  free(ac);
}

void valkeyAsyncHandleRead(valkeyAsyncContext *ac) {
  if (fake_async(ac)->ac)
    redisAsyncHandleRead(fake_async(ac)->ac);
}

void valkeyAsyncHandleWrite(valkeyAsyncContext *ac) {
  if (fake_async(ac)->ac)
    redisAsyncHandleWrite(fake_async(ac)->ac);
}

typedef struct {
  FakeAsync *owner;
  valkeyCallbackFn *fn;
  void *privdata;
} Pending;

/* hiredis's callback: libvalkey's with its context and reply, which (as in
 * libvalkey) is freed once the callback returns. */
static void forward_reply(redisAsyncContext *ac, void *reply, void *privdata) {
  Pending *p = (Pending *)privdata;
  valkeyReply *copy;
  (void)ac;
  if (reply) {
    Copy *c = (Copy *)malloc(sizeof *c);
    if (!c)
      abort();
    copy = copy_tree((const redisReply *)reply);
    c->reply = copy;
    c->next = copies;
    copies = c;
  } else
    copy = NULL;
  if (p->fn)
    p->fn(&p->owner->base, copy, p->privdata);
  freeReplyObject(copy);
  free(p);
}

static Pending *pending(valkeyAsyncContext *ac, valkeyCallbackFn *fn,
                        void *privdata) {
  Pending *p = (Pending *)malloc(sizeof *p);
  if (!p)
    abort();
  p->owner = fake_async(ac);
  p->fn = fn;
  p->privdata = privdata;
  return p;
}

static int async_vcommand(valkeyAsyncContext *ac, valkeyCallbackFn *fn,
                          void *privdata, const char *format, va_list ap) {
  if (ac->err || !fake_async(ac)->ac)
    return VALKEY_ERR;
  return redisvAsyncCommand(fake_async(ac)->ac, forward_reply,
                            pending(ac, fn, privdata), format, ap) == REDIS_OK
             ? VALKEY_OK
             : VALKEY_ERR;
}

int valkeyAsyncCommand(valkeyAsyncContext *ac, valkeyCallbackFn *fn,
                       void *privdata, const char *format, ...) {
  va_list ap;
  int status;
  va_start(ap, format);
  status = async_vcommand(ac, fn, privdata, format, ap);
  va_end(ap);
  return status;
}

int valkeyAsyncCommandArgv(valkeyAsyncContext *ac, valkeyCallbackFn *fn,
                           void *privdata, int argc, const char **argv,
                           const size_t *argvlen) {
  if (ac->err || !fake_async(ac)->ac)
    return VALKEY_ERR;
  return redisAsyncCommandArgv(fake_async(ac)->ac, forward_reply,
                               pending(ac, fn, privdata), argc, argv,
                               argvlen) == REDIS_OK
             ? VALKEY_OK
             : VALKEY_ERR;
}

/* --- Cluster (one node) ------------------------------------------------- */

typedef struct {
  valkeyClusterContext base; /* first: the library's public members */
  valkeyContext *node;
} FakeCluster;

static FakeCluster *fake_cluster(valkeyClusterContext *cc) {
  return (FakeCluster *)cc;
}

static void cluster_fail(valkeyClusterContext *cc, const char *what,
                         const char *why) {
  cc->err = VALKEY_ERR_OTHER;
  snprintf(cc->errstr, sizeof cc->errstr, "%s%s", what, why);
}

/* As libvalkey on each node connection it opens, after the TCP connect and
 * before AUTH: the options' tls_init_fn when their tls is set. 0 with the
 * node's error copied to `cc` (libvalkey copies it as is). */
static int node_tls(const valkeyClusterOptions *o, valkeyContext *node,
                    valkeyClusterContext *cc) {
  if (!o->tls ||
      o->tls_init_fn(node, (struct valkeyTLSContext *)o->tls) == VALKEY_OK)
    return 1;
  cluster_fail(cc, "", node->errstr);
  return 0;
}

/* AUTH with the options' user and password, then SELECT their db. */
static void cluster_handshake(FakeCluster *f, const valkeyClusterOptions *o) {
  valkeyReply *reply = NULL;
  if (o->password)
    reply = o->username
                ? (valkeyReply *)valkeyCommand(f->node, "AUTH %s %s",
                                               o->username, o->password)
                : (valkeyReply *)valkeyCommand(f->node, "AUTH %s", o->password);
  if (reply || o->password) {
    if (!reply || reply->type == VALKEY_REPLY_ERROR)
      cluster_fail(&f->base, "AUTH: ", reply ? reply->str : f->node->errstr);
    freeReplyObject(reply);
    if (f->base.err)
      return;
  }
  if (o->select_db > 0) {
    reply = (valkeyReply *)valkeyCommand(f->node, "SELECT %d", o->select_db);
    if (!reply || reply->type == VALKEY_REPLY_ERROR)
      cluster_fail(&f->base, "SELECT: ", reply ? reply->str : f->node->errstr);
    freeReplyObject(reply);
  }
}

/* The first address of the options' node list, the one node: 0 with err
 * set on `cc` when there is none. */
static int first_node(const valkeyClusterOptions *o, valkeyClusterContext *cc,
                      char *host, size_t size, int *port) {
  const char *colon;
  size_t first;
  if (!o->initial_nodes || !*o->initial_nodes) {
    cluster_fail(cc, "", "servers address not configured");
    return 0;
  }
  first = strcspn(o->initial_nodes, ",");
  colon = memchr(o->initial_nodes, ':', first);
  if (!colon || (size_t)(colon - o->initial_nodes) >= size) {
    cluster_fail(cc, "bad node address: ", o->initial_nodes);
    return 0;
  }
  memcpy(host, o->initial_nodes, (size_t)(colon - o->initial_nodes));
  host[colon - o->initial_nodes] = '\0';
  *port = atoi(colon + 1);
  return 1;
}

valkeyClusterContext *
valkeyClusterConnectWithOptions(const valkeyClusterOptions *o) {
  FakeCluster *f = (FakeCluster *)calloc(1, sizeof *f);
  valkeyOptions node;
  char host[256];
  int port;
  if (!f)
    return NULL;
  f->base.options = o->options;
  if (!first_node(o, &f->base, host, sizeof host, &port))
    return &f->base;
  memset(&node, 0, sizeof node);
  VALKEY_OPTIONS_SET_TCP(&node, host, port);
  node.connect_timeout = o->connect_timeout;
  node.command_timeout = o->command_timeout;
  f->node = valkeyConnectWithOptions(&node);
  if (!f->node || f->node->err) {
    cluster_fail(&f->base,
                 "connect: ", f->node ? f->node->errstr : "out of memory");
    return &f->base;
  }
  if (node_tls(o, f->node, &f->base))
    cluster_handshake(f, o);
  return &f->base;
}

valkeyClusterContext *valkeyClusterConnect(const char *addrs) {
  valkeyClusterOptions o;
  memset(&o, 0, sizeof o);
  o.initial_nodes = addrs;
  return valkeyClusterConnectWithOptions(&o);
}

valkeyClusterContext *valkeyClusterConnectWithTimeout(const char *addrs,
                                                      const struct timeval tv) {
  valkeyClusterOptions o;
  memset(&o, 0, sizeof o);
  o.initial_nodes = addrs;
  o.connect_timeout = &tv;
  return valkeyClusterConnectWithOptions(&o);
}

void valkeyClusterFree(valkeyClusterContext *cc) {
  if (!cc)
    return;
  valkeyFree(fake_cluster(cc)->node);
  free(cc);
}

void *valkeyClusterCommand(valkeyClusterContext *cc, const char *format, ...) {
  va_list ap;
  void *reply;
  if (cc->err || !fake_cluster(cc)->node)
    return NULL;
  va_start(ap, format);
  reply = valkeyvCommand(fake_cluster(cc)->node, format, ap);
  va_end(ap);
  return reply;
}

/* --- Async cluster (one node) ------------------------------------------- */

/* The node's async context is the fake's own (valkeyAsyncConnect), handed
 * to the options' attach_fn as libvalkey hands each node's to its event
 * library adapter; the program drives it (valkeyAsyncHandleRead/Write). */
typedef struct {
  valkeyClusterAsyncContext base; /* first: the library's public members */
  valkeyAsyncContext *node;
} FakeClusterAsync;

static FakeClusterAsync *fake_cluster_async(valkeyClusterAsyncContext *acc) {
  return (FakeClusterAsync *)acc;
}

static void cluster_async_fail(FakeClusterAsync *f, const char *what,
                               const char *why) {
  if (!f->base.cc.err)
    cluster_fail(&f->base.cc, what, why);
  f->base.err = f->base.cc.err;
}

/* A handshake reply (AUTH, SELECT): a refusal fails the context loudly and
 * drops the node's connection. */
static void cluster_async_handshake(valkeyAsyncContext *ac, void *r,
                                    void *privdata) {
  FakeClusterAsync *f = (FakeClusterAsync *)privdata;
  valkeyReply *reply = (valkeyReply *)r;
  if (reply && reply->type != VALKEY_REPLY_ERROR)
    return;
  cluster_async_fail(f, "handshake: ", reply ? reply->str : ac->errstr);
  valkeyAsyncDisconnect(ac);
}

valkeyClusterAsyncContext *
valkeyClusterAsyncConnectWithOptions(const valkeyClusterOptions *o) {
  FakeClusterAsync *f = (FakeClusterAsync *)calloc(1, sizeof *f);
  char host[256];
  int port;
  if (!f)
    return NULL;
  f->base.errstr = f->base.cc.errstr;
  f->base.cc.options = o->options;
  if (o->event_callback || o->async_connect_callback ||
      o->async_disconnect_callback) {
    fprintf(stderr, "fake libvalkey: async cluster option not faked\n");
    abort();
  }
  if (!first_node(o, &f->base.cc, host, sizeof host, &port)) {
    f->base.err = f->base.cc.err;
    return &f->base;
  }
  if (!o->attach_fn) {
    cluster_async_fail(f, "", "No event library configured");
    return &f->base;
  }
  f->base.attach_fn = o->attach_fn;
  f->base.attach_data = o->attach_data;
  f->node = valkeyAsyncConnect(host, port);
  if (!f->node || f->node->err) {
    cluster_async_fail(
        f, "connect: ", f->node ? f->node->errstr : "out of memory");
    return &f->base;
  }
  if (!node_tls(o, &f->node->c, &f->base.cc)) {
    f->base.err = f->base.cc.err;
    return &f->base;
  }
  if (o->attach_fn(f->node, o->attach_data) != VALKEY_OK) {
    cluster_async_fail(f, "", "attach failed");
    return &f->base;
  }
  /* libvalkey queues the node's handshake ahead of the caller's commands. */
  if (o->password && o->username)
    valkeyAsyncCommand(f->node, cluster_async_handshake, f, "AUTH %s %s",
                       o->username, o->password);
  else if (o->password)
    valkeyAsyncCommand(f->node, cluster_async_handshake, f, "AUTH %s",
                       o->password);
  if (o->select_db > 0)
    valkeyAsyncCommand(f->node, cluster_async_handshake, f, "SELECT %d",
                       o->select_db);
  return &f->base;
}

void valkeyClusterAsyncDisconnect(valkeyClusterAsyncContext *acc) {
  if (fake_cluster_async(acc)->node)
    valkeyAsyncDisconnect(fake_cluster_async(acc)->node);
}

void valkeyClusterAsyncFree(valkeyClusterAsyncContext *acc) {
  if (!acc)
    return;
  if (fake_cluster_async(acc)->node)
    valkeyAsyncFree(fake_cluster_async(acc)->node);
  free(acc);
}

typedef struct {
  FakeClusterAsync *owner;
  valkeyClusterCallbackFn *fn;
  void *privdata;
} ClusterPending;

static void forward_cluster_reply(valkeyAsyncContext *ac, void *reply,
                                  void *privdata) {
  ClusterPending *p = (ClusterPending *)privdata;
  (void)ac;
  if (p->fn)
    p->fn(&p->owner->base, reply, p->privdata);
  free(p);
}

int valkeyClusterAsyncCommand(valkeyClusterAsyncContext *acc,
                              valkeyClusterCallbackFn *fn, void *privdata,
                              const char *format, ...) {
  FakeClusterAsync *f = fake_cluster_async(acc);
  ClusterPending *p;
  va_list ap;
  int status;
  if (acc->err || !f->node)
    return VALKEY_ERR;
  p = (ClusterPending *)malloc(sizeof *p);
  if (!p)
    abort();
  p->owner = f;
  p->fn = fn;
  p->privdata = privdata;
  va_start(ap, format);
  status = async_vcommand(f->node, forward_cluster_reply, p, format, ap);
  va_end(ap);
  if (status != VALKEY_OK)
    free(p);
  return status;
}
