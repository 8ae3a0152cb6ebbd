// RUN: %expect-exit 1 %rehost scan %s -- 2>&1 | FileCheck %s --implicit-check-not=error
// Clang's own headers resolve wherever the rehost binary lives.

#include <stdarg.h>
#include <stddef.h>
#include <hiredis/hiredis.h>

redisContext *with_builtins(size_t n, ...) {
  va_list ap;
  va_start(ap, n);
  va_end(ap);
  return redisConnect("127.0.0.1", 6379);
  // CHECK: :[[@LINE-1]]:10: warning: hardcoded Redis endpoint
}
