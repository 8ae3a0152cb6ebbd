// RUN: %expect-exit 1 %rehost scan %s -- -std=c++17 -I%inputs 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=s3cret
// cpp_redis's auth sends a password.

#include <cpp_redis/cpp_redis>
#include <cstdlib>

void login(cpp_redis::client &client, cpp_redis::subscriber &sub) {
  client.auth("s3cret", [](cpp_redis::reply &) {});
  // CHECK: cpp-redis-auth.cpp:[[@LINE-1]]:3: warning: hardcoded Redis password in call to 'cpp_redis::client::auth' [rehost-hardcoded-credential]
  client.auth("s3cret");
  // CHECK: :[[@LINE-1]]:3: warning: hardcoded Redis password in call to 'cpp_redis::client::auth'
  sub.auth("s3cret");
  // CHECK: :[[@LINE-1]]:3: warning: hardcoded Redis password in call to 'cpp_redis::subscriber::auth'
}

void configured(cpp_redis::client &client, const std::string &password) {
  client.auth(password);
  client.auth(std::getenv("REDIS_PASSWORD"));
}

// CHECK: rehost: 3 findings
