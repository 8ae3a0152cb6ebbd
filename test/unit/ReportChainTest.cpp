//===- ReportChainTest.cpp - A derived finding's chain in every format ----===//
//
// A report with one derived finding (a constant handed through the
// project's own wrappers to redisConnect) and one direct finding: every
// format shows the chain of the first and nothing new for the second.
//
//===----------------------------------------------------------------------===//

#include "rehost/Project.h"
#include "rehost/Report.h"
#include "rehost/ReportMerge.h"

#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

#include "gtest/gtest.h"

using namespace rehost;

namespace {

constexpr llvm::StringLiteral DerivedMessage =
    "hardcoded Redis endpoint 'redis://127.0.0.1:6379' reaches 'redisConnect' "
    "through WebServer::WebServer -> RedisPool::init -> RedisConn::RedisConn "
    "[redis_conn.cpp:8]";
constexpr llvm::StringLiteral DirectMessage =
    "hardcoded Redis endpoint 'redis://10.0.0.12:6380' in call to "
    "'redisConnect'";

std::vector<FlowStep> webServerChain() {
  return {{"WebServer::WebServer", "web_server.cpp", 9, 5},
          {"RedisPool::init", "redis_pool.cpp", 12, 3},
          {"RedisConn::RedisConn", "redis_conn.cpp", 8, 13}};
}

Finding finding(unsigned Line, llvm::StringRef Endpoint,
                llvm::StringRef Fingerprint) {
  Finding F;
  F.Api = "redisConnect";
  F.Line = Line;
  F.Column = 3;
  F.LineText = "  ...";
  F.Endpoint = Endpoint.str();
  F.Profile = "default";
  F.Fingerprint = Fingerprint.str();
  return F;
}

/// main.cpp:5 `WebServer server("127.0.0.1", 6379);`, derived, and
/// main.cpp:7 `redisConnect("10.0.0.12", 6380)`, direct.
Report chainReport() {
  Report R;
  R.Root = "/p";
  R.TranslationUnits = 1;
  FileReport Main;
  Main.Path = "/p/main.cpp";
  Main.DisplayPath = "main.cpp";
  Main.State = FileReport::Status::Findings;
  Finding Derived = finding(5, "redis://127.0.0.1:6379", "d1");
  Derived.LineText = "  WebServer server(\"127.0.0.1\", 6379);";
  Derived.Chain = webServerChain();
  Main.Findings.push_back(Derived);
  Finding Direct = finding(7, "redis://10.0.0.12:6380", "d2");
  Direct.LineText = "  redisConnect(\"10.0.0.12\", 6380);";
  Main.Findings.push_back(Direct);
  R.Files.push_back(Main);
  return R;
}

std::string render(const Report &R, Format F) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  writeReport(R, F, OS);
  return OS.str();
}

llvm::json::Value parsed(const std::string &Text) {
  auto Doc = llvm::json::parse(Text);
  EXPECT_TRUE(bool(Doc)) << llvm::toString(Doc.takeError());
  return Doc ? std::move(*Doc) : llvm::json::Value(nullptr);
}

/// \p O's array \p Key; an empty one, and a failure, when it has none (a
/// writer that leaves it out fails the test rather than crashing it).
const llvm::json::Array &arrayIn(const llvm::json::Object &O,
                                 llvm::StringRef Key) {
  static const llvm::json::Array None;
  const llvm::json::Array *Found = O.getArray(Key);
  EXPECT_NE(Found, nullptr) << "no " << Key.str();
  return Found ? *Found : None;
}

size_t count(const std::string &Haystack, llvm::StringRef Needle) {
  size_t N = 0;
  for (size_t At = Haystack.find(Needle.str()); At != std::string::npos;
       At = Haystack.find(Needle.str(), At + 1))
    ++N;
  return N;
}

TEST(ReportChain, TheMessageNamesThePathAndADirectOneIsUnchanged) {
  Report R = chainReport();
  EXPECT_EQ(R.Files[0].Findings[0].message(), DerivedMessage);
  EXPECT_EQ(R.Files[0].Findings[1].message(), DirectMessage);

  Finding Credential = R.Files[0].Findings[0];
  Credential.R = Rule::HardcodedCredential;
  Credential.Credential = CredentialKind::Password;
  EXPECT_EQ(Credential.message(),
            "hardcoded Redis password for 'redis://127.0.0.1:6379' reaches "
            "'redisConnect' through WebServer::WebServer -> RedisPool::init -> "
            "RedisConn::RedisConn [redis_conn.cpp:8]");
  Credential.Profile.clear();
  EXPECT_EQ(Credential.message(),
            "hardcoded Redis password reaches 'redisConnect' through "
            "WebServer::WebServer -> RedisPool::init -> RedisConn::RedisConn "
            "[redis_conn.cpp:8]");

  Finding Partial = R.Files[0].Findings[0];
  Partial.R = Rule::PartiallyHardcoded;
  Partial.Chain.resize(1);
  EXPECT_EQ(Partial.message(),
            "partially hardcoded Redis endpoint 'redis://127.0.0.1:6379' "
            "reaches 'redisConnect' through WebServer::WebServer "
            "[web_server.cpp:9]: a constant fallback is mixed with values "
            "computed at run time");
}

