#!/usr/bin/env bash
# The load test of attache serve (by hand; figures in BENCHMARKS.md): wrk with
# 64 connections for 30 s on a mix of queries, while `attache index` commits
# new articles into the same index every few seconds; then the new articles
# must be visible through the running server, and wrk must report no errors.
#   bench/serve_load.sh build/tools/attache /tmp/bench/w100k/index NEW.jsonl [SECONDS] [CONNECTIONS]
# NEW.jsonl: articles with ids not yet in the index (e.g. attache-gen --seed 2).
# WORDS_ONLY_RUN=1: stop after the one-word queries (nothing is written to the
# index, so it needs no copy; NEW.jsonl is not read). SERVE_ARGS: more options
# for attache serve (e.g. "--threads 4").
set -euo pipefail
attache=$1 index=$2 new=$3 seconds=${4:-30} connections=${5:-64}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT

# shellcheck disable=SC2086  # SERVE_ARGS is split into options on purpose
"$attache" serve --index "$index" --listen 127.0.0.1:0 ${SERVE_ARGS:-} >"$work/serve.out" 2>"$work/serve.err" &
server=$!
for _ in $(seq 50); do grep -q http "$work/serve.out" && break; sleep 0.1; done
url=$(grep -o 'http://[^ ]*' "$work/serve.out")
echo "server at $url"

# The server's CPU time in ms (utime + stime), to tell its own cost from the
# time it waits for a core on a busy machine.
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{print ($14 + $15) * 1000 / hz}' "/proc/$server/stat"; }
per_request() {  # cpu_before wrk_output
  local requests after
  requests=$(grep -o '^requests [0-9]*' <<<"$2" | cut -d' ' -f2)
  after=$(cpu_ms)
  echo "server CPU per request: $(awk -v a="$1" -v b="$after" -v n="$requests" 'BEGIN{printf "%.2f ms", (b - a) / n}')" \
       "(load average before: $load)"
}

# Warm the caches once, then one-word queries alone (no commits).
WORDS_ONLY=1 wrk -t2 -c"$connections" -d5s -s "$here/serve_load.lua" "$url" >/dev/null
echo "== one-word queries, $connections connections, ${seconds}s, no commits"
load=$(cut -d' ' -f1-3 /proc/loadavg) before=$(cpu_ms)
out=$(WORDS_ONLY=1 wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$here/serve_load.lua" "$url")
tail -n 4 <<<"$out"
per_request "$before" "$out"
[ "${WORDS_ONLY_RUN:-0}" = 1 ] && exit 0

# The mix, while batches of new articles are committed.
split -l 200 --additional-suffix=.jsonl "$new" "$work/batch-"
(
  sleep 2
  for batch in "$work"/batch-*; do
    "$attache" index --index "$index" "$batch" 2>>"$work/index.err" || echo "index failed" >>"$work/index.err"
    sleep 3
  done
) &
indexer=$!
echo "== mixed queries, $connections connections, ${seconds}s, attache index committing meanwhile"
load=$(cut -d' ' -f1-3 /proc/loadavg) before=$(cpu_ms)
out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$here/serve_load.lua" "$url")
tail -n 4 <<<"$out"
per_request "$before" "$out"
kill $indexer 2>/dev/null || true
wait $indexer 2>/dev/null || true
grep -c '^indexed [1-9]' "$work/index.err" | sed 's/^/commits made during the run: /'
! grep -q "index failed" "$work/index.err"

# Every committed article is visible without a restart.
last=$(grep -c '^indexed [1-9]' "$work/index.err")
visible=0
for batch in $(ls "$work"/batch-* | head -n "$last"); do
  id=$(head -n1 "$batch" | sed 's/^{"id":"\([^"]*\)".*/\1/')
  curl -sf "$url"api/article/"$id" >/dev/null && visible=$((visible + 1))
done
echo "first article of each committed batch visible through the running server: $visible of $last"
curl -s "$url"api/health; echo
