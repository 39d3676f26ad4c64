#!/usr/bin/env bash
# Time from POST /api/sessions to `running` for a session that claims a warm slot
# (sessions.warm_pool), next to a cold start measured in the same run on the same backend: a
# request with an env of its own, which a slot cannot serve, so it starts a container as every
# session did before the pool.
#
# Run i of the claim and run i of the cold start go back to back, in alternating order, so drift
# in the machine's load falls on both; before each, the pool is full again (GET /api/health,
# warm_pool.ready), so no slot's launch competes with what is measured. One unmeasured warm-up pair
# comes first. Each time ends when the event stream (GET /api/events) announces the session
# `running`: no polling delay. A claim that found no slot (its POST did not answer `running`) is
# reported and fails the run.
#
# Usage: bench/warm-pool.sh [RUNS] [ENGINE] [POOL]   (default 30 docker 2; ENGINE docker or podman)
#   BENCH_LOG=FILE keeps the server's log in FILE, with DEBUG timings of each claim and launch.
# Needs: the jar and the session image on ENGINE (README: Quick start, Session image), curl, python3.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-30}
engine=${2:-docker}
pool=${3:-2}
case $engine in docker | podman) ;; *) echo "ENGINE must be docker or podman" >&2; exit 2 ;; esac
work=$(mktemp -d)
export HOME=$work XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data XDG_STATE_HOME=$work/state
export WORKSPACE_BACKEND__CONTAINER__RUNTIME=$engine
export WORKSPACE_BACKEND__SESSIONS__WARM_POOL=$pool
# Away from the default 41820 and from the ephemeral range (32768+): another backend on this
# machine may be starting sessions at the same time.
export WORKSPACE_BACKEND__CONTAINER__BASE_PORT=$((20000 + RANDOM % 10000))
export JAVA_OPTS="${JAVA_OPTS:-} -Dlogging.level.io.workspacebackend.session.WarmClaims=DEBUG -Dlogging.level.io.workspacebackend.session.LaunchClock=DEBUG"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
api=http://127.0.0.1:$port

cleanup() {
  if [ -n "${server:-}" ]; then kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true; fi
  # The pool's slots outlive the server (as sessions do); this run's are removed with its data.
  instance=$(python3 -c 'import hashlib, sys; print(hashlib.sha256(sys.argv[1].encode()).hexdigest()[:16])' \
    "$work/data/workspace-backend")
  "$engine" ps -aq --filter "label=io.workspace-backend.instance=$instance" | xargs -r "$engine" rm -f >/dev/null 2>&1 || true
  "$engine" network ls -q --filter "label=io.workspace-backend.instance=$instance" | xargs -r "$engine" network rm >/dev/null 2>&1 || true
  if [ -n "${BENCH_LOG:-}" ]; then cp "$work/serve.log" "$BENCH_LOG"; fi
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

BENCH_PORT=$port BENCH_TOKEN=$token BENCH_RUNS=$runs BENCH_ENGINE=$engine BENCH_POOL=$pool python3 - <<'PY'
import http.client, json, math, os, threading, time

port = int(os.environ["BENCH_PORT"])
token = os.environ["BENCH_TOKEN"]
runs = int(os.environ["BENCH_RUNS"])
engine = os.environ["BENCH_ENGINE"]
pool = int(os.environ["BENCH_POOL"])
auth = {"Authorization": "Bearer " + token}

announced = {}  # session id -> (status, monotonic time first seen)
changed = threading.Condition()

def follow_events():
    connection = http.client.HTTPConnection("127.0.0.1", port)
    connection.request("GET", "/api/events", headers=auth)
    response = connection.getresponse()
    event = None
    while True:
        line = response.readline()
        if not line:
            raise SystemExit("the event stream ended")
        if line.startswith(b"event:"):
            event = line[6:].strip()
        elif line.startswith(b"data:") and event == b"session":
            session = json.loads(line[5:])
            with changed:
                if session["status"] in ("running", "failed"):
                    announced.setdefault(session["id"], (session["status"], time.monotonic()))
                    changed.notify_all()

threading.Thread(target=follow_events, daemon=True).start()
time.sleep(0.5)  # the stream is open before the first POST

def api(method, path, body=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    headers = dict(auth, **({"Content-Type": "application/json"} if body is not None else {}))
    connection.request(method, path, body=None if body is None else json.dumps(body), headers=headers)
    response = connection.getresponse()
    data = response.read()
    if response.status >= 300 and not (path == "/api/health" and response.status == 503):
        raise SystemExit(f"{method} {path}: {response.status} {data[:300]!r}")
    return json.loads(data) if data else None

def await_pool_full():
    deadline = time.monotonic() + 180
    while True:
        warm = api("GET", "/api/health").get("warm_pool", {}).get("details", {})
        if warm.get("ready") == pool:
            return
        if time.monotonic() > deadline:
            raise SystemExit(f"the pool did not fill within 180 s: {warm}")
        time.sleep(0.05)

posted = {"claim": [], "cold": []}  # how long each POST took to answer
missed = []

def run(kind, number):
    await_pool_full()
    body = {"name": f"{kind}-{number}"}
    if kind == "cold":
        body["env"] = {"BENCH_COLD_START": "1"}
    start = time.monotonic()
    session = api("POST", "/api/sessions", body)
    posted[kind].append((time.monotonic() - start) * 1000)
    if kind == "claim" and session["status"] != "running":
        missed.append(number)
    with changed:
        if not changed.wait_for(lambda: session["id"] in announced, timeout=180):
            raise SystemExit(f"session {session['id']} did not become running within 180 s")
    status, at = announced[session["id"]]
    if status != "running":
        raise SystemExit(f"session {session['id']} failed: {api('GET', '/api/sessions/' + session['id'])}")
    api("DELETE", "/api/sessions/" + session["id"])
    return (at - start) * 1000

def percentile(values, q):  # nearest rank
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]

print(f"warm-up: claim {run('claim', 0):.0f} ms, cold {run('cold', 0):.0f} ms (not counted)", flush=True)
missed.clear()
times = {"claim": [], "cold": []}
for number in range(1, runs + 1):
    order = ["claim", "cold"] if number % 2 else ["cold", "claim"]
    took = {kind: run(kind, number) for kind in order}
    for kind in order:
        times[kind].append(took[kind])
    print(f"run {number}: claim {took['claim']:.0f} ms, cold {took['cold']:.0f} ms", flush=True)

quantiles = (0.5, 0.95, 0.99, 1.0)
print(f"\n{runs} runs on {engine}, pool of {pool}      p50      p95      p99      max")
for label, kind in (("claim POST→running", "claim"), ("cold POST→running", "cold")):
    print(f"{label:<28}" + "".join(f"{percentile(times[kind], q):>7.0f}  " for q in quantiles))
print(f"{'cold / claim':<28}" + "".join(
    f"{percentile(times['cold'], q) / percentile(times['claim'], q):>7.1f}  " for q in quantiles))
print(f"(the claim's POST answered in {percentile(posted['claim'], 0.5):.0f} ms at p50,"
      f" the cold start's in {percentile(posted['cold'], 0.5):.0f} ms)")
if missed:
    raise SystemExit(f"runs {missed}: the claim found no ready slot and started cold")
PY
