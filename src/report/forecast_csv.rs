//! The forecast as CSV (month by month, by service and group, with prediction intervals) and
//! as a plain-text table for the terminal.
//!
//! CSV layout (same conventions as [`super::csv`]: RFC 4180, `\r\n`, plain decimals, OWASP
//! neutralised text), one table whose `record` column separates the parts:
//!
//! | `record` | rows |
//! |---|---|
//! | `plan_total` | the plan's projected bill of each month (`usd` = recurring + upfront; `upfront_usd` apart) |
//! | `plan_service` / `plan_group` | the same month split by service / group (`name`) |
//! | `history` | a month of the imported bill history (`name` = `total` or the service) |
//! | `model` | the history model's forecast: `usd` is the point forecast, `lo80_usd` … `hi95_usd` the 80 % and 95 % prediction intervals, `name` the chosen model |
//! | `commitment` | a commitment event of the month: `name` = item id, `event` = `starts` / `renews` / `expires` (On-Demand from this month) / `unused` (item stopped, term still billed) / `ends` (an unused term ended), `upfront_usd` = upfront charged for it that month |
//! | `commitment_term` | one per committed item: `month` = start of its first term, `name` = item id, `event` = option, term and renewal (`renew`, `renew (default)` or `expire`), `usd` = recurring fees owed after the horizon |

use super::csv::{decimal, neutralise};
use crate::forecast::Forecast;

/// Column names, in order.
pub const COLUMNS: [&str; 10] = [
    "record",
    "month",
    "name",
    "usd",
    "upfront_usd",
    "lo80_usd",
    "hi80_usd",
    "lo95_usd",
    "hi95_usd",
    "event",
];

