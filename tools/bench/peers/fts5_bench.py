#!/usr/bin/python3
"""SQLite FTS5 as in ../shared/peers/fts5_peer.py (porter unicode61 tokenizer, bm25(), OR of the query's tokens,
'optimize' after loading), timed like tools/bench/query_latency.cpp: all queries, one warm-up pass, PASSES
timed passes, top-K, single thread. With EVERY > 1 only every EVERY-th query runs (the same ones each pass): FTS5
scores every match of an OR query, ~65 ms a query on arXiv 35k and seconds at 1M, and the whole set would take
most of the run; the JSON says how many ran.
usage: fts5_bench.py CORPUS QUERIES OUTDIR K PASSES [EVERY]   (prints one JSON line)"""
import json, os, re, sqlite3, sys, time
sys.path.insert(0, os.environ.get("PAPERDEX_PEERS_DIR",
                os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../../shared/peers")))
from common import corpus, opener  # the shared peers' BEIR reader

c, qf, out, k, passes = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
every = int(sys.argv[6]) if len(sys.argv) > 6 else 1
os.makedirs(out, exist_ok=True)
dbp = os.path.join(out, "fts5.db")
if os.path.exists(dbp): os.remove(dbp)
t0 = time.perf_counter()
con = sqlite3.connect(dbp)
con.execute("create virtual table w using fts5(did unindexed, title, body, tokenize='porter unicode61')")
n = 0
with con:
    for did, title, text in corpus(c):
        con.execute("insert into w values(?,?,?)", (did, title, text)); n += 1
con.execute("insert into w(w) values('optimize')"); con.commit()
index_s = time.perf_counter() - t0

texts = [json.loads(l)["text"] for l in opener(qf) if l.strip()]
query_set = len(texts)
texts = texts[::every]
lat = []
for p in range(passes + 1):
    for text in texts:
        toks = re.findall(r"\w+", text.lower())
        t = time.perf_counter()
        if toks:
            con.execute("select did, -bm25(w) from w where w match ? order by bm25(w) limit ?",
                        (" OR ".join('"%s"' % t for t in toks), k)).fetchall()
        if p > 0:
            lat.append(time.perf_counter() - t)
lat.sort()
q = lambda f: round(lat[min(len(lat) - 1, int(f * len(lat)))] * 1000, 3)
print(json.dumps({"engine": "sqlite-fts5-" + sqlite3.sqlite_version, "docs": n, "index_s": round(index_s, 3),
                  "docs_per_s": round(n / index_s), "index_bytes": os.path.getsize(dbp), "queries": len(texts), "query_set": query_set,
                  "errors": 0, "p50_ms": q(0.5), "p95_ms": q(0.95), "p99_ms": q(0.99)}))
