//! The application: owns the document and the per-tab UI state, lays out the panels each
//! frame, and runs the [`Command`]s the widgets sent once the frame is drawn.
//!
//! Adding a tab: add a [`Tab`] variant, a module with a `ui` function, and one match arm in
//! [`App::central`].

use crate::catalog::Catalog;
use crate::cost;
use crate::plan::{self, Item, Num, Parameter, Plan};
use crate::report::chart;
use crate::ui::cells::{self, Col};
use crate::ui::commands::{self, Command, ExportKind, PlanEdit};
use crate::ui::dialogs::{Dialogs, FileDialogs, FileKind};
use crate::ui::i18n::{Lang, Strings};
use crate::ui::state::Document;
use crate::ui::{detail, estimate_tab, grid, menu, sidebar, status};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Settings kept between runs through eframe persistence.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Dark theme on (View ▸ Dark); light when false.
    pub dark: bool,
    /// Language of the UI text (View ▸ Language).
    pub lang: Lang,
    /// Recently opened or saved plan files, newest first (at most 10, File ▸ Recent).
    pub recent: Vec<PathBuf>,
    /// The default region last chosen in the plan settings: File ▸ New starts there.
    pub last_region: Option<String>,
    /// Folders chosen in the app's own file dialog, most recent first.
    pub recent_folders: Vec<PathBuf>,
}

/// Key under which [`Settings`] are stored.
pub const SETTINGS_KEY: &str = "cloudplan-settings";
const RECENT_LIMIT: usize = 10;
/// Seconds between autosaves of unsaved changes to the recovery file.
const AUTOSAVE_SECONDS: f64 = 15.0;

/// Tabs of the central area.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    /// The spreadsheet grid of items, with the detail panel (Ctrl+1).
    Plan,
    /// Totals, charts and the cost breakdown (Ctrl+2).
    Estimate,
    /// Purchase options of EC2 and RDS items compared (Ctrl+3).
    Compare,
    /// Simulation of one Auto Scaling group (Ctrl+4).
    Scaling,
    /// The bill month by month under growth drivers (Ctrl+5).
    Forecast,
    /// EC2 instance types and prices of the catalogue in use (Ctrl+6).
    Catalog,
}

impl Tab {
    /// Every tab in the order of the tab bar (and of the Ctrl+1 … Ctrl+6 shortcuts).
    pub const ALL: [Tab; 6] = [
        Tab::Plan,
        Tab::Estimate,
        Tab::Compare,
        Tab::Scaling,
        Tab::Forecast,
        Tab::Catalog,
    ];
    /// The tab's title in the tab bar, in the language of `s`.
    pub fn title(self, s: &Strings) -> &'static str {
        match self {
            Tab::Plan => s.tab_plan,
            Tab::Estimate => s.tab_estimate,
            Tab::Compare => s.tab_compare,
            Tab::Scaling => s.tab_scaling,
            Tab::Forecast => s.tab_forecast,
            Tab::Catalog => s.tab_catalog,
        }
    }
}

/// A message for the status bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    /// The message as shown (truncated in the bar, whole on hover).
    pub text: String,
    /// Shown in the error colour (an open, save, export, import or edit failed).
    pub error: bool,
}

/// A text a person typed that could not be applied: shown red with the reason; the plan
/// keeps (and prices) the last valid value.
#[derive(Debug, Clone, PartialEq)]
pub struct Rejected {
    /// The text as typed, kept in the cell or field so it can be corrected.
    pub text: String,
    /// Why it was refused (shown on hover and in the status bar).
    pub reason: String,
}

/// Modal questions.
#[derive(Debug, Clone, PartialEq)]
pub enum Modal {
    /// Unsaved changes would be lost by this command.
    ConfirmDiscard(Command),
    /// A recovery file was found at start: the plan and the file it was last opened from or
    /// saved to (none for a plan never saved).
    OfferRecovery(Box<Plan>, Option<PathBuf>),
}

