//! Auto Scaling groups in the projection. The estimate prices a group at its simulated
//! monthly average ([`crate::cost`]); over a horizon the group's demand moves (a growth trend,
//! a weekly or monthly pattern), so the projection bills each month at that month of the
//! group's simulation instead: On-Demand, the Reserved Instances' hourly fee and Spot of the
//! simulated calendar month ([`crate::scaling::billing::MonthCost::recurring_usd`]). The
//! group's Reserved Instances are a commitment like a reserved EC2 item's
//! ([`super::commitments`]): upfront fee at each term's start, renewal or lapse (then the group
//! is simulated without them), fees owed after the horizon.
//!
//! The group is simulated from the plan's start month over the projection's months (the
//! simulator's 36-month limit holds: later months keep the 36th month's cost), once per
//! distinct group definition — a driver that changes a group's fields re-simulates it.

use crate::catalog::Catalog;
use crate::cost::CostError;
use crate::scaling::{GroupSpec, run};
use chrono::NaiveDate;

/// The simulator's longest horizon, months ([`crate::scaling::group::SimSettings::months`]).
const MAX_SIMULATED_MONTHS: u32 = 36;

/// Simulated monthly costs of the plan's groups, by plan item index.
pub struct GroupMonths {
    start: NaiveDate,
    months: u32,
    /// (the definition simulated, recurring USD per month from the start month).
    cache: Vec<Option<(GroupSpec, Vec<f64>)>>,
}

impl GroupMonths {
    /// For a plan of `items` items starting at `start`, projected over `months` months.
    pub fn new(start: NaiveDate, months: u32, items: usize) -> GroupMonths {
        GroupMonths {
            start,
            months: months.clamp(1, MAX_SIMULATED_MONTHS),
            cache: vec![None; items],
        }
    }

    /// The recurring cost of group `g` (plan item `index`, id `item`, in `region`) in month
    /// `t` of the projection.
    pub fn month_usd(
        &mut self,
        index: usize,
        g: &GroupSpec,
        item: &str,
        region: &str,
        catalog: &Catalog,
        t: usize,
    ) -> Result<f64, CostError> {
        let slot = &mut self.cache[index];
        if slot.as_ref().is_none_or(|(spec, _)| spec != g) {
            let mut spec = g.clone();
            spec.simulation.months = self.months;
            let outcome = run::run(&spec, self.start, catalog, region, None, false)
                .map_err(|e| crate::cost::scaling_group::cost_error(item, e))?;
            let costs = outcome
                .bill
                .months
                .iter()
                .map(|m| m.recurring_usd())
                .collect();
            *slot = Some((g.clone(), costs));
        }
        let costs = slot.as_ref().map_or(&[][..], |(_, c)| c.as_slice());
        Ok(costs.get(t).or(costs.last()).copied().unwrap_or(0.0))
    }
}
