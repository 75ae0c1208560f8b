//! Tab "Scaling": simulate one Auto Scaling group of the plan and show what it does.
//!
//! Pick a group (plan items of kind `scaling_group`); edit its capacity limits, its demand
//! profile and its policies (as JSON) — every change is sent as an undoable
//! [`Command::SetField`]; see the three charts of [`crate::report::scaling_chart`] as textures
//! with a day / week / month window; read the summary (utilisation, unmet-demand hours, cost
//! range); export the per-step CSV, or a chart as PNG/SVG. The simulation is re-run only when
//! the plan's generation or the chosen group changes. Its state lives in egui's memory so the
//! app struct needs no field for it.

use crate::plan::{Plan, Resource};
use crate::report::chart::Theme;
use crate::report::scaling_chart::{self, ScalingChart};
use crate::report::scaling_csv;
use crate::scaling::GroupSpec;
use crate::scaling::demand::{DailyCycle, DemandSpec, Noise, Profile, WeeklyDip, parse_csv};
use crate::scaling::run::{Outcome, run};
use crate::text::format;
use crate::ui::app::App;
use crate::ui::commands::Command;
use crate::ui::dialogs::FileKind;
use egui::RichText;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// Width of the chart window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Window {
    /// 24 hours.
    Day,
    /// 7 days (the default).
    #[default]
    Week,
    /// 30 days.
    Month,
    /// The whole simulation.
    All,
}

impl Window {
    /// Every window, in the order of the selector.
    pub const ALL: [Window; 4] = [Window::Day, Window::Week, Window::Month, Window::All];
    fn hours(self) -> Option<usize> {
        match self {
            Window::Day => Some(24),
            Window::Week => Some(24 * 7),
            Window::Month => Some(24 * 30),
            Window::All => None,
        }
    }
}

/// (plan generation, group id).
type SimKey = (u64, String);
/// What a chart texture was drawn for: generation, group, window, offset, pixels, dark.
type TextureKey = (u64, String, Window, usize, [u32; 2], bool);

/// What the tab remembers between frames.
#[derive(Default)]
pub struct ScalingTabState {
    /// Item id of the group shown (the plan's first group when unset or gone).
    pub selected: Option<String>,
    /// How much of the simulation the charts show.
    pub window: Window,
    /// First day shown (days from the simulation start).
    pub offset_days: usize,
    /// (plan generation, group id) → the priced simulation or why it failed.
    result: Option<(SimKey, Result<Arc<Outcome>, String>)>,
    textures: HashMap<u8, (TextureKey, egui::TextureHandle)>,
    /// The policies JSON being edited (group id, text).
    pub policies_text: Option<(String, String)>,
    /// The scheduled actions JSON being edited (group id, text).
    pub scheduled_text: Option<(String, String)>,
    /// Time zone being typed per scheduled action: (group id, action index) → (text, the
    /// plan's value when the text was last synced; a different plan value, e.g. after undo,
    /// replaces the text).
    pub zone_text: HashMap<(String, usize), (String, Option<String>)>,
    /// How many times a chart was rendered (tests: charts are cached between frames).
    pub renders: u64,
}

type Shared = Arc<Mutex<ScalingTabState>>;

fn state(ctx: &egui::Context) -> Shared {
    ctx.data_mut(|d| {
        d.get_temp_mut_or_default::<Shared>(egui::Id::unique("cloudplan-scaling-tab"))
            .clone()
    })
}

/// Run `f` on the tab's state (also used by tests).
pub fn with_state<R>(ctx: &egui::Context, f: impl FnOnce(&mut ScalingTabState) -> R) -> R {
    let s = state(ctx);
    let mut guard = s.lock().unwrap_or_else(|p| p.into_inner());
    f(&mut guard)
}

fn groups(plan: &Plan) -> Vec<(usize, String, String)> {
    plan.items
        .iter()
        .enumerate()
        .filter(|(_, i)| matches!(i.resource, Resource::ScalingGroup(_)))
        .map(|(n, i)| (n, i.id.clone(), i.name.clone()))
        .collect()
}

