//===- EditApplierTest.cpp ------------------------------------------------===//

#include "rehost/EditApplier.h"
#include "rehost/FileIO.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>

namespace {

class EditApplierTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("rehost-apply", Dir));
  }
  void TearDown() override { llvm::sys::fs::remove_directories(Dir); }

  std::string write(llvm::StringRef Name, llvm::StringRef Content) {
    llvm::SmallString<256> Path(Dir);
    llvm::sys::path::append(Path, Name);
    std::error_code EC;
    llvm::raw_fd_ostream OS(Path, EC);
    OS << Content;
    return std::string(Path);
  }
  std::string read(llvm::StringRef Path) {
    auto Buffer = llvm::MemoryBuffer::getFile(Path);
    return Buffer ? (*Buffer)->getBuffer().str() : "<unreadable>";
  }
  /// A plan that renames `redisConnect` at \p Offset in \p Code.
  rehost::FilePlan renameAt(const std::string &Path, llvm::StringRef Code,
                            unsigned Offset) {
    rehost::FilePlan Plan;
    Plan.Path = Path;
    Plan.Digest = rehost::contentDigest(Code);
    Plan.Edits.push_back({Offset, 12, "rehost_redisConnect"});
    Plan.Includes.insert("rehost/rehost.h");
    return Plan;
  }

  llvm::SmallString<128> Dir;
};

TEST_F(EditApplierTest, RewritesAddsTheIncludeOnceAndKeepsPermissions) {
  std::string Code = "#include <hiredis/hiredis.h>\n\nvoid f(void) { "
                     "redisConnect(\"h\", 1); }\n";
  std::string Path = write("a.c", Code);
  llvm::sys::fs::setPermissions(Path, llvm::sys::fs::perms(0640));
  rehost::EditPlan Plan{{renameAt(Path, Code, Code.find("redisConnect"))}};
  auto Outcomes = rehost::applyEditPlan(Plan, Dir, {});
  ASSERT_EQ(Outcomes.size(), 1u);
  EXPECT_EQ(Outcomes[0].Error, "");
  EXPECT_EQ(read(Path), "#include <hiredis/hiredis.h>\n#include "
                        "<rehost/rehost.h>\n\nvoid f(void) { "
                        "rehost_redisConnect(\"h\", 1); }\n");
  llvm::sys::fs::file_status Status;
  ASSERT_FALSE(llvm::sys::fs::status(Path, Status));
  EXPECT_EQ(Status.permissions(), llvm::sys::fs::perms(0640));
}

TEST_F(EditApplierTest, AnIncludedHeaderIsNotIncludedAgain) {
  std::string Code = "#include <rehost/rehost.h>\nvoid f(void) { "
                     "redisConnect(\"h\", 1); }\n";
  std::string Path = write("b.c", Code);
  rehost::EditPlan Plan{{renameAt(Path, Code, Code.find("redisConnect"))}};
  rehost::applyEditPlan(Plan, Dir, {});
  EXPECT_EQ(read(Path), "#include <rehost/rehost.h>\nvoid f(void) { "
                        "rehost_redisConnect(\"h\", 1); }\n");
}

TEST_F(EditApplierTest, AFileChangedSinceParsingIsLeftAlone) {
  std::string Code = "void f(void) { redisConnect(\"h\", 1); }\n";
  std::string Path = write("c.c", Code);
  rehost::EditPlan Plan{{renameAt(Path, Code, Code.find("redisConnect"))}};
  std::string Edited = "// edited meanwhile\n" + Code;
  write("c.c", Edited);
  auto Outcomes = rehost::applyEditPlan(Plan, Dir, {});
  EXPECT_EQ(Outcomes[0].Error,
            "c.c changed on disk since it was parsed; not rewritten");
  EXPECT_EQ(Outcomes[0].Diagnostic,
            "rehost: error: c.c changed on disk since it was parsed; not "
            "rewritten");
  EXPECT_EQ(read(Path), Edited);
}

TEST_F(EditApplierTest, DryRunWritesNothingButDiffs) {
  std::string Code = "#include <stdio.h>\nvoid f(void) { redisConnect(\"h\", "
                     "1); }\n";
  std::string Path = write("d.c", Code);
  rehost::EditPlan Plan{{renameAt(Path, Code, Code.find("redisConnect"))}};
  auto Outcomes = rehost::applyEditPlan(Plan, Dir, {/*DryRun=*/true});
  EXPECT_EQ(read(Path), Code);
  EXPECT_EQ(
      Outcomes[0].Diff,
      "--- a/d.c\n+++ b/d.c\n@@ -1,2 +1,4 @@\n #include <stdio.h>\n"
      "-void f(void) { redisConnect(\"h\", 1); }\n+\n+#include "
      "<rehost/rehost.h>\n+void f(void) { rehost_redisConnect(\"h\", 1); }\n");
}

