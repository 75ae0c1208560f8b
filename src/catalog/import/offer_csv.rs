//! Price List offer files in CSV form, streamed row by row — on several threads for big files.
//!
//! AWS docs: "The first five rows of the CSV file contain the metadata for the price list
//! file. The sixth row has the column names" (FORMATS.md §1.5). The preamble is read as
//! `key,value` records up to the header row (the first wider row with a `SKU` column), so a preamble with
//! a line more or less (test copies add `sep=,` or drop the disclaimer) still reads. Columns are
//! looked up **by name** — AWS adds and reorders columns over time. A header with a
//! `DiscountedRate` column is a Savings Plans file and is handed to [`super::savings_plans`].
//!
//! Rows are read as `csv::ByteRecord`s (one buffer reused for every row); a product's
//! attributes are decoded and classified once per SKU (consecutive rows share it), rows of a
//! skipped product are counted without decoding anything else, and a kept row's price fields
//! are validated once, by [`RowReader`], before they reach the [`Collector`].
//!
//! **Parallel read** ([`read_file`]): a file on disk bigger than `2 × Options::parallel_min_bytes`
//! is cut into byte ranges, one per thread. A cut is placed at a guessed record start: the
//! first `"`-opening line after a line end preceded by an odd run of `"` (in a file that quotes
//! every field — AWS's do — a quote inside a field is doubled, so only a closing quote leaves an
//! odd run before a line break; a newline inside a quoted field never matches). The guess is
//! never trusted: the thread reading the range before a cut reads on until its next record
//! starts at or after the cut, and the cut is used only if that record starts **exactly** there
//! (the csv crate documents that parsing from a record's start yields the same records). If not,
//! the rest of the file is read sequentially from the last record start the previous range
//! reached. The ranges' kept rows are then fed to one [`Collector`] in file order, so duplicates,
//! reserved terms split across a cut, errors (the first in file order) and line numbers are
//! exactly those of the sequential read.

use super::mapping::{Attr, Attrs, ProductMap, Skip, classify};
use super::{
    Checked, Collector, Control, FileImport, ImportError, Options, Result, TermKind, parse_date,
    term_kind,
};
use std::io::{Read, Seek, SeekFrom};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Offer columns the importer needs (besides product attributes); `true` = required.
const COLUMNS: &[(&str, bool)] = &[
    ("SKU", true),
    ("OfferTermCode", true),
    ("RateCode", true),
    ("TermType", true),
    ("PriceDescription", false),
    ("StartingRange", true),
    ("EndingRange", true),
    ("Unit", true),
    ("PricePerUnit", true),
    ("Currency", true),
    ("LeaseContractLength", false),
    ("PurchaseOption", false),
    ("OfferingClass", false),
];
const C_SKU: usize = 0;
const C_OTC: usize = 1;
const C_RATE_CODE: usize = 2;
const C_TERM_TYPE: usize = 3;
const C_BEGIN: usize = 5;
const C_END: usize = 6;
const C_UNIT: usize = 7;
const C_PRICE: usize = 8;
const C_CURRENCY: usize = 9;
const C_LEASE: usize = 10;
const C_PURCHASE: usize = 11;
const C_CLASS: usize = 12;

/// Rows between two looks at the cancel flag / progress counter.
const CHECK_EVERY: u32 = 4096;
/// Buffer of each CSV reader.
const BUFFER: usize = 1 << 20;

/// Column positions of one file's header, resolved once.
pub(crate) struct Header {
    pub names: Vec<String>,
    cols: Vec<Option<usize>>,
    attrs: Vec<(Attr, usize)>,
}

impl Header {
    pub(crate) fn col(&self, i: usize) -> Option<usize> {
        self.cols[i]
    }
}

fn csv_error(file: &str, e: &csv::Error) -> ImportError {
    let line = e
        .position()
        .map(|p| p.line().to_string())
        .unwrap_or_else(|| "?".into());
    ImportError::Syntax {
        file: file.to_string(),
        at: line,
        message: format!("malformed CSV: {e}"),
    }
}

