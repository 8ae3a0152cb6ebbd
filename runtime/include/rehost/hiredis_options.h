/* rehost runtime: hiredis 1.x's options API on a profile.
 *
 * `rehost fix` wraps a redisOptions' endpoint fields in the profile's
 * accessors and rewrites the connect that takes the options,
 *   redisConnectWithOptions(&options)
 * into
 *   rehost_redisConnectWithOptions(&options, "cache"),
 * so the connection also gets the profile's TLS (in a runtime built with
 * hiredis_ssl), user, password, db and timeouts, and a bad configuration
 * gives a context with err set and an errstr naming the variable or key (the
 * accessors then return NULL, which is never handed to hiredis).
 *
 * The helpers are static inline: they compile in the including file against
 * its own hiredis 1.x, whichever hiredis the runtime library was built
 * against, since they take only strings and numbers from it. Include
 * hiredis 1.x's <hiredis/hiredis.h> (and <hiredis/async.h> for the async
 * helper) before this header. */
#ifndef REHOST_HIREDIS_OPTIONS_H
#define REHOST_HIREDIS_OPTIONS_H

#include <rehost/rehost.h>

#include <stdio.h>
#include <string.h>

#ifndef REDIS_OPTIONS_SET_TCP
#error "rehost/hiredis_options.h: include hiredis 1.x's hiredis.h first"
#endif
#ifndef REHOST_HIREDIS_CHECKED
#error                                                                         \
    "rehost/hiredis_options.h: include rehost/rehost.h after hiredis's headers"
#endif

static inline struct timeval rehost__timeval(long long ms) {
  struct timeval tv;
  tv.tv_sec = (time_t)(ms / 1000);
  tv.tv_usec = (suseconds_t)(ms % 1000 * 1000);
  return tv;
}

static inline long long rehost__milliseconds(const struct timeval *tv) {
  return tv ? (long long)tv->tv_sec * 1000 + (tv->tv_usec + 999) / 1000 : 0;
}

/* The profile's timeouts, the options' own as the fallback, in `o`; the
 * timevals live in the caller's frame for the connect. 0 if the profile
 * cannot be read (rehost_last_error() says why). */
static inline int rehost__apply_timeouts(redisOptions *o, const char *profile,
                                         struct timeval *connect_tv,
                                         struct timeval *command_tv) {
  long long connect_ms = rehost_connect_timeout_ms(
      profile, rehost__milliseconds(o->connect_timeout));
  long long command_ms = rehost_command_timeout_ms(
      profile, rehost__milliseconds(o->command_timeout));
  if (connect_ms < 0 || command_ms < 0)
    return 0;
  *connect_tv = rehost__timeval(connect_ms);
  *command_tv = rehost__timeval(command_ms);
  o->connect_timeout = connect_ms > 0 ? connect_tv : NULL;
  o->command_timeout = command_ms > 0 ? command_tv : NULL;
  return 1;
}

/* Sends the profile's handshake on a connected blocking context, as the
 * drop-in connectors do; a refusal leaves err set and errstr naming the
 * step ("REDIS_URL: AUTH failed: WRONGPASS ..."), never the password. */
static inline void rehost__handshake(redisContext *c, const char *profile) {
  int step, argc, more;
  const char **argv;
  const size_t *lens;
  const char *what;
  for (step = 0; (more = rehost_handshake_step(profile, step, &argc, &argv,
                                               &lens, &what)) > 0;
       ++step) {
    redisReply *reply = (redisReply *)redisCommandArgv(c, argc, argv, lens);
    if (!reply)
      return; /* hiredis set err: the connection failed. */
    if (reply->type == REDIS_REPLY_ERROR) {
      c->err = REDIS_ERR_OTHER;
      snprintf(c->errstr, sizeof c->errstr, "%s failed: %s", what, reply->str);
    }
    freeReplyObject(reply);
    if (c->err)
      return;
  }
  if (more < 0) {
    c->err = REDIS_ERR_OTHER;
    snprintf(c->errstr, sizeof c->errstr, "%s", rehost_last_error());
  }
}

/* rehost_pick_profile for the endpoint of `o`: the profile a profile set
 * ("match:a,b", rehost.h) picks for it, the one named otherwise. The
 * connection types are read off what the SET macros write, since hiredict's
 * shims spell them REDICT_CONN_* and define no REDIS_CONN_*. */
static inline int rehost__pick_for_options(const redisOptions *o,
                                           const char *profile,
                                           const char **picked) {
  redisOptions tcp, unix_socket;
  memset(&tcp, 0, sizeof tcp);
  memset(&unix_socket, 0, sizeof unix_socket);
  REDIS_OPTIONS_SET_TCP(&tcp, NULL, 0);
  REDIS_OPTIONS_SET_UNIX(&unix_socket, NULL);
  if (o->type == tcp.type)
    return rehost_pick_profile(profile, o->endpoint.tcp.ip,
                               o->endpoint.tcp.port, NULL, NULL, picked);
  return rehost_pick_profile(
      profile, NULL, 0,
      o->type == unix_socket.type ? o->endpoint.unix_socket : NULL, NULL,
      picked);
}

/* redisConnectWithOptions(options) on profile `profile` (or the profile a
 * profile set picks for the options' endpoint; none picked: the connect as
 * written), then its TLS (verified as the profile says) and its handshake. A
 * non-blocking connect (REDIS_OPT_NONBLOCK) cannot finish either before the
 * caller reads from the context, so one whose profile needs them fails,
 * saying so. */
