//! `scaling::run::priced`, the cost engine's remembered simulation: the same inputs give the
//! very same result without simulating again, any changed input is simulated afresh, and the
//! remembered result equals a fresh `run`. One test in its own binary, so no other test
//! shares (and evicts from) the process-wide memo while it runs.

use chrono::NaiveDate;
use cloudplan::catalog::load::embedded;
use cloudplan::plan::{Resource, file};
use cloudplan::scaling::GroupSpec;
use cloudplan::scaling::run::{priced, run};
use std::sync::Arc;

fn sample_group() -> GroupSpec {
    let plan = file::sample("autoscaling-web").unwrap();
    match &plan.items[0].resource {
        Resource::ScalingGroup(g) => g.clone(),
        _ => panic!("the sample's first item is the group"),
    }
}

#[test]
fn same_inputs_same_result_without_simulating_again() {
    let catalog = embedded();
    let start = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
    let g = sample_group();

    let first = priced(&g, start, catalog, "us-east-1").unwrap();
    let fresh = run(&g, start, catalog, "us-east-1", None, false).unwrap();
    assert_eq!(first.months, fresh.simulation.months);
    assert_eq!(first.bill, fresh.bill);
    assert_eq!(first.prices, fresh.prices);

    let again = priced(&g, start, catalog, "us-east-1").unwrap();
    assert!(
        Arc::ptr_eq(&first, &again),
        "remembered, not simulated again"
    );

    // Another seed: other noise, another simulation.
    let mut other = g.clone();
    other.simulation.seed += 1;
    let o = priced(&other, start, catalog, "us-east-1").unwrap();
    assert!(!Arc::ptr_eq(&first, &o));
    assert_ne!(o.bill, first.bill);
    assert_eq!(
        o.bill,
        run(&other, start, catalog, "us-east-1", None, false)
            .unwrap()
            .bill
    );

    // Another start month: the calendar (weekends, month lengths) moves.
    let later = priced(
        &g,
        NaiveDate::from_ymd_opt(2027, 2, 1).unwrap(),
        catalog,
        "us-east-1",
    )
    .unwrap();
    assert!(!Arc::ptr_eq(&first, &later));

    // The first inputs again: still remembered.
    let back = priced(&g, start, catalog, "us-east-1").unwrap();
    assert!(Arc::ptr_eq(&first, &back));

    // An invalid group is an error every time, never a remembered result.
    let mut bad = g.clone();
    bad.min = bad.max + 1;
    assert!(priced(&bad, start, catalog, "us-east-1").is_err());
}
