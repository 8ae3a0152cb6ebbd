//===- ProjectTest.cpp ----------------------------------------------------===//

#include "rehost/Project.h"

#include <gtest/gtest.h>

namespace {

rehost::Site tcpSite(std::string File, unsigned Offset, std::string Host,
                     std::string Port) {
  rehost::Site S;
  S.File = std::move(File);
  S.Offset = Offset;
  S.Line = Offset + 1;
  S.Column = 1;
  S.Api = "redisConnect";
  S.Target.Host = rehost::Value::constant(std::move(Host));
  S.Target.Port = rehost::Value::constant(std::move(Port));
  return S;
}

/// Uses of \p Addresses whose code names none of them.
std::vector<rehost::EndpointUse> uses(std::vector<std::string> Addresses) {
  std::vector<rehost::EndpointUse> Out;
  for (std::string &Address : Addresses)
    Out.push_back({std::move(Address), {}});
  return Out;
}

TEST(Profiles, MostUsedIsDefaultAndOthersAreReadable) {
  auto Names = rehost::nameProfiles(
      uses({"redis://10.0.0.12:6380", "redis://127.0.0.1:6379",
            "redis://127.0.0.1:6379", "redis://cache.internal:6379",
            "unix:///var/run/redis/queue.sock", "redis://localhost:6390"}));
  EXPECT_EQ(Names["redis://127.0.0.1:6379"], "default");
  EXPECT_EQ(Names["redis://10.0.0.12:6380"], "ip-10-0-0-12-6380");
  EXPECT_EQ(Names["redis://cache.internal:6379"], "cache");
  EXPECT_EQ(Names["unix:///var/run/redis/queue.sock"], "queue");
  EXPECT_EQ(Names["redis://localhost:6390"], "local-6390");
}

TEST(Profiles, CollidingNamesGetSuffixes) {
  auto Names = rehost::nameProfiles(
      uses({"redis://a:1", "redis://cache.a:6379", "redis://cache.b:6379"}));
  EXPECT_EQ(Names["redis://a:1"], "default");
  EXPECT_EQ(Names["redis://cache.a:6379"], "cache");
  EXPECT_EQ(Names["redis://cache.b:6379"], "cache-2");
}

/// The name a site whose code names it \p Hints votes for.
std::string nameFromCode(std::vector<std::string> Hints) {
  std::vector<std::string> Names = rehost::profileNamesFromCode(Hints);
  return Names.empty() ? "" : Names.front();
}

TEST(Profiles, NamesFromCodeDropWhatNamesNoEndpoint) {
  EXPECT_EQ(nameFromCode({"CACHE_HOST"}), "cache");
  EXPECT_EQ(nameFromCode({"connect_queue"}), "queue");
  EXPECT_EQ(nameFromCode({"kRedisSessionsAddr"}), "sessions");
  EXPECT_EQ(nameFromCode({"g_redis_sessions_host"}), "sessions");
  EXPECT_EQ(nameFromCode({"m_orderBookURL"}), "order-book");
  EXPECT_EQ(nameFromCode({"HTTPSessionServer"}), "http-session");
  EXPECT_EQ(nameFromCode({"open", "SessionStore"}), "session-store");
  EXPECT_EQ(nameFromCode({"REDIS_HOST", "c2", "main"}), "");
  EXPECT_EQ(rehost::profileNamesFromCode({"QUEUE_HOST", "kQueueAddr", "jobs"}),
            (std::vector<std::string>{"queue", "jobs"}));
}

TEST(Profiles, EachEndpointTakesTheNameMostOfItsSitesGive) {
  auto Names =
      rehost::nameProfiles({{"redis://a:1", {}},
                            {"redis://a:1", {}},
                            {"redis://a:1", {}},
                            {"redis://b:1", {{"connect_jobs"}}},
                            {"redis://b:1", {{"QUEUE_HOST"}}},
                            {"redis://b:1", {{"kQueueAddr"}}},
                            {"redis://c:1", {{"REDIS_HOST", "main"}}}});
  EXPECT_EQ(Names["redis://a:1"], "default");
  EXPECT_EQ(Names["redis://b:1"], "queue");
  EXPECT_EQ(Names["redis://c:1"], "c");
}

TEST(Profiles, ValueNamesThenServerNameThenFunctionNames) {
  auto Names = rehost::nameProfiles(
      {{"redis://a:1", {}},
       {"redis://a:1", {}},
       {"redis://sessions.internal:1", {{"CACHE_HOST"}, {"connect_jobs"}}},
       {"redis://sessions.internal:2", {{}, {"connect_jobs"}}},
       {"redis://10.0.0.2:1", {{}, {"connect_jobs"}}},
       {"redis://10.0.0.3:1", {{}, {"open", "SessionStore"}}},
       {"redis://redis-1.internal:1", {}}});
  EXPECT_EQ(Names["redis://sessions.internal:1"], "cache");
  EXPECT_EQ(Names["redis://sessions.internal:2"], "sessions");
  EXPECT_EQ(Names["redis://10.0.0.2:1"], "jobs");
  EXPECT_EQ(Names["redis://10.0.0.3:1"], "session-store");
  EXPECT_EQ(Names["redis://redis-1.internal:1"], "redis-1");
}

TEST(Profiles, ASecondEndpointNamedAlikeTakesItsOtherNameOrItsAddress) {
  auto Names = rehost::nameProfiles(
      {{"redis://a:1", {}},
       {"redis://a:1", {}},
       {"redis://10.0.0.2:1", {{"CACHE_HOST"}}},
       {"redis://10.0.0.2:1", {{"CACHE_HOST"}}},
       {"redis://10.0.0.3:1", {{"CACHE_HOST"}}},
       {"redis://10.0.0.4:1", {{"CACHE_HOST", "connect_replica"}}}});
  EXPECT_EQ(Names["redis://10.0.0.2:1"], "cache");
  EXPECT_EQ(Names["redis://10.0.0.3:1"], "ip-10-0-0-3-1");
  EXPECT_EQ(Names["redis://10.0.0.4:1"], "replica");
}

TEST(Profiles, PresetAndReservedNamesWinOverNamesFromCode) {
  auto Names = rehost::nameProfiles(
      {{"redis://a:1", {}},
       {"redis://a:1", {}},
       {"redis://b:1", {{"CACHE_HOST"}}},
       {"redis://c:1", {{"session_store"}}}},
      {{"redis://b:1", "lru"}, {"redis://d:1", "cache"}}, {"session_store"});
  EXPECT_EQ(Names["redis://b:1"], "lru");
  // session-store reads REDIS_SESSION_STORE_URL, as the reserved
  // session_store does.
  EXPECT_EQ(Names["redis://c:1"], "c");
}

TEST(Project, HeaderSitesSeenByManyUnitsAreReportedOnce) {
  rehost::TranslationUnitFacts A{
      "/p/a.c", {tcpSite("/p/h.h", 10, "h", "1")}, {}, ""};
  rehost::TranslationUnitFacts B{
      "/p/b.c", {tcpSite("/p/h.h", 10, "h", "1")}, {}, ""};
  rehost::Report R = rehost::resolveProject({A, B}, "/p").Findings;
  rehost::Summary S = R.computeSummary();
  EXPECT_EQ(S.Findings, 1u);
  EXPECT_EQ(S.FilesScanned, 2u);
  ASSERT_EQ(R.Files.size(), 3u);
  EXPECT_EQ(R.Files[2].DisplayPath, "h.h");
  EXPECT_EQ(R.Files[2].Findings[0].Profile, "default");
}

TEST(Project, FailedUnitsAreErrorsAndOthersStillCount) {
  rehost::TranslationUnitFacts A{"/p/a.c", {}, {}, "could not be parsed"};
  rehost::TranslationUnitFacts B{
      "/p/b.c", {tcpSite("/p/b.c", 3, "h", "1")}, {}, ""};
  rehost::Report R = rehost::resolveProject({A, B}, "/p").Findings;
  rehost::Summary S = R.computeSummary();
  EXPECT_EQ(S.FilesWithErrors, 1u);
  EXPECT_EQ(S.Findings, 1u);
  EXPECT_EQ(R.Files[0].State, rehost::FileReport::Status::Error);
}

TEST(Endpoint, UriShowsRuntimePartsAndBracketsIPv6) {
  rehost::Endpoint E;
  E.Host = rehost::Value::constant("::1");
  E.Port = rehost::Value::runtime();
  EXPECT_EQ(E.uri(), "redis://[::1]:<runtime>");
  EXPECT_FALSE(E.isFullyConstant());
  EXPECT_TRUE(E.hasConstantAddress());
  rehost::Endpoint U;
  U.UnixPath = rehost::Value::constant("/tmp/r.sock");
  EXPECT_EQ(U.uri(), "unix:///tmp/r.sock");
  EXPECT_TRUE(U.isFullyConstant());
}

} // namespace

