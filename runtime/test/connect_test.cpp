// The drop-in connectors against a real redis-server on loopback.
#include "async_driver.hpp"
#include "redis_server.hpp"
#include "scoped_env.hpp"
#include "test_support.hpp"

#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>

#include <chrono>

extern "C" int rehost_test_c_ping(const char *profile, const char *ip, int port,
                                  char *err, size_t errlen);
extern "C" const char *rehost_test_c_host(const char *profile,
                                          const char *fallback);
extern "C" redisContext *rehost_test_c_bind_nonblock(const char *profile,
                                                     const char *ip, int port,
                                                     const char *source_addr);
extern "C" redisAsyncContext *rehost_test_c_async_bind(int reuse,
                                                       const char *profile,
                                                       const char *ip, int port,
                                                       const char *source_addr);

using namespace rehost;
using namespace rehost::test;
using Clock = std::chrono::steady_clock;

namespace {

long long ms_since(Clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() -
                                                               start)
      .count();
}

// Drives a non-blocking context until one reply arrives (bounded: 2 s).
Reply nonblocking_command(redisContext *c, const char *command) {
  redisAppendCommand(c, command);
  int done = 0;
  for (int i = 0; i < 200 && !done; ++i)
    if (redisBufferWrite(c, &done) != REDIS_OK)
      return nullptr;
  void *reply = nullptr;
  for (int i = 0; i < 200 && !reply; ++i) {
    pollfd pfd{c->fd, POLLIN, 0};
    poll(&pfd, 1, 10);
    if (redisBufferRead(c) != REDIS_OK || redisGetReply(c, &reply) != REDIS_OK)
      return nullptr;
  }
  return Reply(static_cast<redisReply *>(reply));
}

TEST(Connect, FallbackOnly) {
  ScopedEnv env;
  RedisServer server;
  Context c(rehost_redisConnect("default", "127.0.0.1", server.port()));
  ASSERT_TRUE(c && !c->err) << (c ? c->errstr : "");
  EXPECT_EQ(text_of(c.get(), "PING"), "PONG");
}

TEST(Connect, EnvironmentBeatsFallback) {
  ScopedEnv env;
  RedisServer server;
  env.set("REDIS_URL", server.url());
  Context c(rehost_redisConnect("default", "127.0.0.1", 1));
  ASSERT_TRUE(c && !c->err) << (c ? c->errstr : "");
  EXPECT_EQ(text_of(c.get(), "PING"), "PONG");
}

TEST(Connect, FromC) {
  ScopedEnv env;
  RedisServer server;
  char err[256] = "";
  EXPECT_EQ(rehost_test_c_ping("default", "127.0.0.1", server.port(), err,
                               sizeof err),
            1)
      << err;
  env.set("REDIS_PORT", "notaport");
  EXPECT_EQ(rehost_test_c_ping("default", "127.0.0.1", server.port(), err,
                               sizeof err),
            0);
  EXPECT_STREQ(err, "REDIS_PORT: port 'notaport' is not a number");
  EXPECT_STREQ(rehost_test_c_host("default", "h"), nullptr);
}

// rehost_last_error() follows every C entry point, the hiredis-style ones
// too: it says why the last call failed, and nothing after a success.
TEST(Connect, LastErrorFollowsEachConnect) {
  RedisServer server;
  Context good;
  {
    ScopedEnv env;
    env.set("REDIS_PORT", "notaport");
    Context bad(rehost_redisConnect("default", "127.0.0.1", server.port()));
    ASSERT_TRUE(bad && bad->err);
    EXPECT_STREQ(rehost_last_error(), bad->errstr);
  }
  ScopedEnv env;
  good.reset(rehost_redisConnect("default", "127.0.0.1", server.port()));
  ASSERT_TRUE(good && !good->err) << good->errstr;
  EXPECT_EQ(rehost_last_error(), nullptr);

  env.set("REDIS_DB", "x");
  redisAsyncContext *async_bad =
      rehost_redisAsyncConnect("default", "127.0.0.1", server.port());
  ASSERT_TRUE(async_bad && async_bad->err);
  EXPECT_STREQ(rehost_last_error(), async_bad->errstr);
  redisAsyncFree(async_bad);
  EXPECT_EQ(rehost_redisAuth(good.get(), "default"), nullptr);
  EXPECT_STREQ(rehost_last_error(), good->errstr);
  EXPECT_NE(std::string(good->errstr).find("REDIS_DB"), std::string::npos);
}