/// Render the forecast as CSV text.
pub fn forecast_csv(f: &Forecast) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let mut rows: Vec<[String; 10]> = Vec::new();
    let e = String::new;
    for m in &f.projection.months {
        rows.push([
            "plan_total".into(),
            m.month.clone(),
            neutralise(&f.projection.plan_name).into_owned(),
            decimal(m.monthly_usd + m.upfront_usd),
            decimal(m.upfront_usd),
            e(),
            e(),
            e(),
            e(),
            e(),
        ]);
        for (s, v) in &m.by_service {
            rows.push([
                "plan_service".into(),
                m.month.clone(),
                s.as_str().into(),
                decimal(*v),
                e(),
                e(),
                e(),
                e(),
                e(),
                e(),
            ]);
        }
        for (g, v) in &m.by_group {
            rows.push([
                "plan_group".into(),
                m.month.clone(),
                neutralise(g).into_owned(),
                decimal(*v),
                e(),
                e(),
                e(),
                e(),
                e(),
                e(),
            ]);
        }
        for ev in &m.events {
            rows.push([
                "commitment".into(),
                m.month.clone(),
                neutralise(&ev.item).into_owned(),
                e(),
                decimal(ev.upfront_usd),
                e(),
                e(),
                e(),
                e(),
                ev.kind.as_str().into(),
            ]);
        }
    }
    for c in &f.projection.commitments {
        let renew = match (c.renew, c.renew_set) {
            (true, true) => "renew",
            (true, false) => "renew (default)",
            (false, _) => "expire",
        };
        rows.push([
            "commitment_term".into(),
            c.start_month.clone(),
            neutralise(&c.item).into_owned(),
            decimal(c.owed_after_horizon_usd),
            e(),
            e(),
            e(),
            e(),
            e(),
            format!("{} {} months, {renew}", c.option, c.term_months),
        ]);
    }
    if let Some(h) = &f.history {
        for (i, month) in h.history.months.iter().enumerate() {
            rows.push([
                "history".into(),
                month.clone(),
                "total".into(),
                decimal(h.history.total[i]),
                e(),
                e(),
                e(),
                e(),
                e(),
                e(),
            ]);
            for (s, v) in &h.history.by_service {
                rows.push([
                    "history".into(),
                    month.clone(),
                    neutralise(s).into_owned(),
                    decimal(v[i]),
                    e(),
                    e(),
                    e(),
                    e(),
                    e(),
                    e(),
                ]);
            }
        }
        for m in &h.months {
            let b = &m.band;
            rows.push([
                "model".into(),
                m.month.clone(),
                h.model.clone(),
                decimal(b.mean),
                e(),
                decimal(b.lo80),
                decimal(b.hi80),
                decimal(b.lo95),
                decimal(b.hi95),
                e(),
            ]);
        }
    }
    // Writing CSV to memory cannot fail.
    let _ = w.write_record(COLUMNS);
    for r in &rows {
        let _ = w.write_record(r);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// A month-by-month table for the terminal: plan projection, and the model's forecast with its
/// 80 % / 95 % intervals when a history was given.
pub fn forecast_table(f: &Forecast) -> String {
    use crate::text::format::money;
    let mut s = format!(
        "Forecast: {} — priced with {}\n\n",
        f.projection.plan_name, f.projection.catalog
    );
    let model: std::collections::HashMap<&str, &crate::forecast::Band> = f
        .history
        .iter()
        .flat_map(|h| h.months.iter().map(|m| (m.month.as_str(), &m.band)))
        .collect();
    let with_model = f.history.is_some();
    s += &format!("{:<8} {:>14} {:>12}", "month", "plan", "upfront");
    if with_model {
        s += &format!(
            " {:>14} {:>27} {:>27}",
            "model", "80% interval", "95% interval"
        );
    }
    s.push('\n');
    for m in &f.projection.months {
        s += &format!(
            "{:<8} {:>14} {:>12}",
            m.month,
            money(m.monthly_usd + m.upfront_usd),
            money(m.upfront_usd)
        );
        if let Some(b) = model.get(m.month.as_str()) {
            s += &format!(
                " {:>14} {:>27} {:>27}",
                money(b.mean),
                format!("{} – {}", money(b.lo80), money(b.hi80)),
                format!("{} – {}", money(b.lo95), money(b.hi95))
            );
        }
        if !m.events.is_empty() {
            let events: Vec<String> = m.events.iter().map(|e| e.text()).collect();
            s += &format!("  {}", events.join("; "));
        }
        s.push('\n');
    }
    s += &format!(
        "\nTotal over {} months: {}\n",
        f.projection.months.len(),
        money(f.projection.total_usd())
    );
    if !f.projection.commitments.is_empty() {
        s += "Commitments:\n";
        for c in &f.projection.commitments {
            let renew = match (c.renew, c.renew_set) {
                (true, true) => "renews at each term end",
                (true, false) => "renews at each term end (default: no commitment driver)",
                (false, _) => "not renewed: On-Demand after its term",
            };
            s += &format!(
                "  {}: {} ({} months) from {}{}, {renew}",
                c.item,
                c.option,
                c.term_months,
                c.start_month,
                if c.start_set {
                    ""
                } else {
                    " (first billed month)"
                }
            );
            if c.owed_after_horizon_months > 0 {
                s += &format!(
                    "; its term runs {} months past the horizon: {} recurring fees still owed",
                    c.owed_after_horizon_months,
                    money(c.owed_after_horizon_usd)
                );
            }
            s.push('\n');
        }
    }
    if let Some(h) = &f.history {
        s += &format!(
            "History: {} months ({} to {}). Model: {} — held-out MAPE {:.2}% on the last {} months.\n",
            h.history.len(),
            h.history.months.first().map_or("", String::as_str),
            h.history.months.last().map_or("", String::as_str),
            h.description,
            h.holdout_mape,
            h.holdout_months
        );
        for c in &h.candidates {
            s += &format!(
                "  {:<40} {}\n",
                c.name,
                c.holdout_mape
                    .map_or("not fitted (history too short)".to_string(), |m| format!(
                        "{m:.2}%"
                    ))
            );
        }
    }
    s
}
