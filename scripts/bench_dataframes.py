#!/usr/bin/env python3
"""The same read-and-filter as `cloudplan prices import` for EC2 instances, in polars or pandas.

usage: bench_dataframes.py polars|pandas FILE.csv — prints the number of rows kept.
Skips the five metadata lines, reads the header by name, keeps Linux / Shared / no pre-installed
software / capacity Used / RunInstances / USD rows of product family Compute Instance.
"""
import sys

lib, path = sys.argv[1], sys.argv[2]
cols = ["SKU", "OfferTermCode", "RateCode", "TermType", "StartingRange", "EndingRange", "Unit",
        "PricePerUnit", "Currency", "LeaseContractLength", "PurchaseOption", "OfferingClass",
        "Product Family", "Instance Type", "vCPU", "Memory", "Processor Architecture", "Tenancy",
        "Operating System", "License Model", "usageType", "operation", "CapacityStatus",
        "Pre Installed S/W", "MarketOption", "Region Code"]
if lib == "polars":
    import polars as pl
    df = pl.read_csv(path, skip_rows=5, columns=cols, infer_schema_length=0)
    kept = df.filter((pl.col("Product Family") == "Compute Instance") & (pl.col("Operating System") == "Linux")
                     & (pl.col("Tenancy") == "Shared") & (pl.col("Pre Installed S/W") == "NA")
                     & (pl.col("CapacityStatus") == "Used") & (pl.col("operation") == "RunInstances")
                     & (pl.col("Currency") == "USD"))
else:
    import pandas as pd
    df = pd.read_csv(path, skiprows=5, usecols=cols, dtype=str, keep_default_na=False)
    kept = df[(df["Product Family"] == "Compute Instance") & (df["Operating System"] == "Linux")
              & (df["Tenancy"] == "Shared") & (df["Pre Installed S/W"] == "NA")
              & (df["CapacityStatus"] == "Used") & (df["operation"] == "RunInstances")
              & (df["Currency"] == "USD")]
print(len(kept))
