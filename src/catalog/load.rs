//! Loading and validating the price catalogue from CSV files.
//!
//! The default catalogue (`pricing-data/`) is compiled into the binary and parsed once
//! ([`embedded`]). A directory given with `--catalog DIR` extends or replaces it ([`load_dir`]).
//! [`parse_files`] is the pure core: (file name, text) pairs in, a [`Catalog`] or the first
//! error out — never a half-loaded catalogue, never a panic on bad input. Every error names the
//! file, line, column and field. The file layout and every rule checked here are documented in
//! `pricing-data/README.md`.

use super::{
    Arch, Catalog, Chunk, InstanceSpec, OfferingClass, Payment, PriceOption, Rate, Region,
    Reservation, S3ClassRule, SavingsPlanKind, SavingsPlanOffer, Service, Source, SpotAdvice, Term,
    vocab,
};
use chrono::NaiveDate;
use std::collections::HashMap;
use std::fmt;
use std::path::Path;
use std::sync::{Arc, OnceLock};

/// Name of the catalogue compiled into the binary.
pub const EMBEDDED_NAME: &str = "cloudplan embedded catalogue";

/// The files of `pricing-data/`, compiled in by the build script (`build.rs`): rate files in
/// their compact form (without the `rate_code` and `notes` columns), with the byte range of
/// each region's rows.
mod generated {
    include!(concat!(env!("OUT_DIR"), "/embedded_catalog.rs"));
}
use generated::{FILES as EMBEDDED_FILES, REGION_BLOCKS};

/// Where in the input a problem is: file, 1-based line and (when known) 1-based column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// Catalogue file name relative to the catalogue directory, e.g. `rates/ec2.csv`.
    pub file: String,
    /// 1-based line number in the file.
    pub line: u64,
    /// 1-based column number, when the error concerns one field.
    pub column: Option<usize>,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.column {
            Some(c) => write!(f, "{}:{}:{}", self.file, self.line, c),
            None => write!(f, "{}:{}", self.file, self.line),
        }
    }
}

/// Why a catalogue could not be loaded.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CatalogError {
    /// A header or a field is wrong (unknown column, missing value, bad number, bad tiers …).
    #[error("{location}: field `{field}`: {message}")]
    Field {
        /// File, line and column of the bad header or field.
        location: Location,
        /// Name of the column concerned, e.g. `usd`.
        field: String,
        /// What is wrong, e.g. "negative price -0.5".
        message: String,
    },
    /// The text is not well-formed CSV (e.g. a row with the wrong number of fields).
    #[error("{location}: malformed CSV: {message}")]
    Csv {
        /// File, line and (when known) column where the CSV reader failed.
        location: Location,
        /// The CSV reader's description of the problem.
        message: String,
    },
    /// A file whose name the catalogue does not know.
    #[error(
        "{file}: unknown catalogue file (expected rates/<name>.csv, instances.csv, spot_advisor.csv, s3_storage_classes.csv, regions.csv, sources.csv or catalog.csv)"
    )]
    UnknownFile {
        /// The file's name relative to the catalogue directory.
        file: String,
    },
    /// A file or directory could not be read.
    #[error("{path}: {message}")]
    Io {
        /// Path of the file or directory.
        path: String,
        /// The operating system's reason.
        message: String,
    },
    /// The files parse, but hold no rate at all.
    #[error("catalogue `{name}` has no rates (expected rates/<name>.csv files)")]
    Empty {
        /// Name of the catalogue that has no rates.
        name: String,
    },
}

impl CatalogError {
    /// The location of a field, header or CSV error.
    pub fn location(&self) -> Option<&Location> {
        match self {
            CatalogError::Field { location, .. } | CatalogError::Csv { location, .. } => {
                Some(location)
            }
            _ => None,
        }
    }
}

type Result<T> = std::result::Result<T, CatalogError>;

/// The default catalogue: `pricing-data/` compiled into the binary. Sources, regions,
/// instances, Spot advice and S3 rules are parsed on first use; a region's rates when that
/// region is first asked for (each region's rows are validated as [`parse_files`] validates a
/// whole catalogue; `tests::embedded_catalogue_is_valid` parses everything at once).
pub fn embedded() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| {
        embedded_lazy().expect(
            "embedded pricing-data is valid (checked by load::tests::embedded_catalogue_is_valid)",
        )
    })
}

/// The embedded catalogue with every region's rates pending.
fn embedded_lazy() -> Result<Catalog> {
    let small: Vec<(&str, &str, &str)> = EMBEDDED_FILES
        .iter()
        .filter(|(n, _)| !n.starts_with("rates/"))
        .map(|(n, t)| (*n, *n, *t))
        .collect();
    let p = parse_parts(&small)?;
    check_sources(&p)?;
    let mut pending: std::collections::BTreeMap<String, Vec<Chunk>> = Default::default();
    for &(file, region, start, end, first_line) in REGION_BLOCKS {
        let (name, text) = EMBEDDED_FILES[file];
        let header_end = text.find('\n').map_or(text.len(), |i| i + 1);
        pending.entry(region.to_string()).or_default().push(Chunk {
            file: name,
            header: &text[..header_end],
            rows: &text[start..end],
            first_line,
        });
    }
    Ok(Catalog::lazy(
        EMBEDDED_NAME,
        pending.into_iter().collect(),
        p.instances.into_iter().map(|(r, _)| r).collect(),
        p.spot.into_iter().map(|(r, _)| r).collect(),
        p.s3_rules.into_iter().map(|(r, _)| r).collect(),
        p.sources.into_iter().map(|(r, _)| r).collect(),
    )
    .with_regions(p.regions.into_iter().map(|(r, _)| r).collect()))
}

/// Parse one region's pending rows (chunks of embedded rate files): each row checked as in
/// [`parse_files`], then duplicates, tiers and source ids (`ids`) — everything that concerns a
/// price is within one region, so a region is validated on its own.
pub(crate) fn parse_chunks(
    chunks: &[Chunk],
    ids: &std::collections::HashSet<&str>,
) -> Result<Vec<Rate>> {
    let mut rates: Vec<(Rate, Origin)> = Vec::new();
    for c in chunks {
        let mut text = String::with_capacity(c.header.len() + c.rows.len());
        text.push_str(c.header);
        text.push_str(c.rows);
        read_table_at(
            c.file,
            &text,
            c.first_line.saturating_sub(2),
            RATE_REQUIRED,
            RATE_OPTIONAL,
            |r| {
                let rate = parse_rate(&r)?;
                rates.push((rate, r.origin));
                Ok(())
            },
        )?;
    }
    if let Some((a, b)) = first_duplicate(&rates, row_key) {
        let (rate, o) = &rates[b];
        return Err(o.err(
            "tier_begin",
            format!(
                "duplicate rate {} tier {} (first defined at {})",
                describe(&price_key(rate)),
                rate.tier_begin,
                rates[a].1.at()
            ),
        ));
    }
    for (r, o) in &rates {
        if !ids.contains(r.source.as_str()) {
            return Err(o.err(
                "source",
                format!("source id `{}` is not in sources.csv", r.source),
            ));
        }
    }
    check_tiers(&rates)?;
    Ok(rates.into_iter().map(|(r, _)| r).collect())
}

/// The embedded `pricing-data/` files (name relative to `pricing-data/`, text; rate files
/// without their `rate_code` and `notes` columns) — a template for a `--catalog DIR`.
pub fn embedded_files() -> &'static [(&'static str, &'static str)] {
    EMBEDDED_FILES
}

/// Parse a catalogue from (file name, text) pairs. Names are relative to the catalogue
/// directory: `rates/<family>.csv`, `instances.csv`, `spot_advisor.csv`,
/// `s3_storage_classes.csv`, `sources.csv`, and optionally `catalog.csv` (whose `name`, when
/// given, overrides `name`). Pure: no I/O.
pub fn parse_files(name: &str, files: &[(&str, &str)]) -> Result<Catalog> {
    let labelled: Vec<(&str, &str, &str)> = files.iter().map(|(n, t)| (*n, *n, *t)).collect();
    let parts = parse_parts(&labelled)?;
    let name = parts
        .manifest
        .as_ref()
        .and_then(|m| m.name.clone())
        .unwrap_or_else(|| name.to_string());
    build(&name, parts)
}

/// Load `--catalog DIR`. With `base` given, `DIR` extends it: a rate with the same
/// region/service/product/dimension/option/tier_begin replaces the base rate, other rows are
/// added (instances, spot advice, S3 rules and sources likewise by their keys), and the merged
/// catalogue is validated again. When `DIR/catalog.csv` says `mode` = `replace`, or `base` is
/// `None`, `DIR` alone is the catalogue. Non-CSV files (README.md …) are ignored.
pub fn load_dir(dir: &Path, base: Option<&Catalog>) -> Result<Catalog> {
    let parts = read_dir_parts(dir)?;
    build_dir(dir, parts, base)
}

