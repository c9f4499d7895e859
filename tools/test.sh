#!/usr/bin/env bash
# Installs what is missing, builds with -Werror, and runs every test through ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh
[ -x tests/browser/install.sh ] && tests/browser/install.sh
PAPERDEX_CMAKE_ARGS="-DPAPERDEX_WERROR=ON ${PAPERDEX_CMAKE_ARGS:-}" tools/build.sh
cd build
# --no-label-summary: the run ends with the "N% tests passed" line, not a per-label timing table.
ctest --output-on-failure --no-label-summary -j"${JOBS:-2}" "$@"
