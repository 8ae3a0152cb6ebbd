// Every call form `rehost fix` writes into C++ code, compiled by
// header_test.sh under each standard from C++11 on and run against the
// library (which is C++17), so both the header and the ABI are checked.
#include <rehost/rehost.hpp>

#include "client_standins.hpp"

#include <cstdio>
#include <string>
#if __cplusplus >= 201703L
#include <string_view>
#endif

namespace {

int failures = 0;

void expect(bool ok, const char *what, int line) {
  if (!ok) {
    std::fprintf(stderr, "line %d: %s\n", line, what);
    ++failures;
  }
}
#define EXPECT(condition) expect((condition), #condition, __LINE__)

constexpr const char *constexpr_profile = "calls";

// Each string accessor with the profile and the fallback spelled as a string
// literal, a `const char *`, a `constexpr const char *`, a std::string and a
// std::string_view, in mixed pairs too: every form gives the literal form's
// answer. `fallback` must be a string literal.
#if __cplusplus >= 201703L
#define STRING_VIEW_CALLS(fn, fallback)                                        \
  EXPECT(rehost::fn(std::string_view("calls"), std::string_view(fallback)) ==  \
         expected);                                                            \
  EXPECT(rehost::fn("calls", std::string_view(fallback)) == expected);         \
  EXPECT(rehost::fn(std::string_view("calls"), fallback) == expected);         \
  EXPECT(rehost::fn(std::string("calls"), std::string_view(fallback)) ==       \
         expected);                                                            \
  EXPECT(rehost::fn(std::string_view("calls"), std::string(fallback)) ==       \
         expected);
#else
#define STRING_VIEW_CALLS(fn, fallback)
#endif
#define STRING_CALLS(fn, fallback)                                             \
  do {                                                                         \
    const std::string expected = rehost::fn("calls", fallback);                \
    const char *pointer = fallback;                                            \
    constexpr const char *constant = fallback;                                 \
    const std::string string = fallback;                                       \
    const char *profile_pointer = "calls";                                     \
    const std::string profile_string = "calls";                                \
    EXPECT(rehost::fn(profile_pointer, pointer) == expected);                  \
    EXPECT(rehost::fn(constexpr_profile, constant) == expected);               \
    EXPECT(rehost::fn(profile_string, string) == expected);                    \
    EXPECT(rehost::fn("calls", string) == expected);                           \
    EXPECT(rehost::fn(profile_string, fallback) == expected);                  \
    EXPECT(rehost::fn(profile_string, pointer) == expected);                   \
    EXPECT(rehost::fn(profile_pointer, string) == expected);                   \
    EXPECT(rehost::fn(std::string("calls"), std::string(fallback)) ==          \
           expected);                                                          \
    STRING_VIEW_CALLS(fn, fallback)                                            \
    (void)rehost::fn("calls");                                                 \
    (void)rehost::fn(profile_string);                                          \
  } while (false)

#if __cplusplus >= 201703L
#define INT_VIEW_CALLS(fn, fallback)                                           \
  EXPECT(rehost::fn(std::string_view("calls"), fallback) == fallback);
#else
#define INT_VIEW_CALLS(fn, fallback)
#endif
#define INT_CALLS(fn, fallback)                                                \
  do {                                                                         \
    const char *profile_pointer = "calls";                                     \
    EXPECT(rehost::fn("calls", fallback) == fallback);                         \
    EXPECT(rehost::fn(profile_pointer, fallback) == fallback);                 \
    EXPECT(rehost::fn(constexpr_profile, fallback) == fallback);               \
    EXPECT(rehost::fn(std::string("calls"), fallback) == fallback);            \
    INT_VIEW_CALLS(fn, fallback)                                               \
    (void)rehost::fn("calls");                                                 \
  } while (false)

} // namespace

