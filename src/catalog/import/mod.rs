//! Import AWS's official price files into a cloudplan catalogue directory.
//!
//! Inputs (all read as streams over `impl Read`/`BufRead`, never loaded whole):
//! * Price List bulk-API **offer files**, CSV ([`offer_csv`]) or JSON ([`offer_json`]), for
//!   `AmazonEC2` (Linux shared-tenancy instances, EBS, data transfer), `AmazonS3`, `AmazonRDS`,
//!   `AWSLambda`, `AmazonDynamoDB`, `AmazonEFS` and `AWSDataTransfer`;
//! * **Savings Plans** offer files, CSV or JSON ([`savings_plans`]) — read and counted, but the
//!   catalogue format has no Savings Plans option yet, so their rates are reported as skipped;
//! * the **Spot Instance Advisor** JSON ([`spot_advisor`]).
//!
//! Every offer row (CSV row / JSON price dimension) is mapped onto cloudplan's vocabulary
//! (`catalog::vocab`) by [`mapping`]; a row that cannot be mapped is counted under a reason in
//! the [`Summary`], never guessed. [`write`] renders the result in the `pricing-data/` layout,
//! with the file's publication date as effective date and one `sources.csv` row per file.

mod locate;
pub mod mapping;
pub mod offer_csv;
pub mod offer_json;
pub mod savings_plans;
pub mod spot_advisor;
pub mod write;

use crate::catalog::{InstanceSpec, OfferingClass, Payment, PriceOption, Reservation, Term};
use chrono::NaiveDate;
use mapping::ProductMap;
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::io::BufRead;

/// Import state shared by the JSON seeds of `offer_json`, `savings_plans` and `spot_advisor`.
pub(crate) struct State<'f> {
    pub collector: Collector<'f>,
    /// Classification of each offer product by SKU (kept products and skip reasons).
    products: HashMap<String, std::result::Result<std::sync::Arc<ProductMap>, mapping::Skip>>,
    pub sp: savings_plans::JsonState,
    pub advisor: spot_advisor::JsonState,
    /// The first mapping error (serde errors carry only a message; this keeps the typed one).
    pub error: Option<ImportError>,
    saw_offer: bool,
}

impl State<'_> {
    fn file(&self) -> &str {
        &self.collector.out.file
    }
    /// Keep `e` and return a serde error that stops the parse.
    pub fn fail<E: serde::de::Error>(&mut self, e: ImportError) -> E {
        let msg = e.to_string();
        if self.error.is_none() {
            self.error = Some(e);
        }
        E::custom(msg)
    }
}

/// Why an import failed. `Display` names the file, the line (CSV) or JSON path, and the field.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// A field has a value the importer cannot use (bad number, date, missing column …).
    #[error("{file}:{at}: field `{field}`: {message}")]
    Field {
        /// Name of the input file as given.
        file: String,
        /// CSV: the 1-based line number; JSON: a path such as `$.terms.OnDemand.<sku>`.
        at: String,
        /// Name of the offer-file column or JSON key concerned, e.g. `DiscountedRate`.
        field: String,
        /// What is wrong with the value.
        message: String,
    },
    /// The text is not well-formed CSV/JSON at a line (CSV) or path/line (JSON).
    #[error("{file}:{at}: {message}")]
    Syntax {
        /// Name of the input file as given.
        file: String,
        /// CSV: the 1-based line number; JSON: the path (and line) where parsing stopped.
        at: String,
        /// The parser's description of the problem.
        message: String,
    },
    /// The file is not a file type the importer knows.
    #[error("{file}: {message}")]
    Format {
        /// Name of the input file as given.
        file: String,
        /// Why the file was not recognised.
        message: String,
    },
    /// The file could not be read or the catalogue could not be written.
    #[error("{path}: {message}")]
    Io {
        /// Path of the file or directory.
        path: String,
        /// The operating system's reason.
        message: String,
    },
    /// The import was cancelled (the app's Cancel button); nothing was kept.
    #[error("import cancelled")]
    Cancelled,
}