/// [`load_dir`] over `base`, after checking that `dir` also loads on its own (as `prices import`
/// checks what it writes). The directory's files are read and parsed once for both checks.
pub fn load_dir_checked(dir: &Path, base: &Catalog) -> Result<Catalog> {
    let parts = read_dir_parts(dir)?;
    if !parts.rates.is_empty() {
        build_dir(dir, parts.clone(), None)?;
    }
    build_dir(dir, parts, Some(base))
}

/// The parsed CSV files of a catalogue directory.
fn read_dir_parts(dir: &Path) -> Result<Parts> {
    let io = |p: &Path, e: std::io::Error| CatalogError::Io {
        path: p.display().to_string(),
        message: e.to_string(),
    };
    let mut names: Vec<String> = Vec::new();
    let list_csv = |d: &Path, prefix: &str, out: &mut Vec<String>| -> Result<()> {
        for entry in std::fs::read_dir(d).map_err(|e| io(d, e))? {
            let entry = entry.map_err(|e| io(d, e))?;
            let path = entry.path();
            let is_file = path.is_file();
            let fname = entry.file_name().to_string_lossy().into_owned();
            if is_file && fname.ends_with(".csv") && !fname.starts_with('.') {
                out.push(format!("{prefix}{fname}"));
            }
        }
        Ok(())
    };
    list_csv(dir, "", &mut names)?;
    let rates_dir = dir.join("rates");
    if rates_dir.is_dir() {
        list_csv(&rates_dir, "rates/", &mut names)?;
    }
    names.sort();
    let mut texts = Vec::with_capacity(names.len());
    for n in &names {
        let p = dir.join(n);
        let text = std::fs::read_to_string(&p).map_err(|e| io(&p, e))?;
        texts.push((n.clone(), p.display().to_string(), text));
    }
    let labelled: Vec<(&str, &str, &str)> = texts
        .iter()
        .map(|(n, l, t)| (n.as_str(), l.as_str(), t.as_str()))
        .collect();
    parse_parts(&labelled)
}

/// Build the catalogue of a directory's parts (over `base` unless its manifest says `replace`).
fn build_dir(dir: &Path, parts: Parts, base: Option<&Catalog>) -> Result<Catalog> {
    let manifest_name = parts.manifest.as_ref().and_then(|m| m.name.clone());
    let replace = parts
        .manifest
        .as_ref()
        .is_some_and(|m| m.mode == Mode::Replace);
    match base {
        Some(base) if !replace => {
            let name =
                manifest_name.unwrap_or_else(|| format!("{} + {}", base.id.name, dir.display()));
            build(&name, overlay(base, parts))
        }
        _ => {
            let name = manifest_name.unwrap_or_else(|| dir.display().to_string());
            build(&name, parts)
        }
    }
}

// ------------------------------------------------------------------ internals

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Extend,
    Replace,
}

#[derive(Debug, Clone)]
struct Manifest {
    name: Option<String>,
    mode: Mode,
}

/// Where a parsed row came from, so later checks (tiers, sources, duplicates) can point at it.
#[derive(Debug, Clone)]
struct Origin {
    file: Arc<str>,
    line: u64,
    header: Arc<[String]>,
}

impl Origin {
    fn loc(&self, field: &str) -> Location {
        Location {
            file: self.file.to_string(),
            line: self.line,
            column: self.header.iter().position(|h| h == field).map(|i| i + 1),
        }
    }
    fn err(&self, field: &str, message: impl Into<String>) -> CatalogError {
        CatalogError::Field {
            location: self.loc(field),
            field: field.to_string(),
            message: message.into(),
        }
    }
    fn at(&self) -> String {
        format!("{}:{}", self.file, self.line)
    }
}

#[derive(Default, Clone)]
struct Parts {
    manifest: Option<Manifest>,
    rates: Vec<(Rate, Origin)>,
    instances: Vec<(InstanceSpec, Origin)>,
    spot: Vec<(SpotAdvice, Origin)>,
    s3_rules: Vec<(S3ClassRule, Origin)>,
    sources: Vec<(Source, Origin)>,
    regions: Vec<(Region, Origin)>,
}

/// The columns of `pricing-data/rates/*.csv` in the order cloudplan writes them (the loader reads
/// by name: `RATE_REQUIRED` must be present, `RATE_OPTIONAL` may be).
pub const RATE_COLUMNS: [&str; 17] = [
    "region",
    "service",
    "product",
    "dimension",
    "option",
    "term",
    "payment",
    "offering_class",
    "unit",
    "tier_begin",
    "tier_end",
    "usd",
    "upfront_usd",
    "effective_date",
    "source",
    "rate_code",
    "notes",
];

const RATE_REQUIRED: &[&str] = &[
    "region",
    "service",
    "product",
    "dimension",
    "option",
    "unit",
    "tier_begin",
    "usd",
    "effective_date",
    "source",
];
const RATE_OPTIONAL: &[&str] = &[
    "term",
    "payment",
    "offering_class",
    "tier_end",
    "upfront_usd",
    "rate_code",
    "notes",
];

/// One CSV record with its file's header, read by column name.
struct Rec<'a> {
    origin: Origin,
    record: &'a csv::StringRecord,
}

impl Rec<'_> {
    fn get(&self, field: &str) -> &str {
        self.origin
            .header
            .iter()
            .position(|h| h == field)
            .and_then(|i| self.record.get(i))
            .map(|v| crate::text::csv_cell::unneutralise(v.trim()))
            .unwrap_or("")
    }
    fn required(&self, field: &str) -> Result<&str> {
        let v = self.get(field);
        if v.is_empty() {
            Err(self.origin.err(field, "missing required value"))
        } else {
            Ok(v)
        }
    }
    fn number(&self, field: &str) -> Result<f64> {
        let v = self.required(field)?;
        parse_number(v).map_err(|m| self.origin.err(field, m))
    }
    fn opt_number(&self, field: &str) -> Result<Option<f64>> {
        let v = self.get(field);
        if v.is_empty() {
            return Ok(None);
        }
        parse_number(v)
            .map(Some)
            .map_err(|m| self.origin.err(field, m))
    }
    /// Not negative, and not absurdly large (`crate::limits`: prices ≤ `MAX_UNIT_PRICE`,
    /// other sizes ≤ `MAX_QUANTITY`).
    fn non_negative(&self, field: &str, what: &str, v: f64) -> Result<f64> {
        let max = if what == "price" {
            crate::limits::MAX_UNIT_PRICE
        } else {
            crate::limits::MAX_QUANTITY
        };
        if v < 0.0 {
            Err(self.origin.err(field, format!("negative {what} {v}")))
        } else if v > max {
            Err(self.origin.err(
                field,
                format!(
                    "{what} {} is absurdly large (at most {})",
                    crate::limits::show(v),
                    crate::limits::show(max)
                ),
            ))
        } else {
            Ok(v)
        }
    }
    fn price(&self, field: &str) -> Result<f64> {
        let v = self.number(field)?;
        self.non_negative(field, "price", v)
    }
    fn date(&self, field: &str) -> Result<NaiveDate> {
        let v = self.required(field)?;
        let ok = v.len() == 10 && v.as_bytes()[4] == b'-' && v.as_bytes()[7] == b'-';
        NaiveDate::parse_from_str(v, "%Y-%m-%d")
            .ok()
            .filter(|_| ok)
            .ok_or_else(|| {
                self.origin
                    .err(field, format!("`{v}` is not a date in the form YYYY-MM-DD"))
            })
    }
    fn u32(&self, field: &str) -> Result<u32> {
        let v = self.required(field)?;
        v.parse::<u32>().map_err(|_| {
            self.origin
                .err(field, format!("`{v}` is not a whole number ≥ 0"))
        })
    }
}

fn parse_number(v: &str) -> std::result::Result<f64, String> {
    match v.parse::<f64>() {
        Ok(x) if x.is_finite() => Ok(x),
        Ok(_) => Err(format!("`{v}` is not a finite number")),
        Err(_) => Err(format!("`{v}` is not a number")),
    }
}

