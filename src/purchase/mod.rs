//! Purchase-option comparison: what an EC2 fleet or RDS instance group — or every one of them in a
//! plan — costs under each way of buying it, over a horizon, month by month.
//!
//! Pure: plan + catalogue + settings in, a [`Comparison`] out. The options are every one AWS
//! sells for the resource ([`Choice::all`]): On-Demand; Reserved Instances standard and
//! convertible × 1 yr / 3 yr × No / Partial / All Upfront; Compute and EC2 Instance Savings
//! Plans × 1 yr / 3 yr × the three payment options; Spot. An option whose price the catalogue
//! lacks is listed as unavailable **with the reason** and is never priced as $0 or guessed.
//!
//! Rules (see [`options`] for each figure, [`cashflow`] for the months):
//! * Instance-hours come from [`subject`] (730-hour months, usage patterns as the cost engine).
//! * A commitment is paid whether used or not: an RI bills `count × 730 h × hourly` every month
//!   of its term, plus `count × upfront` in the first month of each term (renewed when the
//!   horizon is longer than the term). Instance-hours above the reserved baseline are On-Demand.
//! * Effective monthly = recurring + upfront / term months; break-even utilisation = effective
//!   hourly rate / On-Demand rate.
//! * Spot: the catalogue's Spot price, else On-Demand × (1 − Spot Instance Advisor savings %);
//!   the advisor's interruption band is shown beside it, and the user's interruption overhead
//!   (work re-run after interruptions, %) multiplies the instance-hours.
//! * The optimiser ([`optimise`]) finds the RI count and the Savings Plan commitment ($/hour)
//!   minimising the total over an hourly usage series ([`series`]).
//! * A Savings Plan: `count × SP rate` per hour committed for every hour of the term; Partial /
//!   All Upfront pay 50 % / 100 % of `$/hour × term hours` upfront (see [`options`]).

pub mod cashflow;
pub mod optimise;
pub mod options;
pub mod schedule;
pub mod series;
pub mod subject;

use crate::catalog::{Catalog, CatalogId, OfferingClass, Payment, Reservation, Term};
use crate::plan::{Plan, PurchaseOption, SavingsPlanKind};
use serde::Serialize;
pub use subject::{Subject, subjects};

/// Why a comparison could not be made. Names the item and field.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PurchaseError {
    /// A plan field (or a parameter the item uses) has a value the comparison cannot use.
    #[error("item `{item}`: field `{field}`: {message}")]
    Field {
        /// Id of the plan item, or `parameter <name>` for a bad plan parameter.
        item: String,
        /// Field within the item, e.g. `ec2.count` or `rds.hours_per_month`.
        field: String,
        /// What is wrong with the value.
        message: String,
    },
    /// No plan item has the given id.
    #[error("item `{0}`: no such item in the plan")]
    UnknownItem(String),
    /// The item is not an EC2 fleet or RDS instance group, so it has no purchase options.
    #[error(
        "item `{item}`: a {kind} item has no purchase options to compare (only EC2 and RDS items do)"
    )]
    NotComparable {
        /// Id of the plan item.
        item: String,
        /// Display name of the item's service, e.g. `Amazon S3`.
        kind: String,
    },
    /// A whole-plan comparison found no EC2 or RDS item.
    #[error("the plan has no EC2 or RDS items, so there are no purchase options to compare")]
    NothingToCompare,
    /// A comparison setting is out of range (`horizon`, `overhead`).
    #[error("setting `{field}`: {message}")]
    Setting {
        /// The setting, named as its CLI option: `horizon` or `overhead`.
        field: String,
        /// The accepted range and the value given.
        message: String,
    },
    /// The catalogue lacks the On-Demand price every comparison is measured against.
    #[error("item `{item}`: {message}")]
    Price {
        /// Id of the plan item.
        item: String,
        /// Why the On-Demand price is missing.
        message: String,
    },
}

/// One way of buying capacity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Choice {
    /// Pay-as-you-go by the instance-hour, no commitment.
    OnDemand,
    /// A Reserved Instance offering: offering class × term × payment option.
    Reserved(Reservation),
    /// A Savings Plan: a commitment to a USD-per-hour spend for 1 or 3 years.
    SavingsPlan {
        /// Compute or EC2 Instance Savings Plan.
        kind: SavingsPlanKind,
        /// Commitment length, 1 or 3 years.
        term: Term,
        /// No, Partial or All Upfront.
        payment: Payment,
    },
    /// Spot capacity at the Spot price, interruptible.
    Spot,
}

