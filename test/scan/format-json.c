// RUN: %expect-exit 1 %rehost scan --format json %s -- | FileCheck %s
// The JSON report: per file path, status and findings; then a summary.

#include <hiredis/hiredis.h>
#include <stdlib.h>

redisContext *fixed(void) { return redisConnect("10.0.0.12", 6380); }
redisContext *fallback(int argc, char **argv) {
  return redisConnect(argc > 1 ? argv[1] : "localhost", 6379);
}

// CHECK:      "files": [
// CHECK-NEXT:   {
// CHECK-NEXT:     "findings": [
// CHECK-NEXT:       {
// CHECK-NEXT:         "action": "fixable",
// "after" and "before" sort around "api" when the rewrite is planned.
// CHECK:              "api": "redisConnect",
// CHECK:              "column": 36,
// CHECK-NEXT:         "credential": "",
// CHECK-NEXT:         "endpoint": "redis://10.0.0.12:6380",
// CHECK-NEXT:         "fingerprint": "{{[0-9a-f]+}}",
// CHECK-NEXT:         "function": "fixed",
// CHECK-NEXT:         "kind": "function",
// CHECK-NEXT:         "line": 7,
// CHECK-NEXT:         "line_text": "redisContext *fixed(void) { return redisConnect(\"10.0.0.12\", 6380); }",
// CHECK-NEXT:         "message": "hardcoded Redis endpoint 'redis://10.0.0.12:6380' in call to 'redisConnect'",
// CHECK-NEXT:         "profile": "default",
// CHECK-NEXT:         "reason": "",
// CHECK-NEXT:         "rule": "hardcoded-endpoint"
// CHECK-NEXT:       },
// CHECK-NEXT:       {
// CHECK-NEXT:         "action": "manual",
// CHECK-NEXT:         "api": "redisConnect",
// CHECK-NEXT:         "column": 10,
// CHECK-NEXT:         "credential": "",
// CHECK-NEXT:         "endpoint": "redis://localhost:6379",
// CHECK-NEXT:         "fingerprint": "{{[0-9a-f]+}}",
// CHECK-NEXT:         "function": "fallback",
// CHECK-NEXT:         "kind": "function",
// CHECK-NEXT:         "line": 9,
// CHECK-NEXT:         "line_text": "  return redisConnect(argc > 1 ? argv[1] : \"localhost\", 6379);",
// CHECK:              "profile": "",
// CHECK-NEXT:         "reason": "a constant fallback is mixed with values computed at run time; move the fallback into configuration by hand",
// CHECK-NEXT:         "rule": "partially-hardcoded"
// CHECK-NEXT:       }
// CHECK-NEXT:     ],
// CHECK-NEXT:     "path": "{{.*}}format-json.c",
// CHECK-NEXT:     "status": "findings"
// CHECK-NEXT:   }
// CHECK-NEXT: ],
// CHECK-NEXT: "profiles": [
// CHECK-NEXT:   {
// CHECK-NEXT:     "address": "redis://10.0.0.12:6380",
// CHECK-NEXT:     "endpoint": "redis://10.0.0.12:6380",
// CHECK-NEXT:     "must_set": [],
// CHECK-NEXT:     "name": "default",
// CHECK-NEXT:     "sites": 1,
// CHECK-NEXT:     "variables": [
// CHECK-NEXT:       "REDIS_URL",
// CHECK-NEXT:       "REDIS_HOST",
// CHECK-NEXT:       "REDIS_PORT",
// CHECK-NEXT:       "REDIS_SOCKET",
// CHECK-NEXT:       "REDIS_PASSWORD"
// CHECK-NEXT:     ]
// CHECK-NEXT:   }
// CHECK-NEXT: ],
// CHECK:      "summary": {
// CHECK-NEXT:   "baselined": 0,
// CHECK-NEXT:   "by_rule": {
// CHECK-NEXT:     "hardcoded-credential": 0,
// CHECK-NEXT:     "hardcoded-endpoint": 1,
// CHECK-NEXT:     "partially-hardcoded": 1
// CHECK-NEXT:   },
// CHECK-NEXT:   "files_fixed": 0,
// CHECK-NEXT:   "files_scanned": 1,
// CHECK-NEXT:   "files_with_errors": 0,
// CHECK-NEXT:   "files_with_findings": 1,
// CHECK-NEXT:   "findings": 2,
// CHECK-NEXT:   "fixable": 1,
// CHECK-NEXT:   "fixed": 0,
// CHECK-NEXT:   "manual": 1,
// CHECK-NEXT:   "suppressed": 0,
// CHECK-NEXT:   "untraced_client_calls": 0
// CHECK-NEXT: },
// CHECK-NEXT: "tool": "rehost",
