//! The estimate as CSV: one row per cost component, then subtotal and total rows.
//!
//! Layout (RFC 4180, UTF-8, `\r\n` line ends, plain decimal numbers, ISO dates), one table so a
//! spreadsheet filter on `record` separates the parts:
//!
//! | column | meaning |
//! |---|---|
//! | `record` | `component` for a cost line; `item`, `group`, `service`, `region`, `tag` for subtotals; `total` for the plan |
//! | `plan` `group` `item_id` `item` `service` `region` `tags` | where the money goes (`tags` as `k=v;k=v`) |
//! | `component` | cost component name (subtotal rows: what is summed, e.g. the tag `env=prod`) |
//! | `quantity` `unit` `unit_price_usd` | billed quantity per month and effective price per unit (component rows) |
//! | `monthly_usd` `upfront_usd` `first_12_months_usd` | money; first 12 months = upfront + 12 × monthly |
//! | `calculation` | the trail a person can check (`3 × 730 h × $0.096/h = $210.24`) |
//! | `catalog` `catalog_effective_from` `catalog_effective_to` | which prices were used |
//!
//! Money is written at full precision (not rounded to cents) so totals re-add exactly; unit
//! prices likewise. Text cells that a spreadsheet would run as a formula (starting with `=`,
//! `+`, `-`, `@`, tab or carriage return — OWASP "CSV Injection") are prefixed with `'`.

use crate::cost::{Estimate, Totals};
pub use crate::text::csv_cell::{neutralise, unneutralise};

/// Column names, in order.
pub const COLUMNS: [&str; 17] = [
    "record",
    "plan",
    "group",
    "item_id",
    "item",
    "service",
    "region",
    "tags",
    "component",
    "quantity",
    "unit",
    "unit_price_usd",
    "monthly_usd",
    "upfront_usd",
    "first_12_months_usd",
    "calculation",
    "catalog",
];

