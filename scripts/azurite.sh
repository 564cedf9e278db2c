#!/usr/bin/env bash
# Azurite, Microsoft's Azure Blob Storage emulator (npm), on loopback for the integration tests.
#   scripts/azurite.sh start DIR PORT   prints the blob endpoint (account devstoreaccount1); pid in DIR/pid
#   scripts/azurite.sh stop DIR         stops that PID and waits for it
# Installed once under target/tools/azurite. Always --disableTelemetry: nothing may leave the machine.
set -euo pipefail
cmd=${1:?start|stop}; DIR=${2:?folder}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
if [ "$cmd" = stop ]; then
  [ -f "$DIR/pid" ] || exit 0
  pid=$(cat "$DIR/pid")
  kill "$pid" 2>/dev/null || exit 0
  for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || exit 0; sleep 0.25; done
  kill -KILL "$pid" 2>/dev/null || true
  exit 0
fi
PORT=${3:?port}
TOOLS="$ROOT/target/tools/azurite"
if [ ! -x "$TOOLS/node_modules/.bin/azurite-blob" ]; then
  mkdir -p "$TOOLS"
  (cd "$TOOLS" && npm init -y >/dev/null && npm install --no-audit --no-fund azurite@3.37.0 >/dev/null 2>&1)
fi
mkdir -p "$DIR/data"
"$TOOLS/node_modules/.bin/azurite-blob" --blobHost 127.0.0.1 --blobPort "$PORT" --location "$DIR/data" \
  --disableTelemetry --skipApiVersionCheck --silent > "$DIR/azurite.log" 2>&1 &
echo $! > "$DIR/pid"
for _ in $(seq 1 80); do
  (echo > "/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && { echo "http://127.0.0.1:$PORT/devstoreaccount1"; exit 0; }
  sleep 0.25
done
echo "Azurite did not start; see $DIR/azurite.log" >&2
exit 1
