//===- HtmlWriter.cpp - The fix report as one self-contained page ---------===//
//
// The Markdown report's content in the same order, for reviewers who open it
// in a browser or get it as a CI artifact. The page has inline CSS only: no
// scripts, no fonts, nothing fetched, and every piece of text is escaped.
//
//===----------------------------------------------------------------------===//

#include "ReportView.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/raw_ostream.h"

namespace rehost {
namespace {

constexpr llvm::StringLiteral Style = R"css(
body { font: 15px/1.5 system-ui, sans-serif; color: #1f2328; margin: 2em auto;
       max-width: 72em; padding: 0 1em; }
h1 { font-size: 1.6em; border-bottom: 1px solid #d0d7de; }
h2 { font-size: 1.3em; margin-top: 1.6em; border-bottom: 1px solid #d0d7de; }
h3 { font-size: 1.05em; font-family: ui-monospace, monospace; }
table { border-collapse: collapse; margin: .5em 0 1em; }
th, td { border: 1px solid #d0d7de; padding: .3em .6em; text-align: left;
         vertical-align: top; }
th { background: #f6f8fa; }
code, pre { font-family: ui-monospace, monospace; font-size: .9em;
            background: #f6f8fa; border-radius: 4px; }
code { padding: .1em .3em; white-space: pre-wrap; }
pre { padding: .8em 1em; overflow-x: auto; }
pre code { padding: 0; }
.share { font-weight: bold; }
.error { color: #b3261e; }
)css";

void writeEscaped(llvm::StringRef Text, llvm::raw_ostream &OS) {
  for (char C : Text) {
    switch (C) {
    case '&':
      OS << "&amp;";
      break;
    case '<':
      OS << "&lt;";
      break;
    case '>':
      OS << "&gt;";
      break;
    case '"':
      OS << "&quot;";
      break;
    case '\'':
      OS << "&#39;";
      break;
    default:
      OS << C;
    }
  }
}

void writeParagraph(const Paragraph &P, llvm::raw_ostream &OS) {
  for (const Span &S : P) {
    if (S.Code)
      OS << "<code>";
    writeEscaped(S.Text, OS);
    if (S.Code)
      OS << "</code>";
  }
}

void writeTable(const Table &T, llvm::raw_ostream &OS) {
  OS << "<table>\n<thead><tr>";
  for (llvm::StringRef Heading : T.Header) {
    OS << "<th>";
    writeEscaped(Heading, OS);
    OS << "</th>";
  }
  OS << "</tr></thead>\n<tbody>\n";
  for (const std::vector<Paragraph> &Row : T.Rows) {
    OS << "<tr>";
    for (const Paragraph &Cell : Row) {
      OS << "<td>";
      writeParagraph(Cell, OS);
      OS << "</td>";
    }
    OS << "</tr>\n";
  }
  OS << "</tbody>\n</table>\n";
}

/// The derived findings' paths, as a list under the table.
void writeChains(const std::vector<Paragraph> &Chains, llvm::raw_ostream &OS) {
  if (llvm::all_of(Chains, [](const Paragraph &P) { return P.empty(); }))
    return;
  OS << "<ul class=\"chains\">\n";
  for (const Paragraph &Chain : Chains) {
    if (Chain.empty())
      continue;
    OS << "<li>";
    writeParagraph(Chain, OS);
    OS << "</li>\n";
  }
  OS << "</ul>\n";
}

void writeCodeBlock(const CodeBlock &Block, llvm::raw_ostream &OS) {
  OS << "<pre><code>";
  for (llvm::StringRef Line : Block.Lines) {
    writeEscaped(Line, OS);
    OS << '\n';
  }
  OS << "</code></pre>\n";
}

void writeHeading(unsigned Level, llvm::StringRef Text, llvm::raw_ostream &OS) {
  OS << "<h" << Level << '>';
  writeEscaped(Text, OS);
  OS << "</h" << Level << ">\n";
}

void writeParagraphElement(const Paragraph &P, llvm::StringRef Class,
                           llvm::raw_ostream &OS) {
  OS << (Class.empty() ? "<p>" : "<p class=\"" + Class.str() + "\">");
  writeParagraph(P, OS);
  OS << "</p>\n";
}

} // namespace

void writeHtml(const Report &Input, llvm::raw_ostream &OS) {
  const Report R = sanitizedReport(Input);
  ReportView View = buildReportView(R);
  OS << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta "
        "charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, "
        "initial-scale=1\">\n<title>";
  writeEscaped(View.Title, OS);
  OS << "</title>\n<style>" << Style << "</style>\n</head>\n<body>\n";
  writeHeading(1, View.Title, OS);

  writeHeading(2, View.SummaryHeading, OS);
  OS << "<table class=\"counts\">\n<tbody>\n";
  for (const Count &C : View.Counts) {
    OS << "<tr><th scope=\"row\">";
    writeEscaped(C.Label, OS);
    OS << "</th><td>" << C.Value << "</td></tr>\n";
  }
  OS << "</tbody>\n</table>\n";
  writeParagraphElement({Span{View.FixedShare, false}}, "share", OS);

  writeHeading(2, View.ProfilesHeading, OS);
  if (View.Profiles.Rows.empty())
    writeParagraphElement({Span{View.NoProfiles.str(), false}}, "", OS);
  else
    writeTable(View.Profiles, OS);

  writeHeading(2, View.FilesHeading, OS);
  if (View.Files.empty())
    writeParagraphElement({Span{View.NoFiles.str(), false}}, "", OS);
  for (const FileSection &File : View.Files) {
    OS << "<section>\n";
    writeHeading(3, File.Path, OS);
    if (!File.Error.empty())
      writeParagraphElement({Span{File.Error, false}}, "error", OS);
    if (!File.Findings.Rows.empty())
      writeTable(File.Findings, OS);
    writeChains(File.Chains, OS);
    OS << "</section>\n";
  }

  const LinkingSection &L = View.Linking;
  writeHeading(2, L.Heading, OS);
  writeParagraphElement(L.PkgConfigIntro, "", OS);
  writeCodeBlock(L.PkgConfig, OS);
  writeParagraphElement(L.CMakeIntro, "", OS);
  writeCodeBlock(L.CMake, OS);
  writeParagraphElement(L.Doctor, "", OS);
  writeParagraphElement(L.Deploy, "", OS);
  OS << "</body>\n</html>\n";
}

} // namespace rehost
