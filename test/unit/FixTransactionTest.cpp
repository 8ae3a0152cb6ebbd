//===- FixTransactionTest.cpp ---------------------------------------------===//
//
// The fix's stages over real files: each test parses the sources it writes
// (no compilation database: the flags after `--` are none), plans the
// project, and runs the transaction.
//
//===----------------------------------------------------------------------===//

#include "rehost/FixTransaction.h"

#include "rehost/Project.h"
#include "rehost/Scanner.h"

#include "llvm/Support/raw_ostream.h"

#include "TestSupport.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace {

using rehost::testing::readFile;
using rehost::testing::TempDir;

constexpr llvm::StringLiteral Connect =
    "#include <hiredis/hiredis.h>\n"
    "redisContext *c(void) { return redisConnect(\"10.0.0.5\", 6380); }\n";

/// A fix of the files written in a scratch project, planned as `rehost fix`
/// plans it.
class FixTransactionTest : public ::testing::Test {
protected:
  FixTransactionTest() : Project("rehost-fix-transaction") {
    Settings.RuntimeConfig = Project.path("rehost.toml");
  }

  /// Parses \p Files (under the project) and resolves them; the transaction
  /// over the plan.
  rehost::FixTransaction &planned(std::vector<std::string> Files) {
    Request.Files = std::move(Files);
    Request.HasExtraArgs = true;
    Request.Root = std::string(Project.Root);
    Request.Jobs = 1;
    Request.Progress = rehost::ProgressMode::None;
    auto Collected = rehost::collectFacts(Request, LogStream);
    EXPECT_TRUE(bool(Collected)) << llvm::toString(Collected.takeError());
    if (Collected)
      Units = std::move(*Collected);
    Resolved = rehost::resolveProject(Units, Request.Root);
    Transaction.emplace(Settings, Request, Units, Resolved, LogStream);
    return *Transaction;
  }

  /// What writeSources() is given to check the report with.
  llvm::Error reportWritable() {
    ++ReportChecks;
    return llvm::Error::success();
  }

  /// What record() is given to write the report with: kept, not written.
  llvm::Error keepReport(const rehost::Report &Report) {
    Written = Report;
    return llvm::Error::success();
  }

  TempDir Project;
  rehost::FixSettings Settings;
  rehost::ScanRequest Request;
  std::vector<rehost::TranslationUnitFacts> Units;
  rehost::Resolution Resolved;
  std::string Log; ///< The parses' and --verify's compiler errors.
  llvm::raw_string_ostream LogStream{Log};
  std::optional<rehost::FixTransaction> Transaction;
  unsigned ReportChecks = 0;
  std::optional<rehost::Report> Written;
};

/// The reason of a FixAbandoned error, and whether undoing failed.
std::string abandonedReason(llvm::Error Err, bool *UndoFailed = nullptr) {
  std::string Reason = "<not abandoned>";
  llvm::handleAllErrors(std::move(Err), [&](const rehost::FixAbandoned &A) {
    Reason = A.Reason;
    if (UndoFailed)
      *UndoFailed = !A.UndoFailure.empty();
  });
  return Reason;
}

TEST_F(FixTransactionTest, WritesTheSourcesTheRuntimeConfigAndTheReport) {
  std::string A = Project.write("a.c", Connect);
  rehost::FixTransaction &Fix = planned({A});
  ASSERT_FALSE(bool(Fix.plan()));
  ASSERT_EQ(Fix.outcomes().size(), 1u);
  EXPECT_EQ(readFile(A), Connect) << "planning writes nothing";

  ASSERT_FALSE(bool(Fix.writeSources([&] { return reportWritable(); })));
  EXPECT_EQ(ReportChecks, 1u);
  EXPECT_CONTAINS(readFile(A),
                  "rehost_redisConnect(\"default\", \"10.0.0.5\", 6380)");
  EXPECT_EQ(readFile(Settings.RuntimeConfig), "<missing>")
      << "the runtime config is written from what stays written";

  ASSERT_FALSE(
      bool(Fix.record([&](const rehost::Report &R) { return keepReport(R); })));
  EXPECT_CONTAINS(readFile(Settings.RuntimeConfig), "[profiles.default]");
  EXPECT_EQ(Fix.addedProfiles(), llvm::ArrayRef<std::string>({"default"}));
  ASSERT_EQ(Fix.fixedProfiles().size(), 1u);
  EXPECT_EQ(Fix.fixedProfiles()[0].Name, "default");
  ASSERT_TRUE(Written && Written->Fix);
  EXPECT_EQ(Written->Command, "fix");
  EXPECT_TRUE(Written->Fix->SourcesWritten);
  EXPECT_TRUE(Written->Fix->Refused.empty());
}

