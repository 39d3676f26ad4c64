#!/usr/bin/env bash
# Time from POST /api/sessions to `running`, next to the floor measured in the same run: what the
# backend does, done by hand with the engine's CLI — `network create`, then `run` of the same image
# with the same options the backend creates its containers with (SessionContainers, ContainerSpec,
# HardenedHostConfig, EngineDialect) — until the same three health URLs answer, probed the way the
# backend probes them (ServiceReadiness: a new probe 5 ms after the first, the gap doubling up to
# 100 ms, probes overlapping, each giving up after 2 s).
#
# Run i of the backend and run i of the floor go back to back, in alternating order, so drift in
# the machine's load falls on both. One unmeasured warm-up pair comes first. The backend's time
# ends when its event stream (GET /api/events) announces the session `running`: no polling delay.
#
# Usage: bench/sessions.sh [RUNS] [ENGINE]   (default 30 docker; ENGINE docker or podman)
#   BENCH_LOG=FILE keeps the server's log in FILE, with DEBUG timings of each launch step and of
#   each service's first answer.
# Needs: the jar and the session image on ENGINE (README: Quick start, Session image), curl, python3.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-30}
engine=${2:-docker}
case $engine in docker | podman) ;; *) echo "ENGINE must be docker or podman" >&2; exit 2 ;; esac
image=opencode-dev:latest
work=$(mktemp -d)
export HOME=$work XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data XDG_STATE_HOME=$work/state
export WORKSPACE_BACKEND__CONTAINER__RUNTIME=$engine
# Away from the default 41820 and from the ephemeral range (32768+), where the floor's ports come
# from: another backend on this machine may be starting sessions at the same time.
export WORKSPACE_BACKEND__CONTAINER__BASE_PORT=$((20000 + RANDOM % 10000))
export JAVA_OPTS="${JAVA_OPTS:-} -Dlogging.level.io.workspacebackend.session.LaunchClock=DEBUG -Dlogging.level.io.workspacebackend.session.ServiceReadiness=DEBUG"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
api=http://127.0.0.1:$port
floor_label=io.workspace-backend.session=bench-floor-$$

