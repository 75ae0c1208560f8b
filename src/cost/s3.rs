//! S3 storage: GB-month per storage class, minimum storage duration and object size,
//! Intelligent-Tiering access tiers and monitoring, requests, transitions, retrievals.
//!
//! Billing rules and sources (aws.amazon.com/s3/pricing; Amazon S3 User Guide "Using Amazon
//! S3 storage classes", awsdocs/amazon-s3-userguide storage-class-intro.md, whose table is
//! the catalogue's `S3ClassRule`s):
//! * Storage is charged per GB-month, averaged over the month (GB-month proration); S3
//!   Standard and Intelligent-Tiering Frequent Access are tiered per month (first 50 TB, next
//!   450 TB, over 500 TB) over the account's usage in the region.
//! * **Minimum storage duration**: "objects that are deleted, overwritten, or transitioned
//!   before N days incur a pro-rated charge equal to the storage charge for the remaining
//!   days". With objects kept `r` days on average (< minimum `d`), every object is billed `d`
//!   days instead of `r`, so on top of the stored GB-months the class charges
//!   `stored GB × (d / r − 1)` GB-months (component "Early deletion").
//! * **Minimum billable object size**: objects smaller than the class minimum (128 KB for
//!   Standard-IA, One Zone-IA, Glacier Instant Retrieval) are charged as that size. cloudplan
//!   knows the average object size only, so when the average is below the minimum all
//!   `object_count` objects are billed at the minimum (component "Minimum object size").
//! * **Intelligent-Tiering**: storage in each access tier at that tier's price; the
//!   monitoring and automation fee is per object-month and only for objects of at least
//!   128 KB; smaller objects are not monitored and stay in Frequent Access (reference-prices
//!   README, "Facts not in the CSVs").
//! * Requests per request (PUT/COPY/POST/LIST; GET and all other), lifecycle transitions per
//!   request into the class, retrievals per GB (IA classes and Glacier Instant Retrieval) and,
//!   for Glacier Flexible Retrieval and Deep Archive, per GB by retrieval speed (expedited,
//!   standard, bulk; standard when not given).

use super::line::{Ctx, Line};
use crate::catalog::vocab::s3 as v;
use crate::plan::{RetrievalTier, S3Storage};
use std::borrow::Cow;

/// KB in a GB (binary units as S3 bills: 1 GB = 1,024 × 1,024 KB).
const KB_PER_GB: f64 = 1024.0 * 1024.0;
/// Intelligent-Tiering monitors only objects of at least this size.
const IT_MONITORED_MIN_KB: f64 = 128.0;

