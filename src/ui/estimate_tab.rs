//! Tab "Estimate": totals (upfront, monthly, first 12 months), the two plotters charts shown
//! as egui textures, and the breakdown group → item → component.
//!
//! Chart pixels come from [`crate::report::chart::render_rgb`], the same drawing code as the
//! PNG/SVG export; they are re-rendered only when the plan generation, size or theme change.

use crate::cost::Estimate;
use crate::report::chart::{self, ChartKind, Theme};
use crate::text::format;
use crate::ui::app::App;
use crate::ui::commands::{Command, ExportKind};
use egui::{Align, Layout, RichText};
use std::collections::BTreeMap;

/// One uploaded chart and what it was drawn for.
struct Cached {
    key: (u64, u32, u32, bool),
    texture: egui::TextureHandle,
}

/// Chart textures, one per kind.
#[derive(Default)]
pub struct ChartCache {
    charts: BTreeMap<u8, Cached>,
    /// How many times a chart was rendered (for tests and the frame benchmark).
    pub renders: u64,
}

impl ChartCache {
    fn texture(
        &mut self,
        ctx: &egui::Context,
        est: &Estimate,
        generation: u64,
        kind: ChartKind,
        size: [u32; 2],
        dark: bool,
    ) -> &egui::TextureHandle {
        let slot = kind as u8;
        let key = (generation, size[0], size[1], dark);
        let fresh = self.charts.get(&slot).is_some_and(|c| c.key == key);
        if !fresh {
            let theme = if dark { Theme::DARK } else { Theme::LIGHT };
            let rgb = chart::render_rgb(est, kind, size[0], size[1], &theme);
            let image = egui::ColorImage::from_rgb([size[0] as usize, size[1] as usize], &rgb);
            self.renders += 1;
            match self.charts.get_mut(&slot) {
                Some(c) => {
                    c.texture.set(image, egui::TextureOptions::LINEAR);
                    c.key = key;
                }
                None => {
                    let texture =
                        ctx.load_texture(kind.stem(), image, egui::TextureOptions::LINEAR);
                    self.charts.insert(slot, Cached { key, texture });
                }
            }
        }
        &self.charts[&slot].texture
    }
}

fn total_card(ui: &mut egui::Ui, title: &str, value: f64, note: &str) -> egui::Response {
    egui::Frame::group(ui.style())
        .inner_margin(egui::Margin::symmetric(14, 10))
        .show(ui, |ui| {
            ui.set_min_width(200.0);
            ui.vertical(|ui| {
                ui.label(RichText::new(title).weak());
                ui.label(RichText::new(format::money(value)).size(22.0).strong());
                ui.label(RichText::new(note).small().weak());
            });
        })
        .response
}

/// Draw the tab: total cards, both charts with their Export menu, and the breakdown tree.
pub fn ui(app: &mut App, ui: &mut egui::Ui) {
    let s = app.strings();
    // Moved out for the frame (not cloned: a 10,000-item estimate is large) and put back below.
    let Some(est) = app.doc.priced.estimate.take() else {
        ui.add_space(30.0);
        ui.label(RichText::new(s.not_priced).color(ui.visuals().error_fg_color));
        for m in &app.doc.priced.messages {
            ui.label(m);
        }
        return;
    };
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                total_card(ui, s.monthly, est.total.monthly_usd, s.per_month);
                total_card(ui, s.upfront, est.total.upfront_usd, s.one_time);
                total_card(
                    ui,
                    s.first_12_months,
                    est.total.first_12_months_usd,
                    s.first_12_note,
                )
                .on_hover_text(s.first_12_hint);
            });
            ui.add_space(10.0);
            ui.horizontal(|ui| {
                ui.label(RichText::new(s.charts).strong().size(15.0));
                ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                    ui.menu_button(s.export, |ui| {
                        for kind in ChartKind::ALL {
                            if ui
                                .button(format!("{} — {}", s.export_png, kind.stem()))
                                .clicked()
                            {
                                app.send(Command::Export(ExportKind::ChartPng(kind)));
                            }
                            if ui
                                .button(format!("{} — {}", s.export_svg, kind.stem()))
                                .clicked()
                            {
                                app.send(Command::Export(ExportKind::ChartSvg(kind)));
                            }
                        }
                        if ui.button(s.export_estimate_csv).clicked() {
                            app.send(Command::Export(ExportKind::EstimateCsv));
                        }
                    });
                });
            });
            let gap = 12.0;
            let w = ((ui.available_width() - gap) / 2.0).max(200.0);
            let h = 300.0;
            let ppp = ui.ctx().pixels_per_point();
            let px = [(w * ppp).round() as u32, (h * ppp).round() as u32];
            let dark = ui.visuals().dark_mode;
            ui.horizontal(|ui| {
                ui.spacing_mut().item_spacing.x = gap;
                for kind in ChartKind::ALL {
                    let tex = app
                        .charts
                        .texture(ui.ctx(), &est, app.doc.generation, kind, px, dark)
                        .clone();
                    ui.add(egui::Image::new(&tex).fit_to_exact_size(egui::vec2(w, h)))
                        .on_hover_text(chart::title(kind));
                }
            });
            ui.add_space(12.0);
            ui.label(RichText::new(s.breakdown).strong().size(15.0));
            breakdown_ui(app, ui, &est);
        });
    app.doc.priced.estimate = Some(est);
}

