//! Speed of the auto-scaling simulator.
//! * `100 groups x 36 months @ 1 h`: demand generation + simulation + billing of 100 different
//!   groups (target tracking, step scaling, schedule, predictive, Spot mix), 26,280 steps each,
//!   one group after another with events and the hourly series kept ([`run`]).
//! * `run_many`: the same work spread over the machine's cores.
//! * `bill_many`: the bulk path — the same 100 groups billed (month totals only), over the
//!   machine's cores (`scaling::batch`).
//! * `simulate only`: the same 100 groups with demand generated beforehand.
//! * `1 group x 1 year @ 1 min`: 525,600 steps with per-step records kept.
//!
//! Run with `cargo bench --bench scaling`.
//!
//! For a load-independent figure, `SCALING_PROFILE_ONCE=1` runs the 100-group workload once
//! (no criterion) so callgrind can count its instructions:
//! `SCALING_PROFILE_ONCE=1 valgrind --tool=callgrind --toggle-collect='*profile_workload*'
//! target/release/deps/scaling-<hash>`; `SCALING_PROFILE_ONCE=bill` (and
//! `--toggle-collect='*profile_bills*'`) does the same for [`bill_many`]'s work one group at a
//! time on one thread.

#[path = "common.rs"]
mod common;

use chrono::NaiveDate;
use cloudplan::catalog::load::embedded;
use cloudplan::plan::{Resource, file};
use cloudplan::scaling::demand::DemandSpec;
use cloudplan::scaling::run::{bill_many, horizon_steps, run, run_many};
use cloudplan::scaling::{GroupSpec, Record, SimOptions, simulate};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn sample_group() -> GroupSpec {
    let plan = file::sample("autoscaling-web").expect("embedded sample");
    match &plan.items[0].resource {
        Resource::ScalingGroup(g) => g.clone(),
        _ => panic!("the sample's first item is the group"),
    }
}

fn groups(n: usize, months: u32, step: u32) -> Vec<GroupSpec> {
    let base = sample_group();
    (0..n)
        .map(|i| {
            let mut g = base.clone();
            g.simulation.months = months;
            g.simulation.step_minutes = step;
            g.simulation.seed = i as u64;
            if let DemandSpec::Profile(p) = &mut g.demand {
                p.base = 800.0 + 40.0 * i as f64;
            }
            g.max = 60;
            g
        })
        .collect()
}

/// The first benchmark's work, once: demand + simulate + bill of the 100 groups.
#[inline(never)]
fn profile_workload(hundred: &[GroupSpec], start: NaiveDate) -> f64 {
    let catalog = embedded();
    let mut total = 0.0;
    for g in hundred {
        let o = run(g, start, catalog, "us-east-1", None, false).unwrap();
        total += o.bill.total_usd;
    }
    total
}

/// The bulk path's work, once, on this thread: [`bill_many`] one group at a time.
#[inline(never)]
fn profile_bills(hundred: &[GroupSpec], start: NaiveDate) -> f64 {
    let catalog = embedded();
    let mut total = 0.0;
    for g in hundred {
        total += bill_many(&[(g, start, "us-east-1")], catalog)[0]
            .as_ref()
            .unwrap()
            .total_usd;
    }
    total
}

fn bench(c: &mut Criterion) {
    let catalog = embedded();
    let start = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
    let hundred = groups(100, 36, 60);
    match std::env::var("SCALING_PROFILE_ONCE").as_deref() {
        Ok("bill") => {
            println!("total {}", black_box(profile_bills(&hundred, start)));
            std::process::exit(0);
        }
        Ok(_) => {
            println!("total {}", black_box(profile_workload(&hundred, start)));
            std::process::exit(0);
        }
        Err(_) => {}
    }
    c.bench_function(
        "scaling: 100 groups x 36 months @ 1 h (demand + simulate + bill)",
        |b| {
            b.iter(|| {
                let mut total = 0.0;
                for g in &hundred {
                    let o = run(g, start, catalog, "us-east-1", None, false).unwrap();
                    total += o.bill.total_usd;
                }
                black_box(total)
            })
        },
    );

    let jobs: Vec<(&GroupSpec, NaiveDate, &str)> =
        hundred.iter().map(|g| (g, start, "us-east-1")).collect();
    c.bench_function(
        "scaling: 100 groups x 36 months @ 1 h (run_many, all cores)",
        |b| {
            b.iter(|| {
                let total: f64 = run_many(&jobs, catalog, false)
                    .into_iter()
                    .map(|o| o.unwrap().bill.total_usd)
                    .sum();
                black_box(total)
            })
        },
    );

    c.bench_function(
        "scaling: 100 groups x 36 months @ 1 h (bill_many: all cores, reused buffers)",
        |b| {
            b.iter(|| {
                let total: f64 = bill_many(&jobs, catalog)
                    .into_iter()
                    .map(|o| o.unwrap().total_usd)
                    .sum();
                black_box(total)
            })
        },
    );

    let t0 = start.and_hms_opt(0, 0, 0).unwrap();
    let n = horizon_steps(start, 36, 60);
    let demands: Vec<Vec<f64>> = hundred
        .iter()
        .map(|g| match &g.demand {
            DemandSpec::Profile(p) => p.generate(t0, 60, n, g.simulation.seed),
            DemandSpec::Csv { .. } => unreachable!(),
        })
        .collect();
    let opts = SimOptions {
        start: t0,
        step_minutes: 60,
        seed: 1,
        spot_interruptions_per_hour: 0.0002,
        record: Record::Series,
    };
    c.bench_function(
        "scaling: 100 groups x 36 months @ 1 h (simulate only)",
        |b| {
            b.iter(|| {
                let mut s = 0usize;
                for (g, d) in hundred.iter().zip(&demands) {
                    s += simulate(g, d, &opts).events.len();
                }
                black_box(s)
            })
        },
    );

    let one = groups(1, 12, 1).remove(0);
    let mut group = c.benchmark_group("scaling-minute");
    group.sample_size(10);
    group.bench_function(
        "scaling: 1 group x 1 year @ 1 min (per-step records kept)",
        |b| {
            b.iter(|| {
                black_box(
                    run(&one, start, catalog, "us-east-1", None, true)
                        .unwrap()
                        .bill
                        .total_usd,
                )
            })
        },
    );
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
