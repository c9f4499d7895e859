#!/usr/bin/python3
"""Collects the raw outputs of tools/bench/run.sh into one JSON file and prints the table.
usage: report.py --raw bench/work/raw --quick 0|1 --out bench/results-DATE.json"""
import argparse, datetime, glob, json, os, platform, re

ap = argparse.ArgumentParser()
ap.add_argument("--raw", required=True)
ap.add_argument("--quick", type=int, default=0)
ap.add_argument("--out", required=True)
a = ap.parse_args()


def load(name):
    p = os.path.join(a.raw, name)
    if not os.path.exists(p) or os.path.getsize(p) == 0:
        return None
    with open(p) as f:
        return json.loads(f.read().strip().splitlines()[-1]) if not name.endswith("latency.json") else json.load(f)


def machine():
    cpu = "?"
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem_kb = next(int(l.split()[1]) for l in open("/proc/meminfo") if l.startswith("MemTotal"))
    osname = "?"
    if os.path.exists("/etc/os-release"):
        osname = dict(l.rstrip().split("=", 1) for l in open("/etc/os-release") if "=" in l).get("PRETTY_NAME", "?").strip('"')
    return {"cpu": cpu, "cores": os.cpu_count(), "mem_gb": round(mem_kb / 2**20, 1), "os": osname, "kernel": platform.release()}


def corpus_names():
    names = []
    for p in sorted(glob.glob(os.path.join(a.raw, "*.rebuild.txt"))):
        names.append(os.path.basename(p)[: -len(".rebuild.txt")])
    order = {"scifact": 0, "arxiv": 1}
    return sorted(names, key=lambda n: (order.get(n, 2), int(n.split("-")[1]) if n.startswith("scaled-") else 0))


result = {"date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), "machine": machine(),
          "quick": bool(a.quick), "corpora": {}, "http": {}, "notes": [
              "scaled-N corpora: the real arXiv works plus new works recombined from real arXiv sentences, "
              "author lists and titles (tools/bench/scale_corpus.cpp), so vocabulary and lengths stay real",
              "latency: single thread, warm (one untimed pass), every query of the set, top 10",
              "peers index title+abstract only; paperdex also indexes authors, topics, facet values, "
              "spelling data and stores the work's JSON"]}

for c in corpus_names():
    entry = {}
    txt = open(os.path.join(a.raw, c + ".rebuild.txt")).read()
    m = re.search(r"rebuild: (\d+) works, (\d+) rejected, ([\d.e+-]+) s, (\d+) bytes", txt)
    if m:
        works, secs, size = int(m.group(1)), float(m.group(3)), int(m.group(4))
        pd = {"docs": works, "index_s": round(secs, 3), "docs_per_s": round(works / secs), "index_bytes": size}
        rss = load(c + ".rebuild.rss.json")
        if rss:
            pd["rss_kb"] = rss["rss_kb"]
        lat = load(c + ".latency.json")
        if lat:
            pd["latency"] = {}
            for b in lat["benchmarks"]:
                name = re.sub(r"/iterations:\d+$", "", b["name"])
                pd["latency"][name] = {k: v for k, v in b.items() if k.endswith("_ms") or k.endswith("_n") or k in ("queries", "errors")}
        entry["paperdex"] = pd
    for peer in ("lucene", "fts5", "xapian"):
        r = load(f"{c}.{peer}.json")
        if r:
            rss = load(f"{c}.{peer}.rss.json")
            if rss:
                r["rss_kb"] = rss["rss_kb"]
            entry[peer] = r
    result["corpora"][c] = entry

for p in sorted(glob.glob(os.path.join(a.raw, "http.*.json"))):
    _, ep, conns, _ = os.path.basename(p).split(".")
    r = load(os.path.basename(p))
    if r:
        cache = load(f"http-cache.{ep}.{conns}.json")
        if cache:
            r["cache"] = cache
        result["http"].setdefault(ep, {})[conns] = r
serve_rss = load("serve.rss.json")
if serve_rss:
    result["http_server_rss_kb"] = serve_rss["rss_kb"]
counts = os.path.join(os.path.dirname(a.raw.rstrip("/")), "paths", "counts.json")
if os.path.exists(counts):
    result["http_paths"] = json.load(open(counts))

with open(a.out, "w") as f:
    json.dump(result, f, indent=1)


def fmt(x, nd=1):
    return "–" if x is None else (f"{x:,.{nd}f}" if isinstance(x, float) else f"{x:,}")


