// Each suppression form silences the findings of the checks it names: the
// finding shows as suppressed (a note, JSON's action, SARIF's
// suppressions), does not count, and fix leaves its line alone.
// RUN: %expect-exit 1 %rehost scan %s -- 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=note:
// RUN: %expect-exit 1 %rehost scan --format json %s -- | FileCheck %s --check-prefix=JSON
// RUN: %expect-exit 1 %rehost scan --format sarif %s -- | FileCheck %s --check-prefix=SARIF
// RUN: %strip-checks %s %t.c && %expect-exit 1 %rehost fix --dry-run %t.c -- | FileCheck %s --check-prefix=DIFF

#include <hiredis/hiredis.h>

void forms(void) {
  redisConnect("10.0.0.1", 6379); // NOLINT
  // CHECK: suppress-forms.c:[[@LINE-1]]:3: note: suppressed by NOLINT: hardcoded Redis endpoint 'redis://10.0.0.1:6379' in call to 'redisConnect' [rehost-hardcoded-endpoint]
  redisConnect("10.0.0.2", 6379); // NOLINT(rehost-hardcoded-endpoint): a test fixture
  // CHECK: :[[@LINE-1]]:3: note: suppressed by NOLINT (a test fixture): hardcoded Redis endpoint 'redis://10.0.0.2:6379'
  redisConnect("10.0.0.3", 6379); // NOLINT(bugprone-*, rehost-*)
  // CHECK: :[[@LINE-1]]:3: note: suppressed by NOLINT: hardcoded Redis endpoint 'redis://10.0.0.3:6379'
  // NOLINTNEXTLINE(rehost-hardcoded-endpoint) - staging only
  redisConnect("10.0.0.4", 6379);
  // CHECK: :[[@LINE-1]]:3: note: suppressed by NOLINT{{NEXTLINE}} (staging only): hardcoded Redis endpoint 'redis://10.0.0.4:6379'
  redisConnect("10.0.0.5", 6379); // rehost: allow(the local test server)
  // CHECK: :[[@LINE-1]]:3: note: suppressed by rehost: allow (the local test server): hardcoded Redis endpoint 'redis://10.0.0.5:6379'
  /* rehost: allow */ redisConnect("10.0.0.6", 6379);
  // CHECK: :[[@LINE-1]]:23: note: suppressed by rehost: allow: hardcoded Redis endpoint 'redis://10.0.0.6:6379'
}

// NOLINTBEGIN(rehost-hardcoded-endpoint): vendored example code
void region(void) {
  redisConnect("10.0.1.1", 6379);
  // CHECK: :[[@LINE-1]]:3: note: suppressed by NOLINT{{BEGIN}} (vendored example code): hardcoded Redis endpoint 'redis://10.0.1.1:6379'
}
// NOLINTEND(rehost-hardcoded-endpoint)

void not_suppressed(void) {
  // Another check, another line, a closed region: still findings.
  redisConnect("10.0.2.1", 6379); // NOLINT(readability-magic-numbers)
  // CHECK: :[[@LINE-1]]:3: warning: hardcoded Redis endpoint 'redis://10.0.2.1:6379'
  // NOLINTNEXTLINE(rehost-hardcoded-endpoint)

  redisConnect("10.0.2.2", 6379);
  // CHECK: :[[@LINE-1]]:3: warning: hardcoded Redis endpoint 'redis://10.0.2.2:6379'
  redisConnect("10.0.2.3", 6379); // NOLINTNEXTLINE
  // CHECK: :[[@LINE-1]]:3: warning: hardcoded Redis endpoint 'redis://10.0.2.3:6379'
  redisConnect("10.0.2.4", 6379); // NOLINT(rehost-hardcoded-credential)
  // CHECK: :[[@LINE-1]]:3: warning: hardcoded Redis endpoint 'redis://10.0.2.4:6379'
}

// CHECK: rehost: 4 findings (4 hardcoded, 0 partially hardcoded, 0 credentials) in 1 file; 1 translation unit scanned

// JSON:      "action": "suppressed",
// JSON-NEXT: "api": "redisConnect",
// JSON:      "reason": "a test fixture",
// JSON-NEXT: "rule": "hardcoded-endpoint",
// JSON-NEXT: "suppressed_by": "NOLINT"
// JSON:      "findings": 4,
// JSON:      "suppressed": 7

// SARIF:      "ruleId": "rehost-hardcoded-endpoint",
// SARIF-NEXT: "ruleIndex": 0,
// SARIF-NEXT: "suppressions": [
// SARIF-NEXT:   {
// SARIF-NEXT:     "justification": "",
// SARIF-NEXT:     "kind": "inSource"

// Only the four findings that count are rewritten.
// DIFF: {{^}}+#include <rehost/rehost.h>
// DIFF-COUNT-4: {{^\+ +rehost_redisConnect\("(default|not-suppressed|ip-10-0-2-[3-4])", "10.0.2.[1-4]"}}
// DIFF-NOT: rehost_redisConnect