TEST(Connect, RequirePass) {
  ScopedEnv env;
  RedisServer server({"--requirepass", secret});
  env.set("REDIS_PORT", std::to_string(server.port()));
  env.set("REDIS_PASSWORD", secret);
  Context c(rehost_redisConnect("default", "127.0.0.1", 6379));
  ASSERT_TRUE(c && !c->err) << (c ? c->errstr : "");
  EXPECT_EQ(text_of(c.get(), "PING"), "PONG");

  env.set("REDIS_PASSWORD", "wrong-" + secret);
  Context bad(rehost_redisConnect("default", "127.0.0.1", 6379));
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->err, REDIS_ERR_OTHER);
  EXPECT_EQ(std::string(bad->errstr)
                .rfind("REDIS_PASSWORD: AUTH failed: "
                       "WRONGPASS",
                       0),
            0u)
      << bad->errstr;
  EXPECT_EQ(std::string(bad->errstr).find(secret), std::string::npos);
}

// Found by the fault soak: a full server answered AUTH with its maxclients
// error, and the message blamed REDIS_PASSWORD for it.
TEST(Connect, FullServerIsNotBlamedOnThePassword) {
  ScopedEnv env;
  RedisServer server({"--requirepass", secret});
  env.set("REDIS_PORT", std::to_string(server.port()));
  env.set("REDIS_PASSWORD", secret);
  Context admin(server.admin_connect());
  ASSERT_TRUE(admin && !admin->err);
  Reply(static_cast<redisReply *>(
      redisCommand(admin.get(), "AUTH %s", secret.c_str())));
  Reply lowered = run(admin.get(), "CONFIG SET maxclients 1");
  ASSERT_TRUE(lowered && lowered->type == REDIS_REPLY_STATUS);

  Context c(rehost_redisConnect("default", "127.0.0.1", 6379));
  ASSERT_TRUE(c);
  EXPECT_EQ(c->err, REDIS_ERR_OTHER);
  EXPECT_EQ(std::string(c->errstr),
            "the server refused the connection: ERR max number of clients "
            "reached");
  Reply restored = run(admin.get(), "CONFIG SET maxclients 100");
  Context again(rehost_redisConnect("default", "127.0.0.1", 6379));
  ASSERT_TRUE(again && !again->err) << (again ? again->errstr : "");
}

TEST(Connect, AclUserAndDbAndClientName) {
  ScopedEnv env;
  RedisServer server;
  Context admin(server.admin_connect());
  ASSERT_EQ(text_of(admin.get(), "ACL SETUSER app on >app-pw ~* &* +@all"),
            "OK");
  env.set("REDIS_URL",
          "redis://app:app-pw@127.0.0.1:" + std::to_string(server.port()) +
              "/5?client_name=rehost-test");
  Context c(rehost_redisConnect("default", nullptr, 0));
  ASSERT_TRUE(c && !c->err) << (c ? c->errstr : "");
  EXPECT_EQ(text_of(c.get(), "ACL WHOAMI"), "app");
  EXPECT_EQ(text_of(c.get(), "CLIENT GETNAME"), "rehost-test");
  EXPECT_EQ(text_of(c.get(), "SET k in-db-5"), "OK");
  EXPECT_EQ(text_of(admin.get(), "SELECT 5"), "OK");
  EXPECT_EQ(text_of(admin.get(), "GET k"), "in-db-5");

  env.set("REDIS_URL",
          "redis://app:nope@127.0.0.1:" + std::to_string(server.port()));
  Context bad(rehost_redisConnect("default", nullptr, 0));
  EXPECT_EQ(
      std::string(bad->errstr).rfind("REDIS_URL: AUTH as 'app' failed", 0), 0u)
      << bad->errstr;
}

