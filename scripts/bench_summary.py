#!/usr/bin/env python3
"""One table of every performance figure, for scripts/bench-all.sh.

Reads criterion's target/criterion/**/new/{benchmark,estimates}.json (only files newer than the
run's stamp), the /usr/bin/time -v logs of scripts/bench-import.sh and the cold-start probe lines,
prints a Markdown table and writes it to OUT.
Usage: bench_summary.py STAMP IMPORT_DIR COLD_START_LOG OUT.md
"""
import json
import os
import re
import sys
from datetime import datetime, timezone

stamp, import_dir, cold_log, out = sys.argv[1:5]
since = os.path.getmtime(stamp)

# criterion results of this run: full_id -> (mean ns, lower, upper)
crit = {}
for root, _dirs, files in os.walk("target/criterion"):
    if os.path.basename(root) != "new" or "estimates.json" not in files:
        continue
    est_path = os.path.join(root, "estimates.json")
    if os.path.getmtime(est_path) < since:
        continue
    with open(os.path.join(root, "benchmark.json")) as f:
        full_id = json.load(f)["full_id"]
    with open(est_path) as f:
        mean = json.load(f)["mean"]
    ci = mean["confidence_interval"]
    crit[full_id] = (mean["point_estimate"], ci["lower_bound"], ci["upper_bound"])


def duration(ns):
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= scale:
            return f"{ns / scale:.3g} {unit}"
    return f"{ns:.3g} ns"


rows = []  # (figure, measured, target, verdict)


def criterion_row(figure, full_id, target_ns=None, target_text="reported"):
    r = crit.get(full_id)
    if r is None:
        rows.append((figure, "not run", target_text, "—"))
        return
    mean, lo, hi = r
    measured = f"{duration(mean)} (95% CI {duration(lo)}–{duration(hi)})"
    if target_ns is None:
        rows.append((figure, measured, "reported", "—"))
    else:
        rows.append((figure, measured, target_text, "met" if mean <= target_ns else "NOT met"))


MS = 1e6
criterion_row("estimate 10,000 items, aggregate tiers", "estimate 10,000 items (aggregate tiers)", 5 * MS, "≤ 5 ms")
criterion_row("estimate 10,000 items, per-item tiers", "estimate 10,000 items (per-item tiers)", 5 * MS, "≤ 5 ms")
criterion_row("estimate 10,000 items, including drop", "estimate 10,000 items (aggregate tiers, including drop)")
criterion_row("frame, Plan tab, 10,000 items", "frame_plan_tab_10k_items", 4 * MS, "≤ 4 ms")
criterion_row("frame, Estimate tab, 10,000 items", "frame_estimate_tab_10k_items", 4 * MS, "≤ 4 ms")

# cold start: "cloudplan: first frame 243.1 ms after start ..."
colds = []
if os.path.exists(cold_log):
    with open(cold_log) as f:
        colds = [float(m.group(1)) for m in re.finditer(r"first frame ([0-9.]+) ms", f.read())]
