#!/usr/bin/env bash
# paperdex search from the command line over the seeds corpus: filters take one value each, so the query words
# after them stay the query (a vector option used to swallow them and turn the search into a browse).
# usage: bash tests/cli_search.test.sh BUILD_DIR   (run by ctest from the repo root)
set -euo pipefail
build=$(cd "$1" && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$build/paperdex-corpus" rebuild --quiet --corpus corpus/seeds.jsonl --index "$tmp/index" >/dev/null
out=$("$build/paperdex" search --index "$tmp/index" --author "Kim Hazelwood" recommendation)
echo "$out"
head -1 <<<"$out" | grep -qx "3 works match" || { echo "FAIL: expected 3 works"; exit 1; }
titles=$(grep -E '^[0-9]+\. ' <<<"$out" | sed -E 's/^[0-9]+\. //; s/  \[.*//; s/\*//g')
expected_last="Exploiting Parallelism Opportunities with Deep Learning Frameworks"
[ "$(sed -n 3p <<<"$titles")" = "$expected_last" ] || { echo "FAIL: third hit should be: $expected_last"; exit 1; }
grep -q "RecNMP" <<<"$(sed -n 1,2p <<<"$titles")" || { echo "FAIL: RecNMP not in the top two"; exit 1; }
json=$("$build/paperdex" search --index "$tmp/index" --json --author "Milad Hashemi" --year 2020..2020 cache)
python3 -c 'import json,sys; d=json.loads(sys.argv[1]); assert d["total"]==1, d["total"]; assert d["hits"][0]["work"]["title"]=="An Imitation Learning Approach for Cache Replacement"' "$json"
if "$build/paperdex" search --index "$tmp/index" --year 2022..2019 x 2>"$tmp/err"; then echo "FAIL: inverted range accepted"; exit 1; fi
grep -q 'year must be FROM..TO with FROM <= TO, got "2022..2019"' "$tmp/err" || { cat "$tmp/err"; exit 1; }
# More like this prints the second pass's words beside the source's, as the API's feedback_terms.
sim=$("$build/paperdex" similar --index "$tmp/index" --limit 3 arxiv:1912.12953)
grep -q '^second-pass terms: ' <<<"$sim" || { echo "$sim"; echo "FAIL: no second-pass terms line"; exit 1; }
echo "cli_search: ok"