int main() {
  STRING_CALLS(host, "10.1.2.3");
  EXPECT(rehost::host("calls", "10.1.2.3") == "10.1.2.3");
  EXPECT(rehost::host("calls") == "127.0.0.1");
  STRING_CALLS(password, "");
  STRING_CALLS(username, "app");
  EXPECT(rehost::username("calls", "app") == "app");
  STRING_CALLS(socket, "/run/redis.sock");
  STRING_CALLS(uri, "redis://10.1.2.3:6380/2");
  STRING_CALLS(cluster_nodes, "10.0.0.1:7000,10.0.0.2:7001");
  INT_CALLS(port, 6380);
  INT_CALLS(db, 3);

  EXPECT(rehost::resolve("calls").host.value == "127.0.0.1");
  EXPECT(rehost::resolve(std::string("calls")).port.value == 6379);
  EXPECT(rehost::resolve(constexpr_profile).db.value == 0);
#if __cplusplus >= 201703L
  EXPECT(rehost::resolve(std::string_view("calls")).name == "calls");
#endif
  // The adapters' call forms, on stand-ins with the client libraries' API
  // shapes (nothing listens on port 1: only compiling and resolving count).
  standin::ConnectionOptions options;
  options.host = "cache.internal";
  options.port = 6380;
  rehost::configure(options, "calls");
  rehost::configure(options, constexpr_profile);
  standin::LongLongDbOptions long_long_db;
  rehost::configure(long_long_db, std::string("calls"));
  EXPECT(options.host == "cache.internal" && options.port == 6380);
  standin::client client;
  rehost::connect(client, "calls", "127.0.0.1", 1);
  rehost::connect(client, "calls", std::string("127.0.0.1"), 1, nullptr);
  rehost::connect(client, "calls", "127.0.0.1", 1, nullptr, 100);
  rehost::connect(client, "calls");
  standin::subscriber sub;
  rehost::connect(sub, "calls", "h", 1, nullptr, 100);
  rehost::connect(sub, "calls");
  standin::client &chained = rehost::auth(client, "calls", nullptr);
  std::future<standin::reply> future_reply = rehost::auth(client, "calls");
  standin::subscriber &sub_chained = rehost::auth(sub, "calls");
  EXPECT(&chained == &client && &sub_chained == &sub);
  (void)future_reply;

  // The pool: nothing listens on port 1, so acquiring fails, and says so.
  rehost::Pool pool("calls", "redis://127.0.0.1:1");
  const std::string pool_profile = "calls";
  EXPECT(rehost::Pool(pool_profile).get() == pool.get());
  EXPECT(rehost::Pool(constexpr_profile, std::string("redis://h:1")).get() ==
         pool.get());
#if __cplusplus >= 201703L
  EXPECT(rehost::Pool(std::string_view("calls")).get() == pool.get());
#endif
  try {
    rehost::Lease lease = pool.acquire(std::chrono::milliseconds(0));
    EXPECT(false);
  } catch (const rehost::PoolError &error) {
    EXPECT(std::string(error.what()).find("unreachable") != std::string::npos);
  }
  rehost::Lease empty;
  rehost::Lease moved(std::move(empty));
  empty = std::move(moved);
  EXPECT(!empty && !moved && empty.get() == nullptr);
  empty.reset();
  const rehost_pool_stats stats = pool.stats();
  EXPECT(stats.connect_failures == 1 && stats.in_use == 0);
  try {
    rehost::Pool bad("not a profile");
    EXPECT(false);
  } catch (const rehost::ConfigError &error) {
    EXPECT(std::string(error.what()).find("is invalid") != std::string::npos);
  }

  try {
    rehost::host("not a profile");
    EXPECT(false);
  } catch (const rehost::ConfigError &error) {
    EXPECT(std::string(error.what()).find("is invalid") != std::string::npos);
  }
  if (failures == 0)
    std::printf("ok (C++ %ld)\n", static_cast<long>(__cplusplus));
  return failures == 0 ? 0 : 1;
}
