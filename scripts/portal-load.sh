#!/usr/bin/env bash
# Load check for the portal's live stream (not part of `make test`):
#   scripts/portal-load.sh [CLIENTS] [SECONDS] [DEMO_DIR]
# Starts `s360 portal` on a free loopback port over DEMO_DIR (default: a scratch copy of ./demo,
# or an empty one), appends a progress line every 0.5 s so the dashboard keeps changing, then
#  1. holds CLIENTS (default 200) server-sent-event connections on /events for SECONDS (default 30)
#     from a second process (Python, standard library) and reports events received and delays;
#  2. with wrk (Debian's `wrk`), CLIENTS connections for SECONDS on /events?limit=1 (one event each,
#     then a new request), reporting requests per second and latency.
# Everything stays on 127.0.0.1; the portal and the appender are stopped at the end.
#
# With PIPELINE_DATA=DIR (a gen_topup.py directory, e.g. out/bench/data-1m, which `make bench` makes),
# it also measures the top-up pipeline (`s360 bench pipeline`: parse → window → join → the Spark model →
# JSON files, one core) on DIR, RUNS times (default 3) alone and RUNS times while the CLIENTS hold the
# live stream (the pipeline starts 3 s after the clients; the hold lasts SECONDS or the pipeline run plus
# 5 s, whichever is longer), and reports input records/s of each run and the medians. Release build:
#   S360=.build/release/s360 PIPELINE_DATA=out/bench/data-1m scripts/portal-load.sh 200 30
set -euo pipefail
cd "$(dirname "$0")/.."
CLIENTS="${1:-200}"
SECONDS_TOTAL="${2:-30}"
S360="${S360:-.build/debug/s360}"
[ -x "$S360" ] || swift build --product s360
SCRATCH="$(mktemp -d /tmp/s360-portal-load.XXXXXX)"
DEMO="${3:-}"
if [ -z "$DEMO" ]; then
  DEMO="$SCRATCH/demo"
  if [ -d demo ]; then cp -r demo "$DEMO"; else mkdir -p "$DEMO"; fi
fi
mkdir -p "$DEMO/progress"
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
ulimit -n 4096 2>/dev/null || true

"$S360" portal --port "$PORT" --demo-dir "$DEMO" >"$SCRATCH/portal.log" 2>&1 &
PORTAL_PID=$!
(
  batch=0
  while kill -0 "$PORTAL_PID" 2>/dev/null; do
    printf '{"name":"load","batchId":%d,"numInputRows":1000,"inputRowsPerSecond":2000.0,"processedRowsPerSecond":2500.0,"durationMs":{"triggerExecution":400.0},"eventTime":{"watermark":"2024-01-01T00:00:00.000Z"},"stateOperators":[],"sources":[{"description":"KafkaV2[clickstream]","numInputRows":1000}],"numQuarantinedMessages":0}\n' "$batch" >>"$DEMO/progress/load.jsonl"
    batch=$((batch + 1))
    sleep 0.5
  done
) &
APPENDER_PID=$!
cleanup() {
  kill "$PORTAL_PID" 2>/dev/null || true
  wait "$PORTAL_PID" 2>/dev/null || true
  kill "$APPENDER_PID" 2>/dev/null || true
  rm -rf "$SCRATCH"
}
trap cleanup EXIT

for _ in $(seq 100); do
  curl -fsS -o /dev/null "http://127.0.0.1:$PORT/static/portal.css" 2>/dev/null && break
  sleep 0.2
done
echo "portal-load: s360 portal on 127.0.0.1:$PORT, demo dir $DEMO"

# sse_clients DURATION: CLIENTS connections holding /events for DURATION seconds; prints what they saw.
sse_clients() {
python3 - "$PORT" "$CLIENTS" "$1" <<'PY'
import asyncio, sys, time, statistics, urllib.request
port, clients, duration = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])

async def client(stats):
    start = time.monotonic()
    try:
        reader, writer = await asyncio.wait_for(asyncio.open_connection("127.0.0.1", port), 10)
        writer.write(f"GET /events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n".encode())
        await writer.drain()
        status = await asyncio.wait_for(reader.readline(), 10)
        if b" 200 " not in status:
            stats["errors"] += 1
            return
        events, first, last, gaps = 0, None, None, []
        while time.monotonic() - start < duration:
            try:
                line = await asyncio.wait_for(reader.readline(), max(0.1, duration - (time.monotonic() - start)))
            except asyncio.TimeoutError:
                break
            if not line:
                stats["closed"] += 1
                break
            if line.startswith(b"event: dashboard"):
                now = time.monotonic()
                events += 1
                if first is None: first = now - start
                if last is not None: gaps.append(now - last)
                last = now
        stats["events"].append(events)
        if first is not None: stats["first"].append(first)
        stats["gaps"].extend(gaps)
        writer.close()
    except Exception as error:
        stats["errors"] += 1
        stats["messages"].add(type(error).__name__)

