//! Commitments (Reserved Instances, Savings Plans) of plan items laid on the forecast's months:
//! when each term starts, renews or expires, what is charged upfront, and what is still owed
//! when an item stops or the horizon ends inside a term.
//!
//! An EC2 or RDS item bought `Reserved` or `SavingsPlan` carries one commitment, and so does an
//! Auto Scaling group with Reserved Instances (`reserved`: they cover its On-Demand part; outside
//! a term the group runs without them, every On-Demand hour at the On-Demand rate). It starts in
//! the item's first billed month of the horizon (the plan's start month, or the item's
//! `item_window` start) unless a `commitment` growth driver names a `start` month — which may
//! lie before the horizon (a reservation already owned: its upfront fee was paid before, only
//! the rest of its term is in the horizon). It runs for its term, 12 or 36 calendar months
//! ([`crate::purchase::schedule::TermSchedule`], the arithmetic the purchase comparison uses).
//! AWS bills the payment options this way (Amazon EC2 Reserved Instances and Other AWS
//! Reservation Models whitepaper, "Reserved Instances payment options",
//! docs.aws.amazon.com/whitepapers/latest/cost-optimization-reservation-models/reserved-instances-payment-options.html;
//! Savings Plans offer the same three options):
//! * **All Upfront**: the whole term paid at its start, no hourly charge;
//! * **Partial Upfront**: part paid at the start, the rest at a discounted hourly rate for every
//!   hour of the term;
//! * **No Upfront**: a discounted hourly rate for every hour of the term;
//!
//! and "with Reserved Instances, you pay for the entire term regardless of actual use … When
//! Reserved Instances expire, you are charged On-Demand Instance rates" (same whitepaper,
//! "Reserved Instances billing", …/reserved-instances-billing.html) — so when an item stops
//! (`item_window` end) inside a term, the commitment's recurring fee is still charged every
//! month to the end of that term (priced as [`crate::purchase::options::price`] prices the
//! commitment: `count × 730 h × hourly`), and no renewal follows.
//!
//! When a term ends, the commitment renews (a new term starts: its upfront fee again, the same
//! catalogue rates) or the item falls back to On-Demand: the month is priced by the cost
//! engine with the item bought On-Demand, so the catalogue's On-Demand rate applies to that
//! month's usage. Renewal is the `commitment` driver's `renew`; without a driver it is
//! [`RENEW_BY_DEFAULT`], and the report says which items took the default.

use crate::catalog::Service;
use crate::plan::{Plan, PurchaseOption, Resource};
use crate::purchase::schedule::TermSchedule;
use serde::Serialize;

/// Renewal when the plan does not say: **renew**. A plan item bought as a reservation states how
/// the capacity is bought for as long as it runs; renewing at the same rates keeps the forecast
/// in step with the purchase comparison (whose totals assume renewal) and never shows a silent
/// jump to On-Demand that nobody planned. A `commitment` driver with `"renew": false` models a
/// lapse; the report marks every commitment that took this default.
pub const RENEW_BY_DEFAULT: bool = true;

/// The commitment an item is bought with: EC2 and RDS items bought Reserved or Savings Plan,
/// and an Auto Scaling group's Reserved Instances (which cover its On-Demand part).
pub fn commitment_of(r: &Resource) -> Option<PurchaseOption> {
    let p = match r {
        Resource::Ec2(f) => f.purchase,
        Resource::Rds(d) => d.purchase,
        Resource::ScalingGroup(g) => {
            let c = g.reserved.as_ref().filter(|c| c.count > 0)?;
            PurchaseOption::Reserved {
                class: c.class,
                term: c.term,
                payment: c.payment,
            }
        }
        _ => return None,
    };
    matches!(
        p,
        PurchaseOption::Reserved { .. } | PurchaseOption::SavingsPlan { .. }
    )
    .then_some(p)
}

