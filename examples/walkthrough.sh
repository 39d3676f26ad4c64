#!/bin/sh
# From a new server to a terminal with curl: the first admin, a session, a file written and read
# back in its workspace, its terminal opened as a browser would, and the session deleted again.
# Run it on the server's machine (the first step uses the server's own command), as the account
# the server runs as:
#
#   WORKSPACE_PASSWORD='a long passphrase' examples/walkthrough.sh
#
# Settings (environment):
#   WORKSPACE_PASSWORD  the new admin's password, 8 to 256 characters (required)
#   WORKSPACE_USERNAME  the new admin's name (default: admin)
#   WORKSPACE_URL       the server (default: http://127.0.0.1:8080; behind a TLS proxy, its https URL)
#   WORKSPACE_BACKEND   the workspace-backend command (default: bin/workspace-backend of this checkout)
#
# Needs only sh, curl, grep, sed and cut: the few JSON fields it reads are picked out with grep.
# backend/src/test/java/io/workspacebackend/examples/WalkthroughTest.java runs it against a real
# backend.
set -eu

api=${WORKSPACE_URL:-http://127.0.0.1:8080}
api=${api%/}
username=${WORKSPACE_USERNAME:-admin}
password=${WORKSPACE_PASSWORD:?set WORKSPACE_PASSWORD to the new admin password (8 to 256 characters)}
workspace_backend=${WORKSPACE_BACKEND:-$(dirname "$0")/../bin/workspace-backend}

cookies=$(mktemp)
trap 'rm -f "$cookies"' EXIT

step() { printf '\n== %s\n' "$*"; }

# The first value of a string field of the JSON on stdin: json_field token.
json_field() {
  grep -o "\"$1\" *: *\"[^\"]*\"" | head -n 1 | sed 's/.*: *"\(.*\)"$/\1/'
}

# A string as a JSON string literal (backslashes and quotes escaped).
json_string() {
  printf '"%s"' "$(printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g')"
}

# curl with the token; fails on an HTTP error and prints the server's problem+json.
call() {
  curl --silent --show-error --fail-with-body -H "Authorization: Bearer $token" "$@"
}

step "1. the first admin: an invite code made on the server's machine, then registration"
code=$("$workspace_backend" invite-codes generate --role admin --expires 1h --note walkthrough)
signed_in=$(curl --silent --show-error --fail-with-body -X POST "$api/api/auth/register" \
  -H 'Content-Type: application/json' \
  -d "{\"invite_code\": \"$code\", \"username\": $(json_string "$username"), \"password\": $(json_string "$password")}")
token=$(printf '%s' "$signed_in" | json_field token)
echo "registered $username; every request now sends Authorization: Bearer <token>"

step "2. a session: created at once, its container starts in the background"
session=$(call -X POST "$api/api/sessions" -H 'Content-Type: application/json' -d '{"name": "walkthrough"}')
id=$(printf '%s' "$session" | json_field id)
echo "session $id is $(printf '%s' "$session" | json_field status)"

step "3. waiting until opencode, the file server and the terminal all answer"
tries=0
while :; do
  session=$(call "$api/api/sessions/$id")
  status=$(printf '%s' "$session" | json_field status)
  case $status in
    running) break ;;
    failed | stopped)
      echo "session $id is $status: $(printf '%s' "$session" | json_field error_message)" >&2
      exit 1
      ;;
  esac
  tries=$((tries + 1))
  if [ "$tries" -ge 180 ]; then
    echo "session $id is still $status after 3 minutes" >&2
    exit 1
  fi
  sleep 1
done
echo "session $id is running; its workspace is $(printf '%s' "$session" | json_field workspace_path)"

step "4. a file written into the workspace and read back, through /sessions/$id/files/"
written=$(call -X PUT "$api/sessions/$id/files/file?path=hello.txt" --data-binary 'hello from the walkthrough')
echo "wrote hello.txt: $written"
echo "read hello.txt: $(call "$api/sessions/$id/files/file?path=hello.txt")"

step "5. the terminal, opened as a browser opens it"
# A browser gets a one-time link to the terminal on the session's own origin, valid for 30 s
# (programs instead open the WebSocket $api/sessions/$id/terminal with the Authorization header
# and speak ttyd's protocol). curl follows the link as a browser would: the ticket becomes a
# cookie for that origin alone, which opens ttyd's page.
link=$(call -o /dev/null -w '%{redirect_url}' "$api/api/sessions/$id/open?service=terminal")
echo "browser link: $link"
page=$(curl --silent --show-error --fail-with-body --compressed --location \
  --cookie "$cookies" --cookie-jar "$cookies" "$link")
title=$(printf '%s' "$page" | grep -o '<title>[^<]*</title>')
echo "terminal page: $title"

step "6. the session deleted: its container is gone, its workspace stays on disk"
call -X DELETE "$api/api/sessions/$id"
echo "deleted session $id"
