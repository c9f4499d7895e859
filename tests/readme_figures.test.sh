#!/usr/bin/env bash
# The README's figures are the pinned ones (not timed, no build needed): its paperdex relevance rows must equal
# tools/eval/regressions.json to 4 decimals, and every benchmark block in README.md and docs/bench.md must equal
# the tables generated from the JSON it names, so a figure cannot drift from the file that a test or a bench run
# wrote. A benchmark block sits between
#     <!-- bench FILE [corpora=a,b] [engines=paperdex,lucene,fts5,xapian] [facets] [http|http=all] -->
# and <!-- /bench -->; the tables are those of tools/bench/report.py (http: 8 connections only).
# usage: bash tests/readme_figures.test.sh [BUILD_DIR]   (from the repo root, as ctest runs it; BUILD_DIR unused)
#        bash tests/readme_figures.test.sh --print       prints each block as it should read, to paste after a run
set -euo pipefail
mode=check
[ "${1:-}" = "--print" ] && mode=print
exec python3 - "$mode" README.md tools/eval/regressions.json docs/bench.md <<'PY'
import json, re, sys

mode, readme_path, pinned_path = sys.argv[1:4]
readme = open(readme_path).read()
docs = {p: open(p).read() for p in [readme_path] + sys.argv[4:]}
passed = failed = 0


def report(ok, what):
    global passed, failed
    if ok:
        passed += 1
        print(f"ok   {what}")
    else:
        failed += 1
        print(f"FAIL {what}")


# --- relevance: | paperdex | SciFact test | nDCG@10 | recall@100 | MAP | MRR@10 |
collections = {"SciFact test": "scifact-test", "CACM": "cacm"}
columns = ("ndcg@10", "recall@100", "map@1000", "mrr@10")
pinned = {c["name"]: c for c in json.load(open(pinned_path))["collections"]}
if mode == "check":
    for label, name in collections.items():
        rows = re.findall(r"^\| paperdex \| " + re.escape(label) + r" \|(.*)\|\s*$", readme, re.M)
        if len(rows) != 1:
            report(False, f"relevance {label}: {len(rows)} paperdex rows in the README, expected 1")
            continue
        got = [cell.strip().strip("*") for cell in rows[0].split("|")][: len(columns)]
        want = [f"{pinned[name][k]:.4f}" for k in columns]
        report(got == want, f"relevance {label}: README {' '.join(got)}, {pinned_path} {' '.join(want)}")


# --- benchmarks: the same table as tools/bench/report.py prints, for the corpora and engines asked
LABEL = {"paperdex": "paperdex", "lucene": "Lucene 8.7", "fts5": "SQLite FTS5", "xapian": "Xapian plain loop"}


def fmt(x, nd=1):
    return "–" if x is None else (f"{x:,.{nd}f}" if isinstance(x, float) else f"{x:,}")