TEST_F(FixTransactionTest, ASourceThatCannotBeWrittenUndoesTheOthers) {
  std::string A = Project.write("a.c", Connect);
  std::string B = Project.write("b.c", Connect);
  rehost::FixTransaction &Fix = planned({A, B});
  ASSERT_FALSE(bool(Fix.plan()));
  // b.c changes after it was planned: a.c is written first, then put back.
  std::string Edited = "// edited meanwhile\n" + Connect.str();
  Project.write("b.c", Edited);

  bool UndoFailed = true;
  EXPECT_EQ(
      abandonedReason(Fix.writeSources([&] { return reportWritable(); }),
                      &UndoFailed),
      B + ": it changed on disk since it was parsed; no file was changed");
  EXPECT_FALSE(UndoFailed);
  EXPECT_EQ(readFile(A), Connect);
  EXPECT_EQ(readFile(B), Edited);
  EXPECT_EQ(readFile(Settings.RuntimeConfig), "<missing>");
}

TEST_F(FixTransactionTest, AReportThatCannotBeWrittenUndoesEverything) {
  std::string A = Project.write("a.c", Connect);
  rehost::FixTransaction &Fix = planned({A});
  ASSERT_FALSE(bool(Fix.plan()));
  ASSERT_FALSE(bool(Fix.writeSources([&] { return reportWritable(); })));
  EXPECT_NE(readFile(A), Connect);

  EXPECT_EQ(abandonedReason(Fix.record([](const rehost::Report &) {
              return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                             "disk full");
            })),
            "disk full");
  EXPECT_EQ(readFile(A), Connect);
  EXPECT_EQ(readFile(Settings.RuntimeConfig), "<missing>")
      << "the runtime config written before the report is removed again";
  EXPECT_TRUE(Fix.addedProfiles().empty());
}

TEST_F(FixTransactionTest, ARuntimeConfigThatCannotBeMergedWritesNothing) {
  std::string A = Project.write("a.c", Connect);
  std::string Broken = "[profiles.default\n";
  Project.write("rehost.toml", Broken);
  rehost::FixTransaction &Fix = planned({A});
  ASSERT_FALSE(bool(Fix.plan()));

  EXPECT_CONTAINS(
      abandonedReason(Fix.writeSources([&] { return reportWritable(); })),
      "rehost.toml");
  EXPECT_EQ(ReportChecks, 0u) << "checked in order; the first failure stops";
  EXPECT_EQ(readFile(A), Connect);
  EXPECT_EQ(readFile(Settings.RuntimeConfig), Broken);
}

TEST_F(FixTransactionTest, AFileVerifyFindsBrokenIsRestoredAndNotRecorded) {
  // The runtime's header declares this name too: the rewrite cannot compile.
  std::string Clash = "static int rehost_redisConnect = 0;\n" + Connect.str();
  std::string A = Project.write("clash.c", Clash);
  Settings.Verify = true;
  Settings.RuntimeInclude = REHOST_RUNTIME_INCLUDE_DIR;
  rehost::FixTransaction &Fix = planned({A});
  ASSERT_FALSE(bool(Fix.plan()));

  ASSERT_FALSE(bool(Fix.writeSources([&] { return reportWritable(); })));
  ASSERT_EQ(Fix.outcomes().size(), 1u);
  EXPECT_TRUE(Fix.outcomes()[0].Restored);
  EXPECT_EQ(readFile(A), Clash);
  EXPECT_CONTAINS(LogStream.str(), "redefinition of 'rehost_redisConnect'");

  ASSERT_FALSE(
      bool(Fix.record([&](const rehost::Report &R) { return keepReport(R); })));
  EXPECT_EQ(readFile(Settings.RuntimeConfig), "<missing>")
      << "no profile stayed fixed";
  EXPECT_TRUE(Fix.fixedProfiles().empty());
  ASSERT_TRUE(Written && Written->Fix);
  ASSERT_EQ(Written->Fix->Refused.count(A), 1u);
  EXPECT_CONTAINS(Written->Fix->Refused.at(A), "the original was restored");
}

TEST_F(FixTransactionTest, ADryRunWritesOnlyTheReport) {
  std::string A = Project.write("a.c", Connect);
  Settings.WritesSources = false;
  rehost::FixTransaction &Fix = planned({A});
  ASSERT_FALSE(bool(Fix.plan()));
  ASSERT_FALSE(bool(Fix.writeSources([&] { return reportWritable(); })));
  ASSERT_FALSE(
      bool(Fix.record([&](const rehost::Report &R) { return keepReport(R); })));

  EXPECT_EQ(ReportChecks, 0u);
  EXPECT_EQ(readFile(A), Connect);
  EXPECT_EQ(Project.entries(), std::vector<std::string>{"a.c"});
  ASSERT_EQ(Fix.outcomes().size(), 1u);
  EXPECT_CONTAINS(Fix.outcomes()[0].Diff, "+redisContext *c(void) { return "
                                          "rehost_redisConnect(\"default\"");
  ASSERT_TRUE(Written && Written->Fix);
  EXPECT_FALSE(Written->Fix->SourcesWritten);
  EXPECT_TRUE(Fix.addedProfiles().empty());
}

} // namespace