TEST(Connect, BadDbIsNamed) {
  ScopedEnv env;
  RedisServer server;
  env.set("REDIS_PORT", std::to_string(server.port()));
  env.set("REDIS_DB", "100");
  Context c(rehost_redisConnect("default", "127.0.0.1", 0));
  EXPECT_EQ(std::string(c->errstr), "REDIS_DB: SELECT 100 failed: ERR DB "
                                    "index is out of range");
}

TEST(Connect, PasswordFileIsReReadPerConnection) {
  ScopedEnv env;
  TempDir dir;
  RedisServer server({"--requirepass", "first"});
  env.set("REDIS_PORT", std::to_string(server.port()));
  env.set("REDIS_PASSWORD_FILE", dir.write("pw", "first\n"));
  Context c1(rehost_redisConnect("default", "127.0.0.1", 0));
  ASSERT_TRUE(c1 && !c1->err) << c1->errstr;
  EXPECT_EQ(text_of(c1.get(), "CONFIG SET requirepass second"), "OK");
  dir.write("pw", "second\n");
  Context c2(rehost_redisConnect("default", "127.0.0.1", 0));
  ASSERT_TRUE(c2 && !c2->err) << c2->errstr;
  EXPECT_EQ(text_of(c2.get(), "PING"), "PONG");
}

TEST(Connect, UnixSocket) {
  ScopedEnv env;
  TempDir dir;
  std::string path = (dir.path() / "redis.sock").string();
  RedisServer server({"--unixsocket", path, "--unixsocketperm", "700"});
  Context c(rehost_redisConnectUnix("default", path.c_str()));
  ASSERT_TRUE(c && !c->err) << c->errstr;
  EXPECT_EQ(text_of(c.get(), "PING"), "PONG");

  env.set("REDIS_URL", "unix://" + path + "?db=3");
  Context via_url(rehost_redisConnect("default", "127.0.0.1", 1));
  ASSERT_TRUE(via_url && !via_url->err) << via_url->errstr;
  EXPECT_EQ(text_of(via_url.get(), "CLIENT INFO").find(" db=3 ") !=
                std::string::npos,
            true);

  env.set("REDIS_URL", "");
  env.set("REDIS_SOCKET", path);
  timeval tv{1, 0};
  Context timed(rehost_redisConnectUnixWithTimeout("default", "/nowhere", tv));
  ASSERT_TRUE(timed && !timed->err) << timed->errstr;
  Context nonblocking(rehost_redisConnectUnixNonBlock("default", "/nowhere"));
  ASSERT_TRUE(nonblocking && !nonblocking->err) << nonblocking->errstr;
  Reply r = nonblocking_command(nonblocking.get(), "PING");
  ASSERT_TRUE(r);
  EXPECT_STREQ(r->str, "PONG");
}

TEST(Connect, NonBlockingWithHandshake) {
  ScopedEnv env;
  RedisServer server({"--requirepass", secret});
  env.set("REDIS_PASSWORD", secret);
  env.set("REDIS_DB", "2");
  Context c(rehost_redisConnectNonBlock("default", "127.0.0.1", server.port()));
  ASSERT_TRUE(c && !c->err) << c->errstr;
  EXPECT_FALSE(c->flags & REDIS_BLOCK);
  Reply r = nonblocking_command(c.get(), "CLIENT INFO");
  ASSERT_TRUE(r && r->str);
  EXPECT_NE(std::string(r->str).find(" db=2 "), std::string::npos);

  Context bound(rehost_redisConnectBindNonBlock("default", "127.0.0.1",
                                                server.port(), "127.0.0.1"));
  ASSERT_TRUE(bound && !bound->err) << bound->errstr;
  Reply pong = nonblocking_command(bound.get(), "PING");
  ASSERT_TRUE(pong);
  EXPECT_STREQ(pong->str, "PONG");
}

