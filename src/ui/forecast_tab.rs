//! Tab "Forecast": the plan's bill month by month under its growth drivers, the chart (stacked
//! projection, bill history, the model's 80 %/95 % band) as a texture, the month-by-month
//! table, the growth drivers (a form per driver kind, [`super::forecast_drivers`]; each change
//! one undoable command), bill-history import, and export of the CSV, PNG and SVG.
//!
//! The forecast is recomputed only when the plan generation or the imported history changes;
//! the tab's state lives in egui's temporary memory so the app struct needs no new field.

use crate::forecast::{self, BillHistory, Forecast};
use crate::report::chart::{ChartKind, Theme};
use crate::report::{forecast_chart, forecast_csv, format};
use crate::ui::app::App;
use crate::ui::dialogs::FileKind;
use crate::ui::forecast_drivers::{self, Drafts};
use egui::RichText;

/// What a chart texture was drawn for: plan and history generations, pixel size, dark, by group.
type ChartKey = (u64, u64, u32, u32, bool, bool);

/// Per-tab state, kept in egui memory.
#[derive(Clone, Default)]
pub struct ForecastState {
    /// The imported bill history the model is fitted to (`None`: plan projection only).
    pub history: Option<BillHistory>,
    history_gen: u64,
    /// (plan generation, history generation) → the forecast or what stopped it.
    cached: Option<((u64, u64), Result<Forecast, String>)>,
    texture: Option<(ChartKey, egui::TextureHandle)>,
    /// Driver fields being typed, with their validation messages.
    drafts: Drafts,
    by_group: bool,
    /// The latest import or export outcome shown under the buttons (count, path or error).
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

/// Draw the tab: buttons, chart, month-by-month table, commitments and driver forms.
pub fn ui(app: &mut App, ui: &mut egui::Ui) {
    let ctx = ui.ctx().clone();
    let mut st = state(&ctx);
    let s = app.strings();
    let key = (app.doc.generation, st.history_gen);
    if st.cached.as_ref().is_none_or(|(k, _)| *k != key) {
        let r = forecast::forecast_with(
            &app.doc.plan,
            app.catalog,
            st.history.as_ref(),
            None,
            &app.doc.sims,
        )
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
                            st.message =
                                Some(s.fc_months_imported.replace("{n}", &h.len().to_string()));
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
                ui.checkbox(&mut st.by_group, s.fc_by_group);
                if let Some(Ok(f)) = &result {
                    ui.menu_button(s.export, |ui| {
                        let stem = "forecast";
                        let kind = if st.by_group {
                            ChartKind::ByGroup
                        } else {
                            ChartKind::ByService
                        };
                        let mut out: Option<Result<String, String>> = None;
                        if ui.button(s.fc_export_csv).clicked()
                            && let Some(p) = app
                                .dialogs
                                .pick_save(FileKind::EstimateCsv, &format!("{stem}.csv"))
                        {
                            out = Some(
                                crate::atomic_file::write(
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
                    table_ui(ui, f, s);
                }
                Some(Err(e)) => {
                    ui.label(RichText::new(e).color(ui.visuals().error_fg_color));
                }
                None => {}
            }
            ui.add_space(10.0);
            forecast_drivers::ui(app, ui, &mut st.drafts);
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

fn table_ui(ui: &mut egui::Ui, f: &Forecast, s: &crate::ui::i18n::Strings) {
    if let Some(h) = &f.history {
        ui.label(
            s.fc_model_summary
                .replace("{model}", s.model_forecast)
                .replace("{desc}", &h.description)
                .replace("{mape}", &format!("{:.2}", h.holdout_mape))
                .replace("{n}", &h.holdout_months.to_string()),
        );
    }
    let bands: std::collections::HashMap<&str, &forecast::Band> = f
        .history
        .iter()
        .flat_map(|h| h.months.iter().map(|m| (m.month.as_str(), &m.band)))
        .collect();
    let commits = !f.projection.commitments.is_empty();
    egui::Grid::new("forecast-table")
        .striped(true)
        .num_columns(if commits { 6 } else { 4 })
        .show(ui, |ui| {
            ui.label(RichText::new(s.month).strong());
            ui.label(RichText::new(s.fc_plan).strong());
            if commits {
                ui.label(RichText::new(s.fc_upfront).strong());
                ui.label(RichText::new(s.fc_commitment_events).strong());
            }
            ui.label(RichText::new(s.model_forecast).strong());
            ui.label(RichText::new(s.fc_intervals).strong());
            ui.end_row();
            for m in &f.projection.months {
                ui.label(&m.month);
                ui.monospace(format::money(m.monthly_usd + m.upfront_usd));
                if commits {
                    ui.monospace(format::money(m.upfront_usd));
                    let events: Vec<String> = m.events.iter().map(|e| e.text()).collect();
                    ui.label(events.join("\n"));
                }
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
    ui.label(
        s.fc_total_over
            .replace("{n}", &f.projection.months.len().to_string())
            .replace("{usd}", &format::money(f.projection.total_usd())),
    );
    commitments_ui(ui, f, s);
}

/// Each committed item: option, start, renewal (and whether the plan chose it), what is owed
/// after the horizon.
fn commitments_ui(ui: &mut egui::Ui, f: &Forecast, s: &crate::ui::i18n::Strings) {
    if f.projection.commitments.is_empty() {
        return;
    }
    ui.add_space(6.0);
    ui.label(RichText::new(s.fc_commitments_title).strong());
    for c in &f.projection.commitments {
        let renew = match (c.renew, c.renew_set) {
            (true, false) => s.fc_renew_default.to_string(),
            (true, true) => s.fc_renew.to_string(),
            (false, _) => s.fc_lapse.to_string(),
        };
        let mut line = format!("{}: {} · {} · {renew}", c.item, c.option, c.start_month);
        if c.owed_after_horizon_months > 0 {
            line += &format!(
                " · {} {} ({} months)",
                s.fc_owed_after,
                format::money(c.owed_after_horizon_usd),
                c.owed_after_horizon_months
            );
        }
        ui.label(line);
    }
}