fn reader_builder() -> csv::ReaderBuilder {
    let mut b = csv::ReaderBuilder::new();
    b.has_headers(false).flexible(true).buffer_capacity(BUFFER);
    b
}

/// What the header row says the file is.
enum Kind {
    Offer(Header),
    SavingsPlans(Vec<String>, u64),
}

/// Read the metadata lines and the header row (filling `out`'s date, offer code, version).
fn read_header<R: Read>(
    rdr: &mut csv::Reader<R>,
    rec: &mut csv::ByteRecord,
    out: &mut FileImport,
) -> Result<Kind> {
    let file = out.file.clone();
    let header: Vec<String> = loop {
        if !rdr
            .read_byte_record(rec)
            .map_err(|e| csv_error(&file, &e))?
        {
            return Err(ImportError::Format {
                file,
                message: "no header row (expected a row with a `SKU` column after the \
                          five metadata lines of an AWS price list CSV)"
                    .into(),
            });
        }
        let line = rec.position().map(|p| p.line()).unwrap_or(0);
        let field = |i: usize| String::from_utf8_lossy(rec.get(i).unwrap_or_default()).into_owned();
        let key = field(0);
        if rec.len() > 2 && rec.iter().any(|f| f == b"SKU") {
            break (0..rec.len()).map(field).collect();
        }
        if line > 20 {
            return Err(ImportError::Format {
                file,
                message: "no `SKU` header row in the first 20 lines: not an AWS price list CSV"
                    .into(),
            });
        }
        let value = field(1);
        match key.as_str() {
            "Publication Date" => {
                out.effective_date = Some(parse_date(&value).ok_or_else(|| {
                    ImportError::field(
                        &file,
                        line,
                        "Publication Date",
                        format!("`{value}` is not a date"),
                    )
                })?)
            }
            "OfferCode" => out.offer_code = value,
            "Version" => out.version = value,
            _ => {}
        }
    };
    let header_line = rec.position().map(|p| p.line()).unwrap_or(0);
    if header.iter().any(|h| h == "DiscountedRate") {
        return Ok(Kind::SavingsPlans(header, header_line));
    }
    if out.effective_date.is_none() {
        return Err(ImportError::field(
            &file,
            header_line,
            "Publication Date",
            "missing from the metadata lines before the header",
        ));
    }
    let mut cols = Vec::with_capacity(COLUMNS.len());
    for (name, required) in COLUMNS {
        let pos = header.iter().position(|h| h == name);
        if pos.is_none() && *required {
            return Err(ImportError::field(
                &file,
                header_line,
                name,
                "column missing from the header",
            ));
        }
        cols.push(pos);
    }
    let attrs: Vec<(Attr, usize)> = header
        .iter()
        .enumerate()
        .filter_map(|(i, h)| Attr::from_name(h).map(|a| (a, i)))
        .collect();
    if !attrs.iter().any(|(a, _)| *a == Attr::ProductFamily) {
        return Err(ImportError::field(
            &file,
            header_line,
            "Product Family",
            "column missing from the header",
        ));
    }
    Ok(Kind::Offer(Header {
        names: header,
        cols,
        attrs,
    }))
}

/// Where the kept rows of a range go: straight into the [`Collector`] (sequential read, and
/// the first range of a parallel read), or into a [`Batch`] replayed later in file order.
pub(crate) trait Sink {
    fn instance(&mut self, map: &Arc<ProductMap>);
    fn add(&mut self, map: &Arc<ProductMap>, term: TermKind, sku: &str, otc: &str, c: &Checked);
}

impl Sink for Collector<'_> {
    fn instance(&mut self, map: &Arc<ProductMap>) {
        self.note_instance(map);
    }
    fn add(&mut self, map: &Arc<ProductMap>, term: TermKind, sku: &str, otc: &str, c: &Checked) {
        self.add_checked(map, term, (sku, Some(otc)), c);
    }
}

