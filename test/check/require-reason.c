// --require-reason (or .rehost.toml's [check] require_reason = true): a
// suppression without a reason does not suppress; the finding says why, and
// fix leaves it for a human. One with a reason still suppresses.
// RUN: %expect-exit 1 %rehost scan --require-reason %s -- 2>&1 | FileCheck %s
// RUN: rm -rf %t && mkdir %t && printf '[check]\nrequire_reason = true\n' > %t/.rehost.toml
// RUN: cd %t && %expect-exit 1 %rehost scan --format json %s -- | FileCheck %s --check-prefix=JSON
// RUN: printf '[check]\nrequire_reason = "yes"\n' > %t/.rehost.toml
// RUN: cd %t && %expect-exit 2 %rehost scan %s -- 2>&1 | FileCheck %s --check-prefix=BAD
// RUN: cd %S && %expect-exit 0 %rehost scan %s -- 2>&1 | FileCheck %s --check-prefix=DEFAULT

#include <hiredis/hiredis.h>

void f(void) {
  redisConnect("10.0.0.1", 6379); // NOLINT(rehost-hardcoded-endpoint)
  // CHECK: :[[@LINE-1]]:3: warning: hardcoded Redis endpoint 'redis://10.0.0.1:6379'
  redisConnect("10.0.0.2", 6379); // NOLINT(rehost-hardcoded-endpoint): fixture
  // CHECK: :[[@LINE-1]]:3: note: suppressed by NOLINT (fixture)
  redisConnect("10.0.0.3", 6379); // rehost: allow
  // CHECK: :[[@LINE-1]]:3: warning: hardcoded Redis endpoint 'redis://10.0.0.3:6379'
}
// CHECK: rehost: 2 findings

// JSON:      "action": "manual",
// JSON:      "reason": "NOLINT gives no reason, and --require-reason asks for one: write it after the comment (NOLINT(rehost-hardcoded-endpoint): why)",
// JSON:      "action": "suppressed",
// JSON:      "action": "manual",
// JSON:      "reason": "rehost: allow gives no reason, and --require-reason asks for one: write it after the comment (rehost: allow(why))",
// JSON:      "findings": 2,

// BAD: .rehost.toml:2:18: check.require_reason: expected true or false, found a string

// DEFAULT: rehost: 0 findings
