//! Operating-system file dialogs behind a small trait, so tests and headless runs need none.
//!
//! [`RfdDialogs`] uses rfd's XDG portal dialogs (pure Rust, no GTK); with no portal running a
//! dialog returns `None` at once — and says so through [`Dialogs::take_unavailable`], so the
//! app can offer its own dialog ([`crate::ui::file_dialog`]) instead of doing nothing. The app
//! holds its dialogs in [`FileDialogs`], which also answers a pick with a path chosen in that
//! fallback dialog. Tests use [`FixedPaths`] (prepared paths) and [`NoPortal`] (never opens).

use std::path::PathBuf;
use std::time::{Duration, Instant};

/// What kind of file a dialog is for (sets its filter and default extension).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// A plan file (`.cloudplan.json`).
    Plan,
    /// A CSV file to read (items to import; also the Forecast tab's bill history).
    ItemsCsv,
    /// A CSV file to write (estimate, comparison, forecast or per-step export).
    EstimateCsv,
    /// A PNG image (chart export).
    Png,
    /// An SVG image (chart export).
    Svg,
    /// An AWS price file to import (offer CSV/JSON, Spot Instance Advisor JSON).
    OfferFile,
    /// A catalogue directory to write (the OS dialog picks the folder to put it in).
    CatalogDir,
}

impl FileKind {
    /// The dialog's filter: its name and the file extensions it shows (none: any).
    pub fn filter(self) -> (&'static str, &'static [&'static str]) {
        match self {
            FileKind::Plan => ("cloudplan plan", &["json"]),
            FileKind::ItemsCsv | FileKind::EstimateCsv => ("CSV", &["csv"]),
            FileKind::Png => ("PNG image", &["png"]),
            FileKind::Svg => ("SVG image", &["svg"]),
            FileKind::OfferFile => ("AWS price file", &["csv", "json"]),
            FileKind::CatalogDir => ("catalogue directory", &[]),
        }
    }
}

/// File pickers used by the app.
pub trait Dialogs {
    /// Ask for an existing file to read.
    fn pick_open(&mut self, kind: FileKind) -> Option<PathBuf>;
    /// Ask where to write a file; `suggested` is the proposed file name.
    fn pick_save(&mut self, kind: FileKind, suggested: &str) -> Option<PathBuf>;
    /// Why the last dialog could not be shown at all, once (`None`: it was shown, and a `None`
    /// answer was the person cancelling).
    fn take_unavailable(&mut self) -> Option<String> {
        None
    }
}

/// A dialog returning this fast was never on screen (nobody cancels within a quarter second).
const NEVER_SHOWN: Duration = Duration::from_millis(250);

/// Native dialogs through rfd.
#[derive(Debug, Default)]
pub struct RfdDialogs {
    unavailable: Option<String>,
}

impl RfdDialogs {
    /// Run one rfd dialog, noting when it could not have been shown.
    fn run(&mut self, f: impl FnOnce() -> Option<PathBuf>) -> Option<PathBuf> {
        self.unavailable = None;
        #[cfg(target_os = "linux")]
        if std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_none()
            && !std::env::var_os("XDG_RUNTIME_DIR")
                .is_some_and(|d| std::path::Path::new(&d).join("bus").exists())
        {
            self.unavailable = Some(
                "no D-Bus session, so no desktop portal to show the system file dialog".into(),
            );
            return None;
        }
        let start = Instant::now();
        let picked = f();
        if picked.is_none() && start.elapsed() < NEVER_SHOWN {
            self.unavailable =
                Some("the system file dialog did not open (no desktop portal answered)".into());
        }
        picked
    }
}

impl Dialogs for RfdDialogs {
    fn pick_open(&mut self, kind: FileKind) -> Option<PathBuf> {
        let (name, ext) = kind.filter();
        self.run(|| rfd::FileDialog::new().add_filter(name, ext).pick_file())
    }
    fn pick_save(&mut self, kind: FileKind, suggested: &str) -> Option<PathBuf> {
        if kind == FileKind::CatalogDir {
            // A folder to put the catalogue directory `suggested` in.
            return self.run(|| {
                rfd::FileDialog::new()
                    .pick_folder()
                    .map(|d| d.join(suggested))
            });
        }
        let (name, ext) = kind.filter();
        self.run(|| {
            rfd::FileDialog::new()
                .add_filter(name, ext)
                .set_file_name(suggested)
                .save_file()
        })
    }
    fn take_unavailable(&mut self) -> Option<String> {
        self.unavailable.take()
    }
}

/// A machine with no desktop portal: no dialog ever opens (for tests of the fallback).
#[derive(Debug, Default)]
pub struct NoPortal {
    asked: bool,
}

impl Dialogs for NoPortal {
    fn pick_open(&mut self, _kind: FileKind) -> Option<PathBuf> {
        self.asked = true;
        None
    }
    fn pick_save(&mut self, _kind: FileKind, _suggested: &str) -> Option<PathBuf> {
        self.asked = true;
        None
    }
    fn take_unavailable(&mut self) -> Option<String> {
        std::mem::take(&mut self.asked).then(|| "no desktop portal (test)".to_string())
    }
}

/// A pick the system dialog could not show: what was asked.
#[derive(Debug, Clone, PartialEq)]
pub struct FailedPick {
    /// What kind of file.
    pub kind: FileKind,
    /// A file to write (`true`) or to read.
    pub save: bool,
    /// The proposed file name (saves).
    pub suggested: String,
    /// Why the system dialog did not open.
    pub reason: String,
}

/// The app's file dialogs: the system's ([`Dialogs`]), a path chosen in the app's own dialog
/// answering the next pick of its kind, and a record of a pick the system could not show.
pub struct FileDialogs {
    inner: Box<dyn Dialogs>,
    prepared: Option<(FileKind, PathBuf)>,
    /// The last pick the system dialog could not show (taken by the app, which then opens its
    /// own dialog).
    pub failed: Option<FailedPick>,
}

impl FileDialogs {
    /// Wrap the system's dialogs.
    pub fn new(inner: Box<dyn Dialogs>) -> FileDialogs {
        FileDialogs {
            inner,
            prepared: None,
            failed: None,
        }
    }

