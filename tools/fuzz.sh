#!/usr/bin/env bash
# Runs the libFuzzer harnesses of tests/fuzz/ under ASan+UBSan (clang-14), each for --seconds or --runs, whichever
# comes first, starting from the committed seeds. A crash is written to tests/fuzz/regressions/NAME/, which every
# `tools/test.sh` then replays. Prints one table row per target (and writes it to build-fuzz/fuzz-report.md).
# usage: tools/fuzz.sh [--seconds N] [--runs N] [NAME...]     (default: 900 s, 1,000,000 runs, every target)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=900; runs=1000000
while [ $# -gt 0 ]; do
  case $1 in
    --seconds) seconds=$2; shift 2;;
    --runs) runs=$2; shift 2;;
    *) break;;
  esac
done
tools/install-deps.sh
if ! command -v clang++-14 >/dev/null || ! ls /usr/lib/llvm-14/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1; then
  apt-get update -qq && apt-get install -y -qq clang-14 libfuzzer-14-dev >/dev/null
fi
CC=clang-14 CXX=clang++-14 cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPAPERDEX_FUZZ=ON \
  -DPAPERDEX_SANITIZE=address,undefined >/dev/null
names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  for f in tests/fuzz/fuzz_*.cpp; do n=${f##*/fuzz_}; names+=("${n%.cpp}"); done
fi
cmake --build build-fuzz -j"${JOBS:-2}" --target "${names[@]/#/fuzz_}"
report=build-fuzz/fuzz-report.md
echo "| target | executions | seconds | crashes |" >"$report"
echo "|---|---|---|---|" >>"$report"
status=0
for n in "${names[@]}"; do
  work=build-fuzz/corpus/$n; mkdir -p "$work" "tests/fuzz/regressions/$n"
  log=build-fuzz/$n.log
  start=$(date +%s)
  set +e
  ./build-fuzz/fuzz_"$n" -max_total_time="$seconds" -runs="$runs" -print_final_stats=1 -max_len=65536 \
    -artifact_prefix="tests/fuzz/regressions/$n/" "$work" "tests/fuzz/seeds/$n" >"$log" 2>&1
  rc=$?
  set -e
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
  crashes=$([ $rc -eq 0 ] && echo 0 || echo "1 (exit $rc, see $log)")
  [ $rc -eq 0 ] || status=1
  echo "| $n | $execs | $(( $(date +%s) - start )) | $crashes |" | tee -a "$report"
done
exit $status
