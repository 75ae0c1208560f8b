//! The estimate as a plain-text table for terminals (`cloudplan estimate --format table`).
//!
//! Grouped group → item → component, money right-aligned with thousands separators and cents,
//! unit prices at full precision, then totals by service and for the plan, and the catalogue
//! the prices came from.

use super::format::{money, quantity, unit_price};
use crate::cost::Estimate;
use std::fmt::Write;

/// Render the estimate for a terminal.
pub fn estimate_table(est: &Estimate) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", est.plan_name);
    let _ = writeln!(out, "Prices: {}", est.catalog);
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "{:<44} {:>16} {:>12} {:>16} {:>14} {:>12}",
        "Item / component", "Quantity", "Unit", "Unit price", "Monthly", "Upfront"
    );
    let rule = "─".repeat(119);
    let _ = writeln!(out, "{rule}");
    for (group, totals) in &est.by_group {
        let title = if group.is_empty() {
            "(no group)"
        } else {
            group
        };
        let _ = writeln!(
            out,
            "{:<44} {:>16} {:>12} {:>16} {:>14} {:>12}",
            clip(title, 44),
            "",
            "",
            "",
            money(totals.monthly_usd),
            money(totals.upfront_usd)
        );
        for item in est.items.iter().filter(|i| &i.group == group) {
            let label = format!("  {} [{} {}]", item.name, item.service, item.region);
            let _ = writeln!(
                out,
                "{:<44} {:>16} {:>12} {:>16} {:>14} {:>12}",
                clip(&label, 44),
                "",
                "",
                "",
                money(item.monthly_usd),
                money(item.upfront_usd)
            );
            for c in &item.components {
                let _ = writeln!(
                    out,
                    "{:<44} {:>16} {:>12} {:>16} {:>14} {:>12}",
                    clip(&format!("    {}", c.name), 44),
                    quantity(c.quantity, 3),
                    clip(c.unit, 12),
                    unit_price(c.unit_price),
                    money(c.monthly_usd),
                    money(c.upfront_usd)
                );
            }
        }
    }
    let _ = writeln!(out, "{rule}");
    let _ = writeln!(out, "By service");
    for (s, t) in &est.by_service {
        let _ = writeln!(
            out,
            "  {:<42} {:>61} {:>12}",
            s.display_name(),
            money(t.monthly_usd),
            money(t.upfront_usd)
        );
    }
    let _ = writeln!(out, "{rule}");
    let _ = writeln!(
        out,
        "{:<44} {:>61} {:>12}",
        "Monthly total",
        money(est.total.monthly_usd),
        ""
    );
    let _ = writeln!(
        out,
        "{:<44} {:>61} {:>12}",
        "Upfront total",
        "",
        money(est.total.upfront_usd)
    );
    let _ = writeln!(
        out,
        "{:<44} {:>61} {:>12}",
        "First 12 months (upfront + 12 × monthly)",
        money(est.total.first_12_months_usd),
        ""
    );
    out
}

/// Cut text to `width` characters (not bytes: names may be Korean), marking the cut with `…`.
fn clip(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(width - 1).collect();
        t.push('…');
        t
    }
}
