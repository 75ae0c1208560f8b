//! Month-by-month projection of a plan's bill under its growth drivers.
//!
//! For each month of the horizon the plan's driven parameters and item fields are set to that
//! month's values (see [`drivers`](super::drivers)), items outside their `item_window` are
//! left out, and the month's plan is priced by [`crate::cost::estimate`] — so tiers and free
//! tiers apply to that month's usage, never to a scaled total. Price changes then multiply the
//! cost of the items they cover — a committed item's only from its next term: a reservation's
//! rate is fixed for its term, so inside a term it keeps the prices of the term's start month.
//!
//! Commitments ([`super::commitments`]): an item bought Reserved / Savings Plan is priced with
//! its commitment only in the months a term covers, and On-Demand (by the cost engine) before
//! its start and after an expiry that is not renewed; its upfront fee is charged in the month
//! each term starts; months after the item stops inside a term still carry the term's recurring
//! fee. Each month lists its commitment events. Other upfront fees (a custom line's) are
//! charged in the first month an item is billed.
//!
//! Auto Scaling groups ([`super::scaling_groups`]) are billed each month at that month of
//! their simulation (the estimate's figure is the simulated monthly average); their Reserved
//! Instances are commitments like a reserved EC2 item's.

use super::ForecastError;
use super::commitments::{self, Commitment, CommitmentEvent, EventKind};
use crate::catalog::{Catalog, Service};
use crate::cost;
use crate::plan::formula::Evaluator;
use crate::plan::growth::{self as drivers, GrowthDriver, PriceScope, Target};
use crate::plan::{Num, Plan, Resource};
use crate::scaling::run::SimCache;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};

/// The bill of one month of the horizon.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MonthCost {
    /// `YYYY-MM`.
    pub month: String,
    /// Recurring cost of the month, USD.
    pub monthly_usd: f64,
    /// Upfront fees charged this month (commitment terms starting this month; other items'
    /// upfront fees in their first billed month), USD.
    pub upfront_usd: f64,
    /// Cost by AWS service, USD (recurring and upfront).
    pub by_service: BTreeMap<Service, f64>,
    /// By group name ("" = ungrouped).
    pub by_group: BTreeMap<String, f64>,
    /// Items billed this month.
    pub items: usize,
    /// Commitments starting, renewing, expiring or left unused this month.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<CommitmentEvent>,
}

/// The plan's projected bill over its horizon.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Projection {
    /// Name of the plan projected.
    pub plan_name: String,
    /// Id of the price catalogue the months were priced with.
    pub catalog: String,
    /// One entry per month of the horizon, oldest first.
    pub months: Vec<MonthCost>,
    /// Every committed item: term, start, renewal (and whether the plan chose it), and what is
    /// owed after the horizon.
    pub commitments: Vec<Commitment>,
}

impl Projection {
    /// Sum of recurring and upfront cost over the whole horizon.
    pub fn total_usd(&self) -> f64 {
        self.months
            .iter()
            .map(|m| m.monthly_usd + m.upfront_usd)
            .sum()
    }

    /// Commitment fees still owed after the horizon's last month (not in [`Self::total_usd`]).
    pub fn owed_after_horizon_usd(&self) -> f64 {
        self.commitments
            .iter()
            .map(|c| c.owed_after_horizon_usd)
            .sum()
    }
}

/// Drivers on one value, with the month index each starts from.
struct Path {
    base: f64,
    steps: Vec<(usize, i32)>,
}

impl Path {
    fn value(&self, growth: &[GrowthDriver], t: i32, calendar: u32) -> f64 {
        self.steps.iter().fold(self.base, |v, &(d, start)| {
            growth[d].apply(v, t, calendar, start)
        })
    }
}

/// The value of a driven target in each of the first `months` months (for tables and tests).
pub fn target_values(plan: &Plan, target: &Target, months: u32) -> Result<Vec<f64>, ForecastError> {
    let c = Compiled::new(plan)?;
    let path = match target {
        Target::Parameter(name) => c
            .params
            .iter()
            .find(|(i, _)| &plan.parameters[*i].name == name)
            .map(|(_, p)| p),
        Target::Item(f) => c
            .fields
            .iter()
            .find(|((i, field), _)| plan.items[*i].id == f.id && field == &f.field)
            .map(|(_, p)| p),
    };
    let (_, m0) = drivers::parse_month(&plan.start_month).unwrap_or((2000, 1));
    Ok((0..months as i32)
        .map(|t| {
            let cal = ((m0 as i32 - 1 + t).rem_euclid(12) + 1) as u32;
            path.map_or(f64::NAN, |p| p.value(&plan.growth, t, cal))
        })
        .collect())
}

