//===- IncludeFacts.h - What one file's text tells the pre-filter ---------===//
//
// The fast pre-filter (IncludeGraph.h) answers for a unit from facts about
// each file it may read, and those facts depend on the file's text only: the
// includes it spells, whether one is computed (`#include MACRO`), whether
// its text could name a client API, the identifiers it spells (for the
// pre-filter's pass by names, PreFilter.h). So they are computed once per
// file content and shared by every unit (and, through FactsCache.h, by later
// runs). Conditions are not evaluated: an include under any `#if` counts as
// possibly taken, which makes a unit's closure a superset of the compiler's.
//
//===----------------------------------------------------------------------===//

#ifndef REHOST_INCLUDEFACTS_H
#define REHOST_INCLUDEFACTS_H

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <string>
#include <vector>

namespace rehost {

/// One `#include` (or `#include_next`, `#import`) with a spelled name.
struct SpelledInclude {
  /// The name between the quotes or angle brackets.
  std::string Name;
  /// `<name>` rather than `"name"`.
  bool Angled = false;
  /// `#include_next`: the search goes on after the includer's directory.
  bool Next = false;
  /// Under an `#if`/`#ifdef`/`#ifndef` other than the file's include guard:
  /// possibly not taken.
  bool Conditional = false;

  friend bool operator==(const SpelledInclude &A, const SpelledInclude &B) {
    return A.Name == B.Name && A.Angled == B.Angled && A.Next == B.Next &&
           A.Conditional == B.Conditional;
  }
};

/// What the pre-filter needs from one file's text.
struct IncludeFacts {
  /// Every include with a spelled name, in the file's order.
  std::vector<SpelledInclude> Includes;
  /// An include whose name only macros give (`#include MACRO`), or one the
  /// scanner could not read: only the compiler knows what it reads.
  bool ComputedInclude = false;
  /// A raw string literal that spans lines: in C (no raw strings) its lines
  /// may hold directives, so the facts are not trusted for a C unit.
  bool MultiLineRawString = false;
  /// The text could name a catalogued API (mayNameClientApi).
  bool MayNameClientApi = false;
  /// An `#error`, an unknown directive or an #if without its #endif
  /// outside any condition (beyond the include guard): the compiler stops
  /// on it whatever the unit defines.
  bool UnconditionalError = false;
  /// An `#error` or unknown directive under a condition: the compiler may
  /// stop on it.
  bool ConditionalError = false;
  /// Every identifier token of the text (outside comments and literals;
  /// directives' included, whatever their condition), as identifierHash
  /// gives it: sorted, each once.
  std::vector<uint64_t> Identifiers;

  friend bool operator==(const IncludeFacts &A, const IncludeFacts &B) {
    return A.Includes == B.Includes && A.ComputedInclude == B.ComputedInclude &&
           A.MultiLineRawString == B.MultiLineRawString &&
           A.MayNameClientApi == B.MayNameClientApi &&
           A.UnconditionalError == B.UnconditionalError &&
           A.ConditionalError == B.ConditionalError &&
           A.Identifiers == B.Identifiers;
  }
};

/// The hash IncludeFacts::Identifiers keeps \p Identifier by.
uint64_t identifierHash(llvm::StringRef Identifier);

/// Whether the text \p Facts were read from spells the identifier whose
/// identifierHash is \p Hash (a hash collision may say yes wrongly, never
/// no).
bool spellsIdentifier(const IncludeFacts &Facts, uint64_t Hash);

/// The facts of a file whose text is \p Text: its directives read as the
/// preprocessor reads them (comments, string and character literals, raw
/// strings, line splices, digraph and trigraph `#`), without evaluating any
/// condition.
IncludeFacts scanIncludeFacts(llvm::StringRef Text);

} // namespace rehost

#endif // REHOST_INCLUDEFACTS_H
