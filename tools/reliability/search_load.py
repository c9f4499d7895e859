#!/usr/bin/env python3
"""Searching clients against a running paperdex, each request a distinct query (SciFact's claims, then the same
claims with page 2, 3, ...), so that no cache can answer them. Runs for --seconds, or until --until FILE exists.
Prints one JSON line: requests, failed (transport errors and non-200 answers), p50_ms, p99_ms, and the first
failure seen.

usage: tools/reliability/search_load.py URL QUERIES.jsonl [--clients 4] [--seconds S | --until FILE | --requests N]
                                       [--offset K]
"""
import argparse, http.client, json, os, threading, time, urllib.parse

p = argparse.ArgumentParser()
p.add_argument("url")
p.add_argument("queries")
p.add_argument("--clients", type=int, default=4)
p.add_argument("--seconds", type=float, default=0)
p.add_argument("--until", default="")
p.add_argument("--requests", type=int, default=0)
p.add_argument("--offset", type=int, default=0, help="start this many queries in, to keep two runs distinct")
a = p.parse_args()
host, port = a.url.split("//")[1].rstrip("/").split(":")
texts = [json.loads(l)["text"][:300] for l in open(a.queries, encoding="utf-8") if l.strip()]
lock = threading.Lock()
next_query = [a.offset]
latencies, failures = [], []
deadline = time.monotonic() + a.seconds if a.seconds else None

def running():
    if a.requests:
        return next_query[0] - a.offset < a.requests
    if deadline is not None:
        return time.monotonic() < deadline
    return not os.path.exists(a.until)

def client():
    conn = http.client.HTTPConnection(host, int(port), timeout=30)
    while running():
        with lock:
            i = next_query[0]
            next_query[0] += 1
        path = "/api/search?q=%s&page=%d&per_page=10" % (urllib.parse.quote(texts[i % len(texts)]), 1 + i // len(texts))
        t0 = time.monotonic()
        try:
            conn.request("GET", path)
            r = conn.getresponse()
            r.read()
            ok = r.status == 200
            what = "HTTP %d %s" % (r.status, path)
        except (OSError, http.client.HTTPException) as e:
            ok, what = False, "%s %s" % (type(e).__name__, path)
            conn.close()
            conn = http.client.HTTPConnection(host, int(port), timeout=30)
        ms = (time.monotonic() - t0) * 1000
        with lock:
            (latencies if ok else failures).append(ms if ok else what)

threads = [threading.Thread(target=client) for _ in range(a.clients)]
for t in threads:
    t.start()
for t in threads:
    t.join()
latencies.sort()
pct = lambda q: round(latencies[min(len(latencies) - 1, int(q * len(latencies)))], 1) if latencies else None
print(json.dumps({"requests": len(latencies) + len(failures), "failed": len(failures), "p50_ms": pct(0.5),
                  "p99_ms": pct(0.99), "first_failure": failures[0] if failures else None,
                  "queries_used": next_query[0] - a.offset}))
