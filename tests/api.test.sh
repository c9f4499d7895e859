#!/usr/bin/env bash
# The HTTP API through the real binary: `paperdex serve` on a free port over an index of the seeds
# (corpus/seeds.jsonl), checked with curl: every endpoint's success, each 400 and 404, CORS, and the
# start-up errors of the CLI. tests/test_http.cpp covers the same routes in-process in more depth.
# With PAPERDEX_REMOTE_SHARDS=N the index has N shards, each served by a stock xapian-tcpsrv, and every server
# reads its works from them (serve --shard): the same checks hold, but for /healthz listing the shards and the
# response cache, which remote answers skip.
# usage (from the repo root, as ctest runs it): [PAPERDEX_REMOTE_SHARDS=N] bash tests/api.test.sh BUILD_DIR
set -euo pipefail
source "$(dirname "$0")/support/wait_for_server.sh"
source "$(dirname "$0")/support/remote_shards.sh"
remote_shards=${PAPERDEX_REMOTE_SHARDS:-0}
build=$(cd "${1:?usage: bash tests/api.test.sh BUILD_DIR}" && pwd)

tmp=$(mktemp -d "${TMPDIR:-/tmp}/paperdex-api.XXXXXX")
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT

failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

shards=()
[ "$remote_shards" -gt 0 ] && shards=(--shards "$remote_shards")
"$build/paperdex-corpus" rebuild --corpus corpus/seeds.jsonl --index "$tmp/index" --quiet "${shards[@]}" >"$tmp/rebuild.log" 2>&1 || {
  cat "$tmp/rebuild.log" >&2; echo "api test: rebuild failed" >&2; exit 1; }
shard_args=()
if [ "$remote_shards" -gt 0 ]; then
  start_remote_shards "$tmp/index" || exit 1
fi
works=$(grep -c . corpus/seeds.jsonl)

# start_server LOG [extra options...]: serves $tmp/index on a free port; sets $url.
start_server() {
  local log=$1; shift
  "$build/paperdex" serve --index "$tmp/index" --host 127.0.0.1 --port 0 "${shard_args[@]}" "$@" >"$log" 2>&1 &
  pids+=($!)
  url=$(wait_for_server "$log") || { cat "$log" >&2; echo "api test: server did not start" >&2; exit 1; }
}

start_server "$tmp/serve.log"
grep -q "^paperdex: serving $tmp/index on http://127.0.0.1:[0-9]*/$" "$tmp/serve.log" || fail "serve does not print its URL"

# One Python process for all requests: interpreter start-up dominates on a loaded machine.
python3 - "$url" "$works" "${shard_args[@]}" <<'PY' || failures=$((failures + 1))
import json, sys, urllib.error, urllib.request
url, works = sys.argv[1].rstrip("/"), int(sys.argv[2])
shards = sys.argv[4::2]  # the URLs of "--shard URL" pairs
failed = 0

def get(path):
    try:
        with urllib.request.urlopen(url + path) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()

def check(name, status, path, ok):
    global failed
    got, text = get(path)
    try:
        good = got == status and ok(json.loads(text))
    except Exception as e:  # a body that is not JSON or lacks a field fails the check
        good = False
    if not good:
        failed += 1
        print(f"FAIL: {name}: GET {path[:80]} -> {got}: {text[:300]}", file=sys.stderr)

def error(name, path, parameter, message):
    check(name, 400, path,
          lambda b: b == {"error": {"code": "invalid_parameter", "parameter": parameter, "message": message}})

health = {"status": "ok", "generation": 1, "documents": works}
if shards:
    health["shards"] = [{"shard": s, "ok": True} for s in shards]
check("healthz", 200, "/healthz", lambda b: b == health)
check("search", 200, "/api/search?q=recommendation&facets=year,author", lambda b:
      b["query"] == "recommendation" and b["page"] == 1 and b["per_page"] == 10 and b["total"] == len(b["hits"]) > 0
      and all("<mark>" in h["snippet"] for h in b["hits"])
      and b["facets"]["author"]["values"][0] == {"value": "Kim Hazelwood", "count": 3})
check("author filter", 200, "/api/search?q=recommendation&author=Kim%20Hazelwood&facets=author", lambda b:
      [h["id"] for h in b["hits"]][2:] == ["bzpeer:exploiting-parallelism-opportunities-with-deep-learning-frameworks"]
      and sorted(h["id"] for h in b["hits"][:2]) == ["arxiv:1906.03109", "arxiv:1912.12953"])
check("browse", 200, "/api/search?author=Milad%20Hashemi&sort=year&per_page=100&facets=year", lambda b:
      b["total"] == 6
      and [h["work"]["year"] for h in b["hits"]] == sorted((h["work"]["year"] for h in b["hits"]), reverse=True))
check("work", 200, "/api/works/arxiv:1912.12953", lambda b:
      b["work"]["id"] == "arxiv:1912.12953" and b["work"]["title"].startswith("RecNMP"))
