//! Price List offer files in CSV form, streamed row by row.
//!
//! AWS docs: "The first five rows of the CSV file contain the metadata for the price list
//! file. The sixth row has the column names" (FORMATS.md §1.5). The preamble is read as
//! `key,value` records up to the header row (the first wider row with a `SKU` column), so a preamble with
//! a line more or less (test copies add `sep=,` or drop the disclaimer) still reads. Columns are
//! looked up **by name** — AWS adds and reorders columns over time. A header with a
//! `DiscountedRate` column is a Savings Plans file and is handed to [`super::savings_plans`].

use super::mapping::{Attr, Attrs, ProductMap, Skip, classify};
use super::{Collector, FileImport, ImportError, PriceDim, Result, parse_date, term_kind};
use std::io::Read;
use std::sync::Arc;

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

/// Column positions of one file's header.
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

/// Read an offer (or Savings Plans) CSV into `out`.
pub fn read(reader: impl Read, out: &mut FileImport) -> Result<()> {
    let file = out.file.clone();
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .buffer_capacity(1 << 20)
        .from_reader(reader);
    let mut rec = csv::ByteRecord::new();
    // Preamble: key,value lines until the header row.
    let header: Vec<String> = loop {
        if !rdr
            .read_byte_record(&mut rec)
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
        return super::savings_plans::read_csv_rows(rdr, header, header_line, out);
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
    let h = Header {
        names: header,
        cols,
        attrs,
    };
    let offer_code = out.offer_code.clone();
    let ncols = h.names.len();
    let mut collector = Collector::new(out);
    // Consecutive rows share a SKU (one row per price dimension): classify once per SKU.
    let mut last_sku: Vec<u8> = Vec::new();
    let mut last: std::result::Result<Arc<ProductMap>, Skip> = Err("");
    let mut have_last = false;
    let get = |rec: &csv::ByteRecord, line: u64, i: Option<usize>, name: &str| -> Result<String> {
        match i {
            None => Ok(String::new()),
            Some(i) => std::str::from_utf8(rec.get(i).unwrap_or_default())
                .map(str::to_string)
                .map_err(|_| ImportError::field(&file, line, name, "not valid UTF-8")),
        }
    };
    while rdr
        .read_byte_record(&mut rec)
        .map_err(|e| csv_error(&file, &e))?
    {
        let line = rec.position().map(|p| p.line()).unwrap_or(0);
        if rec.len() != ncols {
            if rec.len() == 1 && rec.get(0).is_some_and(|f| f.is_empty()) {
                continue; // blank line
            }
            // Name the first column a short row lacks (or the first extra one).
            let column = h
                .names
                .get(rec.len())
                .map_or_else(|| format!("column {}", ncols + 1), |n| n.clone());
            return Err(ImportError::field(
                &file,
                line,
                &column,
                format!(
                    "malformed CSV: row has {} fields, the header has {ncols}",
                    rec.len()
                ),
            ));
        }
        collector.out.summary.rows_read += 1;
        let field = |c: usize| rec.get(c).unwrap_or_default();
        let sku = h.col(0).map(field).unwrap_or_default();
        if !have_last || sku != last_sku.as_slice() {
            have_last = true;
            let mut values: Attrs<'_> = Attrs::default();
            for &(a, i) in &h.attrs {
                let v = std::str::from_utf8(field(i))
                    .map_err(|_| ImportError::field(&file, line, &h.names[i], "not valid UTF-8"))?;
                values.set(a, v);
            }
            last = classify(&offer_code, &values).map(Arc::new);
            last_sku.clear();
            last_sku.extend_from_slice(sku);
            if let Ok(m) = &last {
                collector.note_instance(m);
            }
        }
        let map = match &last {
            Ok(m) => m.clone(),
            Err(reason) => {
                collector.out.summary.skip(reason);
                continue;
            }
        };
        let s = |i: usize, name: &str| get(&rec, line, h.col(i), name);
        if s(9, "Currency")? != "USD" {
            collector.out.summary.skip("currency other than USD");
            continue;
        }
        let term = match term_kind(
            &s(3, "TermType")?,
            &s(10, "LeaseContractLength")?,
            &s(12, "OfferingClass")?,
            &s(11, "PurchaseOption")?,
        ) {
            Ok(t) => t,
            Err(reason) => {
                collector.out.summary.skip(reason);
                continue;
            }
        };
        let (sku_s, otc, rate_code, unit, begin, end, usd) = (
            s(0, "SKU")?,
            s(1, "OfferTermCode")?,
            s(2, "RateCode")?,
            s(7, "Unit")?,
            s(5, "StartingRange")?,
            s(6, "EndingRange")?,
            s(8, "PricePerUnit")?,
        );
        let dim = PriceDim {
            rate_code: &rate_code,
            unit: &unit,
            begin: &begin,
            end: &end,
            usd: &usd,
        };
        let term_key = format!("{sku_s}.{otc}");
        collector.add(&map, term, &term_key, &dim, &|| line.to_string())?;
    }
    collector.finish();
    Ok(())
}
