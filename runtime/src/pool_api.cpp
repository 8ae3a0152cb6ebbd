// The pool's C entry points: one pool per profile (per profile set and
// endpoint), created on first use, the fork handlers that keep every pool
// lock consistent in a child, and the process-wide SIGPIPE choice.
#include "call_site.hpp"
#include "last_error.hpp"
#include "pool.hpp"
#include "profile_cache.hpp"
#include "resolver.hpp"

#include <pthread.h>
#include <signal.h>

#include <map>

struct rehost_pool : rehost::detail::Pool {
  using Pool::Pool;
};

namespace rehost::detail {
namespace {

struct Registry {
  std::mutex mutex;
  // Pools live as long as the process: contexts and C callers keep
  // pointers to them.
  std::map<std::string, std::unique_ptr<rehost_pool>, std::less<>> pools;
};

Registry &registry() {
  static Registry *instance = new Registry;
  return *instance;
}

// Lock order everywhere: registry, a pool, the owner table, the profile
// cache. The prepare handler takes them all in that order, so the child
// inherits none of them locked by a thread it does not have.
void prepare_fork() {
  Registry &r = registry();
  r.mutex.lock();
  for (auto &entry : r.pools)
    entry.second->lock_for_fork();
  Pool::lock_owners_for_fork();
  lock_profile_cache();
}

void unlock_after_fork() {
  Registry &r = registry();
  unlock_profile_cache();
  Pool::unlock_owners_after_fork();
  for (auto &entry : r.pools)
    entry.second->unlock_after_fork();
  r.mutex.unlock();
}

void child_after_fork() {
  Pool::start_child_generation();
  unlock_after_fork();
}

// hiredis 0.14 writes with write(), not send(MSG_NOSIGNAL), and a write on
// a connection the server closed raises SIGPIPE, whose default action kills
// the process. Blocking it per thread around writes cannot cover the
// caller's own redisCommand on a leased context, so SIGPIPE is ignored
// process-wide, but only while it still has the default action: a program
// that installed its own handler keeps it. Writes then fail with EPIPE,
// which hiredis reports in c->err.
void ignore_default_sigpipe() {
  struct sigaction current {};
  if (sigaction(SIGPIPE, nullptr, &current) == 0 &&
      !(current.sa_flags & SA_SIGINFO) && current.sa_handler == SIG_DFL) {
    struct sigaction ignore {};
    ignore.sa_handler = SIG_IGN;
    sigemptyset(&ignore.sa_mask);
    sigaction(SIGPIPE, &ignore, nullptr);
  }
}

void validate_limits(const Profile &p) {
  if (p.pool_min_idle.value > p.pool_size.value)
    throw ConfigError(error_label(p.pool_min_idle.origin) + ": pool min idle " +
                      std::to_string(p.pool_min_idle.value) +
                      " is larger than pool_size " +
                      std::to_string(p.pool_size.value) + " (" +
                      error_label(p.pool_size.origin) + ")");
}

rehost_pool *get_pool(const char *profile, const char *fallback_url) {
  if (!profile)
    throw ConfigError("profile name is NULL");
  // A profile set picks its profile by the fallback's endpoint, so each
  // endpoint has a pool of its own.
  std::string key = profile;
  if (is_profile_set(key) && fallback_url)
    key += std::string(1, '\0') + fallback_url;
  Registry &r = registry();
  std::unique_lock<std::mutex> lock(r.mutex);
  if (auto found = r.pools.find(key); found != r.pools.end())
    return found->second.get();
  Layer call_site = call_site_uri(fallback_url);
  const Profile &settings = *resolve_for_connection(profile, call_site);
  validate_limits(settings);
  static std::once_flag process_setup;
  std::call_once(process_setup, [] {
    pthread_atfork(prepare_fork, unlock_after_fork, child_after_fork);
    ignore_default_sigpipe();
  });
  auto pool =
      std::make_unique<rehost_pool>(profile, std::move(call_site), settings);
  rehost_pool *created = pool.get();
  r.pools.emplace(std::move(key), std::move(pool));
  lock.unlock();
  created->top_up_idle();
  return created;
}

Pool &checked(rehost_pool *pool) {
  if (!pool)
    throw PoolError("rehost pool is NULL (rehost_pool_get failed; its "
                    "rehost_last_error() said why)");
  return *pool;
}

// A pooled context goes back to the pool that opened it, whichever pool the
// caller named; any other context is freed.
void give_back(rehost_pool *named, redisContext *c) {
  if (!c)
    return;
  Pool *owner = named ? static_cast<Pool *>(named) : nullptr;
  Pool::Returned returned =
      owner ? owner->release(c) : Pool::Returned::not_ours;
  if (returned == Pool::Returned::not_ours) {
    owner = Pool::owner_of(c);
    returned = owner ? owner->release(c) : Pool::Returned::not_ours;
  }
  if (returned == Pool::Returned::not_ours)
    hiredis::free_context(c);
  else if (returned == Pool::Returned::not_leased)
    throw PoolError("rehost pool: context released twice (it is already "
                    "back in its pool)");
}

} // namespace
} // namespace rehost::detail

using namespace rehost::detail;

extern "C" {

rehost_pool *rehost_pool_get(const char *profile, const char *fallback_url) {
  return guarded<rehost_pool *>(
      nullptr, [&] { return get_pool(profile, fallback_url); });
}

redisContext *rehost_pool_acquire(rehost_pool *pool, int timeout_ms) {
  return guarded<redisContext *>(nullptr, [&] {
    return checked(pool).acquire(std::chrono::milliseconds(timeout_ms));
  });
}

void rehost_pool_release(rehost_pool *pool, redisContext *c) {
  guarded(0, [&] {
    give_back(pool, c);
    return 0;
  });
}

int rehost_pool_stats_get(rehost_pool *pool, rehost_pool_stats *stats) {
  return guarded(-1, [&] {
    if (!stats)
      throw PoolError("rehost_pool_stats_get: stats is NULL");
    *stats = checked(pool).stats();
    return 0;
  });
}

void rehost_redisRelease(redisContext *c) {
  guarded(0, [&] {
    give_back(nullptr, c);
    return 0;
  });
}

} // extern "C"
