//! EC2 fleets: instance-hours by purchase option (On-Demand, Reserved, Spot, Savings Plans).
//!
//! Billing rules and sources:
//! * Instances are billed per instance-hour; a month is 730 hours (AWS Pricing Calculator,
//!   "730 hours in a month"); running hours come from the usage pattern ([`crate::plan::usage`]).
//! * **Reserved Instances** (aws.amazon.com/ec2/pricing/reserved-instances/pricing: "you pay
//!   for the entire term regardless of actual usage"): the reserved count is billed its
//!   recurring hourly rate for every hour of the month (`count × 730 h`), whatever the usage
//!   pattern's hours; the upfront fee (`count × upfront`) is shown separately in
//!   `Component::upfront_usd`. The calculation shows the effective hourly rate
//!   `hourly + upfront / term hours` (term hours 8,760 / 26,280, see [`crate::catalog::Term::hours`]). For
//!   spike patterns the reserved count is the baseline; instance-hours above it are On-Demand.
//! * **Spot**: the catalogue's Spot price; when it has none, On-Demand × (1 − Spot Instance
//!   Advisor savings % / 100). The advisor's interruption-frequency band is shown in the name.
//! * **Savings Plans** (docs.aws.amazon.com/savingsplans/latest/userguide/sp-applying.html):
//!   the item is bought with a plan whose commitment covers its baseline instances every hour,
//!   `count × Savings Plans rate` dollars per hour, paid for every hour of the term, used or not
//!   (like a Reserved Instance); instance-hours above the baseline are On-Demand. The catalogue's
//!   rate is per instance-hour; a Partial / All Upfront plan pays 50 % / all of its commitment
//!   (`$/hour × term hours`) upfront and the rest monthly (`SavingsPlanOffer::upfront_share`),
//!   so its effective hourly rate is the Savings Plans rate itself. Compute Savings Plans rates
//!   exist for us-east-1 only and EC2 Instance Savings Plans nowhere (reference-prices/extended
//!   README, gaps): elsewhere the item is a missing price naming that gap, never $0.

use super::line::{Ctx, Line, Pricing};
use crate::catalog::vocab::ec2::INSTANCE_HOURS;
use crate::catalog::{Payment, PriceOption, Reservation, SavingsPlanOffer};
use crate::cost::CostError;
use crate::plan::usage::fleet_hours;
use crate::plan::{Ec2Fleet, PurchaseOption, SavingsPlanKind, Usage};
use crate::units::HOURS_PER_MONTH;
use std::borrow::Cow;

/// Push the fleet's instance-hour lines for its purchase option: On-Demand, Reserved (with
/// upfront), Spot or Savings Plan.
pub fn lines<'a>(ctx: &Ctx<'a>, f: &'a Ec2Fleet, out: &mut Vec<Line<'a>>) {
    let count = match f.usage {
        Usage::Constant { .. } => ctx.num(&f.count, "ec2.count"),
        // Spike patterns carry their own counts; `count` is not used.
        Usage::Spike { .. } => 0.0,
    };
    let hours = match fleet_hours(count, &f.usage, ctx.ev) {
        Ok(h) => h,
        Err(e) => {
            ctx.error(format!("ec2.{}", e.field), e.message);
            return;
        }
    };
    let t = f.instance_type.as_str();
    let od = PriceOption::OnDemand;
    if ctx.catalog.instance(t).is_none()
        && !ctx
            .catalog
            .has_price(ctx.region, ctx.service, t, INSTANCE_HOURS, od)
    {
        ctx.error(
            "ec2.instance_type",
            format!("unknown instance type `{t}` (not in the catalogue)"),
        );
        return;
    }
    let spiky = hours.spike_count > 0.0 && hours.spike_hours > 0.0;
    let spike_factors = [(hours.spike_count, ""), (hours.spike_hours, " h")];
    match f.purchase {
        PurchaseOption::OnDemand => {
            out.push(
                Line::new(
                    ctx,
                    "On-Demand instance hours",
                    t,
                    INSTANCE_HOURS,
                    hours.baseline_instance_hours(),
                    "h",
                )
                .basis(&[(hours.baseline_count, ""), (hours.baseline_hours, " h")]),
            );
            if spiky {
                out.push(
                    Line::new(
                        ctx,
                        "On-Demand instance hours (spike)",
                        t,
                        INSTANCE_HOURS,
                        hours.spike_instance_hours(),
                        "h",
                    )
                    .basis(&spike_factors),
                );
            }
        }
        PurchaseOption::Reserved {
            class,
            term,
            payment,
        } => {
            let option = PriceOption::Reserved(Reservation {
                class,
                term,
                payment,
            });
            let n = hours.baseline_count;
            let mut l = Line::new(
                ctx,
                reserved_name(option),
                t,
                INSTANCE_HOURS,
                n * HOURS_PER_MONTH,
                "h",
            )
            .basis(&[(n, ""), (HOURS_PER_MONTH, " h")])
            .option(option);
            if hours.baseline_hours < HOURS_PER_MONTH {
                l = l.note("a Reserved Instance is billed for every hour of the term, used or not");
            }
            l.upfront_units = n;
            l.term = Some(term);
            out.push(l);
            if spiky {
                out.push(
                    Line::new(
                        ctx,
                        "On-Demand instance hours above the reserved baseline",
                        t,
                        INSTANCE_HOURS,
                        hours.spike_instance_hours(),
                        "h",
                    )
                    .basis(&spike_factors),
                );
            }
        }
        PurchaseOption::Spot => spot_lines(ctx, t, &hours, out),
        PurchaseOption::SavingsPlan {
            plan,
            term,
            payment,
        } => {
            let offer = SavingsPlanOffer {
                kind: plan,
                term,
                payment,
            };
            let option = PriceOption::SavingsPlan(offer);
            if !ctx
                .catalog
                .has_price(ctx.region, ctx.service, t, INSTANCE_HOURS, option)
            {
                ctx.push_error(CostError::MissingPrice {
                    item: ctx.item.id.clone(),
                    region: ctx.region.to_string(),
                    what: format!(
                        "{offer} rate for {t} ({})",
                        savings_plan_gap(plan, ctx.region)
                    ),
                });
                return;
            }
            let n = hours.baseline_count;
            let mut l = Line::new(
                ctx,
                Cow::Owned(format!("{offer} instance hours")),
                t,
                INSTANCE_HOURS,
                n * HOURS_PER_MONTH,
                "h",
            )
            .basis(&[(n, ""), (HOURS_PER_MONTH, " h")])
            .option(option);
            l.pricing = Pricing::Commitment {
                upfront_share: offer.upfront_share(),
                why: match payment {
                    Payment::NoUpfront => "all of the commitment paid monthly",
                    Payment::PartialUpfront => "the half of the commitment not paid upfront",
                    Payment::AllUpfront => "the whole commitment paid upfront",
                },
            };
            l = l.note(if hours.baseline_hours < HOURS_PER_MONTH {
                "a Savings Plan commitment is paid for every hour of the term, used or not"
            } else {
                "commitment = count × Savings Plans rate per hour, for every hour of the term"
            });
            l.upfront_units = n;
            // No Upfront: nothing upfront, no effective-rate trail to show.
            l.term = (offer.upfront_share() > 0.0).then_some(term);
            out.push(l);
            if spiky {
                out.push(
                    Line::new(
                        ctx,
                        "On-Demand instance hours above the Savings Plan baseline",
                        t,
                        INSTANCE_HOURS,
                        hours.spike_instance_hours(),
                        "h",
                    )
                    .basis(&spike_factors),
                );
            }
        }
    }
}

