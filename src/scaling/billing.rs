//! Billing of a simulated group: instance-hours by purchase class priced from the catalogue,
//! per month, with a cost range (group held at min capacity / simulated / held at max).
//!
//! Rules and sources:
//! * Linux On-Demand, Reserved and Spot instances bill per second with a 60-second minimum
//!   per running interval ("Announcing Amazon EC2 per second billing", AWS What's New,
//!   2017-10-02): [`billed_seconds`]. The simulator's steps are at least 60 s, so every launch
//!   is billed at least a minute by construction; instance time is summed per step.
//! * On-Demand capacity runs on one instance type chosen by the On-Demand allocation strategy
//!   (`prioritized`: the first listed; `lowest-price`: the cheapest per unit hour). Spot
//!   capacity is shared over the types by the Spot allocation strategy
//!   ([`super::allocation`]); each type is billed at the catalogue's Spot price, and its
//!   interruption band sets the interruption rate (the group's rate is the share-weighted
//!   mean). With a strategy, a missing Spot price or band is an error naming the type and
//!   region. Without one (plans written before strategies existed) Spot capacity is spread
//!   evenly over all listed types, priced at the catalogue's Spot price or, without one,
//!   On-Demand × (1 − Spot Instance Advisor savings), as cloudplan always did.
//! * Reserved Instances are billed for every hour of the month, used or not
//!   (aws.amazon.com/ec2/pricing/reserved-instances/pricing); the upfront fee is amortised
//!   over the term's hours (8,760 / 26,280) in monthly figures. On-Demand hours up to the
//!   reserved count are "covered by reserved" and not billed again.
//! * Spot interruption rate: the Spot Instance Advisor's band is the share of instances
//!   interrupted in a month; the simulator uses the band's midpoint (`>20%` → 25 %) spread
//!   over 730 hours ([`interruption_rate_per_hour`]). This is a modelling assumption.

use super::ScalingError;
use super::allocation::{self, OnDemandAllocationStrategy};
use super::group::GroupSpec;
use super::simulate::Simulation;
use crate::catalog::vocab::ec2::INSTANCE_HOURS;
use crate::catalog::{Catalog, PriceOption, Reservation, Service};
use crate::units::HOURS_PER_MONTH;
use chrono::NaiveDate;

/// Billable seconds of one running interval on a per-second platform: at least 60.
pub fn billed_seconds(run_seconds: u64) -> u64 {
    run_seconds.max(60)
}

/// Monthly interruption share of a Spot Instance Advisor band, as a fraction (band midpoint).
pub fn band_monthly_share(band: &str) -> Option<f64> {
    match band.trim() {
        "<5%" => Some(0.025),
        "5-10%" => Some(0.075),
        "10-15%" => Some(0.125),
        "15-20%" => Some(0.175),
        ">20%" => Some(0.25),
        _ => None,
    }
}

/// Per-instance interruption probability per hour for an advisor band.
pub fn interruption_rate_per_hour(band: &str) -> Option<f64> {
    band_monthly_share(band).map(|s| s / HOURS_PER_MONTH)
}

/// A unit price used by the bill, with where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitPrice {
    /// EC2 instance type the price is for.
    pub instance_type: String,
    /// USD per instance-hour.
    pub usd_per_hour: f64,
    /// `catalogue On-Demand rate`, `catalogue Spot price`, `On-Demand × (1 − 63 % advisor savings)` …
    pub basis: String,
    /// Id of the catalogue sources-table row the price came from.
    pub source: String,
}

/// The prices a group is billed at.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupPrices {
    /// Price of the instance type On-Demand capacity launches on.
    pub on_demand: UnitPrice,
    /// Index in the group's `instance_types` of the type On-Demand capacity launches on.
    pub on_demand_index: usize,
    /// Weight of that type.
    pub on_demand_weight: u32,
    /// (price, weight) per instance type, in the group's order.
    pub spot: Vec<(UnitPrice, u32)>,
    /// Share of the Spot capacity units per entry of `spot`, from the Spot allocation
    /// strategy; `None` without a strategy (an even spread, computed as before strategies).
    pub spot_share: Option<Vec<f64>>,
    /// Recurring hourly rate and upfront fee per Reserved Instance, with the term's hours.
    pub reserved: Option<(UnitPrice, f64, f64)>,
    /// Interruption probability per instance-hour (mean over the Spot types).
    pub interruptions_per_hour: f64,
}

fn rate(
    catalog: &Catalog,
    region: &str,
    t: &str,
    option: PriceOption,
) -> Option<(f64, f64, String)> {
    catalog
        .tiers(region, Service::Ec2, t, INSTANCE_HOURS, option)
        .first()
        .map(|r| (r.usd, r.upfront_usd, r.source.clone()))
}