TEST_F(EditApplierTest, CrLfFilesKeepTheirLineEndings) {
  std::string Code = "#include <hiredis/hiredis.h>\r\nvoid f(void) { "
                     "redisConnect(\"h\", 1); }\r\n";
  std::string Path = write("e.c", Code);
  rehost::EditPlan Plan{{renameAt(Path, Code, Code.find("redisConnect"))}};
  rehost::applyEditPlan(Plan, Dir, {});
  EXPECT_EQ(read(Path), "#include <hiredis/hiredis.h>\r\n#include "
                        "<rehost/rehost.h>\r\nvoid f(void) { "
                        "rehost_redisConnect(\"h\", 1); }\r\n");
}

TEST_F(EditApplierTest, AByteOrderMarkStaysFirst) {
  std::string Code = "\xEF\xBB\xBF#include <hiredis/hiredis.h>\nvoid f(void) { "
                     "redisConnect(\"h\", 1); }\n";
  std::string Path = write("bom.c", Code);
  rehost::EditPlan Plan{{renameAt(Path, Code, Code.find("redisConnect"))}};
  rehost::applyEditPlan(Plan, Dir, {});
  EXPECT_EQ(read(Path), "\xEF\xBB\xBF#include <hiredis/hiredis.h>\n#include "
                        "<rehost/rehost.h>\nvoid f(void) { "
                        "rehost_redisConnect(\"h\", 1); }\n");
}

TEST_F(EditApplierTest, TheIncludeFollowsTheFilesOwnHiredisInclude) {
  // After the project's bundled hiredis, not first in the block: the
  // runtime's header includes <hiredis/hiredis.h>, and the first one read
  // wins.
  std::string Code = "#include \"config.h\"\n#include "
                     "\"deps/hiredis/hiredis.h\"\n#include <string.h>\n\nvoid "
                     "f(void) { redisConnect(\"h\", 1); }\n";
  std::string Path = write("own.c", Code);
  rehost::EditPlan Plan{{renameAt(Path, Code, Code.find("redisConnect"))}};
  rehost::applyEditPlan(Plan, Dir, {});
  EXPECT_EQ(read(Path),
            "#include \"config.h\"\n#include \"deps/hiredis/hiredis.h\"\n"
            "#include <rehost/rehost.h>\n#include <string.h>\n\nvoid f(void) "
            "{ rehost_redisConnect(\"h\", 1); }\n");
}

TEST_F(EditApplierTest, WithoutAHiredisIncludeItFollowsTheLastBeforeTheSite) {
  // hiredis comes through a project header; an include after the site is
  // not the one that brings it.
  std::string Code = "#include <string.h>\n#include \"redis_config.h\"\nvoid "
                     "f(void) { redisConnect(\"h\", 1); }\n#include "
                     "\"late.h\"\n";
  std::string Path = write("via.c", Code);
  rehost::EditPlan Plan{{renameAt(Path, Code, Code.find("redisConnect"))}};
  rehost::applyEditPlan(Plan, Dir, {});
  EXPECT_EQ(read(Path), "#include <string.h>\n#include \"redis_config.h\"\n\n"
                        "#include <rehost/rehost.h>\nvoid f(void) { "
                        "rehost_redisConnect(\"h\", 1); }\n#include "
                        "\"late.h\"\n");
}

TEST_F(EditApplierTest, TheIncludeLeavesConditionalBlocksTheSiteIsNotIn) {
  std::string Code = "#ifdef BUNDLED\n#include \"deps/hiredis/hiredis.h\"\n"
                     "#else\n#include <hiredis/hiredis.h>\n#endif\n/*\n"
                     "#include <fake.h>\n*/\nvoid f(void) { "
                     "redisConnect(\"h\", 1); }\n";
  std::string Path = write("cond.c", Code);
  rehost::EditPlan Plan{{renameAt(Path, Code, Code.find("redisConnect"))}};
  rehost::applyEditPlan(Plan, Dir, {});
  EXPECT_EQ(read(Path), "#ifdef BUNDLED\n#include \"deps/hiredis/hiredis.h\"\n"
                        "#else\n#include <hiredis/hiredis.h>\n#endif\n#include "
                        "<rehost/rehost.h>\n/*\n#include <fake.h>\n*/\nvoid "
                        "f(void) { rehost_redisConnect(\"h\", 1); }\n");
}

