#include "rehost/Facts.h"

#include <gtest/gtest.h>

using namespace rehost;

namespace {

/// A unit with every kind of field set, paths in and out of the root.
Facts sampleFacts() {
  Site S;
  S.File = "/src/app/cache.c";
  S.Offset = 120;
  S.Line = 7;
  S.Column = 10;
  S.LineText = "  return redisConnect(\"10.0.0.5\", 6380);";
  S.Text = "redisConnect(\"10.0.0.5\",6380)";
  S.Function = "cache";
  S.Api = "redisConnect";
  S.Kind = ApiKind::Function;
  S.R = Rule::HardcodedCredential;
  S.Target.Host = Value::constant("10.0.0.5");
  S.Target.Port = Value::partial("6380");
  S.Target.Password = Value::runtime();
  S.ConnectionAddress = "redis://10.0.0.5:6380";
  S.Suppressed = {"NOLINT", "a fixture"};
  UseSpelling &Sp = S.Spelling;
  Sp.Callee = {"/src/app/cache.c", 130, 12, "d1g35t", ""};
  Sp.Paren = {"/src/app/cache.c", 143, 0, "d1g35t", ""};
  Sp.StrictArgs = Anchor::broken("--strict: the arguments are in a macro");
  Sp.Args.push_back({ArgRole::Host, Sp.Paren, false, true, ""});
  Sp.Args.push_back({ArgRole::Port, {}, true, false, ""});
  Sp.RParen = {"/src/app/cache.c", 160, 0, "d1g35t", ""};
  Sp.Companions.push_back({ArgRole::Db, Sp.RParen, false, false, "3"});
  Sp.Connects.push_back({"redisConnectWithOptions", Sp.Callee, Sp.RParen});
  Sp.Options = OptionsSpelling{Sp.RParen, "*opts", "  "};
  Sp.Method = MethodSpelling{Sp.Callee, Sp.Paren, true, false};
  Sp.Pool = PoolSpelling{Sp.Callee, {Sp.RParen}};
  Sp.NoProfileReason = "no connection";
  Sp.MacroBodyKey = "/src/include/app/macros.h:42";
  Sp.Lines.push_back({"/src/app/cache.c", 113, S.LineText});
  TranslationUnitFacts Unit;
  Unit.MainFile = "/src/app/cache.c";
  Unit.Sites.push_back(S);
  Unit.MacroBodyUses.push_back({"/src/include/app/macros.h:42", "redis://h"});
  Unit.Error = "could not be parsed";
  Unit.FirstError = CompilerError{"/usr/include/x.h", 3, 4, "boom"};
  Unit.Files = {"/src/app/cache.c", "/usr/include/hiredis/hiredis.h"};
  S.Chain.push_back({"RedisConn::RedisConn", "/src/app/conn.cpp", 8, 9});
  FlowSlot Init{FlowSlot::Kind::Parameter, "c:@S@RedisPool@F@init#", 1,
                "RedisPool::init"};
  FlowSlot Host{FlowSlot::Kind::Field, "c:@S@pool@FI@host", 0, "pool::host"};
  Endpoint Fixed;
  Fixed.Db = Value::constant("3");
  Unit.Flows.Edges.push_back(
      {Init, std::nullopt, "redisConnect", ArgRole::Port, S.Chain[0], Fixed});
  Unit.Flows.Edges.push_back({Host, Init, "", ArgRole::Other, S.Chain[0], {}});
  Unit.Flows.Sources.push_back(
      {S,
       {{Init, Value::constant("6379"), RoleValue::Integer}},
       {Suppression(), Suppression{"NOLINT", "fixture"}, Suppression()},
       true});
  Unit.Flows.Reached = {Init.Usr, Host.Usr};
  TranslationUnitFacts Skipped;
  Skipped.MainFile = "/src/plain.c";
  Skipped.PreFiltered = true;

  Facts F;
  F.Units = {Unit, Skipped};
  F.Uncovered = {"/src/tools/gen.c"};
  return F;
}

TEST(Facts, RoundTripThroughJson) {
  Facts F = sampleFacts();
  llvm::json::Value Written = factsToJson(F, "/src");
  auto Read = factsFromJson(Written, "/src", "facts.json");
  ASSERT_TRUE(bool(Read)) << llvm::toString(Read.takeError());
  // Written again, the same JSON: nothing lost or changed.
  EXPECT_EQ(Written, factsToJson(*Read, "/src"));
  const Site &S = Read->Units[0].Sites[0];
  EXPECT_EQ(S.File, "/src/app/cache.c");
  EXPECT_EQ(S.Target.Port.K, Value::Kind::Partial);
  EXPECT_EQ(S.Target.Port.Text, "6380");
  EXPECT_EQ(S.Spelling.MacroBodyKey, "/src/include/app/macros.h:42");
  EXPECT_EQ(S.Spelling.StrictArgs.Problem,
            "--strict: the arguments are in a macro");
  ASSERT_TRUE(S.Spelling.Method.has_value());
  EXPECT_TRUE(S.Spelling.Method->Arrow);
  EXPECT_FALSE(S.Spelling.Method->PlainObject);
  EXPECT_EQ(S.Spelling.Args[1].Role, ArgRole::Port);
  EXPECT_TRUE(S.Spelling.Args[1].Defaulted);
  EXPECT_EQ(S.R, Rule::HardcodedCredential);
  EXPECT_EQ(S.Suppressed.Form, "NOLINT");
  EXPECT_EQ(S.Suppressed.Reason, "a fixture");
  ASSERT_TRUE(Read->Units[0].FirstError.has_value());
  EXPECT_EQ(Read->Units[0].FirstError->File, "/usr/include/x.h");
  EXPECT_FALSE(Read->Units[1].FirstError.has_value());
  EXPECT_TRUE(Read->Units[1].PreFiltered);
  const UnitFlows &Flows = Read->Units[0].Flows;
  ASSERT_EQ(Flows.Edges.size(), 2u);
  EXPECT_FALSE(Flows.Edges[0].To.has_value());
  EXPECT_EQ(Flows.Edges[0].Role, ArgRole::Port);
  EXPECT_EQ(Flows.Edges[0].Fixed.Db.Text, "3");
  ASSERT_TRUE(Flows.Edges[1].To.has_value());
  EXPECT_EQ(Flows.Edges[1].To->key(), "p1:c:@S@RedisPool@F@init#");
  EXPECT_EQ(Flows.Edges[1].From.key(), "f:c:@S@pool@FI@host");
  EXPECT_EQ(Flows.Edges[1].At.File, "/src/app/conn.cpp");
  ASSERT_EQ(Flows.Sources.size(), 1u);
  EXPECT_EQ(Flows.Sources[0].Args[0].Kind, RoleValue::Integer);
  EXPECT_TRUE(Flows.Sources[0].HandsOn);
  EXPECT_EQ(Flows.Sources[0].Suppressions[1].Reason, "fixture");
  EXPECT_EQ(Flows.Sources[0].Where.Chain.size(), 1u);
  EXPECT_EQ(Flows.Reached.size(), 2u);
}

TEST(Facts, PathsAreRelativeToTheRootSoAnotherCheckoutReadsThem) {
  llvm::json::Value Written = factsToJson(sampleFacts(), "/src");
  std::string Text;
  llvm::raw_string_ostream(Text) << Written;
  EXPECT_EQ(Text.find("\"/src/"), std::string::npos) << Text;
  EXPECT_NE(Text.find("\"app/cache.c\""), std::string::npos);
  EXPECT_NE(Text.find("\"include/app/macros.h:42\""), std::string::npos);
  EXPECT_NE(Text.find("\"/usr/include/hiredis/hiredis.h\""), std::string::npos);
  auto Elsewhere = factsFromJson(Written, "/home/ci/work", "facts.json");
  ASSERT_TRUE(bool(Elsewhere)) << llvm::toString(Elsewhere.takeError());
  EXPECT_EQ(Elsewhere->Units[0].MainFile, "/home/ci/work/app/cache.c");
  EXPECT_EQ(Elsewhere->Units[0].Sites[0].Spelling.Callee.File,
            "/home/ci/work/app/cache.c");
  EXPECT_EQ(Elsewhere->Units[0].Sites[0].Spelling.Lines[0].File,
            "/home/ci/work/app/cache.c");
}

TEST(Facts, BadInputNamesTheFileAndTheKey) {
  auto Check = [](llvm::StringRef Json, llvm::StringRef Expected) {
    auto Parsed = llvm::json::parse(Json);
    ASSERT_TRUE(bool(Parsed));
    auto Read = factsFromJson(*Parsed, "/src", "shard-2.json");
    ASSERT_FALSE(bool(Read));
    EXPECT_EQ(llvm::toString(Read.takeError()), Expected);
  };
  Check("[]", "shard-2.json: not rehost facts (a JSON object is expected)");
  Check("{}", "shard-2.json: not rehost facts (no 'version')");
  Check(R"({"version": 9})",
        "shard-2.json: facts version 9; this rehost reads version 8");
  Check(R"({"version": 8, "units": [{"main_file": 3}], "uncovered": []})",
        "shard-2.json: 'facts.units[0].main_file' must be a string");
}

} // namespace
