//===- TextWriter.cpp - Compiler-style diagnostics ------------------------===//
//
// The layout is a compiler's (file:line:col: warning: message [rule], then
// the source line and a caret) so editors and CI problem matchers read it.
// Files that could not be analysed were reported on stderr as it happened.
//
//===----------------------------------------------------------------------===//

#include "rehost/Report.h"

#include "llvm/Support/raw_ostream.h"

namespace rehost {

void writeText(const Report &Input, llvm::raw_ostream &OS) {
  const Report R = sanitizedReport(Input);
  for (const FileReport &File : R.Files) {
    for (const Finding &F : File.Findings) {
      OS << File.DisplayPath << ':' << F.Line << ':' << F.Column
         << ": warning: " << F.message() << " [rehost-" << ruleId(F.R)
         << "]\n";
      OS << F.LineText << '\n';
      // Tabs are copied so the caret lines up however the line is shown.
      for (unsigned I = 0; I + 1 < F.Column && I < F.LineText.size(); ++I)
        OS << (F.LineText[I] == '\t' ? '\t' : ' ');
      OS << "^\n";
    }
  }
}

} // namespace rehost
