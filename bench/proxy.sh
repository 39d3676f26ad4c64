#!/usr/bin/env bash
# Proxy overhead, side by side in one run (ratios matter, not absolute numbers):
#   1. 1-byte file GETs (GET /file) with wrk -t1, at 16 and at 64 connections: directly to the
#      session container's file-server port, through the backend's proxy with a bearer token, and
#      through nginx configured as the same reverse proxy (1 worker, prefix stripped, the service
#      credential added, upstream keep-alive 32): requests/s and p99, and the ratios;
#   (plus GET /api/auth/me: what an annotated, authenticated API route costs per request);
#   2. the backend's resident memory, idle and right after the load;
#   3. SSE: how much later an opencode event arrives through the proxy than directly;
#   4. keystroke round trips over the terminal WebSocket, ttyd running `cat`: direct vs proxy.
# Starts `serve` on a temporary home with a real session (Docker, image opencode-dev:latest),
# deletes the session at the end. Needs wrk, nginx and jq (Debian packages). Build first:
#   mvn -B -q -DskipTests package && bench/proxy.sh [SECONDS]
# With PROFILE=/path/to/file.jfr, the proxy's run at 64 connections is recorded with Java Flight
# Recorder (jfr print --events jdk.ExecutionSample FILE shows where the time goes).
set -euo pipefail

seconds=${1:-10}
root=$(cd "$(dirname "$0")/.." && pwd -P)
work=$(mktemp -d)
server= nginx_pid= session= base= token=
cleanup() {
  if [ -n "$session" ]; then
    curl -fsS -o /dev/null -X DELETE -H "Authorization: Bearer $token" "$base/api/sessions/$session" || true
  fi
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true
  if [ -n "$server" ]; then
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

for tool in wrk nginx jq curl docker; do
  command -v "$tool" >/dev/null || { echo "$tool is missing (apt-get install -y $tool)" >&2; exit 1; }
done

export HOME=$work XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data XDG_STATE_HOME=$work/state
export WORKSPACE_BACKEND__CONTAINER__RUNTIME=docker
cli=$root/bin/workspace-backend
code=$("$cli" invite-codes generate --role user)
"$cli" serve --port 0 >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 120); do
  base=$(sed -n 's/^workspace-backend listening on //p' "$work/serve.log")
  [ -n "$base" ] && break
  kill -0 "$server" 2>/dev/null || { cat "$work/serve.log" >&2; exit 1; }
  sleep 0.5
done
[ -n "$base" ] || { echo "server did not start" >&2; exit 1; }

token=$(curl -fsS -X POST "$base/api/auth/register" -H 'Content-Type: application/json' \
  -d "{\"invite_code\":\"$code\",\"username\":\"bench\",\"password\":\"a long passphrase\"}" | jq -r .token)
auth=(-H "Authorization: Bearer $token")
session=$(curl -fsS -X POST "$base/api/sessions" "${auth[@]}" -H 'Content-Type: application/json' -d '{}' | jq -r .id)
for _ in $(seq 1 240); do
  status=$(curl -fsS "$base/api/sessions/$session" "${auth[@]}" | jq -r .status)
  [ "$status" = running ] && break
  [ "$status" = failed ] && { echo "session failed" >&2; exit 1; }
  sleep 0.5
done
info=$(curl -fsS "$base/api/sessions/$session" "${auth[@]}")
files_port=$(jq -r .ports.fileserver <<<"$info")
ttyd_port=$(jq -r .ports.ttyd <<<"$info")
# The direct runs need the session's own secret, which only the container knows.
secret=$(docker inspect "$(jq -r .container_id <<<"$info")" --format '{{range .Config.Env}}{{println .}}{{end}}' \
  | sed -n 's/^SESSION_SECRET=//p')

printf x >"$work/small.bin"
curl -fsS -o /dev/null -X PUT "${auth[@]}" --data-binary @"$work/small.bin" \
  "$base/sessions/$session/files/file?path=bench/small.bin"

nginx_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
mkdir -p "$work/nginx"
cat >"$work/nginx/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  upstream files { server 127.0.0.1:$files_port; keepalive 32; }
  server {
    listen 127.0.0.1:$nginx_port;
    location /sessions/$session/files/ {
      proxy_pass http://files/;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Authorization "Bearer $secret";
      proxy_set_header X-Forwarded-For \$remote_addr;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_set_header X-Forwarded-Host \$host;
      proxy_set_header X-Forwarded-Prefix /sessions/$session/files;
      proxy_buffering off;
      proxy_request_buffering off;
    }
  }
}
CONF
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -g 'daemon off;' &
nginx_pid=$!
sleep 1

