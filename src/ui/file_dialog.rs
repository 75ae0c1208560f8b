//! The app's own file dialog, for when the system's cannot open (no desktop portal on minimal
//! or VDI Linux desktops): a path field, the folders used recently, the matching files of the
//! folder typed, OK / Cancel. Files never fail silently: the status bar says why this dialog
//! is shown, and OK answers the command that asked (it is sent again and its pick gets the
//! path, [`crate::ui::dialogs::FileDialogs::prepare`]).

use crate::ui::app::App;
use crate::ui::commands::Command;
use crate::ui::dialogs::{FailedPick, FileKind};
use egui::RichText;
use std::path::{Path, PathBuf};

/// Folders kept in the settings for this dialog.
pub const RECENT_FOLDERS: usize = 8;

/// An open in-app file dialog.
#[derive(Debug, Clone, PartialEq)]
pub struct FileDialog {
    /// What was asked of the system dialog.
    pub pick: FailedPick,
    /// The path typed so far.
    pub text: String,
    /// The command to run again once a path is chosen (none when a tab's button asked).
    pub retry: Option<Command>,
    /// Why the path typed cannot be used.
    pub problem: Option<String>,
    focused: bool,
}

impl FileDialog {
    /// A dialog for `pick`, starting in the most recent folder (or the working directory).
    pub fn new(pick: FailedPick, retry: Option<Command>, folders: &[PathBuf]) -> FileDialog {
        let dir = folders
            .first()
            .cloned()
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_default();
        let text = if pick.save {
            dir.join(&pick.suggested).display().to_string()
        } else {
            format!("{}{}", dir.display(), std::path::MAIN_SEPARATOR)
        };
        FileDialog {
            pick,
            text,
            retry,
            problem: None,
            focused: false,
        }
    }
}

/// The folders to offer: recently used ones, those of recent plans, the working directory and
/// the home directory, without repeats.
fn folders(app: &App) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = app.settings.recent_folders.clone();
    v.extend(
        app.settings
            .recent
            .iter()
            .filter_map(|p| p.parent().map(Path::to_path_buf)),
    );
    v.extend(std::env::current_dir().ok());
    v.extend(std::env::var_os("HOME").map(PathBuf::from));
    let mut seen = std::collections::HashSet::new();
    v.retain(|p| !p.as_os_str().is_empty() && seen.insert(p.clone()));
    v
}

/// The path to use, or why not: an existing file to open; a save into an existing folder
/// (the kind's extension added when the name has none).
pub fn check(pick: &FailedPick, text: &str) -> Result<PathBuf, String> {
    let t = text.trim();
    if t.is_empty() {
        return Err("type a path".into());
    }
    let mut path = PathBuf::from(t);
    if pick.save {
        if pick.kind == FileKind::CatalogDir {
            if path.exists() {
                return Err(format!(
                    "{} exists already; name a new folder",
                    path.display()
                ));
            }
        } else if path.is_dir() {
            return Err(format!("{} is a folder; add a file name", path.display()));
        }
        let (_, exts) = pick.kind.filter();
        if let Some(ext) = exts.first()
            && path.extension().is_none()
        {
            path.set_extension(ext);
        }
        match path.parent() {
            Some(d) if !d.as_os_str().is_empty() && !d.is_dir() => {
                Err(format!("folder {} does not exist", d.display()))
            }
            _ => Ok(path),
        }
    } else if path.is_file() {
        Ok(path)
    } else if path.is_dir() {
        Err(format!(
            "{} is a folder; choose a file in it",
            path.display()
        ))
    } else {
        Err(format!("no file at {}", path.display()))
    }
}

/// Files in the folder of `text` that match `kind` (at most 40, by name).
fn files_in(text: &str, kind: FileKind) -> Vec<PathBuf> {
    let p = Path::new(text.trim());
    let dir = if p.is_dir() {
        p
    } else {
        p.parent().unwrap_or(p)
    };
    let (_, exts) = kind.filter();
    let Ok(rd) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut v: Vec<PathBuf> = rd
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.is_file()
                && p.extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| exts.iter().any(|x| x.eq_ignore_ascii_case(e)))
        })
        .collect();
    v.sort();
    v.truncate(40);
    v
}

/// Draw the dialog when one is open; OK or Cancel closes it.
pub fn ui(app: &mut App, ctx: &egui::Context) {
    let s = app.strings();
    let Some(mut d) = app.file_dialog.take() else {
        return;
    };
    let folders = folders(app);
    let mut ok = false;
    let mut cancel = false;
    egui::Modal::new(egui::Id::unique("cloudplan-file-dialog")).show(ctx, |ui| {
        ui.set_width(560.0);
        ui.heading(if d.pick.save {
            s.fd_save_title
        } else {
            s.fd_open_title
        });
        ui.label(RichText::new(format!("{}: {}", s.fd_why, d.pick.reason)).weak());
        ui.add_space(6.0);
        let label = ui.label(s.fd_path);
        let resp = ui
            .add(
                egui::TextEdit::singleline(&mut d.text)
                    .id(egui::Id::unique("cloudplan-file-dialog-path"))
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        if !d.focused {
            resp.request_focus();
            d.focused = true;
        }
        if resp.changed() {
            d.problem = None;
        }
        if resp.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            ok = true;
        }
        if let Some(p) = &d.problem {
            ui.colored_label(ui.visuals().error_fg_color, p);
        }
        ui.add_space(6.0);
        ui.label(RichText::new(s.fd_folders).strong());
        let name = Path::new(d.text.trim())
            .file_name()
            .filter(|_| d.pick.save)
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| d.pick.suggested.clone());
        egui::ScrollArea::vertical()
            .id_salt("fd-folders")
            .max_height(120.0)
            .show(ui, |ui| {
                for f in &folders {
                    if ui.button(f.display().to_string()).clicked() {
                        d.text = if d.pick.save {
                            f.join(&name).display().to_string()
                        } else {
                            format!("{}{}", f.display(), std::path::MAIN_SEPARATOR)
                        };
                        d.problem = None;
                    }
                }
            });
        if !d.pick.save {
            let files = files_in(&d.text, d.pick.kind);
            if !files.is_empty() {
                ui.add_space(4.0);
                ui.label(RichText::new(s.fd_files).strong());
                egui::ScrollArea::vertical()
                    .id_salt("fd-files")
                    .max_height(160.0)
                    .show(ui, |ui| {
                        for f in files {
                            let n = f.file_name().map(|n| n.to_string_lossy().into_owned());
                            if ui.button(n.unwrap_or_default()).clicked() {
                                d.text = f.display().to_string();
                                d.problem = None;
                            }
                        }
                    });
            }
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            let label = if d.pick.save { s.save } else { s.fd_open };
            if ui.button(label).clicked() {
                ok = true;
            }
            if ui.button(s.cancel).clicked() {
                cancel = true;
            }
        });
    });
    if cancel {
        return;
    }
    if !ok {
        app.file_dialog = Some(d);
        return;
    }
    match check(&d.pick, &d.text) {
        Err(p) => {
            d.problem = Some(p);
            app.file_dialog = Some(d);
        }
        Ok(path) => {
            if let Some(dir) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
                let f = &mut app.settings.recent_folders;
                f.retain(|x| x != dir);
                f.insert(0, dir.to_path_buf());
                f.truncate(RECENT_FOLDERS);
            }
            app.dialogs.prepare(d.pick.kind, path.clone());
            match d.retry {
                Some(cmd) => app.retry_after_file_dialog(cmd),
                None => app.notify(format!("{} {}", s.fd_press_again, path.display())),
            }
        }
    }
}
