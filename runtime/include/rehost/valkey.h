/* rehost runtime: libvalkey (valkey-io/libvalkey) on a profile.
 *
 * libvalkey is hiredis's fork for Valkey, with its API spelt valkey…. `rehost
 * fix` rewrites its connects into these helpers, in the shapes of the
 * hiredis ones (rehost.h's drop-ins, rehost/hiredis_options.h,
 * rehost/cluster.h):
 *   valkeyConnect("10.0.0.5", 6380)
 *     -> rehost_valkeyConnect("default", "10.0.0.5", 6380)
 *   valkeyConnectWithOptions(&options)  (after VALKEY_OPTIONS_SET_TCP)
 *     -> rehost_valkeyConnectWithOptions(&options, "default")
 *   valkeyCommand(c, "AUTH %s", "pw") -> rehost_valkeyAuth(c, "default")
 *   valkeyClusterConnectWithOptions(&options)  (after options.initial_nodes)
 *     -> rehost_valkeyClusterConnectWithOptions(&options, "default")
 *   valkeyClusterAsyncConnectWithOptions(&options)
 *     -> rehost_valkeyClusterAsyncConnectWithOptions(&options, "default")
 * so the connection gets the profile's endpoint, user, password, db and
 * timeouts, and a bad configuration gives a context with err set and an
 * errstr naming the variable or key (never the password), before anything
 * reaches the server.
 *
 * Static inline: the helpers compile in the including file against its own
 * libvalkey, since they take only strings and numbers from the runtime
 * (which is built on hiredis, not libvalkey). Include <valkey/valkey.h> (and
 * <valkey/async.h>, <valkey/cluster.h> for those helpers) before this
 * header.
 *
 * TLS: with <valkey/tls.h> included before this header (and libvalkey_tls
 * linked), the connects (standalone and cluster, blocking and async) start
 * a TLS profile's TLS with valkeyInitiateTLS on an SSL the runtime makes
 * and verifies (rehost_tls_session_new), in a runtime built with TLS; the
 * cluster ones through the options' tls_init_fn, on each node connection
 * libvalkey opens. Without it a TLS profile is refused, never connected in
 * plaintext. */
#ifndef REHOST_VALKEY_H
#define REHOST_VALKEY_H

#include <rehost/rehost.h>

#include <stdio.h>
#include <string.h>

#ifndef VALKEY_OPTIONS_SET_TCP
#error "rehost/valkey.h: include libvalkey's <valkey/valkey.h> first"
#endif

/* Room for a message the header writes itself (libvalkey's errstr size). */
typedef struct rehost__valkey_message {
  char text[128];
} rehost__valkey_message;

/* Why a connect cannot hand `profile` to libvalkey, or NULL. `no_tls` is
 * NULL for a connect that starts the profile's TLS itself (any, when
 * <valkey/tls.h> came first), else why this one cannot. A TLS
 * profile passes only a connect that starts TLS, in a runtime that can make
 * it (rehost_connect_check names the variable otherwise, and a unix socket
 * profile with TLS), so none reaches libvalkey as plaintext.
 * test/e2e/libvalkey-connect.c, libvalkey-tls.c and libvalkey-cluster.c
 * hold it to that. */
static inline const char *rehost__valkey_problem(const char *profile,
                                                 const char *no_tls,
                                                 rehost__valkey_message *m) {
  const char *problem = rehost_connect_check(profile);
  if (problem || !no_tls || rehost_uses_tls(profile) == 0)
    return problem;
  snprintf(m->text, sizeof m->text, "rehost: profile '%s' is TLS: %s", profile,
           no_tls);
  return m->text;
}

/* Why the connects cannot start TLS, or NULL when they can. */
#ifdef VALKEY_TLS_H
#define REHOST__VALKEY_NO_TLS NULL
#else
#define REHOST__VALKEY_NO_TLS                                                  \
  "include <valkey/tls.h> before rehost/valkey.h, link libvalkey_tls"
#endif

static inline void rehost__valkey_fail(valkeyContext *c, const char *message) {
  if (c) {
    c->err = VALKEY_ERR_OTHER;
    snprintf(c->errstr, sizeof c->errstr, "%s", message);
  }
}

/* A failed context made by the file's libvalkey: a unix socket below a
 * regular file fails at once, without touching the network. */
static inline valkeyContext *
rehost__valkey_failed_context(const char *message) {
  valkeyContext *c = valkeyConnectUnixNonBlock("/dev/null/rehost");
  rehost__valkey_fail(c, message);
  return c;
}

static inline struct timeval rehost__valkey_timeval(long long ms) {
  struct timeval tv;
  tv.tv_sec = (time_t)(ms / 1000);
  tv.tv_usec = (suseconds_t)(ms % 1000 * 1000);
  return tv;
}

