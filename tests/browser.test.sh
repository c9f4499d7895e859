#!/usr/bin/env bash
# Browser test of the web page (issue 4): indexes the default corpus (corpus/) into a fresh temp dir,
# serves it on a free port, and drives Debian's chromium through tests/browser/e2e.mjs (playwright-core):
# search, a year facet, a work, "more like this", an author page with suggested collaborators, errors, paging.
# usage (from the repo root, as ctest runs it): bash tests/browser.test.sh BUILD_DIR
set -euo pipefail
source "$(dirname "$0")/support/wait_for_server.sh"
build=$(cd "${1:?usage: bash tests/browser.test.sh BUILD_DIR}" && pwd)

# tools/test.sh installs these before building; a direct run installs what is missing.
if [ ! -x /usr/bin/chromium ] || [ ! -d tests/browser/node_modules/playwright-core ]; then
  bash tests/browser/install.sh
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/paperdex-browser.XXXXXX")
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT

"$build/paperdex-corpus" rebuild --corpus corpus --index "$tmp/index" >"$tmp/rebuild.log" 2>&1 || {
  cat "$tmp/rebuild.log" >&2; echo "browser test: rebuild of corpus/ failed" >&2; exit 1; }

# Port 0: the server binds a free port and prints the URL it serves.
"$build/paperdex" serve --index "$tmp/index" --host 127.0.0.1 --port 0 --web web >"$tmp/serve.log" 2>&1 &
server_pid=$!
url=$(wait_for_server "$tmp/serve.log" 20 "$server_pid") ||
  { cat "$tmp/serve.log" >&2; echo "browser test: server exited or not healthy after 20 s" >&2; exit 1; }

echo "browser test: $url"
status=0
timeout 180 node tests/browser/e2e.mjs "$url" || status=$?
if [ "$status" -ne 0 ]; then
  echo "--- server log" >&2; tail -n 40 "$tmp/serve.log" >&2
fi
exit "$status"
