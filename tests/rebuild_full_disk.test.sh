#!/usr/bin/env bash
# A rebuild that cannot write its files (a full disk, here RLIMIT_FSIZE with SIGXFSZ ignored, so a write fails with
# EFBIG as it fails with ENOSPC) ends with a one-line error and exit 1, and leaves the served generation as it was.
# Before: Xapian threw from a destructor while unwinding the failed commit and the process aborted (exit 134).
# usage (from the repo root, as ctest runs it): bash tests/rebuild_full_disk.test.sh BUILD_DIR
set -euo pipefail
build=$(cd "${1:?usage: bash tests/rebuild_full_disk.test.sh BUILD_DIR}" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/paperdex-full-disk.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
"$build/paperdex-corpus" rebuild --corpus corpus/seeds.jsonl --index "$tmp/index" --quiet >/dev/null 2>&1
before=$(readlink "$tmp/index/current")
set +e
msg=$(bash -c 'trap "" XFSZ; ulimit -f 4096; exec "$1" rebuild --corpus corpus/arxiv-sample.jsonl.gz --index "$2" --quiet' _ \
  "$build/paperdex-corpus" "$tmp/index" 2>&1)
code=$?
set -e
failures=0
[ "$code" = 1 ] || { echo "FAIL: exit code $code, not 1: $msg" >&2; failures=$((failures + 1)); }
echo "$msg" | grep -q "^paperdex-corpus: .*File too large" || { echo "FAIL: no one-line error naming the cause: $msg" >&2; failures=$((failures + 1)); }
[ "$(readlink "$tmp/index/current")" = "$before" ] || { echo "FAIL: current moved" >&2; failures=$((failures + 1)); }
xapian-check "$tmp/index/$before" >/dev/null || { echo "FAIL: the served generation does not pass xapian-check" >&2; failures=$((failures + 1)); }
# The next rebuild with room succeeds and clears what the failed one left.
"$build/paperdex-corpus" rebuild --corpus corpus/seeds.jsonl --index "$tmp/index" --quiet >/dev/null 2>&1 || { echo "FAIL: next rebuild" >&2; failures=$((failures + 1)); }
left=$(find "$tmp/index" -maxdepth 1 -name '*.building' | wc -l)
[ "$left" = 0 ] || { echo "FAIL: $left staging directories left" >&2; failures=$((failures + 1)); }
[ "$failures" = 0 ] && echo "rebuild_full_disk: ok ($msg)"
exit "$failures"
