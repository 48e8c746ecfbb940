#!/usr/bin/env bash
# Measures the crux CLI end to end: the figures of docs/performance.md, in one run.
#
#   scripts/bench-cli.sh [--runs N] [--only PARTS] [CORPUS.jsonl|FOLDER]
#
# PARTS is a comma-separated subset of (default: all but callgrind)
#   corpus     the corpus with JSON Lines out, one thread and every core: wall, CPU, MB/s,
#              MB per CPU second, articles/s, peak RSS (/usr/bin/time); best of N runs
#   vader      Python VADER (vaderSentiment 3.3.2, polarity_scores of every sentence, see
#              scripts/bench_peers.py) over the same corpus in the same run, and crux's ratio
#              to it per CPU second; the script makes target/venv-vader with pip if needed
#   article    one article, start-up included: the median and best wall time of 30 runs
#   documents  one document of 1, 10, 50 and 100 MB made of the corpus's texts, one after
#              another as paragraphs: wall, CPU and peak RSS, and peak RSS over the size
#   callgrind  instructions per byte by stage (valgrind --tool=callgrind) over the first 100
#              records; the release profile keeps line tables, so stages show by name
#
# The corpus is a JSON Lines file of {"id", "text"} records or a folder of articles. Without
# one, the script writes the texts of PolNeAR (../shared/corpora/polnear.jsonl, first annotator,
# one record per article) to a temporary file: generated at run time, never kept in the repo.
# CRUX_BIN=PATH measures that binary instead of building target/release/crux (to compare two
# builds in one session). MB are 10^6 bytes of article text (not of the JSON around it). On a machine shared with other
# work, wall time measures the share of the cores crux got; MB per CPU second is the speed per
# core, and the one to compare.
set -euo pipefail
runs=3
only=corpus,vader,article,documents
while [ $# -gt 0 ]; do
  case $1 in
    --runs) runs=$2; shift 2 ;;
    --only) only=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) break ;;
  esac
done
cd "$(dirname "$0")/.."
root=$PWD
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
want() { [[ ",$only," == *",$1,"* ]]; }

corpus=${1:-}
if [ -z "$corpus" ]; then
  source_file=${CRUX_POLNEAR:-../shared/corpora/polnear.jsonl}
  corpus=$tmp/polnear_texts.jsonl
  python3 -c '
import json, sys
seen = set()
with open(sys.argv[1], encoding="utf-8") as f, open(sys.argv[2], "w", encoding="utf-8") as out:
    for r in map(json.loads, f):
        if r["article"] not in seen:
            seen.add(r["article"])
            out.write(json.dumps({"id": r["article"], "text": r["text"]}) + "\n")' "$source_file" "$corpus"
fi

if [ -n "${CRUX_BIN:-}" ]; then
  bin=$(realpath "$CRUX_BIN")
else
  cargo build --release -p crux-cli --quiet
  bin=$root/target/release/crux
fi
if [ -d "$corpus" ]; then
  read -r bytes articles < <(find "$corpus" -type f \( -name '*.txt' -o -name '*.md' -o -name '*.html' \) -printf '%s\n' |
    awk '{s+=$1; n++} END {print s+0, n+0}')
  args=("$corpus")
  jsonl=$tmp/corpus.jsonl
  python3 -c '
import json, pathlib, sys
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for p in sorted(pathlib.Path(sys.argv[1]).rglob("*")):
        if p.suffix in (".txt", ".md", ".html") and p.is_file():
            out.write(json.dumps({"id": str(p), "text": p.read_text(encoding="utf-8", errors="replace")}) + "\n")' "$corpus" "$jsonl"
else
  read -r bytes articles < <(python3 -c '
import json, sys
texts = [json.loads(l)["text"] for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
print(sum(len(t.encode()) for t in texts), len(texts))' "$corpus")
  args=("$corpus" --input-format jsonl)
  jsonl=$corpus
fi
cores=$(nproc)
mb=$(awk -v b="$bytes" 'BEGIN {printf "%.2f", b/1e6}')
echo "corpus: $corpus, $articles articles, $mb MB of text; $cores cores; load average $(cut -d' ' -f1-3 /proc/loadavg); commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"

# best_of N CMD...: runs CMD N times under /usr/bin/time (its figures to a file, the
# command's output discarded) and prints "wall cpu rss_kb" of the run with the least CPU time.
best_of() {
  local n=$1; shift
  local best_cpu="" best=""
  for _ in $(seq "$n"); do
    local line secs user sys kb cpu
    line=$( /usr/bin/time -f '%e %U %S %M' -o "$tmp/time" "$@" >/dev/null 2>&1; tail -n 1 "$tmp/time")
    read -r secs user sys kb <<<"$line"
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN {print u + s}')
    if [ -z "$best_cpu" ] || awk -v a="$cpu" -v b="$best_cpu" 'BEGIN {exit !(a < b)}'; then
      best_cpu=$cpu; best="$secs $cpu $kb"
    fi
  done
  echo "$best"
}

crux_cpu=""
if want corpus || want vader; then
  echo
  echo "## corpus, JSON Lines out (best of $runs by CPU time)"
  for threads in 1 "$cores"; do
    read -r secs cpu kb < <(best_of "$runs" "$bin" analyze "${args[@]}" --format jsonl --threads "$threads")
    [ "$threads" = 1 ] && crux_cpu=$cpu
    awk -v t="$threads" -v b="$bytes" -v n="$articles" -v s="$secs" -v c="$cpu" -v k="$kb" 'BEGIN {
      printf "crux, threads %2d: wall %.2f s, %.1f MB/s, %.0f articles/s; CPU %.2f s, %.1f MB per CPU second; peak RSS %.1f MB\n",
        t, s, (s > 0 ? b/1e6/s : 0), (s > 0 ? n/s : 0), c, (c > 0 ? b/1e6/c : 0), k/1024 }'
  done
fi

if want vader; then
  venv=$root/target/venv-vader
  if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import vaderSentiment' 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet vaderSentiment==3.3.2
  fi
  read -r secs cpu kb < <(best_of "$runs" "$venv/bin/python" scripts/bench_peers.py vader "$jsonl")
  awk -v b="$bytes" -v s="$secs" -v c="$cpu" -v k="$kb" -v x="$crux_cpu" 'BEGIN {
    printf "VADER (Python, one thread): wall %.2f s; CPU %.2f s, %.2f MB per CPU second; peak RSS %.1f MB\n", s, c, b/1e6/c, k/1024
    printf "crux (one thread) / VADER, per CPU second: %.1fx\n", c/x }'
