#!/usr/bin/env bash
# Trains the built-in attribution model (indexer/data/attribution.model), deterministically, from
# PolNeAR and the development articles of other publishers and decades (the sets of tests/quotes/dev
# listed in its training.txt, written
# as a PolNeAR-style split by probes_to_brat.py). It leaves out PolNeAR's holdout
# (tests/quotes/polnear/holdout.txt) so that figures on it are figures on unseen text; the blind
# sets (tests/quotes/probe24, probe28) are never trained on. Then rebuild: the model is assembled
# into the library.
#   tools/eval/train_attribution.sh [BUILD_DIR] [POLNEAR_SPLIT]
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
split=$(realpath "${2:-../shared/polnear/train}")
cmake --build "$build" -j2 --target attache-quote-train >/dev/null
training=$(mktemp -d)
trap 'rm -rf "$training"' EXIT
mkdir "$training/text" "$training/attributions"
ln -s "$split"/text/*.txt "$training/text/"
ln -s "$split"/attributions/*.ann "$training/attributions/"
# The development sets listed in tests/quotes/dev/training.txt, as many copies as it says.
python3 tools/eval/probes_to_brat.py "$training" --training tests/quotes/dev/training.txt
"$build/tools/attache-quote-train" --single-pass --exclude-names tests/quotes/polnear/holdout.txt \
  --output indexer/data/attribution.model "$training"
