// Small assertions shared by the runtime tests.
#ifndef REHOST_TEST_TEST_SUPPORT_HPP
#define REHOST_TEST_TEST_SUPPORT_HPP

#include <hiredis/async.h>
#include <hiredis/hiredis.h>
#include <rehost/rehost.hpp>

#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace rehost::test {

// hiredis objects that free themselves, and a command's reply as text.
struct ReplyDeleter {
  void operator()(redisReply *r) const { freeReplyObject(r); }
};
using Reply = std::unique_ptr<redisReply, ReplyDeleter>;
struct ContextDeleter {
  void operator()(redisContext *c) const { redisFree(c); }
};
using Context = std::unique_ptr<redisContext, ContextDeleter>;

inline Reply run(redisContext *c, const char *command) {
  return Reply(static_cast<redisReply *>(redisCommand(c, command)));
}

inline std::string text_of(redisContext *c, const char *command) {
  Reply r = run(c, command);
  if (!r)
    return std::string("<io error: ") + c->errstr + ">";
  return r->str ? std::string(r->str, r->len) : std::to_string(r->integer);
}

// The password every "bad value" case carries; no message may contain it.
inline const std::string secret = "Sup3rS3cret";

// Resolving `profile` fails with a message containing `expected`, and the
// C connector reports the same message in its context.
inline void expect_config_error(const std::string &profile,
                                const std::string &expected) {
  std::string message;
  try {
    rehost::resolve(profile);
    ADD_FAILURE() << "no error, expected: " << expected;
    return;
  } catch (const rehost::ConfigError &error) {
    message = error.what();
  }
  EXPECT_NE(message.find(expected), std::string::npos)
      << "message: " << message << "\nexpected: " << expected;
  EXPECT_EQ(message.find(secret), std::string::npos) << message;

  redisContext *c = rehost_redisConnect(profile.c_str(), "127.0.0.1", 1);
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->err, REDIS_ERR_OTHER);
  EXPECT_EQ(std::string(c->errstr), message.substr(0, 127));
  redisFree(c);
}

} // namespace rehost::test

#endif
