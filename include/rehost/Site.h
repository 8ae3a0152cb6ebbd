//===- Site.h - Facts about one place that sets a Redis endpoint ----------===//
//
// The analysis runs in two phases: each translation unit yields Sites (this
// file), then one project-wide step deduplicates and names them (Project.h).
// A Site is plain data so it can cross threads, processes and shards.
//
//===----------------------------------------------------------------------===//

#ifndef REHOST_SITE_H
#define REHOST_SITE_H

#include "llvm/ADT/StringRef.h"

#include <string>

namespace rehost {

/// What the constant evaluator knows about one expression.
struct Value {
  enum class Kind {
    Absent,   ///< The API has no such part (a unix call has no port).
    Constant, ///< Fully known at compile time.
    Partial,  ///< A constant fallback mixed with values computed at run time.
    Runtime,  ///< Computed at run time: not a finding.
  };
  Kind K = Kind::Absent;
  /// The constant (or, for Partial, the constant fallback) as text.
  std::string Text;

  static Value absent() { return {}; }
  static Value runtime() { return {Kind::Runtime, {}}; }
  static Value constant(std::string T) { return {Kind::Constant, std::move(T)}; }
  static Value partial(std::string Fallback) {
    return {Kind::Partial, std::move(Fallback)};
  }
  bool isConstant() const { return K == Kind::Constant; }
  bool isKnown() const { return K == Kind::Constant || K == Kind::Partial; }
};

/// The parts of an endpoint a site sets.
struct Endpoint {
  Value Host;
  Value Port;
  Value UnixPath;

  /// The endpoint as a URI (redis://host:port or unix:///path); parts computed
  /// at run time are shown as <runtime>.
  std::string uri() const;
  /// True when every part the API takes is constant.
  bool isFullyConstant() const;
  /// True when the address (host or socket path) is constant or has a
  /// constant fallback. A constant port next to a configured host does not
  /// pin the endpoint, so it alone is not a finding.
  bool hasConstantAddress() const;
};

enum class Rule { HardcodedEndpoint, HardcodedCredential, PartiallyHardcoded };

/// The rule's identifier as it appears in diagnostics and reports.
llvm::StringRef ruleId(Rule R);

/// One place in the source that sets a Redis endpoint.
struct Site {
  std::string File; ///< Absolute, normalised path of the file holding the site.
  unsigned Offset = 0;
  unsigned Line = 0;
  unsigned Column = 0;
  std::string LineText; ///< The source line, for caret diagnostics.
  std::string Api;      ///< The catalog entry's name.
  Rule R = Rule::HardcodedEndpoint;
  Endpoint Target;
};

} // namespace rehost

#endif // REHOST_SITE_H
