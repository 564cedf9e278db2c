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
