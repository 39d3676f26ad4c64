#!/usr/bin/env bash
# Makes sure the session image's base image (the Dockerfile's BASE_IMAGE, debian:sid-slim) exists
# in the local engine. It uses the local copy if there is one, else tries to pull it, and only
# where no registry can be reached builds an equivalent minbase Debian sid root filesystem with
# mmdebstrap from the Debian mirror this machine's own apt sources name, and imports it under
# that tag.
#
# Usage: container/bootstrap-base-image.sh [TAG]
#   TAG           defaults to the BASE_IMAGE argument of container/Dockerfile
#   CONTAINER_CLI docker (default) or podman
#   DEBIAN_MIRROR overrides the mirror read from /etc/apt/sources.list{,.d/*}
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cli="${CONTAINER_CLI:-docker}"
tag="${1:-$(sed -n 's/^ARG BASE_IMAGE=//p' "$here/Dockerfile" | head -n 1)}"
[[ -n "$tag" ]] || { echo "bootstrap: no tag given and none found in $here/Dockerfile" >&2; exit 2; }

if "$cli" image inspect "$tag" >/dev/null 2>&1; then
  echo "bootstrap: base image $tag is present"
  exit 0
fi
echo "bootstrap: base image $tag is missing; trying to pull it"
if "$cli" pull "$tag" >/dev/null 2>&1; then
  echo "bootstrap: pulled $tag"
  exit 0
fi

# The first Debian archive (not the security archive) named in the apt sources, in either the
# one-line format (deb URL suite ...) or the deb822 format (URIs: URL).
debian_mirror() {
  local files=() f
  [[ -f /etc/apt/sources.list ]] && files+=(/etc/apt/sources.list)
  for f in /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
    [[ -f "$f" ]] && files+=("$f")
  done
  ((${#files[@]})) || return 1
  awk '
    /^[[:space:]]*deb[[:space:]]/ { for (i = 2; i <= NF; i++) if ($i !~ /^\[/ && $i !~ /\]$/) { print $i; break } }
    /^[[:space:]]*URIs:/ { for (i = 2; i <= NF; i++) print $i }
  ' "${files[@]}" | grep -E '/debian/?$' | head -n 1
}

mirror="${DEBIAN_MIRROR:-$(debian_mirror || true)}"
[[ -n "$mirror" ]] || {
  echo "bootstrap: cannot pull $tag and found no Debian mirror in /etc/apt/sources.list{,.d/*};" \
    "set DEBIAN_MIRROR to one" >&2
  exit 1
}
command -v mmdebstrap >/dev/null || {
  echo "bootstrap: cannot pull $tag and mmdebstrap is not installed (apt-get install -y mmdebstrap)" >&2
  exit 1
}

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "bootstrap: building $tag from Debian sid with mmdebstrap (minbase) from the mirror in this machine's apt sources"
# The mirror's Release files may be past their Valid-Until date; the option is harmless elsewhere.
mmdebstrap --quiet --variant=minbase --aptopt='Acquire::Check-Valid-Until "false"' \
  sid "$work/rootfs.tar" "$mirror"
"$cli" import \
  --change 'CMD ["bash"]' \
  --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change 'LABEL io.workspace-backend.base=mmdebstrap-sid-minbase' \
  "$work/rootfs.tar" "$tag" >/dev/null
echo "bootstrap: imported $tag ($(du -h "$work/rootfs.tar" | cut -f1) root filesystem)"
