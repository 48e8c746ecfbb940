#!/usr/bin/env bash
# Measures the crux CLI end to end over a corpus: MB/s, articles/s and peak memory, on one
# thread and on every core.
#
#   scripts/bench-cli.sh CORPUS.jsonl|FOLDER [RUNS]
#
# A JSON Lines corpus holds {"id", "text"} records (PolNeAR's texts, one per article, serve: see
# docs/performance.md for how to make that file); a folder is searched for article files. Each
# run writes JSON Lines to /dev/null; the best wall time of RUNS (default 3) is reported, with
# the CPU time (user + system) and peak RSS of that run. MB are 10^6 bytes of article text
# (not of the JSON around it). On a machine shared with other work, wall time measures the
# share of the cores crux got; MB per CPU second is the speed per core.
set -euo pipefail
corpus=${1:?usage: scripts/bench-cli.sh CORPUS.jsonl|FOLDER [RUNS]}
runs=${2:-3}
cd "$(dirname "$0")/.."
cargo build --release -p crux-cli --quiet
bin=target/release/crux
if [ -d "$corpus" ]; then
  read -r bytes articles < <(find "$corpus" -type f \( -name '*.txt' -o -name '*.md' -o -name '*.html' \) -printf '%s\n' |
    awk '{s+=$1; n++} END {print s+0, n+0}')
  args=("$corpus")
else
  read -r bytes articles < <(python3 -c '
import json, sys
texts = [json.loads(l)["text"] for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
print(sum(len(t.encode()) for t in texts), len(texts))' "$corpus")
  args=("$corpus" --input-format jsonl)
fi
cores=$(nproc)
echo "corpus: $corpus, $articles articles, $(awk -v b="$bytes" 'BEGIN {printf "%.2f", b/1e6}') MB of text; $cores cores; best of $runs"
for threads in 1 "$cores"; do
  best=""
  for _ in $(seq "$runs"); do
    out=$( { /usr/bin/time -f '%e %U %S %M' "$bin" analyze "${args[@]}" --format jsonl --threads "$threads" >/dev/null; } 2>&1 | tail -n 1)
    read -r secs user sys kb <<<"$out"
    if [ -z "$best" ] || awk -v a="$secs" -v b="$best" 'BEGIN {exit !(a < b)}'; then
      best=$secs; cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN {print u + s}'); rss=$kb
    fi
  done
  awk -v t="$threads" -v b="$bytes" -v n="$articles" -v s="$best" -v c="$cpu" -v k="$rss" 'BEGIN {
    printf "threads %2d: %.2f s, %.1f MB/s, %.0f articles/s; CPU %.2f s, %.1f MB per CPU second; peak RSS %.1f MB\n",
      t, s, (s > 0 ? b/1e6/s : 0), (s > 0 ? n/s : 0), c, (c > 0 ? b/1e6/c : 0), k/1024 }'
done
