#!/usr/bin/env bash
# Crash soak: kills `attache index`, `attache delete` and `attache optimize`
# with SIGKILL at random moments N times while readers keep searching, and
# after every kill checks the index (`attache check`) and that it holds
# exactly the committed articles: every batch whose run finished, the batch in
# flight wholly or not at all, and no article whose deletion finished. Any
# reader failure fails the soak.
#   tools/soak.sh N [SEED]
# It runs build/tools/attache and attache-gen (tools/setup.sh builds them),
# copied first, so a rebuild during a long soak does not change them.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 1 ] && [[ "$1" =~ ^[0-9]+$ ]] || { echo "usage: tools/soak.sh N [SEED]" >&2; exit 2; }
kills=$1
RANDOM=${2:-1}
[ -x build/tools/attache ] && [ -x build/tools/attache-gen ] || { echo "soak: build first (tools/setup.sh test)" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/attache-soak.XXXXXX")
cp build/tools/attache build/tools/attache-gen "$work/"
attache=$work/attache
gen=$work/attache-gen
readers=()
cleanup() {
  for pid in "${readers[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
index=$work/index
batches=$work/batches
mkdir -p "$batches"

# Articles in batches of 40 (ids made unique per batch), generated once:
# enough for every kill to be of an indexing run.
batch_size=40
"$gen" --learn corpus/ --count $((batch_size * (kills + 2))) --seed 3 --min-words 80 --max-words 400 \
  >"$work/pool.jsonl"
awk -v dir="$batches" -v size="$batch_size" '{
  b = int((NR - 1) / size); sub(/"id":"[^"]*"/, "\"id\":\"b" b "-" (NR - 1) % size "\"");
  print > (dir "/" b ".jsonl") }' "$work/pool.jsonl"
batch_count=$(ls "$batches" | wc -l)
ids_of() { grep -o '"id":"[^"]*"' "$batches/$1.jsonl" | cut -d'"' -f4; }

touch "$work/committed"  # ids the index must hold, sorted
"$attache" index --index "$index" --quiet "$batches/0.jsonl"
ids_of 0 | sort >"$work/committed"
next_batch=1

# Readers: search and export in a loop; every failure is logged.
reader() {
  local out
  while :; do
    for command in search export; do
      out=$("$attache" "$command" --index "$index" "$1" 2>&1 >/dev/null) ||
        echo "$command '$1' failed (status $?): $out" >>"$work/reader-errors"
    done
  done
}
touch "$work/reader-errors"
reader 'russia OR nato' & readers+=($!)
reader '"foreign minister" date:2000..' & readers+=($!)

live_ids() { "$attache" export --index "$index" 'date:..9999' 2>/dev/null | grep -o '^{"id":"[^"]*"' | sed 's/.*"id":"//; s/"$//' | sort; }

counts=(0 0 0)  # kills of index, delete, optimize
finished=0
for ((k = 1; k <= kills; k++)); do
  op=$((RANDOM % 10))
  : >"$work/pending"
  if ((op < 6 && next_batch < batch_count)); then
    kind=0
    ids_of "$next_batch" | sort >"$work/pending"
    "$attache" index --index "$index" --quiet --wait 60 "$batches/$next_batch.jsonl" 2>>"$work/writer-errors" &
  elif ((op < 8)); then
    kind=1
    shuf -n 5 --random-source=<(yes "$k") "$work/committed" | sort >"$work/pending"
    # shellcheck disable=SC2046
    "$attache" delete --index "$index" --wait 60 $(cat "$work/pending") 2>>"$work/writer-errors" &
  else
    kind=2
    "$attache" optimize --index "$index" --wait 60 2>>"$work/writer-errors" &
  fi
  writer=$!
  # A random moment within the run (most take 20-300 ms here).
  sleep "0.$(printf '%03d' $((RANDOM % 250)))"
  kill -9 "$writer" 2>/dev/null || true
  status=0
  wait "$writer" 2>/dev/null || status=$?
  if ((status == 0)); then finished=$((finished + 1)); fi
  counts[kind]=$((counts[kind] + 1))

  if ! "$attache" check --index "$index" >"$work/check" 2>&1; then
    echo "soak: kill $k: check failed:" >&2; cat "$work/check" >&2; exit 1
  fi
  live_ids >"$work/live"
  case $kind in
    0) sort -m "$work/committed" "$work/pending" >"$work/with" ;;
    1) comm -23 "$work/committed" "$work/pending" >"$work/with" ;;
    2) cp "$work/committed" "$work/with" ;;
  esac
  if cmp -s "$work/live" "$work/with"; then
    cp "$work/with" "$work/committed"
    ((kind == 0)) && next_batch=$((next_batch + 1))
  elif ! cmp -s "$work/live" "$work/committed" || ((status == 0)); then
    echo "soak: kill $k (operation $kind, status $status): the index holds other articles than committed:" >&2
    diff "$work/committed" "$work/live" | head -20 >&2
    exit 1
  fi
  if [ -s "$work/reader-errors" ]; then
    echo "soak: kill $k: a reader failed:" >&2; head -20 "$work/reader-errors" >&2; exit 1
  fi
done
echo "soak: $kills kills (index ${counts[0]}, delete ${counts[1]}, optimize ${counts[2]}; $finished finished before" \
     "their kill), $(wc -l <"$work/committed") articles committed, none lost; readers never failed"