/// Look up every price the group needs; a missing one is an error, never $0.
pub fn prices(
    group: &GroupSpec,
    catalog: &Catalog,
    region: &str,
) -> Result<GroupPrices, ScalingError> {
    let missing = |what: String| ScalingError::MissingPrice {
        region: region.to_string(),
        what,
    };
    let dist = &group.distribution;
    let on_demand_index = match dist.on_demand_allocation_strategy {
        OnDemandAllocationStrategy::Prioritized => 0,
        strategy => {
            let mut unit = Vec::with_capacity(group.instance_types.len());
            for c in &group.instance_types {
                let t = &c.instance_type;
                let (od, _, _) = rate(catalog, region, t, PriceOption::OnDemand)
                    .ok_or_else(|| missing(format!("On-Demand instance hours of {t}")))?;
                unit.push(od / c.weight.max(1) as f64);
            }
            allocation::on_demand_index(strategy, &unit)
        }
    };
    let od_choice = &group.instance_types[on_demand_index];
    let first = &od_choice.instance_type;
    let (od, _, od_src) = rate(catalog, region, first, PriceOption::OnDemand)
        .ok_or_else(|| missing(format!("On-Demand instance hours of {first}")))?;
    let on_demand = UnitPrice {
        instance_type: first.clone(),
        usd_per_hour: od,
        basis: match dist.on_demand_allocation_strategy {
            OnDemandAllocationStrategy::Prioritized => "catalogue On-Demand rate".into(),
            s => format!(
                "catalogue On-Demand rate ({} On-Demand allocation)",
                s.as_str()
            ),
        },
        source: od_src,
    };
    let uses_spot = dist.on_demand_pct_above_base < 100.0;
    let mut spot = Vec::new();
    let mut rates = Vec::new();
    let mut spot_share = None;
    if uses_spot && let Some(strategy) = dist.spot_allocation_strategy {
        let mut pools = Vec::with_capacity(group.instance_types.len());
        for (i, c) in group.instance_types.iter().enumerate() {
            let t = &c.instance_type;
            let w = c.weight.max(1);
            let (usd, _, src) = rate(catalog, region, t, PriceOption::Spot).ok_or_else(|| {
                missing(format!(
                    "Spot instance hours of {t} (the {} allocation strategy needs a catalogue Spot price for every listed type)",
                    strategy.as_str()
                ))
            })?;
            let band = catalog
                .spot_advice(region, t)
                .and_then(|a| {
                    let r = allocation::band_rank(&a.interruption_band)?;
                    Some((r, interruption_rate_per_hour(&a.interruption_band)?))
                })
                .ok_or_else(|| {
                    ScalingError::field(
                        format!("instance_types[{i}].instance_type"),
                        format!(
                            "the catalogue has no Spot Instance Advisor interruption band for {t} in {region}; the {} allocation strategy needs one for every listed type",
                            strategy.as_str()
                        ),
                    )
                })?;
            pools.push(allocation::Pool {
                unit_price: usd / w as f64,
                band_rank: band.0,
            });
            rates.push(band.1);
            spot.push((
                UnitPrice {
                    instance_type: t.clone(),
                    usd_per_hour: usd,
                    basis: format!(
                        "catalogue Spot price (Spot prices move hourly); {} allocation",
                        strategy.as_str()
                    ),
                    source: src,
                },
                w,
            ));
        }
        let pools_n = dist
            .spot_instance_pools
            .unwrap_or(allocation::DEFAULT_SPOT_POOLS);
        spot_share = Some(allocation::spot_shares(strategy, &pools, pools_n));
    } else if uses_spot {
        for c in &group.instance_types {
            let t = &c.instance_type;
            let advice = catalog.spot_advice(region, t);
            if let Some(a) = advice
                && let Some(r) = interruption_rate_per_hour(&a.interruption_band)
            {
                rates.push(r);
            }
            let price = if let Some((usd, _, src)) = rate(catalog, region, t, PriceOption::Spot) {
                UnitPrice {
                    instance_type: t.clone(),
                    usd_per_hour: usd,
                    basis: "catalogue Spot price (Spot prices move hourly)".into(),
                    source: src,
                }
            } else {
                let a = advice.ok_or_else(|| {
                    missing(format!(
                        "Spot price or Spot Instance Advisor savings for {t}"
                    ))
                })?;
                let (od_t, _, _) = rate(catalog, region, t, PriceOption::OnDemand)
                    .ok_or_else(|| missing(format!("On-Demand instance hours of {t}")))?;
                UnitPrice {
                    instance_type: t.clone(),
                    usd_per_hour: od_t * (1.0 - a.savings_pct / 100.0),
                    basis: format!(
                        "On-Demand × (1 − {}% Spot Instance Advisor savings)",
                        a.savings_pct
                    ),
                    source: a.source.clone(),
                }
            };
            spot.push((price, c.weight.max(1)));
        }
    }
    let reserved = match &group.reserved {
        Some(r) if r.count > 0 => {
            let opt = PriceOption::Reserved(Reservation {
                class: r.class,
                term: r.term,
                payment: r.payment,
            });
            let (usd, upfront, src) = rate(catalog, region, first, opt)
                .ok_or_else(|| missing(format!("{opt} instance hours of {first}")))?;
            Some((
                UnitPrice {
                    instance_type: first.clone(),
                    usd_per_hour: usd,
                    basis: format!("catalogue {opt} rate"),
                    source: src,
                },
                upfront,
                r.term.hours(),
            ))
        }
        _ => None,
    };
    let interruptions_per_hour = match &spot_share {
        // Share-weighted: expected units interrupted per Spot unit-hour.
        Some(share) => share.iter().zip(&rates).map(|(s, r)| s * r).sum(),
        None if rates.is_empty() => 0.0,
        None => rates.iter().sum::<f64>() / rates.len() as f64,
    };
    Ok(GroupPrices {
        on_demand,
        on_demand_index,
        on_demand_weight: od_choice.weight.max(1),
        spot,
        spot_share,
        reserved,
        interruptions_per_hour,
    })
}

