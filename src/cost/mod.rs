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
use std::borrow::Cow;
use std::collections::BTreeMap;
pub use trail::Trail;

pub use crate::units::HOURS_PER_MONTH;

/// Why a plan could not be priced. Always names the item and the field.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CostError {
    /// A field of an item is invalid.
    #[error("item `{item}`: field `{field}`: {message}")]
    Field {
        /// Id of the plan item.
        item: String,
        /// Path of the field (`ec2.count`, `scaling_group.min` …).
        field: String,
        /// What is wrong with it.
        message: String,
    },
    /// The catalogue lacks a rate the item needs; it is never priced as $0.
    #[error(
        "item `{item}`: the catalogue has no price for {what} (region {region}); cloudplan never prices a missing rate as $0"
    )]
    MissingPrice {
        /// Id of the plan item.
        item: String,
        /// Region whose catalogue prices were searched.
        region: String,
        /// The missing rate: service, product, dimension, purchase option and component.
        what: String,
    },
    /// A plan parameter's value could not be resolved.
    #[error("parameter `{name}`: {message}")]
    Parameter {
        /// Name of the parameter.
        name: String,
        /// Why its formula could not be evaluated.
        message: String,
    },
    /// A problem with the plan as a whole (an item id used twice …).
    #[error("plan: {0}")]
    Plan(String),
}

/// One priced cost component of an item (`Instance hours`, `Storage`, `PUT requests` …).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Component {
    /// Component name as billed (`Instance hours`, `Storage`, `PUT requests` …).
    pub name: Cow<'static, str>,
    /// Billed quantity per month, in `unit`.
    pub quantity: f64,
    /// Unit of `quantity` (`h`, `GB-mo`, `requests` …).
    pub unit: &'static str,
    /// Effective USD per unit after tiers and free tier (monthly_usd / quantity); for a tiered
    /// line the per-tier trail is in `calculation`.
    pub unit_price: f64,
    /// Recurring cost of the component, USD per month.
    pub monthly_usd: f64,
    /// One-time upfront fee, USD (Reserved Instances' upfront payment; otherwise 0).
    pub upfront_usd: f64,
    /// How the figure was reached, checkable by hand: `3 × 730 h × $0.096/h = $210.24`
    /// (kept as numbers, rendered on demand: `calculation.text()`).
    pub calculation: Trail,
}

/// The cost of one plan item.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemCost {
    /// Index of the item in the plan.
    pub index: usize,
    /// The item's id, unique in the plan.
    pub id: String,
    /// The item's display name.
    pub name: String,
    /// The item's group ("" = ungrouped).
    pub group: String,
    /// AWS service the item is priced under.
    pub service: Service,
    /// Region the item is priced in (the plan's default region when the item sets none).
    pub region: String,
    /// The item's cost-allocation tags, `key → value`.
    pub tags: BTreeMap<String, String>,
    /// The item's priced components, in the order its service module lists them.
    pub components: Vec<Component>,
    /// Sum of the components' recurring cost, USD per month.
    pub monthly_usd: f64,
    /// Sum of the components' upfront fees, USD.
    pub upfront_usd: f64,
}

/// Upfront, recurring monthly and first-12-months totals.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Totals {
    /// Recurring cost, USD per month.
    pub monthly_usd: f64,
    /// One-time upfront fees, USD.
    pub upfront_usd: f64,
    /// upfront + 12 × monthly.
    pub first_12_months_usd: f64,
}

impl Totals {
    /// Add one item's monthly and upfront cost (USD) and recompute the 12-month figure.
    pub fn add(&mut self, monthly: f64, upfront: f64) {
        self.monthly_usd += monthly;
        self.upfront_usd += upfront;
        self.first_12_months_usd = self.upfront_usd + 12.0 * self.monthly_usd;
    }
}

