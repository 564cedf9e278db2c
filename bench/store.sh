#!/usr/bin/env bash
# Benchmark of the store step, against a real S3 server (Ceph RGW, started here on loopback): the time
# one PUT of a 60 KB result adds, then upload + process + store at 4 concurrent clients against the
# same job without `store` (the result hosted on local disk), through the packaged server.
#   bench/store.sh [REQUESTS]
set -euo pipefail
REQUESTS=${1:-40}
BENCH_PACKAGES="radosgw ceph-mon ceph-osd"
. "$(dirname "$0")/common.sh"

STATE=$(mktemp -d "$WORK/store.XXXXXX")
SERVER=""
cleanup() {
  [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null
  "$ROOT/scripts/s3-server.sh" stop "$STATE/s3" || true
  rm -rf "$STATE"
}
trap cleanup EXIT
ENDPOINT=$("$ROOT/scripts/s3-server.sh" start "$STATE/s3" "$("$ROOT/scripts/free-port.sh")" | tail -n 1)
java_run io.compressor.bench.MakeBucket "$ENDPOINT" bench

PORT=$("$ROOT/scripts/free-port.sh")
COMPRESSOR_PORT=$PORT COMPRESSOR_DATA_DIR="$STATE/data" COMPRESSOR_PROCESSING_QUEUE=64 \
  "$JAVA_HOME/bin/java" "${JAVA_FLAGS[@]}" -jar "$(run_copy)" serve > "$STATE/serve.out" 2> "$STATE/serve.err" &
SERVER=$!
for _ in $(seq 1 120); do grep -q "listening on" "$STATE/serve.out" && break; sleep 0.5; done
KEY=$(grep -o 'cmp_[A-Za-z0-9_-]*' "$STATE/serve.out" | head -n 1)
CONNECTOR=$(curl -sf -u "$KEY:" -H "Content-Type: application/json" "http://127.0.0.1:$PORT/1.0/connectors" -d \
  "{\"name\":\"bench\",\"provider\":\"s3-compatible\",\"endpoint\":\"$ENDPOINT\",\"credentials\":{\"access_key_id\":\"test\",\"secret_access_key\":\"testsecret\"}}" \
  | sed -E 's/.*"id":"([^"]+)".*/\1/')
curl -sf -u "$KEY:" -X POST -H "Content-Type: application/json" "http://127.0.0.1:$PORT/1.0/connectors/$CONNECTOR/test" \
  -d '{"bucket":"bench"}' >/dev/null

put=$(java_run io.compressor.bench.StoreBench "$ENDPOINT" bench 61440 200)
JOB='{"image":{"quality":80,"resize":{"width":640,"height":480,"mode":"fit"}}}'
STORE="{\"image\":{\"quality\":80,\"resize\":{\"width\":640,\"height\":480,\"mode\":\"fit\"}},\"store\":{\"id\":\"$CONNECTOR\",\"bucket\":\"bench\",\"path\":\"out/\"}}"
hosted=$(java_run io.compressor.bench.HttpBench "http://127.0.0.1:$PORT" "$KEY" "$WORK/camera-12mp.jpg" 4 "$REQUESTS" "$JOB")
stored=$(java_run io.compressor.bench.HttpBench "http://127.0.0.1:$PORT" "$KEY" "$WORK/camera-12mp.jpg" 4 "$REQUESTS" "$STORE")
echo "# bench/store.sh $REQUESTS   ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, Ceph RGW on loopback)"
echo "store step, one 60 KB PUT:        median $(get median_ms "$put") ms, p99 $(get p99_ms "$put") ms"
echo "4 clients, upload+process+host:   $(get requests_per_second "$hosted") req/s, p50 $(get p50_ms "$hosted") ms, errors $(get errors "$hosted")"
echo "4 clients, upload+process+store:  $(get requests_per_second "$stored") req/s, p50 $(get p50_ms "$stored") ms, errors $(get errors "$stored")"
