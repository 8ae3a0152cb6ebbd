//===- Suppression.cpp - Comments that silence a finding ------------------===//

#include "rehost/Suppression.h"

#include "rehost/LLVMCompat.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/Regex.h"

#include <optional>
#include <vector>

namespace rehost {
namespace {

/// One NOLINT directive found in a line.
struct Directive {
  llvm::StringRef Kind;   ///< "", "NEXTLINE", "BEGIN" or "END".
  llvm::StringRef Checks; ///< The list inside the parentheses, as written.
  bool HasList = false;
  std::string Reason;
};

/// What follows a directive, without the separators people put before a
/// reason or the end of a block comment.
std::string reasonAfter(llvm::StringRef Rest) {
  Rest = Rest.trim();
  if (endsWith(Rest, "*/")) // A block comment's end is no reason.
    Rest = Rest.drop_back(2).rtrim();
  return Rest.ltrim(" \t:-").str();
}

/// Every NOLINT directive in \p Line. A directive whose check list is not
/// closed is ignored, as clang-tidy ignores it.
std::vector<Directive> directivesIn(llvm::StringRef Line) {
  std::vector<Directive> Out;
  for (size_t At; (At = Line.find("NOLINT")) != llvm::StringRef::npos;) {
    Line = Line.drop_front(At + 6);
    Directive D;
    for (llvm::StringRef Kind : {"NEXTLINE", "BEGIN", "END"})
      if (startsWith(Line, Kind)) {
        D.Kind = Kind;
        Line = Line.drop_front(Kind.size());
        break;
      }
    if (startsWith(Line, "(")) {
      size_t Close = Line.find(')');
      if (Close == llvm::StringRef::npos)
        continue;
      D.HasList = true;
      D.Checks = Line.slice(1, Close);
      Line = Line.drop_front(Close + 1);
    }
    D.Reason = reasonAfter(Line.split("NOLINT").first);
    Out.push_back(std::move(D));
  }
  return Out;
}

/// Whether \p Glob matches all of \p Check, '*' matching any run of
/// characters and every other character itself, as in clang-tidy's check
/// lists. In time linear in their product: llvm::GlobPattern backtracks
/// exponentially on a comment such as `NOLINT(a*****...*b)` (a scan of that
/// file hung; found by fuzz/suppression.cpp).
bool globMatches(llvm::StringRef Glob, llvm::StringRef Check) {
  size_t G = 0, C = 0;
  size_t StarAt = llvm::StringRef::npos, ResumeAt = 0;
  while (C < Check.size()) {
    if (G < Glob.size() && Glob[G] == '*') {
      StarAt = G++;
      ResumeAt = C;
    } else if (G < Glob.size() && Glob[G] == Check[C]) {
      ++G;
      ++C;
    } else if (StarAt != llvm::StringRef::npos) {
      G = StarAt + 1;
      C = ++ResumeAt;
    } else {
      return false;
    }
  }
  return Glob.drop_front(G).find_first_not_of('*') == llvm::StringRef::npos;
}

bool names(const Directive &D, llvm::StringRef Check) {
  if (!D.HasList)
    return true;
  llvm::SmallVector<llvm::StringRef, 4> Globs;
  D.Checks.split(Globs, ',', -1, /*KeepEmpty=*/false);
  return llvm::any_of(Globs, [&](llvm::StringRef Glob) {
    return globMatches(Glob.trim(), Check);
  });
}

/// `// rehost: allow(reason)` (the reason may be left out).
std::optional<Suppression> allowIn(llvm::StringRef Line) {
  static const llvm::Regex Allow("rehost:[ \t]*allow(\\(([^)]*)\\))?");
  llvm::SmallVector<llvm::StringRef, 3> Match;
  if (!Allow.match(Line, &Match))
    return std::nullopt;
  return Suppression{AllowForm.str(), Match[2].trim().str()};
}

std::optional<Suppression> sameLine(llvm::StringRef Line,
                                    llvm::StringRef Check) {
  for (const Directive &D : directivesIn(Line))
    if (D.Kind.empty() && names(D, Check))
      return Suppression{"NOLINT", D.Reason};
  return allowIn(Line);
}

std::optional<Suppression> previousLine(llvm::StringRef Line,
                                        llvm::StringRef Check) {
  for (const Directive &D : directivesIn(Line))
    if (D.Kind == "NEXTLINE" && names(D, Check))
      return Suppression{"NOLINTNEXTLINE", D.Reason};
  return std::nullopt;
}

/// The innermost NOLINTBEGIN region open at the end of \p Before that names
/// \p Check. A NOLINTEND closes the latest region with the same check list.
std::optional<Suppression> openRegion(llvm::StringRef Before,
                                      llvm::StringRef Check) {
  std::vector<Directive> Open;
  llvm::SmallVector<llvm::StringRef, 64> Lines;
  Before.split(Lines, '\n');
  for (llvm::StringRef Line : Lines)
    for (Directive &D : directivesIn(Line)) {
      if (D.Kind == "BEGIN") {
        Open.push_back(std::move(D));
      } else if (D.Kind == "END") {
        auto Same = llvm::find_if(llvm::reverse(Open), [&](const Directive &B) {
          return B.HasList == D.HasList && B.Checks.trim() == D.Checks.trim();
        });
        if (Same != Open.rend())
          Open.erase(std::next(Same).base());
      }
    }
  for (const Directive &D : llvm::reverse(Open))
    if (names(D, Check))
      return Suppression{"NOLINTBEGIN", D.Reason};
  return std::nullopt;
}

} // namespace

Suppression findSuppression(llvm::StringRef Text, unsigned Offset,
                            llvm::StringRef Check) {
  Offset = std::min<size_t>(Offset, Text.size());
  size_t LineStart = Text.rfind('\n', Offset);
  LineStart = LineStart == llvm::StringRef::npos ? 0 : LineStart + 1;
  llvm::StringRef Line = Text.slice(LineStart, Text.find('\n', Offset));
  if (auto S = sameLine(Line, Check))
    return *S;
  if (LineStart != 0) {
    llvm::StringRef Before = Text.take_front(LineStart - 1);
    size_t PreviousStart = Before.rfind('\n');
    PreviousStart =
        PreviousStart == llvm::StringRef::npos ? 0 : PreviousStart + 1;
    if (auto S = previousLine(Before.drop_front(PreviousStart), Check))
      return *S;
    if (auto S = openRegion(Before, Check))
      return *S;
  }
  return {};
}

} // namespace rehost
