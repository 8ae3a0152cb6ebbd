/* Counts visits: one INCR per run. */
#include "redis_config.h"

#include <stdlib.h>

int main(void) {
  redisContext *c = connect_shared_cache();
  if (!check_context(c, "counter"))
    return 1;
  redisReply *reply = redisCommand(c, "INCR visits");
  if (reply == NULL || reply->type != REDIS_REPLY_INTEGER) {
    fprintf(stderr, "counter: INCR failed: %s\n", c->errstr);
    return 1;
  }
  printf("counter: visits = %lld\n", reply->integer);
  freeReplyObject(reply);
  redisFree(c);
  return 0;
}
