#!/usr/bin/env bash
# Citations out (issue 16, item 5), read back by real parsers: 20 real works — 6 seeds (corpus/seeds.jsonl), 6 arXiv
# listings (corpus/arxiv-sample.jsonl.gz: TeX in the text, non-ASCII names), 6 OpenAlex works and 2 arXiv OAI records
# (../shared/data, through the importers) — plus 2 of them retyped as conference and workshop papers (the venue
# kinds), indexed and served; each is exported by `paperdex export` and by GET /api/works/{id}?format=..., and a page
# of GET /api/search?...&format=... BibTeX is read by Debian's bibtexparser (fields, keys, entry types, eprint) with
# its TeX decoded by pylatexenc and by citation-js; RIS and CSL-JSON by citation-js. Every field must come back
# intact: title, authors in order (non-ASCII names included), year, venue, DOI, arXiv id, abstract.
# usage (from the repo root, as ctest runs it): bash tests/export.test.sh BUILD_DIR   (KEEP_TMP=1 keeps the files)
set -euo pipefail
source "$(dirname "$0")/support/wait_for_server.sh"
build=$(cd "${1:?usage: bash tests/export.test.sh BUILD_DIR}" && pwd)
data=../shared/data
py=/usr/bin/python3  # Debian's interpreter: python3-bibtexparser and python3-pylatexenc are installed for it

if ! $py -c 'import bibtexparser, pylatexenc' 2>/dev/null || [ ! -d tests/export/node_modules/@citation-js/plugin-ris ]; then
  bash tests/export/install.sh
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/paperdex-export.XXXXXX")
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  [ -n "${KEEP_TMP:-}" ] && echo "kept $tmp" || rm -rf "$tmp"
}
trap cleanup EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

"$build/paperdex-corpus" import --format openalex "$data/openalex-sample" --out "$tmp/openalex.jsonl" >/dev/null 2>&1
"$build/paperdex-corpus" import --format arxiv-oai "$data/arxiv-kaggle-sample" --out "$tmp/oai.jsonl" >/dev/null 2>&1

# The works, chosen by rule (the first ones of each source that show what an export must survive), one corpus file.
mkdir "$tmp/corpus"
$py - corpus/seeds.jsonl corpus/arxiv-sample.jsonl.gz "$tmp/openalex.jsonl" "$tmp/oai.jsonl" \
    "$tmp/corpus/export.jsonl" "$tmp/ids" <<'PY'
import gzip, json, sys
seeds, arxiv, openalex, oai, out, ids = sys.argv[1:]
def read(path):
    with (gzip.open(path, "rt", encoding="utf-8") if path.endswith(".gz") else open(path, encoding="utf-8")) as f:
        return [json.loads(line) for line in f if line.strip()]
non_ascii = lambda w: any(ord(c) > 127 for a in w.get("authors", []) for c in a["name"])
tex = lambda w: any(c in w.get("title", "") + w.get("abstract", "") for c in "$\\{")
chosen = read(seeds)[:6]
ax = read(arxiv)
chosen += [w for w in ax if tex(w)][:3] + [w for w in ax if non_ascii(w) and not tex(w)][:3]
oa = read(openalex)
picked = [w for w in oa if non_ascii(w)][:4]
for t in ("book", "preprint"):
    picked += [w for w in oa if w.get("type") == t and w not in picked][:1]
chosen += picked
chosen += [w for w in read(oai) if w.get("doi") and w.get("type") == "article"][:2]
assert len(chosen) == 20, len(chosen)
derived = []
for w, t in ((chosen[12], "conference"), (chosen[13], "workshop")):
    d = dict(w, id=w["id"] + "-" + t, type=t, venue=w.get("venue") or "Proceedings")
    derived.append(d)
with open(out, "w", encoding="utf-8") as f:
    for w in chosen + derived:
        f.write(json.dumps(w, ensure_ascii=False) + "\n")
with open(ids, "w", encoding="utf-8") as f:
    f.write("\n".join(w["id"] for w in chosen + derived) + "\n")
PY
"$build/paperdex-corpus" rebuild --quiet --corpus "$tmp/corpus" --index "$tmp/index" >"$tmp/rebuild.log" 2>&1 || {
  cat "$tmp/rebuild.log" >&2; echo "export test: rebuild failed" >&2; exit 1; }
mapfile -t ids <"$tmp/ids"
id_args=(); for id in "${ids[@]}"; do id_args+=(--id "$id"); done

# The CLI: every work in one export per format.
for f in bibtex ris csljson; do
  "$build/paperdex" export --index "$tmp/index" --format "$f" "${id_args[@]}" --out "$tmp/all.$f"
done
"$build/paperdex" export --index "$tmp/index" --format bibtex --query "" --limit 5 >"$tmp/query.bib" || fail "export --query"
[ "$(grep -c '^@' "$tmp/query.bib")" = 5 ] || fail "export --query --limit 5 did not give 5 entries"
if "$build/paperdex" export --index "$tmp/index" --format bib --id "${ids[0]}" 2>"$tmp/err"; then fail "--format bib accepted"; fi
grep -q 'format must be bibtex, ris or csljson, got "bib"' "$tmp/err" || fail "bad --format message: $(cat "$tmp/err")"
if "$build/paperdex" export --index "$tmp/index" --format ris 2>"$tmp/err"; then fail "export without --id or --query"; fi
if "$build/paperdex" export --index "$tmp/index" --format ris --id nope:1 2>"$tmp/err"; then fail "unknown id exported"; fi

