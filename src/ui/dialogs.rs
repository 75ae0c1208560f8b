//! Operating-system file dialogs behind a small trait, so tests and headless runs need none.
//!
//! [`RfdDialogs`] uses rfd's XDG portal dialogs (pure Rust, no GTK); with no portal running a
//! dialog returns `None` at once. Tests use [`FixedPaths`], which answers with prepared paths.

use std::path::PathBuf;

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
}

/// Native dialogs through rfd.
#[derive(Debug, Default)]
pub struct RfdDialogs;

impl Dialogs for RfdDialogs {
    fn pick_open(&mut self, kind: FileKind) -> Option<PathBuf> {
        let (name, ext) = kind.filter();
        rfd::FileDialog::new().add_filter(name, ext).pick_file()
    }
    fn pick_save(&mut self, kind: FileKind, suggested: &str) -> Option<PathBuf> {
        if kind == FileKind::CatalogDir {
            // A folder to put the catalogue directory `suggested` in.
            return rfd::FileDialog::new()
                .pick_folder()
                .map(|d| d.join(suggested));
        }
        let (name, ext) = kind.filter();
        rfd::FileDialog::new()
            .add_filter(name, ext)
            .set_file_name(suggested)
            .save_file()
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
