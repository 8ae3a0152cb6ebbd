// REQUIRES: redis-server
// RUN: rm -rf %t && mkdir %t
// RUN: %e2e-cxx-rpp -std=c++17 %s -o %t/app
// The fake reads URIs as redis-plus-plus does:
// RUN: %t/app parse 'tcp://127.0.0.1' 'tcp://s3cret@cache.internal:6380/2' \
// RUN:   'redis://app:s3cret@10.0.0.1:7000/15?connect_timeout=100ms&socket_timeout=2s&keep_alive=true' \
// RUN:   'unix://s3cret@/run/redis/queue.sock/3' 'unix:///run/redis.sock?connect_timeout=5000ms' \
// RUN:   'tcp://:s3cret@host' | FileCheck %s --check-prefix=PARSE
// redis-plus-plus's own quirks, kept: the first '@' ends the credentials,
// numbers are read by std::stoi (what follows the digits is ignored, so a
// socket named 6379.sock reads as db 6379), and each parameter must be one
// key=value pair (a trailing '&' is an error).
// RUN: %t/app parse 'tcp://p@evil.example:6380@127.0.0.1:6379' 'unix:///run/6379.sock' \
// RUN:   'tcp://h:6380x/2?db=3' 'tcp://u:a:b/c?d#e%%f g@h:1?connect_timeout=5000ms' \
// RUN:   | FileCheck %s --check-prefix=QUIRKS
// RUN: not %t/app parse 'tcp://h?keep_alive=true&' 2>&1 | FileCheck %s --check-prefix=PAIR
// RUN: not %t/app parse 'tcp://h?pool_colour=1' 2>&1 | FileCheck %s --check-prefix=PARAMETER2
// RUN: not %t/app parse 'http://host' 2>&1 | FileCheck %s --check-prefix=SCHEME
// RUN: not %t/app parse 'tcp://host?color=blue' 2>&1 | FileCheck %s --check-prefix=PARAMETER
// RUN: not %t/app parse 'tcp://[::1]:6379' 2>&1 | FileCheck %s --check-prefix=IPV6
// It connects with exactly what it is given, and fails loudly otherwise:
// RUN: %with-redis --expect '3 visits 1' -- %t/app incr 'tcp://{password}@127.0.0.1:{port}/3' \
// RUN:   | FileCheck %s --check-prefix=RIGHT
// RUN: not %with-redis -- %t/app incr 'tcp://wrong@127.0.0.1:{port}' | FileCheck %s --check-prefix=WRONG
// It never reads the environment, nor defaults a password:
// RUN: not %with-redis --env 'REDIS_URL=redis://:{password}@127.0.0.1:{port}' --env 'REDIS_PASSWORD={password}' \
// RUN:   -- %t/app incr 'tcp://127.0.0.1:{port}' | FileCheck %s --check-prefix=NOAUTH
// An ACL user is sent with its password:
// RUN: %with-redis --acl-user app --expect '0 visits 1' -- %t/app incr 'tcp://app:{password2}@127.0.0.1:{port}' \
// RUN:   | FileCheck %s --check-prefix=RIGHT
// RUN: not %with-redis -- %t/app incr 'tcp://127.0.0.1:1' | FileCheck %s --check-prefix=REFUSED
// Not a migrated program: this proves the fake the other tests rely on.

#include <cstdio>
#include <cstring>
#include <sw/redis++/redis++.h>

int main(int argc, char **argv) {
  if (argc < 3)
    return 2;
  try {
    if (std::strcmp(argv[1], "parse") == 0) {
      for (int i = 2; i < argc; ++i) {
        sw::redis::ConnectionOptions opts(argv[i]);
        std::printf("%s -> %s host=%s port=%d path=%s user=%s password=%s db=%d connect=%lldms socket=%lldms keep_alive=%d\n",
                    argv[i], opts.type == sw::redis::ConnectionType::TCP ? "tcp" : "unix", opts.host.c_str(),
                    opts.port, opts.path.c_str(), opts.user.c_str(), opts.password.c_str(), opts.db,
                    static_cast<long long>(opts.connect_timeout.count()),
                    static_cast<long long>(opts.socket_timeout.count()), opts.keep_alive ? 1 : 0);
      }
      return 0;
    }
    sw::redis::Redis redis(argv[2]);
    std::printf("ping=%s\n", redis.ping().c_str());
    std::printf("visits=%lld\n", redis.incr("visits"));
  } catch (const sw::redis::Error &error) {
    std::printf("redis++: %s\n", error.what());
    return 1;
  }
  return 0;
}

// PARSE: tcp://127.0.0.1 -> tcp host=127.0.0.1 port=6379 path= user=default password= db=0 connect=0ms socket=0ms keep_alive=0
// PARSE: tcp://s3cret@cache.internal:6380/2 -> tcp host=cache.internal port=6380 path= user=default password=s3cret db=2
// PARSE: -> tcp host=10.0.0.1 port=7000 path= user=app password=s3cret db=15 connect=100ms socket=2000ms keep_alive=1
// PARSE: unix://s3cret@/run/redis/queue.sock/3 -> unix host= port=6379 path=/run/redis/queue.sock user=default password=s3cret db=3
// PARSE: unix:///run/redis.sock?connect_timeout=5000ms -> unix host= port=6379 path=/run/redis.sock user=default password= db=0 connect=5000ms
// As in redis-plus-plus, ":password@" means the ACL user "".
// PARSE: tcp://:s3cret@host -> tcp host=host port=6379 path= user= password=s3cret db=0

// QUIRKS: -> tcp host=evil.example port=6380 path= user=default password=p db=0
// QUIRKS: unix:///run/6379.sock -> unix host= port=6379 path=/run user=default password= db=6379
// QUIRKS: -> tcp host=h port=6380 path= user=default password= db=3
// QUIRKS: -> tcp host=h port=1 path= user=u password=a:b/c?d#e%f g db=0 connect=5000ms
// PAIR: redis++: invalid option: not a key-value pair:
// PARAMETER2: redis++: unknown uri parameter: pool_colour

// SCHEME: redis++: invalid URI: invalid scheme: http
// PARAMETER: redis++: unknown uri parameter: color
// IPV6: redis++: invalid URI: invalid port

// RIGHT: ping=PONG
// RIGHT: visits=1
// RIGHT: with-redis: ok
// WRONG: redis++: AUTH failed: WRONGPASS
// NOAUTH: redis++: NOAUTH Authentication required.
// REFUSED: redis++: failed to connect to 127.0.0.1:1: Connection refused
