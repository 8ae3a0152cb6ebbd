//===- CatalogTest.cpp ----------------------------------------------------===//

#include "rehost/Catalog.h"

#include "llvm/ADT/StringSet.h"

#include <gtest/gtest.h>

namespace {

TEST(Catalog, EveryEntryIsWellFormed) {
  llvm::StringSet<> Names;
  for (const rehost::CallEntry &Entry : rehost::callCatalog()) {
    EXPECT_TRUE(Names.insert(Entry.Name).second) << "duplicate " << Entry.Name.str();
    ASSERT_NE(Entry.Family, nullptr) << Entry.Name.str();
    EXPECT_TRUE(Entry.RuntimeCall.startswith("rehost_")) << Entry.Name.str();
    bool HasEndpoint = false;
    for (rehost::ArgRole Role : Entry.Args)
      HasEndpoint |= Role != rehost::ArgRole::Other;
    EXPECT_TRUE(HasEndpoint) << Entry.Name.str();
  }
}

TEST(Catalog, FindsByExactName) {
  ASSERT_NE(rehost::findCall("redisConnect"), nullptr);
  EXPECT_EQ(rehost::findCall("redisConnect")->RuntimeCall, "rehost_redisConnect");
  EXPECT_EQ(rehost::findCall("redisConnectX"), nullptr);
  EXPECT_EQ(rehost::findCall("redis"), nullptr);
}

TEST(Catalog, FamilyHeadersMatchOnPathComponents) {
  const rehost::LibraryFamily &Hiredis =
      *rehost::findCall("redisConnect")->Family;
  EXPECT_TRUE(rehost::isFamilyHeader(Hiredis, "/usr/include/hiredis/hiredis.h"));
  EXPECT_TRUE(rehost::isFamilyHeader(Hiredis, "third_party/hiredis/async.h"));
  EXPECT_TRUE(rehost::isFamilyHeader(Hiredis, "hiredis.h"));
  EXPECT_FALSE(rehost::isFamilyHeader(Hiredis, "/src/myhiredis.h"));
  EXPECT_FALSE(rehost::isFamilyHeader(Hiredis, "/src/redis_wrapper.h"));
}

} // namespace