label = {"paperdex": "paperdex", "lucene": "Lucene 8.7", "fts5": "SQLite FTS5", "xapian": "Xapian plain loop"}
m = result["machine"]
print(f"\npaperdex benchmarks, {result['date']}, {m['cpu']}, {m['cores']} cores, {m['mem_gb']} GB, {m['os']}"
      f"{' (--quick)' if a.quick else ''}\n")
print("| corpus | works | engine | index works/s | index MB | peak RSS MB | queries | top-10 p50 / p95 / p99 ms | +facets p50 / p99 ms |")
print("|---|---:|---|---:|---:|---:|---:|---:|---:|")
for c, entry in result["corpora"].items():
    name = c if not c.startswith("scaled-") else f"{c} (recombined arXiv)"
    for eng in ("paperdex", "lucene", "fts5", "xapian"):
        r = entry.get(eng)
        if not r:
            continue
        lat = r.get("latency", {}).get("search/top10", r)
        fac = r.get("latency", {}).get("search/top10_facets")
        print(f"| {name} | {fmt(r['docs'])} | {label[eng]} | {fmt(r['docs_per_s'])} | {fmt(r['index_bytes'] / 2**20)} | "
              f"{fmt(r.get('rss_kb', 0) / 1024, 0)} | {fmt(int(lat['queries'])) if lat.get('queries') else '–'} | {fmt(lat.get('p50_ms'), 2)} / {fmt(lat.get('p95_ms'), 2)} / {fmt(lat.get('p99_ms'), 2)} | "
              + (f"{fmt(fac['p50_ms'], 2)} / {fmt(fac['p99_ms'], 2)} |" if fac else "– |"))

ratios = []
for c, entry in result["corpora"].items():
    p = entry.get("paperdex")
    if not p:
        continue
    parts = []
    if entry.get("xapian"):
        parts.append(f"rebuild {p['docs_per_s'] / entry['xapian']['docs_per_s']:.2f}x the plain Xapian loop")
    if entry.get("lucene"):
        parts.append(f"{p['docs_per_s'] / entry['lucene']['docs_per_s']:.2f}x Lucene")
        lp = p.get("latency", {}).get("search/top10", {}).get("p50_ms")
        if lp:
            parts.append(f"top-10 p50 {lp / entry['lucene']['p50_ms']:.2f}x Lucene's")
    if parts:
        ratios.append(f"- {c}: " + ", ".join(parts))
if ratios:
    print("\nRatios (same run):\n" + "\n".join(ratios))

facet_rows = []
for c, entry in result["corpora"].items():
    for name, v in entry.get("paperdex", {}).get("latency", {}).items():
        if name.startswith("facets/") or name == "search/top10_facets":
            cells = []
            for b in ("m<1k", "m<10k", "m<100k", "m>=100k"):
                n = v.get(b + "_n", 0)
                cells.append(f"{fmt(v.get(b + '_p50_ms'), 2)} / {fmt(v.get(b + '_p99_ms'), 2)} (n={int(n)})" if n else "–")
            facet_rows.append(f"| {c} | {name} | " + " | ".join(cells) + " |")
if facet_rows:
    print("\nFacet cost by match-set size m (year+author+topic, p50 / p99 ms; facets/check=N = exact up to N checked):\n")
    print("| corpus | benchmark | m<1k | m<10k | m<100k | m>=100k |\n|---|---|---:|---:|---:|---:|")
    print("\n".join(facet_rows))

if result["http"]:
    print(f"\nHTTP on the arXiv index (wrk; paperdex serve peak RSS {fmt(result.get('http_server_rss_kb', 0) / 1024, 0)} MB):\n")
    print("Response cache on (warmed by one pass over the paths) except `search-nocache` (--cache-mb 0); "
          "hit rate from /metrics; load = 1-minute load average at the start of the run.\n")
    print("| endpoint | connections | requests/s | p50 ms | p99 ms | errors | cache hit rate | load |\n"
          "|---|---:|---:|---:|---:|---:|---:|---:|")
    for ep, by in result["http"].items():
        for conns in sorted(by, key=lambda s: int(s[1:])):
            r = by[conns]
            errs = sum(r["errors"].values())
            c = r.get("cache")
            looked_up = c["hits"] + c["misses"] if c else 0
            rate = f"{100 * c['hits'] / looked_up:.1f}%" if looked_up else "–"
            load1 = fmt(c["load1"], 2) if c else "–"
            print(f"| {ep} | {conns[1:]} | {fmt(r['rps'], 0)} | {fmt(r['p50_ms'], 2)} | {fmt(r['p99_ms'], 2)} | {errs} "
                  f"| {rate} | {load1} |")
print(f"\nwritten: {a.out}")
