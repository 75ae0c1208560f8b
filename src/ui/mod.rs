//! The desktop app (eframe/egui) over the engine: a spreadsheet-style plan editor with a live
//! estimate, plotters charts, files with undo/redo, autosave and recovery.
//!
//! Layout: [`app`] owns the state and lays out the panels; one module per panel or tab
//! ([`menu`], [`sidebar`], [`grid`] (tab "Plan"), [`detail`], [`estimate_tab`], [`status`]);
//! [`state`] is the document (plan, history, estimate) with no egui in it; [`commands`] is
//! the vocabulary of edits; [`cells`] the grid's column model; [`i18n`] every string;
//! [`dialogs`] the file pickers behind a trait; [`fonts`] the Hangul-capable fonts.

pub mod app;
pub mod catalog_tab;
pub mod cells;
pub mod commands;
pub mod compare_tab;
pub mod detail;
pub mod dialogs;
pub mod estimate_tab;
pub mod file_dialog;
pub mod fonts;
pub mod forecast_drivers;
pub mod forecast_tab;
pub mod forms;
pub mod grid;
pub mod grid_keys;
pub mod i18n;
pub mod menu;
pub mod scaling_tab;
pub mod settings_panel;
pub mod sidebar;
pub mod state;
pub mod status;

use std::path::PathBuf;

/// eframe application id (also names the settings and recovery directory).
pub const APP_ID: &str = "cloudplan";

/// Where unsaved work is autosaved: `<eframe storage dir>/recovery.cloudplan.json`.
pub fn recovery_path() -> Option<PathBuf> {
    eframe::storage_dir(APP_ID).map(|d| d.join("recovery.cloudplan.json"))
}

/// Open the app window with `initial_plan` (or the embedded default plan) and run until the
/// window closes.
pub fn run(initial_plan: Option<PathBuf>) -> anyhow::Result<()> {
    let started = std::time::Instant::now();
    let probe = std::env::var_os("CLOUDPLAN_STARTUP_PROBE").is_some();
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("cloudplan")
            .with_inner_size([1400.0, 900.0])
            .with_min_inner_size([900.0, 560.0])
            .with_app_id(APP_ID),
        persist_window: true,
        ..Default::default()
    };
    eframe::run_native(
        APP_ID,
        options,
        Box::new(move |cc| {
            fonts::install(&cc.egui_ctx);
            let settings: app::Settings = cc
                .storage
                .and_then(|s| eframe::get_value(s, app::SETTINGS_KEY))
                .unwrap_or_default();
            let catalog = crate::catalog::load::embedded();
            let mut app = app::App::new(
                catalog,
                initial_plan,
                Box::new(dialogs::RfdDialogs::default()),
                settings,
                if probe { None } else { recovery_path() },
            );
            app.startup_probe = probe.then_some(started);
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| anyhow::anyhow!("cannot open the app window: {e}"))
}
