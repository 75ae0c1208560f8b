//! Calculation trails: how each component's figure was reached, checkable by hand
//! (`3 × 730 h × $0.096/h = $210.24`).
//!
//! The engine keeps a trail as the numbers that produced the figure ([`Trail`]) and renders
//! the text only when something shows or exports it ([`Trail::render`], `Display`, and the
//! `Serialize` impl, which writes the text). An estimate prices tens of thousands of
//! components on every edit, and formatting each trail eagerly used to be the larger part of
//! its time; a person reads a handful of them.

use super::fmt::{push_money, push_qty, push_unit_price};
use super::line::Basis;
use crate::plan::TierMode;
use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

/// One tier of a price as the trail shows it: `[begin, end)` and USD per unit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TierStep {
    /// Quantity where the tier starts, in the line's unit.
    pub begin: f64,
    /// `f64::INFINITY` for the open-ended last tier.
    pub end: f64,
    /// USD per unit within the tier.
    pub usd: f64,
}

/// A price's tiers, shared by every trail priced through them.
pub type Tiers = Arc<[TierStep]>;

/// The part of `q` in each tier with its price `(quantity, usd)` — the same split
/// [`super::tiers::split`] bills.
fn split(q: f64, tiers: &[TierStep]) -> impl Iterator<Item = (f64, f64)> + '_ {
    tiers.iter().filter_map(move |t| {
        let part = q.min(t.end) - t.begin;
        (part > 0.0).then_some((part, t.usd))
    })
}

/// How a catalogue-priced line's cost was reached from its billable quantity.
#[derive(Debug, Clone, PartialEq)]
pub enum Rule {
    /// Billable quantity × one flat unit price.
    Flat {
        /// USD per unit.
        usd: f64,
    },
    /// The line alone through the tiers.
    TieredAlone {
        /// The line's billable quantity.
        total: f64,
        /// The price's tiers.
        tiers: Tiers,
    },
    /// Lines sharing tiers: their total through the tiers, this line's share pro rata.
    /// `region` is the pool's region in aggregate mode, `None` for one item's pool.
    TieredShared {
        /// The pool's region in aggregate mode; `None` for one item's pool.
        region: Option<Arc<str>>,
        /// Billable quantity of all the pool's lines, in the line's unit.
        total: f64,
        /// The price's tiers.
        tiers: Tiers,
        /// USD of the pool's total through the tiers.
        pool_cost: f64,
    },
    /// Per-unit tiers (io2 IOPS per volume): each of `units` units priced alone.
    PerUnit {
        /// Billable quantity of each unit.
        per: f64,
        /// The price's tiers.
        tiers: Tiers,
        /// USD of one unit through the tiers.
        unit_cost: f64,
        /// Number of units (volumes) priced alike.
        units: f64,
    },
}

/// A reserved term's effective rate and upfront fee.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TermTrail {
    /// Recurring USD per hour of one reservation.
    pub hourly: f64,
    /// Upfront USD of one reservation.
    pub upfront_each: f64,
    /// Hours in the term (8,760 or 26,280).
    pub hours: f64,
    /// Reservations the upfront fee is paid for.
    pub units: f64,
    /// Total upfront fee, USD (`units × upfront_each`).
    pub upfront: f64,
}

/// The numbers behind a catalogue-priced component.
#[derive(Debug, Clone, PartialEq)]
pub struct PricedTrail {
    /// The factors whose product is `quantity`.
    pub basis: Basis,
    /// Monthly usage before the free tier, in `unit`.
    pub quantity: f64,
    /// Unit of the quantity (`h`, `GB-mo` …).
    pub unit: &'static str,
    /// Part of the quantity covered by the free tier.
    pub free: f64,
    /// Quantity billed: `quantity − free`, never below 0.
    pub billable: f64,
    /// How the billable quantity was priced.
    pub rule: Rule,
    /// Catalogue price scaled (Spot estimated from On-Demand): factor and why.
    pub scaled: Option<(f64, &'static str)>,
    /// Resulting cost, USD per month.
    pub monthly: f64,
    /// The reserved term's effective rate and upfront fee, for Reserved lines.
    pub term: Option<TermTrail>,
}

/// What a trail explains.
// `Priced` is inline, not boxed: boxing would cost one allocation per component, which is
// what keeping trails as numbers saves.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum How {
    /// No figure (the line's price was missing; the estimate is not published).
    Nothing,
    /// A user-entered amount.
    Fixed {
        /// USD per month as entered.
        monthly: f64,
        /// Upfront USD as entered.
        upfront: f64,
    },
    /// A catalogue-priced line: its quantity, how it was priced and the result.
    Priced(PricedTrail),
}

/// How a component's figure was reached; rendered to text on demand.
#[derive(Debug, Clone, PartialEq)]
pub struct Trail {
    /// The numbers that produced the figure.
    pub how: How,
    /// The billing rule applied, appended in brackets; may be empty.
    pub note: Cow<'static, str>,
}

impl Trail {
    /// A trail with no figure.
    pub fn nothing() -> Trail {
        Trail {
            how: How::Nothing,
            note: Cow::Borrowed(""),
        }
    }

    /// True when there is nothing to show.
    pub fn is_empty(&self) -> bool {
        matches!(self.how, How::Nothing)
    }

