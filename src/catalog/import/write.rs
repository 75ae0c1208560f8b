//! Render imported rows as a catalogue directory (the `pricing-data/` layout) and write it.
//!
//! [`render`] is pure: [`Imported`] in, (relative file name, CSV text) pairs out, with the same
//! columns as `pricing-data/` (see its README). [`write_dir`] writes them without ever leaving a
//! half-written catalogue: every file goes to a temporary directory next to the target, the
//! caller's check (normally `catalog::load::load_dir`) runs on that directory, and only then
//! are the files renamed into place (the whole directory when the target does not exist yet,
//! else file by file — each rename is atomic).

use super::{Imported, RateRow};
use crate::catalog::PriceOption;
use crate::catalog::load::RATE_COLUMNS;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Which `rates/*.csv` file a row belongs in (same split as `pricing-data/rates/`).
pub fn rate_file(r: &RateRow) -> String {
    match (r.service, r.option) {
        ("ec2", PriceOption::OnDemand) => "rates/ec2_on_demand.csv".into(),
        ("ec2", PriceOption::Reserved(_)) => "rates/ec2_reserved.csv".into(),
        ("ec2", PriceOption::Spot) => "rates/ec2_spot.csv".into(),
        ("ec2", PriceOption::SavingsPlan(_)) => "rates/ec2_savings_plans.csv".into(),
        ("rds", _) if r.dimension == "instance_hours" => "rates/rds_instances.csv".into(),
        ("rds", _) => "rates/rds_storage.csv".into(),
        (s, _) => format!("rates/{s}.csv"),
    }
}

fn csv_text(header: &[&str], rows: impl IntoIterator<Item = Vec<String>>) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(header).expect("writing to memory");
    for r in rows {
        // The one CSV-injection neutraliser (offer files are data from outside; the catalogue
        // loader reads the cells back through `unneutralise`).
        w.write_record(
            r.iter()
                .map(|c| crate::text::csv_cell::neutralise(c).into_owned()),
        )
        .expect("writing to memory");
    }
    String::from_utf8(w.into_inner().expect("writing to memory")).expect("CSV of UTF-8 strings")
}

/// Write one `rates/*.csv` row (columns of `RATE_COLUMNS`) without building owned strings.
fn write_rate(w: &mut csv::Writer<Vec<u8>>, r: &RateRow) {
    let [option, term, payment, class] = r.option.file_fields();
    let date = r.effective_date.to_string();
    let cells = [
        r.region.as_str(),
        r.service,
        &r.product,
        r.dimension,
        option,
        term,
        payment,
        class,
        &r.unit,
        &r.tier_begin,
        &r.tier_end,
        &r.usd,
        &r.upfront_usd,
        &date,
        &r.source,
        &r.rate_code,
        &r.notes,
    ];
    // The one CSV-injection neutraliser (borrows unchanged cells; the catalogue loader reads
    // them back through `unneutralise`).
    w.write_record(
        cells
            .map(crate::text::csv_cell::neutralise)
            .iter()
            .map(|c| c.as_bytes()),
    )
    .expect("writing to memory");
}

/// The catalogue files for `imp`: (name relative to the catalogue directory, CSV text).
/// Files with no rows are left out; `sources.csv` is always written.
pub fn render(imp: &Imported) -> Vec<(String, String)> {
    // One CSV writer per rates file, rows written as they come (no per-field strings).
    let mut by_file: BTreeMap<String, csv::Writer<Vec<u8>>> = BTreeMap::new();
    for r in &imp.rates {
        let w = by_file.entry(rate_file(r)).or_insert_with(|| {
            let mut w = csv::Writer::from_writer(Vec::new());
            w.write_record(RATE_COLUMNS).expect("writing to memory");
            w
        });
        write_rate(w, r);
    }
    let mut files: Vec<(String, String)> = by_file
        .into_iter()
        .map(|(name, w)| {
            let bytes = w.into_inner().expect("writing to memory");
            (
                name,
                String::from_utf8(bytes).expect("CSV of UTF-8 strings"),
            )
        })
        .collect();
    if !imp.instances.is_empty() {
        files.push((
            "instances.csv".into(),
            csv_text(
                &[
                    "instance_type",
                    "family",
                    "vcpu",
                    "memory_gib",
                    "architecture",
                    "source",
                    "notes",
                ],
                imp.instances.iter().map(|i| {
                    vec![
                        i.instance_type.clone(),
                        i.family.clone(),
                        i.vcpu.to_string(),
                        i.memory_gib.to_string(),
                        i.architecture.as_str().to_string(),
                        i.source.clone(),
                        "vCPU, memory and processor architecture from the offer file".into(),
                    ]
                }),
            ),
        ));
    }
    if !imp.spot.is_empty() {
        files.push((
            "spot_advisor.csv".into(),
            csv_text(
                &[
                    "region",
                    "instance_type",
                    "savings_pct",
                    "interruption_band",
                    "effective_date",
                    "source",
                ],
                imp.spot.iter().map(|s| {
                    vec![
                        s.region.clone(),
                        s.instance_type.clone(),
                        s.savings_pct.to_string(),
                        s.interruption_band.clone(),
                        s.effective_date.to_string(),
                        s.source.clone(),
                    ]
                }),
            ),
        ));
    }
    files.push((
        "sources.csv".into(),
        csv_text(
            &["id", "description", "url", "effective_date"],
            imp.sources.iter().map(|s| {
                vec![
                    s.id.clone(),
                    s.description.clone(),
                    s.url.clone(),
                    s.effective_date.clone(),
                ]
            }),
        ),
    ));
    files
}

/// Write `files` into `dir` without half-writing: temp directory, `check` on it, then rename.
/// When `check` fails nothing in `dir` changes. Files already in `dir` with other names stay.
pub fn write_dir<E>(
    dir: &Path,
    files: &[(String, String)],
    check: impl FnOnce(&Path) -> Result<(), E>,
) -> Result<(), WriteError<E>> {
    let io = |p: &Path, e: std::io::Error| WriteError::Io(format!("{}: {e}", p.display()));
    let parent = match dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "catalogue".into());
    let tmp = parent.join(format!(".{name}.import-{}.tmp", std::process::id()));
    let cleanup = |tmp: &Path| {
        let _ = std::fs::remove_dir_all(tmp);
    };
    let result = (|| {
        if tmp.exists() {
            std::fs::remove_dir_all(&tmp).map_err(|e| io(&tmp, e))?;
        }
        for (rel, text) in files {
            let p = tmp.join(rel);
            if let Some(d) = p.parent() {
                std::fs::create_dir_all(d).map_err(|e| io(d, e))?;
            }
            std::fs::write(&p, text).map_err(|e| io(&p, e))?;
        }
        check(&tmp).map_err(WriteError::Invalid)?;
        if !dir.exists() {
            std::fs::rename(&tmp, dir).map_err(|e| io(dir, e))?;
            return Ok(());
        }
        for (rel, _) in files {
            let to = dir.join(rel);
            if let Some(d) = to.parent() {
                std::fs::create_dir_all(d).map_err(|e| io(d, e))?;
            }
            std::fs::rename(tmp.join(rel), &to).map_err(|e| io(&to, e))?;
        }
        Ok(())
    })();
    cleanup(&tmp);
    result
}

/// Why [`write_dir`] failed.
#[derive(Debug)]
pub enum WriteError<E> {
    /// The written catalogue did not pass the check (nothing was moved into place).
    Invalid(E),
    /// A file or directory could not be written or moved: its path and the OS's reason.
    Io(String),
}