static inline long long rehost__valkey_ms(const struct timeval *tv) {
  return tv ? (long long)tv->tv_sec * 1000 + (tv->tv_usec + 999) / 1000 : 0;
}

/* The profile's timeouts, the options' own (`*connect`, `*command`) as the
 * fallback; the timevals live in the caller's frame for the connect. 0 if
 * the profile cannot be read (rehost_last_error() says why). */
static inline int rehost__valkey_timeouts(const char *profile,
                                          const struct timeval **connect,
                                          const struct timeval **command,
                                          struct timeval *connect_tv,
                                          struct timeval *command_tv) {
  long long connect_ms =
      rehost_connect_timeout_ms(profile, rehost__valkey_ms(*connect));
  long long command_ms =
      rehost_command_timeout_ms(profile, rehost__valkey_ms(*command));
  if (connect_ms < 0 || command_ms < 0)
    return 0;
  *connect_tv = rehost__valkey_timeval(connect_ms);
  *command_tv = rehost__valkey_timeval(command_ms);
  *connect = connect_ms > 0 ? connect_tv : NULL;
  *command = command_ms > 0 ? command_tv : NULL;
  return 1;
}

/* Sends the profile's handshake (AUTH, SELECT, CLIENT SETNAME) on a
 * connected blocking context; a refusal leaves err set and errstr naming
 * the step ("REDIS_URL: AUTH failed: WRONGPASS ..."), never the password. */
static inline void rehost__valkey_handshake(valkeyContext *c,
                                            const char *profile) {
  int step, argc, more;
  const char **argv;
  const size_t *lens;
  const char *what;
  for (step = 0; (more = rehost_handshake_step(profile, step, &argc, &argv,
                                               &lens, &what)) > 0;
       ++step) {
    valkeyReply *reply = (valkeyReply *)valkeyCommandArgv(c, argc, argv, lens);
    if (!reply)
      return; /* libvalkey set err: the connection failed. */
    if (reply->type == VALKEY_REPLY_ERROR) {
      c->err = VALKEY_ERR_OTHER;
      snprintf(c->errstr, sizeof c->errstr, "%s failed: %s", what, reply->str);
    }
    freeReplyObject(reply);
    if (c->err)
      return;
  }
  if (more < 0)
    rehost__valkey_fail(c, rehost_last_error());
}

/* rehost_pick_profile for the endpoint of `o`: the profile a profile set
 * ("match:a,b", rehost.h) picks for it, the one named otherwise; 0 when a
 * set picks none and the connect goes as written. */
static inline int rehost__valkey_pick(const valkeyOptions *o,
                                      const char *profile,
                                      const char **picked) {
  if (o->type == VALKEY_CONN_TCP)
    return rehost_pick_profile(profile, o->endpoint.tcp.ip,
                               o->endpoint.tcp.port, NULL, NULL, picked);
  return rehost_pick_profile(
      profile, NULL, 0,
      o->type == VALKEY_CONN_UNIX ? o->endpoint.unix_socket : NULL, NULL,
      picked);
}

#ifdef VALKEY_TLS_H
/* Starts the profile's TLS on `c`, connected to `host`:`port`, before the
 * handshake sends a password: the runtime makes the SSL (its SSL_CTX for
 * the profile's CA, client certificate and key; the name checked per
 * tls_verify: tls_server_name, else `host`), libvalkey runs the TLS
 * handshake on it. On a `blocking` context the `connect` timeout bounds it,
 * then the `command` timeout is put back; an async context's event loop
 * finishes it. 1 when started; 0 with err set and errstr naming the
 * endpoint and why, never a plaintext fallback. */
static inline int rehost__valkey_initiate_tls(valkeyContext *c,
                                              const char *profile,
                                              const char *host, int port,
                                              const struct timeval *connect,
                                              const struct timeval *command,
                                              int blocking) {
  int refused;
  const char *why;
  void *ssl = rehost_tls_session_new(profile, host, port);
  if (!ssl) {
    rehost__valkey_fail(c, rehost_last_error());
    return 0;
  }
  if (blocking && connect)
    valkeySetTimeout(c, *connect);
  if (valkeyInitiateTLS(c, (struct ssl_st *)ssl) != VALKEY_OK) {
    why = rehost_tls_session_failed(ssl, profile, host, port, c->errstr,
                                    &refused);
    if (refused || !c->err)
      c->err = VALKEY_ERR_OTHER;
    snprintf(c->errstr, sizeof c->errstr, "%s", why);
    return 0;
  }
  if (blocking)
    valkeySetTimeout(c, command ? *command : rehost__valkey_timeval(0));
  return 1;
}

/* Starts the profile's TLS on `c`, connected to the endpoint of `o`
 * (rehost__valkey_initiate_tls, with the timeouts of `o`). 1 when started,
 * or when the profile has no TLS; 0 with err set. */
