#!/usr/bin/env bash
# attache set-up for a fresh Debian 12 machine (run as root, or with sudo available):
#   tools/setup.sh demo   install packages, build, index corpus/, run example searches
#   tools/setup.sh test   install packages, build, run every test (plain and under ASan/UBSan)
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-demo}
case "$mode" in demo|test) ;; *) echo "usage: tools/setup.sh demo|test" >&2; exit 2 ;; esac
jobs=$(nproc 2>/dev/null || echo 2)

packages=$(grep -v '^#' tools/debian-packages.txt | tr '\n' ' ')
# shellcheck disable=SC2086
if ! dpkg-query -W -f='${Status}\n' $packages 2>/dev/null | grep -qv '^install ok installed$' \
   && [ "$(dpkg-query -W -f='${Status}\n' $packages 2>/dev/null | wc -l)" -eq "$(echo $packages | wc -w)" ]; then
  echo "== Debian packages already installed"
else
  echo "== installing Debian packages: $packages"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $packages >/dev/null
fi

echo "== building (build/)"
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DATTACHE_TESTS="$([ "$mode" = test ] && echo ON || echo OFF)" >/dev/null
cmake --build build -j"$jobs"

if [ "$mode" = test ]; then
  echo "== running the tests"
  (cd build && ctest --output-on-failure -j"$jobs")
  echo "== building and running the tests under AddressSanitizer and UndefinedBehaviorSanitizer (build-sanitize/)"
  cmake -S . -B build-sanitize -DCMAKE_BUILD_TYPE=Debug -DATTACHE_SANITIZE=ON -DATTACHE_TESTS=ON >/dev/null
  cmake --build build-sanitize -j"$jobs"
  (cd build-sanitize && ASAN_OPTIONS=detect_leaks=1:detect_stack_use_after_return=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j"$jobs")
  echo "== crash soak: 30 kills of index, delete and optimize under searching readers (tools/soak.sh)"
  tools/soak.sh 30
  # A minute of each fuzz target ($ATTACHE_FUZZ_SECONDS), as many side by side as there are
  # cores: the seeds (every past finding among them) replay, and a little new ground is
  # covered. Long runs are by hand (RELIABILITY.md).
  fuzz_seconds=${ATTACHE_FUZZ_SECONDS:-60}
  fuzz_logs=$(mktemp -d)
  JOBS=$jobs tools/fuzz.sh build
  for target in article formats extractor query index; do
    (FUZZ_NO_BUILD=1 tools/fuzz.sh "$target" "$fuzz_seconds" >"$fuzz_logs/$target.log" 2>&1 ||
      touch "$fuzz_logs/$target.failed") &
    while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n || true; done
  done
  wait
  for target in article formats extractor query index; do
    if [ -e "$fuzz_logs/$target.failed" ]; then
      tail -60 "$fuzz_logs/$target.log"
      echo "fuzz target $target failed: the input is in build-fuzz/findings/$target/" >&2
      exit 1
    fi
    grep -E '^== |DONE' "$fuzz_logs/$target.log"
  done
  rm -rf "$fuzz_logs"
  echo "== all tests passed"
  exit 0
fi

attache=build/tools/attache
rm -rf corpus-index
echo "== indexing corpus/ into corpus-index/"
$attache index --index corpus-index corpus/
show() {
  echo
  printf '$ attache search --index corpus-index'; printf ' %q' "$@"; echo
  $attache search --index corpus-index "$@"
}
show '"open door policy"'
show '(sanctions OR guarantees) -nato' --limit 3
show 'ukraine date:2022-01-13..2022-01-19' --sort date
show 'kuleba AND (blinken OR lavrov)' --json
echo
echo "Who said what: statements found in the articles, searched by speaker and words"
show 'speaker:ryabkov nato' --limit 3
echo
echo '$ attache speakers --index corpus-index --limit 8'
$attache speakers --index corpus-index --limit 8
echo
echo "Who said it first: each statement once, with when and how widely it was carried"
echo "\$ attache quotes --index corpus-index '\"open door\"' --history --sort date --limit 2"
$attache quotes --index corpus-index '"open door"' --history --sort date --limit 2
echo
echo "Try your own: $attache search --index corpus-index 'nato -russia' (see $attache search --help)"
echo "Search it in a browser: $attache serve --index corpus-index   then open http://127.0.0.1:8080/"