/// The whole desktop app: the open document, settings and every panel's state.
pub struct App {
    /// The price catalogue in use (the embedded one, or one chosen in the Catalogue tab).
    pub catalog: &'static Catalog,
    /// The open plan with its file, history and estimate.
    pub doc: Document,
    /// Theme, language and recent files, saved between runs.
    pub settings: Settings,
    /// The tab shown in the central area.
    pub tab: Tab,
    /// The Plan grid's cursor, selection, sort and open editor.
    pub grid: grid::GridState,
    /// The detail panel's edit buffers.
    pub detail: detail::DetailState,
    /// The sidebar's parameter edit buffers and group list.
    pub sidebar: sidebar::SidebarState,
    /// The Estimate tab's chart textures.
    pub charts: estimate_tab::ChartCache,
    /// File pickers (native dialogs, or prepared paths in tests), and a path chosen in the
    /// app's own dialog when the native one could not open.
    pub dialogs: FileDialogs,
    /// The app's own file dialog, open when the system's could not be shown.
    pub file_dialog: Option<crate::ui::file_dialog::FileDialog>,
    /// The latest status bar message, if any (it lasts until the plan changes).
    pub notice: Option<Notice>,
    /// The notice as last seen and the plan generation it was first shown at: a notice lasts
    /// until the plan changes (an edit, undo, another plan opened) — it belongs to the state
    /// that caused it.
    notice_seen: Option<(Notice, u64)>,
    /// The dialog shown over the window, if any.
    pub modal: Option<Modal>,
    /// Rejected edits by (item id or `param:NAME`, field key).
    pub rejected: HashMap<(String, String), Rejected>,
    /// Where unsaved work is autosaved (`None`: no autosave).
    pub recovery_path: Option<PathBuf>,
    /// Commands sent during the current frame.
    pub commands: Vec<Command>,
    /// CPU time of the last frame's `ui`, milliseconds (shown in the status bar).
    pub frame_ms: f32,
    applied_theme: Option<bool>,
    title: String,
    allow_close: bool,
    /// The person chose "Discard" for the next plan-replacing command: run it without asking
    /// again, and keep the plan's dirty flag if that command fails (a malformed file).
    discard_confirmed: bool,
    autosaved_generation: u64,
    last_autosave: f64,
    /// When set, print the time from this instant to the end of the first frame and close
    /// (the cold-start measurement of `CLOUDPLAN_STARTUP_PROBE=1 cloudplan`).
    pub startup_probe: Option<std::time::Instant>,
    /// The Catalogue tab's catalogues and running import.
    pub catalog_tab: crate::ui::catalog_tab::TabState,
    /// The plan settings window.
    pub plan_settings: crate::ui::settings_panel::SettingsPanel,
    /// The Scaling tab's state.
    pub scaling: crate::ui::scaling_tab::ScalingTabState,
    /// The Compare tab's state.
    pub compare: crate::ui::compare_tab::CompareState,
    /// The Forecast tab's state.
    pub forecast: crate::ui::forecast_tab::ForecastState,
}

impl App {
    /// Open `initial` (or the default plan). A file that fails to load leaves the default plan
    /// open and shows the error.
    pub fn new(
        catalog: &'static Catalog,
        initial: Option<PathBuf>,
        dialogs: Box<dyn Dialogs>,
        settings: Settings,
        recovery_path: Option<PathBuf>,
    ) -> App {
        let mut notice = None;
        let (plan, path) = match initial {
            Some(p) => match plan::file::load(&p) {
                Ok(plan) => (plan, Some(p)),
                Err(e) => {
                    notice = Some(Notice {
                        text: e.to_string(),
                        error: true,
                    });
                    (plan::file::default_plan(), None)
                }
            },
            None => (plan::file::default_plan(), None),
        };
        let doc = Document::new(plan, path, catalog);
        let modal = recovery_path
            .as_deref()
            .and_then(|p| std::fs::read_to_string(p).ok())
            .and_then(|text| plan::file::from_json_str(&text, "recovery").ok())
            .map(|p| {
                let origin = recovery_path.as_deref().and_then(read_recovery_origin);
                Modal::OfferRecovery(Box::new(p), origin)
            });
        let mut app = App {
            catalog,
            doc,
            settings,
            tab: Tab::Plan,
            grid: grid::GridState::default(),
            detail: detail::DetailState::default(),
            sidebar: sidebar::SidebarState::default(),
            charts: estimate_tab::ChartCache::default(),
            dialogs: FileDialogs::new(dialogs),
            file_dialog: None,
            notice,
            notice_seen: None,
            modal,
            rejected: HashMap::new(),
            recovery_path,
            commands: Vec::new(),
            frame_ms: 0.0,
            applied_theme: None,
            title: String::new(),
            allow_close: false,
            discard_confirmed: false,
            autosaved_generation: 0,
            last_autosave: 0.0,
            startup_probe: None,
            catalog_tab: Default::default(),
            plan_settings: Default::default(),
            scaling: Default::default(),
            compare: Default::default(),
            forecast: Default::default(),
        };
        if !app.doc.plan.items.is_empty() {
            app.grid.cursor = Some((0, Col::Name));
            app.grid.selected.insert(0);
        }
        app
    }

