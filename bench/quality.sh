#!/usr/bin/env bash
# Smart compression against fixed-quality peers: our medium/high/ultra (a per-image quality search for each
# level's SSIM target) against cjpeg (libjpeg-turbo), sharp's mozjpeg preset, cwebp, avifenc and pngquant at fixed
# settings, on real
# photos (Debian's wallpaper packages) and graphics (the packages' illustrations, plus charts, a logo and a
# UI screenshot drawn here as SVG). Prints bytes and scores per setting, the bytes saved at equal mean score
# read off the peers' curve, and the time per image of the search next to one fixed-quality encode.
#   bench/quality.sh [MAX_SIDE] [FORMAT...]      e.g. bench/quality.sh 1200 jpeg webp
#   (the corpus is split in halves by name: the report is on the `report` half, curves and sweeps read the `tune`
#   half that the levels' goals are calibrated on; PART=all or PART=tune reports on another part)
#   (on the engine ./compressor runs by default: sharp's libvips build, whose JPEG encoder is mozjpeg, then Debian's)
#   bench/quality.sh debian [MAX_SIDE] [FORMAT...]   the same on Debian's libvips alone (libjpeg-turbo)
#   bench/quality.sh curves FORMAT LEVEL [STEP]  each image's size and score at fixed qualities 20..100
#   bench/quality.sh sweep FORMAT FLOOR:RATE...  the search run on those curves (every 2nd quality) for each goal:
#                                                how the levels' goals were calibrated (docs/compression.md)
#   bench/quality.sh score FORMAT                what scoring a candidate costs next to one encode (SSIM, SSIMULACRA 2
#                                                at full size and on a halved proxy) and how the proxy ranks outputs
#   bench/quality.sh knobs "FLAGS"...             what libwebp settings are worth: cwebp with each set of flags against
#                                                plain cwebp -q, bytes at equal mean score (docs/performance.md)
set -euo pipefail
BENCH_PACKAGES="libjpeg-turbo-progs webp libavif-bin pngquant"
. "$(dirname "$0")/common.sh"
if [ "${1:-}" = debian ]; then
  shift
  export COMPRESSOR_VIPS_LIBRARY=libvips.so.42
  JAVA_FLAGS+=("-Dvips.library=$COMPRESSOR_VIPS_LIBRARY")
fi
CURVES=""
SWEEP=""
if [ "${1:-}" = curves ]; then CURVES="$2 $3 ${4:-5}"; set -- 1200; fi
if [ "${1:-}" = sweep ]; then SWEEP="$2"; shift 2; GOALS=("$@"); set -- 1200; fi
SCORE=""
if [ "${1:-}" = score ]; then SCORE="$2"; set -- 1200; fi
KNOBS=()
if [ "${1:-}" = knobs ]; then shift; KNOBS=("$@"); set -- 1200; fi
MAX_SIDE=${1:-1200}
shift || true
Q="$WORK/quality-$MAX_SIDE"
if [ ! -f "$Q/corpus/.done" ]; then
  mkdir -p "$Q/src"
  [ -d "$WORK/lomiri" ] || (cd "$WORK" && apt-get download lomiri-wallpapers-16.04 >/dev/null 2>&1 \
    && dpkg -x lomiri-wallpapers-16.04_*.deb lomiri)
  cat > "$Q/src/chart-bars.svg" <<'SVG'
<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800"><rect width="1200" height="800" fill="#fff"/>
<g font-family="DejaVu Sans" font-size="28" fill="#333"><text x="80" y="70" font-size="40">Quarterly revenue (k€)</text>
<text x="150" y="760">Q1</text><text x="420" y="760">Q2</text><text x="690" y="760">Q3</text><text x="960" y="760">Q4</text></g>
<g stroke="#ddd"><line x1="80" y1="200" x2="1150" y2="200"/><line x1="80" y1="400" x2="1150" y2="400"/><line x1="80" y1="600" x2="1150" y2="600"/></g>
<rect x="110" y="300" width="140" height="420" fill="#2454c5"/><rect x="380" y="220" width="140" height="500" fill="#2454c5"/>
<rect x="650" y="420" width="140" height="300" fill="#e0801f"/><rect x="920" y="150" width="140" height="570" fill="#147a3d"/>
<line x1="80" y1="720" x2="1150" y2="720" stroke="#333" stroke-width="3"/></svg>
SVG
  cat > "$Q/src/chart-lines.svg" <<'SVG'
<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="700"><rect width="1200" height="700" fill="#f8f9fb"/>
<g font-family="DejaVu Sans" font-size="22" fill="#555"><text x="60" y="50" font-size="32" fill="#111">Requests per day</text>
<text x="60" y="680">1 Nov</text><text x="1080" y="680">30 Nov</text></g>
<polyline fill="none" stroke="#2454c5" stroke-width="4" points="60,600 120,560 180,580 240,500 300,520 360,430 420,460 480,380 540,400 600,330 660,350 720,290 780,310 840,240 900,260 960,200 1020,220 1080,160 1140,170"/>
<polyline fill="none" stroke="#b42318" stroke-width="3" stroke-dasharray="10 6" points="60,640 180,620 300,610 420,590 540,560 660,540 780,500 900,480 1020,450 1140,420"/>
<g fill="#2454c5"><circle cx="360" cy="430" r="8"/><circle cx="720" cy="290" r="8"/><circle cx="1080" cy="160" r="8"/></g></svg>
SVG
  cat > "$Q/src/logo.svg" <<'SVG'
