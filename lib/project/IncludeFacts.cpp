//===- IncludeFacts.cpp - What one file's text tells the pre-filter -------===//
//
// A reader of directives and identifiers: it skips comments and literals as
// the preprocessor does, so that no `#include` hides from it and no word in
// them counts as an identifier, and errs on the side of seeing one more (a `#`
// after a block comment that spans lines counts as a directive). Literals end
// at the end of their line, so a misread one can never swallow a directive on a
// later line.
//
//===----------------------------------------------------------------------===//

#include "rehost/IncludeFacts.h"

#include "rehost/Catalog.h"
#include "rehost/LLVMCompat.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/xxhash.h"

#include <algorithm>

namespace rehost {
namespace {

bool isIdentifierChar(char C) {
  return llvm::isAlnum(C) || C == '_' || C == '$' ||
         static_cast<unsigned char>(C) >= 0x80;
}

bool isHorizontalSpace(char C) {
  return C == ' ' || C == '\t' || C == '\f' || C == '\v' || C == '\r';
}

/// The directives the preprocessor knows, besides conditionals and includes.
bool isOtherKnownDirective(llvm::StringRef Name) {
  static constexpr llvm::StringLiteral Known[] = {
      "define", "undef",  "line",     "warning", "pragma", "ident",
      "sccs",   "assert", "unassert", "embed",   "error"};
  return llvm::is_contained(Known, Name) ||
         (!Name.empty() && llvm::all_of(Name, llvm::isDigit)); // # 12 "f"
}

/// The directives that read another file.
bool isIncludeDirective(llvm::StringRef Name) {
  return Name == "include" || Name == "include_next" || Name == "import" ||
         Name == "__include_macros";
}

class DirectiveReader {
public:
  explicit DirectiveReader(llvm::StringRef Text) : T(Text) {}

  IncludeFacts read() {
    while (I < T.size())
      step();
    finish();
    return std::move(Facts);
  }

private:
  /// One step of the top level: whitespace, a comment, a directive, or one
  /// token of code.
  void step() {
    char C = T[I];
    if (C == '\n') {
      AtLineStart = true;
      ++I;
      return;
    }
    if (skipSplice() || skipComment())
      return;
    if (isHorizontalSpace(C)) {
      ++I;
      return;
    }
    // The byte order mark, and the Unicode spaces Clang also skips (with a
    // warning): a `#` after them still starts a directive. Any other
    // non-ASCII byte before a `#` counts alike: one directive too many is
    // safe, one missed is not.
    if (AtLineStart && static_cast<unsigned char>(C) >= 0x80) {
      ++I;
      return;
    }
    if (AtLineStart && skipHash()) {
      directive();
      return;
    }
    AtLineStart = false;
    significant();
    codeToken();
  }

  /// A backslash-newline: the line goes on.
  bool skipSplice() {
    if (T[I] != '\\')
      return false;
    size_t J = I + 1;
    while (J < T.size() && isHorizontalSpace(T[J]) && T[J] != '\n')
      ++J;
    if (J < T.size() && T[J] == '\n') {
      I = J + 1;
      return true;
    }
    return false;
  }

  /// A comment. A block comment that spans lines leaves the next token at
  /// the start of a line, so a `#` after it counts as a directive.
  bool skipComment() {
    if (T[I] != '/' || I + 1 >= T.size())
      return false;
    if (T[I + 1] == '*') {
      size_t End = T.find("*/", I + 2);
      End = End == llvm::StringRef::npos ? T.size() : End + 2;
      if (T.slice(I, End).contains('\n'))
        AtLineStart = true;
      I = End;
      return true;
    }
    if (T[I + 1] == '/') {
      skipToLineEnd();
      return true;
    }
    return false;
  }

  /// To the newline that ends the logical line (not consumed).
  void skipToLineEnd() {
    while (I < T.size() && T[I] != '\n')
      if (!skipSplice())
        ++I;
  }

  /// `#`, `%:` or `??=` (a trigraph only some modes read: counting it can
  /// only add an include).
  bool skipHash() {
    if (T[I] == '#') {
      ++I;
      return true;
    }
    if (startsWith(T.substr(I), "%:")) {
      I += 2;
      return true;
    }
    if (startsWith(T.substr(I), "?\?=")) {
      I += 3;
      return true;
    }
    return false;
  }

