#!/usr/bin/env bash
# Configures and builds paperdex into build/ (binaries: build/paperdex, build/paperdex-corpus), or into
# $PAPERDEX_BUILD_DIR when set.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh
build=${PAPERDEX_BUILD_DIR:-build}
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo ${PAPERDEX_CMAKE_ARGS:-} >/dev/null
cmake --build "$build" -j"${JOBS:-2}"
