// RUN: rm -rf %t && mkdir %t && %strip-checks %s %t/app.c
// RUN: cd %t && %expect-exit 1 %rehost fix --format json -o %t/report.json app.c -- 2>&1 | FileCheck %s --check-prefix=OUT
// RUN: FileCheck %s --input-file=%t/report.json --check-prefix=REPORT --implicit-check-not='moved{{[-]}}pw' --implicit-check-not='kept{{[-]}}pw'
// RUN: FileCheck %s --input-file=%t/app.c --check-prefix=FIXED
// RUN: not grep -n 'moved[-]pw' %t/app.c
// RUN: %clang-syntax %t/app.c
// RUN: %clang-syntax -x c++ %t/app.c
// RUN: cp %t/app.c %t/app.c.first
// RUN: cd %t && %expect-exit 1 %rehost fix --format text app.c --
// RUN: cmp %t/app.c %t/app.c.first
// An AUTH sent as an argv array becomes the AUTH of the profile of the
// connection it is sent on, as the format form does, and the arrays only
// that command used (which hold the password, in its words or in a
// strlen/sizeof of its lengths) go with it. Anything else a rewrite would
// have to prove is left to a human: an array used elsewhere or declared
// outside the function, a password that is not a literal in the array, a
// count that is not a constant, a connection that cannot be followed.

#include <hiredis/async.h>
#include <hiredis/hiredis.h>
// FIXED: #include <hiredis/hiredis.h>
// FIXED-NEXT: #include <rehost/rehost.h>
#include <stdlib.h>
#include <string.h>

#define KEPT_PASSWORD "kept-pw"

static const size_t two_words[] = {4, 8};
static const char *file_scope[] = {"AUTH", "kept-pw"};

static redisContext *connect_queue(void) {
  return redisConnect("queue.internal", 6380);
  // FIXED: return rehost_redisConnect("queue", "queue.internal", 6380);
}

void auth(void) {
  redisContext *c = redisConnect("10.0.0.1", 6379);
  const char *argv[] = {"AUTH", "moved-pw"};
  redisCommandArgv(c, 2, argv, NULL);
  // FIXED: redisContext *c = rehost_redisConnect("default", "10.0.0.1", 6379);
  // FIXED: {{^}}  rehost_redisAuth(c, "default");
  static const char *with_user[] = {"auth", "app", "moved-pw"};
  size_t lens[] = {4, 3, 8};
  redisAppendCommandArgv(c, 3, with_user, lens);
  // FIXED: {{^}}  rehost_redisAppendAuth(c, "default");
  const char *shared_lengths[] = {"AUTH", "moved-pw"};
  redisCommandArgv(c, 2, shared_lengths, two_words);
  // FIXED: {{^}}  rehost_redisAuth(c, "default");
  redisFree(c);
}

void on_queue(void) {
  redisContext *q = NULL;
  q = connect_queue();
  const char *words[] = {"AUTH", "moved-pw"};
  const char **carried = words;
  redisCommandArgv(q, 2, carried, NULL);
  // FIXED: q = connect_queue();
  // FIXED: {{^}}  rehost_redisAuth(q, "queue");
  redisFree(q);
}

struct service {
  redisAsyncContext *events;
};

void auth_async(struct service *s) {
  s->events = redisAsyncConnect("events.internal", 6379);
  const char *counted[] = {"AUTH", "moved-pw"};
  size_t measured[] = {sizeof("AUTH") - 1, strlen("moved-pw")};
  redisAsyncCommandArgv(s->events, NULL, NULL, sizeof counted / sizeof *counted,
                        counted, measured);
  // FIXED: s->events = rehost_redisAsyncConnect("events", "events.internal", 6379);
  // FIXED: {{^}}  rehost_redisAsyncAuth(s->events, NULL, NULL, "events");
  // FIXED: {{^}}}
}

void left_for_a_human(redisContext *param, int argc) {
  // Connected by the caller: which profile is unknown here.
  const char *from_caller[] = {"AUTH", "kept-pw"};
  redisCommandArgv(param, 2, from_caller, NULL);
  // FIXED: const char *from_caller[] = {"AUTH", "kept-pw"};
  // FIXED-NEXT: redisCommandArgv(param, 2, from_caller, NULL);
  redisContext *c = redisConnect("10.0.0.1", 6379);
  // FIXED: redisContext *c = rehost_redisConnect("default", "10.0.0.1", 6379);
  // The array is used again: removing it would break that use.
  const char *shared[] = {"AUTH", "kept-pw"};
  redisCommandArgv(c, 2, shared, NULL);
  redisAppendCommandArgv(c, 2, shared, NULL);
  // FIXED: const char *shared[] = {"AUTH", "kept-pw"};
  // FIXED-NEXT: redisCommandArgv(c, 2, shared, NULL);
  // FIXED-NEXT: redisAppendCommandArgv(c, 2, shared, NULL);
  // Another function may send the same array.
  redisCommandArgv(c, 2, file_scope, NULL);
  // FIXED: redisCommandArgv(c, 2, file_scope, NULL);
  // A macro keeps the value written elsewhere.
  const char *macro[] = {"AUTH", KEPT_PASSWORD};
  redisCommandArgv(c, 2, macro, NULL);
  // FIXED: const char *macro[] = {"AUTH", KEPT_PASSWORD};
  // FIXED-NEXT: redisCommandArgv(c, 2, macro, NULL);
  // Which words are sent is decided at run time.
  const char *counted[] = {"AUTH", "app", "kept-pw"};
  redisCommandArgv(c, argc, counted, NULL);
  // FIXED: const char *counted[] = {"AUTH", "app", "kept-pw"};
  // FIXED-NEXT: redisCommandArgv(c, argc, counted, NULL);
  // Lengths filled in apart from their declaration may spell the password.
  const char *filled[] = {"AUTH", "kept-pw"};
  size_t filled_lens[2];
  filled_lens[0] = 4;
  filled_lens[1] = strlen("kept-pw");
  redisCommandArgv(c, 2, filled, filled_lens);
  // FIXED: redisCommandArgv(c, 2, filled, filled_lens);
  redisFree(c);
}

// OUT: rehost: fixed 9 of 16 findings in 1 file (1 file changed); 7 manual; 1 translation unit scanned

// REPORT: "after": "{{.*}}rehost_redisAuth(c, \"default\");{{.*}}",
// REPORT: "after": "{{.*}}rehost_redisAuth(q, \"queue\");{{.*}}",
// REPORT: "reason": "rehost cannot tell which profile the credential belongs to: the connection is a function parameter, connected by the caller"
// REPORT: "reason": "the argv array 'shared' is used elsewhere too, so it cannot go with the command; move the password to configuration by hand"
// REPORT: "reason": "the argv array 'shared' is used elsewhere too, so it cannot go with the command; move the password to configuration by hand"
// REPORT: "reason": "the argv array 'file_scope' is declared outside the function, where other code may use it, so it cannot go with the command; move the password to configuration by hand"
// REPORT: "reason": "every AUTH word must be a literal written in the argv array
// REPORT: "reason": "the argument count is not a constant, so rehost cannot tell which words are sent; rewrite the command by hand"
// REPORT: "reason": "the argvlen array is not initialised where it is declared, so rehost cannot tell it spells no password; rewrite the command by hand"
