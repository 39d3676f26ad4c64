#!/usr/bin/env bash
# Time from POST /api/sessions to `running`, next to the floor measured in the same run: the same
# image started with `docker run` and the same options, until the same three services answer.
#
# Usage: bench/sessions.sh [RUNS]     (default 10; prints each run, medians and the ratio)
# Needs: the jar and the session image (README: Quick start, Session image), Docker, curl, python3.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-10}
image=opencode-dev:latest
work=$(mktemp -d)
export HOME=$work XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data XDG_STATE_HOME=$work/state
export WORKSPACE_BACKEND__CONTAINER__RUNTIME=docker
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
api=http://127.0.0.1:$port
now_ms() { date +%s%3N; }
json() { python3 -c "import sys, json; print(json.load(sys.stdin)$1)"; }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

cleanup() {
  [ -n "${server:-}" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  docker rm -f bench-floor >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

docker rm -f bench-floor >/dev/null 2>&1 || true

code=$("$root/bin/workspace-backend" invite-codes generate --role admin | tail -n 1)
"$root/bin/workspace-backend" serve --port "$port" >"$work/serve.log" 2>&1 &
server=$!
until curl -sf "$api/api/health" >/dev/null; do sleep 0.1; done
token=$(curl -sf -X POST "$api/api/auth/register" -H 'Content-Type: application/json' \
  -d "{\"invite_code\":\"$code\",\"username\":\"bench\",\"password\":\"bench-password\"}" | json '["token"]')
auth="Authorization: Bearer $token"

# Both sides poll every 50 ms.
backend=()
for run in $(seq 1 "$runs"); do
  start=$(now_ms)
  id=$(curl -sf -X POST "$api/api/sessions" -H "$auth" -H 'Content-Type: application/json' \
    -d "{\"name\":\"bench-$run\"}" | json '["id"]')
  until [ "$(curl -sf "$api/api/sessions/$id" -H "$auth" | json '["status"]')" = running ]; do sleep 0.05; done
  took=$(( $(now_ms) - start ))
  backend+=("$took")
  curl -sf -X DELETE "$api/api/sessions/$id" -H "$auth"
  echo "backend run $run: $took ms"
done

secret=$(head -c 32 /dev/urandom | base64 | tr -d '/+=')
basic() { printf '%s:%s' "$1" "$secret" | base64 -w0; }
floor=()
mkdir -p "$work/floor" && chown 1000:1000 "$work/floor"
for run in $(seq 1 "$runs"); do
  read -r p1 p2 p3 < <(python3 -c 'import socket
socks = [socket.socket() for _ in range(3)]
for s in socks: s.bind(("127.0.0.1", 0))
print(*(s.getsockname()[1] for s in socks))')
  start=$(now_ms)
  docker run -d --name bench-floor --cap-drop ALL --security-opt no-new-privileges \
    --memory 2g --memory-swap 2g --cpus 2 --pids-limit 512 \
    --ulimit nofile=4096:4096 --ulimit nproc=4096:4096 \
    -p 127.0.0.1:$p1:41820 -p 127.0.0.1:$p2:41821 -p 127.0.0.1:$p3:41822 \
    -e SESSION_SECRET="$secret" -e OPENCODE_PORT=41820 -e FILESERVER_PORT=41821 -e TTYD_PORT=41822 \
    -v "$work/floor:/home/dev/workspace" "$image" >/dev/null
  until curl -sf -o /dev/null -H "Authorization: Basic $(basic opencode)" http://127.0.0.1:$p1/global/health \
    && curl -sf -o /dev/null -H "Authorization: Bearer $secret" "http://127.0.0.1:$p2/tree?depth=0" \
    && curl -sf -o /dev/null -H "Authorization: Basic $(basic dev)" http://127.0.0.1:$p3/; do
    sleep 0.05
  done
  took=$(( $(now_ms) - start ))
  floor+=("$took")
  docker rm -f bench-floor >/dev/null
  echo "docker run $run: $took ms"
done

b=$(median "${backend[@]}")
f=$(median "${floor[@]}")
echo "median POST→running: $b ms; median docker run→answering: $f ms; ratio $(python3 -c "print(round($b / $f, 2))")"
