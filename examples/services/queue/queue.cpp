// Pushes a job onto the work queue, which lives on its own Redis.
#include "redis_config.h"

#include <cstdio>

namespace {
constexpr const char *QueueHost = "10.0.0.12";
constexpr int QueuePort = 6380;
} // namespace

int main() {
  redisContext *Queue = redisConnect(QueueHost, QueuePort);
  if (!check_context(Queue, "queue"))
    return 1;
  // The password everyone copies from the wiki.
  auto *Auth = static_cast<redisReply *>(
      redisCommand(Queue, "AUTH %s", "example-queue-password"));
  if (!Auth || Auth->type == REDIS_REPLY_ERROR) {
    std::fprintf(stderr, "queue: AUTH failed: %s\n",
                 Auth ? Auth->str : Queue->errstr);
    return 1;
  }
  freeReplyObject(Auth);
  auto *Reply =
      static_cast<redisReply *>(redisCommand(Queue, "LPUSH jobs %s", "resize"));
  if (!Reply || Reply->type != REDIS_REPLY_INTEGER) {
    std::fprintf(stderr, "queue: LPUSH failed: %s\n", Queue->errstr);
    return 1;
  }
  std::printf("queue: %lld job(s) waiting\n", Reply->integer);
  freeReplyObject(Reply);

  // The cache is shared with the counter service.
  redisContext *Cache = connect_shared_cache();
  if (!check_context(Cache, "queue"))
    return 1;
  auto *Noted = static_cast<redisReply *>(
      redisCommand(Cache, "SET last_job %s", "resize"));
  if (!Noted || Noted->type == REDIS_REPLY_ERROR) {
    std::fprintf(stderr, "queue: SET on the cache failed: %s\n",
                 Noted ? Noted->str : Cache->errstr);
    return 1;
  }
  freeReplyObject(Noted);
  redisFree(Cache);
  redisFree(Queue);
  return 0;
}
