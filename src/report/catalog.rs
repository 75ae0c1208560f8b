//! Catalogue price lists for `cloudplan catalog`: CSV (same columns as `pricing-data/rates`)
//! and a terminal table.

use crate::catalog::across::RegionPrice;
use crate::catalog::{Catalog, CatalogId, PriceOption, Rate, Service};
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

/// What `cloudplan catalog` prints without a filter: the catalogue's identity, its regions with
/// their names and how many EC2 types each prices On-Demand, the instance types, the services
/// and the price files with their publication dates.
pub fn summary(c: &Catalog) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", c.id);
    let regions = c.regions();
    let _ = writeln!(out, "{} regions:", regions.len());
    for r in &regions {
        let ec2 = c
            .rates_in(r)
            .iter()
            .filter(|x| x.service == Service::Ec2 && x.option == PriceOption::OnDemand)
            .count();
        let _ = writeln!(
            out,
            "  {:<16} {:<28} {:>4} EC2 types On-Demand",
            r,
            c.region_name(r).unwrap_or(""),
            ec2
        );
    }
    let _ = writeln!(
        out,
        "{} EC2 instance types with specifications (vCPU, memory, architecture)",
        c.instances().len()
    );
    let services: Vec<&str> = Service::priced().map(|s| s.as_str()).collect();
    let _ = writeln!(out, "services: {}", services.join(", "));
    let _ = writeln!(out, "price files (published, source):");
    let mut srcs: Vec<_> = c
        .sources()
        .iter()
        .filter(|s| s.published.is_some())
        .collect();
    srcs.sort_by_key(|s| (s.published, s.id.clone()));
    for s in srcs {
        let _ = writeln!(
            out,
            "  {}  {}",
            s.published.map(|d| d.to_string()).unwrap_or_default(),
            s.id
        );
    }
    let _ = writeln!(
        out,
        "List prices with --region, --service or --instance-type (one type across all regions)."
    );
    out
}

fn cell(v: Option<f64>) -> String {
    v.map(super::format::unit_price)
        .unwrap_or_else(|| "—".into())
}

/// One instance type across regions, as an aligned table (— = no price in the catalogue).
pub fn across_table(c: &Catalog, instance_type: &str, rows: &[RegionPrice]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} — {instance_type} in {} regions ($/hour; RI standard and Compute Savings Plan No Upfront; — = not in the catalogue)",
        c.id,
        rows.len()
    );
    let _ = writeln!(
        out,
        "{:<16} {:<28} {:>10} {:>10} {:>10} {:>10} {:>10} {:>10} {:>8} {:<7}",
        "region",
        "name",
        "on_demand",
        "ri_1yr",
        "ri_3yr",
        "sp_1yr",
        "sp_3yr",
        "spot",
        "spot_sav",
        "interr."
    );
    for r in rows {
        let _ = writeln!(
            out,
            "{:<16} {:<28} {:>10} {:>10} {:>10} {:>10} {:>10} {:>10} {:>8} {:<7}",
            r.region,
            r.name,
            cell(r.on_demand),
            cell(r.ri_1yr),
            cell(r.ri_3yr),
            cell(r.sp_1yr),
            cell(r.sp_3yr),
            cell(r.spot),
            r.spot_savings_pct
                .map(|p| format!("{p}%"))
                .unwrap_or_else(|| "—".into()),
            r.interruption.as_deref().unwrap_or("—")
        );
    }
    out
}

/// One instance type across regions as CSV (empty cell = no price in the catalogue).
pub fn across_csv(instance_type: &str, rows: &[RegionPrice]) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record([
        "instance_type",
        "region",
        "region_name",
        "on_demand_usd_per_hour",
        "ri_standard_1yr_no_upfront_usd_per_hour",
        "ri_standard_3yr_no_upfront_usd_per_hour",
        "compute_sp_1yr_no_upfront_usd_per_hour",
        "compute_sp_3yr_no_upfront_usd_per_hour",
        "spot_usd_per_hour",
        "spot_savings_pct",
        "interruption_band",
    ]);
    let d = |v: Option<f64>| v.map(super::csv::decimal).unwrap_or_default();
    for r in rows {
        let _ = w.write_record([
            super::csv::neutralise(instance_type).into_owned(),
            r.region.clone(),
            r.name.clone(),
            d(r.on_demand),
            d(r.ri_1yr),
            d(r.ri_3yr),
            d(r.sp_1yr),
            d(r.sp_3yr),
            d(r.spot),
            d(r.spot_savings_pct),
            r.interruption.clone().unwrap_or_default(),
        ]);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}
