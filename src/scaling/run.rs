//! One call from a group definition to a priced simulation: validate, build the demand,
//! look up prices, simulate, bill. Used by the CLI and the app ([`run`]) and, remembered for
//! unchanged inputs, by the cost engine ([`priced`]).

use super::ScalingError;
use super::batch::in_parallel;
use super::billing::{self, Bill, GroupPrices};
use super::demand::{DemandSeries, DemandSpec};
use super::group::GroupSpec;
use super::simulate::{MonthUsage, Record, SimOptions, Simulation, next_month, simulate};
use crate::catalog::Catalog;
use chrono::{NaiveDate, NaiveDateTime};
use std::sync::{Arc, Mutex};

/// A priced simulation.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// The simulated run: steps, scale events and month totals.
    pub simulation: Simulation,
    /// The catalogue prices the group was billed at.
    pub prices: GroupPrices,
    /// Cost per month and over the run.
    pub bill: Bill,
    /// Demand per step (as simulated).
    pub demand: Vec<f64>,
}

/// What the cost engine reads of a priced simulation.
#[derive(Debug, Clone, PartialEq)]
pub struct PricedSimulation {
    /// Instance time per calendar month ([`Simulation::months`]).
    pub months: Vec<MonthUsage>,
    /// Cost per month and over the run.
    pub bill: Bill,
    /// The catalogue prices the group was billed at.
    pub prices: GroupPrices,
}

/// Everything a priced simulation of a profile-demand group depends on: the definition, the
/// start month, the region and the catalogue's prices for the group.
type MemoKey = (GroupSpec, NaiveDate, String, GroupPrices);

/// How many results a [`SimCache`] keeps (each is a few kilobytes: month totals and prices):
/// the groups of a large plan and their variants in the forecast.
const MEMO_SIZE: usize = 128;

/// Priced simulations remembered for unchanged inputs, owned by whoever prices a plan again
/// and again: the app's document (it re-prices on every edit), one forecast run (it prices the
/// plan month by month), one CLI command. The key holds every input of a simulation — the
/// definition, the start month, the region and the catalogue's prices for the group — so a
/// remembered result is the result; the last [`MEMO_SIZE`] are kept, most recent first.
/// Two caches never see each other's entries (there is no process-wide memo).
#[derive(Debug, Default)]
pub struct SimCache {
    entries: Mutex<Vec<(MemoKey, Arc<PricedSimulation>)>>,
}

impl SimCache {
    /// An empty cache.
    pub fn new() -> SimCache {
        SimCache::default()
    }

    /// How many priced simulations are remembered.
    pub fn len(&self) -> usize {
        self.entries.lock().map_or(0, |e| e.len())
    }

