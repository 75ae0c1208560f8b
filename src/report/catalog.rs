//! Catalogue price lists for `cloudplan catalog`: CSV (same columns as `pricing-data/rates`)
//! and a terminal table.

use crate::catalog::{CatalogId, PriceOption, Rate};
use std::fmt::Write;

fn option_parts(o: PriceOption) -> [&'static str; 4] {
    o.file_fields()
}

fn tier_end(r: &Rate) -> String {
    r.tier_end.map(super::csv::decimal).unwrap_or_default()
}

/// Rates as CSV with the columns of `pricing-data/rates/*.csv` (without notes/rate codes).
pub fn rates_csv(rows: &[&Rate]) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    // The catalogue file columns without the last two (rate_code, notes).
    let _ = w.write_record(&crate::catalog::load::RATE_COLUMNS[..15]);
    for r in rows {
        let [o, t, p, c] = option_parts(r.option);
        let text = |s: &str| super::csv::neutralise(s).into_owned();
        let _ = w.write_record([
            r.region.as_str(),
            r.service.as_str(),
            &text(&r.product),
            &text(&r.dimension),
            o,
            t,
            p,
            c,
            &text(&r.unit),
            &super::csv::decimal(r.tier_begin),
            &tier_end(r),
            &super::csv::decimal(r.usd),
            &super::csv::decimal(r.upfront_usd),
            &r.effective_date.to_string(),
            &text(&r.source),
        ]);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// Rates as an aligned table for a terminal.
pub fn rates_table(id: &CatalogId, rows: &[&Rate]) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{id} — {} prices", rows.len());
    let _ = writeln!(
        out,
        "{:<15} {:<13} {:<34} {:<26} {:<40} {:>15} {:>10} {:>16} {:<11}",
        "region",
        "service",
        "product",
        "dimension",
        "option",
        "tier",
        "unit",
        "USD per unit",
        "effective"
    );
    for r in rows {
        let tier = match (r.tier_begin, r.tier_end) {
            (0.0, None) => String::new(),
            (b, None) => format!("{}+", super::format::quantity(b, 0)),
            (b, Some(e)) => format!(
                "{}–{}",
                super::format::quantity(b, 0),
                super::format::quantity(e, 0)
            ),
        };
        let mut price = super::format::unit_price(r.usd);
        if r.upfront_usd > 0.0 {
            let _ = write!(price, " +{} up", super::format::money(r.upfront_usd));
        }
        let _ = writeln!(
            out,
            "{:<15} {:<13} {:<34} {:<26} {:<40} {:>15} {:>10} {:>16} {:<11}",
            r.region,
            r.service.as_str(),
            r.product,
            r.dimension,
            r.option.to_string(),
            tier,
            r.unit,
            price,
            r.effective_date
        );
    }
    out
}
