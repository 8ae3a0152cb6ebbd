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

/// The credential words of a format command.
std::optional<rehost::CredentialWords> credentialsOf(const char *Format) {
  return rehost::findCredentialWords(
      rehost::keywordsOf(rehost::splitCommandFormat(Format)));
}

/// The credential words of an argv command whose words are all known.
std::optional<rehost::CredentialWords>
credentialsOf(std::vector<std::optional<std::string>> Words) {
  return rehost::findCredentialWords(Words);
}

TEST(CommandFormat, AuthTakesPasswordOrUserAndPassword) {
  auto One = credentialsOf("auth s3cret");
  ASSERT_TRUE(One);
  EXPECT_EQ(One->Command, rehost::CredentialCommand::Auth);
  EXPECT_FALSE(One->User);
  EXPECT_EQ(One->Password, 1u);

  auto Two = credentialsOf("AUTH %s %s");
  ASSERT_TRUE(Two);
  ASSERT_TRUE(Two->User);
  EXPECT_EQ(*Two->User, 1u);
  EXPECT_EQ(Two->Password, 2u);
}

TEST(CommandFormat, HelloCarriesUserAndPasswordAfterAuth) {
  auto Hello = credentialsOf("HELLO 3 SETNAME app auth %s %s");
  ASSERT_TRUE(Hello);
  EXPECT_EQ(Hello->Command, rehost::CredentialCommand::Hello);
  EXPECT_EQ(*Hello->User, 5u);
  EXPECT_EQ(Hello->Password, 6u);
  EXPECT_TRUE(rehost::isConnectionCredential(Hello->Command));
  // A client named AUTH is no credential; HELLO AUTH needs both words.
  EXPECT_FALSE(credentialsOf("HELLO 3 SETNAME auth"));
  EXPECT_FALSE(credentialsOf("HELLO 3 AUTH user"));
  EXPECT_FALSE(credentialsOf("HELLO 3"));
}

TEST(CommandFormat, MigrateCarriesTheTargetsCredentials) {
  auto Auth = credentialsOf({"MIGRATE", "h", "6379", "", "0", "5000", "COPY",
                             "AUTH", "pw", "KEYS", "a"});
  ASSERT_TRUE(Auth);
  EXPECT_EQ(Auth->Command, rehost::CredentialCommand::Migrate);
  EXPECT_FALSE(Auth->User);
  EXPECT_EQ(Auth->Password, 8u);
  EXPECT_FALSE(rehost::isConnectionCredential(Auth->Command));

  auto Auth2 = credentialsOf("MIGRATE %s %d key 0 5000 AUTH2 %s %s");
  ASSERT_TRUE(Auth2);
  EXPECT_EQ(*Auth2->User, 7u);
  EXPECT_EQ(Auth2->Password, 8u);
  // A key named AUTH is a key, before the options and after KEYS.
  EXPECT_FALSE(credentialsOf("MIGRATE h 6379 AUTH 0 5000"));
  EXPECT_FALSE(credentialsOf("MIGRATE h 6379 \"\" 0 5000 KEYS AUTH pw"));
}

TEST(CommandFormat, ArgvWordsAreKeywordsOnlyWhenKnown) {
  EXPECT_TRUE(credentialsOf({"auth", "pw"}));
  EXPECT_FALSE(credentialsOf({std::nullopt, "pw"}));
}

TEST(CommandFormat, OtherCommandsCarryNoCredential) {
  EXPECT_FALSE(credentialsOf("GET auth"));
  EXPECT_FALSE(credentialsOf("%s pw"));
  EXPECT_FALSE(credentialsOf("AUTH"));
  EXPECT_FALSE(credentialsOf("AUTH a b c"));
}

} // namespace