rss_mib() { echo $(( $(awk '/^VmRSS/ {print $2}' "/proc/$1/status") / 1024 )); }
# CPU time (clock ticks) of processes, children included: per request, this does not depend on
# what else the machine runs, unlike requests/s.
cpu_ticks() { local total=0 pid; for pid in "$@"; do total=$(( total + $(awk '{print $14 + $15}' "/proc/$pid/stat") )); done; echo "$total"; }
ticks_per_second=$(getconf CLK_TCK)
java_pid=$server # the launcher execs java

run() { # label connections url header [pids whose CPU time to count]
  local before
  before=$(cpu_ticks ${5:-})
  wrk -t1 -c"$2" -d"${seconds}s" --latency -H "$4" "$3" >"$work/wrk.$1.$2" 2>&1
  local rps p99 errors
  rps=$(awk '/^Requests\/sec/ {print $2}' "$work/wrk.$1.$2")
  p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.$1.$2")
  errors=$(grep -E 'Non-2xx|Socket errors' "$work/wrk.$1.$2" || true)
  local cpu=""
  if [ -n "${5:-}" ]; then
    cpu=$(awk -v t=$(( $(cpu_ticks $5) - before )) -v hz="$ticks_per_second" -v r="$rps" -v s="$seconds" \
      'BEGIN { printf "%.0f µs CPU/request", t / hz / (r * s) * 1e6 }')
  fi
  printf '  %-7s %10s req/s   p99 %8s   %s %s\n' "$1" "$rps" "$p99" "$cpu" "$errors"
  echo "$rps" >"$work/rps.$1.$2"
}
path="file?path=bench/small.bin"
echo "1-byte GETs, wrk -t1 -d${seconds}s, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "backend RSS idle: $(rss_mib "$java_pid") MiB"
# The session's file server, a JVM of its own inside the container.
fileserver_rss=$(docker top "$(jq -r .container_id <<<"$info")" -o pid,rss,args \
  | awk '/fileserver/ {print int($2 / 1024)}' | head -n 1 || true)
echo "file server RSS in the session: ${fileserver_rss:-?} MiB"
# Warm the JIT and both pools first: C2 takes tens of seconds of CPU here before the proxy's code
# is compiled, and a run during that time measures the compiler, not the proxy.
wrk -t1 -c64 -d30s -H "Authorization: Bearer $token" "$base/sessions/$session/files/$path" >/dev/null
for connections in 16 64; do
  echo "$connections connections:"
  run direct "$connections" "http://127.0.0.1:$files_port/$path" "Authorization: Bearer $secret"
  if [ -n "${PROFILE:-}" ] && [ "$connections" = 64 ]; then
    jcmd "$java_pid" JFR.start name=proxy settings=profile filename="$PROFILE" >/dev/null
  fi
  run proxy "$connections" "$base/sessions/$session/files/$path" "Authorization: Bearer $token" "$java_pid"
  if [ -n "${PROFILE:-}" ] && [ "$connections" = 64 ]; then
    jcmd "$java_pid" JFR.stop name=proxy >/dev/null
  fi
  run nginx "$connections" "http://127.0.0.1:$nginx_port/sessions/$session/files/$path" "X-Unused: 1" \
    "$nginx_pid $(pgrep -P "$nginx_pid" | tr '\n' ' ')"
  awk -v p="$(cat "$work/rps.proxy.$connections")" -v n="$(cat "$work/rps.nginx.$connections")" \
    -v d="$(cat "$work/rps.direct.$connections")" \
    'BEGIN { printf "  throughput ratios: proxy/nginx %.2f, proxy/direct %.2f, nginx/direct %.2f\n", p/n, p/d, n/d }'
done
echo "backend RSS after the load: $(rss_mib "$java_pid") MiB"
# The ceiling an authenticated API route has here: dispatch, token check, JSON.
echo "for comparison, an API route:"
run auth 16 "$base/api/auth/me" "Authorization: Bearer $token" "$java_pid"

opencode_port=$(jq -r .ports.opencode <<<"$info")
java "$root/bench/SseLatency.java" "http://127.0.0.1:$opencode_port" \
  "Basic $(printf 'opencode:%s' "$secret" | base64 -w0)" \
  "$base/sessions/$session/opencode" "Bearer $token" 200

echo "terminal WebSocket, keystroke echo through ttyd running cat:"
ttyd_token=$(printf 'dev:%s' "$secret" | base64 -w0)
java "$root/bench/WebSocketRoundTrip.java" "ws://127.0.0.1:$ttyd_port/ws" "Basic $ttyd_token" "$ttyd_token" 2000 direct
java "$root/bench/WebSocketRoundTrip.java" "${base/http/ws}/sessions/$session/terminal" "Bearer $token" "" 2000 proxy