/// Buy the month's item `r` with the commitment of `original` (the plan's item) when `on`,
/// else On-Demand (a group: without its Reserved Instances). Whether anything changed.
pub fn set_committed(r: &mut Resource, original: &Resource, on: bool) -> bool {
    match (r, original) {
        (Resource::ScalingGroup(g), Resource::ScalingGroup(o)) => {
            let want = if on { o.reserved.clone() } else { None };
            let changed = g.reserved != want;
            g.reserved = want;
            changed
        }
        (r, original) => {
            let want = match (on, commitment_of(original)) {
                (true, Some(p)) => p,
                _ => PurchaseOption::OnDemand,
            };
            match r {
                Resource::Ec2(f) if f.purchase != want => f.purchase = want,
                Resource::Rds(d) if d.purchase != want => d.purchase = want,
                _ => return false,
            }
            true
        }
    }
}

fn term_months(p: PurchaseOption) -> u32 {
    match p {
        PurchaseOption::Reserved { term, .. } | PurchaseOption::SavingsPlan { term, .. } => {
            term.months()
        }
        _ => 1,
    }
}

/// What happens to a commitment in a month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// The first term starts (its upfront fee is charged this month).
    Starts,
    /// A new term starts at the end of the previous one (upfront fee again).
    Renews,
    /// The last term ended the month before and is not renewed: the item is On-Demand from
    /// this month.
    Expires,
    /// The last term of an item that has stopped ended the month before: nothing more is owed.
    Ends,
    /// The item stopped while a term runs: its recurring fee is owed to the end of the term.
    Unused,
}

impl EventKind {
    /// The name used in JSON and reports (`renews`).
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Starts => "starts",
            EventKind::Renews => "renews",
            EventKind::Expires => "expires",
            EventKind::Ends => "ends",
            EventKind::Unused => "unused",
        }
    }
}

/// A commitment event in one month of the projection.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CommitmentEvent {
    /// Id of the item the commitment belongs to.
    pub item: String,
    /// What happens to the commitment this month.
    pub kind: EventKind,
    /// Upfront fee charged this month for this commitment, USD (starts / renews).
    pub upfront_usd: f64,
    /// Last month (`YYYY-MM`) of the term (starts, renews, unused).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub term_end: Option<String>,
}

impl CommitmentEvent {
    /// `web: renews (upfront $1,234.00, term to 2028-12)`.
    pub fn text(&self) -> String {
        use crate::text::format::money;
        let mut s = format!("{}: {}", self.item, self.kind.as_str());
        match (self.upfront_usd > 0.0, &self.term_end) {
            (true, Some(e)) => s += &format!(" (upfront {}, term to {e})", money(self.upfront_usd)),
            (false, Some(e)) => s += &format!(" (term to {e})"),
            (true, None) => s += &format!(" (upfront {})", money(self.upfront_usd)),
            (false, None) => {}
        }
        if self.kind == EventKind::Expires {
            s += " → On-Demand";
        }
        s
    }
}

/// One item's commitment over the horizon, as the report lists it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Commitment {
    /// Id of the committed item.
    pub item: String,
    /// `RI standard 1yr All Upfront`, `Compute SP 3yr No Upfront`.
    pub option: String,
    /// Length of one term, months (12 or 36).
    pub term_months: u32,
    /// First month (`YYYY-MM`) of the first term.
    pub start_month: String,
    /// Whether a `commitment` driver set the start (else: the item's first billed month).
    pub start_set: bool,
    /// Whether each term renews when it ends; if not, the item falls back to On-Demand.
    pub renew: bool,
    /// Whether a `commitment` driver chose renewal (else: [`RENEW_BY_DEFAULT`]).
    pub renew_set: bool,
    /// Months of the term running at the end of the horizon that fall after it.
    pub owed_after_horizon_months: u32,
    /// Recurring fees of those months, USD — owed, but not in the horizon's total (as the
    /// purchase comparison's `committed_after_horizon_usd`).
    pub owed_after_horizon_usd: f64,
}

/// A commitment resolved against the plan's windows, for the projection.
#[derive(Debug, Clone)]
pub(crate) struct Resolved {
    /// Index of the item in the plan.
    pub index: usize,
    pub schedule: TermSchedule,
    pub service: Service,
    pub group: String,
    pub summary: Commitment,
    /// The recurring commitment fee owed in months the item is no longer billed (set in its
    /// last billed month).
    pub unused_fee: f64,
}

