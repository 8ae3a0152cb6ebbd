/* Shared by every service: the endpoint everyone "just knows". */
#ifndef EXAMPLE_REDIS_CONFIG_H
#define EXAMPLE_REDIS_CONFIG_H

#include <hiredis/hiredis.h>
#include <stdio.h>

#define REDIS_HOST "127.0.0.1"
#define REDIS_PORT 6379

/* Included by two services: one site, reported once. */
static inline redisContext *connect_shared_cache(void) {
  return redisConnect(REDIS_HOST, REDIS_PORT);
}

static inline int check_context(redisContext *c, const char *who) {
  if (c == NULL || c->err) {
    fprintf(stderr, "%s: cannot connect: %s\n", who,
            c ? c->errstr : "out of memory");
    return 0;
  }
  return 1;
}

#endif