fi

if want article; then
  echo
  article=${CRUX_ARTICLE:-tests/fixtures/articles/lawfare-2011-08-07-us-mexico-cartels.txt}
  python3 - "$bin" "$article" <<'EOF'
import os, statistics, subprocess, sys, time
binary, article = sys.argv[1], sys.argv[2]
walls, cpus, rss = [], [], []
for i in range(31):
    start = time.perf_counter()
    p = subprocess.Popen([binary, "analyze", article, "--format", "json"], stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - start
    if i:  # the first run warms the caches
        walls.append(wall); cpus.append(usage.ru_utime + usage.ru_stime); rss.append(usage.ru_maxrss)
print("## one article, start-up included (%s, %d bytes; 30 runs)" % (os.path.basename(article), os.path.getsize(article)))
print("wall median %.2f ms, best %.2f ms; CPU median %.2f ms; peak RSS %.1f MB"
      % (1e3 * statistics.median(walls), 1e3 * min(walls), 1e3 * statistics.median(cpus), max(rss) / 1024))
EOF
fi

if want documents; then
  echo
  echo "## one document (the corpus's texts one after another), JSON out, one run each"
  for size in 1 10 50 100; do
    doc=$tmp/doc-$size.txt
    python3 - "$jsonl" "$doc" "$size" <<'EOF'
import json, sys
texts = [json.loads(l)["text"].strip() for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
size = int(sys.argv[3]) * 1_000_000
with open(sys.argv[2], "w", encoding="utf-8") as out:
    written, i = 0, 0
    while written < size:
        t = texts[i % len(texts)] + "\n\n"
        out.write(t)
        written += len(t.encode())
        i += 1
EOF
    read -r secs cpu kb < <(best_of 1 "$bin" analyze "$doc" --format json --max-bytes 1G --threads 1)
    docbytes=$(stat -c %s "$doc")
    awk -v m="$size" -v d="$docbytes" -v s="$secs" -v c="$cpu" -v k="$kb" 'BEGIN {
      printf "%3d MB: wall %.2f s, CPU %.2f s, %.1f MB per CPU second; peak RSS %.0f MB, %.1f x the document\n",
        m, s, c, (c > 0 ? d/1e6/c : 0), k/1024, k*1024/d }'
    rm -f "$doc"
  done
fi

if want callgrind; then
  echo
  head -n 100 "$jsonl" >"$tmp/slice.jsonl"
  slice_bytes=$(python3 -c '
import json, sys
print(sum(len(json.loads(l)["text"].encode()) for l in open(sys.argv[1], encoding="utf-8") if l.strip()))' "$tmp/slice.jsonl")
  valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.out" \
    "$bin" analyze "$tmp/slice.jsonl" --input-format jsonl --format jsonl --threads 1 >/dev/null 2>"$tmp/cg.log"
  callgrind_annotate --inclusive=yes "$tmp/cg.out" >"$tmp/cg.txt" 2>/dev/null
  echo "## instructions per byte by stage (callgrind, first 100 records, $slice_bytes bytes; inclusive)"
  total=$(grep -m1 'PROGRAM TOTALS' "$tmp/cg.txt" | awk '{gsub(",", "", $1); print $1}')
  awk -v b="$slice_bytes" -v t="$total" 'BEGIN { printf "%-58s %7.1f\n", "whole run", t/b }'
  for stage in \
    'crux_report::load_lexicon|start-up: loading the lexicons' \
    'crux_parser::parse_(as|extracted) |parser, all its stages' \
    'crux_parser::prepare |  reading, paragraphs, sentences, tokens' \
    'crux_parser::read::text::blocks|  reading the text into blocks' \
    'crux_parser::sentences::split_sentences|  sentence splitting' \
    'crux_parser::quotes::find|  quotes' \
    'crux_parser::caveats::find|  caveats' \
    'crux_parser::claims::find|  claims' \
    'crux_analysis::analyze_with|analysis' \
    'crux_analysis::assess::assessments|  assessments' \
    'crux_analysis::weigh::weigh|  weighing' \
    'crux_cli::Batches::write|JSON output (and writing it)' \
    'crux_parser::words::Tokens as core::iter::traits::iterator::Iterator>::next|tokenising, every caller' \
    'malloc.c:malloc |malloc (inside the above)' \
    'malloc.c:_int_free |free (inside the above)'; do
    fn=${stage%|*}; label=${stage##*|}
    n=$(grep -E "$fn" "$tmp/cg.txt" | awk -v f="$fn" '{gsub(",", "", $1); if ($1 + 0 > m) m = $1 + 0} END {print m + 0}')
    awk -v b="$slice_bytes" -v n="$n" -v l="$label" 'BEGIN { printf "%-58s %7.1f\n", l, n/b }'
  done
fi