/// Progress and cancellation of a running import, shared with the thread that shows it (the
/// CLI's progress bar, the app's progress bar and Cancel button).
#[derive(Debug, Default)]
pub struct Control {
    /// Bytes read so far (over all files and reader threads; can pass `bytes_total` by the
    /// read-ahead of the last buffers, so clamp when showing it).
    pub bytes_done: std::sync::atomic::AtomicU64,
    /// Total size of the input files.
    pub bytes_total: std::sync::atomic::AtomicU64,
    /// Set to stop the import as soon as possible with [`ImportError::Cancelled`].
    pub cancel: std::sync::atomic::AtomicBool,
}

impl Control {
    /// Whether Cancel was requested ([`Control::cancel`] is set).
    pub fn cancelled(&self) -> bool {
        self.cancel.load(std::sync::atomic::Ordering::Relaxed)
    }
    /// Record `n` more bytes read (called by the reader threads).
    pub fn add_bytes(&self, n: u64) {
        self.bytes_done
            .fetch_add(n, std::sync::atomic::Ordering::Relaxed);
    }
    /// Fraction read, 0..=1.
    pub fn fraction(&self) -> f32 {
        use std::sync::atomic::Ordering::Relaxed;
        let total = self.bytes_total.load(Relaxed);
        if total == 0 {
            return 0.0;
        }
        (self.bytes_done.load(Relaxed) as f64 / total as f64).clamp(0.0, 1.0) as f32
    }
}

impl ImportError {
    pub(crate) fn field(
        file: &str,
        at: impl fmt::Display,
        field: &str,
        message: impl Into<String>,
    ) -> Self {
        ImportError::Field {
            file: file.to_string(),
            at: at.to_string(),
            field: field.to_string(),
            message: message.into(),
        }
    }
}

/// Result of an import step: the value or the first [`ImportError`].
pub type Result<T> = std::result::Result<T, ImportError>;

/// One `rates/*.csv` row in cloudplan's format. Prices are kept as the file's decimal
/// strings (copied exactly) unless a unit conversion was applied (then it is in `notes`).
#[derive(Debug, Clone, PartialEq)]
pub struct RateRow {
    /// AWS region code, e.g. `us-east-1`.
    pub region: String,
    /// cloudplan service identifier (`ec2`, `rds` …).
    pub service: &'static str,
    /// Product key of the service, e.g. `m5.large` or `postgresql:multi_az:db.m5.large`.
    pub product: String,
    /// Dimension key (what is metered), e.g. `instance_hours` or `storage`.
    pub dimension: &'static str,
    /// Purchase option: On-Demand, Spot or a Reserved offering.
    pub option: PriceOption,
    /// Unit the price is per, as the offer file labels it (`Hrs`, `GB-Mo` …).
    pub unit: String,
    /// Tier start in `unit` per month, as in the file (`0` for an untiered price).
    pub tier_begin: String,
    /// Tier end (exclusive) as in the file; empty for the open-ended last tier.
    pub tier_end: String,
    /// USD per `unit`, the file's decimal string.
    pub usd: String,
    /// One-time fee of a Reserved offer (per instance per term) as a decimal string; may be empty.
    pub upfront_usd: String,
    /// The offer file's publication date.
    pub effective_date: NaiveDate,
    /// Id of the `sources.csv` row of the file the rate came from.
    pub source: String,
    /// AWS Price List rate code(s) `SKU.OfferTermCode.RateCode`, `;`-separated for fee + hourly.
    pub rate_code: String,
    /// Free text: unit conversions and the offer file's item description.
    pub notes: String,
}

impl RateRow {
    /// The key the catalogue loader treats as unique: region, service, product, dimension,
    /// option and tier start.
    pub fn key(&self) -> RateKey {
        (
            self.region.clone(),
            self.service,
            self.product.clone(),
            self.dimension,
            self.option,
            self.tier_begin.parse::<f64>().unwrap_or(0.0).to_bits(),
        )
    }
}

/// See [`RateRow::key`]. The tier start is compared as f64 bits (`0` and `0.0` are equal).
pub type RateKey = (String, &'static str, String, &'static str, PriceOption, u64);

