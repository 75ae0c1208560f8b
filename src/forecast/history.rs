//! Monthly bill history: parsing a CSV of past bills into a [`BillHistory`].
//!
//! Three layouts are accepted (the layout is recognised from the first row):
//!
//! * **Plain**: `month,cost` — with or without a header row; `month` is `YYYY-MM` or a date
//!   `YYYY-MM-DD` (the month is taken), `cost` a number (`$1,234.56` is accepted).
//! * **Long**: `month,service,cost` — one row per month and service (a header row naming a
//!   `service` column, or three columns without a header); rows of the same month are summed.
//! * **AWS Cost Explorer export** (grouped by service, monthly granularity): a header row
//!   `Service,<service>($),…,Total costs($)`, an optional `Service total` row (skipped), then one
//!   row per month starting with its date. Empty cells count as $0, as Cost Explorer leaves
//!   cells empty for services without usage in that month.
//!
//! Months must be consecutive once sorted (a gap would bias every model); errors name the
//! 1-based line and the column. Costs are finite and at most `limits::MAX_USD` in size; a plain
//! `month,cost` total must not be negative (credits may be negative lines of the other layouts).

use crate::plan::growth::{add_months, month_offset};
use serde::Serialize;
use std::collections::BTreeMap;

/// Past monthly bills.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct BillHistory {
    /// Consecutive months, `YYYY-MM`, oldest first.
    pub months: Vec<String>,
    /// The bill of each month, USD.
    pub total: Vec<f64>,
    /// Per-service bills when the file has them (same length as `months`).
    pub by_service: BTreeMap<String, Vec<f64>>,
}

impl BillHistory {
    /// A history from consecutive monthly totals starting at `start` (`YYYY-MM`).
    pub fn from_totals(start: &str, total: Vec<f64>) -> BillHistory {
        let months = (0..total.len() as i32)
            .map(|t| add_months(start, t).unwrap_or_default())
            .collect();
        BillHistory {
            months,
            total,
            by_service: BTreeMap::new(),
        }
    }
    /// Number of months in the history.
    pub fn len(&self) -> usize {
        self.total.len()
    }
    /// Whether the history has no months.
    pub fn is_empty(&self) -> bool {
        self.total.is_empty()
    }
}

/// Why a history file could not be read: the line (1-based) and column it is about.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{origin}:{line}: {}{message}", if .field.is_empty() { String::new() } else { format!("{}: ", .field) })]
pub struct HistoryError {
    /// The file path (or other origin) the history was read from.
    pub origin: String,
    /// 1-based line of the file the error is about.
    pub line: usize,
    /// Column the error is about (its header, or `month` / `cost`), empty for the file as a whole.
    pub field: String,
    /// What is wrong, for a person to read.
    pub message: String,
}

/// Parse a history from any reader (see the module doc for the layouts).
pub fn from_reader<R: std::io::Read>(mut r: R, origin: &str) -> Result<BillHistory, HistoryError> {
    let mut text = String::new();
    r.read_to_string(&mut text).map_err(|e| HistoryError {
        origin: origin.into(),
        line: 1,
        field: String::new(),
        message: format!("cannot read the file as UTF-8 text: {e}"),
    })?;
    parse_str(&text, origin)
}

enum Layout {
    Plain {
        month: usize,
        cost: usize,
    },
    Long {
        month: usize,
        service: usize,
        cost: usize,
    },
    Wide {
        date: usize,
        services: Vec<(usize, String)>,
        total: Option<usize>,
    },
}

