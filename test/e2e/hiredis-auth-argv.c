// REQUIRES: redis-server
// RUN: rm -rf %t && mkdir %t && %strip-checks %s %t/app.c
// RUN: cd %t && %rehost fix --format text -o %t/report.txt app.c --
// RUN: not grep -n 'literal[-]pw' %t/app.c
// RUN: %e2e-cc %t/app.c -o %t/app
// RUN: cd %t && %with-redis --env 'REDIS_URL=redis://:{password}@127.0.0.1:{port}/3' \
// RUN:   --expect '3 visits 1' --expect '0 visits (none)' -- %t/app | FileCheck %s
// A hiredis program that sends its AUTH as an argv array (with lengths that
// spell the password again), migrated, then run against a server that only
// REDIS_URL names: the connection and the AUTH both follow the profile
// (password, db 3), and the arrays left the code with the password.

#include <hiredis/hiredis.h>
#include <stdio.h>
#include <string.h>

int main(void) {
  redisContext *c = redisConnect("10.0.0.12", 6380);
  if (c == NULL || c->err) {
    fprintf(stderr, "connect: %s\n", c ? c->errstr : "out of memory");
    return 1;
  }
  const char *auth_argv[] = {"AUTH", "literal-pw"};
  size_t auth_len[] = {sizeof("AUTH") - 1, strlen("literal-pw")};
  redisReply *auth = redisCommandArgv(c, 2, auth_argv, auth_len);
  if (auth == NULL || auth->type == REDIS_REPLY_ERROR) {
    fprintf(stderr, "AUTH: %s\n", auth ? auth->str : c->errstr);
    return 1;
  }
  freeReplyObject(auth);
  const char *incr[] = {"INCR", "visits"};
  redisReply *visits = redisCommandArgv(c, 2, incr, NULL);
  if (visits == NULL || visits->type != REDIS_REPLY_INTEGER) {
    fprintf(stderr, "INCR: %s\n", visits ? visits->str : c->errstr);
    return 1;
  }
  printf("visits=%lld\n", visits->integer);
  freeReplyObject(visits);
  redisFree(c);
  return 0;
}

// CHECK: visits=1
// CHECK: with-redis: server 1 db 3 visits = 1
// CHECK: with-redis: ok