/// A spot advisor row (`spot_advisor.csv`).
#[derive(Debug, Clone, PartialEq)]
pub struct SpotRow {
    /// AWS region code, e.g. `us-east-1`.
    pub region: String,
    /// EC2 instance type, e.g. `m5.large`.
    pub instance_type: String,
    /// Savings versus on-demand in whole percent (advisor field `s`).
    pub savings_pct: u32,
    /// Frequency-of-interruption band label (`<5%`, `5-10%`, … `>20%`).
    pub interruption_band: String,
    /// Effective date given for the import (the advisor JSON carries none).
    pub effective_date: NaiveDate,
    /// Id of the `sources.csv` row of the advisor file.
    pub source: String,
}

/// A Savings Plans rate as read from a Savings Plans offer file (not yet a catalogue row:
/// the catalogue has no Savings Plans option, see `pricing-data/README.md` gap 3).
#[derive(Debug, Clone, PartialEq)]
pub struct SavingsPlanRate {
    /// SKU of the Savings Plan offering.
    pub sku: String,
    /// AWS Price List rate code of the discounted rate.
    pub rate_code: String,
    /// `ComputeSavingsPlans` or `EC2InstanceSavingsPlans`.
    pub plan: String,
    /// Commitment length, when the file gives a 1- or 3-year term.
    pub term: Option<Term>,
    /// Payment option, when the file gives a known one.
    pub payment: Option<Payment>,
    /// Region code of the discounted usage, e.g. `us-east-1` (empty when the file omits it).
    pub region: String,
    /// Usage type the rate discounts, e.g. `EUW1-BoxUsage:m5.large`.
    pub discounted_usage_type: String,
    /// EC2 instance type the rate discounts (empty when the file does not name one).
    pub discounted_instance_type: String,
    /// Discounted rate in USD per unit of usage (per hour for instances), decimal string.
    pub usd: String,
}

/// One `sources.csv` row describing an imported file.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceRow {
    /// Source id, `import-<offer code>-<version or date>`.
    pub id: String,
    /// What was imported: file name, offer code and version.
    pub description: String,
    /// Upstream AWS address of the offer version (empty when the file has no version).
    pub url: String,
    /// The file's publication date `YYYY-MM-DD`, or `undated`.
    pub effective_date: String,
}

/// What an import read, kept and skipped.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    /// Price rows read: CSV data rows, JSON price dimensions, SP rates, advisor entries.
    pub rows_read: u64,
    /// Rows that became catalogue rows (a Reserved term's fee and hourly rows count as two).
    pub rows_kept: u64,
    /// Rows not imported, by reason.
    pub skipped: BTreeMap<String, u64>,
}

impl Summary {
    /// Count one more row skipped for `reason`.
    pub fn skip(&mut self, reason: &str) {
        if let Some(n) = self.skipped.get_mut(reason) {
            *n += 1;
        } else {
            self.skipped.insert(reason.to_string(), 1);
        }
    }
    /// Number of rows skipped, over all reasons.
    pub fn skipped_total(&self) -> u64 {
        self.skipped.values().sum()
    }
    /// Add another summary's counts to this one.
    pub fn merge(&mut self, other: &Summary) {
        self.rows_read += other.rows_read;
        self.rows_kept += other.rows_kept;
        for (k, v) in &other.skipped {
            *self.skipped.entry(k.clone()).or_insert(0) += v;
        }
    }
}

/// Everything read from one input file.
#[derive(Debug, Clone, Default)]
pub struct FileImport {
    /// Name shown in messages (the path as given).
    pub file: String,
    /// Offer code (`AmazonEC2` …), `AWSComputeSavingsPlan`-like codes, or `SpotAdvisor`.
    pub offer_code: String,
    /// Offer version string from the file's metadata, e.g. `20250404195712`; empty if absent.
    pub version: String,
    /// The file's publication date (the effective date of every row it yields).
    pub effective_date: Option<NaiveDate>,
    /// Catalogue rate rows mapped from the file.
    pub rates: Vec<RateRow>,
    /// EC2 instance specifications found in the file.
    pub instances: Vec<InstanceSpec>,
    /// Spot Instance Advisor rows (advisor JSON only).
    pub spot: Vec<SpotRow>,
    /// Savings Plans rates read (not catalogue rows yet).
    pub savings_plans: Vec<SavingsPlanRate>,
    /// The `sources.csv` row describing this file.
    pub source: Option<SourceRow>,
    /// Rows read, kept and skipped for this file.
    pub summary: Summary,
}