namespace {

TEST(Profiles, VariablesFollowTheRuntimeNaming) {
  EXPECT_EQ(rehost::profileVariables("default").front(), "REDIS_URL");
  EXPECT_EQ(rehost::profileVariables("my-cache")[1], "REDIS_MY_CACHE_HOST");
}

TEST(Project, ReportListsProfilesDefaultFirst) {
  rehost::TranslationUnitFacts A{"/p/a.c",
                                 {tcpSite("/p/a.c", 1, "b.internal", "6379"),
                                  tcpSite("/p/a.c", 2, "a.internal", "6379"),
                                  tcpSite("/p/a.c", 3, "a.internal", "6379")},
                                 {},
                                 ""};
  rehost::Report R = rehost::resolveProject({A}, "/p").Findings;
  ASSERT_EQ(R.Profiles.size(), 2u);
  EXPECT_EQ(R.Profiles[0].Name, "default");
  EXPECT_EQ(R.Profiles[0].Endpoint, "redis://a.internal:6379");
  EXPECT_EQ(R.Profiles[0].Sites, 2u);
  EXPECT_EQ(R.Profiles[1].Name, "b");
  EXPECT_EQ(R.Profiles[1].Variables[0], "REDIS_B_URL");
}

TEST(Project, LoopbackAliasesShareOneProfile) {
  rehost::TranslationUnitFacts A{"/p/a.c",
                                 {tcpSite("/p/a.c", 1, "localhost", "6379"),
                                  tcpSite("/p/a.c", 2, "::1", "6379"),
                                  tcpSite("/p/a.c", 3, "0.0.0.0", "6379"),
                                  tcpSite("/p/a.c", 4, "127.1", "6380")},
                                 {},
                                 ""};
  rehost::TranslationUnitFacts B{
      "/p/b.c", {tcpSite("/p/b.c", 1, "127.0.0.1", "6379")}, {}, ""};
  rehost::Report R = rehost::resolveProject({A, B}, "/p").Findings;
  ASSERT_EQ(R.Profiles.size(), 2u);
  EXPECT_EQ(R.Profiles[0].Name, "default");
  EXPECT_EQ(R.Profiles[0].Address, "redis://127.0.0.1:6379");
  EXPECT_EQ(R.Profiles[0].Sites, 4u);
  EXPECT_EQ(R.Profiles[1].Name, "local-6380");
  // Each finding still shows the endpoint as its code wrote it.
  EXPECT_EQ(R.Files[0].Findings[0].Endpoint, "redis://localhost:6379");
  EXPECT_EQ(R.Files[1].Findings[0].Endpoint, "redis://127.0.0.1:6379");
  EXPECT_EQ(R.Files[1].Findings[0].Profile, "default");
}

} // namespace

