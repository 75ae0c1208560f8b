//! Subtotals of an estimate: by item (in [`super::ItemCost`]), group, service, region and tag.

use super::{ItemCost, Totals};
use crate::catalog::Service;
use std::collections::BTreeMap;

/// Every subtotal map of an estimate, and the grand total.
#[derive(Debug, Default)]
pub struct Subtotals {
    pub total: Totals,
    pub by_group: BTreeMap<String, Totals>,
    pub by_service: BTreeMap<Service, Totals>,
    pub by_region: BTreeMap<String, Totals>,
    /// Keyed `key=value`.
    pub by_tag: BTreeMap<String, Totals>,
}

/// Sum the items' monthly and upfront figures into every subtotal. Each tag `key=value` of an
/// item gets the item's whole cost (tag subtotals overlap when items carry several tags).
pub fn subtotals(items: &[ItemCost]) -> Subtotals {
    let mut s = Subtotals::default();
    for it in items {
        let (m, u) = (it.monthly_usd, it.upfront_usd);
        s.total.add(m, u);
        s.by_group.entry(it.group.clone()).or_default().add(m, u);
        s.by_service.entry(it.service).or_default().add(m, u);
        s.by_region.entry(it.region.clone()).or_default().add(m, u);
        for (k, v) in &it.tags {
            s.by_tag.entry(format!("{k}={v}")).or_default().add(m, u);
        }
    }
    s
}
