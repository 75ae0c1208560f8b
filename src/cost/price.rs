//! Pass 2 of the engine: price usage lines against the catalogue.
//!
//! 1. Each distinct catalogue key is looked up once (`Catalog::tiers`); a key the catalogue
//!    lacks is a [`CostError::MissingPrice`] naming the item — never $0.
//! 2. Free-tier allowances ([`super::free_tier`]) are shared pro rata between the lines of a
//!    pool: the whole account in `Aggregate` mode, each item in `PerItem` mode.
//! 3. Tiered prices: in `Aggregate` mode the billable quantities of all lines with the same key
//!    (same region) are summed, priced once through the tiers, and the cost shared back to the
//!    lines pro rata (`group cost × line / group total`); in `PerItem` mode the group is one
//!    item's lines of that key. Per-unit tiers (io2 IOPS per volume) price each unit alone.
//!    Untiered prices are `quantity × price` per line in both modes.

use super::free_tier::{FreeKind, free_share};
use super::line::{Line, Pricing, Scope};
use super::trail::{self, How, PricedTrail, Rule, TermTrail, TierStep, Tiers, Trail};
use super::{CostError, tiers};
use crate::catalog::{Catalog, PriceOption, Rate, Service};
use crate::plan::TierMode;
use std::hash::Hash;
use std::sync::Arc;

/// A priced line: the figures of one [`super::Component`].
#[derive(Debug, Clone)]
pub struct Priced {
    /// Cost, USD per month, after tiers, free tier and any price scaling.
    pub monthly: f64,
    /// Upfront fee, USD: the line's upfront units × the rate's upfront fee.
    pub upfront: f64,
    /// Effective USD per unit: monthly ÷ quantity (the catalogue rate when the quantity is 0;
    /// the monthly amount for fixed lines).
    pub unit_price: f64,
    /// The numbers behind the figure, rendered to text on demand.
    pub calculation: Trail,
}

/// The engine's hash map: FxHash (rustc's hasher, from `rustc-hash`), fast for the short keys
/// hashed here; no DoS concern in a pure engine.
pub type FxMap<K, V> = rustc_hash::FxHashMap<K, V>;

#[derive(PartialEq, Eq, Hash)]
struct KeyRef<'l> {
    region: &'l str,
    service: Service,
    product: &'l str,
    dimension: &'static str,
    option: PriceOption,
}

const NO_KEY: u32 = u32::MAX;

