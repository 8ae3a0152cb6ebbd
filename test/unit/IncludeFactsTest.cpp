//===- IncludeFactsTest.cpp -----------------------------------------------===//
//
// What the fast pre-filter reads of one file (IncludeFacts.h) and how the
// facts are kept across runs (FactsCache.h).
//
//===----------------------------------------------------------------------===//

#include "rehost/IncludeFacts.h"
#include "rehost/FactsCache.h"

#include "TestSupport.h"

namespace {

using rehost::FactsCache;
using rehost::IncludeFacts;
using rehost::scanIncludeFacts;
using rehost::SpelledInclude;

std::vector<std::string> names(const IncludeFacts &F) {
  std::vector<std::string> Out;
  for (const SpelledInclude &I : F.Includes)
    Out.push_back(I.Name + (I.Angled ? " <>" : " \"\"") +
                  (I.Next ? " next" : "") + (I.Conditional ? " if" : ""));
  return Out;
}

TEST(IncludeFacts, ReadsEveryIncludeAndItsSpelling) {
  IncludeFacts F = scanIncludeFacts("#include <stdio.h>\n"
                                    "  #  include \"app/log.h\" // why\n"
                                    "#include_next <limits.h>\n"
                                    "#import <objc.h>\n"
                                    "%:include <digraph.h>\n"
                                    "?\?=include <trigraph.h>\n"
                                    "/* spans\n lines */ #include <after.h>\n"
                                    "#inc\\\nlude <spliced.h>\n");
  EXPECT_EQ(names(F), (std::vector<std::string>{"stdio.h <>", "app/log.h \"\"",
                                                "limits.h <> next", "objc.h <>",
                                                "digraph.h <>", "trigraph.h <>",
                                                "after.h <>", "spliced.h <>"}));
  EXPECT_FALSE(F.ComputedInclude);
}

// Every include under any condition counts, as possibly taken: #if 0 too.
TEST(IncludeFacts, AnIncludeUnderAConditionIsPossiblyTaken) {
  IncludeFacts F = scanIncludeFacts("#include <a.h>\n"
                                    "#ifdef USE_REDIS\n"
                                    "#include <hiredis/hiredis.h>\n"
                                    "#else\n"
                                    "#include <b.h>\n"
                                    "#endif\n"
                                    "#if 0\n#include <c.h>\n#endif\n");
  EXPECT_EQ(names(F),
            (std::vector<std::string>{"a.h <>", "hiredis/hiredis.h <> if",
                                      "b.h <> if", "c.h <> if"}));
}

// The include guard is not a condition: the file is read once at least.
TEST(IncludeFacts, TheIncludeGuardIsNoCondition) {
  IncludeFacts Guarded = scanIncludeFacts("// licence\n#ifndef APP_H\n"
                                          "#define APP_H\n#include <a.h>\n"
                                          "#ifdef X\n#include <b.h>\n#endif\n"
                                          "#endif /* APP_H */\n");
  EXPECT_EQ(names(Guarded), (std::vector<std::string>{"a.h <>", "b.h <> if"}));
  IncludeFacts Defined = scanIncludeFacts("#if !defined(APP_H)\n#define APP_H\n"
                                          "#include <a.h>\n#endif\n");
  EXPECT_EQ(names(Defined), (std::vector<std::string>{"a.h <>"}));
  // Code after the #endif: the #ifndef was an ordinary condition.
  IncludeFacts NotAGuard =
      scanIncludeFacts("#ifndef X\n#include <a.h>\n#endif\nint x;\n");
  EXPECT_EQ(names(NotAGuard), (std::vector<std::string>{"a.h <> if"}));
  // An #else branch: so was this one.
  IncludeFacts WithElse = scanIncludeFacts(
      "#ifndef X\n#include <a.h>\n#else\n#include <b.h>\n#endif\n");
  EXPECT_EQ(names(WithElse),
            (std::vector<std::string>{"a.h <> if", "b.h <> if"}));
}

// What Clang skips before a directive: a UTF-8 byte order mark, a Unicode
// space (here U+00A0).
TEST(IncludeFacts, ADirectiveAfterAByteOrderMarkOrAUnicodeSpace) {
  EXPECT_EQ(names(scanIncludeFacts("\xEF\xBB\xBF#include <hiredis/hiredis.h>\n"
                                   "\xC2\xA0#include <b.h>\n")),
            (std::vector<std::string>{"hiredis/hiredis.h <>", "b.h <>"}));
}

TEST(IncludeFacts, AComputedIncludeIsNamed) {
  EXPECT_TRUE(scanIncludeFacts("#define H <hiredis/hiredis.h>\n#include H\n")
                  .ComputedInclude);
  EXPECT_TRUE(scanIncludeFacts("#include <unterminated.h\n").ComputedInclude);
  EXPECT_FALSE(scanIncludeFacts("#include <a.h>\n").ComputedInclude);
}

// Comments and literals hide nothing and show nothing.
TEST(IncludeFacts, CommentsAndLiteralsAreNotDirectives) {
  IncludeFacts F =
      scanIncludeFacts("/* #include <in_comment.h> */\n"
                       "// #include <line_comment.h>\n"
                       "const char *s = \"\\\"/*\";\n"
                       "#include <after_string.h>\n"
                       "char c = '\"'; int n = 1'000'000;\n"
                       "#include <after_separators.h>\n"
                       "auto r = R\"x(\n#include <in_raw_string.h>\n)x\";\n"
                       "#include <after_raw_string.h>\n"
                       "#error don't stop here\n"
                       "#include <after_apostrophe.h>\n");
  EXPECT_EQ(names(F), (std::vector<std::string>{
                          "after_string.h <>", "after_separators.h <>",
                          "after_raw_string.h <>", "after_apostrophe.h <>"}));
  EXPECT_TRUE(F.MultiLineRawString);
  EXPECT_TRUE(F.UnconditionalError);
}

TEST(IncludeFacts, ErrorsThatMayStopTheCompiler) {
  EXPECT_TRUE(
      scanIncludeFacts("#ifdef _WIN32\n#error no\n#endif\n").ConditionalError);
  EXPECT_FALSE(scanIncludeFacts("#ifdef _WIN32\n#error no\n#endif\n")
                   .UnconditionalError);
  EXPECT_TRUE(scanIncludeFacts("#ifdef X\n").UnconditionalError);
  EXPECT_TRUE(scanIncludeFacts("#endif\n").UnconditionalError);
  EXPECT_TRUE(scanIncludeFacts("#frobnicate\n").UnconditionalError);
  EXPECT_FALSE(scanIncludeFacts("#pragma once\n#define A 1\n# 12 \"f.c\"\n")
                   .UnconditionalError);
}

TEST(IncludeFacts, MayNameAClientApi) {
  EXPECT_TRUE(scanIncludeFacts("redisContext *c;\n").MayNameClientApi);
  EXPECT_FALSE(scanIncludeFacts("int x;\n").MayNameClientApi);
}

/// Whether \p Text spells \p Identifier as the pass by names reads it.
bool spells(llvm::StringRef Text, llvm::StringRef Identifier) {
  return rehost::spellsIdentifier(scanIncludeFacts(Text),
                                  rehost::identifierHash(Identifier));
}

// A whole token, not a part of one, and not in a comment or a literal.
TEST(IncludeFacts, IdentifiersAreTokensOutsideCommentsAndLiterals) {
  EXPECT_TRUE(spells("void f(void) { init(); }\n", "init"));
  EXPECT_FALSE(spells("int initial = 1;\n", "init"));
  EXPECT_FALSE(spells("int pre_init;\n", "init"));
  EXPECT_FALSE(spells("/* init */ // init\nconst char *s = \"init\";\n"
                      "char c = 'i';\n",
                      "init"));
  EXPECT_FALSE(spells("auto s = R\"x(\ninit\n)x\";\n", "init"));
  EXPECT_FALSE(spells("int x = 0x1e5init;\n", "e5init")); // A number.
  EXPECT_TRUE(spells("int a = ini\\\nt;\n", "init"));     // A splice.
  // Directives count, whatever their condition: a macro may call it.
  EXPECT_TRUE(spells("#define OPEN() init()\n", "init"));
  EXPECT_TRUE(spells("#if 0\ninit();\n#endif\n", "init"));
  EXPECT_TRUE(spells("#include MAKE(init)\n", "init"));
  EXPECT_FALSE(spells("#include \"init.h\"\n", "init"));
}

class FactsCacheTest : public ::testing::Test {
protected:
  void SetUp() override {
    llvm::SmallString<128> Dir;
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("facts-cache", Dir));
    Root = std::string(Dir);
    Path = FactsCache::pathIn(Root);
  }
  void TearDown() override { llvm::sys::fs::remove_directories(Root); }

