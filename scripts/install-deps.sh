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
  # OpenSSL: the runtime's TLS (linked only where hiredis_ssl is found:
  # the hiredict build), and the command that makes the TLS tests'
  # certificates.
  libssl-dev openssl
  git pre-commit
)

missing=()
for pkg in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  [[ $status == "install ok installed" ]] || missing+=("$pkg")
done

sudo=""
if [[ $(id -u) -ne 0 ]]; then
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive

if [[ ${#missing[@]} -gt 0 ]]; then
  echo "rehost: installing missing packages: ${missing[*]}"
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# hiredict (hiredis 1.x) for the runtime's second build and the tests that
# need real hiredis 1.x headers (docs/runtime.md, "hiredis generations"):
# bookworm has only hiredis 0.14, bookworm-backports has hiredict, whose shims
# conflict with libhiredis-dev, so its packages are unpacked into
# HIREDICT_DIR (the build tree's hiredict/), never installed.
[[ -n ${HIREDICT_DIR:-} ]] || exit 0
hiredict_packages=(libhiredict1.3.1 libhiredict-dev libhiredict-shims-dev)
stamp="$HIREDICT_DIR/.unpacked"
[[ -f $stamp ]] && exit 0

# bookworm-backports, added as Debian documents it when no apt source names
# it yet: the same mirror and key as the machine's bookworm source.
add_backports() {
  local debian=/etc/apt/sources.list.d/debian.sources
  local uris signed
  if grep -rqs 'bookworm-backports' /etc/apt/sources.list /etc/apt/sources.list.d/; then
    return 0
  fi
  if [[ ! -f $debian ]]; then
    echo "rehost: no bookworm-backports apt source and no $debian to copy it from;" \
      "add bookworm-backports to apt's sources" >&2
    exit 2
  fi
  # The stanza whose Suites: lists plain bookworm.
  read -r uris signed < <(awk '
    /^$/ { if (s) exit; u = ""; k = "" }
    /^URIs:/ { u = $2 } /^Signed-By:/ { k = $2 }
    /^Suites:/ { for (i = 2; i <= NF; i++) if ($i == "bookworm") s = 1 }
    END { if (s) print u, k }' "$debian")
  if [[ -z $uris || -z $signed ]]; then
    echo "rehost: $debian has no bookworm stanza with URIs: and Signed-By:" >&2
    exit 2
  fi
  echo "rehost: adding bookworm-backports (for hiredict) from $uris"
  printf 'Types: deb\nURIs: %s\nSuites: bookworm-backports\nComponents: main\nSigned-By: %s\n' \
    "$uris" "$signed" | $sudo tee /etc/apt/sources.list.d/bookworm-backports.sources >/dev/null
  $sudo apt-get update -qq
}

add_backports
if ! apt-cache show "${hiredict_packages[@]}" >/dev/null 2>&1; then
  $sudo apt-get update -qq
fi
echo "rehost: unpacking ${hiredict_packages[*]} into $HIREDICT_DIR"
rm -rf "$HIREDICT_DIR"
mkdir -p "$HIREDICT_DIR/debs"
# As root, apt would warn that its sandbox user cannot write here.
sandbox=()
[[ $(id -u) -ne 0 ]] || sandbox=(-o APT::Sandbox::User=root)
(cd "$HIREDICT_DIR/debs" && apt-get download -qq "${sandbox[@]}" "${hiredict_packages[@]/%//bookworm-backports}")
for deb in "$HIREDICT_DIR"/debs/*.deb; do
  dpkg -x "$deb" "$HIREDICT_DIR"
done
# The .pc files say prefix=/usr and libdir=/usr/lib (not the multiarch
# directory the libraries are in): both become relative to the .pc file, so
# PKG_CONFIG_PATH=$HIREDICT_DIR/usr/lib/<arch>/pkgconfig finds this copy.
for pc in "$HIREDICT_DIR"/usr/lib/*/pkgconfig/*.pc; do
  sed -i -e 's|^prefix=.*|prefix=${pcfiledir}/../../..|' \
    -e 's|^libdir=.*|libdir=${pcfiledir}/..|' "$pc"
done
touch "$stamp"
