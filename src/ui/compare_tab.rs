//! Tab "Compare": purchase options of one EC2/RDS item or the whole plan — a table sorted by
//! total over the chosen horizon with the cheapest highlighted and unavailable options greyed
//! with their reason, the cumulative-cost chart and the commitment cost curve as textures, and
//! export of the comparison CSV and both charts as PNG/SVG through the app's file dialogs.
//!
//! The comparison comes from [`crate::purchase`] and is recomputed only when the plan
//! (generation), the scope, the horizon or the overhead change; chart pixels come from
//! [`crate::report::compare_chart::render_rgb`], the same drawing code as the exported files.
//! The tab's state lives in egui's memory, so the app's own state is untouched.

use crate::purchase::{self, Comparison, Settings};
use crate::report::chart::Theme;
use crate::report::compare_chart::{self, CompareChart};
use crate::text::format;
use crate::ui::app::{App, Notice};
use crate::ui::dialogs::FileKind;
use egui::{Color32, RichText};
use std::sync::Arc;

/// Horizon choices offered by the selector.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Horizon {
    /// 12 months.
    Twelve,
    /// 36 months (the default).
    #[default]
    ThirtySix,
    /// The plan's own horizon, clamped to 1 … `purchase::MAX_HORIZON_MONTHS`.
    Plan,
}

impl Horizon {
    /// Length of the horizon in months, given the plan's horizon in months.
    pub fn months(self, plan_horizon: u32) -> u32 {
        match self {
            Horizon::Twelve => 12,
            Horizon::ThirtySix => 36,
            Horizon::Plan => plan_horizon.clamp(1, purchase::MAX_HORIZON_MONTHS),
        }
    }
}

type Key = (u64, Option<String>, u32, u64);
/// What a chart texture was drawn for: comparison key, pixel size, dark theme.
type TextureKey = (Key, [u32; 2], bool);

/// Per-tab state, kept in egui memory under [`state_id`].
#[derive(Clone, Default)]
pub struct CompareState {
    /// Item id compared, `None` for the whole plan.
    pub scope: Option<String>,
    /// Horizon the options are totalled over.
    pub horizon: Horizon,
    /// Extra Spot usage for re-running interrupted work, percent (0 = none).
    pub overhead_pct: f64,
    key: Option<Key>,
    result: Option<Result<Arc<Comparison>, String>>,
    textures: Vec<(CompareChart, TextureKey, egui::TextureHandle)>,
    /// How many times a chart was rendered (tests: charts are cached between frames).
    pub renders: u64,
}

/// Where the tab keeps its state.
pub fn state_id() -> egui::Id {
    egui::Id::unique("cloudplan-compare-tab")
}

/// Read the tab's state (e.g. from a test).
pub fn state(ctx: &egui::Context) -> CompareState {
    ctx.data(|d| d.get_temp::<CompareState>(state_id()))
        .unwrap_or_default()
}

/// Change what is compared (`None`: whole plan).
pub fn set_scope(ctx: &egui::Context, scope: Option<String>) {
    ctx.data_mut(|d| {
        d.get_temp_mut_or_default::<CompareState>(state_id()).scope = scope;
    });
}

/// The comparison currently shown, if any.
pub fn current(ctx: &egui::Context) -> Option<Arc<Comparison>> {
    state(ctx).result.and_then(|r| r.ok())
}

fn refresh(app: &App, st: &mut CompareState) {
    let plan = &app.doc.plan;
    let months = st.horizon.months(plan.horizon_months);
    let key: Key = (
        app.doc.generation,
        st.scope.clone(),
        months,
        st.overhead_pct.to_bits(),
    );
    if st.key.as_ref() == Some(&key) {
        return;
    }
    let settings = Settings {
        horizon_months: months,
        spot_overhead_pct: st.overhead_pct,
    };
    let r = match &st.scope {
        Some(id) => purchase::compare_item(plan, app.catalog, id, settings),
        None => purchase::compare_plan(plan, app.catalog, settings),
    };
    st.result = Some(r.map(Arc::new).map_err(|e| e.to_string()));
    st.key = Some(key);
}

