//! Subtotals of an estimate: by item (in [`super::ItemCost`]), group, service, region and tag.

use super::price::FxMap;
use super::{ItemCost, Totals};
use crate::catalog::Service;
use std::collections::BTreeMap;

/// Every subtotal map of an estimate, and the grand total.
#[derive(Debug, Default)]
pub struct Subtotals {
    /// Grand total over all items.
    pub total: Totals,
    /// Keyed by group name ("" = ungrouped).
    pub by_group: BTreeMap<String, Totals>,
    /// Keyed by AWS service.
    pub by_service: BTreeMap<Service, Totals>,
    /// Keyed by region.
    pub by_region: BTreeMap<String, Totals>,
    /// Keyed `key=value`.
    pub by_tag: BTreeMap<String, Totals>,
}

/// Sum the items' monthly and upfront figures into every subtotal. Each tag `key=value` of an
/// item gets the item's whole cost (tag subtotals overlap when items carry several tags).
///
/// Sums go into hash maps keyed by the items' own strings (10,000 items have a handful of
/// groups, regions and tags: an ordered map's string comparisons per item were ~7 % of an
/// estimate) and become the ordered maps at the end. Each key's sum still adds the items in
/// plan order, so the figures are the same to the last bit.
pub fn subtotals(items: &[ItemCost]) -> Subtotals {
    let mut total = Totals::default();
    let mut by_group: FxMap<&str, Totals> = FxMap::default();
    let mut by_service: FxMap<Service, Totals> = FxMap::default();
    let mut by_region: FxMap<&str, Totals> = FxMap::default();
    // Keyed by the `key=value` text itself: AWS tag keys may contain `=`, and two tags that
    // read the same share one subtotal.
    let mut by_tag: FxMap<String, Totals> = FxMap::default();
    let mut key = String::new();
    for it in items {
        let (m, u) = (it.monthly_usd, it.upfront_usd);
        total.add(m, u);
        by_group.entry(&it.group).or_default().add(m, u);
        by_service.entry(it.service).or_default().add(m, u);
        by_region.entry(&it.region).or_default().add(m, u);
        for (k, v) in &it.tags {
            key.clear();
            key.push_str(k);
            key.push('=');
            key.push_str(v);
            match by_tag.get_mut(key.as_str()) {
                Some(t) => t.add(m, u),
                None => {
                    let mut t = Totals::default();
                    t.add(m, u);
                    by_tag.insert(key.clone(), t);
                }
            }
        }
    }
    let owned = |m: FxMap<&str, Totals>| m.into_iter().map(|(k, t)| (k.to_string(), t)).collect();
    Subtotals {
        total,
        by_group: owned(by_group),
        by_service: by_service.into_iter().collect(),
        by_region: owned(by_region),
        by_tag: by_tag.into_iter().collect(),
    }
}
