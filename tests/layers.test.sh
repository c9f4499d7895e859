#!/usr/bin/env bash
# The layering rule of ARCHITECTURE.md, checked on every #include "..." in src/ and include/: a file may include
# headers of its own layer and of the layers below it, never of a higher one, and peers (importers and export;
# eval and http) never each other. Lowest first:
#     common (include/paperdex/*.h: error.h) < corpus < {importers, export} < index < search < authors < {eval, http}
#     < cli
# A file's layer is its folder: src/<layer>/... or include/paperdex/<layer>/...; an include is found as the
# compiler finds it (beside the file, then src/, then include/). One line per include that breaks the rule
# (file:line, both layers), or that names no file of the tree, then "N passed, M failed" over all includes.
# usage: bash tests/layers.test.sh [BUILD_DIR]   (from the repo root, as ctest runs it; BUILD_DIR unused)
set -euo pipefail
exec python3 - <<'PY'
import pathlib, re, sys

RANK = {"common": -1, "corpus": 0, "importers": 1, "export": 1, "index": 2, "search": 3, "authors": 4,
        "eval": 5, "http": 5, "cli": 6}
INCLUDE = re.compile(r'^\s*#\s*include\s*"([^"]+)"')


def layer_of(path):
    """The layer of a file of the tree (a repo-relative path), or None."""
    parts = path.parts
    if parts[0] == "src" and len(parts) > 2:
        return parts[1] if parts[1] in RANK else None
    if parts[:2] == ("include", "paperdex"):
        if len(parts) == 3:
            return "common"
        return parts[2] if parts[2] in RANK else None
    return None


def resolve(source, name):
    for base in (source.parent, pathlib.Path("src"), pathlib.Path("include")):
        candidate = base / name
        if candidate.is_file():
            return pathlib.Path(*[p for p in candidate.parts if p != "."])
    return None


def allowed(src_layer, dst_layer):
    if src_layer == dst_layer:
        return True
    return RANK[dst_layer] < RANK[src_layer]


files = sorted(p for root in ("src", "include") for p in pathlib.Path(root).rglob("*")
               if p.suffix in (".h", ".hpp", ".cpp", ".cc") and p.is_file())
passed = failed = 0
for f in files:
    src_layer = layer_of(f)
    if src_layer is None:
        print(f"FAIL {f}: not in a layer's folder (src/<layer>/ or include/paperdex/<layer>/)")
        failed += 1
        continue
    for lineno, line in enumerate(f.read_text(errors="replace").splitlines(), 1):
        m = INCLUDE.match(line)
        if not m:
            continue
        target = resolve(f, m.group(1))
        dst_layer = layer_of(target) if target else None
        if dst_layer is None:
            print(f'FAIL {f}:{lineno}: #include "{m.group(1)}" is no header of a layer in src/ or include/paperdex/')
            failed += 1
        elif not allowed(src_layer, dst_layer):
            why = "its peer" if RANK[dst_layer] == RANK[src_layer] else "a higher layer"
            print(f'FAIL {f}:{lineno}: {src_layer} includes {dst_layer} ({why}): #include "{m.group(1)}"')
            failed += 1
        else:
            passed += 1
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