/// Kept rows of one range, their text in one arena (no allocation per row).
#[derive(Default)]
struct Batch {
    text: String,
    events: Vec<Event>,
}

type Span = (u32, u32);

enum Event {
    Instance(Arc<ProductMap>),
    Add {
        map: Arc<ProductMap>,
        term: TermKind,
        usd: f64,
        has_tier: bool,
        /// sku, otc, rate code, unit, usd text, tier begin, tier end.
        spans: [Span; 7],
    },
}

impl Batch {
    fn span(&mut self, s: &str) -> Span {
        let a = self.text.len() as u32;
        self.text.push_str(s);
        (a, self.text.len() as u32)
    }
    fn get(&self, (a, b): Span) -> &str {
        &self.text[a as usize..b as usize]
    }
    fn replay(&self, c: &mut Collector<'_>) {
        for e in &self.events {
            match e {
                Event::Instance(m) => c.note_instance(m),
                Event::Add {
                    map,
                    term,
                    usd,
                    has_tier,
                    spans,
                } => {
                    let g = |i: usize| self.get(spans[i]);
                    let checked = Checked {
                        usd: *usd,
                        usd_text: g(4),
                        rate_code: g(2),
                        unit: g(3),
                        tier: has_tier.then(|| (g(5), g(6))),
                    };
                    c.add_checked(map, *term, (g(0), Some(g(1))), &checked);
                }
            }
        }
    }
}

impl Sink for Batch {
    fn instance(&mut self, map: &Arc<ProductMap>) {
        self.events.push(Event::Instance(map.clone()));
    }
    fn add(&mut self, map: &Arc<ProductMap>, term: TermKind, sku: &str, otc: &str, c: &Checked) {
        let (b, e) = c.tier.unwrap_or(("", ""));
        let spans = [
            self.span(sku),
            self.span(otc),
            self.span(c.rate_code),
            self.span(c.unit),
            self.span(c.usd_text),
            self.span(b),
            self.span(e),
        ];
        self.events.push(Event::Add {
            map: map.clone(),
            term,
            usd: c.usd,
            has_tier: c.tier.is_some(),
            spans,
        });
    }
}

/// Per-range row state: the last SKU's classification and the range's counts.
#[derive(Clone)]
struct RowReader<'h> {
    h: &'h Header,
    file: &'h str,
    offer_code: &'h str,
    ncols: usize,
    last_sku: Vec<u8>,
    last: std::result::Result<Arc<ProductMap>, Skip>,
    have_last: bool,
    rows_read: u64,
    /// Skip counts by reason (a handful of reasons: a short list beats a map).
    skips: Vec<(Skip, u64)>,
}

impl<'h> RowReader<'h> {
    fn new(h: &'h Header, file: &'h str, offer_code: &'h str) -> Self {
        RowReader {
            h,
            file,
            offer_code,
            ncols: h.names.len(),
            last_sku: Vec::new(),
            last: Err(""),
            have_last: false,
            rows_read: 0,
            skips: Vec::new(),
        }
    }

    fn skip(&mut self, reason: Skip) {
        match self
            .skips
            .iter_mut()
            .find(|(r, _)| std::ptr::eq(*r, reason) || *r == reason)
        {
            Some((_, n)) => *n += 1,
            None => self.skips.push((reason, 1)),
        }
    }

    fn merge_into(&self, s: &mut super::Summary) {
        s.rows_read += self.rows_read;
        for (r, n) in &self.skips {
            *s.skipped.entry((*r).to_string()).or_insert(0) += n;
        }
    }