impl Choice {
    /// Every option, in a fixed order: On-Demand, 12 RIs, 12 Savings Plans, Spot.
    pub fn all() -> Vec<Choice> {
        let mut v = vec![Choice::OnDemand];
        for class in [OfferingClass::Standard, OfferingClass::Convertible] {
            for term in [Term::OneYear, Term::ThreeYears] {
                for payment in Payment::ALL {
                    v.push(Choice::Reserved(Reservation {
                        class,
                        term,
                        payment,
                    }));
                }
            }
        }
        for kind in [SavingsPlanKind::Compute, SavingsPlanKind::Ec2Instance] {
            for term in [Term::OneYear, Term::ThreeYears] {
                for payment in Payment::ALL {
                    v.push(Choice::SavingsPlan {
                        kind,
                        term,
                        payment,
                    });
                }
            }
        }
        v.push(Choice::Spot);
        v
    }

    /// The commitment term, if any.
    pub fn term(self) -> Option<Term> {
        match self {
            Choice::Reserved(r) => Some(r.term),
            Choice::SavingsPlan { term, .. } => Some(term),
            _ => None,
        }
    }

    /// `On-Demand`, `RI standard 1yr All Upfront`, `Compute SP 3yr No Upfront`, `Spot`.
    pub fn label(self) -> String {
        match self {
            Choice::OnDemand => "On-Demand".into(),
            Choice::Spot => "Spot".into(),
            Choice::Reserved(r) => format!(
                "RI {} {} {}",
                r.class.as_str(),
                r.term.as_str(),
                r.payment.display_name()
            ),
            Choice::SavingsPlan {
                kind,
                term,
                payment,
            } => format!(
                "{} SP {} {}",
                sp_kind_name(kind),
                term.as_str(),
                payment.display_name()
            ),
        }
    }

    /// The option a plan item is bought with today.
    pub fn from_purchase(p: PurchaseOption) -> Choice {
        match p {
            PurchaseOption::OnDemand => Choice::OnDemand,
            PurchaseOption::Spot => Choice::Spot,
            PurchaseOption::Reserved {
                class,
                term,
                payment,
            } => Choice::Reserved(Reservation {
                class,
                term,
                payment,
            }),
            PurchaseOption::SavingsPlan {
                plan,
                term,
                payment,
            } => Choice::SavingsPlan {
                kind: plan,
                term,
                payment,
            },
        }
    }
}

/// `Compute` / `EC2 Instance`.
pub fn sp_kind_name(kind: SavingsPlanKind) -> &'static str {
    match kind {
        SavingsPlanKind::Compute => "Compute",
        SavingsPlanKind::Ec2Instance => "EC2 Instance",
    }
}

/// What the user chooses for a comparison.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Settings {
    /// Months the totals and cash flows cover (1–120).
    pub horizon_months: u32,
    /// Extra Spot instance-hours to re-run work lost to interruptions, percent (0–1000).
    pub spot_overhead_pct: f64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            horizon_months: 36,
            spot_overhead_pct: 0.0,
        }
    }
}

/// Longest horizon a comparison accepts, months.
pub const MAX_HORIZON_MONTHS: u32 = 120;

impl Settings {
    /// Check the settings; errors name the field.
    pub fn validate(&self) -> Result<(), PurchaseError> {
        if self.horizon_months == 0 || self.horizon_months > MAX_HORIZON_MONTHS {
            return Err(PurchaseError::Setting {
                field: "horizon".into(),
                message: format!(
                    "must be 1 to {MAX_HORIZON_MONTHS} months (got {})",
                    self.horizon_months
                ),
            });
        }
        if !self.spot_overhead_pct.is_finite() || !(0.0..=1000.0).contains(&self.spot_overhead_pct)
        {
            return Err(PurchaseError::Setting {
                field: "overhead".into(),
                message: format!(
                    "must be a percentage from 0 to 1000 (got {})",
                    self.spot_overhead_pct
                ),
            });
        }
        Ok(())
    }
}