def bench_block(path, corpora=None, engines=None, http=None, facets=False):
    r = json.load(open(path))
    m = r["machine"]
    corpora = corpora or list(r["corpora"])
    engines = engines or list(LABEL)
    out = [f"{path}: {r['date']}, {m['cpu']}, {m['cores']} cores, {m['mem_gb']} GB, {m['os']}"
           f"{' (--quick)' if r['quick'] else ''}", "",
           "| corpus | works | engine | index works/s | index MB | peak RSS MB | queries | top-10 p50 / p95 / p99 ms | +facets p50 / p99 ms |",
           "|---|---:|---|---:|---:|---:|---:|---:|---:|"]
    for c in corpora:
        entry = r["corpora"][c]
        for eng in engines:
            e = entry.get(eng)
            if not e:
                continue
            lat = e.get("latency", {}).get("search/top10", e)
            fac = e.get("latency", {}).get("search/top10_facets")
            out.append(f"| {c} | {fmt(e['docs'])} | {LABEL[eng]} | {fmt(e['docs_per_s'])} | {fmt(e['index_bytes'] / 2**20)} | "
                       f"{fmt(e.get('rss_kb', 0) / 1024, 0)} | {fmt(int(lat['queries'])) if lat.get('queries') else '–'} | "
                       f"{fmt(lat.get('p50_ms'), 2)} / {fmt(lat.get('p95_ms'), 2)} / {fmt(lat.get('p99_ms'), 2)} | "
                       + (f"{fmt(fac['p50_ms'], 2)} / {fmt(fac['p99_ms'], 2)} |" if fac else "– |"))
    ratios = []
    for c in corpora:
        entry = r["corpora"][c]
        p, x, l = entry.get("paperdex"), entry.get("xapian"), entry.get("lucene")
        if not p or not l:
            continue
        parts = [f"rebuild {p['docs_per_s'] / x['docs_per_s']:.2f}× the plain Xapian loop"] if x else []
        parts.append(f"{p['docs_per_s'] / l['docs_per_s']:.2f}× Lucene")
        lp = p.get("latency", {}).get("search/top10", {}).get("p50_ms")
        if lp:
            parts.append(f"top-10 p50 {lp / l['p50_ms']:.2f}× Lucene's")
        ratios.append(f"- {c}: " + ", ".join(parts))
    if ratios:
        out += ["", "Ratios (same run):"] + ratios
    if facets:
        rows = []
        for c in corpora:
            for name, v in r["corpora"][c].get("paperdex", {}).get("latency", {}).items():
                if name.startswith("facets/") or name == "search/top10_facets":
                    cells = []
                    for b in ("m<1k", "m<10k", "m<100k", "m>=100k"):
                        n = v.get(b + "_n", 0)
                        cells.append(f"{fmt(v.get(b + '_p50_ms'), 2)} / {fmt(v.get(b + '_p99_ms'), 2)} (n={int(n)})" if n else "–")
                    rows.append(f"| {c} | {name} | " + " | ".join(cells) + " |")
        out += ["", "Facet cost by match-set size m (year+author+topic, p50 / p99 ms; facets/check=N = exact up to N "
                    "works checked):", "", "| corpus | benchmark | m<1k | m<10k | m<100k | m>=100k |",
                "|---|---|---:|---:|---:|---:|"] + rows
    if http == "all" and r.get("http"):
        out += ["", f"HTTP on the arXiv index (wrk; server peak RSS {fmt(r.get('http_server_rss_kb', 0) / 1024, 0)} MB; "
                    "response cache warm except `search-nocache`, `--cache-mb 0`; load = 1-minute load average at the "
                    "start):", "", "| endpoint | connections | requests/s | p50 ms | p99 ms | errors | cache hit rate | load |",
                "|---|---:|---:|---:|---:|---:|---:|---:|"]
        for ep, by in r["http"].items():
            for conns in sorted(by, key=lambda k: int(k[1:])):
                h, c = by[conns], by[conns].get("cache")
                looked_up = c["hits"] + c["misses"] if c else 0
                rate = f"{100 * c['hits'] / looked_up:.1f}%" if looked_up else "–"
                out.append(f"| {ep} | {conns[1:]} | {fmt(h['rps'], 0)} | {fmt(h['p50_ms'], 2)} | {fmt(h['p99_ms'], 2)} | "
                           f"{sum(h['errors'].values())} | {rate} | {fmt(c['load1'], 2) if c else '–'} |")
    elif http and r.get("http"):
        out += ["", f"HTTP on the arXiv index, wrk at 8 connections (`search-nocache`: `--cache-mb 0`; the others with the "
                    f"response cache warm); server peak RSS {fmt(r.get('http_server_rss_kb', 0) / 1024, 0)} MB:", "",
                "| endpoint | requests/s | p50 ms | p99 ms | errors |", "|---|---:|---:|---:|---:|"]
        for ep, by in r["http"].items():
            h = by.get("c8")
            if h:
                out.append(f"| {ep} | {fmt(h['rps'], 0)} | {fmt(h['p50_ms'], 2)} | {fmt(h['p99_ms'], 2)} | "
                           f"{sum(h['errors'].values())} |")
    return "\n".join(out)


blocks = [(doc, *b) for doc, text in docs.items()
          for b in re.findall(r"<!-- bench (\S+)((?: [^>]*?)?) -->\n(.*?)\n?<!-- /bench -->", text, re.S)]
for doc in docs:
    if mode == "check" and not any(b[0] == doc for b in blocks):
        report(False, f"no <!-- bench FILE --> block in {doc}")
for doc, path, args, text in blocks:
    opts = dict(a.split("=", 1) if "=" in a else (a, "1") for a in args.split())
    want = bench_block(path, opts["corpora"].split(",") if "corpora" in opts else None,
                       opts["engines"].split(",") if "engines" in opts else None, opts.get("http"), "facets" in opts)
    if mode == "print":
        print(f"{doc}:\n<!-- bench {path}{args} -->\n{want}\n<!-- /bench -->\n")
        continue
    got = text.strip("\n")
    if got == want:
        report(True, f"{doc}: bench block {path}{args}: {len(want.splitlines())} lines equal the JSON")
    else:
        diff = [f"    README: {g}\n    JSON:   {w}" for g, w in zip(got.splitlines() + [""] * 99, want.splitlines()) if g != w]
        report(False, f"{doc}: bench block {path}{args} differs from the JSON (bash tests/readme_figures.test.sh --print):\n"
               + "\n".join(diff[:5]))

if mode == "print":
    sys.exit(0)
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