    /// One data row (at `line`, for messages).
    fn row(&mut self, rec: &csv::ByteRecord, line: u64, sink: &mut impl Sink) -> Result<()> {
        if rec.len() != self.ncols {
            if rec.len() == 1 && rec.get(0).is_some_and(|f| f.is_empty()) {
                return Ok(()); // blank line
            }
            // Name the first column a short row lacks (or the first extra one).
            let column = self
                .h
                .names
                .get(rec.len())
                .map_or_else(|| format!("column {}", self.ncols + 1), |n| n.clone());
            return Err(ImportError::field(
                self.file,
                line,
                &column,
                format!(
                    "malformed CSV: row has {} fields, the header has {}",
                    rec.len(),
                    self.ncols
                ),
            ));
        }
        self.rows_read += 1;
        let h = self.h;
        let field = |c: usize| rec.get(c).unwrap_or_default();
        let sku = h.col(C_SKU).map(field).unwrap_or_default();
        if !self.have_last || sku != self.last_sku.as_slice() {
            self.have_last = true;
            let mut values: Attrs<'_> = Attrs::default();
            for &(a, i) in &h.attrs {
                let v = std::str::from_utf8(field(i)).map_err(|_| {
                    ImportError::field(self.file, line, &h.names[i], "not valid UTF-8")
                })?;
                values.set(a, v);
            }
            self.last = classify(self.offer_code, &values).map(Arc::new);
            self.last_sku.clear();
            self.last_sku.extend_from_slice(sku);
            if let Ok(m) = &self.last {
                sink.instance(m);
            }
        }
        let map = match &self.last {
            Ok(m) => m.clone(),
            Err(reason) => {
                let reason = *reason;
                self.skip(reason);
                return Ok(());
            }
        };
        let file = self.file;
        let s = |i: usize, name: &str| -> Result<&str> {
            match h.col(i) {
                None => Ok(""),
                Some(c) => std::str::from_utf8(field(c))
                    .map_err(|_| ImportError::field(file, line, name, "not valid UTF-8")),
            }
        };
        if s(C_CURRENCY, "Currency")? != "USD" {
            self.skip("currency other than USD");
            return Ok(());
        }
        let term = match term_kind(
            s(C_TERM_TYPE, "TermType")?,
            s(C_LEASE, "LeaseContractLength")?,
            s(C_CLASS, "OfferingClass")?,
            s(C_PURCHASE, "PurchaseOption")?,
        ) {
            Ok(t) => t,
            Err(reason) => {
                self.skip(reason);
                return Ok(());
            }
        };
        let dim = super::PriceDim {
            rate_code: s(C_RATE_CODE, "RateCode")?,
            unit: s(C_UNIT, "Unit")?,
            begin: s(C_BEGIN, "StartingRange")?,
            end: s(C_END, "EndingRange")?,
            usd: s(C_PRICE, "PricePerUnit")?,
        };
        let checked = Checked::new(file, &dim, term, &|| line.to_string())?;
        sink.add(
            &map,
            term,
            s(C_SKU, "SKU")?,
            s(C_OTC, "OfferTermCode")?,
            &checked,
        );
        Ok(())
    }
}

/// Where a range's read stopped.
#[derive(Debug, Clone, Copy)]
struct Stop {
    /// Byte offset (relative to the reader's start) of the first record not read; `None` at EOF.
    byte: Option<u64>,
    /// Its line (relative, 1-based), or the reader's line at EOF.
    line: u64,
    /// That record starts a new SKU run (its SKU differs from the previous row's), so a
    /// reader starting there classifies it afresh exactly as this one would have.
    fresh: bool,
}

/// Read rows until EOF or until a record starts at or after `stop_at` (relative byte).
fn run<R: Read>(
    rdr: &mut csv::Reader<R>,
    rr: &mut RowReader<'_>,
    sink: &mut impl Sink,
    stop_at: Option<u64>,
    ctl: &Control,
    (index, failed): (usize, &AtomicUsize),
) -> Result<Stop> {
    let mut rec = csv::ByteRecord::new();
    let mut n = 0u32;
    loop {
        if !rdr
            .read_byte_record(&mut rec)
            .map_err(|e| csv_error(rr.file, &e))?
        {
            return Ok(Stop {
                byte: None,
                line: rdr.position().line(),
                fresh: false,
            });
        }
        let pos = rec.position().cloned().unwrap_or_else(csv::Position::new);
        if stop_at.is_some_and(|s| pos.byte() >= s) {
            let sku = rr.h.col(C_SKU).and_then(|c| rec.get(c)).unwrap_or_default();
            return Ok(Stop {
                byte: Some(pos.byte()),
                line: pos.line(),
                fresh: !rr.have_last || sku != rr.last_sku.as_slice(),
            });
        }
        n += 1;
        if n == CHECK_EVERY {
            n = 0;
            // A failed earlier range makes this one useless; a later one does not.
            if ctl.cancelled() || failed.load(Ordering::Relaxed) < index {
                return Err(ImportError::Cancelled);
            }
        }
        rr.row(&rec, pos.line(), sink)?;
    }
}