TEST(Connect, RefusedNamesEndpointAndSource) {
  ScopedEnv env;
  int port = free_loopback_port();
  env.set("REDIS_PORT", std::to_string(port));
  Context c(rehost_redisConnect("default", "127.0.0.1", 6379));
  ASSERT_TRUE(c);
  EXPECT_EQ(c->err, REDIS_ERR_IO);
  EXPECT_EQ(std::string(c->errstr),
            "127.0.0.1:" + std::to_string(port) +
                " (host call site, port REDIS_PORT): Connection refused");
}

TEST(Connect, CommandTimeout) {
  ScopedEnv env;
  RedisServer server;
  env.set("REDIS_PORT", std::to_string(server.port()));
  env.set("REDIS_COMMAND_TIMEOUT", "200ms");
  Context c(rehost_redisConnect("default", "127.0.0.1", 0));
  ASSERT_TRUE(c && !c->err) << c->errstr;
  auto start = Clock::now();
  Reply r = run(c.get(), "DEBUG SLEEP 1");
  EXPECT_FALSE(r);
  EXPECT_NE(c->err, 0);
  EXPECT_LT(ms_since(start), 900);
  EXPECT_GE(ms_since(start), 150);
}

TEST(Connect, NoCommandTimeoutByDefaultSoBlpopWorks) {
  ScopedEnv env;
  RedisServer server;
  env.set("REDIS_PORT", std::to_string(server.port()));
  Context c(rehost_redisConnectWithTimeout("default", "127.0.0.1", 0,
                                           timeval{0, 200000}));
  ASSERT_TRUE(c && !c->err) << c->errstr;
  auto start = Clock::now();
  Reply r = run(c.get(), "BLPOP nothing 1");
  ASSERT_TRUE(r) << c->errstr;
  EXPECT_EQ(r->type, REDIS_REPLY_NIL);
  EXPECT_GE(ms_since(start), 900);
}

// A listener whose accept queue is full: the kernel drops further SYNs, so a
// connect to it hangs until the client's timeout.
class FullBacklogListener {
public:
  FullBacklogListener() {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof(addr);
    bind(fd_, reinterpret_cast<sockaddr *>(&addr), sizeof(addr));
    listen(fd_, 0);
    getsockname(fd_, reinterpret_cast<sockaddr *>(&addr), &length);
    port_ = ntohs(addr.sin_port);
    for (int &filler : fillers_) {
      filler = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
      connect(filler, reinterpret_cast<sockaddr *>(&addr), sizeof(addr));
    }
  }
  ~FullBacklogListener() {
    for (int filler : fillers_)
      close(filler);
    close(fd_);
  }
  int port() const { return port_; }

private:
  int fd_ = -1;
  int port_ = 0;
  int fillers_[3] = {-1, -1, -1};
};

TEST(Connect, ConnectTimeout) {
  ScopedEnv env;
  FullBacklogListener listener;
  env.set("REDIS_CONNECT_TIMEOUT", "300ms");
  auto start = Clock::now();
  Context c(rehost_redisConnect("default", "127.0.0.1", listener.port()));
  ASSERT_TRUE(c);
  EXPECT_NE(c->err, 0);
  EXPECT_LT(ms_since(start), 2000);
  EXPECT_NE(std::string(c->errstr).find("(call site)"), std::string::npos)
      << c->errstr;
}

TEST(Connect, HandshakeIsBoundedByConnectTimeout) {
  ScopedEnv env;
  RedisServer server({"--requirepass", secret});
  Context admin(server.admin_connect());
  ASSERT_EQ(text_of(admin.get(), ("AUTH " + secret).c_str()), "OK");
  // Put the server to sleep without waiting for the reply.
  redisAppendCommand(admin.get(), "DEBUG SLEEP 2");
  int done = 0;
  while (!done)
    ASSERT_EQ(redisBufferWrite(admin.get(), &done), REDIS_OK);
  env.set("REDIS_PASSWORD", secret);
  env.set("REDIS_CONNECT_TIMEOUT", "300ms");
  auto start = Clock::now();
  Context c(rehost_redisConnect("default", "127.0.0.1", server.port()));
  ASSERT_TRUE(c);
  EXPECT_NE(c->err, 0);
  EXPECT_LT(ms_since(start), 1500);
  EXPECT_EQ(std::string(c->errstr).rfind("REDIS_PASSWORD: AUTH failed", 0), 0u)
      << c->errstr;
}