check("openapi", 200, "/api/openapi.json", lambda b: b["openapi"] == "3.1.0" and
      {"/healthz", "/api/search", "/api/works/{id}", "/metrics", "/api/openapi.json"} <= set(b["paths"]))

error("per_page abc", "/api/search?per_page=abc", "per_page", 'per_page must be an integer 1..100, got "abc"')
error("per_page 500", "/api/search?per_page=500", "per_page", "per_page must be an integer 1..100, got 500")
error("window", "/api/search?page=101&per_page=100", "page",
      "page \u00d7 per_page must be at most 10000, got 101 \u00d7 100 = 10100")
error("year", "/api/search?year=2022..2019", "year", 'year must be FROM..TO with FROM <= TO, got "2022..2019"')
error("wildcard", "/api/search?q=r*", "q", 'a wildcard needs at least 2 characters before the *, got "r*"')
check("stray quote", 200, "/api/search?q=%22memory%20recommendation", lambda b:
      b["query_fallback"] is True and b["total"] > 0)
check("no fallback", 200, "/api/search?q=memory%20recommendation", lambda b: b["query_fallback"] is False)
error("long q", "/api/search?q=" + "a" * 1001, "q", "q must be at most 1000 characters, got 1001")
error("facet", "/api/search?facets=colour", "facets", 'unknown facet "colour"; known: year, venue, author, topic, type')
check("unknown work", 404, "/api/works/arxiv:hep-th/9901001", lambda b:
      b == {"error": {"code": "not_found", "message": 'no work with id "arxiv:hep-th/9901001"'}})
check("unknown route", 404, "/api/nope", lambda b:
      b == {"error": {"code": "not_found", "message": "no route for GET /api/nope"}})

status, metrics = get("/metrics")
lines = metrics.splitlines()
for line in ['paperdex_http_requests_total{route="/api/search",status="400"} 7', f"paperdex_index_documents {works}"]:
    if status != 200 or line not in lines:
        failed += 1
        print(f"FAIL: /metrics lacks {line}", file=sys.stderr)
sys.exit(1 if failed else 0)
PY

curl -sSI "${url}healthz" | grep -qi '^access-control-allow-origin' && fail "CORS header sent without --cors-origin"

start_server "$tmp/serve-cors.log" --cors-origin https://example.org
curl -sSI "${url}healthz" | tr -d '\r' | grep -qx 'Access-Control-Allow-Origin: https://example.org' || fail "CORS header missing"

# The response cache through the CLI: a repeated search is a hit with the same bytes; --cache-mb 0 always misses.
x_cache() { curl -sS -D "$tmp/headers" -o "$tmp/body.$2" "${url}api/search?q=recommendation&per_page=$1" &&
  tr -d '\r' <"$tmp/headers" | sed -n 's/^X-Cache: //ip'; }
# Remote shards can change without the front end seeing it, so their answers are never cached.
[ "$(x_cache 3 a)" = miss ] || fail "first search not a cache miss"
if [ "$remote_shards" -gt 0 ]; then
  [ "$(x_cache 3 b)" = miss ] || fail "remote shards: a repeated search was a cache hit"
else
  [ "$(x_cache 3 b)" = hit ] || fail "repeated search not a cache hit"
  cmp -s "$tmp/body.a" "$tmp/body.b" || fail "cache hit body differs from the miss"
  curl -sS "${url}metrics" | grep -qx 'paperdex_cache_hits_total 1' || fail "/metrics lacks paperdex_cache_hits_total 1"
fi
start_server "$tmp/serve-nocache.log" --cache-mb 0
[ "$(x_cache 3 c)" = miss ] && [ "$(x_cache 3 d)" = miss ] || fail "--cache-mb 0: a search was a hit"
same_answer() { python3 -c 'import json, sys
a, b = (json.load(open(f)) for f in sys.argv[1:3])
for x in a, b: x.pop("took_ms")  # the time the answer took to compute, so not the same twice
sys.exit(a != b)' "$1" "$2"; }
same_answer "$tmp/body.a" "$tmp/body.d" || fail "--cache-mb 0 answers differently"
status=0; "$build/paperdex" serve --index "$tmp/index" --port 0 --cache-mb -1 >"$tmp/badcache.log" 2>&1 || status=$?
[ "$status" != 0 ] && grep -q -- '--cache-mb: Value -1 not in range 0 to 1048576' "$tmp/badcache.log" ||
  fail "serve --cache-mb -1: exit $status: $(cat "$tmp/badcache.log")"

# Start-up errors are CLI errors with exit codes, not a server that fails every request.
status=0; "$build/paperdex" serve --index "$tmp/missing" --port 0 >"$tmp/missing.log" 2>&1 || status=$?
[ "$status" = 3 ] || fail "serve on a missing index: exit $status, expected 3: $(cat "$tmp/missing.log")"

if [ "$failures" -ne 0 ]; then echo "api test: $failures failure(s)" >&2; exit 1; fi
echo "api test: all checks passed against $url"