/// Price every line. Missing prices are pushed to `errors` (the line then costs nothing and
/// the caller must not publish the estimate).
pub fn price_lines<'c>(
    lines: &[Line<'_>],
    catalog: &'c Catalog,
    mode: TierMode,
    free_tier: bool,
    item_ids: &[&str],
    errors: &mut Vec<CostError>,
) -> Vec<Priced> {
    // 1. Distinct keys → tiers.
    let mut key_of: FxMap<KeyRef<'_>, u32> = FxMap::default();
    let mut key_tiers: Vec<Vec<&'c Rate>> = Vec::new();
    let mut line_key: Vec<u32> = Vec::with_capacity(lines.len());
    for l in lines {
        if matches!(l.pricing, Pricing::Fixed { .. }) {
            line_key.push(NO_KEY);
            continue;
        }
        let k = KeyRef {
            region: l.region,
            service: l.service,
            product: &l.product,
            dimension: l.dimension,
            option: l.option,
        };
        let next = key_tiers.len() as u32;
        let id = *key_of.entry(k).or_insert_with(|| {
            key_tiers.push(catalog.tiers(l.region, l.service, &l.product, l.dimension, l.option));
            next
        });
        if key_tiers[id as usize].is_empty() {
            errors.push(CostError::MissingPrice {
                item: item_ids[l.item as usize].to_string(),
                region: l.region.to_string(),
                what: format!(
                    "{} `{}` {} ({}) — {}",
                    l.service.display_name(),
                    l.product,
                    l.dimension,
                    l.option,
                    l.name
                ),
            });
            line_key.push(NO_KEY);
        } else {
            line_key.push(id);
        }
    }

    // 2. Free tier.
    let mut free = vec![0.0; lines.len()];
    if free_tier {
        let per_item = mode == TierMode::PerItem;
        let mut pools: FxMap<(u32, FreeKind), f64> = FxMap::default();
        for l in lines {
            if let Some(k) = l.free {
                let owner = if per_item { l.item } else { u32::MAX };
                *pools.entry((owner, k)).or_default() += l.quantity;
            }
        }
        for (i, l) in lines.iter().enumerate() {
            if let Some(k) = l.free {
                let owner = if per_item { l.item } else { u32::MAX };
                free[i] = free_share(k, l.quantity, pools[&(owner, k)]);
            }
        }
    }
    let billable: Vec<f64> = lines
        .iter()
        .zip(&free)
        .map(|(l, f)| (l.quantity - f).max(0.0))
        .collect();

    // 3. Tier groups (account-scoped lines of tiered keys).
    let mut group_of: FxMap<(u32, u32), u32> = FxMap::default();
    let mut groups: Vec<(f64, u32, u32)> = Vec::new(); // (total billable, line count, key)
    let mut line_group: Vec<u32> = vec![NO_KEY; lines.len()];
    for (i, l) in lines.iter().enumerate() {
        let k = line_key[i];
        if k == NO_KEY || l.scope != Scope::Account || !tiers::is_tiered(&key_tiers[k as usize]) {
            continue;
        }
        let owner = if mode == TierMode::PerItem {
            l.item
        } else {
            u32::MAX
        };
        let next = groups.len() as u32;
        let g = *group_of.entry((k, owner)).or_insert_with(|| {
            groups.push((0.0, 0, k));
            next
        });
        groups[g as usize].0 += billable[i];
        groups[g as usize].1 += 1;
        line_group[i] = g;
    }
    let group_cost: Vec<f64> = groups
        .iter()
        .map(|(total, _, k)| tiers::cost(*total, &key_tiers[*k as usize]))
        .collect();

    // 4. Each line: its figures, and the numbers of its calculation trail.
    let mut trail_tiers: Vec<Option<Tiers>> = vec![None; key_tiers.len()];
    let mut tiers_of = |k: u32| -> Tiers {
        trail_tiers[k as usize]
            .get_or_insert_with(|| {
                key_tiers[k as usize]
                    .iter()
                    .map(|r| TierStep {
                        begin: r.tier_begin,
                        end: r.tier_end.unwrap_or(f64::INFINITY),
                        usd: r.usd,
                    })
                    .collect()
            })
            .clone()
    };
    let mut group_region: Vec<Option<Option<Arc<str>>>> = vec![None; groups.len()];
    let mut out = Vec::with_capacity(lines.len());
    for (i, l) in lines.iter().enumerate() {
        let note = l.note.clone();
        if let Pricing::Fixed { monthly, upfront } = l.pricing {
            out.push(Priced {
                monthly,
                upfront,
                unit_price: monthly,
                calculation: Trail {
                    how: How::Fixed { monthly, upfront },
                    note,
                },
            });
            continue;
        }
        let k = line_key[i];
        if k == NO_KEY {
            out.push(Priced {
                monthly: 0.0,
                upfront: 0.0,
                unit_price: 0.0,
                calculation: Trail::nothing(),
            });
            continue;
        }
        let tiers_k = &key_tiers[k as usize];
        let q = l.quantity;
        let b = billable[i];
        let factor = match l.pricing {
            Pricing::Scaled { factor, .. } => factor,
            Pricing::Commitment { upfront_share, .. } => 1.0 - upfront_share,
            _ => 1.0,
        };
        let (base_cost, rule) = if let Scope::PerUnit(n) = l.scope
            && tiers::is_tiered(tiers_k)
            && n > 0.0
        {
            let per = b / n;
            let c = tiers::cost(per, tiers_k);
            let rule = Rule::PerUnit {
                per,
                tiers: tiers_of(k),
                unit_cost: c,
                units: n,
            };
            (c * n, rule)
        } else if line_group[i] != NO_KEY {
            let g = line_group[i] as usize;
            let (total, n_lines, _) = groups[g];
            let gc = group_cost[g];
            if n_lines <= 1 {
                let rule = Rule::TieredAlone {
                    total,
                    tiers: tiers_of(k),
                };
                (gc, rule)
            } else {
                let region = group_region[g]
                    .get_or_insert_with(|| trail::pool_region(mode, l.region))
                    .clone();
                let rule = Rule::TieredShared {
                    region,
                    total,
                    tiers: tiers_of(k),
                    pool_cost: gc,
                };
                (if total > 0.0 { gc * b / total } else { 0.0 }, rule)
            }
        } else {
            let usd = tiers_k[0].usd;
            (b * usd, Rule::Flat { usd })
        };
        let monthly = base_cost * factor;
        let up_each = match (l.pricing, l.term) {
            // A Savings Plan's upfront payment is part of its commitment: per covered instance,
            // share × rate × term hours.
            (Pricing::Commitment { upfront_share, .. }, Some(term)) => {
                upfront_share * tiers_k[0].usd * term.hours()
            }
            _ => tiers_k[0].upfront_usd,
        };
        let upfront = l.upfront_units * up_each;
        let term = l.term.map(|term| TermTrail {
            hourly: tiers_k[0].usd * factor,
            upfront_each: up_each,
            hours: term.hours(),
            units: l.upfront_units,
            upfront,
        });
        let unit_price = if q > 0.0 {
            monthly / q
        } else {
            tiers_k[0].usd * factor
        };
        let scaled = match l.pricing {
            Pricing::Scaled { factor, why } => Some((factor, why)),
            Pricing::Commitment { why, .. } if factor != 1.0 => Some((factor, why)),
            _ => None,
        };
        out.push(Priced {
            monthly,
            upfront,
            unit_price,
            calculation: Trail {
                how: How::Priced(PricedTrail {
                    basis: l.basis,
                    quantity: q,
                    unit: l.unit,
                    free: free[i],
                    billable: b,
                    rule,
                    scaled,
                    monthly,
                    term,
                }),
                note,
            },
        });
    }
    out
}
