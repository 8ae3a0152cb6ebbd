#include "rehost/RewriteRenderer.h"

#include <gtest/gtest.h>

using namespace rehost;

namespace {

Anchor at(unsigned Offset, unsigned Length = 0) {
  return {"/p/a.c", Offset, Length, "digest", ""};
}

/// `  c = redisConnect("10.0.0.5", 6380);` as phase one records it.
Site connectSite() {
  Site S;
  S.File = "/p/a.c";
  S.Api = "redisConnect";
  S.Kind = ApiKind::Function;
  S.Target.Host = Value::constant("10.0.0.5");
  S.Target.Port = Value::constant("6380");
  UseSpelling &Sp = S.Spelling;
  Sp.Callee = at(106, 12);
  Sp.Paren = at(119);
  Sp.StrictArgs = at(119, 16);
  Sp.Args = {{ArgRole::Host, at(119, 10), false, true, ""},
             {ArgRole::Port, at(131, 4), false, false, ""}};
  Sp.RParen = at(135);
  Sp.Lines = {{"/p/a.c", 100, "  c = redisConnect(\"10.0.0.5\", 6380);"}};
  return S;
}

TEST(RewriteRenderer, OneSpellingRendersEachModeWithTheProfile) {
  Site S = connectSite();
  Rewrite Fallback = renderRewrite(S, RewriteMode::Fallback, "cache");
  ASSERT_TRUE(Fallback.ManualReason.empty()) << Fallback.ManualReason;
  EXPECT_EQ(Fallback.After,
            "  c = rehost_redisConnect(\"cache\", \"10.0.0.5\", 6380);");
  EXPECT_EQ(Fallback.Before, S.Spelling.Lines[0].Text);
  EXPECT_EQ(Fallback.Edits[0].Include, "rehost/rehost.h");

  Rewrite Strict = renderRewrite(S, RewriteMode::Strict, "cache");
  EXPECT_EQ(Strict.After, "  c = rehost_redisConnect(\"cache\", NULL, 0);");
  ASSERT_EQ(Strict.Edits.size(), 2u);
  EXPECT_EQ(Strict.Edits[1].Offset, 119u);
  EXPECT_EQ(Strict.Edits[1].Length, 16u);
}

TEST(RewriteRenderer, AnAnchorNoEditMayTouchGivesItsProblem) {
  Site S = connectSite();
  S.Spelling.StrictArgs =
      Anchor::broken("--strict: the endpoint's arguments are spelled partly "
                     "in a macro");
  EXPECT_EQ(renderRewrite(S, RewriteMode::Fallback, "p").ManualReason, "");
  Rewrite Strict = renderRewrite(S, RewriteMode::Strict, "p");
  EXPECT_TRUE(Strict.Edits.empty());
  EXPECT_EQ(Strict.ManualReason, S.Spelling.StrictArgs.Problem);
}

TEST(RewriteRenderer, PoolNeedsTheProof) {
  Site S = connectSite();
  EXPECT_EQ(renderRewrite(S, RewriteMode::Pool, "p").ManualReason,
            "--pool: the connect was not analysed for pooling");
  S.Spelling.Pool = PoolSpelling{at(106, 30), {at(160, 9)}};
  Rewrite Pooled = renderRewrite(S, RewriteMode::Pool, "p");
  EXPECT_EQ(Pooled.After, "  c = rehost_pool_acquire(rehost_pool_get(\"p\", "
                          "\"redis://10.0.0.5:6380\"), -1);");
  ASSERT_EQ(Pooled.Edits.size(), 2u);
  EXPECT_EQ(Pooled.Edits[1].Text, "rehost_redisRelease");
}

} // namespace
