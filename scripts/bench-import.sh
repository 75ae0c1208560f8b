#!/usr/bin/env bash
# Benchmark `cloudplan prices import` on a generated 1,000,000-row AmazonEC2 offer CSV and compare
# with polars and pandas doing the same read-and-filter (scripts/bench_dataframes.py).
# Reports wall time, rows/s and peak RSS (/usr/bin/time -v). Targets: faster than polars,
# peak RSS <= 300 MB. Usage: scripts/bench-import.sh [ROWS] [WORKDIR]
# Env: CLOUDPLAN=path/to/binary skips the release build.
set -euo pipefail
ROWS=${1:-1000000}
WORK=${2:-${TMPDIR:-/tmp}/cloudplan-bench-import}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$WORK"
CSV="$WORK/ec2-$ROWS.csv"
if [ ! -s "$CSV" ]; then
  echo "generating $ROWS rows → $CSV"
  python3 "$ROOT/scripts/gen_offer_csv.py" "$ROWS" "$CSV"
fi
ls -lh "$CSV"
if [ -z "${CLOUDPLAN:-}" ]; then
  (cd "$ROOT" && cargo build --release --bin cloudplan)
  CLOUDPLAN="$ROOT/target/release/cloudplan"
fi

measure() { # name, command...
  local name=$1; shift
  local log="$WORK/$name.time"
  /usr/bin/time -v "$@" >"$WORK/$name.out" 2>"$log" || { echo "$name: failed"; tail -5 "$log"; return 0; }
  local wall rss
  wall=$(grep "Elapsed (wall clock)" "$log" | awk '{print $NF}')
  rss=$(grep "Maximum resident set size" "$log" | awk '{print $NF}')
  local secs
  secs=$(python3 -c "p='$wall'.split(':'); print(sum(float(x)*60**i for i,x in enumerate(reversed(p))))")
  printf '%-10s wall %8.2f s  %12.0f rows/s  peak RSS %6.1f MB\n' "$name" "$secs" \
    "$(python3 -c "print($ROWS/max($secs,1e-9))")" "$(python3 -c "print($rss/1024)")"
}

rm -rf "$WORK/out"
measure cloudplan "$CLOUDPLAN" prices import "$CSV" --out "$WORK/out"
grep -E "rows read|written" "$WORK/cloudplan.out" || true

VENV="$WORK/venv"
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet polars pandas || echo "pip install failed (no PyPI access?): skipping polars/pandas"
fi
for lib in polars pandas; do
  if "$VENV/bin/python" -c "import $lib" 2>/dev/null; then
    measure "$lib" "$VENV/bin/python" "$ROOT/scripts/bench_dataframes.py" "$lib" "$CSV"
    echo "  $lib kept rows: $(cat "$WORK/$lib.out")"
  fi
done
