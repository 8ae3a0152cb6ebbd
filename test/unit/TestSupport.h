//===- TestSupport.h - What the tool's unit tests share -------------------===//

#ifndef REHOST_TEST_UNIT_TESTSUPPORT_H
#define REHOST_TEST_UNIT_TESTSUPPORT_H

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

// Substring checks that print the whole text when they fail.
#define EXPECT_CONTAINS(Text, Part)                                            \
  EXPECT_NE(std::string(Text).find(Part), std::string::npos) << (Text)
#define EXPECT_LACKS(Text, Part)                                               \
  EXPECT_EQ(std::string(Text).find(Part), std::string::npos) << (Text)

namespace rehost::testing {

/// \p Text written to \p Path.
inline void writeFile(const std::string &Path, llvm::StringRef Text) {
  std::error_code EC;
  llvm::raw_fd_ostream Out(Path, EC);
  ASSERT_FALSE(EC) << Path << ": " << EC.message();
  Out << Text;
}

/// \p Path's content, or "<missing>".
inline std::string readFile(llvm::StringRef Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  return Buffer ? (*Buffer)->getBuffer().str() : "<missing>";
}

/// A scratch directory, removed with everything in it. Root is a real path,
/// as the loaders make the paths they report.
class TempDir {
public:
  explicit TempDir(llvm::StringRef Prefix) {
    EXPECT_FALSE(llvm::sys::fs::createUniqueDirectory(Prefix, Root));
    llvm::SmallString<256> Real;
    if (!llvm::sys::fs::real_path(Root, Real))
      Root = Real;
  }
  ~TempDir() { llvm::sys::fs::remove_directories(Root); }

  std::string path(llvm::StringRef Rel) const {
    llvm::SmallString<256> P(Root);
    llvm::sys::path::append(P, Rel);
    return std::string(P);
  }

  /// Writes \p Text to \p Rel (its directories created); its path.
  std::string write(llvm::StringRef Rel, llvm::StringRef Text) const {
    std::string P = path(Rel);
    llvm::sys::fs::create_directories(llvm::sys::path::parent_path(P));
    writeFile(P, Text);
    return P;
  }

  /// The names directly in the directory, sorted.
  std::vector<std::string> entries() const {
    std::vector<std::string> Out;
    std::error_code EC;
    for (llvm::sys::fs::directory_iterator It(Root, EC), End; !EC && It != End;
         It.increment(EC))
      Out.push_back(llvm::sys::path::filename(It->path()).str());
    std::sort(Out.begin(), Out.end());
    return Out;
  }

  llvm::SmallString<256> Root;
};

} // namespace rehost::testing

#endif // REHOST_TEST_UNIT_TESTSUPPORT_H