static inline int rehost__valkey_start_tls(valkeyContext *c,
                                           const valkeyOptions *o,
                                           const char *profile, int blocking) {
  rehost__valkey_message m;
  switch (rehost_uses_tls(profile)) {
  case 0:
    return 1;
  case -1:
    rehost__valkey_fail(c, rehost_last_error());
    return 0;
  }
  if (o->type != VALKEY_CONN_TCP) {
    snprintf(m.text, sizeof m.text,
             "rehost: profile '%s' is TLS, and this connect is a unix "
             "socket, which has no TLS",
             profile);
    rehost__valkey_fail(c, m.text);
    return 0;
  }
  return rehost__valkey_initiate_tls(c, profile, o->endpoint.tcp.ip,
                                     o->endpoint.tcp.port, o->connect_timeout,
                                     o->command_timeout, blocking);
}
#else
/* Without <valkey/tls.h> no TLS profile gets this far
 * (REHOST__VALKEY_NO_TLS refuses it). */
static inline int rehost__valkey_start_tls(valkeyContext *c,
                                           const valkeyOptions *o,
                                           const char *profile, int blocking) {
  (void)c;
  (void)o;
  (void)profile;
  (void)blocking;
  return 1;
}
#endif

/* valkeyConnectWithOptions(options) on profile `profile` (or the one a
 * profile set picks for the options' endpoint; none picked: the connect as
 * written): the profile's TLS (with <valkey/tls.h>), then its handshake. A
 * non-blocking connect (VALKEY_OPT_NONBLOCK) cannot run either before the
 * caller reads from the context, so one whose profile needs them fails,
 * saying so. The options' transport (TCP or unix) stays the one the code
 * chose. */
static inline valkeyContext *
rehost_valkeyConnectWithOptions(const valkeyOptions *options,
                                const char *profile) {
  valkeyOptions o = *options;
  struct timeval connect_tv, command_tv;
  int argc;
  const char **argv;
  const size_t *lens;
  const char *what;
  valkeyContext *c;
  const char *problem;
  rehost__valkey_message m;
  switch (rehost__valkey_pick(options, profile, &profile)) {
  case -1:
    return rehost__valkey_failed_context(rehost_last_error());
  case 0:
    return valkeyConnectWithOptions(options);
  }
  problem = rehost__valkey_problem(profile, REHOST__VALKEY_NO_TLS, &m);
  if (problem)
    return rehost__valkey_failed_context(problem);
  if (!rehost__valkey_timeouts(profile, &o.connect_timeout, &o.command_timeout,
                               &connect_tv, &command_tv))
    return rehost__valkey_failed_context(rehost_last_error());
  if ((o.options & VALKEY_OPT_NONBLOCK) &&
      (rehost_uses_tls(profile) != 0 ||
       rehost_handshake_step(profile, 0, &argc, &argv, &lens, &what) != 0)) {
    snprintf(m.text, sizeof m.text,
             "rehost: profile '%s' needs TLS, AUTH or SELECT, which a "
             "non-blocking connect cannot start first",
             profile);
    return rehost__valkey_failed_context(m.text);
  }
  c = valkeyConnectWithOptions(&o);
  if (c && !c->err && !(o.options & VALKEY_OPT_NONBLOCK) &&
      rehost__valkey_start_tls(c, &o, profile, 1))
    rehost__valkey_handshake(c, profile);
  return c;
}

/* The endpoint the profile resolves, the call site's as the fallback (an
 * ip and port, or a socket path), in `o`: a unix socket when the profile
 * resolves one, else TCP. 0 on a configuration error. */
static inline int rehost__valkey_endpoint(valkeyOptions *o, const char *profile,
                                          const char *ip, int port,
                                          const char *path) {
  const char *socket = rehost_socket(profile, path);
  const char *host;
  int resolved_port;
  if (!socket)
    return 0;
  if (*socket) {
    VALKEY_OPTIONS_SET_UNIX(o, socket);
    return 1;
  }
  host = rehost_host(profile, ip);
  resolved_port = rehost_port(profile, port);
  if (!host || resolved_port < 0)
    return 0;
  VALKEY_OPTIONS_SET_TCP(o, host, resolved_port);
  return 1;
}

/* The options a drop-in connect was written with: an ip and port, or a
 * socket path; `source_addr` is used as given for TCP, ignored for a unix
 * socket. */
static inline void rehost__valkey_written(valkeyOptions *o, const char *ip,
                                          int port, const char *path,
                                          int options,
                                          const char *source_addr) {
  memset(o, 0, sizeof *o);
  if (path) {
    VALKEY_OPTIONS_SET_UNIX(o, path);
  } else {
    VALKEY_OPTIONS_SET_TCP(o, ip, port);
    o->endpoint.tcp.source_addr = source_addr;
  }
  o->options = options;
}