/// Options for an import.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Effective date for files that carry none (the Spot Instance Advisor JSON).
    pub date: Option<NaiveDate>,
    /// Reader threads for a big offer CSV; 0 = the machine's available parallelism.
    pub threads: usize,
    /// A CSV is read in parallel only when each thread gets at least this many bytes;
    /// 0 = [`Options::DEFAULT_PARALLEL_MIN_BYTES`].
    pub parallel_min_bytes: u64,
}

impl Options {
    /// 32 MiB per thread: below that, starting threads costs more than it saves.
    pub const DEFAULT_PARALLEL_MIN_BYTES: u64 = 32 << 20;
    /// Reader threads to use: `threads`, or the available parallelism (at most 8) when 0.
    pub fn threads(&self) -> usize {
        match self.threads {
            0 => std::thread::available_parallelism().map_or(1, |n| n.get().min(8)),
            n => n,
        }
    }
    /// Bytes per thread below which a CSV is read on one thread (`parallel_min_bytes` or default).
    pub fn parallel_min_bytes(&self) -> u64 {
        match self.parallel_min_bytes {
            0 => Self::DEFAULT_PARALLEL_MIN_BYTES,
            n => n,
        }
    }
}

/// The kinds of file the importer recognises (by content, not by name).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// Offer or Savings Plans CSV (told apart by the header).
    Csv,
    /// Offer, Savings Plans or Spot Instance Advisor JSON (told apart by the keys).
    Json,
}

/// Tell CSV from JSON by the first non-blank byte (`{` is JSON).
pub fn sniff(reader: &mut impl BufRead) -> std::io::Result<FileKind> {
    sniff_skip(reader).map(|(k, _)| k)
}

/// [`sniff`], also saying how many leading bytes (BOM, blank space) it consumed.
fn sniff_skip(reader: &mut impl BufRead) -> std::io::Result<(FileKind, u64)> {
    let mut skipped = 0u64;
    loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            return Ok((FileKind::Csv, skipped));
        }
        // Skip a UTF-8 BOM and whitespace.
        let skip = buf
            .iter()
            .take_while(|b| b.is_ascii_whitespace() || [0xEF, 0xBB, 0xBF].contains(*b))
            .count();
        if skip < buf.len() {
            let kind = if buf[skip] == b'{' {
                FileKind::Json
            } else {
                FileKind::Csv
            };
            reader.consume(skip);
            return Ok((kind, skipped + skip as u64));
        }
        let n = buf.len();
        reader.consume(n);
        skipped += n as u64;
    }
}

/// Import one file from a reader. `file` names it in messages and in `sources.csv`.
pub fn import_reader(mut reader: impl BufRead, file: &str, opts: &Options) -> Result<FileImport> {
    let io = |e: std::io::Error| ImportError::Io {
        path: file.to_string(),
        message: e.to_string(),
    };
    let mut out = FileImport {
        file: file.to_string(),
        ..FileImport::default()
    };
    match sniff(&mut reader).map_err(io)? {
        FileKind::Csv => offer_csv::read(reader, &mut out)?,
        FileKind::Json => offer_json::read(reader, &mut out, opts)?,
    }
    out.source = Some(source_row(&out));
    Ok(out)
}