/// Push lines for storage per class, early-deletion and minimum-size charges, monitoring,
/// requests, lifecycle transitions and retrievals.
pub fn lines<'a>(ctx: &Ctx<'a>, s: &'a S3Storage, out: &mut Vec<Line<'a>>) {
    let class = s.storage_class.as_str();
    if !v::CLASSES.contains(&class) {
        ctx.error(
            "s3.storage_class",
            format!(
                "unknown storage class `{class}` (known: {})",
                v::CLASSES.join(", ")
            ),
        );
        return;
    }
    let gb = ctx.num(&s.storage_gb, "s3.storage_gb");
    let count_given = ctx.opt(&s.object_count, "s3.object_count");
    let avg_given = ctx.opt(&s.avg_object_kb, "s3.avg_object_kb");
    let puts = ctx.opt(&s.put_requests, "s3.put_requests");
    let gets = ctx.opt(&s.get_requests, "s3.get_requests");
    let transitions = ctx.opt(&s.lifecycle_transitions, "s3.lifecycle_transitions");
    let retrieval = ctx.opt(&s.retrieval_gb, "s3.retrieval_gb");
    let retention = ctx.opt(&s.retention_days, "s3.retention_days");
    if s.retention_days.is_some() && retention <= 0.0 && !ctx.has_errors() {
        ctx.error("s3.retention_days", "must be more than 0 days");
    }
    // Objects and their average size, from whichever the plan gives.
    let (objects, avg_kb) = if s.object_count.is_some() && count_given > 0.0 {
        (Some(count_given), Some(gb * KB_PER_GB / count_given))
    } else if s.avg_object_kb.is_some() && avg_given > 0.0 {
        (Some(gb * KB_PER_GB / avg_given), Some(avg_given))
    } else {
        (None, None)
    };
    let rule = ctx.catalog.s3_rule(class);
    let is_it = class == "intelligent_tiering";

    // Storage, split over Intelligent-Tiering's access tiers when it applies.
    let mut frequent_gb = gb;
    if is_it && let Some(mix) = &s.intelligent_tiering {
        let tiers = [
            (
                &mix.infrequent_pct,
                "s3.intelligent_tiering.infrequent_pct",
                v::STORAGE_INFREQUENT,
                "Storage, Infrequent Access tier",
            ),
            (
                &mix.archive_instant_pct,
                "s3.intelligent_tiering.archive_instant_pct",
                v::STORAGE_ARCHIVE_INSTANT,
                "Storage, Archive Instant Access tier",
            ),
            (
                &mix.archive_pct,
                "s3.intelligent_tiering.archive_pct",
                v::STORAGE_ARCHIVE,
                "Storage, Archive Access tier",
            ),
            (
                &mix.deep_archive_pct,
                "s3.intelligent_tiering.deep_archive_pct",
                v::STORAGE_DEEP_ARCHIVE,
                "Storage, Deep Archive Access tier",
            ),
        ];
        let pcts: Vec<f64> = tiers.iter().map(|t| ctx.pct(t.0, t.1)).collect();
        let total: f64 = pcts.iter().sum();
        if total > 100.0 {
            ctx.error(
                "s3.intelligent_tiering",
                format!("access-tier shares add up to {total}%, more than 100%"),
            );
            return;
        }
        let small = avg_kb.is_some_and(|a| a < IT_MONITORED_MIN_KB);
        if !small {
            for ((_, _, dim, name), pct) in tiers.iter().zip(&pcts) {
                if *pct > 0.0 {
                    let q = gb * pct / 100.0;
                    out.push(
                        Line::new(ctx, *name, class, dim, q, "GB-mo")
                            .basis(&[(gb, " GB"), (pct / 100.0, "")]),
                    );
                    frequent_gb -= q;
                }
            }
        }
        let mut l = Line::new(
            ctx,
            "Storage, Frequent Access tier",
            class,
            v::STORAGE,
            frequent_gb.max(0.0),
            "GB-mo",
        );
        if small {
            l = l.note("objects under 128 KB are not monitored and stay in Frequent Access");
        }
        out.push(l);
    } else {
        out.push(Line::new(ctx, "Storage", class, v::STORAGE, gb, "GB-mo"));
    }

    // Minimum billable object size.
    if let (Some(rule), Some(n), Some(avg)) = (rule, objects, avg_kb)
        && rule.min_object_kb > 0.0
        && avg < rule.min_object_kb
    {
        let extra = n * (rule.min_object_kb - avg) / KB_PER_GB;
        out.push(
            Line::new(
                ctx,
                "Minimum billable object size",
                class,
                v::STORAGE,
                extra,
                "GB-mo",
            )
            .basis(&[
                (n, " objects"),
                (rule.min_object_kb - avg, " KB"),
                (1.0 / KB_PER_GB, " GB/KB"),
            ])
            .note(Cow::Owned(format!(
                "objects smaller than {} KB are billed as {} KB; average object {:.1} KB",
                rule.min_object_kb, rule.min_object_kb, avg
            ))),
        );
    }

    // Minimum storage duration.
    if let Some(rule) = rule
        && s.retention_days.is_some()
        && retention > 0.0
        && retention < rule.min_storage_days as f64
    {
        let d = rule.min_storage_days as f64;
        let factor = d / retention - 1.0;
        out.push(
            Line::new(ctx, Cow::Owned(format!("Early deletion (minimum {} days)", rule.min_storage_days)), class, v::STORAGE, gb * factor, "GB-mo")
                .basis(&[(gb, " GB"), (factor, "")])
                .note(Cow::Owned(format!(
                    "objects kept {retention} days are billed for the {d}-day minimum: × ({d} / {retention} − 1)"
                ))),
        );
    }

    // Intelligent-Tiering monitoring: objects of at least 128 KB.
    if is_it
        && let (Some(n), Some(avg)) = (objects, avg_kb)
        && avg >= IT_MONITORED_MIN_KB
    {
        out.push(Line::new(
            ctx,
            "Monitoring and automation",
            class,
            v::MONITORING,
            n,
            "objects",
        ));
    }

    if puts > 0.0 {
        out.push(Line::new(
            ctx,
            "PUT, COPY, POST, LIST requests",
            class,
            v::PUT_REQUESTS,
            puts,
            "requests",
        ));
    }
    if gets > 0.0 {
        out.push(Line::new(
            ctx,
            "GET and other requests",
            class,
            v::GET_REQUESTS,
            gets,
            "requests",
        ));
    }
    if transitions > 0.0 {
        out.push(Line::new(
            ctx,
            "Lifecycle transitions",
            class,
            v::LIFECYCLE_TRANSITIONS,
            transitions,
            "requests",
        ));
    }
    if retrieval > 0.0 {
        match class {
            "glacier_flexible" | "deep_archive" => {
                let (dim, name) = match s.retrieval_tier.unwrap_or(RetrievalTier::Standard) {
                    RetrievalTier::Expedited => {
                        (v::RETRIEVAL_EXPEDITED, "Data retrieval (expedited)")
                    }
                    RetrievalTier::Standard => (v::RETRIEVAL_STANDARD, "Data retrieval (standard)"),
                    RetrievalTier::Bulk => (v::RETRIEVAL_BULK, "Data retrieval (bulk)"),
                };
                out.push(Line::new(ctx, name, class, dim, retrieval, "GB"));
            }
            "standard_ia" | "onezone_ia" | "glacier_ir" => {
                out.push(Line::new(
                    ctx,
                    "Data retrieval",
                    class,
                    v::RETRIEVAL,
                    retrieval,
                    "GB",
                ));
            }
            _ => {}
        }
    }
}