/// Read an offer (or Savings Plans) CSV from a stream into `out`, on this thread.
pub fn read(reader: impl Read, out: &mut FileImport) -> Result<()> {
    read_with(reader, out, &Control::default())
}

/// [`read`], watching `ctl` for cancellation.
pub fn read_with(reader: impl Read, out: &mut FileImport, ctl: &Control) -> Result<()> {
    let mut rdr = reader_builder().from_reader(reader);
    let mut rec = csv::ByteRecord::new();
    let h = match read_header(&mut rdr, &mut rec, out)? {
        Kind::SavingsPlans(header, line) => {
            return super::savings_plans::read_csv_rows(rdr, header, line, out);
        }
        Kind::Offer(h) => h,
    };
    let offer_code = out.offer_code.clone();
    let file = out.file.clone();
    let mut rr = RowReader::new(&h, &file, &offer_code);
    let mut collector = Collector::new(out);
    run(
        &mut rdr,
        &mut rr,
        &mut collector,
        None,
        ctl,
        (0, &AtomicUsize::new(usize::MAX)),
    )?;
    rr.merge_into(&mut collector.out.summary);
    collector.finish();
    Ok(())
}

/// Counts bytes read into `ctl` (the progress bar's numerator).
pub(crate) struct Counting<'c, R> {
    pub inner: R,
    pub ctl: &'c Control,
}

impl<R: Read> Read for Counting<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.ctl.cancelled() {
            return Err(std::io::Error::other("import cancelled"));
        }
        let n = self.inner.read(buf)?;
        self.ctl.add_bytes(n as u64);
        Ok(n)
    }
}

/// A guessed record start at or after `at`: just past a line end that follows an odd run of
/// `"` and is followed by `"` (see the module doc); else just past the first line end.
/// `None` when the window holds no line end. Only a guess: [`read_file`] verifies it.
fn guess_record_start(file: &std::fs::File, at: u64) -> std::io::Result<Option<u64>> {
    use std::os::unix::fs::FileExt;
    let mut buf = vec![0u8; 1 << 18];
    let mut got = 0;
    while got < buf.len() {
        let n = file.read_at(&mut buf[got..], at + got as u64)?;
        if n == 0 {
            break;
        }
        got += n;
    }
    let buf = &buf[..got];
    let mut first = None;
    // After `\r\n` the csv reader's next record starts at the `\n` (it ends a record on the
    // `\r` and skips the `\n` as an empty line), so that is where the cut goes.
    let start_after = |i: usize| {
        if i > 0 && buf[i - 1] == b'\r' {
            at + i as u64
        } else {
            at + i as u64 + 1
        }
    };
    for (i, _) in buf.iter().enumerate().filter(|(_, b)| **b == b'\n') {
        first.get_or_insert(i);
        let mut j = i;
        if j > 0 && buf[j - 1] == b'\r' {
            j -= 1;
        }
        let run = buf[..j].iter().rev().take_while(|b| **b == b'"').count();
        if run % 2 == 1 && j > run && buf.get(i + 1) == Some(&b'"') {
            return Ok(Some(start_after(i)));
        }
    }
    Ok(first.map(start_after))
}

