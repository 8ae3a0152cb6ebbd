// The pool under faults: 8 threads INCR one counter through a small pool
// while the test kills and restarts a real redis-server on loopback, pauses
// it (SIGSTOP/SIGCONT), puts it in DEBUG SLEEP past the command timeout,
// kills its clients, lowers its maxclients and changes its requirepass (the
// runtime follows through REDIS_<P>_PASSWORD_FILE, rewritten). Each
// guarantee of docs/reliability.md is a hard failure here: no stall past the
// bound derived from the timeouts, no leaked descriptor, flat memory, the
// counter within [acknowledged, acknowledged + unknown], a clear error for
// every failure that never holds a password, and service back within one
// backoff cap after each fault.
//
// One round of the six faults by default (about 15 s, in `make test` and
// `make test-tsan`); REHOST_SOAK_SECONDS=N keeps going for N seconds
// (bench/soak.sh).
// REHOST_SOAK_SABOTAGE=fd|rss|stall|deadlock|recovery|count|password breaks one
// guarantee on purpose, to see its check fail.
#include "redis_server.hpp"
#include "scoped_env.hpp"
#include "test_support.hpp"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

using namespace rehost;
using namespace rehost::test;
using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

namespace {

// The profile's settings (as URL query keys) and what the bounds derive from.
constexpr int pool_size = 4; // < threads, so callers also wait for returns
constexpr int threads = 8;
constexpr milliseconds wait_timeout{1000};
constexpr milliseconds connect_timeout{250};
constexpr milliseconds command_timeout{250};
constexpr milliseconds health_check_interval{500};
constexpr milliseconds lifetime{4000}; // churn: connections also expire
// pool.cpp's backoff_cap: the longest delay between two connect attempts.
constexpr milliseconds backoff_cap{1000};
// A connect is the TCP connect plus one reply (AUTH), each bounded by the
// connect timeout.
constexpr milliseconds connect_bound = 2 * connect_timeout;
// Scheduling noise on a loaded 2-core machine (and under sanitizers): added
// once to each bound, never a tight wall-clock assertion.
constexpr milliseconds slack{1500};

// Longest one INCR may take, acquire to release: the acquire timeout plus
// one backoff cap, plus what the acquire may spend around them (PINGs of
// idle connections, bounded by the connect timeout; one connect begun
// before its deadline), the command, and a release that tops up
// pool_min_idle (one connect).
constexpr milliseconds stall_bound = wait_timeout + backoff_cap +
                                     connect_bound + connect_timeout +
                                     command_timeout + connect_bound + slack;
// From the server being back to the pool serving a command again.
constexpr milliseconds recovery_bound = backoff_cap + connect_bound + slack;
// How long the server stays down, paused, full or refusing the pool's
// password: past the acquire timeout, so acquires fail too and their
// errors are checked.
constexpr milliseconds outage = wait_timeout + milliseconds(500);
// RSS growth allowed from the end of the first round to the end.
constexpr long long rss_growth_bound_kb = 32 * 1024;

// Read when the program starts: each test's ScopedEnv hides REHOST_*.
std::string read_env(const char *name) {
  const char *value = std::getenv(name);
  return value ? value : "";
}
const std::string sabotage_mode = read_env("REHOST_SOAK_SABOTAGE");
const long long soak_seconds =
    std::atoll(read_env("REHOST_SOAK_SECONDS").c_str());

const std::string &sabotage() { return sabotage_mode; }

size_t open_descriptors() {
  return static_cast<size_t>(
      std::distance(std::filesystem::directory_iterator("/proc/self/fd"),
                    std::filesystem::directory_iterator()));
}

long long rss_kb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("VmRSS:", 0) == 0)
      return std::stoll(line.substr(6));
  return -1;
}

long long ms_between(Clock::time_point from, Clock::time_point to) {
  return std::chrono::duration_cast<milliseconds>(to - from).count();
}

bool contains(const std::string &text, const std::string &part) {
  return text.find(part) != std::string::npos;
}

// Written beside and renamed over, as Kubernetes and Vault agents rotate
// secrets: a reader sees the old password or the new one, never a torn file.
void write_secret(const std::filesystem::path &file,
                  const std::string &password) {
  const std::filesystem::path next = file.string() + ".next";
  std::ofstream(next) << password << "\n";
  std::filesystem::rename(next, file);
}

