#!/usr/bin/env bash
# Installs what is missing, builds with -Werror, and runs every test through ctest.
# usage: tools/test.sh [--sanitize=address,undefined | --sanitize=thread] [ctest options...]
#   --sanitize builds into build-<sanitizers>/ (build/ stays as it is) and runs the same suite; any sanitizer
#   report fails the test that caused it.
set -euo pipefail
cd "$(dirname "$0")/.."
sanitize=""
if [[ "${1:-}" == --sanitize=* ]]; then
  sanitize=${1#--sanitize=}
  shift
fi
tools/install-deps.sh
[ -x tests/browser/install.sh ] && tests/browser/install.sh
[ -x tests/export/install.sh ] && tests/export/install.sh
build=build
if [ -n "$sanitize" ]; then
  build="build-${sanitize//,/-}"
  export PAPERDEX_CMAKE_ARGS="-DPAPERDEX_SANITIZE=$sanitize ${PAPERDEX_CMAKE_ARGS:-}"
  # halt_on_error: a report is a failure, not a line in a log; detect_leaks stays on for ASan.
  export ASAN_OPTIONS="halt_on_error=1:abort_on_error=0:detect_stack_use_after_return=0:${ASAN_OPTIONS:-}"
  export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:${UBSAN_OPTIONS:-}"
  export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:suppressions=$PWD/tools/sanitizers/tsan.supp:${TSAN_OPTIONS:-}"
fi
PAPERDEX_BUILD_DIR=$build PAPERDEX_CMAKE_ARGS="-DPAPERDEX_WERROR=ON ${PAPERDEX_CMAKE_ARGS:-}" tools/build.sh
cd "$build"
# --no-label-summary: the run ends with the "N% tests passed" line, not a per-label timing table.
ctest --output-on-failure --no-label-summary -j"${JOBS:-2}" "$@"
