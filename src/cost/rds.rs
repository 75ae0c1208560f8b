//! RDS database instances: instance-hours (Single-AZ or Multi-AZ), storage, provisioned IOPS
//! and throughput, backup storage.
//!
//! Billing rules and sources:
//! * Instance-hours per DB instance (aws.amazon.com/rds/pricing); Multi-AZ deployments are a
//!   separate price (product key `<engine>:multi_az:<class>`), as are Multi-AZ storage, IOPS
//!   and throughput (product `<type>:multi_az`).
//! * Reserved DB instances: recurring hourly × 730 h × count for every hour of the month, the
//!   upfront fee (`count × upfront`) separate, effective hourly = hourly + upfront / term hours.
//! * Storage per GB-month provisioned; io1/io2 charge every provisioned IOPS per IOPS-month.
//! * **gp3** includes a baseline of 3,000 IOPS and 125 MiB/s below 400 GiB of storage, and
//!   12,000 IOPS and 500 MiB/s from 400 GiB (RDS for MySQL and PostgreSQL) — Amazon RDS User
//!   Guide, "Amazon RDS DB instance storage", gp3 storage table (docs.aws.amazon.com/AmazonRDS/
//!   latest/UserGuide/CHAP_Storage.html; confirmed in hashicorp/terraform-provider-aws#28382:
//!   "once you cross over the 400GiB mark, the baseline for IOPS is 12000, rather than 3000").
//!   Only IOPS and throughput above the baseline are charged.
//! * Backup storage up to the provisioned storage is free; `backup_gb` is the part beyond it,
//!   per GB-month (product `backup`).

use super::line::{Ctx, Line};
use crate::catalog::vocab::rds as v;
use crate::catalog::{PriceOption, Reservation};
use crate::cost::CostError;
use crate::plan::{PurchaseOption, RdsDatabase, RdsStorageType};
use crate::units::HOURS_PER_MONTH;
use std::borrow::Cow;

/// gp3 baseline (IOPS, MiB/s) included for `storage_gb` of storage (MySQL, PostgreSQL).
pub fn gp3_baseline(storage_gb: f64) -> (f64, f64) {
    if storage_gb < 400.0 {
        (3000.0, 125.0)
    } else {
        (12_000.0, 500.0)
    }
}

/// Push lines for DB instance-hours (Single- or Multi-AZ), storage, IOPS and throughput above
/// the baseline, and backup storage beyond the free allowance.
pub fn lines<'a>(ctx: &Ctx<'a>, d: &'a RdsDatabase, out: &mut Vec<Line<'a>>) {
    let count = ctx.num(&d.count, "rds.count");
    let hours = ctx.num(&d.hours_per_month, "rds.hours_per_month");
    if hours > HOURS_PER_MONTH {
        ctx.error(
            "rds.hours_per_month",
            format!("at most {HOURS_PER_MONTH} hours in a month (got {hours})"),
        );
    }
    let gb = ctx.num(&d.storage_gb, "rds.storage_gb");
    let iops = ctx.opt(&d.iops, "rds.iops");
    let tput = ctx.opt(&d.throughput_mibps, "rds.throughput_mibps");
    let backup = ctx.opt(&d.backup_gb, "rds.backup_gb");
    let dep = if d.multi_az { "multi_az" } else { "single_az" };
    let dep_name = if d.multi_az { "Multi-AZ" } else { "Single-AZ" };
    let engine = d.engine.as_str();
    let product = Cow::Owned(format!("{engine}:{dep}:{}", d.instance_class));
    match d.purchase {
        PurchaseOption::OnDemand => out.push(
            Line::new(ctx, Cow::Owned(format!("{dep_name} instance hours (On-Demand)")), product, v::INSTANCE_HOURS, count * hours, "h")
                .basis(&[(count, ""), (hours, " h")]),
        ),
        PurchaseOption::Reserved { class, term, payment } => {
            let option = PriceOption::Reserved(Reservation { class, term, payment });
            let mut l = Line::new(ctx, Cow::Owned(format!("{dep_name} instance hours ({option})")), product, v::INSTANCE_HOURS, count * HOURS_PER_MONTH, "h")
                .basis(&[(count, ""), (HOURS_PER_MONTH, " h")])
                .option(option);
            if hours < HOURS_PER_MONTH {
                l = l.note("a reserved DB instance is billed for every hour of the term, used or not");
            }
            l.upfront_units = count;
            l.term = Some(term);
            out.push(l);
        }
        PurchaseOption::Spot => ctx.error("rds.purchase", "RDS has no Spot purchase option"),
        PurchaseOption::SavingsPlan { .. } => ctx.push_error(CostError::MissingPrice {
            item: ctx.item.id.clone(),
            region: ctx.region.to_string(),
            what: format!("Savings Plan rates for RDS {engine} {} (unavailable: Compute and EC2 Instance Savings Plans do not cover RDS, and the catalogue has no Database Savings Plans rates)", d.instance_class),
        }),
    }
    let st = d.storage_type.as_str();
    let sprod: Cow<'a, str> = Cow::Owned(format!("{st}:{dep}"));
    out.push(
        Line::new(
            ctx,
            Cow::Owned(format!("{dep_name} {st} storage")),
            sprod.clone(),
            v::STORAGE,
            count * gb,
            "GB-mo",
        )
        .basis(&[(count, " instances"), (gb, " GB")]),
    );
    match d.storage_type {
        RdsStorageType::Gp3 => {
            let (base_iops, base_tput) = gp3_baseline(gb);
            let extra = (iops - base_iops).max(0.0);
            if extra > 0.0 {
                out.push(
                    Line::new(
                        ctx,
                        "IOPS above the gp3 baseline",
                        sprod.clone(),
                        v::IOPS,
                        count * extra,
                        "IOPS-mo",
                    )
                    .basis(&[(count, " instances"), (extra, " IOPS")])
                    .note(Cow::Owned(format!(
                        "gp3 includes {} IOPS at {} GB",
                        super::fmt_qty(base_iops),
                        super::fmt_qty(gb)
                    ))),
                );
            }
            let extra_t = (tput - base_tput).max(0.0);
            if extra_t > 0.0 {
                out.push(
                    Line::new(
                        ctx,
                        "Throughput above the gp3 baseline",
                        sprod,
                        v::THROUGHPUT,
                        count * extra_t,
                        "MiB/s-mo",
                    )
                    .basis(&[(count, " instances"), (extra_t, " MiB/s")])
                    .note(Cow::Owned(format!(
                        "gp3 includes {} MiB/s at {} GB",
                        super::fmt_qty(base_tput),
                        super::fmt_qty(gb)
                    ))),
                );
            }
        }
        RdsStorageType::Io1 | RdsStorageType::Io2 if iops > 0.0 => {
            out.push(
                Line::new(
                    ctx,
                    "Provisioned IOPS",
                    sprod,
                    v::IOPS,
                    count * iops,
                    "IOPS-mo",
                )
                .basis(&[(count, " instances"), (iops, " IOPS")]),
            );
        }
        _ => {}
    }
    if backup > 0.0 {
        out.push(Line::new(
            ctx,
            "Backup storage beyond the free allowance",
            v::BACKUP_PRODUCT,
            v::STORAGE,
            backup,
            "GB-mo",
        ));
    }
}
