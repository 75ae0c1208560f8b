//! Plan generators shared by the benches (included with `#[path = "common.rs"] mod common;`, so
//! one piece serves every bench; `autobenches = false` in Cargo.toml keeps this file from being
//! a bench target of its own). It also sets the shipped binary's allocator (mimalloc, see
//! `src/main.rs`), so every bench measures the allocator users run.

use cloudplan::plan::Plan;
use cloudplan::plan::file::default_plan;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The default plan's items repeated (with fresh ids `<id>-<i>`) up to `n` items.
#[allow(dead_code)] // not every bench builds big plans
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
