/* Publishes a notification. The host may come from argv, else a fallback:
 * a partially hardcoded endpoint that needs a human decision. */
#include "redis_config.h"

#include <sys/time.h>

int main(int argc, char **argv) {
  struct timeval timeout = {1, 500000};
  redisContext *c = redisConnectWithTimeout(argc > 1 ? argv[1] : "localhost",
                                            6379, timeout);
  if (!check_context(c, "notifier"))
    return 1;
  redisReply *reply = redisCommand(c, "PUBLISH notifications %s", "hello");
  if (reply == NULL) {
    fprintf(stderr, "notifier: PUBLISH failed: %s\n", c->errstr);
    return 1;
  }
  printf("notifier: delivered to %lld subscriber(s)\n", reply->integer);
  freeReplyObject(reply);

  redisContext *events = redisConnectUnix("/var/run/redis/redis.sock");
  if (events)
    redisFree(events);
  redisFree(c);
  return 0;
}