/// Read a CSV text with a header; check the header against the known columns and call `row`
/// for every record.
fn read_table(
    label: &str,
    text: &str,
    required: &[&str],
    optional: &[&str],
    row: impl FnMut(Rec<'_>) -> Result<()>,
) -> Result<()> {
    read_table_at(label, text, 0, required, optional, row)
}

/// [`read_table`] of a text whose rows start `line_offset` lines further down the file (a
/// region's chunk of an embedded file after its header): errors name the file's line.
fn read_table_at(
    label: &str,
    text: &str,
    line_offset: u64,
    required: &[&str],
    optional: &[&str],
    mut row: impl FnMut(Rec<'_>) -> Result<()>,
) -> Result<()> {
    let file: Arc<str> = Arc::from(label);
    let csv_err = |e: csv::Error| {
        let line = e.position().map(|p| p.line()).unwrap_or(1);
        let message = match e.kind() {
            csv::ErrorKind::UnequalLengths {
                expected_len, len, ..
            } => format!("expected {expected_len} fields as in the header, found {len}"),
            csv::ErrorKind::Utf8 { .. } => "invalid UTF-8".to_string(),
            _ => e.to_string(),
        };
        CatalogError::Csv {
            location: Location {
                file: file.to_string(),
                line,
                column: None,
            },
            message,
        }
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .map_err(csv_err)?
        .iter()
        .map(|h| h.trim().trim_start_matches('\u{feff}').to_string())
        .collect();
    let header_err = |column: Option<usize>, field: &str, message: String| CatalogError::Field {
        location: Location {
            file: file.to_string(),
            line: 1,
            column,
        },
        field: field.to_string(),
        message,
    };
    for (i, h) in header.iter().enumerate() {
        if !required.contains(&h.as_str()) && !optional.contains(&h.as_str()) {
            let mut known: Vec<&str> = required.iter().chain(optional).copied().collect();
            known.sort_unstable();
            return Err(header_err(
                Some(i + 1),
                h,
                format!("unknown column (known columns: {})", known.join(", ")),
            ));
        }
        if header[..i].contains(h) {
            return Err(header_err(Some(i + 1), h, "duplicate column".to_string()));
        }
    }
    for r in required {
        if !header.iter().any(|h| h == r) {
            return Err(header_err(None, r, "missing required column".to_string()));
        }
    }
    let header: Arc<[String]> = header.into();
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                if record.iter().all(|f| f.trim().is_empty()) {
                    continue;
                }
                let line = record.position().map(|p| p.line()).unwrap_or(0) + line_offset;
                row(Rec {
                    origin: Origin {
                        file: file.clone(),
                        line,
                        header: header.clone(),
                    },
                    record: &record,
                })?;
            }
            Err(e) => {
                // A short row: name the first column it lacks.
                if let csv::ErrorKind::UnequalLengths { len, .. } = e.kind()
                    && let Some(missing) = header.get(*len as usize)
                {
                    let line = e.position().map(|p| p.line()).unwrap_or(1);
                    return Err(CatalogError::Field {
                        location: Location {
                            file: file.to_string(),
                            line,
                            column: Some(*len as usize + 1),
                        },
                        field: missing.clone(),
                        message: format!(
                            "malformed CSV: the row has {len} fields, the header {}; `{missing}` and the columns after it are missing",
                            header.len()
                        ),
                    });
                }
                return Err(csv_err(e));
            }
        }
    }
    Ok(())
}

/// The term, payment and (unparsed) offering class of a reserved or Savings Plans rate row, each
/// required; `needs` says what the row kind needs when one is missing.
fn commitment_fields<'r>(r: &'r Rec<'_>, needs: &str) -> Result<(Term, Payment, &'r str)> {
    let need = |f: &str| -> Result<&'r str> {
        let v = r.get(f);
        if v.is_empty() {
            Err(r.origin.err(f, format!("missing required value ({needs})")))
        } else {
            Ok(v)
        }
    };
    let t = need("term")?;
    let term = Term::parse(t).ok_or_else(|| {
        r.origin
            .err("term", format!("unknown term `{t}` (expected 1yr or 3yr)"))
    })?;
    let p = need("payment")?;
    let payment = Payment::parse(p).ok_or_else(|| {
        r.origin.err(
            "payment",
            format!("unknown payment `{p}` (expected no_upfront, partial_upfront or all_upfront)"),
        )
    })?;
    Ok((term, payment, need("offering_class")?))
}

fn parse_rate(r: &Rec<'_>) -> Result<Rate> {
    let region = r.required("region")?.to_string();
    let service_s = r.required("service")?;
    let service = match Service::parse(service_s) {
        Some(Service::Custom) | None => {
            let known: Vec<&str> = Service::priced().map(|s| s.as_str()).collect();
            return Err(r.origin.err(
                "service",
                format!(
                    "unknown service `{service_s}` (expected one of {})",
                    known.join(", ")
                ),
            ));
        }
        Some(s) => s,
    };
    let product = r.required("product")?.to_string();
    let dimension = r.required("dimension")?.to_string();
    let option_s = r.required("option")?;
    let reserved_fields = ["term", "payment", "offering_class"];
    let option = match option_s {
        "on_demand" | "spot" => {
            for f in reserved_fields {
                let v = r.get(f);
                if !v.is_empty() {
                    return Err(r.origin.err(
                        f,
                        format!(
                            "`{v}` given for a {option_s} rate; only reserved and savings_plan rates have a {f}"
                        ),
                    ));
                }
            }
            if option_s == "spot" {
                PriceOption::Spot
            } else {
                PriceOption::OnDemand
            }
        }
        "reserved" => {
            let (term, payment, c) =
                commitment_fields(r, "a reserved rate needs term, payment and offering_class")?;
            let class = OfferingClass::parse(c).ok_or_else(|| {
                r.origin.err(
                    "offering_class",
                    format!("unknown offering class `{c}` (expected standard or convertible)"),
                )
            })?;
            PriceOption::Reserved(Reservation {
                class,
                term,
                payment,
            })
        }
        "savings_plan" => {
            let (term, payment, c) = commitment_fields(
                r,
                "a savings_plan rate needs term, payment and offering_class = compute or ec2_instance",
            )?;
            let kind = SavingsPlanKind::parse(c).ok_or_else(|| {
                r.origin.err(
                    "offering_class",
                    format!("unknown Savings Plan kind `{c}` (expected compute or ec2_instance)"),
                )
            })?;
            PriceOption::SavingsPlan(SavingsPlanOffer {
                kind,
                term,
                payment,
            })
        }
        other => {
            return Err(r.origin.err(
                "option",
                format!(
                    "unknown option `{other}` (expected on_demand, spot, reserved or savings_plan)"
                ),
            ));
        }
    };
    let unit = r.required("unit")?.to_string();
    let tier_begin = r.number("tier_begin")?;
    let tier_begin = r.non_negative("tier_begin", "tier start", tier_begin)?;
    let tier_end = r.opt_number("tier_end")?;
    if let Some(end) = tier_end
        && end <= tier_begin
    {
        return Err(r.origin.err(
            "tier_end",
            format!("tier end {end} is not above tier begin {tier_begin}"),
        ));
    }
    let usd = r.price("usd")?;
    let upfront_usd = match r.opt_number("upfront_usd")? {
        Some(v) => r.non_negative("upfront_usd", "price", v)?,
        None => 0.0,
    };
    let effective_date = r.date("effective_date")?;
    let source = r.required("source")?.to_string();
    Ok(Rate {
        region,
        service,
        product,
        dimension,
        option,
        unit,
        tier_begin: tier_begin + 0.0,
        tier_end,
        usd,
        upfront_usd,
        effective_date,
        source,
    })
}

