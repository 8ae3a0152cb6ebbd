// A wrapper that is a member of a class template or a function template:
// every instantiation shares the slots of the template as written, a call
// the template makes through its parameter type (a dependent call) is
// followed in each instantiation, and each constant is reported once where
// it is written. `fix` renames the client call in the template as written,
// once. A template given run-time values is no finding.
// RUN: %expect-exit 1 %rehost scan %s -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=warning:
// RUN: rm -rf %t && mkdir %t && %strip-checks %s %t/app.cpp
// RUN: cd %t && %rehost fix app.cpp -- -std=c++17 2>&1 | FileCheck %s --check-prefix=OUT
// RUN: FileCheck %s --input-file=%t/app.cpp --check-prefix=FIXED
// RUN: %clang-syntax -std=c++17 %t/app.cpp
// The facts hold each constant and each hand-on once, not once per
// instantiation.
// RUN: %expect-exit 1 %rehost scan %s --facts-out %t.facts.json -- -std=c++17 > /dev/null 2>&1
// RUN: %python -c "import collections, json, sys; f = json.load(open(sys.argv[1]))['units'][0]['flows']; n = collections.Counter([json.dumps(s['where'], sort_keys=True) for s in f['sources']] + [json.dumps(e, sort_keys=True) for e in f['edges']]); print('sources', len(f['sources']), 'repeated', sum(c > 1 for c in n.values()))" %t.facts.json | FileCheck %s --check-prefix=FACTS
// FACTS: sources 4 repeated 0

#include <hiredis/hiredis.h>
#include <string>
// FIXED: #include <hiredis/hiredis.h>
// FIXED-NEXT: #include <rehost/rehost.hpp>
// FIXED-NEXT: #include <string>

template <class T> class Pool {
public:
  void init(const std::string &ip, int port);

private:
  redisContext *context_ = nullptr;
};

template <class T> void Pool<T>::init(const std::string &ip, int port) {
  context_ = redisConnect(ip.c_str(), port);
  // FIXED: context_ = rehost_redisConnect("match:default,queue", ip.c_str(), port);
}

void start() {
  Pool<int> p;
  p.init("10.0.0.5", 6379);
  // CHECK: :[[@LINE-1]]:3: warning: hardcoded Redis endpoint 'redis://10.0.0.5:6379' reaches 'redisConnect' through Pool::init [{{.*}}:[[@LINE-7]]]
  // FIXED: p.init(rehost::host("default", "10.0.0.5"), rehost::port("default", 6379));
}

void queue() {
  Pool<long> q;
  q.init("10.0.0.6", 6380);
  // CHECK: :[[@LINE-1]]:3: warning: hardcoded Redis endpoint 'redis://10.0.0.6:6380' reaches 'redisConnect' through Pool::init
  // FIXED: q.init(rehost::host("queue", "10.0.0.6"), rehost::port("queue", 6380));
}

// A function template that hands its values on through a call that depends
// on its parameter type; the constant is in the template's own body and is
// reported once for its two instantiations.
struct Sessions {
  static void open(const std::string &ip, int port) {
    redisConnect(ip.c_str(), port);
    // FIXED: rehost_redisConnect("match:sessions", ip.c_str(), port);
  }
};

template <class Client> void connectVia(const std::string &ip, int port) {
  Client::open(ip, port);
}

template <class Client, class Tag> void connectSessions() {
  connectVia<Client>("10.0.0.7", 6381);
  // CHECK: :[[@LINE-1]]:3: warning: hardcoded Redis endpoint 'redis://10.0.0.7:6381' reaches 'redisConnect' through connectVia -> Sessions::open
  // FIXED: connectVia<Client>(rehost::host("sessions", "10.0.0.7"), rehost::port("sessions", 6381));
}

void sessions() {
  connectSessions<Sessions, int>();
  connectSessions<Sessions, long>();
}

// A class template's fields are the template's: its constructor keeps the
// endpoint in them, another method connects.
template <class T> class Conn {
public:
  Conn(const std::string &ip, int port) : ip_(ip), port_(port) {}
  redisContext *open() {
    return redisConnect(ip_.c_str(), port_);
    // FIXED: return rehost_redisConnect("match:cache", ip_.c_str(), port_);
  }

private:
  std::string ip_;
  int port_;
};

redisContext *cache() {
  Conn<int> conn("10.0.0.8", 6382);
  // CHECK: :[[@LINE-1]]:13: warning: hardcoded Redis endpoint 'redis://10.0.0.8:6382' reaches 'redisConnect' through Conn::Conn<T> -> Conn::open
  // FIXED: Conn<int> conn(rehost::host("cache", "10.0.0.8"), rehost::port("cache", 6382));
  return conn.open();
}

// Negative: a template instantiated with values read at run time.
void configured(Pool<char> &pool, const char *host, int port) {
  pool.init(host, port);
}

// OUT: rehost: fixed 4 of 4 findings in 1 file (1 file changed); 0 manual
