//! A purchase-option [`Comparison`] as CSV: one row per option, then its month-by-month cash
//! flow, then the commitment optimiser's cost curve.
//!
//! Same conventions as [`super::csv`] (RFC 4180, UTF-8, `\r\n`, plain decimals at full
//! precision, OWASP-neutralised text cells). One table; filter on `record`:
//!
//! | record | filled columns |
//! |---|---|
//! | `option` | `option` `available` `unavailable_reason` `current` `upfront_usd` `recurring_monthly_usd` `effective_monthly_usd` `total_usd` `saving_usd` `saving_pct` `break_even_month` `break_even_utilisation_pct` `utilisation_pct` `committed_after_horizon_usd` `interruption_band` `calculation` |
//! | `month` | `option` `month` `payment_usd` `cumulative_usd` (available options only) |
//! | `optimiser` | `item_id` `option` (the RI offering) `level` (RI count) `total_usd` (one 730-hour month) `best` |
//! | `best_per_item` | whole plan: `item_id` `option` `total_usd` of each item's cheapest option; a last row without `item_id` has the sum, `saving_usd`, `saving_pct` |
//!
//! Every row also carries `scope`, `title`, `horizon_months` and the catalogue name and dates.
//! An unavailable option has empty figures — never 0 — and its reason.

use super::csv::{decimal, neutralise};
use crate::purchase::{Comparison, Scope};

/// Column names, in order.
pub const COLUMNS: [&str; 29] = [
    "record",
    "scope",
    "title",
    "horizon_months",
    "option",
    "available",
    "unavailable_reason",
    "current",
    "upfront_usd",
    "recurring_monthly_usd",
    "effective_monthly_usd",
    "total_usd",
    "saving_usd",
    "saving_pct",
    "break_even_month",
    "break_even_utilisation_pct",
    "utilisation_pct",
    "committed_after_horizon_usd",
    "interruption_band",
    "calculation",
    "month",
    "payment_usd",
    "cumulative_usd",
    "item_id",
    "level",
    "best",
    "catalog",
    "catalog_effective_from",
    "catalog_effective_to",
];

fn opt(v: Option<f64>) -> String {
    v.map(decimal).unwrap_or_default()
}

/// Render the comparison as CSV text.
pub fn comparison_csv(c: &Comparison) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    // Writing into a Vec cannot fail; the csv crate still returns Results.
    let _ = w.write_record(COLUMNS);
    let scope = match &c.scope {
        Scope::Item(id) => format!("item:{id}"),
        Scope::Plan => "plan".to_string(),
    };
    let scope = neutralise(&scope).into_owned();
    let title = neutralise(&c.title).into_owned();
    let horizon = c.settings.horizon_months.to_string();
    let cat = neutralise(&c.catalog.name).into_owned();
    let from = c.catalog.effective_from.to_string();
    let to = c.catalog.effective_to.to_string();
    let mut row = |record: &str, fill: &dyn Fn(&mut Vec<String>)| {
        let mut rec = vec![String::new(); COLUMNS.len()];
        rec[0] = record.to_string();
        rec[1] = scope.clone();
        rec[2] = title.clone();
        rec[3] = horizon.clone();
        rec[26] = cat.clone();
        rec[27] = from.clone();
        rec[28] = to.clone();
        fill(&mut rec);
        let _ = w.write_record(&rec);
    };
    for o in &c.options {
        row("option", &|r| {
            r[4] = neutralise(&o.label).into_owned();
            r[5] = o.is_available().to_string();
            r[7] = o.current.to_string();
            match &o.unavailable {
                Some(reason) => r[6] = neutralise(reason).into_owned(),
                None => {
                    r[8] = decimal(o.upfront_usd);
                    r[9] = decimal(o.recurring_monthly_usd);
                    r[10] = decimal(o.effective_monthly_usd);
                    r[11] = decimal(o.total_usd);
                    r[12] = decimal(o.saving_usd);
                    r[13] = decimal(o.saving_pct);
                    r[14] = o
                        .break_even_month
                        .map(|m| m.to_string())
                        .unwrap_or_default();
                    r[15] = opt(o.break_even_utilisation_pct);
                    r[16] = opt(o.utilisation_pct);
                    r[17] = decimal(o.committed_after_horizon_usd);
                    r[18] = neutralise(o.interruption_band.as_deref().unwrap_or("")).into_owned();
                    r[19] = neutralise(&o.calculation.join(" | ")).into_owned();
                }
            }
        });
    }
    for o in c.options.iter().filter(|o| o.is_available()) {
        for (m, (pay, cum)) in o.cash_flow.iter().zip(&o.cumulative).enumerate() {
            row("month", &|r| {
                r[4] = neutralise(&o.label).into_owned();
                r[20] = (m + 1).to_string();
                r[21] = decimal(*pay);
                r[22] = decimal(*cum);
            });
        }
    }
    for opt in &c.optimiser {
        let sp = opt.savings_plan.as_ref().map(|sp| (&sp.label, &sp.curve));
        for (label, curve) in std::iter::once((&opt.label, &opt.curve)).chain(sp) {
            for p in &curve.points {
                row("optimiser", &|r| {
                    r[4] = neutralise(label).into_owned();
                    r[11] = decimal(p.total_usd);
                    r[23] = neutralise(&opt.item_id).into_owned();
                    r[24] = decimal(p.level);
                    r[25] = (p.level == curve.best.level).to_string();
                });
            }
        }
    }
    if let Some(mix) = &c.best_per_item {
        for p in &mix.parts {
            row("best_per_item", &|r| {
                r[4] = neutralise(&p.label).into_owned();
                r[11] = decimal(p.total_usd);
                r[23] = neutralise(&p.item_id).into_owned();
            });
        }
        row("best_per_item", &|r| {
            r[11] = decimal(mix.total_usd);
            r[12] = decimal(mix.saving_usd);
            r[13] = decimal(mix.saving_pct);
        });
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}
