#include "toml_guard.hpp"

namespace rehost::detail {
namespace {

// The length of the valid UTF-8 sequence at `text[i]`, or 0 (overlong forms,
// surrogates and code points past U+10FFFF are invalid).
size_t utf8_length(std::string_view text, size_t i) {
  auto byte = [&](size_t k) {
    return k < text.size() ? static_cast<unsigned char>(text[k]) : 0u;
  };
  unsigned lead = byte(i);
  if (lead < 0x80)
    return 1;
  size_t length;
  unsigned low = 0x80, high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0)
      low = 0xA0;
    if (lead == 0xED)
      high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0)
      low = 0x90;
    if (lead == 0xF4)
      high = 0x8F;
  } else {
    return 0;
  }
  if (byte(i + 1) < low || byte(i + 1) > high)
    return 0;
  for (size_t k = 2; k < length; ++k)
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF)
      return 0;
  return length;
}

bool is_bare_key_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
         (c >= '0' && c <= '9') || c == '_' || c == '-';
}

// What a bare key, number, boolean or date may end with.
bool is_value_char(char c) { return is_bare_key_char(c) || c == '+'; }

// Where toml++ 3.3.0 ends a bare value (a number, boolean or date): its
// is_value_terminator, for ASCII.
bool ends_bare_value(char c) {
  return c == ' ' || c == '\t' || (c >= '\n' && c <= '\r') || c == ']' ||
         c == '}' || c == ',' || c == '#';
}

const char *const glued_quote = "a quote right after a bare word or number "
                                "(put a space, '=' or ',' before a string)";

// Whether toml++ 3.3.0 may read `value` as the date of a date-time written
// with a space: ten characters (not counting '_'), a digit first, '-' at
// the fifth and eighth. Wider than its own test, which never matters: such a
// value followed by a lone digit is invalid either way.
bool looks_like_date(std::string_view value) {
  std::string chars;
  for (char c : value)
    if (c != '_')
      chars += c;
  return chars.size() == 10 && chars[0] >= '0' && chars[0] <= '9' &&
         chars[4] == '-' && chars[7] == '-';
}

enum class State { normal, comment, basic, literal, ml_basic, ml_literal };

class Scanner {
public:
  explicit Scanner(std::string_view text) : text_(text) {}

  TomlProblem run() {
    while (i_ < text_.size() && problem_.line == 0)
      step();
    return problem_;
  }

private:
  std::string_view text_;
  size_t i_ = 0;
  unsigned line_ = 1, column_ = 1;
  State state_ = State::normal;
  bool in_value_ = false; // after '=', until the line ends at depth 0
  std::string open_;      // the arrays and inline tables open in the value
  // A value may start here (after '=', '[', or ',' in an array), and the
  // characters of the bare value that started, up to where toml++ ends it.
  bool value_may_start_ = false;
  bool in_bare_value_ = false;
  size_t bare_value_start_ = 0;
  TomlProblem problem_;

  bool at(std::string_view s) const { return text_.substr(i_, s.size()) == s; }

  void fail(std::string what) { problem_ = {line_, column_, std::move(what)}; }

  // Moves past one character (`n` bytes), keeping line and column.
  void advance(size_t n = 1) {
    if (text_[i_] == '\n') {
      ++line_;
      column_ = 1;
    } else {
      ++column_;
    }
    i_ += n;
  }

  void step() {
    size_t length = utf8_length(text_, i_);
    if (length == 0)
      return fail("invalid UTF-8 (the file must be UTF-8 text)");
    if (length > 1) {
      if (state_ == State::normal)
        return fail("non-ASCII character outside a string or comment (quote "
                    "the key: \"name\" = ...)");
      return advance(length);
    }
    char c = text_[i_];
    switch (state_) {
    case State::normal:
      return normal(c);
    case State::comment:
      if (c == '\n')
        end_line();
      return advance();
    case State::basic:
      if (c == '\\' && i_ + 1 < text_.size() &&
          static_cast<unsigned char>(text_[i_ + 1]) < 0x80 &&
          text_[i_ + 1] != '\n') {
        advance();
        return advance();
      }
      if (c == '"')
        state_ = State::normal;
      else if (c == '\n')
        end_line();
      return advance();
    case State::literal:
      if (c == '\'')
        state_ = State::normal;
      else if (c == '\n')
        end_line();
      return advance();
    case State::ml_basic:
      if (c == '\\')
        return escape_in_multiline();
      if (at("\"\"\""))
        return close_multiline('"');
      return advance();
    case State::ml_literal:
      if (at("'''"))
        return close_multiline('\'');
      return advance();
    }
  }

  // A value ends with its line unless an array or inline table is open.
  void end_line() {
    state_ = State::normal;
    if (open_.empty())
      in_value_ = value_may_start_ = false;
  }