  /// Spaces and comments inside a directive line.
  /// Steps over a block comment starting at I, if one does (to the end of
  /// the text when it is not closed).
  bool skipBlockComment() {
    if (T[I] != '/' || !startsWith(T.substr(I), "/*"))
      return false;
    size_t End = T.find("*/", I + 2);
    I = End == llvm::StringRef::npos ? T.size() : End + 2;
    return true;
  }

  void skipDirectiveSpace() {
    while (I < T.size() && T[I] != '\n') {
      if (isHorizontalSpace(T[I])) {
        ++I;
        continue;
      }
      if (skipSplice())
        continue;
      if (skipBlockComment())
        continue;
      return;
    }
  }

  std::string identifier() {
    std::string Name;
    while (I < T.size()) {
      if (skipSplice())
        continue;
      if (!isIdentifierChar(T[I]))
        break;
      Name += T[I++];
    }
    return Name;
  }

  void directive() {
    skipDirectiveSpace();
    std::string Name = identifier();
    if (Name == "if" || Name == "ifdef" || Name == "ifndef") {
      openConditional(Name);
    } else if (Name == "else" || Name == "elif" || Name == "elifdef" ||
               Name == "elifndef") {
      if (Depth == 1 && GuardOpen)
        GuardPossible = false; // The guard has another branch.
    } else if (Name == "endif") {
      closeConditional();
    } else if (isIncludeDirective(Name)) {
      significant();
      include(Name == "include_next");
    } else if (!Name.empty() && Name != "pragma") {
      significant();
      if (Name == "error" || !isOtherKnownDirective(Name))
        ErrorDepths.push_back(Depth);
    }
    skipDirectiveRest();
  }

  void openConditional(llvm::StringRef Name) {
    bool FirstThing = !SawSignificant && Depth == 0;
    significant();
    ++Depth;
    if (FirstThing && isGuardCondition(Name)) {
      GuardOpen = true;
      GuardPossible = true;
    }
  }

  /// `#ifndef X` or `#if !defined X` / `#if !defined(X)`: an include guard
  /// when it is the file's first directive and its #endif its last.
  bool isGuardCondition(llvm::StringRef Name) {
    if (Name == "ifndef")
      return true;
    if (Name != "if")
      return false;
    size_t End = T.find('\n', I);
    std::string Rest;
    for (char C : T.slice(I, End == llvm::StringRef::npos ? T.size() : End))
      if (!isHorizontalSpace(C))
        Rest += C;
    llvm::StringRef R(Rest);
    if (!R.consume_front("!defined"))
      return false;
    if (R.consume_front("(") && !R.consume_back(")"))
      return false;
    return !R.empty() && llvm::all_of(R, isIdentifierChar);
  }

  void closeConditional() {
    if (Depth == 0) {
      Unbalanced = true;
      return;
    }
    --Depth;
    if (Depth == 0 && GuardOpen) {
      GuardOpen = false;
      GuardClosed = true;
    }
  }

  /// Anything but the guard's own directives: after the guard's #endif it
  /// means the guard does not cover the whole file.
  void significant() {
    SawSignificant = true;
    if (GuardClosed)
      GuardPossible = false;
  }

  void include(bool Next) {
    skipDirectiveSpace();
    if (I >= T.size() || (T[I] != '"' && T[I] != '<')) {
      Facts.ComputedInclude = true;
      return;
    }
    char Close = T[I] == '"' ? '"' : '>';
    size_t Start = ++I;
    while (I < T.size() && T[I] != Close && T[I] != '\n')
      ++I;
    if (I >= T.size() || T[I] != Close) {
      Facts.ComputedInclude = true; // Unterminated: the compiler decides.
      return;
    }
    SpelledInclude Include;
    Include.Name = T.slice(Start, I).str();
    Include.Angled = Close == '>';
    Include.Next = Next;
    ++I;
    Facts.Includes.push_back(std::move(Include));
    Depths.push_back(Depth);
  }

  /// The rest of a directive's logical line; a block comment in it may
  /// carry it onto later lines.
  void skipDirectiveRest() {
    while (I < T.size() && T[I] != '\n') {
      if (skipSplice())
        continue;
      if (skipBlockComment())
        continue;
      if (T[I] == '/' && startsWith(T.substr(I), "//")) {
        skipToLineEnd();
        return;
      }
      if (T[I] == '"' || T[I] == '\'') {
        skipQuoted(T[I]);
        continue;
      }
      if (atNumber())
        ppNumber();
      else if (isIdentifierChar(T[I]))
        notedIdentifier();
      else
        ++I;
    }
  }