// A TLS profile pointed at a plaintext server: a runtime without hiredis_ssl
// refuses it, one with it fails the TLS handshake; neither talks plaintext.
TEST(Connect, TlsIsAnErrorNeverPlaintext) {
  ScopedEnv env;
  RedisServer server;
  env.set("REDIS_CONNECT_TIMEOUT", "300ms");
  env.set("REDIS_URL", "rediss://127.0.0.1:" + std::to_string(server.port()));
  Context c(rehost_redisConnect("default", nullptr, 0));
  ASSERT_TRUE(c);
  const std::string refused = REHOST_TEST_WITH_TLS
                                  ? "(REDIS_URL): TLS handshake failed: "
                                  : "REDIS_URL: TLS needs hiredis >= 1.0";
  EXPECT_NE(c->err, 0);
  EXPECT_NE(std::string(c->errstr).find(refused), std::string::npos)
      << c->errstr;
  if (!REHOST_TEST_WITH_TLS)
    EXPECT_EQ(c->err, REDIS_ERR_OTHER);
  // An error context is still safe to use, as hiredis's own are.
  EXPECT_FALSE(run(c.get(), "PING"));
  env.set("REDIS_URL", "");
  env.set("REDIS_TLS", "1");
  Context c2(rehost_redisConnect("default", "127.0.0.1", server.port()));
  const std::string why = REHOST_TEST_WITH_TLS
                              ? "(call site): TLS handshake failed: no TLS "
                                "answer within the connect timeout"
                              : "REDIS_TLS: TLS needs hiredis >= 1.0";
  EXPECT_NE(std::string(c2->errstr).find(why), std::string::npos) << c2->errstr;
}

struct AsyncReply {
  bool finished = false;
  bool disconnected = false;
  std::string text;
};

// Sends `command` on an async drop-in's context, drives it and frees it.
// Returns the reply text, or what went wrong.
std::string async_text(redisAsyncContext *ac, const char *command) {
  if (!ac)
    return "<null context>";
  if (ac->err) {
    std::string error = std::string("<err: ") + ac->errstr + ">";
    redisAsyncFree(ac);
    return error;
  }
  AsyncReply result;
  ac->data = &result;
  redisAsyncSetDisconnectCallback(ac, [](const redisAsyncContext *ac, int) {
    auto *result = static_cast<AsyncReply *>(ac->data);
    result->disconnected = true;
    result->finished = true;
    if (result->text.empty())
      result->text =
          std::string("<disconnected: ") + (ac->errstr ? ac->errstr : "") + ">";
  });
  redisAsyncCommand(
      ac,
      [](redisAsyncContext *ac, void *reply, void *) {
        auto *r = static_cast<redisReply *>(reply);
        auto *result = static_cast<AsyncReply *>(ac->data);
        if (ac->err) // a refused handshake: wait for the disconnect
          return;
        if (r && r->str)
          result->text.assign(r->str, r->len);
        result->finished = true;
      },
      nullptr, command);
  drive(ac, result.finished);
  if (!result.disconnected)
    redisAsyncFree(ac);
  return result.text;
}

TEST(Connect, AsyncHandshake) {
  ScopedEnv env;
  RedisServer server({"--requirepass", secret});
  Context admin(server.admin_connect());
  text_of(admin.get(), ("AUTH " + secret).c_str());
  text_of(admin.get(), "SELECT 4");
  text_of(admin.get(), "SET k four");
  env.set("REDIS_PASSWORD", secret);
  env.set("REDIS_DB", "4");
  redisAsyncContext *ac =
      rehost_redisAsyncConnect("default", "127.0.0.1", server.port());
  ASSERT_TRUE(ac && !ac->err);
  EXPECT_EQ(async_text(ac, "GET k"), "four");
}

