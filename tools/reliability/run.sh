#!/usr/bin/env bash
# Reliability checks against the real binaries, one table row each, printed and written to docs/reliability.md
# (with the date and commit). Every row must hold; the exit code says whether all did.
#   bad input      seeded bad HTTP requests over every route: 0 5xx, every 4xx a JSON error, server alive after
#   slow clients   200 connections dribbling a request head: a normal search still answers in < 1 s, and the
#                  server closes each at its 10 s head deadline
#   kill -9        SIGKILL to paperdex-corpus rebuild at random points while the server serves: every probe
#                  answered, the next rebuild succeeds, no leftovers, xapian-check clean
#   rebuild under load  3 rebuilds while 4 clients search with distinct queries, cache off: 0 failed requests;
#                  p99 during the rebuilds against idle
#   many connections  wrk at 8 and 64 connections on distinct searches: p99 at 64 within 5x p99 at 8
#   full disk      a rebuild whose files may not grow past 4 MiB (RLIMIT_FSIZE): a clear error, `current` and the
#                  served generation untouched
#   damaged generation  a truncated table: `serve` refuses it at start; under a running server the last good
#                  generation is served
#   resources      descriptors and RSS of the server after N/2 and N requests with rebuilds between: no growth
#   damaged input  a truncated .gz, a binary file, a UTF-16 file, a NUL byte, a 100 MB line: each a file:line
#                  error, the other records imported
# usage: tools/reliability/run.sh [--quick]
#   full: 10,000 bad requests, 50 kills, the arXiv listings (35k works) rebuilt under load, 100,000 requests and
#   10 rebuilds for the resources; --quick: 2,000, 10, the 3,500-work sample, 20,000 and 4 (under 10 minutes).
set -euo pipefail
cd "$(dirname "$0")/../.."
source tests/support/wait_for_server.sh
requests=10000; kills=50; mode=full; load_s=10; wrk_s=10; resource_requests=100000; resource_rebuilds=10
[ "${1:-}" = --quick ] && { requests=2000; kills=10; mode=quick; load_s=5; wrk_s=5; resource_requests=20000; resource_rebuilds=4; }
data=${PAPERDEX_DATA:-../shared/data}
queries=$data/scifact/queries.jsonl
[ -f "$queries" ] || { echo "reliability: no $queries (set PAPERDEX_DATA)" >&2; exit 2; }
command -v wrk >/dev/null || tools/install-deps.sh wrk >/dev/null
tools/build.sh >/dev/null
tmp=$(mktemp -d "${TMPDIR:-/tmp}/paperdex-reliability.XXXXXX")
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
rows=(); failed=0
row() { rows+=("| $1 | $2 | $3 |"); echo "$1: $3 — $2"; [ "$3" = holds ] || failed=1; }

corpus=corpus/arxiv-sample.jsonl.gz
build/paperdex-corpus rebuild --corpus "$corpus" --index "$tmp/index" --quiet >/dev/null 2>&1
# The cache off: every request of the load rows is computed, as a cache must not flatter them.
build/paperdex serve --index "$tmp/index" --port 0 --cache-mb 0 >"$tmp/serve.log" 2>&1 &
pid=$!
url=$(wait_for_server "$tmp/serve.log") || { cat "$tmp/serve.log" >&2; echo "reliability: server did not start" >&2; exit 1; }

# bad input
out=$(python3 tools/reliability/bad_requests.py "$url" --requests "$requests" || true)
verdict=$(python3 -c 'import json,sys; c=json.loads(sys.argv[1]); print("holds" if c["5xx"]==0 and c["bad_4xx_body"]==0 and c["transport_errors"]==0 and c["alive_after"] else "FAILS")' "$out")
row "bad input" "$(python3 -c 'import json,sys; c=json.loads(sys.argv[1]); print("{:,} requests: {:,} 2xx, {:,} 4xx, {} 5xx, {} 4xx without a JSON error, {} transport errors, alive after: {}".format(c["requests"], c["2xx"], c["4xx"], c["5xx"], c["bad_4xx_body"], c["transport_errors"], c["alive_after"]))' "$out")" "$verdict"

# slow clients
out=$(python3 tools/reliability/slow_clients.py "$url" --dribblers 200 --hold 3)
# The server's head deadline is 10 s (kDefaultHeadTimeoutMs): no dribbler may last 12 s.
verdict=$(python3 -c 'import json,sys; c=json.loads(sys.argv[1]); print("holds" if c["search_status"]==200 and c["search_s"]<1 and c["longest_dribbler_s"]<12 else "FAILS")' "$out")
row "slow clients" "$(python3 -c 'import json,sys; c=json.loads(sys.argv[1]); print("{} dribbling connections: search {} in {:.0f} ms; each closed by the head deadline after at most {} s".format(c["dribblers"], c["search_status"], c["search_s"] * 1000, c["longest_dribbler_s"]))' "$out")" "$verdict"

. tools/reliability/load_rows.sh

