//! EFS file systems: storage per class, elastic-throughput reads and writes, provisioned
//! throughput.
//!
//! Billing rules (aws.amazon.com/efs/pricing): storage is charged per GB-month in the storage
//! class where the data lives (Standard, Infrequent Access, Archive; One Zone, One Zone-IA);
//! Elastic Throughput is charged per GB read and per GB written; Provisioned Throughput per
//! MiB/s-month provisioned.

use super::line::{Ctx, Line};
use crate::catalog::vocab::efs as v;
use crate::plan::EfsFileSystem;

/// Push lines for storage GB-months per class, Elastic Throughput GB read and written, and
/// Provisioned Throughput MiB/s-months.
pub fn lines<'a>(ctx: &Ctx<'a>, f: &'a EfsFileSystem, out: &mut Vec<Line<'a>>) {
    let (primary, ia) = match f.storage_class.as_str() {
        "standard" => ("standard", "ia"),
        "onezone" => ("onezone", "onezone_ia"),
        other => {
            ctx.error(
                "efs.storage_class",
                format!("unknown EFS storage class `{other}` (known: standard, onezone)"),
            );
            return;
        }
    };
    let gb = ctx.num(&f.storage_gb, "efs.storage_gb");
    let ia_pct = f
        .infrequent_pct
        .as_ref()
        .map_or(0.0, |n| ctx.pct(n, "efs.infrequent_pct"));
    let ar_pct = f
        .archive_pct
        .as_ref()
        .map_or(0.0, |n| ctx.pct(n, "efs.archive_pct"));
    if ar_pct > 0.0 && primary == "onezone" {
        ctx.error(
            "efs.archive_pct",
            "the Archive class exists for Regional (standard) file systems only",
        );
    }
    if ia_pct + ar_pct > 100.0 {
        ctx.error(
            "efs.infrequent_pct",
            format!(
                "IA and Archive shares add up to {}%, more than 100%",
                ia_pct + ar_pct
            ),
        );
        return;
    }
    let hot = gb * (100.0 - ia_pct - ar_pct) / 100.0;
    out.push(
        Line::new(ctx, "Storage", primary, v::STORAGE, hot, "GB-mo")
            .basis(&[(gb, " GB"), ((100.0 - ia_pct - ar_pct) / 100.0, "")]),
    );
    if ia_pct > 0.0 {
        out.push(
            Line::new(
                ctx,
                "Storage, Infrequent Access",
                ia,
                v::STORAGE,
                gb * ia_pct / 100.0,
                "GB-mo",
            )
            .basis(&[(gb, " GB"), (ia_pct / 100.0, "")]),
        );
    }
    if ar_pct > 0.0 {
        out.push(
            Line::new(
                ctx,
                "Storage, Archive",
                "archive",
                v::STORAGE,
                gb * ar_pct / 100.0,
                "GB-mo",
            )
            .basis(&[(gb, " GB"), (ar_pct / 100.0, "")]),
        );
    }
    let read = ctx.opt(&f.read_gb, "efs.read_gb");
    let write = ctx.opt(&f.write_gb, "efs.write_gb");
    let prov = ctx.opt(&f.provisioned_mibps, "efs.provisioned_mibps");
    if read > 0.0 {
        out.push(Line::new(
            ctx,
            "Elastic Throughput reads",
            "elastic",
            v::READ,
            read,
            "GB",
        ));
    }
    if write > 0.0 {
        out.push(Line::new(
            ctx,
            "Elastic Throughput writes",
            "elastic",
            v::WRITE,
            write,
            "GB",
        ));
    }
    if prov > 0.0 {
        out.push(Line::new(
            ctx,
            "Provisioned Throughput",
            "provisioned",
            v::THROUGHPUT,
            prov,
            "MiB/s-mo",
        ));
    }
}