  /// A cache holding the facts of \p Text, saved.
  void saveOne(llvm::StringRef Text) {
    auto Cache = FactsCache::load(Path);
    ASSERT_TRUE(bool(Cache)) << llvm::toString(Cache.takeError());
    (*Cache)->insert(FactsCache::hashOf(Text), Text.size(),
                     scanIncludeFacts(Text));
    ASSERT_FALSE(bool((*Cache)->save()));
  }

  std::string Root, Path;
};

TEST_F(FactsCacheTest, KeepsFactsByContent) {
  llvm::StringRef Text = "#ifdef X\n#include <a.h>\n#endif\n#include H\n";
  saveOne(Text);
  EXPECT_EQ(rehost::testing::readFile(Root + "/.rehost-cache/.gitignore"),
            "*\n");
  auto Cache = FactsCache::load(Path);
  ASSERT_TRUE(bool(Cache)) << llvm::toString(Cache.takeError());
  std::optional<IncludeFacts> Found =
      (*Cache)->find(FactsCache::hashOf(Text), Text.size());
  ASSERT_TRUE(Found.has_value());
  EXPECT_EQ(*Found, scanIncludeFacts(Text));
  EXPECT_EQ(Found->Identifiers.size(), 2u); // X and H.
  // Another content has no entry: a changed file is read again.
  llvm::StringRef Changed = "#include <b.h>\n";
  EXPECT_FALSE((*Cache)->find(FactsCache::hashOf(Changed), Changed.size()));
}