if colds:
    med = sorted(colds)[len(colds) // 2]
    runs = " / ".join(f"{c:.0f}" for c in colds)
    rows.append(("cold start to first frame (Xvfb, median of runs)", f"{med:.0f} ms ({runs} ms)", "≤ 0.5 s",
                 "met" if med <= 500 else "NOT met"))
else:
    rows.append(("cold start to first frame (Xvfb)", "not run", "≤ 0.5 s", "—"))

criterion_row("open 10,000 items + 100 Auto Scaling groups × 36 months: first estimate",
              "open/first estimate: 10,000 items + 100 groups x 36 months @ 1 h", 100 * MS, "≤ 100 ms")
criterion_row("edit one item of that plan: updated estimate",
              "open/edit one item: 10,000 items + 100 groups", 16 * MS, "≤ 16 ms")
criterion_row("edit one group of that plan: updated estimate",
              "open/edit one group: 10,000 items + 100 groups", 16 * MS, "≤ 16 ms")
criterion_row("scaling 100 groups × 36 months @ 1 h, bills (bill_many, all cores)",
              "scaling: 100 groups x 36 months @ 1 h (bill_many: all cores, reused buffers)")
criterion_row("scaling 100 groups × 36 months @ 1 h, one by one with series (run, 1 core)",
              "scaling: 100 groups x 36 months @ 1 h (demand + simulate + bill)")
criterion_row("scaling 100 groups × 36 months @ 1 h (run_many, all cores)",
              "scaling: 100 groups x 36 months @ 1 h (run_many, all cores)")
criterion_row("scaling 100 groups × 36 months @ 1 h (simulate only)",
              "scaling: 100 groups x 36 months @ 1 h (simulate only)")
criterion_row("scaling 1 group × 1 year @ 1 min", "scaling-minute/scaling: 1 group x 1 year @ 1 min (per-step records kept)")
criterion_row("forecast 36 months, 10,000 items", "forecast/project_36_months_10k_items")
criterion_row("forecast 36 months, 10,000 items, item window", "forecast/project_36_months_10k_items_item_window")
criterion_row("Holt-Winters (multiplicative) fit, 144 points", "models/holt_winters_mul_fit_144")
criterion_row("model selection (all models), 144 points", "models/select_all_models_144")
criterion_row("compare default plan, 36 months", "compare_default_plan_36m")
criterion_row("compare 1,000 items, 36 months", "compare_plan_1000_items_36m")
criterion_row("RI count optimiser, 8,760 h", "optimise_ri_count_8760h")
criterion_row("Savings Plan optimiser, 8,760 h × 4 buckets", "optimise_savings_plan_8760h_4_buckets")
criterion_row("import EC2 offer CSV (criterion, in memory)", "import/ec2_csv")


def gnu_time(name):
    """(wall seconds, peak RSS MB) from a /usr/bin/time -v log, or None."""
    path = os.path.join(import_dir, f"{name}.time")
    if not os.path.exists(path) or os.path.getmtime(path) < since:
        return None
    text = open(path).read()
    wall = re.search(r"Elapsed \(wall clock\) time.*: (\S+)", text)
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
    if not wall or not rss:
        return None
    secs = sum(float(x) * 60 ** i for i, x in enumerate(reversed(wall.group(1).split(":"))))
    return secs, int(rss.group(1)) / 1024


rows_n = int(os.environ.get("BENCH_IMPORT_ROWS", "1000000"))
cp, pl, pd = gnu_time("cloudplan"), gnu_time("polars"), gnu_time("pandas")
if cp:
    rate = f"{rows_n / max(cp[0], 1e-9):,.0f} rows/s"
    if pl:
        rows.append((f"prices import {rows_n:,}-row EC2 CSV: wall time", f"{cp[0]:.2f} s ({rate})",
                     f"faster than polars ({pl[0]:.2f} s)", "met" if cp[0] < pl[0] else "NOT met"))
    else:
        rows.append((f"prices import {rows_n:,}-row EC2 CSV: wall time", f"{cp[0]:.2f} s ({rate})",
                     "faster than polars (polars not run)", "—"))
    rows.append((f"prices import {rows_n:,}-row EC2 CSV: peak RSS", f"{cp[1]:.0f} MB", "≤ 300 MB",
                 "met" if cp[1] <= 300 else "NOT met"))
else:
    rows.append(("prices import 1M-row EC2 CSV", "not run", "faster than polars, ≤ 300 MB", "—"))
for name, r in (("polars", pl), ("pandas", pd)):
    if r:
        rows.append((f"{name} read + filter, same CSV", f"{r[0]:.2f} s, peak RSS {r[1]:.0f} MB", "reference", "—"))

when = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
lines = [
    f"# cloudplan performance figures ({when}, `scripts/bench-all.sh`)",
    "",
    "Criterion figures are the mean with its 95 % confidence interval (target/criterion/*/new/estimates.json).",
    "",
    "| figure | measured | target | verdict |",
    "|---|---|---|---|",
]
lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
text = "\n".join(lines) + "\n"
with open(out, "w") as f:
    f.write(text)
print(text)
print(f"(written to {out})")
