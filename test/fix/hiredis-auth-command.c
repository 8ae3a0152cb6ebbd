// RUN: rm -rf %t && mkdir %t && %strip-checks %s %t/app.c
// RUN: cd %t && %expect-exit 1 %rehost fix --format json -o %t/report.json app.c -- 2>&1 | FileCheck %s --check-prefix=OUT
// RUN: FileCheck %s --input-file=%t/report.json --check-prefix=REPORT
// RUN: FileCheck %s --input-file=%t/app.c --check-prefix=FIXED
// RUN: %clang-syntax %t/app.c
// RUN: cp %t/app.c %t/app.c.first
// RUN: cd %t && %expect-exit 1 %rehost fix --format text app.c --
// RUN: cmp %t/app.c %t/app.c.first
// A literal AUTH leaves the code: the whole command becomes the AUTH of the
// profile of the connection it is sent on, followed back to the connect that
// made it (a local, a member, a function that returns one). A password
// written inside the format moves too; an ACL user with it. When the
// connection cannot be followed, or a word stays written elsewhere, the
// site is left to a human: no profile is guessed.

#include <hiredis/async.h>
#include <hiredis/hiredis.h>
#include <stdlib.h>
// FIXED: #include <hiredis/hiredis.h>
// FIXED-NEXT: #include <rehost/rehost.h>
// FIXED-NEXT: #include <stdlib.h>

#define QUEUE_PASSWORD "s3cret"

static redisContext *connect_queue(void) {
  return redisConnect("queue.internal", 6380);
  // FIXED: return rehost_redisConnect("queue", "queue.internal", 6380);
}

void auth(void) {
  redisContext *c = redisConnect("10.0.0.1", 6379);
  redisCommand(c, "AUTH %s", "s3cret");
  // FIXED: redisContext *c = rehost_redisConnect("default", "10.0.0.1", 6379);
  // FIXED-NEXT: rehost_redisAuth(c, "default");
  redisAppendCommand(c, "auth %s", "s3cret");
  // FIXED: rehost_redisAppendAuth(c, "default");
  redisCommand(c, "AUTH s3cret");
  // FIXED: rehost_redisAuth(c, "default");
  redisCommand(c, "AUTH app s3%%cret");
  // FIXED: rehost_redisAuth(c, "default");
  redisFree(c);
}

void on_queue(void) {
  redisContext *q = NULL;
  q = connect_queue();
  redisCommand(q, "AUTH %s", "s3cret");
  // FIXED: rehost_redisAuth(q, "queue");
  redisFree(q);
}

struct service {
  redisAsyncContext *events;
};

void auth_async(struct service *s) {
  s->events = redisAsyncConnect("events.internal", 6379);
  redisAsyncCommand(s->events, NULL, NULL, "AUTH %s", "s3cret");
  // FIXED: s->events = rehost_redisAsyncConnect("events", "events.internal", 6379);
  // FIXED-NEXT: rehost_redisAsyncAuth(s->events, NULL, NULL, "events");
}

void left_for_a_human(redisContext *param, const char *password) {
  // Connected by the caller: which profile is unknown here.
  redisCommand(param, "AUTH %s", "s3cret");
  // FIXED: redisCommand(param, "AUTH %s", "s3cret");
  redisContext *c = redisConnect("10.0.0.1", 6379);
  // FIXED: redisContext *c = rehost_redisConnect("default", "10.0.0.1", 6379);
  // A macro keeps the value written elsewhere.
  redisCommand(c, "AUTH %s", QUEUE_PASSWORD);
  // FIXED: redisCommand(c, "AUTH %s", QUEUE_PASSWORD);
  // A written ACL user name with a password from run time.
  redisCommand(c, "AUTH %s %s", "app", password);
  // FIXED: redisCommand(c, "AUTH %s %s", "app", password);
  redisAppendCommand(c, "AUTH %b", "s3cret", (size_t)6);
  // FIXED: redisAppendCommand(c, "AUTH %b", "s3cret", (size_t)6);
  // Connected to a configured host: the connection has no profile.
  redisContext *r = redisConnect(getenv("REDIS_HOST"), 6379);
  redisCommand(r, "AUTH %s", "s3cret");
  // FIXED: redisCommand(r, "AUTH %s", "s3cret");
}

// OUT: rehost: fixed 10 of 15 findings in 1 file (1 file changed); 5 manual; 1 translation unit scanned

// REPORT: "after": "{{.*}}rehost_redisAuth(c, \"default\");{{.*}}",
// REPORT: "after": "{{.*}}rehost_redisAuth(q, \"queue\");{{.*}}",
// REPORT: "reason": "rehost cannot tell which profile the credential belongs to: the connection is a function parameter, connected by the caller"
// REPORT: "reason": "every AUTH word must be written at this use
// REPORT: "reason": "every AUTH word must be written at this use
// REPORT: "reason": "a binary (%b) AUTH argument is rewritten by hand"
// REPORT: "reason": "rehost cannot tell which profile the credential belongs to: the connection's endpoint is not hardcoded, so it has no profile"
