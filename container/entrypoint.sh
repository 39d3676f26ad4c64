#!/usr/bin/env bash
# Entrypoint of the session image: runs opencode, the file server and ttyd, each requiring
# SESSION_SECRET, and supervises them.
#
#   opencode    :OPENCODE_PORT   (41820)  HTTP Basic auth, user "opencode", password SESSION_SECRET
#   file server :FILESERVER_PORT (41821)  Authorization: Bearer SESSION_SECRET
#   terminal    :TTYD_PORT       (41822)  HTTP Basic auth, user "dev", password SESSION_SECRET,
#                                         checked by the file server's terminal gate, which relays
#                                         admitted connections to ttyd on a Unix socket
#
# If any service ends, the others are stopped and the container exits non-zero, saying which
# service ended and how. SIGTERM stops all three and exits 0 well within Docker's 10 s grace.
#
# Exit codes: 0 stopped on request; 64 no secret; 66 no workspace; 70 a service exited with
# status 0; 71 a service was killed by a signal; 137 the kernel's OOM killer killed a process of
# this container (its memory cgroup counted it), as if it had chosen this script; otherwise the
# status of the service that ended. A service's status is never passed on as 128+N: that would
# read as this script being killed, which the backend takes for the OOM killer when the engine
# did not kill it.
# The secret is never printed, and never on a command line: every account on the host can read
# the container's processes' arguments (ps). ttyd takes a credential only as an argument, so it gets
# none and listens on a Unix socket in a private directory, reachable from outside only through the
# file server's gate.
set -uo pipefail

log() { echo "entrypoint: $*" >&2; }

if [[ -z "${SESSION_SECRET:-}" ]]; then
  log "SESSION_SECRET is not set; refusing to start the services without their credential"
  exit 64
fi
OPENCODE_PORT="${OPENCODE_PORT:-41820}"
FILESERVER_PORT="${FILESERVER_PORT:-41821}"
TTYD_PORT="${TTYD_PORT:-41822}"
WORKSPACE="${FILESERVER_WORKSPACE:-/home/dev/workspace}"
cd "$WORKSPACE" || { log "workspace $WORKSPACE is missing"; exit 66; }
TTYD_SOCKET="$(mktemp -d /tmp/terminal.XXXXXXXX)/ttyd.sock" || { log "cannot make ttyd's socket directory"; exit 1; }

# The backend runs sessions on a read-only root with an empty tmpfs as home, which hides the
# shell's startup files useradd put there: copy them from /etc/skel, keeping any already present.
# A home that cannot be written gets none; the services do not need them.
cp -R --update=none /etc/skel/. "${HOME:-/home/dev}/" ||
  log "could not copy /etc/skel into ${HOME:-/home/dev}; the shell starts without its startup files"

declare -A service_of # pid -> service name

# start NAME COMMAND...: runs COMMAND in the background as the service NAME.
start() {
  local name="$1"
  shift
  "$@" &
  service_of[$!]="$name"
  log "started $name (pid $!)"
}

run_opencode() {
  OPENCODE_SERVER_PASSWORD="$SESSION_SECRET" exec opencode serve \
    --port "$OPENCODE_PORT" --hostname 0.0.0.0
}

run_fileserver() {
  # Serial GC, C1 only, small stacks, code cache and initial heap, compact object headers, no
  # perf data file: a mostly idle server that must start fast and stay small. The heap bound is
  # generous: bodies stream through 64 KiB buffers. What a burst of requests leaves in malloc's
  # free lists (the compiler's arenas, per-thread buffers) goes back to the system every 5 s,
  # from at most two malloc arenas: some 5 MiB less at rest after a transfer.
  MALLOC_ARENA_MAX=2 FILESERVER_PORT="$FILESERVER_PORT" FILESERVER_WORKSPACE="$WORKSPACE" \
    TTYD_PORT="$TTYD_PORT" TTYD_SOCKET="$TTYD_SOCKET" exec \
    /opt/fileserver/runtime/bin/java \
    -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -Xss256k \
    -Xms4m -Xmx96m -XX:ReservedCodeCacheSize=16m -XX:MaxMetaspaceSize=64m \
    -XX:+UseCompactObjectHeaders -XX:-UsePerfData -XX:TrimNativeHeapInterval=5000 \
    -cp '/opt/fileserver/lib/*' io.workspacebackend.fileserver.FileServer
}

run_ttyd() {
  # The terminal's shell does not need the secret in its environment. A path ending in ".sock"
  # makes ttyd listen on a Unix socket.
  exec env -u SESSION_SECRET ttyd --interface "$TTYD_SOCKET" --writable --cwd "$WORKSPACE" \
    bash --login
}

# stop_all: SIGTERM to every service still running, SIGKILL to any left after 8 s.
stop_all() {
  local pids=("${!service_of[@]}") pid
  kill -TERM "${pids[@]}" 2>/dev/null
  for _ in $(seq 80); do
    local running=0
    for pid in "${pids[@]}"; do
      kill -0 "$pid" 2>/dev/null && running=1
    done
    ((running)) || return 0
    sleep 0.1
  done
  log "services still running after 8 s; killing them"
  kill -KILL "${pids[@]}" 2>/dev/null
}

# oom_kills: how many processes of this container the kernel's OOM killer killed, as the
# container's own memory cgroup counts them (v2: memory.events, v1: memory.oom_control).
oom_kills() {
  local file key value
  for file in /sys/fs/cgroup/memory.events /sys/fs/cgroup/memory/memory.oom_control; do
    [[ -r "$file" ]] || continue
    while read -r key value; do
      if [[ "$key" == oom_kill ]]; then
        echo "$value"
        return
      fi
    done <"$file"
  done
  echo 0
}

on_term() {
  log "stopping on request"
  stop_all
  wait
  exit 0
}
trap on_term TERM INT

start opencode run_opencode
start fileserver run_fileserver
start ttyd run_ttyd

# wait -n returns early when a trapped signal arrives; on_term then exits.
wait -n -p ended
status=$?
trap - TERM INT
log "${service_of[$ended]:-a service} exited with status $status; stopping the others"
unset "service_of[$ended]"
stop_all
wait
if (($(oom_kills) > 0)); then
  log "out of memory: the kernel's OOM killer killed a process of this session"
  exit 137
fi
if ((status > 128)); then
  exit 71
fi
exit $((status == 0 ? 70 : status))
