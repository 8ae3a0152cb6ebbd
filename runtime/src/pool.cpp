#include "pool.hpp"

#include "connection.hpp"
#include "resolver.hpp"

#include <time.h>

#include <algorithm>
#include <optional>

namespace rehost::detail {
namespace {

// Connect retry delays: doubling from 10ms up to 1s, each drawn between
// half and all of that, so clients that lost the same server do not all
// come back at the same instant.
constexpr std::chrono::milliseconds backoff_base{10};
constexpr std::chrono::milliseconds backoff_cap{1000};

// A connection returned less than this long ago (by the coarse clock: in
// practice, within its current tick) is handed out without the readability
// poll(): that system call cost more than the rest of an acquire and release
// together (about 500 of 600 ns here), and a connection whose last reply was
// read in full that recently has had almost no time to go stale. What it can
// miss (a close or a late reply within that time) makes the next command
// fail or, for a reply the caller never read, answer it wrongly: the
// caller's bug, as docs/runtime.md says.
constexpr std::chrono::milliseconds poll_after_idle{1};

std::atomic<unsigned> fork_generation{0};

// Which pool opened each live pooled context, for rehost_redisRelease.
// Changed only when a connection opens or closes, never per lease.
struct Owners {
  std::mutex mutex;
  std::unordered_map<const redisContext *, Pool *> of;
};
Owners &owners() {
  static Owners *table = new Owners; // outlives every pool
  return *table;
}

void own(const redisContext *c, Pool *pool) {
  std::lock_guard<std::mutex> lock(owners().mutex);
  owners().of[c] = pool;
}

void disown(const redisContext *c) {
  std::lock_guard<std::mutex> lock(owners().mutex);
  owners().of.erase(c);
}

long long count_ms(std::chrono::steady_clock::duration d) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(d).count();
}

} // namespace

Pool::CoarseClock::time_point Pool::CoarseClock::now() noexcept {
  timespec t{};
  clock_gettime(CLOCK_MONOTONIC_COARSE, &t);
  return time_point(std::chrono::seconds(t.tv_sec) +
                    std::chrono::nanoseconds(t.tv_nsec));
}

Pool::Pool(std::string profile, Layer call_site, const Profile &settings)
    : profile_(std::move(profile)), call_site_(std::move(call_site)),
      limits_{static_cast<size_t>(settings.pool_size.value),
              static_cast<size_t>(settings.pool_min_idle.value),
              settings.pool_wait_timeout.value,
              settings.pool_connection_lifetime.value,
              settings.pool_connection_idle_time.value,
              settings.health_check_interval.value,
              error_label(settings.pool_size.origin)},
      returned_(std::make_unique<std::condition_variable>()),
      jitter_(std::random_device{}()),
      generation_(fork_generation.load(std::memory_order_acquire)) {}

void Pool::Doomed::free_now() {
  for (redisContext *c : contexts_)
    hiredis::free_context(c);
  contexts_.clear();
}

Pool::Opened Pool::open() const {
  Opened result;
  try {
    const std::shared_ptr<const Profile> resolved =
        resolve_for_connection(profile_, call_site_);
    const Profile &profile = *resolved;
    redisContext *c = connect_profile(profile, hiredis::Mode::blocking);
    if (!c) {
      result.error = "out of memory";
      return result;
    }
    if (c->err) {
      result.unreachable = c->err != REDIS_ERR_OTHER;
      result.error = c->errstr;
      hiredis::free_context(c);
      return result;
    }
    auto connection = std::make_unique<Connection>();
    connection->context = c;
    connection->created = connection->returned = CoarseClock::now();
    connection->command_timeout = profile.command_timeout.value;
    connection->ping_timeout = profile.connect_timeout.value;
    hiredis::watch_replies(c, &connection->watch);
    result.connection = std::move(connection);
  } catch (const std::exception &error) {
    result.error = error.what();
  }
  return result;
}

Pool::Connection *Pool::add(std::unique_ptr<Connection> connection,
                            bool leased) {
  Connection *c = connection.get();
  c->leased = leased;
  connections_.emplace(c->context, std::move(connection));
  own(c->context, this);
  ++counters_.created;
  failures_in_a_row_ = 0;
  if (leased)
    ++in_use_;
  else
    idle_.push_back(c);
  return c;
}

// Forgets `c` (not in idle_, in_use_ already adjusted); the caller frees the
// returned context once it has unlocked.
redisContext *Pool::remove(Connection *c) {
  redisContext *context = c->context;
  disown(context);
  connections_.erase(context);
  ++counters_.closed;
  return context;
}

bool Pool::expired(const Connection &c, Stamp now) const {
  return (limits_.lifetime.count() > 0 &&
          now - c.created >= limits_.lifetime) ||
         (limits_.idle_time.count() > 0 &&
          now - c.returned >= limits_.idle_time);
}

