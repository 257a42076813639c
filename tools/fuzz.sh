#!/usr/bin/env bash
# Runs one libFuzzer target (fuzz/) under ASan+UBSan for SECONDS:
#   tools/fuzz.sh TARGET SECONDS [libFuzzer options...]
#   tools/fuzz.sh build    (builds every target; FUZZ_NO_BUILD=1 then skips the build in a run)
# TARGET is article, formats, extractor, query or index. The first run configures
# build-fuzz/ with clang-15 (Debian packages clang-15 and libfuzzer-15-dev).
# The corpus grows in build-fuzz/corpus/TARGET, seeded from fuzz/seeds/TARGET;
# a crash, leak, timeout or oversized allocation is written to
# build-fuzz/findings/TARGET/ and ends the run with a failing status. Once
# fixed, add the finding to fuzz/seeds/TARGET so every later run replays it.
set -euo pipefail
cd "$(dirname "$0")/.."
usage() { echo "usage: tools/fuzz.sh article|formats|extractor|query|index SECONDS [libFuzzer options] | tools/fuzz.sh build" >&2; exit 2; }
targets=(article formats extractor query index)
[ $# -ge 1 ] || usage
target=$1

if [ ! -f build-fuzz/CMakeCache.txt ]; then
  CC=clang-15 CXX=clang++-15 cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DATTACHE_FUZZ=ON \
    -DATTACHE_TESTS=OFF >/dev/null
fi
if [ "$target" = build ]; then  # every target, so that runs side by side need not build
  cmake --build build-fuzz -j"${JOBS:-2}" --target "${targets[@]/#/fuzz_}" >/dev/null
  exit 0
fi
[ $# -ge 2 ] || usage
seconds=$2
shift 2
[[ " ${targets[*]} " == *" $target "* ]] || usage
[[ "$seconds" =~ ^[0-9]+$ ]] || usage
[ -n "${FUZZ_NO_BUILD:-}" ] || cmake --build build-fuzz -j"${JOBS:-2}" --target "fuzz_$target" >/dev/null

corpus=build-fuzz/corpus/$target
findings=build-fuzz/findings/$target
mkdir -p "$corpus" "$findings"
options=("-max_total_time=$seconds" -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=512
         "-artifact_prefix=$findings/" -print_final_stats=1)
[ -f "fuzz/dictionaries/$target.dict" ] && options+=("-dict=fuzz/dictionaries/$target.dict")
echo "== fuzzing $target for $seconds s (corpus $corpus, findings $findings/)"
export ASAN_SYMBOLIZER_PATH=${ASAN_SYMBOLIZER_PATH:-$(command -v llvm-symbolizer-15 llvm-symbolizer | head -1)}
ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  "build-fuzz/fuzz/fuzz_$target" "${options[@]}" "$@" "$corpus" "fuzz/seeds/$target"
