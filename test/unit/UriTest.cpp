//===- UriTest.cpp --------------------------------------------------------===//

#include "rehost/Uri.h"
#include "rehost/Site.h"

#include <gtest/gtest.h>

namespace {

TEST(Uri, SplitsUserPasswordHostPortDb) {
  rehost::UriParts P = rehost::splitUri("tcp://alice:s3cret@cache:6380/2?x=1");
  EXPECT_EQ(P.Scheme, "tcp");
  EXPECT_EQ(P.User, "alice");
  EXPECT_EQ(P.Password, "s3cret");
  EXPECT_EQ(P.Host, "cache");
  EXPECT_EQ(P.Port, "6380");
  EXPECT_EQ(P.Db, "2");
}

TEST(Uri, LoneUserInfoIsWhatTheLibraryReadsIt) {
  EXPECT_EQ(rehost::splitUri("tcp://s3cret@cache").Password, "s3cret");
  EXPECT_EQ(rehost::splitUri("unix://s3cret@/run/r.sock").Password, "s3cret");
  EXPECT_EQ(rehost::splitUri("unix://s3cret@/run/r.sock").Host, "/run/r.sock");
  // The runtime and redis-plus-plus read a lone word as the password for
  // every scheme, redis:// included.
  EXPECT_EQ(rehost::splitUri("redis://s3cret@cache").Password, "s3cret");
  EXPECT_EQ(rehost::splitUri("redis://s3cret@cache").User, "");
  EXPECT_TRUE(rehost::splitUri("Rediss://s3cret@cache").HasPassword);
}

TEST(Uri, QueryCredentialsWinAndAreRedacted) {
  rehost::UriParts P =
      rehost::splitUri("redis://bob:old@cache?user=alice&password=s3cret");
  EXPECT_EQ(P.User, "alice");
  EXPECT_EQ(P.Password, "s3cret");
  EXPECT_EQ(P.Secrets.size(), 2u);
  EXPECT_EQ(rehost::redactUri("redis://bob:old@cache?user=alice&password=s3cret"),
            "redis://bob:***@cache?user=alice&password=***");
  EXPECT_EQ(rehost::redactUri("redis://s3cret@cache"), "redis://***@cache");
  EXPECT_EQ(rehost::normaliseUri("redis://cache?password=s3cret&db=2"),
            "redis://cache:6379/2");
}

TEST(Uri, SchemesKeepTlsAndUnix) {
  EXPECT_EQ(rehost::normaliseUri("Rediss://cache"), "rediss://cache:6379");
  EXPECT_EQ(rehost::normaliseUri("valkeys://cache/1"), "rediss://cache:6379/1");
  EXPECT_EQ(rehost::normaliseUri("redis+tls://cache"), "rediss://cache:6379");
  EXPECT_EQ(rehost::normaliseUri("redis+ssl://cache"), "rediss://cache:6379");
  EXPECT_EQ(rehost::normaliseUri("Unix:///run/r.sock"), "unix:///run/r.sock");
  EXPECT_EQ(rehost::normaliseUri("redis+unix:///run/r.sock?db=3"),
            "unix:///run/r.sock?db=3");
  EXPECT_EQ(rehost::normaliseUri("redis-socket:///run/r%20x.sock"),
            "unix:///run/r x.sock");
  EXPECT_EQ(rehost::normaliseUri("redis://cache?database=04"),
            "redis://cache:6379/4");
}

TEST(Uri, LoopbackAliasesAreOneHost) {
  for (const char *Host : {"localhost", "LocalHost", "localhost.", "127.0.0.1",
                           "127.1", "127.0.1", "::1", "[::1]",
                           "0:0:0:0:0:0:0:1", "0.0.0.0"}) {
    EXPECT_TRUE(rehost::isLoopbackHost(Host)) << Host;
    EXPECT_EQ(rehost::normaliseHost(Host), "127.0.0.1") << Host;
  }
  // Other 127/8 addresses are other interfaces: a server bound to
  // 127.0.0.1 does not answer on them.
  for (const char *Host : {"127.0.1.1", "127.0.0.2", "10.0.0.1", "127.01",
                           "cache", "localhost.example.com", "::2"})
    EXPECT_FALSE(rehost::isLoopbackHost(Host)) << Host;
  EXPECT_EQ(rehost::normaliseHost("Cache.Internal"), "cache.internal");
  EXPECT_EQ(rehost::normaliseUri("redis://localhost"),
            "redis://127.0.0.1:6379");
  EXPECT_EQ(rehost::normaliseUri("tcp://[::1]:6379/0"),
            "redis://127.0.0.1:6379");
}

TEST(Uri, RedactsOnlyThePassword) {
  EXPECT_EQ(rehost::redactUri("tcp://alice:s3cret@cache:6379"),
            "tcp://alice:***@cache:6379");
  EXPECT_EQ(rehost::redactUri("tcp://s3cret@cache"), "tcp://***@cache");
  EXPECT_EQ(rehost::redactUri("redis://:p@ss@[::1]:6379"),
            "redis://:***@[::1]:6379");
  EXPECT_EQ(rehost::redactUri("tcp://cache:6379"), "tcp://cache:6379");
}

TEST(Uri, NormalisesWithoutCredentials) {
  EXPECT_EQ(rehost::normaliseUri("tcp://u:pw@127.0.0.1"),
            "redis://127.0.0.1:6379");
  EXPECT_EQ(rehost::normaliseUri("tcp://[2001:db8::1]:7000/0"),
            "redis://[2001:db8::1]:7000");
  EXPECT_EQ(rehost::normaliseUri("rediss://cache/3"), "rediss://cache:6379/3");
  EXPECT_EQ(rehost::normaliseUri("unix:///run/redis.sock"),
            "unix:///run/redis.sock");
  EXPECT_EQ(rehost::normaliseUri("tcp://:6379"), "");
}

TEST(Uri, SplitsNodeLists) {
  auto Nodes = rehost::splitNodes(" 10.0.0.1:7000, 10.0.0.2:7001 ,,");
  ASSERT_EQ(Nodes.size(), 2u);
  EXPECT_EQ(Nodes[0], "10.0.0.1:7000");
  EXPECT_EQ(Nodes[1], "10.0.0.2:7001");
  EXPECT_TRUE(rehost::splitNodes(" , ").empty());
}

TEST(Endpoint, CredentialsAreRedactedAndKeptOutOfTheAddress) {
  rehost::Endpoint Auth;
  Auth.User = rehost::Value::constant("alice");
  Auth.Password = rehost::Value::constant("s3cret");
  EXPECT_EQ(Auth.uri(), "redis://alice:***@<runtime>");
  EXPECT_TRUE(Auth.hasConstantCredential());
  EXPECT_FALSE(Auth.hasConstantAddress());
  EXPECT_EQ(Auth.address(), "");

  rehost::Endpoint Uri;
  Uri.Uri = rehost::Value::constant("tcp://s3cret@cache.internal");
  EXPECT_EQ(Uri.uri(), "tcp://***@cache.internal");
  EXPECT_EQ(Uri.address(), "redis://cache.internal:6379");
  EXPECT_TRUE(Uri.hasConstantCredential());

  rehost::Endpoint Empty;
  Empty.Password = rehost::Value::constant("");
  EXPECT_FALSE(Empty.hasConstantCredential());
}

TEST(Endpoint, LoopbackAliasesHaveOneAddress) {
  auto Tcp = [](const char *Host, const char *Port) {
    rehost::Endpoint E;
    E.Host = rehost::Value::constant(Host);
    E.Port = rehost::Value::constant(Port);
    return E;
  };
  EXPECT_EQ(Tcp("localhost", "6379").address(), "redis://127.0.0.1:6379");
  EXPECT_EQ(Tcp("127.0.0.1", "6379").address(), "redis://127.0.0.1:6379");
  EXPECT_EQ(Tcp("::1", "6379").address(), "redis://127.0.0.1:6379");
  EXPECT_EQ(Tcp("0.0.0.0", "6379").address(), "redis://127.0.0.1:6379");
  EXPECT_EQ(Tcp("localhost", "6380").address(), "redis://127.0.0.1:6380");
  // What people read keeps what the code wrote.
  EXPECT_EQ(Tcp("localhost", "6379").uri(), "redis://localhost:6379");
  rehost::Endpoint Uri;
  Uri.Uri = rehost::Value::constant("redis://localhost");
  EXPECT_EQ(Uri.address(), "redis://127.0.0.1:6379");
  rehost::Endpoint Db = Tcp("localhost", "6379");
  Db.Db = rehost::Value::constant("2");
  EXPECT_EQ(Db.address(), "redis://127.0.0.1:6379/2");
}

TEST(Endpoint, UriSecretsNeverShow) {
  for (const char *Text :
       {"redis://s3cret@cache", "rediss://s3cret@cache", "valkeys://s3cret@h",
        "redis+tls://s3cret@h", "redis+unix://s3cret@/run/r.sock",
        "REDIS://s3cret@h", "redis://h?password=s3cret",
        "redis://u:s3cret@h?PASSWORD=s3cret", "unix:///r.sock?password=s3cret"}) {
    rehost::Endpoint E;
    E.Uri = rehost::Value::constant(Text);
    EXPECT_EQ(E.uri().find("s3cret"), std::string::npos) << Text;
    EXPECT_EQ(E.address().find("s3cret"), std::string::npos) << Text;
    EXPECT_EQ(rehost::redactSecrets(std::string("f(\"") + Text + "\");",
                                    E.passwords())
                  .find("s3cret"),
              std::string::npos)
        << Text;
    EXPECT_TRUE(E.hasConstantCredential()) << Text;
  }
}

TEST(Endpoint, PartialUriWithoutHostIsNoAddress) {
  rehost::Endpoint E;
  E.Uri = rehost::Value::partial("tcp://:6379");
  EXPECT_FALSE(E.hasConstantAddress());
  E.Uri = rehost::Value::partial("tcp://cache:");
  EXPECT_TRUE(E.hasConstantAddress());
  EXPECT_FALSE(E.isFullyConstant());
}

TEST(Endpoint, ClusterNodesShowAsOneUri) {
  rehost::Endpoint E;
  E.Nodes = rehost::Value::constant("10.0.0.1:7000, 10.0.0.2:7001");
  EXPECT_EQ(E.uri(), "redis://10.0.0.1:7000, 10.0.0.2:7001");
  EXPECT_EQ(E.address(), "redis://10.0.0.1:7000,10.0.0.2:7001");
}

} // namespace