Pool::Connection *Pool::take_idle(Stamp now, Doomed &doomed) {
  while (!idle_.empty()) {
    Connection *c = idle_.back();
    idle_.pop_back();
    if (expired(*c, now)) {
      ++counters_.expired;
      doomed.add(remove(c));
      continue;
    }
    c->leased = true;
    ++in_use_;
    return c;
  }
  return nullptr;
}

// The least recently returned connections sit at the front; closing the
// expired ones there as the pool is used keeps idle connections from
// outliving pool_connection_idle_time without a reaper thread.
void Pool::reap_idle(Stamp now, Doomed &doomed) {
  while (idle_.size() > limits_.min_idle && expired(*idle_.front(), now)) {
    ++counters_.expired;
    doomed.add(remove(idle_.front()));
    idle_.pop_front();
  }
}

// Runs unlocked: the connection is leased to this call. A readable idle
// connection is stale (the server closed it, or a reply nobody read is
// waiting); a PING is only worth its round trip after a long idle time.
bool Pool::healthy(Connection &c, Stamp now) const {
  if (now - c.returned < poll_after_idle)
    return true;
  if (hiredis::readable(c.context))
    return false;
  if (limits_.health_check_interval.count() > 0 &&
      now - c.returned > limits_.health_check_interval)
    return hiredis::ping(c.context, c.ping_timeout, c.command_timeout);
  return true;
}

bool Pool::may_connect() const {
  if (failures_in_a_row_ == 0)
    return true;
  // While the server is failing, one attempt at a time, after the delay.
  return connecting_ == 0 && Clock::now() >= next_connect_;
}

void Pool::note_connect_failure(Clock::time_point now, const Opened &opened) {
  ++counters_.connect_failures;
  ++failures_in_a_row_;
  last_failure_ = opened.error;
  last_failure_unreachable_ = opened.unreachable;
  const unsigned doublings = std::min(failures_in_a_row_ - 1, 16u);
  const long long ceiling =
      std::min(backoff_base.count() << doublings, backoff_cap.count());
  std::uniform_int_distribution<long long> draw(ceiling / 2, ceiling);
  next_connect_ = now + milliseconds(draw(jitter_));
  returned_->notify_all();
}

bool Pool::needs_top_up() const {
  return idle_.size() + topping_up_ < limits_.min_idle &&
         total() < limits_.size && may_connect();
}

PoolError Pool::saturated(milliseconds waited) const {
  return PoolError("rehost pool '" + profile_ + "': saturated: all " +
                   std::to_string(limits_.size) +
                   " connections are in use and none was returned within " +
                   std::to_string(waited.count()) + "ms (pool_size from " +
                   limits_.size_origin + "; raise it or pool_wait_timeout)");
}

PoolError Pool::unreachable(Clock::time_point now) const {
  const long long next = std::max(0LL, count_ms(next_connect_ - now));
  return PoolError("rehost pool '" + profile_ + "': " +
                   (last_failure_unreachable_ ? "server unreachable: "
                                              : "cannot connect: ") +
                   last_failure_ + " (connect failures in a row: " +
                   std::to_string(failures_in_a_row_) + "; next attempt in " +
                   std::to_string(next) + "ms)");
}

redisContext *Pool::acquire(milliseconds timeout) {
  const milliseconds wait =
      timeout.count() < 0 ? limits_.wait_timeout : timeout;
  Doomed doomed;
  std::unique_lock<std::mutex> lock(mutex_);
  adopt_fork();
  // The wait counts from when no idle connection could be had, so the common
  // path (one reused) reads only the coarse clock.
  std::optional<Clock::time_point> deadline;
  for (;;) {
    const Stamp stamp = CoarseClock::now();
    if (Connection *c = take_idle(stamp, doomed)) {
      lock.unlock();
      doomed.free_now();
      if (healthy(*c, stamp)) {
        ++counters_.acquired;
        return c->context;
      }
      lock.lock();
      ++counters_.health_failures;
      --in_use_;
      doomed.add(remove(c));
      continue;
    }
    if (!deadline)
      deadline = Clock::now() + wait;
    if (total() < limits_.size && may_connect()) {
      ++connecting_;
      lock.unlock();
      doomed.free_now();
      Opened opened = open();
      lock.lock();
      --connecting_;
      if (opened.connection) {
        Connection *c = add(std::move(opened.connection), true);
        ++counters_.acquired;
        return c->context;
      }
      note_connect_failure(Clock::now(), opened);
      continue;
    }
    // Nothing idle and no connect allowed now: wait for a return, a freed
    // slot or the end of the backoff delay, within the deadline.
    const Clock::time_point now = Clock::now();
    const bool slot_free = total() < limits_.size;
    const bool probing = failures_in_a_row_ > 0 && connecting_ > 0;
    Clock::time_point until = *deadline;
    if (slot_free && !probing)
      until = std::min(*deadline, next_connect_);
    if (now >= *deadline ||
        (slot_free && !probing && next_connect_ > *deadline)) {
      // Worded under the lock: it reads the failure state.
      const bool down = slot_free || probing;
      PoolError error = down ? unreachable(now) : saturated(wait);
      if (!down)
        ++counters_.acquire_timeouts;
      lock.unlock();
      throw error;
    }
    ++waiters_;
    returned_->wait_until(lock, until);
    --waiters_;
  }
}

