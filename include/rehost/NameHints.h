//===- NameHints.h - The names the code gives an endpoint -----------------===//
//
// A profile is best named the way the code names its endpoint: the macro,
// variable, field or function the address is read from (CACHE_HOST,
// kRedisSessionsAddr, cache_host()), the variable that holds the connection
// (`redisContext *queue = ...`), or the function it is made in
// (connect_queue(), SessionStore::open()). Phase one records those
// identifiers as written, most specific first; phase two turns the first one
// that says something into a profile name (ProfileNames.h), so the words it
// drops are decided in one place.
//
//===----------------------------------------------------------------------===//

#ifndef REHOST_NAMEHINTS_H
#define REHOST_NAMEHINTS_H

#include "rehost/Site.h"

namespace clang {
class ASTContext;
class Expr;
} // namespace clang

namespace rehost {

/// The identifiers naming the endpoint that \p Address (the host, URI,
/// socket or node-list argument, or null) of the use \p Whole sets, most
/// specific first, without repeats; 1 and 2 are NameHints::Value, 3
/// NameHints::Function:
///  1. what the argument is read from, following variables' initialisers:
///     at each step the macro it is spelled as, then the variable, field or
///     called function it names;
///  2. the object the use acts on or configures, \p Holder (a method's
///     object, a context argument, an options field's object; or null), then
///     the variable or field the use's result is stored in;
///  3. the enclosing function, then, for a method or constructor, its class.
/// Names declared in system headers (getenv, the client's own fields) are
/// left out: they are the library's, not the project's.
NameHints nameHintsOf(const clang::Expr *Address, const clang::Expr *Holder,
                      const clang::Expr &Whole, clang::ASTContext &Context);

} // namespace rehost

#endif // REHOST_NAMEHINTS_H