  void normal(char c) {
    if (in_bare_value_ && !ends_bare_value(c))
      return bare_value(c);
    if (in_bare_value_ && c == ' ' && digit_after_date())
      return date_time_space();
    in_bare_value_ = false;
    bool starts_value = value_may_start_ && c != ' ' && c != '\t' &&
                        c != '\n' && c != '\r';
    if (starts_value)
      value_may_start_ = false;
    if (starts_value && c != '"' && c != '\'' && c != '[' && c != '{' &&
        !ends_bare_value(c)) {
      in_bare_value_ = true;
      bare_value_start_ = i_;
      return advance();
    }
    if (c == '#') {
      state_ = State::comment;
    } else if ((c == '"' || c == '\'') && i_ > 0 &&
               is_value_char(text_[i_ - 1])) {
      // toml++ 3.3.0 reaches TOML_UNREACHABLE on `+"˄"`, `0x"˄`, `1'˄`:
      // a quote is never valid right after a bare word or number.
      return fail(glued_quote);
    } else if (c == '"' || c == '\'') {
      bool triple = at(c == '"' ? "\"\"\"" : "'''");
      state_ = c == '"' ? (triple ? State::ml_basic : State::basic)
                        : (triple ? State::ml_literal : State::literal);
      if (triple) {
        advance();
        advance();
      }
    } else if (c == '=') {
      in_value_ = in_value_ || open_.empty();
      value_may_start_ = true;
    } else if (c == '\n') {
      end_line();
    } else if ((c == '[' || c == '{') && in_value_) {
      open_ += c;
      value_may_start_ = c == '[';
    } else if (c == ',' && in_value_) {
      value_may_start_ = !open_.empty() && open_.back() == '[';
    } else if ((c == ']' || c == '}') && in_value_) {
      return close_bracket(c);
    } else if (c == '[' && !in_value_) {
      return table_header();
    }
    advance();
  }

  // toml++ 3.3.0 reads a bare value up to a value terminator, whatever comes
  // before it (`-m={=` is one value), and reaches TOML_UNREACHABLE asking
  // whether a non-ASCII character is one; a quote there would hide that
  // character in what reads as a string here (`-m={=""" §"""`: found by
  // fuzz/toml_guard.cpp). No bare value holds a quote.
  void bare_value(char c) {
    if ((c == '"' || c == '\'') && is_value_char(text_[i_ - 1]))
      return fail(glued_quote);
    if (c == '"' || c == '\'')
      return fail("a quote inside a bare value (a string starts right after "
                  "'=', '[' or ',')");
    advance();
  }

  // At a space after a bare value: whether a date and a digit surround it.
  // toml++ 3.3.0 then reads the space and what follows as one value (the
  // date and time of `1979-05-27 07:32:00`), up to the next terminator.
  bool digit_after_date() const {
    std::string_view value =
        text_.substr(bare_value_start_, i_ - bare_value_start_);
    return i_ + 1 < text_.size() && text_[i_ + 1] >= '0' &&
           text_[i_ + 1] <= '9' && looks_like_date(value);
  }

  // The space of a date-time: the bare value goes on. toml++ 3.3.0 asserts
  // (an assumption, so undefined behaviour in a release build) when the
  // digit is the value's last character before a terminator:
  // `d = 1979-05-27 0` (found by fuzz/toml_guard.cpp).
  void date_time_space() {
    advance();
    if (i_ + 1 < text_.size() && ends_bare_value(text_[i_ + 1]))
      fail("a date followed by a space and a lone digit (write a whole time, "
           "as in 1979-05-27 07:32:00)");
  }

  // toml++ 3.3.0 asserts on `m=[}`: a closing bracket must match the last
  // one opened.
  void close_bracket(char c) {
    char opening = c == ']' ? '[' : '{';
    if (open_.empty() || open_.back() != opening)
      return fail(std::string("'") + c + "' closes no open '" + opening +
                  "' (arrays close with ']', inline tables with '}')");
    open_.pop_back();
    advance();
  }

  // toml++ 3.3.0 asserts when a header's key starts with anything but a key
  // character or a quote (PR #301).
  void table_header() {
    advance();
    if (at("["))
      advance();
    while (at(" ") || at("\t"))
      advance();
    char next = i_ < text_.size() ? text_[i_] : '\n';
    if (!is_bare_key_char(next) && next != '"' && next != '\'')
      fail("a table header must start with a key, as in [profiles.default]");
  }

  // A line-ending backslash skips the whitespace that follows; toml++ 3.3.0
  // misreads a non-ASCII character right after it (#190). It also asks
  // whether the character after a backslash, and after the spaces that
  // follow it, is whitespace, and reaches TOML_UNREACHABLE for most
  // non-ASCII ones (`"""\§`, `"""\ §`: found by fuzz/toml_guard.cpp). No
  // escape starts with a non-ASCII character, so the text is invalid anyway.
  void escape_in_multiline() {
    size_t k = i_ + 1;
    while (k < text_.size() && (text_[k] == ' ' || text_[k] == '\t'))
      ++k;
    if (k < text_.size() && static_cast<unsigned char>(text_[k]) >= 0x80) {
      while (i_ < k)
        advance();
      return fail("non-ASCII character right after a backslash (no escape "
                  "starts with one: write it as \\uXXXX)");
    }
    if (k >= text_.size() || (text_[k] != '\n' && text_[k] != '\r')) {
      advance();
      if (i_ < text_.size() && static_cast<unsigned char>(text_[i_]) < 0x80)
        advance();
      return;
    }
    advance();
    while (i_ < text_.size() && (text_[i_] == ' ' || text_[i_] == '\t' ||
                                 text_[i_] == '\n' || text_[i_] == '\r'))
      advance();
    if (i_ < text_.size() && static_cast<unsigned char>(text_[i_]) >= 0x80)
      fail("non-ASCII character right after a line-ending backslash (put "
           "it on the line of the backslash or escape it as \\uXXXX)");
  }

  // Up to two more quotes belong to the string: """a""""" is a"".
  void close_multiline(char quote) {
    advance();
    advance();
    advance();
    for (int extra = 0; extra < 2 && i_ < text_.size() && text_[i_] == quote;
         ++extra)
      advance();
    state_ = State::normal;
  }
};

} // namespace

TomlProblem find_toml_problem(std::string_view text) {
  return Scanner(text).run();
}

} // namespace rehost::detail
