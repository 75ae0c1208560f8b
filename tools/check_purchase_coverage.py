#!/usr/bin/env python3
"""Check that every Reserved Instance and Spot figure in the reference prices is in pricing-data.

    python3 tools/check_purchase_coverage.py [REFERENCE_DIR] [PRICING_DATA_DIR]

Reads the reference files that carry purchase-option prices (EC2 RI No Upfront, the m5.large
us-east-1 full RI matrix, RDS RIs, EC2 Spot prices, Spot Instance Advisor) and reports every
figure that pricing-data/ lacks or holds with a different value. Exit 1 when anything is
missing. Savings Plans rates are not in the reference data (its README, gap 3), so there is
nothing to check for them. Standard library only.
"""
import csv
import sys
from pathlib import Path

PAY = {"No Upfront": "no_upfront", "Partial Upfront": "partial_upfront", "All Upfront": "all_upfront"}


def main() -> int:
    ref = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/reference-prices")
    data = Path(sys.argv[2] if len(sys.argv) > 2 else "pricing-data")
    have = {}
    for name in ("ec2_reserved.csv", "ec2_spot.csv", "rds_instances.csv"):
        for r in csv.DictReader(open(data / "rates" / name, newline="")):
            key = (r["region"], r["service"], r["product"], r["option"], r["term"], r["payment"], r["offering_class"])
            have[key] = (float(r["usd"]), float(r["upfront_usd"] or 0))
    missing = []
    checked = 0

    def check(key, usd, upfront):
        nonlocal checked
        checked += 1
        got = have.get(key)
        if got is None or (upfront is not None and got != (usd, upfront)) or (upfront is None and got[0] != usd):
            missing.append((key, got, usd, upfront))

    for r in csv.DictReader(open(ref / "ec2_reserved_linux_no_upfront.csv", newline="")):
        check((r["region"], "ec2", r["instance_type"], "reserved", r["lease_contract_length"],
               PAY[r["purchase_option"]], r["offering_class"]), float(r["usd_per_hour"]), float(r["upfront_usd"]))
    for r in csv.DictReader(open(ref / "ec2_reserved_m5large_us-east-1_full_matrix.csv", newline="")):
        if r["term_type"] == "Reserved":
            check((r["region"], "ec2", r["instance_type"], "reserved", r["lease_contract_length"],
                   PAY[r["purchase_option"]], r["offering_class"]), float(r["usd_per_hour"]), float(r["upfront_usd"]))
    for r in csv.DictReader(open(ref / "ec2_spot_prices_linux.csv", newline="")):
        check((r["region"], "ec2", r["instance_type"], "spot", "", "", ""), float(r["spot_usd_per_hour"]), None)
    for r in csv.DictReader(open(ref / "rds_instances.csv", newline="")):
        dep = "single_az" if r["deployment_option"] == "Single-AZ" else "multi_az"
        product = f"{r['engine'].lower()}:{dep}:{r['instance_class']}"
        for term, pay, up, hourly in (
            ("1yr", "no_upfront", None, "ri_1yr_no_upfront_usd_per_hour"),
            ("1yr", "partial_upfront", "ri_1yr_partial_upfront_upfront_usd", "ri_1yr_partial_upfront_usd_per_hour"),
            ("3yr", "partial_upfront", "ri_3yr_partial_upfront_upfront_usd", "ri_3yr_partial_upfront_usd_per_hour"),
        ):
            if r[hourly]:
                check((r["region"], "rds", product, "reserved", term, pay, "standard"),
                      float(r[hourly]), float(r[up]) if up else 0.0)
    advice = {(r["region"], r["instance_type"]): r for r in csv.DictReader(open(data / "spot_advisor.csv", newline=""))}
    for r in csv.DictReader(open(ref / "ec2_spot_advisor.csv", newline="")):
        checked += 1
        a = advice.get((r["region"], r["instance_type"]))
        if a is None or float(a["savings_pct"]) != float(r["savings_pct_vs_on_demand (field s)"]) \
                or a["interruption_band"] != r["interruption_frequency_label"]:
            missing.append((("spot_advisor", r["region"], r["instance_type"]), a, None, None))
    for m in missing:
        print("missing or different:", m)
    print(f"{checked} reference purchase-option figures checked, {len(missing)} missing or different")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
