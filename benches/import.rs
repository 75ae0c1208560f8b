//! Speed of the offer-file importer: an AmazonEC2 offer CSV built in memory from
//! tests/fixtures/offers/ec2.csv (real header and rows) with the data rows repeated
//! under fresh SKUs, imported with `catalog::import::import_reader`. Throughput is reported
//! in bytes/s. End-to-end figures on a 1,000,000-row file (and polars/pandas for comparison)
//! come from `scripts/bench-import.sh`.
//!
//! Run with `cargo bench --bench import`.

#[path = "common.rs"]
mod common;

use cloudplan::catalog::import::{Options, import_reader};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

const FIXTURE_CSV: &str = include_str!("../tests/fixtures/offers/ec2.csv");
const COPIES: usize = 2000;

/// The fixture with its data rows repeated `COPIES` times, each copy under new SKUs.
fn big_csv() -> String {
    let mut lines = FIXTURE_CSV.lines();
    let mut out = String::new();
    for _ in 0..6 {
        out.push_str(lines.next().unwrap());
        out.push('\n');
    }
    let rows: Vec<&str> = lines.collect();
    for k in 0..COPIES {
        for r in &rows {
            // SKUs are 16 characters; make them unique per copy.
            let sku = &r[1..17];
            out.push_str(&r.replace(sku, &format!("B{k:015}")));
            out.push('\n');
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let csv = big_csv();
    let mut g = c.benchmark_group("import");
    g.throughput(Throughput::Bytes(csv.len() as u64));
    g.sample_size(10);
    g.bench_function("ec2_csv", |b| {
        b.iter(|| {
            let imp = import_reader(csv.as_bytes(), "bench.csv", &Options::default()).unwrap();
            black_box(imp.rates.len())
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