/* The drop-in connects: the resolved endpoint as options, then
 * rehost_valkeyConnectWithOptions. `tv`: the call site's connect timeout. A
 * profile set that picks no profile connects as written. */
static inline valkeyContext *
rehost__valkey_connect(const char *profile, const char *ip, int port,
                       const char *path, const struct timeval *tv, int options,
                       const char *source_addr) {
  valkeyOptions o;
  const char *problem;
  rehost__valkey_message m;
  rehost__valkey_written(&o, ip, port, path, options, source_addr);
  o.connect_timeout = tv;
  switch (rehost__valkey_pick(&o, profile, &profile)) {
  case -1:
    return rehost__valkey_failed_context(rehost_last_error());
  case 0:
    return valkeyConnectWithOptions(&o);
  }
  problem = rehost__valkey_problem(profile, REHOST__VALKEY_NO_TLS, &m);
  if (problem)
    return rehost__valkey_failed_context(problem);
  if (!rehost__valkey_endpoint(&o, profile, ip, port, path))
    return rehost__valkey_failed_context(rehost_last_error());
  if (o.type == VALKEY_CONN_TCP)
    o.endpoint.tcp.source_addr = source_addr;
  return rehost_valkeyConnectWithOptions(&o, profile);
}

static inline valkeyContext *rehost_valkeyConnect(const char *profile,
                                                  const char *ip, int port) {
  return rehost__valkey_connect(profile, ip, port, NULL, NULL, 0, NULL);
}

static inline valkeyContext *
rehost_valkeyConnectWithTimeout(const char *profile, const char *ip, int port,
                                const struct timeval tv) {
  return rehost__valkey_connect(profile, ip, port, NULL, &tv, 0, NULL);
}

static inline valkeyContext *
rehost_valkeyConnectNonBlock(const char *profile, const char *ip, int port) {
  return rehost__valkey_connect(profile, ip, port, NULL, NULL,
                                VALKEY_OPT_NONBLOCK, NULL);
}

static inline valkeyContext *
rehost_valkeyConnectBindNonBlock(const char *profile, const char *ip, int port,
                                 const char *source_addr) {
  return rehost__valkey_connect(profile, ip, port, NULL, NULL,
                                VALKEY_OPT_NONBLOCK, source_addr);
}

static inline valkeyContext *
rehost_valkeyConnectBindNonBlockWithReuse(const char *profile, const char *ip,
                                          int port, const char *source_addr) {
  return rehost__valkey_connect(profile, ip, port, NULL, NULL,
                                VALKEY_OPT_NONBLOCK | VALKEY_OPT_REUSEADDR,
                                source_addr);
}

static inline valkeyContext *rehost_valkeyConnectUnix(const char *profile,
                                                      const char *path) {
  return rehost__valkey_connect(profile, NULL, 0, path, NULL, 0, NULL);
}

static inline valkeyContext *
rehost_valkeyConnectUnixWithTimeout(const char *profile, const char *path,
                                    const struct timeval tv) {
  return rehost__valkey_connect(profile, NULL, 0, path, &tv, 0, NULL);
}

static inline valkeyContext *
rehost_valkeyConnectUnixNonBlock(const char *profile, const char *path) {
  return rehost__valkey_connect(profile, NULL, 0, path, NULL,
                                VALKEY_OPT_NONBLOCK, NULL);
}

/* The command a rewritten AUTH sends: the profile's AUTH ([user]
 * password), or, when it has no password, its SELECT <db> (SELECT 0 when it
 * has no db): it replies +OK and changes nothing on a connection opened on
 * that db, so a server without a password is never sent AUTH "". argv
 * points into the struct itself or at the runtime's words (valid until this
 * thread's next rehost_handshake_step). */
struct rehost__valkey_auth {
  int argc;
  const char **argv;
  const size_t *lens;
  const char *select_argv[2];
  size_t select_lens[2];
  rehost__valkey_message message;
};

/* Whether `c` talks TLS: libvalkey keeps a TCP connection's TLS in
 * privctx (which only TLS sets on TCP). */
static inline int rehost__valkey_is_tls(const valkeyContext *c) {
  return c->connection_type == VALKEY_CONN_TCP && c->privctx != NULL;
}

/* Fills `a` with the profile's AUTH command for `c`: NULL, or the
 * configuration problem, naming the variable or key. A TLS profile's
 * credentials go only on a TLS connection (one of its connects made it
 * so). */
