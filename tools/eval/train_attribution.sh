#!/usr/bin/env bash
# Trains the built-in attribution model (indexer/data/attribution.model) from PolNeAR,
# deterministically, leaving out the holdout (tests/quotes/polnear/holdout.txt) so that
# figures on it are figures on unseen text. Then rebuild: the model is assembled into the library.
#   tools/eval/train_attribution.sh [BUILD_DIR] [POLNEAR_SPLIT]
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
split=${2:-../shared/polnear/train}
cmake --build "$build" -j2 --target attache-quote-train >/dev/null
"$build/tools/attache-quote-train" --single-pass --exclude-names tests/quotes/polnear/holdout.txt \
  --output indexer/data/attribution.model "$split"
