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
    let mut key = String::new();
    for it in items {
        let (m, u) = (it.monthly_usd, it.upfront_usd);
        s.total.add(m, u);
        add(&mut s.by_group, &it.group, m, u);
        s.by_service.entry(it.service).or_default().add(m, u);
        add(&mut s.by_region, &it.region, m, u);
        for (k, v) in &it.tags {
            key.clear();
            key.push_str(k);
            key.push('=');
            key.push_str(v);
            add(&mut s.by_tag, &key, m, u);
        }
    }
    s
}

/// Add to the subtotal of `key`, allocating the key only the first time it is seen.
fn add(map: &mut BTreeMap<String, Totals>, key: &str, monthly: f64, upfront: f64) {
    match map.get_mut(key) {
        Some(t) => t.add(monthly, upfront),
        None => {
            let mut t = Totals::default();
            t.add(monthly, upfront);
            map.insert(key.to_string(), t);
        }
    }
}