TEST_F(FactsCacheTest, AStaleCacheIsIgnored) {
  saveOne("#include <a.h>\n");
  std::string Bytes = rehost::testing::readFile(Path);
  Bytes[4] = 99; // Another format version.
  rehost::testing::writeFile(Path, Bytes);
  auto Cache = FactsCache::load(Path);
  ASSERT_TRUE(bool(Cache)) << llvm::toString(Cache.takeError());
  EXPECT_TRUE((*Cache)->wasStale());
  EXPECT_EQ((*Cache)->size(), 0u);
}

TEST_F(FactsCacheTest, ADamagedCacheIsAnErrorNamingIt) {
  saveOne("#include <a.h>\n");
  std::string Bytes = rehost::testing::readFile(Path);
  std::string Flipped = Bytes;
  Flipped[Flipped.size() / 2] ^= 1;
  for (const std::string &Damaged :
       {Flipped, Bytes.substr(0, Bytes.size() - 3), std::string("junk")}) {
    rehost::testing::writeFile(Path, Damaged);
    auto Cache = FactsCache::load(Path);
    ASSERT_FALSE(bool(Cache));
    std::string Message = llvm::toString(Cache.takeError());
    EXPECT_CONTAINS(Message, Path);
    EXPECT_CONTAINS(Message, "damaged");
  }
}

} // namespace
