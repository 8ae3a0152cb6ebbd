//===- CommandFormat.cpp - What a hiredis format command sends ------------===//

#include "rehost/CommandFormat.h"

#include "rehost/LLVMCompat.h"

namespace rehost {
namespace {

/// How many variadic arguments a conversion starting at \p Spec consumes,
/// and how long the conversion is. hiredis hands everything but %s and %b
/// to vsnprintf, so flags, width and length modifiers may come first.
std::pair<unsigned, size_t> conversion(llvm::StringRef Spec) {
  size_t End = Spec.find_first_of("sbdiouxXcfFeEgGaApn%");
  if (End == llvm::StringRef::npos)
    return {0, Spec.size()};
  char C = Spec[End];
  unsigned Args = C == '%' ? 0 : C == 'b' ? 2 : 1;
  Args += Spec.take_front(End).count('*');
  return {Args, End + 1};
}

} // namespace

std::vector<FormatWord> splitCommandFormat(llvm::StringRef Format) {
  std::vector<FormatWord> Words;
  unsigned NextArgument = 0;
  while (true) {
    Format = Format.ltrim(' ');
    if (Format.empty())
      return Words;
    llvm::StringRef Word = Format.take_until([](char C) { return C == ' '; });
    Format = Format.drop_front(Word.size());

    FormatWord Out;
    for (size_t I = 0; I < Word.size(); ++I) {
      if (Word[I] != '%') {
        Out.Text += Word[I];
        continue;
      }
      llvm::StringRef Spec = Word.drop_front(I + 1);
      auto [Args, Length] = conversion(Spec);
      if (startsWith(Spec, "%")) {
        Out.Text += '%';
      } else {
        bool WholeArgument = Word == "%s" || Word == "%b";
        Out.K = WholeArgument ? FormatWord::Kind::Argument
                              : FormatWord::Kind::Mixed;
        Out.Argument = NextArgument;
        NextArgument += Args;
      }
      I += Length;
    }
    if (Out.K != FormatWord::Kind::Literal)
      Out.Text.clear();
    Words.push_back(std::move(Out));
  }
}

std::optional<AuthWords> findAuthWords(llvm::ArrayRef<FormatWord> Words) {
  if (Words.empty() || Words.front().K != FormatWord::Kind::Literal ||
      !llvm::StringRef(Words.front().Text).equals_insensitive("auth"))
    return std::nullopt;
  if (Words.size() == 2)
    return AuthWords{std::nullopt, Words[1]};
  if (Words.size() == 3)
    return AuthWords{Words[1], Words[2]};
  return std::nullopt;
}

} // namespace rehost
