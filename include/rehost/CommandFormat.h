//===- CommandFormat.h - What a hiredis command sends ---------------------===//
//
// redisCommand(c, "AUTH %s %s", user, password) sends credentials through a
// printf-like format. hiredis splits the format on spaces into the words of
// the command and lets each conversion take its text from the variadic
// arguments; this reads the format the same way so the analysis can tell
// which argument carries the password. redisCommandArgv sends its words as
// they are; either way, findCredentialWords says which words of AUTH, HELLO
// or MIGRATE carry credentials, and whose they are.
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

/// The commands that send credentials.
enum class CredentialCommand {
  Auth,    ///< AUTH [user] password: the connection's own credentials.
  Hello,   ///< HELLO protover AUTH user password: the connection's own.
  Migrate, ///< MIGRATE ... AUTH password / AUTH2 user password: the target's.
};

/// Which words of a command carry credentials (indices among its words).
struct CredentialWords {
  CredentialCommand Command;
  std::optional<unsigned> User;
  unsigned Password = 0;
};

/// For a command that sends credentials (AUTH, HELLO ... AUTH, MIGRATE ...
/// AUTH or AUTH2; keywords in any case), the words that carry them; nothing
/// for every other command. \p Keywords holds each word's text when it is
/// known (written in the format, or a constant argv element).
std::optional<CredentialWords>
findCredentialWords(llvm::ArrayRef<std::optional<std::string>> Keywords);

/// The keywords of a format's words: the text of each literal word.
std::vector<std::optional<std::string>>
keywordsOf(llvm::ArrayRef<FormatWord> Words);

/// True when the credentials \p Command sends are those of the connection it
/// is sent on, whose profile they take; MIGRATE's belong to its target.
bool isConnectionCredential(CredentialCommand Command);

} // namespace rehost

#endif // REHOST_COMMANDFORMAT_H