    /// Answer the next pick of `kind` with `path` (chosen in the app's own dialog).
    pub fn prepare(&mut self, kind: FileKind, path: PathBuf) {
        self.prepared = Some((kind, path));
    }

    fn prepared_for(&mut self, kind: FileKind) -> Option<PathBuf> {
        match self.prepared.take() {
            Some((k, p)) if k == kind => Some(p),
            other => {
                self.prepared = other;
                None
            }
        }
    }

    fn note(
        &mut self,
        picked: Option<PathBuf>,
        kind: FileKind,
        save: bool,
        suggested: &str,
    ) -> Option<PathBuf> {
        if picked.is_none()
            && let Some(reason) = self.inner.take_unavailable()
        {
            self.failed = Some(FailedPick {
                kind,
                save,
                suggested: suggested.to_string(),
                reason,
            });
        }
        picked
    }

    /// Ask for an existing file to read.
    pub fn pick_open(&mut self, kind: FileKind) -> Option<PathBuf> {
        if let Some(p) = self.prepared_for(kind) {
            return Some(p);
        }
        let picked = self.inner.pick_open(kind);
        self.note(picked, kind, false, "")
    }

    /// Ask where to write a file; `suggested` is the proposed file name.
    pub fn pick_save(&mut self, kind: FileKind, suggested: &str) -> Option<PathBuf> {
        if let Some(p) = self.prepared_for(kind) {
            return Some(p);
        }
        let picked = self.inner.pick_save(kind, suggested);
        self.note(picked, kind, true, suggested)
    }
}

/// Answers every dialog from a queue of prepared paths (`None` once empty): for tests.
#[derive(Debug, Default)]
pub struct FixedPaths {
    /// Answers to `pick_open`, first one first.
    pub open: Vec<PathBuf>,
    /// Answers to `pick_save`, first one first.
    pub save: Vec<PathBuf>,
}

impl Dialogs for FixedPaths {
    fn pick_open(&mut self, _kind: FileKind) -> Option<PathBuf> {
        (!self.open.is_empty()).then(|| self.open.remove(0))
    }
    fn pick_save(&mut self, _kind: FileKind, _suggested: &str) -> Option<PathBuf> {
        (!self.save.is_empty()).then(|| self.save.remove(0))
    }
}
