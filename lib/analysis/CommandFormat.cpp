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

namespace {

/// True when word \p Index is known to be the keyword \p Name.
bool isKeyword(llvm::ArrayRef<std::optional<std::string>> Keywords,
               size_t Index, llvm::StringRef Name) {
  return Index < Keywords.size() && Keywords[Index] &&
         llvm::StringRef(*Keywords[Index]).equals_insensitive(Name);
}

/// AUTH password, AUTH user password.
std::optional<CredentialWords>
authWords(llvm::ArrayRef<std::optional<std::string>> Keywords) {
  if (Keywords.size() == 2)
    return CredentialWords{CredentialCommand::Auth, std::nullopt, 1};
  if (Keywords.size() == 3)
    return CredentialWords{CredentialCommand::Auth, 1u, 2};
  return std::nullopt;
}

/// HELLO protover [AUTH user password] [SETNAME name].
std::optional<CredentialWords>
helloWords(llvm::ArrayRef<std::optional<std::string>> Keywords) {
  for (size_t I = 2; I < Keywords.size();) {
    if (isKeyword(Keywords, I, "auth"))
      return I + 2 < Keywords.size()
                 ? std::optional<CredentialWords>(
                       {CredentialCommand::Hello, static_cast<unsigned>(I + 1),
                        static_cast<unsigned>(I + 2)})
                 : std::nullopt;
    I += isKeyword(Keywords, I, "setname") ? 2 : 1;
  }
  return std::nullopt;
}

/// MIGRATE host port key db timeout [COPY] [REPLACE] [AUTH password |
/// AUTH2 user password] [KEYS key ...]: options start at the sixth word,
/// and every word after KEYS is a key.
std::optional<CredentialWords>
migrateWords(llvm::ArrayRef<std::optional<std::string>> Keywords) {
  for (size_t I = 6; I < Keywords.size() && !isKeyword(Keywords, I, "keys");
       ++I) {
    if (isKeyword(Keywords, I, "auth") && I + 1 < Keywords.size())
      return CredentialWords{CredentialCommand::Migrate, std::nullopt,
                             static_cast<unsigned>(I + 1)};
    if (isKeyword(Keywords, I, "auth2") && I + 2 < Keywords.size())
      return CredentialWords{CredentialCommand::Migrate,
                             static_cast<unsigned>(I + 1),
                             static_cast<unsigned>(I + 2)};
  }
  return std::nullopt;
}

} // namespace

std::optional<CredentialWords>
findCredentialWords(llvm::ArrayRef<std::optional<std::string>> Keywords) {
  if (isKeyword(Keywords, 0, "auth"))
    return authWords(Keywords);
  if (isKeyword(Keywords, 0, "hello"))
    return helloWords(Keywords);
  if (isKeyword(Keywords, 0, "migrate"))
    return migrateWords(Keywords);
  return std::nullopt;
}

std::vector<std::optional<std::string>>
keywordsOf(llvm::ArrayRef<FormatWord> Words) {
  std::vector<std::optional<std::string>> Out;
  for (const FormatWord &Word : Words)
    Out.push_back(Word.K == FormatWord::Kind::Literal
                      ? std::optional<std::string>(Word.Text)
                      : std::nullopt);
  return Out;
}

bool isConnectionCredential(CredentialCommand Command) {
  return Command != CredentialCommand::Migrate;
}

} // namespace rehost