    /// The UI text in the language chosen in the settings.
    pub fn strings(&self) -> &'static Strings {
        self.settings.lang.strings()
    }

    /// Send a command to be run at the end of the frame.
    pub fn send(&mut self, c: Command) {
        self.commands.push(c);
    }

    /// One frame of the whole app.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let start = std::time::Instant::now();
        let ctx = ui.ctx().clone();
        if self.applied_theme != Some(self.settings.dark) {
            ctx.set_theme(if self.settings.dark {
                egui::Theme::Dark
            } else {
                egui::Theme::Light
            });
            self.applied_theme = Some(self.settings.dark);
        }
        self.shortcuts(&ctx);
        if self.tab == Tab::Plan {
            grid::keys(self, &ctx);
        }
        if ctx.input(|i| i.viewport().close_requested()) && !self.allow_close {
            if self.doc.dirty {
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                self.modal = Some(Modal::ConfirmDiscard(Command::Quit));
            } else {
                self.remove_recovery();
            }
        }

        egui::Panel::top("menu").show(ui, |ui| menu::ui(self, ui));
        egui::Panel::bottom("status")
            .frame(
                egui::Frame::side_top_panel(ui.style())
                    .inner_margin(egui::Margin::symmetric(10, 5)),
            )
            .show(ui, |ui| status::ui(self, ui));
        egui::Panel::left("sidebar")
            .resizable(true)
            .default_size(250.0)
            .min_size(200.0)
            .show(ui, |ui| sidebar::ui(self, ui));
        if self.tab == Tab::Plan {
            egui::Panel::right("detail")
                .resizable(true)
                .default_size(340.0)
                .min_size(260.0)
                .show(ui, |ui| detail::ui(self, ui));
        }
        egui::CentralPanel::default().show(ui, |ui| self.central(ui));
        crate::ui::settings_panel::ui(self, &ctx);
        self.modal_ui(&ctx);

        crate::ui::file_dialog::ui(self, &ctx);
        let had_file_dialog = self.file_dialog.is_some();
        let cmds = std::mem::take(&mut self.commands);
        for c in cmds {
            let asked = c.clone();
            self.run_command(c, &ctx);
            self.offer_own_file_dialog(Some(asked));
        }
        // A pick asked by a tab's button (not a command).
        self.offer_own_file_dialog(None);
        if self.file_dialog.is_some() && !had_file_dialog {
            ctx.request_repaint();
        }
        self.expire_notice();
        self.update_title(&ctx);
        self.autosave(ctx.input(|i| i.time));
        self.frame_ms = start.elapsed().as_secs_f32() * 1000.0;
        if let Some(t0) = self.startup_probe.take() {
            eprintln!(
                "cloudplan: first frame {:.1} ms after start (this frame's ui: {:.2} ms)",
                t0.elapsed().as_secs_f64() * 1000.0,
                self.frame_ms
            );
            self.allow_close = true;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    fn central(&mut self, ui: &mut egui::Ui) {
        let s = self.strings();
        ui.horizontal(|ui| {
            for tab in Tab::ALL {
                let text = egui::RichText::new(tab.title(s)).size(15.0);
                let n = Tab::ALL.iter().position(|t| *t == tab).unwrap_or(0) + 1;
                ui.selectable_value(&mut self.tab, tab, text)
                    .on_hover_text(format!("Ctrl+{n}"));
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.label(
                    egui::RichText::new(format!(
                        "{} · {} {}",
                        self.doc.plan.name,
                        self.doc.plan.items.len(),
                        s.items
                    ))
                    .weak(),
                );
            });
        });
        ui.separator();
        match self.tab {
            Tab::Plan => grid::ui(self, ui),
            Tab::Estimate => estimate_tab::ui(self, ui),
            Tab::Compare => crate::ui::compare_tab::ui(self, ui),
            Tab::Scaling => crate::ui::scaling_tab::ui(self, ui),
            Tab::Forecast => super::forecast_tab::ui(self, ui),
            Tab::Catalog => crate::ui::catalog_tab::ui(self, ui),
        }
    }

    fn shortcuts(&mut self, ctx: &egui::Context) {
        use egui::{Key, KeyboardShortcut, Modifiers};
        let typing = ctx
            .memory(|m| m.focused())
            .is_some_and(|id| id != grid::EDITOR_ID.with(""));
        let cmd = Modifiers::COMMAND;
        let table: [(KeyboardShortcut, Command, bool); 9] = [
            (KeyboardShortcut::new(cmd, Key::Q), Command::Quit, false),
            (
                KeyboardShortcut::new(cmd, Key::E),
                Command::Export(ExportKind::EstimateCsv),
                false,
            ),
            (KeyboardShortcut::new(cmd, Key::N), Command::New, false),
            (KeyboardShortcut::new(cmd, Key::O), Command::Open, false),
            (
                KeyboardShortcut::new(cmd | Modifiers::SHIFT, Key::S),
                Command::SaveAs,
                false,
            ),
            (KeyboardShortcut::new(cmd, Key::S), Command::Save, false),
            (
                KeyboardShortcut::new(cmd | Modifiers::SHIFT, Key::Z),
                Command::Redo,
                true,
            ),
            (KeyboardShortcut::new(cmd, Key::Z), Command::Undo, true),
            (KeyboardShortcut::new(cmd, Key::Y), Command::Redo, true),
        ];
        // Ctrl+1 … Ctrl+9 pick the tabs in order (one key per tab; a tenth tab would get none).
        const TAB_KEYS: [Key; 9] = [
            Key::Num1,
            Key::Num2,
            Key::Num3,
            Key::Num4,
            Key::Num5,
            Key::Num6,
            Key::Num7,
            Key::Num8,
            Key::Num9,
        ];
        for (tab, key) in Tab::ALL.into_iter().zip(TAB_KEYS) {
            if ctx.input_mut(|inp| inp.consume_shortcut(&KeyboardShortcut::new(cmd, key))) {
                self.tab = tab;
            }
        }
        for (shortcut, command, text_sensitive) in table {
            if text_sensitive && typing {
                continue;
            }
            if ctx.input_mut(|i| i.consume_shortcut(&shortcut)) {
                self.send(command);
            }
        }
    }

    fn modal_ui(&mut self, ctx: &egui::Context) {
        let s = self.strings();
        let Some(modal) = self.modal.clone() else {
            return;
        };
        let mut close = false;
        egui::Modal::new(egui::Id::unique("modal")).show(ctx, |ui| {
            ui.set_max_width(380.0);
            match &modal {
                Modal::ConfirmDiscard(cmd) => {
                    ui.heading(s.unsaved_title);
                    ui.label(s.unsaved_body);
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if ui.button(s.discard).clicked() {
                            close = true;
                            self.commands.insert(0, cmd.clone());
                            self.discard_confirmed = true;
                            self.allow_close = matches!(cmd, Command::Quit);
                        }
                        if ui.button(s.save).clicked() {
                            close = true;
                            self.commands.insert(0, Command::Save);
                        }
                        if ui.button(s.cancel).clicked() {
                            close = true;
                        }
                    });
                }
                Modal::OfferRecovery(plan, origin) => {
                    ui.heading(s.recover_title);
                    ui.label(s.recover_body);
                    ui.label(
                        egui::RichText::new(format!(
                            "{} · {} {}",
                            plan.name,
                            plan.items.len(),
                            s.items
                        ))
                        .strong(),
                    );
                    match origin {
                        Some(p) => ui.label(format!("{}: {}", s.recover_file, p.display())),
                        None => ui.weak(s.recover_unsaved),
                    };
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if ui.button(s.recover).clicked() {
                            close = true;
                            self.doc
                                .replace((**plan).clone(), origin.clone(), self.catalog);
                            self.doc.dirty = true;
                            self.grid.reset();
                        }
                        if ui.button(s.discard).clicked() {
                            close = true;
                            self.remove_recovery();
                        }
                    });
                }
            }
        });
        if close {
            self.modal = None;
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let s = self.strings();
        let file = self
            .doc
            .path
            .as_deref()
            .and_then(Path::file_name)
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_else(|| s.untitled.to_string());
        let title = format!(
            "{}{} — cloudplan",
            if self.doc.dirty { "● " } else { "" },
            file
        );
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    /// When the system file dialog could not open, open the app's own and say why.
    fn offer_own_file_dialog(&mut self, retry: Option<Command>) {
        let Some(failed) = self.dialogs.failed.take() else {
            return;
        };
        let s = self.strings();
        self.error(format!(
            "{}: {}. {}",
            s.fd_unavailable, failed.reason, s.fd_use_own
        ));
        let folders: Vec<PathBuf> = self.settings.recent_folders.clone();
        self.file_dialog = Some(crate::ui::file_dialog::FileDialog::new(
            failed, retry, &folders,
        ));
    }

    /// Run `cmd` again now that the app's own file dialog has a path for its pick (a command
    /// that replaces the plan was already confirmed the first time).
    pub fn retry_after_file_dialog(&mut self, cmd: Command) {
        if cmd.discards_plan() {
            self.discard_confirmed = true;
        }
        self.send(cmd);
    }

    /// Show an information message in the status bar.
    pub fn notify(&mut self, text: impl Into<String>) {
        self.info(text);
    }

    /// Drop the notice once the plan has changed since it was first shown; a new notice is
    /// stamped with the plan's generation when it first appears.
    fn expire_notice(&mut self) {
        let generation = self.doc.generation;
        match (&self.notice, &self.notice_seen) {
            (None, _) => self.notice_seen = None,
            (Some(n), Some((seen, g))) if n == seen => {
                if *g != generation {
                    self.notice = None;
                    self.notice_seen = None;
                }
            }
            (Some(n), _) => self.notice_seen = Some((n.clone(), generation)),
        }
    }

    /// The window title as last set (`● plan.json — cloudplan` when dirty).
    pub fn window_title(&self) -> &str {
        &self.title
    }

    fn info(&mut self, text: impl Into<String>) {
        self.notice = Some(Notice {
            text: text.into(),
            error: false,
        });
    }
    fn error(&mut self, text: impl Into<String>) {
        self.notice = Some(Notice {
            text: text.into(),
            error: true,
        });
    }

    /// Run one command now.
    pub fn run_command(&mut self, c: Command, ctx: &egui::Context) {
        let confirmed = std::mem::take(&mut self.discard_confirmed);
        if c.discards_plan() && self.doc.dirty && !confirmed {
            self.modal = Some(Modal::ConfirmDiscard(c));
            return;
        }
        let s = self.strings();
        match c {
            Command::New => {
                let month = chrono::Utc::now().format("%Y-%m").to_string();
                let plan = commands::empty_plan(
                    self.catalog,
                    self.settings.last_region.as_deref(),
                    &month,
                );
                self.doc.replace(plan, None, self.catalog);
                self.after_replace();
            }
            Command::Open => {
                if let Some(p) = self.dialogs.pick_open(FileKind::Plan) {
                    self.open_path(p);
                }
            }
            Command::OpenPath(p) => self.open_path(p),
            Command::OpenSample(i) => {
                if let Some((stem, _, text)) = plan::file::samples().get(i) {
                    match plan::file::from_json_str(text, &format!("samples/{stem}.cloudplan.json"))
                    {
                        Ok(p) => {
                            self.doc.replace(p, None, self.catalog);
                            self.after_replace();
                        }
                        Err(e) => self.error(e.to_string()),
                    }
                }
            }
            Command::Save => {
                match self.doc.path.clone() {
                    Some(p) => self.save_to(p),
                    None => self.run_command(Command::SaveAs, ctx),
                };
            }
            Command::SaveAs => {
                let name = format!("{}.cloudplan.json", slug(&self.doc.plan.name));
                if let Some(p) = self.dialogs.pick_save(FileKind::Plan, &name) {
                    self.save_to(p);
                }
            }
            Command::ImportItemsCsv => {
                if let Some(p) = self.dialogs.pick_open(FileKind::ItemsCsv) {
                    let origin = p.display().to_string();
                    match std::fs::read_to_string(&p) {
                        Ok(text) => self.add_items_from(&text, b',', &origin),
                        Err(e) => self.error(format!("{origin}: {e}")),
                    }
                }
            }
            Command::Export(kind) => self.export(kind),
            Command::Quit => {
                self.allow_close = true;
                self.remove_recovery();
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Command::SetCell { row, col, text } => {
                let key = format!("{col:?}");
                let plan_before = self.doc.plan.clone();
                self.try_item_edit(row, key, text.clone(), |item| {
                    cells::set_text(&plan_before, item, col, &text)
                });
            }
            Command::SetField { row, field, text } => {
                let t = text.clone();
                let f = field.clone();
                self.try_item_edit(row, field, text, move |item| set_field(item, &f, &t));
            }
            Command::SetItem { row, field, item } => {
                self.try_item_edit(row, field, String::new(), |it| {
                    *it = *item;
                    Ok(())
                });
            }
            Command::RejectField {
                target,
                field,
                text,
                reason,
            } => {
                self.error(format!("{}: {field}: {reason}", s.edit_rejected));
                self.rejected
                    .insert((target, field), Rejected { text, reason });
            }
            Command::Plan(edit) => self.plan_edit(edit),
            Command::ShowPlanSettings(open) => self.plan_settings.open = open,
            Command::SwitchCatalog(n) => {
                if let Some(&cat) = self.catalog_tab.catalogs.get(n)
                    && !std::ptr::eq(cat, self.catalog)
                {
                    self.catalog = cat;
                    self.doc.reprice(cat);
                }
            }
            Command::AddItem(service) => {
                let item = commands::new_item(&self.doc.plan, self.catalog, service);
                self.doc.edit(self.catalog, |p| p.items.push(item));
                let row = self.doc.plan.items.len() - 1;
                self.grid.select_only(row, Col::Name);
                self.tab = Tab::Plan;
            }
            Command::AddInstance {
                instance_type,
                region,
            } => {
                let item = crate::ui::catalog_tab::instance_item(
                    &self.doc.plan,
                    self.catalog,
                    &instance_type,
                    &region,
                );
                self.doc.edit(self.catalog, |p| p.items.push(item));
                self.info(format!("{}: {instance_type} ({region})", s.catalog_added));
            }
            Command::AddScalingGroup => {
                let item = commands::new_scaling_group(&self.doc.plan, self.catalog);
                let id = item.id.clone();
                self.doc.edit(self.catalog, |p| p.items.push(item));
                let row = self.doc.plan.items.len() - 1;
                self.grid.select_only(row, Col::Name);
                self.scaling.selected = Some(id);
                self.tab = Tab::Scaling;
            }
            Command::Duplicate => {
                let rows = self.grid.selected_rows(self.doc.plan.items.len());
                if !rows.is_empty() {
                    // Each copy goes right after its original; from the last row up, so the
                    // rows still to copy keep their indices. One edit: one undo step.
                    self.doc.edit(self.catalog, |p| {
                        for &r in rows.iter().rev() {
                            let mut it = p.items[r].clone();
                            it.id = Document::unique_id(p, &it.id);
                            p.items.insert(r + 1, it);
                        }
                    });
                    // Cursor, selection and anchor follow the originals to their new indices.
                    self.grid
                        .follow_rows(|r| r + rows.iter().filter(|&&s| s < r).count());
                }
            }
            Command::DeleteSelected => {
                let rows = self.grid.selected_rows(self.doc.plan.items.len());
                if !rows.is_empty() {
                    self.doc.edit(self.catalog, |p| {
                        for &r in rows.iter().rev() {
                            p.items.remove(r);
                        }
                    });
                    self.grid.clamp(self.doc.plan.items.len());
                }
            }
            Command::CopySelected => {
                let rows = self.grid.selected_rows(self.doc.plan.items.len());
                if !rows.is_empty() {
                    let items: Vec<Item> = rows
                        .iter()
                        .map(|&r| self.doc.plan.items[r].clone())
                        .collect();
                    let text = plan::items_csv::items_to_delimited(&items, b'\t');
                    ctx.copy_text(text);
                    self.info(format!("{}: {}", s.copied_rows, items.len()));
                }
            }
            Command::Paste(text) => self.add_items_from(&text, b'\t', "clipboard"),
            Command::SetParameter { index, text } => self.set_parameter(index, text),
            Command::AddParameter => {
                let mut n = self.doc.plan.parameters.len() + 1;
                while self
                    .doc
                    .plan
                    .parameters
                    .iter()
                    .any(|p| p.name == format!("param{n}"))
                {
                    n += 1;
                }
                self.doc.edit(self.catalog, |p| {
                    p.parameters.push(Parameter {
                        name: format!("param{n}"),
                        value: Num::Value(1.0),
                        description: String::new(),
                    })
                });
            }
            Command::SetGrowth(growth) => self.doc.edit(self.catalog, |p| p.growth = growth),
            Command::Undo => {
                self.doc.undo(self.catalog);
                self.rejected.clear();
                self.grid.clamp(self.doc.plan.items.len());
            }
            Command::Redo => {
                self.doc.redo(self.catalog);
                self.rejected.clear();
                self.grid.clamp(self.doc.plan.items.len());
            }
            Command::SetDark(d) => self.settings.dark = d,
            Command::SetLanguage(l) => self.settings.lang = l,
        }
    }

    fn after_replace(&mut self) {
        self.rejected.clear();
        self.grid.reset();
        self.remove_recovery();
        if !self.doc.plan.items.is_empty() {
            self.grid.select_only(0, Col::Name);
        }
    }

    fn open_path(&mut self, p: PathBuf) {
        match plan::file::load(&p) {
            Ok(plan) => {
                self.doc.replace(plan, Some(p.clone()), self.catalog);
                self.after_replace();
                self.push_recent(p.clone());
                self.info(format!("{} {}", self.strings().opened, p.display()));
            }
            // The open plan stays untouched; the message names file, line and field.
            Err(e) => self.error(e.to_string()),
        }
    }

    fn save_to(&mut self, p: PathBuf) {
        match plan::file::save_atomic(&p, &self.doc.plan) {
            Ok(()) => {
                self.doc.saved(p.clone());
                self.push_recent(p.clone());
                self.remove_recovery();
                self.info(format!("{} {}", self.strings().saved_to, p.display()));
            }
            Err(e) => self.error(e.to_string()),
        }
    }

    fn push_recent(&mut self, p: PathBuf) {
        self.settings.recent.retain(|r| r != &p);
        self.settings.recent.insert(0, p);
        self.settings.recent.truncate(RECENT_LIMIT);
    }

    /// Add the rows of an items table (CSV file or pasted TSV) as new items, one undo step;
    /// the message counts them and repeats the reader's notes (columns read past).
    fn add_items_from(&mut self, text: &str, delimiter: u8, origin: &str) {
        match plan::items_csv::items_from_table(text, delimiter, origin) {
            Ok(table) if !table.items.is_empty() => {
                let n = table.items.len();
                let first = self.doc.plan.items.len();
                self.doc.edit(self.catalog, |p| {
                    for mut it in table.items {
                        it.id = Document::unique_id(p, &it.id);
                        p.items.push(it);
                    }
                });
                self.grid.selected.clear();
                self.grid.selected.extend(first..first + n);
                self.grid.cursor = Some((first, Col::Name));
                let mut text = format!("{}: {n}", self.strings().pasted_rows);
                for note in &table.notes {
                    text.push_str(" · ");
                    text.push_str(note);
                }
                self.info(text);
            }
            Ok(_) => self.error(format!("{origin}: {}", self.strings().nothing_to_paste)),
            Err(e) => self.error(e.to_string()),
        }
    }

    /// Apply `f` to a copy of item `row`; keep it only if the plan stays valid for that item.
    fn try_item_edit(
        &mut self,
        row: usize,
        key: String,
        text: String,
        f: impl FnOnce(&mut Item) -> Result<(), String>,
    ) {
        let Some(item) = self.doc.plan.items.get(row) else {
            return;
        };
        let id = item.id.clone();
        let mut candidate = self.doc.plan.clone();
        let result = f(&mut candidate.items[row]).and_then(|()| self.check_candidate(&candidate));
        match result {
            Ok(()) => {
                self.rejected.remove(&(id.clone(), key));
                let new_id = candidate.items[row].id.clone();
                if new_id != id {
                    self.rejected.retain(|(i, _), _| i != &id);
                }
                self.doc.commit(self.catalog, candidate);
            }
            Err(reason) => {
                let s = self.strings();
                self.error(format!("{}: {reason}", s.edit_rejected));
                self.rejected.insert((id, key), Rejected { text, reason });
            }
        }
    }

    /// The first problem the candidate plan has that the current plan did not.
    fn check_candidate(&self, candidate: &Plan) -> Result<(), String> {
        if let Err(p) = plan::file::validate(candidate)
            && plan::file::validate(&self.doc.plan).is_ok()
        {
            return Err(format!("{}: {}", p.path, p.message));
        }
        let errors = cost::validate_with(candidate, self.catalog, &self.doc.sims);
        for e in errors {
            let item = match &e {
                cost::CostError::Field { item, .. }
                | cost::CostError::MissingPrice { item, .. } => Some(item.clone()),
                _ => None,
            };
            match item {
                Some(id) => {
                    // An item that was already unpriced cannot be made worse by this edit.
                    let already = self.doc.priced.item_errors.contains_key(&id);
                    if !already {
                        return Err(e.to_string());
                    }
                }
                None => return Err(e.to_string()),
            }
        }
        Ok(())
    }

    /// Apply a plan-level edit as one undoable step, or show why not beside its field.
    fn plan_edit(&mut self, edit: PlanEdit) {
        let key = edit.target();
        let mut candidate = self.doc.plan.clone();
        let result = edit
            .apply(&mut candidate)
            .and_then(|()| self.check_candidate(&candidate));
        match result {
            Ok(()) => {
                self.rejected.remove(&key);
                if let PlanEdit::Settings { settings, .. } = &edit {
                    self.settings.last_region = Some(settings.default_region.clone());
                }
                // A renamed group or parameter: rejections keyed by the old name go, and its
                // open editor follows it.
                match &edit {
                    PlanEdit::RenameGroup { new, .. } => {
                        self.rejected.retain(|(t, _), _| *t != key.0);
                        self.sidebar.editing_group = Some(new.trim().to_string());
                    }
                    PlanEdit::RenameParameter { new, .. } => {
                        self.rejected.retain(|(t, _), _| *t != key.0);
                        self.sidebar.editing_parameter = Some(new.trim().to_string());
                    }
                    _ => {}
                }
                self.doc.commit(self.catalog, candidate);
            }
            Err(reason) => {
                self.error(format!("{}: {reason}", self.strings().edit_rejected));
                self.rejected.insert(
                    key,
                    Rejected {
                        text: edit.text(),
                        reason,
                    },
                );
            }
        }
    }

    fn set_parameter(&mut self, index: usize, text: String) {
        let Some(param) = self.doc.plan.parameters.get(index) else {
            return;
        };
        let key = (format!("param:{}", param.name), "value".to_string());
        let mut candidate = self.doc.plan.clone();
        let result = if text.trim().is_empty() {
            Err("a number or formula is required".to_string())
        } else {
            candidate.parameters[index].value = Num::from_text(&text);
            crate::plan::formula::Evaluator::new(&candidate)
                .map_err(|e| e.to_string())
                .and_then(|_| self.check_candidate(&candidate))
        };
        match result {
            Ok(()) => {
                self.rejected.remove(&key);
                self.doc.commit(self.catalog, candidate);
            }
            Err(reason) => {
                self.error(format!("{}: {reason}", self.strings().edit_rejected));
                self.rejected.insert(key, Rejected { text, reason });
            }
        }
    }

    fn export(&mut self, kind: ExportKind) {
        let s = self.strings();
        let Some(est) = self.doc.priced.estimate.clone() else {
            self.error(
                self.doc
                    .priced
                    .messages
                    .first()
                    .cloned()
                    .unwrap_or_default(),
            );
            return;
        };
        let stem = slug(&self.doc.plan.name);
        let (file_kind, name) = match kind {
            ExportKind::EstimateCsv => (FileKind::EstimateCsv, format!("{stem}-estimate.csv")),
            ExportKind::ChartPng(k) => (FileKind::Png, format!("{stem}-{}.png", k.stem())),
            ExportKind::ChartSvg(k) => (FileKind::Svg, format!("{stem}-{}.svg", k.stem())),
        };
        let Some(path) = self.dialogs.pick_save(file_kind, &name) else {
            return;
        };
        let result: Result<(), String> = match kind {
            ExportKind::EstimateCsv => write_atomic(
                &path,
                &crate::report::csv::file_bytes(&crate::report::csv::estimate_csv(&est)),
            ),
            ExportKind::ChartPng(k) => chart::render_png(&est, k, 1200, 600)
                .map_err(|e| e.to_string())
                .and_then(|b| write_atomic(&path, &b)),
            ExportKind::ChartSvg(k) => chart::render_svg(&est, k, 1200, 600)
                .map_err(|e| e.to_string())
                .and_then(|t| write_atomic(&path, t.as_bytes())),
        };
        match result {
            Ok(()) => self.info(format!("{} {}", s.exported_to, path.display())),
            Err(e) => self.error(e),
        }
    }

    fn autosave(&mut self, now: f64) {
        let Some(path) = self.recovery_path.clone() else {
            return;
        };
        if !self.doc.dirty || self.doc.generation == self.autosaved_generation {
            return;
        }
        if now - self.last_autosave < AUTOSAVE_SECONDS && self.autosaved_generation != 0 {
            return;
        }
        self.last_autosave = now;
        self.autosaved_generation = self.doc.generation;
        if let Some(dir) = path.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        // The plan's own file first, so a recovery file always has its origin beside it.
        let origin = self
            .doc
            .path
            .as_deref()
            .and_then(Path::to_str)
            .unwrap_or("");
        if let Err(e) = crate::atomic_file::write(&recovery_origin_path(&path), origin.as_bytes())
            .map_err(|e| e.to_string())
            .and_then(|()| {
                plan::file::save_atomic(&path, &self.doc.plan).map_err(|e| e.to_string())
            })
        {
            self.error(e);
        }
    }

    /// Write the recovery file now (used on exit and by tests).
    pub fn autosave_now(&mut self) {
        self.autosaved_generation = 0;
        self.last_autosave = f64::NEG_INFINITY;
        self.autosave(0.0);
    }

    fn remove_recovery(&mut self) {
        if let Some(p) = &self.recovery_path {
            let _ = std::fs::remove_file(p);
            let _ = std::fs::remove_file(recovery_origin_path(p));
        }
        self.autosaved_generation = 0;
    }

    /// Currently rejected edit of a field, if any.
    pub fn rejected_for(&self, id: &str, key: &str) -> Option<&Rejected> {
        self.rejected.get(&(id.to_string(), key.to_string()))
    }
}

/// Set one field of an item from the detail panel. Item fields (`id`, `name`, `group`,
/// `region`, `tags`) are set directly; resource fields go through the resource's JSON form,
/// so every field the file format knows can be edited and is checked by the same rules.
pub fn set_field(item: &mut Item, field: &str, text: &str) -> Result<(), String> {
    let t = text.trim();
    match field {
        "id" => {
            if t.is_empty() {
                return Err("an item needs an id".into());
            }
            item.id = t.to_string();
        }
        "tags" => {
            let mut tags = std::collections::BTreeMap::new();
            for pair in t.split(',').map(str::trim).filter(|p| !p.is_empty()) {
                let (k, v) = pair.split_once('=').ok_or_else(|| {
                    format!("`{pair}`: write tags as key=value, separated by commas")
                })?;
                tags.insert(k.trim().to_string(), v.trim().to_string());
            }
            item.tags = tags;
        }
        _ => {
            let mut value = serde_json::to_value(&item.resource).map_err(|e| e.to_string())?;
            let obj = value.as_object_mut().ok_or("resource is not an object")?;
            let current = obj.get(field).cloned();
            let new = if t.is_empty() {
                None
            } else {
                Some(parse_json_field(current.as_ref(), t)?)
            };
            match new {
                Some(v) => {
                    obj.insert(field.to_string(), v);
                }
                None => {
                    obj.remove(field);
                }
            }
            item.resource = serde_json::from_value(value).map_err(|e| format!("{field}: {e}"))?;
        }
    }
    Ok(())
}

/// Text → JSON for a resource field: structured values (objects, lists, booleans) as JSON,
/// numbers as numbers, anything else as a string (formulas, enum names).
fn parse_json_field(
    current: Option<&serde_json::Value>,
    t: &str,
) -> Result<serde_json::Value, String> {
    use serde_json::Value;
    match current {
        Some(Value::Object(_) | Value::Array(_)) => {
            serde_json::from_str(t).map_err(|e| format!("not valid JSON: {e}"))
        }
        // A list or object field left out of the file while empty (`scheduled`, `policies`).
        None if t.starts_with(['[', '{']) => {
            serde_json::from_str(t).map_err(|e| format!("not valid JSON: {e}"))
        }
        Some(Value::Bool(_)) => match t {
            "true" | "yes" | "1" => Ok(Value::Bool(true)),
            "false" | "no" | "0" => Ok(Value::Bool(false)),
            _ => Err("write true or false".into()),
        },
        _ => match Num::from_text(t) {
            Num::Value(v) if !matches!(current, Some(Value::String(_))) || looks_numeric(t) => {
                // A whole number is written as one, so whole-number fields (`min`, `max` …)
                // read it; fractional fields read it as well.
                if v.fract() == 0.0 && v.abs() < 9e15 {
                    return Ok(Value::Number(serde_json::Number::from(v as i64)));
                }
                serde_json::Number::from_f64(v)
                    .map(Value::Number)
                    .ok_or_else(|| "not a finite number".into())
            }
            Num::Value(_) => Ok(Value::String(t.to_string())),
            Num::Formula(f) => Ok(Value::String(f)),
        },
    }
}

fn looks_numeric(t: &str) -> bool {
    t.trim().replace([',', '_'], "").parse::<f64>().is_ok()
}

/// The text the detail panel shows for a JSON field value.
pub fn json_field_text(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Number(n) => n
            .as_f64()
            .map(plan::format_number)
            .unwrap_or_else(|| n.to_string()),
        other => other.to_string(),
    }
}

/// A file-name-safe form of a plan name.
pub fn slug(name: &str) -> String {
    let s: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let s = s.trim_matches('-').to_string();
    if s.is_empty() { "plan".into() } else { s }
}

/// Beside the recovery file, the path of the file the autosaved plan belongs to (UTF-8 text;
/// empty for a plan never saved).
fn recovery_origin_path(recovery: &Path) -> PathBuf {
    recovery.with_extension("origin")
}

fn read_recovery_origin(recovery: &Path) -> Option<PathBuf> {
    let text = std::fs::read_to_string(recovery_origin_path(recovery)).ok()?;
    (!text.is_empty()).then(|| PathBuf::from(text))
}

/// Write an export through [`crate::atomic_file::write`], the error as the message to show.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), String> {
    crate::atomic_file::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        App::ui(self, ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, SETTINGS_KEY, &self.settings);
    }
}
