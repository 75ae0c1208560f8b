//! EBS volumes: storage GB-month, provisioned IOPS and throughput, snapshots.
//!
//! Billing rules and sources (aws.amazon.com/ebs/pricing, "Pricing examples"; AWS EC2 User
//! Guide, "Amazon EBS volume types"):
//! * Storage is charged per GB-month provisioned, prorated by the second ("GB-month
//!   proration": a volume kept part of the month pays that fraction); cloudplan prices a
//!   whole month of `volume_count × size_gb`.
//! * **gp3** includes a free baseline of 3,000 IOPS and 125 MiB/s per volume; only IOPS and
//!   throughput provisioned above it are charged, per IOPS-month and per MiB/s-month
//!   (EBS pricing page Example 1: `(10,000 IOPS − 3,000 IOPS free) × price`).
//! * **io1** charges every provisioned IOPS per IOPS-month.
//! * **io2** IOPS are priced in tiers *per volume* (up to 32,000; 32,001–64,000; over 64,000
//!   IOPS — EBS pricing page, io2 "Provisioned IOPS" tiers), so the tiers apply to each
//!   volume's IOPS, never to the account's total.
//! * Snapshots (standard tier) are charged per GB-month of data stored.

use super::line::{Ctx, Line, Scope};
use crate::catalog::vocab::ebs::{
    GP3_INCLUDED_IOPS, GP3_INCLUDED_THROUGHPUT_MIBPS, IOPS, STORAGE, THROUGHPUT,
};
use crate::plan::{EbsVolumeType, EbsVolumes};

/// Push lines for storage, IOPS and throughput above what the volume type includes, and snapshots.
pub fn lines<'a>(ctx: &Ctx<'a>, v: &'a EbsVolumes, out: &mut Vec<Line<'a>>) {
    let size = ctx.num(&v.size_gb, "ebs.size_gb");
    let n = ctx.num(&v.volume_count, "ebs.volume_count");
    let iops = ctx.opt(&v.iops, "ebs.iops");
    let tput = ctx.opt(&v.throughput_mibps, "ebs.throughput_mibps");
    let snap = ctx.opt(&v.snapshot_gb, "ebs.snapshot_gb");
    let ty = v.volume_type.as_str();
    // A snapshot-only item (no volume) has no storage line.
    if n * size > 0.0 || snap == 0.0 {
        out.push(
            Line::new(ctx, "Storage", ty, STORAGE, n * size, "GB-mo")
                .basis(&[(n, " volumes"), (size, " GB")]),
        );
    }
    match v.volume_type {
        EbsVolumeType::Gp3 => {
            let extra_iops = (iops - GP3_INCLUDED_IOPS).max(0.0);
            if extra_iops > 0.0 {
                out.push(
                    Line::new(
                        ctx,
                        "IOPS above the 3,000 included",
                        ty,
                        IOPS,
                        n * extra_iops,
                        "IOPS-mo",
                    )
                    .basis(&[(n, " volumes"), (extra_iops, " IOPS")])
                    .note("gp3 includes 3,000 IOPS per volume"),
                );
            }
            let extra_tput = (tput - GP3_INCLUDED_THROUGHPUT_MIBPS).max(0.0);
            if extra_tput > 0.0 {
                out.push(
                    Line::new(
                        ctx,
                        "Throughput above the 125 MiB/s included",
                        ty,
                        THROUGHPUT,
                        n * extra_tput,
                        "MiB/s-mo",
                    )
                    .basis(&[(n, " volumes"), (extra_tput, " MiB/s")])
                    .note("gp3 includes 125 MiB/s per volume"),
                );
            }
        }
        EbsVolumeType::Io1 => {
            if iops > 0.0 {
                out.push(
                    Line::new(ctx, "Provisioned IOPS", ty, IOPS, n * iops, "IOPS-mo")
                        .basis(&[(n, " volumes"), (iops, " IOPS")]),
                );
            }
        }
        EbsVolumeType::Io2 => {
            if iops > 0.0 {
                out.push(
                    Line::new(
                        ctx,
                        "Provisioned IOPS (tiered per volume)",
                        ty,
                        IOPS,
                        n * iops,
                        "IOPS-mo",
                    )
                    .basis(&[(n, " volumes"), (iops, " IOPS")])
                    .scope(Scope::PerUnit(n)),
                );
            }
        }
        _ => {
            if v.iops.is_some() && iops > 0.0 {
                ctx.error("ebs.iops", format!("{ty} volumes have no provisioned IOPS"));
            }
        }
    }
    if v.throughput_mibps.is_some() && v.volume_type != EbsVolumeType::Gp3 && tput > 0.0 {
        ctx.error(
            "ebs.throughput_mibps",
            format!("only gp3 volumes take provisioned throughput, not {ty}"),
        );
    }
    if snap > 0.0 {
        out.push(Line::new(
            ctx,
            "Snapshot storage",
            "snapshot",
            STORAGE,
            snap,
            "GB-mo",
        ));
    }
}
