// The pool against what a service would otherwise do, side by side in one
// run, in interleaved rounds, with a password set (so every new connection
// pays AUTH): INCR/s for
//   raw hiredis, one context per thread (the physical limit),
//   raw hiredis, connect + AUTH + INCR + free per request,
//   rehost_redisConnect + INCR + free per request (resolution cached),
//   rehost pool, acquire + INCR + release,
// at each thread count, directly on loopback and through a delaying relay;
// and acquire + release alone (ns/op). It starts its own redis-server.
//
//   rehost_pool_bench [--rounds N] [--seconds S] [--threads 1,4,16]
//                     [--delays-ms 0,0.5,2] [--acquire-threads 1,2,8,32]
#include "delay_relay.hpp"
#include "redis_server.hpp"

#include <rehost/rehost.h>

#include <hiredis/hiredis.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <sstream>

namespace {

using Clock = std::chrono::steady_clock;
const char *const password = "bench-Pa55";

struct Options {
  int rounds = 3;
  double seconds = 0.5;
  std::vector<int> threads{1, 4, 16};
  std::vector<double> delays_ms{0, 0.5, 2};
  std::vector<int> acquire_threads{1, 2, 8, 32};
};

template <typename T> std::vector<T> parse_list(const char *text) {
  std::vector<T> values;
  std::stringstream in(text);
  std::string item;
  while (std::getline(in, item, ','))
    values.push_back(static_cast<T>(std::stod(item)));
  return values;
}

Options parse_options(int argc, char **argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--rounds")
      o.rounds = std::atoi(argv[i + 1]);
    else if (flag == "--seconds")
      o.seconds = std::atof(argv[i + 1]);
    else if (flag == "--threads")
      o.threads = parse_list<int>(argv[i + 1]);
    else if (flag == "--delays-ms")
      o.delays_ms = parse_list<double>(argv[i + 1]);
    else if (flag == "--acquire-threads")
      o.acquire_threads = parse_list<int>(argv[i + 1]);
    else
      throw std::runtime_error("unknown flag " + flag);
  }
  return o;
}

// One endpoint the modes run against: the server itself or a relay.
struct Target {
  std::string label;   // "loopback", "relay 0.5ms"
  std::string profile; // rehost profile pointing at it
  int port = 0;
  rehost_pool *pool = nullptr;
};

redisContext *raw_connect(int port) {
  timeval tv{2, 0};
  redisContext *c = redisConnectWithTimeout("127.0.0.1", port, tv);
  if (!c || c->err)
    throw std::runtime_error("connect failed");
  freeReplyObject(redisCommand(c, "AUTH %s", password));
  return c;
}

bool incr(redisContext *c) {
  auto *r = static_cast<redisReply *>(redisCommand(c, "INCR bench"));
  const bool ok = r && r->type == REDIS_REPLY_INTEGER;
  if (r)
    freeReplyObject(r);
  return ok;
}

// A mode: what one thread does; `op` runs one request, `setup` once before
// the clock starts, `teardown` after it stops.
struct Mode {
  std::string name;
  std::function<void *(const Target &)> setup;
  std::function<bool(const Target &, void *)> op;
  std::function<void(void *)> teardown;
};

std::vector<Mode> incr_modes() {
  auto none = [](const Target &) -> void * { return nullptr; };
  auto nothing = [](void *) {};
  return {
      {"raw hiredis, one context per thread",
       [](const Target &t) -> void * { return raw_connect(t.port); },
       [](const Target &, void *c) {
         return incr(static_cast<redisContext *>(c));
       },
       [](void *c) { redisFree(static_cast<redisContext *>(c)); }},
      {"raw hiredis, connect+AUTH per request", none,
       [](const Target &t, void *) {
         redisContext *c = raw_connect(t.port);
         const bool ok = incr(c);
         redisFree(c);
         return ok;
       },
       nothing},
      {"rehost_redisConnect per request", none,
       [](const Target &t, void *) {
         redisContext *c =
             rehost_redisConnect(t.profile.c_str(), "127.0.0.1", 6379);
         const bool ok = c && !c->err && incr(c);
         if (c)
           redisFree(c);
         return ok;
       },
       nothing},
      {"rehost pool acquire+INCR+release", none,
       [](const Target &t, void *) {
         redisContext *c = rehost_pool_acquire(t.pool, 5000);
         const bool ok = c && incr(c);
         rehost_pool_release(t.pool, c);
         return ok;
       },
       nothing},
  };
}

