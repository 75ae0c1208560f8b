//! Public IPv4 addresses: hours in use and idle.
//!
//! Billing rule (AWS News Blog "New – AWS Public IPv4 Address Charge + Public IP Insights",
//! from 1 February 2024): every public IPv4 address is charged per hour, whether attached to
//! a resource (in use) or not (idle); each state has its own price in the catalogue.

use super::line::{Ctx, Line};
use crate::catalog::vocab::public_ipv4 as v;
use crate::plan::PublicIpv4;
use crate::units::HOURS_PER_MONTH;

/// Push lines for in-use and idle public IPv4 address hours.
pub fn lines<'a>(ctx: &Ctx<'a>, p: &'a PublicIpv4, out: &mut Vec<Line<'a>>) {
    let in_use = ctx.num(&p.in_use, "public_ipv4.in_use");
    let idle = ctx.num(&p.idle, "public_ipv4.idle");
    let hours = ctx.num(&p.hours_per_month, "public_ipv4.hours_per_month");
    if hours > HOURS_PER_MONTH {
        ctx.error(
            "public_ipv4.hours_per_month",
            format!("at most {HOURS_PER_MONTH} hours in a month (got {hours})"),
        );
    }
    if in_use > 0.0 {
        out.push(
            Line::new(
                ctx,
                "In-use public IPv4 address hours",
                "in_use",
                v::HOURS,
                in_use * hours,
                "h",
            )
            .basis(&[(in_use, ""), (hours, " h")]),
        );
    }
    if idle > 0.0 {
        out.push(
            Line::new(
                ctx,
                "Idle public IPv4 address hours",
                "idle",
                v::HOURS,
                idle * hours,
                "h",
            )
            .basis(&[(idle, ""), (hours, " h")]),
        );
    }
}
