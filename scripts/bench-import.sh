#!/usr/bin/env bash
# Benchmark `cloudplan prices import` on a generated 1,000,000-row AmazonEC2 offer CSV and compare
# with polars and pandas doing the same read-and-filter (scripts/bench_dataframes.py).
# Reports wall time, rows/s and peak RSS (/usr/bin/time -v) of REPS rounds (default 3; each round
# runs every tool back to back) and the medians. Targets: faster than polars, peak RSS <= 300 MB.
# Usage: [REPS=N] scripts/bench-import.sh [ROWS] [WORKDIR]
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

REPS=${REPS:-3}
VENV="$WORK/venv"
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet polars pandas || echo "pip install failed (no PyPI access?): skipping polars/pandas"
fi
TOOLS="cloudplan"
for lib in polars pandas; do
  "$VENV/bin/python" -c "import $lib" 2>/dev/null && TOOLS="$TOOLS $lib"
done

run_tool() { # tool → command
  case $1 in
    cloudplan) rm -rf "$WORK/out"; echo "$CLOUDPLAN" prices import "$CSV" --out "$WORK/out" ;;
    *) echo "$VENV/bin/python" "$ROOT/scripts/bench_dataframes.py" "$1" "$CSV" ;;
  esac
}

# REPS rounds; in each round every tool runs once, back to back (same machine load).
: >"$WORK/results.tsv"
for rep in $(seq 1 "$REPS"); do
  for tool in $TOOLS; do
    log="$WORK/$tool.time"
    # shellcheck disable=SC2046
    if ! /usr/bin/time -v $(run_tool "$tool") >"$WORK/$tool.out" 2>"$log"; then
      echo "$tool: failed"; tail -5 "$log"; continue
    fi
    wall=$(grep "Elapsed (wall clock)" "$log" | awk '{print $NF}')
    rss=$(grep "Maximum resident set size" "$log" | awk '{print $NF}')
    secs=$(python3 -c "p='$wall'.split(':'); print(sum(float(x)*60**i for i,x in enumerate(reversed(p))))")
    printf '%s\t%s\t%s\t%s\n' "$tool" "$rep" "$secs" "$rss" >>"$WORK/results.tsv"
    printf 'round %s %-10s wall %6.2f s  peak RSS %7.1f MB\n' "$rep" "$tool" "$secs" "$(python3 -c "print($rss/1024)")"
  done
done
grep -E "rows read|written" "$WORK/cloudplan.out" || true
for lib in $TOOLS; do [ "$lib" = cloudplan ] || echo "  $lib kept rows: $(cat "$WORK/$lib.out")"; done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$WORK/results.tsv" "$ROWS" <<'PY'
import statistics, sys
rows = [l.split("\t") for l in open(sys.argv[1]).read().splitlines()]
n = int(sys.argv[2])
print(f"| tool | runs | median wall (s) | rows/s | median peak RSS (MB) |")
print(f"|---|---|---|---|---|")
for tool in dict.fromkeys(r[0] for r in rows):
    w = [float(r[2]) for r in rows if r[0] == tool]
    m = [float(r[3]) / 1024 for r in rows if r[0] == tool]
    med = statistics.median(w)
    print(f"| {tool} | {len(w)} | {med:.2f} | {n/med:,.0f} | {statistics.median(m):.1f} |")
PY