cleanup() {
  if [ -n "${server:-}" ]; then kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true; fi
  "$engine" ps -aq --filter "label=$floor_label" | xargs -r "$engine" rm -f >/dev/null 2>&1 || true
  "$engine" network ls -q --filter "label=$floor_label" | xargs -r "$engine" network rm >/dev/null 2>&1 || true
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

BENCH_PORT=$port BENCH_TOKEN=$token BENCH_RUNS=$runs BENCH_ENGINE=$engine BENCH_IMAGE=$image \
  BENCH_WORK=$work BENCH_LABEL=$floor_label python3 - <<'EOF'
import base64, http.client, json, math, os, secrets, socket, subprocess, threading, time

port = int(os.environ["BENCH_PORT"])
token = os.environ["BENCH_TOKEN"]
runs = int(os.environ["BENCH_RUNS"])
engine = os.environ["BENCH_ENGINE"]
image = os.environ["BENCH_IMAGE"]
work = os.environ["BENCH_WORK"]
label = os.environ["BENCH_LABEL"]
auth = {"Authorization": "Bearer " + token}

# ---- the backend: POST, then the event stream says `running` ----
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
    if response.status >= 300:
        raise SystemExit(f"{method} {path}: {response.status} {data[:300]!r}")
    return json.loads(data) if data else None

posted = []  # how long each POST took to answer

def backend_run(run):
    start = time.monotonic()
    session = api("POST", "/api/sessions", {"name": f"bench-{run}"})
    posted.append((time.monotonic() - start) * 1000)
    with changed:
        if not changed.wait_for(lambda: session["id"] in announced, timeout=180):
            raise SystemExit(f"session {session['id']} did not become running within 180 s")
    status, at = announced[session["id"]]
    if status != "running":
        raise SystemExit(f"session {session['id']} failed: {api('GET', '/api/sessions/' + session['id'])}")
    api("DELETE", "/api/sessions/" + session["id"])
    return (at - start) * 1000

# ---- the floor: the same engine calls by hand, the same probes ----
memory = 2 * 1024**3
# (path, size, mode, exec, owned by the user): SessionContainers.writablePlaces
tmpfs = [("/home/dev", memory // 4, "0700", True, True), ("/tmp", memory // 4, "1777", True, False),
         ("/var/tmp", memory // 16, "1777", False, False), ("/run", memory // 64, "0755", False, False)]

def tmpfs_options(size, mode, executable, owned):  # EngineDialect.tmpfsOptions
    options = [f"size={size}", f"mode={mode}", "exec" if executable else "noexec", "nosuid", "nodev"]
    if owned:
        options += ["U"] if engine == "podman" else ["uid=1000", "gid=1000"]
    if engine == "podman":
        options.append("notmpcopyup")
    return ",".join(options)

def free_ports():
    sockets = [socket.socket() for _ in range(3)]
    for s in sockets:
        s.bind(("127.0.0.1", 0))
    ports = [s.getsockname()[1] for s in sockets]
    for s in sockets:
        s.close()
    return ports

def probe_once(port, path, authorization):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
    try:
        connection.request("GET", path, headers={"Authorization": authorization})
        response = connection.getresponse()
        response.read()
        return response.status == 200
    except (OSError, http.client.HTTPException):
        return False
    finally:
        connection.close()

def await_answer(port, path, authorization, deadline, answered):
    """ServiceReadiness: probes 0, 5, 15, 35, ... ms after the start, gaps doubling to 100 ms."""
    def attempt():
        if probe_once(port, path, authorization):
            answered.set()
    gap = 0.005
    while not answered.is_set():
        if time.monotonic() > deadline:
            return
        threading.Thread(target=attempt, daemon=True).start()
        answered.wait(gap)
        gap = min(gap * 2, 0.1)

def basic(user, secret):
    return "Basic " + base64.b64encode(f"{user}:{secret}".encode()).decode()

def run_cli(*args):
    done = subprocess.run([engine, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if done.returncode != 0:
        raise SystemExit(f"{engine} {args[0]} {args[1]}: {done.stderr.strip()}")

def floor_run(run):
    name = f"bench-floor-{os.getpid()}-{run}"
    secret = secrets.token_urlsafe(32)
    opencode, files, terminal = free_ports()
    workspace = os.path.join(work, "floor", name)
    start = time.monotonic()
    network = ["network", "create", "--driver", "bridge", "--label", label, name]
    run_cli(*network, *(["-o", "isolate=true"] if engine == "podman" else []))
    os.makedirs(workspace, mode=0o700)
    os.chown(workspace, 1000, 1000)
    command = ["run", "-d", "--name", name, "--label", label, "--network", name, "--user", "1000:1000",
               "--cap-drop", "ALL", "--security-opt", "no-new-privileges",
               "--memory", str(memory), "--memory-swap", str(memory), "--cpus", "2", "--pids-limit", "512",
               "--ulimit", "nofile=4096:4096", "--ulimit", "nproc=4096:4096", "--read-only", "--restart", "no",
               "-p", f"127.0.0.1:{opencode}:41820", "-p", f"127.0.0.1:{files}:41821",
               "-p", f"127.0.0.1:{terminal}:41822", "-v", f"{workspace}:/home/dev/workspace",
               "-e", "OPENCODE_PORT=41820", "-e", "FILESERVER_PORT=41821", "-e", "TTYD_PORT=41822",
               "-e", "SESSION_SECRET=" + secret]
    for path, size, mode, executable, owned in tmpfs:
        command += ["--tmpfs", f"{path}:{tmpfs_options(size, mode, executable, owned)}"]
    run_cli(*command, image)
    deadline = time.monotonic() + 180
    answered = [threading.Event() for _ in range(3)]
    probes = [threading.Thread(target=await_answer, args=(*args, deadline, done)) for args, done in zip((
        (opencode, "/global/health", basic("opencode", secret)),
        (files, "/tree?path=.&depth=0", "Bearer " + secret),
        (terminal, "/", basic("dev", secret))), answered)]
    for probe in probes:
        probe.start()
    for probe in probes:
        probe.join()
    took = (time.monotonic() - start) * 1000
    if not all(done.is_set() for done in answered):
        raise SystemExit(f"floor run {run}: the services did not answer within 180 s")
    run_cli("rm", "-f", name)
    run_cli("network", "rm", name)
    return took

def percentile(values, q):  # nearest rank
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]

print(f"warm-up: backend {backend_run(0):.0f} ms, floor {floor_run(0):.0f} ms (not counted)", flush=True)
backend, floor = [], []
for run in range(1, runs + 1):
    pair = [("backend", backend_run, backend), ("floor", floor_run, floor)]
    if run % 2 == 0:
        pair.reverse()
    times = {}
    for side, measure, values in pair:
        times[side] = measure(run)
        values.append(times[side])
    print(f"run {run}: backend {times['backend']:.0f} ms, floor {times['floor']:.0f} ms", flush=True)

print(f"\n{runs} runs on {engine}      p50      p95      max")
for side, values in (("backend POST→running", backend), ("floor (CLI)", floor)):
    print(f"{side:<22}" + "".join(f"{percentile(values, q):>7.0f}  " for q in (0.5, 0.95, 1.0)))
print(f"{'ratio':<22}" + "".join(
    f"{percentile(backend, q) / percentile(floor, q):>7.2f}  " for q in (0.5, 0.95, 1.0)))
print(f"(the POST itself answered in {percentile(posted[1:], 0.5):.0f} ms at p50)")
EOF
