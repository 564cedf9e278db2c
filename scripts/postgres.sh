#!/usr/bin/env bash
# A throwaway PostgreSQL for the tests, on loopback and a spare port, in its own folder.
#   scripts/postgres.sh start DIR   prints a JDBC URL; the server's PID is in DIR/pid
#   scripts/postgres.sh stop DIR    stops that PID (fast shutdown) and waits for it
# initdb refuses root, so as root the server runs as the `postgres` user.
set -euo pipefail
cmd=${1:?start|stop}; DIR=${2:?folder}
if [ "$cmd" = stop ]; then
  [ -f "$DIR/pid" ] || exit 0
  pid=$(cat "$DIR/pid")
  kill -INT "$pid" 2>/dev/null || exit 0
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || exit 0; sleep 0.5; done
  kill -KILL "$pid" 2>/dev/null || true
  exit 0
fi
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
as_owner() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/sh -c "$1"; else sh -c "$1"; fi; }
mkdir -p "$DIR"
[ "$(id -u)" -eq 0 ] && chown postgres "$DIR"
PORT=$("$(dirname "$0")/free-port.sh")
as_owner "'$BIN/initdb' -D '$DIR/data' -U postgres -A trust --no-sync -E UTF8 >'$DIR/initdb.log' 2>&1"
as_owner "'$BIN/pg_ctl' -D '$DIR/data' -l '$DIR/server.log' -w -t 60 \
  -o \"-p $PORT -k '$DIR' -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200\" start >/dev/null"
head -n 1 "$DIR/data/postmaster.pid" > "$DIR/pid"
echo "jdbc:postgresql://127.0.0.1:$PORT/postgres?user=postgres"
