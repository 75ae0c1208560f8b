//! Pass 1 of the engine: usage [`Line`]s and the per-item context the service modules use.
//!
//! Each service module turns one plan item into lines: a component name, the catalogue key
//! (region, service, product, dimension, purchase option), the monthly quantity in the
//! rate's unit, how that quantity was derived ([`Basis`], for the calculation trail) and the
//! billing facts pass 2 needs (free-tier pool, tier scope, upfront units).

use super::CostError;
use super::free_tier::FreeKind;
use crate::catalog::{Catalog, PriceOption, Service, Term};
use crate::plan::formula::Evaluator;
use crate::plan::{Item, Num};
use std::borrow::Cow;
use std::cell::RefCell;

/// Up to four factors whose product is a line's quantity (`3 × 730 h`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Basis {
    factors: [(f64, &'static str); 4],
    len: u8,
}

impl Basis {
    /// The quantity itself, no factors shown.
    pub const fn plain() -> Basis {
        Basis {
            factors: [(0.0, ""); 4],
            len: 0,
        }
    }
    /// Factors (value, unit suffix) shown as `3 × 730 h`. At most four are kept.
    pub fn of(factors: &[(f64, &'static str)]) -> Basis {
        let mut b = Basis::plain();
        for (i, f) in factors.iter().take(4).enumerate() {
            b.factors[i] = *f;
            b.len = i as u8 + 1;
        }
        b
    }
    /// The factors kept, in order: (value, unit suffix).
    pub fn factors(&self) -> &[(f64, &'static str)] {
        &self.factors[..self.len as usize]
    }
}

/// Over what usage a tiered price's tiers apply.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Scope {
    /// The account's monthly usage in the region (aggregated in `TierMode::Aggregate`).
    Account,
    /// Each of `n` identical units alone (io2 IOPS tiers apply per volume).
    PerUnit(f64),
}

/// How a line's price is found.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Pricing {
    /// The catalogue's rate for the line's key.
    Catalog,
    /// The catalogue's rate scaled by `factor` (Spot estimated from on-demand × (1 − savings)).
    Scaled {
        /// Multiplier of the catalogue rate (Spot: `1 − advisor savings % / 100`).
        factor: f64,
        /// Why the rate is scaled, shown in the calculation.
        why: &'static str,
    },
    /// A user-entered fixed amount (custom lines): no catalogue lookup.
    Fixed {
        /// USD per month as entered.
        monthly: f64,
        /// One-time USD as entered.
        upfront: f64,
    },
    /// A Savings Plan commitment priced at the catalogue's Savings Plans rate: `upfront_share`
    /// of `upfront_units × rate × term hours` is paid upfront, the rest (`1 − upfront_share`)
    /// monthly with the line (see `SavingsPlanOffer::upfront_share`).
    Commitment {
        /// Share of the commitment paid upfront (0, 0.5 or 1).
        upfront_share: f64,
        /// Why the monthly figure is scaled, shown in the calculation trail.
        why: &'static str,
    },
}

/// One usage line of one item.
#[derive(Debug, Clone)]
pub struct Line<'a> {
    /// Index of the item in the plan.
    pub item: u32,
    /// Component name (`On-Demand instance hours` …).
    pub name: Cow<'static, str>,
    /// Catalogue key: the service.
    pub service: Service,
    /// Catalogue key: the region.
    pub region: &'a str,
    /// Catalogue key: the product (instance type, storage class, volume type …).
    pub product: Cow<'a, str>,
    /// Catalogue key: the usage dimension (instance hours, storage, requests …).
    pub dimension: &'static str,
    /// Catalogue key: the purchase option (On-Demand, Reserved, Spot …).
    pub option: PriceOption,
    /// Monthly usage in the rate's unit, before any free tier.
    pub quantity: f64,
    /// Unit as shown in the component (`h`, `GB-mo`, `GB-s` …).
    pub unit: &'static str,
    /// The factors whose product is `quantity`, shown in the calculation.
    pub basis: Basis,
    /// Extra explanation appended to the calculation (billing rule applied); may be empty.
    pub note: Cow<'static, str>,
    /// Units the rate's upfront fee is paid for (Reserved Instances: instance count).
    pub upfront_units: f64,
    /// Reserved term, to show the effective hourly rate.
    pub term: Option<Term>,
    /// The free-tier pool the quantity draws from first, if any.
    pub free: Option<FreeKind>,
    /// Whether tiered prices apply to the account's usage or to each unit alone.
    pub scope: Scope,
    /// Catalogue rate, scaled catalogue rate, or a fixed amount.
    pub pricing: Pricing,
}

impl<'a> Line<'a> {
    /// A catalogue-priced, account-scoped line with no upfront fee or free tier.
    #[inline(always)]
    pub fn new(
        ctx: &Ctx<'a>,
        name: impl Into<Cow<'static, str>>,
        product: impl Into<Cow<'a, str>>,
        dimension: &'static str,
        quantity: f64,
        unit: &'static str,
    ) -> Line<'a> {
        Line {
            item: ctx.index,
            name: name.into(),
            service: ctx.service,
            region: ctx.region,
            product: product.into(),
            dimension,
            option: PriceOption::OnDemand,
            quantity,
            unit,
            basis: Basis::plain(),
            note: Cow::Borrowed(""),
            upfront_units: 0.0,
            term: None,
            free: None,
            scope: Scope::Account,
            pricing: Pricing::Catalog,
        }
    }
    /// Show the quantity as the product of `factors` (`3 × 730 h`) in the calculation.
    #[inline(always)]
    pub fn basis(mut self, factors: &[(f64, &'static str)]) -> Self {
        self.basis = Basis::of(factors);
        self
    }
    /// Append a billing-rule note to the calculation.
    #[inline(always)]
    pub fn note(mut self, note: impl Into<Cow<'static, str>>) -> Self {
        self.note = note.into();
        self
    }
    /// Draw the quantity from free-tier pool `kind` first.
    #[inline(always)]
    pub fn free(mut self, kind: FreeKind) -> Self {
        self.free = Some(kind);
        self
    }
    /// Price at purchase option `option` (Reserved, Spot …) instead of On-Demand.
    #[inline(always)]
    pub fn option(mut self, option: PriceOption) -> Self {
        self.option = option;
        self
    }
    /// Apply tiered prices over `scope` instead of the account's usage.
    #[inline(always)]
    pub fn scope(mut self, scope: Scope) -> Self {
        self.scope = scope;
        self
    }
}

/// What a service module needs to turn one item into lines; collects every field error.
pub struct Ctx<'a> {
    /// Parameter values; it memoises formula results, so each formula is parsed once per estimate.
    pub ev: &'a Evaluator,
    /// The price catalogue, for lookups a service module makes itself.
    pub catalog: &'a Catalog,
    /// Index of the item in the plan.
    pub index: u32,
    /// The plan item being priced.
    pub item: &'a Item,
    /// The item's region (the plan's default region when the item sets none).
    pub region: &'a str,
    /// The item's AWS service.
    pub service: Service,
    errors: RefCell<Vec<CostError>>,
}

impl<'a> Ctx<'a> {
    /// The context of item `item` (plan index `index`) priced in `region`, with no errors yet.
    pub fn new(
        ev: &'a Evaluator,
        catalog: &'a Catalog,
        index: usize,
        item: &'a Item,
        region: &'a str,
    ) -> Ctx<'a> {
        Ctx {
            ev,
            catalog,
            index: index as u32,
            item,
            region,
            service: item.resource.service(),
            errors: RefCell::new(Vec::new()),
        }
    }

    /// Record an error about `field` of this item (e.g. `ec2.count`).
    pub fn error(&self, field: impl Into<String>, message: impl Into<String>) {
        self.errors.borrow_mut().push(CostError::Field {
            item: self.item.id.clone(),
            field: field.into(),
            message: message.into(),
        });
    }

    /// Record an error already built (a missing price, a simulation error).
    pub fn push_error(&self, e: CostError) {
        self.errors.borrow_mut().push(e);
    }

    /// A numeric field: finite and not negative. On error records it and returns 0.
    pub fn num(&self, num: &'a Num, field: &str) -> f64 {
        match self.ev.eval(num) {
            Ok(v) if v < 0.0 => {
                self.error(field, format!("must not be negative (got {v})"));
                0.0
            }
            Ok(v) => v,
            Err(e) => {
                self.error(field, e.to_string());
                0.0
            }
        }
    }

    /// An optional numeric field (0 when absent).
    pub fn opt(&self, num: &'a Option<Num>, field: &str) -> f64 {
        num.as_ref().map_or(0.0, |n| self.num(n, field))
    }

    /// A percentage field (0–100).
    pub fn pct(&self, num: &'a Num, field: &str) -> f64 {
        let v = self.num(num, field);
        if v > 100.0 {
            self.error(field, format!("a percentage must be at most 100 (got {v})"));
            return 0.0;
        }
        v
    }

    /// Whether any error was recorded for this item.
    pub fn has_errors(&self) -> bool {
        !self.errors.borrow().is_empty()
    }

    /// The errors recorded, in order.
    pub fn into_errors(self) -> Vec<CostError> {
        self.errors.into_inner()
    }
}
