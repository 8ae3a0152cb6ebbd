//===- PreFilterNamesTest.cpp ---------------------------------------------===//
//
// The pre-filter's pass by names (PreFilter.h, unitsNaming): which skipped
// units spell one of the names of the project's own wrappers, in their own
// file or a header they read, whether the files' facts or Clang's
// dependency scanner decided the unit.
//
//===----------------------------------------------------------------------===//

#include "IncludeGraph.h"
#include "PreFilter.h"

#include "rehost/Scanner.h"

#include "TestSupport.h"

#include "clang/Tooling/CompilationDatabase.h"

namespace {

using namespace rehost;

class PreFilterNamesTest : public ::testing::Test {
protected:
  PreFilterNamesTest() {
    Scanner.answerFromFileFacts(std::make_unique<IncludeGraph>());
    Dir.write("inc/pool.h", "struct redis_pool;\n"
                            "int pool_open(struct redis_pool *p);\n");
  }

  /// The pre-filter's verdict on the unit \p Name, written with \p Text.
  PreFilterVerdict skip(llvm::StringRef Name, llvm::StringRef Text) {
    std::string File = Dir.write(Name, Text);
    clang::tooling::FixedCompilationDatabase Database(Dir.Root, {"-Iinc"});
    IncludeScanner::Worker Worker(Scanner);
    PreFilterVerdict Verdict = preFilter(
        Database, File,
        [](const clang::tooling::CommandLineArguments &Arguments,
           llvm::StringRef) { return Arguments; },
        Worker);
    EXPECT_TRUE(Verdict.CannotHoldSite) << Name.str();
    return Verdict;
  }

  /// "identifier in file" for each of \p Units, or "none", in one query.
  std::vector<std::string>
  namedAll(std::vector<const PreFilterVerdict *> Units,
           std::initializer_list<llvm::StringRef> Names,
           std::function<bool(llvm::StringRef)> Counts) {
    llvm::StringSet<> Identifiers;
    for (llvm::StringRef Name : Names)
      Identifiers.insert(Name);
    std::string Prefix = (Dir.Root + "/").str();
    std::vector<std::string> Out;
    for (const std::optional<NamedIdentifier> &Named : unitsNaming(
             Units, Identifiers, std::move(Counts), *Scanner.fileFacts())) {
      if (!Named) {
        Out.push_back("none");
        continue;
      }
      llvm::StringRef File = Named->File;
      File.consume_front(Prefix);
      Out.push_back(Named->Identifier + " in " + File.str());
    }
    return Out;
  }

  std::string named(
      const PreFilterVerdict &Unit,
      std::initializer_list<llvm::StringRef> Names,
      std::function<bool(llvm::StringRef)> Counts = [](llvm::StringRef) {
        return true;
      }) {
    return namedAll({&Unit}, Names, std::move(Counts)).front();
  }

