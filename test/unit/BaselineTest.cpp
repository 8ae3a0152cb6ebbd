//===- BaselineTest.cpp - The baseline file and check's use of it ---------===//

#include "rehost/Baseline.h"

#include "rehost/FileIO.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <gtest/gtest.h>

using namespace rehost;

namespace {

Finding finding(std::string Fingerprint, std::string Function,
                Action Act = Action::Fixable) {
  Finding F;
  F.Api = "redisConnect";
  F.Function = std::move(Function);
  F.Fingerprint = std::move(Fingerprint);
  F.Act = Act;
  return F;
}

Report report() {
  Report R;
  R.Root = "/p";
  FileReport B{"/p/src/b.c", "src/b.c", FileReport::Status::Findings};
  B.Findings = {finding("f2", "two"), finding("f9", "muted", Action::Suppressed)};
  FileReport A{"/p/src/a.c", "src/a.c", FileReport::Status::Findings};
  A.Findings = {finding("f1", "one")};
  R.Files = {B, A};
  return R;
}

TEST(Baseline, SortedWithoutSuppressedFindingsAndStable) {
  Baseline B = baselineOf(report());
  ASSERT_EQ(B.Entries.size(), 2u);
  EXPECT_EQ(B.Entries[0].File, "src/a.c");
  EXPECT_EQ(B.Entries[1].Function, "two");
  EXPECT_FALSE(B.holds("f9"));
  EXPECT_EQ(renderBaseline(B), renderBaseline(baselineOf(report())));
}

TEST(Baseline, RoundTripsThroughItsFile) {
  llvm::SmallString<128> Path;
  ASSERT_FALSE(llvm::sys::fs::createTemporaryFile("baseline", "json", Path));
  Baseline B = baselineOf(report());
  ASSERT_FALSE(bool(writeFileAtomically(Path, renderBaseline(B))));
  auto Read = readBaseline(Path);
  ASSERT_TRUE(bool(Read)) << llvm::toString(Read.takeError());
  EXPECT_EQ(Read->Entries, B.Entries);
  EXPECT_TRUE(Read->holds("f1"));
  llvm::sys::fs::remove(Path);
}

TEST(Baseline, UpdateDropsWhatIsGoneOnlyInAnalysedFilesAndAddsNothing) {
  Baseline Old = baselineOf(report());
  Old.Entries.push_back({"f0", "src/gone.c", "hardcoded-endpoint", "x", ""});
  Old.Entries.push_back({"f7", "src/other.c", "hardcoded-endpoint", "x", ""});
  Old = [&] {
    // Re-normalised as a read would.
    llvm::SmallString<128> Path;
    EXPECT_FALSE(llvm::sys::fs::createTemporaryFile("baseline", "json", Path));
    EXPECT_FALSE(bool(writeFileAtomically(Path, renderBaseline(Old))));
    auto Read = readBaseline(Path);
    llvm::sys::fs::remove(Path);
    return std::move(*Read);
  }();
  Report Now = report();
  Now.Files[0].Findings.push_back(finding("f3", "new"));
  unsigned NotAdded = 0;
  Baseline New = updatedBaseline(
      Old, Now, [](llvm::StringRef File) { return File != "src/other.c"; },
      NotAdded);
  EXPECT_TRUE(New.holds("f1"));
  EXPECT_TRUE(New.holds("f2"));
  EXPECT_FALSE(New.holds("f0")) << "its file was analysed and it is gone";
  EXPECT_TRUE(New.holds("f7")) << "its file was not analysed";
  EXPECT_FALSE(New.holds("f3"));
  EXPECT_EQ(NotAdded, 1u);
}

TEST(Baseline, CheckRemovesWhatItHoldsAndCountsIt) {
  Report R = report();
  Baseline B = baselineOf(R);
  R.Files[0].Findings.push_back(finding("f3", "new"));
  removeBaselined(R, B);
  Summary S = R.computeSummary();
  EXPECT_EQ(S.Baselined, 2u);
  EXPECT_EQ(S.Findings, 1u);
  EXPECT_EQ(S.Suppressed, 1u);
  EXPECT_EQ(R.Files[1].State, FileReport::Status::Clean);
}

TEST(Baseline, BadFilesNameThemselves) {
  llvm::SmallString<128> Path;
  ASSERT_FALSE(llvm::sys::fs::createTemporaryFile("baseline", "json", Path));
  ASSERT_FALSE(bool(writeFileAtomically(Path, "[1, 2]")));
  auto Read = readBaseline(Path);
  ASSERT_FALSE(bool(Read));
  std::string Message = llvm::toString(Read.takeError());
  EXPECT_NE(Message.find(Path.str().str()), std::string::npos) << Message;
  llvm::sys::fs::remove(Path);
}

} // namespace
