#!/usr/bin/env bash
# Benchmark of the queue: small images (1200×900 → 320 wide) as queued jobs through 1 and then 2 server
# processes sharing a PostgreSQL (started here on loopback), against the same work sent synchronously;
# the difference per job is the queue's own overhead (spool, claim, lease, long poll).
#   bench/queue.sh [JOBS]
set -euo pipefail
JOBS=${1:-60}
BENCH_PACKAGES="postgresql"
. "$(dirname "$0")/common.sh"
STATE=$(mktemp -d "$WORK/queue.XXXXXX")
chmod 755 "$STATE"
NODES=()
cleanup() {
  for pid in "${NODES[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  "$ROOT/scripts/postgres.sh" stop "$STATE/pg" || true
  rm -rf "$STATE"
}
trap cleanup EXIT
ADMIN=$("$ROOT/scripts/postgres.sh" start "$STATE/pg")
java_run io.compressor.bench.MakeCorpus "$WORK/camera-2725x2225.jpg" 1200 900 "$WORK/small.jpg"
start_node() { # start_node N: a node sharing the database and data folder; prints its URL
  local port; port=$("$ROOT/scripts/free-port.sh")
  COMPRESSOR_PORT=$port COMPRESSOR_DATA_DIR="$STATE/data" COMPRESSOR_DATABASE_URL="$DB" COMPRESSOR_ASYNC_THRESHOLD_BYTES=0 \
    COMPRESSOR_MASTER_KEY="$MASTER" COMPRESSOR_PROCESSING_QUEUE=256 \
    "$JAVA_HOME/bin/java" "${JAVA_FLAGS[@]}" -jar "$(run_copy)" serve > "$STATE/node$1.out" 2> "$STATE/node$1.err" &
  NODES+=($!)
  for _ in $(seq 1 120); do grep -q "listening on" "$STATE/node$1.out" && break; sleep 0.5; done
  echo "http://127.0.0.1:$port"
}
MASTER=$(head -c 32 /dev/urandom | base64)
for nodes in 1 2; do
  DB=$(sed -E "s#/postgres\?#/bench$nodes?#" <<<"$ADMIN")
  psql_url=$(sed -E 's#jdbc:postgresql://([^/]+)/.*#\1#' <<<"$ADMIN")
  su postgres -s /bin/sh -c "psql -h '$STATE/pg' -p ${psql_url##*:} -c 'CREATE DATABASE bench$nodes' >/dev/null" 2>/dev/null \
    || psql -h "$STATE/pg" -p "${psql_url##*:}" -U postgres -c "CREATE DATABASE bench$nodes" >/dev/null
  urls=()
  for n in $(seq 1 "$nodes"); do urls+=("$(start_node "$nodes-$n")"); done
  KEY=$(grep -o 'cmp_[A-Za-z0-9_-]*' "$STATE/node$nodes-1.out" | head -n 1)
  result=$(java_run io.compressor.bench.QueueBench "$KEY" "$WORK/small.jpg" "$JOBS" "${urls[@]}")
  q=$(get jobs_per_second "$result"); s=$(get sync_per_second "$result")
  printf '%s node(s): queued %s jobs/s, synchronous %s jobs/s, queue overhead %s ms per job\n' "$nodes" "$q" "$s" \
    "$(awk -v q="$q" -v s="$s" 'BEGIN{printf "%.1f", (1/q - 1/s) * 1000}')"
  for pid in "${NODES[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  NODES=()
done
