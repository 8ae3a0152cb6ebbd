//===- MarkdownWriter.cpp - The fix report a reviewer reads in a PR -------===//
//
// GitHub-flavoured Markdown. Source lines go into table cells, so a `|` or a
// backtick in the code must neither end the cell nor the code span.
//
// The report is pasted as a pull-request comment, which GitHub refuses past
// 65,536 characters: a report that would be longer lists the findings that
// fit and says how many it left out and where they all are.
//
//===----------------------------------------------------------------------===//

#include "ReportView.h"

#include "rehost/LLVMCompat.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <string>
#include <vector>

namespace rehost {
namespace {

/// GitHub's limit on a comment, in characters (a byte count never
/// undercounts them); the margin leaves room for what a workflow wraps
/// around the report (a heading, a link to the run).
constexpr size_t CommentLimit = 65536;
constexpr size_t CommentMargin = 4096;
/// Kept for the note on what was left out when the findings are capped.
constexpr size_t NoteRoom = 512;

/// Backslash-escapes what Markdown would read as markup (emphasis, links,
/// HTML, cell borders, math).
void writePlain(llvm::StringRef Text, llvm::raw_ostream &OS) {
  for (char C : Text) {
    if (C == '\n' || C == '\r') {
      OS << ' ';
      continue;
    }
    if (llvm::StringRef("\\`*_[]<>|~&#$").contains(C))
      OS << '\\';
    OS << C;
  }
}

/// A code span whose fence is longer than any run of backticks inside it.
/// Pipes stay escaped even in code: GFM splits table cells before it parses
/// code spans, and removes the backslash again when it does.
void writeCode(llvm::StringRef Code, llvm::raw_ostream &OS) {
  size_t Longest = 0;
  for (size_t Run = 0, I = 0; I != Code.size(); ++I) {
    Run = Code[I] == '`' ? Run + 1 : 0;
    Longest = std::max(Longest, Run);
  }
  std::string Fence(Longest + 1, '`');
  // A space keeps a backtick at either end from joining the fence; Markdown
  // strips one from each side.
  bool Pad = startsWith(Code, "`") || endsWith(Code, "`");
  OS << Fence << (Pad ? " " : "");
  for (char C : Code) {
    if (C == '\n' || C == '\r')
      OS << ' ';
    else if (C == '|')
      OS << "\\|";
    else
      OS << C;
  }
  OS << (Pad ? " " : "") << Fence;
}

void writeParagraph(const Paragraph &P, llvm::raw_ostream &OS) {
  for (const Span &S : P) {
    if (S.Code)
      writeCode(S.Text, OS);
    else
      writePlain(S.Text, OS);
  }
}

void writeTableHeader(const Table &T, llvm::raw_ostream &OS) {
  OS << '|';
  for (llvm::StringRef Heading : T.Header)
    OS << ' ' << Heading << " |";
  OS << "\n|";
  for (size_t I = 0; I != T.Header.size(); ++I)
    OS << " --- |";
  OS << '\n';
}

void writeRow(const std::vector<Paragraph> &Row, llvm::raw_ostream &OS) {
  OS << '|';
  for (const Paragraph &Cell : Row) {
    OS << ' ';
    writeParagraph(Cell, OS);
    OS << " |";
  }
  OS << '\n';
}

void writeTable(const Table &T, llvm::raw_ostream &OS) {
  writeTableHeader(T, OS);
  for (const std::vector<Paragraph> &Row : T.Rows)
    writeRow(Row, OS);
}

void writeCodeBlock(const CodeBlock &Block, llvm::raw_ostream &OS) {
  OS << "```" << Block.Language << '\n';
  for (llvm::StringRef Line : Block.Lines)
    OS << Line << '\n';
  OS << "```\n";
}

/// The derived findings' paths, one list item each.
void writeChains(llvm::ArrayRef<Paragraph> Chains, llvm::raw_ostream &OS) {
  bool Any = false;
  for (const Paragraph &Chain : Chains) {
    if (Chain.empty())
      continue;
    OS << "- ";
    writeParagraph(Chain, OS);
    OS << '\n';
    Any = true;
  }
  if (Any)
    OS << '\n';
}

/// Every diff line starts with '@', '-' or '+', so none can close the
/// fence.
void writeDiff(llvm::ArrayRef<Hunk> Changes, llvm::raw_ostream &OS) {
  if (llvm::all_of(Changes, [](const Hunk &H) { return H.empty(); }))
    return;
  OS << "```diff\n";
  for (const Hunk &H : Changes)
    for (const std::string &Line : H)
      OS << Line << '\n';
  OS << "```\n\n";
}

/// One file's section with its first \p Shown findings (their rows and
/// what their rewrites change).
void writeFileSection(const FileSection &File, size_t Shown,
                      llvm::raw_ostream &OS) {
  OS << "### ";
  writePlain(File.Path, OS);
  OS << "\n\n";
  if (!File.Error.empty()) {
    writePlain(File.Error, OS);
    OS << "\n\n";
  }
  if (Shown == 0)
    return;
  writeTableHeader(File.Findings, OS);
  for (size_t I = 0; I != Shown; ++I)
    writeRow(File.Findings.Rows[I], OS);
  OS << '\n';
  writeChains(llvm::ArrayRef<Paragraph>(File.Chains).take_front(Shown), OS);
  writeDiff(llvm::ArrayRef<Hunk>(File.Changes).take_front(Shown), OS);
}

template <typename Render> size_t renderedSize(Render &&R) {
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  R(OS);
  return OS.str().size();
}

/// What of one file's section the report shows.
struct Shown {
  bool Section = false; ///< Its heading (and error, if any).
  size_t Findings = 0;  ///< Its first findings.
};

/// What fits in \p Room characters: files and findings in the report's
/// order, up to the first finding that does not fit, and nothing after it
/// (a reader must not take a later file's findings for all there are).
std::vector<Shown> whatFits(const std::vector<FileSection> &Files,
                            size_t Room) {
  std::vector<Shown> Out(Files.size());
  size_t Used = 0;
  for (size_t I = 0; I != Files.size(); ++I) {
    const FileSection &File = Files[I];
    auto SizeWith = [&](size_t Findings) {
      return renderedSize(
          [&](llvm::raw_ostream &OS) { writeFileSection(File, Findings, OS); });
    };
    size_t Rows = File.Findings.Rows.size();
    if (size_t All = SizeWith(Rows); Used + All <= Room) {
      Out[I] = {true, Rows};
      Used += All;
      continue;
    }
    // The longest prefix of its findings that fits (the size grows with
    // each finding).
    size_t Low = 0, High = Rows;
    while (Low < High) {
      size_t Mid = Low + (High - Low + 1) / 2;
      if (Used + SizeWith(Mid) <= Room)
        Low = Mid;
      else
        High = Mid - 1;
    }
    bool Worth = Low > 0 || !File.Error.empty();
    if (Worth && Used + SizeWith(Low) <= Room)
      Out[I] = {true, Low};
    break;
  }
  return Out;
}

size_t findingsIn(const std::vector<FileSection> &Files) {
  size_t N = 0;
  for (const FileSection &File : Files)
    N += File.Findings.Rows.size();
  return N;
}

size_t shownFindings(const std::vector<Shown> &Fit) {
  size_t N = 0;
  for (const Shown &S : Fit)
    N += S.Findings;
  return N;
}

size_t filesNotListed(const std::vector<Shown> &Fit) {
  return llvm::count_if(Fit, [](const Shown &S) { return !S.Section; });
}

/// The title, the summary, the profiles and the Files heading (with what is
/// said when no file is listed).
void writeHead(const ReportView &View, llvm::raw_ostream &OS) {
  OS << "# " << View.Title << "\n\n## " << View.SummaryHeading << "\n\n";
  for (const Count &C : View.Counts)
    OS << "- " << C.Label << ": " << C.Value << '\n';
  OS << "\n**";
  writePlain(View.FixedShare, OS);
  OS << "**\n\n";

  OS << "## " << View.ProfilesHeading << "\n\n";
  if (View.Profiles.Rows.empty())
    OS << View.NoProfiles << '\n';
  else
    writeTable(View.Profiles, OS);

  OS << "\n## " << View.FilesHeading << "\n\n";
  if (View.Files.empty())
    OS << View.NoFiles << "\n\n";
}

/// Says exactly what the capped report leaves out, and where it all is.
void writeCapNote(size_t Left, size_t Total, size_t FilesLeft,
                  llvm::raw_ostream &OS) {
  OS << "**Not shown: " << Left << " of " << Total
     << (Total == 1 ? " finding" : " findings");
  if (FilesLeft)
    OS << " (" << FilesLeft << (FilesLeft == 1 ? " file" : " files")
       << " not listed)";
  OS << ".** This report stops where GitHub's limit of " << CommentLimit
     << " characters for a comment would be reached. The JSON and HTML "
        "reports of the same run (`--format json`, `--format html`) list "
        "every finding.\n\n";
}

void writeLinking(const LinkingSection &L, llvm::raw_ostream &OS) {
  OS << "## " << L.Heading << "\n\n";
  writeParagraph(L.PkgConfigIntro, OS);
  OS << "\n\n";
  writeCodeBlock(L.PkgConfig, OS);
  OS << '\n';
  writeParagraph(L.CMakeIntro, OS);
  OS << "\n\n";
  writeCodeBlock(L.CMake, OS);
  OS << '\n';
  writeParagraph(L.Doctor, OS);
  OS << "\n\n";
  writeParagraph(L.Deploy, OS);
  OS << '\n';
}

} // namespace

void writeMarkdown(const Report &Input, llvm::raw_ostream &OS) {
  const Report R = sanitizedReport(Input);
  ReportView View = buildReportView(R);
  auto Head = [&](llvm::raw_ostream &Out) { writeHead(View, Out); };
  auto Linking = [&](llvm::raw_ostream &Out) {
    writeLinking(View.Linking, Out);
  };
  size_t Frame = renderedSize(Head) + renderedSize(Linking);
  size_t Budget = CommentLimit - CommentMargin;
  size_t Room = Budget > Frame ? Budget - Frame : 0;
  size_t Total = findingsIn(View.Files);
  auto LeavesOut = [&](const std::vector<Shown> &Fit) {
    return shownFindings(Fit) != Total || filesNotListed(Fit) != 0;
  };
  std::vector<Shown> Fit = whatFits(View.Files, Room);
  bool Capped = LeavesOut(Fit);
  if (Capped)
    Fit = whatFits(View.Files, Room > NoteRoom ? Room - NoteRoom : 0);

  Head(OS);
  if (Capped)
    writeCapNote(Total - shownFindings(Fit), Total, filesNotListed(Fit), OS);
  for (size_t I = 0; I != View.Files.size(); ++I)
    if (Fit[I].Section)
      writeFileSection(View.Files[I], Fit[I].Findings, OS);
  Linking(OS);
}

} // namespace rehost