/// Parse a history from CSV text. `origin` names the text in messages.
pub fn parse_str(text: &str, origin: &str) -> Result<BillHistory, HistoryError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let err = |line: usize, field: &str, message: String| HistoryError {
        origin: origin.into(),
        line,
        field: field.into(),
        message,
    };
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let mut rows: Vec<(usize, Vec<String>)> = Vec::new();
    for rec in rdr.records() {
        let rec = rec.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line() as usize);
            err(line, "", format!("not valid CSV: {e}"))
        })?;
        let line = rec.position().map_or(rows.len() + 1, |p| p.line() as usize);
        if rec.iter().all(|c| c.is_empty()) || rec.get(0).is_some_and(|c| c.starts_with('#')) {
            continue;
        }
        rows.push((line, rec.iter().map(str::to_string).collect()));
    }
    let Some((first_line, first)) = rows.first().cloned() else {
        return Err(err(
            1,
            "",
            "the file has no rows; expected `month,cost` lines".into(),
        ));
    };
    let headerless = parse_month_cell(&first[0]).is_some();
    let (layout, body) = if headerless {
        let layout = match first.len() {
            2 => Layout::Plain { month: 0, cost: 1 },
            3 => Layout::Long {
                month: 0,
                service: 1,
                cost: 2,
            },
            n => {
                return Err(err(
                    first_line,
                    "",
                    format!("expected 2 columns (month,cost) or 3 (month,service,cost), got {n}"),
                ));
            }
        };
        (layout, &rows[..])
    } else {
        let lower: Vec<String> = first.iter().map(|h| h.to_ascii_lowercase()).collect();
        let dollar: Vec<usize> = (0..first.len())
            .filter(|&i| first[i].ends_with("($)"))
            .collect();
        let find = |names: &[&str]| lower.iter().position(|h| names.iter().any(|n| h == n));
        let layout = if !dollar.is_empty() {
            let total = dollar
                .iter()
                .copied()
                .find(|&i| lower[i].starts_with("total cost"));
            let services = dollar
                .iter()
                .copied()
                .filter(|&i| Some(i) != total)
                .map(|i| (i, first[i].trim_end_matches("($)").trim().to_string()))
                .collect();
            Layout::Wide {
                date: 0,
                services,
                total,
            }
        } else {
            let month =
                find(&["month", "date", "period", "billing_period", "time"]).ok_or_else(|| {
                    err(
                        first_line,
                        "",
                        format!(
                            "no month column in the header (expected `month` or `date`, got {})",
                            first.join(",")
                        ),
                    )
                })?;
            let named = find(&[
                "cost",
                "amount",
                "usd",
                "cost_usd",
                "total",
                "unblended_cost",
                "unblendedcost",
                "blended_cost",
            ]);
            // A two-column file: the other column is the cost, whatever its name.
            let other = (first.len() == 2).then(|| 1 - month);
            let cost = named.or(other).ok_or_else(|| {
                err(
                    first_line,
                    "",
                    format!(
                        "no cost column in the header (expected `cost`, `amount` or `usd`, got {})",
                        first.join(",")
                    ),
                )
            })?;
            match find(&["service", "product", "product_name"]) {
                Some(service) => Layout::Long {
                    month,
                    service,
                    cost,
                },
                None => Layout::Plain { month, cost },
            }
        };
        (layout, &rows[1..])
    };
    let header_name = |i: usize| -> String {
        if headerless {
            ["month", "cost"]
                .get(i)
                .map_or(format!("column {}", i + 1), |s| s.to_string())
        } else {
            first.get(i).cloned().unwrap_or_default()
        }
    };
    // month → (line, total, per service)
    let mut acc: BTreeMap<String, (usize, f64, BTreeMap<String, f64>)> = BTreeMap::new();
    let cell = |row: &Vec<String>, i: usize, line: usize| -> Result<String, HistoryError> {
        row.get(i).cloned().ok_or_else(|| {
            err(
                line,
                &header_name(i),
                format!("missing: the row has {} columns", row.len()),
            )
        })
    };
    for (line, row) in body {
        let line = *line;
        match &layout {
            Layout::Plain { month, cost } => {
                let m = month_of(&cell(row, *month, line)?).ok_or_else(|| {
                    err(
                        line,
                        &header_name(*month),
                        format!("`{}` is not a month (YYYY-MM or YYYY-MM-DD)", row[*month]),
                    )
                })?;
                let c = money(&cell(row, *cost, line)?, false)
                    .map_err(|m| err(line, &header_name(*cost), m))?;
                if c < 0.0 {
                    // A month's whole bill below zero is a sign slip; credits belong in a
                    // by-service file, where a negative line is allowed.
                    return Err(err(
                        line,
                        &header_name(*cost),
                        format!("a monthly bill must be ≥ 0, got {c}"),
                    ));
                }
                if acc.contains_key(&m) {
                    return Err(err(
                        line,
                        &header_name(*month),
                        format!("month {m} appears twice"),
                    ));
                }
                acc.insert(m, (line, c, BTreeMap::new()));
            }
            Layout::Long {
                month,
                service,
                cost,
            } => {
                let m = month_of(&cell(row, *month, line)?).ok_or_else(|| {
                    err(
                        line,
                        &header_name(*month),
                        format!("`{}` is not a month (YYYY-MM or YYYY-MM-DD)", row[*month]),
                    )
                })?;
                let s = cell(row, *service, line)?;
                let c = money(&cell(row, *cost, line)?, false)
                    .map_err(|m| err(line, &header_name(*cost), m))?;
                let e = acc.entry(m).or_insert((line, 0.0, BTreeMap::new()));
                e.1 += c;
                *e.2.entry(s).or_default() += c;
            }
            Layout::Wide {
                date,
                services,
                total,
            } => {
                let d = cell(row, *date, line)?;
                let Some(m) = month_of(&d) else {
                    if d.to_ascii_lowercase().contains("total") {
                        continue; // the `Service total` row
                    }
                    return Err(err(
                        line,
                        &header_name(*date),
                        format!("`{d}` is not a date (YYYY-MM-DD)"),
                    ));
                };
                let mut per = BTreeMap::new();
                let mut sum = 0.0;
                for (i, name) in services {
                    let c = money(row.get(*i).map_or("", String::as_str), true)
                        .map_err(|m| err(line, &header_name(*i), m))?;
                    sum += c;
                    per.insert(name.clone(), c);
                }
                let t = match total {
                    Some(i) => money(row.get(*i).map_or("", String::as_str), true)
                        .map_err(|m| err(line, &header_name(*i), m))?,
                    None => sum,
                };
                if acc.contains_key(&m) {
                    return Err(err(
                        line,
                        &header_name(*date),
                        format!("month {m} appears twice (use monthly granularity)"),
                    ));
                }
                acc.insert(m, (line, t, per));
            }
        }
    }
    if acc.is_empty() {
        return Err(err(
            first_line,
            "",
            "the file has a header but no monthly rows".into(),
        ));
    }
    let months: Vec<String> = acc.keys().cloned().collect();
    for w in months.windows(2) {
        if month_offset(&w[0], &w[1]) != Some(1) {
            let line = acc[&w[1]].0;
            return Err(err(
                line,
                &header_name(0),
                format!(
                    "months must be consecutive: {} follows {} (missing months in between)",
                    w[1], w[0]
                ),
            ));
        }
    }
    let services: std::collections::BTreeSet<String> = acc
        .values()
        .flat_map(|(_, _, p)| p.keys().cloned())
        .collect();
    let mut by_service = BTreeMap::new();
    for s in services {
        by_service.insert(
            s.clone(),
            acc.values()
                .map(|(_, _, p)| p.get(&s).copied().unwrap_or(0.0))
                .collect(),
        );
    }
    Ok(BillHistory {
        months,
        total: acc.values().map(|(_, t, _)| *t).collect(),
        by_service,
    })
}

