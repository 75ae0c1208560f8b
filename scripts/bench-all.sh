#!/usr/bin/env bash
# Every performance figure the issues ask for, in one run, as one table (stdout and
# target/bench-summary.md) so releases can be compared:
#   1. the release build;
#   2. every criterion bench (benches/*.rs: estimate, frame, compare, scaling, forecast, import);
#   3. scripts/bench-import.sh (1,000,000-row EC2 offer CSV; cloudplan vs polars and pandas,
#      wall time and peak RSS; it pip-installs polars/pandas into a venv the first time);
#   4. the cold start: CLOUDPLAN_STARTUP_PROBE=1 target/release/cloudplan under Xvfb, 3 runs.
# Criterion figures are read from target/criterion/**/new/{benchmark,estimates}.json written by
# this run (older results are ignored), never scraped from its text output.
# Usage: scripts/bench-all.sh   (takes a while: 40 minutes on a loaded 2-core machine, most of it
#        the release build of the benches)
# Env: BENCH_IMPORT_ROWS (default 1000000), BENCH_IMPORT_DIR (bench-import.sh's work dir),
#      SKIP_IMPORT=1 / SKIP_COLD_START=1 to leave those parts out (rows then read "not run").
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
LOG=target/bench-all
mkdir -p "$LOG"
STAMP="$LOG/started"
touch "$STAMP"
sleep 1 # criterion files written this run are strictly newer than the stamp

echo "== release build"
cargo build --release --bin cloudplan

echo "== criterion benches"
for b in estimate frame compare scaling forecast import; do
  echo "-- cargo bench --bench $b"
  if ! cargo bench --bench "$b" >"$LOG/criterion-$b.log" 2>&1; then
    tail -20 "$LOG/criterion-$b.log"
    echo "cargo bench --bench $b failed (log: $LOG/criterion-$b.log)" >&2
  fi
  grep -E -B1 "^ +time:" "$LOG/criterion-$b.log" | grep -v "^--$" || true
done

ROWS=${BENCH_IMPORT_ROWS:-1000000}
IMPORT_DIR=${BENCH_IMPORT_DIR:-${TMPDIR:-/tmp}/cloudplan-bench-import}
if [ -z "${SKIP_IMPORT:-}" ]; then
  echo "== import: scripts/bench-import.sh $ROWS $IMPORT_DIR"
  mkdir -p "$IMPORT_DIR"
  rm -f "$IMPORT_DIR"/{cloudplan,polars,pandas}.time # no stale figure can reach the table
  CLOUDPLAN="$ROOT/target/release/cloudplan" scripts/bench-import.sh "$ROWS" "$IMPORT_DIR" \
    2>&1 | tee "$LOG/import.log"
fi

COLD="$LOG/cold-start.log"
: >"$COLD"
if [ -z "${SKIP_COLD_START:-}" ]; then
  echo "== cold start (CLOUDPLAN_STARTUP_PROBE=1 under Xvfb, 3 runs)"
  if ! command -v xvfb-run >/dev/null; then
    if [ "$(id -u)" -eq 0 ]; then
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends xvfb xauth >/dev/null
    else
      echo "xvfb-run missing (run as root to install it with apt-get): cold start not measured" >&2
    fi
  fi
  if command -v xvfb-run >/dev/null; then
    # A private config dir: no recovery file, no saved window size.
    XDG_DATA_HOME=$(mktemp -d)
    export XDG_DATA_HOME XDG_CONFIG_HOME="$XDG_DATA_HOME"
    unset WAYLAND_DISPLAY
    for _ in 1 2 3; do
      CLOUDPLAN_STARTUP_PROBE=1 timeout 60 xvfb-run -a -s "-screen 0 1400x900x24" \
        target/release/cloudplan 2>&1 | grep "first frame" | tee -a "$COLD" || true
    done
    rm -rf "$XDG_DATA_HOME"
  fi
fi

python3 scripts/bench_summary.py "$STAMP" "$IMPORT_DIR" "$COLD" target/bench-summary.md
