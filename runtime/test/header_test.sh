#!/bin/sh
# Compiles one translation unit against the runtime's headers with warnings
# as errors, links it to the library and runs it in an empty directory (so no
# rehost.toml and no REDIS_* variable is seen).
# usage: header_test.sh WORK_DIR SOURCE LIBRARY HIREDIS_LIBRARY COMPILER FLAGS...
set -eu
work=$1 source=$2 library=$3 hiredis=$4
shift 4
rm -rf "$work"
mkdir -p "$work"
"$@" -Wall -Wextra -pedantic -Werror "$source" "$library" "$hiredis" \
  -Wl,-rpath,"$(dirname "$library")" -Wl,-rpath,"$(dirname "$hiredis")" \
  -o "$work/calls"
cd "$work"
env -u REHOST_CONFIG -u REHOST_ENV $(env | sed -n 's/^\(REDIS_[^=]*\)=.*/-u \1/p') \
  ./calls