static inline const char *
rehost__valkey_auth_command(const valkeyContext *c, const char *profile,
                            struct rehost__valkey_auth *a) {
  int step, more, select_step = -1;
  const char *what;
  const char *problem =
      rehost__valkey_problem(profile, REHOST__VALKEY_NO_TLS, &a->message);
  if (problem)
    return problem;
  if (rehost_uses_tls(profile) != 0 && !rehost__valkey_is_tls(c)) {
    snprintf(a->message.text, sizeof a->message.text,
             "rehost: profile '%s' is TLS, and this connection is not, so "
             "its credentials are not sent on it",
             profile);
    return a->message.text;
  }
  for (step = 0; (more = rehost_handshake_step(profile, step, &a->argc,
                                               &a->argv, &a->lens, &what)) > 0;
       ++step) {
    if (a->argc > 0 && a->lens[0] == 4 && strncmp(a->argv[0], "AUTH", 4) == 0)
      return NULL;
    if (a->argc == 2 && a->lens[0] == 6 &&
        strncmp(a->argv[0], "SELECT", 6) == 0)
      select_step = step;
  }
  if (more < 0)
    return rehost_last_error();
  if (select_step >= 0)
    return rehost_handshake_step(profile, select_step, &a->argc, &a->argv,
                                 &a->lens, &what) > 0
               ? NULL
               : rehost_last_error();
  a->select_argv[0] = "SELECT";
  a->select_argv[1] = "0";
  a->select_lens[0] = 6;
  a->select_lens[1] = 1;
  a->argc = 2;
  a->argv = a->select_argv;
  a->lens = a->select_lens;
  return NULL;
}

/* An AUTH command the code sent, rewritten: valkeyCommand(c, "AUTH %s",
 * "pw") -> rehost_valkeyAuth(c, "default"). The reply is valkeyCommand's.
 * On bad configuration (a TLS profile on a connection that is not TLS,
 * too) nothing is sent: NULL, with c->err set and an errstr naming the
 * variable or key. */
static inline void *rehost_valkeyAuth(valkeyContext *c, const char *profile) {
  struct rehost__valkey_auth a;
  const char *problem;
  if (!c)
    return NULL;
  problem = rehost__valkey_auth_command(c, profile, &a);
  if (problem) {
    rehost__valkey_fail(c, problem);
    return NULL;
  }
  return valkeyCommandArgv(c, a.argc, a.argv, a.lens);
}

/* The same for valkeyAppendCommand: VALKEY_OK, or VALKEY_ERR with err set. */
static inline int rehost_valkeyAppendAuth(valkeyContext *c,
                                          const char *profile) {
  struct rehost__valkey_auth a;
  const char *problem;
  if (!c)
    return VALKEY_ERR;
  problem = rehost__valkey_auth_command(c, profile, &a);
  if (problem) {
    rehost__valkey_fail(c, problem);
    return VALKEY_ERR;
  }
  return valkeyAppendCommandArgv(c, a.argc, a.argv, a.lens);
}

/* The async helpers need <valkey/async.h> (its include guard). */
#ifdef VALKEY_ASYNC_H
static inline void rehost__valkey_fail_async(valkeyAsyncContext *ac,
                                             const char *message) {
  if (ac) {
    rehost__valkey_fail(&ac->c, message);
    ac->err = ac->c.err;
    ac->errstr = ac->c.errstr;
  }
}

static inline valkeyAsyncContext *
rehost__valkey_failed_async_context(const char *message) {
  valkeyAsyncContext *ac = valkeyAsyncConnectUnix("/dev/null/rehost");
  rehost__valkey_fail_async(ac, message);
  return ac;
}

/* A handshake reply: a refusal fails the context and disconnects it. */
static inline void rehost__valkey_async_reply(valkeyAsyncContext *ac,
                                              void *reply, void *what) {
  valkeyReply *r = (valkeyReply *)reply;
  if (r && r->type == VALKEY_REPLY_ERROR && ac->err == 0) {
    char message[128];
    snprintf(message, sizeof message, "%s failed: %s", (const char *)what,
             r->str);
    rehost__valkey_fail_async(ac, message);
    valkeyAsyncDisconnect(ac);
  }
}

/* TLS and the handshake tried first on a short blocking connection to the
 * same endpoint: an async context pipelines the caller's commands right
 * behind a queued handshake, so a certificate that fails verification, or
 * a refused AUTH or SELECT, must fail the connect itself, before any of the
 * caller's commands can run (in db 0). Copies the refusal into `message`
 * and returns 0; 1 when it passed. */
static inline int rehost__valkey_probe(const valkeyOptions *o,
                                       const char *profile, char *message,
                                       size_t size) {
  valkeyOptions probe;
  valkeyContext *c;
  int passed;
  memset(&probe, 0, sizeof probe);
  probe.type = o->type;
  probe.endpoint = o->endpoint;
  probe.connect_timeout = o->connect_timeout;
  probe.command_timeout = o->connect_timeout; /* the handshake is connecting */
  probe.options = o->options & ~VALKEY_OPT_NONBLOCK;
  c = valkeyConnectWithOptions(&probe);
  if (c && !c->err && rehost__valkey_start_tls(c, &probe, profile, 1))
    rehost__valkey_handshake(c, profile);
  passed = c && !c->err;
  if (!passed)
    snprintf(message, size, "%s", c ? c->errstr : "out of memory");
  if (c)
    valkeyFree(c);
  return passed;
}