Pool::Returned Pool::release(redisContext *context) {
  Doomed doomed;
  bool top_up = false;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    adopt_fork();
    if (auto inherited = inherited_.find(context);
        inherited != inherited_.end()) {
      disown(context);
      inherited_.erase(inherited);
      ++counters_.closed;
      doomed.add(context);
    } else {
      auto found = connections_.find(context);
      if (found == connections_.end())
        return Returned::not_ours;
      Connection *c = found->second.get();
      if (!c->leased)
        return Returned::not_leased;
      const Stamp now = CoarseClock::now();
      c->leased = false;
      --in_use_;
      // What hiredis 0.14 lets us see without asking the server (see
      // ReplyWatch): anything else would cost a round trip per release.
      const bool reusable = !context->err &&
                            !hiredis::has_unfinished_io(context) &&
                            !c->watch.in_transaction && !c->watch.subscribed &&
                            !c->watch.on_replica;
      if (!reusable) {
        ++counters_.release_discards;
        doomed.add(remove(c));
      } else if (limits_.lifetime.count() > 0 &&
                 now - c->created >= limits_.lifetime) {
        ++counters_.expired;
        doomed.add(remove(c));
      } else {
        c->returned = now;
        idle_.push_back(c);
      }
      reap_idle(now, doomed);
      top_up = needs_top_up();
      returned_->notify_one();
    }
  }
  doomed.free_now();
  if (top_up)
    top_up_idle();
  return Returned::yes;
}

rehost_pool_stats Pool::stats() {
  std::lock_guard<std::mutex> lock(mutex_);
  adopt_fork();
  rehost_pool_stats s{};
  s.created = counters_.created;
  s.closed = counters_.closed;
  s.acquired = counters_.acquired;
  s.in_use = in_use_;
  s.idle = idle_.size();
  s.waiters = waiters_;
  s.acquire_timeouts = counters_.acquire_timeouts;
  s.connect_failures = counters_.connect_failures;
  s.health_failures = counters_.health_failures;
  s.connecting = connecting_;
  s.release_discards = counters_.release_discards;
  s.expired = counters_.expired;
  return s;
}

void Pool::top_up_idle() {
  for (;;) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      adopt_fork();
      if (!needs_top_up())
        return;
      ++connecting_;
      ++topping_up_;
    }
    Opened opened = open();
    std::lock_guard<std::mutex> lock(mutex_);
    --connecting_;
    --topping_up_;
    if (!opened.connection) {
      note_connect_failure(Clock::now(), opened);
      return;
    }
    add(std::move(opened.connection), false);
    returned_->notify_one();
  }
}

Pool *Pool::owner_of(const redisContext *c) {
  std::lock_guard<std::mutex> lock(owners().mutex);
  auto found = owners().of.find(c);
  return found == owners().of.end() ? nullptr : found->second;
}

void Pool::lock_for_fork() { mutex_.lock(); }
void Pool::unlock_after_fork() { mutex_.unlock(); }
void Pool::lock_owners_for_fork() { owners().mutex.lock(); }
void Pool::unlock_owners_after_fork() { owners().mutex.unlock(); }
void Pool::start_child_generation() {
  fork_generation.fetch_add(1, std::memory_order_acq_rel);
}

// In a forked child (called with the lock held): the parent's sockets are
// the parent's. Idle ones are closed (close() only: no QUIT, no shutdown(),
// which would break them for the parent too); ones a caller held at the
// fork are severed and closed when released; the threads that were
// waiting or connecting exist only in the parent.
void Pool::adopt_fork() {
  const unsigned generation = fork_generation.load(std::memory_order_acquire);
  if (generation == generation_)
    return;
  generation_ = generation;
  for (auto &[context, connection] : connections_) {
    if (connection->leased) {
      hiredis::sever_inherited(connection->context);
      inherited_.emplace(context, std::move(connection));
    } else {
      ++counters_.closed;
      disown(context);
      hiredis::free_context(connection->context);
    }
  }
  connections_.clear();
  idle_.clear();
  in_use_ = connecting_ = topping_up_ = waiters_ = 0;
  failures_in_a_row_ = 0;
  next_connect_ = {};
  (void)returned_.release(); // may be inconsistent: leaked on purpose
  returned_ = std::make_unique<std::condition_variable>();
}

} // namespace rehost::detail
