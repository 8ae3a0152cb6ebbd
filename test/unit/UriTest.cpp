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
  EXPECT_EQ(rehost::splitUri("redis://alice@cache").User, "alice");
  EXPECT_FALSE(rehost::splitUri("redis://alice@cache").HasPassword);
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
  EXPECT_EQ(rehost::normaliseUri("tcp://[::1]:7000/0"), "redis://[::1]:7000");
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
