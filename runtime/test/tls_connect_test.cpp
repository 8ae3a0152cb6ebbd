// TLS on the connections the runtime opens itself, against redis-server's
// --tls-port with certificates made at test time: verification (full, ca,
// none), mutual TLS, the refusals (wrong CA, wrong name, expired), the pool
// and reconnects, async and non-blocking connects, and what stays refused.
// A runtime built without hiredis_ssl skips them (tls_test.cpp checks its
// refusals instead).
#include "async_driver.hpp"
#include "redis_server.hpp"
#include "scoped_env.hpp"
#include "test_support.hpp"
#include "tls_certificates.hpp"

#include <sys/wait.h>

#if REHOST_TEST_WITH_TLS
#include <hiredis/hiredis_ssl.h>
// hiredict's shim renames redisInitiateSSL without declaring it.
#if __has_include(<hiredict/hiredict_ssl.h>)
#include <hiredict/hiredict_ssl.h>
#endif
#endif

#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>

using namespace rehost;
using namespace rehost::test;

namespace {

#define REHOST_REQUIRE_TLS()                                                   \
  do {                                                                         \
    if (!REHOST_TEST_WITH_TLS)                                                 \
      GTEST_SKIP() << "this runtime is built without hiredis_ssl (TLS is "     \
                      "refused; tls_test.cpp checks that)";                    \
    if (!TlsCertificates::get().ok())                                          \
      GTEST_SKIP() << TlsCertificates::get().why();                            \
  } while (0)

const TlsCertificates &certs() { return TlsCertificates::get(); }

// A password-protected server whose TLS port presents `cert`.
TlsServerFiles serving(const std::string &cert, bool auth_clients = false) {
  return {certs().cert(cert), certs().key(cert), certs().ca(), auth_clients};
}

std::vector<std::string> with_password() { return {"--requirepass", secret}; }

std::string tls_url(const RedisServer &server, const std::string &host,
                    int db) {
  return "rediss://:" + secret + "@" + host + ":" +
         std::to_string(server.tls_port()) + "/" + std::to_string(db);
}

// What key `key` holds in db `db`, read over the plaintext admin port.
std::string stored(const RedisServer &server, int db, const std::string &key) {
  Context admin(server.admin_connect());
  run(admin.get(), ("AUTH " + secret).c_str());
  run(admin.get(), ("SELECT " + std::to_string(db)).c_str());
  return text_of(admin.get(), ("GET " + key).c_str());
}

// Connects profile `profile` (blocking drop-in) and writes key=value.
std::string write_through(const char *profile, const std::string &key) {
  Context c(rehost_redisConnect(profile, nullptr, 0));
  if (!c)
    return "<no context>";
  if (c->err)
    return std::string("<error: ") + c->errstr + ">";
  return text_of(c.get(), ("SET " + key + " tls").c_str());
}

std::string connect_error(const char *profile) {
  Context c(rehost_redisConnect(profile, nullptr, 0));
  return c && c->err ? c->errstr : "<connected>";
}

TEST(TlsConnect, FullVerificationByNameWritesToTheProfilesDb) {
  REHOST_REQUIRE_TLS();
  ScopedEnv env;
  RedisServer server(with_password(), serving("server"));
  env.set("REDIS_URL", tls_url(server, "localhost", 3));
  env.set("REDIS_TLS_CA_CERT_FILE", certs().ca());
  EXPECT_EQ(write_through("default", "k1"), "OK");
  EXPECT_EQ(stored(server, 3, "k1"), "tls");
  TlsSession session = last_tls_session();
  EXPECT_TRUE(session.established);
  EXPECT_EQ(session.verification, "full");
  EXPECT_EQ(session.server_name, "localhost");
  EXPECT_NE(session.peer_subject.find("CN = localhost"), std::string::npos)
      << session.peer_subject;
  EXPECT_NE(session.peer_issuer.find("rehost test CA"), std::string::npos);
  EXPECT_FALSE(session.peer_not_after.empty());
}

TEST(TlsConnect, IpLiteralHostIsCheckedAsAnAddress) {
  REHOST_REQUIRE_TLS();
  ScopedEnv env;
  RedisServer server(with_password(), serving("server"));
  env.set("REDIS_QUEUE_URL",
          tls_url(server, "127.0.0.1", 2) + "?ssl_ca_certs=" + certs().ca());
  EXPECT_EQ(write_through("queue", "k2"), "OK");
  EXPECT_EQ(stored(server, 2, "k2"), "tls");
}

TEST(TlsConnect, TlsVariableWithSeparatePieces) {
  REHOST_REQUIRE_TLS();
  ScopedEnv env;
  RedisServer server(with_password(), serving("server"));
  env.set("REDIS_HOST", "localhost");
  env.set("REDIS_PORT", std::to_string(server.tls_port()));
  env.set("REDIS_PASSWORD", secret);
  env.set("REDIS_DB", "4");
  env.set("REDIS_TLS", "1");
  env.set("REDIS_TLS_CA_CERT_FILE", certs().ca());
  EXPECT_EQ(write_through("default", "k3"), "OK");
  EXPECT_EQ(stored(server, 4, "k3"), "tls");
}

TEST(TlsConnect, PlaintextToTheTlsPortFails) {
  REHOST_REQUIRE_TLS();
  ScopedEnv env;
  RedisServer server(with_password(), serving("server"));
  env.set("REDIS_URL", "redis://:" + secret +
                           "@127.0.0.1:" + std::to_string(server.tls_port()));
  env.set("REDIS_CONNECT_TIMEOUT", "500ms");
  EXPECT_NE(write_through("default", "plain"), "OK");
}

TEST(TlsConnect, MutualTlsNeedsTheClientCertificate) {
  REHOST_REQUIRE_TLS();
  ScopedEnv env;
  RedisServer server(with_password(), serving("server", true));
  env.set("REDIS_URL", tls_url(server, "localhost", 1));
  env.set("REDIS_TLS_CA_CERT_FILE", certs().ca());
  env.set("REDIS_CONNECT_TIMEOUT", "2s");
  EXPECT_NE(write_through("default", "k4"), "OK");
  env.set("REDIS_TLS_CERT_FILE", certs().cert("client"));
  env.set("REDIS_TLS_KEY_FILE", certs().key("client"));
  EXPECT_EQ(write_through("default", "k4"), "OK");
  EXPECT_EQ(stored(server, 1, "k4"), "tls");
}

TEST(TlsConnect, ACertificateWithoutItsKeyIsAConfigError) {
  REHOST_REQUIRE_TLS();
  ScopedEnv env;
  env.set("REDIS_URL", "rediss://:" + secret + "@localhost:1");
  env.set("REDIS_TLS_CERT_FILE", certs().cert("client"));
  std::string error = connect_error("default");
  EXPECT_NE(error.find("REDIS_TLS_CERT_FILE: a client certificate needs both"),
            std::string::npos)
      << error;
  EXPECT_EQ(error.find(secret), std::string::npos);
  // Another certificate's key.
  env.set("REDIS_TLS_KEY_FILE", certs().key("server"));
  error = connect_error("default");
  EXPECT_NE(error.find("REDIS_TLS_KEY_FILE: cannot load the key '" +
                       certs().key("server") + "': key values mismatch"),
            std::string::npos)
      << error;
  // Not a key at all.
  env.set("REDIS_TLS_KEY_FILE", certs().ca());
  error = connect_error("default");
  EXPECT_NE(error.find("REDIS_TLS_KEY_FILE: cannot load the key"),
            std::string::npos)
      << error;
}

TEST(TlsConnect, AMissingCaFileNamesTheVariableAndTheFile) {
  REHOST_REQUIRE_TLS();
  ScopedEnv env;
  env.set("REDIS_URL", "rediss://:" + secret + "@localhost:1");
  env.set("REDIS_TLS_CA_CERT_FILE", "/nonexistent/ca.crt");
  std::string error = connect_error("default");
  EXPECT_NE(error.find("REDIS_TLS_CA_CERT_FILE: cannot load CA certificates "
                       "from '/nonexistent/ca.crt': No such file or directory"),
            std::string::npos)
      << error;
  EXPECT_EQ(error.find(secret), std::string::npos);
}

TEST(TlsConnect, WrongCaIsRefused) {
  REHOST_REQUIRE_TLS();
  ScopedEnv env;
  RedisServer server(with_password(), serving("server"));
  env.set("REDIS_URL", tls_url(server, "localhost", 1));
  env.set("REDIS_TLS_CA_CERT_FILE", certs().other_ca());
  std::string error = connect_error("default");
  EXPECT_NE(error.find("TLS handshake failed: certificate verify failed"),
            std::string::npos)
      << error;
  EXPECT_EQ(error.find(secret), std::string::npos);
}

// A CA file replaced in place (a rotation) is read again for the next
// connection: the SSL_CTX of that configuration is made anew.
TEST(TlsConnect, ARotatedCaFileAppliesToTheNextConnection) {
  REHOST_REQUIRE_TLS();
  ScopedEnv env;
  RedisServer server(with_password(), serving("server"));
  TempDir dir;
  auto contents = [](const std::string &path) {
    std::ifstream in(path);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  const std::string ca = dir.write("ca.pem", contents(certs().other_ca()));
  env.set("REDIS_URL", tls_url(server, "localhost", 1));
  env.set("REDIS_TLS_CA_CERT_FILE", ca);
  EXPECT_NE(connect_error("default").find("certificate verify failed"),
            std::string::npos);
  dir.write("ca.pem", contents(certs().ca()));
  EXPECT_EQ(write_through("default", "rotated"), "OK");
}

TEST(TlsConnect, NameMismatchIsRefusedUnlessOnlyTheChainIsChecked) {
  REHOST_REQUIRE_TLS();
  ScopedEnv env;
  RedisServer server(with_password(), serving("other"));
  env.set("REDIS_URL", tls_url(server, "localhost", 1));
  env.set("REDIS_TLS_CA_CERT_FILE", certs().ca());
  std::string error = connect_error("default");
  EXPECT_NE(error.find("certificate verify failed: hostname mismatch"),
            std::string::npos)
      << error;
  // The IP literal is checked as an address, and fails the same way.
  env.set("REDIS_URL", tls_url(server, "127.0.0.1", 1));
  error = connect_error("default");
  EXPECT_NE(error.find("certificate verify failed: IP address mismatch"),
            std::string::npos)
      << error;
  // tls_server_name names what the certificate must hold.
  env.set("REDIS_TLS_SERVER_NAME", "other.example");
  EXPECT_EQ(write_through("default", "named"), "OK");
  EXPECT_EQ(last_tls_session().server_name, "other.example");
  env.set("REDIS_TLS_SERVER_NAME", "");
  env.set("REDIS_TLS_VERIFY", "ca");
  EXPECT_EQ(write_through("default", "chain"), "OK");
}

TEST(TlsConnect, ExpiredCertificateIsRefused) {
  REHOST_REQUIRE_TLS();
  ScopedEnv env;
  RedisServer server(with_password(), serving("expired"));
  env.set("REDIS_URL", tls_url(server, "localhost", 1));
  env.set("REDIS_TLS_CA_CERT_FILE", certs().ca());
  std::string error = connect_error("default");
  EXPECT_NE(error.find("certificate verify failed: certificate has expired"),
            std::string::npos)
      << error;
  env.set("REDIS_TLS_VERIFY", "ca");
  EXPECT_NE(connect_error("default").find("certificate has expired"),
            std::string::npos);
}

TEST(TlsConnect, VerifyNoneIsAcceptedWithItsWarning) {
  REHOST_REQUIRE_TLS();
  ScopedEnv env;
  RedisServer server(with_password(), serving("other"));
  env.set("REDIS_URL", tls_url(server, "localhost", 5));
  env.set("REDIS_TLS_CA_CERT_FILE", certs().other_ca());
  env.set("REDIS_TLS_VERIFY", "none");
  testing::internal::CaptureStderr();
  EXPECT_EQ(write_through("default", "k5"), "OK");
  std::string said = testing::internal::GetCapturedStderr();
  EXPECT_EQ(stored(server, 5, "k5"), "tls");
  const std::string warning =
      "REDIS_TLS_VERIFY: tls_verify none: the server's certificate is not "
      "checked";
  EXPECT_NE(said.find("rehost: warning: " + warning), std::string::npos)
      << said;
  bool in_profile = false;
  for (const std::string &w : resolve("default").warnings)
    in_profile = in_profile || w.find(warning) != std::string::npos;
  EXPECT_TRUE(in_profile);
  EXPECT_EQ(last_tls_session().verification, "none");
}

TEST(TlsConnect, NonBlockingConnectFinishesTlsAndHandshakeFirst) {
  REHOST_REQUIRE_TLS();
  ScopedEnv env;
  RedisServer server(with_password(), serving("server"));
  env.set("REDIS_URL", tls_url(server, "localhost", 6));
  env.set("REDIS_TLS_CA_CERT_FILE", certs().ca());
  Context c(rehost_redisConnectNonBlock("default", nullptr, 0));
  ASSERT_TRUE(c);
  ASSERT_EQ(c->err, 0) << c->errstr;
  redisAppendCommand(c.get(), "SET nb tls");
  void *reply = nullptr;
  int done = 0;
  // A non-blocking context's redisGetReply only reads what is buffered.
  for (int i = 0; i < 200 && !reply && !c->err; ++i) {
    if (!done)
      redisBufferWrite(c.get(), &done);
    if (redisBufferRead(c.get()) == REDIS_OK)
      redisGetReply(c.get(), &reply);
    if (!reply)
      usleep(5000);
  }
  ASSERT_NE(reply, nullptr) << c->errstr;
  freeReplyObject(reply);
  EXPECT_EQ(stored(server, 6, "nb"), "tls");
}

TEST(TlsConnect, AsyncConnectVerifiesFirstAndTalksTls) {
  REHOST_REQUIRE_TLS();
  ScopedEnv env;
  RedisServer server(with_password(), serving("server"));
  env.set("REDIS_URL", tls_url(server, "localhost", 7));
  env.set("REDIS_TLS_CA_CERT_FILE", certs().ca());
  redisAsyncContext *ac = rehost_redisAsyncConnect("default", nullptr, 0);
  ASSERT_NE(ac, nullptr);
  ASSERT_EQ(ac->err, 0) << ac->errstr;
  struct Done {
    bool finished = false;
    std::string text;
  } done;
  redisAsyncCommand(
      ac,
      [](redisAsyncContext *, void *r, void *privdata) {
        auto *d = static_cast<Done *>(privdata);
        auto *reply = static_cast<redisReply *>(r);
        d->text = reply && reply->str ? reply->str : "<none>";
        d->finished = true;
      },
      &done, "SET async tls");
  drive(ac, done.finished);
  EXPECT_EQ(done.text, "OK");
  redisAsyncFree(ac);
  EXPECT_EQ(stored(server, 7, "async"), "tls");

  // A certificate the profile does not trust fails the connect itself.
  env.set("REDIS_TLS_CA_CERT_FILE", certs().other_ca());
  redisAsyncContext *refused = rehost_redisAsyncConnect("default", nullptr, 0);
  ASSERT_NE(refused, nullptr);
  EXPECT_NE(refused->err, 0);
  EXPECT_NE(std::string(refused->errstr).find("certificate verify failed"),
            std::string::npos)
      << refused->errstr;
  redisAsyncFree(refused);
}

TEST(TlsConnect, PoolUnderTlsAndReconnectAfterRestart) {
  REHOST_REQUIRE_TLS();
  ScopedEnv env;
  RedisServer server(with_password(), serving("server"));
  env.set("REDIS_TLSPOOL_URL", tls_url(server, "localhost", 8));
  env.set("REDIS_TLSPOOL_TLS_CA_CERT_FILE", certs().ca());
  rehost_pool *pool = rehost_pool_get("tlspool", nullptr);
  ASSERT_NE(pool, nullptr) << rehost_last_error();
  redisContext *held[3];
  for (redisContext *&c : held) {
    c = rehost_pool_acquire(pool, 1000);
    ASSERT_NE(c, nullptr) << rehost_last_error();
    EXPECT_EQ(text_of(c, "INCR hits").empty(), false);
  }
  for (redisContext *c : held)
    rehost_pool_release(pool, c);
  EXPECT_EQ(stored(server, 8, "hits"), "3");

  // A new server process: the idle connections are stale, the pool opens
  // new ones, each with TLS and the same verification.
  server.restart();
  Reply reply;
  for (int attempt = 0; attempt < 50; ++attempt) {
    redisContext *c = rehost_pool_acquire(pool, 1000);
    if (c) {
      reply = run(c, "SET after restart");
      rehost_pool_release(pool, c);
      if (reply && reply->type == REDIS_REPLY_STATUS)
        break;
    }
    usleep(20000);
  }
  ASSERT_TRUE(reply);
  EXPECT_STREQ(reply->str, "OK");
  EXPECT_EQ(stored(server, 8, "after"), "restart");
  rehost_pool_stats stats{};
  rehost_pool_stats_get(pool, &stats);
  EXPECT_GE(stats.created, 4u);
}

// An idle TLS connection that never read anything (no password, so no AUTH
// after the handshake) may hold TLS records without a reply, such as TLS
// 1.3 session tickets: the borrow check must not take it for a stale one.
TEST(TlsConnect, PoolKeepsIdleTlsConnectionsThatOnlyHoldTlsRecords) {
  REHOST_REQUIRE_TLS();
  ScopedEnv env;
  RedisServer server({}, serving("server"));
  env.set("REDIS_TLSIDLE_URL",
          "rediss://localhost:" + std::to_string(server.tls_port()) +
              "?pool_min_idle=2&pool_size=2");
  env.set("REDIS_TLSIDLE_TLS_CA_CERT_FILE", certs().ca());
  rehost_pool *pool = rehost_pool_get("tlsidle", nullptr);
  ASSERT_NE(pool, nullptr) << rehost_last_error();
  usleep(50000);
  for (int round = 0; round < 2; ++round) {
    redisContext *c = rehost_pool_acquire(pool, 1000);
    ASSERT_NE(c, nullptr) << rehost_last_error();
    EXPECT_EQ(text_of(c, "PING"), "PONG");
    rehost_pool_release(pool, c);
    usleep(20000);
  }
  rehost_pool_stats stats{};
  rehost_pool_stats_get(pool, &stats);
  EXPECT_EQ(stats.health_failures, 0u);
  EXPECT_EQ(stats.created, 2u);
}

TEST(TlsConnect, PoolRefusesAServerItCannotVerify) {
  REHOST_REQUIRE_TLS();
  ScopedEnv env;
  RedisServer server(with_password(), serving("expired"));
  env.set("REDIS_TLSBAD_URL", tls_url(server, "localhost", 1));
  env.set("REDIS_TLSBAD_TLS_CA_CERT_FILE", certs().ca());
  rehost_pool *pool = rehost_pool_get("tlsbad", nullptr);
  ASSERT_NE(pool, nullptr) << rehost_last_error();
  EXPECT_EQ(rehost_pool_acquire(pool, 0), nullptr);
  std::string error = rehost_last_error();
  EXPECT_NE(error.find("certificate has expired"), std::string::npos) << error;
  EXPECT_EQ(error.find(secret), std::string::npos);
}

TEST(TlsConnect, ValueAccessorsForOtherClientsStillRefuse) {
  REHOST_REQUIRE_TLS();
  ScopedEnv env;
  env.set("REDIS_URL", "rediss://:" + secret + "@localhost:6390/2");
  EXPECT_THROW(rehost::host("default"), ConfigError);
  EXPECT_THROW(rehost::uri("default"), ConfigError);
  EXPECT_EQ(rehost_uri("default", nullptr), nullptr);
  EXPECT_EQ(rehost_password("default", nullptr), nullptr);
  EXPECT_NE(rehost_check("default"), nullptr);
  // What a redisOptions is filled with: its connect makes the TLS.
  EXPECT_STREQ(rehost_host("default", "h"), "localhost");
  EXPECT_EQ(rehost_port("default", 1), 6390);
  // What libvalkey's cluster options are filled with: its helpers start
  // TLS on each node before libvalkey sends the credentials.
  EXPECT_STREQ(rehost_cluster_nodes("default", "a:1"), "localhost:6390");
  const char *user = nullptr, *password = nullptr;
  int db = -1;
  EXPECT_EQ(rehost_cluster_credentials("default", nullptr, nullptr, -1, &user,
                                       &password, &db),
            0);
  EXPECT_EQ(user, nullptr);
  EXPECT_STREQ(password, secret.c_str());
  EXPECT_EQ(db, 2);
  EXPECT_EQ(rehost_connect_check("default"), nullptr);
  EXPECT_EQ(rehost_uses_tls("default"), 1);
}

TEST(TlsConnect, AuthIsNotSentOnAPlaintextConnectionOfATlsProfile) {
  REHOST_REQUIRE_TLS();
  ScopedEnv env;
  RedisServer server(with_password());
  Context c(server.admin_connect());
  env.set("REDIS_URL", "rediss://:" + secret + "@localhost:1");
  void *reply = rehost_redisAuth(c.get(), "default");
  EXPECT_EQ(reply, nullptr);
  EXPECT_EQ(c->err, REDIS_ERR_OTHER);
  EXPECT_NE(std::string(c->errstr).find("this connection is not TLS"),
            std::string::npos)
      << c->errstr;
}

TEST(TlsConnect, UnixSocketWithTlsIsRefused) {
  REHOST_REQUIRE_TLS();
  ScopedEnv env;
  env.set("REDIS_SOCKET", "/tmp/rehost-none.sock");
  env.set("REDIS_TLS", "true");
  std::string error = connect_error("default");
  EXPECT_NE(error.find("which has no TLS"), std::string::npos) << error;
}

TEST(TlsConnect, DoctorShowsTheSessionAndTheCertificate) {
  REHOST_REQUIRE_TLS();
  ScopedEnv env;
  RedisServer server(with_password(), serving("server"));
  env.set("REDIS_URL", tls_url(server, "localhost", 1));
  env.set("REDIS_TLS_CA_CERT_FILE", certs().ca());
  FILE *pipe = popen((std::string(REHOST_DOCTOR) + " 2>&1").c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::string output;
  char buffer[4096];
  for (size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;)
    output.append(buffer, n);
  int status = pclose(pipe);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << output;
  EXPECT_EQ(output.find(secret), std::string::npos) << output;
  for (const char *expected :
       {"tls_verify                 full", "tls_server_name", "tls: TLSv1.3",
        "verification full, name 'localhost'",
        "certificate: CN = localhost, issued by CN = rehost test CA",
        "expires "})
    EXPECT_NE(output.find(expected), std::string::npos) << expected << "\n"
                                                        << output;
}

} // namespace

namespace {

// A client that runs the TLS handshake itself on the session the runtime
// makes, as libvalkey's valkeyInitiateTLS does for rehost/valkey.h
// (hiredis's redisInitiateSSL stands in for it), to `server`'s TLS port
// as `host`: "" when it passed and PING got its answer over it, else
// rehost_tls_session_failed's message and `*refused` its verdict.
std::string handshake_as_client(const RedisServer &server, const char *host,
                                int *refused) {
#if REHOST_TEST_WITH_TLS
  Context c(redisConnect("127.0.0.1", server.tls_port()));
  if (!c || c->err)
    return "<no connection>";
  void *ssl = rehost_tls_session_new("default", host, server.tls_port());
  if (!ssl)
    return std::string("<no session: ") + rehost_last_error() + ">";
  if (redisInitiateSSL(c.get(), static_cast<ssl_st *>(ssl)) != REDIS_OK)
    return rehost_tls_session_failed(ssl, "default", host, server.tls_port(),
                                     c->errstr, refused);
  run(c.get(), ("AUTH " + secret).c_str());
  return text_of(c.get(), "PING") == "PONG" ? "" : "<no PONG>";
#else
  (void)server;
  (void)host;
  (void)refused;
  return "<no TLS>";
#endif
}

} // namespace

TEST(TlsSessionForClients, AClientHandshakesOnTheRuntimesVerifiedSession) {
  REHOST_REQUIRE_TLS();
  ScopedEnv env;
  RedisServer server(with_password(), serving("server"));
  env.set("REDIS_URL", tls_url(server, "127.0.0.1", 3));
  env.set("REDIS_TLS_CA_CERT_FILE", certs().ca());
  int refused = -1;
  EXPECT_EQ(handshake_as_client(server, "127.0.0.1", &refused), "");
  EXPECT_EQ(handshake_as_client(server, "localhost", &refused), "");
}

TEST(TlsSessionForClients, AFailedHandshakeNamesTheEndpointAndTheFault) {
  REHOST_REQUIRE_TLS();
  ScopedEnv env;
  RedisServer server(with_password(), serving("server"));
  const std::string endpoint =
      "127.0.0.1:" + std::to_string(server.tls_port()) + " (REDIS_URL)";
  env.set("REDIS_URL", tls_url(server, "127.0.0.1", 3));
  env.set("REDIS_TLS_CA_CERT_FILE", certs().other_ca());
  int refused = 0;
  std::string error = handshake_as_client(server, "127.0.0.1", &refused);
  EXPECT_EQ(error.find(endpoint + ": TLS handshake failed: certificate verify "
                                  "failed: "),
            0u)
      << error;
  EXPECT_NE(error.find("(CAs from REDIS_TLS_CA_CERT_FILE)"), std::string::npos)
      << error;
  EXPECT_EQ(refused, 1);
  EXPECT_EQ(error.find(secret), std::string::npos);
  EXPECT_EQ(std::string(rehost_last_error()), error);
  // The name checked is tls_server_name's, else the host connected to.
  env.set("REDIS_TLS_CA_CERT_FILE", certs().ca());
  env.set("REDIS_TLS_SERVER_NAME", "wrong.example");
  refused = 0;
  error = handshake_as_client(server, "127.0.0.1", &refused);
  EXPECT_NE(error.find("certificate verify failed: hostname mismatch "
                       "(checked 'wrong.example' from REDIS_TLS_SERVER_NAME)"),
            std::string::npos)
      << error;
  EXPECT_EQ(refused, 1);
}

TEST(TlsSessionForClients, NoSessionWithoutTlsOrWithFilesThatDoNotLoad) {
  REHOST_REQUIRE_TLS();
  ScopedEnv env;
  env.set("REDIS_URL", "redis://:" + secret + "@127.0.0.1:1");
  EXPECT_EQ(rehost_tls_session_new("default", "127.0.0.1", 1), nullptr);
  EXPECT_NE(std::string(rehost_last_error()).find("has no TLS"),
            std::string::npos)
      << rehost_last_error();
  env.set("REDIS_URL", "rediss://:" + secret + "@127.0.0.1:1");
  env.set("REDIS_TLS_CA_CERT_FILE", "/nonexistent/ca.crt");
  EXPECT_EQ(rehost_tls_session_new("default", "127.0.0.1", 1), nullptr);
  EXPECT_NE(std::string(rehost_last_error())
                .find("REDIS_TLS_CA_CERT_FILE: cannot load CA certificates"),
            std::string::npos)
      << rehost_last_error();
  EXPECT_EQ(std::string(rehost_last_error()).find(secret), std::string::npos);
  env.set("REDIS_URL", "");
  env.set("REDIS_SOCKET", "/tmp/rehost-none.sock");
  env.set("REDIS_TLS", "true");
  EXPECT_EQ(rehost_tls_session_new("default", "127.0.0.1", 1), nullptr);
  EXPECT_NE(std::string(rehost_last_error()).find("which has no TLS"),
            std::string::npos)
      << rehost_last_error();
}
