//! EC2 Auto Scaling groups: the group is simulated ([`crate::scaling`]) over its horizon and
//! its cost in the estimate is the simulated monthly average, one component per purchase
//! class: On-Demand instance-hours not covered by reserved, Reserved Instances (billed every
//! hour, upfront shown separately), and Spot instance-hours per instance type.
//! Quantities are the average per simulated month; prices come from the catalogue like any
//! EC2 fleet's (a missing price is an error, never $0).

use super::line::{Ctx, Line, Pricing};
use crate::catalog::Catalog;
use crate::catalog::vocab::ec2::INSTANCE_HOURS;
use crate::catalog::{PriceOption, Reservation};
use crate::cost::CostError;
use crate::plan::{Plan, Resource};
use crate::scaling::demand::DemandSpec;
use crate::scaling::run::SimCache;
use crate::scaling::{GroupSpec, ScalingError, run};
use crate::units::HOURS_PER_MONTH;
use chrono::NaiveDate;
use std::borrow::Cow;

/// A simulation error of item `item` as the cost engine reports it (field paths under
/// `scaling_group.`; a CSV demand problem is the `demand` field's).
pub fn cost_error(item: &str, e: ScalingError) -> CostError {
    match e {
        ScalingError::MissingPrice { region, what } => CostError::MissingPrice {
            item: item.to_string(),
            region,
            what,
        },
        ScalingError::Field { field, message } => CostError::Field {
            item: item.to_string(),
            field: format!("scaling_group.{field}"),
            message,
        },
        e => CostError::Field {
            item: item.to_string(),
            field: "scaling_group.demand".into(),
            message: e.to_string(),
        },
    }
}

/// Simulate the plan's scaling groups (those with a demand profile) together
/// ([`run::priced_many`]: over the machine's cores, remembered in `cache`) so that each item's
/// [`lines`] finds its simulation remembered. Problems are left for
/// [`lines`] to report.
pub fn simulate_all(plan: &Plan, catalog: &Catalog, cache: &SimCache) {
    let start = plan.start_date().unwrap_or_default();
    let jobs: Vec<run::Job> = plan
        .items
        .iter()
        .filter_map(|item| match &item.resource {
            Resource::ScalingGroup(g) if matches!(g.demand, DemandSpec::Profile(_)) => {
                Some((g, start, item.region(plan)))
            }
            _ => None,
        })
        .collect();
    if jobs.len() > 1 {
        run::priced_many(&jobs, catalog, cache);
    }
}

/// Push the simulated group's lines: uncovered On-Demand, Reserved and per-type Spot
/// instance-hours, as monthly averages.
pub fn lines<'a>(
    ctx: &Ctx<'a>,
    g: &'a GroupSpec,
    start: NaiveDate,
    cache: &SimCache,
    out: &mut Vec<Line<'a>>,
) {
    let outcome = match run::priced(g, start, ctx.catalog, ctx.region, cache) {
        Ok(o) => o,
        Err(e) => {
            ctx.push_error(cost_error(&ctx.item.id, e));
            return;
        }
    };
    let months = outcome.months.len().max(1) as f64;
    let sum = |f: fn(&crate::scaling::billing::MonthCost) -> f64| {
        outcome.bill.months.iter().map(f).sum::<f64>() / months
    };
    let od_hours = sum(|m| m.on_demand_hours);
    let covered = sum(|m| m.reserved_covered_hours);
    let spot_hours = sum(|m| m.spot_hours);
    let sim_note = format!(
        "average of {} simulated month(s) at {}-minute steps; cost range {}–{} per month at min / max capacity",
        outcome.months.len(),
        g.simulation.step_minutes,
        crate::text::format::money(outcome.bill.average_at_min_usd),
        crate::text::format::money(outcome.bill.average_at_max_usd),
    );
    // On-Demand capacity (and the Reserved Instances covering it) runs on the type the
    // On-Demand allocation strategy picked (the first listed unless `lowest-price`).
    let t0: &'a str = &g.instance_types[outcome
        .prices
        .on_demand_index
        .min(g.instance_types.len() - 1)]
    .instance_type;
    if od_hours > 0.0 || g.reserved.is_none() {
        out.push(
            Line::new(
                ctx,
                "On-Demand instance hours (simulated)",
                t0,
                INSTANCE_HOURS,
                od_hours,
                "h",
            )
            .note(sim_note.clone()),
        );
    }
    if let Some(r) = &g.reserved
        && r.count > 0
    {
        let option = PriceOption::Reserved(Reservation {
            class: r.class,
            term: r.term,
            payment: r.payment,
        });
        let n = r.count as f64;
        let mut l = Line::new(
            ctx,
            Cow::Owned(format!("{option} instance hours")),
            t0,
            INSTANCE_HOURS,
            n * HOURS_PER_MONTH,
            "h",
        )
        .basis(&[(n, ""), (HOURS_PER_MONTH, " h")])
        .option(option)
        .note(format!(
            "billed every hour of the term; covers {} simulated On-Demand instance-hours per month",
            crate::cost::fmt_qty(covered)
        ));
        l.upfront_units = n;
        l.term = Some(r.term);
        out.push(l);
    }
    if spot_hours > 0.0 {
        for (i, (p, w)) in outcome.prices.spot.iter().enumerate() {
            let t: &'a str = g
                .instance_types
                .iter()
                .find(|c| c.instance_type == p.instance_type)
                .map_or(t0, |c| c.instance_type.as_str());
            let units = outcome
                .months
                .iter()
                .map(|m| m.spot_unit_hours)
                .sum::<f64>()
                / months;
            let q = outcome.prices.spot_units_on(i, units) / *w as f64;
            if q == 0.0 && outcome.prices.spot_share.is_some() {
                // The allocation strategy put no Spot capacity on this type.
                continue;
            }
            let band = ctx
                .catalog
                .spot_advice(ctx.region, t)
                .map(|a| a.interruption_band.clone());
            let name = match band {
                Some(b) => {
                    format!("Spot instance hours of {t} (simulated; interruption frequency {b})")
                }
                None => format!("Spot instance hours of {t} (simulated)"),
            };
            let mut l = Line::new(ctx, name, t, INSTANCE_HOURS, q, "h");
            if ctx.catalog.has_price(
                ctx.region,
                ctx.service,
                t,
                INSTANCE_HOURS,
                PriceOption::Spot,
            ) {
                l = l.option(PriceOption::Spot);
                l = match (g.distribution.spot_allocation_strategy, &outcome.prices.spot_share) {
                    (Some(st), Some(share)) => l.note(format!(
                        "catalogue Spot price; Spot prices move hourly; {} allocation puts {}% of the Spot capacity here",
                        st.as_str(),
                        crate::cost::fmt_qty(share.get(i).copied().unwrap_or(0.0) * 100.0)
                    )),
                    _ => l.note("catalogue Spot price; Spot prices move hourly"),
                };
            } else {
                let savings = ctx
                    .catalog
                    .spot_advice(ctx.region, t)
                    .map_or(0.0, |a| a.savings_pct);
                l = l.note(format!(
                    "no Spot price in the catalogue: On-Demand × (1 − {savings}% Spot Instance Advisor savings)"
                ));
                l.pricing = Pricing::Scaled {
                    factor: 1.0 - savings / 100.0,
                    why: "Spot Instance Advisor savings",
                };
            }
            out.push(l);
        }
    }
}
