#!/usr/bin/env bash
# Every performance figure of the README in one run, each next to what it is compared with, so that
# the next measurement is one command. Absolute numbers depend on the machine and on what else it
# runs; the ratios, measured side by side, are the figures to compare.
#
# Usage: bench/all.sh            (about 20 minutes; Docker, wrk, nginx, jq, curl, python3)
# Build first: mvn -B -q -DskipTests package, and the session image (README: Session image).
set -euo pipefail
root=$(cd "$(dirname "$0")" && pwd)

echo "machine: $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n 1)," \
  "$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), kernel $(uname -r)," \
  "Docker $(docker version --format '{{.Server.Version}}'), $(java -version 2>&1 | head -n 1)"
echo "load at the start: $(cut -d' ' -f1-3 /proc/loadavg)"

section() {
  echo
  echo "== $1"
  shift
  "$@"
}

section "start-up: serve to the first /api/health 200, fresh home each run" "$root/startup.sh" 5
section "proxy, memory, SSE and terminal" "$root/proxy.sh" 10
section "session start: POST to running, next to the docker run floor" "$root/sessions.sh" 30
section "session start on a warm slot, next to a cold start" "$root/warm-pool.sh" 30
section "memory of idle sessions before and after the idle culler" "$root/idle.sh" 3 20s

echo
echo "load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
