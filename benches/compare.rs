//! Purchase-option comparison speed: the whole-plan comparison of a generated plan (the default
//! plan's items repeated to 1,000 items, every EC2/RDS item compared under all 26 options over
//! 36 months), and the commitment optimiser on 8,760-hour (one year) usage series — the RI count
//! for one item and the Savings Plan commitment over four buckets.
//!
//! Run with `cargo bench --bench compare`.

use cloudplan::catalog::load::embedded;
use cloudplan::plan::file::default_plan;
use cloudplan::plan::formula::Evaluator;
use cloudplan::plan::{Num, SpikePeriod, Usage};
use cloudplan::purchase::optimise::{SpBucket, reserved_count, savings_plan};
use cloudplan::purchase::{Settings, compare_plan, series};
#[path = "common.rs"]
mod common;
use common::big_plan;
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn year(baseline: f64, peak: f64, hours: f64) -> Vec<f64> {
    let u = Usage::Spike {
        period: SpikePeriod::Daily,
        baseline: Num::Value(baseline),
        peak: Num::Value(peak),
        peak_hours: Num::Value(hours),
        days: vec![],
        days_per_month: None,
    };
    let m = series::month(0.0, &u, &Evaluator::default()).expect("valid pattern");
    series::repeat(&m, 8760)
}

fn bench(c: &mut Criterion) {
    let catalog = embedded();
    let settings = Settings {
        horizon_months: 36,
        spot_overhead_pct: 5.0,
    };
    let plan = default_plan();
    c.bench_function("compare_default_plan_36m", |b| {
        b.iter(|| black_box(compare_plan(&plan, catalog, settings).unwrap()))
    });
    let big = big_plan(1_000);
    c.bench_function("compare_plan_1000_items_36m", |b| {
        b.iter(|| black_box(compare_plan(&big, catalog, settings).unwrap()))
    });

    // m5.large us-east-1: On-Demand $0.096/h; 3yr standard All Upfront $949 → $949 / 26,280 h.
    let usage = year(20.0, 60.0, 10.0);
    let eff = 949.0 / 26280.0;
    c.bench_function("optimise_ri_count_8760h", |b| {
        b.iter(|| black_box(reserved_count(&usage, 0.096, eff)))
    });

    // Four buckets with the illustrative rates of the Savings Plans user guide example
    // (docs.aws.amazon.com/savingsplans/latest/userguide/sp-applying.html).
    let rates = [(4.0, 2.0), (10.0, 8.0), (1.5, 1.0), (2.0, 1.0)];
    let buckets: Vec<SpBucket> = rates
        .iter()
        .enumerate()
        .map(|(i, (od, sp))| SpBucket {
            label: format!("bucket {i}"),
            on_demand_rate: *od,
            sp_rate: *sp,
            usage: year(i as f64 + 1.0, 4.0 * (i as f64 + 2.0), 6.0 + i as f64),
        })
        .collect();
    c.bench_function("optimise_savings_plan_8760h_4_buckets", |b| {
        b.iter(|| black_box(savings_plan(&buckets, 50)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
