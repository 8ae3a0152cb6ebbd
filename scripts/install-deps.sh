#!/usr/bin/env bash
# Installs the Debian packages rehost's build, tests and demo need, and only
# those that are missing (so a machine that has them never touches apt).
set -euo pipefail

packages=(
  cmake ninja-build ccache pkg-config g++ python3
  clang-14 libclang-14-dev libclang-cpp14-dev llvm-14-dev llvm-14-tools
  clang-tools-14 libcli11-dev libfmt-dev libgtest-dev libbenchmark-dev
  libhiredis-dev libtomlplusplus-dev redis-server redis-tools
)

missing=()
for pkg in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  [[ $status == "install ok installed" ]] || missing+=("$pkg")
done

if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi

echo "rehost: installing missing packages: ${missing[*]}"
sudo=""
if [[ $(id -u) -ne 0 ]]; then
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