struct Compiled {
    /// Parameter index → path.
    params: Vec<(usize, Path)>,
    /// (item index, field) → path.
    fields: Vec<((usize, String), Path)>,
    /// Item index → (first, last) billed month index.
    windows: HashMap<usize, (i32, i32)>,
    /// (scope, from month index, multiplier).
    prices: Vec<(PriceScope, i32, f64)>,
}

impl Compiled {
    fn new(plan: &Plan) -> Result<Compiled, ForecastError> {
        drivers::check(plan).map_err(|(path, message)| ForecastError::Driver { path, message })?;
        let ev = Evaluator::new(plan).map_err(|e| ForecastError::Driver {
            path: "parameters".into(),
            message: e.to_string(),
        })?;
        let offset = |m: Option<&str>| -> i32 {
            m.and_then(|m| drivers::month_offset(&plan.start_month, m))
                .unwrap_or(0)
        };
        let mut params: Vec<(usize, Path)> = Vec::new();
        let mut fields: Vec<((usize, String), Path)> = Vec::new();
        let mut windows = HashMap::new();
        let mut prices = Vec::new();
        for (d, g) in plan.growth.iter().enumerate() {
            let start = offset(g.start_month());
            match g.target() {
                Some(Target::Parameter(name)) => {
                    let i = plan
                        .parameters
                        .iter()
                        .position(|p| &p.name == name)
                        .unwrap_or(0);
                    match params.iter_mut().find(|(k, _)| *k == i) {
                        Some((_, p)) => p.steps.push((d, start)),
                        None => params.push((
                            i,
                            Path {
                                base: ev.parameter(name).unwrap_or(0.0),
                                steps: vec![(d, start)],
                            },
                        )),
                    }
                }
                Some(Target::Item(f)) => {
                    let i = plan.items.iter().position(|it| it.id == f.id).unwrap_or(0);
                    let key = (i, f.field.clone());
                    match fields.iter_mut().find(|(k, _)| *k == key) {
                        Some((_, p)) => p.steps.push((d, start)),
                        None => {
                            let mut probe = plan.items[i].resource.clone();
                            let num = drivers::field_mut(&mut probe, &f.field)
                                .cloned()
                                .unwrap_or_default();
                            let base = ev.eval(&num).map_err(|e| ForecastError::Driver {
                                path: format!("growth[{d}].target.item.field"),
                                message: format!("`{}.{}`: {e}", f.id, f.field),
                            })?;
                            fields.push((
                                key,
                                Path {
                                    base,
                                    steps: vec![(d, start)],
                                },
                            ));
                        }
                    }
                }
                None => match g {
                    GrowthDriver::ItemWindow { item, start, end } => {
                        let i = plan.items.iter().position(|it| &it.id == item).unwrap_or(0);
                        let s = start.as_deref().map_or(i32::MIN, |m| offset(Some(m)));
                        let e = end.as_deref().map_or(i32::MAX, |m| offset(Some(m)));
                        let w = windows.entry(i).or_insert((i32::MIN, i32::MAX));
                        w.0 = w.0.max(s);
                        w.1 = w.1.min(e);
                    }
                    GrowthDriver::PriceChange {
                        scope, multiplier, ..
                    } => prices.push((scope.clone(), start, *multiplier)),
                    _ => {}
                },
            }
        }
        Ok(Compiled {
            params,
            fields,
            windows,
            prices,
        })
    }
}

/// Price `plan` for each of `months` months from its start month (the plan's own horizon when
/// `months` is `None`).
pub fn project(
    plan: &Plan,
    catalog: &Catalog,
    months: Option<u32>,
) -> Result<Projection, ForecastError> {
    project_with(plan, catalog, months, &SimCache::new())
}