  rehost::testing::TempDir Dir{"prefilter-names"};
  IncludeScanner Scanner;
};

TEST_F(PreFilterNamesTest, ATokenNotASubstring) {
  PreFilterVerdict Calls = skip("calls.c", "void f(void) { init(); }\n");
  PreFilterVerdict Initial = skip("initial.c", "int initial = 1;\n");
  EXPECT_EQ(named(Calls, {"init"}), "init in calls.c");
  EXPECT_EQ(named(Initial, {"init"}), "none");
  // The first name that it spells, by name.
  EXPECT_EQ(named(Calls, {"init", "f", "void"}), "f in calls.c");
}

TEST_F(PreFilterNamesTest, CommentsAndStringsDoNotCount) {
  PreFilterVerdict Unit = skip("words.c", "/* init */ // init\n"
                                          "const char *s = \"init\";\n");
  EXPECT_EQ(named(Unit, {"init"}), "none");
}

TEST_F(PreFilterNamesTest, ANameOnlyAnIncludedHeaderSpells) {
  PreFilterVerdict Unit = skip("opens.c", "#include \"pool.h\"\nint n;\n");
  EXPECT_EQ(named(Unit, {"pool_open"}), "pool_open in inc/pool.h");
  EXPECT_EQ(named(Unit, {"redis_pool"}), "redis_pool in inc/pool.h");
  // A header whose spelling does not count (a system header's) names
  // nothing; the unit's own file always counts.
  auto NoHeader = [](llvm::StringRef) { return false; };
  EXPECT_EQ(named(Unit, {"pool_open"}, NoHeader), "none");
  EXPECT_EQ(named(Unit, {"n"}, NoHeader), "n in opens.c");
  // A unit met first as another's header, in the same query.
  PreFilterVerdict Includes = skip("includes.c", "#include \"opens.c\"\n");
  EXPECT_EQ(namedAll({&Includes, &Unit}, {"n"}, NoHeader),
            (std::vector<std::string>{"none", "n in opens.c"}));
}

TEST_F(PreFilterNamesTest, AComputedIncludeThroughTheDependencyScanner) {
  PreFilterVerdict Unit = skip("computed.c", "#define HEADER \"pool.h\"\n"
                                             "#include HEADER\n");
  ASSERT_EQ(Unit.Commands.size(), 1u);
  ASSERT_TRUE(Unit.Commands.front().ScannerFiles.has_value());
  EXPECT_EQ(named(Unit, {"pool_open"}), "pool_open in inc/pool.h");
  EXPECT_EQ(named(Unit, {"pool_close"}), "none");
}

// A unit parsed for a name may name another wrapper, which picks more: the
// scan asks again until no unit is added, and each unit's facts keep its
// place.
TEST_F(PreFilterNamesTest, AWrapperFoundInAPickedUnitPicksItsCallers) {
  Dir.write("inc/store.h", "class SessionStore {\n"
                           "public:\n"
                           "  SessionStore(const char *host, int port);\n"
                           "};\n");
  Dir.write("a_wrapper.cpp", "#include \"store.h\"\n"
                             "void open_store(const char *host) {\n"
                             "  SessionStore S(host, 6379);\n"
                             "}\n");
  Dir.write("b_caller.cpp", "void open_store(const char *host);\n"
                            "void f() { open_store(\"10.0.0.1\"); }\n");
  Dir.write("c_other.cpp", "int x;\n");
  std::string Entries;
  for (llvm::StringRef Unit : {"a_wrapper.cpp", "b_caller.cpp", "c_other.cpp"})
    Entries +=
        (llvm::Twine(Entries.empty() ? "" : ",") + "{\"directory\": \"" +
         Dir.Root + "\", \"file\": \"" + Unit +
         "\", \"arguments\": [\"c++\", \"-Iinc\", \"-c\", \"" + Unit + "\"]}")
            .str();
  Dir.write("compile_commands.json", "[" + Entries + "]");
  ScanRequest Request;
  Request.BuildDir = std::string(Dir.Root);
  Request.Root = std::string(Dir.Root);
  Request.Jobs = 2;
  unsigned Asked = 0;
  Request.DerivedNames = [&](llvm::ArrayRef<TranslationUnitFacts> Units,
                             llvm::ArrayRef<UnitFlows>) {
    ++Asked;
    llvm::StringSet<> Names;
    Names.insert("SessionStore");
    // Once parsed, a_wrapper.cpp shows open_store wraps SessionStore.
    if (!Units[0].PreFiltered)
      Names.insert("open_store");
    return Names;
  };
  auto Units = collectFacts(Request, llvm::nulls());
  ASSERT_TRUE(bool(Units)) << llvm::toString(Units.takeError());
  ASSERT_EQ(Units->size(), 3u);
  std::vector<std::string> Parsed;
  for (const TranslationUnitFacts &Unit : *Units)
    Parsed.push_back(llvm::sys::path::filename(Unit.MainFile).str() +
                     (Unit.PreFiltered ? " skipped" : " parsed") +
                     (Unit.Error.empty() ? "" : " " + Unit.Error));
  EXPECT_EQ(Parsed, (std::vector<std::string>{"a_wrapper.cpp parsed",
                                              "b_caller.cpp parsed",
                                              "c_other.cpp skipped"}));
  EXPECT_EQ(Asked, 3u); // Then no name was new.
}

} // namespace