fn parse_parts(files: &[(&str, &str, &str)]) -> Result<Parts> {
    let mut parts = Parts::default();
    for (name, label, text) in files {
        let name = name.trim_start_matches("./").replace('\\', "/");
        let is_rates = name
            .strip_prefix("rates/")
            .is_some_and(|rest| rest.ends_with(".csv") && !rest.contains('/'));
        if is_rates {
            read_table(label, text, RATE_REQUIRED, RATE_OPTIONAL, |r| {
                let rate = parse_rate(&r)?;
                parts.rates.push((rate, r.origin));
                Ok(())
            })?;
            continue;
        }
        match name.as_str() {
            "instances.csv" => read_table(
                label,
                text,
                &[
                    "instance_type",
                    "family",
                    "vcpu",
                    "memory_gib",
                    "architecture",
                    "source",
                ],
                &["notes"],
                |r| {
                    let arch_s = r.required("architecture")?;
                    let architecture = Arch::parse(arch_s).ok_or_else(|| {
                        r.origin.err(
                            "architecture",
                            format!("unknown architecture `{arch_s}` (expected x86_64 or arm64)"),
                        )
                    })?;
                    let memory = r.number("memory_gib")?;
                    let spec = InstanceSpec {
                        instance_type: r.required("instance_type")?.to_string(),
                        family: r.required("family")?.to_string(),
                        vcpu: r.u32("vcpu")?,
                        memory_gib: r.non_negative("memory_gib", "memory", memory)?,
                        architecture,
                        source: r.required("source")?.to_string(),
                    };
                    parts.instances.push((spec, r.origin));
                    Ok(())
                },
            )?,
            "spot_advisor.csv" => read_table(
                label,
                text,
                &[
                    "region",
                    "instance_type",
                    "savings_pct",
                    "interruption_band",
                    "effective_date",
                    "source",
                ],
                &["notes"],
                |r| {
                    let pct = r.number("savings_pct")?;
                    if !(0.0..=100.0).contains(&pct) {
                        return Err(r.origin.err(
                            "savings_pct",
                            format!("{pct} is not a percentage (0 to 100)"),
                        ));
                    }
                    let advice = SpotAdvice {
                        region: r.required("region")?.to_string(),
                        instance_type: r.required("instance_type")?.to_string(),
                        savings_pct: pct,
                        interruption_band: r.required("interruption_band")?.to_string(),
                        effective_date: r.date("effective_date")?,
                        source: r.required("source")?.to_string(),
                    };
                    parts.spot.push((advice, r.origin));
                    Ok(())
                },
            )?,
            "s3_storage_classes.csv" => read_table(
                label,
                text,
                &[
                    "storage_class",
                    "min_storage_days",
                    "min_object_kb",
                    "source",
                ],
                &["notes"],
                |r| {
                    let class = r.required("storage_class")?;
                    if !vocab::s3::CLASSES.contains(&class) {
                        return Err(r.origin.err(
                            "storage_class",
                            format!(
                                "unknown S3 storage class `{class}` (expected one of {})",
                                vocab::s3::CLASSES.join(", ")
                            ),
                        ));
                    }
                    let kb = r.number("min_object_kb")?;
                    let rule = S3ClassRule {
                        storage_class: class.to_string(),
                        min_storage_days: r.u32("min_storage_days")?,
                        min_object_kb: r.non_negative("min_object_kb", "size", kb)?,
                        source: r.required("source")?.to_string(),
                    };
                    parts.s3_rules.push((rule, r.origin));
                    Ok(())
                },
            )?,
            "sources.csv" => read_table(
                label,
                text,
                &["id", "description", "url", "effective_date"],
                &["published"],
                |r| {
                    let published = if r.get("published").is_empty() {
                        None
                    } else {
                        Some(r.date("published")?)
                    };
                    let source = Source {
                        id: r.required("id")?.to_string(),
                        description: r.required("description")?.to_string(),
                        url: r.get("url").to_string(),
                        effective_date: r.get("effective_date").to_string(),
                        published,
                    };
                    parts.sources.push((source, r.origin));
                    Ok(())
                },
            )?,
            "regions.csv" => read_table(label, text, &["region", "name", "source"], &[], |r| {
                let region = Region {
                    code: r.required("region")?.to_string(),
                    name: r.required("name")?.to_string(),
                    source: r.required("source")?.to_string(),
                };
                parts.regions.push((region, r.origin));
                Ok(())
            })?,
            "catalog.csv" => {
                let mut seen = false;
                read_table(label, text, &["name", "mode"], &[], |r| {
                    if seen {
                        return Err(r.origin.err(
                            "name",
                            "catalog.csv has more than one data row (expected exactly one)",
                        ));
                    }
                    seen = true;
                    let mode = match r.get("mode") {
                        "" | "extend" => Mode::Extend,
                        "replace" => Mode::Replace,
                        other => {
                            return Err(r.origin.err(
                                "mode",
                                format!("unknown mode `{other}` (expected extend or replace)"),
                            ));
                        }
                    };
                    let name = Some(r.get("name").to_string()).filter(|n| !n.is_empty());
                    parts.manifest = Some(Manifest { name, mode });
                    Ok(())
                })?;
            }
            _ => {
                return Err(CatalogError::UnknownFile {
                    file: label.to_string(),
                });
            }
        }
    }
    check_duplicates(&parts)?;
    Ok(parts)
}

/// Identity of a price (all its tiers).
type PriceKey = (String, Service, String, String, PriceOption);

fn price_key(r: &Rate) -> PriceKey {
    (
        r.region.clone(),
        r.service,
        r.product.clone(),
        r.dimension.clone(),
        r.option,
    )
}

/// Identity of one rate row (a price's tier).
fn row_key(r: &Rate) -> (PriceKey, u64) {
    (price_key(r), r.tier_begin.to_bits())
}

fn describe(k: &PriceKey) -> String {
    format!("{} {} {} {} {}", k.0, k.1, k.2, k.3, k.4)
}

fn first_duplicate<T, K: std::hash::Hash + Eq>(
    rows: &[(T, Origin)],
    key: impl Fn(&T) -> K,
) -> Option<(usize, usize)> {
    let mut seen: HashMap<K, usize> = HashMap::with_capacity(rows.len());
    for (i, (row, _)) in rows.iter().enumerate() {
        if let Some(first) = seen.insert(key(row), i) {
            return Some((first, i));
        }
    }
    None
}

fn check_duplicates(p: &Parts) -> Result<()> {
    if let Some((a, b)) = first_duplicate(&p.rates, row_key) {
        let (rate, o) = &p.rates[b];
        return Err(o.err(
            "tier_begin",
            format!(
                "duplicate rate {} tier {} (first defined at {})",
                describe(&price_key(rate)),
                rate.tier_begin,
                p.rates[a].1.at()
            ),
        ));
    }
    if let Some((a, b)) = first_duplicate(&p.instances, |s| s.instance_type.clone()) {
        return Err(p.instances[b].1.err(
            "instance_type",
            format!(
                "duplicate instance type `{}` (first defined at {})",
                p.instances[b].0.instance_type,
                p.instances[a].1.at()
            ),
        ));
    }
    if let Some((a, b)) = first_duplicate(&p.spot, |s| (s.region.clone(), s.instance_type.clone()))
    {
        return Err(p.spot[b].1.err(
            "instance_type",
            format!(
                "duplicate spot advice for {} {} (first defined at {})",
                p.spot[b].0.region,
                p.spot[b].0.instance_type,
                p.spot[a].1.at()
            ),
        ));
    }
    if let Some((a, b)) = first_duplicate(&p.s3_rules, |s| s.storage_class.clone()) {
        return Err(p.s3_rules[b].1.err(
            "storage_class",
            format!(
                "duplicate storage class `{}` (first defined at {})",
                p.s3_rules[b].0.storage_class,
                p.s3_rules[a].1.at()
            ),
        ));
    }
    if let Some((a, b)) = first_duplicate(&p.regions, |r| r.code.clone()) {
        return Err(p.regions[b].1.err(
            "region",
            format!(
                "duplicate region `{}` (first defined at {})",
                p.regions[b].0.code,
                p.regions[a].1.at()
            ),
        ));
    }
    if let Some((a, b)) = first_duplicate(&p.sources, |s| s.id.clone()) {
        return Err(p.sources[b].1.err(
            "id",
            format!(
                "duplicate source id `{}` (first defined at {})",
                p.sources[b].0.id,
                p.sources[a].1.at()
            ),
        ));
    }
    Ok(())
}

/// Lay `dir` over the base catalogue: same key replaces, new key adds.
fn overlay(base: &Catalog, dir: Parts) -> Parts {
    let origin = Origin {
        file: Arc::from(format!("base catalogue `{}`", base.id.name)),
        line: 0,
        header: Arc::from(Vec::<String>::new()),
    };
    fn merge<'b, T: Clone + 'b, K: std::hash::Hash + Eq>(
        base: impl IntoIterator<Item = &'b T>,
        origin: &Origin,
        over: Vec<(T, Origin)>,
        key: impl Fn(&T) -> K,
    ) -> Vec<(T, Origin)> {
        let mut out: Vec<(T, Origin)> = base
            .into_iter()
            .map(|t| (t.clone(), origin.clone()))
            .collect();
        let mut index: HashMap<K, usize> = out
            .iter()
            .enumerate()
            .map(|(i, (t, _))| (key(t), i))
            .collect();
        for (t, o) in over {
            match index.get(&key(&t)) {
                Some(&i) => out[i] = (t, o),
                None => {
                    index.insert(key(&t), out.len());
                    out.push((t, o));
                }
            }
        }
        out
    }
    Parts {
        manifest: dir.manifest,
        rates: merge(base.rates(), &origin, dir.rates, row_key),
        instances: merge(base.instances(), &origin, dir.instances, |s| {
            s.instance_type.clone()
        }),
        spot: merge(base.spot_advice_all(), &origin, dir.spot, |s| {
            (s.region.clone(), s.instance_type.clone())
        }),
        s3_rules: merge(base.s3_rules(), &origin, dir.s3_rules, |s| {
            s.storage_class.clone()
        }),
        sources: merge(base.sources(), &origin, dir.sources, |s| s.id.clone()),
        regions: merge(base.region_list(), &origin, dir.regions, |r| r.code.clone()),
    }
}

/// Check sources and tiers of validated-per-row parts, then assemble the catalogue.
fn build(name: &str, p: Parts) -> Result<Catalog> {
    if p.rates.is_empty() {
        return Err(CatalogError::Empty {
            name: name.to_string(),
        });
    }
    check_sources(&p)?;
    check_tiers(&p.rates)?;
    Ok(Catalog::from_parts(
        name,
        p.rates.into_iter().map(|(r, _)| r).collect(),
        p.instances.into_iter().map(|(r, _)| r).collect(),
        p.spot.into_iter().map(|(r, _)| r).collect(),
        p.s3_rules.into_iter().map(|(r, _)| r).collect(),
        p.sources.into_iter().map(|(r, _)| r).collect(),
    )
    .with_regions(p.regions.into_iter().map(|(r, _)| r).collect()))
}

