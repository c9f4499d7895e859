#!/usr/bin/env bash
# `paperdex serve` stops gracefully on SIGTERM and SIGINT: it stops accepting, answers the request in flight
# (one whose head is half sent when the signal comes), and exits 0.
# usage (from the repo root, as ctest runs it): bash tests/serve_signals.test.sh BUILD_DIR
set -euo pipefail
source "$(dirname "$0")/support/wait_for_server.sh"
build=$(cd "${1:?usage: bash tests/serve_signals.test.sh BUILD_DIR}" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/paperdex-signals.XXXXXX")
pid=""
cleanup() { [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT

"$build/paperdex-corpus" rebuild --corpus corpus/seeds.jsonl --index "$tmp/index" --quiet >"$tmp/rebuild.log" 2>&1 || {
  cat "$tmp/rebuild.log" >&2; exit 1; }

failures=0
for signal in TERM INT; do
  "$build/paperdex" serve --index "$tmp/index" --port 0 >"$tmp/serve.log" 2>&1 &
  pid=$!
  url=$(wait_for_server "$tmp/serve.log") || { cat "$tmp/serve.log" >&2; echo "signals test: server did not start" >&2; exit 1; }
  port=${url##*:}; port=${port%/}
  python3 - "$port" "$pid" "$signal" <<'PY' || failures=$((failures + 1))
import os, signal, socket, sys, time
port, pid, name = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
s = socket.create_connection(("127.0.0.1", port))
s.sendall(b"GET /api/search?q=recommendation&per_page=1 HTTP/1.1\r\n")  # half a head: the request is in flight
time.sleep(0.3)
os.kill(pid, getattr(signal, "SIG" + name))
time.sleep(0.3)
s.sendall(b"Host: x\r\nConnection: close\r\n\r\n")
s.settimeout(10)
reply = b""
while chunk := s.recv(65536):
    reply += chunk
status = reply.split(b"\r\n", 1)[0]
if status != b"HTTP/1.1 200 OK":
    print(f"SIG{name}: the request in flight got {status!r}", file=sys.stderr)
    sys.exit(1)
PY
  code=0
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then
    echo "FAIL: SIG$signal: still running 10 s after the signal" >&2; failures=$((failures + 1)); kill -9 "$pid"
  fi
  wait "$pid" || code=$?
  pid=""
  [ "$code" = 0 ] || { echo "FAIL: SIG$signal: exit code $code, not 0" >&2; cat "$tmp/serve.log" >&2; failures=$((failures + 1)); }
  curl -fsS --max-time 2 "${url}healthz" >/dev/null 2>&1 && { echo "FAIL: SIG$signal: still accepting" >&2; failures=$((failures + 1)); }
done
[ "$failures" = 0 ] && echo "serve_signals: ok"
exit "$failures"
