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
#include <optional>
#include <set>

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

/// A path as git writes it in a diff header: C-style quoted when it holds a
/// quote, a backslash or a control byte (and, with core.quotePath, a byte
/// above 0x7f; octal escapes), else bare and, when it holds a space, followed
/// by a TAB (for GNU patch). std::nullopt when the quoting is malformed.
std::optional<std::string> unquoteGitPath(llvm::StringRef Text) {
  if (!Text.consume_front("\"")) {
    // A bare path ends at the TAB git writes after one with a space.
    return Text.split('\t').first.str();
  }
  std::string Out;
  while (!Text.empty()) {
    char C = Text.front();
    Text = Text.drop_front();
    if (C == '"')
      return Text.empty() || Text.front() == '\t' ? std::optional(Out)
                                                  : std::nullopt;
    if (C != '\\') {
      Out += C;
      continue;
    }
    if (Text.empty())
      return std::nullopt;
    char E = Text.front();
    Text = Text.drop_front();
    static constexpr llvm::StringLiteral From = "abtnvfr\"\\",
                                         To = "\a\b\t\n\v\f\r\"\\";
    if (size_t At = From.find(E); At != llvm::StringRef::npos) {
      Out += To[At];
      continue;
    }
    unsigned Byte = 0;
    if (E < '0' || E > '3' || Text.size() < 2 ||
        Text.take_front(2).getAsInteger(8, Byte))
      return std::nullopt;
    Out += static_cast<char>((E - '0') * 64 + Byte);
    Text = Text.drop_front(2);
  }
  return std::nullopt;
}

/// The entries of git's -z output.
llvm::SmallVector<llvm::StringRef, 16> splitNul(llvm::StringRef Text) {
  llvm::SmallVector<llvm::StringRef, 16> Out;
  Text.split(Out, '\0', -1, /*KeepEmpty=*/false);
  return Out;
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

llvm::Expected<ChangedLines> parseUnifiedDiff(llvm::StringRef Diff,
                                              llvm::StringRef TopLevel) {
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
      Current.clear();
      if (Line == "/dev/null")
        continue;
      std::optional<std::string> Path = unquoteGitPath(Line);
      llvm::StringRef Relative = Path ? llvm::StringRef(*Path) : "";
      if (!Relative.consume_front("b/"))
        return gitError("cannot read the path of git's diff header '+++ " +
                        Line + "'");
      Current = underTop(TopLevel, Relative);
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
  // Renames followed (a moved file's old lines are not new), deleted files
  // left out (nothing in them is left to check), no user configuration
  // (external diff, textconv, colour, prefixes) between git and the reader.
  llvm::SmallVector<llvm::StringRef, 16> Options = {"-c",
                                                    "core.quotePath=false",
                                                    "diff",
                                                    "--no-color",
                                                    "--no-ext-diff",
                                                    "--no-textconv",
                                                    "--find-renames",
                                                    "--diff-filter=d",
                                                    "--src-prefix=a/",
                                                    "--dst-prefix=b/"};
  auto WithOptions = [&](std::initializer_list<llvm::StringRef> More) {
    llvm::SmallVector<llvm::StringRef, 16> Args(Options);
    Args.append(More.begin(), More.end());
    return Args;
  };
  // The exact names (NUL-separated, never quoted), to check the diff's
  // headers were read right.
  auto Names = runGit(WithOptions({"-z", "--name-only", Ref, "--"}), TopLevel);
  if (!Names)
    return Names.takeError();
  auto Diff = runGit(WithOptions({"-U0", Ref, "--"}), TopLevel);
  if (!Diff)
    return Diff.takeError();
  auto Parsed = parseUnifiedDiff(*Diff, TopLevel);
  if (!Parsed)
    return Parsed.takeError();
  ChangedLines Out = std::move(*Parsed);
  std::set<std::string> Listed;
  for (llvm::StringRef Name : splitNul(*Names))
    Listed.insert(underTop(TopLevel, Name));
  for (const auto &[Path, Lines] : Out.Files)
    if (!Listed.count(Path))
      return gitError("git diff names '" + Path +
                      "', which git diff --name-only does not list");
  auto New =
      runGit({"ls-files", "-z", "--others", "--exclude-standard"}, TopLevel);
  if (!New)
    return New.takeError();
  for (llvm::StringRef File : splitNul(*New))
    Out.addWholeFile(underTop(TopLevel, File));
  return Out;
}

} // namespace rehost