/// Import several files (paths) into one catalogue. A rate key seen in an earlier file wins;
/// later duplicates are counted as skipped. `ctl` receives progress and can cancel.
/// Offer CSVs are read on several threads when big enough ([`offer_csv::read_file`]).
pub fn import_files(
    paths: &[std::path::PathBuf],
    opts: &Options,
    ctl: &Control,
) -> Result<Imported> {
    let io = |name: &str, e: std::io::Error| ImportError::Io {
        path: name.to_string(),
        message: e.to_string(),
    };
    let total: u64 = paths
        .iter()
        .filter_map(|p| std::fs::metadata(p).ok())
        .map(|m| m.len())
        .sum();
    ctl.bytes_total
        .store(total, std::sync::atomic::Ordering::Relaxed);
    let mut files = Vec::new();
    for p in paths {
        let name = p.display().to_string();
        let open = || std::fs::File::open(p).map_err(|e| io(&name, e));
        let (kind, skip) = sniff_skip(&mut std::io::BufReader::with_capacity(1 << 16, open()?))
            .map_err(|e| io(&name, e))?;
        let mut out = FileImport {
            file: name.clone(),
            ..FileImport::default()
        };
        let result = match kind {
            FileKind::Csv => offer_csv::read_file(p, skip, &mut out, opts, ctl),
            FileKind::Json => {
                let mut reader = std::io::BufReader::with_capacity(
                    1 << 20,
                    offer_csv::Counting {
                        inner: open()?,
                        ctl,
                    },
                );
                sniff(&mut reader).map_err(|e| io(&name, e))?;
                offer_json::read(reader, &mut out, opts)
            }
        };
        // A cancelled read may surface as an I/O or syntax error of the cut-off stream.
        if ctl.cancelled() {
            return Err(ImportError::Cancelled);
        }
        result.map_err(|e| locate::with_line(e, p))?;
        out.source = Some(source_row(&out));
        files.push(out);
    }
    Ok(Imported::combine(files))
}

/// Several imported files combined into one catalogue's worth of rows.
#[derive(Debug, Clone, Default)]
pub struct Imported {
    /// Per-file results, with their summaries, sources and Savings Plans rates (rows moved out).
    pub files: Vec<FileImport>,
    /// Rate rows of all files, unique by [`RateRow::key`] (the first file wins).
    pub rates: Vec<RateRow>,
    /// Instance specifications of all files, unique by instance type (the first wins).
    pub instances: Vec<InstanceSpec>,
    /// Spot advisor rows of all files, unique by region and instance type (the first wins).
    pub spot: Vec<SpotRow>,
    /// One `sources.csv` row per file.
    pub sources: Vec<SourceRow>,
    /// Counts over all files, including duplicates skipped across files.
    pub summary: Summary,
}

impl Imported {
    /// Combine per-file results; rows are moved out of `files` (their summaries, sources and
    /// Savings Plans rates stay), so the rows are held once.
    pub fn combine(mut files: Vec<FileImport>) -> Imported {
        let mut rates: BTreeMap<RateKey, RateRow> = BTreeMap::new();
        let mut instances: BTreeMap<String, InstanceSpec> = BTreeMap::new();
        let mut spot: BTreeMap<(String, String), SpotRow> = BTreeMap::new();
        let mut summary = Summary::default();
        let mut sources = Vec::new();
        for f in &mut files {
            summary.merge(&f.summary);
            for r in std::mem::take(&mut f.rates) {
                if let std::collections::btree_map::Entry::Vacant(e) = rates.entry(r.key()) {
                    e.insert(r);
                } else {
                    summary.rows_kept = summary.rows_kept.saturating_sub(1);
                    summary.skip("same price key already imported from an earlier file");
                }
            }
            for i in std::mem::take(&mut f.instances) {
                instances.entry(i.instance_type.clone()).or_insert(i);
            }
            for s in std::mem::take(&mut f.spot) {
                spot.entry((s.region.clone(), s.instance_type.clone()))
                    .or_insert(s);
            }
            if let Some(s) = &f.source {
                sources.push(s.clone());
            }
        }
        Imported {
            rates: rates.into_values().collect(),
            instances: instances.into_values().collect(),
            spot: spot.into_values().collect(),
            sources,
            summary,
            files,
        }
    }

    /// Effective dates of the files (oldest, newest).
    pub fn date_range(&self) -> Option<(NaiveDate, NaiveDate)> {
        let mut dates = self.files.iter().filter_map(|f| f.effective_date);
        let first = dates.next()?;
        Some(dates.fold((first, first), |(a, b), d| (a.min(d), b.max(d))))
    }
}

