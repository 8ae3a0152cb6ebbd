// rehost_redisAuth, rehost_redisAppendAuth and rehost_redisAsyncAuth on
// connections the code opened itself, against a real redis-server.
#include "async_driver.hpp"
#include "redis_server.hpp"
#include "scoped_env.hpp"
#include "test_support.hpp"

using namespace rehost::test;

namespace {

// One reply as text ("OK", "ERR:WRONGPASS ...") or "NULL".
std::string text_of(void *reply) {
  auto *r = static_cast<redisReply *>(reply);
  if (!r)
    return "NULL";
  std::string text = r->str ? std::string(r->str, r->len) : "";
  if (r->type == REDIS_REPLY_ERROR)
    text = "ERR:" + text;
  freeReplyObject(r);
  return text;
}

std::string run(redisContext *c, const char *command) {
  return text_of(redisCommand(c, command));
}

std::string sync_auth(const RedisServer &server, const char *profile) {
  redisContext *c = server.admin_connect();
  std::string reply = text_of(rehost_redisAuth(c, profile));
  redisFree(c);
  return reply;
}

// The same through redisAppendCommand and redisGetReply.
std::string append_auth(const RedisServer &server, const char *profile) {
  redisContext *c = server.admin_connect();
  std::string reply = "REDIS_ERR";
  void *raw = nullptr;
  if (rehost_redisAppendAuth(c, profile) == REDIS_OK &&
      redisGetReply(c, &raw) == REDIS_OK)
    reply = text_of(raw);
  redisFree(c);
  return reply;
}

struct AsyncAuth {
  bool finished = false;
  std::string reply;
};

std::string async_auth(const RedisServer &server, const char *profile) {
  redisAsyncContext *ac = redisAsyncConnect("127.0.0.1", server.port());
  AsyncAuth result;
  int status = rehost_redisAsyncAuth(
      ac,
      [](redisAsyncContext *, void *reply, void *privdata) {
        auto *out = static_cast<AsyncAuth *>(privdata);
        auto *r = static_cast<redisReply *>(reply);
        out->reply = !r ? "NULL"
                     : r->type == REDIS_REPLY_ERROR
                         ? "ERR:" + std::string(r->str)
                         : std::string(r->str);
        out->finished = true;
      },
      &result, profile);
  if (status == REDIS_OK)
    drive(ac, result.finished);
  else
    result.reply = std::string("REDIS_ERR: ") + ac->errstr;
  redisAsyncFree(ac);
  return result.reply;
}

// All three forms give `expected` for `profile`.
void expect_every_form(const RedisServer &server, const char *profile,
                       const std::string &expected) {
  EXPECT_EQ(sync_auth(server, profile), expected);
  EXPECT_EQ(append_auth(server, profile), expected);
  EXPECT_EQ(async_auth(server, profile), expected);
}

TEST(AuthCommand, PasswordFromEnvironmentUrl) {
  ScopedEnv env;
  RedisServer server({"--requirepass", secret});
  env.set("REDIS_URL", "redis://:" + secret + "@10.9.9.9:1");
  expect_every_form(server, "default", "OK");
  redisContext *c = server.admin_connect();
  EXPECT_EQ(text_of(rehost_redisAuth(c, "default")), "OK");
  EXPECT_EQ(run(c, "PING"), "PONG");
  redisFree(c);
}

TEST(AuthCommand, PasswordFromProfileVariable) {
  ScopedEnv env;
  RedisServer server({"--requirepass", "p a\"ss\r\n%s"});
  env.set("REDIS_QUEUE_PASSWORD", "p a\"ss\r\n%s");
  expect_every_form(server, "queue", "OK");
}

TEST(AuthCommand, NoPasswordSelectsTheDbInstead) {
  ScopedEnv env;
  RedisServer server;
  expect_every_form(server, "default", "OK");
  env.set("REDIS_DB", "3");
  redisContext *c = server.admin_connect();
  EXPECT_EQ(text_of(rehost_redisAuth(c, "default")), "OK");
  EXPECT_EQ(run(c, "SET where db3"), "OK");
  EXPECT_EQ(run(c, "SELECT 3"), "OK");
  EXPECT_EQ(run(c, "GET where"), "db3");
  redisFree(c);
}

TEST(AuthCommand, AclUser) {
  ScopedEnv env;
  RedisServer server;
  redisContext *admin = server.admin_connect();
  EXPECT_EQ(
      run(admin, ("ACL SETUSER worker on >" + secret + " ~* +@all").c_str()),
      "OK");
  redisFree(admin);
  env.set("REDIS_URL", "redis://worker:" + secret + "@127.0.0.1");
  expect_every_form(server, "default", "OK");
  redisContext *c = server.admin_connect();
  EXPECT_EQ(text_of(rehost_redisAuth(c, "default")), "OK");
  EXPECT_EQ(run(c, "ACL WHOAMI"), "worker");
  redisFree(c);
}

TEST(AuthCommand, WrongPasswordIsAnErrorReply) {
  ScopedEnv env;
  RedisServer server({"--requirepass", secret});
  env.set("REDIS_PASSWORD", "wrong");
  for (const std::string &reply :
       {sync_auth(server, "default"), append_auth(server, "default"),
        async_auth(server, "default")})
    EXPECT_EQ(reply.rfind("ERR:WRONGPASS", 0), 0u) << reply;
}

TEST(AuthCommand, BadConfigurationIsReportedInTheContext) {
  ScopedEnv env;
  RedisServer server;
  env.set("REDIS_URL", "redis://:" + secret + "@h:notaport");
  const std::string expected = "REDIS_URL: port 'notaport' is not a number";

  redisContext *c = server.admin_connect();
  EXPECT_EQ(rehost_redisAuth(c, "default"), nullptr);
  EXPECT_EQ(c->err, REDIS_ERR_OTHER);
  EXPECT_EQ(std::string(c->errstr), expected);
  redisFree(c);

  c = server.admin_connect();
  EXPECT_EQ(rehost_redisAppendAuth(c, "default"), REDIS_ERR);
  EXPECT_EQ(c->err, REDIS_ERR_OTHER);
  EXPECT_EQ(std::string(c->errstr), expected);
  redisFree(c);

  EXPECT_EQ(async_auth(server, "default"), "REDIS_ERR: " + expected);

  env.set("REDIS_URL", "rediss://:" + secret + "@h:6380");
  c = server.admin_connect();
  EXPECT_EQ(rehost_redisAuth(c, "default"), nullptr);
  EXPECT_EQ(std::string(c->errstr).rfind("REDIS_URL: TLS", 0), 0u) << c->errstr;
  EXPECT_EQ(std::string(c->errstr).find(secret), std::string::npos);
  redisFree(c);
}

TEST(AuthCommand, NullContextOrProfile) {
  ScopedEnv env;
  EXPECT_EQ(rehost_redisAuth(nullptr, "default"), nullptr);
  EXPECT_EQ(rehost_redisAppendAuth(nullptr, "default"), REDIS_ERR);
  EXPECT_EQ(rehost_redisAsyncAuth(nullptr, nullptr, nullptr, "default"),
            REDIS_ERR);
  RedisServer server;
  redisContext *c = server.admin_connect();
  EXPECT_EQ(rehost_redisAuth(c, nullptr), nullptr);
  EXPECT_EQ(std::string(c->errstr), "profile name is NULL");
  redisFree(c);
}

} // namespace