// Runs `mode` on `threads` threads for `seconds`: requests per second.
double measure(const Mode &mode, const Target &target, int threads,
               double seconds) {
  std::atomic<int> ready{0};
  std::atomic<bool> go{false};
  std::atomic<long long> total{0}, failed{0};
  Clock::time_point deadline;
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t)
    workers.emplace_back([&] {
      void *state = mode.setup(target);
      ++ready;
      while (!go)
        std::this_thread::yield();
      long long ops = 0, bad = 0;
      while (Clock::now() < deadline) {
        if (mode.op(target, state))
          ++ops;
        else
          ++bad;
      }
      mode.teardown(state);
      total += ops;
      failed += bad;
    });
  while (ready < threads)
    std::this_thread::yield();
  const Clock::time_point start = Clock::now();
  deadline = start + std::chrono::duration_cast<Clock::duration>(
                         std::chrono::duration<double>(seconds));
  go = true;
  for (std::thread &w : workers)
    w.join();
  const double elapsed =
      std::chrono::duration<double>(Clock::now() - start).count();
  if (failed > 0)
    std::fprintf(stderr, "warning: %s: %lld failed requests\n",
                 mode.name.c_str(), failed.load());
  return total / elapsed;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// Exported environment and rehost.toml the profiles resolve from, as a
// deployed service would have them (a two-profile rehost.toml present).
void configure_profiles(const std::vector<Target> &targets,
                        const std::filesystem::path &dir) {
  std::ofstream toml(dir / "rehost.toml");
  toml << "[profiles.sessions]\nhost = \"10.0.0.7\"\n";
  for (const Target &t : targets) {
    std::string upper;
    for (char c : t.profile)
      upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    const std::string url = "redis://127.0.0.1:" + std::to_string(t.port) +
                            "?pool_size=32&pool_wait_timeout=5s";
    setenv(("REDIS_" + upper + "_URL").c_str(), url.c_str(), 1);
    setenv(("REDIS_" + upper + "_PASSWORD").c_str(), password, 1);
    toml << "[profiles." << t.profile << "]\nconnect_timeout = \"2s\"\n";
  }
}

void print_incr_table(
    const std::vector<Mode> &modes, const std::vector<Target> &targets,
    const Options &o,
    std::map<std::tuple<size_t, size_t, int>, std::vector<double>> &results) {
  std::printf("\nINCR/s, median of %d interleaved rounds of %.2fs "
              "(min-max), password set\n\n",
              o.rounds, o.seconds);
  std::printf("| endpoint | threads | mode | INCR/s | min-max | vs one "
              "context per thread | vs connect per request |\n"
              "|---|---|---|---|---|---|---|\n");
  for (size_t t = 0; t < targets.size(); ++t)
    for (int threads : o.threads) {
      const double per_thread = median(results[{t, 0, threads}]);
      const double per_request = median(results[{t, 1, threads}]);
      for (size_t m = 0; m < modes.size(); ++m) {
        std::vector<double> &r = results[{t, m, threads}];
        const double value = median(r);
        std::printf("| %s | %d | %s | %.0f | %.0f-%.0f | %.2fx | %.2fx |\n",
                    targets[t].label.c_str(), threads, modes[m].name.c_str(),
                    value, *std::min_element(r.begin(), r.end()),
                    *std::max_element(r.begin(), r.end()), value / per_thread,
                    value / per_request);
      }
    }
}

} // namespace