/// [`project`] with the Auto Scaling groups' simulations remembered in `cache` (each distinct
/// group is simulated once across the months, and across runs while it is unchanged).
pub fn project_with(
    plan: &Plan,
    catalog: &Catalog,
    months: Option<u32>,
    cache: &SimCache,
) -> Result<Projection, ForecastError> {
    let months = months.unwrap_or(plan.horizon_months);
    let c = Compiled::new(plan)?;
    let mut commits = commitments::resolve(plan, &c.windows, |m| {
        drivers::month_offset(&plan.start_month, m)
    })
    .map_err(|(path, message)| ForecastError::Driver { path, message })?;
    // Plan index → position in `commits`.
    let mut commit_at: Vec<Option<usize>> = vec![None; plan.items.len()];
    for (n, r) in commits.iter().enumerate() {
        commit_at[r.index] = Some(n);
    }
    let (_, m0) = drivers::parse_month(&plan.start_month).ok_or_else(|| ForecastError::Driver {
        path: "start_month".into(),
        message: format!("`{}` is not a month written YYYY-MM", plan.start_month),
    })?;
    // `work` is the month's plan: the driven values are written straight into it every month.
    // With item windows it holds only the items billed that month and is rebuilt (one copy of
    // those items) only in the months where a window opens or closes — never a plan copy per
    // month. `present[k]` is the plan index of `work.items[k]`, `pos[i]` the reverse.
    let mut work = plan.clone();
    work.growth.clear();
    let windowed = !c.windows.is_empty();
    let mut present: Vec<usize> = (0..plan.items.len()).collect();
    let mut pos: Vec<Option<usize>> = (0..plan.items.len()).map(Some).collect();
    let mut seen: HashSet<usize> = HashSet::new();
    let mut out = Vec::with_capacity(months as usize);
    let mut cached: Option<cost::Estimate> = None;
    let plan_start = plan.start_date().unwrap_or_default();
    let groups = super::scaling_groups::GroupMonths::new(plan_start, months);
    for t in 0..months as i32 {
        let month = drivers::add_months(&plan.start_month, t).unwrap_or_default();
        let cal = ((m0 as i32 - 1 + t).rem_euclid(12) + 1) as u32;
        let mut changed = t == 0;
        if windowed
            && (t == 0
                || c.windows
                    .values()
                    .any(|(s, e)| *s == t || e.checked_add(1) == Some(t)))
        {
            present = (0..plan.items.len())
                .filter(|i| c.windows.get(i).is_none_or(|(s, e)| (*s..=*e).contains(&t)))
                .collect();
            pos = vec![None; plan.items.len()];
            for (k, &i) in present.iter().enumerate() {
                pos[i] = Some(k);
            }
            work.items = present.iter().map(|&i| plan.items[i].clone()).collect();
            changed = true;
        }
        for (i, p) in &c.params {
            let v = Num::Value(p.value(&plan.growth, t, cal));
            if work.parameters[*i].value != v {
                work.parameters[*i].value = v;
                changed = true;
            }
        }
        for ((i, field), p) in &c.fields {
            let Some(k) = pos[*i] else { continue };
            let v = Num::Value(p.value(&plan.growth, t, cal));
            if let Some(slot) = drivers::field_mut(&mut work.items[k].resource, field)
                && *slot != v
            {
                *slot = v;
                changed = true;
            }
        }
        // Committed items are bought with their commitment only while a term covers the month.
        for r in &commits {
            let Some(k) = pos[r.index] else { continue };
            let on = r.schedule.term_of(t).is_some();
            if commitments::set_committed(
                &mut work.items[k].resource,
                &plan.items[r.index].resource,
                on,
            ) {
                changed = true;
            }
        }
        let month_err = |source| ForecastError::Cost {
            month: month.clone(),
            source,
        };
        if changed || cached.is_none() {
            let mut est = cost::estimate_with(&work, catalog, cache).map_err(month_err)?;
            if windowed {
                for ic in &mut est.items {
                    ic.index = present[ic.index];
                }
            }
            cached = Some(est);
        }
        let Some(est) = cached.as_ref() else {
            continue;
        };
        let mut mc = MonthCost {
            month: month.clone(),
            monthly_usd: 0.0,
            upfront_usd: 0.0,
            by_service: BTreeMap::new(),
            by_group: BTreeMap::new(),
            items: est.items.len(),
            events: Vec::new(),
        };
        // The price changes in effect in month `at`. A committed item's rates are fixed when
        // its term starts (AWS: a reservation's rate holds for its term), so inside a term it
        // takes the changes in effect at the term's start; a change reaches it at renewal.
        let multiplier = |id: &str, service: Service, at: i32| -> f64 {
            let mut mult = 1.0;
            for (scope, from, f) in &c.prices {
                let hit = match scope {
                    PriceScope::Item(i) => i == id,
                    PriceScope::Service(s) => *s == service,
                };
                if hit && at >= *from {
                    mult *= f;
                }
            }
            mult
        };
        let month_text = |i: i32| drivers::add_months(&plan.start_month, i).unwrap_or_default();
        for ic in &est.items {
            let group = match pos[ic.index].map(|k| &work.items[k].resource) {
                Some(Resource::ScalingGroup(g)) => Some(g),
                _ => None,
            };
            // A group is mostly On-Demand and Spot hours, which take a price change at once
            // (its Reserved Instances' hourly fee with them: a simplification); a committed
            // item keeps the prices of its term's start.
            let priced_at = match group {
                Some(_) => t,
                None => commit_at[ic.index]
                    .and_then(|n| commits[n].schedule.term_start(t))
                    .unwrap_or(t),
            };
            let mult = multiplier(&ic.id, ic.service, priced_at);
            // An Auto Scaling group: this month of its simulation, not the average.
            let m = match group {
                Some(g) => {
                    groups
                        .month_usd(g, &ic.id, &ic.region, catalog, cache, t as usize)
                        .map_err(month_err)?
                        * mult
                }
                None => ic.monthly_usd * mult,
            };
            let u = match commit_at[ic.index] {
                Some(n) => {
                    let s = &commits[n].schedule;
                    if s.starts_term(t) {
                        let kind = if s.term_of(t) == Some(0) {
                            EventKind::Starts
                        } else {
                            EventKind::Renews
                        };
                        mc.events.push(CommitmentEvent {
                            item: ic.id.clone(),
                            kind,
                            upfront_usd: ic.upfront_usd * mult,
                            term_end: s.term_end(t).map(month_text),
                        });
                        ic.upfront_usd * mult
                    } else {
                        0.0
                    }
                }
                None if seen.insert(ic.index) => ic.upfront_usd * mult,
                None => 0.0,
            };
            add(&mut mc, ic.service, &ic.group, m, u);
        }
        for r in &mut commits {
            let s = r.schedule;
            let billed = pos[r.index];
            let id = &plan.items[r.index].id;
            if s.term_of(t).is_none() {
                if t > s.start && s.term_of(t - 1).is_some() {
                    mc.events.push(CommitmentEvent {
                        item: id.clone(),
                        kind: if billed.is_some() {
                            EventKind::Expires
                        } else {
                            EventKind::Ends
                        },
                        upfront_usd: 0.0,
                        term_end: None,
                    });
                }
                continue;
            }
            let fee_err = |message| ForecastError::Commitment {
                item: id.clone(),
                message,
            };
            let mult = multiplier(id, r.service, s.term_start(t).unwrap_or(t));
            match billed {
                // The item's last billed month inside a term that runs on: keep the
                // commitment's recurring fee for the months it is owed unused.
                Some(k) if s.last_used == Some(t) && s.term_end(t).is_some_and(|e| e > t) => {
                    r.unused_fee =
                        commitments::recurring_fee(&work, k, catalog).map_err(fee_err)?;
                }
                Some(_) => {}
                None => {
                    if s.last_used == Some(t - 1) {
                        mc.events.push(CommitmentEvent {
                            item: id.clone(),
                            kind: EventKind::Unused,
                            upfront_usd: 0.0,
                            term_end: s.term_end(t).map(month_text),
                        });
                    }
                    add(&mut mc, r.service, &r.group, r.unused_fee * mult, 0.0);
                }
            }
            if t == months as i32 - 1 {
                let after = s.months_owed_after(months as i32);
                if after > 0 {
                    let fee = match billed {
                        Some(k) => {
                            commitments::recurring_fee(&work, k, catalog).map_err(fee_err)?
                        }
                        None => r.unused_fee,
                    };
                    r.summary.owed_after_horizon_months = after as u32;
                    r.summary.owed_after_horizon_usd = after as f64 * fee * mult;
                }
            }
        }
        out.push(mc);
    }
    Ok(Projection {
        plan_name: plan.name.clone(),
        catalog: catalog.id.to_string(),
        months: out,
        commitments: commits.into_iter().map(|r| r.summary).collect(),
    })
}

/// Add an item's recurring `m` and upfront `u` to the month's totals.
fn add(mc: &mut MonthCost, service: Service, group: &str, m: f64, u: f64) {
    mc.monthly_usd += m;
    mc.upfront_usd += u;
    *mc.by_service.entry(service).or_default() += m + u;
    match mc.by_group.get_mut(group) {
        Some(g) => *g += m + u,
        None => {
            mc.by_group.insert(group.to_string(), m + u);
        }
    }
}
