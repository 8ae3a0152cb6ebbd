//===- SuppressionTest.cpp - Which comments silence a finding -------------===//

#include "rehost/Suppression.h"

#include <gtest/gtest.h>

#include <string>

using namespace rehost;

namespace {

constexpr const char *Check = "rehost-hardcoded-endpoint";

/// The suppression of the site at the first "SITE" in \p Text.
Suppression at(const std::string &Text) {
  return findSuppression(Text, Text.find("SITE"), Check);
}

TEST(Suppression, NoCommentNoSuppression) {
  EXPECT_FALSE(at("int x;\nSITE();\n").suppresses());
  EXPECT_FALSE(at("SITE();").suppresses());
}

TEST(Suppression, NolintOnTheLineWithOrWithoutAList) {
  EXPECT_EQ(at("SITE(); // NOLINT\n").Form, "NOLINT");
  EXPECT_EQ(at("SITE(); // NOLINT(rehost-hardcoded-endpoint)").Form, "NOLINT");
  EXPECT_EQ(at("SITE(); // NOLINT(rehost-*)").Form, "NOLINT");
  EXPECT_EQ(at("SITE(); // NOLINT(a-b, rehost-hardcoded-endpoint)").Form,
            "NOLINT");
  EXPECT_FALSE(at("SITE(); // NOLINT(rehost-hardcoded-credential)").suppresses());
  EXPECT_FALSE(at("SITE(); // NOLINT(rehost-hardcoded-endpoint").suppresses())
      << "an unclosed list is ignored, as clang-tidy ignores it";
}

// Found by fuzz/suppression.cpp: llvm::GlobPattern took exponential time on
// a list with many stars, so one comment hung a scan. '*' is the only
// wildcard, as in clang-tidy's check lists.
TEST(Suppression, CheckListGlobsMatchInLinearTime) {
  std::string Stars(200, '*');
  EXPECT_TRUE(at("SITE(); // NOLINT(r" + Stars + "t)").suppresses());
  EXPECT_FALSE(at("SITE(); // NOLINT(r" + Stars + "x" + Stars + "q)")
                   .suppresses());
  std::string Many;
  for (int I = 0; I < 40; ++I)
    Many += "*a";
  EXPECT_FALSE(at("SITE(); // NOLINT(" + Many + "*z)").suppresses());
  EXPECT_TRUE(at("SITE(); // NOLINT(*hardcoded*)").suppresses());
  EXPECT_TRUE(at("SITE(); // NOLINT(*)").suppresses());
  EXPECT_FALSE(at("SITE(); // NOLINT(rehost-?ardcoded-endpoint)").suppresses())
      << "'?' is no wildcard";
  EXPECT_FALSE(at("SITE(); // NOLINT(rehost-hardcoded-endpoin)").suppresses());
}

TEST(Suppression, ReasonsAfterTheList) {
  EXPECT_EQ(at("SITE(); // NOLINT(rehost-*): a fixture").Reason, "a fixture");
  EXPECT_EQ(at("SITE(); /* NOLINT - local only */").Reason, "local only");
  EXPECT_EQ(at("SITE(); // NOLINT").Reason, "");
}

TEST(Suppression, NextLineOnlyFromTheLineAbove) {
  EXPECT_EQ(at("// NOLINTNEXTLINE(rehost-*) why\nSITE();").Form,
            "NOLINTNEXTLINE");
  EXPECT_EQ(at("// NOLINTNEXTLINE(rehost-*) why\nSITE();").Reason, "why");
  EXPECT_FALSE(at("// NOLINTNEXTLINE\n\nSITE();").suppresses());
  EXPECT_FALSE(at("SITE(); // NOLINTNEXTLINE").suppresses());
}

TEST(Suppression, RegionsCloseOnTheMatchingEnd) {
  EXPECT_EQ(at("// NOLINTBEGIN(rehost-*): vendored\nint a;\nSITE();").Reason,
            "vendored");
  EXPECT_FALSE(at("// NOLINTBEGIN(rehost-*)\n// NOLINTEND(rehost-*)\nSITE();")
                   .suppresses());
  // An end naming other checks does not close the region.
  EXPECT_TRUE(at("// NOLINTBEGIN(rehost-*)\n// NOLINTEND(other)\nSITE();")
                  .suppresses());
  // Nested: the inner region closes, the outer stays open.
  EXPECT_EQ(at("// NOLINTBEGIN outer\n// NOLINTBEGIN(x) inner\n"
               "// NOLINTEND(x)\nSITE();")
                .Reason,
            "outer");
}

TEST(Suppression, RehostAllow) {
  EXPECT_EQ(at("SITE(); // rehost: allow(test server)").Form, "rehost: allow");
  EXPECT_EQ(at("SITE(); // rehost: allow(test server)").Reason, "test server");
  EXPECT_EQ(at("SITE(); // rehost:allow").Reason, "");
  EXPECT_FALSE(at("// rehost: allow(x)\nSITE();").suppresses())
      << "only on the site's own line";
}

} // namespace
