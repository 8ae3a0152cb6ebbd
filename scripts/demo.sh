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

step "Two real redis-servers on free loopback ports, each with its own password"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
servers=()
trap 'kill "${servers[@]}" 2>/dev/null || true' EXIT
start_server() { # start_server PORT PASSWORD LOG
  redis-server --port "$1" --bind 127.0.0.1 --save '' --appendonly no \
    --requirepass "$2" --daemonize no >"$3" 2>&1 &
  servers+=($!)
  for _ in $(seq 50); do
    redis-cli -p "$1" -a "$2" --no-auth-warning ping >/dev/null 2>&1 && return
    sleep 0.1
  done
  echo "demo: redis-server on port $1 did not start" >&2
  exit 1
}
cache_port=$(free_port)
cache_password="cache-$RANDOM$RANDOM"
start_server "$cache_port" "$cache_password" "$demo/redis-cache.log"
queue_port=$(free_port)
queue_password="queue-$RANDOM$RANDOM"
start_server "$queue_port" "$queue_password" "$demo/redis-queue.log"
cache_cli() { redis-cli -p "$cache_port" -a "$cache_password" --no-auth-warning "$@"; }
queue_cli() { redis-cli -p "$queue_port" -a "$queue_password" --no-auth-warning "$@"; }
echo "cache (profile default) on port $cache_port, queue (profile queue) on port $queue_port"

step "The services follow the environment: REDIS_URL (db 2) and REDIS_QUEUE_URL (db 1)"
export REDIS_URL="redis://:$cache_password@127.0.0.1:$cache_port/2"
export REDIS_QUEUE_URL="redis://:$queue_password@127.0.0.1:$queue_port/1"
./build/counter
./build/counter
./build/queue
visits=$(cache_cli -n 2 get visits)
last_job=$(cache_cli -n 2 get last_job)
jobs=$(queue_cli -n 1 llen jobs)
echo "cache server: visits=$visits, last_job=$last_job (db 2); queue server: jobs=$jobs (db 1)"
[[ $visits == 2 && $last_job == resize && $jobs == 1 ]] ||
  { echo "demo: the services did not reach the configured servers" >&2; exit 1; }

step "rehost-doctor queue: where each setting came from"
"$prefix/bin/rehost-doctor" queue

step "rehost-doctor default with nothing configured: the fallback the code carries"
# From rehost.toml's call_site; nothing listens on 127.0.0.1:6379 here, so the
# ping fails and the doctor says so (exit status 1).
env -u REDIS_URL "$prefix/bin/rehost-doctor" default | grep -E '^profile|^  (host|port) ' || true

step "Done"
echo "queue.cpp's AUTH literal became rehost_redisAuth(Queue, \"queue\"): it authenticates"
echo "with the queue profile's password, the one REDIS_QUEUE_URL carries, on the"
echo "connection it was sent on; the C++ service's cache writes follow REDIS_URL's"
echo "password and db. notifier.c keeps its partially hardcoded connect: it is"
echo "listed as manual in rehost-report.md, with the reason."
