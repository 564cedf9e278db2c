# Sourced by the benchmarks: the photos they use, made once under target/bench from a freely licensed
# photo of Debian's mate-backgrounds package. Needs WORK and java_run. `camera-*` are baseline JPEGs, as cameras and
# phones write them; `web-12mp.jpg` is the same photo as a progressive JPEG, as
# many web pages serve them, which takes several times longer to decode.
if [ ! -f "$WORK/camera-12mp.jpg" ] || [ ! -f "$WORK/camera-2725x2225.jpg" ] || [ ! -f "$WORK/web-12mp.jpg" ]; then
  [ -d "$WORK/pkg" ] || (cd "$WORK" && apt-get download mate-backgrounds >/dev/null 2>&1 && dpkg -x mate-backgrounds_*.deb pkg)
  SOURCE="$WORK/pkg/usr/share/backgrounds/mate/abstract/Elephants_5640x3172.jpg"
  java_run io.compressor.bench.MakeCorpus "$SOURCE" 4000 3000 "$WORK/camera-12mp.jpg"
  java_run io.compressor.bench.MakeCorpus "$SOURCE" 2725 2225 "$WORK/camera-2725x2225.jpg"
  java_run io.compressor.bench.MakeCorpus "$SOURCE" 4000 3000 "$WORK/web-12mp.jpg" progressive
fi
