//! Application and Network Load Balancers: load-balancer hours and capacity-unit hours.
//!
//! Billing rules (aws.amazon.com/elasticloadbalancing/pricing): each load balancer is charged
//! per hour, plus per LCU-hour (ALB) or NLCU-hour (NLB), where the capacity units used in an
//! hour are the **maximum** over the dimensions measured:
//! * ALB — one LCU is 25 new connections per second, 3,000 active connections per minute,
//!   1 GB per hour processed (EC2 instances, containers and IP addresses as targets), or 1,000
//!   rule evaluations per second (the first 10 rules processed per request are free, so
//!   `rule_evaluations_per_sec` is the rate *after* those 10 free rules:
//!   `request rate × (rules processed − 10)`);
//! * NLB (TCP) — one NLCU is 800 new flows per second, 100,000 active flows, or 1 GB per hour
//!   processed.
//!
//! `processed_gb` is the month's total for all the item's load balancers; it is spread evenly
//! over the load balancers and their hours (`GB / (count × hours)` per load-balancer hour).

use super::line::{Ctx, Line};
use crate::catalog::vocab::elb as v;
use crate::plan::{LoadBalancer, LoadBalancerType};
use crate::units::HOURS_PER_MONTH;
use std::borrow::Cow;

/// Capacity units one load balancer uses in an hour, and the dimension that decided it.
pub fn capacity_units(
    lb: LoadBalancerType,
    new_per_sec: f64,
    active: f64,
    gb_per_hour: f64,
    rule_evals_per_sec: f64,
) -> (f64, &'static str) {
    let dims: &[(f64, &'static str)] = match lb {
        LoadBalancerType::Alb => &[
            (new_per_sec / 25.0, "new connections ÷ 25/s"),
            (active / 3000.0, "active connections ÷ 3,000/min"),
            (gb_per_hour, "processed GB ÷ 1 GB/h"),
            (rule_evals_per_sec / 1000.0, "rule evaluations ÷ 1,000/s"),
        ],
        LoadBalancerType::Nlb => &[
            (new_per_sec / 800.0, "new flows ÷ 800/s"),
            (active / 100_000.0, "active flows ÷ 100,000"),
            (gb_per_hour, "processed GB ÷ 1 GB/h"),
        ],
    };
    dims.iter().copied().fold(
        (0.0, dims[0].1),
        |best, d| if d.0 > best.0 { d } else { best },
    )
}

/// Push load-balancer-hour and LCU-/NLCU-hour lines for the item's load balancers.
pub fn lines<'a>(ctx: &Ctx<'a>, l: &'a LoadBalancer, out: &mut Vec<Line<'a>>) {
    let count = ctx.num(&l.count, "load_balancer.count");
    let hours = ctx.num(&l.hours_per_month, "load_balancer.hours_per_month");
    if hours > HOURS_PER_MONTH {
        ctx.error(
            "load_balancer.hours_per_month",
            format!("at most {HOURS_PER_MONTH} hours in a month (got {hours})"),
        );
    }
    let gb = ctx.num(&l.processed_gb, "load_balancer.processed_gb");
    let new = ctx.num(
        &l.new_connections_per_sec,
        "load_balancer.new_connections_per_sec",
    );
    let active = ctx.num(&l.active_connections, "load_balancer.active_connections");
    let rules = ctx.num(
        &l.rule_evaluations_per_sec,
        "load_balancer.rule_evaluations_per_sec",
    );
    let (product, unit, name) = match l.lb_type {
        LoadBalancerType::Alb => ("alb", "LCU-h", "Application Load Balancer hours"),
        LoadBalancerType::Nlb => ("nlb", "NLCU-h", "Network Load Balancer hours"),
    };
    out.push(
        Line::new(ctx, name, product, v::HOURS, count * hours, "h")
            .basis(&[(count, ""), (hours, " h")]),
    );
    let lb_hours = count * hours;
    let gb_per_hour = if lb_hours > 0.0 { gb / lb_hours } else { 0.0 };
    let (units, by) = capacity_units(l.lb_type, new, active, gb_per_hour, rules);
    let cu_name = match l.lb_type {
        LoadBalancerType::Alb => "LCU hours",
        LoadBalancerType::Nlb => "NLCU hours",
    };
    out.push(
        Line::new(ctx, cu_name, product, v::LCU_HOURS, lb_hours * units, unit)
            .basis(&[(count, ""), (hours, " h"), (units, " units")])
            .note(Cow::Owned(format!(
                "{} units per load balancer per hour, set by {by}",
                super::fmt_qty(units)
            ))),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lcu_is_the_maximum_dimension() {
        let (u, by) = capacity_units(LoadBalancerType::Alb, 1.0, 120.0, 0.0, 0.0);
        assert!((u - 0.04).abs() < 1e-12 && by.starts_with("new"));
        let (u, by) = capacity_units(LoadBalancerType::Alb, 1.0, 120.0, 2.5, 500.0);
        assert!(
            (u - 2.5).abs() < 1e-12 && by.starts_with("processed"),
            "{u} {by}"
        );
        let (u, _) = capacity_units(LoadBalancerType::Nlb, 1600.0, 1000.0, 0.5, 0.0);
        assert!((u - 2.0).abs() < 1e-12);
    }
}