impl GroupPrices {
    /// The Spot capacity units (of `units`) that land on entry `i` of `spot`.
    pub fn spot_units_on(&self, i: usize, units: f64) -> f64 {
        match &self.spot_share {
            Some(share) => units * share.get(i).copied().unwrap_or(0.0),
            None => units / self.spot.len().max(1) as f64,
        }
    }
}

/// One month of the bill.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MonthCost {
    /// First day of the month.
    pub month: NaiveDate,
    /// Hours of the month inside the simulation.
    pub hours: f64,
    /// On-Demand instance-hours billed at the On-Demand rate (not covered by reserved).
    pub on_demand_hours: f64,
    /// USD of `on_demand_hours` at the On-Demand rate.
    pub on_demand_usd: f64,
    /// On-Demand instance-hours covered by Reserved Instances.
    pub reserved_covered_hours: f64,
    /// Reserved Instances: count × hours of the month at the effective hourly rate.
    pub reserved_usd: f64,
    /// The recurring part of `reserved_usd` (count × hours × the hourly fee); the rest is the
    /// upfront fee spread over the term.
    pub reserved_recurring_usd: f64,
    /// Spot instance-hours (capacity-unit-hours ÷ each type's weight).
    pub spot_hours: f64,
    /// USD of the Spot capacity at each type's Spot price.
    pub spot_usd: f64,
    /// (instance-hours, USD) per entry of [`GroupPrices::spot`]: where the Spot capacity landed.
    pub spot_by_type: Vec<(f64, f64)>,
    /// On-Demand + Reserved (upfront amortised) + Spot, USD for the month.
    pub total_usd: f64,
    /// The group held at its min capacity all month / at its max capacity all month.
    pub at_min_usd: f64,
    /// USD with the group held at its max capacity all month.
    pub at_max_usd: f64,
}

impl MonthCost {
    /// What the month bills apart from upfront fees: On-Demand, the Reserved Instances'
    /// hourly fee and Spot — the month's part of the estimate's monthly cost (the estimate
    /// lists the upfront fee on its own).
    pub fn recurring_usd(&self) -> f64 {
        self.on_demand_usd + self.reserved_recurring_usd + self.spot_usd
    }
}

/// The bill of a simulation.
#[derive(Debug, Clone, PartialEq)]
pub struct Bill {
    /// Cost of each simulated month.
    pub months: Vec<MonthCost>,
    /// Sum of the months' `total_usd`, USD.
    pub total_usd: f64,
    /// Mean over the simulated months.
    pub average_monthly_usd: f64,
    /// Mean of the months' `at_min_usd` (low end of the cost range).
    pub average_at_min_usd: f64,
    /// Mean of the months' `at_max_usd` (high end of the cost range).
    pub average_at_max_usd: f64,
}

