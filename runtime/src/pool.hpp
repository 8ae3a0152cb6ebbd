// One profile's connection pool: bounded (idle + in use + connecting <=
// pool_size), LIFO, connects outside its lock, checks a connection when it
// is borrowed and when it comes back, keeps pool_min_idle connections idle,
// backs off after connect failures, and
// never lets a forked child use its parent's sockets. No background thread:
// expiry is applied as connections are borrowed and returned.
#ifndef REHOST_SRC_POOL_HPP
#define REHOST_SRC_POOL_HPP

#include "hiredis_seam.hpp"
#include "layer.hpp"

#include <rehost/rehost.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <random>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

namespace rehost::detail {

// Why rehost_pool_acquire gave nothing: saturated or unreachable, with the
// profile named and never a password.
class PoolError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

class Pool {
public:
  // `settings` (the profile as first resolved) sizes the pool. Every new
  // connection resolves the profile again (cached, so cheap), so a changed
  // endpoint or a rotated password applies to the connections opened next.
  Pool(std::string profile, Layer call_site, const Profile &settings);
  Pool(const Pool &) = delete;
  Pool &operator=(const Pool &) = delete;

  // A leased connection, or PoolError. `timeout` below 0 means the
  // profile's pool_wait_timeout; 0 means do not wait.
  redisContext *acquire(std::chrono::milliseconds timeout);

  enum class Returned { yes, not_ours, not_leased };
  // Keeps `c` for reuse, or closes it if it cannot be reused.
  Returned release(redisContext *c);

  rehost_pool_stats stats();

  // Opens connections, outside the lock and within pool_size, until
  // pool_min_idle are idle; stops at the first connect failure (the backoff
  // then applies). Called when the pool is created and by a release that
  // leaves fewer idle.
  void top_up_idle();

  // The pool that opened `c` and has not closed it, or NULL.
  static Pool *owner_of(const redisContext *c);

  // For pthread_atfork: prepare locks every pool (then the owner table),
  // parent and child unlock. The child first starts a new generation, and
  // each pool drops its parent's connections on its next call.
  void lock_for_fork();
  void unlock_after_fork();
  static void lock_owners_for_fork();
  static void unlock_owners_after_fork();
  static void start_child_generation();

private:
  // For deadlines and the connect backoff.
  using Clock = std::chrono::steady_clock;
  using milliseconds = std::chrono::milliseconds;

  // CLOCK_MONOTONIC_COARSE, for the ages of connections: it advances once
  // per kernel tick (1 to 4 ms), which is precise enough for limits of
  // milliseconds to minutes, and it costs a few nanoseconds to read where
  // steady_clock costs about 50, read on every borrow and return.
  struct CoarseClock {
    using duration = std::chrono::nanoseconds;
    using rep = duration::rep;
    using period = duration::period;
    using time_point = std::chrono::time_point<CoarseClock>;
    static constexpr bool is_steady = true;
    static time_point now() noexcept;
  };
  using Stamp = CoarseClock::time_point;

  struct Limits {
    size_t size;
    size_t min_idle;
    milliseconds wait_timeout;
    milliseconds lifetime;              // 0: never expires
    milliseconds idle_time;             // 0: never expires
    milliseconds health_check_interval; // 0: never PINGs
    std::string size_origin; // names the variable or key for messages
  };

  // Contexts taken out of the pool under its lock, freed when this goes out
  // of scope (declared before the lock, so after the lock is released: a
  // close may block) or earlier by free_now() before a slow step.
  class Doomed {
  public:
    Doomed() = default;
    Doomed(const Doomed &) = delete;
    Doomed &operator=(const Doomed &) = delete;
    ~Doomed() { free_now(); }
    void add(redisContext *c) { contexts_.push_back(c); }
    void free_now();

  private:
    std::vector<redisContext *> contexts_;
  };

  struct Connection {
    redisContext *context = nullptr;
    hiredis::ReplyWatch watch; // read by release(): MULTI, SUBSCRIBE
    Stamp created;
    Stamp returned;
    milliseconds command_timeout{0};
    milliseconds ping_timeout{0};
    bool leased = false;
  };

  struct Opened {
    std::unique_ptr<Connection> connection;
    std::string error;
    bool unreachable = false; // the socket failed, not the handshake
  };

  struct Counters {
    std::atomic<unsigned long long> created{0}, closed{0}, acquired{0},
        acquire_timeouts{0}, connect_failures{0}, health_failures{0},
        release_discards{0}, expired{0};
  };

  Opened open() const;
  Connection *add(std::unique_ptr<Connection> connection, bool leased);
  redisContext *remove(Connection *c);
  Connection *take_idle(Stamp now, Doomed &doomed);
  void reap_idle(Stamp now, Doomed &doomed);
  bool expired(const Connection &c, Stamp now) const;
  bool healthy(Connection &c, Stamp now) const;
  bool may_connect() const;
  bool needs_top_up() const;
  void note_connect_failure(Clock::time_point now, const Opened &opened);
  size_t total() const { return connections_.size() + connecting_; }
  PoolError saturated(milliseconds waited) const;
  PoolError unreachable(Clock::time_point now) const;
  void adopt_fork();

  const std::string profile_;
  const Layer call_site_;
  const Limits limits_;
  Counters counters_;

  std::mutex mutex_;
  // Replaced, not reused, in a forked child: its state may count waiters
  // that exist only in the parent.
  std::unique_ptr<std::condition_variable> returned_;
  // Open connections, idle or leased.
  std::unordered_map<const redisContext *, std::unique_ptr<Connection>>
      connections_;
  // Idle ones, most recently returned at the back: LIFO reuse lets the
  // others age out instead of keeping every connection barely alive.
  std::deque<Connection *> idle_;
  size_t in_use_ = 0;
  size_t connecting_ = 0;
  size_t topping_up_ = 0; // the connects of connecting_ that will be idle
  size_t waiters_ = 0;
  // After connect failures: no attempt before next_connect_, one at a time.
  unsigned failures_in_a_row_ = 0;
  Clock::time_point next_connect_;
  std::string last_failure_;
  bool last_failure_unreachable_ = false;
  std::minstd_rand jitter_;
  // The fork generation this pool's connections belong to, and the
  // connections a caller held when the process forked (child side).
  unsigned generation_;
  std::unordered_map<const redisContext *, std::unique_ptr<Connection>>
      inherited_;
};

} // namespace rehost::detail

#endif
