//! The cost engine: `estimate(plan, catalog) -> Estimate`, pure and deterministic.
//!
//! Pricing happens in two passes. First each item is turned into usage [`Line`]s by the
//! pricing function of its service (one module per service below) — quantity, catalogue key,
//! and the billing rule that produced the quantity. Then every line is priced against the
//! catalogue's tiers ([`tiers`]): in [`TierMode::Aggregate`](crate::plan::TierMode) lines that
//! share a tiered price are summed per region as AWS bills an account, priced once, and the
//! cost shared back pro rata; in `PerItem` mode each line is priced alone. Free-tier allowances
//! ([`free_tier`]) are applied in the same pass when the plan turns them on.
//!
//! The resulting [`Estimate`] is the single source of numbers for the app, the CLI and every
//! report.

use crate::catalog::{CatalogId, Service};
use serde::Serialize;
use std::collections::BTreeMap;

/// Hours in a billing month as AWS prices monthly figures (AWS Pricing Calculator:
/// "730 hours in a month").
pub const HOURS_PER_MONTH: f64 = 730.0;

/// Why a plan could not be priced. Always names the item and the field.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CostError {
    #[error("item `{item}`: field `{field}`: {message}")]
    Field {
        item: String,
        field: String,
        message: String,
    },
    #[error(
        "item `{item}`: the catalogue has no price for {what} (region {region}); cloudplan never prices a missing rate as $0"
    )]
    MissingPrice {
        item: String,
        region: String,
        what: String,
    },
    #[error("parameter `{name}`: {message}")]
    Parameter { name: String, message: String },
    #[error("plan: {0}")]
    Plan(String),
}

/// One priced cost component of an item (`Instance hours`, `Storage`, `PUT requests` …).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Component {
    pub name: String,
    /// Billed quantity per month, in `unit`.
    pub quantity: f64,
    pub unit: String,
    /// Effective USD per unit after tiers and free tier (monthly_usd / quantity); for a tiered
    /// line the per-tier trail is in `calculation`.
    pub unit_price: f64,
    pub monthly_usd: f64,
    pub upfront_usd: f64,
    /// How the figure was reached, checkable by hand: `3 × 730 h × $0.096/h = $210.24`.
    pub calculation: String,
}

/// The cost of one plan item.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemCost {
    /// Index of the item in the plan.
    pub index: usize,
    pub id: String,
    pub name: String,
    pub group: String,
    pub service: Service,
    pub region: String,
    pub tags: BTreeMap<String, String>,
    pub components: Vec<Component>,
    pub monthly_usd: f64,
    pub upfront_usd: f64,
}

/// Upfront, recurring monthly and first-12-months totals.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Totals {
    pub monthly_usd: f64,
    pub upfront_usd: f64,
    /// upfront + 12 × monthly.
    pub first_12_months_usd: f64,
}

impl Totals {
    pub fn add(&mut self, monthly: f64, upfront: f64) {
        self.monthly_usd += monthly;
        self.upfront_usd += upfront;
        self.first_12_months_usd = self.upfront_usd + 12.0 * self.monthly_usd;
    }
}

/// The priced plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Estimate {
    pub plan_name: String,
    pub catalog: CatalogId,
    pub items: Vec<ItemCost>,
    pub total: Totals,
    /// Subtotals keyed by group name ("" = ungrouped), service, region, and `tag key=value`.
    pub by_group: BTreeMap<String, Totals>,
    pub by_service: BTreeMap<Service, Totals>,
    pub by_region: BTreeMap<String, Totals>,
    pub by_tag: BTreeMap<String, Totals>,
}
