//===- ChangedLinesTest.cpp - Reading git's zero-context diff -------------===//

#include "rehost/ChangedLines.h"

#include <gtest/gtest.h>

using namespace rehost;

namespace {

TEST(ChangedLines, HunksGiveTheNewSidesLines) {
  ChangedLines C =
      llvm::cantFail(parseUnifiedDiff("diff --git a/src/a.c b/src/a.c\n"
                                      "--- a/src/a.c\n"
                                      "+++ b/src/a.c\n"
                                      "@@ -3 +3 @@ int x;\n"
                                      "-old\n"
                                      "+new\n"
                                      "@@ -10,0 +11,3 @@\n"
                                      "+a\n+b\n+c\n"
                                      "@@ -20,2 +23,0 @@\n"
                                      "-gone\n-gone\n",
                                      "/repo"));
  EXPECT_TRUE(C.touches("/repo/src/a.c", 3));
  EXPECT_FALSE(C.touches("/repo/src/a.c", 4));
  EXPECT_TRUE(C.touches("/repo/src/a.c", 11));
  EXPECT_TRUE(C.touches("/repo/src/a.c", 13));
  EXPECT_FALSE(C.touches("/repo/src/a.c", 14));
  EXPECT_FALSE(C.touches("/repo/src/a.c", 23)) << "a deletion adds no line";
  EXPECT_FALSE(C.touches("/repo/src/b.c", 3));
}

TEST(ChangedLines, DeletedFilesAndDiffLinesThatLookLikeHeaders) {
  ChangedLines C = llvm::cantFail(parseUnifiedDiff("--- a/gone.c\n"
                                                   "+++ /dev/null\n"
                                                   "@@ -1 +0,0 @@\n"
                                                   "-x\n"
                                                   "--- a/b.c\n"
                                                   "+++ b/b.c\n"
                                                   "@@ -1 +1,2 @@\n"
                                                   "--- a/fake.c\n"
                                                   "++++ b/fake.c\n"
                                                   "+++ b/fake.c\n",
                                                   "/r"));
  EXPECT_EQ(C.Files.count("/r/gone.c"), 0u);
  EXPECT_TRUE(C.touches("/r/b.c", 2));
  EXPECT_EQ(C.Files.count("/r/fake.c"), 0u) << "code, not a file header";
}

TEST(ChangedLines, PathsAsGitWritesThem) {
  // A space: git ends the path with a TAB. A quote, a backslash, a TAB:
  // C-style quoted. A byte above 0x7f with core.quotePath: octal.
  ChangedLines C = llvm::cantFail(
      parseUnifiedDiff("+++ b/src/my file.c\t\n"
                       "@@ -1 +1 @@\n-a\n+b\n"
                       "+++ \"b/src/quo\\\"te \\\\ tab\\there.c\"\n"
                       "@@ -0,0 +2 @@\n+b\n"
                       "+++ \"b/caf\\303\\251.c\"\n"
                       "@@ -0,0 +3 @@\n+b\n",
                       "/r"));
  EXPECT_TRUE(C.touches("/r/src/my file.c", 1));
  EXPECT_TRUE(C.touches("/r/src/quo\"te \\ tab\there.c", 2));
  EXPECT_TRUE(C.touches("/r/caf\xc3\xa9.c", 3));
  EXPECT_EQ(C.Files.size(), 3u);
}

TEST(ChangedLines, AHeaderItCannotReadIsAnError) {
  for (const char *Header : {"+++ \"b/unterminated.c\n", "+++ \"b/x\\9.c\"\n",
                             "+++ c/no-prefix.c\n"}) {
    auto C = parseUnifiedDiff(Header, "/r");
    ASSERT_FALSE(C) << Header;
    EXPECT_NE(llvm::toString(C.takeError()).find("cannot read the path"),
              std::string::npos);
  }
}

// Found by fuzz/changed_lines.cpp: a start of 0 gave a range from line 0,
// and an end past UINT_MAX wrapped to a range that held no line.
TEST(ChangedLines, MalformedHunksStillNameTheirLines) {
  ChangedLines FromZero =
      llvm::cantFail(parseUnifiedDiff("+++ b/a.c\n@@ -1 +0,2 @@\n", "/r"));
  ASSERT_EQ(FromZero.Files["/r/a.c"].size(), 1u);
  EXPECT_EQ(FromZero.Files["/r/a.c"][0], std::make_pair(1u, 2u));
  ChangedLines PastTheEnd =
      llvm::cantFail(
          parseUnifiedDiff("+++ b/b.c\n@@ -1 +4294967295,2 @@\n", "/r"));
  ASSERT_EQ(PastTheEnd.Files["/r/b.c"].size(), 1u);
  EXPECT_EQ(PastTheEnd.Files["/r/b.c"][0],
            std::make_pair(4294967295u, 4294967295u));
}

TEST(ChangedLines, AWholeFile) {
  ChangedLines C;
  C.addWholeFile("/r/new.c");
  EXPECT_TRUE(C.touches("/r/new.c", 1));
  EXPECT_TRUE(C.touches("/r/new.c", 100000));
}

} // namespace