# The server.
"$build/paperdex" serve --index "$tmp/index" --host 127.0.0.1 --port 0 >"$tmp/serve.log" 2>&1 &
server_pid=$!
url=$(wait_for_server "$tmp/serve.log") || { cat "$tmp/serve.log" >&2; echo "export test: server did not start" >&2; exit 1; }

# HTTP: each work alone (its file must be the CLI's entry for it), a search page, the errors.
$py - "$url" "$tmp" "$build" <<'PY' || failures=$((failures + 1))
import json, subprocess, sys, urllib.error, urllib.parse, urllib.request
url, tmp, build = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3]
ids = open(f"{tmp}/ids", encoding="utf-8").read().split()
bad = 0
def get(path):
    try:
        with urllib.request.urlopen(url + path) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()
def check(ok, what):
    global bad
    if not ok:
        bad += 1
        print("FAIL:", what, file=sys.stderr)
types = {"bibtex": "application/x-bibtex; charset=utf-8", "ris": "application/x-research-info-systems; charset=utf-8",
         "csljson": "application/vnd.citationstyles.csl+json; charset=utf-8"}
quote = lambda i: urllib.parse.quote(i, safe=":/")
for f, ctype in types.items():
    for i in ids:
        status, headers, body = get(f"/api/works/{quote(i)}?format={f}")
        check(status == 200 and headers["Content-Type"] == ctype, f"{i} {f}: {status} {headers['Content-Type']}")
        body.decode("utf-8")  # UTF-8 or an exception
        if f == "csljson":
            check(len(json.loads(body)) == 1, f"{i} csljson: one item")
        # The same bytes as `paperdex export --id` of that work alone.
        cli = subprocess.run([f"{build}/paperdex", "export", "--index", f"{tmp}/index", "--format", f, "--id", i],
                             capture_output=True, check=True).stdout
        check(cli == body, f"{i} {f}: HTTP and CLI exports differ")
    status, headers, body = get(f"/api/search?q=&per_page=100&format={f}")
    check(status == 200 and headers["Content-Type"] == ctype, f"search {f}: {status}")
    with open(f"{tmp}/search.{f}", "wb") as out:
        out.write(body)
    # Twice: the second is not a cached JSON answer.
    status2, headers2, body2 = get(f"/api/search?q=&per_page=100&format={f}")
    check(body2 == body and headers2["Content-Type"] == ctype, f"search {f} asked again")
status, headers, body = get(f"/api/search?q=&per_page=100&format=csljson")
check(len(json.loads(body)) == len(ids), f"search csljson: {len(json.loads(body))} items, {len(ids)} works")
status, _, body = get(f"/api/works/{quote(ids[0])}?format=json")
check(status == 200 and json.loads(body)["work"]["id"] == ids[0], "format=json is the JSON answer")
for path in (f"/api/works/{quote(ids[0])}?format=endnote", "/api/search?q=x&format=BIBTEX",
             "/api/search?q=x&format=bibtex&format=ris"):
    status, _, body = get(path)
    err = json.loads(body).get("error", {})
    check(status == 400 and err.get("parameter") == "format", f"{path}: {status} {body[:200]}")
status, _, body = get("/api/search?q=x&format=bibtex&per_page=101")
check(status == 400 and json.loads(body)["error"]["parameter"] == "per_page", "per_page 101 with an export")
status, _, body = get("/api/works/nope:1?format=ris")
check(status == 404, f"unknown id: {status}")
status, _, body = get("/api/openapi.json")
params = [p["name"] for p in json.loads(body)["paths"]["/api/search"]["get"]["parameters"]]
check("format" in params, "OpenAPI lists format for /api/search")
sys.exit(1 if bad else 0)
PY

# The HTTP search page (all works, in the engine's order) holds the same entries as the CLI's export by id.
$py - "$tmp" <<'PY' || fail "CLI --id export and HTTP search export hold different entries"
import json, re, sys
tmp = sys.argv[1]
read = lambda f: open(f"{tmp}/{f}", encoding="utf-8", newline="").read()
# Keys aside: two works with the same key get their suffixes in the order of the export.
entries = {
    "bibtex": lambda t: sorted(re.sub(r"^(@\w+)\{[^,]*,", r"\1{", e.strip()) for e in re.split(r"\n(?=@)", t.strip())),
    "ris": lambda t: sorted(re.sub(r"\r\nID  - [^\r]*", "", r.strip()) for r in t.split("ER  - \r\n") if r.strip()),
    "csljson": lambda t: sorted(json.dumps(dict(i, id=""), sort_keys=True) for i in json.loads(t)),
}
bad = [f for f, split in entries.items() if split(read(f"all.{f}")) != split(read(f"search.{f}"))]
print("differ:", bad) if bad else None
sys.exit(1 if bad else 0)
PY

# The parsers.
node tests/export/parse.mjs "$tmp/all.ris" "$tmp/all.bibtex" "$tmp/all.csljson" >"$tmp/citationjs.json" ||
  { fail "citation-js could not read the exports"; echo "$failures failed"; exit 1; }
$py tests/export/roundtrip.py "$tmp/corpus/export.jsonl" "$tmp/all.bibtex" "$tmp/all.ris" "$tmp/citationjs.json" ||
  failures=$((failures + 1))

if [ "$failures" -ne 0 ]; then echo "export test: $failures check group(s) failed" >&2; exit 1; fi
echo "export test: ${#ids[@]} works round-trip through bibtexparser, pylatexenc and citation-js"
