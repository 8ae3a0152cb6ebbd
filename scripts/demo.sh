#!/usr/bin/env bash
# `make demo`: rehost's main job on the bundled example project, end to end:
# scan, fix, the fix report, the migrated services built against the runtime
# and run against a real redis-server that only the environment names.
# Works on a copy in the build tree; the checkout is never touched.
# Usage: scripts/demo.sh [BUILD_DIR] [DEMO_DIR]  (DEMO_DIR defaults to BUILD_DIR/demo)
set -euo pipefail

build_dir=$(realpath "${1:-build}")
root=$(cd "$(dirname "$0")/.." && pwd)
demo=$(realpath -m "${2:-$build_dir/demo}")
prefix="$demo/prefix"
rehost="$build_dir/bin/rehost"
services="$demo/services"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
expect_status() { # expect_status WANTED COMMAND...
  local wanted=$1 status=0
  shift
  "$@" || status=$?
  if [[ $status -ne $wanted ]]; then
    echo "demo: '$*' exited with $status, expected $wanted" >&2
    exit 1
  fi
}

step "Copying examples/services to $services; installing the runtime to $prefix"
rm -rf "$demo"
mkdir -p "$demo"
cp -r "$root/examples/services" "$services"
cmake --install "$build_dir" --prefix "$prefix" >/dev/null
cmake -S "$services" -B "$services/build" -G Ninja >/dev/null
cd "$services"

step "rehost scan -p build (exit 1: findings)"
expect_status 1 "$rehost" scan -p build

step "rehost fix -p build --dry-run (the diff a reviewer would see)"
expect_status 1 "$rehost" fix -p build --dry-run

step "rehost fix -p build (exit 1: some findings are left for a human)"
expect_status 1 "$rehost" fix -p build

step "The fix report (rehost-report.md)"
cat rehost-report.md

step "The runtime's rehost.toml that fix wrote"
cat rehost.toml

step "A second fix changes nothing"
before=$(cat common/redis_config.h notifier/notifier.c queue/queue.cpp counter/counter.c | md5sum)
expect_status 1 "$rehost" fix -p build --format text -o /dev/null
after=$(cat common/redis_config.h notifier/notifier.c queue/queue.cpp counter/counter.c | md5sum)
[[ $before == "$after" ]] || { echo "demo: the second fix changed files" >&2; exit 1; }
echo "unchanged"

step "Building the migrated services against the installed runtime"
cmake -S . -B build -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
cmake --build build >/dev/null
echo "built: counter queue notifier"

step "A real redis-server on a free loopback port, with a password"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
password="demo-$RANDOM$RANDOM"
redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no \
  --requirepass "$password" --daemonize no >"$demo/redis.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  redis-cli -p "$port" -a "$password" --no-auth-warning ping >/dev/null 2>&1 && break
  sleep 0.1
done
cli() { redis-cli -p "$port" -a "$password" --no-auth-warning "$@"; }

step "The services follow the environment (REDIS_URL, REDIS_QUEUE_URL -> port $port)"
export REDIS_URL="redis://:$password@127.0.0.1:$port/0"
export REDIS_QUEUE_URL="redis://:$password@127.0.0.1:$port/1"
./build/counter
./build/counter
./build/queue
visits=$(cli -n 0 get visits)
jobs=$(cli -n 1 llen jobs)
echo "server on port $port: visits=$visits (db 0), jobs=$jobs (db 1)"
[[ $visits == 2 && $jobs == 1 ]] || { echo "demo: the services did not reach the configured server" >&2; exit 1; }

step "rehost-doctor queue: where each setting came from"
"$prefix/bin/rehost-doctor" queue

step "Done"
echo "queue.cpp's AUTH literal became rehost_auth_password(\"default\"): the password"
echo "now comes from REDIS_URL. notifier.c keeps its partially hardcoded connect:"
echo "it is listed as manual in rehost-report.md, with the reason."
