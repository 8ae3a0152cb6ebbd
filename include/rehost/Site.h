//===- Site.h - Facts about one place that sets a Redis endpoint ----------===//
//
// The analysis runs in two phases: each translation unit yields Sites (this
// file), then one project-wide step deduplicates and names them (Project.h).
// A Site is plain data so it can cross threads, processes and shards.
//
//===----------------------------------------------------------------------===//

#ifndef REHOST_SITE_H
#define REHOST_SITE_H

#include "rehost/Spelling.h"
#include "rehost/Suppression.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>
#include <vector>

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
  static Value constant(std::string T) {
    return {Kind::Constant, std::move(T)};
  }
  static Value partial(std::string Fallback) {
    return {Kind::Partial, std::move(Fallback)};
  }
  bool isConstant() const { return K == Kind::Constant; }
  bool isKnown() const { return K == Kind::Constant || K == Kind::Partial; }
};

/// The parts of an endpoint a site sets. An API sets only some of them; the
/// others stay Absent.
struct Endpoint {
  Value Host;
  Value Port;
  Value UnixPath;
  Value Uri;   ///< A connection URI as written (tcp://, redis://, unix://).
  Value Nodes; ///< A cluster node list, "host:port,host:port".
  Value Db;
  Value User;     ///< ACL user name.
  Value Password; ///< Never shown: every rendering prints "***".

  /// The value of \p Part (a role's traitsOf().Part); null for None.
  Value *part(EndpointPart Part);
  const Value *part(EndpointPart Part) const;

  /// The endpoint as a URI for people (redis://host:port, unix:///path,
  /// redis://h1:p1,h2:p2 or the URI as written); parts computed at run time
  /// are shown as <runtime> and a password as ***.
  std::string uri() const;
  /// The endpoint without credentials, normalised so that one server has one
  /// spelling (tcp:// is redis://, the default port is explicit). Empty when
  /// the address is not fully constant: such an endpoint gets no profile.
  std::string address() const;
  /// True when every part the API takes is constant.
  bool isFullyConstant() const;
  /// True when the address (host, socket path, URI host or node list) is
  /// constant or has a constant fallback. A constant port next to a
  /// configured host does not pin the endpoint, so it alone is not a finding.
  bool hasConstantAddress() const;
  /// True when a user name or password is written in the source.
  bool hasConstantCredential() const;
  /// The passwords written in the source: the password part, and every one
  /// a URI spells (user info, ?password=).
  std::vector<std::string> passwords() const;
  /// The endpoint with each written password as *** (in the password part
  /// and in a URI): what a site keeps once phase one has used them.
  Endpoint withoutSecrets() const;
};

/// \p Text with every occurrence of each of \p Secrets replaced by ***
/// (give the longer of two overlapping secrets first).
std::string redactSecrets(llvm::StringRef Text,
                          llvm::ArrayRef<std::string> Secrets);

enum class Rule { HardcodedEndpoint, HardcodedCredential, PartiallyHardcoded };

/// The finding an endpoint makes, if any: a written credential whatever the
/// address; otherwise a constant address, wholly or with a run-time part.
std::optional<Rule> ruleOf(const Endpoint &Target);
/// Every rule, in declaration order.
constexpr Rule AllRules[] = {Rule::HardcodedEndpoint, Rule::HardcodedCredential,
                             Rule::PartiallyHardcoded};

/// The rule's identifier as it appears in reports.
llvm::StringRef ruleId(Rule R);
/// The diagnostic's name, "rehost-" and the rule: what NOLINT lists.
std::string checkName(Rule R);

/// A catalogued call spelled inside a macro body: an edit of the body changes
/// every expansion, so phase two checks they all mean the same endpoint.
struct MacroBodyUse {
  std::string Key;     ///< "file:offset" of the body's spelling.
  std::string Address; ///< Endpoint::address(); empty when not constant.
};

/// The identifiers the code names a site's endpoint with, as written, most
/// specific first (NameHints.h).
struct NameHints {
  /// What the address is read from (CACHE_HOST, kSessionsAddr,
  /// cache_host()) and what holds the connection (`queue` in
  /// `redisContext *queue = ...`).
  std::vector<std::string> Value;
  /// The enclosing function, then a method's class (connect_queue,
  /// SessionStore): weaker, as one function may connect to several
  /// endpoints.
  std::vector<std::string> Function;
};

/// One hop of a derived site's path from its constant to the client call:
/// the project function (or field) the value enters, and where that
/// function (or a store) hands it on.
struct FlowStep {
  std::string Name; ///< "RedisPool::init", "redis_pool::host".
  std::string File; ///< Absolute path of the hand-on.
  unsigned Line = 0;
  unsigned Column = 0;

  /// "file:line:column" of the hand-on: the last step's is its catalogued
  /// use's (FlowUse).
  std::string key() const {
    return File + ":" + std::to_string(Line) + ":" + std::to_string(Column);
  }
};

/// One place in the source that sets a Redis endpoint or credential.
struct Site {
  std::string File; ///< Absolute, normalised path of the file holding the site.
  unsigned Offset = 0;
  unsigned Line = 0;
  unsigned Column = 0;
  std::string LineText; ///< The source line, for caret diagnostics.
  /// The use as written (whitespace runs as one space, passwords as ***)
  /// and the qualified name of the function it is in (empty at file
  /// scope): with the path, rule and API they identify the finding across
  /// edits elsewhere (Finding::Fingerprint).
  std::string Text;
  std::string Function;
  /// For a site with an address of its own: the names the code gives it;
  /// phase two makes its profile name of them (ProfileNames.h).
  NameHints Hints;
  std::string Api; ///< The catalog entry's name.
  ApiKind Kind = ApiKind::Function;
  Rule R = Rule::HardcodedEndpoint;
  /// For a derived site (a constant handed to the project's own wrapper,
  /// getter or field): the hops from the site to the catalogued use, the
  /// last one at that use. Empty for a site at the catalogued use itself.
  std::vector<FlowStep> Chain;
  /// For a derived site: the key of every catalogued use its constants
  /// reach (FlowUse::key()), which `fix` moves onto the runtime with it.
  std::vector<std::string> ReachedUses;
  Endpoint Target;
  /// For a credential sent on a connection (an AUTH command, auth(), a
  /// password field): the address of the endpoint that connection was made
  /// for, whose profile the credential takes. Empty when the site has an
  /// address of its own or the connection could not be followed.
  std::string ConnectionAddress;
  /// A comment silencing the finding (NOLINT, `rehost: allow`); phase two
  /// decides whether its reason is enough.
  Suppression Suppressed;
  /// Where the parts a rewrite touches are written; phase two renders the
  /// edits (RewriteRenderer.h).
  UseSpelling Spelling;

  /// The address whose profile the site's rewrite uses: its own, else its
  /// connection's; empty when it has none.
  std::string profileAddress() const {
    std::string Own = Target.address();
    return Own.empty() ? ConnectionAddress : Own;
  }
};

} // namespace rehost

#endif // REHOST_SITE_H