# kill -9 during rebuilds
unanswered=0; next_ok=0
for i in $(seq 1 "$kills"); do
  build/paperdex-corpus rebuild --corpus "$corpus" --index "$tmp/index" --quiet >/dev/null 2>&1 &
  rpid=$!
  sleep "$(python3 -c "import random; random.seed($i); print(round(random.uniform(0.05, 2.5), 2))")"
  kill -9 "$rpid" 2>/dev/null || true
  wait "$rpid" 2>/dev/null || true
  curl -fsS "${url}api/search?q=recommendation" >/dev/null 2>&1 || unanswered=$((unanswered + 1))
done
build/paperdex-corpus rebuild --corpus "$corpus" --index "$tmp/index" --quiet >/dev/null 2>&1 && next_ok=1
leftovers=$(find "$tmp/index" -maxdepth 1 -name '*.building' | wc -l)
gens=$(find "$tmp/index" -maxdepth 1 -name 'gen-*' | wc -l)
check=ok; xapian-check "$(readlink -f "$tmp/index/current")" >/dev/null 2>&1 || check=FAILED
curl -fsS "${url}api/search?q=recommendation" >/dev/null 2>&1 || unanswered=$((unanswered + 1))
verdict=$([ "$unanswered" = 0 ] && [ "$next_ok" = 1 ] && [ "$leftovers" = 0 ] && [ "$gens" -le 2 ] && [ "$check" = ok ] && echo holds || echo FAILS)
row "kill -9 during rebuild" "$kills kills at 0.05–2.5 s: $unanswered probes unanswered, next rebuild $([ $next_ok = 1 ] && echo succeeded || echo FAILED), $leftovers staging leftovers, $gens generations kept, xapian-check $check" "$verdict"

. tools/reliability/fault_rows.sh

# damaged inputs (canonical corpus format)
mkdir -p "$tmp/damaged"
good=$(head -3 corpus/seeds.jsonl)
echo "$good" | gzip -c >"$tmp/damaged/whole.gz"; head -c 600 "$tmp/damaged/whole.gz" >"$tmp/damaged/truncated.jsonl.gz"; rm "$tmp/damaged/whole.gz"
head -c 4096 build/paperdex >"$tmp/damaged/binary.jsonl"
{ echo "$good"; } | iconv -f UTF-8 -t UTF-16 >"$tmp/damaged/utf16.jsonl"
{ echo "$good" | head -1; printf '{"id":"x:1","title":"a\0b","source":"s"}\n'; echo "$good" | tail -1; } >"$tmp/damaged/nul.jsonl"
{ echo "$good" | head -1; python3 -c 'import sys; sys.stdout.write("{\"id\":\"x:big\",\"title\":\"" + "a" * 100_000_000 + "\"}\n")'; echo "$good" | tail -1; } >"$tmp/damaged/huge-line.jsonl"
details=""; all=holds
for f in truncated.jsonl.gz binary.jsonl utf16.jsonl nul.jsonl huge-line.jsonl; do
  set +e
  msg=$(build/paperdex-corpus validate "$tmp/damaged/$f" 2>&1)
  set -e
  first=$(echo "$msg" | grep -o "$f:[0-9]*" | head -1 || true)
  [ -n "$first" ] || all=FAILS
  valid=$(echo "$msg" | grep -o '[0-9]* valid' | head -1 || true)
  # the NUL line and the 100 MB line must cost only themselves: the records before and after are read
  case $f in nul.jsonl|huge-line.jsonl) [ "$valid" = "2 valid" ] || all=FAILS ;; esac
  details+="$f → ${first:-no file:line error} (${valid:-? valid}); "
done
row "damaged input" "${details%; }" "$all"

kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
commit=$(git rev-parse --short HEAD)
# The full run is the reference in docs/; a quick run is a check and goes beside the build.
out_md=docs/reliability.md
[ "$mode" = quick ] && out_md=build/reliability-quick.md
# Fuzzing figures come from a tools/fuzz.sh report newer than docs/reliability.md, else stay as the docs have them.
fuzz_section=""
if [ build-fuzz/fuzz-report.md -nt docs/reliability.md ]; then
  fuzz_section=$(printf '## Fuzzing (`tools/fuzz.sh`, libFuzzer under ASan+UBSan)\n\n'; cat build-fuzz/fuzz-report.md)
elif [ -f docs/reliability.md ]; then
  fuzz_section=$(sed -n '/^## Fuzzing/,$p' docs/reliability.md)
fi
{
  echo "# Reliability"
  echo
  echo "Written by \`tools/reliability/run.sh\` ($mode run), $(date -u '+%Y-%m-%d %H:%M UTC') at $commit, on $(nproc) cores."
  echo "Corpus: \`$corpus\` (3,000+ arXiv works). Every row must hold."
  echo
  echo "| check | measured | verdict |"
  echo "|---|---|---|"
  printf '%s\n' "${rows[@]}"
  if [ -n "$fuzz_section" ]; then
    echo
    echo "$fuzz_section"
  fi
} >"$out_md"
echo "reliability: wrote $out_md"
exit $failed
