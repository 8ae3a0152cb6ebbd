//===- TextWriter.cpp - Compiler-style diagnostics ------------------------===//
//
// The layout is a compiler's (file:line:col: warning: message [rule], then
// the source line and a caret, then a note per hop of a derived finding) so
// editors and CI problem matchers read it.
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
      // A suppressed finding is one line, as the comment that silenced it
      // is what a reader looks for.
      if (!F.isActive()) {
        OS << File.DisplayPath << ':' << F.Line << ':' << F.Column
           << ": note: suppressed by " << F.SuppressedBy
           << (F.Reason.empty() ? "" : " (" + F.Reason + ")") << ": "
           << F.message() << " [" << checkName(F.R) << "]\n";
        continue;
      }
      OS << File.DisplayPath << ':' << F.Line << ':' << F.Column
         << ": warning: " << F.message() << " [" << checkName(F.R) << "]\n";
      OS << F.LineText << '\n';
      // Tabs are copied so the caret lines up however the line is shown.
      for (unsigned I = 0; I + 1 < F.Column && I < F.LineText.size(); ++I)
        OS << (F.LineText[I] == '\t' ? '\t' : ' ');
      OS << "^\n";
      // A derived finding's hops, each where it hands the value on, as a
      // compiler notes where a value came from.
      for (size_t I = 0; I != F.Chain.size(); ++I) {
        const FlowStep &Step = F.Chain[I];
        OS << placeOf(Step);
        if (Step.Column)
          OS << ':' << Step.Column;
        OS << ": note: " << F.hopMessage(I) << '\n';
      }
    }
  }
}

} // namespace rehost