// A directory on tmpfs when there is one: the server's append-only file is
// fsynced on every write.
std::filesystem::path scratch_dir() {
  std::string pattern =
      (std::filesystem::exists("/dev/shm")
           ? std::string("/dev/shm")
           : std::filesystem::temp_directory_path().string()) +
      "/rehost-soak-XXXXXX";
  return mkdtemp(pattern.data());
}

// What the workers saw, and what went wrong with it.
class Ledger {
public:
  // Every failed operation: counted by kind; a message that is empty, names
  // no cause we know, or holds a password is a defect, kept to report.
  void failure(const std::string &stage, const std::string &message) {
    const std::string kind = stage + ": " + cause_of(message);
    std::lock_guard<std::mutex> lock(mutex_);
    ++errors_[kind];
    // A full server is not a wrong password (the soak once found it was
    // worded as one).
    const bool misattributed =
        contains(kind, "maxclients reached") && contains(message, "PASSWORD");
    if (contains(kind, "unclassified") || misattributed ||
        leaks_password(message))
      bad_messages_.push_back(stage + ": '" + message + "'");
    if (examples_.size() < 12 && !examples_.count(kind))
      examples_[kind] = message;
  }

  void stall(int thread, long long ms, const char *phase) {
    std::lock_guard<std::mutex> lock(mutex_);
    stalls_.push_back("thread " + std::to_string(thread) + " took " +
                      std::to_string(ms) + "ms (in " + phase + ")");
  }

  void add_password(const std::string &password) {
    std::lock_guard<std::mutex> lock(mutex_);
    passwords_.push_back(password);
  }

  std::map<std::string, long long> errors() {
    std::lock_guard<std::mutex> lock(mutex_);
    return errors_;
  }
  std::map<std::string, std::string> examples() {
    std::lock_guard<std::mutex> lock(mutex_);
    return examples_;
  }
  std::vector<std::string> bad_messages() {
    std::lock_guard<std::mutex> lock(mutex_);
    return bad_messages_;
  }
  std::vector<std::string> stalls() {
    std::lock_guard<std::mutex> lock(mutex_);
    return stalls_;
  }

private:
  // The cause, from the pool's wording or hiredis's errstr or the server's
  // error reply; "unclassified" fails the test.
  static std::string cause_of(const std::string &message) {
    static const char *const causes[][2] = {
        {"saturated", "saturated"},
        {"server unreachable", "server unreachable"},
        {"max number of clients", "maxclients reached"},
        {"AUTH failed", "AUTH refused"},
        {"cannot connect", "cannot connect"},
        {"Resource temporarily unavailable", "timed out"},
        {"Server closed the connection", "closed by server"},
        {"Connection reset by peer", "connection reset"},
        {"Broken pipe", "broken pipe"},
        {"Connection refused", "connection refused"},
        {"LOADING", "server loading"},
        {"NOAUTH", "not authenticated"},
    };
    if (message.empty())
      return "unclassified (empty message)";
    for (const auto &cause : causes)
      if (contains(message, cause[0]))
        return cause[1];
    return "unclassified";
  }

  bool leaks_password(const std::string &message) const {
    for (const std::string &password : passwords_)
      if (contains(message, password))
        return true;
    return false;
  }

  std::mutex mutex_;
  std::map<std::string, long long> errors_;
  std::map<std::string, std::string> examples_;
  std::vector<std::string> bad_messages_;
  std::vector<std::string> stalls_;
  std::vector<std::string> passwords_;
};

// One worker's state, read by the watchdog: when its current operation
// began (0 when between operations) and in which phase it is.
struct alignas(64) WorkerState {
  std::atomic<long long> started_ms{0};
  std::atomic<const char *> phase{"idle"};
};

class Soak {
public:
  Soak()
      : dir_(scratch_dir()), password_file_(dir_ / "password"),
        profile_("soak-" + std::to_string(++runs_)), epoch_(Clock::now()) {
    password_ = next_password();
    write_secret(password_file_, password_);
    server_ = std::make_unique<RedisServer>(server_arguments());
  }
  ~Soak() {
    server_->resume();
    server_.reset();
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }

