#!/usr/bin/env bash
# Crash soak: kills `attache index`, `attache delete` and `attache optimize`
# with SIGKILL at random moments N times while readers keep searching, and
# after every kill checks the index (`attache check`) and that it holds
# exactly the committed articles: every batch whose run finished, the batch in
# flight wholly or not at all, and no article whose deletion finished. Any
# reader failure fails the soak.
#   tools/soak.sh N [SEED]
# It runs build/tools/attache (with attache-full, which it runs for index) and
# attache-gen (tools/setup.sh builds them), copied first, so a rebuild during a
# long soak does not change them.
set -euo pipefail
trap 'echo "soak: failed at line $LINENO" >&2' ERR
cd "$(dirname "$0")/.."
[ $# -ge 1 ] && [[ "$1" =~ ^[0-9]+$ ]] || { echo "usage: tools/soak.sh N [SEED]" >&2; exit 2; }
kills=$1
RANDOM=${2:-1}
[ -x build/tools/attache ] && [ -x build/tools/attache-full ] && [ -x build/tools/attache-gen ] || { echo "soak: build first (tools/setup.sh test)" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/attache-soak.XXXXXX")
cp build/tools/attache build/tools/attache-full build/tools/attache-gen "$work/"
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

now_ms() { echo $(($(date +%s%N) / 1000000)); }
# True while the process runs (a finished one stays a zombie until waited for).
running() {
  local state=Z
  { read -r _ _ state _ </proc/"$1"/stat; } 2>/dev/null || true
  [ "$state" != Z ]
}
touch "$work/committed"  # ids the index must hold, sorted
started=$(now_ms)
"$attache" index --index "$index" --quiet "$batches/0.jsonl"
# Kills fall at random within 1.5 times how long each operation last took
# when it ran to its end (so roughly a third of the runs finish).
first_run=$(($(now_ms) - started))
windows=($((first_run * 3 / 2)) $((first_run * 3 / 2)) $((first_run * 3 / 2)))
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

# The ids the index holds (none is no match for grep, not a failure).
live_ids() {
  "$attache" export --index "$index" 'date:..9999' 2>/dev/null >"$work/export" || return 1
  { grep -o '^{"id":"[^"]*"' "$work/export" || true; } | cut -d'"' -f4 | sort
}

counts=(0 0 0)  # kills of index, delete, optimize
finished=0
for ((k = 1; k <= kills; k++)); do
  op=$((RANDOM % 10))
  : >"$work/pending"
  if ((op < 7 && next_batch < batch_count)); then
    kind=0
    ids_of "$next_batch" | sort >"$work/pending"
    "$attache" index --index "$index" --quiet --wait 60 "$batches/$next_batch.jsonl" 2>>"$work/writer-errors" &
  elif ((op < 8)) && [ -s "$work/committed" ]; then
    kind=1
    shuf -n 5 --random-source=<(yes "$k") "$work/committed" | sort >"$work/pending"
    # shellcheck disable=SC2046
    "$attache" delete --index "$index" --wait 60 $(cat "$work/pending") 2>>"$work/writer-errors" &
  else
    kind=2
    "$attache" optimize --index "$index" --wait 60 2>>"$work/writer-errors" &
  fi
  writer=$!
  started=$(now_ms)
  delay=$(((RANDOM * 32768 + RANDOM) % (windows[kind] + 1)))
  while running "$writer" && (($(now_ms) - started < delay)); do sleep 0.005; done
  ran=$(($(now_ms) - started))
  kill -9 "$writer" 2>/dev/null || true
  status=0
  wait "$writer" 2>/dev/null || status=$?
  # 137 is our SIGKILL; anything else is the writer failing on its own (a crash, an error).
  if ((status != 0 && status != 137)); then
    echo "soak: kill $k (operation $kind): the writer failed on its own, status $status:" >&2
    tail -5 "$work/writer-errors" >&2
    exit 1
  fi
  if ((status == 0)); then
    finished=$((finished + 1))
    windows[kind]=$((ran * 3 / 2 + 10))
  fi
  counts[kind]=$((counts[kind] + 1))

  if ! "$attache" check --index "$index" >"$work/check" 2>&1; then
    echo "soak: kill $k: check failed:" >&2; cat "$work/check" >&2; exit 1
  fi
  live_ids >"$work/live" || { echo "soak: kill $k: export failed" >&2; exit 1; }
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
  ((k % 100 == 0)) && echo "soak: $k kills, $(wc -l <"$work/committed") articles committed"
  if [ -s "$work/reader-errors" ]; then
    echo "soak: kill $k: a reader failed:" >&2; head -20 "$work/reader-errors" >&2; exit 1
  fi
done
echo "soak: $kills kills (index ${counts[0]}, delete ${counts[1]}, optimize ${counts[2]}; $finished finished before" \
     "their kill), $(wc -l <"$work/committed") articles committed, none lost; readers never failed"
