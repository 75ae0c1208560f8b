//! Status bar: totals, the catalogue's name and effective dates, validation messages and the
//! latest notice (saved, opened, rejected edit …).

use crate::text::format;
use crate::ui::app::App;
use egui::{Align, Layout, RichText};

/// Draw the status bar: monthly, upfront and first-12-months USD, the problem count, the
/// latest notice, and the catalogue's name and dates at the right.
pub fn ui(app: &mut App, ui: &mut egui::Ui) {
    let s = app.strings();
    ui.horizontal(|ui| {
        match &app.doc.priced.estimate {
            Some(e) => {
                ui.label(
                    RichText::new(format!(
                        "{} {}",
                        s.monthly,
                        format::money(e.total.monthly_usd)
                    ))
                    .strong(),
                );
                ui.separator();
                ui.label(format!(
                    "{} {}",
                    s.upfront,
                    format::money(e.total.upfront_usd)
                ));
                ui.separator();
                ui.label(format!(
                    "{} {}",
                    s.first_12_months,
                    format::money(e.total.first_12_months_usd)
                ))
                .on_hover_text(s.first_12_hint);
            }
            None => {
                ui.label(RichText::new(s.not_priced).color(ui.visuals().error_fg_color));
            }
        }
        ui.separator();
        let n = app.doc.priced.messages.len();
        if n == 0 {
            ui.label(
                RichText::new(format!("● {}", s.all_valid))
                    .color(egui::Color32::from_rgb(60, 160, 90)),
            );
        } else {
            let text =
                RichText::new(format!("● {n} {}", s.problems)).color(ui.visuals().warn_fg_color);
            ui.label(text).on_hover_ui(|ui| {
                for m in app.doc.priced.messages.iter().take(20) {
                    ui.label(m);
                }
            });
        }
        let c = &app.catalog.id;
        let catalogue = format!(
            "{}: {} · {} {} – {}",
            s.catalogue, c.name, s.prices_effective, c.effective_from, c.effective_to
        );
        if let Some(n) = &app.notice {
            ui.separator();
            let mut t = RichText::new(&n.text);
            if n.error {
                t = t.color(ui.visuals().error_fg_color);
            }
            // The notice takes the room the catalogue line leaves (cut short, whole on hover).
            let catalogue_width = ui
                .painter()
                .layout_no_wrap(
                    catalogue.clone(),
                    egui::TextStyle::Body.resolve(ui.style()),
                    egui::Color32::PLACEHOLDER,
                )
                .size()
                .x;
            let room = (ui.available_width() - catalogue_width - 24.0).max(40.0);
            ui.scope(|ui| {
                ui.set_max_width(room);
                ui.add(egui::Label::new(t).truncate())
                    .on_hover_text(&n.text);
            });
        }
        // In a narrow window the catalogue line is cut short (whole on hover) instead of
        // running over the totals.
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            ui.add(egui::Label::new(RichText::new(&catalogue).weak()).truncate())
                .on_hover_text(&catalogue);
        });
    });
}