// Keys in every db of a server whose password is `secret`.
long long keys_anywhere(const RedisServer &server) {
  Context admin(server.admin_connect());
  text_of(admin.get(), ("AUTH " + secret).c_str());
  long long keys = 0;
  for (int db = 0; db < 16; ++db) {
    text_of(admin.get(), ("SELECT " + std::to_string(db)).c_str());
    Reply size = run(admin.get(), "DBSIZE");
    keys += size ? size->integer : 0;
  }
  return keys;
}

// What an async program does: connect, and unless the context has err set,
// send a write and run the event loop until it is answered or disconnected.
struct AsyncWrite {
  bool failed_at_connect = false;
  std::string errstr;
};
AsyncWrite connect_async_and_write(int port) {
  redisAsyncContext *ac =
      rehost_redisAsyncConnect("default", "127.0.0.1", port);
  AsyncWrite attempt;
  attempt.failed_at_connect = ac && ac->err;
  if (attempt.failed_at_connect)
    attempt.errstr = ac->errstr;
  async_text(ac, "SET written yes"); // frees ac
  return attempt;
}

// hiredis pipelines the program's commands right behind a queued handshake,
// so the handshake is checked before the async connect returns: a refusal
// is the connect's error, and the program's write never reaches the server.
TEST(Connect, AsyncWrongPasswordFailsTheConnectBeforeAnyCommand) {
  ScopedEnv env;
  RedisServer server({"--requirepass", secret});
  env.set("REDIS_URL", "redis://:wrong-" + secret + "@127.0.0.1:" +
                           std::to_string(server.port()) + "/3");
  AsyncWrite attempt = connect_async_and_write(server.port());
  EXPECT_TRUE(attempt.failed_at_connect);
  EXPECT_EQ(attempt.errstr.rfind("REDIS_URL: AUTH failed: WRONGPASS", 0), 0u)
      << attempt.errstr;
  EXPECT_EQ(attempt.errstr.find(secret), std::string::npos) << attempt.errstr;
  EXPECT_EQ(keys_anywhere(server), 0);
}

TEST(Connect, AsyncRefusedDbFailsTheConnectBeforeAnyCommand) {
  ScopedEnv env;
  RedisServer server({"--requirepass", secret});
  env.set("REDIS_URL", "redis://:" + secret + "@127.0.0.1:" +
                           std::to_string(server.port()) + "/99");
  AsyncWrite attempt = connect_async_and_write(server.port());
  EXPECT_TRUE(attempt.failed_at_connect);
  EXPECT_EQ(attempt.errstr,
            "REDIS_URL: SELECT 99 failed: ERR DB index is out of range");
  EXPECT_EQ(keys_anywhere(server), 0);
}

TEST(Connect, AsyncUnreachableWithHandshakeFailsTheConnect) {
  ScopedEnv env;
  int dead_port = free_loopback_port();
  env.set("REDIS_URL", "redis://:" + secret +
                           "@127.0.0.1:" + std::to_string(dead_port) + "/2");
  redisAsyncContext *ac =
      rehost_redisAsyncConnect("default", "127.0.0.1", dead_port);
  ASSERT_TRUE(ac);
  EXPECT_EQ(ac->err, REDIS_ERR_IO);
  EXPECT_EQ(std::string(ac->errstr),
            "127.0.0.1:" + std::to_string(dead_port) +
                " (REDIS_URL): connect: Connection refused");
  redisAsyncFree(ac);
}

TEST(Connect, AsyncConfigErrorAndUnix) {
  ScopedEnv env;
  env.set("REDIS_PORT", "x");
  redisAsyncContext *ac = rehost_redisAsyncConnect("default", "127.0.0.1", 1);
  ASSERT_TRUE(ac);
  EXPECT_EQ(ac->err, REDIS_ERR_OTHER);
  EXPECT_STREQ(ac->errstr, "REDIS_PORT: port 'x' is not a number");
  redisAsyncFree(ac);

  TempDir dir;
  std::string path = (dir.path() / "r.sock").string();
  RedisServer server({"--unixsocket", path});
  env.set("REDIS_PORT", "");
  ac = rehost_redisAsyncConnectUnix("default", path.c_str());
  ASSERT_TRUE(ac && !ac->err) << ac->errstr;
  EXPECT_EQ(async_text(ac, "PING"), "PONG");
}