/// The `sources.csv` row for an imported file: id from offer code and version.
fn source_row(f: &FileImport) -> SourceRow {
    let base = std::path::Path::new(&f.file)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| f.file.clone());
    let code = if f.offer_code.is_empty() {
        "unknown"
    } else {
        &f.offer_code
    };
    let id_tail = if f.version.is_empty() {
        f.effective_date.map(|d| d.to_string()).unwrap_or_default()
    } else {
        f.version.clone()
    };
    let id = format!("import-{code}-{id_tail}")
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let url = match code {
        "SpotAdvisor" => "https://spot-bid-advisor.s3.amazonaws.com/spot-advisor-data.json".into(),
        _ if f.version.is_empty() => String::new(),
        _ => format!(
            "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/{code}/{}/",
            f.version
        ),
    };
    SourceRow {
        id,
        description: format!(
            "AWS price file `{base}` imported by `cloudplan prices import` (offer {code}{})",
            if f.version.is_empty() {
                String::new()
            } else {
                format!(", version {}", f.version)
            }
        ),
        url,
        effective_date: f
            .effective_date
            .map(|d| d.to_string())
            .unwrap_or_else(|| "undated".into()),
    }
}

/// A parsed price dimension (one CSV row or one JSON `priceDimensions` entry).
#[derive(Debug, Clone, Default)]
pub(crate) struct PriceDim<'a> {
    pub rate_code: &'a str,
    pub unit: &'a str,
    pub begin: &'a str,
    pub end: &'a str,
    pub usd: &'a str,
}

/// The purchase terms of an offer term (`TermType` + `termAttributes`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TermKind {
    OnDemand,
    Reserved(Reservation),
}

/// Read `TermType`/LeaseContractLength/OfferingClass/PurchaseOption into a [`TermKind`];
/// `Err(reason)` when the term is not one cloudplan prices.
pub(crate) fn term_kind(
    term_type: &str,
    lease: &str,
    class: &str,
    purchase: &str,
) -> std::result::Result<TermKind, &'static str> {
    match term_type {
        "OnDemand" => Ok(TermKind::OnDemand),
        "Reserved" => {
            let term = match lease {
                "1yr" | "1 yr" => Term::OneYear,
                "3yr" | "3 yr" => Term::ThreeYears,
                _ => return Err("reserved term with an unknown LeaseContractLength"),
            };
            let class = match class {
                "standard" => OfferingClass::Standard,
                "convertible" => OfferingClass::Convertible,
                // RDS reserved terms carry no OfferingClass: RDS RIs are standard.
                "" => OfferingClass::Standard,
                _ => return Err("reserved term with an unknown OfferingClass"),
            };
            let payment =
                payment(purchase).ok_or("reserved term with an unknown PurchaseOption")?;
            Ok(TermKind::Reserved(Reservation {
                class,
                term,
                payment,
            }))
        }
        _ => Err("term type other than OnDemand/Reserved"),
    }
}

pub(crate) fn payment(s: &str) -> Option<Payment> {
    match s {
        "No Upfront" => Some(Payment::NoUpfront),
        "Partial Upfront" => Some(Payment::PartialUpfront),
        "All Upfront" => Some(Payment::AllUpfront),
        _ => None,
    }
}

/// Accumulates rows of one file: on-demand rows directly, Reserved terms once both their
/// hourly and (when the payment has one) upfront-fee dimensions were seen.
pub(crate) struct Collector<'f> {
    pub out: &'f mut FileImport,
    pending: HashMap<String, PendingReserved>,
    /// Index of a rate key in `out.rates`, to drop exact duplicates and report conflicts.
    seen: HashMap<RateKey, usize>,
    instances_seen: std::collections::HashSet<String>,
    key_buf: String,
}

/// A price dimension whose numbers were validated once: the price parsed, and for on-demand
/// terms the tier bounds checked (`tier: None` = no usage range: skipped, not an error).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Checked<'a> {
    pub usd: f64,
    pub usd_text: &'a str,
    pub rate_code: &'a str,
    pub unit: &'a str,
    /// Trimmed tier start and end (`""` = open-ended).
    pub tier: Option<(&'a str, &'a str)>,
}