// The table the runtime's URI reader is tested against too
// (runtime/test/url_test.cpp): the two read every URI the same way.
namespace {

struct UriCase {
  const char *Uri;
  const char *Transport;
  const char *Host;
  unsigned Port;
  const char *Socket;
  unsigned Db;
  const char *User;
  bool Password;
  bool Tls;
  const char *Error;
};

const UriCase UriCases[] = {
#define REHOST_URI_CASE(Uri, Transport, Host, Port, Socket, Db, User,         \
                        Password, Tls, Error)                                 \
  {Uri, Transport, Host, Port, Socket, Db, User, Password, Tls, Error},
#define REHOST_SENTINEL_URI_CASE(Uri, Nodes, Master, Db, User, Password)
#include "../../runtime/test/uri_cases.inc"
#undef REHOST_SENTINEL_URI_CASE
#undef REHOST_URI_CASE
};

struct SentinelUriCase {
  const char *Uri;
  const char *Nodes;
  const char *Master;
  unsigned Db;
  const char *User;
  bool Password;
};

const SentinelUriCase SentinelUriCases[] = {
#define REHOST_URI_CASE(Uri, Transport, Host, Port, Socket, Db, User,         \
                        Password, Tls, Error)
#define REHOST_SENTINEL_URI_CASE(Uri, Nodes, Master, Db, User, Password)      \
  {Uri, Nodes, Master, Db, User, Password},
