# Sourced by tools/reliability/run.sh with: url, pid (the server), tmp, corpus, queries, resource_requests,
# resource_rebuilds, row(). Rows: full disk, damaged generation, resources.

served_generation() { curl -fsS "${url}healthz" | python3 -c 'import json,sys; print(json.load(sys.stdin)["generation"])'; }

# full disk: no file of the rebuild may grow past 4 MiB; SIGXFSZ ignored, so a write fails with EFBIG as on a
# full disk rather than killing the process
before=$(readlink "$tmp/index/current"); gen_before=$(served_generation)
set +e
msg=$(bash -c 'trap "" XFSZ; ulimit -f 4096; exec build/paperdex-corpus rebuild --corpus "$1" --index "$2" --quiet' _ \
  "$corpus" "$tmp/index" 2>&1)
code=$?
set -e
after=$(readlink "$tmp/index/current"); gen_after=$(served_generation || echo none)
check=ok; xapian-check "$(readlink -f "$tmp/index/current")" >/dev/null 2>&1 || check=FAILED
first=$(echo "$msg" | grep -v '^ *$' | head -1 | cut -c1-160)
verdict=$([ "$code" = 1 ] && echo "$first" | grep -q '^paperdex-corpus: ' && [ "$before" = "$after" ] && [ "$gen_before" = "$gen_after" ] && [ "$check" = ok ] && echo holds || echo FAILS)
row "full disk" "rebuild with files capped at 4 MiB: exit $code, \"$first\"; current $before → $after, served generation $gen_before → $gen_after, xapian-check $check" "$verdict"

# damaged generation: a copy of the served generation with its posting table cut to a third
good=$(readlink -f "$tmp/index/current")
mkdir -p "$tmp/damaged-index"
cp -a "$good" "$tmp/damaged-index/gen-1"
truncate -s $(( $(stat -c %s "$tmp/damaged-index/gen-1/postlist.glass") / 3 )) "$tmp/damaged-index/gen-1/postlist.glass"
ln -s gen-1 "$tmp/damaged-index/current"
set +e
start_msg=$(timeout 20 build/paperdex serve --index "$tmp/damaged-index" --port 0 2>&1)
start_code=$?
set -e
# the same damage where a running server finds it: `current` switched to it as a rebuild would
gen_before=$(served_generation)
next=$(( $(ls -d "$tmp/index"/gen-* | grep -o 'gen-[0-9]*$' | sed 's/gen-//' | sort -n | tail -1) + 1 ))
cp -a "$tmp/damaged-index/gen-1" "$tmp/index/gen-$next"
ln -sfn "gen-$next" "$tmp/index/current.new" && mv -T "$tmp/index/current.new" "$tmp/index/current"
answered=0
for _ in $(seq 1 20); do curl -fsS "${url}api/search?q=neural+network" >/dev/null 2>&1 && answered=$((answered + 1)); done
gen_during=$(served_generation || echo none)
build/paperdex-corpus rebuild --corpus "$corpus" --index "$tmp/index" --quiet >/dev/null 2>&1
gen_next=$(served_generation || echo none)
verdict=$([ "$start_code" != 0 ] && [ "$start_code" != 124 ] && echo "$start_msg" | grep -q "gen-1" && [ "$answered" = 20 ] && [ "$gen_during" = "$gen_before" ] && [ "$gen_next" -gt "$next" ] 2>/dev/null && echo holds || echo FAILS)
row "damaged generation" "at start: exit $start_code, \"$(echo "$start_msg" | head -1 | sed "s|$tmp/||g" | cut -c1-140)\"; under the running server: gen-$next damaged, 20/20 → $answered answered from generation $gen_during, next rebuild served (generation $gen_next)" "$verdict"

# resources: descriptors and RSS after half the requests and rebuilds, then after all of them
fds() { ls "/proc/$pid/fd" | wc -l; }
rss_mb() { awk '/VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$pid/status"; }
half=$(( resource_requests / 2 )); half_rebuilds=$(( resource_rebuilds / 2 ))
python3 tools/reliability/search_load.py "$url" "$queries" --clients 4 --requests 2000 --offset 60000 >/dev/null  # warm
measure=()
for round in 1 2; do
  python3 tools/reliability/search_load.py "$url" "$queries" --clients 4 --requests "$half" --offset $(( 70000 + round * half )) \
    >"$tmp/resources-$round.json" &
  lpid=$!
  for _ in $(seq 1 "$half_rebuilds"); do
    build/paperdex-corpus rebuild --corpus "$corpus" --index "$tmp/index" --quiet >/dev/null 2>&1
  done
  wait "$lpid"
  measure+=("$(fds) $(rss_mb)")
done
read -r fd1 rss1 <<<"${measure[0]}"; read -r fd2 rss2 <<<"${measure[1]}"
failed_requests=$(python3 -c 'import json,sys; print(sum(json.load(open(f))["failed"] for f in sys.argv[1:]))' "$tmp"/resources-1.json "$tmp"/resources-2.json)
# Flat: the second half adds no descriptors beyond one Searcher per client (an index holds about 8) and under 10 % RSS.
verdict=$([ "$failed_requests" = 0 ] && [ "$fd2" -le $(( fd1 + 32 )) ] && [ "$rss2" -le $(( rss1 + rss1 / 10 + 8 )) ] && echo holds || echo FAILS)
row "resources" "$(python3 -c 'import sys; print("{:,}".format(int(sys.argv[1])))' "$resource_requests") requests and $resource_rebuilds rebuilds: descriptors $fd1 → $fd2, RSS $rss1 → $rss2 MB (after half → after all), $failed_requests failed requests" "$verdict"