TEST(ReportChain, TextNotesEachHopOfTheDerivedFindingOnly) {
  std::string Out = render(chainReport(), Format::Text);
  EXPECT_EQ(Out, "main.cpp:5:3: warning: " + DerivedMessage.str() +
                     " [rehost-hardcoded-endpoint]\n"
                     "  WebServer server(\"127.0.0.1\", 6379);\n"
                     "  ^\n"
                     "web_server.cpp:9:5: note: 'WebServer::WebServer' passes "
                     "it on here\n"
                     "redis_pool.cpp:12:3: note: 'RedisPool::init' passes it "
                     "on here\n"
                     "redis_conn.cpp:8:13: note: 'RedisConn::RedisConn' "
                     "passes it to 'redisConnect' here\n"
                     "main.cpp:7:3: warning: " +
                     DirectMessage.str() +
                     " [rehost-hardcoded-endpoint]\n"
                     "  redisConnect(\"10.0.0.12\", 6380);\n"
                     "  ^\n");
}

TEST(ReportChain, JsonHasAChainOnTheDerivedFindingOnly) {
  llvm::json::Value Doc = parsed(render(chainReport(), Format::Json));
  const llvm::json::Array &Findings =
      *Doc.getAsObject()->getArray("files")->front().getAsObject()->getArray(
          "findings");
  const llvm::json::Object &Derived = *Findings[0].getAsObject();
  EXPECT_EQ(Derived.getString("message"), llvm::StringRef(DerivedMessage));
  ASSERT_NE(Derived.get("chain"), nullptr);
  EXPECT_EQ(*Derived.get("chain"),
            llvm::json::Value(llvm::json::Array{
                llvm::json::Object{{"function", "WebServer::WebServer"},
                                   {"file", "web_server.cpp"},
                                   {"line", 9},
                                   {"column", 5}},
                llvm::json::Object{{"function", "RedisPool::init"},
                                   {"file", "redis_pool.cpp"},
                                   {"line", 12},
                                   {"column", 3}},
                llvm::json::Object{{"function", "RedisConn::RedisConn"},
                                   {"file", "redis_conn.cpp"},
                                   {"line", 8},
                                   {"column", 13}}}));
  EXPECT_EQ(Findings[1].getAsObject()->get("chain"), nullptr);
}

/// A location's file URI and line, as "uri:line".
std::string placeIn(const llvm::json::Value &Location) {
  const llvm::json::Object &Physical =
      *Location.getAsObject()->getObject("physicalLocation");
  const llvm::json::Object &Artifact = *Physical.getObject("artifactLocation");
  EXPECT_EQ(Artifact.getString("uriBaseId"), llvm::StringRef("SRCROOT"));
  return (*Artifact.getString("uri") + ":" +
          llvm::Twine(*Physical.getObject("region")->getInteger("startLine")))
      .str();
}

std::string messageOf(const llvm::json::Value &Location) {
  return Location.getAsObject()->getObject("message")->getString("text")->str();
}

TEST(ReportChain, SarifHasACodeFlowAndRelatedLocationsForTheDerivedOnly) {
  llvm::json::Value Doc = parsed(render(chainReport(), Format::Sarif));
  const llvm::json::Array &Results =
      *(*Doc.getAsObject()->getArray("runs"))[0].getAsObject()->getArray(
          "results");
  const llvm::json::Object &Derived = *Results[0].getAsObject();

  const llvm::json::Array &Related = arrayIn(Derived, "relatedLocations");
  ASSERT_EQ(Related.size(), 3u);
  for (int64_t I = 0; I != 3; ++I)
    EXPECT_EQ(Related[I].getAsObject()->getInteger("id"), I);
  EXPECT_EQ(placeIn(Related[0]), "web_server.cpp:9");
  EXPECT_EQ(messageOf(Related[2]),
            "'RedisConn::RedisConn' passes it to 'redisConnect' here");

  const llvm::json::Array &Flows = arrayIn(Derived, "codeFlows");
  ASSERT_EQ(Flows.size(), 1u);
  const llvm::json::Array &Threads =
      *Flows[0].getAsObject()->getArray("threadFlows");
  ASSERT_EQ(Threads.size(), 1u);
  const llvm::json::Array &Steps =
      *Threads[0].getAsObject()->getArray("locations");
  std::vector<std::string> Places, Messages;
  for (const llvm::json::Value &Step : Steps) {
    const llvm::json::Value &Location = *Step.getAsObject()->get("location");
    Places.push_back(placeIn(Location));
    Messages.push_back(messageOf(Location));
  }
  EXPECT_EQ(Places, (std::vector<std::string>{"main.cpp:5", "web_server.cpp:9",
                                              "redis_pool.cpp:12",
                                              "redis_conn.cpp:8"}));
  EXPECT_EQ(Messages,
            (std::vector<std::string>{
                "the value is written here",
                "'WebServer::WebServer' passes it on here",
                "'RedisPool::init' passes it on here",
                "'RedisConn::RedisConn' passes it to 'redisConnect' here"}));

  const llvm::json::Object &Direct = *Results[1].getAsObject();
  EXPECT_EQ(Direct.get("codeFlows"), nullptr);
  EXPECT_EQ(Direct.get("relatedLocations"), nullptr);
}