#include "../../runtime/test/uri_cases.inc"
#undef REHOST_SENTINEL_URI_CASE
#undef REHOST_URI_CASE
};

unsigned number(llvm::StringRef Text, unsigned Default) {
  unsigned N = Default;
  return Text.empty() || Text.getAsInteger(10, N) ? Default : N;
}

TEST(Uri, SharedTableOfCases) {
  for (const UriCase &C : UriCases) {
    SCOPED_TRACE(C.Uri);
    rehost::UriParts P = rehost::splitUri(C.Uri);
    if (*C.Error) {
      EXPECT_NE(P.Error.find(C.Error), std::string::npos) << P.Error;
      EXPECT_EQ(P.Error.find("Sup3rS3cret"), std::string::npos) << P.Error;
      continue;
    }
    EXPECT_EQ(P.Error, "");
    bool Unix = llvm::StringRef(C.Transport) == "unix";
    EXPECT_EQ(P.Transport,
              Unix ? rehost::UriTransport::Unix : rehost::UriTransport::Tcp);
    if (Unix) {
      EXPECT_EQ(rehost::percentDecode(P.Host), C.Socket);
    } else {
      EXPECT_EQ(rehost::percentDecode(P.Host), C.Host);
      EXPECT_EQ(number(P.Port, 6379), C.Port);
      EXPECT_EQ(P.Tls, C.Tls);
    }
    EXPECT_EQ(number(P.Db, 0), C.Db);
    EXPECT_EQ(rehost::percentDecode(P.User), C.User);
    EXPECT_EQ(!P.Password.empty(), C.Password);
    // Whatever the form, no password survives redaction or normalisation.
    if (C.Password) {
      std::string Redacted = rehost::redactUri(C.Uri);
      EXPECT_EQ(rehost::splitUri(Redacted).Password, "***") << Redacted;
      EXPECT_EQ(rehost::normaliseUri(C.Uri).find('@'), std::string::npos);
    }
  }
}

