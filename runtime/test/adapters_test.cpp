// rehost::configure (redis-plus-plus options), rehost::connect and
// rehost::auth (cpp_redis), on stand-ins with the libraries' API shapes; the
// cpp_redis stand-ins talk to a real redis-server.
#include "client_standins.hpp"
#include "redis_server.hpp"
#include "scoped_env.hpp"
#include "test_support.hpp"

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace rehost;
using namespace rehost::test;
using std::chrono::milliseconds;

namespace {

typedef std::vector<std::vector<std::string>> Commands;

std::string port_of(const RedisServer &server) {
  return std::to_string(server.port());
}

// GET `key` in `db`, on a connection of the test's own.
std::string get_in_db(const RedisServer &server, int db, const std::string &key,
                      const std::string &password) {
  redisContext *c = server.admin_connect();
  if (!password.empty())
    freeReplyObject(redisCommand(c, "AUTH %s", password.c_str()));
  freeReplyObject(redisCommand(c, "SELECT %d", db));
  auto *r = static_cast<redisReply *>(redisCommand(c, "GET %s", key.c_str()));
  std::string value = r && r->str ? r->str : "<none>";
  freeReplyObject(r);
  redisFree(c);
  return value;
}

TEST(Configure, NothingConfiguredKeepsWhatTheCodeWrote) {
  ScopedEnv env;
  standin::ConnectionOptions opts;
  opts.host = "cache.internal";
  opts.port = 6380;
  opts.user = "default";
  opts.db = 4;
  opts.keep_alive = true;
  rehost::configure(opts, "cache");
  EXPECT_EQ(opts.type, standin::ConnectionType::TCP);
  EXPECT_EQ(opts.host, "cache.internal");
  EXPECT_EQ(opts.port, 6380);
  EXPECT_EQ(opts.user, "default");
  EXPECT_EQ(opts.password, "");
  EXPECT_EQ(opts.db, 4);
  EXPECT_TRUE(opts.keep_alive);
  // redis-plus-plus's own 0ms (no timeout) stays: not configured.
  EXPECT_EQ(opts.connect_timeout.count(), 0);
  EXPECT_EQ(opts.socket_timeout.count(), 0);
}

TEST(Configure, EnvironmentUrlWritesTheWholeProfile) {
  ScopedEnv env;
  env.set("REDIS_CACHE_URL",
          "redis://app:" + secret +
              "@10.0.0.5:6390/3?connect_timeout=250ms&socket_timeout=2s"
              "&keepalive=false");
  standin::ConnectionOptions opts;
  opts.host = "cache.internal";
  opts.port = 6380;
  opts.keep_alive = true;
  rehost::configure(opts, "cache");
  EXPECT_EQ(opts.host, "10.0.0.5");
  EXPECT_EQ(opts.port, 6390);
  EXPECT_EQ(opts.user, "app");
  EXPECT_EQ(opts.password, secret);
  EXPECT_EQ(opts.db, 3);
  EXPECT_EQ(opts.connect_timeout, milliseconds(250));
  EXPECT_EQ(opts.socket_timeout, milliseconds(2000));
  EXPECT_FALSE(opts.keep_alive);
}

TEST(Configure, PiecesFillOnlyWhatTheySet) {
  ScopedEnv env;
  env.set("REDIS_PASSWORD", secret);
  env.set("REDIS_DB", "2");
  standin::LongLongDbOptions opts;
  opts.host = "10.1.2.3";
  opts.port = 6381;
  rehost::configure(opts, "default");
  EXPECT_EQ(opts.host, "10.1.2.3");
  EXPECT_EQ(opts.port, 6381);
  EXPECT_EQ(opts.password, secret);
  EXPECT_EQ(opts.db, 2LL);
  EXPECT_EQ(opts.user, "default");
}

TEST(Configure, SocketAndHostSwitchTheType) {
  ScopedEnv env;
  env.set("REDIS_SOCKET", "/run/redis/redis.sock");
  standin::ConnectionOptions tcp;
  tcp.host = "10.1.2.3";
  rehost::configure(tcp, "default");
  EXPECT_EQ(tcp.type, standin::ConnectionType::UNIX);
  EXPECT_EQ(tcp.path, "/run/redis/redis.sock");

  ScopedEnv host_env;
  host_env.set("REDIS_HOST", "10.0.0.9");
  standin::ConnectionOptions unix_socket;
  unix_socket.type = standin::ConnectionType::UNIX;
  unix_socket.path = "/tmp/r.sock";
  rehost::configure(unix_socket, std::string("default"));
  EXPECT_EQ(unix_socket.type, standin::ConnectionType::TCP);
  EXPECT_EQ(unix_socket.host, "10.0.0.9");
  EXPECT_EQ(unix_socket.port, 6379);
}

TEST(Configure, ConfigFileAndTls) {
  ScopedEnv env;
  TempDir dir;
  env.set("REHOST_CONFIG", dir.write("rehost.toml", "[profiles.cache]\n"
                                                    "username = \"svc\"\n"
                                                    "password = \"" +
                                                        secret +
                                                        "\"\n"
                                                        "[profiles.secure]\n"
                                                        "tls = true\n"));
  standin::ConnectionOptions opts;
  rehost::configure(opts, "cache");
  EXPECT_EQ(opts.user, "svc");
  EXPECT_EQ(opts.password, secret);
  standin::ConnectionOptions secure;
  try {
    rehost::configure(secure, "secure");
    ADD_FAILURE() << "a TLS profile was configured";
  } catch (const ConfigError &error) {
    EXPECT_NE(std::string(error.what()).find("profiles.secure.tls: TLS"),
              std::string::npos)
        << error.what();
  }
}

// A listening socket nobody reads: connects succeed (the kernel completes
// them into the backlog), replies never come.
class SilentListener {
public:
  SilentListener() : fd_(socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof(addr);
    if (bind(fd_, reinterpret_cast<sockaddr *>(&addr), sizeof(addr)) != 0 ||
        listen(fd_, 8) != 0 ||
        getsockname(fd_, reinterpret_cast<sockaddr *>(&addr), &length) != 0)
      ADD_FAILURE() << "cannot listen";
    port_ = ntohs(addr.sin_port);
  }
  ~SilentListener() { close(fd_); }
  int port() const { return port_; }

private:
  int fd_;
  int port_ = 0;
};

// Keys in every db of a server whose password is `secret`.
long long keys_anywhere(const RedisServer &server) {
  long long keys = 0;
  for (int db = 0; db < 16; ++db) {
    redisContext *c = server.admin_connect();
    freeReplyObject(redisCommand(c, "AUTH %s", secret.c_str()));
    freeReplyObject(redisCommand(c, "SELECT %d", db));
    auto *r = static_cast<redisReply *>(redisCommand(c, "DBSIZE"));
    keys += r ? r->integer : 0;
    freeReplyObject(r);
    redisFree(c);
  }
  return keys;
}

// What rehost::connect threw (its message), or "<no error>".
template <class Client>
std::string handshake_error(Client &c, const std::string &profile, int port) {
  try {
    rehost::connect(c, profile, "127.0.0.1", port);
  } catch (const HandshakeError &error) {
    return error.what();
  }
  return "<no error>";
}

// A refused AUTH or SELECT fails rehost::connect itself, through the
// client's own connection, before the program can queue anything: it
// throws HandshakeError naming the variable (never the password) and
// leaves the client disconnected.
TEST(CppRedisHandshake, WrongPasswordThrowsAndDisconnects) {
  ScopedEnv env;
  RedisServer server({"--requirepass", secret});
  env.set("REDIS_URL",
          "redis://:wrong-" + secret + "@127.0.0.1:" + port_of(server) + "/3");
  standin::client client;
  const std::string message = handshake_error(client, "default", 1);
  EXPECT_EQ(message.rfind("REDIS_URL: AUTH failed: WRONGPASS", 0), 0u)
      << message;
  EXPECT_EQ(message.find(secret), std::string::npos) << message;
  EXPECT_FALSE(client.connection.connected());
  // What the program would do next cannot reach the server.
  client.send({"SET", "written", "yes"}, nullptr);
  client.sync_commit();
  EXPECT_EQ(keys_anywhere(server), 0);
}

TEST(CppRedisHandshake, RefusedDbThrowsBeforeTheProgramsFirstCommand) {
  ScopedEnv env;
  RedisServer server({"--requirepass", secret});
  env.set("REDIS_URL",
          "redis://:" + secret + "@127.0.0.1:" + port_of(server) + "/99");
  standin::client client;
  EXPECT_EQ(handshake_error(client, "default", 1),
            "REDIS_URL: SELECT 99 failed: ERR DB index is out of range");
  EXPECT_EQ(client.connection.sent,
            (Commands{{"AUTH", secret}, {"SELECT", "99"}}));
  EXPECT_FALSE(client.connection.connected());
  client.send({"SET", "written", "yes"}, nullptr);
  client.sync_commit();
  EXPECT_EQ(keys_anywhere(server), 0);
}

TEST(CppRedisHandshake, SubscriberWrongPasswordThrows) {
  ScopedEnv env;
  RedisServer server({"--requirepass", secret});
  env.set("REDIS_EVENTS_PASSWORD", "wrong-" + secret);
  env.set("REDIS_EVENTS_PORT", port_of(server));
  standin::subscriber sub;
  const std::string message = handshake_error(sub, "events", 1);
  EXPECT_EQ(message.rfind("REDIS_EVENTS_PASSWORD: AUTH failed: WRONGPASS", 0),
            0u)
      << message;
  EXPECT_EQ(message.find(secret), std::string::npos) << message;
  EXPECT_FALSE(sub.connection.connected());
}

TEST(CppRedisHandshake, ClientNameIsSentAndChecked) {
  ScopedEnv env;
  RedisServer server;
  env.set("REDIS_PORT", port_of(server));
  env.set("REDIS_CLIENT_NAME", "billing");
  standin::client client;
  EXPECT_EQ(handshake_error(client, "default", 1), "<no error>");
  std::future<standin::reply> name = client.send({"CLIENT", "GETNAME"});
  client.sync_commit();
  EXPECT_EQ(name.get().text, "billing");
}

// A server that accepts but never answers: the wait is bounded by the
// connect timeout, and its message says which command got no reply.
TEST(CppRedisHandshake, NoReplyWithinTheConnectTimeoutThrows) {
  ScopedEnv env;
  SilentListener silent;
  env.set("REDIS_PORT", std::to_string(silent.port()));
  env.set("REDIS_PASSWORD", secret);
  env.set("REDIS_CONNECT_TIMEOUT", "200ms");
  standin::client client;
  auto start = std::chrono::steady_clock::now();
  const std::string message = handshake_error(client, "default", 1);
  auto waited = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(message, "REDIS_PASSWORD: AUTH: no reply within 200ms "
                     "(connect_timeout from env:REDIS_CONNECT_TIMEOUT)");
  EXPECT_LT(waited, std::chrono::seconds(2));
  EXPECT_FALSE(client.connection.connected());
}

TEST(CppRedisConnect, FallbackOnlySendsNothingExtra) {
  ScopedEnv env;
  RedisServer server;
  standin::client client;
  bool called = false;
  rehost::connect(
      client, "default", "127.0.0.1", server.port(),
      [&](const std::string &, std::size_t, standin::connect_state s) {
        called = s == standin::connect_state::ok;
      },
      100);
  EXPECT_TRUE(called);
  EXPECT_EQ(client.connection.connected_port,
            static_cast<std::size_t>(server.port()));
  EXPECT_EQ(client.connection.connect_timeout_ms, 100u);
  client.sync_commit();
  EXPECT_TRUE(client.connection.sent.empty());
}

TEST(CppRedisConnect, ProfileAuthAndSelectGoFirst) {
  ScopedEnv env;
  RedisServer server({"--requirepass", secret});
  env.set("REDIS_URL",
          "redis://:" + secret + "@127.0.0.1:" + port_of(server) + "/2");
  standin::client client;
  rehost::connect(client, "default", "10.9.9.9", 6380);
  EXPECT_EQ(client.connection.connected_host, "127.0.0.1");
  std::string set_reply;
  client.send({"SET", "k", "in-db-2"},
              [&](standin::reply &r) { set_reply = r.text; });
  client.sync_commit();
  EXPECT_EQ(
      client.connection.sent,
      (Commands{{"AUTH", secret}, {"SELECT", "2"}, {"SET", "k", "in-db-2"}}));
  EXPECT_EQ(set_reply, "OK");
  EXPECT_EQ(get_in_db(server, 2, "k", secret), "in-db-2");
}

TEST(CppRedisConnect, StrictFormUsesConfigurationOnly) {
  ScopedEnv env;
  RedisServer server;
  env.set("REDIS_EVENTS_PORT", port_of(server));
  env.set("REDIS_EVENTS_DB", "5");
  standin::client client;
  rehost::connect(client, "events");
  std::future<standin::reply> pong = client.send({"PING"});
  client.sync_commit();
  EXPECT_EQ(pong.get().text, "PONG");
  EXPECT_EQ(client.connection.sent, (Commands{{"SELECT", "5"}, {"PING"}}));
}

TEST(CppRedisConnect, SubscriberGetsAuthButNoSelect) {
  ScopedEnv env;
  RedisServer server({"--requirepass", secret});
  env.set("REDIS_EVENTS_PASSWORD", secret);
  env.set("REDIS_EVENTS_DB", "3");
  standin::subscriber sub;
  rehost::connect(sub, "events", "127.0.0.1", server.port(), nullptr, 100);
  sub.commit();
  EXPECT_EQ(sub.connection.sent, (Commands{{"AUTH", secret}}));
}

TEST(CppRedisConnect, RefusesWhatCppRedisCannotDo) {
  ScopedEnv env;
  env.set("REDIS_A_SOCKET", "/run/redis.sock");
  env.set("REDIS_B_USERNAME", "worker");
  env.set("REDIS_B_PASSWORD", secret);
  env.set("REDIS_C_URL", "rediss://h:6380");
  const std::pair<const char *, const char *> cases[] = {
      {"a", "REDIS_A_SOCKET: profile 'a' is a unix socket"},
      {"b", "REDIS_B_USERNAME: profile 'b' logs in as ACL user 'worker'"},
      {"c", "REDIS_C_URL: TLS"}};
  for (const auto &[profile, expected] : cases) {
    standin::client client;
    try {
      rehost::connect(client, profile, "127.0.0.1", 6379);
      ADD_FAILURE() << profile << ": no error";
    } catch (const ConfigError &error) {
      EXPECT_EQ(std::string(error.what()).rfind(expected, 0), 0u)
          << error.what();
      EXPECT_EQ(std::string(error.what()).find(secret), std::string::npos);
    }
    EXPECT_TRUE(client.connection.connected_host.empty()) << profile;
    EXPECT_THROW(rehost::auth(client, profile), ConfigError);
  }
}

TEST(CppRedisAuth, PasswordConfigured) {
  ScopedEnv env;
  RedisServer server({"--requirepass", secret});
  env.set("REDIS_PASSWORD", secret);
  standin::client client;
  client.connect("127.0.0.1", server.port());
  std::string reply;
  standin::client &same = rehost::auth(
      client, "default", [&](standin::reply &r) { reply = r.text; });
  EXPECT_EQ(&same, &client);
  std::future<standin::reply> again = rehost::auth(client, "default");
  client.sync_commit();
  EXPECT_EQ(reply, "OK");
  EXPECT_EQ(again.get().text, "OK");
  // Each call checks AUTH on its own first, then queues the program's.
  EXPECT_EQ(client.connection.sent, (Commands{{"AUTH", secret},
                                              {"AUTH", secret},
                                              {"AUTH", secret},
                                              {"AUTH", secret}}));
}

// The program's callback or future might ignore the refusal (a subscriber's
// auth() has none by default): rehost::auth does not.
TEST(CppRedisAuth, WrongPasswordThrowsAndDisconnects) {
  ScopedEnv env;
  RedisServer server({"--requirepass", secret});
  env.set("REDIS_PASSWORD", "wrong-" + secret);
  standin::client client;
  client.connect("127.0.0.1", server.port());
  try {
    rehost::auth(client, "default");
    ADD_FAILURE() << "no error";
  } catch (const HandshakeError &error) {
    const std::string message = error.what();
    EXPECT_EQ(message.rfind("REDIS_PASSWORD: AUTH failed: WRONGPASS", 0), 0u)
        << message;
    EXPECT_EQ(message.find(secret), std::string::npos) << message;
  }
  EXPECT_FALSE(client.connection.connected());

  standin::subscriber sub;
  sub.connect("127.0.0.1", server.port());
  EXPECT_THROW(rehost::auth(sub, "default"), HandshakeError);
  EXPECT_FALSE(sub.connection.connected());
}

TEST(CppRedisAuth, NoPasswordSendsSelectOfTheProfileDb) {
  ScopedEnv env;
  RedisServer server;
  env.set("REDIS_DB", "4");
  standin::client client;
  rehost::connect(client, "default", "127.0.0.1", server.port());
  bool ok = false;
  rehost::auth(client, "default", [&](standin::reply &r) { ok = r.ok; });
  std::future<standin::reply> future_form = rehost::auth(client, "default");
  client.sync_commit();
  EXPECT_TRUE(ok);
  EXPECT_EQ(future_form.get().text, "OK");
  EXPECT_EQ(client.connection.sent,
            (Commands{{"SELECT", "4"}, {"SELECT", "4"}, {"SELECT", "4"}}));

  standin::subscriber sub;
  sub.connect("127.0.0.1", server.port());
  EXPECT_EQ(&rehost::auth(sub, "default"), &sub);
  EXPECT_EQ(&rehost::auth(sub, "default", nullptr), &sub);
  sub.commit();
  EXPECT_TRUE(sub.connection.sent.empty());
}

} // namespace
