#!/usr/bin/env bash
# The desktop console's start time to its first frame (the console logs it once the start screen
# is on screen) and its resident memory after 10 s idle on that screen, for the packaged app
# image, on a fresh home each run.
#
# Usage: xvfb-run -a bench/console.sh [RUNS]      (default 5; prints each run and the medians)
# Needs: the app image (mvn -B -Ppackage -DskipTests -pl desktop-console -am package) and a display.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
launcher=$root/desktop-console/target/app-image/WorkspaceBackendConsole/bin/WorkspaceBackendConsole
[ -x "$launcher" ] || { echo "no app image at $launcher; build it first (see Usage)" >&2; exit 1; }
runs=${1:-5}
frames=()
rss=()
for run in $(seq 1 "$runs"); do
  home=$(mktemp -d)
  HOME=$home XDG_CONFIG_HOME=$home/config XDG_DATA_HOME=$home/data XDG_STATE_HOME=$home/state \
    "$launcher" >"$home/console.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do
    grep -q "start screen shown" "$home/console.log" && break
    sleep 0.1
  done
  ms=$(sed -n 's/.*start screen shown \([0-9]*\) ms.*/\1/p' "$home/console.log" | head -1)
  sleep 10
  kib=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  rm -rf "$home"
  frames+=("$ms")
  rss+=("$((kib / 1024))")
  echo "run $run: first frame $ms ms, idle RSS $((kib / 1024)) MiB"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "median: first frame $(median "${frames[@]}") ms, idle RSS $(median "${rss[@]}") MiB"
