#!/usr/bin/env bash
# Benchmark of the queue: small images (1200×900 → 320 wide) as queued jobs through 1 and then 2 server
# processes sharing a PostgreSQL (started here on loopback), against the same work answered synchronously by
# nodes started with the default async threshold (a 1200×900 upload is far under it). Every answer's status
# is checked (202 then completed; 200 with an output). The difference per job is the queue's own overhead
# (spool, claim, lease, long poll).
#   bench/queue.sh [JOBS]
set -euo pipefail
JOBS=${1:-60}
BENCH_PACKAGES="postgresql"
. "$(dirname "$0")/common.sh"
STATE=$(mktemp -d "$WORK/queue.XXXXXX")
chmod 755 "$STATE"
NODES=()
stop_nodes() {
  for pid in "${NODES[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  NODES=()
}
cleanup() {
  stop_nodes
  "$ROOT/scripts/postgres.sh" stop "$STATE/pg" || true
  rm -rf "$STATE"
}
trap cleanup EXIT
ADMIN=$("$ROOT/scripts/postgres.sh" start "$STATE/pg")
PSQL_PORT=$(sed -E 's#jdbc:postgresql://[^:]+:([0-9]+)/.*#\1#' <<<"$ADMIN")
java_run io.compressor.bench.MakeCorpus "$WORK/camera-2725x2225.jpg" 1200 900 "$WORK/small.jpg"
MASTER=$(head -c 32 /dev/urandom | base64)
CLIENTS=$(nproc)
create_database() { # create_database NAME: a new database on the bench's PostgreSQL; sets DB to its JDBC URL
  su postgres -s /bin/sh -c "psql -h '$STATE/pg' -p $PSQL_PORT -c 'CREATE DATABASE $1' >/dev/null" 2>/dev/null \
    || psql -h "$STATE/pg" -p "$PSQL_PORT" -U postgres -c "CREATE DATABASE $1" >/dev/null
  DB=$(sed -E "s#/postgres\?#/$1?#" <<<"$ADMIN")
}
start_node() { # start_node NAME THRESHOLD: a node on $DB and a shared data folder; appends its URL to URLS
  local port; port=$("$ROOT/scripts/free-port.sh")
  COMPRESSOR_PORT=$port COMPRESSOR_DATA_DIR="$STATE/data" COMPRESSOR_DATABASE_URL="$DB" \
    COMPRESSOR_ASYNC_THRESHOLD_BYTES="$2" COMPRESSOR_MASTER_KEY="$MASTER" COMPRESSOR_PROCESSING_QUEUE=256 \
    "$JAVA_HOME/bin/java" "${JAVA_FLAGS[@]}" -jar "$(run_copy)" serve > "$STATE/$1.out" 2> "$STATE/$1.err" &
  NODES+=($!)
  for _ in $(seq 1 120); do grep -qs "listening on" "$STATE/$1.out" && break; sleep 0.5; done
  grep -qs "listening on" "$STATE/$1.out" || { cat "$STATE/$1.err" >&2; echo "node $1 did not start" >&2; exit 1; }
  URLS+=("http://127.0.0.1:$port")
}
run_phase() { # run_phase MODE NODES THRESHOLD: sets RATE, the jobs per second of MODE through NODES fresh nodes
  create_database "bench_$1_$2"
  URLS=()
  for n in $(seq 1 "$2"); do start_node "$1-$2-$n" "$3"; done
  local key; key=$(grep -o 'cmp_[A-Za-z0-9_-]*' "$STATE/$1-$2-1.out" | head -n 1)
  local out  # a run that saw a wrong answer fails here and stops the bench (set -e)
  out=$(java_run io.compressor.bench.QueueBench "$1" "$key" "$WORK/small.jpg" "$JOBS" "$CLIENTS" "${URLS[@]}")
  RATE=$(get jobs_per_second "$out")
  stop_nodes
}
for nodes in 1 2; do
  run_phase queued "$nodes" 0; q=$RATE
  run_phase sync "$nodes" 33554432; s=$RATE
  printf '%s node(s), %s jobs: queued %s jobs/s, synchronous (%s clients per node) %s jobs/s, ratio %s, queue overhead %s ms per job\n' \
    "$nodes" "$JOBS" "$q" "$CLIENTS" "$s" "$(awk -v q="$q" -v s="$s" 'BEGIN{printf "%.2f", q / s}')" \
    "$(awk -v q="$q" -v s="$s" 'BEGIN{printf "%.1f", (1/q - 1/s) * 1000}')"
done
