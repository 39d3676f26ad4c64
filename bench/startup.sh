#!/usr/bin/env bash
# Time from launching `workspace-backend serve` to its first 200 from /api/health, on a fresh
# home each run (so the database is created and migrated every time, as on a first start).
#
# Usage: bench/startup.sh [RUNS]      (default 5; prints each run and the median, in ms)
# Needs: the jar (mvn -B -q -DskipTests package) and curl.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-5}
times=()
for run in $(seq 1 "$runs"); do
  home=$(mktemp -d)
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  start=$(date +%s%N)
  HOME=$home XDG_CONFIG_HOME=$home/config XDG_DATA_HOME=$home/data XDG_STATE_HOME=$home/state \
    "$root/bin/workspace-backend" serve --port "$port" >"$home/serve.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 3000); do
    curl -sf "http://127.0.0.1:$port/api/health" >/dev/null 2>&1 && break
    sleep 0.01
  done
  end=$(date +%s%N)
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  rm -rf "$home"
  ms=$(( (end - start) / 1000000 ))
  times+=("$ms")
  echo "run $run: $ms ms"
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "median: ${sorted[$(( runs / 2 ))]} ms over $runs runs"
