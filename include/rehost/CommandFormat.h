//===- CommandFormat.h - What a hiredis format command sends --------------===//
//
// redisCommand(c, "AUTH %s %s", user, password) sends credentials through a
// printf-like format. hiredis splits the format on spaces into the words of
// the command and lets each conversion take its text from the variadic
// arguments; this reads the format the same way so the analysis can tell
// which argument carries the password.
//
//===----------------------------------------------------------------------===//

#ifndef REHOST_COMMANDFORMAT_H
#define REHOST_COMMANDFORMAT_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>
#include <vector>

namespace rehost {

/// One space-separated word of a hiredis command format.
struct FormatWord {
  enum class Kind {
    Literal,  ///< Plain text, written in the format.
    Argument, ///< Exactly one %s or %b: the word is that variadic argument.
    Mixed,    ///< Text and conversions together, or a printf conversion.
  };
  Kind K = Kind::Literal;
  std::string Text;      ///< Literal: the word, with %% read as %.
  unsigned Argument = 0; ///< Argument: its index among the variadic arguments.
};

/// Splits \p Format into words as redisvFormatCommand does. Every conversion
/// consumes variadic arguments (%b two: pointer and length), so indices
/// stay right after a %d.
std::vector<FormatWord> splitCommandFormat(llvm::StringRef Format);

/// The words of an AUTH command that carry credentials.
struct AuthWords {
  std::optional<FormatWord> User;
  FormatWord Password;
};

/// For an AUTH command (any case; AUTH password or AUTH user password), its
/// credential words; nothing for every other command.
std::optional<AuthWords> findAuthWords(llvm::ArrayRef<FormatWord> Words);

} // namespace rehost

#endif // REHOST_COMMANDFORMAT_H
