//===- IncludeClosure.cpp - The files a translation unit includes ---------===//

#include "rehost/IncludeClosure.h"

#include "rehost/LLVMCompat.h"

#include "IncludeGraph.h"

#include "clang/Tooling/DependencyScanning/DependencyScanningTool.h"
#include "llvm/Support/FileSystem.h"

namespace rehost {

using clang::tooling::dependencies::DependencyScanningTool;

IncludeScanner::IncludeScanner() : Service(makeDependencyScanningService()) {}
IncludeScanner::~IncludeScanner() = default;

void IncludeScanner::answerFromFileFacts(std::unique_ptr<IncludeGraph> G) {
  Graph = std::move(G);
}

struct IncludeScanner::Worker::Impl {
  explicit Impl(IncludeScanner &Scanner) : Tool(*Scanner.Service) {}
  DependencyScanningTool Tool;
};

IncludeScanner::Worker::Worker(IncludeScanner &Scanner)
    : Owner(Scanner), P(std::make_unique<Impl>(Scanner)) {}
IncludeScanner::Worker::~Worker() = default;

std::optional<std::vector<std::string>>
IncludeScanner::Worker::closure(const std::vector<std::string> &CommandLine,
                                llvm::StringRef Directory) {
  auto Dependencies = P->Tool.getDependencyFile(CommandLine, Directory);
  if (!Dependencies) {
    llvm::consumeError(Dependencies.takeError());
    return std::nullopt;
  }
  return parseMakeDependencies(*Dependencies);
}

std::optional<IncludeScanner::Worker::PartialClosure>
IncludeScanner::Worker::partialClosure(std::vector<std::string> CommandLine,
                                       llvm::StringRef Directory) {
  if (CommandLine.empty())
    return std::nullopt;
  // -MG lists a header it cannot find as written and goes on.
  CommandLine.insert(CommandLine.begin() + 1, {"-M", "-MG"});
  std::optional<std::vector<std::string>> Files =
      closure(CommandLine, Directory);
  if (!Files)
    return std::nullopt;
  PartialClosure Out;
  for (std::string &File : *Files) {
    llvm::SmallString<256> Path(File);
    llvm::sys::fs::make_absolute(Directory, Path);
    if (llvm::sys::fs::exists(Path)) {
      Out.Found.push_back(std::move(File));
      continue;
    }
    // LLVM 19's scanner lists a missing header under the command's
    // directory (LLVM 14's as written): name it as written either way.
    llvm::StringRef Written(File);
    std::string Prefix = (Directory + "/").str();
    Out.Missing.push_back((startsWith(Written, Prefix)
                               ? Written.drop_front(Prefix.size())
                               : Written)
                              .str());
  }
  return Out;
}

std::vector<std::string> parseMakeDependencies(llvm::StringRef Text) {
  std::vector<std::string> Files;
  std::string Current;
  bool SeenTarget = false;
  auto Flush = [&] {
    if (Current.empty())
      return;
    // The first word ending in ':' is the target.
    if (!SeenTarget && Current.back() == ':')
      SeenTarget = true;
    else
      Files.push_back(Current);
    Current.clear();
  };
  for (size_t I = 0; I < Text.size(); ++I) {
    char C = Text[I];
    if (C == '\\' && I + 1 < Text.size()) {
      char Next = Text[I + 1];
      if (Next == '\n' || (Next == '\r' && I + 2 < Text.size())) {
        Flush(); // A line continuation.
        I += Next == '\r' ? 2 : 1;
        continue;
      }
      if (Next == ' ' || Next == '#' || Next == '\\') {
        Current += Next;
        ++I;
        continue;
      }
    }
    if (C == '$' && I + 1 < Text.size() && Text[I + 1] == '$') {
      Current += '$';
      ++I;
      continue;
    }
    if (C == ' ' || C == '\t' || C == '\n' || C == '\r') {
      Flush();
      continue;
    }
    Current += C;
  }
  Flush();
  return Files;
}

} // namespace rehost