fn texture(
    st: &mut CompareState,
    ctx: &egui::Context,
    c: &Comparison,
    kind: CompareChart,
    px: [u32; 2],
    dark: bool,
) -> egui::TextureHandle {
    let key = (st.key.clone().unwrap_or_default(), px, dark);
    if let Some((_, k, t)) = st.textures.iter().find(|(k2, _, _)| *k2 == kind)
        && *k == key
    {
        return t.clone();
    }
    let theme = if dark { Theme::DARK } else { Theme::LIGHT };
    let rgb = compare_chart::render_rgb(c, kind, px[0], px[1], &theme);
    let image = egui::ColorImage::from_rgb([px[0] as usize, px[1] as usize], &rgb);
    st.renders += 1;
    if let Some(slot) = st.textures.iter_mut().find(|(k2, _, _)| *k2 == kind) {
        slot.2.set(image, egui::TextureOptions::LINEAR);
        slot.1 = key;
        return slot.2.clone();
    }
    let t = ctx.load_texture(kind.stem(), image, egui::TextureOptions::LINEAR);
    st.textures.push((kind, key, t.clone()));
    t
}

/// Draw the tab.
pub fn ui(app: &mut App, ui: &mut egui::Ui) {
    let ctx = ui.ctx().clone();
    let mut st = state(&ctx);
    let s = app.strings();
    let comparable: Vec<(String, String)> = app
        .doc
        .plan
        .items
        .iter()
        .filter(|i| {
            matches!(
                i.resource,
                crate::plan::Resource::Ec2(_) | crate::plan::Resource::Rds(_)
            )
        })
        .map(|i| (i.id.clone(), format!("{} — {}", i.id, i.name)))
        .collect();
    if let Some(id) = &st.scope
        && !comparable.iter().any(|(i, _)| i == id)
    {
        st.scope = None;
    }
    ui.add_space(4.0);
    ui.horizontal_wrapped(|ui| {
        let shown = match &st.scope {
            None => s.cmp_whole_plan.to_string(),
            Some(id) => comparable
                .iter()
                .find(|(i, _)| i == id)
                .map(|(_, l)| l.clone())
                .unwrap_or_else(|| id.clone()),
        };
        egui::ComboBox::new("compare-scope", s.cmp_scope)
            .selected_text(shown)
            .width(320.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut st.scope, None, s.cmp_whole_plan);
                for (id, label) in &comparable {
                    ui.selectable_value(&mut st.scope, Some(id.clone()), label);
                }
            });
        ui.separator();
        ui.label(s.cmp_horizon);
        ui.selectable_value(
            &mut st.horizon,
            Horizon::Twelve,
            format!("12 {}", s.cmp_months),
        );
        ui.selectable_value(
            &mut st.horizon,
            Horizon::ThirtySix,
            format!("36 {}", s.cmp_months),
        );
        ui.selectable_value(
            &mut st.horizon,
            Horizon::Plan,
            format!(
                "{} ({} {})",
                s.cmp_plan_horizon, app.doc.plan.horizon_months, s.cmp_months
            ),
        );
        ui.separator();
        ui.label(s.cmp_overhead);
        ui.add(
            egui::DragValue::new(&mut st.overhead_pct)
                .range(0.0..=1000.0)
                .speed(0.5)
                .suffix(" %"),
        );
    });
    ui.separator();
    if comparable.is_empty() {
        ui.add_space(20.0);
        ui.label(RichText::new(s.cmp_nothing).weak());
        ctx.data_mut(|d| d.insert_temp(state_id(), st));
        return;
    }
    refresh(app, &mut st);
    let c = match &st.result {
        Some(Ok(c)) => c.clone(),
        Some(Err(e)) => {
            ui.label(RichText::new(e).color(ui.visuals().error_fg_color));
            ctx.data_mut(|d| d.insert_temp(state_id(), st));
            return;
        }
        None => {
            ctx.data_mut(|d| d.insert_temp(state_id(), st));
            return;
        }
    };
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(RichText::new(&c.title).strong().size(15.0));
                ui.label(RichText::new(format!("· {}", c.catalog)).weak().small());
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    ui.menu_button(s.export, |ui| {
                        if ui.button(s.cmp_export_csv).clicked() {
                            export(app, &c, None, false);
                        }
                        for kind in CompareChart::ALL {
                            if ui
                                .button(format!("{} — {}", s.export_png, kind.stem()))
                                .clicked()
                            {
                                export(app, &c, Some(kind), false);
                            }
                            if ui
                                .button(format!("{} — {}", s.export_svg, kind.stem()))
                                .clicked()
                            {
                                export(app, &c, Some(kind), true);
                            }
                        }
                    });
                });
            });
            options_table(app, ui, &c);
            if let Some(mix) = &c.best_per_item {
                let parts: Vec<String> = mix
                    .parts
                    .iter()
                    .map(|p| format!("{}: {}", p.item_id, p.label))
                    .collect();
                ui.label(
                    RichText::new(format!(
                        "{}: {} ({} {}, {:.1}%) — {}",
                        s.cmp_best_mix,
                        format::money(mix.total_usd),
                        s.cmp_saving,
                        format::money(mix.saving_usd),
                        mix.saving_pct,
                        parts.join(" · ")
                    ))
                    .strong(),
                );
            }
            for n in &c.notes {
                ui.label(RichText::new(n).small().weak());
            }
            ui.add_space(8.0);
            for o in &c.optimiser {
                ui.label(
                    RichText::new(format!(
                        "{} · {}: {} × {} — {} / month ({} {})",
                        s.cmp_optimiser,
                        o.item_id,
                        format::quantity(o.curve.best.level, 2),
                        o.label,
                        format::money(o.curve.best.total_usd),
                        format::money(o.curve.on_demand_usd),
                        c.on_demand().label
                    ))
                    .small(),
                );
                if let Some(sp) = &o.savings_plan {
                    ui.label(
                        RichText::new(format!(
                            "{} · {}: {}/h {} — {} / month ({} {})",
                            s.cmp_optimiser,
                            o.item_id,
                            format::unit_price((sp.curve.best.level * 1e4).round() / 1e4),
                            sp.label,
                            format::money(sp.curve.best.total_usd),
                            format::money(sp.curve.on_demand_usd),
                            c.on_demand().label
                        ))
                        .small(),
                    );
                }
            }
            ui.add_space(8.0);
            let gap = 12.0;
            let w = ((ui.available_width() - gap) / 2.0).max(240.0);
            let h = 320.0;
            let ppp = ui.ctx().pixels_per_point();
            let px = [(w * ppp).round() as u32, (h * ppp).round() as u32];
            let dark = ui.visuals().dark_mode;
            ui.horizontal(|ui| {
                ui.spacing_mut().item_spacing.x = gap;
                for kind in CompareChart::ALL {
                    let tex = texture(&mut st, ui.ctx(), &c, kind, px, dark);
                    ui.add(egui::Image::new(&tex).fit_to_exact_size(egui::vec2(w, h)))
                        .on_hover_text(kind.title());
                }
            });
        });
    ctx.data_mut(|d| d.insert_temp(state_id(), st));
}

