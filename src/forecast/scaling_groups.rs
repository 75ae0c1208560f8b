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
//! distinct group definition ([`run::priced`] remembers it in the caller's [`SimCache`]).

use crate::catalog::Catalog;
use crate::cost::CostError;
use crate::scaling::run::SimCache;
use crate::scaling::{GroupSpec, run};
use chrono::NaiveDate;

/// The simulator's longest horizon, months ([`crate::scaling::group::SimSettings::months`]).
const MAX_SIMULATED_MONTHS: u32 = 36;

/// Simulated monthly costs of the plan's groups over the projection.
pub struct GroupMonths {
    start: NaiveDate,
    months: u32,
}

impl GroupMonths {
    /// For a plan starting at `start`, projected over `months` months.
    pub fn new(start: NaiveDate, months: u32) -> GroupMonths {
        GroupMonths {
            start,
            months: months.clamp(1, MAX_SIMULATED_MONTHS),
        }
    }

    /// The recurring cost of group `g` (plan item `item`, in `region`) in month `t` of the
    /// projection. The simulation is [`run::priced`]'s, remembered in `cache` across the months
    /// (and across forecasts that share the cache while the group is unchanged).
    pub fn month_usd(
        &self,
        g: &GroupSpec,
        item: &str,
        region: &str,
        catalog: &Catalog,
        cache: &SimCache,
        t: usize,
    ) -> Result<f64, CostError> {
        let mut spec = g.clone();
        spec.simulation.months = self.months;
        let priced = run::priced(&spec, self.start, catalog, region, cache)
            .map_err(|e| crate::cost::scaling_group::cost_error(item, e))?;
        let months = &priced.bill.months;
        Ok(months
            .get(t)
            .or(months.last())
            .map_or(0.0, |m| m.recurring_usd()))
    }
}
