//===- MarkdownWriter.cpp - The fix report a reviewer reads in a PR -------===//
//
// GitHub-flavoured Markdown. Source lines go into table cells, so a `|` or a
// backtick in the code must neither end the cell nor the code span.
//
//===----------------------------------------------------------------------===//

#include "ReportView.h"

#include "rehost/LLVMCompat.h"

#include "llvm/Support/raw_ostream.h"

#include <algorithm>

namespace rehost {
namespace {

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

void writeTable(const Table &T, llvm::raw_ostream &OS) {
  OS << '|';
  for (llvm::StringRef Heading : T.Header)
    OS << ' ' << Heading << " |";
  OS << "\n|";
  for (size_t I = 0; I != T.Header.size(); ++I)
    OS << " --- |";
  OS << '\n';
  for (const std::vector<Paragraph> &Row : T.Rows) {
    OS << '|';
    for (const Paragraph &Cell : Row) {
      OS << ' ';
      writeParagraph(Cell, OS);
      OS << " |";
    }
    OS << '\n';
  }
}

void writeCodeBlock(const CodeBlock &Block, llvm::raw_ostream &OS) {
  OS << "```" << Block.Language << '\n';
  for (llvm::StringRef Line : Block.Lines)
    OS << Line << '\n';
  OS << "```\n";
}

} // namespace

void writeMarkdown(const Report &Input, llvm::raw_ostream &OS) {
  const Report R = sanitizedReport(Input);
  ReportView View = buildReportView(R);
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
  for (const FileSection &File : View.Files) {
    OS << "### ";
    writePlain(File.Path, OS);
    OS << "\n\n";
    if (!File.Error.empty()) {
      writePlain(File.Error, OS);
      OS << "\n\n";
    }
    if (!File.Findings.Rows.empty()) {
      writeTable(File.Findings, OS);
      OS << '\n';
    }
  }

  const LinkingSection &L = View.Linking;
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

} // namespace rehost