/// What is compared.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "scope", content = "item", rename_all = "snake_case")]
pub enum Scope {
    /// One plan item, by id.
    Item(String),
    /// Every EC2 and RDS item of the plan together.
    Plan,
}

/// One option's figures over the horizon.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OptionResult {
    /// Which purchase option these figures are for.
    pub choice: Choice,
    /// Display label, e.g. `RI standard 1yr All Upfront` (see [`Choice::label`]).
    pub label: String,
    /// `Some(reason)` when the catalogue lacks a price this option needs; every figure is then 0
    /// and must not be shown as a cost.
    pub unavailable: Option<String>,
    /// The plan buys it this way today (every compared item, for a whole-plan comparison).
    pub current: bool,
    /// Upfront fee of one term (all items), USD.
    pub upfront_usd: f64,
    /// Recurring charge per month (commitment fees + On-Demand remainder), USD.
    pub recurring_monthly_usd: f64,
    /// Recurring + upfront spread over the term's months, USD.
    pub effective_monthly_usd: f64,
    /// Total paid in the horizon (upfronts in their month, renewals included), USD.
    pub total_usd: f64,
    /// On-Demand total − this total, USD (negative: dearer than On-Demand).
    pub saving_usd: f64,
    /// `saving_usd` as a percentage of the On-Demand total.
    pub saving_pct: f64,
    /// First month (1-based) in which the cumulative cost is at or below cumulative On-Demand.
    pub break_even_month: Option<u32>,
    /// Utilisation below which this commitment costs more than On-Demand, percent
    /// (effective rate / On-Demand rate, hour-weighted over the items).
    pub break_even_utilisation_pct: Option<f64>,
    /// Utilisation of the committed instances in the plan, percent (100 = every hour).
    pub utilisation_pct: Option<f64>,
    /// Commitment still owed after the horizon ends (rest of the last term), USD.
    pub committed_after_horizon_usd: f64,
    /// Spot Instance Advisor interruption-frequency band(s).
    pub interruption_band: Option<String>,
    /// Payments per month of the horizon (index 0 = month 1), USD.
    pub cash_flow: Vec<f64>,
    /// Running total of `cash_flow`, USD.
    pub cumulative: Vec<f64>,
    /// How the figures were reached, per item, checkable by hand.
    pub calculation: Vec<String>,
}

impl OptionResult {
    /// Whether the catalogue has every price this option needs (`unavailable` is `None`).
    pub fn is_available(&self) -> bool {
        self.unavailable.is_none()
    }

    /// What choosing this option commits you to: the horizon total plus the recurring fees
    /// still owed after the horizon for the rest of the last term. Options are ranked by it, so
    /// a 3-year commitment is not cheapest over 12 months just because 24 months of it fall
    /// outside the horizon.
    pub fn committed_total_usd(&self) -> f64 {
        self.total_usd + self.committed_after_horizon_usd
    }
}

/// A full comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    /// One item (by id) or the whole plan.
    pub scope: Scope,
    /// `web-fleet (m6i.large ×4)` or the plan's name.
    pub title: String,
    /// Horizon and Spot overhead the comparison was made with.
    pub settings: Settings,
    /// The catalogue the prices came from, with its effective dates.
    pub catalog: CatalogId,
    /// The EC2 fleets and RDS instance groups compared.
    pub subjects: Vec<Subject>,
    /// Every option in [`Choice::all`] order.
    pub options: Vec<OptionResult>,
    /// Commitment optimiser results (RI count per item), when a usage series exists.
    pub optimiser: Vec<ItemOptimum>,
    /// Whole plan: each item bought its own cheapest available way (`None` for one item).
    pub best_per_item: Option<BestMix>,
    /// Notes a reader needs (what is and is not included).
    pub notes: Vec<String>,
}

impl Comparison {
    /// The On-Demand option (always first).
    pub fn on_demand(&self) -> &OptionResult {
        &self.options[0]
    }

    /// The result for one purchase choice (every choice has one, available or not).
    pub fn option(&self, choice: Choice) -> Option<&OptionResult> {
        self.options.iter().find(|o| o.choice == choice)
    }

