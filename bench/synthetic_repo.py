"""Writes a synthetic C/C++ repository with a compile_commands.json, for bench/run.py.

The repository looks like a real one to a Clang tool: every unit includes several
standard headers and a few project headers shared with other units, and about
`users_pct` percent of the units reach a Redis client. Most of those call hiredis
directly; every fourth reaches it only through include/app/cache.h (a macro or a
static inline function), so its own text never names hiredis and a pre-filter
that looked at the unit's text alone would wrongly skip it. Units that do not use
Redis include no hiredis header at all, directly or through a project header.

The output depends only on (n, seed, users_pct). Usage from Python:
    units = synthetic_repo.generate(root, n=200, seed=14)
and `root/build/compile_commands.json` is the database (pass `-p root/build`).

`generate_c_server(root, n, seed, users_pct=2.5)` writes the other shape, a large C
server: many small C units that all include one project header (server.h, which pulls
in a dozen system headers and the project's other headers, as a real server's does),
2-3% of them also including the vendored hiredis of deps/hiredis, whose own units
(hiredis.c, net.c, async.c) define the client API. Every one of those C files is ours:
a stand-in with the API's shape, not hiredis's code.
"""
import json
import os
import random
from dataclasses import dataclass

C_HEADERS = ["stdio.h", "stdlib.h", "string.h", "errno.h", "time.h", "stdint.h"]
CXX_HEADERS = ["string", "vector", "map", "memory", "algorithm", "iostream"]
CXX_SHARE = 0.4  # share of C++ units; the rest are C

# Project headers every kind of unit may include. None of them includes hiredis.
PROJECT_HEADERS = {
    "include/app/types.h": """#ifndef APP_TYPES_H
#define APP_TYPES_H
#include <stddef.h>
#include <stdint.h>
typedef struct app_buffer { char *data; size_t len, cap; } app_buffer;
typedef enum app_status { APP_OK = 0, APP_ENOMEM, APP_EINVAL, APP_EIO } app_status;
#define APP_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))
#endif
""",
    "include/app/log.h": """#ifndef APP_LOG_H
#define APP_LOG_H
#include <stdio.h>
#include "app/types.h"
#define APP_LOG(level, ...) fprintf(stderr, "[" level "] " __VA_ARGS__)
static inline const char *app_status_name(app_status s) {
  switch (s) {
  case APP_OK: return "ok";
  case APP_ENOMEM: return "out of memory";
  case APP_EINVAL: return "invalid argument";
  default: return "i/o error";
  }
}
#endif
""",
    "include/app/config.h": """#ifndef APP_CONFIG_H
#define APP_CONFIG_H
#include "app/types.h"
#ifdef __cplusplus
extern "C" {
#endif
typedef struct app_config { const char *name; int workers; int64_t timeout_ms; } app_config;
app_status app_config_load(app_config *out, const char *path);
int app_config_int(const app_config *cfg, const char *key, int fallback);
#ifdef __cplusplus
}
#endif
#endif
""",
    "include/app/util.h": """#ifndef APP_UTIL_H
#define APP_UTIL_H
#include <string.h>
#include "app/types.h"
static inline int app_starts_with(const char *s, const char *prefix) {
  return strncmp(s, prefix, strlen(prefix)) == 0;
}
static inline uint32_t app_hash(const char *s) {
  uint32_t h = 2166136261u;
  while (*s) { h ^= (unsigned char)*s++; h *= 16777619u; }
  return h;
}
#endif
""",
}

# The one project header that includes the client: reached only by some users.
CACHE_HEADER = ("include/app/cache.h", """#ifndef APP_CACHE_H
#define APP_CACHE_H
#include <hiredis/hiredis.h>
/* The team's "shared" cache endpoint, hardcoded once for everybody. */
#define APP_CACHE_CONNECT() redisConnect("cache.internal", 6379)
static inline redisContext *app_cache_open(void) {
  return redisConnect("cache.internal", 6380);
}
#endif
""")


@dataclass
class Unit:
    path: str  # relative to the repository root
    cxx: bool
    redis: str  # "" (no Redis), "direct" (names hiredis), "macro" or "inline" (via cache.h)