  /// Whether a preprocessing number starts at I (its digits are no
  /// identifier: 0xff).
  bool atNumber() const {
    return llvm::isDigit(T[I]) ||
           (T[I] == '.' && I + 1 < T.size() && llvm::isDigit(T[I + 1]));
  }

  /// The identifier starting at I, kept in the facts.
  std::string notedIdentifier() {
    std::string Name = identifier();
    Facts.Identifiers.push_back(identifierHash(Name));
    return Name;
  }

  /// A string or character literal, to its closing quote or the end of its
  /// line, whichever comes first.
  void skipQuoted(char Quote) {
    ++I;
    while (I < T.size() && T[I] != '\n') {
      if (skipSplice())
        continue;
      if (T[I] == '\\') {
        I += 2;
        continue;
      }
      if (T[I++] == Quote)
        return;
    }
  }

  void codeToken() {
    char C = T[I];
    if (C == '"' || C == '\'') {
      skipQuoted(C);
      return;
    }
    if (atNumber()) {
      ppNumber();
      return;
    }
    if (isIdentifierChar(C)) {
      std::string Name = notedIdentifier();
      if (I < T.size() && T[I] == '"' &&
          (Name == "R" || Name == "LR" || Name == "uR" || Name == "UR" ||
           Name == "u8R"))
        rawString();
      return;
    }
    ++I;
  }

  /// A preprocessing number, digit separators (1'000) included.
  void ppNumber() {
    while (I < T.size()) {
      char C = T[I];
      if ((C == 'e' || C == 'E' || C == 'p' || C == 'P') && I + 1 < T.size() &&
          (T[I + 1] == '+' || T[I + 1] == '-')) {
        I += 2;
        continue;
      }
      if (C == '\'' && I + 1 < T.size() && isIdentifierChar(T[I + 1])) {
        I += 2;
        continue;
      }
      if (!isIdentifierChar(C) && C != '.')
        return;
      ++I;
    }
  }

  /// R"delim( ... )delim". One that is not closed is left to the ordinary
  /// reading (a string to the end of the line).
  void rawString() {
    size_t Open = T.find('(', I + 1);
    if (Open == llvm::StringRef::npos || Open - I - 1 > 16) {
      skipQuoted('"');
      return;
    }
    llvm::StringRef Delimiter = T.slice(I + 1, Open);
    if (llvm::any_of(Delimiter, [](char C) {
          return C == ' ' || C == '\\' || C == ')' || C == '\n' || C == '\t';
        })) {
      skipQuoted('"');
      return;
    }
    std::string Close = (")" + Delimiter + "\"").str();
    size_t End = T.find(Close, Open + 1);
    if (End == llvm::StringRef::npos) {
      skipQuoted('"');
      return;
    }
    if (T.slice(I, End).contains('\n'))
      Facts.MultiLineRawString = true;
    I = End + Close.size();
  }

  void finish() {
    bool Guarded = GuardPossible && GuardClosed && Depth == 0;
    unsigned Outer = Guarded ? 1 : 0;
    for (size_t K = 0; K != Facts.Includes.size(); ++K)
      Facts.Includes[K].Conditional = Depths[K] > Outer;
    for (unsigned D : ErrorDepths)
      (D > Outer ? Facts.ConditionalError : Facts.UnconditionalError) = true;
    if (Unbalanced || Depth != 0)
      Facts.UnconditionalError = true;
    Facts.MayNameClientApi = mayNameClientApi(T);
    llvm::sort(Facts.Identifiers);
    Facts.Identifiers.erase(
        std::unique(Facts.Identifiers.begin(), Facts.Identifiers.end()),
        Facts.Identifiers.end());
  }

  llvm::StringRef T;
  size_t I = 0;
  bool AtLineStart = true;
  unsigned Depth = 0;
  bool SawSignificant = false;
  bool GuardOpen = false, GuardClosed = false, GuardPossible = false;
  bool Unbalanced = false;
  std::vector<unsigned> Depths, ErrorDepths;
  IncludeFacts Facts;
};

} // namespace

IncludeFacts scanIncludeFacts(llvm::StringRef Text) {
  return DirectiveReader(Text).read();
}

uint64_t identifierHash(llvm::StringRef Identifier) {
  return llvm::xxHash64(Identifier);
}

bool spellsIdentifier(const IncludeFacts &Facts, uint64_t Hash) {
  return std::binary_search(Facts.Identifiers.begin(), Facts.Identifiers.end(),
                            Hash);
}

} // namespace rehost