fn amounts(ui: &mut egui::Ui, monthly: f64, upfront: f64) {
    ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
        ui.add_sized(
            [110.0, 18.0],
            egui::Label::new(RichText::new(format::money(upfront)).monospace()),
        );
        ui.add_sized(
            [120.0, 18.0],
            egui::Label::new(RichText::new(format::money(monthly)).monospace()),
        );
    });
}

fn amount_row(ui: &mut egui::Ui, label: RichText, monthly: f64, upfront: f64) {
    ui.horizontal(|ui| {
        ui.label(label);
        amounts(ui, monthly, upfront);
    });
}

/// One collapsible row of the breakdown tree whose amounts sit in the Monthly / Upfront
/// columns, like the leaf rows, so every figure of the tree lines up.
fn tree_row(
    ui: &mut egui::Ui,
    id: egui::Id,
    default_open: bool,
    label: RichText,
    (monthly, upfront): (f64, f64),
    body: impl FnOnce(&mut egui::Ui),
) {
    egui::collapsing_header::CollapsingState::load_with_default_open(ui.ctx(), id, default_open)
        .show_header(ui, |ui| {
            ui.label(label);
            amounts(ui, monthly, upfront);
        })
        .body(body);
}

fn breakdown_ui(app: &App, ui: &mut egui::Ui, est: &Estimate) {
    let s = app.strings();
    ui.horizontal(|ui| {
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            ui.add_sized(
                [110.0, 18.0],
                egui::Label::new(RichText::new(s.upfront).weak()),
            );
            ui.add_sized(
                [120.0, 18.0],
                egui::Label::new(RichText::new(s.monthly).weak()),
            );
        });
    });
    // Groups in the order the plan first uses them (the sidebar's order), items in plan order.
    let mut by_group: Vec<(&str, Vec<&crate::cost::ItemCost>)> = Vec::new();
    for it in &est.items {
        match by_group.iter_mut().find(|(g, _)| *g == it.group.as_str()) {
            Some((_, v)) => v.push(it),
            None => by_group.push((it.group.as_str(), vec![it])),
        }
    }
    for (group, items) in by_group {
        let t = est.by_group.get(group).copied().unwrap_or_default();
        let name = if group.is_empty() { s.ungrouped } else { group };
        let label = RichText::new(format!("{name}  ·  {} {}", items.len(), s.items)).strong();
        tree_row(
            ui,
            ui.make_persistent_id(("breakdown-group", group)),
            items.len() <= 20,
            label,
            (t.monthly_usd, t.upfront_usd),
            |ui| {
                for it in items {
                    tree_row(
                        ui,
                        ui.make_persistent_id(("breakdown-item", &it.id)),
                        false,
                        RichText::new(&it.name),
                        (it.monthly_usd, it.upfront_usd),
                        |ui| {
                            for c in &it.components {
                                amount_row(
                                    ui,
                                    RichText::new(c.name.as_ref()),
                                    c.monthly_usd,
                                    c.upfront_usd,
                                );
                                ui.label(
                                    RichText::new(c.calculation.text())
                                        .small()
                                        .monospace()
                                        .weak(),
                                );
                            }
                        },
                    );
                }
            },
        );
    }
    ui.separator();
    amount_row(
        ui,
        RichText::new(s.totals).strong(),
        est.total.monthly_usd,
        est.total.upfront_usd,
    );
}
