#!/usr/bin/env bash
# Build every cargo-fuzz target in fuzz/ and run each in turn for SECONDS_PER_TARGET (default 60)
# or FUZZ_RUNS executions (default 10,000,000), whichever comes first,
# starting from the committed seeds (fuzz/seeds/<target>/ copied into fuzz/corpus/<target>/, which
# keeps what earlier runs found). One process per target, one at a time (single core).
# Prints each target's executions, exec/s, time and result; exits 1 if any target failed.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
#
# Needs cargo-fuzz (`cargo install cargo-fuzz`). Stable Rust works: RUSTC_BOOTSTRAP=1 lets
# cargo-fuzz pass its nightly-only flags. FUZZ_SANITIZER=address for ASan (default none: the
# library is safe Rust, so the findings are panics, hangs and OOMs, and none runs faster).
# Crashing inputs land in fuzz/artifacts/<target>/; logs in fuzz/logs/<target>.log.
set -uo pipefail

secs="${1:-60}"
shift $(( $# > 0 ? 1 : 0 ))
cd "$(dirname "$0")/../fuzz" || exit 2
export RUSTC_BOOTSTRAP=1
san="${FUZZ_SANITIZER:-none}"
runs="${FUZZ_RUNS:-10000000}"

if [ $# -gt 0 ]; then targets=("$@"); else mapfile -t targets < <(cargo fuzz list); fi
cargo fuzz build --sanitizer "$san" || exit 2

mkdir -p logs
status=0
printf '%-15s %14s %10s %7s  %s\n' target executions exec/s time result
for t in "${targets[@]}"; do
    mkdir -p "corpus/$t" "artifacts/$t"
    cp -n "seeds/$t/"* "corpus/$t/" 2>/dev/null
    log="logs/$t.log"
    start=$(date +%s)
    cargo fuzz run --sanitizer "$san" "$t" "corpus/$t" -- \
        -max_total_time="$secs" -runs="$runs" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -print_final_stats=1 >"$log" 2>&1
    rc=$?
    elapsed=$(( $(date +%s) - start ))
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    if [ "$rc" -eq 0 ]; then
        result="ok"
    else
        status=1
        kind=$(grep -m1 -oE 'deadly signal|ERROR: libFuzzer: [a-z-]+|panicked at [^ ]+' "$log" || echo "exit $rc")
        artifact=$(grep -m1 -oE 'artifacts/[^ ]+' "$log" || true)
        result="FAILED ($kind) ${artifact}"
    fi
    printf '%-15s %14s %10s %6ss  %s\n' "$t" "${execs:-?}" "${rate:-?}" "$elapsed" "$result"
done
exit "$status"
