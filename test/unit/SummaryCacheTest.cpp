//===- SummaryCacheTest.cpp - Each parsed unit's facts, kept across runs --===//
//
// The summaries' cache (SummaryCache.h): a unit's facts read back as they
// were written while every file its parse read is unchanged, standing in
// for a parse only under the same parse key and when not masked since; a
// changed file or command makes the entry stale (never trusted), a file of
// another format is ignored, a damaged one is an error naming it.
//
//===----------------------------------------------------------------------===//

#include "rehost/SummaryCache.h"

#include "rehost/Facts.h"
#include "rehost/Project.h"

#include "TestSupport.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/xxhash.h"

namespace {

using rehost::SummaryCache;
using rehost::UnitFlows;

/// A wrapper's flows: its parameter 0 reaches redisConnect's host.
UnitFlows wrapperFlows(const std::string &File) {
  UnitFlows Flows;
  rehost::FlowEdge Edge;
  Edge.From.Usr = "c:@F@connectTo#*1C#I#";
  Edge.From.Name = "connectTo";
  Edge.Api = "redisConnect";
  Edge.Role = rehost::ArgRole::Host;
  Edge.At = {"connectTo", File, 3, 56};
  Flows.Edges.push_back(Edge);
  rehost::FlowUse Use;
  Use.At = Edge.At;
  Use.Api = "redisConnect";
  Flows.Uses.push_back(Use);
  Flows.Reached.push_back("c:@F@helper#");
  return Flows;
}

/// The facts of the wrapper's unit \p Main, which read \p Files: a site, a
/// macro body's use, the hiredis it saw and the wrapper's flows.
rehost::TranslationUnitFacts wrapperFacts(const std::string &Main,
                                          std::vector<std::string> Files) {
  rehost::TranslationUnitFacts Facts;
  Facts.MainFile = Main;
  rehost::Site Site;
  Site.File = Main;
  Site.Offset = 40;
  Site.Line = 4;
  Site.Column = 20;
  Site.LineText = "  redisConnect(\"10.0.0.7\", 6379);";
  Site.Api = "redisConnect";
  Site.Target.Host = rehost::Value::constant("10.0.0.7");
  Facts.Sites.push_back(Site);
  Facts.MacroBodyUses.push_back({Main + ":12", "10.0.0.7:6379"});
  Facts.Files = std::move(Files);
  Facts.HiredisVersion = "1.2.0";
  Facts.Flows = wrapperFlows(Main);
  return Facts;
}

std::string json(const rehost::TranslationUnitFacts &Facts) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  OS << rehost::unitToJson(Facts, "");
  return OS.str();
}

std::string json(const UnitFlows &Flows) {
  rehost::TranslationUnitFacts Facts;
  Facts.Flows = Flows;
  return json(Facts);
}

class SummaryCacheTest : public ::testing::Test {
protected:
  SummaryCacheTest() : Dir("summary-cache") {
    Path = SummaryCache::pathIn(Dir.Root);
    Main = Dir.write("wrapper.cpp", "#include \"wrapper.h\"\n");
    Header = Dir.write("wrapper.h", "void connectTo(const char *, int);\n");
  }

  std::unique_ptr<SummaryCache> load() {
    auto Cache = SummaryCache::load(Path);
    EXPECT_TRUE(bool(Cache)) << llvm::toString(Cache.takeError());
    return Cache ? std::move(*Cache) : nullptr;
  }

  /// A cache holding the wrapper's unit's facts, saved: as parsed under
  /// \p ParseKey, or masked since (none).
  void saveOne(std::optional<llvm::StringRef> ParseKey = Parse) {
    std::unique_ptr<SummaryCache> Cache = load();
    ASSERT_TRUE(Cache);
    Cache->insert(Main, Commands, wrapperFacts(Main, {Header, Header}),
                  ParseKey);
    ASSERT_FALSE(bool(Cache->save()));
  }

  rehost::testing::TempDir Dir;
  std::string Path, Main, Header;
  std::vector<std::string> Commands{"/p c++ -c wrapper.cpp"};
  static constexpr llvm::StringLiteral Parse = "clang 14\nheaders under /p";
};