namespace {

rehost::Anchor anchorIn(std::string File, unsigned Offset, unsigned Length) {
  rehost::Anchor A;
  A.File = std::move(File);
  A.Offset = Offset;
  A.Length = Length;
  A.Digest = "digest";
  return A;
}

/// A redisConnect call whose name is [Offset, Offset + Length) of /p/a.c:
/// its rewrite renames it and inserts the profile after the '('.
rehost::Site siteEditing(unsigned Offset, unsigned Length, std::string Host) {
  rehost::Site S = tcpSite("/p/a.c", Offset, std::move(Host), "6379");
  S.Spelling.Callee = anchorIn("/p/a.c", Offset, Length);
  S.Spelling.Paren = anchorIn("/p/a.c", Offset + Length + 1, 0);
  return S;
}

TEST(Project, OverlappingEditsMakeTheLaterSiteManual) {
  rehost::TranslationUnitFacts A{
      "/p/a.c", {siteEditing(10, 8, "a"), siteEditing(14, 8, "b")}, {}, ""};
  rehost::Resolution R = rehost::resolveProject({A}, "/p");
  const auto &Findings = R.Findings.Files[0].Findings;
  ASSERT_EQ(Findings.size(), 2u);
  EXPECT_EQ(Findings[0].Act, rehost::Action::Fixable);
  EXPECT_EQ(Findings[1].Act, rehost::Action::Manual);
  EXPECT_EQ(Findings[1].Reason,
            "its edit overlaps another site's edit in /p/a.c");
  ASSERT_EQ(R.Edits.Files.size(), 1u);
  EXPECT_EQ(R.Edits.Files[0].Edits.size(), 2u);
}

TEST(Project, IdenticalEditsFromTwoUnitsArePlannedOnce) {
  rehost::TranslationUnitFacts A{"/p/a.c", {siteEditing(10, 8, "a")}, {}, ""};
  rehost::TranslationUnitFacts B{"/p/b.c", {siteEditing(10, 8, "a")}, {}, ""};
  rehost::Resolution R = rehost::resolveProject({A, B}, "/p");
  ASSERT_EQ(R.Edits.Files.size(), 1u);
  EXPECT_EQ(R.Edits.Files[0].Edits.size(), 2u);
  EXPECT_EQ(R.Edits.Files[0].Includes.count("rehost/rehost.h"), 1u);
}

TEST(Project, MacroBodiesWhoseExpansionsDisagreeAreManual) {
  rehost::Site S = siteEditing(10, 8, "a");
  S.Spelling.MacroBodyKey = "/p/a.h:40";
  rehost::TranslationUnitFacts A{
      "/p/a.c", {S}, {{"/p/a.h:40", "redis://a:6379"}, {"/p/a.h:40", ""}}, ""};
  rehost::Resolution R = rehost::resolveProject({A}, "/p");
  const rehost::Finding &F = R.Findings.Files[0].Findings[0];
  EXPECT_EQ(F.Act, rehost::Action::Manual);
  EXPECT_NE(F.Reason.find("macro body"), std::string::npos);
  EXPECT_TRUE(R.Edits.Files.empty());
}

} // namespace
