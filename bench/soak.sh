#!/bin/sh
# The pool's fault soak, long form: runs the soak test of
# runtime/test/soak_test.cpp (which `make test` and `make test-tsan` run for
# one round of the six faults) for SECONDS, against a real redis-server on
# loopback, and prints its figures (docs/reliability.md quotes them). It
# builds the runtime alone (no LLVM) into BUILD_DIR unless that directory
# already holds a build, so `bench/soak.sh 300 build-tsan` soaks the
# ThreadSanitizer build that `make test-tsan` made.
#
#   bench/soak.sh [SECONDS] [BUILD_DIR]      (defaults: 300, build-soak)
#
# Bounded: it stops by itself after SECONDS plus at most one round of the
# faults (about 15 s); exit status 0 when every check held.
set -eu
cd "$(dirname "$0")/.."
seconds=${1:-300}
build=${2:-build-soak}
if [ ! -f "$build/build.ninja" ]; then
  cmake -S runtime -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache
fi
cmake --build "$build" --target rehost_runtime_tests
REHOST_SOAK_SECONDS=$seconds TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 \
  ASAN_OPTIONS=halt_on_error=1:detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  "$build/test/rehost_runtime_tests" --gtest_filter='PoolSoak.*'
