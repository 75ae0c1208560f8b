//! Catalogue files: `catalog::load::parse_files`. The first byte picks which file the rest of
//! the input is (a rates file, instances.csv, spot_advisor.csv, s3_storage_classes.csv,
//! sources.csv or catalog.csv); the other files come from a small valid base (two embedded
//! rates files and the embedded sources, instances, spot advice and S3 rules). A catalogue it
//! accepts prices the default plan (the Seoul web app) without panicking.
#![no_main]

use cloudplan::catalog::load;
use cloudplan::{cost, plan::file};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

const KINDS: [&str; 7] = [
    "rates/ec2_on_demand.csv",
    "rates/s3.csv",
    "instances.csv",
    "spot_advisor.csv",
    "s3_storage_classes.csv",
    "sources.csv",
    "catalog.csv",
];

fn base() -> &'static Vec<(&'static str, &'static str)> {
    static BASE: OnceLock<Vec<(&'static str, &'static str)>> = OnceLock::new();
    BASE.get_or_init(|| {
        load::embedded_files()
            .iter()
            .copied()
            .filter(|(n, _)| !n.starts_with("rates/") || KINDS[..2].contains(n))
            .collect()
    })
}

fn plan() -> &'static cloudplan::plan::Plan {
    static PLAN: OnceLock<cloudplan::plan::Plan> = OnceLock::new();
    PLAN.get_or_init(file::default_plan)
}

fuzz_target!(|data: &[u8]| {
    let Some((&sel, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let name = KINDS[sel as usize % KINDS.len()];
    let mut files: Vec<(&str, &str)> = base().iter().copied().filter(|(n, _)| *n != name).collect();
    files.push((name, text));
    let Ok(catalog) = load::parse_files("fuzz", &files) else {
        return;
    };
    let _ = cost::estimate(plan(), &catalog);
});