/// Every row's `source` is an id in sources.csv.
fn check_sources(p: &Parts) -> Result<()> {
    let ids: std::collections::HashSet<&str> =
        p.sources.iter().map(|(s, _)| s.id.as_str()).collect();
    let check = |id: &str, o: &Origin| -> Result<()> {
        if ids.contains(id) {
            Ok(())
        } else {
            Err(o.err("source", format!("source id `{id}` is not in sources.csv")))
        }
    };
    for (r, o) in &p.rates {
        check(&r.source, o)?;
    }
    for (r, o) in &p.instances {
        check(&r.source, o)?;
    }
    for (r, o) in &p.spot {
        check(&r.source, o)?;
    }
    for (r, o) in &p.s3_rules {
        check(&r.source, o)?;
    }
    for (r, o) in &p.regions {
        check(&r.source, o)?;
    }
    Ok(())
}

/// Tiers of one price start at 0, follow on without gap or overlap, and only the last is open.
fn check_tiers(rates: &[(Rate, Origin)]) -> Result<()> {
    let mut groups: HashMap<PriceKey, Vec<usize>> = HashMap::new();
    for (i, (r, _)) in rates.iter().enumerate() {
        groups.entry(price_key(r)).or_default().push(i);
    }
    // Report the problem nearest the start of the input first, so messages are deterministic.
    let mut problems: Vec<(usize, CatalogError)> = Vec::new();
    for (key, mut ids) in groups {
        ids.sort_by(|a, b| rates[*a].0.tier_begin.total_cmp(&rates[*b].0.tier_begin));
        let (first, fo) = &rates[ids[0]];
        if first.tier_begin != 0.0 {
            problems.push((
                ids[0],
                fo.err(
                    "tier_begin",
                    format!(
                        "first tier of {} begins at {}; tiers must start at 0",
                        describe(&key),
                        first.tier_begin
                    ),
                ),
            ));
            continue;
        }
        for w in ids.windows(2) {
            let (prev, po) = &rates[w[0]];
            let (next, no) = &rates[w[1]];
            match prev.tier_end {
                None => {
                    problems.push((
                        w[0],
                        po.err(
                            "tier_end",
                            format!(
                                "open-ended tier of {} is not the last (another tier begins at {} at {})",
                                describe(&key),
                                next.tier_begin,
                                no.at()
                            ),
                        ),
                    ));
                    break;
                }
                Some(end) if next.tier_begin < end => {
                    problems.push((
                        w[1],
                        no.err(
                            "tier_begin",
                            format!(
                                "tier of {} beginning at {} overlaps the tier {}–{} at {}",
                                describe(&key),
                                next.tier_begin,
                                prev.tier_begin,
                                end,
                                po.at()
                            ),
                        ),
                    ));
                    break;
                }
                Some(end) if next.tier_begin > end => {
                    problems.push((
                        w[1],
                        no.err(
                            "tier_begin",
                            format!(
                                "gap in tiers of {}: previous tier ends at {} ({}), this one begins at {}",
                                describe(&key),
                                end,
                                po.at(),
                                next.tier_begin
                            ),
                        ),
                    ));
                    break;
                }
                Some(_) => {}
            }
        }
    }
    match problems.into_iter().min_by_key(|(i, _)| *i) {
        Some((_, e)) => Err(e),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    //! Every validation error is asserted to name file, line, column and field. Rows use real
    //! figures from `pricing-data/` (m5.large us-east-1 on-demand $0.096/h, S3 Standard us-east-1
    //! tiers $0.023/$0.022/$0.021 per GB-month) so no test states an invented price; the bad
    //! values (negative, NaN, …) are the point of each test.
    use super::*;

    const HEADER: &str = "region,service,product,dimension,option,term,payment,offering_class,unit,tier_begin,tier_end,usd,upfront_usd,effective_date,source,rate_code,notes";
    const SOURCES: &str = include_str!("../../pricing-data/sources.csv");
    const M5: &str = "us-east-1,ec2,m5.large,instance_hours,on_demand,,,,Hrs,0,,0.0960000000,0,2025-04-04,ec2shop-ondemand,,";

    fn s3_tier(begin: &str, end: &str, usd: &str) -> String {
        format!(
            "us-east-1,s3,standard,storage,on_demand,,,,GB-month,{begin},{end},{usd},0,2025-10-22,aws-price-s3,,"
        )
    }

    fn rates(rows: &[&str]) -> String {
        let mut s = String::from(HEADER);
        for r in rows {
            s.push('\n');
            s.push_str(r);
        }
        s.push('\n');
        s
    }

    fn parse_rates(text: &str) -> Result<Catalog> {
        parse_files("test", &[("sources.csv", SOURCES), ("rates/t.csv", text)])
    }

    /// The error message for a rates file with one row, asserting it names `at` and `field`.
    fn rate_error(text: &str, at: &str, field: &str, says: &str) -> CatalogError {
        let e = parse_rates(text).expect_err("bad input must be rejected");
        let msg = e.to_string();
        assert!(msg.starts_with(at), "`{msg}` should start with `{at}`");
        assert!(
            msg.contains(&format!("field `{field}`")),
            "`{msg}` should name `{field}`"
        );
        assert!(msg.contains(says), "`{msg}` should say `{says}`");
        e
    }

    fn m5_with(column: usize, value: &str) -> String {
        let mut f: Vec<&str> = M5.split(',').collect();
        f[column - 1] = value;
        rates(&[&f.join(",")])
    }

    #[test]
    fn valid_row_parses() {
        let c = parse_rates(&rates(&[M5])).unwrap();
        let t = c.tiers(
            "us-east-1",
            Service::Ec2,
            "m5.large",
            "instance_hours",
            PriceOption::OnDemand,
        );
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].usd, 0.096);
        assert_eq!(c.id.name, "test");
        assert_eq!(
            c.id.effective_from,
            NaiveDate::from_ymd_opt(2025, 4, 4).unwrap()
        );
    }

    #[test]
    fn unknown_column() {
        let text = format!("{HEADER},colour\n{M5},blue\n");
        rate_error(&text, "rates/t.csv:1:18:", "colour", "unknown column");
    }

    #[test]
    fn duplicate_column() {
        let text = format!("{HEADER},usd\n{M5},0.096\n");
        rate_error(&text, "rates/t.csv:1:18:", "usd", "duplicate column");
    }

    #[test]
    fn missing_column() {
        let text = "region,service,product,dimension,option,unit,tier_begin,effective_date,source\n\
                    us-east-1,ec2,m5.large,instance_hours,on_demand,Hrs,0,2025-04-04,ec2shop-ondemand\n";
        rate_error(text, "rates/t.csv:1:", "usd", "missing required column");
    }

    #[test]
    fn missing_required_field() {
        rate_error(
            &m5_with(12, ""),
            "rates/t.csv:2:12:",
            "usd",
            "missing required value",
        );
        rate_error(
            &m5_with(3, ""),
            "rates/t.csv:2:3:",
            "product",
            "missing required value",
        );
    }

    #[test]
    fn non_numeric_number() {
        rate_error(
            &m5_with(12, "0.096USD"),
            "rates/t.csv:2:12:",
            "usd",
            "is not a number",
        );
        rate_error(
            &m5_with(10, "zero"),
            "rates/t.csv:2:10:",
            "tier_begin",
            "is not a number",
        );
    }

    #[test]
    fn nan_and_infinity() {
        rate_error(
            &m5_with(12, "NaN"),
            "rates/t.csv:2:12:",
            "usd",
            "not a finite number",
        );
        rate_error(
            &m5_with(11, "inf"),
            "rates/t.csv:2:11:",
            "tier_end",
            "not a finite number",
        );
        rate_error(
            &m5_with(13, "-inf"),
            "rates/t.csv:2:13:",
            "upfront_usd",
            "not a finite number",
        );
    }

    #[test]
    fn negative_price() {
        rate_error(
            &m5_with(12, "-0.096"),
            "rates/t.csv:2:12:",
            "usd",
            "negative price",
        );
        rate_error(
            &m5_with(13, "-1"),
            "rates/t.csv:2:13:",
            "upfront_usd",
            "negative price",
        );
        rate_error(
            &m5_with(10, "-5"),
            "rates/t.csv:2:10:",
            "tier_begin",
            "negative tier start",
        );
    }

    #[test]
    fn bad_date() {
        for d in [
            "2025-13-01",
            "04/04/2025",
            "2025-4-4",
            "2025-04-04T22:41:22Z",
        ] {
            rate_error(
                &m5_with(14, d),
                "rates/t.csv:2:14:",
                "effective_date",
                "YYYY-MM-DD",
            );
        }
    }

    #[test]
    fn unknown_service_and_option() {
        rate_error(
            &m5_with(2, "ec3"),
            "rates/t.csv:2:2:",
            "service",
            "unknown service `ec3`",
        );
        rate_error(
            &m5_with(2, "custom"),
            "rates/t.csv:2:2:",
            "service",
            "unknown service",
        );
        rate_error(
            &m5_with(5, "dedicated"),
            "rates/t.csv:2:5:",
            "option",
            "unknown option",
        );
        // A savings_plan rate needs term, payment and the plan kind in offering_class.
        rate_error(
            &m5_with(5, "savings_plan"),
            "rates/t.csv:2:6:",
            "term",
            "a savings_plan rate needs term, payment and offering_class",
        );
        rate_error(
            &rates(&[
                "us-east-1,ec2,m5.large,instance_hours,savings_plan,1yr,no_upfront,standard,Hrs,0,,0.06,0,2026-09-24,ec2shop-ondemand,,",
            ]),
            "rates/t.csv:2:8:",
            "offering_class",
            "unknown Savings Plan kind `standard` (expected compute or ec2_instance)",
        );
        let c = parse_rates(&rates(&["us-east-1,ec2,m5.large,instance_hours,savings_plan,3yr,all_upfront,compute,Hrs,0,,0.041,0,2026-09-24,ec2shop-ondemand,,"])).unwrap();
        let r = c.rates().next().unwrap();
        assert_eq!(r.option.to_string(), "Compute Savings Plan 3yr All Upfront");
        assert_eq!(
            r.option.file_fields(),
            ["savings_plan", "3yr", "all_upfront", "compute"]
        );
    }

    fn m5_reserved(term: &str, payment: &str, class: &str) -> String {
        rates(&[&format!(
            "us-east-1,ec2,m5.large,instance_hours,reserved,{term},{payment},{class},Hrs,0,,0.0600000000,0,2025-04-05,ec2shop-reservedinstance,,"
        )])
    }

    #[test]
    fn unknown_term_payment_class() {
        rate_error(
            &m5_reserved("2yr", "no_upfront", "standard"),
            "rates/t.csv:2:6:",
            "term",
            "unknown term `2yr`",
        );
        rate_error(
            &m5_reserved("1yr", "No Upfront", "standard"),
            "rates/t.csv:2:7:",
            "payment",
            "unknown payment",
        );
        rate_error(
            &m5_reserved("1yr", "no_upfront", "premium"),
            "rates/t.csv:2:8:",
            "offering_class",
            "unknown offering class",
        );
        assert!(parse_rates(&m5_reserved("1yr", "no_upfront", "standard")).is_ok());
    }

    #[test]
    fn reserved_row_needs_term_payment_class() {
        rate_error(
            &m5_reserved("", "no_upfront", "standard"),
            "rates/t.csv:2:6:",
            "term",
            "missing required value",
        );
        rate_error(
            &m5_reserved("1yr", "", "standard"),
            "rates/t.csv:2:7:",
            "payment",
            "missing required value",
        );
        rate_error(
            &m5_reserved("1yr", "no_upfront", ""),
            "rates/t.csv:2:8:",
            "offering_class",
            "missing required value",
        );
    }

    #[test]
    fn non_reserved_row_rejects_term() {
        rate_error(
            &m5_with(6, "1yr"),
            "rates/t.csv:2:6:",
            "term",
            "only reserved and savings_plan rates",
        );
    }

    #[test]
    fn tier_end_not_above_begin() {
        rate_error(
            &rates(&[&s3_tier("0", "0", "0.023")]),
            "rates/t.csv:2:11:",
            "tier_end",
            "not above tier begin",
        );
    }

    #[test]
    fn s3_standard_tiers_are_accepted() {
        let c = parse_rates(&rates(&[
            &s3_tier("512000", "", "0.021"),
            &s3_tier("0", "51200", "0.023"),
            &s3_tier("51200", "512000", "0.022"),
        ]))
        .unwrap();
        let t = c.tiers(
            "us-east-1",
            Service::S3,
            "standard",
            "storage",
            PriceOption::OnDemand,
        );
        let begins: Vec<f64> = t.iter().map(|r| r.tier_begin).collect();
        assert_eq!(begins, vec![0.0, 51200.0, 512000.0]);
    }

    #[test]
    fn overlapping_tiers() {
        let text = rates(&[
            &s3_tier("0", "51200", "0.023"),
            &s3_tier("50000", "", "0.022"),
        ]);
        rate_error(&text, "rates/t.csv:3:10:", "tier_begin", "overlaps");
    }

    #[test]
    fn gapped_tiers() {
        let text = rates(&[
            &s3_tier("0", "51200", "0.023"),
            &s3_tier("60000", "", "0.022"),
        ]);
        rate_error(&text, "rates/t.csv:3:10:", "tier_begin", "gap in tiers");
    }

    #[test]
    fn tiers_must_start_at_zero() {
        let text = rates(&[&s3_tier("51200", "", "0.022")]);
        rate_error(&text, "rates/t.csv:2:10:", "tier_begin", "must start at 0");
    }

    #[test]
    fn only_last_tier_may_be_open() {
        let text = rates(&[&s3_tier("0", "", "0.023"), &s3_tier("51200", "", "0.022")]);
        rate_error(&text, "rates/t.csv:2:11:", "tier_end", "open-ended tier");
    }

    #[test]
    fn duplicate_key() {
        let e = rate_error(
            &rates(&[M5, M5]),
            "rates/t.csv:3:10:",
            "tier_begin",
            "duplicate rate",
        );
        assert!(e.to_string().contains("first defined at rates/t.csv:2"));
    }

    #[test]
    fn duplicate_key_across_files() {
        let e = parse_files(
            "t",
            &[
                ("sources.csv", SOURCES),
                ("rates/a.csv", &rates(&[M5])),
                ("rates/b.csv", &rates(&[M5])),
            ],
        )
        .unwrap_err();
        assert!(
            e.to_string()
                .starts_with("rates/b.csv:2:10: field `tier_begin`: duplicate rate"),
            "{e}"
        );
    }

    #[test]
    fn unknown_source_id() {
        rate_error(
            &m5_with(15, "nowhere"),
            "rates/t.csv:2:15:",
            "source",
            "not in sources.csv",
        );
    }

    #[test]
    fn rates_without_sources_file_fail_on_source() {
        let e = parse_files("t", &[("rates/t.csv", &rates(&[M5]))]).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("rates/t.csv:2:15: field `source`"),
            "{e}"
        );
    }

    #[test]
    fn malformed_csv_row() {
        let text = format!("{HEADER}\nus-east-1,ec2,m5.large\n");
        let e = parse_rates(&text).unwrap_err();
        // The first column the short row lacks is named.
        assert!(matches!(e, CatalogError::Field { .. }));
        assert!(
            e.to_string()
                .starts_with("rates/t.csv:2:4: field `dimension`: malformed CSV: the row has 3 fields, the header 17"),
            "{e}"
        );
    }

    #[test]
    fn unknown_file() {
        let e = parse_files("t", &[("prices.csv", "a\n1\n")]).unwrap_err();
        assert_eq!(
            e,
            CatalogError::UnknownFile {
                file: "prices.csv".into()
            }
        );
        assert!(e.to_string().contains("prices.csv: unknown catalogue file"));
    }

    #[test]
    fn no_rates_is_an_error() {
        let e = parse_files("t", &[("sources.csv", SOURCES)]).unwrap_err();
        assert!(matches!(e, CatalogError::Empty { .. }), "{e}");
    }

    #[test]
    fn bad_instance_and_s3_rule_and_spot_rows() {
        let inst = "instance_type,family,vcpu,memory_gib,architecture,source\nm5.large,m5,2,8,sparc,ec2shop-ondemand\n";
        let e = parse_files(
            "t",
            &[
                ("sources.csv", SOURCES),
                ("instances.csv", inst),
                ("rates/t.csv", &rates(&[M5])),
            ],
        )
        .unwrap_err();
        assert!(
            e.to_string()
                .starts_with("instances.csv:2:5: field `architecture`: unknown architecture"),
            "{e}"
        );

        let inst = "instance_type,family,vcpu,memory_gib,architecture,source\nm5.large,m5,two,8,x86_64,ec2shop-ondemand\n";
        let e = parse_files("t", &[("instances.csv", inst)]).unwrap_err();
        assert!(
            e.to_string().starts_with("instances.csv:2:3: field `vcpu`"),
            "{e}"
        );

        let rules = "storage_class,min_storage_days,min_object_kb,source\nglacier,90,40,amazon-s3-userguide-storage-class-intro\n";
        let e = parse_files("t", &[("s3_storage_classes.csv", rules)]).unwrap_err();
        assert!(
            e.to_string().starts_with(
                "s3_storage_classes.csv:2:1: field `storage_class`: unknown S3 storage class"
            ),
            "{e}"
        );

        let spot = "region,instance_type,savings_pct,interruption_band,effective_date,source\nus-east-1,m5.large,166,>20%,2025-06-28,spotinfo-spot-advisor-data\n";
        let e = parse_files("t", &[("spot_advisor.csv", spot)]).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("spot_advisor.csv:2:3: field `savings_pct`"),
            "{e}"
        );
    }

    #[test]
    fn manifest_mode_must_be_known() {
        let e = parse_files("t", &[("catalog.csv", "name,mode\nMine,merge\n")]).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("catalog.csv:2:2: field `mode`: unknown mode `merge`"),
            "{e}"
        );
    }

    // ------------------------------------------------------------ load_dir: extend / replace

    fn write(dir: &Path, name: &str, text: &str) {
        let p = dir.join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }

    /// m5.large us-east-1 on-demand as the Price List GetProducts fixture has it: the same
    /// $0.096 with the term's effective date 2021-02-01 (reference-prices
    /// ec2_reserved_m5large_us-east-1_full_matrix.csv) — a real row that differs from the
    /// embedded one only in date and source.
    const M5_2021: &str = "us-east-1,ec2,m5.large,instance_hours,on_demand,,,,Hrs,0,,0.0960000000,0,2021-02-01,instance-selector-m5large,6C86BEPQVG73ZGGR.JRTCKXETXF.6YS6EN2CT7,";
    /// ALB reserved LCU, us-east-1, $0.008 per LCU-hour (QuinnyPig raw/elb.json, 2025-06-05) —
    /// a real price the embedded catalogue does not import.
    const ALB_RESERVED_LCU: &str = "us-east-1,elb,alb,reserved_lcu_hours,on_demand,,,,LCU-hour,0,,0.0080000000,0,2025-06-05,aws-price-watcher-elb,CP5ZUMA7RSCUNUVK.JRTCKXETXF.6YS6EN2CT7,";

    #[test]
    fn extend_replaces_same_key_and_adds_new_rows() {
        let base = embedded();
        let dir = tempfile::tempdir().unwrap();
        write(
            dir.path(),
            "rates/mine.csv",
            &rates(&[M5_2021, ALB_RESERVED_LCU]),
        );
        write(dir.path(), "README.md", "not a catalogue file; ignored");
        let c = load_dir(dir.path(), Some(base)).unwrap();
        assert_eq!(c.rate_count(), base.rate_count() + 1);
        let m5 = c.tiers(
            "us-east-1",
            Service::Ec2,
            "m5.large",
            "instance_hours",
            PriceOption::OnDemand,
        );
        assert_eq!(m5.len(), 1);
        assert_eq!(m5[0].source, "instance-selector-m5large");
        assert_eq!(
            m5[0].effective_date,
            NaiveDate::from_ymd_opt(2021, 2, 1).unwrap()
        );
        assert!(c.has_price(
            "us-east-1",
            Service::Elb,
            "alb",
            "reserved_lcu_hours",
            PriceOption::OnDemand
        ));
        // Everything else is the base's.
        assert_eq!(c.instances().len(), base.instances().len());
        assert_eq!(c.sources().len(), base.sources().len());
        assert!(
            c.id.name.starts_with("cloudplan embedded catalogue + "),
            "{}",
            c.id.name
        );
        // The base's oldest date (2017 RI terms) still bounds the merged catalogue.
        assert_eq!(c.id.effective_from, base.id.effective_from);
    }

    #[test]
    fn extend_validates_the_merged_tiers() {
        let dir = tempfile::tempdir().unwrap();
        // A second S3 Standard tier starting inside the base's 0–51,200 GB tier.
        write(
            dir.path(),
            "rates/s3.csv",
            &rates(&[&s3_tier("100", "51200", "0.023")]),
        );
        let e = load_dir(dir.path(), Some(embedded())).unwrap_err();
        let msg = e.to_string();
        let file = dir.path().join("rates/s3.csv").display().to_string();
        assert!(
            msg.starts_with(&format!("{file}:2:10: field `tier_begin`")),
            "{msg}"
        );
        assert!(msg.contains("overlaps"), "{msg}");
    }

    #[test]
    fn replace_mode_uses_the_directory_alone() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "catalog.csv", "name,mode\nm5 only,replace\n");
        write(dir.path(), "sources.csv", SOURCES);
        write(dir.path(), "rates/ec2.csv", &rates(&[M5]));
        let c = load_dir(dir.path(), Some(embedded())).unwrap();
        assert_eq!(c.id.name, "m5 only");
        assert_eq!(c.rate_count(), 1);
        assert_eq!(c.regions(), vec!["us-east-1"]);
        assert!(c.instances().is_empty());
    }

    #[test]
    fn no_base_uses_the_directory_alone() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "sources.csv", SOURCES);
        write(dir.path(), "rates/ec2.csv", &rates(&[M5]));
        let c = load_dir(dir.path(), None).unwrap();
        assert_eq!(c.rate_count(), 1);
        assert_eq!(c.id.name, dir.path().display().to_string());
    }

    #[test]
    fn extend_without_sources_cannot_cite_unknown_ids() {
        let dir = tempfile::tempdir().unwrap();
        let row = M5_2021.replace("instance-selector-m5large", "my-quote");
        write(dir.path(), "rates/mine.csv", &rates(&[&row]));
        let e = load_dir(dir.path(), Some(embedded())).unwrap_err();
        assert!(
            e.to_string()
                .contains("rates/mine.csv:2:15: field `source`"),
            "{e}"
        );
    }

    #[test]
    fn missing_directory_is_an_io_error() {
        let e = load_dir(Path::new("/nonexistent/cloudplan-catalog"), None).unwrap_err();
        assert!(matches!(e, CatalogError::Io { .. }), "{e}");
        assert!(e.to_string().starts_with("/nonexistent/cloudplan-catalog:"));
    }

    #[test]
    fn pricing_data_dir_loads_like_the_embedded_catalogue() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("pricing-data");
        let c = load_dir(&dir, None).unwrap();
        let lazy = embedded();
        assert!(c.rates().eq(lazy.rates()));
        assert_eq!(c.instances(), lazy.instances());
        assert_eq!(c.region_list(), lazy.region_list());
        assert_eq!(c.sources(), lazy.sources());
        assert_eq!(c.id.effective_from, lazy.id.effective_from);
        assert_eq!(c.id.effective_to, lazy.id.effective_to);
    }

    // ------------------------------------------------------------ the embedded catalogue

    #[test]
    fn embedded_catalogue_is_valid() {
        // Everything at once, as `--catalog DIR` validates a directory (the embedded catalogue
        // itself validates one region at a time, when it is first used).
        let c = parse_files(EMBEDDED_NAME, EMBEDDED_FILES).expect("pricing-data must be valid");
        assert_eq!(c.id.name, "cloudplan embedded catalogue");
        assert!(c.rate_count() > 70_000, "{}", c.rate_count());
        // The per-region parse gives the same rates, in the same order, region by region.
        let lazy = embedded();
        assert_eq!(c.regions(), lazy.regions());
        for region in c
            .regions()
            .into_iter()
            .chain([crate::catalog::GLOBAL_REGION])
        {
            assert_eq!(c.rates_in(region), lazy.rates_in(region), "{region}");
        }
        // The catalogue's dates are the price files' publication dates (sources.csv
        // `published`), not the oldest Reserved term's start (2017-10-31).
        assert_eq!(c.id.effective_from.to_string(), "2023-06-01");
        assert_eq!(c.id.effective_to.to_string(), "2026-09-29");
    }

    #[test]
    fn embedded_files_are_all_of_pricing_data() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("pricing-data");
        let mut on_disk: Vec<String> = Vec::new();
        for (d, prefix) in [(root.clone(), ""), (root.join("rates"), "rates/")] {
            for e in std::fs::read_dir(d).unwrap() {
                let name = e.unwrap().file_name().to_string_lossy().into_owned();
                if name.ends_with(".csv") {
                    on_disk.push(format!("{prefix}{name}"));
                }
            }
        }
        on_disk.sort();
        let mut embedded: Vec<String> = EMBEDDED_FILES.iter().map(|(n, _)| n.to_string()).collect();
        embedded.sort();
        assert_eq!(embedded, on_disk);
    }

    #[test]
    fn embedded_has_34_named_regions() {
        let c = embedded();
        let regions = c.regions();
        assert_eq!(regions.len(), 34, "{regions:?}");
        for r in [
            "us-east-1",
            "eu-west-1",
            "ap-northeast-2",
            "eu-central-1",
            "us-west-2",
        ] {
            assert!(regions.contains(&r), "{r}");
        }
        // Names are the Price List `location` attribute (reference-prices/extended rows).
        assert_eq!(c.region_name("eu-central-1"), Some("EU (Frankfurt)"));
        assert_eq!(c.region_label("us-west-2"), "us-west-2 — US West (Oregon)");
        assert_eq!(c.region_label("xx-nowhere-1"), "xx-nowhere-1");
        assert_eq!(c.region_list().len(), 34);
        assert_eq!(c.search_regions("tokyo"), vec!["ap-northeast-1"]);
        assert_eq!(c.search_regions("EU-CENTRAL").len(), 2);
        // CloudFront is billed globally: its rates sit in `global`, not among the regions.
        assert!(!regions.contains(&crate::catalog::GLOBAL_REGION));
        assert!(!c.rates_in(crate::catalog::GLOBAL_REGION).is_empty());
    }

    #[test]
    fn embedded_has_280_instance_types_with_specs() {
        let c = embedded();
        assert!(c.instances().len() >= 280, "{}", c.instances().len());
        let m7i = c.instance("m7i.large").expect("m7i.large");
        assert_eq!((m7i.vcpu, m7i.memory_gib), (2, 8.0));
        assert_eq!(c.instance("c8g.xlarge").unwrap().architecture, Arch::Arm64);
        // ec2.shop copy @ 73696e38 (hawkFilePublicationDate 2025-04-04): m7i.large eu-central-1.
        let od = c.tiers(
            "eu-central-1",
            Service::Ec2,
            "m7i.large",
            vocab::ec2::INSTANCE_HOURS,
            PriceOption::OnDemand,
        );
        assert_eq!(od.len(), 1);
        assert!(od[0].usd > 0.0);
        assert_eq!(od[0].source, "ec2shop-ondemand");
    }

    #[test]
    fn embedded_compute_savings_plans_us_east_1() {
        let c = embedded();
        // reference-prices/extended/compute_savings_plans_us-east-1.csv (pricesim @ cbdb5051,
        // AWS computesavingsplan feed): c5.2xlarge 1yr No Upfront 0.246 $/instance-hour.
        let sp = |term, payment| {
            PriceOption::SavingsPlan(crate::catalog::SavingsPlanOffer {
                kind: SavingsPlanKind::Compute,
                term,
                payment,
            })
        };
        let t = c.tiers(
            "us-east-1",
            Service::Ec2,
            "c5.2xlarge",
            vocab::ec2::INSTANCE_HOURS,
            sp(Term::OneYear, Payment::NoUpfront),
        );
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].usd, 0.246);
        assert_eq!(t[0].upfront_usd, 0.0);
        for term in [Term::OneYear, Term::ThreeYears] {
            for payment in Payment::ALL {
                assert!(c.has_price(
                    "us-east-1",
                    Service::Ec2,
                    "m5.large",
                    vocab::ec2::INSTANCE_HOURS,
                    sp(term, payment)
                ));
            }
        }
        // A gap stays a gap: no Savings Plans rates outside us-east-1 (extended README).
        assert!(!c.has_price(
            "eu-central-1",
            Service::Ec2,
            "m5.large",
            vocab::ec2::INSTANCE_HOURS,
            sp(Term::OneYear, Payment::NoUpfront)
        ));
    }

    #[test]
    fn embedded_m5_large_on_demand_us_east_1() {
        // ec2_ondemand_linux.csv: 0.0960000000 (yeo/ec2.shop feed copy 2025-04-04; Karpenter
        // and QuinnyPig cross-checks agree).
        let t = embedded().tiers(
            "us-east-1",
            Service::Ec2,
            "m5.large",
            "instance_hours",
            PriceOption::OnDemand,
        );
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].usd, 0.096);
        assert_eq!(t[0].unit, "Hrs");
        assert!(embedded().source(&t[0].source).is_some());
    }

    #[test]
    fn embedded_s3_standard_first_tier() {
        let t = embedded().tiers(
            "us-east-1",
            Service::S3,
            vocab::s3::CLASSES[0],
            vocab::s3::STORAGE,
            PriceOption::OnDemand,
        );
        assert_eq!(t.len(), 3);
        assert_eq!(
            (t[0].tier_begin, t[0].tier_end, t[0].usd),
            (0.0, Some(51200.0), 0.023)
        );
        assert_eq!(
            (t[1].tier_begin, t[1].tier_end, t[1].usd),
            (51200.0, Some(512000.0), 0.022)
        );
        assert_eq!(
            (t[2].tier_begin, t[2].tier_end, t[2].usd),
            (512000.0, None, 0.021)
        );
    }

    #[test]
    fn embedded_has_all_twelve_ri_options_for_m5_large_us_east_1() {
        let c = embedded();
        let mut n = 0;
        for class in [OfferingClass::Standard, OfferingClass::Convertible] {
            for term in [Term::OneYear, Term::ThreeYears] {
                for payment in Payment::ALL {
                    let opt = PriceOption::Reserved(Reservation {
                        class,
                        term,
                        payment,
                    });
                    let t = c.tiers("us-east-1", Service::Ec2, "m5.large", "instance_hours", opt);
                    assert_eq!(t.len(), 1, "{opt}");
                    n += 1;
                }
            }
        }
        assert_eq!(n, 12);
        // Standard 1yr Partial Upfront: $252 upfront + $0.029/h (GetProducts fixture).
        let pu = PriceOption::Reserved(Reservation {
            class: OfferingClass::Standard,
            term: Term::OneYear,
            payment: Payment::PartialUpfront,
        });
        let t = c.tiers("us-east-1", Service::Ec2, "m5.large", "instance_hours", pu);
        assert_eq!((t[0].upfront_usd, t[0].usd), (252.0, 0.029));
        // Elsewhere only No Upfront exists (gap 1 of the reference data).
        let eu = c.tiers("eu-west-1", Service::Ec2, "m5.large", "instance_hours", pu);
        assert!(eu.is_empty());
    }

    #[test]
    fn embedded_spot_advisor_and_prices_present() {
        let c = embedded();
        // 3 base regions (123 rows) + 1,110 rows for 30 more regions (spot_advisor_more_regions.csv).
        assert_eq!(c.spot_advice_all().len(), 1233);
        assert!(c.spot_advice("eu-central-1", "m5.large").is_some());
        let a = c.spot_advice("us-east-1", "m5.large").expect("advisor row");
        assert!((0.0..=100.0).contains(&a.savings_pct));
        assert!(
            ["<5%", "5-10%", "10-15%", "15-20%", ">20%"].contains(&a.interruption_band.as_str())
        );
        // Spot prices exist for the three base regions only (extended README: gap).
        for region in ["us-east-1", "eu-west-1", "ap-northeast-2"] {
            assert!(
                c.has_price(
                    region,
                    Service::Ec2,
                    "m5.large",
                    "instance_hours",
                    PriceOption::Spot
                ),
                "{region}"
            );
        }
    }

    #[test]
    fn embedded_instances_and_s3_rules() {
        let c = embedded();
        assert_eq!(c.instances().len(), 284);
        assert_eq!(c.instance("m7g.large").unwrap().architecture, Arch::Arm64);
        assert_eq!(c.instance("m5.large").unwrap().architecture, Arch::X86_64);
        assert_eq!(c.instance("m5.large").unwrap().vcpu, 2);
        assert_eq!(c.s3_rules().len(), 7);
        assert_eq!(c.s3_rule("glacier_ir").unwrap().min_storage_days, 90);
        assert_eq!(c.s3_rule("standard_ia").unwrap().min_object_kb, 128.0);
    }

    #[test]
    fn embedded_tier_shapes_match_the_vocabulary() {
        let c = embedded();
        // io2 IOPS tiers per volume: 0–32,000, 32,000–64,000, 64,000+ (AWS EBS pricing page, Example 3).
        let io2 = c.tiers(
            "eu-west-1",
            Service::Ebs,
            "io2",
            vocab::ebs::IOPS,
            PriceOption::OnDemand,
        );
        let b: Vec<(f64, Option<f64>)> = io2.iter().map(|r| (r.tier_begin, r.tier_end)).collect();
        assert_eq!(
            b,
            vec![
                (0.0, Some(32000.0)),
                (32000.0, Some(64000.0)),
                (64000.0, None)
            ]
        );
        let arm = c.tiers(
            "ap-northeast-2",
            Service::Lambda,
            "arm64",
            vocab::lambda::DURATION,
            PriceOption::OnDemand,
        );
        let b: Vec<(f64, Option<f64>)> = arm.iter().map(|r| (r.tier_begin, r.tier_end)).collect();
        assert_eq!(
            b,
            vec![(0.0, Some(7.5e9)), (7.5e9, Some(18.75e9)), (18.75e9, None)]
        );
        let out = c.tiers(
            "ap-northeast-2",
            Service::DataTransfer,
            "internet_out",
            vocab::data_transfer::GB,
            PriceOption::OnDemand,
        );
        assert_eq!(out.len(), 4);
        assert!(c.has_price(
            "us-east-1",
            Service::DataTransfer,
            "inter_region:eu-west-1",
            "gb",
            PriceOption::OnDemand
        ));
        assert!(c.has_price(
            "ap-northeast-2",
            Service::Rds,
            "postgresql:multi_az:db.m5.large",
            "instance_hours",
            PriceOption::OnDemand
        ));
        // gp3 throughput converted from the feed's per-GiBps figure: 40.96 / 1024 = 0.04.
        let gp3 = c.tiers(
            "us-east-1",
            Service::Ebs,
            "gp3",
            vocab::ebs::THROUGHPUT,
            PriceOption::OnDemand,
        );
        assert_eq!(gp3[0].usd, 0.04);
    }

    #[test]
    fn embedded_has_no_dynamodb_reserved_capacity() {
        // Gap: the unit block an upfront fee buys is unknown, so none is loaded.
        assert!(
            embedded()
                .rates()
                .all(|r| r.service != Service::Dynamodb || r.option == PriceOption::OnDemand)
        );
    }
}