/* valkeyAsyncConnectWithOptions(options) on profile `profile`: when the
 * profile needs TLS or a handshake they are tried first
 * (rehost__valkey_probe: one extra short connection), then TLS is started
 * (the event loop finishes it, with the same verification) and the
 * handshake queued ahead of the caller's commands. */
static inline valkeyAsyncContext *
rehost_valkeyAsyncConnectWithOptions(const valkeyOptions *options,
                                     const char *profile) {
  valkeyOptions o = *options;
  struct timeval connect_tv, command_tv;
  int step, argc, more;
  const char **argv;
  const size_t *lens;
  const char *what;
  char refused[128];
  valkeyAsyncContext *ac;
  const char *problem;
  rehost__valkey_message m;
  switch (rehost__valkey_pick(options, profile, &profile)) {
  case -1:
    return rehost__valkey_failed_async_context(rehost_last_error());
  case 0:
    return valkeyAsyncConnectWithOptions(options);
  }
  problem = rehost__valkey_problem(profile, REHOST__VALKEY_NO_TLS, &m);
  if (!problem &&
      !rehost__valkey_timeouts(profile, &o.connect_timeout, &o.command_timeout,
                               &connect_tv, &command_tv))
    problem = rehost_last_error();
  if (!problem &&
      (rehost_uses_tls(profile) != 0 ||
       rehost_handshake_step(profile, 0, &argc, &argv, &lens, &what) > 0) &&
      !rehost__valkey_probe(&o, profile, refused, sizeof refused))
    problem = refused;
  if (problem)
    return rehost__valkey_failed_async_context(problem);
  ac = valkeyAsyncConnectWithOptions(&o);
  if (!ac || ac->err)
    return ac;
  if (!rehost__valkey_start_tls(&ac->c, &o, profile, 0)) {
    ac->err = ac->c.err;
    ac->errstr = ac->c.errstr;
    return ac;
  }
  for (step = 0; (more = rehost_handshake_step(profile, step, &argc, &argv,
                                               &lens, &what)) > 0;
       ++step)
    valkeyAsyncCommandArgv(ac, rehost__valkey_async_reply, (void *)what, argc,
                           argv, lens);
  if (more < 0)
    rehost__valkey_fail_async(ac, rehost_last_error());
  return ac;
}

static inline valkeyAsyncContext *
rehost__valkey_async_connect(const char *profile, const char *ip, int port,
                             const char *path, int options,
                             const char *source_addr) {
  valkeyOptions o;
  const char *problem;
  rehost__valkey_message m;
  rehost__valkey_written(&o, ip, port, path, options, source_addr);
  switch (rehost__valkey_pick(&o, profile, &profile)) {
  case -1:
    return rehost__valkey_failed_async_context(rehost_last_error());
  case 0:
    return valkeyAsyncConnectWithOptions(&o);
  }
  problem = rehost__valkey_problem(profile, REHOST__VALKEY_NO_TLS, &m);
  if (problem)
    return rehost__valkey_failed_async_context(problem);
  if (!rehost__valkey_endpoint(&o, profile, ip, port, path))
    return rehost__valkey_failed_async_context(rehost_last_error());
  if (o.type == VALKEY_CONN_TCP)
    o.endpoint.tcp.source_addr = source_addr;
  return rehost_valkeyAsyncConnectWithOptions(&o, profile);
}

static inline valkeyAsyncContext *
rehost_valkeyAsyncConnect(const char *profile, const char *ip, int port) {
  return rehost__valkey_async_connect(profile, ip, port, NULL, 0, NULL);
}

static inline valkeyAsyncContext *
rehost_valkeyAsyncConnectBind(const char *profile, const char *ip, int port,
                              const char *source_addr) {
  return rehost__valkey_async_connect(profile, ip, port, NULL, 0, source_addr);
}

static inline valkeyAsyncContext *
rehost_valkeyAsyncConnectBindWithReuse(const char *profile, const char *ip,
                                       int port, const char *source_addr) {
  return rehost__valkey_async_connect(profile, ip, port, NULL,
                                      VALKEY_OPT_REUSEADDR, source_addr);
}

static inline valkeyAsyncContext *
rehost_valkeyAsyncConnectUnix(const char *profile, const char *path) {
  return rehost__valkey_async_connect(profile, NULL, 0, path, 0, NULL);
}

/* The same as rehost_valkeyAuth for valkeyAsyncCommand: VALKEY_OK, or
 * VALKEY_ERR with ac->err and ac->errstr set (fn is then not called). */