def _c_body(rng, n, redis):
    """A C unit: a struct, a parser loop, a table and, for users, one connect."""
    lines = [f"#include <{h}>" for h in C_HEADERS]
    lines += [f'#include "{h[8:]}"' for h in rng.sample(sorted(PROJECT_HEADERS), 2)]
    if redis == "direct":
        lines.insert(0, "#include <hiredis/hiredis.h>")
    elif redis:
        lines.append('#include "app/cache.h"')
    lines.append(f"""
struct record_{n} {{ int id; char name[32]; double score; time_t seen; }};

static int parse_{n}(const char *text, struct record_{n} *out, size_t max) {{
  size_t count = 0;
  while (*text && count < max) {{
    char *end;
    long id = strtol(text, &end, 10);
    if (end == text) {{ errno = EINVAL; return -1; }}
    out[count].id = (int)id;
    snprintf(out[count].name, sizeof out[count].name, "rec-%ld", id);
    out[count].score = (double)id / {rng.randint(2, 97)}.0;
    out[count].seen = time(NULL);
    count++;
    text = *end ? end + 1 : end;
  }}
  return (int)count;
}}

static int compare_{n}(const void *a, const void *b) {{
  const struct record_{n} *x = a, *y = b;
  return (x->score > y->score) - (x->score < y->score);
}}

int run_{n}(const char *input) {{
  struct record_{n} records[{rng.randint(16, 256)}];
  int count = parse_{n}(input, records, sizeof records / sizeof records[0]);
  if (count < 0) return 1;
  qsort(records, (size_t)count, sizeof records[0], compare_{n});
  uint64_t total = 0;
  for (int i = 0; i < count; i++) total += (uint64_t)records[i].id;
  printf("%d records, total %llu\\n", count, (unsigned long long)total);
  return strcmp(input, "") == 0;
}}""")
    lines.append(_connect(n, redis, "NULL"))
    return "\n".join(lines) + "\n"


def _cxx_body(rng, n, redis):
    """A C++ unit: a class over std containers and, for users, one connect."""
    lines = [f"#include <{h}>" for h in CXX_HEADERS]
    lines += [f'#include "{h[8:]}"' for h in rng.sample(sorted(PROJECT_HEADERS), 2)]
    if redis == "direct":
        lines.insert(0, "#include <hiredis/hiredis.h>")
    elif redis:
        lines.append('#include "app/cache.h"')
    lines.append(f"""
namespace svc{n} {{
class Inventory {{
 public:
  void add(const std::string &name, int count) {{ items_[name] += count; order_.push_back(name); }}
  std::vector<std::string> top(std::size_t k) const {{
    std::vector<std::pair<std::string, int>> all(items_.begin(), items_.end());
    std::sort(all.begin(), all.end(), [](const auto &a, const auto &b) {{ return a.second > b.second; }});
    std::vector<std::string> names;
    for (std::size_t i = 0; i < all.size() && i < k; ++i) names.push_back(all[i].first);
    return names;
  }}
  std::size_t size() const {{ return items_.size(); }}

 private:
  std::map<std::string, int> items_;
  std::vector<std::string> order_;
}};

std::unique_ptr<Inventory> make_inventory() {{
  auto inv = std::make_unique<Inventory>();
  for (int i = 0; i < {rng.randint(3, 40)}; ++i) inv->add("item-" + std::to_string(i % 7), i);
  return inv;
}}

int report() {{
  auto inv = make_inventory();
  for (const auto &name : inv->top({rng.randint(2, 9)})) std::cout << name << '\\n';
  return static_cast<int>(inv->size());
}}
}}  // namespace svc{n}""")
    lines.append(_connect(n, redis, "nullptr"))
    return "\n".join(lines) + "\n"


def _connect(n, redis, null):
    """The unit's one Redis site, or nothing for a non-user."""
    call = {
        "": None,
        "direct": f'redisConnect("cache-{n}.internal", 6379)',
        "macro": "APP_CACHE_CONNECT()",
        "inline": "app_cache_open()",
    }[redis]
    if call is None:
        return ""
    return f"""
redisContext *cache_for_{n}(void) {{
  redisContext *c = {call};
  if (c == {null} || c->err) return {null};
  return c;
}}"""