  void configure(ScopedEnv &env) const {
    std::string upper = "REDIS_SOAK_" + profile_.substr(5) + "_";
    env.set(
        upper + "URL",
        server_->url() + "?pool_size=" + std::to_string(pool_size) +
            "&pool_min_idle=1&pool_wait_timeout=" +
            std::to_string(wait_timeout.count()) +
            "ms&connect_timeout=" + std::to_string(connect_timeout.count()) +
            "ms&socket_timeout=" + std::to_string(command_timeout.count()) +
            "ms&health_check_interval=" +
            std::to_string(health_check_interval.count()) +
            "ms&pool_connection_lifetime=" + std::to_string(lifetime.count()) +
            "ms");
    env.set(upper + "PASSWORD_FILE", password_file_.string());
  }

  const std::string &profile() const { return profile_; }
  Ledger &ledger() { return ledger_; }

  long long now_ms() const { return ms_between(epoch_, Clock::now()); }

  // INCR until stop(), timing every operation.
  void work(const rehost::Pool &pool, int id) {
    WorkerState &state = states_[id];
    while (!stop_) {
      const Clock::time_point start = Clock::now();
      state.started_ms = ms_between(epoch_, start) + 1;
      bool ok = false;
      try {
        state.phase = "acquire";
        rehost::Lease c = pool.acquire();
        state.phase = "command";
        if (sabotage() == "stall" && id == 0 && !sabotaged_.exchange(true))
          std::this_thread::sleep_for(stall_bound + milliseconds(200));
        if (sabotage() == "deadlock" && id == 0 && !sabotaged_.exchange(true))
          std::this_thread::sleep_for(4 * stall_bound);
        Reply r = run(c.get(), "INCR soak");
        if (!r) {
          ++unknown_; // the command may have run; its reply was lost
          ledger_.failure("command", c->errstr);
        } else if (r->type == REDIS_REPLY_INTEGER) {
          ++acked_;
          ok = true;
        } else {
          ++refused_;
          ledger_.failure("reply", r->str ? std::string(r->str, r->len) : "");
        }
        state.phase = "release";
      } catch (const rehost::PoolError &error) {
        ++failed_acquires_;
        ledger_.failure("acquire", error.what());
      }
      const Clock::time_point end = Clock::now();
      const long long took = ms_between(start, end);
      state.started_ms = 0;
      state.phase = "idle";
      long long worst = worst_ms_.load();
      while (took > worst && !worst_ms_.compare_exchange_weak(worst, took)) {
      }
      if (milliseconds(took) > stall_bound)
        ledger_.stall(id, took, ok ? "a successful INCR" : "a failed INCR");
      ++operations_;
      if (ok)
        last_success_ms_ = ms_between(epoch_, end);
    }
    ++finished_;
  }

  int finished() const { return finished_; }

  void stop() { stop_ = true; }

  // Fails the test (and aborts, so a hung pool cannot hang the suite) when a
  // worker has been inside one operation for far past the stall bound.
  void check_watchdog() {
    const long long now = now_ms();
    for (int id = 0; id < threads; ++id) {
      const long long started = states_[id].started_ms;
      if (started > 0 && now - started > 3 * stall_bound.count()) {
        std::fprintf(stderr,
                     "soak: deadlock: thread %d has been in %s for %lld ms "
                     "(stall bound %lld ms)\n",
                     id, states_[id].phase.load(), now - started,
                     static_cast<long long>(stall_bound.count()));
        // abort() runs no destructor: end the server (and its data) first.
        server_->resume();
        server_->kill();
        std::error_code ignored;
        std::filesystem::remove_all(dir_, ignored);
        std::abort();
      }
    }
  }

  // Sleeps `duration` while watching the workers.
  void watch_for(milliseconds duration) {
    const Clock::time_point until = Clock::now() + duration;
    while (Clock::now() < until) {
      check_watchdog();
      std::this_thread::sleep_for(milliseconds(20));
    }
  }

  // After a fault ends: waits for a successful INCR that completed after
  // `back_ms`, and records how long it took (a failure past the bound).
  void expect_recovery(const std::string &fault, long long back_ms) {
    const Clock::time_point give_up =
        Clock::now() + 3 * recovery_bound; // well past the bound: report it
    while (last_success_ms_ <= back_ms && Clock::now() < give_up) {
      check_watchdog();
      std::this_thread::sleep_for(milliseconds(5));
    }
    const long long success = last_success_ms_;
    const long long recovery =
        success > back_ms ? success - back_ms : now_ms() - back_ms;
    recoveries_[fault] = std::max(recoveries_[fault], recovery);
    worst_recovery_ = std::max(worst_recovery_, recovery);
    EXPECT_LE(recovery, recovery_bound.count())
        << "the pool did not serve again within " << recovery_bound.count()
        << "ms (one backoff cap " << backoff_cap.count()
        << "ms + a connect + slack) after " << fault << " ended"
        << (success > back_ms ? "" : " (it never did)");
  }

