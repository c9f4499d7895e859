#!/usr/bin/env bash
# Relevance regressions (not timed): runs each collection of tools/eval/regressions.json through BUILD_DIR/paperdex
# and fails if the document count differs or nDCG@10 drops more than ndcg_tolerance below the recorded value.
# usage: bash tests/eval_regressions.test.sh BUILD_DIR   (from the repo root, as ctest runs it)
set -euo pipefail
build=${1:?usage: eval_regressions.test.sh BUILD_DIR}
paperdex="$build/paperdex"
[ -x "$paperdex" ] || { echo "eval_regressions: $paperdex not built" >&2; exit 1; }
data=$(sed -n 's/^PAPERDEX_DATA_DIR:PATH=//p' "$build/CMakeCache.txt" 2>/dev/null || true)
data=${data:-$(cd "$(dirname "$0")/.." && pwd)/../shared/data}
exec python3 - "$paperdex" "$data" tools/eval/regressions.json <<'PY'
import json, subprocess, sys
paperdex, data, spec_path = sys.argv[1:4]
spec = json.load(open(spec_path))
tol = spec["ndcg_tolerance"]
passed = failed = 0
for c in spec["collections"]:
    args = [a.replace("{data}", data) for a in c["command"]]
    p = subprocess.run([paperdex] + args, capture_output=True, text=True)
    if p.returncode != 0:
        print(f"FAIL {c['name']}: exit {p.returncode}\n{p.stderr}"); failed += 1; continue
    got = json.loads(p.stdout.strip().splitlines()[-1])
    problems = []
    if got["docs"] != c["docs"]: problems.append(f"docs {got['docs']} != {c['docs']}")
    if got["queries"] != c["queries"]: problems.append(f"queries {got['queries']} != {c['queries']}")
    if got["ndcg@10"] < c["ndcg@10"] - tol:
        problems.append(f"nDCG@10 {got['ndcg@10']:.4f} < recorded {c['ndcg@10']:.4f} - {tol}")
    if "whole_query_tolerance" in c:
        whole_tol = c["whole_query_tolerance"]
        whole_args = [a for i, a in enumerate(args) if a != "--elite-terms" and (i == 0 or args[i - 1] != "--elite-terms")]
        w = subprocess.run([paperdex] + whole_args + ["--elite-terms", "0"], capture_output=True, text=True)
        if w.returncode != 0:
            problems.append(f"the whole-query run exits {w.returncode}: {w.stderr}")
        else:
            whole = json.loads(w.stdout.strip().splitlines()[-1])
            for k in ("ndcg@10", "map@1000", "recall@100"):
                if got[k] < whole[k] - whole_tol:
                    problems.append(f"{k} {got[k]:.4f} < {whole[k]:.4f} with every query word - {whole_tol}: the default drops words")
    figures = " ".join(f"{k} {got[k]:.4f} (recorded {c[k]:.4f})" for k in ("ndcg@10", "recall@100", "map@1000", "mrr@10"))
    if problems:
        print(f"FAIL {c['name']}: {'; '.join(problems)}; {figures}"); failed += 1
    else:
        print(f"ok   {c['name']}: {figures}"); passed += 1
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
