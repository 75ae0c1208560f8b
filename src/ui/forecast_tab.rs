//! Tab "Forecast": the plan's bill month by month under its growth drivers, the chart (stacked
//! projection, bill history, the model's 80 %/95 % band) as a texture, the month-by-month
//! table, the growth drivers (add / edit as JSON / remove, each change one undoable
//! [`Command::SetGrowth`]), bill-history import, and export of the CSV, PNG and SVG.
//!
//! The forecast is recomputed only when the plan generation or the imported history changes;
//! the tab's state lives in egui's temporary memory so the app struct needs no new field.

use crate::forecast::{self, BillHistory, Forecast, GrowthDriver, drivers};
use crate::report::chart::{ChartKind, Theme};
use crate::report::{forecast_chart, forecast_csv, format};
use crate::ui::app::App;
use crate::ui::commands::Command;
use crate::ui::dialogs::FileKind;
use egui::RichText;

/// What a chart texture was drawn for: plan and history generations, pixel size, dark, by group.
type ChartKey = (u64, u64, u32, u32, bool, bool);

/// Per-tab state, kept in egui memory.
#[derive(Clone, Default)]
pub struct ForecastState {
    pub history: Option<BillHistory>,
    history_gen: u64,
    /// (plan generation, history generation) → the forecast or what stopped it.
    cached: Option<((u64, u64), Result<Forecast, String>)>,
    texture: Option<(ChartKey, egui::TextureHandle)>,
    /// Driver being edited: index and its JSON text.
    editing: Option<(usize, String)>,
    edit_error: Option<String>,
    by_group: bool,
    pub message: Option<String>,
}

fn state_id() -> egui::Id {
    egui::Id::unique("cloudplan-forecast-tab")
}

/// The tab's state (for tests: e.g. to load a history without a file dialog).
pub fn state(ctx: &egui::Context) -> ForecastState {
    ctx.data_mut(|d| d.get_temp::<ForecastState>(state_id()))
        .unwrap_or_default()
}

/// Replace the tab's state.
pub fn set_state(ctx: &egui::Context, st: ForecastState) {
    ctx.data_mut(|d| d.insert_temp(state_id(), st));
}

/// Set the bill history shown by the tab.
pub fn set_history(ctx: &egui::Context, history: Option<BillHistory>) {
    let mut st = state(ctx);
    st.history = history;
    st.history_gen += 1;
    set_state(ctx, st);
}

/// A starting driver of each kind for the plan (first parameter / first item).
fn templates(app: &App) -> Vec<GrowthDriver> {
    let plan = &app.doc.plan;
    let target = match (plan.parameters.first(), plan.items.first()) {
        (Some(p), _) => Some(drivers::Target::Parameter(p.name.clone())),
        (None, Some(it)) => drivers::fields_of(&it.resource).first().map(|f| {
            drivers::Target::Item(drivers::ItemField {
                id: it.id.clone(),
                field: f.to_string(),
            })
        }),
        _ => None,
    };
    let later = drivers::add_months(&plan.start_month, 6).unwrap_or_default();
    let mut out = Vec::new();
    if let Some(t) = target {
        out.push(GrowthDriver::Compound {
            target: t.clone(),
            pct: 3.0,
            per: drivers::Period::Month,
            from: None,
        });
        out.push(GrowthDriver::Linear {
            target: t.clone(),
            per_month: 1.0,
            from: None,
        });
        out.push(GrowthDriver::Logistic {
            target: t.clone(),
            cap: 1.0,
            rate_pct: 20.0,
            from: None,
        });
        out.push(GrowthDriver::Seasonal {
            target: t.clone(),
            factors: vec![1.0; 12],
        });
        out.push(GrowthDriver::Step {
            target: t,
            month: later.clone(),
            add: None,
            multiply: Some(2.0),
        });
    }
    if let Some(it) = plan.items.first() {
        out.push(GrowthDriver::ItemWindow {
            item: it.id.clone(),
            start: Some(later.clone()),
            end: None,
        });
        out.push(GrowthDriver::PriceChange {
            scope: drivers::PriceScope::Item(it.id.clone()),
            month: later,
            multiplier: 1.0,
        });
    }
    out
}

