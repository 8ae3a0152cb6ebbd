//===- CatalogTest.cpp ----------------------------------------------------===//

#include "rehost/Catalog.h"

#include "rehost/LLVMCompat.h"

#include "llvm/ADT/StringSet.h"

#include <gtest/gtest.h>

namespace {

using rehost::ApiKind;
using rehost::ArgRole;

TEST(Catalog, EveryEntryIsWellFormed) {
  llvm::StringSet<> Names;
  for (const rehost::CatalogEntry &Entry : rehost::catalog()) {
    std::string Key = std::to_string(int(Entry.Kind)) + Entry.Name.str();
    EXPECT_TRUE(Names.insert(Key).second) << "duplicate " << Entry.Name.str();
    ASSERT_NE(Entry.Family, nullptr) << Entry.Name.str();
    bool HasValue = llvm::any_of(
        Entry.Args, [](ArgRole Role) { return Role != ArgRole::Other; });
    EXPECT_TRUE(HasValue) << Entry.Name.str();
    if (Entry.Kind == ApiKind::Field)
      EXPECT_EQ(Entry.Args.size(), 1u) << Entry.Name.str();
    EXPECT_EQ(rehost::rowProblem(Entry), "") << Entry.Name.str();
    // `rehost fix` moves a value only through a runtime call or accessor.
    for (llvm::StringRef Replacement : Entry.replacements())
      EXPECT_TRUE(rehost::startsWith(Replacement, "rehost_") ||
                  rehost::startsWith(Replacement, "rehost::"))
          << Entry.Name.str();
  }
}

TEST(Catalog, EveryRoleHasTraits) {
  for (ArgRole Role :
       {ArgRole::Host, ArgRole::Port, ArgRole::UnixPath, ArgRole::Uri,
        ArgRole::Nodes, ArgRole::Node, ArgRole::NodeList, ArgRole::Db,
        ArgRole::SentinelHost, ArgRole::SentinelPort, ArgRole::User,
        ArgRole::Password, ArgRole::Command, ArgRole::CommandArgv,
        ArgRole::Connection, ArgRole::Other}) {
    const rehost::RoleTraits &T = rehost::traitsOf(Role);
    EXPECT_EQ(T.Role, Role);
    // A credential is sent wherever it is written; what carries a value
    // is part of an endpoint.
    EXPECT_TRUE(!T.Credential || T.SendsCredential);
    EXPECT_EQ(T.Part == rehost::EndpointPart::None,
              T.Kind == rehost::RoleValue::None ||
                  T.Kind == rehost::RoleValue::Command ||
                  T.Kind == rehost::RoleValue::Argv);
  }
}

TEST(Catalog, RoleTraitsListEveryRoleOnceInOrder) {
  llvm::ArrayRef<rehost::RoleTraits> All = rehost::roleTraits();
  ASSERT_EQ(All.size(), static_cast<size_t>(ArgRole::Other) + 1);
  for (size_t I = 0; I < All.size(); ++I)
    EXPECT_EQ(static_cast<size_t>(All[I].Role), I);
  // A role .rehost.toml may declare is one the runtime has a setting for.
  for (const rehost::RoleTraits &T : All)
    if (!T.ConfigKey.empty())
      EXPECT_FALSE(T.CAccessor.empty()) << T.ConfigKey.str();
}

TEST(Catalog, ARowWhoseShapeDoesNotFitIsNamed) {
  rehost::CatalogEntry Entry =
      *rehost::findEntry(ApiKind::Function, "redisConnect");
  EXPECT_EQ(rehost::rowProblem(Entry), "");
  Entry.Shape = rehost::RewriteShape::MethodCall;
  EXPECT_NE(rehost::rowProblem(Entry), "");
  Entry.Shape = rehost::RewriteShape::Manual;
  EXPECT_NE(rehost::rowProblem(Entry), "");
}

TEST(Catalog, ASingleClusterNodeHasNoAccessor) {
  // rehost_cluster_nodes may return several nodes where the API takes one:
  // fix leaves such a site to a human.
  const rehost::CatalogEntry *AddNode =
      rehost::findEntry(ApiKind::Function, "redisClusterSetOptionAddNode");
  ASSERT_NE(AddNode, nullptr);
  EXPECT_TRUE(AddNode->replacements().empty());
}

TEST(Catalog, FindsByKindAndQualifiedName) {
  const rehost::CatalogEntry *Connect =
      rehost::findEntry(ApiKind::Function, "redisConnect");
  ASSERT_NE(Connect, nullptr);
  EXPECT_EQ(Connect->RuntimeCall, "rehost_redisConnect");
  EXPECT_EQ(rehost::findEntry(ApiKind::Function, "redisConnectX"), nullptr);
  EXPECT_EQ(rehost::findEntry(ApiKind::Function, "redis"), nullptr);
  EXPECT_NE(rehost::findEntry(ApiKind::Constructor, "sw::redis::Redis"),
            nullptr);
  EXPECT_EQ(rehost::findEntry(ApiKind::Constructor, "Redis"), nullptr);
  EXPECT_EQ(rehost::findEntry(ApiKind::Method, "sw::redis::Redis"), nullptr);
  EXPECT_NE(rehost::findEntry(ApiKind::Field,
                              "sw::redis::ConnectionOptions::password"),
            nullptr);
}

TEST(Catalog, NestedFieldsAreKeyedByMemberPath) {
  // redisOptions' endpoint lives in unnamed members: the row names the path
  // from the record, and matchers filter on the last member's name.
  const rehost::CatalogEntry *Ip =
      rehost::findEntry(ApiKind::Field, "redisOptions::endpoint.tcp.ip");
  ASSERT_NE(Ip, nullptr);
  EXPECT_EQ(Ip->Args.front(), ArgRole::Host);
  EXPECT_EQ(rehost::declarationName(*Ip), "ip");
  const rehost::CatalogEntry *Socket =
      rehost::findEntry(ApiKind::Field, "redisOptions::endpoint.unix_socket");
  ASSERT_NE(Socket, nullptr);
  EXPECT_EQ(rehost::declarationName(*Socket), "unix_socket");
  EXPECT_EQ(rehost::findEntry(ApiKind::Field, "redisOptions::ip"), nullptr);
  // A field of a named record keeps its qualified name.
  const rehost::CatalogEntry *Host =
      rehost::findEntry(ApiKind::Field, "sw::redis::ConnectionOptions::host");
  ASSERT_NE(Host, nullptr);
  EXPECT_EQ(rehost::declarationName(*Host),
            "sw::redis::ConnectionOptions::host");
}

TEST(Catalog, ArgumentEntriesReplaceEachValueWithItsAccessor) {
  const auto *Nodes =
      rehost::findEntry(ApiKind::Function, "redisClusterSetOptionAddNodes");
  ASSERT_NE(Nodes, nullptr);
  EXPECT_EQ(Nodes->replacements().front(), "rehost_cluster_nodes");
  const auto *Password = rehost::findEntry(
      ApiKind::Function, "redisClusterSetOptionPassword");
  ASSERT_NE(Password, nullptr);
  EXPECT_EQ(Password->replacements().front(), "rehost_password");
  EXPECT_TRUE(Password->sendsCredential());
  EXPECT_EQ(Password->argumentOf(ArgRole::Connection), 0u);
}

TEST(Catalog, WholeProfileEntriesNameTheirRuntimeCall) {
  // Connections that must get the password and db too go through a runtime
  // call that applies the whole profile, not one accessor per argument.
  const auto *Connect =
      rehost::findEntry(ApiKind::Method, "cpp_redis::client::connect");
  ASSERT_NE(Connect, nullptr);
  EXPECT_EQ(Connect->replacements().front(), "rehost::connect");
  EXPECT_FALSE(Connect->sendsCredential());
  const auto *Auth = rehost::findEntry(ApiKind::Function, "redisCommand");
  ASSERT_NE(Auth, nullptr);
  EXPECT_EQ(Auth->replacements().front(), "rehost_redisAuth");
  EXPECT_EQ(Auth->argumentOf(ArgRole::Command), 1u);
  const auto *Host =
      rehost::findEntry(ApiKind::Field, "sw::redis::ConnectionOptions::host");
  ASSERT_NE(Host, nullptr);
  EXPECT_EQ(Host->OptionsCall, "rehost::configure");
}

TEST(Catalog, ConfiguredObjectsAwaitTheirConnect) {
  // A redisOptions' fields and a cluster context's options are rewritten
  // with the call that connects the object, which is no site of its own.
  const auto *Ip =
      rehost::findEntry(ApiKind::Field, "redisOptions::endpoint.tcp.ip");
  ASSERT_NE(Ip, nullptr);
  EXPECT_TRUE(Ip->AwaitsConnect);
  EXPECT_EQ(Ip->runtimeHeader(), "rehost/rehost.h");
  const auto *Connect =
      rehost::findEntry(ApiKind::Function, "redisConnectWithOptions");
  ASSERT_NE(Connect, nullptr);
  EXPECT_TRUE(Connect->Shape == rehost::RewriteShape::ConnectsConfigured);
  EXPECT_EQ(Connect->runtimeHeader(), "rehost/hiredis_options.h");
  const auto *Connect2 =
      rehost::findEntry(ApiKind::Function, "redisClusterConnect2");
  ASSERT_NE(Connect2, nullptr);
  EXPECT_TRUE(Connect2->Shape == rehost::RewriteShape::ConnectsConfigured);
  EXPECT_EQ(Connect2->runtimeHeader(), "rehost/cluster.h");
  const auto *Direct =
      rehost::findEntry(ApiKind::Function, "redisClusterConnect");
  ASSERT_NE(Direct, nullptr);
  EXPECT_FALSE(Direct->Shape == rehost::RewriteShape::ConnectsConfigured);
  EXPECT_EQ(Direct->replacements().front(), "rehost_redisClusterConnect");
}

TEST(Catalog, FamilyHeadersMatchOnPathComponents) {
  const rehost::LibraryFamily &Hiredis =
      *rehost::findEntry(ApiKind::Function, "redisConnect")->Family;
  EXPECT_TRUE(
      rehost::isFamilyHeader(Hiredis, "/usr/include/hiredis/hiredis.h"));
  EXPECT_TRUE(rehost::isFamilyHeader(Hiredis, "third_party/hiredis/async.h"));
  EXPECT_TRUE(rehost::isFamilyHeader(Hiredis, "hiredis.h"));
  EXPECT_FALSE(rehost::isFamilyHeader(Hiredis, "/src/myhiredis.h"));
  EXPECT_FALSE(rehost::isFamilyHeader(Hiredis, "/src/redis_wrapper.h"));
}

} // namespace