impl<'a> Checked<'a> {
    /// Validate `dim`: the price must be a finite, non-negative number; an on-demand tier's
    /// bounds too (`Inf`/empty end = open-ended).
    pub fn new(
        file: &str,
        dim: &PriceDim<'a>,
        term: TermKind,
        at: &dyn Fn() -> String,
    ) -> Result<Self> {
        let check_num = |field: &str, v: &str| -> Result<f64> {
            let x: f64 = v.trim().parse().map_err(|_| {
                ImportError::field(file, at(), field, format!("`{v}` is not a number"))
            })?;
            if !x.is_finite() || x < 0.0 {
                return Err(ImportError::field(
                    file,
                    at(),
                    field,
                    format!("`{v}` is not a finite, non-negative price"),
                ));
            }
            Ok(x)
        };
        let usd = check_num("PricePerUnit", dim.usd)?;
        if usd > crate::limits::MAX_UNIT_PRICE {
            return Err(ImportError::field(
                file,
                at(),
                "PricePerUnit",
                format!(
                    "`{}` is absurdly large for a price (at most {} USD per unit)",
                    dim.usd,
                    crate::limits::show(crate::limits::MAX_UNIT_PRICE)
                ),
            ));
        }
        let tier = match term {
            TermKind::Reserved(_) => None,
            TermKind::OnDemand => {
                let begin = dim.begin.trim();
                if begin.is_empty() {
                    None
                } else {
                    check_num("StartingRange", begin)?;
                    let end = dim.end.trim();
                    let end = if end.is_empty() || end.eq_ignore_ascii_case("inf") {
                        ""
                    } else {
                        check_num("EndingRange", end)?;
                        end
                    };
                    Some((begin, end))
                }
            }
        };
        Ok(Checked {
            usd,
            usd_text: dim.usd,
            rate_code: dim.rate_code,
            unit: dim.unit,
            tier,
        })
    }
}

struct PendingReserved {
    map: std::sync::Arc<ProductMap>,
    res: Reservation,
    hourly: Option<(String, String)>,
    upfront: Option<(String, String)>,
    rows: u64,
}

impl<'f> Collector<'f> {
    pub fn new(out: &'f mut FileImport) -> Self {
        Collector {
            out,
            pending: HashMap::new(),
            seen: HashMap::new(),
            instances_seen: Default::default(),
            key_buf: String::new(),
        }
    }

    /// Record the instance specification a mapped EC2 product carries (once per type).
    pub fn note_instance(&mut self, map: &ProductMap) {
        if let Some(spec) = &map.instance
            && !self.instances_seen.contains(&spec.instance_type)
        {
            self.instances_seen.insert(spec.instance_type.clone());
            self.out.instances.push(spec.clone());
        }
    }

    /// Add one price dimension of `term_key` (`SKU.OfferTermCode`) for a mapped product.
    /// `at` locates the row for error messages.
    pub fn add(
        &mut self,
        map: &std::sync::Arc<ProductMap>,
        term: TermKind,
        term_key: &str,
        dim: &PriceDim<'_>,
        at: &dyn Fn() -> String,
    ) -> Result<()> {
        let checked = Checked::new(&self.out.file, dim, term, at)?;
        if self.out.effective_date.is_none() {
            return Err(ImportError::field(
                &self.out.file,
                at(),
                "Publication Date",
                "no publication date before the first price row",
            ));
        }
        self.add_checked(map, term, (term_key, None), &checked);
        Ok(())
    }

