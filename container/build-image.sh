#!/usr/bin/env bash
# Builds the session image, or reuses it when the image under that tag was built from the same
# sources: the label io.workspace-backend.image-hash holds a hash of everything the build reads
# (the poms, .mvn, .dockerignore, shared-model/ and container/, without build output).
#
# Usage: container/build-image.sh [TAG]     (default opencode-dev:latest)
#   CONTAINER_CLI  docker (default) or podman
#   BUILD_ARGS     extra arguments for the build, e.g. "--build-arg OPENCODE_VERSION=1.18.34"
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cli="${CONTAINER_CLI:-docker}"
tag="${1:-opencode-dev:latest}"
label=io.workspace-backend.image-hash

# Paths relative to the root, NUL-separated and sorted, so the hash is the same on every machine.
hash="$(
  cd "$root"
  {
    printf '%s\0' pom.xml .dockerignore
    find .mvn shared-model container -type f \
      -not -path '*/target/*' -not -path 'container/extra-ca/*.crt' -print0
  } | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-32
)"
echo "image: sources hash to $hash"

current="$("$cli" image inspect -f "{{ index .Config.Labels \"$label\" }}" "$tag" 2>/dev/null || true)"
if [[ "$current" == "$hash" ]]; then
  echo "image: $tag is up to date; reusing it"
  exit 0
fi
if [[ -n "$current" ]]; then
  echo "image: $tag was built from other sources ($current); building it"
else
  echo "image: $tag is missing or has no sources hash; building it"
fi

CONTAINER_CLI="$cli" "$root/container/bootstrap-base-image.sh"
# A TLS-inspecting proxy's CA must be trusted by the build stages' Maven and npm downloads.
shopt -s nullglob
local_cas=(/usr/local/share/ca-certificates/*.crt)
if ((${#local_cas[@]})); then
  cp "${local_cas[@]}" "$root/container/extra-ca/"
  echo "image: the build stages will trust this machine's ${#local_cas[@]} local CA certificate(s)"
fi
started=$SECONDS
# shellcheck disable=SC2086 # BUILD_ARGS is a list of words on purpose
"$cli" build ${BUILD_ARGS:-} --label "$label=$hash" -t "$tag" -f "$root/container/Dockerfile" "$root"
echo "image: built $tag in $((SECONDS - started)) s"