    /// Available options, cheapest first by [`OptionResult::committed_total_usd`] (ties in
    /// catalogue order).
    pub fn ranked(&self) -> Vec<&OptionResult> {
        let mut v: Vec<&OptionResult> = self.options.iter().filter(|o| o.is_available()).collect();
        v.sort_by(|a, b| a.committed_total_usd().total_cmp(&b.committed_total_usd()));
        v
    }

    /// The cheapest available option (horizon total plus any commitment owed after it).
    pub fn best(&self) -> Option<&OptionResult> {
        self.ranked().into_iter().next()
    }

    /// Every option for display: available ones cheapest first, then unavailable ones.
    pub fn sorted(&self) -> Vec<&OptionResult> {
        let mut v = self.ranked();
        v.extend(self.options.iter().filter(|o| !o.is_available()));
        v
    }
}

/// Each item of a whole-plan comparison bought its own cheapest available way (ranked as
/// [`Comparison::ranked`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BestMix {
    /// Sum over the items of each one's cheapest horizon total, USD.
    pub total_usd: f64,
    /// On-Demand total − `total_usd`.
    pub saving_usd: f64,
    /// `saving_usd` as a percentage of the On-Demand total.
    pub saving_pct: f64,
    /// Each item's cheapest option.
    pub parts: Vec<MixPart>,
}

/// One item's cheapest option in a [`BestMix`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MixPart {
    /// Id of the plan item.
    pub item_id: String,
    /// The item's cheapest available purchase option.
    pub choice: Choice,
    /// Display label of `choice`, e.g. `Compute SP 3yr No Upfront`.
    pub label: String,
    /// Total paid for the item over the horizon under `choice`, USD.
    pub total_usd: f64,
}

/// Optimiser result for one item: the best Reserved Instance count for its hourly usage.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemOptimum {
    /// Id of the plan item.
    pub item_id: String,
    /// The RI offering optimised (the available one with the lowest effective rate).
    pub choice: Choice,
    /// Display label of `choice`, e.g. `RI standard 3yr All Upfront`.
    pub label: String,
    /// On-Demand price, USD per instance-hour.
    pub on_demand_rate: f64,
    /// The RI's effective price, USD per instance-hour (hourly + upfront / term hours).
    pub effective_rate: f64,
    /// Totals over one 730-hour month of the item's usage series.
    pub curve: optimise::Curve,
    /// The best Savings Plan commitment for the same usage (the offering with the lowest rate),
    /// when the catalogue has a Savings Plans rate for it.
    pub savings_plan: Option<SpOptimum>,
    /// Why a Savings Plan commitment could not be optimised (no SP rate in the catalogue).
    pub savings_plan_unavailable: Option<String>,
}

/// Optimiser result for one item's Savings Plan commitment, USD per hour.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpOptimum {
    /// The Savings Plan offering optimised (the available one with the lowest rate).
    pub choice: Choice,
    /// `Compute SP 3yr All Upfront`.
    pub label: String,
    /// Its rate per instance-hour (the effective rate: upfront is part of the commitment).
    pub sp_rate: f64,
    /// Totals over one 730-hour month of the item's usage series, by commitment (USD/h).
    pub curve: optimise::Curve,
}

/// Compare every option for one item.
pub fn compare_item(
    plan: &Plan,
    catalog: &Catalog,
    item_id: &str,
    settings: Settings,
) -> Result<Comparison, PurchaseError> {
    settings.validate()?;
    let item = plan
        .items
        .iter()
        .find(|i| i.id == item_id)
        .ok_or_else(|| PurchaseError::UnknownItem(item_id.to_string()))?;
    let ev = crate::plan::formula::Evaluator::new(plan).map_err(|e| PurchaseError::Field {
        item: format!("parameter {}", e.name),
        field: "value".into(),
        message: e.error.to_string(),
    })?;
    let s = subject::subject(plan, item, &ev)?.ok_or_else(|| PurchaseError::NotComparable {
        item: item_id.to_string(),
        kind: item.resource.service().display_name().to_string(),
    })?;
    let title = format!(
        "{} ({} × {})",
        s.item_id,
        s.label,
        crate::text::format::quantity(s.baseline_count, 4)
    );
    build(
        Scope::Item(item_id.to_string()),
        title,
        vec![s],
        catalog,
        settings,
    )
}

