#include "rehost/ReportMerge.h"

#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>

using namespace rehost;

namespace {

std::string json(const Report &R) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  writeJson(R, OS);
  return OS.str();
}

Report sample() {
  Report R;
  R.Root = "/src";
  R.TranslationUnits = 3;
  FileReport File;
  File.Path = "/src/app/cache.c";
  File.DisplayPath = "app/cache.c";
  File.State = FileReport::Status::Findings;
  Finding F;
  F.R = Rule::HardcodedCredential;
  F.Api = "cpp_redis::client::auth";
  F.Kind = ApiKind::Method;
  F.Line = 12;
  F.Column = 3;
  F.LineText = "  client.auth(\"***\");";
  F.Function = "connect_cache";
  F.Endpoint = "redis://cache:6379";
  F.Credential = CredentialKind::Password;
  F.Profile = "cache";
  F.Act = Action::Manual;
  F.Reason = "the credential is not a literal written at this use";
  F.Fingerprint = "00ff";
  File.Findings.push_back(F);
  R.Files.push_back(File);
  FileReport Broken;
  Broken.Path = "/src/broken.c";
  Broken.DisplayPath = "broken.c";
  Broken.State = FileReport::Status::Error;
  Broken.Error = "could not be parsed";
  Broken.FirstError = CompilerError{"/src/broken.c", 2, 22, "boom"};
  R.Files.push_back(Broken);
  R.Profiles.push_back({"cache",
                        "redis://cache:6379",
                        "redis://cache:6379",
                        {"REDIS_CACHE_URL"},
                        1,
                        {}});
  return R;
}

TEST(ReportMerge, AJsonReportReadsBackToTheSameReport) {
  Report R = sample();
  auto Parsed = llvm::json::parse(json(R));
  ASSERT_TRUE(bool(Parsed));
  EXPECT_EQ(shardKindOf(*Parsed), ShardKind::JsonReport);
  auto Read = reportFromJson(*Parsed, "/src", "s1.json");
  ASSERT_TRUE(bool(Read)) << llvm::toString(Read.takeError());
  EXPECT_EQ(json(*Read), json(R));
  EXPECT_EQ(Read->Files[0].Findings[0].Kind, ApiKind::Method);
  EXPECT_EQ(Read->Files[1].FirstError->File, "/src/broken.c");
  // Elsewhere, the same paths under the merge's root.
  auto Moved = reportFromJson(*Parsed, "/ci/work", "s1.json");
  ASSERT_TRUE(bool(Moved));
  EXPECT_EQ(Moved->Files[0].Path, "/ci/work/app/cache.c");
}

TEST(ReportMerge, ABadReportNamesTheFileAndTheKey) {
  auto Parsed = llvm::json::parse(
      R"({"tool": "rehost", "files": [{"path": "a.c", "status": "odd",)"
      R"( "findings": []}], "profiles": [], "summary": {}})");
  ASSERT_TRUE(bool(Parsed));
  auto Read = reportFromJson(*Parsed, "/src", "s2.json");
  ASSERT_FALSE(bool(Read));
  EXPECT_EQ(llvm::toString(Read.takeError()),
            "s2.json: expected one of rehost's names at report.files[0].status");
}

TEST(ReportMerge, TheSameFindingReportedApartIsRefused) {
  Report A = sample();
  Report B = sample();
  B.Files[0].Findings[0].Profile = "default";
  B.Profiles[0].Name = "default";
  std::vector<ShardInput> Shards;
  Shards.push_back({"a.json", *llvm::json::parse(json(A))});
  Shards.push_back({"b.json", *llvm::json::parse(json(B))});
  auto Merged = mergeJsonReports(Shards, "/src");
  ASSERT_FALSE(bool(Merged));
  std::string Why = llvm::toString(Merged.takeError());
  EXPECT_NE(Why.find("app/cache.c:12: the shards report this finding apart"),
            std::string::npos)
      << Why;
}

} // namespace