/// Send the new driver list if the plan accepts it; otherwise keep the message.
fn propose(app: &mut App, st: &mut ForecastState, growth: Vec<GrowthDriver>) -> bool {
    let mut trial = app.doc.plan.clone();
    trial.growth = growth;
    match drivers::check(&trial) {
        Ok(()) => {
            app.send(Command::SetGrowth(trial.growth));
            st.edit_error = None;
            true
        }
        Err((path, message)) => {
            st.edit_error = Some(format!("{path}: {message}"));
            false
        }
    }
}

pub fn ui(app: &mut App, ui: &mut egui::Ui) {
    let ctx = ui.ctx().clone();
    let mut st = state(&ctx);
    let s = app.strings();
    let key = (app.doc.generation, st.history_gen);
    if st.cached.as_ref().is_none_or(|(k, _)| *k != key) {
        let r = forecast::forecast(&app.doc.plan, app.catalog, st.history.as_ref(), None)
            .map_err(|e| e.to_string());
        st.cached = Some((key, r));
    }
    let result = st.cached.as_ref().map(|(_, r)| r.clone());
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                if ui.button(s.import_history).clicked()
                    && let Some(path) = app.dialogs.pick_open(FileKind::ItemsCsv)
                {
                    match std::fs::read_to_string(&path)
                        .map_err(|e| format!("{}: {e}", path.display()))
                        .and_then(|t| {
                            forecast::history::parse_str(&t, &path.display().to_string())
                                .map_err(|e| e.to_string())
                        }) {
                        Ok(h) => {
                            st.message = Some(format!("{} months imported", h.len()));
                            st.history = Some(h);
                            st.history_gen += 1;
                        }
                        Err(e) => st.message = Some(e),
                    }
                }
                if st.history.is_some() && ui.button(s.clear_history).clicked() {
                    st.history = None;
                    st.history_gen += 1;
                }
                ui.checkbox(&mut st.by_group, "by group");
                if let Some(Ok(f)) = &result {
                    ui.menu_button(s.export, |ui| {
                        let stem = "forecast";
                        let kind = if st.by_group {
                            ChartKind::ByGroup
                        } else {
                            ChartKind::ByService
                        };
                        let mut out: Option<Result<String, String>> = None;
                        if ui.button("CSV").clicked()
                            && let Some(p) = app
                                .dialogs
                                .pick_save(FileKind::EstimateCsv, &format!("{stem}.csv"))
                        {
                            out = Some(
                                crate::cli::write_atomic(
                                    &p,
                                    &crate::report::csv::file_bytes(&forecast_csv::forecast_csv(f)),
                                )
                                .map(|()| p.display().to_string())
                                .map_err(|e| e.to_string()),
                            );
                        }
                        for (label, fk, ext) in [
                            (s.export_png, FileKind::Png, "png"),
                            (s.export_svg, FileKind::Svg, "svg"),
                        ] {
                            if ui.button(label).clicked()
                                && let Some(p) = app.dialogs.pick_save(fk, &format!("{stem}.{ext}"))
                            {
                                out = Some(
                                    forecast_chart::save(f, kind, 1200, 600, &p)
                                        .map(|()| p.display().to_string())
                                        .map_err(|e| e.to_string()),
                                );
                            }
                        }
                        if let Some(r) = out {
                            st.message = Some(match r {
                                Ok(p) => format!("{} {p}", s.exported_to),
                                Err(e) => e,
                            });
                        }
                    });
                }
            });
            if let Some(m) = &st.message {
                ui.label(RichText::new(m).weak());
            }
            match &result {
                Some(Ok(f)) => {
                    chart_ui(ui, &mut st, f, app.doc.generation);
                    table_ui(ui, f, s.month, s.model_forecast);
                }
                Some(Err(e)) => {
                    ui.label(RichText::new(e).color(ui.visuals().error_fg_color));
                }
                None => {}
            }
            ui.add_space(10.0);
            drivers_ui(app, ui, &mut st);
        });
    set_state(&ctx, st);
}

