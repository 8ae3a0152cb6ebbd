//===- UnifiedDiff.cpp - A unified diff of planned edits ------------------===//
//
// The edits are known exactly, so the diff is built from them rather than
// rediscovered by a line-matching algorithm: each changed line range becomes
// a '-' block followed by its '+' block, with three lines of context.
//
//===----------------------------------------------------------------------===//

#include "rehost/EditApplier.h"

#include "rehost/LLVMCompat.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/FormatVariadic.h"

#include <algorithm>

namespace rehost {
namespace {

constexpr unsigned Context = 3;

/// Line I of the text spans [Starts[I], Starts[I + 1]).
struct Lines {
  explicit Lines(llvm::StringRef Text) : Text(Text) {
    Starts.push_back(0);
    for (size_t I = 0; I < Text.size(); ++I)
      if (Text[I] == '\n' && I + 1 < Text.size())
        Starts.push_back(I + 1);
    Starts.push_back(Text.size());
  }
  unsigned count() const { return Starts.size() - 1; }
  unsigned lineOf(unsigned Offset) const {
    auto It = std::upper_bound(Starts.begin(), Starts.end() - 1, Offset);
    return std::max<int>(0, It - Starts.begin() - 1);
  }
  llvm::StringRef line(unsigned I) const {
    return Text.slice(Starts[I], Starts[I + 1]);
  }

  llvm::StringRef Text;
  llvm::SmallVector<size_t, 64> Starts;
};

/// Old lines [First, First + Count) replaced as a whole by NewText; a pure
/// insertion before line First has Count 0.
struct Block {
  unsigned First = 0;
  unsigned Count = 0;
  size_t Begin = 0, End = 0; ///< The old text the lines span.
  std::string NewText;
};

void emitLines(llvm::StringRef Text, char Prefix, std::string &Out,
               unsigned &Count) {
  while (!Text.empty()) {
    auto [Line, Rest] = Text.split('\n');
    Out += Prefix;
    Out += Line.str();
    Out += '\n';
    if (Rest.empty() && !endsWith(Text, "\n"))
      Out += "\\ No newline at end of file\n";
    ++Count;
    Text = Rest;
  }
}

/// The whole lines each edit touches; an insertion of whole lines at a line
/// start touches none. Blocks that meet are merged.
std::vector<Block> changedBlocks(const Lines &L, llvm::StringRef Old,
                                 llvm::ArrayRef<FileEdit> Edits) {
  std::vector<Block> Blocks;
  for (const FileEdit &E : Edits) {
    Block B;
    bool AtLineStart =
        E.Offset == Old.size() || E.Offset == 0 || Old[E.Offset - 1] == '\n';
    if (E.Length == 0 && AtLineStart && endsWith(E.Text, "\n")) {
      B.First = E.Offset == Old.size() ? L.count() : L.lineOf(E.Offset);
      B.Begin = B.End = E.Offset;
    } else {
      B.First = L.lineOf(E.Offset);
      unsigned Last = L.lineOf(E.Length ? E.Offset + E.Length - 1 : E.Offset);
      B.Begin = L.Starts[B.First];
      B.End = L.Starts[Last + 1];
    }
    if (!Blocks.empty() && B.Begin <= Blocks.back().End) {
      Blocks.back().End = std::max(Blocks.back().End, B.End);
    } else {
      Blocks.push_back(B);
    }
  }
  for (Block &B : Blocks) {
    B.Count = B.End == B.Begin ? 0 : L.lineOf(B.End - 1) - B.First + 1;
    std::string Text = Old.slice(B.Begin, B.End).str();
    for (const FileEdit &E : llvm::reverse(Edits))
      if (E.Offset >= B.Begin && E.Offset + E.Length <= B.End)
        Text.replace(E.Offset - B.Begin, E.Length, E.Text);
    B.NewText = std::move(Text);
  }
  return Blocks;
}

} // namespace

std::string unifiedDiff(llvm::StringRef DisplayPath, llvm::StringRef Old,
                        llvm::ArrayRef<FileEdit> Edits) {
  if (Edits.empty())
    return {};
  Lines L(Old);
  std::vector<Block> Blocks = changedBlocks(L, Old, Edits);
  auto LastOf = [](const Block &B) { return B.First + B.Count; };

  std::string Out =
      ("--- a/" + DisplayPath + "\n+++ b/" + DisplayPath + "\n").str();
  int Shift = 0; // New line numbers run ahead of old ones by this much.
  for (size_t I = 0; I < Blocks.size();) {
    // A hunk holds every block whose context touches the previous one's.
    size_t J = I + 1;
    while (J < Blocks.size() &&
           Blocks[J].First <= LastOf(Blocks[J - 1]) + 2 * Context)
      ++J;
    unsigned Start = Blocks[I].First > Context ? Blocks[I].First - Context : 0;
    unsigned End = std::min(L.count(), LastOf(Blocks[J - 1]) + Context);

    std::string Body;
    unsigned OldCount = 0, NewCount = 0, Line = Start;
    auto Context = [&](unsigned Until) {
      for (; Line < Until; ++Line) {
        Body += ' ';
        Body += L.line(Line).str();
        if (!endsWith(L.line(Line), "\n"))
          Body += "\n\\ No newline at end of file\n";
        ++OldCount;
        ++NewCount;
      }
    };
    for (size_t K = I; K < J; ++K) {
      Context(Blocks[K].First);
      emitLines(Old.slice(Blocks[K].Begin, Blocks[K].End), '-', Body, OldCount);
      emitLines(Blocks[K].NewText, '+', Body, NewCount);
      Line = LastOf(Blocks[K]);
    }
    Context(End);
    Out += llvm::formatv("@@ -{0},{1} +{2},{3} @@\n", Start + 1, OldCount,
                         Start + 1 + Shift, NewCount)
               .str();
    Out += Body;
    Shift += static_cast<int>(NewCount) - static_cast<int>(OldCount);
    I = J;
  }
  return Out;
}

} // namespace rehost