/// The commitments of `plan`. `windows` maps an item index to its first and last billed month
/// index; `offset` turns `YYYY-MM` into a month index. Errors: (JSON path, message).
pub(crate) fn resolve(
    plan: &Plan,
    windows: &std::collections::HashMap<usize, (i32, i32)>,
    offset: impl Fn(&str) -> Option<i32>,
) -> Result<Vec<Resolved>, (String, String)> {
    let mut out = Vec::new();
    for (i, item) in plan.items.iter().enumerate() {
        let Some(purchase) = commitment_of(&item.resource) else {
            continue;
        };
        let (ws, we) = windows.get(&i).copied().unwrap_or((i32::MIN, i32::MAX));
        let driver = plan.growth.iter().enumerate().find_map(|(d, g)| match g {
            crate::forecast::GrowthDriver::Commitment {
                item: id,
                start,
                renew,
            } if *id == item.id => Some((d, start.as_deref(), *renew)),
            _ => None,
        });
        let explicit = driver.and_then(|(d, s, _)| s.map(|s| (d, s)));
        let start = match explicit {
            Some((d, m)) => {
                let s = offset(m).ok_or_else(|| {
                    (
                        format!("growth[{d}].start"),
                        format!("`{m}` is not a month written YYYY-MM"),
                    )
                })?;
                if s < ws || s > we {
                    return Err((
                        format!("growth[{d}].start"),
                        format!(
                            "the commitment of `{}` starts in {m}, outside the months the item is billed",
                            item.id
                        ),
                    ));
                }
                s
            }
            None => {
                if we < 0 {
                    continue; // the item stopped before the horizon
                }
                ws.max(0)
            }
        };
        let renew = driver.map_or(RENEW_BY_DEFAULT, |(_, _, r)| r);
        let tm = term_months(purchase);
        out.push(Resolved {
            index: i,
            schedule: TermSchedule {
                start,
                term_months: tm as i32,
                renew,
                last_used: (we != i32::MAX).then_some(we),
            },
            service: item.resource.service(),
            group: item.group.clone(),
            summary: Commitment {
                item: item.id.clone(),
                option: crate::purchase::Choice::from_purchase(purchase).label(),
                term_months: tm,
                start_month: crate::plan::growth::add_months(&plan.start_month, start)
                    .unwrap_or_default(),
                start_set: explicit.is_some(),
                renew,
                renew_set: driver.is_some(),
                owed_after_horizon_months: 0,
                owed_after_horizon_usd: 0.0,
            },
            unused_fee: 0.0,
        });
    }
    Ok(out)
}

/// The recurring commitment fee of item `k` of the month's plan `work`, USD per month, priced
/// as the purchase comparison prices the commitment (`count × 730 h × hourly`), or why not.
pub(crate) fn recurring_fee(
    work: &Plan,
    k: usize,
    catalog: &crate::catalog::Catalog,
) -> Result<f64, String> {
    use crate::purchase::{Choice, Settings, options, subject};
    let item = &work.items[k];
    // A group's Reserved Instances: `count × 730 h × hourly` at the catalogue's rate for the
    // type its On-Demand capacity runs on.
    if let Resource::ScalingGroup(g) = &item.resource {
        let count = g.reserved.as_ref().map_or(0, |r| r.count) as f64;
        let prices = crate::scaling::billing::prices(g, catalog, item.region(work))
            .map_err(|e| e.to_string())?;
        return Ok(prices.reserved.map_or(0.0, |(u, _, _)| {
            count * crate::units::HOURS_PER_MONTH * u.usd_per_hour
        }));
    }
    let ev = crate::plan::formula::Evaluator::new(work).map_err(|e| e.to_string())?;
    let s = subject::subject(work, item, &ev)
        .map_err(|e| e.to_string())?
        .ok_or_else(|| format!("item `{}` has no instance-hours to commit", item.id))?;
    let choice = Choice::from_purchase(s.current);
    options::price(&s, choice, catalog, &Settings::default()).map(|f| f.commit_monthly_usd)
}
