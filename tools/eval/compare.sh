#!/usr/bin/env bash
# paperdex beside three peer engines (../shared/peers: Lucene 8.7, SQLite FTS5, raw Xapian 1.4) on SciFact test and
# CACM, every run scored by the same ../shared/peers/eval.py. Prints one table (markdown) with the date.
#
# usage: tools/eval/compare.sh [--only scifact|cacm]
# env:   PAPERDEX_BUILD_DIR (default build), PAPERDEX_DATA_DIR (default ../shared/data),
#        PAPERDEX_PEERS_DIR (default ../shared/peers), PAPERDEX_EVAL_OUT (keep runs there; default a temp dir),
#        PAPERDEX_EVAL_ARGS (extra `paperdex eval search` options, e.g. "--k1 1.2"), JOBS (build parallelism).
#
# The peers read BEIR format only, so CACM (SMART files) is converted into a temp dir for them; paperdex reads the
# original SMART files through its own importer. Times are wall-clock on this machine: compare engines within
# one run only.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
only=""
while [ $# -gt 0 ]; do
  case "$1" in
    --only) only=$2; shift 2;;
    *) echo "usage: tools/eval/compare.sh [--only scifact|cacm]" >&2; exit 2;;
  esac
done

tools/install-deps.sh python3-xapian sqlite3 liblucene8-java default-jdk-headless

build=${PAPERDEX_BUILD_DIR:-build}
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo ${PAPERDEX_CMAKE_ARGS:-} >/dev/null
cmake --build "$build" -j"${JOBS:-2}" --target paperdex >/dev/null
paperdex="$root/$build/paperdex"
[ -x "$paperdex" ] || paperdex="$build/paperdex"

data=${PAPERDEX_DATA_DIR:-$root/../shared/data}
peers=${PAPERDEX_PEERS_DIR:-$root/../shared/peers}
for f in "$data/scifact/corpus.jsonl.gz" "$data/cacm/cacm.all.gz" "$peers/eval.py"; do
  [ -e "$f" ] || { echo "compare.sh: missing $f" >&2; exit 1; }
done
if [ -n "${PAPERDEX_EVAL_OUT:-}" ]; then out=$PAPERDEX_EVAL_OUT; mkdir -p "$out"; else
  out=$(mktemp -d /tmp/paperdex-compare.XXXXXX); trap 'rm -rf "$out"' EXIT; fi

# CACM in BEIR format for the peers: every .I record (title may be empty), the .W text of each query, and the
# TREC qrels as a BEIR TSV. Query ids are spelled as in the qrels ("01") so that runs match them.
mkdir -p "$out/cacm-beir"
/usr/bin/python3 - "$data/cacm" "$out/cacm-beir" <<'PY'
import gzip, json, re, sys
src, dst = sys.argv[1], sys.argv[2]
def records(lines):
    rec, tag = None, None
    for line in lines:
        m = re.match(r"^\.([A-Z])(?:\s+(.*))?$", line.rstrip("\n"))
        if m:
            if m.group(1) == "I":
                if rec: yield rec
                rec, tag = {"I": m.group(2).strip()}, None
            else:
                tag = m.group(1)
            continue
        if rec is not None and tag:
            rec.setdefault(tag, []).append(line.strip())
    if rec: yield rec
text = lambda r, t: " ".join(x for x in r.get(t, []) if x)
with gzip.open(f"{src}/cacm.all.gz", "rt", encoding="latin-1") as f, open(f"{dst}/corpus.jsonl", "w") as o:
    for r in records(f):
        o.write(json.dumps({"_id": r["I"], "title": text(r, "T"), "text": text(r, "W")}) + "\n")
qids = {}
with open(f"{src}/cacm.qrels") as f, open(f"{dst}/qrels.tsv", "w") as o:
    o.write("query-id\tcorpus-id\tscore\n")
    for line in f:
        q, _, d, rel = line.split()
        qids[int(q)] = q
        o.write(f"{q}\t{d}\t{rel}\n")
with open(f"{src}/query.text", encoding="latin-1") as f, open(f"{dst}/queries.jsonl", "w") as o:
    for r in records(f):
        o.write(json.dumps({"_id": qids.get(int(r["I"]), r["I"]), "text": text(r, "W")}) + "\n")
PY

results="$out/results.jsonl"; : > "$results"
record() {  # engine collection stats-json qrels run
  local metrics
  metrics=$(/usr/bin/python3 "$peers/eval.py" "$4" "$5")
  /usr/bin/python3 -c 'import json,sys; s=json.loads(sys.argv[3]); s.update(json.loads(sys.argv[4]));
s["engine"]=sys.argv[1]; s["collection"]=sys.argv[2]; print(json.dumps(s))' "$1" "$2" "$3" "$metrics" >> "$results"
}

run_collection() {  # name corpus queries qrels(eval.py) | paperdex: corpus queries qrels
  local name=$1 bc=$2 bq=$3 bqr=$4 pc=$5 pq=$6 pqr=$7
  echo "== $name" >&2
  mkdir -p "$out/$name-paperdex"
  # shellcheck disable=SC2086
  stats=$("$paperdex" eval search --corpus "$pc" --queries "$pq" --qrels "$pqr" --json \
          --run "$out/$name-paperdex/run.trec" ${PAPERDEX_EVAL_ARGS:-})
  record paperdex "$name" "$stats" "$bqr" "$out/$name-paperdex/run.trec"
  for engine in lucene fts5 xapian; do
    case $engine in
      lucene) cmd=(sh "$peers/lucene/run.sh");;
      fts5)   cmd=(/usr/bin/python3 "$peers/fts5_peer.py");;
      xapian) cmd=(/usr/bin/python3 "$peers/xapian_peer.py");;
    esac
    stats=$("${cmd[@]}" "$bc" "$bq" "$bqr" "$out/$name-$engine" | tail -1)
    record "$engine" "$name" "$stats" "$bqr" "$out/$name-$engine/run.trec"
  done
}

s=$data/scifact
c=$data/cacm
[ "$only" = cacm ] || run_collection scifact "$s/corpus.jsonl.gz" "$s/queries.jsonl" "$s/qrels/test.tsv" \
  "$s/corpus.jsonl.gz" "$s/queries.jsonl" "$s/qrels/test.tsv"
[ "$only" = scifact ] || run_collection cacm "$out/cacm-beir/corpus.jsonl" "$out/cacm-beir/queries.jsonl" \
  "$out/cacm-beir/qrels.tsv" "$c/cacm.all.gz" "$c/query.text" "$c/qrels.text"

/usr/bin/python3 - "$results" "$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)" <<'PY'
import json, sys, datetime, os
rows = [json.loads(l) for l in open(sys.argv[1])]
print(f"measured {datetime.datetime.utcnow():%Y-%m-%d %H:%M} UTC, paperdex {sys.argv[2]}, {os.cpu_count()} cores\n")
print("| engine | collection | docs | queries | nDCG@10 | recall@100 | MAP | index s | p50 query ms |")
print("|---|---|---|---|---|---|---|---|---|")
for r in rows:
    print(f"| {r['engine']} | {r['collection']} | {r['docs']} | {r['queries']} | {r['ndcg@10']:.4f} | "
          f"{r['recall@100']:.4f} | {r['map@1000']:.4f} | {r['index_s']:.2f} | {r['p50_ms']:.1f} |")
PY
