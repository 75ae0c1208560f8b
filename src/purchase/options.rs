//! The monthly figures of one subject under one purchase option, from catalogue rates.
//!
//! Each function returns a [`Flow`] — what is paid upfront per term and what recurs each month —
//! or the reason the option is unavailable (the catalogue lacks its rate). Nothing is guessed:
//! a missing rate is never $0.
//!
//! * **On-Demand**: instance-hours × On-Demand rate.
//! * **Reserved** (aws.amazon.com/ec2/pricing/reserved-instances/pricing: "you pay for the
//!   entire term regardless of actual usage"): `count × 730 h × hourly` every month of the term,
//!   `count × upfront` at the start of each term; instance-hours above the reserved baseline are
//!   On-Demand. Effective rate = hourly + upfront / term hours (8,760 / 26,280).
//! * **Savings Plans** (docs.aws.amazon.com/savingsplans/latest/userguide/sp-applying.html): a
//!   commitment of `count × Savings Plans rate` dollars per hour covers the baseline instances
//!   and is paid for every hour of the term, used or not; instance-hours above it are On-Demand.
//!   The catalogue's rate is per instance-hour; the upfront payment of a Partial / All Upfront
//!   plan is 50 % / 100 % of the commitment (`$/hour × term hours`,
//!   `SavingsPlanOffer::upfront_share`), the rest is paid monthly. So a Savings Plan is priced
//!   like a Reserved Instance whose hourly fee is `(1 − share) × rate` and whose upfront fee is
//!   `share × rate × term hours` per instance: effective rate = the Savings Plans rate. Where
//!   the catalogue has no rate (Compute SP outside us-east-1, EC2 Instance SP anywhere) the
//!   option is unavailable with that reason.
//! * **Spot**: catalogue Spot price, else On-Demand × (1 − advisor savings %); instance-hours ×
//!   (1 + overhead %) for work re-run after interruptions.

use super::optimise;
use super::{Choice, ItemOptimum, Settings, SpOptimum, Subject};
use crate::catalog::{Catalog, PriceOption, Rate, SavingsPlanOffer, Service, Term};
use crate::text::format::{money, quantity, unit_price};
use crate::units::HOURS_PER_MONTH;

/// What one subject pays under one option.
#[derive(Debug, Clone, PartialEq)]
pub struct Flow {
    /// Upfront fee per term, USD (paid in the first month of each term).
    pub upfront_usd: f64,
    /// Commitment term of a Reserved or Savings Plan option; `None` for On-Demand and Spot.
    pub term: Option<Term>,
    /// Recurring commitment fee per month (paid whether used or not), USD.
    pub commit_monthly_usd: f64,
    /// Recurring usage charges per month (On-Demand remainder, Spot), USD.
    pub usage_monthly_usd: f64,
    /// On-Demand price of the subject, USD per instance-hour.
    pub on_demand_rate: f64,
    /// Commitment rate per instance-hour including the amortised upfront fee.
    pub effective_rate: Option<f64>,
    /// Instance-hours committed per month (`count × 730`).
    pub committed_hours: f64,
    /// Of those, instance-hours actually used per month.
    pub used_committed_hours: f64,
    /// Spot Instance Advisor interruption-frequency band (Spot only), e.g. `<5%`.
    pub interruption_band: Option<String>,
    /// How the figures were reached, checkable by hand, citing each rate's source and date.
    pub calculation: String,
}

fn dimension(service: Service) -> &'static str {
    match service {
        Service::Rds => crate::catalog::vocab::rds::INSTANCE_HOURS,
        _ => crate::catalog::vocab::ec2::INSTANCE_HOURS,
    }
}

fn rate<'c>(catalog: &'c Catalog, s: &Subject, option: PriceOption) -> Option<&'c Rate> {
    catalog
        .tiers(
            &s.region,
            s.service,
            &s.product,
            dimension(s.service),
            option,
        )
        .into_iter()
        .next()
}

fn cite(r: &Rate) -> String {
    format!("[{} {}]", r.source, r.effective_date)
}

/// The On-Demand rate of a subject, or why there is none.
pub fn on_demand_rate(s: &Subject, catalog: &Catalog) -> Result<f64, String> {
    rate(catalog, s, PriceOption::OnDemand)
        .map(|r| r.usd)
        .ok_or_else(|| {
            format!(
                "the catalogue has no On-Demand price for {}/{}",
                s.region, s.label
            )
        })
}

