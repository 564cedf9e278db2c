# Sourced by the benchmarks: the photos they use, made once under target/bench from a freely licensed
# photo of Debian's mate-backgrounds package. Needs WORK and java_run.
if [ ! -f "$WORK/photo-12mp.jpg" ] || [ ! -f "$WORK/photo-2725x2225.jpg" ]; then
  (cd "$WORK" && apt-get download mate-backgrounds >/dev/null 2>&1 && dpkg -x mate-backgrounds_*.deb pkg)
  SOURCE="$WORK/pkg/usr/share/backgrounds/mate/abstract/Elephants_5640x3172.jpg"
  java_run io.compressor.bench.MakeCorpus "$SOURCE" 4000 3000 "$WORK/photo-12mp.jpg"
  java_run io.compressor.bench.MakeCorpus "$SOURCE" 2725 2225 "$WORK/photo-2725x2225.jpg"
fi