/// The sentinels as the runtime's sentinel_nodes lists them.
std::string sentinelNodes(const rehost::UriParts &P) {
  std::string Out;
  for (const rehost::UriNode &Node : P.Sentinels) {
    std::string Host = rehost::percentDecode(Node.Host);
    if (Host.find(':') != std::string::npos)
      Host = "[" + Host + "]";
    Out += (Out.empty() ? "" : ",") + Host + ":" +
           (Node.Port.empty() ? std::string("26379") : Node.Port.str());
  }
  return Out;
}

TEST(Uri, SharedTableOfSentinelCases) {
  for (const SentinelUriCase &C : SentinelUriCases) {
    SCOPED_TRACE(C.Uri);
    rehost::UriParts P = rehost::splitUri(C.Uri);
    EXPECT_EQ(P.Error, "");
    EXPECT_TRUE(P.KnownScheme);
    EXPECT_TRUE(P.Sentinel);
    EXPECT_EQ(sentinelNodes(P), C.Nodes);
    EXPECT_EQ(rehost::percentDecode(P.Master), C.Master);
    EXPECT_EQ(number(P.Db, 0), C.Db);
    EXPECT_EQ(rehost::percentDecode(P.User), C.User);
    EXPECT_EQ(!P.Password.empty(), C.Password);
    EXPECT_EQ(rehost::normaliseUri(C.Uri).find('@'), std::string::npos);
  }
}

TEST(Uri, SentinelAddressesAreNormalisedAndRedacted) {
  EXPECT_EQ(rehost::normaliseUri(
                "Redis+Sentinel://u:pw@LocalHost,[::1]:26380,S2/mymaster/0"),
            "redis+sentinel://127.0.0.1:26379,127.0.0.1:26380,s2:26379/"
            "mymaster");
  EXPECT_EQ(rehost::normaliseUri("redis-sentinel://h1:5000/m/3?password=x"),
            "redis+sentinel://h1:5000/m/3");
  EXPECT_EQ(rehost::redactUri("redis+sentinel://:pw@h1/m?sentinel_password=sp"),
            "redis+sentinel://:***@h1/m?sentinel_password=***");
  rehost::Endpoint E;
  E.Uri = rehost::Value::constant("redis+sentinel://h1:26379,h2:26379/m");
  EXPECT_EQ(E.address(), "redis+sentinel://h1:26379,h2:26379/m");
  EXPECT_TRUE(E.hasConstantAddress());
}

} // namespace
