//! Month-by-month cash flow of an option, its totals over the horizon and its break-even.
//!
//! Month 1 is the first month of the horizon. A commitment's upfront fee is paid in the first
//! month of each term (months 1, 13, 25 … for 1 yr; 1, 37, 73 … for 3 yr) — renewed at the same
//! rates when the horizon runs past the term — and its recurring fee every month. When the
//! horizon ends inside a term, the recurring fees still owed for the rest of that term are
//! reported separately (`committed_after_horizon_usd`), not added to the horizon total. The
//! term arithmetic is [`super::schedule::TermSchedule`], shared with the forecast.
//!
//! Break-even month: the first month whose cumulative cost is at or below cumulative
//! On-Demand. Break-even utilisation: effective rate / On-Demand rate, weighted by committed
//! hours — below that share of hours used, the commitment costs more than On-Demand.

use super::options::Flow;
use super::schedule::TermSchedule;
use super::{Choice, OptionResult, Settings};

/// Combine the flows of every subject for one option into its result. `on_demand_cumulative`
/// is the On-Demand running total to compare against (`None` for On-Demand itself).
pub fn combine(
    choice: Choice,
    flows: &[Flow],
    on_demand_cumulative: Option<&[f64]>,
    settings: &Settings,
) -> OptionResult {
    let h = settings.horizon_months as usize;
    let mut cash = vec![0.0; h];
    let mut upfront = 0.0;
    let mut recurring = 0.0;
    let mut effective = 0.0;
    let mut after = 0.0;
    let (mut eff_weighted, mut od_weighted, mut committed, mut used) = (0.0, 0.0, 0.0, 0.0);
    let mut bands: Vec<String> = Vec::new();
    for f in flows {
        let monthly = f.commit_monthly_usd + f.usage_monthly_usd;
        recurring += monthly;
        upfront += f.upfront_usd;
        effective += monthly;
        let terms = f.term.map(|t| TermSchedule::renewed_from_zero(t.months()));
        for (m, c) in cash.iter_mut().enumerate() {
            *c += monthly;
            if terms.is_some_and(|s| s.starts_term(m as i32)) {
                *c += f.upfront_usd;
            }
        }
        if let (Some(t), Some(s)) = (f.term, terms) {
            effective += f.upfront_usd / t.months() as f64;
            after += s.months_owed_after(h as i32) as f64 * f.commit_monthly_usd;
        }
        if let Some(eff) = f.effective_rate {
            eff_weighted += eff * f.committed_hours;
            od_weighted += f.on_demand_rate * f.committed_hours;
            committed += f.committed_hours;
            used += f.used_committed_hours;
        }
        if let Some(b) = &f.interruption_band
            && !bands.contains(b)
        {
            bands.push(b.clone());
        }
    }
    let mut cumulative = Vec::with_capacity(h);
    let mut run = 0.0;
    for c in &cash {
        run += c;
        cumulative.push(run);
    }
    let total = run;
    let (saving, saving_pct, break_even) = match on_demand_cumulative {
        None => (0.0, 0.0, None),
        Some(od) => {
            let od_total = od.last().copied().unwrap_or(0.0);
            let saving = od_total - total;
            let pct = if od_total > 0.0 {
                saving / od_total * 100.0
            } else {
                0.0
            };
            let be = cumulative
                .iter()
                .zip(od)
                .position(|(c, o)| *c <= *o + 1e-9 * o.abs().max(1.0))
                .map(|i| i as u32 + 1);
            (saving, pct, be)
        }
    };
    OptionResult {
        choice,
        label: choice.label(),
        unavailable: None,
        current: false,
        upfront_usd: upfront,
        recurring_monthly_usd: recurring,
        effective_monthly_usd: effective,
        total_usd: total,
        saving_usd: saving,
        saving_pct,
        break_even_month: break_even,
        break_even_utilisation_pct: (od_weighted > 0.0).then(|| eff_weighted / od_weighted * 100.0),
        utilisation_pct: (committed > 0.0).then(|| used / committed * 100.0),
        committed_after_horizon_usd: after,
        interruption_band: (!bands.is_empty()).then(|| bands.join(", ")),
        cash_flow: cash,
        cumulative,
        calculation: flows.iter().map(|f| f.calculation.clone()).collect(),
    }
}

/// An option the catalogue cannot price, with the reason. Figures are zero and flagged.
pub fn unavailable(choice: Choice, reason: String) -> OptionResult {
    OptionResult {
        choice,
        label: choice.label(),
        unavailable: Some(reason),
        current: false,
        upfront_usd: 0.0,
        recurring_monthly_usd: 0.0,
        effective_monthly_usd: 0.0,
        total_usd: 0.0,
        saving_usd: 0.0,
        saving_pct: 0.0,
        break_even_month: None,
        break_even_utilisation_pct: None,
        utilisation_pct: None,
        committed_after_horizon_usd: 0.0,
        interruption_band: None,
        cash_flow: Vec::new(),
        cumulative: Vec::new(),
        calculation: Vec::new(),
    }
}