    /// True when nothing is remembered.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// [`run`] for the cost engine (the group's own demand profile, no per-step records),
/// remembered in `cache`: a group whose definition, start month, region and catalogue prices
/// are all unchanged is not simulated again.
pub fn priced(
    group: &GroupSpec,
    start: NaiveDate,
    catalog: &Catalog,
    region: &str,
    cache: &SimCache,
) -> Result<Arc<PricedSimulation>, ScalingError> {
    priced_many(&[(group, start, region)], catalog, cache).remove(0)
}

/// [`priced`] of each job, in order: the jobs `cache` does not hold are simulated together (each
/// distinct one once, over the machine's cores) and remembered. The cost
/// engine calls it with every group of a plan before pricing the plan item by item.
pub fn priced_many(
    jobs: &[Job<'_>],
    catalog: &Catalog,
    cache: &SimCache,
) -> Vec<Result<Arc<PricedSimulation>, ScalingError>> {
    // Every input of each job's simulation, or why it cannot be simulated.
    let keys: Vec<Result<MemoKey, ScalingError>> = jobs
        .iter()
        .map(|(g, start, region)| {
            g.validate()?;
            let prices = billing::prices(g, catalog, region)?;
            Ok(((*g).clone(), *start, region.to_string(), prices))
        })
        .collect();
    let mut out: Vec<Option<Result<Arc<PricedSimulation>, ScalingError>>> = keys
        .iter()
        .map(|k| k.as_ref().err().map(|e| Err(e.clone())))
        .collect();
    if let Ok(mut memo) = cache.entries.lock() {
        for (key, o) in keys.iter().zip(&mut out) {
            if let Ok(key) = key
                && let Some(i) = memo.iter().position(|(k, _)| k == key)
            {
                let hit = memo.remove(i);
                *o = Some(Ok(Arc::clone(&hit.1)));
                memo.insert(0, hit);
            }
        }
    }
    // The rest, each distinct one once: `fresh` = the first job of each, `slot[i]` = job `i`'s
    // place in it.
    let mut fresh: Vec<usize> = Vec::new();
    let mut slot = vec![0; jobs.len()];
    for (i, o) in out.iter().enumerate() {
        if o.is_some() {
            continue;
        }
        slot[i] = match fresh
            .iter()
            .position(|&j| keys[j].as_ref().ok() == keys[i].as_ref().ok())
        {
            Some(k) => k,
            None => {
                fresh.push(i);
                fresh.len() - 1
            }
        };
    }
    let fresh_jobs: Vec<Job> = fresh.iter().map(|&i| jobs[i]).collect();
    let results = over_cores(&fresh_jobs, |part| {
        simulate_part(part, catalog, |group, simulation, prices| {
            let bill = billing::bill(group, &simulation, &prices);
            Arc::new(PricedSimulation {
                months: simulation.months,
                bill,
                prices,
            })
        })
    });
    if let Ok(mut memo) = cache.entries.lock() {
        for (&i, result) in fresh.iter().zip(&results) {
            if let (Ok(key), Ok(result)) = (&keys[i], result) {
                memo.insert(0, (key.clone(), Arc::clone(result)));
            }
        }
        memo.truncate(MEMO_SIZE);
    }
    out.into_iter()
        .zip(slot)
        .map(|(o, k)| o.unwrap_or_else(|| results[k].clone()))
        .collect()
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
    let mut demand = Vec::new();
    let record = if keep_steps {
        Record::Steps
    } else {
        Record::Series
    };
    let ready = prepare(
        group,
        start,
        catalog,
        region,
        csv_demand,
        record,
        &mut demand,
    )?;
    let simulation = simulate(ready.group(group), &demand, &ready.opts);
    let bill = billing::bill(group, &simulation, &ready.prices);
    Ok(Outcome {
        simulation,
        prices: ready.prices,
        bill,
        demand,
    })
}

/// A group ready to simulate: its prices, the simulation's options and, when the catalogue's
/// cheapest On-Demand type is not the first listed, the group with that type first (the
/// simulator prices On-Demand capacity as the first type).
struct Prepared {
    prices: GroupPrices,
    opts: SimOptions,
    reordered: Option<GroupSpec>,
}

impl Prepared {
    /// The group as simulated.
    fn group<'g>(&'g self, group: &'g GroupSpec) -> &'g GroupSpec {
        self.reordered.as_ref().unwrap_or(group)
    }
}

/// Validate `group`, build its demand into `demand` (a buffer reused by the bulk paths) and
/// look up its prices ([`run`]'s arguments; `record` = what the simulation keeps).
fn prepare(
    group: &GroupSpec,
    start: NaiveDate,
    catalog: &Catalog,
    region: &str,
    csv_demand: Option<&DemandSeries>,
    record: Record,
    demand: &mut Vec<f64>,
) -> Result<Prepared, ScalingError> {
    group.validate()?;
    let step = group.simulation.step_minutes;
    let t0: NaiveDateTime = match (&group.demand, csv_demand) {
        (_, Some(series)) => {
            *demand = series.resample(step);
            let cap = horizon_steps(series.start.date(), group.simulation.months, step);
            demand.truncate(cap);
            series.start
        }
        (DemandSpec::Profile(p), None) => {
            let t0 = start.and_hms_opt(0, 0, 0).unwrap_or_default();
            let n = horizon_steps(start, group.simulation.months, step);
            p.generate_into(t0, step, n, group.simulation.seed, demand);
            t0
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
        record,
    };
    let reordered = match prices.on_demand_index {
        0 => None,
        i => Some(group.with_on_demand_type(i)),
    };
    Ok(Prepared {
        prices,
        opts,
        reordered,
    })
}

/// The bulk path: the bill of each job (profile demand), spread over the machine's cores.
/// Results in the order of `jobs`.
pub fn bill_many(jobs: &[Job<'_>], catalog: &Catalog) -> Vec<Result<Bill, ScalingError>> {
    over_cores(jobs, |part| {
        simulate_part(part, catalog, |group, simulation, prices| {
            billing::bill(group, &simulation, &prices)
        })
    })
}

/// Simulate the jobs of `part` (profile demand, month totals only) one after another in one
/// reused demand buffer and hand each result — the group as defined, its simulation and
/// prices — to `f`; results in order.
fn simulate_part<T>(
    part: &[Job<'_>],
    catalog: &Catalog,
    f: impl Fn(&GroupSpec, Simulation, GroupPrices) -> T,
) -> Vec<Result<T, ScalingError>> {
    let mut demand = Vec::new();
    part.iter()
        .map(|(g, start, region)| {
            let ready = prepare(
                g,
                *start,
                catalog,
                region,
                None,
                Record::Months,
                &mut demand,
            )?;
            let simulation = simulate(ready.group(g), &demand, &ready.opts);
            Ok(f(g, simulation, ready.prices))
        })
        .collect()
}

/// [`in_parallel`] over jobs whose results are `Result`s: a failed thread's jobs get an error.
fn over_cores<'j, T: Send>(
    jobs: &'j [Job<'j>],
    f: impl Fn(&'j [Job<'j>]) -> Vec<Result<T, ScalingError>> + Sync,
) -> Vec<Result<T, ScalingError>> {
    in_parallel(jobs, f, |_| {
        Err(ScalingError::field(
            "simulation",
            "a simulation thread failed",
        ))
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
    over_cores(jobs, |part| {
        part.iter()
            .map(|(g, start, region)| run(g, *start, catalog, region, None, keep_steps))
            .collect()
    })
}
