/* A migrated C program: built against the installed runtime by
 * install_test.sh, once with pkg-config and once with CMake. */
#include <hiredis/async.h>
#include <hiredis/hiredis.h>
#include <rehost/rehost.h>

#include <stdio.h>

int main(void) {
  redisContext *c = rehost_redisConnect("default", "127.0.0.1", 6379);
  redisReply *reply;
  if (c == NULL || c->err) {
    fprintf(stderr, "connect: %s\n", c ? c->errstr : "out of memory");
    return 1;
  }
  reply = redisCommand(c, "PING");
  if (reply == NULL) {
    fprintf(stderr, "PING: %s\n", c->errstr);
    return 1;
  }
  printf("%s\n", reply->str);
  freeReplyObject(reply);
  redisFree(c);
  return 0;
}
