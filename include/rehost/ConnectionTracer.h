//===- ConnectionTracer.h - Which endpoint a connection was made for ------===//
//
// A credential is sent on a connection: `redisCommand(Queue, "AUTH %s", …)`,
// `client.auth(…)`, `redisClusterSetOptionPassword(cc, …)`, an options
// object's password field. Its profile is the one of the endpoint that
// connection was made for, so the tracer follows the connection back, within
// one translation unit, to the catalogued call that set its endpoint: a
// connect whose result was stored in the variable or member, or returned by
// the function called; or, for an object, the calls that configured it
// (cpp_redis's connect, hiredis-cluster's AddNodes, an options host field).
// When that cannot be proved, it says why: no profile is ever guessed.
//
//===----------------------------------------------------------------------===//

#ifndef REHOST_CONNECTIONTRACER_H
#define REHOST_CONNECTIONTRACER_H

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/Error.h"

#include <set>
#include <string>

namespace clang {
class ASTContext;
class Decl;
class Expr;
} // namespace clang

namespace rehost {

class ConnectionTracer {
public:
  /// Records what every variable, member and function of the unit is given
  /// or returns, so that a connection can be followed back to its connect.
  void index(clang::ASTContext &Ctx);

  /// A catalogued connect call whose result is a connection to \p Address
  /// (Endpoint::address(); empty when the endpoint is not fully constant).
  void noteConnect(const clang::Expr *Call, std::string Address);
  /// A catalogued call set the endpoint of the object \p Object names (the
  /// client `connect` was called on, the options whose host was assigned).
  void noteConfigured(const clang::Decl *Object, std::string Address);

  /// The one endpoint the connection \p Connection was made for, or why it
  /// cannot be known.
  llvm::Expected<std::string> addressOf(const clang::Expr *Connection) const;
  /// The same for the object \p Object names (an options variable).
  llvm::Expected<std::string> addressOf(const clang::Decl *Object) const;

  /// The variable, member or parameter \p E names through parentheses,
  /// casts, `*`, `&` and smart pointers' `->`; null when it names none.
  static const clang::Decl *objectOf(const clang::Expr *E);

private:
  /// The endpoints the expression or declaration can hold; Problem set when
  /// one path cannot be followed.
  struct Trace {
    std::set<std::string> Addresses;
    std::string Problem;
    void merge(const Trace &Other);
  };
  Trace trace(const clang::Expr *E, unsigned Depth) const;
  static llvm::Expected<std::string> onlyAddress(const Trace &T);
  Trace traceDecl(const clang::Decl *D, unsigned Depth) const;

  llvm::DenseMap<const clang::Expr *, std::string> Connects;
  llvm::DenseMap<const clang::Decl *, std::set<std::string>> Configured;
  /// What each variable, member or function is given: initialisers,
  /// assigned values, returned values.
  llvm::DenseMap<const clang::Decl *, llvm::SmallVector<const clang::Expr *, 2>>
      Producers;
};

} // namespace rehost

#endif // REHOST_CONNECTIONTRACER_H
