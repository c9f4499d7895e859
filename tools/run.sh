#!/usr/bin/env bash
# One command for a newcomer: installs, builds, indexes the default corpus if index/ is empty, serves.
# usage: tools/run.sh [--host H] [--port P]
set -euo pipefail
cd "$(dirname "$0")/.."
host=127.0.0.1; port=8080
while [ $# -gt 0 ]; do
  case "$1" in
    --host) host=$2; shift 2;;
    --port) port=$2; shift 2;;
    *) echo "usage: tools/run.sh [--host H] [--port P]" >&2; exit 2;;
  esac
done
tools/build.sh
# Build the index if there is none, or if this paperdex cannot read it (an index of an older layout).
if [ ! -e index/current ] || ! build/paperdex search --index index --limit 0 >/dev/null 2>&1; then
  build/paperdex-corpus rebuild --corpus corpus --index index
fi
echo "paperdex: serving http://$host:$port/"
exec build/paperdex serve --index index --host "$host" --port "$port"