// The Bind drop-ins. Each test points the environment at a server that
// requires a password and gives a fallback port nobody listens on, so a reply
// proves the connection went where the profile says and AUTH happened.
constexpr const char *source = "127.0.0.1";

bool reuse_address_set(int fd) {
  int on = 0;
  socklen_t length = sizeof(on);
  getsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, &length);
  return on != 0;
}

class BindTest : public ::testing::Test {
protected:
  BindTest() : server_({"--requirepass", secret}) {
    env_.set("REDIS_PORT", std::to_string(server_.port()));
    env_.set("REDIS_PASSWORD", secret);
  }
  ScopedEnv env_;
  RedisServer server_;
  int dead_port_ = free_loopback_port();
};

TEST_F(BindTest, BindNonBlockWithReuse) {
  Context c(rehost_redisConnectBindNonBlockWithReuse("default", "127.0.0.1",
                                                     dead_port_, source));
  ASSERT_TRUE(c && !c->err) << (c ? c->errstr : "");
  EXPECT_FALSE(c->flags & REDIS_BLOCK);
  EXPECT_TRUE(reuse_address_set(c->fd));
  Reply r = nonblocking_command(c.get(), "CLIENT INFO");
  ASSERT_TRUE(r && r->str);
  EXPECT_NE(std::string(r->str).find(" addr=127.0.0.1:"), std::string::npos)
      << r->str;

  // The existing variant binds without SO_REUSEADDR.
  Context plain(rehost_redisConnectBindNonBlock("default", "127.0.0.1",
                                                dead_port_, source));
  ASSERT_TRUE(plain && !plain->err) << (plain ? plain->errstr : "");
  EXPECT_FALSE(reuse_address_set(plain->fd));
}

TEST_F(BindTest, AsyncBind) {
  redisAsyncContext *ac =
      rehost_redisAsyncConnectBind("default", "127.0.0.1", dead_port_, source);
  ASSERT_TRUE(ac && !ac->err) << (ac ? ac->errstr : "");
  EXPECT_FALSE(reuse_address_set(ac->c.fd));
  std::string info = async_text(ac, "CLIENT INFO");
  EXPECT_NE(info.find(" addr=127.0.0.1:"), std::string::npos) << info;
}

TEST_F(BindTest, AsyncBindWithReuse) {
  redisAsyncContext *ac = rehost_redisAsyncConnectBindWithReuse(
      "default", "127.0.0.1", dead_port_, source);
  ASSERT_TRUE(ac && !ac->err) << (ac ? ac->errstr : "");
  EXPECT_TRUE(reuse_address_set(ac->c.fd));
  std::string info = async_text(ac, "CLIENT INFO");
  EXPECT_NE(info.find(" addr=127.0.0.1:"), std::string::npos) << info;
}

TEST_F(BindTest, FromC) {
  Context c(
      rehost_test_c_bind_nonblock("default", "127.0.0.1", dead_port_, source));
  ASSERT_TRUE(c && !c->err) << (c ? c->errstr : "");
  Reply r = nonblocking_command(c.get(), "PING");
  ASSERT_TRUE(r && r->str);
  EXPECT_STREQ(r->str, "PONG");
  for (int reuse : {0, 1})
    EXPECT_EQ(async_text(rehost_test_c_async_bind(reuse, "default", "127.0.0.1",
                                                  dead_port_, source),
                         "PING"),
              "PONG")
        << "reuse " << reuse;

  env_.set("REDIS_PORT", "notaport");
  Context bad(
      rehost_test_c_bind_nonblock("default", "127.0.0.1", dead_port_, source));
  ASSERT_TRUE(bad);
  EXPECT_STREQ(bad->errstr, "REDIS_PORT: port 'notaport' is not a number");
  for (int reuse : {0, 1})
    EXPECT_EQ(async_text(rehost_test_c_async_bind(reuse, "default", "127.0.0.1",
                                                  dead_port_, source),
                         "PING"),
              "<err: REDIS_PORT: port 'notaport' is not a number>")
        << "reuse " << reuse;
}

