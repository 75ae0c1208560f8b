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

use super::fmt::{push_money, push_qty, push_unit_price};
use super::free_tier::{FreeKind, free_share};
use super::line::{Line, Pricing, Scope};
use super::{CostError, tiers};
use crate::catalog::{Catalog, PriceOption, Rate, Service};
use crate::plan::TierMode;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hash, Hasher};

/// A priced line: the figures of one [`super::Component`].
#[derive(Debug, Clone)]
pub struct Priced {
    pub monthly: f64,
    pub upfront: f64,
    pub unit_price: f64,
    pub calculation: String,
}

/// FxHash (rustc's hasher): fast for the short keys hashed here, no DoS concern in a pure engine.
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().unwrap_or([0; 8])));
        }
        for b in chunks.remainder() {
            self.add(*b as u64);
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }
    fn write_u32(&mut self, i: u32) {
        self.add(i as u64);
    }
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    fn finish(&self) -> u64 {
        // Bring the well-mixed high bits down to where hashbrown picks buckets (as rustc-hash 2).
        self.0.rotate_left(26)
    }
}

impl FxHasher {
    #[inline]
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

pub type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

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

    // 4. Each line.
    let mut out = Vec::with_capacity(lines.len());
    for (i, l) in lines.iter().enumerate() {
        let mut calc = String::with_capacity(192);
        if let Pricing::Fixed { monthly, upfront } = l.pricing {
            push_money(&mut calc, monthly);
            calc.push_str(" a month as entered");
            if upfront > 0.0 {
                calc.push_str(", ");
                push_money(&mut calc, upfront);
                calc.push_str(" upfront");
            }
            push_note(&mut calc, &l.note);
            out.push(Priced {
                monthly,
                upfront,
                unit_price: monthly,
                calculation: calc,
            });
            continue;
        }
        let k = line_key[i];
        if k == NO_KEY {
            out.push(Priced {
                monthly: 0.0,
                upfront: 0.0,
                unit_price: 0.0,
                calculation: String::new(),
            });
            continue;
        }
        let tiers_k = &key_tiers[k as usize];
        let q = l.quantity;
        let b = billable[i];
        write_quantity(&mut calc, l, free[i], b);
        let factor = match l.pricing {
            Pricing::Scaled { factor, .. } => factor,
            _ => 1.0,
        };
        let base_cost = if let Scope::PerUnit(n) = l.scope
            && tiers::is_tiered(tiers_k)
            && n > 0.0
        {
            let per = b / n;
            let c = tiers::cost(per, tiers_k);
            calc.push_str("; per unit ");
            push_qty(&mut calc, per);
            calc.push(' ');
            calc.push_str(l.unit);
            calc.push_str(": ");
            write_tiers(&mut calc, per, tiers_k);
            calc.push_str(" = ");
            push_money(&mut calc, c);
            calc.push_str(" × ");
            push_qty(&mut calc, n);
            calc.push_str(" units");
            c * n
        } else if line_group[i] != NO_KEY {
            let g = line_group[i] as usize;
            let (total, n_lines, _) = groups[g];
            let gc = group_cost[g];
            if n_lines <= 1 {
                calc.push_str(" through tiers: ");
                write_tiers(&mut calc, total, tiers_k);
                gc
            } else {
                calc.push_str("; ");
                calc.push_str(if mode == TierMode::PerItem {
                    "item"
                } else {
                    l.region
                });
                calc.push_str(" total ");
                push_qty(&mut calc, total);
                calc.push(' ');
                calc.push_str(l.unit);
                calc.push_str(" through tiers: ");
                write_tiers(&mut calc, total, tiers_k);
                calc.push_str(" = ");
                push_money(&mut calc, gc);
                calc.push_str("; share ");
                push_qty(&mut calc, b);
                calc.push_str(" / ");
                push_qty(&mut calc, total);
                if total > 0.0 { gc * b / total } else { 0.0 }
            }
        } else {
            let usd = tiers_k[0].usd;
            calc.push_str(" × ");
            push_unit_price(&mut calc, usd);
            calc.push('/');
            calc.push_str(per_unit(l.unit));
            b * usd
        };
        let monthly = base_cost * factor;
        if let Pricing::Scaled { factor, why } = l.pricing {
            calc.push_str(" × ");
            push_qty(&mut calc, factor);
            calc.push_str(" (");
            calc.push_str(why);
            calc.push(')');
        }
        calc.push_str(" = ");
        push_money(&mut calc, monthly);
        let up_each = tiers_k[0].upfront_usd;
        let upfront = l.upfront_units * up_each;
        if let Some(term) = l.term {
            let hourly = tiers_k[0].usd;
            let eff = hourly + up_each / term.hours();
            calc.push_str("; effective ");
            push_unit_price(&mut calc, round_to(eff, 6));
            calc.push_str("/h = ");
            push_unit_price(&mut calc, hourly);
            calc.push_str("/h + ");
            push_money(&mut calc, up_each);
            calc.push_str(" upfront / ");
            push_qty(&mut calc, term.hours());
            calc.push_str(" h; upfront ");
            push_qty(&mut calc, l.upfront_units);
            calc.push_str(" × ");
            push_money(&mut calc, up_each);
            calc.push_str(" = ");
            push_money(&mut calc, upfront);
        }
        push_note(&mut calc, &l.note);
        let unit_price = if q > 0.0 {
            monthly / q
        } else {
            tiers_k[0].usd * factor
        };
        out.push(Priced {
            monthly,
            upfront,
            unit_price,
            calculation: calc,
        });
    }
    out
}

/// The unit a price is "per": `requests` → `request`.
fn per_unit(unit: &str) -> &str {
    match unit {
        "requests" => "request",
        "objects" => "object",
        u => u,
    }
}

fn round_to(v: f64, decimals: i32) -> f64 {
    let p = 10f64.powi(decimals);
    (v * p).round() / p
}

fn push_note(calc: &mut String, note: &str) {
    if !note.is_empty() {
        calc.push_str(" (");
        calc.push_str(note);
        calc.push(')');
    }
}

/// `3 × 730 h` (or `2,190 h`), then the free-tier deduction.
fn write_quantity(calc: &mut String, l: &Line<'_>, free: f64, billable: f64) {
    let factors = l.basis.factors();
    if factors.len() >= 2 {
        for (i, (v, suffix)) in factors.iter().enumerate() {
            if i > 0 {
                calc.push_str(" × ");
            }
            push_qty(calc, *v);
            calc.push_str(suffix);
        }
        if free > 0.0 || factors.last().is_none_or(|f| f.1.trim() != l.unit) {
            calc.push_str(" = ");
            push_qty(calc, l.quantity);
            calc.push(' ');
            calc.push_str(l.unit);
        }
    } else {
        push_qty(calc, l.quantity);
        calc.push(' ');
        calc.push_str(l.unit);
    }
    if free > 0.0 {
        calc.push_str(" − ");
        push_qty(calc, free);
        calc.push(' ');
        calc.push_str(l.unit);
        calc.push_str(" free tier = ");
        push_qty(calc, billable);
        calc.push(' ');
        calc.push_str(l.unit);
    }
}

/// `51,200 × $0.023 + 8,800 × $0.022`
fn write_tiers(calc: &mut String, q: f64, rates: &[&Rate]) {
    let mut any = false;
    for (part, usd) in tiers::split(q, rates) {
        if any {
            calc.push_str(" + ");
        }
        any = true;
        push_qty(calc, part);
        calc.push_str(" × ");
        push_unit_price(calc, usd);
    }
    if !any {
        calc.push_str("0 × ");
        push_unit_price(calc, rates[0].usd);
    }
}