/// The start of the first SKU run after the record starting at `at` (rows of one product are
/// consecutive and share its SKU): cutting there lets the next range classify its first row
/// afresh, as the sequential read does. A guess within a 1 MiB window, verified later.
fn sku_run_start(file: &std::fs::File, at: u64, sku_col: usize) -> Option<u64> {
    use std::os::unix::fs::FileExt;
    let mut buf = vec![0u8; 1 << 20];
    let mut got = 0;
    while got < buf.len() {
        match file.read_at(&mut buf[got..], at + got as u64) {
            Ok(0) | Err(_) => break,
            Ok(n) => got += n,
        }
    }
    let mut rdr = reader_builder().from_reader(&buf[..got]);
    let mut rec = csv::ByteRecord::new();
    let mut first: Option<Vec<u8>> = None;
    while let Ok(true) = rdr.read_byte_record(&mut rec) {
        let pos = rec.position()?.byte();
        // The window's last record may be cut short: stay well inside it.
        if pos + (64 << 10) > got as u64 {
            return None;
        }
        let sku = rec.get(sku_col).unwrap_or_default();
        match &first {
            None => first = Some(sku.to_vec()),
            Some(f) if f.as_slice() != sku => return Some(at + pos),
            Some(_) => {}
        }
    }
    None
}

/// Add `delta` to the line number of a CSV error (`Field`/`Syntax` with a numeric `at`).
fn shift_line(e: ImportError, delta: u64) -> ImportError {
    let shift = |at: String| match at.parse::<u64>() {
        Ok(l) => (l + delta).to_string(),
        Err(_) => at,
    };
    match e {
        ImportError::Field {
            file,
            at,
            field,
            message,
        } => ImportError::Field {
            file,
            at: shift(at),
            field,
            message,
        },
        ImportError::Syntax { file, at, message } => ImportError::Syntax {
            file,
            at: shift(at),
            message,
        },
        e => e,
    }
}

/// One range read by a helper thread.
struct RangeResult<'h> {
    result: Result<Stop>,
    batch: Batch,
    /// The range's row state at its end (counts, last SKU and its classification).
    rr: RowReader<'h>,
}

fn open_at(path: &std::path::Path, name: &str, at: u64) -> Result<std::fs::File> {
    let io = |e: std::io::Error| ImportError::Io {
        path: name.to_string(),
        message: e.to_string(),
    };
    let mut f = std::fs::File::open(path).map_err(io)?;
    f.seek(SeekFrom::Start(at)).map_err(io)?;
    Ok(f)
}

