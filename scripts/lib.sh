# Shared by ./compressor and ./scripts/test: find Java 25, install missing Debian packages, build the jar.
# Sourced, not run. Every function exits non-zero with the exact fix when it cannot go on.

JAVA_HOME=${COMPRESSOR_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export JAVA_HOME
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JAR="$ROOT/target/compressor.jar"

require_java() {
  if [ ! -x "$JAVA_HOME/bin/java" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -q 'version "25'; then
    echo "Compressor needs Java 25 (Eclipse Temurin) at $JAVA_HOME, and it is not there." >&2
    echo "Install Temurin 25 (https://adoptium.net/installation/linux/: apt-get install temurin-25-jdk)," >&2
    echo "or point COMPRESSOR_JAVA_HOME at another Java 25." >&2
    exit 1
  fi
}

# ensure_packages PKG...: installs the missing ones with apt as root; otherwise prints the command and exits 1.
ensure_packages() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing Debian packages: ${missing[*]}. Install them as root, then run this again:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
  fi
  echo "Installing ${missing[*]} ..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

# build_if_stale: packages the jar when it is missing or older than any source, resource or the pom.
# Prints the jar to run: a copy of $JAR named by its content, made once (copied aside, then renamed into place).
# A build rewrites $JAR in place; a server running from the copy never reads a rewritten jar. Other copies are
# unlinked: a server still running from one keeps reading it through its open file.
run_copy() {
  local sum dir copy
  sum=$(sha256sum "$JAR" | cut -c1-16)
  dir="$(dirname "$JAR")/run"
  copy="$dir/compressor-$sum.jar"
  if [ ! -f "$copy" ] && ! { mkdir -p "$dir" && cp "$JAR" "$copy.tmp.$$" && mv "$copy.tmp.$$" "$copy"; }; then
    echo "cannot copy $JAR to $dir: running it in place (a rebuild while it runs would break it)" >&2
    echo "$JAR"
    return 0
  fi
  find "$dir" -maxdepth 1 -name 'compressor-*.jar*' ! -name "$(basename "$copy")" -delete 2>/dev/null || true
  echo "$copy"
}
build_if_stale() {
  if [ -f "$JAR" ] && [ -z "$(find "$ROOT/src/main" "$ROOT/pom.xml" -newer "$JAR" -print -quit)" ]; then
    return 0
  fi
  echo "Building $JAR ..." >&2
  (cd "$ROOT" && mvn -q -B -Dstyle.color=never -DskipTests package >&2)
}

# The JVM flags every launch uses: native access for libvips and SQLite, UTC for stored times, and a 128 MB heap
# unless JDK_JAVA_OPTIONS sets one (the heap holds results and garbage; what stays live is ~30 MB under load:
# docs/configuration.md, "Memory").
JAVA_FLAGS=(--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -Duser.timezone=UTC
  -Djdk.httpclient.allowRestrictedHeaders=content-length)
case " ${JDK_JAVA_OPTIONS:-} " in
  *" -Xmx"* | *" -XX:MaxHeapSize="* | *" -XX:MaxRAMPercentage="*) ;;
  *) JAVA_FLAGS+=(-Xmx128m) ;;
esac

# jemalloc keeps libvips' resident memory flat; without it glibc's arenas creep. Two arenas, unless
# MALLOC_CONF says otherwise: with jemalloc's default of four per core, what one image freed sat in an arena the next
# image's threads did not use (bench/burst.sh: ~100 MB more at peak). MALLOC_ARENA_MAX does the same for glibc.
use_jemalloc() {
  local lib
  lib=$(dpkg -L libjemalloc2 2>/dev/null | grep -m1 'libjemalloc\.so\.2$' || true)
  if [ -n "$lib" ]; then export LD_PRELOAD="$lib${LD_PRELOAD:+:$LD_PRELOAD}"; fi
  export MALLOC_CONF=${MALLOC_CONF:-narenas:2} MALLOC_ARENA_MAX=2
}

