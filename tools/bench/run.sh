#!/usr/bin/env bash
# paperdex benchmarks, side by side with Lucene 8.7, SQLite FTS5 and a plain Xapian loop, in one run.
# usage: tools/bench/run.sh [--quick]
#   --quick : SciFact (5k) and arXiv (35k) only, one timed pass, samples where a step would take minutes (SQLite
#             FTS5's queries on arXiv, the facet-bound sweep, the HTTP paths), 3 s wrk runs: under 10 minutes
#   default : also scaled corpora of 100k, 300k and 1M works made by tools/bench/scale-corpus
# Prints one table and writes bench/results-DATE.json (bench/ is git-ignored). Environment: BUILD_DIR
# (build-bench: -O2 as the tests' build but no debug info, which compiles in two thirds of the time), JOBS
# (2), PAPERDEX_DATA_DIR (../shared/data), PAPERDEX_PEERS_DIR (../shared/peers), SIZES ("100000 300000 1000000").
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
quick=0
case "${1:-}" in
  --quick) quick=1 ;;
  "") ;;
  *) echo "usage: tools/bench/run.sh [--quick]" >&2; exit 2 ;;
esac

tools/install-deps.sh wrk libbenchmark-dev time python3-xapian sqlite3 liblucene8-java default-jdk-headless
build=${BUILD_DIR:-build-bench}
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG" >/dev/null  # the tests' -O2

data=${PAPERDEX_DATA_DIR:-$(cd "$root/.." && pwd)/shared/data}
export PAPERDEX_PEERS_DIR=${PAPERDEX_PEERS_DIR:-$(cd "$root/.." && pwd)/shared/peers}
py=/usr/bin/python3  # Debian's, which has the xapian module
bench=tools/bench
work=bench/work
raw=$work/raw
rm -rf "$raw"
mkdir -p "$work/data" "$raw"
log() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }

# Samples, so that a step costs about a minute: SQLite FTS5 runs every fts_every-th query on arXiv (every
# fts_every_scifact-th on SciFact, 1 in 20 on the scaled corpora, where one takes seconds); the facet-bound sweep runs
# facet_q of the queries; the HTTP check and warm-up use http_paths paths per endpoint (0 = all).
# --quick also skips the snippet benchmark (search/top10_snippets), as the scaled corpora do, and scale-corpus.
no_snippets='search/top10/|search/top10_facets/|facets/'
if [ $quick = 1 ]; then passes=1; sizes=""; wrk_s=3; bounds=1000,10000,4294967295; facet_q=200; fts_every=5; http_paths=250
  latency_filter=$no_snippets; fts_every_scifact=2; targets="paperdex paperdex-corpus query-latency"
else passes=2; sizes=${SIZES:-100000 300000 1000000}; wrk_s=10; bounds=1000,10000,50000,4294967295; facet_q=500; fts_every=2; http_paths=0
  latency_filter='.'; fts_every_scifact=1; targets="paperdex paperdex-corpus query-latency scale-corpus"; fi

cmake --build "$build" -j"${JOBS:-2}" --target $targets >/dev/null

# --- corpora: real ones imported, scaled ones recombined from the real arXiv works ---
log "importing SciFact and arXiv"
[ -s $work/data/scifact.jsonl ] || "$build/paperdex-corpus" import -f beir "$data/scifact/corpus.jsonl.gz" -o $work/data/scifact.jsonl >/dev/null
[ -s $work/data/arxiv.jsonl ] || "$build/paperdex-corpus" import -f arxiv-daily "$data/arxiv-daily" -o $work/data/arxiv.jsonl >/dev/null
corpora="scifact arxiv"
for n in $sizes; do
  [ -s $work/data/scaled-$n.jsonl ] || { log "scale-corpus $n"; "$build/scale-corpus" --from $work/data/arxiv.jsonl --works "$n" --out $work/data/scaled-$n.jsonl >/dev/null; }
  corpora="$corpora scaled-$n"
done

# Lucene ranks with paperdex's BM25 k1 and b, read from paperdex's own defaults, so that both engines rank alike.
bm25_default() { "$build/paperdex" eval search --help | sed -n "s/^ *--$1 FLOAT=\([0-9.]*\) .*/\1/p"; }
k1=$(bm25_default k1); b=$(bm25_default b)
[ -n "$k1" ] && [ -n "$b" ] || { echo "tools/bench/run.sh: cannot read paperdex's BM25 k1/b from 'paperdex eval search --help'" >&2; exit 1; }

# --- the fixed query set: SciFact claims, CACM queries, 1,000 arXiv titles as known-item queries ---
queries=$work/queries.jsonl
"$build/query-latency" --write-queries $queries --queries "$data/scifact/queries.jsonl" --queries "$data/cacm/query.text" \
  --titles $work/data/arxiv.jsonl --titles-n 1000 >/dev/null

timed() {  # timed OUT.time CMD... : runs CMD under /usr/bin/time -v, its stdout to the caller
  local out=$1; shift
  /usr/bin/time -v -o "$out" "$@"
}
rss_kb() { awk -F': ' '/Maximum resident set size/ {print $2}' "$1"; }

