//! Forecast speed: a 36-month projection of a 10,000-item plan whose parameter grows every month
//! (so all 36 months are priced by `cost::estimate`), the same with an item window (each month's
//! plan is rebuilt), and a Holt-Winters fit on the 144 points of AirPassengers.
//!
//! Run with `cargo bench --bench forecast`.

use cloudplan::catalog::load::embedded;
use cloudplan::forecast::{history, models, project};
use cloudplan::plan::growth::{GrowthDriver, Period, Target};
#[path = "common.rs"]
mod common;
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

/// The default plan's items repeated (with fresh ids) up to `n` items, `users` growing 3 %/month
/// with a seasonal pattern.
fn growing_plan(n: usize, window: bool) -> cloudplan::plan::Plan {
    let mut plan = common::big_plan(n);
    plan.horizon_months = 36;
    let users = Target::Parameter("users".into());
    plan.growth = vec![
        GrowthDriver::Compound {
            target: users.clone(),
            pct: 3.0,
            per: Period::Month,
            from: None,
        },
        GrowthDriver::Seasonal {
            target: users,
            factors: vec![0.9, 0.9, 1.0, 1.0, 1.0, 1.1, 1.1, 1.1, 1.0, 1.0, 1.0, 1.2],
        },
    ];
    if window {
        plan.growth.push(GrowthDriver::ItemWindow {
            item: plan.items[0].id.clone(),
            start: Some("2027-06".into()),
            end: None,
        });
    }
    plan
}

fn bench(c: &mut Criterion) {
    let catalog = embedded();
    let plan = growing_plan(10_000, false);
    assert!(cloudplan::plan::file::validate(&plan).is_ok());
    let mut g = c.benchmark_group("forecast");
    g.sample_size(10);
    g.bench_function("project_36_months_10k_items", |b| {
        b.iter(|| project::project(black_box(&plan), catalog, Some(36)).unwrap())
    });
    let windowed = growing_plan(10_000, true);
    g.bench_function("project_36_months_10k_items_item_window", |b| {
        b.iter(|| project::project(black_box(&windowed), catalog, Some(36)).unwrap())
    });
    g.finish();
    let y = history::parse_str(
        include_str!("../tests/data/airpassengers.csv"),
        "airpassengers.csv",
    )
    .unwrap()
    .total;
    let mut g = c.benchmark_group("models");
    g.sample_size(20);
    g.bench_function("holt_winters_mul_fit_144", |b| {
        b.iter(|| {
            models::fit(
                models::ModelKind::HoltWinters {
                    multiplicative: true,
                    damped: false,
                },
                black_box(&y),
                12,
            )
            .unwrap()
        })
    });
    g.bench_function("select_all_models_144", |b| {
        b.iter(|| {
            cloudplan::forecast::select::select(black_box(&y), &models::ModelKind::ALL, 24).unwrap()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
