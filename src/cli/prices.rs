//! `cloudplan prices import FILE... [--out DIR] [--date YYYY-MM-DD]`: AWS price files → catalogue.
//!
//! A thin shell over `catalog::import`: open the files (with an indicatif progress bar on
//! stderr, drawn only when stderr is a terminal), import, write the catalogue directory
//! atomically after checking it loads with `catalog::load::load_dir`, print a summary.

use super::{Failure, bad_input, other};
use crate::catalog::import::{self, ImportError, Imported, Options, write};
use crate::catalog::load;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Run the import and print the summary to stdout.
pub fn import_command(files: &[PathBuf], out: &Path, date: Option<&str>) -> Result<(), Failure> {
    let date = match date {
        None => None,
        Some(d) => Some(
            chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d")
                .map_err(|_| bad_input(format!("--date: `{d}` is not a date (YYYY-MM-DD)")))?,
        ),
    };
    let opts = Options {
        date,
        ..Options::default()
    };
    let started = std::time::Instant::now();
    let ctl = import::Control::default();
    let done = std::sync::atomic::AtomicBool::new(false);
    let imported = std::thread::scope(|sc| {
        // The bar is fed from the shared byte counter (the reader threads only count).
        sc.spawn(|| {
            use std::sync::atomic::Ordering::Relaxed;
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
            bar.set_style(
                ProgressStyle::with_template(
                    "{msg} [{bar:30}] {bytes}/{total_bytes} {bytes_per_sec} eta {eta}",
                )
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> "),
            );
            bar.set_message("importing");
            while !done.load(Relaxed) {
                let total = ctl.bytes_total.load(Relaxed);
                bar.set_length(total);
                bar.set_position(ctl.bytes_done.load(Relaxed).min(total));
                std::thread::sleep(std::time::Duration::from_millis(100));
            }
            bar.finish_and_clear();
        });
        let r = import::import_files(files, &opts, &ctl);
        done.store(true, std::sync::atomic::Ordering::Relaxed);
        r
    })
    // Unreadable or malformed input files are bad input (exit 2).
    .map_err(|e: ImportError| bad_input(e))?;
    let t_read = started.elapsed();
    let files_out = write::render(&imported);
    let t_render = started.elapsed();
    let has_rates = !imported.rates.is_empty();
    write::write_dir(out, &files_out, |dir| {
        // The imported catalogue must load alone and over the embedded one (read and parsed
        // once for both checks).
        if has_rates {
            load::load_dir_checked(dir, load::embedded()).map(|_| ())
        } else {
            load::load_dir(dir, Some(load::embedded())).map(|_| ())
        }
    })
    .map_err(|e| match e {
        write::WriteError::Invalid(e) => bad_input(format!(
            "the imported catalogue does not load, nothing written: {e}"
        )),
        write::WriteError::Io(m) => other(m),
    })?;
    if std::env::var_os("CLOUDPLAN_IMPORT_TIMES").is_some() {
        eprintln!(
            "import times: read {:.3} s, render {:.3} s, write+check {:.3} s",
            t_read.as_secs_f64(),
            (t_render - t_read).as_secs_f64(),
            (started.elapsed() - t_render).as_secs_f64()
        );
    }
    print!("{}", summary_text(&imported, out));
    Ok(())
}

/// The summary: per file and overall rows read/kept/skipped, skip reasons, effective dates.
pub fn summary_text(imp: &Imported, out: &Path) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "imported {} file(s) into {}",
        imp.files.len(),
        out.display()
    );
    for f in &imp.files {
        let _ = writeln!(
            s,
            "  {}: {} {}, effective {}: {} rows read, {} kept, {} skipped",
            f.file,
            if f.offer_code.is_empty() {
                "?"
            } else {
                &f.offer_code
            },
            f.version,
            f.effective_date
                .map(|d| d.to_string())
                .unwrap_or_else(|| "undated".into()),
            f.summary.rows_read,
            f.summary.rows_kept,
            f.summary.skipped_total(),
        );
        if !f.savings_plans.is_empty() {
            let _ = writeln!(
                s,
                "    {} Savings Plans rates read and validated (not written: the catalogue has no Savings Plans option yet)",
                f.savings_plans.len()
            );
        }
    }
    let sm = &imp.summary;
    let _ = writeln!(
        s,
        "rows read: {}, kept: {}, skipped: {}",
        sm.rows_read,
        sm.rows_kept,
        sm.skipped_total()
    );
    let _ = writeln!(
        s,
        "written: {} rates, {} instance types, {} spot advisor rows",
        imp.rates.len(),
        imp.instances.len(),
        imp.spot.len()
    );
    if let Some((a, b)) = imp.date_range() {
        if a == b {
            let _ = writeln!(s, "effective date: {a}");
        } else {
            let _ = writeln!(s, "effective dates: {a} to {b}");
        }
    }
    if !sm.skipped.is_empty() {
        let _ = writeln!(s, "skipped by reason:");
        let mut reasons: Vec<(&String, &u64)> = sm.skipped.iter().collect();
        reasons.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        for (reason, n) in reasons {
            let _ = writeln!(s, "  {n:>10}  {reason}");
        }
    }
    s
}
