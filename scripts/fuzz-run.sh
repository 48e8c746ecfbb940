#!/usr/bin/env bash
# Runs each fuzz target in turn for SECONDS seconds (default 600), at the lowest priority, on
# the stable toolchain: `-s none` (no sanitizer; safe Rust needs none) and RUSTC_BOOTSTRAP=1
# for the few unstable flags cargo-fuzz passes. Needs `cargo install cargo-fuzz`.
#
#   scripts/fuzz-run.sh [SECONDS] [TARGET...]     # logs in fuzz/logs/, crashes in fuzz/artifacts/
#
# New inputs go to fuzz/corpus/<target> (not committed); the committed seeds are read from
# fuzz/seeds/<target>. A crash stops that target and is kept in fuzz/artifacts/<target>/:
# copy it to fuzz/regressions/<target>/ so that `cargo test --workspace` replays it.
set -uo pipefail
cd "$(dirname "$0")/../fuzz"
seconds=${1:-600}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(pipeline read_html read_markdown read_text)
fi
mkdir -p logs
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t" "seeds/$t"
  echo "== $t: ${seconds}s from $(date -u +%H:%M:%S)"
  RUSTC_BOOTSTRAP=1 nice -n 19 cargo fuzz run -s none -O "$t" "corpus/$t" "seeds/$t" -- \
    -dict=crux.dict -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
    -max_total_time="$seconds" -print_final_stats=1 >"logs/$t.log" 2>&1
  echo "   exit $?; $(grep -E '^Done|stat::number_of_executed_units' "logs/$t.log" | tr '\n' ' ')"
done