fn spot_usd_per_unit_hour(p: &GroupPrices) -> f64 {
    if p.spot.is_empty() {
        return 0.0;
    }
    if let Some(share) = &p.spot_share {
        return p
            .spot
            .iter()
            .zip(share)
            .map(|((u, w), s)| s * u.usd_per_hour / *w as f64)
            .sum();
    }
    // Spread evenly over the types: each gets 1/k of the units, `units / weight` instances.
    p.spot
        .iter()
        .map(|(u, w)| u.usd_per_hour / *w as f64)
        .sum::<f64>()
        / p.spot.len() as f64
}

fn spot_instances_per_unit(p: &GroupPrices) -> f64 {
    if p.spot.is_empty() {
        return 0.0;
    }
    if let Some(share) = &p.spot_share {
        return p
            .spot
            .iter()
            .zip(share)
            .map(|((_, w), s)| s / *w as f64)
            .sum();
    }
    p.spot.iter().map(|(_, w)| 1.0 / *w as f64).sum::<f64>() / p.spot.len() as f64
}

/// Cost of `units` running for `hours` at the group's split and prices (for the range).
fn held_cost(group: &GroupSpec, p: &GroupPrices, units: u32, hours: f64) -> f64 {
    let (od, spot) = group.distribution.split(units);
    let w0 = p.on_demand_weight as f64;
    let od_i = (od as f64 / w0).ceil();
    let (covered, ri) = match (&group.reserved, &p.reserved) {
        (Some(r), Some((u, upfront, term_h))) => (
            od_i.min(r.count as f64),
            r.count as f64 * hours * (u.usd_per_hour + upfront / term_h),
        ),
        _ => (0.0, 0.0),
    };
    (od_i - covered) * hours * p.on_demand.usd_per_hour
        + ri
        + spot as f64 * hours * spot_usd_per_unit_hour(p)
}

/// Price a simulation month by month.
pub fn bill(group: &GroupSpec, sim: &Simulation, p: &GroupPrices) -> Bill {
    let spot_rate = spot_usd_per_unit_hour(p);
    let spot_inst = spot_instances_per_unit(p);
    let months: Vec<MonthCost> = sim
        .months
        .iter()
        .map(|m| {
            let covered = if p.reserved.is_some() {
                m.reserved_covered_hours
            } else {
                0.0
            };
            let od_hours = m.on_demand_instance_hours - covered;
            let (reserved_usd, reserved_recurring_usd) = match (&group.reserved, &p.reserved) {
                (Some(r), Some((u, upfront, term_h))) => (
                    r.count as f64 * m.hours * (u.usd_per_hour + upfront / term_h),
                    r.count as f64 * m.hours * u.usd_per_hour,
                ),
                _ => (0.0, 0.0),
            };
            let on_demand_usd = od_hours * p.on_demand.usd_per_hour;
            let spot_usd = m.spot_unit_hours * spot_rate;
            MonthCost {
                month: m.month,
                hours: m.hours,
                on_demand_hours: od_hours,
                on_demand_usd,
                reserved_covered_hours: covered,
                reserved_usd,
                reserved_recurring_usd,
                spot_hours: m.spot_unit_hours * spot_inst,
                spot_usd,
                spot_by_type: p
                    .spot
                    .iter()
                    .enumerate()
                    .map(|(i, (u, w))| {
                        let units = p.spot_units_on(i, m.spot_unit_hours);
                        let inst = units / *w as f64;
                        (inst, inst * u.usd_per_hour)
                    })
                    .collect(),
                total_usd: on_demand_usd + reserved_usd + spot_usd,
                at_min_usd: held_cost(group, p, group.min, m.hours),
                at_max_usd: held_cost(group, p, group.max, m.hours),
            }
        })
        .collect();
    let k = months.len().max(1) as f64;
    let total_usd = months.iter().map(|m| m.total_usd).sum::<f64>();
    Bill {
        total_usd,
        average_monthly_usd: total_usd / k,
        average_at_min_usd: months.iter().map(|m| m.at_min_usd).sum::<f64>() / k,
        average_at_max_usd: months.iter().map(|m| m.at_max_usd).sum::<f64>() / k,
        months,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sixty_second_minimum() {
        assert_eq!(billed_seconds(5), 60);
        assert_eq!(billed_seconds(60), 60);
        assert_eq!(billed_seconds(61), 61);
    }

    #[test]
    fn bands() {
        assert_eq!(band_monthly_share("<5%"), Some(0.025));
        assert_eq!(band_monthly_share(">20%"), Some(0.25));
        assert_eq!(band_monthly_share("?"), None);
        assert!((interruption_rate_per_hour("10-15%").unwrap() * 730.0 - 0.125).abs() < 1e-12);
    }
}
