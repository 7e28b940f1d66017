#!/usr/bin/env bash
# Installs the system packages Stream360 builds and tests with, only when missing.
# Idempotent: on a warm machine it checks dpkg and returns in well under a second.
set -euo pipefail

# Debian packages: C libraries wrapped by systemLibrary targets, and tools the tests use
# (postgresql: the DocumentStore tests run a throwaway server, scripts/postgres-test-server.sh;
# chromium + fonts-liberation: the portal's browser tests; wrk: scripts/portal-load.sh).
DEB_PACKAGES=(
  pkg-config
  librdkafka-dev kcat
  libsnappy-dev libzstd-dev zlib1g-dev
  libsqlite3-dev
  libxgboost-dev
  postgresql
  chromium fonts-liberation
  wrk
)
# PySpark 4.3 (the oracle of the Spark-semantics tests) runs on a Java 17+ runtime; Debian's
# headless JRE is installed only when no java is on the PATH.
command -v java >/dev/null 2>&1 || DEB_PACKAGES+=(openjdk-17-jre-headless)
# Python packages used as independent oracles in tests, as "pip-spec" or "pip-spec:import-name"
# when the module's name differs from the distribution's (kafka-python installs `kafka`).
# kafka-python stays on 2.3.x: 3.0 asks for ApiVersions v4, which librdkafka 2.0.2's mock cluster lacks.
# pytz: DuckDB needs it to hand timestamps with a time zone to Python.
PIP_PACKAGES=(
  pyarrow
  duckdb
  pytz
  "kafka-python==2.3.*:kafka"
  "xgboost-cpu:xgboost"
  "pyspark==4.3.0"
)

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

for entry in "${PIP_PACKAGES[@]}"; do
  spec="${entry%%:*}"
  if [ "$entry" != "$spec" ]; then
    module="${entry#*:}"
  else
    module="${spec%%[=<>~!]*}"; module="${module//-/_}"
  fi
  if ! python3 -c "import ${module}" 2>/dev/null; then
    echo "install-deps: pip installing ${spec}"
    python3 -m pip install -q "$spec"
  fi
done
echo "install-deps: system packages ready"