# --- HTTP on the arXiv index: search, search+facets, similar, collaborators at 1, 8, 64 connections ---
# With the response cache (sized to hold every benchmark answer) after one warm-up pass over the paths, then
# search at 8 connections with the cache off (--cache-mb 0). Each run's cache hits/misses (from /metrics) and the
# load average go to http-cache.EP.cN.json beside wrk's figures.
cache_counts() { curl -fs "http://127.0.0.1:$1/metrics" | awk '/^paperdex_cache_(hits|misses)_total/ {print $2}' | paste -sd' '; }
wrk_run() {  # wrk_run PORT PATHS_FILE NAME CONNS
  local port=$1 paths=$2 name=$3 conns=$4 h0 m0 h1 m1 load
  read -r h0 m0 <<<"$(cache_counts "$port")"
  load=$(cut -d' ' -f1 /proc/loadavg)
  PATHS=$paths wrk -t$(( conns < 2 ? 1 : 2 )) -c"$conns" -d${wrk_s}s --latency -s $bench/paths.lua \
    "http://127.0.0.1:$port" > $raw/http.$name.c$conns.txt
  tail -n 1 $raw/http.$name.c$conns.txt > $raw/http.$name.c$conns.json
  read -r h1 m1 <<<"$(cache_counts "$port")"
  echo "{\"hits\": $((h1 - h0)), \"misses\": $((m1 - m0)), \"load1\": $load}" > $raw/http-cache.$name.c$conns.json
}
start_serve() {  # start_serve TIME_FILE LOG [serve options]: sets $port and $time_pid
  local time_file=$1 log=$2; shift 2
  port=$($py -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  log "HTTP: paperdex serve $* on port $port"
  /usr/bin/time -v -o "$time_file" "$build/paperdex" serve --index $work/arxiv/index --port "$port" "$@" >"$log" 2>&1 &
  time_pid=$!
  for _ in $(seq 150); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
}
stop_serve() { kill "$(pgrep -P "$time_pid")" 2>/dev/null || true; wait "$time_pid" 2>/dev/null || true; }
http_bench() {
  local port time_pid
  start_serve $raw/serve.time $work/serve.log --cache-mb 512
  $py $bench/wrk_paths.py "http://127.0.0.1:$port" $queries $work/data/arxiv.jsonl $work/paths $http_paths  # also the warm-up
  for ep in search facets similar collaborators; do
    [ -s $work/paths/$ep.txt ] || { log "HTTP: no $ep paths, skipped"; continue; }
    for conns in 1 8 64; do wrk_run "$port" $work/paths/$ep.txt $ep $conns; done
  done
  stop_serve
  echo "{\"rss_kb\": $(rss_kb $raw/serve.time)}" > $raw/serve.rss.json
  start_serve $raw/serve-nocache.time $work/serve-nocache.log --cache-mb 0
  wrk_run "$port" $work/paths/search.txt search-nocache 8
  stop_serve
}

for c in $corpora; do
  dir=$work/$c
  mkdir -p "$dir"
  [ -s $dir/beir.jsonl ] || $py $bench/peers/beir_from_corpus.py $work/data/$c.jsonl $dir/beir.jsonl

  log "$c: paperdex rebuild"
  rm -rf "$dir/index"
  timed $raw/$c.rebuild.time "$build/paperdex-corpus" rebuild --corpus $work/data/$c.jsonl --index "$dir/index" --quiet > $raw/$c.rebuild.txt
  echo "{\"rss_kb\": $(rss_kb $raw/$c.rebuild.time)}" > $raw/$c.rebuild.rss.json

  # On the scaled corpora every engine makes one timed pass (after its warm-up pass), as query-latency below.
  case $c in scaled-*) pp=1 ;; *) pp=$passes ;; esac
  log "$c: Lucene"
  timed $raw/$c.lucene.time $bench/peers/lucene_bench.sh $dir/beir.jsonl $queries $dir/peer 10 $pp $k1 $b > $raw/$c.lucene.json
  echo "{\"rss_kb\": $(rss_kb $raw/$c.lucene.time)}" > $raw/$c.lucene.rss.json
  log "$c: SQLite FTS5"
  case $c in scifact) every=$fts_every_scifact ;; arxiv) every=$fts_every ;; *) every=20 ;; esac
  timed $raw/$c.fts5.time $py $bench/peers/fts5_bench.py $dir/beir.jsonl $queries $dir/peer 10 $pp $every > $raw/$c.fts5.json
  echo "{\"rss_kb\": $(rss_kb $raw/$c.fts5.time)}" > $raw/$c.fts5.rss.json
  # The plain Xapian loop runs at ~1,000 works/s: the baseline at the real sizes and at 100k, skipped beyond.
  case $c in scaled-300000|scaled-1000000) ;; *)
    log "$c: plain Xapian loop"
    timed $raw/$c.xapian.time $py $bench/peers/xapian_plain.py $dir/beir.jsonl $queries $dir/peer 10 $pp > $raw/$c.xapian.json
    echo "{\"rss_kb\": $(rss_kb $raw/$c.xapian.time)}" > $raw/$c.xapian.rss.json ;;
  esac
  rm -rf "$dir/peer"

  log "$c: query latency"
  # Scaled corpora: one pass, no snippet benchmark, and the sweep's bounds stop at 100,000 (exact counts of a
  # million matches take about a second a query).
  case $c in scaled-*) p=1; fb=1000,10000,100000; only=$no_snippets ;;
             *) p=$passes; fb=$bounds; only=$latency_filter ;; esac
  "$build/query-latency" --index "$dir/index" --queries $queries --passes $p --facet-bounds "$fb" --facet-queries $facet_q \
    --benchmark_filter="$only" --benchmark_out=$raw/$c.latency.json --benchmark_out_format=json >/dev/null
  [ $c = arxiv ] && http_bench
  $py $bench/report.py --raw $raw --quick $quick --out bench/results-$(date -u +%Y-%m-%d).json >/dev/null  # partial results survive
done

$py $bench/report.py --raw $raw --quick $quick --out bench/results-$(date -u +%Y-%m-%d).json