def _pick_users(rng, n, users_pct):
    """Which units use Redis and how: every fourth user goes through cache.h."""
    count = max(1, round(n * users_pct / 100))
    users = sorted(rng.sample(range(n), count))
    kinds = {}
    for i, unit in enumerate(users):
        kinds[unit] = "direct" if i % 4 != 3 else ("macro" if (i // 4) % 2 == 0 else "inline")
    return kinds


def generate(root, n, seed=14, users_pct=2.0):
    """Writes the repository under `root` and returns its units (a list of Unit)."""
    rng = random.Random(f"{n}/{seed}/{users_pct}")
    kinds = _pick_users(rng, n, users_pct)
    _mark_root(root)
    for rel, text in list(PROJECT_HEADERS.items()) + [CACHE_HEADER]:
        _write(root, rel, text)
    units, entries = [], []
    for i in range(n):
        cxx = rng.random() < CXX_SHARE
        redis = kinds.get(i, "")
        rel = f"src/mod{i // 50:03d}/unit{i:05d}.{'cpp' if cxx else 'c'}"
        _write(root, rel, (_cxx_body if cxx else _c_body)(rng, i, redis))
        units.append(Unit(rel, cxx, redis))
        entries.append(_entry(root, rel, cxx))
    _write(root, "build/compile_commands.json", json.dumps(entries, indent=1) + "\n")
    return units


def _entry(root, rel, cxx):
    """The compile command a CMake build of this repository would record."""
    compiler, std = ("/usr/bin/clang++-14", "-std=c++17") if cxx else ("/usr/bin/clang-14", "-std=c11")
    obj = "build/obj/" + rel + ".o"
    args = [compiler, std, "-Iinclude", "-DAPP_VERSION=3", "-O2", "-Wall", "-c", "-o", obj, rel]
    return {"directory": os.path.abspath(root), "arguments": args, "file": rel}


def _mark_root(root):
    """A repository's root is its git top level; these are not checkouts, so an empty
    .rehost.toml marks it (rehost reads paths relative to it: docs/ci.md)."""
    _write(root, ".rehost.toml", "# The project root of a synthetic repository (bench/synthetic_repo.py).\n")


def _write(root, rel, text):
    path = os.path.join(root, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


# ------------------------------------------------------------ the C server shape

SERVER_SYSTEM_HEADERS = ["stdio.h", "stdlib.h", "string.h", "errno.h", "time.h", "stdint.h",
                         "stdarg.h", "signal.h", "unistd.h", "fcntl.h", "pthread.h",
                         "sys/types.h", "sys/socket.h", "netinet/in.h", "limits.h"]

# The project headers: server.h includes the others, as a server's main header does.
SERVER_HEADERS = {
    "src/sds.h": """#ifndef SDS_H
#define SDS_H
#include <stddef.h>
typedef char *sds;
sds sdsnewlen(const void *init, size_t len);
sds sdscatlen(sds s, const void *t, size_t len);
void sdsfree(sds s);
static inline size_t sdslen(const sds s) { return s ? strlen(s) : 0; }
#endif
""",
    "src/adlist.h": """#ifndef ADLIST_H
#define ADLIST_H
typedef struct listNode { struct listNode *prev, *next; void *value; } listNode;
typedef struct list { listNode *head, *tail; unsigned long len; } list;
list *listCreate(void);
list *listAddNodeTail(list *l, void *value);
void listRelease(list *l);
#define listLength(l) ((l)->len)
#endif
""",
    "src/dict.h": """#ifndef DICT_H
#define DICT_H
#include <stdint.h>
typedef struct dictEntry { void *key; void *val; struct dictEntry *next; } dictEntry;
typedef struct dict { dictEntry **table; unsigned long size, used; } dict;
dict *dictCreate(void);
int dictAdd(dict *d, void *key, void *val);
void *dictFetchValue(dict *d, const void *key);
uint64_t dictGenHashFunction(const void *key, size_t len);
#endif
""",
    "src/config.h": """#ifndef CONFIG_H
#define CONFIG_H
#if defined(__linux__)
#define HAVE_EPOLL 1
#define HAVE_ACCEPT4 1
#endif
#ifdef HAVE_EPOLL
#include <sys/epoll.h>
#endif
#define SERVER_VERSION "7.2.4"
#endif
""",
    "src/server.h": """#ifndef SERVER_H
#define SERVER_H
""" + "".join(f"#include <{h}>\n" for h in SERVER_SYSTEM_HEADERS) + """#include "config.h"
#include "sds.h"
#include "adlist.h"
#include "dict.h"
typedef struct client { int fd; sds querybuf; list *reply; dict *watched; } client;
struct serverState { dict *commands; list *clients; int port; pthread_mutex_t lock; };
extern struct serverState server;
void serverLog(int level, const char *fmt, ...);
client *createClient(int fd);
void freeClient(client *c);
#define serverAssert(e) ((e) ? (void)0 : abort())
#endif
""",
}

# The vendored client: our own stand-in with hiredis's shape (declarations in the
# header, definitions in its units), reached as "hiredis.h" through -Ideps/hiredis.
VENDORED_HIREDIS = {
    "deps/hiredis/hiredis.h": """#ifndef VENDORED_HIREDIS_H
#define VENDORED_HIREDIS_H
#include <stddef.h>
#include <sys/time.h>
#define REDIS_ERR -1
#define REDIS_OK 0
typedef struct redisReply { int type; long long integer; size_t len; char *str; } redisReply;
typedef struct redisContext { int err; char errstr[128]; int fd; } redisContext;
redisContext *redisConnect(const char *ip, int port);
redisContext *redisConnectWithTimeout(const char *ip, int port, const struct timeval tv);
redisContext *redisConnectUnix(const char *path);
void *redisCommand(redisContext *c, const char *format, ...);
void freeReplyObject(void *reply);
void redisFree(redisContext *c);
#endif
""",
    "deps/hiredis/hiredis.c": """#include <stdlib.h>
#include <string.h>
#include "hiredis.h"
static redisContext *redisContextInit(void) { return calloc(1, sizeof(redisContext)); }
redisContext *redisConnectWithTimeout(const char *ip, int port, const struct timeval tv) {
  redisContext *c = redisContextInit();
  (void)ip; (void)port; (void)tv;
  return c;
}
redisContext *redisConnect(const char *ip, int port) {
  struct timeval none = {0, 0};
  return redisConnectWithTimeout(ip, port, none);
}
redisContext *redisConnectUnix(const char *path) { (void)path; return redisContextInit(); }
void freeReplyObject(void *reply) { free(reply); }
void redisFree(redisContext *c) { free(c); }
""",
    "deps/hiredis/net.c": """#include <errno.h>
#include <string.h>
#include "hiredis.h"
int redisCheckSocketError(redisContext *c) {
  if (c->err) return REDIS_ERR;
  strncpy(c->errstr, strerror(errno), sizeof c->errstr - 1);
  return REDIS_OK;
}
""",
    "deps/hiredis/async.c": """#include <stdlib.h>
#include "hiredis.h"
typedef struct redisAsyncContext { redisContext c; void *data; } redisAsyncContext;
redisAsyncContext *redisAsyncConnectFrom(redisContext *c) {
  redisAsyncContext *ac = calloc(1, sizeof *ac);
  if (ac) ac->c = *c;
  return ac;
}
""",
}


def _server_unit(rng, n, redis):
    """A small C unit of the server: a command handler and, for a user, one connect."""
    lines = ['#include "server.h"']
    if redis:
        lines.append('#include "hiredis.h"')
    lines.append(f"""
static int handler_{n}_arity = {rng.randint(1, 5)};

void handler_{n}(client *c) {{
  sds reply = sdsnewlen("+OK\\r\\n", 5);
  if (listLength(c->reply) > {rng.randint(100, 900)}) {{
    serverLog(2, "client %d: reply list too long", c->fd);
    sdsfree(reply);
    return;
  }}
  listAddNodeTail(c->reply, reply);
  dictAdd(c->watched, c->querybuf, (void *)(intptr_t)handler_{n}_arity);
}}""")
    if redis:
        lines.append(f"""
redisContext *replica_link_{n}(void) {{
  redisContext *c = redisConnect("replica-{n}.internal", {6379 + n % 7});
  if (c == NULL || c->err) return NULL;
  return c;
}}""")
    return "\n".join(lines) + "\n"


def generate_c_server(root, n, seed=14, users_pct=2.5):
    """Writes the C server under `root` and returns its units (a list of Unit): n server
    units, 2-3% of them Redis users ("direct"), then the vendored client's own units."""
    rng = random.Random(f"c-server/{n}/{seed}/{users_pct}")
    count = max(1, round(n * users_pct / 100))
    users = set(rng.sample(range(n), count))
    _mark_root(root)
    for rel, text in list(SERVER_HEADERS.items()) + list(VENDORED_HIREDIS.items()):
        _write(root, rel, text)
    units, entries = [], []
    for i in range(n):
        redis = "direct" if i in users else ""
        rel = f"src/cmd/handler{i:05d}.c"
        _write(root, rel, _server_unit(rng, i, redis))
        units.append(Unit(rel, False, redis))
        entries.append(_server_entry(root, rel))
    for rel in VENDORED_HIREDIS:
        if rel.endswith(".c"):
            units.append(Unit(rel, False, ""))
            entries.append(_server_entry(root, rel))
    _write(root, "build/compile_commands.json", json.dumps(entries, indent=1) + "\n")
    return units


def generate_both(parent, n, seed=14):
    """Writes the C/C++ mix and the C server at their default shares under `parent` and
    returns [(name, compile database directory)] for each, as the comparisons print them."""
    mix, server = os.path.join(parent, "mix"), os.path.join(parent, "server")
    generate(mix, n=n, seed=seed)
    generate_c_server(server, n=n, seed=seed)
    return [("C/C++ mix", os.path.join(mix, "build")), ("C server", os.path.join(server, "build"))]


def _server_entry(root, rel):
    """As a Makefile-built C server records it (through bear or compiledb)."""
    obj = "build/obj/" + rel + ".o"
    args = ["/usr/bin/clang-14", "-std=c11", "-D_GNU_SOURCE", "-Isrc", "-Ideps/hiredis",
            "-O2", "-Wall", "-c", "-o", obj, rel]
    return {"directory": os.path.abspath(root), "arguments": args, "file": rel}
