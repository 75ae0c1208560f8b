//! `cloudplan compare`: purchase options of one item or the whole plan, as a table, CSV or
//! JSON, with the charts as PNG and SVG files on request. A thin shell over
//! [`crate::purchase`]; bad input exits 2 with a message naming the item or field.

use super::{
    Failure, Format, bad_input, load_catalog, load_plan, other, write_atomic, write_output,
};
use crate::report;
use std::path::Path;

/// Arguments of `cloudplan compare`.
pub(super) struct CompareArgs<'a> {
    pub(super) plan: &'a Path,
    pub(super) item: Option<&'a str>,
    pub(super) horizon: Option<&'a str>,
    pub(super) format: Format,
    pub(super) output: Option<&'a Path>,
    pub(super) catalog_dir: Option<&'a Path>,
    pub(super) overhead: f64,
    pub(super) charts: Option<&'a Path>,
}

/// Parse `--horizon`: `plan` (or absent) → the plan's horizon, else whole months.
pub fn parse_horizon(text: Option<&str>, plan_horizon: u32) -> Result<u32, String> {
    match text.map(str::trim) {
        None | Some("plan") => Ok(plan_horizon),
        Some(t) => t
            .parse::<u32>()
            .map_err(|_| format!("--horizon: `{t}` is not a number of months (or `plan`)")),
    }
}

/// Render a comparison in a format (shared by the CLI and tests).
pub fn render_comparison(c: &crate::purchase::Comparison, format: Format) -> String {
    match format {
        Format::Table => report::compare_table::comparison_table(c),
        Format::Csv => report::compare_csv::comparison_csv(c),
        Format::Json => {
            let mut s = serde_json::to_string_pretty(c).unwrap_or_default();
            s.push('\n');
            s
        }
    }
}

pub(super) fn run(a: CompareArgs<'_>) -> Result<(), Failure> {
    use crate::purchase;
    let catalog = load_catalog(a.catalog_dir)?;
    let plan = load_plan(Some(a.plan))?;
    let origin = a.plan.display().to_string();
    let horizon = parse_horizon(a.horizon, plan.horizon_months)
        .map_err(|e| bad_input(format!("{origin}: {e}")))?;
    let settings = purchase::Settings {
        horizon_months: horizon,
        spot_overhead_pct: a.overhead,
    };
    let result = match a.item {
        Some(id) => purchase::compare_item(&plan, &catalog, id, settings),
        None => purchase::compare_plan(&plan, &catalog, settings),
    };
    let cmp = result.map_err(|e| {
        let e = match e {
            purchase::PurchaseError::Setting { field, message } => {
                format!("--{field}: {message}")
            }
            other => other.to_string(),
        };
        bad_input(format!("{origin}: {e}"))
    })?;
    let text = render_comparison(&cmp, a.format);
    if let Some(dir) = a.charts {
        use report::compare_chart::{self, CompareChart};
        std::fs::create_dir_all(dir)
            .map_err(|e| other(format!("cannot create {}: {e}", dir.display())))?;
        for kind in CompareChart::ALL {
            let png = compare_chart::render_png(&cmp, kind, 1200, 600).map_err(other)?;
            let svg = compare_chart::render_svg(&cmp, kind, 1200, 600).map_err(other)?;
            for (ext, bytes) in [("png", png), ("svg", svg.into_bytes())] {
                let path = dir.join(format!("{}.{ext}", kind.stem()));
                write_atomic(&path, &bytes)
                    .map_err(|e| other(format!("cannot write {}: {e}", path.display())))?;
            }
        }
    }
    write_output(a.output, text, a.format)
}