TEST(ReportChain, SarifNamesAHopOutsideTheRootByItsAbsoluteUri) {
  Report R = chainReport();
  R.Files[0].Findings[0].Chain[1].File = "/opt/lib/redis_pool.cpp";
  llvm::json::Value Doc = parsed(render(R, Format::Sarif));
  const llvm::json::Object &Result = *(*Doc.getAsObject()->getArray("runs"))[0]
                                          .getAsObject()
                                          ->getArray("results")
                                          ->front()
                                          .getAsObject();
  const llvm::json::Array &Related = arrayIn(Result, "relatedLocations");
  ASSERT_EQ(Related.size(), 3u);
  const llvm::json::Object &Artifact = *Related[1]
                                            .getAsObject()
                                            ->getObject("physicalLocation")
                                            ->getObject("artifactLocation");
  EXPECT_EQ(Artifact.getString("uri"),
            llvm::StringRef("file:///opt/lib/redis_pool.cpp"));
  EXPECT_EQ(Artifact.get("uriBaseId"), nullptr);
}

TEST(ReportChain, MarkdownAndHtmlListTheDerivedPathUnderTheTable) {
  std::string Markdown = render(chainReport(), Format::Markdown);
  EXPECT_NE(Markdown.find("\n- Line 5 reaches `redisConnect` through "
                          "`WebServer::WebServer` (web\\_server.cpp:9) -\\> "
                          "`RedisPool::init` (redis\\_pool.cpp:12) -\\> "
                          "`RedisConn::RedisConn` (redis\\_conn.cpp:8)\n"),
            std::string::npos)
      << Markdown;
  EXPECT_LT(Markdown.find("| 7 |"), Markdown.find("- Line 5 reaches"));
  EXPECT_EQ(count(Markdown, "reaches"), 1u);

  std::string Html = render(chainReport(), Format::Html);
  EXPECT_NE(Html.find("</table>\n<ul class=\"chains\">\n<li>Line 5 reaches "
                      "<code>redisConnect</code> through "
                      "<code>WebServer::WebServer</code> (web_server.cpp:9) "
                      "-&gt; <code>RedisPool::init</code> "
                      "(redis_pool.cpp:12) -&gt; "
                      "<code>RedisConn::RedisConn</code> "
                      "(redis_conn.cpp:8)</li>\n</ul>\n</section>"),
            std::string::npos)
      << Html;
  EXPECT_EQ(count(Html, "<li>"), 1u);
}

TEST(ReportChain, ReviewerReportsOfDirectFindingsListNoPath) {
  Report R = chainReport();
  R.Files[0].Findings.erase(R.Files[0].Findings.begin());
  EXPECT_EQ(render(R, Format::Markdown).find("reaches"), std::string::npos);
  EXPECT_EQ(render(R, Format::Html).find("chains\""), std::string::npos);
}

TEST(ReportChain, GithubAnnotatesWithTheMessage) {
  std::string Out = render(chainReport(), Format::Github);
  EXPECT_NE(Out.find("::error file=main.cpp,line=5,col=3,title=rehost-"
                     "hardcoded-endpoint::" +
                     DerivedMessage.str() + "\n"),
            std::string::npos)
      << Out;
  EXPECT_NE(Out.find("line=7,col=3,title=rehost-hardcoded-endpoint::" +
                     DirectMessage.str() + "\n"),
            std::string::npos)
      << Out;
}