static inline int rehost_valkeyAsyncAuth(valkeyAsyncContext *ac,
                                         valkeyCallbackFn *fn, void *privdata,
                                         const char *profile) {
  struct rehost__valkey_auth a;
  const char *problem;
  if (!ac)
    return VALKEY_ERR;
  problem = rehost__valkey_auth_command(&ac->c, profile, &a);
  if (problem) {
    rehost__valkey_fail_async(ac, problem);
    return VALKEY_ERR;
  }
  return valkeyAsyncCommandArgv(ac, fn, privdata, a.argc, a.argv, a.lens);
}
#endif

/* The cluster helpers need <valkey/cluster.h> (its include guard); libvalkey
 * declares the async cluster API there too. */
#ifdef VALKEY_CLUSTER_H
#ifdef VALKEY_TLS_H
/* libvalkey's tls_init_fn for the cluster connects: it calls it on each
 * node connection it opens (the initial nodes, those CLUSTER SLOTS or NODES
 * name, reconnects), after the TCP connect and before its AUTH and SELECT,
 * with the options' `tls`, here the profile's name. The profile's TLS,
 * verified against that node's own address (libvalkey fills tcp.host and
 * tcp.port; tls_server_name, when set, instead), bounded by the connect
 * timeout on the blocking cluster's connections; the async cluster's are
 * still connecting, and their event loop finishes it. libvalkey calls it
 * after a failed reconnect too: that error stays the node's. */
static inline int rehost__valkey_cluster_tls(struct valkeyContext *c,
                                             struct valkeyTLSContext *profile) {
  if (c->err)
    return VALKEY_ERR;
  return rehost__valkey_initiate_tls(
             c, (const char *)profile, c->tcp.host, c->tcp.port,
             c->connect_timeout, c->command_timeout, c->flags & VALKEY_BLOCK)
             ? VALKEY_OK
             : VALKEY_ERR;
}
#endif

/* The options a cluster connect gets on profile `profile` (or the one a
 * profile set picks for the options' node list): `o`, a copy of the code's
 * options, gets the profile's node list, user, password, db and timeouts,
 * the code's own as the fallback (its credentials stay when the profile
 * configures none), and a TLS profile's TLS (rehost__valkey_cluster_tls;
 * the options' own tls stays when the profile has none); the timevals live
 * in the caller's frame. 1 when `o` is filled; 0 when a set picks no
 * profile and the connect goes as written; -1 on a bad configuration, with
 * `*problem` naming the variable or key (never the password), maybe in
 * `m`. */
static inline int rehost__valkey_cluster_options(valkeyClusterOptions *o,
                                                 const char *profile,
                                                 struct timeval *connect_tv,
                                                 struct timeval *command_tv,
                                                 const char **problem,
                                                 rehost__valkey_message *m) {
  const char *nodes = NULL, *user = NULL, *password = NULL;
  int db = -1;
  switch (
      rehost_pick_profile(profile, NULL, 0, NULL, o->initial_nodes, &profile)) {
  case -1:
    *problem = rehost_last_error();
    return -1;
  case 0:
    return 0;
  }
  /* rehost_cluster_nodes returns "" on an error, which
   * rehost_last_error() then names. A TLS profile's credentials come from
   * rehost_cluster_credentials: libvalkey sends them only on node
   * connections whose TLS rehost__valkey_cluster_tls started. */
  if (!(*problem = rehost__valkey_problem(profile, REHOST__VALKEY_NO_TLS, m)) &&
      !*(nodes = rehost_cluster_nodes(profile, o->initial_nodes)))
    *problem = rehost_last_error();
  if (!*problem &&
      rehost_cluster_credentials(profile, o->username, o->password,
                                 o->select_db, &user, &password, &db) < 0)
    *problem = rehost_last_error();
  if (!*problem &&
      !rehost__valkey_timeouts(profile, &o->connect_timeout,
                               &o->command_timeout, connect_tv, command_tv))
    *problem = rehost_last_error();
  if (*problem)
    return -1;
  o->initial_nodes = nodes;
  o->username = user;
  o->password = password;
  o->select_db = db;
#ifdef VALKEY_TLS_H
  /* rehost_pick_profile's `profile` lives as long as the process, so
   * libvalkey may keep it for the nodes it connects later. */
  if (rehost_uses_tls(profile) == 1) {
    o->tls = (void *)profile;
    o->tls_init_fn = rehost__valkey_cluster_tls;
  }
#endif
  return 1;
}

static inline void rehost__valkey_cluster_fail(valkeyClusterContext *cc,
                                               const char *message) {
  if (cc) {
    cc->err = VALKEY_ERR_OTHER;
    snprintf(cc->errstr, sizeof cc->errstr, "%s", message);
  }
}

