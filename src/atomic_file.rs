//! Crash-safe replacement of a file's contents — the one writer behind plan saves, autosave,
//! CSV/JSON reports and chart files, in the app and the CLI alike.
//!
//! [`write`] puts the bytes in a uniquely named, locked temporary file in the target's folder,
//! syncs it, renames it over the target and syncs the folder. A process killed at any moment
//! leaves the target either as it was or as written, never torn (`tests/crash_safety.rs` kills a
//! saver 200 times). Temporary names are `.<file name>.<pid>-<nanos>-<n>.tmp`: hidden, never
//! `*.json` or `*.csv`, so neither a file dialog's filter nor a person takes one for the real
//! file, and the next write to the same target removes those a killed writer left behind.

use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};

/// How every temporary file of [`write`] ends.
pub const TEMP_SUFFIX: &str = ".tmp";

/// A failed [`write`]: what it was doing and the operating system's reason. The target is
/// untouched (the rename is the last step) and the temporary file is removed.
#[derive(Debug)]
pub struct WriteError {
    /// What could not be done, e.g. "write the temporary file".
    pub action: &'static str,
    /// The operating system's error.
    pub source: std::io::Error,
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "cannot {}: {}", self.action, self.source)
    }
}

impl std::error::Error for WriteError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}

/// Replace `path`'s contents with `bytes` atomically (see the module comment). An existing
/// target keeps its file mode.
pub fn write(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "file".into());
    remove_stale_temporaries(&dir, &file_name);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    let fail = |action: &'static str| move |source| WriteError { action, source };
    let mut attempt = 0;
    loop {
        // Unique in the folder: another process (a second app window autosaving to the same
        // recovery file) never writes into our temporary file.
        let tmp = dir.join(format!(
            ".{file_name}.{}-{nanos}-{attempt}{TEMP_SUFFIX}",
            std::process::id()
        ));
        let attempt_write = || -> Result<(), WriteError> {
            let f = std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&tmp)
                .map_err(fail("create a temporary file in the target's folder"))?;
            // Held until the rename is done (and released by the OS however this process ends):
            // an unlocked temporary file is one a killed write left behind.
            let _ = f.try_lock();
            if let Ok(meta) = std::fs::metadata(path) {
                // Keep the user's file mode (a rename would otherwise reset it).
                let _ = f.set_permissions(meta.permissions());
            }
            (&f).write_all(bytes)
                .map_err(fail("write the temporary file"))?;
            f.sync_all().map_err(fail("sync the temporary file"))?;
            std::fs::rename(&tmp, path).map_err(fail("replace the file"))?;
            drop(f);
            Ok(())
        };
        match attempt_write() {
            Ok(()) => break,
            Err(e) => {
                let _ = std::fs::remove_file(&tmp);
                // Another write's clean-up removed our file between its creation and its lock
                // (see `remove_stale_temporaries`): try again under a new name.
                if e.source.kind() == std::io::ErrorKind::NotFound && attempt < 3 {
                    attempt += 1;
                    continue;
                }
                return Err(e);
            }
        }
    }
    // Make the rename itself durable (best effort: not every platform can sync a directory).
    if let Ok(d) = std::fs::File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Whether `name` is one of [`write`]'s temporary files for the file `target_name`.
pub fn is_temporary(name: &str, target_name: &str) -> bool {
    name.strip_prefix('.')
        .and_then(|n| n.strip_prefix(target_name))
        .and_then(|n| n.strip_prefix('.'))
        .and_then(|n| n.strip_suffix(TEMP_SUFFIX))
        .is_some_and(|mid| {
            let parts: Vec<&str> = mid.split('-').collect();
            parts.len() == 3
                && parts
                    .iter()
                    .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        })
}

/// Remove the temporary files that writes of the same target left when they were killed
/// mid-write, so they never pile up: a write in progress holds a lock on its temporary file, the
/// operating system releases it when that process ends however it ends, so a temporary file whose
/// lock we can take belongs to no running write.
fn remove_stale_temporaries(dir: &Path, target_name: &str) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        if !name.to_str().is_some_and(|n| is_temporary(n, target_name)) {
            continue;
        }
        let p = entry.path();
        let Ok(f) = std::fs::File::open(&p) else {
            continue;
        };
        if f.try_lock().is_ok() {
            let _ = std::fs::remove_file(&p);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let d =
            std::env::temp_dir().join(format!("cloudplan-atomic-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    fn listing(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn replaces_contents_and_leaves_no_temporary_file() {
        let d = scratch("replace");
        let p = d.join("report.csv");
        write(&p, b"old\n").unwrap();
        write(&p, b"new\n").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"new\n");
        assert_eq!(listing(&d), ["report.csv"]);
        std::fs::remove_dir_all(&d).unwrap();
    }

    #[test]
    fn removes_unlocked_leftovers_of_killed_writes_but_not_other_files() {
        let d = scratch("stale");
        let p = d.join("chart.svg");
        // What a write killed before its rename leaves, and files that merely look similar.
        std::fs::write(d.join(".chart.svg.4242-123-0.tmp"), b"torn").unwrap();
        std::fs::write(d.join(".chart.svg.notes.tmp"), b"keep").unwrap();
        std::fs::write(d.join(".other.svg.4242-123-0.tmp"), b"keep").unwrap();
        write(&p, b"<svg/>").unwrap();
        assert_eq!(
            listing(&d),
            [
                ".chart.svg.notes.tmp",
                ".other.svg.4242-123-0.tmp",
                "chart.svg"
            ]
        );
        std::fs::remove_dir_all(&d).unwrap();
    }

    #[test]
    fn a_failed_write_names_the_step_and_keeps_the_target() {
        let d = scratch("fail");
        let p = d.join("missing-folder").join("out.csv");
        let e = write(&p, b"x").unwrap_err();
        assert_eq!(e.action, "create a temporary file in the target's folder");
        assert!(
            e.to_string().starts_with("cannot create a temporary file"),
            "{e}"
        );
        assert_eq!(listing(&d), Vec::<String>::new());
        std::fs::remove_dir_all(&d).unwrap();
    }

    #[test]
    fn temporary_names_are_recognised_exactly() {
        assert!(is_temporary(".plan.json.12-34-0.tmp", "plan.json"));
        assert!(!is_temporary(".plan.json.12-34.tmp", "plan.json"));
        assert!(!is_temporary(".plan.json.12-x-0.tmp", "plan.json"));
        assert!(!is_temporary("plan.json.12-34-0.tmp", "plan.json"));
        assert!(!is_temporary(".plan.json.12-34-0.tmp", "plan"));
    }
}
