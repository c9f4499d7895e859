#!/usr/bin/env bash
# The installed paperdex: `cmake --install BUILD_DIR --prefix TMP`, then a program outside the tree
# (tests/install/example) built against it with find_package(paperdex) and paperdex::paperdex, which also compiles
# every installed header alone; the program reads the seeds, rebuilds an index and searches it; and the installed
# TMP/bin/paperdex serves its installed web page (TMP/share/paperdex/web) at / and KaTeX at /katex/.
# usage (from the repo root, as ctest runs it): bash tests/install.test.sh BUILD_DIR
set -euo pipefail
source "$(dirname "$0")/support/wait_for_server.sh"
build=$(cd "${1:?usage: bash tests/install.test.sh BUILD_DIR}" && pwd)

tmp=$(mktemp -d "${TMPDIR:-/tmp}/paperdex-install.XXXXXX")
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

passed=0 failed=0
pass() { echo "ok: $*"; passed=$((passed + 1)); }
fail() { echo "FAIL: $*" >&2; failed=$((failed + 1)); }
finish() { echo "$passed passed, $failed failed"; exit $((failed > 0)); }
# run LOG COMMAND...: runs a bounded command, its output to LOG, shown when it fails.
run() { local log=$1; shift; timeout 120 "$@" >"$log" 2>&1 || { local s=$?; cat "$log" >&2; return $s; }; }

prefix=$tmp/prefix
if run "$tmp/install.log" cmake --install "$build" --prefix "$prefix"; then pass "cmake --install"; else
  fail "cmake --install $build --prefix $prefix"; finish; fi
missing=""
for f in bin/paperdex bin/paperdex-corpus share/paperdex/web/index.html share/paperdex/web/app.js \
         share/paperdex/web/style.css share/paperdex/web/math.js include/paperdex/search/searcher.h include/paperdex/error.h \
         lib/libpaperdex_corpus.a lib/libpaperdex_http.a lib/cmake/paperdex/paperdexConfig.cmake \
         lib/cmake/paperdex/paperdexConfigVersion.cmake lib/cmake/paperdex/paperdexTargets.cmake; do
  [ -e "$prefix/$f" ] || missing+=" $f"
done
[ -z "$missing" ] && pass "installed files in place" || fail "not installed:$missing"
headers=$(cd include && find paperdex -name '*.h' | sort)
[ "$headers" = "$(cd "$prefix/include" && find paperdex -name '*.h' | sort)" ] && pass "every public header installed" ||
  fail "installed headers differ from include/"
# The package is relocatable: its config names no path of the source tree.
if grep -rq "$PWD/" "$prefix/lib/cmake/paperdex"; then fail "the package config names the source tree"; else
  pass "the package config does not name the source tree"; fi

# The example: configure + build (its headers_alone target compiles each installed header on its own).
launcher=()
if command -v ccache >/dev/null; then
  # Paths under $tmp differ per run; relative to CCACHE_BASEDIR they do not, so a rerun hits the cache.
  export CCACHE_BASEDIR=$tmp
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
if run "$tmp/example-configure.log" cmake -S tests/install/example -B "$tmp/example" -DCMAKE_PREFIX_PATH="$prefix" \
     -DCMAKE_BUILD_TYPE= "${launcher[@]}" &&
   run "$tmp/example-build.log" cmake --build "$tmp/example" -j"${JOBS:-2}"; then
  pass "example built with find_package(paperdex) ($(grep -o '[0-9]* installed headers' "$tmp/example-configure.log"), each compiled alone)"
else
  fail "example did not build against the installed paperdex"; finish
fi
works=$(grep -c . corpus/seeds.jsonl)
if run "$tmp/example.log" "$tmp/example/example" corpus/seeds.jsonl "$tmp/index" "caviar e-graph"; then
  out=$(cat "$tmp/example.log")
  grep -qx "read $works works, 0 rejected" <<<"$out" && grep -qx "indexed $works works" <<<"$out" &&
    grep -q "^top bzpeer:caviar-an-e-graph-based-trs-for-automatic-code-optimization of " <<<"$out" &&
    pass "example reads, rebuilds and searches: $(grep '^top ' <<<"$out")" ||
    { echo "$out" >&2; fail "example printed something else"; }
else
  fail "example failed"
fi

# The installed server serves the installed web page: mark the installed copy to tell it from web/.
if [ -d "$tmp/index" ]; then
  echo "<!-- installed copy -->" >>"$prefix/share/paperdex/web/index.html"
  (cd "$tmp" && exec timeout 60 "$prefix/bin/paperdex" serve --index "$tmp/index" --host 127.0.0.1 --port 0) \
    >"$tmp/serve.log" 2>&1 &
  server=$!
  url=$(wait_for_server "$tmp/serve.log" 10 "$server" || true)
  if [ -z "$url" ]; then
    cat "$tmp/serve.log" >&2; fail "the installed paperdex serve did not start"
  else
    page=$(curl -fsS --max-time 5 -D "$tmp/headers" "$url" || true)
    grep -qi '^content-type: text/html' "$tmp/headers" && grep -qi '<html' <<<"$page" &&
      grep -q '<!-- installed copy -->' <<<"$page" && pass "installed serve returns the installed web page at /" ||
      { cat "$tmp/serve.log" >&2; fail "/ is not the installed web page: $(head -c 300 <<<"$page")"; }
    curl -fsS --max-time 5 "${url}app.js" | cmp -s - web/app.js && pass "installed serve returns app.js" ||
      fail "/app.js differs from web/app.js"
    # KaTeX for the page's math is Debian's libjs-katex, read in place by the installed server too.
    curl -fsS --max-time 5 "${url}katex/katex.min.css" | cmp -s - /usr/share/javascript/katex/katex.min.css &&
      pass "installed serve returns KaTeX (libjs-katex) at /katex/" || fail "/katex/katex.min.css is not libjs-katex's"
  fi
fi
finish
