//===- Spelling.h - Where a site's parts are written, as plain data -------===//
//
// Phase one records, for each site, where the pieces a rewrite touches are
// written (the callee's name, each argument, the closing parenthesis, ...)
// and whether an edit may land there; never the text of an edit. Phase two
// (RewriteRenderer.h) decides from these anchors what to write once it knows
// the profile's name and the mode (--strict, --pool).
//
//===----------------------------------------------------------------------===//

#ifndef REHOST_SPELLING_H
#define REHOST_SPELLING_H

#include "rehost/Catalog.h"

#include "llvm/ADT/ArrayRef.h"

#include <optional>
#include <string>
#include <vector>

namespace rehost {

/// A range of a file an edit may replace (or, empty, insert at), or why no
/// edit can land there: spelled in a macro, a system header, ...
struct Anchor {
  std::string File; ///< Absolute path; empty when Problem is set.
  unsigned Offset = 0;
  unsigned Length = 0;
  /// Digest of the file's content when it was parsed: a file changed on disk
  /// since is not overwritten.
  std::string Digest;
  std::string Problem;

  bool ok() const { return Problem.empty(); }
  unsigned end() const { return Offset + Length; }
  static Anchor broken(std::string Why) {
    Anchor A;
    A.Problem = std::move(Why);
    return A;
  }
};

/// One argument of the use (or an options field's assigned value).
struct ArgSpelling {
  ArgRole Role = ArgRole::Other; ///< Other past the catalog's roles.
  Anchor At;                     ///< Unused for a left-out default.
  bool Defaulted = false;        ///< A default argument the caller left out.
  /// A string literal written at the use itself: replacing it takes a
  /// credential out of the code (a variable would leave it elsewhere).
  bool LiteralAtUse = false;
  std::string Value; ///< A companion field's constant.
};

/// The connect of an object the site configures (redisConnectWithOptions).
struct ConnectSpelling {
  std::string Api; ///< Its catalog entry.
  Anchor Callee;   ///< The function's name.
  Anchor RParen;   ///< Its closing parenthesis (empty range).
};

/// Where an options object's runtime call goes: a statement of its own after
/// the code's last assignment to the object's fields.
struct OptionsSpelling {
  Anchor After;       ///< Just after that assignment's ';' (empty range).
  std::string Object; ///< The object as an lvalue: "opts", "*opts".
  std::string Indent; ///< The assignment line's indentation.
};

/// A method call: `client.connect(…)` or `ptr->connect(…)`.
struct MethodSpelling {
  Anchor Object; ///< The object expression; its Problem covers the call's.
  Anchor Paren;  ///< Just after the '(' (empty range).
  bool Arrow = false;
  /// The object is a plain name (`*ptr` needs no parentheses).
  bool PlainObject = true;
};

/// What `fix --pool` needs of a connect the pool proof accepted.
struct PoolSpelling {
  Anchor Connect;            ///< The whole call; Problem: why not pooled.
  std::vector<Anchor> Frees; ///< The names of its redisFree calls.
};

/// What a constant is written into, which decides the runtime accessor
/// that may wrap it where it is written.
enum class Holder {
  StdString,   ///< A std::string: rehost::host() and the C++ accessors.
  CharPointer, ///< A `const char *`: rehost_host() and the C accessors.
  Integer,     ///< An int: rehost_port(), rehost::port(), ...
};

/// A constant a derived site hands to the project's own code, where the
/// slot gets it (the argument, the stored value, the default argument):
/// `fix` wraps it in its role's accessor. At's Problem says why it may not
/// be (a copy into a fixed-size buffer, a C static initializer).
struct ConstantSpelling {
  ArgRole Role = ArgRole::Other;
  Anchor At;
  Holder Into = Holder::CharPointer;
  bool Cxx = false; ///< Written in C++: an integer's accessor is rehost::port.
};

/// A source line an edit may fall on, for the report's before and after.
struct SourceLine {
  std::string File;
  unsigned Offset = 0; ///< Of the line's first character.
  /// Without its line ending; each byte of a password written in it is a
  /// NUL (SecretMask), so offsets hold and the facts never carry it.
  std::string Text;

  static constexpr char SecretMask = '\0';
};

/// Masks each of \p Secrets written in \p Line (bytes as SourceLine::
/// SecretMask, so offsets hold) and notes where in \p Spans.
void maskSecrets(SourceLine &Line, llvm::ArrayRef<std::string> Secrets,
                 std::vector<Anchor> &Spans);

/// Everything phase two needs to rewrite one use.
struct UseSpelling {
  Anchor Callee; ///< The function's name.
  Anchor Paren;  ///< Just after the '(' (empty range).
  /// A drop-in's endpoint arguments, the range --strict replaces.
  Anchor StrictArgs;
  /// An AUTH command's format and arguments (or argc, argv and argvlen);
  /// Problem: why the command cannot become the profile's AUTH.
  Anchor Command;
  /// The declarations only an argv AUTH command used (its argv and argvlen
  /// arrays, a local that carries them): they hold the password, so they
  /// go with the command.
  std::vector<Anchor> Removals;
  std::optional<MethodSpelling> Method;
  std::vector<ArgSpelling> Args; ///< In the catalog's role order.
  /// A derived site's constants that reach a sink, with their roles.
  std::vector<ConstantSpelling> Constants;
  Anchor RParen; ///< Where left-out defaults are written.
  /// An address field's object's port and db fields, moved with it.
  std::vector<ArgSpelling> Companions;
  std::vector<ConnectSpelling> Connects;
  std::optional<OptionsSpelling> Options; ///< Problem in After.
  std::optional<PoolSpelling> Pool;       ///< For a connect --pool may take.
  /// Why the site has no profile (a credential whose connection could not be
  /// followed): then it is left to a human.
  std::string NoProfileReason;
  /// "file:offset" of the callee when it is spelled in a macro body (an edit
  /// there changes every expansion).
  std::string MacroBodyKey;
  std::vector<SourceLine> Lines; ///< Every line an anchor starts on.
  /// Where any site's passwords are written on those lines (Digest unused):
  /// a dry run's diff reads them from the file to show them as ***.
  std::vector<Anchor> Secrets;
};

} // namespace rehost

#endif // REHOST_SPELLING_H
