#!/usr/bin/python3
"""Request paths for wrk (tools/bench/paths.lua), one per line, from the benchmark's query set and corpus:
search.txt (q), facets.txt (q + facets=year,author,topic), similar.txt (/api/works/ID/similar) and
collaborators.txt (/api/authors/NAME/collaborators). Each is checked against the running server first: paths
that do not answer 2xx (e.g. an endpoint that is not there yet) are dropped, so wrk's error count means errors
under load. With N (--quick), each endpoint gets N paths spread over the set instead of all (2,173 queries,
1,000 works). usage: wrk_paths.py BASE_URL QUERIES.jsonl CORPUS.jsonl OUTDIR [N]"""
import json, os, sys, urllib.error, urllib.parse, urllib.request
from concurrent.futures import ThreadPoolExecutor

base, queries, corpus, out = sys.argv[1:5]
per_endpoint = int(sys.argv[5]) if len(sys.argv) > 5 else 0
os.makedirs(out, exist_ok=True)
texts = [json.loads(l)["text"][:500] for l in open(queries, encoding="utf-8") if l.strip()]
works = [json.loads(l) for l in open(corpus, encoding="utf-8") if l.strip()]
step = max(1, len(works) // 1000)
sample = works[::step][:1000]
q = lambda s: urllib.parse.quote(s, safe="")
paths = {
    "search": ["/api/search?q=" + q(t) for t in texts],
    "facets": ["/api/search?q=" + q(t) + "&facets=year,author,topic" for t in texts],
    "similar": ["/api/works/" + q(w["id"]) + "/similar" for w in sample],
    "collaborators": ["/api/authors/" + q(w["authors"][0]["name"]) + "/collaborators" for w in sample if w.get("authors")],
}

def ok(path):
    try:
        with urllib.request.urlopen(base + path, timeout=30) as r:
            return 200 <= r.status < 300
    except (urllib.error.URLError, OSError):
        return False

if per_endpoint:
    paths = {name: ps[:: max(1, len(ps) // per_endpoint)][:per_endpoint] for name, ps in paths.items()}

counts = {}
# The check is also the server's warm-up; 8 requests at a time keep both cores busy (it took ~14 minutes one by one).
pool = ThreadPoolExecutor(max_workers=8)
for name, ps in paths.items():
    good = ps if all(ok(p) for p in ps[:5]) else []
    if good:  # one pass over all, so the load test measures answers, not 404s or 400s
        good = [p for p, fine in zip(ps, pool.map(ok, ps)) if fine]
    with open(os.path.join(out, name + ".txt"), "w") as f:
        f.write("".join(p + "\n" for p in good))
    counts[name] = {"paths": len(ps), "answered_2xx": len(good)}
    print(f"wrk_paths: {name}: {len(good)} of {len(ps)} paths answer 2xx", file=sys.stderr)
with open(os.path.join(out, "counts.json"), "w") as f:
    json.dump(counts, f)
