#!/usr/bin/env bash
# make bench: Stream360 against Apache Spark (PySpark) on the seed's top-up pipeline.
# Installs what is missing (idempotent), generates the data under out/bench/, builds Stream360 in
# release mode, runs both engines (bench/run_bench.py: outputs checked equal first, then timed),
# and writes bench/results/{latest.json,chart.svg,table.md} and the README section.
# `bench/run.sh --confirm` measures again without the scaling curve and checks the published ratios
# (bench/results/confirm.json and the README's re-run check).
# Knobs (environment): RUNS=3 PACE=1.0 PACED_FILES=60 SCALES=1,5,20 SCALE_RUNS=5=3,20=1 SKIP=latency,scaling
#                      SPARK_DIGITS=builtin|udf PYSPARK_VERSION=4.3.0
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="$(cd .. && pwd)/shared"
OUT=out/bench
PYSPARK_VERSION="${PYSPARK_VERSION:-4.3.0}"
SCALES="${SCALES:-1,5,20}"
export SCALES

# 1. What is missing: the build's own dependencies, Java 17 and GNU time from Debian, PySpark and psutil from PyPI.
bash scripts/install-deps.sh
missing=()
for pkg in openjdk-17-jre-headless time; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "bench: installing ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if ! python3 -c "import pyspark, sys; sys.exit(pyspark.__version__ != '$PYSPARK_VERSION')" 2>/dev/null; then
  echo "bench: pip installing pyspark==$PYSPARK_VERSION"
  python3 -m pip install -q "pyspark==$PYSPARK_VERSION"
fi
python3 -c "import psutil" 2>/dev/null || python3 -m pip install -q psutil

# 2. Data: about 1 M bureau records from the generator; 5 M and 20 M as shifted copies of it
#    (bench/replicate.py explains why: the generator holds everything in memory).
mkdir -p "$OUT"
if [ ! -f "$OUT/data-1m/manifest.json" ]; then
  echo "bench: generating $OUT/data-1m (gen_topup.py --customers 185000 --seed 3)"
  python3 "$SHARED/tools/gen_topup.py" --customers 185000 --seed 3 --out "$OUT/data-1m"
fi
if [[ ",$SCALES," == *",20,"* && ! -f "$OUT/data-20m/manifest.json" ]]; then
  echo "bench: building $OUT/data-20m (20 shifted copies of data-1m)"
  python3 bench/replicate.py "$OUT/data-1m" 20 "$OUT/data-20m"
fi
if [[ ",$SCALES," == *",5,"* && ! -f "$OUT/data-5m/manifest.json" ]]; then
  echo "bench: building $OUT/data-5m (5 shifted copies of data-1m)"
  python3 bench/replicate.py "$OUT/data-1m" 5 "$OUT/data-5m" "$OUT/data-20m"
fi

# 3. Stream360, release build.
swift build -c release --product s360

# 4. Both engines, checked, then measured; results and README section.
python3 bench/run_bench.py "$@"
