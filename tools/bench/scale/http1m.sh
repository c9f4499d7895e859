#!/usr/bin/env bash
# Issue 15 item 6: HTTP requests/s at 1 and 8 connections, cache off, over the 1M works as 2 shards: each shard in
# its own xapian-progsrv (serve's default) against both read in the server's process. Distinct queries (2,173).
set -euo pipefail
cd "$(dirname "$0")/../../.."
scale=${SCALE:?set SCALE to a directory holding scaled-1000000.jsonl (scale-corpus), beir-1m.jsonl, queries.jsonl and i2 (rebuild --shards 2)}
out=${1:-$scale/http-$(date -u +%H%M)}
mkdir -p $out
python3 -c '
import json, sys, urllib.parse
for l in open(sys.argv[1]):
    if l.strip(): print("/api/search?q=" + urllib.parse.quote(json.loads(l)["text"][:500], safe=""))' $scale/queries.jsonl > $out/search.txt
for mode in --shard-processes --no-shard-processes; do
  build/paperdex serve --index $scale/i2 --port 48080 --cache-mb 0 $mode > $out/serve$mode.log 2>&1 &
  pid=$!
  for i in $(seq 1 60); do curl -sf http://127.0.0.1:48080/healthz > /dev/null && break; sleep 1; done
  # warm-up: one pass at 8 connections
  PATHS=$out/search.txt wrk -t2 -c8 -d60s -s tools/bench/paths.lua http://127.0.0.1:48080 > /dev/null 2>&1 || true
  for c in 1 8; do
    PATHS=$out/search.txt wrk -t$(( c < 2 ? 1 : 2 )) -c$c -d30s --latency -s tools/bench/paths.lua http://127.0.0.1:48080 > $out/wrk$mode-c$c.txt 2>&1
    echo "$mode c=$c: $(grep -E 'Requests/sec' $out/wrk$mode-c$c.txt) $(tail -1 $out/wrk$mode-c$c.txt)"
  done
  kill -TERM $pid; wait $pid || true
done
echo done $out