TEST(ReportChain, AJsonReportReadsTheChainBack) {
  Report R = chainReport();
  llvm::json::Value Doc = parsed(render(R, Format::Json));
  auto Read = reportFromJson(Doc, "/p", "s1.json");
  ASSERT_TRUE(bool(Read)) << llvm::toString(Read.takeError());
  const Finding &Derived = Read->Files[0].Findings[0];
  ASSERT_EQ(Derived.Chain.size(), 3u);
  EXPECT_EQ(Derived.Chain[1].Name, "RedisPool::init");
  EXPECT_EQ(Derived.Chain[1].File, "redis_pool.cpp");
  EXPECT_EQ(Derived.Chain[1].Line, 12u);
  EXPECT_EQ(Derived.Chain[1].Column, 3u);
  EXPECT_TRUE(Read->Files[0].Findings[1].Chain.empty());
  EXPECT_EQ(render(*Read, Format::Json), render(R, Format::Json));
  // Merged elsewhere, the hops stay relative to the merge's root.
  auto Moved = reportFromJson(Doc, "/ci/work", "s1.json");
  ASSERT_TRUE(bool(Moved));
  EXPECT_EQ(Moved->Files[0].Findings[0].Chain[0].File, "web_server.cpp");
}

TEST(ReportChain, AHopInsideTheMergesRootIsShownRelativeToIt) {
  Report R = chainReport();
  R.Files[0].Findings[0].Chain[0].File = "/ci/work/lib/web_server.cpp";
  auto Read =
      reportFromJson(parsed(render(R, Format::Json)), "/ci/work", "s1.json");
  ASSERT_TRUE(bool(Read)) << llvm::toString(Read.takeError());
  EXPECT_EQ(Read->Files[0].Findings[0].Chain[0].File, "lib/web_server.cpp");
}

TEST(ReportChain, AHopsNameAndFileAreValidUtf8InEveryFormat) {
  Report R = chainReport();
  R.Files[0].Findings[0].Chain[1].Name = "Redis\xffPool::init";
  R.Files[0].Findings[0].Chain[2].File = "redis\xfe.cpp";
  for (Format F : {Format::Json, Format::Sarif}) {
    std::string Out = render(R, F);
    EXPECT_TRUE(bool(llvm::json::parse(Out)));
    EXPECT_NE(Out.find("Redis\uFFFDPool::init"), std::string::npos) << Out;
    EXPECT_NE(Out.find("redis\uFFFD.cpp"), std::string::npos) << Out;
  }
  for (Format F :
       {Format::Text, Format::Markdown, Format::Html, Format::Github})
    EXPECT_EQ(validUtf8(render(R, F)), render(R, F));
}

TEST(ReportChain, AMalformedChainNamesTheFileAndTheKey) {
  llvm::json::Value Doc = parsed(render(chainReport(), Format::Json));
  llvm::json::Object &Derived = *Doc.getAsObject()
                                     ->getArray("files")
                                     ->front()
                                     .getAsObject()
                                     ->getArray("findings")
                                     ->front()
                                     .getAsObject();
  ASSERT_NE(Derived.getArray("chain"), nullptr);
  (*(*Derived.getArray("chain"))[1].getAsObject())["line"] = -1;
  auto Read = reportFromJson(Doc, "/p", "s2.json");
  ASSERT_FALSE(bool(Read));
  EXPECT_EQ(llvm::toString(Read.takeError()),
            "s2.json: expected a non-negative integer at "
            "report.files[0].findings[0].chain[1].line");

  Derived["chain"] = "WebServer::WebServer";
  Read = reportFromJson(Doc, "/p", "s2.json");
  ASSERT_FALSE(bool(Read));
  EXPECT_EQ(llvm::toString(Read.takeError()),
            "s2.json: expected array at report.files[0].findings[0].chain");
}

TEST(ReportChain, AFindingShowsItsSitesChainRelativeToTheRoot) {
  Site S;
  S.File = "/p/main.cpp";
  S.Offset = 40;
  S.Line = 5;
  S.Column = 3;
  S.Api = "redisConnect";
  S.Target.Host = Value::constant("127.0.0.1");
  S.Target.Port = Value::constant("6379");
  TranslationUnitFacts Unit;
  Unit.MainFile = "/p/main.cpp";
  Unit.Sites.push_back(S);
  std::string Direct =
      resolveProject({Unit}, "/p").Findings.Files[0].Findings[0].Fingerprint;

  Unit.Sites[0].Chain = {
      {"RedisConn::RedisConn", "/p/src/redis_conn.cpp", 8, 3},
      {"vendored", "/opt/lib/pool.c", 2, 1}};
  Report R = resolveProject({Unit}, "/p").Findings;
  const Finding &F = R.Files[0].Findings[0];
  ASSERT_EQ(F.Chain.size(), 2u);
  EXPECT_EQ(F.Chain[0].Name, "RedisConn::RedisConn");
  EXPECT_EQ(F.Chain[0].File, "src/redis_conn.cpp");
  EXPECT_EQ(F.Chain[0].Line, 8u);
  EXPECT_EQ(F.Chain[1].File, "/opt/lib/pool.c");
  // Not part of the finding's identity.
  EXPECT_EQ(F.Fingerprint, Direct);
}

} // namespace