/// The priced plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Estimate {
    /// Name of the priced plan.
    pub plan_name: String,
    /// Which catalogue the prices came from (name and effective dates).
    pub catalog: CatalogId,
    /// Cost of each item, in plan order.
    pub items: Vec<ItemCost>,
    /// Grand totals over all items.
    pub total: Totals,
    /// Subtotals keyed by group name ("" = ungrouped), service, region, and `tag key=value`.
    pub by_group: BTreeMap<String, Totals>,
    /// Subtotals per AWS service.
    pub by_service: BTreeMap<Service, Totals>,
    /// Subtotals per region.
    pub by_region: BTreeMap<String, Totals>,
    /// Subtotals per tag `key=value`; an item with several tags counts under each.
    pub by_tag: BTreeMap<String, Totals>,
}

pub mod custom;
pub mod data_transfer;
pub mod dynamodb;
pub mod ebs;
pub mod ec2;
pub mod efs;
pub mod eks;
pub mod elb;
pub mod fargate;
pub mod fmt;
pub mod free_tier;
pub mod lambda;
pub mod line;
pub mod nat_gateway;
pub mod price;
pub mod public_ipv4;
pub mod rds;
pub mod s3;
pub mod scaling_group;
pub mod tiers;
pub mod totals;
pub mod trail;

use crate::catalog::Catalog;
use crate::plan::formula::Evaluator;
use crate::plan::{Plan, Resource};
pub use crate::scaling::run::SimCache;
use line::{Ctx, Line};

/// A quantity as the trails show it (`2,190`, `1,234.5`), written by the fast formatter.
pub(crate) fn fmt_qty(q: f64) -> String {
    let mut s = String::with_capacity(16);
    fmt::push_qty(&mut s, q);
    s
}

/// Pass 1 over the whole plan: every item's lines, and every problem found.
fn build_lines<'a>(
    plan: &'a Plan,
    catalog: &'a Catalog,
    ev: &'a Evaluator,
    cache: &SimCache,
) -> (Vec<Line<'a>>, Vec<CostError>) {
    let mut lines = Vec::with_capacity(plan.items.len() * 3);
    let mut errors = Vec::new();
    let mut seen: price::FxMap<&str, ()> = price::FxMap::default();
    let plan_start = plan.start_date().unwrap_or_default();
    seen.reserve(plan.items.len());
    for (i, item) in plan.items.iter().enumerate() {
        if seen.insert(item.id.as_str(), ()).is_some() {
            errors.push(CostError::Plan(format!(
                "item id `{}` is used more than once",
                item.id
            )));
        }
        let region = item.region(plan);
        let ctx = Ctx::new(ev, catalog, i, item, region);
        let start = lines.len();
        match &item.resource {
            Resource::Ec2(r) => ec2::lines(&ctx, r, &mut lines),
            Resource::Ebs(r) => ebs::lines(&ctx, r, &mut lines),
            Resource::S3(r) => s3::lines(&ctx, r, &mut lines),
            Resource::Efs(r) => efs::lines(&ctx, r, &mut lines),
            Resource::DataTransfer(r) => data_transfer::lines(&ctx, r, &mut lines),
            Resource::Lambda(r) => lambda::lines(&ctx, r, &mut lines),
            Resource::Rds(r) => rds::lines(&ctx, r, &mut lines),
            Resource::Dynamodb(r) => dynamodb::lines(&ctx, r, &mut lines),
            Resource::NatGateway(r) => nat_gateway::lines(&ctx, r, &mut lines),
            Resource::LoadBalancer(r) => elb::lines(&ctx, r, &mut lines),
            Resource::PublicIpv4(r) => public_ipv4::lines(&ctx, r, &mut lines),
            Resource::Eks(r) => eks::lines(&ctx, r, &mut lines),
            Resource::Fargate(r) => fargate::lines(&ctx, r, &mut lines),
            Resource::Custom(r) => custom::lines(&ctx, r, &mut lines),
            Resource::ScalingGroup(r) => {
                scaling_group::lines(&ctx, r, plan_start, cache, &mut lines)
            }
        }
        if ctx.has_errors() {
            lines.truncate(start);
            errors.extend(ctx.into_errors());
        }
    }
    (lines, errors)
}