/* valkeyClusterConnectWithOptions(options) on profile `profile` (or the
 * one a profile set picks for the options' node list; none picked: the
 * connect as written), with rehost__valkey_cluster_options' options. A bad
 * configuration gives a context made by libvalkey with no node to reach,
 * err set and errstr naming the variable or key. */
static inline valkeyClusterContext *
rehost_valkeyClusterConnectWithOptions(const valkeyClusterOptions *options,
                                       const char *profile) {
  valkeyClusterOptions o = *options;
  struct timeval connect_tv, command_tv;
  valkeyClusterContext *cc;
  const char *problem;
  rehost__valkey_message m;
  switch (rehost__valkey_cluster_options(&o, profile, &connect_tv, &command_tv,
                                         &problem, &m)) {
  case 0:
    return valkeyClusterConnectWithOptions(options);
  case -1:
    memset(&o, 0, sizeof o);
    cc = valkeyClusterConnectWithOptions(&o);
    rehost__valkey_cluster_fail(cc, problem);
    return cc;
  }
  return valkeyClusterConnectWithOptions(&o);
}

/* TLS and the handshake libvalkey sends on each node (AUTH, SELECT from
 * the options) tried first by a blocking cluster connect with the same
 * options (their tls_init_fn too) and no callbacks: an async node
 * connection pipelines the caller's commands right behind them, so a
 * certificate that fails verification, or a refused AUTH or SELECT, must
 * fail the connect itself, before any of the caller's commands can run (in
 * db 0). Copies the refusal into `message` and returns 0; 1 when it
 * passed. */
static inline int rehost__valkey_cluster_probe(const valkeyClusterOptions *o,
                                               char *message, size_t size) {
  valkeyClusterOptions probe = *o;
  valkeyClusterContext *cc;
  int passed;
  probe.event_callback = NULL;
  probe.event_privdata = NULL;
  probe.connect_callback = NULL;
  probe.async_connect_callback = NULL;
  probe.async_disconnect_callback = NULL;
  probe.attach_fn = NULL;
  probe.attach_data = NULL;
  probe.command_timeout = o->connect_timeout; /* the handshake is connecting */
  cc = valkeyClusterConnectWithOptions(&probe);
  passed = cc && !cc->err;
  if (!passed)
    snprintf(message, size, "%s", cc ? cc->errstr : "out of memory");
  if (cc)
    valkeyClusterFree(cc);
  return passed;
}

/* valkeyClusterAsyncConnectWithOptions(options) on profile `profile`, as
 * rehost_valkeyClusterConnectWithOptions: the options get the profile's
 * nodes, user, password, db, timeouts and TLS; when they carry TLS, a
 * password or a db, those are tried first (rehost__valkey_cluster_probe:
 * one extra short blocking connect). A bad configuration, or a refused
 * handshake, gives an async context made by libvalkey that connects nowhere,
 * err set and errstr naming the variable or key (or the refusal). */
static inline valkeyClusterAsyncContext *
rehost_valkeyClusterAsyncConnectWithOptions(const valkeyClusterOptions *options,
                                            const char *profile) {
  valkeyClusterOptions o = *options;
  struct timeval connect_tv, command_tv;
  valkeyClusterAsyncContext *acc;
  const char *problem;
  char refused[128];
  rehost__valkey_message m;
  switch (rehost__valkey_cluster_options(&o, profile, &connect_tv, &command_tv,
                                         &problem, &m)) {
  case 0:
    return valkeyClusterAsyncConnectWithOptions(options);
  case 1:
    if ((!o.tls && !o.password && o.select_db <= 0) ||
        rehost__valkey_cluster_probe(&o, refused, sizeof refused))
      return valkeyClusterAsyncConnectWithOptions(&o);
    problem = refused;
  }
  /* No node list and no event library: libvalkey fails it at once. */
  memset(&o, 0, sizeof o);
  acc = valkeyClusterAsyncConnectWithOptions(&o);
  if (acc) {
    rehost__valkey_cluster_fail(&acc->cc, problem);
    acc->err = acc->cc.err;
    acc->errstr = acc->cc.errstr;
  }
  return acc;
}

static inline valkeyClusterContext *
rehost_valkeyClusterConnect(const char *profile, const char *addrs) {
  valkeyClusterOptions o;
  memset(&o, 0, sizeof o);
  o.initial_nodes = addrs;
  return rehost_valkeyClusterConnectWithOptions(&o, profile);
}

static inline valkeyClusterContext *
rehost_valkeyClusterConnectWithTimeout(const char *profile, const char *addrs,
                                       const struct timeval tv) {
  valkeyClusterOptions o;
  memset(&o, 0, sizeof o);
  o.initial_nodes = addrs;
  o.connect_timeout = &tv;
  return rehost_valkeyClusterConnectWithOptions(&o, profile);
}
#endif

#endif /* REHOST_VALKEY_H */
