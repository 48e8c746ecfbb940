#!/usr/bin/env bash
# Measures the crux CLI end to end over a corpus: MB/s and peak memory, single-threaded.
#
#   scripts/bench-cli.sh CORPUS.jsonl|FOLDER [RUNS]
#
# A JSON Lines corpus holds {"id", "text"} records (PolNeAR's texts, one per article, serve: see
# docs/performance.md for how to make that file); a folder is searched for article files. Each
# run writes JSON Lines to /dev/null; the best wall time of RUNS (default 3) is reported.
set -euo pipefail
corpus=${1:?usage: scripts/bench-cli.sh CORPUS.jsonl|FOLDER [RUNS]}
runs=${2:-3}
cd "$(dirname "$0")/.."
cargo build --release -p crux-cli --quiet
bin=target/release/crux
if [ -d "$corpus" ]; then
  bytes=$(find "$corpus" -type f \( -name '*.txt' -o -name '*.md' -o -name '*.html' \) -printf '%s\n' | awk '{s+=$1} END {print s}')
  args=("$corpus")
else
  bytes=$(python3 -c 'import json,sys; print(sum(len(json.loads(l)["text"].encode()) for l in open(sys.argv[1]) if l.strip()))' "$corpus")
  args=("$corpus" --input-format jsonl)
fi
best=""
for _ in $(seq "$runs"); do
  out=$( { /usr/bin/time -f '%e %M' "$bin" analyze "${args[@]}" --format jsonl >/dev/null; } 2>&1 | tail -n 1)
  read -r secs kb <<<"$out"
  if [ -z "$best" ] || awk -v a="$secs" -v b="$best" 'BEGIN {exit !(a < b)}'; then best=$secs; rss=$kb; fi
done
awk -v b="$bytes" -v s="$best" -v k="$rss" 'BEGIN {
  printf "%.2f MB in %.2f s: %.1f MB/s, peak RSS %.1f MB\n", b/1e6, s, (s > 0 ? b/1e6/s : 0), k/1024 }'
