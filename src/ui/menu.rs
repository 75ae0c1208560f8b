//! The menu bar (File, Edit, View). Menu items only send commands; shortcuts are shown next
//! to them and handled in [`crate::ui::app`].

use crate::catalog::Service;
use crate::report::chart::ChartKind;
use crate::ui::app::App;
use crate::ui::commands::{Command, ExportKind};
use crate::ui::i18n::Lang;

fn item(ui: &mut egui::Ui, text: &str, shortcut: &str, enabled: bool) -> bool {
    ui.add_enabled(enabled, egui::Button::new(text).shortcut_text(shortcut))
        .clicked()
}

/// Draw the menu bar; each menu item sends its [`Command`].
pub fn ui(app: &mut App, ui: &mut egui::Ui) {
    let s = app.strings();
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button(s.file, |ui| {
            if item(ui, s.new, "Ctrl+N", true) {
                app.send(Command::New);
            }
            if item(ui, s.open, "Ctrl+O", true) {
                app.send(Command::Open);
            }
            ui.menu_button(s.open_sample, |ui| {
                for (i, (_, title, _)) in crate::plan::file::samples().iter().enumerate() {
                    if ui.button(*title).clicked() {
                        app.send(Command::OpenSample(i));
                    }
                }
            });
            ui.menu_button(s.recent, |ui| {
                if app.settings.recent.is_empty() {
                    ui.label(egui::RichText::new(s.no_recent).weak());
                }
                for p in app.settings.recent.clone() {
                    if ui.button(p.display().to_string()).clicked() {
                        app.send(Command::OpenPath(p));
                    }
                }
            });
            if item(
                ui,
                crate::ui::forms::text::words(app.settings.lang).plan_settings,
                "",
                true,
            ) {
                app.send(Command::ShowPlanSettings(true));
            }
            ui.separator();
            if item(ui, s.save, "Ctrl+S", true) {
                app.send(Command::Save);
            }
            if item(ui, s.save_as, "Ctrl+Shift+S", true) {
                app.send(Command::SaveAs);
            }
            ui.separator();
            if item(ui, s.import_csv, "", true) {
                app.send(Command::ImportItemsCsv);
            }
            ui.menu_button(s.export, |ui| {
                if item(ui, s.export_estimate_csv, "Ctrl+E", true) {
                    app.send(Command::Export(ExportKind::EstimateCsv));
                }
                for kind in ChartKind::ALL {
                    if ui
                        .button(format!("{} — {}", s.export_png, kind.stem()))
                        .clicked()
                    {
                        app.send(Command::Export(ExportKind::ChartPng(kind)));
                    }
                }
                for kind in ChartKind::ALL {
                    if ui
                        .button(format!("{} — {}", s.export_svg, kind.stem()))
                        .clicked()
                    {
                        app.send(Command::Export(ExportKind::ChartSvg(kind)));
                    }
                }
            });
            ui.separator();
            if item(ui, s.quit, "Ctrl+Q", true) {
                app.send(Command::Quit);
            }
        });
        ui.menu_button(s.edit, |ui| {
            if item(ui, s.undo, "Ctrl+Z", app.doc.can_undo()) {
                app.send(Command::Undo);
            }
            if item(ui, s.redo, "Ctrl+Y", app.doc.can_redo()) {
                app.send(Command::Redo);
            }
            ui.separator();
            ui.menu_button(s.add_item, |ui| {
                for service in Service::ALL {
                    if ui.button(service.display_name()).clicked() {
                        app.send(Command::AddItem(service));
                    }
                }
            });
            if ui.button(s.add_scaling_group).clicked() {
                app.send(Command::AddScalingGroup);
            }
            let has_rows = !app.grid.selected_rows(app.doc.plan.items.len()).is_empty();
            if item(ui, s.duplicate, "", has_rows) {
                app.send(Command::Duplicate);
            }
            if item(ui, s.delete, "Delete", has_rows) {
                app.send(Command::DeleteSelected);
            }
            ui.separator();
            if item(ui, s.copy_rows, "Ctrl+C", has_rows) {
                app.send(Command::CopySelected);
            }
            if item(ui, s.cut_rows, "Ctrl+X", has_rows) {
                app.send(Command::CopySelected);
                app.send(Command::DeleteSelected);
            }
            if item(ui, s.paste_rows, "Ctrl+V", true) {
                // The platform delivers the clipboard as a paste event next frame, which the
                // Plan grid turns into new items (the same path as Ctrl+V).
                app.tab = super::app::Tab::Plan;
                ui.ctx()
                    .send_viewport_cmd(egui::ViewportCommand::RequestPaste);
            }
        });
        ui.menu_button(s.view, |ui| {
            let dark = app.settings.dark;
            if ui.radio(!dark, s.theme_light).clicked() {
                app.send(Command::SetDark(false));
            }
            if ui.radio(dark, s.theme_dark).clicked() {
                app.send(Command::SetDark(true));
            }
            ui.separator();
            ui.menu_button(s.language, |ui| {
                for lang in Lang::ALL {
                    if ui
                        .radio(app.settings.lang == lang, lang.native_name())
                        .clicked()
                    {
                        app.send(Command::SetLanguage(lang));
                    }
                }
            });
        });
    });
}
