#!/usr/bin/env bash
# A throwaway PostgreSQL 15 server for the DocumentStore tests, on a free loopback port.
#
#   scripts/postgres-test-server.sh start   # idempotent; prints the connection URL
#   scripts/postgres-test-server.sh stop    # idempotent; removes the data directory
#   scripts/postgres-test-server.sh url     # prints the URL of the running server
#
# The URL goes to out/postgres-test/url in the project (the file the tests read when
# STREAM360_POSTGRES_URL is not set). initdb refuses to run as root, so the server runs as the
# `postgres` user (Debian's postgresql package creates it), in a directory it owns under /tmp
# (the project may sit where that user cannot enter): data/ (with the server's log,
# data/server.log) and socket/, named after the project's path so that start and stop agree.
set -euo pipefail

BIN=/usr/lib/postgresql/15/bin
ROOT_DIR="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$ROOT_DIR/out/postgres-test"
URL_FILE="$OUT/url"
DIR="${STREAM360_POSTGRES_DIR:-/tmp/stream360-postgres-$(printf '%s' "$ROOT_DIR" | md5sum | cut -c1-12)}"
DATA="$DIR/data"
SOCKET="$DIR/socket"

as_postgres() {
  if [ "$(id -un)" = postgres ]; then "$@"; else runuser -u postgres -- "$@"; fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

running() {
  [ -f "$DATA/postmaster.pid" ] && as_postgres "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1
}

start() {
  if [ ! -x "$BIN/initdb" ]; then
    echo "postgres-test-server: $BIN/initdb not found; install Debian's postgresql (make deps)" >&2
    exit 1
  fi
  if running && [ -f "$URL_FILE" ]; then
    cat "$URL_FILE"
    return
  fi
  mkdir -p "$DIR" "$OUT"
  chown postgres "$DIR"
  chmod 700 "$DIR"
  if [ ! -f "$DATA/PG_VERSION" ]; then
    rm -rf "$DATA"
    as_postgres "$BIN/initdb" -D "$DATA" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  fi
  mkdir -p "$SOCKET"
  chown postgres "$SOCKET"
  local port
  port="$(free_port)"
  as_postgres "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $SOCKET -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null
  local url="postgres://postgres@127.0.0.1:$port/postgres"
  echo "$url" > "$URL_FILE"
  echo "$url"
}

stop() {
  if [ -f "$DATA/postmaster.pid" ]; then
    as_postgres "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$DIR" "$OUT"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  url) [ -f "$URL_FILE" ] && cat "$URL_FILE" ;;
  *) echo "usage: $0 start|stop|url" >&2; exit 2 ;;
esac
