#!/usr/bin/env bash
# Installs the system packages Stream360 builds and tests with, only when missing.
# Idempotent: on a warm machine it checks dpkg and returns in well under a second.
set -euo pipefail

# Debian packages: C libraries wrapped by systemLibrary targets, and tools the tests use.
DEB_PACKAGES=(
  pkg-config
  librdkafka-dev kcat
  libsnappy-dev libzstd-dev zlib1g-dev
  libsqlite3-dev
)
# Python packages used as independent oracles in tests.
PIP_PACKAGES=(pyarrow duckdb)

missing=()
for pkg in "${DEB_PACKAGES[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

for spec in "${PIP_PACKAGES[@]}"; do
  module="${spec%%=*}"; module="${module%%[<>]*}"
  python3 -c "import ${module//-/_}" 2>/dev/null || pip install -q "$spec"
done
echo "install-deps: system packages ready"