static inline redisContext *
rehost_redisConnectWithOptions(const redisOptions *options,
                               const char *profile) {
  redisOptions o = *options;
  struct timeval connect_tv, command_tv;
  int argc;
  const char **argv;
  const size_t *lens;
  const char *what;
  redisContext *c;
  const char *problem;
  switch (rehost__pick_for_options(options, profile, &profile)) {
  case -1:
    return rehost__failed_context(rehost_last_error());
  case 0:
    return redisConnectWithOptions(options);
  }
  problem = rehost_connect_check(profile);
  if (problem)
    return rehost__failed_context(problem);
  if (!rehost__apply_timeouts(&o, profile, &connect_tv, &command_tv))
    return rehost__failed_context(rehost_last_error());
  if ((o.options & REDIS_OPT_NONBLOCK) &&
      (rehost_uses_tls(profile) != 0 ||
       rehost_handshake_step(profile, 0, &argc, &argv, &lens, &what) != 0)) {
    char message[128];
    snprintf(message, sizeof message,
             "rehost: profile '%s' needs TLS, AUTH or SELECT, which a "
             "non-blocking connect cannot do first",
             profile);
    return rehost__failed_context(message);
  }
  c = redisConnectWithOptions(&o);
  if (c && !c->err && !(o.options & REDIS_OPT_NONBLOCK) &&
      rehost_redisInitiateTls(c, profile) == REDIS_OK)
    rehost__handshake(c, profile);
  return c;
}

/* The async helper needs <hiredis/async.h> (its include guard). */
#ifdef __HIREDIS_ASYNC_H
/* A handshake reply: a refusal fails the context and disconnects it. */
static inline void rehost__async_handshake_reply(redisAsyncContext *ac,
                                                 void *reply, void *what) {
  redisReply *r = (redisReply *)reply;
  if (r && r->type == REDIS_REPLY_ERROR && ac->err == 0) {
    char message[128];
    snprintf(message, sizeof message, "%s failed: %s", (const char *)what,
             r->str);
    rehost__fail_async(ac, message);
    redisAsyncDisconnect(ac);
  }
}

/* TLS and the handshake tried first on a short blocking connection to the
 * same endpoint: an async context pipelines the caller's commands right
 * behind a queued handshake, so a refused certificate, AUTH or SELECT must
 * fail the connect itself, before any of the caller's commands can run (in
 * db 0). Copies
 * the refusal into `message` and returns 0; 1 when it passed. */
static inline int rehost__probe_handshake(const redisOptions *o,
                                          const char *profile, char *message,
                                          size_t size) {
  redisOptions probe;
  redisContext *c;
  int passed;
  memset(&probe, 0, sizeof probe);
  probe.type = o->type;
  probe.endpoint = o->endpoint;
  probe.connect_timeout = o->connect_timeout;
  probe.command_timeout = o->connect_timeout; /* the handshake is connecting */
  probe.options = o->options & ~REDIS_OPT_NONBLOCK;
  c = redisConnectWithOptions(&probe);
  if (c && !c->err && rehost_redisInitiateTls(c, profile) == REDIS_OK)
    rehost__handshake(c, profile);
  passed = c && !c->err;
  if (!passed)
    snprintf(message, size, "%s", c ? c->errstr : "out of memory");
  if (c)
    redisFree(c);
  return passed;
}

/* redisAsyncConnectWithOptions(options) on profile `profile` (a profile set
 * as rehost_redisConnectWithOptions takes it): when the profile needs TLS or
 * a handshake they are tried first (rehost__probe_handshake: one extra short
 * connection), then TLS is started and the handshake queued ahead of the
 * caller's commands. */
static inline redisAsyncContext *
rehost_redisAsyncConnectWithOptions(const redisOptions *options,
                                    const char *profile) {
  redisOptions o = *options;
  struct timeval connect_tv, command_tv;
  int step, argc, more;
  const char **argv;
  const size_t *lens;
  const char *what;
  char refused[128];
  redisAsyncContext *ac;
  const char *problem;
  switch (rehost__pick_for_options(options, profile, &profile)) {
  case -1:
    return rehost__failed_async_context(rehost_last_error());
  case 0:
    return redisAsyncConnectWithOptions(options);
  }
  problem = rehost_connect_check(profile);
  if (!problem &&
      !rehost__apply_timeouts(&o, profile, &connect_tv, &command_tv))
    problem = rehost_last_error();
  if (!problem &&
      (rehost_uses_tls(profile) > 0 ||
       rehost_handshake_step(profile, 0, &argc, &argv, &lens, &what) > 0) &&
      !rehost__probe_handshake(&o, profile, refused, sizeof refused))
    problem = refused;
  if (problem)
    return rehost__failed_async_context(problem);
  ac = redisAsyncConnectWithOptions(&o);
  if (!ac || ac->err || rehost_redisAsyncInitiateTls(ac, profile) != REDIS_OK)
    return ac;
  for (step = 0; (more = rehost_handshake_step(profile, step, &argc, &argv,
                                               &lens, &what)) > 0;
       ++step)
    redisAsyncCommandArgv(ac, rehost__async_handshake_reply, (void *)what, argc,
                          argv, lens);
  if (more < 0)
    rehost__fail_async(ac, rehost_last_error());
  return ac;
}
#endif

#endif /* REHOST_HIREDIS_OPTIONS_H */