fn simulate(app: &App, row: usize, g: &GroupSpec) -> Result<Outcome, String> {
    let plan = &app.doc.plan;
    let start = plan.start_date().map_err(|e| format!("start_month: {e}"))?;
    let series = match &g.demand {
        DemandSpec::Csv { path } => {
            let base = app
                .doc
                .path
                .as_deref()
                .and_then(|p| p.parent())
                .map(|p| p.to_path_buf())
                .unwrap_or_default();
            let file = base.join(path);
            let text =
                std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
            Some(parse_csv(&text).map_err(|e| format!("{}: {e}", file.display()))?)
        }
        DemandSpec::Profile(_) => None,
    };
    let region = plan.items[row].region(plan);
    run(g, start, app.catalog, region, series.as_ref(), true).map_err(|e| e.to_string())
}

/// Draw the tab: group picker, summary cards, the edit forms and the charts.
pub fn ui(app: &mut App, ui: &mut egui::Ui) {
    let s = app.strings();
    let shared = state(ui.ctx());
    let mut st = shared.lock().unwrap_or_else(|p| p.into_inner());
    let list = groups(&app.doc.plan);
    if list.is_empty() {
        ui.add_space(20.0);
        ui.label(RichText::new(s.scaling_no_group).weak());
        if ui.button(s.add_scaling_group).clicked() {
            app.send(crate::ui::commands::Command::AddScalingGroup);
        }
        return;
    }
    if st
        .selected
        .as_ref()
        .is_none_or(|id| !list.iter().any(|(_, i, _)| i == id))
    {
        st.selected = Some(list[0].1.clone());
    }
    let id = st.selected.clone().unwrap_or_default();
    let Some(&(row, _, _)) = list.iter().find(|(_, i, _)| *i == id) else {
        return;
    };
    let Resource::ScalingGroup(group) = app.doc.plan.items[row].resource.clone() else {
        return;
    };
    let key = (app.doc.generation, id.clone());
    if st.result.as_ref().is_none_or(|(k, _)| *k != key) {
        let r = simulate(app, row, &group).map(Arc::new);
        st.result = Some((key.clone(), r));
    }

    ui.horizontal(|ui| {
        egui::ComboBox::from_label(s.scaling_group)
            .selected_text(&id)
            .show_ui(ui, |ui| {
                for (_, gid, name) in &list {
                    ui.selectable_value(
                        &mut st.selected,
                        Some(gid.clone()),
                        format!("{gid} — {name}"),
                    );
                }
            });
        ui.separator();
        ui.label(s.scaling_window);
        for w in Window::ALL {
            let label = match w {
                Window::Day => s.scaling_day,
                Window::Week => s.scaling_week,
                Window::Month => s.scaling_month,
                Window::All => s.scaling_all,
            };
            ui.selectable_value(&mut st.window, w, label);
        }
        ui.separator();
        if ui.button(s.add_scaling_group).clicked() {
            app.send(crate::ui::commands::Command::AddScalingGroup);
        }
    });
    ui.separator();

    let outcome = match &st.result {
        Some((_, Ok(o))) => Some(o.clone()),
        Some((_, Err(e))) => {
            ui.label(
                RichText::new(format!("{}: {e}", s.not_priced)).color(ui.visuals().error_fg_color),
            );
            None
        }
        None => None,
    };

    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            if let Some(o) = &outcome {
                summary_ui(ui, s, o);
                ui.add_space(8.0);
            }
            ui.collapsing(s.scaling_capacity, |ui| capacity_form(app, ui, row, &group));
            ui.collapsing(s.scaling_demand, |ui| demand_form(app, ui, row, &group));
            ui.collapsing(s.scaling_purchase, |ui| purchase_form(app, ui, row, &group));
            ui.collapsing(s.scaling_policies, |ui| {
                policies_form(app, ui, &mut st, row, &id, &group)
            });
            ui.collapsing(s.scaling_scheduled, |ui| {
                scheduled_form(app, ui, &mut st, row, &id, &group)
            });
            ui.add_space(8.0);
            if let Some(o) = &outcome {
                charts_ui(app, ui, &mut st, o, &group, &id);
            }
        });
}

fn summary_ui(ui: &mut egui::Ui, s: &crate::ui::i18n::Strings, o: &Outcome) {
    let sim = &o.simulation;
    ui.horizontal_wrapped(|ui| {
        let card = |ui: &mut egui::Ui, title: &str, value: String| {
            egui::Frame::group(ui.style())
                .inner_margin(egui::Margin::symmetric(12, 8))
                .show(ui, |ui| {
                    ui.vertical(|ui| {
                        ui.label(RichText::new(title).weak());
                        ui.label(RichText::new(value).size(18.0).strong());
                    });
                });
        };
        card(
            ui,
            s.scaling_utilisation,
            format!("{}%", format::quantity(sim.average_utilisation_pct(), 1)),
        );
        card(
            ui,
            s.scaling_unmet_hours,
            format::quantity(sim.unmet_hours(), 2),
        );
        card(ui, s.monthly, format::money(o.bill.average_monthly_usd));
        card(
            ui,
            s.scaling_cost_range,
            format!(
                "{} – {}",
                format::money(o.bill.average_at_min_usd),
                format::money(o.bill.average_at_max_usd)
            ),
        );
    });
}

