#!/usr/bin/env bash
# Benchmark of the HTTP layer: the packaged server (a separate process, as in production) takes
# /1.0/upload of a 12 MP JPEG → 640×480 (quality 80) from 1, 2, 4 and 8 concurrent clients. Prints
# requests per second, p50/p99 latency, the server's peak memory, and the ratio of HTTP throughput to
# the bare pipeline's on the same job at the same concurrency (PipelineBench, same machine, same run).
# The client shares the server's cores, so the throughput ratio also pays for the client's work; the CPU
# columns do not: the server process's CPU time per request (all its threads, from /proc) against the bare
# pipeline's CPU time per image, whose ratio is what the HTTP layer itself costs.
#   bench/http.sh [REQUESTS_PER_ROUND] [ROUNDS]      (WARMUP=N requests before the first round, 8000 by default)
#   bench/http.sh threads [REQUESTS] [CLIENTS]   where the server's CPU goes instead: per request at CLIENTS (2)
#                                      clients, by thread (request threads, image threads, libvips' workers, the JIT,
#                                      GC), from /proc
set -euo pipefail
THREADS=""
if [ "${1:-}" = threads ]; then THREADS=1; shift; fi
REQUESTS=${1:-40}
ROUNDS=${2:-3}
. "$(dirname "$0")/common.sh"
. "$ROOT/bench/turns.sh"

DATA=$(mktemp -d "$WORK/http-data.XXXXXX")
PORT=$(( 20000 + RANDOM % 20000 ))
COMPRESSOR_PORT=$PORT COMPRESSOR_DATA_DIR="$DATA" COMPRESSOR_PROCESSING_QUEUE=64 \
  "$JAVA_HOME/bin/java" "${JAVA_FLAGS[@]}" -jar "$(run_copy)" serve > "$DATA/serve.out" 2> "$DATA/serve.err" &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null; rm -rf "$DATA"; end_turns' EXIT
for _ in $(seq 1 120); do grep -q "listening on" "$DATA/serve.out" && break; sleep 0.5; done
KEY=$(grep -o 'cmp_[A-Za-z0-9_-]*' "$DATA/serve.out" | head -n 1)

CLIENTS=${2:-2}   # threads mode only
ARGS="$REQUESTS $ROUNDS"; [ -z "$THREADS" ] || ARGS="threads $REQUESTS $CLIENTS"
echo "# bench/http.sh $ARGS   ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, engine: ${COMPRESSOR_VIPS_LIBRARY:-libvips.so.42})"
cpu_ticks() { awk '{print $14 + $15}' "/proc/$SERVER/stat"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", a / b}'; }
# requests the server took in one HttpBench run of N requests at C clients: its max(2 × C, 4) warm-up requests included
served() { echo $(( $1 + ($2 * 2 > 4 ? $2 * 2 : 4) )); }
# milliseconds of CPU per request: TICKS of CPU time over N requests
ms_per_request() { awk -v t="$1" -v hz="$(getconf CLK_TCK)" -v n="$2" 'BEGIN{printf "%.1f", t * 1000 / hz / n}'; }
# warm the server up (JIT, pools, the database), as a server that has run for a while is. HotSpot compiles a method with
# C2 after 5000 calls (Tier4InvocationThreshold), so code that runs once per request is C2-compiled only after ~5000
# requests: after 1500 the compiler threads still took 2.6 ms of CPU per request and the request threads 10 ms, after
# 3000 2.4 and 9.5, after 8000 0.8 and 6.7 (no method was compiled twice for a deoptimisation; 2026-11-29).
# WARMUP requests, 8000 by default (about 10 minutes)
java_run io.compressor.bench.HttpBench "http://127.0.0.1:$PORT" "$KEY" "$WORK/camera-12mp.jpg" 2 "${WARMUP:-8000}" > /dev/null
if [ -n "$THREADS" ]; then
  # CPU ticks of each live thread, summed by its name with the numbers taken out ("image-1" and "image-2" are "image-N")
  by_thread() {
    for task in /proc/"$SERVER"/task/*; do
      echo "$(sed 's/[0-9]\+/N/g; s/ /_/g' "$task/comm" 2>/dev/null) $(awk '{print $14 + $15}' "$task/stat" 2>/dev/null)"
    done | awk 'NF == 2 {t[$1] += $2} END {for (n in t) print n, t[n]}' | sort
  }
  by_thread > "$DATA/before"; before=$(cpu_ticks)
  java_run io.compressor.bench.HttpBench "http://127.0.0.1:$PORT" "$KEY" "$WORK/camera-12mp.jpg" "$CLIENTS" "$REQUESTS"
  by_thread > "$DATA/after"; after=$(cpu_ticks)
  served=$(served "$REQUESTS" "$CLIENTS")
  echo "server CPU per request, all threads: $(ms_per_request $((after - before)) "$served") ms (threads that ended meanwhile, such as some of libvips' workers, count only here)"
  join "$DATA/before" "$DATA/after" | awk -v hz="$(getconf CLK_TCK)" -v n=$served \
    '{ms = ($3 - $2) * 1000 / hz / n; if (ms >= 0.05) printf "  %-24s %7.2f ms\n", $1, ms}' | sort -k2 -gr
  exit 0
fi
printf '%-8s %10s %8s %8s %7s %12s %7s %14s %12s %12s %9s\n' clients "req/s" "p50 ms" "p99 ms" errors "bare img/s" ratio \
  "server peak MB" "cpu ms/req" "bare ms/img" "cpu ratio"
for clients in 1 2 4 8; do
  # the machine is shared and its speed drifts by 10-20% over a minute, so HTTP rounds take turns with rounds of the
  # bare pipeline, kept warm in one process (bench/turns.sh), each right after the other (and before it every second
  # round), and each ratio is taken within one pair; the columns are the medians over the rounds
  contender bare java_run io.compressor.bench.PipelineBench "$WORK/camera-12mp.jpg" 640 480 80 "$clients" "$REQUESTS" 0
  rows=()
  for round in $(seq 1 "$ROUNDS"); do
    [ $((round % 2)) = 1 ] || bare=$(turn bare)
    before=$(cpu_ticks)
    http=$(java_run io.compressor.bench.HttpBench "http://127.0.0.1:$PORT" "$KEY" "$WORK/camera-12mp.jpg" "$clients" "$REQUESTS")
    after=$(cpu_ticks)
    cpu=$(ms_per_request $((after - before)) "$(served "$REQUESTS" "$clients")")
    [ $((round % 2)) = 0 ] || bare=$(turn bare)
    rows+=("$(get requests_per_second "$http") $(get p50_ms "$http") $(get p99_ms "$http") $(get errors "$http") \
$(get images_per_second "$bare") $(ratio "$(get requests_per_second "$http")" "$(get images_per_second "$bare")") \
$cpu $(get cpu_ms_per_image "$bare") $(ratio "$(get cpu_ms_per_image "$bare")" "$cpu")")
  done
  dismiss bare
  col() { median $(printf '%s\n' "${rows[@]}" | awk -v c="$1" '{print $c}'); }
  peak=$(awk '/VmHWM/ {print int($2/1024)}' "/proc/$SERVER/status")
  printf '%-8s %10s %8s %8s %7s %12s %7s %14s %12s %12s %9s\n' "$clients" "$(col 1)" "$(col 2)" "$(col 3)" "$(col 4)" \
    "$(col 5)" "$(col 6)" "$peak" "$(col 7)" "$(col 8)" "$(col 9)"
done