int main(int argc, char **argv) {
  try {
    const Options o = parse_options(argc, argv);
    // No REDIS_* or REHOST_* from the caller's environment.
    for (const std::string prefix : {"REDIS_", "REHOST_"})
      for (char **e = environ; *e;) {
        std::string entry = *e;
        if (entry.rfind(prefix, 0) == 0) {
          unsetenv(entry.substr(0, entry.find('=')).c_str());
          e = environ;
        } else {
          ++e;
        }
      }
    rehost::test::RedisServer server({"--requirepass", password});
    char scratch[] = "/tmp/rehost-pool-bench-XXXXXX";
    const std::filesystem::path dir = mkdtemp(scratch);
    std::filesystem::current_path(dir);

    std::vector<std::unique_ptr<rehost::bench::DelayRelay>> relays;
    std::vector<Target> targets;
    for (double delay : o.delays_ms) {
      Target t;
      if (delay <= 0) {
        t.label = "loopback";
        t.port = server.port();
      } else {
        relays.push_back(std::make_unique<rehost::bench::DelayRelay>(
            server.port(),
            std::chrono::microseconds(static_cast<long long>(delay * 1000))));
        t.label = "relay " + std::to_string(delay).substr(0, 3) + "ms";
        t.port = relays.back()->port();
      }
      t.profile = "bench" + std::to_string(targets.size());
      targets.push_back(t);
    }
    Target acquire_only{"loopback", "bench_acquire", server.port()};
    std::vector<Target> all = targets;
    all.push_back(acquire_only);
    configure_profiles(all, dir);
    for (Target &t : targets)
      if (!(t.pool = rehost_pool_get(t.profile.c_str(), nullptr)))
        throw std::runtime_error(rehost_last_error());
    acquire_only.pool = rehost_pool_get(acquire_only.profile.c_str(), nullptr);

    const std::vector<Mode> modes = incr_modes();
    const Mode acquire_release{
        "acquire+release", [](const Target &) -> void * { return nullptr; },
        [](const Target &t, void *) {
          redisContext *c = rehost_pool_acquire(t.pool, 5000);
          rehost_pool_release(t.pool, c);
          return c != nullptr;
        },
        [](void *) {}};
    std::map<std::tuple<size_t, size_t, int>, std::vector<double>> results;
    std::map<int, std::vector<double>> acquire_results;
    for (int round = 0; round < o.rounds; ++round) {
      std::fprintf(stderr, "round %d/%d\n", round + 1, o.rounds);
      for (size_t t = 0; t < targets.size(); ++t)
        for (int threads : o.threads)
          // The order rotates each round, so no mode always runs right
          // after the two that open and close thousands of connections.
          for (size_t i = 0; i < modes.size(); ++i) {
            const size_t m = (i + round) % modes.size();
            results[{t, m, threads}].push_back(
                measure(modes[m], targets[t], threads, o.seconds));
          }
      for (int threads : o.acquire_threads)
        acquire_results[threads].push_back(
            measure(acquire_release, acquire_only, threads, o.seconds / 2));
    }

    std::printf("rehost pool benchmark: redis-server on loopback, hiredis "
                "%d.%d.%d, %u hardware threads\n",
                HIREDIS_MAJOR, HIREDIS_MINOR, HIREDIS_PATCH,
                std::thread::hardware_concurrency());
    print_incr_table(modes, targets, o, results);
    std::printf(
        "\nacquire+release with no command (pool_size 32), median "
        "of %d rounds\n\n| threads | ns/op (all threads) |\n|---|---|\n",
        o.rounds);
    for (int threads : o.acquire_threads)
      std::printf("| %d | %.0f |\n", threads,
                  1e9 / median(acquire_results[threads]));
    // A pool that reuses its connections opens at most pool_size of them.
    std::printf("\npool statistics after the run\n\n| endpoint | created | "
                "closed | acquired | health failures | release discards "
                "|\n|---|---|---|---|---|---|\n");
    targets.push_back(acquire_only);
    for (const Target &t : targets) {
      rehost_pool_stats s{};
      rehost_pool_stats_get(t.pool, &s);
      std::printf("| %s (%s) | %llu | %llu | %llu | %llu | %llu |\n",
                  t.label.c_str(), t.profile.c_str(), s.created, s.closed,
                  s.acquired, s.health_failures, s.release_discards);
    }
    std::filesystem::current_path("/");
    std::filesystem::remove_all(dir);
    return 0;
  } catch (const std::exception &error) {
    std::fprintf(stderr, "rehost_pool_bench: %s\n", error.what());
    return 1;
  }
}
