#!/usr/bin/env bash
# Issue 15 item 6, in one run on this machine: Lucene 8.7 with paperdex's BM25 (1.2, 0.6) against paperdex on the
# scaled 1M corpus as 2 shards: each in its own xapian-progsrv (serve's default) and on 2 local xapian-tcpsrv; the
# 2,173 bench queries, top-10 and top-10 with year/author/topic facets; every answer compared with the same shards
# opened in one process (same docids and statistics as the one-shard build).
set -euo pipefail
cd "$(dirname "$0")/../../.."
scale=${SCALE:?set SCALE to a directory holding scaled-1000000.jsonl (scale-corpus), beir-1m.jsonl, queries.jsonl and i2 (rebuild --shards 2)}
out=$scale/run-$(date -u +%H%M)
mkdir -p $out
echo "commit $(git rev-parse --short HEAD) $(date -u)" > $out/info
/usr/bin/time -v sh tools/bench/peers/lucene_bench.sh $scale/beir-1m.jsonl $scale/queries.jsonl $scale/lucene 10 1 1.2 0.6 > $out/lucene.json 2> $out/lucene.time
cat $out/lucene.json
build/query-latency --index $scale/i2 --shard-processes --identical-to $scale/i2 --queries $scale/queries.jsonl --passes 1 \
  --benchmark_filter='search/top10/|search/top10_facets/' --benchmark_out=$out/processes2.json --benchmark_out_format=json > $out/processes2.txt 2>&1
for k in 0 1; do setsid xapian-tcpsrv --port $((47100 + k)) $scale/i2/gen-1/shard-$k > $out/tcpsrv-$k.log 2>&1 & done
sleep 3
build/query-latency --index $scale/i2 --shard tcp://127.0.0.1:47100 --shard tcp://127.0.0.1:47101 --queries $scale/queries.jsonl --passes 1 \
  --benchmark_filter='search/top10/|search/top10_facets/' --benchmark_out=$out/tcpsrv2.json --benchmark_out_format=json > $out/tcpsrv2.txt 2>&1
pkill -f "xapian-tcpsrv --port 4710" || true
echo done $out
