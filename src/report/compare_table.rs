//! A purchase-option comparison as a plain-text table for terminals
//! (`cloudplan compare --format table`): available options cheapest first with the best one
//! marked, then the unavailable ones with their reasons, the optimiser's result and the notes.

use super::format::{money, quantity, unit_price};
use crate::purchase::Comparison;
use std::fmt::Write;

fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

/// Render the comparison for a terminal.
pub fn comparison_table(c: &Comparison) -> String {
    let mut out = String::new();
    let h = c.settings.horizon_months;
    let _ = writeln!(out, "Purchase options: {}", c.title);
    let _ = writeln!(out, "Prices: {}", c.catalog);
    let _ = writeln!(out, "Horizon: {h} months");
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "  {:<38} {:>12} {:>12} {:>12} {:>14} {:>13} {:>7} {:>6} {:>7}  Notes",
        "Option",
        "Upfront",
        "Monthly",
        "Eff./month",
        format!("Total {h} mo"),
        "Saving",
        "Saving%",
        "B/E mo",
        "B/E use",
    );
    let _ = writeln!(out, "{}", "─".repeat(150));
    let best = c.best().map(|b| b.choice);
    for o in c.sorted() {
        let mark = if Some(o.choice) == best && o.is_available() {
            "*"
        } else {
            " "
        };
        let mut label = o.label.clone();
        if o.current {
            label.push_str(" (current)");
        }
        match &o.unavailable {
            Some(reason) => {
                let _ = writeln!(
                    out,
                    "  {:<38} {:>12} {:>12} {:>12} {:>14} {:>13} {:>7} {:>6} {:>7}  unavailable: {reason}",
                    clip(&label, 38),
                    "—",
                    "—",
                    "—",
                    "—",
                    "—",
                    "",
                    "",
                    ""
                );
            }
            None => {
                let mut notes = Vec::new();
                if let Some(b) = &o.interruption_band {
                    notes.push(format!("interruptions {b}"));
                }
                if let Some(u) = o.utilisation_pct
                    && u < 100.0 - 1e-9
                {
                    notes.push(format!("used {}% of committed hours", quantity(u, 1)));
                }
                if o.committed_after_horizon_usd > 0.0 {
                    notes.push(format!(
                        "{} still owed after month {h}",
                        money(o.committed_after_horizon_usd)
                    ));
                }
                let _ = writeln!(
                    out,
                    "{mark} {:<38} {:>12} {:>12} {:>12} {:>14} {:>13} {:>7} {:>6} {:>7}  {}",
                    clip(&label, 38),
                    money(o.upfront_usd),
                    money(o.recurring_monthly_usd),
                    money(o.effective_monthly_usd),
                    money(o.total_usd),
                    money(o.saving_usd),
                    format!("{:.1}%", o.saving_pct),
                    o.break_even_month
                        .map(|m| m.to_string())
                        .unwrap_or_else(|| if o.choice == c.on_demand().choice {
                            "".into()
                        } else {
                            "never".into()
                        }),
                    o.break_even_utilisation_pct
                        .map(|u| format!("{:.1}%", u))
                        .unwrap_or_default(),
                    notes.join("; ")
                );
            }
        }
    }
    let _ = writeln!(out);
    if let Some(b) = c.best() {
        let _ = writeln!(
            out,
            "* cheapest over {h} months: {} — {} ({} less than On-Demand)",
            b.label,
            money(b.total_usd),
            money(b.saving_usd)
        );
        let _ = writeln!(
            out,
            "  (options are ranked by their total plus any commitment still owed after month {h})"
        );
    }
    if let Some(mix) = &c.best_per_item {
        let _ = writeln!(
            out,
            "Each item its own cheapest way: {} over {h} months ({} or {:.1}% less than On-Demand):",
            money(mix.total_usd),
            money(mix.saving_usd),
            mix.saving_pct
        );
        for p in &mix.parts {
            let _ = writeln!(out, "  {}: {} — {}", p.item_id, p.label, money(p.total_usd));
        }
    }
    for opt in &c.optimiser {
        let _ = writeln!(
            out,
            "Optimiser, {}: {} × {} (effective {}/h vs On-Demand {}/h) minimises a 730-hour month of its usage: {} vs {} all On-Demand",
            opt.item_id,
            quantity(opt.curve.best.level, 2),
            opt.label,
            unit_price((opt.effective_rate * 1e6).round() / 1e6),
            unit_price(opt.on_demand_rate),
            money(opt.curve.best.total_usd),
            money(opt.curve.on_demand_usd)
        );
        if let Some(sp) = &opt.savings_plan {
            let _ = writeln!(
                out,
                "Optimiser, {}: a {}/h {} commitment (rate {}/h vs On-Demand {}/h) minimises a 730-hour month of its usage: {} vs {} all On-Demand",
                opt.item_id,
                unit_price((sp.curve.best.level * 1e6).round() / 1e6),
                sp.label,
                unit_price(sp.sp_rate),
                unit_price(opt.on_demand_rate),
                money(sp.curve.best.total_usd),
                money(sp.curve.on_demand_usd)
            );
        }
        if let Some(r) = &opt.savings_plan_unavailable {
            let _ = writeln!(out, "  Savings Plans commitment not optimised: {r}");
        }
    }
    let _ = writeln!(out);
    let _ = writeln!(out, "How each available option was priced:");
    for o in c.ranked() {
        for line in &o.calculation {
            let _ = writeln!(out, "  {}: {line}", o.label);
        }
    }
    for n in &c.notes {
        let _ = writeln!(out, "Note: {n}");
    }
    out
}