fn options_table(app: &App, ui: &mut egui::Ui, c: &Comparison) {
    let s = app.strings();
    let best = c.best().map(|b| b.choice);
    let weak = ui.visuals().weak_text_color();
    let best_fill = if ui.visuals().dark_mode {
        Color32::from_rgb(110, 200, 120)
    } else {
        Color32::from_rgb(20, 120, 40)
    };
    egui::Grid::new("compare-options")
        .striped(true)
        .num_columns(10)
        .spacing([14.0, 4.0])
        .show(ui, |ui| {
            for h in [
                s.cmp_option,
                s.upfront,
                s.monthly,
                s.cmp_effective,
                s.cmp_total,
                s.cmp_saving,
                "%",
                s.cmp_break_even,
                s.cmp_break_even_use,
                s.cmp_notes,
            ] {
                ui.label(RichText::new(h).strong());
            }
            ui.end_row();
            for o in c.sorted() {
                let mut label = o.label.clone();
                if o.current {
                    label.push_str(&format!(" ({})", s.cmp_current));
                }
                match &o.unavailable {
                    Some(reason) => {
                        ui.label(RichText::new(label).color(weak));
                        for _ in 0..8 {
                            ui.label(RichText::new("—").color(weak));
                        }
                        ui.label(
                            RichText::new(format!("{}: {reason}", s.cmp_unavailable))
                                .small()
                                .color(weak),
                        );
                    }
                    None => {
                        let is_best = Some(o.choice) == best;
                        let text = |t: String| {
                            let r = RichText::new(t).monospace();
                            if is_best {
                                r.strong().color(best_fill)
                            } else {
                                r
                            }
                        };
                        let name = if is_best {
                            format!("★ {label} ({})", s.cmp_best)
                        } else {
                            label
                        };
                        ui.label(text(name)).on_hover_text(o.calculation.join("\n"));
                        ui.label(text(format::money(o.upfront_usd)));
                        ui.label(text(format::money(o.recurring_monthly_usd)));
                        ui.label(text(format::money(o.effective_monthly_usd)));
                        ui.label(text(format::money(o.total_usd)));
                        ui.label(text(format::money(o.saving_usd)));
                        ui.label(text(format!("{:.1}", o.saving_pct)));
                        let be = match o.break_even_month {
                            Some(m) => m.to_string(),
                            None if o.choice == c.on_demand().choice => String::new(),
                            None => s.cmp_never.to_string(),
                        };
                        ui.label(text(be));
                        ui.label(text(
                            o.break_even_utilisation_pct
                                .map(|u| format!("{u:.1}%"))
                                .unwrap_or_default(),
                        ));
                        let mut notes = Vec::new();
                        if let Some(b) = &o.interruption_band {
                            notes.push(format!("interruptions {b}"));
                        }
                        if let Some(u) = o.utilisation_pct
                            && u < 100.0 - 1e-9
                        {
                            notes.push(format!("used {u:.1}% of committed hours"));
                        }
                        if o.committed_after_horizon_usd > 0.0 {
                            notes.push(format!(
                                "{} owed after the horizon",
                                format::money(o.committed_after_horizon_usd)
                            ));
                        }
                        ui.label(RichText::new(notes.join("; ")).small());
                    }
                }
                ui.end_row();
            }
        });
}