/// Price `s` under `choice`; `Err` is the reason the option is unavailable.
pub fn price(
    s: &Subject,
    choice: Choice,
    catalog: &Catalog,
    settings: &Settings,
) -> Result<Flow, String> {
    let od = rate(catalog, s, PriceOption::OnDemand).ok_or_else(|| {
        format!(
            "the catalogue has no On-Demand price for {}/{}",
            s.region, s.label
        )
    })?;
    let ih = s.instance_hours();
    match choice {
        Choice::OnDemand => Ok(Flow {
            upfront_usd: 0.0,
            term: None,
            commit_monthly_usd: 0.0,
            usage_monthly_usd: ih * od.usd,
            on_demand_rate: od.usd,
            effective_rate: None,
            committed_hours: 0.0,
            used_committed_hours: 0.0,
            interruption_band: None,
            calculation: format!(
                "{}: {} h × {}/h = {} a month {}",
                s.item_id,
                quantity(ih, 4),
                unit_price(od.usd),
                money(ih * od.usd),
                cite(od)
            ),
        }),
        Choice::Reserved(r) => {
            let ri = rate(catalog, s, PriceOption::Reserved(r)).ok_or_else(|| {
                format!(
                    "the catalogue has no Reserved {} {} {} rate for {}/{}",
                    r.class.as_str(),
                    r.term.as_str(),
                    r.payment.display_name(),
                    s.region,
                    s.label
                )
            })?;
            Ok(commitment(
                s,
                od,
                r.term,
                ri.usd,
                ri.upfront_usd,
                &cite(ri),
                "the reservation",
            ))
        }
        Choice::SavingsPlan {
            kind,
            term,
            payment,
        } => {
            let offer = SavingsPlanOffer {
                kind,
                term,
                payment,
            };
            if s.service == Service::Rds {
                return Err("Savings Plans do not cover RDS (Compute and EC2 Instance Savings Plans apply to EC2, Fargate and Lambda); the catalogue has no Database Savings Plans rates".into());
            }
            let sp = rate(catalog, s, PriceOption::SavingsPlan(offer)).ok_or_else(|| {
                format!(
                    "the catalogue has no {offer} rate for {}/{} ({})",
                    s.region,
                    s.label,
                    crate::cost::ec2::savings_plan_gap(kind, &s.region)
                )
            })?;
            let share = offer.upfront_share();
            let mut f = commitment(
                s,
                od,
                term,
                sp.usd * (1.0 - share),
                sp.usd * share * term.hours(),
                &cite(sp),
                "the Savings Plan commitment",
            );
            f.calculation.push_str(&format!(
                "; Savings Plans rate {}/h, commitment {} × {}/h = {}/h, {}% of it upfront",
                unit_price(sp.usd),
                quantity(s.baseline_count, 4),
                unit_price(sp.usd),
                unit_price(round_to(s.baseline_count * sp.usd, 6)),
                quantity(share * 100.0, 0)
            ));
            Ok(f)
        }
        Choice::Spot => {
            if s.service == Service::Rds {
                return Err("RDS has no Spot purchase option".into());
            }
            let advice = catalog.spot_advice(&s.region, &s.instance_type);
            let band = advice.map(|a| a.interruption_band.clone());
            let factor = 1.0 + settings.spot_overhead_pct / 100.0;
            let hours = ih * factor;
            let (spot_rate, how) = if let Some(r) = rate(catalog, s, PriceOption::Spot) {
                (
                    r.usd,
                    format!("Spot price {}/h {}", unit_price(r.usd), cite(r)),
                )
            } else if let Some(a) = advice {
                let v = od.usd * (1.0 - a.savings_pct / 100.0);
                (
                    v,
                    format!(
                        "no Spot price in the catalogue: On-Demand {}/h × (1 − {}% advisor savings) = {}/h [{} {}]",
                        unit_price(od.usd),
                        a.savings_pct,
                        unit_price(round_to(v, 8)),
                        a.source,
                        a.effective_date
                    ),
                )
            } else {
                return Err(format!(
                    "the catalogue has no Spot price or Spot Instance Advisor savings for {}/{}",
                    s.region, s.instance_type
                ));
            };
            let monthly = hours * spot_rate;
            let mut calc = format!("{}: {} h", s.item_id, quantity(ih, 4));
            if settings.spot_overhead_pct > 0.0 {
                calc.push_str(&format!(
                    " × (1 + {}% re-run overhead) = {} h",
                    quantity(settings.spot_overhead_pct, 2),
                    quantity(hours, 4)
                ));
            }
            calc.push_str(&format!(
                " × {}/h = {} a month; {how}",
                unit_price(spot_rate),
                money(monthly)
            ));
            if let Some(b) = &band {
                calc.push_str(&format!("; interruption frequency {b}"));
            }
            Ok(Flow {
                upfront_usd: 0.0,
                term: None,
                commit_monthly_usd: 0.0,
                usage_monthly_usd: monthly,
                on_demand_rate: od.usd,
                effective_rate: None,
                committed_hours: 0.0,
                used_committed_hours: 0.0,
                interruption_band: band,
                calculation: calc,
            })
        }
    }
}

