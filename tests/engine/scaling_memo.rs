//! `scaling::run::priced`, the cost engine's remembered simulation: the same inputs give the
//! very same result without simulating again, any changed input is simulated afresh, and the
//! remembered result equals a fresh `run`. The memo is a `SimCache` its caller owns: two caches
//! (two documents, two tests) never see each other's entries.

use chrono::NaiveDate;
use cloudplan::catalog::load::embedded;
use cloudplan::plan::{Resource, file};
use cloudplan::scaling::GroupSpec;
use cloudplan::scaling::run::{SimCache, priced, run};
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
    let cache = SimCache::new();

    let first = priced(&g, start, catalog, "us-east-1", &cache).unwrap();
    let fresh = run(&g, start, catalog, "us-east-1", None, false).unwrap();
    assert_eq!(first.months, fresh.simulation.months);
    assert_eq!(first.bill, fresh.bill);
    assert_eq!(first.prices, fresh.prices);

    let again = priced(&g, start, catalog, "us-east-1", &cache).unwrap();
    assert!(
        Arc::ptr_eq(&first, &again),
        "remembered, not simulated again"
    );

    // Another seed: other noise, another simulation.
    let mut other = g.clone();
    other.simulation.seed += 1;
    let o = priced(&other, start, catalog, "us-east-1", &cache).unwrap();
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
        &cache,
    )
    .unwrap();
    assert!(!Arc::ptr_eq(&first, &later));

    // The first inputs again: still remembered.
    let back = priced(&g, start, catalog, "us-east-1", &cache).unwrap();
    assert!(Arc::ptr_eq(&first, &back));

    // An invalid group is an error every time, never a remembered result.
    let mut bad = g.clone();
    bad.min = bad.max + 1;
    assert!(priced(&bad, start, catalog, "us-east-1", &cache).is_err());
}

#[test]
fn two_caches_never_share_an_entry() {
    let catalog = embedded();
    let start = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
    let g = sample_group();
    let (a, b) = (SimCache::new(), SimCache::new());
    let in_a = priced(&g, start, catalog, "us-east-1", &a).unwrap();
    assert_eq!(
        (a.len(), b.len()),
        (1, 0),
        "only the cache asked holds the result"
    );
    let in_b = priced(&g, start, catalog, "us-east-1", &b).unwrap();
    assert!(!Arc::ptr_eq(&in_a, &in_b), "b simulated the group itself");
    assert_eq!(*in_a, *in_b, "and got the same result");
    assert_eq!((a.len(), b.len()), (1, 1));
    // The engine's one-shot estimate keeps nothing between calls.
    let plan = file::sample("autoscaling-web").unwrap();
    let first = cloudplan::cost::estimate(&plan, catalog).unwrap();
    assert_eq!(cloudplan::cost::estimate(&plan, catalog).unwrap(), first);
}
