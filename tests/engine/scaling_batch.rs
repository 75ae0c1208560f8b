//! `scaling::simulate_many` (many groups simulated over the machine's cores) gives each group
//! exactly what `scaling::simulate` gives it alone: random groups of every shape
//! (`random_groups`), hourly and finer steps, two start months and three lengths in one call,
//! interruption rates from none to frequent, month totals only or with series. The bulk paths
//! `bill_many` and `priced_many` bill each group as `run` does alone.

use crate::random_groups;

use chrono::NaiveDate;
use cloudplan::scaling::demand::DemandSpec;
use cloudplan::scaling::rng::SplitMix64;
use cloudplan::scaling::run::horizon_steps;
use cloudplan::scaling::{GroupSpec, Record, SimOptions, simulate, simulate_many};
use random_groups::{pick, rand_group};

#[test]
fn simulate_many_gives_each_group_its_own_simulation() {
    let mut r = SplitMix64::new(20_261_130);
    let mut cases: Vec<(GroupSpec, Vec<f64>, SimOptions)> = Vec::new();
    while cases.len() < 700 {
        let mut v = rand_group(&mut r);
        // Mostly the lane shape's hourly steps.
        if !r.next_u64().is_multiple_of(4) {
            v["simulation"]["step_minutes"] = 60.into();
        }
        v["simulation"]["months"] = (1 + r.next_u64() % 3).into();
        // Predictive buffers that round to a whole hour, so forecasts launch an hour early.
        if v["predictive"].is_object() && r.next_u64().is_multiple_of(2) {
            v["predictive"]["scheduling_buffer_s"] = (*pick(&mut r, &[1800u32, 3600])).into();
        }
        let Ok(g) = serde_json::from_value::<GroupSpec>(v) else {
            continue;
        };
        if g.validate().is_err() {
            continue;
        }
        let DemandSpec::Profile(p) = &g.demand else {
            unreachable!()
        };
        let start = *pick(
            &mut r,
            &[
                NaiveDate::from_ymd_opt(2027, 1, 1).unwrap(),
                NaiveDate::from_ymd_opt(2027, 2, 1).unwrap(),
            ],
        );
        let t0 = start.and_hms_opt(0, 0, 0).unwrap();
        let step = g.simulation.step_minutes;
        let n = horizon_steps(start, g.simulation.months, step);
        let demand = p.generate(t0, step, n, g.simulation.seed);
        let opts = SimOptions {
            start: t0,
            step_minutes: step,
            seed: g.simulation.seed,
            spot_interruptions_per_hour: *pick(&mut r, &[0.0, 0.0002, 0.05, 0.3]),
            record: if r.next_u64().is_multiple_of(8) {
                Record::Series
            } else {
                Record::Months
            },
        };
        cases.push((g, demand, opts));
    }
    let jobs: Vec<_> = cases.iter().map(|(g, d, o)| (g, d.as_slice(), o)).collect();
    let together = simulate_many(&jobs);
    assert_eq!(together.len(), jobs.len());
    let (mut interruptions, mut events) = (0, 0);
    for (i, ((g, d, o), sim)) in jobs.iter().zip(&together).enumerate() {
        assert_eq!(*sim, simulate(g, d, o), "job {i}: {g:?}");
        interruptions += sim.months.iter().map(|m| m.spot_interruptions).sum::<u32>();
        events += sim.months.iter().map(|m| m.scale_events).sum::<u32>();
    }
    // The random groups exercise Spot interruptions, replacements and scaling.
    assert!(
        interruptions > 100 && events > 1000,
        "{interruptions} {events}"
    );
}

/// The sample group with `seeds` and demand levels over 36 months (as in
/// `benches/scaling.rs`).
fn sample_groups(seeds: std::ops::Range<u64>) -> Vec<GroupSpec> {
    let plan = cloudplan::plan::file::sample("autoscaling-web").unwrap();
    let cloudplan::plan::Resource::ScalingGroup(base) = &plan.items[0].resource else {
        panic!("the sample's first item is the group")
    };
    seeds
        .map(|i| {
            let mut g = base.clone();
            g.simulation.months = 36;
            g.simulation.seed = i;
            if let DemandSpec::Profile(p) = &mut g.demand {
                p.base = 800.0 + 40.0 * i as f64;
            }
            g.max = 60;
            g
        })
        .collect()
}

/// The bulk path (`bill_many`, over the cores) bills each group as `run` does alone.
#[test]
fn bill_many_bills_each_group_as_run_does() {
    let groups = sample_groups(0..20);
    let catalog = cloudplan::catalog::load::embedded();
    let start = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
    let jobs: Vec<_> = groups.iter().map(|g| (g, start, "us-east-1")).collect();
    let bills = cloudplan::scaling::run::bill_many(&jobs, catalog);
    for (g, bill) in groups.iter().zip(bills) {
        let alone = cloudplan::scaling::run::run(g, start, catalog, "us-east-1", None, false);
        assert_eq!(
            bill.unwrap(),
            alone.unwrap().bill,
            "seed {}",
            g.simulation.seed
        );
    }
}

/// The cost engine's `priced_many` (groups not remembered simulated together) gives each
/// group `run`'s month totals and bill; a group listed twice is the same result, an invalid
/// one its own error, and `priced` then finds each remembered.
#[test]
fn priced_many_prices_each_group_as_run_does() {
    let mut groups = sample_groups(100..112);
    groups[3].min = groups[3].max + 1;
    groups.push(groups[0].clone());
    let catalog = cloudplan::catalog::load::embedded();
    let start = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
    let jobs: Vec<_> = groups.iter().map(|g| (g, start, "us-east-1")).collect();
    let cache = cloudplan::scaling::run::SimCache::new();
    let priced = cloudplan::scaling::run::priced_many(&jobs, catalog, &cache);
    assert_eq!(priced.len(), groups.len());
    for (g, p) in groups.iter().zip(&priced) {
        let alone = cloudplan::scaling::run::run(g, start, catalog, "us-east-1", None, false);
        match (p, alone) {
            (Ok(p), Ok(alone)) => {
                assert_eq!(p.bill, alone.bill, "seed {}", g.simulation.seed);
                assert_eq!(p.months, alone.simulation.months);
                let again = cloudplan::scaling::run::priced(g, start, catalog, "us-east-1", &cache);
                assert!(std::sync::Arc::ptr_eq(p, &again.unwrap()), "remembered");
            }
            (Err(e), Err(alone)) => assert_eq!(*e, alone),
            (p, alone) => panic!("{p:?} vs {alone:?}"),
        }
    }
    assert!(priced[3].is_err());
    assert!(std::sync::Arc::ptr_eq(
        priced[0].as_ref().unwrap(),
        priced[12].as_ref().unwrap()
    ));
}
