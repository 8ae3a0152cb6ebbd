#!/usr/bin/env bash
# `make demo`: rehost's main job on the bundled example project, end to end.
# Works on a copy in the build tree; the checkout is never touched.
set -euo pipefail

# Usage: scripts/demo.sh [BUILD_DIR] [DEMO_DIR]  (DEMO_DIR defaults to BUILD_DIR/demo)
build_dir=$(realpath "${1:-build}")
root=$(cd "$(dirname "$0")/.." && pwd)
rehost="$build_dir/bin/rehost"
doctor="$build_dir/bin/rehost-doctor"
demo=$(realpath -m "${2:-$build_dir/demo}")

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "Copying examples/services to $demo/services"
rm -rf "$demo"
mkdir -p "$demo"
cp -r "$root/examples/services" "$demo/services"

step "Configuring the example (writes compile_commands.json)"
cmake -S "$demo/services" -B "$demo/services/build" -G Ninja >/dev/null

step "rehost scan -p build (exit 1 means: findings)"
cd "$demo/services"
status=0
"$rehost" scan -p build || status=$?
if [[ $status -ne 1 ]]; then
  echo "demo: expected findings (exit 1), got exit $status" >&2
  exit 1
fi

step "Reports: JSON and SARIF"
"$rehost" scan -p build --format json -o rehost-report.json 2>/dev/null || true
"$rehost" scan -p build --format sarif -o rehost-report.sarif 2>/dev/null || true
python3 - rehost-report.json <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
for f in report["files"]:
    for x in f["findings"]:
        print(f'{f["path"]}:{x["line"]}  {x["rule"]:<20} {x["api"]:<24} {x["endpoint"]:<34} '
              f'profile={x["profile"] or "-":<16} {x["action"]}')
s = report["summary"]
print(f'summary: {s["findings"]} findings in {s["files_with_findings"]} files, '
      f'{s["files_scanned"]} translation units scanned')
PY
echo "written: $demo/services/rehost-report.json, $demo/services/rehost-report.sarif"

step "The runtime: a real redis-server on a free loopback port, with a password"
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

step "rehost-doctor: where each setting comes from (REDIS_URL points at port $port)"
REDIS_URL="redis://:$password@127.0.0.1:$port/0" "$doctor" default

step "Done"
echo "The example's findings are above; 'rehost fix' (next release) rewrites them onto the runtime."