    /// Add a price dimension already validated by [`Checked::new`]. The reserved-term key is
    /// `sku.otc` (`key.0` alone when `key.1` is `None`). Needs the file's effective date (a
    /// row without one is not added: [`Collector::add`] reports that as an error first).
    pub fn add_checked(
        &mut self,
        map: &std::sync::Arc<ProductMap>,
        term: TermKind,
        key: (&str, Option<&str>),
        c: &Checked<'_>,
    ) {
        let Some(date) = self.out.effective_date else {
            return;
        };
        match term {
            TermKind::OnDemand => {
                let Some((begin, end)) = c.tier else {
                    self.out
                        .summary
                        .skip("price dimension without a usage range");
                    return;
                };
                let (usd_s, unit, note) = map.convert(c.usd_text, c.usd, c.unit);
                let row = RateRow {
                    region: map.region.clone(),
                    service: map.service,
                    product: map.product.clone(),
                    dimension: map.dimension,
                    option: PriceOption::OnDemand,
                    unit,
                    tier_begin: begin.to_string(),
                    tier_end: end.to_string(),
                    usd: usd_s,
                    upfront_usd: "0".into(),
                    effective_date: date,
                    source: String::new(),
                    rate_code: c.rate_code.to_string(),
                    notes: note,
                };
                self.push(row, 1);
            }
            TermKind::Reserved(_) if !map.reserved_ok => {
                self.out
                    .summary
                    .skip("reserved term for a price the catalogue has on demand only");
            }
            TermKind::Reserved(res) => {
                self.key_buf.clear();
                self.key_buf.push_str(key.0);
                if let Some(otc) = key.1 {
                    self.key_buf.push('.');
                    self.key_buf.push_str(otc);
                }
                if !self.pending.contains_key(&self.key_buf) {
                    self.pending.insert(
                        self.key_buf.clone(),
                        PendingReserved {
                            map: map.clone(),
                            res,
                            hourly: None,
                            upfront: None,
                            rows: 0,
                        },
                    );
                }
                let p = self.pending.get_mut(&self.key_buf).expect("just inserted");
                p.rows += 1;
                let slot = if c.unit == "Quantity" {
                    &mut p.upfront
                } else {
                    &mut p.hourly
                };
                if slot.is_some() {
                    self.out
                        .summary
                        .skip("reserved term with two price dimensions of the same kind");
                } else {
                    *slot = Some((c.usd_text.trim().to_string(), c.rate_code.to_string()));
                }
            }
        }
    }

    fn push(&mut self, row: RateRow, rows: u64) {
        let key = row.key();
        match self.seen.get(&key) {
            Some(&i) => {
                let reason = if self.out.rates[i].usd == row.usd {
                    "duplicate of a row already imported (same product, same price)"
                } else {
                    "conflicts with a row already imported (same product, different price)"
                };
                for _ in 0..rows {
                    self.out.summary.skip(reason);
                }
            }
            None => {
                self.seen.insert(key, self.out.rates.len());
                self.out.rates.push(row);
                self.out.summary.rows_kept += rows;
            }
        }
    }

    /// Emit pending Reserved terms and fill in the source id. Call once at the end of a file.
    pub fn finish(mut self) {
        let mut pending: Vec<(String, PendingReserved)> = self.pending.drain().collect();
        pending.sort_by(|a, b| a.0.cmp(&b.0));
        let date = self.out.effective_date;
        for (_, p) in pending {
            let Some(date) = date else { break };
            let Some((hourly, hourly_code)) = p.hourly else {
                for _ in 0..p.rows {
                    self.out
                        .summary
                        .skip("reserved term without an hourly price dimension");
                }
                continue;
            };
            let upfront = match (&p.upfront, p.res.payment) {
                (Some((u, _)), _) => u.clone(),
                (None, Payment::NoUpfront) => "0".into(),
                (None, _) => {
                    for _ in 0..p.rows {
                        self.out
                            .summary
                            .skip("partial/all upfront reserved term without its upfront fee");
                    }
                    continue;
                }
            };
            let mut codes = Vec::new();
            if let Some((_, c)) = &p.upfront {
                codes.push(c.clone());
            }
            codes.push(hourly_code);
            let row = RateRow {
                region: p.map.region.clone(),
                service: p.map.service,
                product: p.map.product.clone(),
                dimension: p.map.dimension,
                option: PriceOption::Reserved(p.res),
                unit: p.map.unit_label("Hrs"),
                tier_begin: "0".into(),
                tier_end: String::new(),
                usd: hourly,
                upfront_usd: upfront,
                effective_date: date,
                source: String::new(),
                rate_code: codes.join(";"),
                notes: String::new(),
            };
            self.push(row, p.rows);
        }
        let id = source_row(self.out).id;
        for r in &mut self.out.rates {
            r.source = id.clone();
        }
        for i in &mut self.out.instances {
            i.source = id.clone();
        }
        for s in &mut self.out.spot {
            s.source = id.clone();
        }
    }
}

/// Parse a publication date (`2025-09-12T22:53:08Z` or `2025-09-12`) to its day.
pub(crate) fn parse_date(s: &str) -> Option<NaiveDate> {
    let day = s.trim().get(..10)?;
    NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()
}
