#!/usr/bin/env bash
# The cost of the backend asking the engine for a new connection per call (ConnectionPerRequest)
# instead of reusing pooled keep-alive connections: the same engine call (GET /images/IMAGE/json),
# RUNS times over one kept-alive connection and RUNS times over a new connection each, in
# alternating rounds of 50 so that drift in the machine's load falls on both.
#
# Usage: bench/engine-connections.sh [RUNS] [SOCKET] [IMAGE]
#   (default 2000, /var/run/docker.sock, opencode-dev:latest; Podman: /run/podman/podman.sock)
set -euo pipefail
runs=${1:-2000}
socket=${2:-/var/run/docker.sock}
image=${3:-opencode-dev:latest}
python3 - "$runs" "$socket" "$image" <<'PY'
import http.client, socket, sys, time
runs, path, image = int(sys.argv[1]), sys.argv[2], sys.argv[3]
url = f"/v1.41/images/{image}/json"

class Engine(http.client.HTTPConnection):
    def __init__(self):
        super().__init__("engine")
    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX)
        self.sock.connect(path)

def call(conn, headers):
    conn.request("GET", url, headers=headers)
    response = conn.getresponse()
    response.read()
    if response.status != 200:
        sys.exit(f"the engine answered {response.status} for {url}")

kept = Engine()
def over_kept():
    call(kept, {})

def over_new():
    conn = Engine()
    call(conn, {"Connection": "close"})
    conn.close()

totals = {over_kept: 0.0, over_new: 0.0}
for way in totals:  # warm-up
    for _ in range(50):
        way()
for round in range(runs // 50):
    for way in (over_kept, over_new) if round % 2 == 0 else (over_new, over_kept):
        start = time.perf_counter()
        for _ in range(50):
            way()
        totals[way] += time.perf_counter() - start
kept_ms = totals[over_kept] / runs * 1000
new_ms = totals[over_new] / runs * 1000
print(f"{path}: {runs} calls each: kept-alive {kept_ms:.3f} ms/call, "
      f"new connection {new_ms:.3f} ms/call, ratio {new_ms / kept_ms:.2f}")
PY