fn charts_ui(
    app: &mut App,
    ui: &mut egui::Ui,
    st: &mut ScalingTabState,
    o: &Arc<Outcome>,
    g: &GroupSpec,
    id: &str,
) {
    let s = app.strings();
    let n = o.simulation.steps.len();
    let per_hour = (60 / o.simulation.step_minutes.max(1)) as usize;
    let days = n / (24 * per_hour).max(1);
    let window = match st.window.hours() {
        Some(h) => {
            let max_offset = days.saturating_sub(h / 24);
            st.offset_days = st.offset_days.min(max_offset);
            ui.add(egui::Slider::new(&mut st.offset_days, 0..=max_offset).text(s.scaling_from_day));
            let a = st.offset_days * 24 * per_hour;
            a..(a + h * per_hour).min(n)
        }
        None => 0..n,
    };
    ui.horizontal(|ui| {
        ui.label(RichText::new(s.charts).strong());
        ui.menu_button(s.export, |ui| {
            if ui.button(s.scaling_export_csv).clicked()
                && let Some(p) = app
                    .dialogs
                    .pick_save(FileKind::EstimateCsv, &format!("{id}-steps.csv"))
            {
                let r = crate::atomic_file::write(
                    &p,
                    &crate::report::csv::file_bytes(&scaling_csv::steps_csv(
                        o,
                        g.capacity_per_unit,
                    )),
                );
                report(app, r.map_err(|e| e.to_string()), &p);
            }
            for c in ScalingChart::ALL {
                if ui
                    .button(format!("{} — {}", s.export_png, c.stem()))
                    .clicked()
                    && let Some(p) = app
                        .dialogs
                        .pick_save(FileKind::Png, &format!("{}.png", c.stem()))
                {
                    let r = scaling_chart::save_png(
                        o,
                        g.capacity_per_unit,
                        c,
                        window.clone(),
                        1200,
                        500,
                        &p,
                    );
                    report(app, r.map_err(|e| e.to_string()), &p);
                }
                if ui
                    .button(format!("{} — {}", s.export_svg, c.stem()))
                    .clicked()
                    && let Some(p) = app
                        .dialogs
                        .pick_save(FileKind::Svg, &format!("{}.svg", c.stem()))
                {
                    let r = scaling_chart::render_svg(
                        o,
                        g.capacity_per_unit,
                        c,
                        window.clone(),
                        1200,
                        500,
                    )
                    .map_err(|e| e.to_string())
                    .and_then(|svg| {
                        crate::atomic_file::write(&p, svg.as_bytes()).map_err(|e| e.to_string())
                    });
                    report(app, r, &p);
                }
            }
        });
    });
    let w = ui.available_width().max(300.0);
    let h = 260.0;
    let ppp = ui.ctx().pixels_per_point();
    let px = [(w * ppp).round() as u32, (h * ppp).round() as u32];
    let dark = ui.visuals().dark_mode;
    for c in ScalingChart::ALL {
        let key = (
            app.doc.generation,
            id.to_string(),
            st.window,
            st.offset_days,
            px,
            dark,
        );
        let slot = c as u8;
        let fresh = st.textures.get(&slot).is_some_and(|(k, _)| *k == key);
        if !fresh {
            let theme = if dark { Theme::DARK } else { Theme::LIGHT };
            let rgb = scaling_chart::render_rgb(
                o,
                g.capacity_per_unit,
                c,
                window.clone(),
                px[0],
                px[1],
                &theme,
            );
            let image = egui::ColorImage::from_rgb([px[0] as usize, px[1] as usize], &rgb);
            st.renders += 1;
            match st.textures.get_mut(&slot) {
                Some((k, t)) => {
                    t.set(image, egui::TextureOptions::LINEAR);
                    *k = key;
                }
                None => {
                    let t = ui
                        .ctx()
                        .load_texture(c.stem(), image, egui::TextureOptions::LINEAR);
                    st.textures.insert(slot, (key, t));
                }
            }
        }
        let tex = st.textures[&slot].1.clone();
        ui.add(egui::Image::new(&tex).fit_to_exact_size(egui::vec2(w, h)))
            .on_hover_text(c.title());
    }
}

