//! Data transfer: internet egress (tiered per month), inbound, inter-AZ and inter-region.
//!
//! Billing rules (aws.amazon.com/ec2/pricing/on-demand, "Data Transfer"): data out to the
//! internet is tiered per month over the account's usage in the region (first 10 TB, next
//! 40 TB, next 100 TB, over 150 TB); the first 100 GB a month are free, aggregated across all
//! services and regions ([`super::free_tier`]); data in from the internet is priced (at $0.00)
//! per GB; data between Availability Zones is charged per GB in each direction ("$0.01/GB in
//! each direction"), so `inter_az_gb` is the GB as billed, both directions counted; data to
//! another region is charged per GB at the source region's rate for that destination.

use super::free_tier::FreeKind;
use super::line::{Ctx, Line};
use crate::catalog::vocab::data_transfer as v;
use crate::plan::DataTransfer;
use std::borrow::Cow;

/// Push GB lines for internet egress (free tier applies), ingress, inter-AZ traffic and each
/// inter-region destination.
pub fn lines<'a>(ctx: &Ctx<'a>, d: &'a DataTransfer, out: &mut Vec<Line<'a>>) {
    let egress = ctx.num(&d.internet_out_gb, "data_transfer.internet_out_gb");
    let ingress = ctx.num(&d.internet_in_gb, "data_transfer.internet_in_gb");
    let az = ctx.num(&d.inter_az_gb, "data_transfer.inter_az_gb");
    if egress > 0.0 {
        out.push(
            Line::new(
                ctx,
                "Data transfer out to the internet",
                v::INTERNET_OUT,
                v::GB,
                egress,
                "GB",
            )
            .free(FreeKind::InternetEgress),
        );
    }
    if ingress > 0.0 {
        out.push(Line::new(
            ctx,
            "Data transfer in from the internet",
            v::INTERNET_IN,
            v::GB,
            ingress,
            "GB",
        ));
    }
    if az > 0.0 {
        out.push(Line::new(
            ctx,
            "Data transfer between Availability Zones",
            v::INTER_AZ,
            v::GB,
            az,
            "GB",
        ));
    }
    for (dest, gb) in &d.inter_region_gb {
        let q = ctx.num(gb, "data_transfer.inter_region_gb");
        if dest == ctx.region {
            ctx.error(
                "data_transfer.inter_region_gb",
                format!("destination `{dest}` is the item's own region"),
            );
            continue;
        }
        if q > 0.0 {
            out.push(Line::new(
                ctx,
                Cow::Owned(format!("Data transfer to {dest}")),
                Cow::Owned(format!("{}{dest}", v::INTER_REGION_PREFIX)),
                v::GB,
                q,
                "GB",
            ));
        }
    }
}
