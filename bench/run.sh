#!/usr/bin/env bash
# Benchmark: our pipeline against sharp (npm, its bundled libvips) on the same images and the same job, side by side
# in one run. Prints images per second at 1 and 2 parallel jobs, peak memory, output bytes, and the ratio
# ours/sharp. The contenders take turns (bench/turns.sh): each rate is the median of ROUNDS rounds, each ratio the
# median of the ROUNDS ratios of rounds run one after the other. Ours runs on the engine ./compressor runs by
# default (sharp's libvips build first, so the same libvips as the peer; its JPEG encoder is mozjpeg, which our
# engine finds and uses), against sharp with its mozjpeg preset (`same`: trellis quantisation, deringing, scan
# search and table 3, our engine's JPEG settings, so the very bytes ours makes and the same work); and on Debian's
# libvips 8.14 alone, against sharp's defaults. `cpu` is sharp/same's CPU time
# per image (its process, all threads) over ours, taken within each round: above 1.0 ours spends less. A program, not a
# test: figures depend on the machine.
#   bench/run.sh [ROUNDS] [IMAGES_PER_ROUND]
set -euo pipefail
ROUNDS=${1:-5}
PER_ROUND=${2:-40}
. "$(dirname "$0")/common.sh"
ensure_sharp
SHARP_VERSION=$(cd "$WORK/node" && node -e "const v=require('sharp').versions; console.log('sharp ' + v.sharp + ', libvips ' + v.vips)")

echo "# bench/run.sh $ROUNDS $PER_ROUND   ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, ours: ${COMPRESSOR_VIPS_LIBRARY:-libvips.so.42} and libvips $(dpkg-query -W -f='${Version}' libvips42) alone, peer: $SHARP_VERSION)"
printf '%-36s %-3s %8s %10s %6s %4s | %9s %8s %6s | %7s %8s | %8s %8s\n' job par ours "sharp/same" ratio cpu \
  "ours/8.14" sharp ratio "ours MB" "sharp MB" "ours B" "same B"
# sharp-bench.js on IMAGE WIDTH HEIGHT [PRESET] at the current $par, taking turns
sharp() { NODE_PATH="$WORK/node/node_modules" node "$ROOT/bench/sharp-bench.js" "$WORK/$1" "$2" "$3" 80 "$par" "$PER_ROUND" 0 "${4:-}"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", a/b}'; }
rate() { median ${rates[$1]}; } # the median of a contender's rounds in the current row
. "$ROOT/bench/turns.sh"
trap end_turns EXIT
CONTENDERS=(ours same debian peer)
for job in "camera-12mp.jpg 640 480" "camera-2725x2225.jpg 720 588" "web-12mp.jpg 640 480"; do
  set -- $job
  for par in 1 2; do
    contender ours java_run io.compressor.bench.PipelineBench "$WORK/$1" "$2" "$3" 80 "$par" "$PER_ROUND" 0
    contender same sharp "$1" "$2" "$3" mozjpeg
    contender debian java_run -Dvips.library=libvips.so.42 io.compressor.bench.PipelineBench "$WORK/$1" "$2" "$3" 80 "$par" "$PER_ROUND" 0
    contender peer sharp "$1" "$2" "$3"
    declare -A rates=() per_round=()
    for round in $(seq 1 "$ROUNDS"); do
      order=("${CONTENDERS[@]}")
      [ $((round % 2)) = 1 ] || order=(peer debian same ours) # the other way round every second round
      declare -A now=() said=()
      for name in "${order[@]}"; do
        said[$name]=$(turn "$name")
        now[$name]=$(get images_per_second "${said[$name]}")
        rates[$name]+=" ${now[$name]}"
      done
      per_round[same]+=" $(ratio "${now[ours]}" "${now[same]}")"
      per_round[cpu]+=" $(ratio "$(get cpu_ms_per_image "${said[same]}")" "$(get cpu_ms_per_image "${said[ours]}")")"
      per_round[peer]+=" $(ratio "${now[debian]}" "${now[peer]}")"
    done
    for name in "${CONTENDERS[@]}"; do dismiss "$name"; done
    printf '%-36s %-3s %8s %10s %6s %4s | %9s %8s %6s | %7s %8s | %8s %8s\n' "$1 -> ${2}x$3 q80" "$par" "$(rate ours)" \
      "$(rate same)" "$(median ${per_round[same]})" "$(median ${per_round[cpu]})" \
      "$(rate debian)" "$(rate peer)" "$(median ${per_round[peer]})" \
      "$(get peak_rss_mb "${SUMMARY[ours]}")" "$(get peak_rss_mb "${SUMMARY[same]}")" "$(get bytes "${SUMMARY[ours]}")" \
      "$(get bytes "${SUMMARY[same]}")"
  done
done