def page_latency():
    samples = []
    for _ in range(10):
        t = time.monotonic()
        urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10).read()
        samples.append((time.monotonic() - t) * 1000)
    return samples

async def main():
    stats = {"events": [], "first": [], "gaps": [], "errors": 0, "closed": 0, "messages": set()}
    tasks = [asyncio.create_task(client(stats)) for _ in range(clients)]
    await asyncio.sleep(min(5, duration / 2))
    latency = await asyncio.get_running_loop().run_in_executor(None, page_latency)
    await asyncio.gather(*tasks)
    ev = stats["events"]
    print(f"  connected clients: {len(ev)}/{clients}, errors: {stats['errors']} {sorted(stats['messages'])}, closed early: {stats['closed']}")
    if ev:
        print(f"  dashboard events per client: min {min(ev)}, median {statistics.median(ev)}, max {max(ev)}; total {sum(ev)} ({sum(ev)/duration:.0f}/s)")
    if stats["first"]:
        print(f"  first event after: median {statistics.median(stats['first'])*1000:.0f} ms, max {max(stats['first'])*1000:.0f} ms")
    if stats["gaps"]:
        g = sorted(stats["gaps"])
        print(f"  gap between events: median {statistics.median(g)*1000:.0f} ms, p99 {g[int(len(g)*0.99)-1]*1000:.0f} ms")
    print(f"  GET / during the load: median {statistics.median(latency):.0f} ms, max {max(latency):.0f} ms")
    sys.exit(1 if stats["errors"] or len(ev) < clients else 0)

asyncio.run(main())
PY
}

echo "portal-load: $CLIENTS clients holding /events for ${SECONDS_TOTAL}s (Python client)"
sse_clients "$SECONDS_TOTAL"

if command -v wrk >/dev/null 2>&1; then
  echo "portal-load: wrk, $CLIENTS connections for ${SECONDS_TOTAL}s on /events?limit=1"
  wrk -t2 -c"$CLIENTS" -d"${SECONDS_TOTAL}s" --timeout 10s "http://127.0.0.1:$PORT/events?limit=1" | sed 's/^/  /'
else
  echo "portal-load: wrk not installed (scripts/install-deps.sh installs it); skipped"
fi

if [ -n "${PIPELINE_DATA:-}" ]; then
  RUNS="${RUNS:-3}"
  MODEL="${MODEL:-$(cd .. && pwd)/shared/fixtures/topup-small/spark_pipeline_model}"
  RECORDS="$(python3 -c 'import json,sys; m=json.load(open(sys.argv[1])); s=m.get("stats", m); print(int(s["bureau_records"]) + int(s.get("customer_records", s.get("customers"))))' "$PIPELINE_DATA/manifest.json")"
  # pipeline_run LABEL: one available-now run of the whole top-up pipeline; prints and records its records/s.
  pipeline_run() {
    local out="$SCRATCH/pipeline-out" started ended
    rm -rf "$out"
    started="$(date +%s.%N)"
    "$S360" bench pipeline --customer "$PIPELINE_DATA/customer" --bureau "$PIPELINE_DATA/bureau" --model "$MODEL" \
      --out "$out" --max-files-per-trigger 25 >"$SCRATCH/pipeline.log" 2>&1
    ended="$(date +%s.%N)"
    python3 -c 'import sys; r, a, b = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]); print(f"{r / (b - a):.0f}")' \
      "$RECORDS" "$started" "$ended" >>"$SCRATCH/rates-$1"
    echo "  $1: $(tail -1 "$SCRATCH/rates-$1") input records/s ($(tail -1 "$SCRATCH/pipeline.log"))"
  }
  median() { sort -n "$1" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)] " (min " a[1] ", max " a[NR] ")"}'; }
  echo "portal-load: top-up pipeline on $PIPELINE_DATA ($RECORDS input records), $RUNS runs without the load"
  for _ in $(seq "$RUNS"); do pipeline_run alone; done
  echo "portal-load: $RUNS runs while $CLIENTS clients hold /events"
  HOLD="$SECONDS_TOTAL"
  for _ in $(seq "$RUNS"); do
    sse_clients "$HOLD" >"$SCRATCH/clients.log" 2>&1 &
    CLIENTS_PID=$!
    sleep 3
    run_started="$(date +%s)"
    pipeline_run loaded
    # The next hold covers the pipeline run with room to spare.
    HOLD=$(( SECONDS_TOTAL > $(date +%s) - run_started + 8 ? SECONDS_TOTAL : $(date +%s) - run_started + 8 ))
    wait "$CLIENTS_PID" || echo "  (the clients reported errors)"
    sed 's/^/  /' "$SCRATCH/clients.log"
  done
  echo "portal-load: pipeline input records/s, median of $RUNS: alone $(median "$SCRATCH/rates-alone"); with $CLIENTS clients on /events $(median "$SCRATCH/rates-loaded")"
fi
