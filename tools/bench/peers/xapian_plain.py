#!/usr/bin/python3
"""The plain single-writer Xapian loop of ../shared/peers/xapian_peer.py (TermGenerator with positions, english
stemmer STEM_SOME, replace_document per work, default flush threshold, one commit), which is the indexing
baseline paperdex's rebuild is compared with, and its top-K latency timed like tools/bench/query_latency.cpp
(all queries, one warm-up pass, PASSES timed passes, single thread).
usage: xapian_plain.py CORPUS QUERIES OUTDIR K PASSES   (prints one JSON line)"""
import json, os, shutil, sys, time
sys.path.insert(0, os.environ.get("PAPERDEX_PEERS_DIR",
                os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../../shared/peers")))
import xapian
from common import corpus, opener  # the shared peers' BEIR reader

c, qf, out, k, passes = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
os.makedirs(out, exist_ok=True)
dbp = os.path.join(out, "xapian.db"); shutil.rmtree(dbp, ignore_errors=True)
t0 = time.perf_counter()
db = xapian.WritableDatabase(dbp, xapian.DB_CREATE_OR_OVERWRITE)
tg = xapian.TermGenerator(); tg.set_stemmer(xapian.Stem("english")); tg.set_stemming_strategy(tg.STEM_SOME)
n = 0
for did, title, text in corpus(c):
    doc = xapian.Document(); tg.set_document(doc)
    tg.index_text(title); tg.increase_termpos(); tg.index_text(text)
    doc.set_data(did); doc.add_boolean_term("Q" + did)
    db.replace_document("Q" + did, doc); n += 1
db.commit(); db.close()
index_s = time.perf_counter() - t0
size = sum(os.path.getsize(os.path.join(dbp, f)) for f in os.listdir(dbp))

texts = [json.loads(l)["text"] for l in opener(qf) if l.strip()]
db = xapian.Database(dbp)
enq = xapian.Enquire(db); enq.set_weighting_scheme(xapian.BM25Weight(0.9, 0, 1, 0.4, 0.5))
qp = xapian.QueryParser(); qp.set_stemmer(xapian.Stem("english")); qp.set_stemming_strategy(qp.STEM_SOME)
qp.set_database(db); qp.set_default_op(xapian.Query.OP_OR)
lat, errors = [], 0
for p in range(passes + 1):
    for text in texts:
        t = time.perf_counter()
        try:
            enq.set_query(qp.parse_query(text, 0))
            ids = [m.document.get_data() for m in enq.get_mset(0, k)]
        except xapian.Error:
            errors += p == 0
            continue
        if p > 0:
            lat.append(time.perf_counter() - t)
lat.sort()
q = lambda f: round(lat[min(len(lat) - 1, int(f * len(lat)))] * 1000, 3)
print(json.dumps({"engine": "xapian-" + xapian.version_string() + "-plain", "docs": n, "index_s": round(index_s, 3),
                  "docs_per_s": round(n / index_s), "index_bytes": size, "queries": len(texts), "errors": errors,
                  "p50_ms": q(0.5), "p95_ms": q(0.95), "p99_ms": q(0.99)}))
