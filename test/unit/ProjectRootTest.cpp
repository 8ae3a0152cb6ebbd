//===- ProjectRootTest.cpp - The one directory a run's paths are under ----===//

#include "rehost/ProjectRoot.h"
#include "rehost/Paths.h"

#include "TestSupport.h"

using namespace rehost;
using rehost::testing::writeFile;

namespace {

/// A fresh directory with symbolic links resolved, removed at the end.
class ProjectRootTest : public ::testing::Test {
protected:
  void SetUp() override {
    llvm::SmallString<256> Dir;
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("rehost-root", Dir));
    llvm::SmallString<256> Real;
    ASSERT_FALSE(llvm::sys::fs::real_path(Dir, Real));
    Top = std::string(Real);
  }
  void TearDown() override { llvm::sys::fs::remove_directories(Top); }

  std::string dir(llvm::StringRef Relative) {
    llvm::SmallString<256> Path(Top);
    llvm::sys::path::append(Path, Relative);
    EXPECT_FALSE(llvm::sys::fs::create_directories(Path));
    return std::string(Path);
  }

  std::string Top;
};

TEST_F(ProjectRootTest, TheToolConfigsDirectoryFirst) {
  dir("repo/.git");
  std::string Sub = dir("repo/sub");
  writeFile(Sub + "/.rehost.toml", "");
  ProjectRoot Root =
      findProjectRoot(Sub + "/.rehost.toml", dir("repo/build"), Sub);
  EXPECT_EQ(Root.Path, Sub);
  EXPECT_EQ(Root.From, ProjectRoot::Source::ToolConfig);
}

TEST_F(ProjectRootTest, TheGitTopLevelOfTheDatabaseNotOfTheWorkingDirectory) {
  dir("repo/.git");
  std::string Build = dir("repo/build"), Elsewhere = dir("elsewhere");
  ProjectRoot Root = findProjectRoot("", Build, Elsewhere);
  EXPECT_EQ(Root.Path, Top + "/repo");
  EXPECT_EQ(Root.From, ProjectRoot::Source::GitTopLevel);
  EXPECT_EQ(Root.reason(), "the git top level");
}

TEST_F(ProjectRootTest, ACMakeBuildDirectorysSourceThenTheDatabasesDirectory) {
  std::string Source = dir("proj"), Build = dir("out/build");
  writeFile(Build + "/CMakeCache.txt",
            "CMAKE_BUILD_TYPE:STRING=Debug\nCMAKE_HOME_DIRECTORY:INTERNAL=" +
                Source + "\n");
  EXPECT_EQ(findProjectRoot("", Build, Top).Path, Source);
  std::string Plain = dir("plain");
  ProjectRoot Root = findProjectRoot("", Plain, Top);
  EXPECT_EQ(Root.Path, Plain);
  EXPECT_EQ(Root.From, ProjectRoot::Source::Database);
  EXPECT_EQ(findProjectRoot("", "", Plain).From,
            ProjectRoot::Source::WorkingDirectory);
}

TEST(ProjectRoot, RelativePaths) {
  EXPECT_EQ(relativePath("/a/b", "/a/b"), ".");
  EXPECT_EQ(relativePath("/a", "/a/b/c"), "../..");
  EXPECT_EQ(relativePath("/a/x/y", "/a/b"), "../x/y");
  EXPECT_TRUE(isUnderDirectory("/a/b/c.c", "/a/b"));
  EXPECT_FALSE(isUnderDirectory("/a/bc/c.c", "/a/b"));
}

} // namespace