TEST_F(SummaryCacheTest, KeepsAUnitsFactsWhileItsFilesAreUnchanged) {
  saveOne();
  EXPECT_EQ(rehost::testing::readFile(Dir.path(".rehost-cache/.gitignore")),
            "*\n");
  std::unique_ptr<SummaryCache> Cache = load();
  ASSERT_TRUE(Cache);
  EXPECT_FALSE(Cache->wasStale());
  EXPECT_EQ(Cache->size(), 1u);
  // The whole facts, as the parse gave them.
  std::optional<rehost::TranslationUnitFacts> Facts =
      Cache->findFacts(Main, Commands, Parse);
  ASSERT_TRUE(Facts.has_value());
  EXPECT_EQ(json(*Facts), json(wrapperFacts(Main, {Header, Header})));
  ASSERT_EQ(Facts->Sites.size(), 1u);
  EXPECT_EQ(Facts->Sites[0].Target.Host.Text, "10.0.0.7");
  EXPECT_EQ(Facts->Files, (std::vector<std::string>{Header, Header}));
  EXPECT_EQ(Facts->HiredisVersion, "1.2.0");
  // Their flows, for a file-list run.
  std::optional<UnitFlows> Found = Cache->findFlows(Main, Commands);
  ASSERT_TRUE(Found.has_value());
  EXPECT_EQ(json(*Found), json(wrapperFlows(Main)));
  ASSERT_EQ(Found->Edges.size(), 1u);
  EXPECT_EQ(Found->Edges[0].From.Usr, "c:@F@connectTo#*1C#I#");
  // No entry for a unit never kept.
  EXPECT_FALSE(Cache->findFlows(Dir.path("other.cpp"), Commands));
  EXPECT_FALSE(Cache->findFacts(Dir.path("other.cpp"), Commands, Parse));
}

TEST_F(SummaryCacheTest, FactsStandInForAParseOnlyUnderItsKeyAndUnmasked) {
  saveOne();
  // Another header filter (or Clang): the sites kept may differ.
  EXPECT_FALSE(load()->findFacts(Main, Commands, "clang 14\nheaders x"));
  EXPECT_TRUE(load()->findFlows(Main, Commands));
  // Masked since the parse: its flows lead on, its facts stand in for none.
  saveOne(std::nullopt);
  EXPECT_FALSE(load()->findFacts(Main, Commands, Parse));
  EXPECT_TRUE(load()->findFlows(Main, Commands));
  saveOne();
  EXPECT_TRUE(load()->findFacts(Main, Commands, Parse));
}

TEST_F(SummaryCacheTest, AChangedFileOrCommandMakesTheEntryStale) {
  saveOne();
  // Another command: not the same parse.
  EXPECT_FALSE(load()->findFlows(Main, {"/p c++ -DX -c wrapper.cpp"}));
  EXPECT_FALSE(load()->findFacts(Main, {"/p c++ -DX -c wrapper.cpp"}, Parse));
  EXPECT_TRUE(load()->findFlows(Main, Commands));
  // A header the unit read changed: never trusted.
  rehost::testing::writeFile(Header, "void connectTo(const char *);\n");
  EXPECT_FALSE(load()->findFlows(Main, Commands));
  EXPECT_FALSE(load()->findFacts(Main, Commands, Parse));
  // Put back as it was, the entry holds again: keyed by content.
  rehost::testing::writeFile(Header, "void connectTo(const char *, int);\n");
  EXPECT_TRUE(load()->findFlows(Main, Commands));
  EXPECT_TRUE(load()->findFacts(Main, Commands, Parse));
  // The unit's own file changed.
  rehost::testing::writeFile(Main, "#include \"wrapper.h\"\nint x;\n");
  EXPECT_FALSE(load()->findFacts(Main, Commands, Parse));
  rehost::testing::writeFile(Main, "#include \"wrapper.h\"\n");
  // A file it read is gone.
  llvm::sys::fs::remove(Header);
  EXPECT_FALSE(load()->findFlows(Main, Commands));
}

TEST_F(SummaryCacheTest, SavingKeepsWhatAnotherRunWroteSince) {
  std::unique_ptr<SummaryCache> First = load(), Second = load();
  std::string Other = Dir.write("other.cpp", "int x;\n");
  First->insert(Main, Commands, wrapperFacts(Main, {Header}), Parse);
  Second->insert(Other, Commands, rehost::TranslationUnitFacts(), Parse);
  ASSERT_FALSE(bool(First->save()));
  ASSERT_FALSE(bool(Second->save()));
  std::unique_ptr<SummaryCache> Both = load();
  EXPECT_EQ(Both->size(), 2u);
  EXPECT_TRUE(Both->findFacts(Main, Commands, Parse));
  EXPECT_TRUE(Both->findFacts(Other, Commands, Parse));
}

TEST_F(SummaryCacheTest, AnotherFormatIsIgnored) {
  saveOne();
  std::string Bytes = rehost::testing::readFile(Path);
  Bytes.replace(0, Bytes.find('\n'), "rehost-flow-summaries 99 0");
  rehost::testing::writeFile(Path, Bytes);
  std::unique_ptr<SummaryCache> Cache = load();
  ASSERT_TRUE(Cache);
  EXPECT_TRUE(Cache->wasStale());
  EXPECT_EQ(Cache->size(), 0u);
  // Replaced by the next save, even with nothing new.
  ASSERT_FALSE(bool(Cache->save()));
  EXPECT_FALSE(load()->wasStale());
}

