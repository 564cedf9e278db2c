# Sourced by every benchmark: installs what is missing (the packages in BENCH_PACKAGES besides the
# service's own), builds the jar and the test classes, and sets WORK, CP, java_run and the photo corpus.
. "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"
require_java
# shellcheck disable=SC2086
ensure_packages libvips42 libjemalloc2 maven ${BENCH_PACKAGES:-}
WORK="$ROOT/target/bench"
mkdir -p "$WORK"
cd "$ROOT"
mvn -q -B -Dstyle.color=never -DskipTests package test-compile >&2
mvn -q -B -Dstyle.color=never dependency:build-classpath -Dmdep.outputFile="$WORK/classpath" >&2
CP="$ROOT/target/classes:$ROOT/target/test-classes:$(cat "$WORK/classpath")"
use_jemalloc
# the engine ./compressor runs by default (sharp's libvips build, then Debian's), for the service and for our benches
engine_libraries
JAVA_FLAGS+=("-Dvips.library=${COMPRESSOR_VIPS_LIBRARY:-libvips.so.42}")
java_run() { "$JAVA_HOME/bin/java" "${JAVA_FLAGS[@]}" -Xmx1g -cp "$CP" "$@"; }
get() { sed -E "s/.*$1=([0-9.]+).*/\\1/" <<<"$2"; }
. "$ROOT/bench/corpus.sh"
# ensure_sharp: sharp 0.34 (npm, with its own libvips) installed once under $WORK/node, and NODE_PATH set to it
ensure_sharp() {
  command -v node >/dev/null && command -v npm >/dev/null || ensure_packages nodejs npm
  if [ ! -d "$WORK/node/node_modules/sharp" ]; then
    (mkdir -p "$WORK/node" && cd "$WORK/node" && npm init -y >/dev/null && npm install --no-audit --no-fund sharp@0.34 >/dev/null 2>&1)
  fi
  export NODE_PATH="$WORK/node/node_modules"
}