    /// Append the trail's text to `out`.
    pub fn render(&self, out: &mut String) {
        match &self.how {
            How::Nothing => return,
            How::Fixed { monthly, upfront } => {
                push_money(out, *monthly);
                out.push_str(" a month as entered");
                if *upfront > 0.0 {
                    out.push_str(", ");
                    push_money(out, *upfront);
                    out.push_str(" upfront");
                }
            }
            How::Priced(p) => render_priced(out, p),
        }
        if !self.note.is_empty() {
            out.push_str(" (");
            out.push_str(&self.note);
            out.push(')');
        }
    }

    /// The trail's text.
    pub fn text(&self) -> String {
        let mut s = String::with_capacity(160);
        self.render(&mut s);
        s
    }
}

fn render_priced(out: &mut String, p: &PricedTrail) {
    write_quantity(out, p);
    let unit = p.unit;
    match &p.rule {
        Rule::PerUnit {
            per,
            tiers,
            unit_cost,
            units,
        } => {
            out.push_str("; per unit ");
            push_qty(out, *per);
            out.push(' ');
            out.push_str(unit);
            out.push_str(": ");
            write_tiers(out, *per, tiers);
            out.push_str(" = ");
            push_money(out, *unit_cost);
            out.push_str(" × ");
            push_qty(out, *units);
            out.push_str(" units");
        }
        Rule::TieredAlone { total, tiers } => {
            out.push_str(" through tiers: ");
            write_tiers(out, *total, tiers);
        }
        Rule::TieredShared {
            region,
            total,
            tiers,
            pool_cost,
        } => {
            out.push_str("; ");
            out.push_str(region.as_deref().unwrap_or("item"));
            out.push_str(" total ");
            push_qty(out, *total);
            out.push(' ');
            out.push_str(unit);
            out.push_str(" through tiers: ");
            write_tiers(out, *total, tiers);
            out.push_str(" = ");
            push_money(out, *pool_cost);
            out.push_str("; share ");
            push_qty(out, p.billable);
            out.push_str(" / ");
            push_qty(out, *total);
        }
        Rule::Flat { usd } => {
            out.push_str(" × ");
            push_unit_price(out, *usd);
            out.push('/');
            out.push_str(per_unit(unit));
        }
    }
    if let Some((factor, why)) = p.scaled {
        out.push_str(" × ");
        push_qty(out, factor);
        out.push_str(" (");
        out.push_str(why);
        out.push(')');
    }
    out.push_str(" = ");
    push_money(out, p.monthly);
    if let Some(t) = p.term {
        let eff = t.hourly + t.upfront_each / t.hours;
        out.push_str("; effective ");
        push_unit_price(out, round_to(eff, 6));
        out.push_str("/h = ");
        push_unit_price(out, t.hourly);
        out.push_str("/h + ");
        push_money(out, t.upfront_each);
        out.push_str(" upfront / ");
        push_qty(out, t.hours);
        out.push_str(" h; upfront ");
        push_qty(out, t.units);
        out.push_str(" × ");
        push_money(out, t.upfront_each);
        out.push_str(" = ");
        push_money(out, t.upfront);
    }
}

/// The pool label of a shared tier: the region in aggregate mode, "item" per item.
pub fn pool_region(mode: TierMode, region: &str) -> Option<Arc<str>> {
    (mode != TierMode::PerItem).then(|| Arc::from(region))
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

/// `3 × 730 h` (or `2,190 h`), then the free-tier deduction.
fn write_quantity(out: &mut String, p: &PricedTrail) {
    let factors = p.basis.factors();
    if factors.len() >= 2 {
        for (i, (v, suffix)) in factors.iter().enumerate() {
            if i > 0 {
                out.push_str(" × ");
            }
            push_qty(out, *v);
            out.push_str(suffix);
        }
        if p.free > 0.0 || factors.last().is_none_or(|f| f.1.trim() != p.unit) {
            out.push_str(" = ");
            push_qty(out, p.quantity);
            out.push(' ');
            out.push_str(p.unit);
        }
    } else {
        push_qty(out, p.quantity);
        out.push(' ');
        out.push_str(p.unit);
    }
    if p.free > 0.0 {
        out.push_str(" − ");
        push_qty(out, p.free);
        out.push(' ');
        out.push_str(p.unit);
        out.push_str(" free tier = ");
        push_qty(out, p.billable);
        out.push(' ');
        out.push_str(p.unit);
    }
}

/// `51,200 × $0.023 + 8,800 × $0.022`
fn write_tiers(out: &mut String, q: f64, tiers: &[TierStep]) {
    let mut any = false;
    for (part, usd) in split(q, tiers) {
        if any {
            out.push_str(" + ");
        }
        any = true;
        push_qty(out, part);
        out.push_str(" × ");
        push_unit_price(out, usd);
    }
    if !any {
        out.push_str("0 × ");
        push_unit_price(out, tiers.first().map_or(0.0, |t| t.usd));
    }
}

impl fmt::Display for Trail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text())
    }
}

impl serde::Serialize for Trail {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.text())
    }
}

impl PartialEq<str> for Trail {
    fn eq(&self, other: &str) -> bool {
        self.text() == other
    }
}

impl PartialEq<&str> for Trail {
    fn eq(&self, other: &&str) -> bool {
        self.text() == *other
    }
}