fn report(app: &mut App, r: Result<(), String>, p: &std::path::Path) {
    let s = app.strings();
    app.notice = Some(match r {
        Ok(()) => crate::ui::app::Notice {
            text: format!("{} {}", s.exported_to, p.display()),
            error: false,
        },
        Err(e) => crate::ui::app::Notice {
            text: format!("{}: {e}", p.display()),
            error: true,
        },
    });
}

fn set(app: &mut App, row: usize, field: &str, text: String) {
    app.send(Command::SetField {
        row,
        field: field.to_string(),
        text,
    });
}

fn capacity_form(app: &mut App, ui: &mut egui::Ui, row: usize, g: &GroupSpec) {
    let s = app.strings();
    egui::Grid::new("scaling-capacity")
        .num_columns(2)
        .show(ui, |ui| {
            for (label, field, value) in [
                ("min", "min", g.min),
                ("desired", "desired", g.desired),
                ("max", "max", g.max),
            ] {
                let l = ui.label(label);
                let mut v = value;
                let r = ui
                    .add(egui::DragValue::new(&mut v).range(0..=100_000))
                    .labelled_by(l.id);
                if v != value && (r.drag_stopped() || r.lost_focus() || !r.dragged()) {
                    set(app, row, field, v.to_string());
                }
                ui.end_row();
            }
            let l = ui.label(s.scaling_capacity_per_unit);
            let mut c = g.capacity_per_unit;
            let r = ui
                .add(egui::DragValue::new(&mut c).range(0.001..=1e9))
                .labelled_by(l.id);
            if c != g.capacity_per_unit && (r.drag_stopped() || r.lost_focus() || !r.dragged()) {
                set(app, row, "capacity_per_unit", c.to_string());
            }
            ui.end_row();
        });
}

fn demand_form(app: &mut App, ui: &mut egui::Ui, row: usize, g: &GroupSpec) {
    let s = app.strings();
    let DemandSpec::Profile(p) = &g.demand else {
        ui.label(RichText::new(s.scaling_demand_csv).weak());
        return;
    };
    let mut q: Profile = p.clone();
    egui::Grid::new("scaling-demand")
        .num_columns(2)
        .show(ui, |ui| {
            ui.label(s.scaling_base);
            ui.add(egui::DragValue::new(&mut q.base).range(0.0..=1e12));
            ui.end_row();
            let mut daily = q.daily.is_some();
            ui.checkbox(&mut daily, s.scaling_daily);
            let mut d = q.daily.clone().unwrap_or(DailyCycle {
                peak_hour: 14.0,
                amplitude: 0.5,
            });
            ui.horizontal(|ui| {
                ui.add(
                    egui::DragValue::new(&mut d.peak_hour)
                        .range(0.0..=24.0)
                        .prefix("peak h "),
                );
                ui.add(
                    egui::DragValue::new(&mut d.amplitude)
                        .range(0.0..=1.0)
                        .speed(0.01)
                        .prefix("amp "),
                );
            });
            q.daily = daily.then_some(d);
            ui.end_row();
            let mut weekly = q.weekly.is_some();
            ui.checkbox(&mut weekly, s.scaling_weekend);
            let mut w = q.weekly.clone().unwrap_or(WeeklyDip {
                weekend_factor: 0.7,
            });
            ui.add(
                egui::DragValue::new(&mut w.weekend_factor)
                    .range(0.0..=10.0)
                    .speed(0.01),
            );
            q.weekly = weekly.then_some(w);
            ui.end_row();
            ui.label(s.scaling_growth);
            ui.add(
                egui::DragValue::new(&mut q.growth_pct_per_month)
                    .range(-99.0..=1000.0)
                    .speed(0.1),
            );
            ui.end_row();
            let mut noise = q.noise.as_ref().map_or(0.0, |n| n.sd_pct);
            ui.label(s.scaling_noise);
            ui.add(
                egui::DragValue::new(&mut noise)
                    .range(0.0..=100.0)
                    .speed(0.1),
            );
            q.noise = (noise > 0.0).then_some(Noise { sd_pct: noise });
            ui.end_row();
        });
    if &q != p
        && !ui.ctx().input(|i| i.pointer.any_down())
        && let Ok(json) = serde_json::to_string(&DemandSpec::Profile(q))
    {
        set(app, row, "demand", json);
    }
}

