//===- CommandFormatTest.cpp ----------------------------------------------===//

#include "rehost/CommandFormat.h"

#include <gtest/gtest.h>

namespace {

using rehost::FormatWord;

TEST(CommandFormat, SplitsWordsAndNumbersArguments) {
  auto Words = rehost::splitCommandFormat("SET  %s %b %d 100%%");
  ASSERT_EQ(Words.size(), 5u);
  EXPECT_EQ(Words[0].K, FormatWord::Kind::Literal);
  EXPECT_EQ(Words[0].Text, "SET");
  EXPECT_EQ(Words[1].K, FormatWord::Kind::Argument);
  EXPECT_EQ(Words[1].Argument, 0u);
  // %b takes a pointer and a length.
  EXPECT_EQ(Words[2].K, FormatWord::Kind::Argument);
  EXPECT_EQ(Words[2].Argument, 1u);
  EXPECT_EQ(Words[3].K, FormatWord::Kind::Mixed);
  EXPECT_EQ(Words[3].Argument, 3u);
  EXPECT_EQ(Words[4].K, FormatWord::Kind::Literal);
  EXPECT_EQ(Words[4].Text, "100%");
}

TEST(CommandFormat, TextAroundAConversionIsMixed) {
  auto Words = rehost::splitCommandFormat("AUTH pre%s");
  ASSERT_EQ(Words.size(), 2u);
  EXPECT_EQ(Words[1].K, FormatWord::Kind::Mixed);
}

TEST(CommandFormat, AuthTakesPasswordOrUserAndPassword) {
  auto One = rehost::findAuthWords(rehost::splitCommandFormat("auth s3cret"));
  ASSERT_TRUE(One);
  EXPECT_FALSE(One->User);
  EXPECT_EQ(One->Password.Text, "s3cret");

  auto Two = rehost::findAuthWords(rehost::splitCommandFormat("AUTH %s %s"));
  ASSERT_TRUE(Two);
  ASSERT_TRUE(Two->User);
  EXPECT_EQ(Two->User->Argument, 0u);
  EXPECT_EQ(Two->Password.Argument, 1u);
}

TEST(CommandFormat, OtherCommandsCarryNoCredential) {
  EXPECT_FALSE(rehost::findAuthWords(rehost::splitCommandFormat("GET auth")));
  EXPECT_FALSE(rehost::findAuthWords(rehost::splitCommandFormat("%s pw")));
  EXPECT_FALSE(rehost::findAuthWords(rehost::splitCommandFormat("AUTH")));
  EXPECT_FALSE(rehost::findAuthWords(rehost::splitCommandFormat("AUTH a b c")));
}

} // namespace
