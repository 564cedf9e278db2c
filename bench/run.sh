#!/usr/bin/env bash
# Benchmark: our pipeline against sharp (npm, its bundled libvips) on the same images and the same job,
# side by side in one run. Prints images per second at 1 and 2 parallel jobs, peak memory, and the
# ratio ours/sharp (median of ROUNDS rounds). Ours runs twice: on Debian's libvips (what the service
# uses by default) and on sharp's own libvips build (COMPRESSOR_VIPS_LIBRARY), which separates our
# code's cost from the libvips version's; there our engine finds mozjpeg and uses it, so that column's
# peer is sharp with `mozjpeg: true`. A program, not a test: figures depend on the machine.
#   bench/run.sh [ROUNDS] [IMAGES_PER_ROUND]
set -euo pipefail
ROUNDS=${1:-5}
PER_ROUND=${2:-40}
. "$(dirname "$0")/common.sh"
command -v node >/dev/null && command -v npm >/dev/null || ensure_packages nodejs npm
if [ ! -d "$WORK/node/node_modules/sharp" ]; then
  (mkdir -p "$WORK/node" && cd "$WORK/node" && npm init -y >/dev/null && npm install --no-audit --no-fund sharp@0.34 >/dev/null 2>&1)
fi
SHARP_VERSION=$(cd "$WORK/node" && node -e "const v=require('sharp').versions; console.log('sharp ' + v.sharp + ', libvips ' + v.vips)")

echo "# bench/run.sh $ROUNDS $PER_ROUND   ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, ours: libvips $(dpkg-query -W -f='${Version}' libvips42), peer: $SHARP_VERSION)"
SHARP_LIB=$(ls "$WORK"/node/node_modules/@img/sharp-libvips-linux-x64/lib/libvips-cpp.so.* | head -n 1)
printf '%-34s %-3s %10s %10s %10s %10s %7s %7s %8s %8s\n' job par "ours/8.14" "ours/8.17" "sharp" "sharp/moz" "ratio" "ratio" "ours MB" "sharp MB"
printf '%-34s %-3s %10s %10s %10s %10s %7s %7s\n' "" "" "img/s" "img/s" "img/s" "img/s" "8.14" "8.17"
for job in "camera-12mp.jpg 640 480" "camera-2725x2225.jpg 720 588" "web-12mp.jpg 640 480"; do
  set -- $job
  for par in 1 2; do
    ours=$(java_run io.compressor.bench.PipelineBench "$WORK/$1" "$2" "$3" 80 "$par" "$PER_ROUND" "$ROUNDS")
    same=$(java_run -Dvips.library="$SHARP_LIB" io.compressor.bench.PipelineBench "$WORK/$1" "$2" "$3" 80 "$par" "$PER_ROUND" "$ROUNDS")
    peer=$(NODE_PATH="$WORK/node/node_modules" node "$ROOT/bench/sharp-bench.js" "$WORK/$1" "$2" "$3" 80 "$par" "$PER_ROUND" "$ROUNDS")
    # on sharp's libvips our engine finds mozjpeg and uses trellis quantisation: its peer is sharp with mozjpeg on
    moz=$(NODE_PATH="$WORK/node/node_modules" node "$ROOT/bench/sharp-bench.js" "$WORK/$1" "$2" "$3" 80 "$par" "$PER_ROUND" "$ROUNDS" mozjpeg)
    rate() { sed -E 's/.*images_per_second=([0-9.]+).*/\1/' <<<"$1"; }
    rss() { sed -E 's/.*peak_rss_mb=([0-9]+).*/\1/' <<<"$1"; }
    ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", a/b}'; }
    printf '%-34s %-3s %10s %10s %10s %10s %7s %7s %8s %8s\n' "$1 -> ${2}x$3 q80" "$par" "$(rate "$ours")" "$(rate "$same")" \
      "$(rate "$peer")" "$(rate "$moz")" "$(ratio "$(rate "$ours")" "$(rate "$peer")")" "$(ratio "$(rate "$same")" "$(rate "$moz")")" \
      "$(rss "$ours")" "$(rss "$peer")"
  done
done