// A rebuilt rehost (another analysis under the same version string) never
// takes an older build's facts for its own: the tool key holds the hash of
// the tool's sources.
TEST_F(SummaryCacheTest, AnotherBuildsCacheIsIgnored) {
  saveOne();
  std::string Bytes = rehost::testing::readFile(Path);
  size_t Line = Bytes.find('\n');
  size_t Hash = Bytes.find(" sources ", Line);
  ASSERT_NE(Hash, std::string::npos) << Bytes.substr(0, 200);
  Hash += llvm::StringRef(" sources ").size();
  Bytes[Hash] = Bytes[Hash] == '0' ? '1' : '0';
  std::string Body = Bytes.substr(Line + 1);
  std::string Sum;
  llvm::raw_string_ostream(Sum)
      << llvm::format_hex_no_prefix(llvm::xxHash64(Body), 16);
  rehost::testing::writeFile(Path,
                             "rehost-flow-summaries 2 " + Sum + "\n" + Body);
  std::unique_ptr<SummaryCache> Cache = load();
  ASSERT_TRUE(Cache);
  EXPECT_TRUE(Cache->wasStale());
  EXPECT_EQ(Cache->size(), 0u);
}

TEST_F(SummaryCacheTest, ADamagedCacheIsAnErrorNamingIt) {
  saveOne();
  std::string Bytes = rehost::testing::readFile(Path);
  std::string Flipped = Bytes;
  Flipped[Flipped.size() / 2] ^= 1;
  // Checksummed, but a unit's facts of the wrong type.
  size_t Newline = Bytes.find('\n');
  auto Body = llvm::json::parse(Bytes.substr(Newline + 1));
  ASSERT_TRUE(bool(Body)) << llvm::toString(Body.takeError());
  (*(*Body->getAsObject()->getArray("units"))[0].getAsObject())["facts"] =
      llvm::json::Array{1};
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  OS << *Body;
  OS.flush();
  std::string Typed;
  llvm::raw_string_ostream TypedOS(Typed);
  TypedOS << "rehost-flow-summaries 2 "
          << llvm::format_hex_no_prefix(llvm::xxHash64(Text), 16) << "\n"
          << Text;
  TypedOS.flush();
  for (const std::string &Damaged : {Flipped, Bytes.substr(0, Bytes.size() - 3),
                                     std::string("junk"), Typed}) {
    rehost::testing::writeFile(Path, Damaged);
    auto Cache = SummaryCache::load(Path);
    ASSERT_FALSE(bool(Cache)) << Damaged;
    std::string Message = llvm::toString(Cache.takeError());
    EXPECT_CONTAINS(Message, Path);
    EXPECT_CONTAINS(Message, "damaged");
  }
}

/// A call handing \p Host and \p Port to the wrapper of wrapperFlows().
rehost::FlowSource callOfWrapper(const std::string &File, unsigned Line,
                                 const std::string &Host,
                                 const std::string &Port) {
  rehost::FlowSource Call;
  Call.Where.File = File;
  Call.Where.Line = Line;
  Call.Where.Column = 3;
  Call.Where.Offset = Line * 10;
  rehost::FlowArgument Arg;
  Arg.To.Usr = "c:@F@connectTo#*1C#I#";
  Arg.To.Name = "connectTo";
  Arg.V = rehost::Value::constant(Host);
  Call.Args.push_back(Arg);
  Arg.To.Index = 1;
  Arg.V = rehost::Value::constant(Port);
  Arg.Kind = rehost::RoleValue::Integer;
  Call.Args.push_back(Arg);
  return Call;
}

// Phase two follows a cached unit's flows to the client call, but reports
// and counts only the units of the run.
TEST(CachedFlows, LeadOnButAreNotReported) {
  rehost::TranslationUnitFacts Main;
  Main.MainFile = "/p/main.cpp";
  Main.Flows.Sources.push_back(
      callOfWrapper(Main.MainFile, 3, "10.0.0.5", "6379"));
  UnitFlows Wrapper = wrapperFlows("/p/wrapper.cpp");
  rehost::FlowEdge Port = Wrapper.Edges[0];
  Port.From.Index = 1;
  Port.Role = rehost::ArgRole::Port;
  Wrapper.Edges.push_back(Port);
  UnitFlows Other;
  Other.Sources.push_back(callOfWrapper("/p/other.cpp", 2, "10.0.0.9", "6380"));

  // Alone, the run does not know the wrapper.
  rehost::Report Alone = rehost::resolveProject({Main}, "/p").Findings;
  EXPECT_EQ(Alone.computeSummary().Findings, 0u);

  rehost::Report R =
      rehost::resolveProject({Main}, "/p", {}, false, false, {Wrapper, Other})
          .Findings;
  rehost::Summary S = R.computeSummary();
  EXPECT_EQ(S.Findings, 1u);
  EXPECT_EQ(S.FilesScanned, 1u);
  EXPECT_EQ(R.TranslationUnits, 1u);
  ASSERT_EQ(R.Files.size(), 1u);
  EXPECT_EQ(R.Files[0].Path, "/p/main.cpp");
  ASSERT_EQ(R.Files[0].Findings.size(), 1u);
  EXPECT_EQ(R.Files[0].Findings[0].Endpoint, "redis://10.0.0.5:6379");
  // The wrapper's client call is not this run's to move.
  EXPECT_CONTAINS(R.Files[0].Findings[0].Reason, "did not parse");
}

} // namespace
