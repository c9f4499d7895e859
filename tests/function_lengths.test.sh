#!/usr/bin/env bash
# No function in src/ is longer than 80 lines (tools/lint/function_lengths.py counts a body by brace matching);
# each one over the limit is printed as file:line: name (N lines).
# usage: bash tests/function_lengths.test.sh [BUILD_DIR]   (from the repo root, as ctest runs it; BUILD_DIR unused)
set -euo pipefail
exec python3 tools/lint/function_lengths.py src