fn policies_form(
    app: &mut App,
    ui: &mut egui::Ui,
    st: &mut ScalingTabState,
    row: usize,
    id: &str,
    g: &GroupSpec,
) {
    let s = app.strings();
    let current = serde_json::to_string_pretty(&g.policies).unwrap_or_default();
    let field = JsonField {
        row,
        id,
        field: "policies",
        hint: s.scaling_policies_hint,
        rows: 10,
    };
    json_field_editor(app, ui, &mut st.policies_text, field, current);
}

/// Which list field of which group a [`json_field_editor`] edits, and how it looks.
struct JsonField<'a> {
    row: usize,
    id: &'a str,
    field: &'static str,
    hint: &'a str,
    rows: usize,
}

/// A JSON text editor for one list field of a group (`policies`, `scheduled`) with Apply and
/// Revert. `slot` keeps the text being edited (with the group id it belongs to) across frames;
/// `current` is the field as the plan has it now.
fn json_field_editor(
    app: &mut App,
    ui: &mut egui::Ui,
    slot: &mut Option<(String, String)>,
    f: JsonField<'_>,
    current: String,
) {
    let s = app.strings();
    if slot.as_ref().is_none_or(|(i, _)| i != f.id) {
        *slot = Some((f.id.to_string(), current.clone()));
    }
    let Some((_, text)) = slot.as_mut() else {
        return;
    };
    let hint = ui.label(RichText::new(f.hint).weak().small());
    ui.add(
        egui::TextEdit::multiline(text)
            .code_editor()
            .desired_rows(f.rows)
            .desired_width(f32::INFINITY),
    )
    .labelled_by(hint.id);
    ui.horizontal(|ui| {
        if ui.button(s.scaling_apply).clicked() {
            let t = text.clone();
            set(app, f.row, f.field, t);
        }
        if ui.button(s.scaling_revert).clicked() {
            *text = current;
        }
    });
}

/// Purchase options: the On-Demand / Spot split and the allocation strategies
/// ([`crate::scaling::allocation`]); one `distribution` edit per change.
fn purchase_form(app: &mut App, ui: &mut egui::Ui, row: usize, g: &GroupSpec) {
    use crate::scaling::allocation::{OnDemandAllocationStrategy, SpotAllocationStrategy};
    let s = app.strings();
    let mut d = g.distribution.clone();
    egui::Grid::new("scaling-purchase")
        .num_columns(2)
        .show(ui, |ui| {
            let l = ui.label(s.scaling_od_base);
            ui.add(egui::DragValue::new(&mut d.on_demand_base).range(0..=100_000))
                .labelled_by(l.id);
            ui.end_row();
            let l = ui.label(s.scaling_od_pct);
            ui.add(
                egui::DragValue::new(&mut d.on_demand_pct_above_base)
                    .range(0.0..=100.0)
                    .speed(1.0),
            )
            .labelled_by(l.id);
            ui.end_row();
            let l = ui.label(s.scaling_spot_strategy);
            egui::ComboBox::from_id_salt("spot-allocation-strategy")
                .selected_text(
                    d.spot_allocation_strategy
                        .map_or(s.scaling_even_spread, |x| x.as_str()),
                )
                .show_ui(ui, |ui| {
                    for x in SpotAllocationStrategy::ALL {
                        ui.selectable_value(&mut d.spot_allocation_strategy, Some(x), x.as_str());
                    }
                    ui.selectable_value(
                        &mut d.spot_allocation_strategy,
                        None,
                        s.scaling_even_spread,
                    );
                })
                .response
                .labelled_by(l.id);
            ui.end_row();
            let lowest = d.spot_allocation_strategy == Some(SpotAllocationStrategy::LowestPrice);
            let l = ui.label(s.scaling_spot_pools);
            let before = d.spot_instance_pools;
            let default = crate::scaling::allocation::DEFAULT_SPOT_POOLS;
            let mut n = before.unwrap_or(default);
            ui.add_enabled(lowest, egui::DragValue::new(&mut n).range(1..=20))
                .labelled_by(l.id);
            // SpotInstancePools is valid only with lowest-price; AWS's default (2) is not
            // written unless the file had it.
            d.spot_instance_pools = if !lowest {
                None
            } else if before == Some(n) || (before.is_none() && n == default) {
                before
            } else {
                Some(n)
            };
            ui.end_row();
            let l = ui.label(s.scaling_od_strategy);
            egui::ComboBox::from_id_salt("on-demand-allocation-strategy")
                .selected_text(d.on_demand_allocation_strategy.as_str())
                .show_ui(ui, |ui| {
                    for x in OnDemandAllocationStrategy::ALL {
                        ui.selectable_value(&mut d.on_demand_allocation_strategy, x, x.as_str());
                    }
                })
                .response
                .labelled_by(l.id);
            ui.end_row();
        });
    if d != g.distribution
        && !ui.ctx().input(|i| i.pointer.any_down())
        && let Ok(json) = serde_json::to_string(&d)
    {
        set(app, row, "distribution", json);
    }
}