# sharp's prebuilt libvips (npm @img/sharp-libvips-linux-*: libvips 8.17 with mozjpeg and Highway SIMD, every
# dependency inside one library), pinned by version and the registry's sha512. Faster than Debian's 8.14 on JPEG and
# makes smaller JPEGs; it does not read HEIC, BMP or ICO, which stay with Debian's libvips (docs/configuration.md).
SHARP_LIBVIPS_VERSION=1.2.4
declare -A SHARP_LIBVIPS_SHA512=(
  [x64]=tJxiiLsmHc9Ax1bz3oaOYBURTXGIRDODBqhveVHonrHJ9/+k89qbLl0bcJns+e4t4rvaNBxaEZsFtSfAdquPrw==
  [arm64]=excjX8DfsIcJ10x1Kzr4RcWe1edC9PquDRRPx3YVCvQv+U5p7Yin2s32ftzikXojb1PIFc/9Mt28/y+iRklkrw==
)

# sharp_libvips: fetches that build once into vendor/ and prints its path; prints nothing (and says why on stderr)
# when this machine cannot have it. A failed fetch is not tried again for a day (vendor/*.failed records it), so
# that a machine without access to the npm registry does not wait on it at every start.
sharp_libvips() {
  local arch dir package url tarball lib failed why
  case "$(uname -m)" in x86_64) arch=x64 ;; aarch64) arch=arm64 ;; *) echo "no prebuilt libvips for $(uname -m)" >&2; return 0 ;; esac
  dir="$ROOT/vendor/sharp-libvips-linux-$arch-$SHARP_LIBVIPS_VERSION"
  failed="$dir.failed"
  lib=$(ls "$dir"/lib/libvips-cpp.so.* 2>/dev/null | head -n 1 || true)
  if [ -z "$lib" ]; then
    if [ -n "$(find "$failed" -mmin -1440 2>/dev/null)" ]; then
      echo "sharp's libvips build could not be fetched in the last day: the engine runs on Debian's libvips only" \
        "(delete $failed to try again now)" >&2
      return 0
    fi
    package="sharp-libvips-linux-$arch"
    url="https://registry.npmjs.org/@img/$package/-/$package-$SHARP_LIBVIPS_VERSION.tgz"
    tarball=$(mktemp)
    echo "Fetching sharp's libvips build ($url) ..." >&2
    mkdir -p "$ROOT/vendor" 2>/dev/null || true
    why=""
    if ! curl -fsSL --connect-timeout 10 --max-time 300 --retry 2 -o "$tarball" "$url"; then
      why="cannot fetch $url"
    elif [ "$(openssl dgst -sha512 -binary "$tarball" | base64 -w0)" != "${SHARP_LIBVIPS_SHA512[$arch]}" ]; then
      why="$url does not match its pinned sha512"
    fi
    if [ -n "$why" ]; then
      touch "$failed" 2>/dev/null || true
      echo "$why: the engine runs on Debian's libvips only; tried again in a day, or now after deleting $failed" >&2
      rm -f "$tarball"; return 0
    fi
    rm -f "$failed"
    mkdir -p "$dir.tmp" && tar -xzf "$tarball" -C "$dir.tmp" --strip-components=1 && rm -rf "$dir" && mv "$dir.tmp" "$dir"
    rm -f "$tarball"
    lib=$(ls "$dir"/lib/libvips-cpp.so.* | head -n 1)
  fi
  echo "$lib"
}

# engine_libraries: unless COMPRESSOR_VIPS_LIBRARY is set, sets it to sharp's build first and Debian's after it.
engine_libraries() {
  local sharp
  [ -n "${COMPRESSOR_VIPS_LIBRARY:-}" ] && return 0
  sharp=$(sharp_libvips)
  if [ -n "$sharp" ]; then export COMPRESSOR_VIPS_LIBRARY="$sharp:libvips.so.42"; fi
}