/// Plain decimal text for a number: no exponent, no thousands separator, `-0` shown as `0`.
pub fn decimal(v: f64) -> String {
    if v == 0.0 || !v.is_finite() {
        return "0".to_string();
    }
    // Round to 15 significant digits (all an f64 holds reliably) so binary noise such as
    // 0.022500000000000003 prints as the decimal a person typed: 0.0225.
    let v: f64 = format!("{v:.14e}").parse().unwrap_or(v);
    let s = format!("{v}");
    if !s.contains('e') {
        return s;
    }
    // Rust prints very small/large numbers with an exponent; expand it.
    let s = format!("{v:.20}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    s.to_string()
}

/// The bytes of a CSV *file*: UTF-8 with a byte-order mark, which is how LibreOffice and Excel
/// recognise UTF-8 on open (without it Hangul names open as mojibake). Standard output and the
/// clipboard get the text without the mark.
pub fn file_bytes(csv_text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(csv_text.len() + 3);
    out.extend_from_slice("\u{feff}".as_bytes());
    out.extend_from_slice(csv_text.as_bytes());
    out
}

fn tags_text(tags: &std::collections::BTreeMap<String, String>) -> String {
    tags.iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join(";")
}

/// Render the estimate as CSV text.
pub fn estimate_csv(est: &Estimate) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let mut header: Vec<&str> = COLUMNS.to_vec();
    header.extend(["catalog_effective_from", "catalog_effective_to"]);
    // Writing into a Vec cannot fail; the csv crate still returns Results.
    let _ = w.write_record(&header);
    let cat_name = est.catalog.name.clone();
    let from = est.catalog.effective_from.to_string();
    let to = est.catalog.effective_to.to_string();
    let plan = neutralise(&est.plan_name).into_owned();

    let mut row = |cells: [String; 16]| {
        let mut rec: Vec<String> = cells.into();
        rec.push(neutralise(&cat_name).into_owned());
        rec.push(from.clone());
        rec.push(to.clone());
        let _ = w.write_record(&rec);
    };

    for item in &est.items {
        let tags = neutralise(&tags_text(&item.tags)).into_owned();
        let group = neutralise(&item.group).into_owned();
        let id = neutralise(&item.id).into_owned();
        let name = neutralise(&item.name).into_owned();
        for c in &item.components {
            row([
                "component".into(),
                plan.clone(),
                group.clone(),
                id.clone(),
                name.clone(),
                item.service.as_str().into(),
                item.region.clone(),
                tags.clone(),
                neutralise(&c.name).into_owned(),
                decimal(c.quantity),
                neutralise(c.unit).into_owned(),
                decimal(c.unit_price),
                decimal(c.monthly_usd),
                decimal(c.upfront_usd),
                decimal(c.upfront_usd + 12.0 * c.monthly_usd),
                neutralise(&c.calculation.text()).into_owned(),
            ]);
        }
        let mut t = Totals::default();
        t.add(item.monthly_usd, item.upfront_usd);
        row(subtotal(
            "item",
            &plan,
            &group,
            &id,
            &name,
            item.service.as_str(),
            &item.region,
            &tags,
            "",
            &t,
        ));
    }
    for (g, t) in &est.by_group {
        row(subtotal(
            "group",
            &plan,
            &neutralise(g),
            "",
            "",
            "",
            "",
            "",
            "",
            t,
        ));
    }
    for (s, t) in &est.by_service {
        row(subtotal(
            "service",
            &plan,
            "",
            "",
            "",
            s.as_str(),
            "",
            "",
            "",
            t,
        ));
    }
    for (r, t) in &est.by_region {
        row(subtotal("region", &plan, "", "", "", "", r, "", "", t));
    }
    for (tag, t) in &est.by_tag {
        row(subtotal(
            "tag",
            &plan,
            "",
            "",
            "",
            "",
            "",
            "",
            &neutralise(tag),
            t,
        ));
    }
    row(subtotal(
        "total", &plan, "", "", "", "", "", "", "", &est.total,
    ));
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

#[allow(clippy::too_many_arguments)]
fn subtotal(
    record: &str,
    plan: &str,
    group: &str,
    item_id: &str,
    item: &str,
    service: &str,
    region: &str,
    tags: &str,
    component: &str,
    t: &Totals,
) -> [String; 16] {
    [
        record.into(),
        plan.into(),
        group.into(),
        item_id.into(),
        item.into(),
        service.into(),
        region.into(),
        tags.into(),
        component.into(),
        String::new(),
        String::new(),
        String::new(),
        decimal(t.monthly_usd),
        decimal(t.upfront_usd),
        decimal(t.first_12_months_usd),
        String::new(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{CatalogId, Service};
    use crate::cost::{Component, ItemCost};
    use std::collections::BTreeMap;

    fn sample() -> Estimate {
        use crate::cost::line::Basis;
        use crate::cost::trail::{How, PricedTrail, Rule, Trail};
        let mut tags = BTreeMap::new();
        tags.insert("env".to_string(), "=HYPERLINK(\"http://x\")".to_string());
        let comp = Component {
            name: "Instance hours".into(),
            quantity: 2190.0,
            unit: "Hrs",
            unit_price: 0.096,
            monthly_usd: 210.24,
            upfront_usd: 0.0,
            calculation: Trail {
                how: How::Priced(PricedTrail {
                    basis: Basis::of(&[(3.0, ""), (730.0, " h")]),
                    quantity: 2190.0,
                    unit: "h",
                    free: 0.0,
                    billable: 2190.0,
                    rule: Rule::Flat { usd: 0.096 },
                    scaled: None,
                    monthly: 210.24,
                    term: None,
                }),
                note: "".into(),
            },
        };
        let item = ItemCost {
            index: 0,
            id: "web".into(),
            name: "@SUM(1+1)".into(),
            group: "웹 계층".into(),
            service: Service::Ec2,
            region: "us-east-1".into(),
            tags,
            components: vec![comp],
            monthly_usd: 210.24,
            upfront_usd: 0.0,
        };
        let mut total = Totals::default();
        total.add(210.24, 0.0);
        Estimate {
            plan_name: "-2+3".into(),
            catalog: CatalogId {
                name: "test".into(),
                effective_from: chrono::NaiveDate::from_ymd_opt(2024, 7, 18).unwrap(),
                effective_to: chrono::NaiveDate::from_ymd_opt(2025, 10, 30).unwrap(),
            },
            items: vec![item],
            total,
            by_group: [("웹 계층".to_string(), total)].into(),
            by_service: [(Service::Ec2, total)].into(),
            by_region: [("us-east-1".to_string(), total)].into(),
            by_tag: BTreeMap::new(),
        }
    }

    #[test]
    fn rows_columns_and_injection() {
        let text = estimate_csv(&sample());
        let mut r = csv::Reader::from_reader(text.as_bytes());
        let headers = r.headers().unwrap().clone();
        assert_eq!(headers.len(), 19);
        let rows: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
        // component, item subtotal, group, service, region, total
        assert_eq!(rows.len(), 6);
        let c = &rows[0];
        assert_eq!(&c[0], "component");
        assert_eq!(&c[1], "'-2+3");
        assert_eq!(&c[2], "웹 계층");
        assert_eq!(&c[4], "'@SUM(1+1)");
        assert_eq!(&c[7], "env==HYPERLINK(\"http://x\")");
        assert_eq!(&c[9], "2190");
        assert_eq!(&c[11], "0.096");
        assert_eq!(&c[14], "2522.88");
        assert_eq!(&c[17], "2024-07-18");
        assert_eq!(&rows[5][0], "total");
        assert!(text.contains("\r\n"));
    }

    #[test]
    fn decimals_never_use_exponents() {
        assert_eq!(decimal(0.0000002), "0.0000002");
        assert_eq!(decimal(1e-7), "0.0000001");
        assert_eq!(decimal(-0.0), "0");
        assert_eq!(decimal(12.5), "12.5");
    }

    #[test]
    fn decimals_drop_binary_noise_but_keep_real_precision() {
        assert_eq!(decimal(0.0225 * 1.0000000000000002), "0.0225");
        assert_eq!(decimal(16.425 + 24.000000000000004), "40.425");
        assert_eq!(decimal(3000.0000000000005), "3000");
        // Lambda's arm64 GB-second price has ten decimals; it must survive untouched.
        assert_eq!(decimal(0.0000133334), "0.0000133334");
        assert_eq!(decimal(1234567.89), "1234567.89");
    }

    #[test]
    fn csv_files_carry_a_utf8_byte_order_mark() {
        let b = file_bytes("a,b\n");
        assert_eq!(&b[..3], &[0xEF, 0xBB, 0xBF]);
        assert_eq!(&b[3..], b"a,b\n");
    }
}
