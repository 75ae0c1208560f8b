//! Amazon EKS clusters: cluster-hours, standard or extended support.
//!
//! Billing rules and sources:
//! * Each EKS cluster is billed per hour it exists (aws.amazon.com/eks/pricing; catalogue
//!   `eks/cluster/cluster_hours`, $0.10 per cluster-hour in us-east-1, AWS eks.json feed
//!   2025-10-28).
//! * A cluster whose Kubernetes version is in extended support costs "an additional cost per
//!   cluster hour" (EKS user guide, "Understand the Kubernetes version lifecycle on EKS"): the
//!   catalogue's `extended_support_cluster_hours` rate ($0.50 in us-east-1) is charged on top of
//!   the cluster hour, $0.60 per cluster-hour in all, the figure AWS quotes for extended support.

use super::line::{Ctx, Line};
use crate::catalog::vocab::eks as v;
use crate::plan::EksCluster;
use crate::units::HOURS_PER_MONTH;

/// Push the cluster-hour line, and the extended-support line when the clusters are in it.
pub fn lines<'a>(ctx: &Ctx<'a>, e: &'a EksCluster, out: &mut Vec<Line<'a>>) {
    let count = ctx.num(&e.count, "eks.count");
    let hours = ctx.num(&e.hours_per_month, "eks.hours_per_month");
    if hours > HOURS_PER_MONTH {
        ctx.error(
            "eks.hours_per_month",
            format!("at most {HOURS_PER_MONTH} hours in a month (got {hours})"),
        );
    }
    if count <= 0.0 {
        return;
    }
    out.push(
        Line::new(
            ctx,
            "EKS cluster hours",
            v::PRODUCT,
            v::CLUSTER_HOURS,
            count * hours,
            "h",
        )
        .basis(&[(count, ""), (hours, " h")]),
    );
    if e.extended_support {
        out.push(
            Line::new(
                ctx,
                "EKS extended support cluster hours",
                v::PRODUCT,
                v::EXTENDED_SUPPORT_HOURS,
                count * hours,
                "h",
            )
            .basis(&[(count, ""), (hours, " h")])
            .note("charged on top of the cluster hour while the version is in extended support"),
        );
    }
}