/// Why the embedded catalogue has no Savings Plans rate for an instance type in `region`
/// (reference-prices/extended README, gaps).
pub fn savings_plan_gap(kind: SavingsPlanKind, region: &str) -> &'static str {
    match kind {
        SavingsPlanKind::Compute if region == "us-east-1" => {
            "unavailable: the Compute Savings Plans copy covers 220 instance types in us-east-1, not this one"
        }
        SavingsPlanKind::Compute => {
            "unavailable: the catalogue has Compute Savings Plans rates for us-east-1 only; import an AWS Savings Plans offer file for this region"
        }
        SavingsPlanKind::Ec2Instance => {
            "unavailable: no public copy of EC2 Instance Savings Plans rates exists; import an AWS Savings Plans offer file"
        }
    }
}

fn reserved_name(option: PriceOption) -> Cow<'static, str> {
    Cow::Owned(format!("{option} instance hours"))
}

fn spot_lines<'a>(
    ctx: &Ctx<'a>,
    t: &'a str,
    hours: &crate::plan::usage::FleetHours,
    out: &mut Vec<Line<'a>>,
) {
    let advice = ctx.catalog.spot_advice(ctx.region, t);
    let band = advice.map(|a| a.interruption_band.as_str());
    let has_spot = ctx.catalog.has_price(
        ctx.region,
        ctx.service,
        t,
        INSTANCE_HOURS,
        PriceOption::Spot,
    );
    let name: Cow<'static, str> = match band {
        Some(b) => Cow::Owned(format!("Spot instance hours (interruption frequency {b})")),
        None => Cow::Borrowed("Spot instance hours"),
    };
    let q = hours.total();
    let factors: &[(f64, &'static str)] = if hours.spike_count > 0.0 {
        &[]
    } else {
        &[(hours.baseline_count, ""), (hours.baseline_hours, " h")]
    };
    if has_spot {
        out.push(
            Line::new(ctx, name, t, INSTANCE_HOURS, q, "h")
                .basis(factors)
                .option(PriceOption::Spot)
                .note("catalogue Spot price; Spot prices move hourly"),
        );
    } else if let Some(a) = advice {
        let mut l = Line::new(ctx, name, t, INSTANCE_HOURS, q, "h")
            .basis(factors)
            .note(format!(
                "no Spot price in the catalogue: On-Demand × (1 − {}% Spot Instance Advisor savings)",
                a.savings_pct
            ));
        l.pricing = Pricing::Scaled {
            factor: 1.0 - a.savings_pct / 100.0,
            why: "Spot Instance Advisor savings",
        };
        out.push(l);
    } else {
        ctx.push_error(CostError::MissingPrice {
            item: ctx.item.id.clone(),
            region: ctx.region.to_string(),
            what: format!("Spot price or Spot Instance Advisor savings for {t}"),
        });
    }
}
