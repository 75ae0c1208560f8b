//! One call from a group definition to a priced simulation: validate, build the demand,
//! look up prices, simulate, bill. Used by the cost engine, the CLI and the app.

use super::ScalingError;
use super::billing::{self, Bill, GroupPrices};
use super::demand::{DemandSeries, DemandSpec};
use super::group::GroupSpec;
use super::simulate::{SimOptions, Simulation, next_month, simulate};
use crate::catalog::Catalog;
use chrono::{NaiveDate, NaiveDateTime};

/// A priced simulation.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub simulation: Simulation,
    pub prices: GroupPrices,
    pub bill: Bill,
    /// Demand per step (as simulated).
    pub demand: Vec<f64>,
}

/// Number of steps of `step_minutes` in `months` calendar months from `start`.
pub fn horizon_steps(start: NaiveDate, months: u32, step_minutes: u32) -> usize {
    let mut end = start;
    for _ in 0..months {
        end = next_month(end);
    }
    ((end - start).num_minutes() / step_minutes.max(1) as i64).max(0) as usize
}

/// Simulate and price `group` from `start` (the plan's first month). `csv_demand` supplies
/// the series when the group's demand is `source: csv` (the shells read the file); it then
/// also sets the start and, capped by `simulation.months`, the length.
pub fn run(
    group: &GroupSpec,
    start: NaiveDate,
    catalog: &Catalog,
    region: &str,
    csv_demand: Option<&DemandSeries>,
    keep_steps: bool,
) -> Result<Outcome, ScalingError> {
    group.validate()?;
    let step = group.simulation.step_minutes;
    let (t0, demand): (NaiveDateTime, Vec<f64>) = match (&group.demand, csv_demand) {
        (_, Some(series)) => {
            let mut v = series.resample(step);
            let cap = horizon_steps(series.start.date(), group.simulation.months, step);
            v.truncate(cap);
            (series.start, v)
        }
        (DemandSpec::Profile(p), None) => {
            let t0 = start.and_hms_opt(0, 0, 0).unwrap_or_default();
            let n = horizon_steps(start, group.simulation.months, step);
            (t0, p.generate(t0, step, n, group.simulation.seed))
        }
        (DemandSpec::Csv { path }, None) => {
            return Err(ScalingError::field(
                "demand.path",
                format!(
                    "demand comes from the CSV file `{path}`, which was not loaded (the estimate cannot read files; use `cloudplan simulate`)"
                ),
            ));
        }
    };
    if demand.is_empty() {
        return Err(ScalingError::field("demand", "the demand series is empty"));
    }
    let prices = billing::prices(group, catalog, region)?;
    let opts = SimOptions {
        start: t0,
        step_minutes: step,
        seed: group.simulation.seed,
        spot_interruptions_per_hour: prices.interruptions_per_hour,
        keep_steps,
    };
    let simulation = simulate(group, &demand, &opts);
    let bill = billing::bill(group, &simulation, &prices);
    Ok(Outcome {
        simulation,
        prices,
        bill,
        demand,
    })
}

/// One group to simulate with [`run_many`]: the group, its start month and its region.
pub type Job<'a> = (&'a GroupSpec, NaiveDate, &'a str);

/// [`run`] for many groups (profile demand), spread over the machine's cores with scoped
/// threads; results in the order of `jobs`.
pub fn run_many(
    jobs: &[Job<'_>],
    catalog: &Catalog,
    keep_steps: bool,
) -> Vec<Result<Outcome, ScalingError>> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(jobs.len())
        .max(1);
    if threads == 1 {
        return jobs
            .iter()
            .map(|(g, start, region)| run(g, *start, catalog, region, None, keep_steps))
            .collect();
    }
    let chunk = jobs.len().div_ceil(threads);
    std::thread::scope(|s| {
        let handles: Vec<_> = jobs
            .chunks(chunk)
            .map(|part| {
                s.spawn(move || {
                    part.iter()
                        .map(|(g, start, region)| run(g, *start, catalog, region, None, keep_steps))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| {
                h.join().unwrap_or_else(|_| {
                    vec![Err(ScalingError::field(
                        "simulation",
                        "a simulation thread failed",
                    ))]
                })
            })
            .collect()
    })
}