  // The faults, each ending when the server is back; they return the time
  // it was.
  long long kill_and_restart() {
    server_->kill();
    // Sabotage: claim the server was back before it was.
    const long long claimed_back = now_ms();
    watch_for(sabotage() == "recovery" ? recovery_bound + outage : outage);
    server_->restart();
    wait_loaded();
    return sabotage() == "recovery" ? claimed_back : now_ms();
  }

  long long pause_and_resume() {
    server_->pause();
    watch_for(outage);
    server_->resume();
    return now_ms();
  }

  long long debug_sleep() {
    Context admin = admin_connect();
    Reply r = run(admin.get(), "DEBUG SLEEP 0.75"); // 3x the command timeout
    EXPECT_TRUE(r && r->type == REDIS_REPLY_STATUS)
        << "DEBUG SLEEP: " << (r ? r->str : admin->errstr);
    return now_ms();
  }

  long long client_kill() {
    Context admin = admin_connect();
    Reply r = run(admin.get(), "CLIENT KILL TYPE normal SKIPME yes");
    EXPECT_TRUE(r && r->type == REDIS_REPLY_INTEGER) << admin->errstr;
    return now_ms();
  }

  // No new client is let in (the pool's connections are killed, so it has
  // to reconnect) until maxclients is restored on the one admin connection.
  long long lower_maxclients() {
    Context admin = admin_connect();
    Reply lowered = run(admin.get(), "CONFIG SET maxclients 1");
    EXPECT_TRUE(lowered && lowered->type == REDIS_REPLY_STATUS)
        << "CONFIG SET maxclients: "
        << (lowered ? lowered->str : admin->errstr);
    Reply killed = run(admin.get(), "CLIENT KILL TYPE normal SKIPME yes");
    watch_for(outage);
    Reply restored = run(admin.get(), "CONFIG SET maxclients 1000");
    EXPECT_TRUE(restored && restored->type == REDIS_REPLY_STATUS)
        << "restoring maxclients: "
        << (restored ? restored->str : admin->errstr);
    return now_ms();
  }

  // The server's password changes and its clients are dropped; the secret
  // file follows a little later, as a rotation does. Between the two the
  // pool's connects are refused.
  long long switch_password() {
    const std::string next = next_password();
    {
      Context admin = admin_connect();
      Reply r =
          redis_command(admin.get(), "CONFIG SET requirepass %s", next.c_str());
      EXPECT_TRUE(r && r->type == REDIS_REPLY_STATUS)
          << "CONFIG SET requirepass: " << (r ? r->str : admin->errstr);
      password_ = next;
      server_->set_arguments(server_arguments());
      Reply killed = run(admin.get(), "CLIENT KILL TYPE normal SKIPME yes");
    }
    watch_for(outage);
    write_secret(password_file_, password_);
    return now_ms();
  }

  // Runs every fault once, each followed by its recovery check and a quiet
  // stretch of normal traffic.
  void round() {
    const std::pair<const char *, std::function<long long()>> faults[] = {
        {"kill and restart", [&] { return kill_and_restart(); }},
        {"SIGSTOP/SIGCONT", [&] { return pause_and_resume(); }},
        {"DEBUG SLEEP", [&] { return debug_sleep(); }},
        {"CLIENT KILL", [&] { return client_kill(); }},
        {"maxclients lowered", [&] { return lower_maxclients(); }},
        {"requirepass switched", [&] { return switch_password(); }},
    };
    for (const auto &[name, inject] : faults) {
      const long long back = inject();
      ++faults_[name];
      expect_recovery(name, back);
      watch_for(milliseconds(400));
    }
  }

  // The counter as the server has it now.
  long long counter() {
    Context admin = admin_connect();
    Reply r = run(admin.get(), "GET soak");
    if (!r || r->type != REDIS_REPLY_STRING) {
      ADD_FAILURE() << "GET soak: " << (r ? "not a string" : admin->errstr);
      return -1;
    }
    return std::stoll(r->str);
  }

  // More INCRs than any worker could have lost in flight: the counter check
  // must see them.
  void incr_behind_the_pools_back() {
    Context admin = admin_connect();
    const std::string extra = std::to_string(unknown_ + 1);
    Reply r = redis_command(admin.get(), "INCRBY soak %s", extra.c_str());
  }

