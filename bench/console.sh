#!/usr/bin/env bash
# The packaged desktop console's time to its first frame and its resident memory (RSS) at three
# points, for each set of JVM options below, side by side: the variants take turns within each run,
# on a fresh home each time.
#
#   first frame     the console logs it at DEBUG once the start screen is on screen; this bench
#                   turns that logger on with console-logback.xml (the start screen's log shows only
#                   INFO and up, so users never see the line)
#   start screen    RSS after 10 s idle on the start screen
#   session         RSS with the in-process server started, the first admin signed in and one
#                   session running, 10 s after it runs
#   terminal        the same with that session's terminal open and a command echoed, after 10 s
#
# The app image is driven as AppImageJourneyIT drives it: a copy of the image (hard links) whose
# launcher configuration starts the test driver (packaging/driver/JourneyDriver), which starts the
# real console and clicks through its window with JavaFX's Robot; the driver prints its own VmRSS
# at each point. Then it deletes the session and quits with Ctrl+Q.
#
# Usage: xvfb-run -a bench/console.sh [RUNS]       (default 2; about 1.5 min per variant and run)
#        VARIANTS=$'name|options\nname|options' to compare other option sets instead.
# Needs: the app image and the test classes
#          mvn -B -Ppackage -DskipTests -pl desktop-console -am package
#        Docker with the session image (README: Session image), and a display.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
image=$root/desktop-console/target/app-image/WorkspaceBackendConsole
classes=$root/desktop-console/target/test-classes
[ -x "$image/bin/WorkspaceBackendConsole" ] || { echo "no app image in $image; build it first (see Usage)" >&2; exit 1; }
[ -d "$classes/io/workspacebackend/console/packaging/driver" ] || { echo "no test classes in $classes; build them (see Usage)" >&2; exit 1; }
runs=${1:-2}

# name|JVM options (the launcher's whole option list). "before" is what the image had before these
# were measured; each next one adds one change; "built" is what desktop-console/pom.xml gives now
# (when this was written, all of the changes above).
built=$(sed -n 's/^java-options=//p' "$image/lib/app/WorkspaceBackendConsole.cfg" | grep -v '^-Djpackage' | tr '\n' ' ' | sed 's/ $//')
variants=(
  "before|-XX:+UseSerialGC -Xss512k"
  "+small heap|-XX:+UseSerialGC -Xss512k -Xms32m -Xmx512m"
  "+heap shrinks|-XX:+UseSerialGC -Xss512k -Xms32m -Xmx512m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30"
  "+native trim|-XX:+UseSerialGC -Xss512k -Xms32m -Xmx512m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:TrimNativeHeapInterval=5000"
  "built|$built"
)
[ -n "${VARIANTS:-}" ] && mapfile -t variants <<<"$VARIANTS"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
jar cf "$work/journey-driver.jar" -C "$classes" io/workspacebackend/console/packaging/driver

echo "machine: $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n 1)," \
  "$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg)"

# One walk of variant $1 (options $2); prints "frame start session terminal" (ms, MiB, MiB, MiB).
walk() {
  local options=$2 copy=$work/image home=$work/home
  rm -rf "$copy" "$home"
  cp -al "$image" "$copy"
  cfg=$copy/lib/app/WorkspaceBackendConsole.cfg
  rm "$cfg"
  {
    sed -n '/^\[Application\]/,/^\[JavaOptions\]/p' "$image/lib/app/WorkspaceBackendConsole.cfg" \
      | grep -v '^\[JavaOptions\]' | grep -v '^app.mainclass='
    echo "app.mainclass=io.workspacebackend.console.packaging.driver.JourneyDriver"
    echo "app.classpath=\$APPDIR/journey-driver.jar"
    echo "[JavaOptions]"
    for option in $options; do echo "java-options=$option"; done
    echo "java-options=-Duser.home=$home"
    echo "java-options=-Dlogback.configurationFile=$root/bench/console-logback.xml"
    echo "java-options=-Djourney.settle=10"
  } >"$cfg"
  cp "$work/journey-driver.jar" "$copy/lib/app/"
  mkdir -p "$home"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  env $(env | sed -n 's/^\(WORKSPACE_BACKEND__[^=]*\)=.*/-u \1/p') \
    HOME=$home XDG_CONFIG_HOME=$home/.config XDG_DATA_HOME=$home/.local/share \
    XDG_STATE_HOME=$home/.local/state WORKSPACE_BACKEND__SERVER__PORT=$port \
    WORKSPACE_BACKEND__CONTAINER__RUNTIME=docker \
    timeout 600 "$copy/bin/WorkspaceBackendConsole" >"$work/out.log" 2>&1 || {
      echo "the walk failed; its output:" >&2
      cat "$work/out.log" >&2
      exit 1
    }
  frame=$(sed -n 's/.*start screen shown \([0-9]*\) ms.*/\1/p' "$work/out.log" | head -1)
  rss() { sed -n "s/^STEP rss $1 \([0-9]*\)$/\1/p" "$work/out.log"; }
  echo "$frame $(rss start-screen) $(rss session-running) $(rss terminal-open)"
}

declare -A results
for run in $(seq 1 "$runs"); do
  for variant in "${variants[@]}"; do
    name=${variant%%|*}
    figures=$(walk "$name" "${variant#*|}")
    results[$name]+="$figures;"
    read -r frame start session terminal <<<"$figures"
    echo "run $run, $name: first frame $frame ms; RSS start screen $start MiB, session $session MiB, terminal $terminal MiB"
  done
done

median() { tr ' ' '\n' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
column() { tr ';' '\n' | sed '/^$/d' | cut -d' ' -f"$1" | tr '\n' ' '; }
echo
echo "medians over $runs runs (first frame ms; RSS MiB at start screen / session / terminal):"
for variant in "${variants[@]}"; do
  name=${variant%%|*}
  row=${results[$name]}
  printf '%-16s %5s ms  %4s / %4s / %4s MiB   (%s)\n' "$name" \
    "$(column 1 <<<"$row" | median)" "$(column 2 <<<"$row" | median)" \
    "$(column 3 <<<"$row" | median)" "$(column 4 <<<"$row" | median)" "${variant#*|}"
done
