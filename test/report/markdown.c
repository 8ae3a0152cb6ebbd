// RUN: %expect-exit 1 %rehost scan --format markdown %s -- | FileCheck %s --match-full-lines
// The per-file report a reviewer reads in a pull request: summary, profiles,
// one table per file, then how to link the runtime.

#include <hiredis/hiredis.h>

redisContext *cache(void) {
  return redisConnect("10.0.0.12", 6380 | 0); /* `cache` <b>x</b> */
}
redisContext *fallback(int argc, char **argv) {
  return redisConnect(argc > 1 ? argv[1] : "localhost", 6379);
}

// CHECK:      # rehost scan report
// CHECK-EMPTY:
// CHECK-NEXT: ## Summary
// CHECK-EMPTY:
// CHECK-NEXT: - Files scanned: 1
// CHECK-NEXT: - Files with findings: 1
// CHECK-NEXT: - Files fixed: 0
// CHECK-NEXT: - Files clean: 0
// CHECK-NEXT: - Files with errors: 0
// CHECK-NEXT: - Findings: 2
// CHECK-NEXT: - Findings fixable: 1
// CHECK-NEXT: - Findings fixed: 0
// CHECK-NEXT: - Findings manual: 1
// CHECK-EMPTY:
// A scan fixes nothing: it counts, it does not say "0 of 2 fixed".
// CHECK-NEXT: **2 findings, 1 fixable**
// CHECK-EMPTY:
// CHECK-NEXT: ## Profiles
// CHECK-EMPTY:
// CHECK-NEXT: | Profile | Endpoint | Sites | Overridden by | Must now be set |
// CHECK-NEXT: | --- | --- | --- | --- | --- |
// CHECK-NEXT: | `default` | `redis://10.0.0.12:6380` | 1 | `REDIS_URL`, `REDIS_HOST`, `REDIS_PORT`, `REDIS_SOCKET`, `REDIS_PASSWORD` | — |
// CHECK-EMPTY:
// CHECK-NEXT: ## Files
// CHECK-EMPTY:
// CHECK-NEXT: ### {{.*}}markdown.c
// CHECK-EMPTY:
// CHECK-NEXT: | Line | API | Rule | Before | After | Action | Reason |
// CHECK-NEXT: | --- | --- | --- | --- | --- | --- | --- |
// A pipe in the code is escaped; backticks in it lengthen the fence.
// CHECK-NEXT: | 8 | `redisConnect` | hardcoded-endpoint | ``return redisConnect("10.0.0.12", 6380 \| 0); /* `cache` <b>x</b> */`` | ``{{.*}}rehost_redisConnect("default", {{.*}} \| 0); /* `cache` <b>x</b> */`` | fixable | — |
// CHECK-NEXT: | 11 | `redisConnect` | partially-hardcoded | `return redisConnect(argc > 1 ? argv[1] : "localhost", 6379);` | — | manual | a constant fallback is mixed with values computed at run time; move the fallback into configuration by hand |
// CHECK-EMPTY:
// What the rewrite changes, as a diff GitHub colours, with the line's own
// indentation; the manual finding changes nothing.
// CHECK-NEXT: ```diff
// CHECK-NEXT: @@ line 8 @@
// CHECK-NEXT: -  return redisConnect("10.0.0.12", 6380 | 0); /* `cache` <b>x</b> */
// CHECK-NEXT: +  return rehost_redisConnect("default", "10.0.0.12", 6380 | 0); /* `cache` <b>x</b> */
// CHECK-NEXT: ```
// CHECK-EMPTY:
// CHECK-NEXT: ## Linking the runtime
// CHECK-EMPTY:
// CHECK-NEXT: Rewritten code calls the runtime library `rehost-runtime`. Link it with pkg-config:
// CHECK-EMPTY:
// CHECK-NEXT: ```sh
// CHECK-NEXT: cc app.c $(pkg-config --cflags --libs rehost-runtime)
// CHECK-NEXT: ```
// CHECK-EMPTY:
// CHECK-NEXT: or with CMake:
// CHECK-EMPTY:
// CHECK-NEXT: ```cmake
// CHECK-NEXT: find_package(RehostRuntime REQUIRED)
// CHECK-NEXT: target_link_libraries(app PRIVATE rehost::runtime)
// CHECK-NEXT: ```
// CHECK-EMPTY:
// CHECK-NEXT: `rehost-doctor PROFILE` shows what a profile resolves to: each setting with the variable, config file or default it comes from.
// CHECK-EMPTY:
// CHECK-NEXT: `rehost env` writes the variables the deployment must now set for each profile of the runtime's `rehost.toml`: a dotenv file, a Kubernetes ConfigMap with a Secret stub, or a compose environment block (`--format dotenv`, `k8s` or `compose`). It never writes a password.
// CHECK-NOT: {{.}}
