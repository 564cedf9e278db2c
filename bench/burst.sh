#!/usr/bin/env bash
# Memory under a burst: the packaged server with its default settings (as ./compressor serve runs it) takes BURSTS
# bursts of CLIENTS concurrent /1.0/upload requests of a 12 MP JPEG with default options (the quality search, no
# resize: the costliest common job). Prints how many were served and how many answered 429, and the server's peak
# resident memory (VmHWM), which the default settings keep under 512 MB (docs/configuration.md, "Memory").
#   bench/burst.sh [CLIENTS] [BURSTS]        (50 and 3 by default)
set -euo pipefail
CLIENTS=${1:-50}
BURSTS=${2:-3}
. "$(dirname "$0")/common.sh"
DATA=$(mktemp -d "$WORK/burst-data.XXXXXX")
PORT=$(( 20000 + RANDOM % 20000 ))
COMPRESSOR_PORT=$PORT COMPRESSOR_DATA_DIR="$DATA" \
  "$JAVA_HOME/bin/java" "${JAVA_FLAGS[@]}" -jar "$(run_copy)" serve > "$DATA/serve.out" 2> "$DATA/serve.err" &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null; rm -rf "$DATA"' EXIT
for _ in $(seq 1 120); do grep -qs "listening on" "$DATA/serve.out" && break; sleep 0.5; done
KEY=$(grep -o 'cmp_[A-Za-z0-9_-]*' "$DATA/serve.out" | head -n 1)
echo "# bench/burst.sh $CLIENTS $BURSTS   ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo))"
rss() { awk "/^$1:/ {printf \"%.0f\", \$2 / 1024}" "/proc/$SERVER/status"; }
echo "idle: resident $(rss VmRSS) MB"
for burst in $(seq 1 "$BURSTS"); do
  for i in $(seq 1 "$CLIENTS"); do
    curl -s -o /dev/null -w '%{http_code}\n' -u "$KEY:" -F "file=@$WORK/camera-12mp.jpg" -F 'data={}' \
      "http://127.0.0.1:$PORT/1.0/upload" > "$DATA/status.$i" &
  done
  wait $(jobs -p | grep -v "^$SERVER$") 2>/dev/null || true
  codes=$(cat "$DATA"/status.* | sort | uniq -c | awk '{printf "%s×%s ", $1, $2}')
  echo "burst $burst: $codes resident now $(rss VmRSS) MB, peak $(rss VmHWM) MB"
done