  long long acked() const { return acked_; }
  long long unknown() const { return unknown_; }
  long long refused() const { return refused_; }
  long long failed_acquires() const { return failed_acquires_; }
  long long operations() const { return operations_; }
  long long worst_ms() const { return worst_ms_; }
  long long worst_recovery() const { return worst_recovery_; }
  const std::map<std::string, int> &faults() const { return faults_; }
  const std::map<std::string, long long> &recoveries() const {
    return recoveries_;
  }

private:
  std::vector<std::string> server_arguments() const {
    return {"--requirepass", password_,
            "--dir",         dir_.string(),
            "--appendonly",  "yes",
            "--appendfsync", "always",
            "--logfile",     (dir_ / "redis.log").string()};
  }

  std::string next_password() {
    std::string password = "S0akPw-" + std::to_string(++passwords_) + "-" +
                           std::to_string(getpid());
    ledger_.add_password(password);
    return password;
  }

  // A restarted server answers LOADING until it has read its append-only
  // file back (seconds, late in a long soak): it is back once it has.
  void wait_loaded() {
    for (int attempt = 0; attempt < 1000; ++attempt) {
      Context admin = admin_connect();
      Reply r = run(admin.get(), "PING");
      if (r && r->type == REDIS_REPLY_STATUS)
        return;
      watch_for(milliseconds(10));
    }
    ADD_FAILURE() << "the restarted server never finished loading";
  }

  Context admin_connect() {
    Context admin(server_->admin_connect());
    if (admin && !admin->err) {
      Reply r = redis_command(admin.get(), "AUTH %s", password_.c_str());
      EXPECT_TRUE(r && r->type == REDIS_REPLY_STATUS)
          << "admin AUTH: " << (r ? "refused" : admin->errstr);
    } else {
      ADD_FAILURE() << "admin connect: "
                    << (admin ? admin->errstr : "out of memory");
    }
    return admin;
  }

  static Reply redis_command(redisContext *c, const char *format,
                             const char *argument) {
    return Reply(static_cast<redisReply *>(redisCommand(c, format, argument)));
  }

  static inline int runs_ = 0;
  std::filesystem::path dir_;
  std::filesystem::path password_file_;
  std::string profile_;
  std::string password_;
  int passwords_ = 0;
  Clock::time_point epoch_;
  std::unique_ptr<RedisServer> server_;
  Ledger ledger_;
  WorkerState states_[threads];
  std::atomic<bool> stop_{false}, sabotaged_{false};
  std::atomic<int> finished_{0};
  std::atomic<long long> acked_{0}, unknown_{0}, refused_{0},
      failed_acquires_{0}, operations_{0}, worst_ms_{0}, last_success_ms_{-1};
  long long worst_recovery_ = 0;
  std::map<std::string, int> faults_;
  std::map<std::string, long long> recoveries_;
};

