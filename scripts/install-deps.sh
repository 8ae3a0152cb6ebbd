#!/usr/bin/env bash
# Installs the Debian packages rehost's build, tests and demo need, and only
# those that are missing (so a machine that has them never touches apt).
# LLVM=19 installs the LLVM/Clang 19 packages instead of 14 (`make LLVM=19`).
set -euo pipefail

llvm=${LLVM:-14}
if [[ ! $llvm =~ ^[0-9]+$ ]]; then
  echo "rehost: LLVM must be a major version such as 14 or 19, not '$llvm'" >&2
  exit 2
fi

packages=(
  cmake ninja-build ccache pkg-config g++ python3 python3-yaml
  # The lit tests validate rehost's SARIF against the SARIF 2.1.0 schema.
  python3-jsonschema
  "clang-$llvm" "libclang-$llvm-dev" "libclang-cpp$llvm-dev" "llvm-$llvm-dev"
  "llvm-$llvm-tools" "clang-tools-$llvm"
  # Clang's sanitizer and libFuzzer runtimes, for `make fuzz`.
  "libclang-rt-$llvm-dev"
  libcli11-dev libfmt-dev libgtest-dev
  libhiredis-dev libtomlplusplus-dev redis-server redis-tools
  git pre-commit
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
