//===- ChangedLines.cpp - What changed since a git revision ---------------===//

#include "rehost/ChangedLines.h"

#include "rehost/LLVMCompat.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <climits>
#include <cstdint>

namespace rehost {
namespace {

llvm::Error gitError(const llvm::Twine &Why) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "--changed-since: " + Why);
}

/// Runs git with \p Args in \p Dir; its standard output, or an error quoting
/// what it wrote on standard error.
llvm::Expected<std::string> runGit(llvm::ArrayRef<llvm::StringRef> Args,
                                   llvm::StringRef Dir) {
  llvm::ErrorOr<std::string> Git = llvm::sys::findProgramByName("git");
  if (!Git)
    return gitError("git is not on PATH");
  llvm::SmallString<128> Out, Err;
  for (auto [Suffix, Path] : {std::pair{"out", &Out}, std::pair{"err", &Err}})
    if (std::error_code EC =
            llvm::sys::fs::createTemporaryFile("rehost-git", Suffix, *Path))
      return gitError("cannot create a temporary file: " + EC.message());
  std::vector<llvm::StringRef> Argv = {*Git, "-C", Dir};
  Argv.insert(Argv.end(), Args.begin(), Args.end());
  std::string Message;
  int Status = runProgram(*Git, Argv, Out, Err, Message);
  auto Read = [](llvm::StringRef Path) {
    auto Buffer = llvm::MemoryBuffer::getFile(Path);
    std::string Text = Buffer ? (*Buffer)->getBuffer().str() : std::string();
    llvm::sys::fs::remove(Path);
    return Text;
  };
  std::string Stdout = Read(Out), Stderr = Read(Err);
  if (Status != 0)
    return gitError(
        "git " + llvm::join(Args, " ") + " failed: " +
        (Stderr.empty() ? Message : llvm::StringRef(Stderr).trim().str()));
  return Stdout;
}

std::string underTop(llvm::StringRef TopLevel, llvm::StringRef Relative) {
  llvm::SmallString<256> Path(TopLevel);
  llvm::sys::path::append(Path, Relative);
  return Path.str().str();
}

/// One side of a hunk header ("-a,b" or "+c,d"): the first line and how
/// many.
std::pair<unsigned, unsigned> side(llvm::StringRef Header, char Sign) {
  llvm::StringRef Range =
      Header.split((" " + llvm::Twine(Sign)).str()).second.split(' ').first;
  auto [First, Count] = Range.split(',');
  unsigned Start = 0, N = 1;
  First.getAsInteger(10, Start);
  if (!Count.empty())
    Count.getAsInteger(10, N);
  return {Start, N};
}

/// The lines [first, last] of a hunk that adds \p Count lines from \p First.
/// git never writes a start of 0 with lines, nor a range past the last line
/// number; such a header is read on the side of reporting too much, never
/// as a range that holds no line (a wrapped end).
std::pair<unsigned, unsigned> addedLines(unsigned First, unsigned Count) {
  First = std::max(First, 1u);
  uint64_t Last = uint64_t(First) + Count - 1;
  return {First, unsigned(std::min<uint64_t>(Last, UINT_MAX))};
}

} // namespace

bool ChangedLines::touches(llvm::StringRef AbsPath, unsigned Line) const {
  auto It = Files.find(AbsPath.str());
  if (It == Files.end())
    return false;
  for (auto [First, Last] : It->second)
    if (First <= Line && Line <= Last)
      return true;
  return false;
}

void ChangedLines::addWholeFile(const std::string &AbsPath) {
  Files[AbsPath] = {{1, UINT_MAX}};
}

ChangedLines parseUnifiedDiff(llvm::StringRef Diff, llvm::StringRef TopLevel) {
  ChangedLines Out;
  std::string Current;
  // The hunk's lines still to come: a line of code may look like a header.
  unsigned InHunk = 0;
  llvm::SmallVector<llvm::StringRef, 0> Lines;
  Diff.split(Lines, '\n');
  for (llvm::StringRef Line : Lines) {
    if (InHunk) {
      InHunk -= startsWith(Line, "+") || startsWith(Line, "-");
      continue;
    }
    if (Line.consume_front("+++ ")) {
      // git quotes a path with unusual bytes; core.quotePath=false keeps
      // the others as they are.
      Line = Line.trim('"');
      Current = Line.consume_front("b/") ? underTop(TopLevel, Line) : "";
      if (!Current.empty())
        Out.Files[Current];
      continue;
    }
    if (Current.empty() || !startsWith(Line, "@@ "))
      continue;
    auto [First, Count] = side(Line, '+');
    InHunk = side(Line, '-').second + Count;
    if (Count != 0)
      Out.Files[Current].push_back(addedLines(First, Count));
  }
  return Out;
}

llvm::Expected<ChangedLines> changedSince(llvm::StringRef Ref,
                                          llvm::StringRef Dir) {
  if (Ref.empty() || startsWith(Ref, "-"))
    return gitError("'" + Ref + "' is not a revision");
  auto Top = runGit({"rev-parse", "--show-toplevel"}, Dir);
  if (!Top)
    return Top.takeError();
  std::string TopLevel = llvm::StringRef(*Top).trim().str();
  // The revision alone, so a bad one is named before the diff.
  std::string Commit = (Ref + "^{commit}").str();
  if (auto Valid = runGit({"rev-parse", "--verify", "--quiet", Commit}, Dir);
      !Valid) {
    llvm::consumeError(Valid.takeError());
    return gitError("'" + Ref + "' is not a commit in " + TopLevel);
  }
  auto Diff = runGit({"-c", "core.quotePath=false", "diff", "--no-color",
                      "--no-ext-diff", "--no-renames", "-U0", "--diff-filter=d",
                      "--src-prefix=a/", "--dst-prefix=b/", Ref, "--"},
                     TopLevel);
  if (!Diff)
    return Diff.takeError();
  ChangedLines Out = parseUnifiedDiff(*Diff, TopLevel);
  auto New = runGit({"-c", "core.quotePath=false", "ls-files", "--others",
                     "--exclude-standard"},
                    TopLevel);
  if (!New)
    return New.takeError();
  llvm::SmallVector<llvm::StringRef, 16> Untracked;
  llvm::StringRef(*New).split(Untracked, '\n', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef File : Untracked)
    Out.addWholeFile(underTop(TopLevel, File));
  return Out;
}

} // namespace rehost
