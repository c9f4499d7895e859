#!/usr/bin/env bash
# Regenerates the default corpus in corpus/ from ../shared with the corpus tool (rebuild reads every file there):
#   corpus/seeds.jsonl           the three seed documents, imported and merged in one run
#   corpus/arxiv-sample.jsonl.gz a real subset of the arXiv daily listings (../shared/data/arxiv-daily):
#       every work whose categories include a systems / IR / software category (cs.AR cs.DC cs.PF cs.PL cs.SE
#       cs.OS cs.IR cs.DB) or whose primary category is cs.LG, on any day -- the seeds' neighbourhood (machine
#       learning for systems, recommendation) -- plus every work listed in the first week of August 2025
#       (2025-08-01..2025-08-07, all categories), so the sample also has a dense co-author graph. The importer
#       gives the works whose comment or journal-ref names a venue that venue (594 of the 3,497), so the venue and
#       type facets have spread without adding works from other fields; 800 more works drawn from the venue-naming
#       works of all of arXiv made RecNMP's similar works drift to unrelated hardware papers.
#   corpus/arxiv-oai-sample.jsonl.gz  the arXiv OAI sample (../shared/data/arxiv-kaggle-sample, 200 works, 2007
#       and later years, journal-refs)
#   corpus/openalex-sample.jsonl.gz   the OpenAlex sample (../shared/data/openalex-sample, 100 works of many
#       years and journals)
#   Every listing line of a chosen work is kept (all days), so the importer's "latest listing wins" still applies.
#   The Python steps only choose listing lines; reading, deduplicating, extracting venues and writing is the corpus
#   tool's import. The output is deterministic: a rerun on the same ../shared gives byte-identical files.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${PAPERDEX_SHARED:-../shared}
# Always (re)build the tool from this checkout: a stale binary would write a corpus the code no longer makes.
tools/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo ${PAPERDEX_CMAKE_ARGS:-} >/dev/null
cmake --build build -j"${JOBS:-2}" --target paperdex-corpus
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/arxiv" corpus

python3 - "$shared/data/arxiv-daily" "$tmp/arxiv" <<'PY'
import glob, gzip, json, os, sys
src, dst = sys.argv[1], sys.argv[2]
systems = {"cs.AR", "cs.DC", "cs.PF", "cs.PL", "cs.SE", "cs.OS", "cs.IR", "cs.DB"}
files = sorted(glob.glob(os.path.join(src, "*.jsonl.gz")))
chosen = set()
for f in files:
    day = os.path.basename(f)[:10]
    with gzip.open(f, "rt", encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            cats = d.get("categories") or []
            if systems & set(cats) or (cats and cats[0] == "cs.LG") or "2025-08-01" <= day <= "2025-08-07":
                chosen.add(d["id"])
for f in files:
    out = os.path.join(dst, os.path.basename(f))
    with gzip.open(f, "rt", encoding="utf-8") as fh, gzip.open(out, "wt", encoding="utf-8") as o:
        for line in fh:
            if json.loads(line)["id"] in chosen:
                o.write(line)
PY

seeds="$shared/seeds"
build/paperdex-corpus import -f bzpeer-profile "$seeds"/000_*.txt "$seeds"/002_*.txt \
    -i "arxiv-listing:$(ls "$seeds"/001_*.txt)" -o corpus/seeds.jsonl --strict
build/paperdex-corpus import -f arxiv-daily "$tmp/arxiv" -o corpus/arxiv-sample.jsonl.gz --strict
build/paperdex-corpus import -f arxiv-oai "$shared"/data/arxiv-kaggle-sample/*.json -o corpus/arxiv-oai-sample.jsonl.gz --strict
build/paperdex-corpus import -f openalex "$shared"/data/openalex-sample/*.json.gz -o corpus/openalex-sample.jsonl.gz --strict
build/paperdex-corpus validate corpus/*.jsonl corpus/*.jsonl.gz
build/paperdex-corpus stats --top 5 corpus/*.jsonl corpus/*.jsonl.gz
ls -l corpus/