TEST_F(EditApplierTest, AFileWithoutIncludesGetsItAfterItsHeaderGuard) {
  std::string Code = "#ifndef A_H\n#define A_H\nstatic void f(void) { "
                     "redisConnect(\"h\", 1); }\n#endif\n";
  std::string Path = write("guard.h", Code);
  rehost::EditPlan Plan{{renameAt(Path, Code, Code.find("redisConnect"))}};
  rehost::applyEditPlan(Plan, Dir, {});
  EXPECT_EQ(read(Path), "#ifndef A_H\n#define A_H\n#include "
                        "<rehost/rehost.h>\nstatic void f(void) { "
                        "rehost_redisConnect(\"h\", 1); }\n#endif\n");
}

TEST_F(EditApplierTest, AReadOnlyFileIsRefusedByItsModeBits) {
  std::string Code = "void f(void) { redisConnect(\"h\", 1); }\n";
  std::string Path = write("ro.c", Code);
  llvm::sys::fs::setPermissions(Path, llvm::sys::fs::perms(0444));
  rehost::EditPlan Plan{{renameAt(Path, Code, Code.find("redisConnect"))}};
  auto Outcomes = rehost::applyEditPlan(Plan, Dir, {});
  EXPECT_EQ(Outcomes[0].Error, "ro.c is read-only; not rewritten");
  EXPECT_EQ(Outcomes[0].Diagnostic,
            "rehost: error: ro.c is read-only; not rewritten");
  EXPECT_EQ(read(Path), Code);
}

// The last check before each write: a file changed between prepareEdits
// and commitEdits (another writer, mid-run) keeps the other writer's content,
// the file written before it gets its original back, and the one after it is
// never written.
TEST_F(EditApplierTest, AFileChangedBeforeItsWriteUndoesTheCommit) {
  std::string CodeA = "void a(void) { redisConnect(\"h\", 1); }\n";
  std::string CodeB = "void b(void) { redisConnect(\"h\", 1); }\n";
  std::string CodeC = "void c(void) { redisConnect(\"h\", 1); }\n";
  std::string A = write("a1.c", CodeA), B = write("b1.c", CodeB),
              C = write("c1.c", CodeC);
  rehost::EditPlan Plan{{renameAt(A, CodeA, CodeA.find("redisConnect")),
                         renameAt(B, CodeB, CodeB.find("redisConnect")),
                         renameAt(C, CodeC, CodeC.find("redisConnect"))}};
  auto Outcomes = rehost::prepareEdits(Plan, Dir);
  std::string Edited = "// edited meanwhile\n" + CodeB;
  write("b1.c", Edited);
  llvm::Error Err = rehost::commitEdits(Outcomes);
  ASSERT_TRUE(bool(Err));
  EXPECT_EQ(llvm::toString(std::move(Err)),
            B + ": it changed on disk since it was parsed; no file was "
                "changed");
  EXPECT_EQ(read(A), CodeA);
  EXPECT_EQ(read(B), Edited);
  EXPECT_EQ(read(C), CodeC);
  for (const rehost::FileOutcome &Outcome : Outcomes)
    EXPECT_FALSE(Outcome.Written) << Outcome.Path;
  // No temporary file either: the directory holds the three sources only.
  std::error_code EC;
  unsigned Entries = 0;
  for (llvm::sys::fs::directory_iterator It(Dir, EC), End; !EC && It != End;
       It.increment(EC))
    ++Entries;
  EXPECT_EQ(Entries, 3u);
}

TEST(UnifiedDiff, FarApartEditsMakeSeparateHunks) {
  std::string Old;
  for (int I = 1; I <= 20; ++I)
    Old += "line " + std::to_string(I) + "\n";
  unsigned Second = Old.find("line 2\n"), Nineteenth = Old.find("line 19\n");
  std::string Diff = rehost::unifiedDiff(
      "f.c", Old, {{Second, 6, "LINE 2"}, {Nineteenth, 7, "LINE 19"}});
  EXPECT_EQ(Diff,
            "--- a/f.c\n+++ b/f.c\n"
            "@@ -1,5 +1,5 @@\n line 1\n-line 2\n+LINE 2\n line 3\n line 4\n"
            " line 5\n"
            "@@ -16,5 +16,5 @@\n line 16\n line 17\n line 18\n-line 19\n"
            "+LINE 19\n line 20\n");
}

TEST(UnifiedDiff, MissingFinalNewlineIsMarked) {
  std::string Diff = rehost::unifiedDiff("g.c", "a\nb", {{2, 1, "c"}});
  EXPECT_EQ(Diff, "--- a/g.c\n+++ b/g.c\n@@ -1,2 +1,2 @@\n a\n-b\n"
                  "\\ No newline at end of file\n+c\n"
                  "\\ No newline at end of file\n");
}

} // namespace
