//! Plan generators shared by the benches (included with `#[path = "common.rs"] mod common;`, so
//! one piece serves every bench; `autobenches = false` in Cargo.toml keeps this file from being
//! a bench target of its own).

use cloudplan::plan::Plan;
use cloudplan::plan::file::default_plan;

/// The default plan's items repeated (with fresh ids `<id>-<i>`) up to `n` items.
pub fn big_plan(n: usize) -> Plan {
    let mut plan = default_plan();
    let base = plan.items.clone();
    plan.items = (0..n)
        .map(|i| {
            let mut it = base[i % base.len()].clone();
            it.id = format!("{}-{i}", it.id);
            it
        })
        .collect();
    plan
}
