// RUN: %expect-exit 0 %rehost scan %s -- -std=c++17 -I%inputs 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=s3cret
// Types, methods and fields that only share a name with a client API are
// not sites: matching is on the declaration the library's headers make.

#include <sw/redis++/redis++.h>
#include <string>

namespace app {
struct Redis {
  explicit Redis(const std::string &uri);
};
struct ConnectionOptions {
  std::string host;
  std::string password;
};
struct client {
  void connect(const std::string &host = "127.0.0.1", std::size_t port = 6379);
  void auth(const std::string &password);
};
} // namespace app

namespace cpp_redis {
// A project's own class in the library's namespace, declared outside its headers.
struct client {
  void connect(const std::string &host = "127.0.0.1", std::size_t port = 6379);
};
} // namespace cpp_redis

struct Settings {
  std::string password;
  int port;
};

void lookalikes(app::client &c, cpp_redis::client &own) {
  app::Redis redis("tcp://127.0.0.1:6379");
  app::ConnectionOptions opts;
  opts.host = "cache.internal";
  opts.password = "s3cret";
  c.connect();
  c.auth("s3cret");
  own.connect();
  Settings s;
  s.password = "s3cret";
  s.port = 6379;
}

void log_only() {
  std::string message = "connect with tcp://app:s3cret@cache:6379";
  (void)message;
}

// CHECK: rehost: 0 findings
