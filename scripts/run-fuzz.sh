#!/usr/bin/env bash
# `make fuzz`: runs every libFuzzer target of a REHOST_FUZZ build for
# SECONDS each, one after the other (the machine's cores are shared), from
# its seed corpus (fuzz/corpus/<target>, read only) plus what earlier runs
# found (BUILD_DIR/fuzz-corpus/<target>). A crash leaves its input in
# BUILD_DIR/fuzz-crashes/; copy it into fuzz/corpus/<target>/ once fixed, so
# the replay test of the normal suite keeps it.
# usage: scripts/run-fuzz.sh BUILD_DIR SECONDS [TARGET...]
set -uo pipefail
build=$1 seconds=$2
shift 2
root=$(cd "$(dirname "$0")/.." && pwd)
targets=("$@")
if [[ ${#targets[@]} -eq 0 ]]; then
  for binary in "$build"/bin/rehost-fuzz-*; do
    targets+=("${binary##*/rehost-fuzz-}")
  done
fi
[[ ${#targets[@]} -gt 0 ]] || { echo "run-fuzz: no target in $build/bin" >&2; exit 2; }

# A finding stops the target; leaks are findings (libFuzzer checks them per
# input).
export ASAN_OPTIONS=halt_on_error=1:detect_leaks=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
failed=()
mkdir -p "$build/fuzz-crashes"
for target in "${targets[@]}"; do
  seeds=$root/fuzz/corpus/$target
  found=$build/fuzz-corpus/$target
  log=$build/fuzz-logs/$target.log
  mkdir -p "$found" "$(dirname "$log")"
  # -timeout: an input that takes 10 s is a finding too (a hang).
  "$build/bin/rehost-fuzz-$target" "$found" "$seeds" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2560 \
    -print_final_stats=1 -artifact_prefix="$build/fuzz-crashes/$target-" \
    >"$log" 2>&1
  status=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  if [[ $status -ne 0 ]]; then
    failed+=("$target")
    echo "fuzz $target: FAILED (exit $status), see $log"
    grep -E "^(==[0-9]+==ERROR|SUMMARY|rehost fuzz:|.*runtime error)" "$log" | head -5
  else
    echo "fuzz $target: ${runs:-?} executions in ${seconds}s, no finding"
  fi
done
if [[ ${#failed[@]} -gt 0 ]]; then
  echo "run-fuzz: findings in: ${failed[*]}" >&2
  exit 1
fi