TEST_F(BindTest, WrongPasswordIsNamed) {
  env_.set("REDIS_PASSWORD", "wrong");
  Context c(rehost_redisConnectBindNonBlockWithReuse("default", "127.0.0.1",
                                                     dead_port_, source));
  ASSERT_TRUE(c);
  EXPECT_EQ(c->err, REDIS_ERR_OTHER);
  EXPECT_EQ(std::string(c->errstr).rfind("REDIS_PASSWORD: AUTH failed: ", 0),
            0u)
      << c->errstr;
  for (auto *connect :
       {rehost_redisAsyncConnectBind, rehost_redisAsyncConnectBindWithReuse}) {
    std::string text =
        async_text(connect("default", "127.0.0.1", dead_port_, source), "PING");
    // Checked before the async connect returns (from the same source).
    EXPECT_EQ(text.rfind("<err: REDIS_PASSWORD: AUTH failed: ", 0), 0u) << text;
  }
}

// A source address the host does not have (TEST-NET-1): hiredis cannot bind
// it, and the error names the endpoint, the source address and their origins
// (hiredis's reason is cut at errstr's 127 characters).
TEST_F(BindTest, UnbindableSourceIsNamed) {
  const std::string prefix = "127.0.0.1:" + std::to_string(server_.port()) +
                             " (host call site, port REDIS_PORT) from source "
                             "192.0.2.1 (call site): Can't bind socket";
  Context c(rehost_redisConnectBindNonBlockWithReuse("default", "127.0.0.1",
                                                     dead_port_, "192.0.2.1"));
  ASSERT_TRUE(c);
  EXPECT_NE(c->err, 0);
  EXPECT_EQ(std::string(c->errstr).rfind(prefix, 0), 0u) << c->errstr;
  for (auto *connect :
       {rehost_redisAsyncConnectBind, rehost_redisAsyncConnectBindWithReuse}) {
    redisAsyncContext *ac =
        connect("default", "127.0.0.1", dead_port_, "192.0.2.1");
    ASSERT_TRUE(ac);
    EXPECT_NE(ac->err, 0);
    EXPECT_EQ(std::string(ac->errstr).rfind(prefix, 0), 0u) << ac->errstr;
    redisAsyncFree(ac);
  }
}

// A profile that resolves to a unix socket connects over it; the source
// address, meaningless there, is ignored (even one the host does not have).
TEST_F(BindTest, UnixSocketProfileIgnoresSource) {
  TempDir dir;
  std::string path = (dir.path() / "redis.sock").string();
  RedisServer unix_server({"--unixsocket", path, "--requirepass", secret});
  env_.set("REDIS_PORT", "");
  env_.set("REDIS_SOCKET", path);
  for (const char *from : {source, "192.0.2.1"}) {
    for (auto *connect : {rehost_redisConnectBindNonBlock,
                          rehost_redisConnectBindNonBlockWithReuse}) {
      Context c(connect("default", "127.0.0.1", dead_port_, from));
      ASSERT_TRUE(c && !c->err) << (c ? c->errstr : "");
      Reply r = nonblocking_command(c.get(), "CLIENT INFO");
      ASSERT_TRUE(r && r->str);
      EXPECT_NE(std::string(r->str).find(" addr=" + path), std::string::npos)
          << r->str;
    }
    for (auto *connect : {rehost_redisAsyncConnectBind,
                          rehost_redisAsyncConnectBindWithReuse}) {
      std::string info = async_text(
          connect("default", "127.0.0.1", dead_port_, from), "CLIENT INFO");
      EXPECT_NE(info.find(" addr=" + path), std::string::npos) << info;
    }
  }
}

} // namespace
