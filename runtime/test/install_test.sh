#!/bin/sh
# Installs the runtime into a scratch prefix, builds test/consumer/app.c
# against it with pkg-config and with find_package(RehostRuntime), and runs
# both against a redis-server started here on a unix socket.
# usage: install_test.sh CMAKE RUNTIME_BUILD_DIR WORK_DIR CONSUMER_DIR REDIS_SERVER
set -eu
cmake=$1 build=$2 work=$3 consumer=$4 redis_server=$5
prefix=$work/prefix
rm -rf "$work"
mkdir -p "$work"

"$cmake" --install "$build" --prefix "$prefix" >"$work/install.log"

pc_dir=$(dirname "$(find "$prefix" -name rehost-runtime.pc)")
# The hiredis the runtime was built against is found as it was: through the
# PKG_CONFIG_PATH of the test's environment (the configure's, see
# CMakeLists.txt), if any.
export PKG_CONFIG_PATH="$pc_dir${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"
flags=$(pkg-config --cflags --libs rehost-runtime)
hiredis_libdir=$(pkg-config --variable=libdir hiredis)
echo "pkg-config: $flags"
# CFLAGS/LDFLAGS: the sanitizer flags in a sanitized build.
# shellcheck disable=SC2086 # the flags are word lists
cc ${CFLAGS:-} -o "$work/app-pkgconfig" "$consumer/app.c" $flags ${LDFLAGS:-}

"$cmake" -S "$consumer" -B "$work/consumer-build" -G Ninja \
  -DCMAKE_PREFIX_PATH="$prefix" >"$work/consumer-configure.log"
"$cmake" --build "$work/consumer-build" >"$work/consumer-build.log"

# A unix socket, so no port can collide with another test run.
socket=$work/redis.sock
"$redis_server" --port 0 --unixsocket "$socket" --save '' --appendonly no \
  --requirepass install-test-pw --loglevel warning &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
i=0
until [ -S "$socket" ]; do
  i=$((i + 1))
  [ $i -lt 50 ] || { echo "redis-server did not come up"; exit 1; }
  sleep 0.1
done

for app in "$work/app-pkgconfig" "$work/consumer-build/app"; do
  out=$(REDIS_URL="unix://:install-test-pw@$socket" \
    LD_LIBRARY_PATH=$(dirname "$pc_dir"):$hiredis_libdir "$app")
  [ "$out" = PONG ] || { echo "$app printed '$out'"; exit 1; }
  echo "$app: $out"
done
"$prefix/bin/rehost-doctor" --help >/dev/null
echo "install test passed"