<svg xmlns="http://www.w3.org/2000/svg" width="900" height="900"><rect width="900" height="900" fill="#fff"/>
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#ff7a18"/><stop offset="1" stop-color="#af002d"/></linearGradient></defs>
<circle cx="450" cy="380" r="260" fill="url(#g)"/><path d="M330 380 L430 480 L600 290" fill="none" stroke="#fff" stroke-width="48" stroke-linecap="round" stroke-linejoin="round"/>
<text x="450" y="790" font-family="DejaVu Sans" font-weight="bold" font-size="96" text-anchor="middle" fill="#1d2330">Compressor</text></svg>
SVG
  cat > "$Q/src/screenshot.svg" <<'SVG'
<svg xmlns="http://www.w3.org/2000/svg" width="1280" height="800"><rect width="1280" height="800" fill="#f6f7f9"/>
<rect width="1280" height="56" fill="#fff"/><line x1="0" y1="56" x2="1280" y2="56" stroke="#d9dee7"/>
<g font-family="DejaVu Sans" font-size="17" fill="#1d2330"><text x="24" y="35" font-weight="bold">Compressor</text>
<text x="170" y="35" fill="#2454c5">Activity</text><text x="270" y="35" fill="#2454c5">Storage connectors</text><text x="460" y="35" fill="#2454c5">API keys</text>
<text x="80" y="120" font-size="30" font-weight="bold">Recent jobs</text>
<rect x="80" y="150" width="1120" height="600" fill="#fff" stroke="#d9dee7"/>
<text x="100" y="185" font-weight="bold">When</text><text x="330" y="185" font-weight="bold">Status</text><text x="470" y="185" font-weight="bold">Input</text><text x="700" y="185" font-weight="bold">Size</text><text x="900" y="185" font-weight="bold">Saved</text>
<g font-size="16"><text x="100" y="230">2026-11-29 04:46</text><text x="330" y="230">completed</text><text x="470" y="230">photo.jpg</text><text x="700" y="230">25 kB → 7.5 kB</text><text x="900" y="230">-70%</text>
<text x="100" y="275">2026-11-29 04:41</text><text x="330" y="275" fill="#b42318">failed</text><text x="470" y="275">broken.jpg</text><text x="700" y="275">3 B</text><text x="900" y="275"></text>
<text x="100" y="320">2026-11-29 04:40</text><text x="330" y="320">completed</text><text x="470" y="320">banner.png</text><text x="700" y="320">412 kB → 98 kB</text><text x="900" y="320">-76%</text>
<text x="100" y="365">2026-11-29 04:38</text><text x="330" y="365">completed</text><text x="470" y="365">team-photo.webp</text><text x="700" y="365">1.2 MB → 311 kB</text><text x="900" y="365">-74%</text></g></g>
<rect x="1000" y="90" width="200" height="44" rx="4" fill="#2454c5"/><text x="1040" y="119" font-family="DejaVu Sans" font-size="18" fill="#fff">Create key</text></svg>
SVG
  SOURCES=("$WORK"/lomiri/usr/share/backgrounds/*.jpg "$WORK"/pkg/usr/share/backgrounds/mate/nature/*.jpg
    "$WORK"/pkg/usr/share/backgrounds/mate/abstract/*.png "$WORK"/pkg/usr/share/backgrounds/mate/desktop/*.png "$Q"/src/*.svg)
  java_run io.compressor.bench.QualityBench prepare "$Q/corpus" "$MAX_SIDE" "${SOURCES[@]}"
  touch "$Q/corpus/.done"
fi
if [ ${#KNOBS[@]} -gt 0 ]; then
  echo "command: bench/quality.sh knobs $(printf '"%s" ' "${KNOBS[@]}")"
  java_run io.compressor.bench.WebpKnobs "$Q/corpus" "${KNOBS[@]}"
  exit 0
fi
if [ -n "$SCORE" ]; then
  echo "command: bench/quality.sh score $SCORE"
  java_run io.compressor.bench.ScoreBench "$Q/corpus" "$SCORE"
  exit 0
fi
if [ -n "$CURVES" ]; then
  # shellcheck disable=SC2086
  java_run io.compressor.bench.ScoreCurves "$Q/corpus" tune $CURVES
  exit 0
fi
if [ -n "$SWEEP" ]; then
  CURVES_FILE="$Q/curves-tune-$SWEEP-$(printf %s "${COMPRESSOR_VIPS_LIBRARY:-libvips.so.42}" | md5sum | cut -c1-8).txt"  # per engine
  [ -s "$CURVES_FILE" ] || java_run io.compressor.bench.ScoreCurves "$Q/corpus" tune "$SWEEP" HIGH 2 > "$CURVES_FILE.part"
  [ -s "$CURVES_FILE" ] || mv "$CURVES_FILE.part" "$CURVES_FILE"
  case "$SWEEP" in AVIF) RANGE="15 95 50" ;; WEBP) RANGE="30 95 75" ;; *) RANGE="30 95 78" ;; esac
  echo "command: bench/quality.sh sweep $SWEEP ${GOALS[*]}"
  # shellcheck disable=SC2086
  java_run io.compressor.pipeline.GoalSweep "$CURVES_FILE" $RANGE "${GOALS[@]}"
  exit 0
fi
ensure_sharp
export SHARP_ENCODE="$ROOT/bench/sharp-encode.js"
echo "command: ${PART:+PART=$PART }bench/quality.sh $MAX_SIDE $*"
java_run io.compressor.bench.QualityBench "$Q/corpus" "$Q/out" "${PART:-report}" "$@"