fn parse_month_cell(s: &str) -> Option<(i32, u32)> {
    let s = s.trim().replace('/', "-");
    if s.len() < 7 || !s.is_char_boundary(7) {
        return None;
    }
    if s.len() > 7 && s.as_bytes()[7] != b'-' {
        return None;
    }
    if s.len() > 7 {
        let day = s.get(8..10)?;
        let d: u32 = day.parse().ok()?;
        if !(1..=31).contains(&d) {
            return None;
        }
    }
    crate::plan::growth::parse_month(&s[..7])
}

fn month_of(s: &str) -> Option<String> {
    parse_month_cell(s).map(|(y, m)| format!("{y:04}-{m:02}"))
}

/// `$1,234.56`, `1234.56`, `-3` → number. Empty is 0 when `empty_is_zero`, else an error.
fn money(s: &str, empty_is_zero: bool) -> Result<f64, String> {
    let t: String = s
        .chars()
        .filter(|c| !matches!(c, '$' | ',' | ' '))
        .collect();
    if t.is_empty() {
        return if empty_is_zero {
            Ok(0.0)
        } else {
            Err("empty; expected a cost in USD".into())
        };
    }
    match t.parse::<f64>() {
        Ok(v) if v.is_finite() => crate::limits::check_signed(v, crate::limits::MAX_USD, "a cost"),
        Ok(_) => Err(format!("`{s}` is not a finite number")),
        _ => Err(format!("`{s}` is not a number")),
    }
}