fn evaluator(plan: &Plan) -> Result<Evaluator, CostError> {
    Evaluator::new(plan).map_err(|e| CostError::Parameter {
        name: e.name,
        message: e.error.to_string(),
    })
}

/// Every problem that stops `plan` from being priced with `catalog`: formula and field errors
/// of every item, missing prices, duplicate ids. Empty when [`estimate`] would succeed.
pub fn validate(plan: &Plan, catalog: &Catalog) -> Vec<CostError> {
    validate_with(plan, catalog, &SimCache::new())
}

/// [`validate`] with the Auto Scaling groups' simulations remembered in `cache`.
pub fn validate_with(plan: &Plan, catalog: &Catalog, cache: &SimCache) -> Vec<CostError> {
    let ev = match evaluator(plan) {
        Ok(ev) => ev,
        Err(e) => return vec![e],
    };
    scaling_group::simulate_all(plan, catalog, cache);
    let (lines, mut errors) = build_lines(plan, catalog, &ev, cache);
    let ids: Vec<&str> = plan.items.iter().map(|i| i.id.as_str()).collect();
    price::price_lines(
        &lines,
        catalog,
        plan.tier_mode,
        plan.free_tier,
        &ids,
        &mut errors,
    );
    errors
}

/// Price `plan` with `catalog`. Pure and deterministic; the first problem found is returned
/// as the error (use [`validate`] to list them all).
pub fn estimate(plan: &Plan, catalog: &Catalog) -> Result<Estimate, CostError> {
    estimate_with(plan, catalog, &SimCache::new())
}

/// [`estimate`] with the Auto Scaling groups' simulations remembered in `cache`: whoever prices
/// a plan again and again (the app on every edit, the forecast month by month) keeps one cache
/// so an unchanged group is not simulated again.
pub fn estimate_with(
    plan: &Plan,
    catalog: &Catalog,
    cache: &SimCache,
) -> Result<Estimate, CostError> {
    let ev = evaluator(plan)?;
    scaling_group::simulate_all(plan, catalog, cache);
    let (lines, mut errors) = build_lines(plan, catalog, &ev, cache);
    if let Some(e) = errors.into_iter().next() {
        return Err(e);
    }
    errors = Vec::new();
    let ids: Vec<&str> = plan.items.iter().map(|i| i.id.as_str()).collect();
    let priced = price::price_lines(
        &lines,
        catalog,
        plan.tier_mode,
        plan.free_tier,
        &ids,
        &mut errors,
    );
    if let Some(e) = errors.into_iter().next() {
        return Err(e);
    }
    let mut per_item = vec![0u32; plan.items.len()];
    for l in &lines {
        per_item[l.item as usize] += 1;
    }
    let mut items: Vec<ItemCost> = plan
        .items
        .iter()
        .enumerate()
        .map(|(index, it)| ItemCost {
            index,
            id: it.id.clone(),
            name: it.name.clone(),
            group: it.group.clone(),
            service: it.resource.service(),
            region: it.region(plan).to_string(),
            tags: it.tags.clone(),
            components: Vec::with_capacity(per_item[index] as usize),
            monthly_usd: 0.0,
            upfront_usd: 0.0,
        })
        .collect();
    for (l, p) in lines.into_iter().zip(priced) {
        let it = &mut items[l.item as usize];
        it.monthly_usd += p.monthly;
        it.upfront_usd += p.upfront;
        it.components.push(Component {
            name: l.name,
            quantity: l.quantity,
            unit: l.unit,
            unit_price: p.unit_price,
            monthly_usd: p.monthly,
            upfront_usd: p.upfront,
            calculation: p.calculation,
        });
    }
    let s = totals::subtotals(&items);
    Ok(Estimate {
        plan_name: plan.name.clone(),
        catalog: catalog.id.clone(),
        items,
        total: s.total,
        by_group: s.by_group,
        by_service: s.by_service,
        by_region: s.by_region,
        by_tag: s.by_tag,
    })
}

#[cfg(test)]
mod tests;
