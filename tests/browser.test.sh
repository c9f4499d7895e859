#!/usr/bin/env bash
# Browser test of the web page (issue 4): indexes the default corpus (corpus/) into a fresh temp dir,
# serves it on a free port, and drives Debian's chromium through tests/browser/e2e.mjs (playwright-core):
# search, a year facet, a work, "more like this", an author page with suggested collaborators, errors, paging.
# With PAPERDEX_REMOTE_SHARDS=N the index has N shards, each served by a stock xapian-tcpsrv, and the page's
# server reads its works from them (serve --shard).
# usage (from the repo root, as ctest runs it): [PAPERDEX_REMOTE_SHARDS=N] bash tests/browser.test.sh BUILD_DIR
set -euo pipefail
source "$(dirname "$0")/support/wait_for_server.sh"
source "$(dirname "$0")/support/remote_shards.sh"
remote_shards=${PAPERDEX_REMOTE_SHARDS:-0}
build=$(cd "${1:?usage: bash tests/browser.test.sh BUILD_DIR}" && pwd)

# tools/test.sh installs these before building; a direct run installs what is missing.
if [ ! -x /usr/bin/chromium ] || [ ! -d tests/browser/node_modules/playwright-core ]; then
  bash tests/browser/install.sh
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/paperdex-browser.XXXXXX")
server_pid=""
pids=()  # xapian-tcpsrv processes
cleanup() {
  for p in $server_pid "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT

shards=()
[ "$remote_shards" -gt 0 ] && shards=(--shards "$remote_shards")
"$build/paperdex-corpus" rebuild --corpus corpus --index "$tmp/index" "${shards[@]}" >"$tmp/rebuild.log" 2>&1 || {
  cat "$tmp/rebuild.log" >&2; echo "browser test: rebuild of corpus/ failed" >&2; exit 1; }
shard_args=()
if [ "$remote_shards" -gt 0 ]; then
  start_remote_shards "$tmp/index" || exit 1
fi

# Port 0: the server binds a free port and prints the URL it serves.
"$build/paperdex" serve --index "$tmp/index" --host 127.0.0.1 --port 0 --web web "${shard_args[@]}" >"$tmp/serve.log" 2>&1 &
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