/// A commitment covering the subject's baseline instances every hour of `term`: `hourly` per
/// instance-hour paid monthly for `count × 730 h`, `upfront_each` per instance upfront each term;
/// instance-hours above the baseline On-Demand. Shared by Reserved Instances and Savings Plans.
fn commitment(
    s: &Subject,
    od: &Rate,
    term: Term,
    hourly: f64,
    upfront_each: f64,
    cited: &str,
    what: &str,
) -> Flow {
    let n = s.baseline_count;
    let commit = n * HOURS_PER_MONTH * hourly;
    let upfront = n * upfront_each;
    let spikes = s.spike_instance_hours * od.usd;
    let eff = hourly + upfront_each / term.hours();
    let mut calc = format!(
        "{}: {} × 730 h × {}/h = {} a month",
        s.item_id,
        quantity(n, 4),
        unit_price(round_to(hourly, 8)),
        money(commit)
    );
    if upfront_each > 0.0 {
        calc.push_str(&format!(
            " + {} × {} upfront every {} months = {}",
            quantity(n, 4),
            money(upfront_each),
            term.months(),
            money(upfront)
        ));
        calc.push_str(&format!(
            "; effective {}/h = {}/h + {} / {} h",
            unit_price(round_to(eff, 6)),
            unit_price(round_to(hourly, 8)),
            money(upfront_each),
            quantity(term.hours(), 0),
        ));
    }
    calc.push(' ');
    calc.push_str(cited);
    if s.spike_instance_hours > 0.0 {
        calc.push_str(&format!(
            "; {} h above the committed baseline On-Demand × {}/h = {}",
            quantity(s.spike_instance_hours, 4),
            unit_price(od.usd),
            money(spikes)
        ));
    }
    if s.baseline_hours < HOURS_PER_MONTH {
        calc.push_str(&format!(
            "; the instances run {} of 730 h but {what} is paid for every hour",
            quantity(s.baseline_hours, 4)
        ));
    }
    Flow {
        upfront_usd: upfront,
        term: Some(term),
        commit_monthly_usd: commit,
        usage_monthly_usd: spikes,
        on_demand_rate: od.usd,
        effective_rate: Some(eff),
        committed_hours: n * HOURS_PER_MONTH,
        used_committed_hours: n * s.baseline_hours,
        interruption_band: None,
        calculation: calc,
    }
}

fn round_to(v: f64, decimals: i32) -> f64 {
    let p = 10f64.powi(decimals);
    (v * p).round() / p
}

/// The best Reserved Instance count for the subject's hourly usage, with the RI offering of the
/// lowest effective rate, and the best Savings Plan commitment ($/hour) with the Savings Plan
/// offering of the lowest rate (its effective rate: the upfront part is part of the
/// commitment); `None` when no RI rate or On-Demand rate exists.
pub fn optimum(s: &Subject, catalog: &Catalog, settings: &Settings) -> Option<ItemOptimum> {
    let od = on_demand_rate(s, catalog).ok()?;
    let lowest = |kind: fn(&Choice) -> bool| {
        let mut best: Option<(Choice, f64)> = None;
        for choice in Choice::all().into_iter().filter(&kind) {
            if let Ok(f) = price(s, choice, catalog, settings)
                && let Some(eff) = f.effective_rate
                && best.is_none_or(|(_, b)| eff < b)
            {
                best = Some((choice, eff));
            }
        }
        best
    };
    let (choice, eff) = lowest(|c| matches!(c, Choice::Reserved(_)))?;
    let sp = lowest(|c| matches!(c, Choice::SavingsPlan { .. }));
    let savings_plan = sp.map(|(sp_choice, sp_rate)| SpOptimum {
        choice: sp_choice,
        label: sp_choice.label(),
        sp_rate,
        curve: optimise::savings_plan(
            &[optimise::SpBucket {
                label: s.label.clone(),
                on_demand_rate: od,
                sp_rate,
                usage: s.hourly.clone(),
            }],
            40,
        ),
    });
    let savings_plan_unavailable = savings_plan.is_none().then(|| {
        let kind = crate::catalog::SavingsPlanKind::Compute;
        format!(
            "the catalogue has no Savings Plans rate for {}/{} ({})",
            s.region,
            s.instance_type,
            crate::cost::ec2::savings_plan_gap(kind, &s.region)
        )
    });
    Some(ItemOptimum {
        item_id: s.item_id.clone(),
        choice,
        label: choice.label(),
        on_demand_rate: od,
        effective_rate: eff,
        curve: optimise::reserved_count(&s.hourly, od, eff),
        savings_plan,
        savings_plan_unavailable,
    })
}
