//! NAT gateways: hours and GB processed.
//!
//! Billing rule (aws.amazon.com/vpc/pricing, "NAT Gateway Pricing"): "you are charged for each
//! hour that your NAT gateway is available and each Gigabyte of data that it processes";
//! data transfer charges apply on top and are priced as data transfer items.

use super::line::{Ctx, Line};
use crate::catalog::vocab::nat_gateway as v;
use crate::plan::NatGateway;
use crate::units::HOURS_PER_MONTH;

/// Push lines for NAT gateway hours and GB processed.
pub fn lines<'a>(ctx: &Ctx<'a>, n: &'a NatGateway, out: &mut Vec<Line<'a>>) {
    let count = ctx.num(&n.count, "nat_gateway.count");
    let hours = ctx.num(&n.hours_per_month, "nat_gateway.hours_per_month");
    if hours > HOURS_PER_MONTH {
        ctx.error(
            "nat_gateway.hours_per_month",
            format!("at most {HOURS_PER_MONTH} hours in a month (got {hours})"),
        );
    }
    let gb = ctx.num(&n.data_processed_gb, "nat_gateway.data_processed_gb");
    out.push(
        Line::new(
            ctx,
            "NAT gateway hours",
            v::PRODUCT,
            v::HOURS,
            count * hours,
            "h",
        )
        .basis(&[(count, ""), (hours, " h")]),
    );
    out.push(Line::new(
        ctx,
        "Data processed",
        v::PRODUCT,
        v::DATA_PROCESSED,
        gb,
        "GB",
    ));
}