/// Scheduled actions: a time-zone picker per action (typed text checked against the IANA
/// database compiled into chrono-tz, with matching names to pick from) and the whole list
/// as JSON.
fn scheduled_form(
    app: &mut App,
    ui: &mut egui::Ui,
    st: &mut ScalingTabState,
    row: usize,
    id: &str,
    g: &GroupSpec,
) {
    use crate::scaling::schedule;
    let s = app.strings();
    let mut changed: Option<Vec<crate::scaling::schedule::ScheduledAction>> = None;
    egui::Grid::new("scaling-scheduled")
        .num_columns(3)
        .show(ui, |ui| {
            for (i, a) in g.scheduled.iter().enumerate() {
                ui.label(&a.name);
                let key = (id.to_string(), i);
                let entry = st.zone_text.entry(key).or_insert_with(|| {
                    (a.time_zone.clone().unwrap_or_default(), a.time_zone.clone())
                });
                if entry.1 != a.time_zone {
                    *entry = (a.time_zone.clone().unwrap_or_default(), a.time_zone.clone());
                }
                let text = &mut entry.0;
                ui.horizontal(|ui| {
                    let l = ui.label(s.scaling_time_zone);
                    let r = ui
                        .add(
                            egui::TextEdit::singleline(text)
                                .hint_text(s.scaling_fixed_offset)
                                .desired_width(200.0),
                        )
                        .labelled_by(l.id);
                    let mut commit = r.lost_focus();
                    let t = text.trim().to_string();
                    if !(t.is_empty() || schedule::parse_zone(&t).is_ok()) {
                        ui.label(
                            RichText::new(s.scaling_zone_invalid)
                                .color(ui.visuals().error_fg_color),
                        );
                    }
                    // The IANA names containing what was typed, to pick from.
                    let needle = t.to_ascii_lowercase();
                    egui::ComboBox::from_id_salt(("zone-matches", i))
                        .selected_text("…")
                        .width(30.0)
                        .show_ui(ui, |ui| {
                            for z in schedule::zone_names()
                                .filter(|z| z.to_ascii_lowercase().contains(&needle))
                                .take(60)
                            {
                                if ui.selectable_label(false, z).clicked() {
                                    *text = z.to_string();
                                    commit = true;
                                }
                            }
                        })
                        .response
                        .labelled_by(l.id);
                    let t = text.trim().to_string();
                    let valid = t.is_empty() || schedule::parse_zone(&t).is_ok();
                    let want = (!t.is_empty()).then_some(t);
                    if commit && valid && want != a.time_zone {
                        let mut list = g.scheduled.clone();
                        list[i].time_zone = want;
                        if list[i].time_zone.is_some() {
                            list[i].utc_offset_minutes = 0;
                        }
                        changed = Some(list);
                    }
                });
                ui.label(
                    RichText::new(match &a.time_zone {
                        Some(_) => String::new(),
                        None => {
                            let m = a.utc_offset_minutes;
                            let sign = if m < 0 { '-' } else { '+' };
                            format!("UTC{sign}{:02}:{:02}", m.abs() / 60, m.abs() % 60)
                        }
                    })
                    .weak(),
                );
                ui.end_row();
            }
        });
    if let Some(list) = changed
        && let Ok(json) = serde_json::to_string(&list)
    {
        st.scheduled_text = None;
        set(app, row, "scheduled", json);
    }
    let current = serde_json::to_string_pretty(&g.scheduled).unwrap_or_default();
    let field = JsonField {
        row,
        id,
        field: "scheduled",
        hint: s.scaling_scheduled_hint,
        rows: 6,
    };
    json_field_editor(app, ui, &mut st.scheduled_text, field, current);
}
