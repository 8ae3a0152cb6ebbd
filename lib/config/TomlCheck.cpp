//===- TomlCheck.cpp - Refuses config files toml++ 3.3.0 mishandles -------===//
//
// Mirrors runtime/src/toml_check.cpp; change both, and their shared table
// runtime/test/toml_bad_inputs.inc, together.
//
//===----------------------------------------------------------------------===//

#include "rehost/TomlCheck.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/Twine.h"

namespace rehost {
namespace {

/// The length of the valid UTF-8 sequence at Text[I], or 0 (overlong forms,
/// surrogates and code points past U+10FFFF are invalid).
size_t utf8Length(llvm::StringRef Text, size_t I) {
  auto Byte = [&](size_t K) {
    return K < Text.size() ? static_cast<unsigned char>(Text[K]) : 0u;
  };
  unsigned Lead = Byte(I);
  if (Lead < 0x80)
    return 1;
  size_t Length;
  unsigned Low = 0x80, High = 0xBF;
  if (Lead >= 0xC2 && Lead <= 0xDF) {
    Length = 2;
  } else if (Lead >= 0xE0 && Lead <= 0xEF) {
    Length = 3;
    if (Lead == 0xE0)
      Low = 0xA0;
    if (Lead == 0xED)
      High = 0x9F;
  } else if (Lead >= 0xF0 && Lead <= 0xF4) {
    Length = 4;
    if (Lead == 0xF0)
      Low = 0x90;
    if (Lead == 0xF4)
      High = 0x8F;
  } else {
    return 0;
  }
  if (Byte(I + 1) < Low || Byte(I + 1) > High)
    return 0;
  for (size_t K = 2; K < Length; ++K)
    if (Byte(I + K) < 0x80 || Byte(I + K) > 0xBF)
      return 0;
  return Length;
}

bool isBareKeyChar(char C) { return llvm::isAlnum(C) || C == '_' || C == '-'; }
bool isAscii(char C) { return static_cast<unsigned char>(C) < 0x80; }

enum class State { Normal, Comment, Basic, Literal, MlBasic, MlLiteral };

class TomlScanner {
public:
  explicit TomlScanner(llvm::StringRef Text) : Text(Text) {}

  /// Line 0 when the text is fine.
  void run(unsigned &Line, unsigned &Column, std::string &What) {
    while (I < Text.size() && ProblemLine == 0)
      step();
    Line = ProblemLine;
    Column = ProblemColumn;
    What = Problem;
  }

private:
  llvm::StringRef Text;
  size_t I = 0;
  unsigned Line = 1, Column = 1;
  State S = State::Normal;
  bool InValue = false; ///< After '=', until the line ends at depth 0.
  unsigned Depth = 0;   ///< Arrays and inline tables open in the value.
  unsigned ProblemLine = 0, ProblemColumn = 0;
  std::string Problem;

  bool at(llvm::StringRef S) const { return Text.substr(I, S.size()) == S; }

  void fail(llvm::StringRef What) {
    ProblemLine = Line;
    ProblemColumn = Column;
    Problem = What.str();
  }

  /// Moves past one character (\p N bytes), keeping line and column.
  void advance(size_t N = 1) {
    if (Text[I] == '\n') {
      ++Line;
      Column = 1;
    } else {
      ++Column;
    }
    I += N;
  }

  /// A value ends with its line unless an array or inline table is open.
  void endLine() {
    S = State::Normal;
    if (Depth == 0)
      InValue = false;
  }

  void step() {
    size_t Length = utf8Length(Text, I);
    if (Length == 0)
      return fail("invalid UTF-8 (the file must be UTF-8 text)");
    if (Length > 1) {
      if (S == State::Normal)
        return fail("non-ASCII character outside a string or comment (quote "
                    "the key: \"name\" = ...)");
      return advance(Length);
    }
    char C = Text[I];
    switch (S) {
    case State::Normal:
      return normal(C);
    case State::Comment:
      if (C == '\n')
        endLine();
      return advance();
    case State::Basic:
      if (C == '\\' && I + 1 < Text.size() && isAscii(Text[I + 1]) &&
          Text[I + 1] != '\n') {
        advance();
        return advance();
      }
      if (C == '"')
        S = State::Normal;
      else if (C == '\n')
        endLine();
      return advance();
    case State::Literal:
      if (C == '\'')
        S = State::Normal;
      else if (C == '\n')
        endLine();
      return advance();
    case State::MlBasic:
      if (C == '\\')
        return escapeInMultiline();
      if (at("\"\"\""))
        return closeMultiline('"');
      return advance();
    case State::MlLiteral:
      if (at("'''"))
        return closeMultiline('\'');
      return advance();
    }
  }

  void normal(char C) {
    if (C == '#') {
      S = State::Comment;
    } else if (C == '"' || C == '\'') {
      bool Triple = at(C == '"' ? "\"\"\"" : "'''");
      S = C == '"' ? (Triple ? State::MlBasic : State::Basic)
                   : (Triple ? State::MlLiteral : State::Literal);
      if (Triple) {
        advance();
        advance();
      }
    } else if (C == '=' && Depth == 0) {
      InValue = true;
    } else if (C == '\n') {
      endLine();
    } else if ((C == '[' || C == '{') && InValue) {
      ++Depth;
    } else if ((C == ']' || C == '}') && InValue && Depth > 0) {
      --Depth;
    } else if (C == '[' && !InValue) {
      return tableHeader();
    }
    advance();
  }

  /// toml++ 3.3.0 asserts when a header's key starts with anything but a key
  /// character or a quote (PR #301).
  void tableHeader() {
    advance();
    if (at("["))
      advance();
    while (at(" ") || at("\t"))
      advance();
    char Next = I < Text.size() ? Text[I] : '\n';
    if (!isBareKeyChar(Next) && Next != '"' && Next != '\'')
      fail("a table header must start with a key, as in [profiles.default]");
  }

  /// A line-ending backslash skips the whitespace that follows; toml++ 3.3.0
  /// misreads a non-ASCII character right after it (#190).
  void escapeInMultiline() {
    size_t K = I + 1;
    while (K < Text.size() && (Text[K] == ' ' || Text[K] == '\t'))
      ++K;
    if (K >= Text.size() || (Text[K] != '\n' && Text[K] != '\r')) {
      advance();
      if (I < Text.size() && isAscii(Text[I]))
        advance();
      return;
    }
    advance();
    while (I < Text.size() && llvm::StringRef(" \t\r\n").contains(Text[I]))
      advance();
    if (I < Text.size() && !isAscii(Text[I]))
      fail("non-ASCII character right after a line-ending backslash (put it "
           "on the line of the backslash or escape it as \\uXXXX)");
  }

  /// Up to two more quotes belong to the string: """a""""" is a"".
  void closeMultiline(char Quote) {
    advance();
    advance();
    advance();
    for (int Extra = 0; Extra < 2 && I < Text.size() && Text[I] == Quote;
         ++Extra)
      advance();
    S = State::Normal;
  }
};

} // namespace

llvm::Error checkTomlText(llvm::StringRef Text, llvm::StringRef Path) {
  unsigned Line = 0, Column = 0;
  std::string What;
  TomlScanner(Text).run(Line, Column, What);
  if (Line == 0)
    return llvm::Error::success();
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 Path + ":" + llvm::Twine(Line) + ":" +
                                     llvm::Twine(Column) +
                                     ": invalid TOML: " + What);
}

} // namespace rehost
