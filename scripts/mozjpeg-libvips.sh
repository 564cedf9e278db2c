#!/usr/bin/env bash
# Fetches sharp's prebuilt libvips (npm: @img/sharp-libvips-linux-x64, libvips 8.17 with mozjpeg as its JPEG
# encoder) into DIR once, and prints the library's path: a value for COMPRESSOR_VIPS_LIBRARY.
#   scripts/mozjpeg-libvips.sh DIR
set -euo pipefail
DIR=${1:?usage: scripts/mozjpeg-libvips.sh DIR}
PACKAGE=@img/sharp-libvips-linux-x64@1.2.4
if ! ls "$DIR"/package/lib/libvips-cpp.so.* >/dev/null 2>&1; then
  command -v npm >/dev/null || { echo "npm is needed (apt-get install npm)" >&2; exit 1; }
  mkdir -p "$DIR"
  tarball=$(cd "$DIR" && npm pack --silent "$PACKAGE" | tail -n 1)
  tar -xzf "$DIR/$tarball" -C "$DIR"
  rm -f "$DIR/$tarball"
fi
ls "$DIR"/package/lib/libvips-cpp.so.* | head -n 1