/// Read the offer CSV at `path` into `out`, on up to `opts.threads()` threads (see the module
/// doc); `skip` bytes (BOM, blank space) precede the first line.
pub fn read_file(
    path: &std::path::Path,
    skip: u64,
    out: &mut FileImport,
    opts: &Options,
    ctl: &Control,
) -> Result<()> {
    let name = out.file.clone();
    let f = open_at(path, &name, skip)?;
    let len = f
        .metadata()
        .map_err(|e| ImportError::Io {
            path: name.clone(),
            message: e.to_string(),
        })?
        .len();
    let mut rdr = reader_builder().from_reader(Counting { inner: f, ctl });
    let mut rec = csv::ByteRecord::new();
    let h = match read_header(&mut rdr, &mut rec, out)? {
        Kind::SavingsPlans(header, line) => {
            return super::savings_plans::read_csv_rows(rdr, header, line, out);
        }
        Kind::Offer(h) => h,
    };
    // Absolute byte offset of the first data row.
    let start = skip + rdr.position().byte();
    let body = len.saturating_sub(start);
    let min = opts.parallel_min_bytes();
    let threads = opts.threads().min((body / min.max(1)) as usize).max(1);
    let mut cuts: Vec<u64> = Vec::new();
    if threads > 1 {
        let probe = std::fs::File::open(path).map_err(|e| ImportError::Io {
            path: name.clone(),
            message: e.to_string(),
        })?;
        for k in 1..threads as u64 {
            let target = start + body * k / threads as u64;
            if let Ok(Some(c)) = guess_record_start(&probe, target)
                && let Some(c) = h.col(C_SKU).and_then(|col| sku_run_start(&probe, c, col))
                && c < len
                && cuts.last().is_none_or(|l| c > *l)
            {
                cuts.push(c);
            }
        }
    }
    let offer_code = out.offer_code.clone();
    // Index of the first range that failed (later ranges stop early).
    let failed = AtomicUsize::new(usize::MAX);
    let h = &h;
    let (name_r, code_r, abort_r) = (name.as_str(), offer_code.as_str(), &failed);
    let mut collector = Collector::new(out);
    let mut rr0 = RowReader::new(h, name_r, code_r);
    let (first, ranges) = std::thread::scope(|sc| {
        let handles: Vec<_> = cuts
            .iter()
            .enumerate()
            .map(|(k, &from)| {
                let to = cuts.get(k + 1).copied();
                sc.spawn(move || {
                    let mut rr = RowReader::new(h, name_r, code_r);
                    let mut batch = Batch::default();
                    let result = open_at(path, name_r, from).and_then(|f| {
                        let mut rdr = reader_builder().from_reader(Counting { inner: f, ctl });
                        run(
                            &mut rdr,
                            &mut rr,
                            &mut batch,
                            to.map(|t| t - from),
                            ctl,
                            (k + 1, abort_r),
                        )
                    });
                    if result.is_err() {
                        abort_r.fetch_min(k + 1, Ordering::Relaxed);
                    }
                    RangeResult { result, batch, rr }
                })
            })
            .collect();
        // The first range on this thread, straight into the collector.
        let first = run(
            &mut rdr,
            &mut rr0,
            &mut collector,
            cuts.first().map(|c| c - skip),
            ctl,
            (0, &failed),
        );
        if first.is_err() {
            failed.store(0, Ordering::Relaxed);
        }
        let ranges: Vec<RangeResult> = handles
            .into_iter()
            .map(|j| {
                j.join().unwrap_or_else(|_| RangeResult {
                    result: Err(ImportError::Format {
                        file: name_r.to_string(),
                        message: "a reader thread failed".into(),
                    }),
                    batch: Batch::default(),
                    rr: RowReader::new(h, name_r, code_r),
                })
            })
            .collect();
        (first, ranges)
    });
    let mut stop = first?;
    rr0.merge_into(&mut collector.out.summary);
    // The row state the sequential read would have at `stop` (to resume from there).
    let mut state = rr0;
    // Absolute byte offset of the reader that produced `stop`, and its first line.
    let mut base_byte = skip;
    let mut base_line = 1u64;
    let mut ranges = ranges.into_iter();
    for &from in &cuts {
        let abs_stop = stop.byte.map(|b| b + base_byte);
        let stop_line = base_line + stop.line - 1;
        let Some(r) = ranges.next() else { break };
        if abs_stop != Some(from) || !stop.fresh {
            // The cut is not a record start, or not the start of a SKU run (or the range
            // before it reached EOF): read the rest sequentially from the last record start
            // reached, with the row state the sequential read has there.
            let Some(resume) = abs_stop else { break };
            let f = open_at(path, &name, resume)?;
            let mut rdr = reader_builder().from_reader(Counting { inner: f, ctl });
            let mut rr = state;
            rr.rows_read = 0;
            rr.skips.clear();
            let none_failed = AtomicUsize::new(usize::MAX);
            run(
                &mut rdr,
                &mut rr,
                &mut collector,
                None,
                ctl,
                (0, &none_failed),
            )
            .map_err(|e| shift_line(e, stop_line - 1))?;
            rr.merge_into(&mut collector.out.summary);
            break;
        }
        stop = r.result.map_err(|e| shift_line(e, stop_line - 1))?;
        r.batch.replay(&mut collector);
        r.rr.merge_into(&mut collector.out.summary);
        state = r.rr;
        base_byte = from;
        base_line = stop_line;
    }
    collector.finish();
    Ok(())
}