/// Compare every option for all EC2 and RDS items of the plan together.
pub fn compare_plan(
    plan: &Plan,
    catalog: &Catalog,
    settings: Settings,
) -> Result<Comparison, PurchaseError> {
    settings.validate()?;
    let subs = subjects(plan)?;
    if subs.is_empty() {
        return Err(PurchaseError::NothingToCompare);
    }
    build(Scope::Plan, plan.name.clone(), subs, catalog, settings)
}

fn build(
    scope: Scope,
    title: String,
    subs: Vec<Subject>,
    catalog: &Catalog,
    settings: Settings,
) -> Result<Comparison, PurchaseError> {
    // On-Demand must be priced for every subject: it is the baseline of every saving.
    let mut od_flows = Vec::with_capacity(subs.len());
    for s in &subs {
        match options::price(s, Choice::OnDemand, catalog, &settings) {
            Ok(f) => od_flows.push(f),
            Err(reason) => {
                return Err(PurchaseError::Price {
                    item: s.item_id.clone(),
                    message: reason,
                });
            }
        }
    }
    let od = cashflow::combine(Choice::OnDemand, &od_flows, None, &settings);
    let od_cum = od.cumulative.clone();
    let mut results = Vec::new();
    for choice in Choice::all() {
        let current = subs
            .iter()
            .all(|s| Choice::from_purchase(s.current) == choice);
        if choice == Choice::OnDemand {
            let mut r = od.clone();
            r.current = current;
            results.push(r);
            continue;
        }
        let mut flows = Vec::with_capacity(subs.len());
        let mut reasons = Vec::new();
        for s in &subs {
            match options::price(s, choice, catalog, &settings) {
                Ok(f) => flows.push(f),
                Err(reason) => reasons.push(if subs.len() > 1 {
                    format!("{}: {reason}", s.item_id)
                } else {
                    reason
                }),
            }
        }
        let mut r = if reasons.is_empty() {
            cashflow::combine(choice, &flows, Some(&od_cum), &settings)
        } else {
            cashflow::unavailable(choice, reasons.join("; "))
        };
        r.current = current;
        results.push(r);
    }
    let mut optimiser = Vec::new();
    for s in &subs {
        if let Some(o) = options::optimum(s, catalog, &settings) {
            optimiser.push(o);
        }
    }
    let best_per_item = (subs.len() > 1).then(|| best_mix(&subs, catalog, &settings, &od));
    let mut notes = vec![
        "Only instance-hours change with the purchase option; storage, requests and transfer are the same under every option and are not included.".to_string(),
        "A month is 730 hours; a Reserved Instance is paid for every hour of its term, used or not.".to_string(),
    ];
    if settings.spot_overhead_pct > 0.0 {
        notes.push(format!(
            "Spot includes {}% extra instance-hours to re-run work lost to interruptions.",
            crate::text::format::quantity(settings.spot_overhead_pct, 2)
        ));
    }
    Ok(Comparison {
        scope,
        title,
        settings,
        catalog: catalog.id.clone(),
        subjects: subs,
        options: results,
        optimiser,
        best_per_item,
        notes,
    })
}

/// Every subject's cheapest available option over the horizon, summed.
fn best_mix(
    subs: &[Subject],
    catalog: &Catalog,
    settings: &Settings,
    od: &OptionResult,
) -> BestMix {
    let mut parts = Vec::with_capacity(subs.len());
    for s in subs {
        let mut best: Option<(Choice, f64, f64)> = None;
        for choice in Choice::all() {
            if let Ok(f) = options::price(s, choice, catalog, settings) {
                let r = cashflow::combine(choice, &[f], None, settings);
                let key = r.committed_total_usd();
                if best.is_none_or(|(_, _, b)| key < b) {
                    best = Some((choice, r.total_usd, key));
                }
            }
        }
        // On-Demand is always priced for a subject (checked before), so `best` is set.
        if let Some((choice, total_usd, _)) = best {
            parts.push(MixPart {
                item_id: s.item_id.clone(),
                choice,
                label: choice.label(),
                total_usd,
            });
        }
    }
    let total_usd: f64 = parts.iter().map(|p| p.total_usd).sum();
    let saving_usd = od.total_usd - total_usd;
    BestMix {
        total_usd,
        saving_usd,
        saving_pct: if od.total_usd > 0.0 {
            saving_usd / od.total_usd * 100.0
        } else {
            0.0
        },
        parts,
    }
}
