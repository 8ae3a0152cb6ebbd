// REQUIRES: redis-server
// RUN: rm -rf %t && mkdir %t
// The accessor compiles onto the library's own constructors from C++11 on.
// RUN: %e2e-cxx-rpp -std=c++11 -fsyntax-only -DCHECK_CLUSTER %s
// RUN: %e2e-cxx-rpp -std=c++17 -fsyntax-only -DCHECK_CLUSTER %s
// RUN: %e2e-cxx-rpp -std=c++17 %s -o %t/app
//
// A password with '@' cannot travel in redis-plus-plus's URI (its parser
// ends the credentials at the first '@'): rehost::uri refuses it, naming the
// variable, never the value (before, the client went to evil.example:6380).
// RUN: %with-redis --password 'p@evil.example:6380' --env 'REDIS_PASSWORD={password}' \
// RUN:   --expect-fail --expect-empty -- %t/app uri {port} > %t/at.out 2>&1
// RUN: FileCheck %s --check-prefix=AT --input-file=%t/at.out --implicit-check-not=evil
// rehost::options carries it byte for byte, through the library's own parser
// of the call site's URI.
// RUN: %with-redis --password 'p@evil.example:6380' --env 'REDIS_PASSWORD={password}' \
// RUN:   --expect '0 visits 1' -- %t/app options {port} | FileCheck %s --check-prefix=OK
//
// ':' '/' '?' '#' '%' and a space in the default user's password travel in
// the URI (written as default:PASSWORD, so the ':' does not end a user).
// RUN: %with-redis --password 'a:b/c?d#e%%f g' --env 'REDIS_PASSWORD={password}' \
// RUN:   --expect '0 visits 1' -- %t/app uri {port} | FileCheck %s --check-prefix=OK
// RUN: %with-redis --password 'a:b/c?d#e%%f g' --env 'REDIS_PASSWORD={password}' \
// RUN:   --expect '0 visits 1' -- %t/app options {port} | FileCheck %s --check-prefix=OK
// And in an ACL user's password (an ACL user named app).
// RUN: %with-redis --acl-user app --password2 ':/?#%% x' --env 'REDIS_USERNAME=app' \
// RUN:   --env 'REDIS_PASSWORD={password2}' --expect '0 visits 1' -- %t/app uri {port} \
// RUN:   | FileCheck %s --check-prefix=OK
//
// A ':' in a user would end it: refused in a URI, carried by options.
// RUN: %with-redis --acl-user 'us:er' --password2 'x:y z' --env 'REDIS_USERNAME=us:er' \
// RUN:   --env 'REDIS_PASSWORD={password2}' --expect-fail --expect-empty -- %t/app uri {port} > %t/user.out 2>&1
// RUN: FileCheck %s --check-prefix=USER --input-file=%t/user.out --implicit-check-not='x:y'
// RUN: %with-redis --acl-user 'us:er' --password2 'x:y z' --env 'REDIS_USERNAME=us:er' \
// RUN:   --env 'REDIS_PASSWORD={password2}' --expect '0 visits 1' -- %t/app options {port} \
// RUN:   | FileCheck %s --check-prefix=OK
//
// The documented percent-encoded form: REDIS_URL's p%40ss is p@ss.
// RUN: %with-redis --acl-user app --password2 'p@ss' \
// RUN:   --env 'REDIS_URL=redis://app:p%%40ss@127.0.0.1:{port}' \
// RUN:   --expect-fail --expect-empty -- %t/app uri {port} > %t/url.out 2>&1
// RUN: FileCheck %s --check-prefix=URL --input-file=%t/url.out --implicit-check-not='p@ss'
// RUN: %with-redis --acl-user app --password2 'p@ss' \
// RUN:   --env 'REDIS_URL=redis://app:p%%40ss@127.0.0.1:{port}' \
// RUN:   --expect '0 visits 1' -- %t/app options {port} | FileCheck %s --check-prefix=OK
//
// A program written against the runtime (what rehost fix writes for
// sw::redis::Redis("tcp://...")), linked with the redis-plus-plus fake,
// which reads URIs as redis-plus-plus does.

#include <rehost/rehost.hpp>
#include <sw/redis++/redis++.h>

#include <cstdio>
#include <cstring>
#include <memory>
#include <string>

#ifdef CHECK_CLUSTER
// Only compiled: the construction forms the tool rewrites onto.
void construction_forms() {
  sw::redis::Redis redis(rehost::options<sw::redis::ConnectionOptions>("default", "tcp://10.0.0.1:6379/2"));
  sw::redis::Redis strict(rehost::options<sw::redis::ConnectionOptions>("default"));
  sw::redis::RedisCluster cluster(rehost::options<sw::redis::ConnectionOptions>("default", "tcp://10.0.0.1:7000"));
  const std::string fallback = "tcp://10.0.0.1:6379";
  sw::redis::ConnectionOptions opts = rehost::options<sw::redis::ConnectionOptions>(std::string("cache"), fallback);
  (void)opts;
}
#endif

int main(int argc, char **argv) {
  if (argc != 3)
    return 2;
  // The call site's URI, with the test server's port (nothing else).
  const std::string fallback = std::string("tcp://127.0.0.1:") + argv[2];
  try {
    std::unique_ptr<sw::redis::Redis> redis;
    if (std::strcmp(argv[1], "uri") == 0)
      redis.reset(new sw::redis::Redis(rehost::uri("default", fallback)));
    else
      redis.reset(new sw::redis::Redis(rehost::options<sw::redis::ConnectionOptions>("default", fallback)));
    std::printf("visits=%lld\n", redis->incr("visits"));
  } catch (const sw::redis::Error &error) {
    std::fprintf(stderr, "redis++: %s\n", error.what());
    return 1;
  } catch (const rehost::ConfigError &error) {
    std::fprintf(stderr, "rehost: %s\n", error.what());
    return 1;
  }
  return 0;
}

// AT: rehost: REDIS_PASSWORD: the password cannot be written into a redis-plus-plus URI
// AT: with-redis: server 1 is empty (every db)
// AT: with-redis: ok

// OK: visits=1
// OK: with-redis: ok

// USER: rehost: REDIS_USERNAME: ACL user 'us:er' cannot be written into a redis-plus-plus URI
// USER: with-redis: ok

// URL: rehost: REDIS_URL: the password cannot be written into a redis-plus-plus URI
// URL: with-redis: ok