TEST(PoolSoak, EightThreadsThroughServerFaults) {
  ScopedEnv env;
  Soak soak;
  soak.configure(env);
  const size_t descriptors_before = open_descriptors();
  const Clock::time_point started = Clock::now();

  rehost::Pool pool(soak.profile());
  std::vector<std::thread> workers;
  for (int id = 0; id < threads; ++id)
    workers.emplace_back([&, id] { soak.work(pool, id); });

  soak.watch_for(milliseconds(300));
  long long rss_after_first_round = -1;
  int rounds = 0;
  std::vector<char> ballast;
  do {
    soak.round();
    ++rounds;
    if (rss_after_first_round < 0)
      rss_after_first_round = rss_kb();
    if (sabotage() == "rss" && rounds == 1) {
      ballast.assign(64 << 20, 1); // kept to the end: growth
    }
  } while (
      std::chrono::duration_cast<std::chrono::seconds>(Clock::now() - started)
          .count() < soak_seconds);
  const long long rss_at_end = rss_kb();

  soak.stop();
  // Every worker ends its operation within the stall bound; join() cannot
  // time out, so the watchdog (which aborts) runs until all have.
  while (soak.finished() < threads)
    soak.watch_for(milliseconds(20));
  for (std::thread &worker : workers)
    worker.join();
  if (sabotage() == "count")
    soak.incr_behind_the_pools_back();
  if (sabotage() == "password")
    soak.ledger().failure("acquire", "cannot connect with S0akPw-1-" +
                                         std::to_string(getpid()));
  const long long final_count = soak.counter();
  const rehost_pool_stats stats = pool.stats();
  const int leaked_by_sabotage = sabotage() == "fd" ? dup(STDERR_FILENO) : -1;
  const size_t descriptors_checked = open_descriptors();
  const long long open_connections =
      static_cast<long long>(stats.created - stats.closed);

  // The figures docs/reliability.md quotes.
  std::printf(
      "soak: %d round(s) in %llds, %d threads, pool_size %d\n", rounds,
      static_cast<long long>(std::chrono::duration_cast<std::chrono::seconds>(
                                 Clock::now() - started)
                                 .count()),
      threads, pool_size);
  int fault_total = 0;
  for (const auto &[name, count] : soak.faults()) {
    fault_total += count;
    std::printf("soak: fault %-22s x%d, worst recovery %lld ms\n", name.c_str(),
                count, soak.recoveries().at(name));
  }
  std::printf("soak: %d faults; %lld operations: %lld acknowledged, %lld "
              "unknown (reply lost), %lld refused by the server, %lld "
              "acquires failed\n",
              fault_total, soak.operations(), soak.acked(), soak.unknown(),
              soak.refused(), soak.failed_acquires());
  for (const auto &[kind, count] : soak.ledger().errors())
    std::printf("soak: error %-40s %lld\n", kind.c_str(), count);
  for (const auto &[kind, example] : soak.ledger().examples())
    std::printf("soak: e.g. %s: %s\n", kind.c_str(), example.c_str());
  std::printf("soak: counter %lld in [%lld, %lld]\n", final_count, soak.acked(),
              soak.acked() + soak.unknown());
  std::printf("soak: worst operation %lld ms (bound %lld ms), worst recovery "
              "%lld ms (bound %lld ms)\n",
              soak.worst_ms(), static_cast<long long>(stall_bound.count()),
              soak.worst_recovery(),
              static_cast<long long>(recovery_bound.count()));
  std::printf("soak: descriptors %zu before, %zu after with %lld pooled "
              "connections open\n",
              descriptors_before, descriptors_checked, open_connections);
  std::printf("soak: RSS %lld kB after round 1, %lld kB at the end (bound "
              "+%lld kB)\n",
              rss_after_first_round, rss_at_end, rss_growth_bound_kb);
  std::printf("soak: pool created %llu closed %llu acquired %llu "
              "connect_failures %llu health_failures %llu release_discards "
              "%llu expired %llu acquire_timeouts %llu\n",
              stats.created, stats.closed, stats.acquired,
              stats.connect_failures, stats.health_failures,
              stats.release_discards, stats.expired, stats.acquire_timeouts);
  std::fflush(stdout);

  EXPECT_GE(soak.acked(), 100) << "the soak did almost no work";
  for (const std::string &stall : soak.ledger().stalls())
    ADD_FAILURE() << "stall: " << stall << ", past the bound of "
                  << stall_bound.count()
                  << "ms (acquire timeout + backoff cap + connects, command "
                     "and slack)";
  for (const std::string &message : soak.ledger().bad_messages())
    ADD_FAILURE() << "unclear error or a password in it: " << message;
  EXPECT_GE(final_count, soak.acked())
      << "acknowledged INCRs were lost by the server";
  EXPECT_LE(final_count, soak.acked() + soak.unknown())
      << "more INCRs ran than were acknowledged or lost in flight";
  EXPECT_EQ(stats.in_use, 0u);
  EXPECT_EQ(stats.connecting, 0u);
  EXPECT_EQ(stats.waiters, 0u);
  EXPECT_LE(stats.idle, static_cast<unsigned long long>(pool_size));
  // Pools live as long as the process, so what may stay open is exactly the
  // pool's open connections, one socket each: any other descriptor leaked.
  EXPECT_EQ(static_cast<long long>(descriptors_checked),
            static_cast<long long>(descriptors_before) + open_connections)
      << "descriptors leaked (or closed twice)";
  EXPECT_EQ(static_cast<long long>(stats.idle), open_connections);
  EXPECT_LE(rss_at_end - rss_after_first_round, rss_growth_bound_kb)
      << "RSS grew from " << rss_after_first_round << " kB to " << rss_at_end
      << " kB";
  if (leaked_by_sabotage >= 0)
    close(leaked_by_sabotage);
}

} // namespace
