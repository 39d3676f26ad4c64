#!/usr/bin/env bash
# Login latency of a correct login: starts `serve` on a temporary home, creates an admin with the
# CLI and the register API, then times sequential POST /api/auth/login requests with curl and
# prints p50/p99. Not a test: numbers depend on the machine. Build first:
#   mvn -B -q -DskipTests package && bench/login-latency.sh [REQUESTS] [WARMUP]
set -euo pipefail

requests=${1:-200}
warmup=${2:-20}
root=$(cd "$(dirname "$0")/.." && pwd -P)
home=$(mktemp -d)
server=
cleanup() {
  if [ -n "$server" ]; then
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
  rm -rf "$home"
}
trap cleanup EXIT

export HOME=$home XDG_CONFIG_HOME=$home/config XDG_DATA_HOME=$home/data XDG_STATE_HOME=$home/state
cli=$root/bin/workspace-backend

code=$("$cli" invite-codes generate --role admin)
"$cli" serve --port 0 >"$home/serve.log" 2>&1 &
server=$!
base=
for _ in $(seq 1 120); do
  base=$(sed -n 's/^workspace-backend listening on //p' "$home/serve.log")
  [ -n "$base" ] && break
  kill -0 "$server" 2>/dev/null || { cat "$home/serve.log" >&2; exit 1; }
  sleep 0.5
done
[ -n "$base" ] || { echo "server did not start" >&2; exit 1; }

body='{"username":"bench","password":"a long passphrase"}'
curl -fsS -o /dev/null -X POST "$base/api/auth/register" -H 'Content-Type: application/json' \
  -d "{\"invite_code\":\"$code\",\"username\":\"bench\",\"password\":\"a long passphrase\"}"

login() {
  curl -fsS -o /dev/null -w '%{time_total}\n' -X POST "$base/api/auth/login" \
    -H 'Content-Type: application/json' -d "$body"
}
for _ in $(seq 1 "$warmup"); do login >/dev/null; done
for _ in $(seq 1 "$requests"); do login; done >"$home/times"

sort -n "$home/times" | awk -v n="$requests" -v w="$warmup" '
  { t[NR] = $1 * 1000 }
  END {
    p50 = t[int((n - 1) * 0.50) + 1]; p99 = t[int((n - 1) * 0.99) + 1]
    printf "%d sequential correct logins (after %d warm-up): p50 %.1f ms, p99 %.1f ms, max %.1f ms\n",
      n, w, p50, p99, t[n]
  }'
# The stored hash names its cost (the row may still sit in the WAL file).
cat "$home/data/workspace-backend/workspace-backend.db"* | grep -ao 'argon2id\$v=19\$m=[0-9]*,t=[0-9]*,p=[0-9]*' \
  | head -1 | sed 's/^/password hash: /' || true
echo "load average while measuring: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
