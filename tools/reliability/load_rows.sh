# Sourced by tools/reliability/run.sh with: url, pid (the server), tmp, corpus, data, queries, mode, load_s,
# wrk_s, row(). Rows: rebuild under load, many connections.

# rebuild under load: the arXiv listings (full) or the sample (quick), rebuilt 3 times while 4 clients search
load_corpus=$corpus
if [ "$mode" = full ]; then
  load_corpus=$tmp/arxiv-daily.jsonl.gz
  build/paperdex-corpus import -f arxiv-daily "$data"/arxiv-daily/*.jsonl.gz -o "$load_corpus" >/dev/null 2>&1
fi
works=$(build/paperdex-corpus stats "$load_corpus" --json 2>/dev/null | python3 -c 'import json,sys; print("{:,} works".format(json.load(sys.stdin)["works"]))' || true)
idle=$(python3 tools/reliability/search_load.py "$url" "$queries" --clients 4 --seconds "$load_s")
rm -f "$tmp/stop-load"
python3 tools/reliability/search_load.py "$url" "$queries" --clients 4 --until "$tmp/stop-load" --offset 5545 \
  >"$tmp/load.json" &
lpid=$!
rebuilds_ok=0; t0=$(date +%s)
for _ in 1 2 3; do
  build/paperdex-corpus rebuild --corpus "$load_corpus" --index "$tmp/index" --quiet >/dev/null 2>&1 && rebuilds_ok=$((rebuilds_ok + 1))
done
rebuild_s=$(( $(date +%s) - t0 ))
touch "$tmp/stop-load"; wait "$lpid" || true
busy=$(cat "$tmp/load.json")
verdict=$(python3 -c 'import json,sys; b=json.loads(sys.argv[1]); print("holds" if b["failed"]==0 and b["requests"]>0 and int(sys.argv[2])==3 else "FAILS")' "$busy" "$rebuilds_ok")
row "rebuild under load" "$(python3 -c '
import json, sys
i, b = json.loads(sys.argv[1]), json.loads(sys.argv[2])
print("3 rebuilds ({}, {} ok, {} s in all) under 4 clients with distinct queries, cache off: {:,} requests, {} failed{}; p50/p99 {}/{} ms during, {}/{} ms idle".format(
    sys.argv[3] or "?", sys.argv[4], sys.argv[5], b["requests"], b["failed"],
    " (first: " + b["first_failure"] + ")" if b["first_failure"] else "", b["p50_ms"], b["p99_ms"], i["p50_ms"], i["p99_ms"]))' \
  "$idle" "$busy" "$works" "$rebuilds_ok" "$rebuild_s")" "$verdict"

# many connections: the same distinct searches at 8 and at 64 connections
python3 - "$queries" "$tmp/wrk-paths.txt" <<'PY'
import json, sys, urllib.parse
texts = [json.loads(l)["text"][:300] for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
with open(sys.argv[2], "w") as out:
    for page in range(1, 21):
        for t in texts:
            out.write("/api/search?q=%s&page=%d\n" % (urllib.parse.quote(t), page))
PY
p99=()
for conns in 8 64; do
  out=$(PATHS=$tmp/wrk-paths.txt wrk -t2 -c"$conns" -d"${wrk_s}s" --latency -s tools/bench/paths.lua "$url" 2>/dev/null | grep '^{' || true)
  p99+=("$(python3 -c 'import json,sys; c=json.loads(sys.argv[1]); print(c["p99_ms"], c["rps"], sum(c["errors"].values()))' "$out" 2>/dev/null || echo "? ? ?")")
done
read -r p8 rps8 bad8 <<<"${p99[0]}"; read -r p64 rps64 bad64 <<<"${p99[1]}"
verdict=$(python3 -c 'import sys; a,b,x,y=sys.argv[1:]; print("holds" if a!="?" and b!="?" and float(b) <= 5*float(a) and x=="0" and y=="0" else "FAILS")' "$p8" "$p64" "$bad8" "$bad64")
row "many connections" "wrk ${wrk_s} s on distinct searches, cache off: p99 $p8 ms at 8 connections ($rps8 req/s), $p64 ms at 64 ($rps64 req/s): $(python3 -c 'import sys; print("{:.1f}x".format(float(sys.argv[2])/float(sys.argv[1])) if "?" not in sys.argv[1:] else "?")' "$p8" "$p64"); $bad8 + $bad64 errors" "$verdict"
