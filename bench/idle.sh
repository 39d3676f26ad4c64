#!/usr/bin/env bash
# Memory held by N idle sessions before and after the idle culler stops them (sessions.idle_timeout):
# each session container's memory as the engine counts it (its cgroup: opencode, the file server,
# ttyd, and its tmpfs files), their sum, and the host's used memory, measured once all N run and
# again once the culler has stopped them all (workspaces kept, containers gone).
#
# Usage: bench/idle.sh [N] [IDLE_TIMEOUT] [ENGINE]   (default 3 "20s" docker)
# Needs: the jar and the session image on ENGINE (README: Quick start, Session image), curl, python3.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
count=${1:-3}
idle=${2:-20s}
engine=${3:-docker}
case $engine in docker | podman) ;; *) echo "ENGINE must be docker or podman" >&2; exit 2 ;; esac
work=$(mktemp -d)
export HOME=$work XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data XDG_STATE_HOME=$work/state
export WORKSPACE_BACKEND__CONTAINER__RUNTIME=$engine
export WORKSPACE_BACKEND__CONTAINER__BASE_PORT=$((20000 + RANDOM % 10000))
export WORKSPACE_BACKEND__SESSIONS__IDLE_TIMEOUT=$idle
export WORKSPACE_BACKEND__SESSIONS__MAX_PER_USER=$count
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
api=http://127.0.0.1:$port

cleanup() {
  if [ -n "${server:-}" ]; then kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

code=$("$root/bin/workspace-backend" invite-codes generate --role admin | tail -n 1)
"$root/bin/workspace-backend" serve --port "$port" >"$work/serve.log" 2>&1 &
server=$!
until curl -sf --max-time 1 "$api/api/health" >/dev/null; do sleep 0.1; done
token=$(curl -sf --max-time 10 -X POST "$api/api/auth/register" -H 'Content-Type: application/json' \
  -d "{\"invite_code\":\"$code\",\"username\":\"bench\",\"password\":\"bench-password\"}" |
  python3 -c 'import sys, json; print(json.load(sys.stdin)["token"])')

BENCH_PORT=$port BENCH_TOKEN=$token BENCH_COUNT=$count BENCH_ENGINE=$engine BENCH_IDLE=$idle \
  BENCH_SERVER_PID=$server python3 - <<'PY'
import http.client, json, os, subprocess, time

port = int(os.environ["BENCH_PORT"])
auth = {"Authorization": "Bearer " + os.environ["BENCH_TOKEN"], "Content-Type": "application/json"}
count = int(os.environ["BENCH_COUNT"])
engine = os.environ["BENCH_ENGINE"]

def api(method, path, body=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request(method, path, body=None if body is None else json.dumps(body), headers=auth)
    response = connection.getresponse()
    data = response.read()
    return json.loads(data) if data else None

def await_all(ids, status, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        states = {s["id"]: s for s in api("GET", "/api/sessions") if s["id"] in ids}
        if all(states[i]["status"] == status for i in ids):
            return time.monotonic(), states
        if any(s["status"] == "failed" for s in states.values()):
            raise SystemExit("a session failed: " + str(states))
        time.sleep(0.5)
    raise SystemExit(f"not all {status} within {timeout} s")

def mib(text):  # "312.4MiB / 2GiB" -> 312.4
    used = text.split("/")[0].strip()
    for unit, factor in (("GiB", 1024), ("MiB", 1), ("KiB", 1 / 1024), ("GB", 953.7), ("MB", 0.9537), ("kB", 0.000954), ("B", 1 / 1048576)):
        if used.endswith(unit):
            return float(used[: -len(unit)]) * factor
    return 0.0

def containers_mib(ids):
    names = ["workspace-session-" + i for i in ids]
    running = subprocess.run([engine, "ps", "--format", "{{.Names}}"], capture_output=True, text=True).stdout.split()
    present = [n for n in names if n in running]
    if not present:
        return 0.0, 0
    out = subprocess.run([engine, "stats", "--no-stream", "--format", "{{.MemUsage}}", *present],
                         capture_output=True, text=True, check=True).stdout.splitlines()
    return sum(mib(line) for line in out if line.strip()), len(present)

def host_used_mib():
    info = dict(line.split(":", 1) for line in open("/proc/meminfo"))
    kib = lambda key: int(info[key].split()[0])
    return (kib("MemTotal") - kib("MemAvailable")) / 1024

def backend_rss_mib():
    pid = os.environ["BENCH_SERVER_PID"]
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024

ids = [api("POST", "/api/sessions", {"name": f"idle-{n}"})["id"] for n in range(count)]
running_at, _ = await_all(ids, "running", 300)
time.sleep(5)  # let the services settle after their start before measuring them at rest
before, present = containers_mib(ids)
host_before = host_used_mib()
rss_before = backend_rss_mib()
stopped_at, states = await_all(ids, "stopped", 600)
time.sleep(2)
after, left = containers_mib(ids)
host_after = host_used_mib()
reasons = sorted({s["stop_reason"] for s in states.values()})
print(f"{count} idle sessions on {engine}, sessions.idle_timeout = {os.environ['BENCH_IDLE']}")
print(f"| | before the culler ({present} running) | after ({left} running) |")
print("|---|---|---|")
print(f"| session containers, sum | {before:.0f} MiB ({before / max(present, 1):.0f} each) | {after:.0f} MiB |")
print(f"| host used memory | {host_before:.0f} MiB | {host_after:.0f} MiB ({host_after - host_before:+.0f}) |")
print(f"| backend RSS | {rss_before:.0f} MiB | {backend_rss_mib():.0f} MiB |")
print(f"all stopped {stopped_at - running_at:.1f} s after all ran; reasons: {reasons}")
for i in ids:
    api("DELETE", "/api/sessions/" + i)
PY
