#!/usr/bin/env python3
"""Generate a large AmazonEC2-format offer CSV for benchmarking `cloudplan prices import`.

usage: gen_offer_csv.py ROWS OUT.csv

Real 91-column header and preamble (shared/reference-prices/FORMATS.md §1.5, via
tests/fixtures/offers/ec2.csv). Rows are the fixture's rows repeated with a fresh SKU and
instance type per product, so most products are non-Linux / dedicated / reservation rows that the
importer must skip (as in a real file) and about one product in eight is Linux shared and kept.
Prices are the fixture's real figures; the generated instance types (`bench<N>.large`) are not.
"""
import csv, os, sys

rows, out = int(sys.argv[1]), sys.argv[2]
here = os.path.dirname(os.path.abspath(__file__))
src = os.path.join(here, "..", "tests", "fixtures", "offers", "ec2.csv")
with open(src, newline="") as f:
    pre = [next(f) for _ in range(5)]
    r = csv.reader(f)
    header = next(r)
    data = list(r)
ci = {h: i for i, h in enumerate(header)}
m5 = [d for d in data if d[ci["SKU"]] == "6C86BEPQVG73ZGGR"]  # 21 rows: OD + 12 RI terms
variants = [("Linux", "Shared", "NA", "Used")] + [
    ("Windows", "Shared", "NA", "Used"), ("RHEL", "Shared", "NA", "Used"), ("SUSE", "Shared", "NA", "Used"),
    ("Linux", "Dedicated", "NA", "Used"), ("Linux", "Shared", "SQL Web", "Used"),
    ("Linux", "Shared", "NA", "UnusedCapacityReservation"), ("Windows", "Host", "NA", "Used")]
with open(out, "w", newline="") as f:
    f.writelines(pre)
    w = csv.writer(f, quoting=csv.QUOTE_ALL, lineterminator="\n")
    w.writerow(header)
    n, k = 0, 0
    while n < rows:
        os_, ten, sw, cap = variants[k % len(variants)]
        sku = f"BENCH{k:011d}"
        itype = f"bench{k}.large"
        for d in m5:
            if n >= rows:
                break
            d = d[:]
            d[ci["SKU"]] = sku
            d[ci["RateCode"]] = sku + d[ci["RateCode"]][16:]
            d[ci["Instance Type"]] = itype
            d[ci["usageType"]] = "BoxUsage:" + itype
            d[ci["Operating System"]] = os_
            d[ci["Tenancy"]] = ten
            d[ci["Pre Installed S/W"]] = sw
            d[ci["CapacityStatus"]] = cap
            w.writerow(d)
            n += 1
        k += 1