/// Ask where to save and write the comparison CSV (`chart` = `None`) or a chart (PNG, or SVG
/// when `svg`). The outcome is shown in the status bar.
fn export(app: &mut App, c: &Comparison, chart: Option<CompareChart>, svg: bool) {
    let s = app.strings();
    let (kind, name) = match chart {
        None => (FileKind::EstimateCsv, "purchase-options.csv".to_string()),
        Some(k) if svg => (FileKind::Svg, format!("{}.svg", k.stem())),
        Some(k) => (FileKind::Png, format!("{}.png", k.stem())),
    };
    let Some(path) = app.dialogs.pick_save(kind, &name) else {
        return;
    };
    let bytes: Result<Vec<u8>, String> = match chart {
        None => Ok(crate::report::csv::file_bytes(
            &crate::report::compare_csv::comparison_csv(c),
        )),
        Some(k) if svg => compare_chart::render_svg(c, k, 1200, 600)
            .map(String::into_bytes)
            .map_err(|e| e.to_string()),
        Some(k) => compare_chart::render_png(c, k, 1200, 600).map_err(|e| e.to_string()),
    };
    app.notice = Some(
        match bytes.and_then(|b| crate::atomic_file::write(&path, &b).map_err(|e| e.to_string())) {
            Ok(()) => Notice {
                text: format!("{} {}", s.exported_to, path.display()),
                error: false,
            },
            Err(e) => Notice {
                text: format!("{}: {e}", path.display()),
                error: true,
            },
        },
    );
}