fn chart_ui(ui: &mut egui::Ui, st: &mut ForecastState, f: &Forecast, generation: u64) {
    let w = ui.available_width().max(300.0);
    let h = 320.0;
    let ppp = ui.ctx().pixels_per_point();
    let px = ((w * ppp).round() as u32, (h * ppp).round() as u32);
    let dark = ui.visuals().dark_mode;
    let key = (generation, st.history_gen, px.0, px.1, dark, st.by_group);
    if st.texture.as_ref().is_none_or(|(k, _)| *k != key) {
        let kind = if st.by_group {
            ChartKind::ByGroup
        } else {
            ChartKind::ByService
        };
        let theme = if dark { Theme::DARK } else { Theme::LIGHT };
        let rgb = forecast_chart::render_rgb(f, kind, px.0, px.1, &theme);
        let image = egui::ColorImage::from_rgb([px.0 as usize, px.1 as usize], &rgb);
        let tex = ui
            .ctx()
            .load_texture("forecast-chart", image, egui::TextureOptions::LINEAR);
        st.texture = Some((key, tex));
    }
    if let Some((_, tex)) = &st.texture {
        ui.add(egui::Image::new(tex).fit_to_exact_size(egui::vec2(w, h)));
    }
}

fn table_ui(ui: &mut egui::Ui, f: &Forecast, month: &str, model: &str) {
    if let Some(h) = &f.history {
        ui.label(format!(
            "{}: {} — held-out MAPE {:.2}% ({} months)",
            model, h.description, h.holdout_mape, h.holdout_months
        ));
    }
    let bands: std::collections::HashMap<&str, &forecast::Band> = f
        .history
        .iter()
        .flat_map(|h| h.months.iter().map(|m| (m.month.as_str(), &m.band)))
        .collect();
    egui::Grid::new("forecast-table")
        .striped(true)
        .num_columns(4)
        .show(ui, |ui| {
            ui.label(RichText::new(month).strong());
            ui.label(RichText::new("Plan").strong());
            ui.label(RichText::new(model).strong());
            ui.label(RichText::new("80% / 95%").strong());
            ui.end_row();
            for m in &f.projection.months {
                ui.label(&m.month);
                ui.monospace(format::money(m.monthly_usd + m.upfront_usd));
                match bands.get(m.month.as_str()) {
                    Some(b) => {
                        ui.monospace(format::money(b.mean));
                        ui.monospace(format!(
                            "{} – {} / {} – {}",
                            format::money(b.lo80),
                            format::money(b.hi80),
                            format::money(b.lo95),
                            format::money(b.hi95)
                        ));
                    }
                    None => {
                        ui.label("");
                        ui.label("");
                    }
                }
                ui.end_row();
            }
        });
    ui.label(format!(
        "Total over {} months: {}",
        f.projection.months.len(),
        format::money(f.projection.total_usd())
    ));
}

fn drivers_ui(app: &mut App, ui: &mut egui::Ui, st: &mut ForecastState) {
    let s = app.strings();
    ui.horizontal(|ui| {
        ui.label(RichText::new(s.growth_drivers).strong().size(15.0));
        ui.menu_button(s.add_driver, |ui| {
            for t in templates(app) {
                if ui.button(t.kind()).clicked() {
                    let mut g = app.doc.plan.growth.clone();
                    g.push(t);
                    propose(app, st, g);
                }
            }
        });
    });
    let growth = app.doc.plan.growth.clone();
    for (i, d) in growth.iter().enumerate() {
        ui.horizontal(|ui| {
            let json = serde_json::to_string(d).unwrap_or_default();
            match &mut st.editing {
                Some((k, text)) if *k == i => {
                    ui.add(
                        egui::TextEdit::singleline(text)
                            .desired_width(ui.available_width() - 140.0),
                    );
                    if ui.button("✔").on_hover_text("Apply").clicked() {
                        match serde_json::from_str::<GrowthDriver>(text) {
                            Ok(nd) => {
                                let mut g = growth.clone();
                                g[i] = nd;
                                if propose(app, st, g) {
                                    st.editing = None;
                                }
                            }
                            Err(e) => st.edit_error = Some(format!("growth[{i}]: {e}")),
                        }
                    }
                    if ui.button("✖").on_hover_text("Cancel").clicked() {
                        st.editing = None;
                        st.edit_error = None;
                    }
                }
                _ => {
                    ui.monospace(json.clone());
                    if ui.small_button("Edit").clicked() {
                        st.editing = Some((i, json));
                    }
                    if ui.small_button("Remove").clicked() {
                        let mut g = growth.clone();
                        g.remove(i);
                        propose(app, st, g);
                    }
                }
            }
        });
    }
    if let Some(e) = &st.edit_error {
        ui.label(RichText::new(e).color(ui.visuals().error_fg_color));
    }
}
