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

/// `  open_at(host, port);` in main.cpp handing a std::string and an int
/// to a wrapper whose body, in conn.c, is `  return redisConnect(h, p);`.
Site derivedSite(ReachedUse &Reached, FlowUse &Use) {
  Site S;
  S.File = "/p/main.cpp";
  S.Api = "redisConnect";
  S.Kind = ApiKind::Function;
  S.Target.Host = Value::constant("10.0.0.5");
  S.Target.Port = Value::constant("6380");
  S.Chain = {{"open_at", "/p/conn.c", 2, 10}};
  S.ReachedUses = {"/p/conn.c:2:10"};
  Anchor Host{"/p/main.cpp", 10, 4, "m", ""};
  Anchor Port{"/p/main.cpp", 16, 4, "m", ""};
  S.Spelling.Constants = {{ArgRole::Host, Host, Holder::StdString, true},
                          {ArgRole::Port, Port, Holder::Integer, true}};
  S.Spelling.Lines = {{"/p/main.cpp", 0, "  open_at(host, port);"}};
  Use.At = S.Chain.back();
  Use.Api = "redisConnect";
  Use.Spelling.Callee = {"/p/conn.c", 30, 12, "c", ""};
  Use.Spelling.Paren = {"/p/conn.c", 43, 0, "c", ""};
  Reached = {&Use, "match:cache,queue"};
  return S;
}

TEST(RewriteRenderer, DerivedSiteWrapsItsConstantsAndMovesTheClientCall) {
  ReachedUse Reached;
  FlowUse Use;
  Site S = derivedSite(Reached, Use);
  Rewrite R = renderRewrite(S, RewriteMode::Fallback, "cache", {Reached});
  ASSERT_TRUE(R.ManualReason.empty()) << R.ManualReason;
  EXPECT_EQ(R.After, "  open_at(rehost::host(\"cache\", host), "
                     "rehost::port(\"cache\", port));");
  ASSERT_EQ(R.Edits.size(), 6u);
  // The wrapper's call, in its own file, takes the C header.
  EXPECT_EQ(R.Edits[0].File, "/p/conn.c");
  EXPECT_EQ(R.Edits[0].Text, "rehost_redisConnect");
  EXPECT_EQ(R.Edits[1].Text, "\"match:cache,queue\", ");
  EXPECT_EQ(R.Edits[0].Include, "rehost/rehost.h");
  EXPECT_EQ(R.Edits[2].Include, "rehost/rehost.hpp");

  Rewrite Strict = renderRewrite(S, RewriteMode::Strict, "cache", {Reached});
  EXPECT_EQ(Strict.After,
            "  open_at(rehost::host(\"cache\"), rehost::port(\"cache\"));");
}

TEST(RewriteRenderer, DerivedSiteRefusesWhatCannotMoveWhole) {
  ReachedUse Reached;
  FlowUse Use;
  Site S = derivedSite(Reached, Use);
  // The port is the wrapper's own: the configured host would keep it.
  S.Spelling.Constants.pop_back();
  EXPECT_NE(renderRewrite(S, RewriteMode::Fallback, "cache", {Reached})
                .ManualReason.find("the port is written in the project's own "
                                   "code"),
            std::string::npos);

  S = derivedSite(Reached, Use);
  S.Spelling.Constants[0].At = Anchor::broken("copied into a buffer");
  EXPECT_EQ(
      renderRewrite(S, RewriteMode::Fallback, "cache", {Reached}).ManualReason,
      "copied into a buffer");

  S = derivedSite(Reached, Use);
  EXPECT_NE(renderRewrite(S, RewriteMode::Fallback, "cache", {{nullptr, ""}})
                .ManualReason.find("rehost cannot see the client call"),
            std::string::npos);

  Use.Spelling.MacroBodyKey = "/p/conn.c:30";
  EXPECT_NE(renderRewrite(S, RewriteMode::Fallback, "cache", {Reached})
                .ManualReason.find("spelled in a macro body"),
            std::string::npos);
}

} // namespace
