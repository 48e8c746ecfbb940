#!/usr/bin/env bash
# Runs each fuzz target in turn for SECONDS seconds (default 600), at the lowest priority, on
# the stable toolchain: `-s none` (no sanitizer; crux is forbid(unsafe_code), so a panic is
# what there is to find), `-O -a` (optimised, with debug assertions: an integer overflow or
# underflow panics instead of wrapping). With `-s none` cargo-fuzz 0.13 passes only stable
# rustc flags; RUSTC_BOOTSTRAP=1 is set all the same, for older versions that passed -Z flags.
# Needs `cargo install cargo-fuzz`.
#
#   scripts/fuzz-run.sh [SECONDS] [TARGET...]     # logs in fuzz/logs/, crashes in fuzz/artifacts/
#
# New inputs go to fuzz/corpus/<target> (not committed); the committed seeds are read from
# fuzz/seeds/<target>. libFuzzer runs in fork mode (one worker) and goes on after a crash, a
# timeout or running out of memory, so that one known failure does not end the run; each is
# kept in fuzz/artifacts/<target>/: once fixed, copy it to fuzz/regressions/<target>/ so that
# `cargo test --workspace` replays it.
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
  RUSTC_BOOTSTRAP=1 nice -n 19 cargo fuzz run -s none -O -a "$t" "corpus/$t" "seeds/$t" -- \
    -dict=crux.dict -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
    -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
    -max_total_time="$seconds" -print_final_stats=1 >"logs/$t.log" 2>&1
  status=$?
  # The last status line: "#<executions>: cov: ... corp: ... exec/s: ... crash: ...".
  echo "   exit $status; $(grep -E '^#[0-9]+: cov' "logs/$t.log" | tail -n 1)"
  ls "artifacts/$t" 2>/dev/null | sed 's/^/   artifact: /'
done
