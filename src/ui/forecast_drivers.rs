//! The Forecast tab's growth-driver forms: one form per driver kind (linear, compound,
//! logistic, seasonal, step, item window, price change, commitment term) with the target picked from a dropdown
//! and numeric/month fields validated as they are typed. Every committed change (a dropdown
//! choice, a field left or confirmed with Enter, add, remove) is ONE undoable
//! [`Command::SetGrowth`]; the projection, chart and table follow on the next frame.

use crate::catalog::Service;
use crate::forecast::GrowthDriver;
use crate::forecast::commitments;
use crate::plan::Plan;
use crate::plan::growth::{self as drivers, ItemField, Period, PriceScope, Target};
use crate::ui::app::App;
use crate::ui::commands::Command;
use crate::ui::i18n::Strings;
use egui::RichText;
use std::collections::BTreeMap;

/// Text typed into driver fields but not yet applied, and why a text does not read.
#[derive(Clone, Default)]
pub struct Drafts {
    /// Plan generation the drafts were typed against; a different one clears them.
    generation: u64,
    /// (driver index, field key) → the text as typed.
    text: BTreeMap<(usize, String), String>,
    /// (driver index, field key) → (field label, validation message).
    errors: BTreeMap<(usize, String), (String, String)>,
    /// Why the last proposed driver list was refused (`growth[2].cap: …`).
    pub rejected: Option<String>,
    /// The label of the last field drawn, for a dropdown that qualifies it (`% per month`).
    last_label: Option<egui::Id>,
}

/// What a numeric field accepts beyond being a finite number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// Any finite number (linear change per month, step amount).
    Any,
    /// Above 0 (logistic cap and rate).
    Positive,
    /// 0 or more (seasonal factors, step and price multipliers).
    NonNegative,
    /// Above −100 (growth rates in percent: −100 % would wipe the value out).
    AboveMinus100,
}

/// Read a number typed into a driver field: NaN and infinities are refused, and so are values
/// the field's [`Rule`] makes meaningless (a negative cap or multiplier, a rate of −100 % or
/// less).
pub fn read_number(text: &str, rule: Rule, s: &Strings) -> Result<f64, String> {
    let v: f64 = text
        .trim()
        .parse()
        .map_err(|_| format!("`{}` {}", text.trim(), s.fc_err_number))?;
    if !v.is_finite() {
        return Err(s.fc_err_finite.into());
    }
    let bad = match rule {
        Rule::Any => None,
        Rule::Positive => (v <= 0.0).then_some(s.fc_err_positive),
        Rule::NonNegative => (v < 0.0).then_some(s.fc_err_non_negative),
        Rule::AboveMinus100 => (v <= -100.0).then_some(s.fc_err_above_minus_100),
    };
    bad.map_or(Ok(v), |m| Err(m.into()))
}

/// Read a month field: `YYYY-MM`, or (when `optional`) empty for none.
pub fn read_month(text: &str, optional: bool, s: &Strings) -> Result<Option<String>, String> {
    let t = text.trim();
    if t.is_empty() && optional {
        return Ok(None);
    }
    drivers::parse_month(t)
        .map(|_| Some(t.to_string()))
        .ok_or_else(|| s.fc_err_month.into())
}

/// The localized name of a driver kind.
pub fn kind_label(d: &GrowthDriver, s: &Strings) -> &'static str {
    match d {
        GrowthDriver::Linear { .. } => s.fc_kind_linear,
        GrowthDriver::Compound { .. } => s.fc_kind_compound,
        GrowthDriver::Logistic { .. } => s.fc_kind_logistic,
        GrowthDriver::Seasonal { .. } => s.fc_kind_seasonal,
        GrowthDriver::Step { .. } => s.fc_kind_step,
        GrowthDriver::ItemWindow { .. } => s.fc_kind_window,
        GrowthDriver::PriceChange { .. } => s.fc_kind_price,
        GrowthDriver::Commitment { .. } => s.fc_kind_commitment,
    }
}

/// Every target a value driver can take in `plan`: its parameters, then each item's growable
/// fields (those [`drivers::field_mut`] accepts for the item as it is).
pub fn targets(plan: &Plan) -> Vec<Target> {
    let mut out: Vec<Target> = plan
        .parameters
        .iter()
        .map(|p| Target::Parameter(p.name.clone()))
        .collect();
    for it in &plan.items {
        let mut probe = it.resource.clone();
        for f in drivers::fields_of(&it.resource) {
            if drivers::field_mut(&mut probe, f).is_some() {
                out.push(Target::Item(ItemField {
                    id: it.id.clone(),
                    field: f.to_string(),
                }));
            }
        }
    }
    out
}

fn target_text(t: &Target, s: &Strings) -> String {
    match t {
        Target::Parameter(n) => format!("{}: {n}", s.fc_parameter),
        Target::Item(f) => format!("{}: {} · {}", s.fc_item, f.id, f.field),
    }
}

fn scope_text(p: &PriceScope, s: &Strings) -> String {
    match p {
        PriceScope::Item(id) => format!("{}: {id}", s.fc_item),
        PriceScope::Service(sv) => format!("{}: {}", s.fc_service, sv.display_name()),
    }
}

/// A starting driver of each kind for the plan (first target / first item); kinds the plan
/// cannot take (no parameter and no item) are left out.
pub fn templates(plan: &Plan) -> Vec<GrowthDriver> {
    let target = targets(plan).into_iter().next();
    let later = drivers::add_months(&plan.start_month, 6).unwrap_or_default();
    let mut out = Vec::new();
    if let Some(t) = target {
        out.push(GrowthDriver::Linear {
            target: t.clone(),
            per_month: 1.0,
            from: None,
        });
        out.push(GrowthDriver::Compound {
            target: t.clone(),
            pct: 3.0,
            per: Period::Month,
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
            scope: PriceScope::Item(it.id.clone()),
            month: later,
            multiplier: 1.0,
        });
    }
    // A commitment driver for the first committed item that has none yet.
    let has_driver = |id: &str| {
        plan.growth
            .iter()
            .any(|g| matches!(g, GrowthDriver::Commitment { item, .. } if item == id))
    };
    if let Some(it) = plan
        .items
        .iter()
        .find(|it| commitments::commitment_of(&it.resource).is_some() && !has_driver(&it.id))
    {
        out.push(GrowthDriver::Commitment {
            item: it.id.clone(),
            start: None,
            renew: commitments::RENEW_BY_DEFAULT,
        });
    }
    // A logistic driver's cap starts above the target's current value.
    if let Some(GrowthDriver::Logistic { target, cap, .. }) = out.get_mut(2) {
        let mut probe = plan.clone();
        probe.growth.clear();
        if let Ok(v) = crate::forecast::project::target_values(&probe, target, 1)
            && let Some(v0) = v.first().filter(|v| v.is_finite() && **v > 0.0)
        {
            *cap = v0 * 2.0;
        }
    }
    out
}

/// Send the new driver list as one undoable command if the plan accepts it; otherwise keep
/// the reason to show.
fn propose(app: &mut App, drafts: &mut Drafts, growth: Vec<GrowthDriver>) {
    let mut trial = app.doc.plan.clone();
    trial.growth = growth;
    match drivers::check(&trial) {
        Ok(()) => {
            app.send(Command::SetGrowth(trial.growth));
            drafts.rejected = None;
        }
        Err((path, message)) => drafts.rejected = Some(format!("{path}: {message}")),
    }
}

/// One text field of driver `i`: shows the draft while it is typed, validates it on every
/// keystroke, and returns the value when the person applies it (Enter or leaving the field)
/// and it reads.
#[allow(clippy::too_many_arguments)] // one call site shape: ui, state, key, label, value, reader
fn field<T>(
    ui: &mut egui::Ui,
    drafts: &mut Drafts,
    i: usize,
    key: &str,
    label: &str,
    current: String,
    width: f32,
    read: impl Fn(&str) -> Result<T, String>,
) -> Option<T> {
    let id = (i, key.to_string());
    let mut text = drafts.text.get(&id).cloned().unwrap_or(current);
    let l = ui.label(label);
    drafts.last_label = Some(l.id);
    let r = ui
        .add(egui::TextEdit::singleline(&mut text).desired_width(width))
        .labelled_by(l.id);
    if r.changed() {
        drafts.text.insert(id.clone(), text.clone());
    }
    if !drafts.text.contains_key(&id) {
        return None;
    }
    match read(&text) {
        Ok(v) => {
            drafts.errors.remove(&id);
            if r.lost_focus() {
                drafts.text.remove(&id);
                return Some(v);
            }
        }
        Err(e) => {
            drafts.errors.insert(id, (label.to_string(), e));
        }
    }
    None
}

fn num_text(v: f64) -> String {
    format!("{v}")
}

/// The target dropdown of a value driver; returns the new target when one is picked.
fn target_combo(
    ui: &mut egui::Ui,
    plan: &Plan,
    i: usize,
    t: &Target,
    s: &Strings,
) -> Option<Target> {
    let mut picked = None;
    let l = ui.label(s.fc_target);
    egui::ComboBox::from_id_salt(("fc-target", i))
        .selected_text(target_text(t, s))
        .width(260.0)
        .show_ui(ui, |ui| {
            for c in targets(plan) {
                if ui.selectable_label(&c == t, target_text(&c, s)).clicked() && &c != t {
                    picked = Some(c);
                }
            }
        })
        .response
        .labelled_by(l.id);
    picked
}

/// The item dropdown of an item-window driver.
fn item_combo(ui: &mut egui::Ui, plan: &Plan, i: usize, item: &str, s: &Strings) -> Option<String> {
    item_combo_of(ui, plan, ("fc-item", i), item, s, |_| true)
}

/// The item dropdown of a commitment driver: the items bought Reserved / Savings Plan.
fn committed_item_combo(
    ui: &mut egui::Ui,
    plan: &Plan,
    i: usize,
    item: &str,
    s: &Strings,
) -> Option<String> {
    item_combo_of(ui, plan, ("fc-commit-item", i), item, s, |it| {
        commitments::commitment_of(&it.resource).is_some()
    })
}

/// A dropdown of the plan's items that pass `offered`; the newly picked id, if any.
fn item_combo_of(
    ui: &mut egui::Ui,
    plan: &Plan,
    salt: (&str, usize),
    item: &str,
    s: &Strings,
    offered: impl Fn(&crate::plan::Item) -> bool,
) -> Option<String> {
    let mut picked = None;
    let l = ui.label(s.fc_item);
    egui::ComboBox::from_id_salt(salt)
        .selected_text(item)
        .width(200.0)
        .show_ui(ui, |ui| {
            for it in plan.items.iter().filter(|it| offered(it)) {
                if ui
                    .selectable_label(it.id == item, format!("{} ({})", it.id, it.name))
                    .clicked()
                    && it.id != item
                {
                    picked = Some(it.id.clone());
                }
            }
        })
        .response
        .labelled_by(l.id);
    picked
}

/// The scope dropdown of a price change: any item or any service.
fn scope_combo(
    ui: &mut egui::Ui,
    plan: &Plan,
    i: usize,
    scope: &PriceScope,
    s: &Strings,
) -> Option<PriceScope> {
    let mut picked = None;
    let l = ui.label(s.fc_scope);
    egui::ComboBox::from_id_salt(("fc-scope", i))
        .selected_text(scope_text(scope, s))
        .width(240.0)
        .show_ui(ui, |ui| {
            let choices = Service::ALL
                .iter()
                .map(|sv| PriceScope::Service(*sv))
                .chain(plan.items.iter().map(|it| PriceScope::Item(it.id.clone())));
            for c in choices {
                if ui
                    .selectable_label(&c == scope, scope_text(&c, s))
                    .clicked()
                    && &c != scope
                {
                    picked = Some(c);
                }
            }
        })
        .response
        .labelled_by(l.id);
    picked
}

/// The form of driver `i`; returns the changed driver when a change is applied.
fn driver_form(
    ui: &mut egui::Ui,
    plan: &Plan,
    drafts: &mut Drafts,
    i: usize,
    d: &GrowthDriver,
    s: &Strings,
) -> Option<GrowthDriver> {
    let mut out: Option<GrowthDriver> = None;
    let mut set = |f: &dyn Fn(&mut GrowthDriver)| {
        let mut nd = out.clone().unwrap_or_else(|| d.clone());
        f(&mut nd);
        out = Some(nd);
    };
    let month_field = |ui: &mut egui::Ui,
                       drafts: &mut Drafts,
                       key: &str,
                       label: &str,
                       cur: Option<&str>,
                       optional: bool| {
        field(
            ui,
            drafts,
            i,
            key,
            label,
            cur.unwrap_or("").to_string(),
            70.0,
            |t| read_month(t, optional, s),
        )
    };
    let number =
        |ui: &mut egui::Ui, drafts: &mut Drafts, key: &str, label: &str, v: f64, rule: Rule| {
            field(ui, drafts, i, key, label, num_text(v), 70.0, |t| {
                read_number(t, rule, s)
            })
        };
    if let Some(t) = d.target() {
        ui.horizontal(|ui| {
            if let Some(nt) = target_combo(ui, plan, i, t, s) {
                set(&|g| set_target(g, nt.clone()));
            }
        });
    }
    ui.horizontal_wrapped(|ui| match d {
        GrowthDriver::Linear {
            per_month, from, ..
        } => {
            if let Some(v) = number(
                ui,
                drafts,
                "per_month",
                s.fc_per_month,
                *per_month,
                Rule::Any,
            ) {
                set(&|g| {
                    if let GrowthDriver::Linear { per_month, .. } = g {
                        *per_month = v;
                    }
                });
            }
            if let Some(m) = month_field(ui, drafts, "from", s.fc_from, from.as_deref(), true) {
                set(&|g| set_from(g, m.clone()));
            }
        }
        GrowthDriver::Compound { pct, per, from, .. } => {
            if let Some(v) = number(ui, drafts, "pct", s.fc_rate, *pct, Rule::AboveMinus100) {
                set(&|g| {
                    if let GrowthDriver::Compound { pct, .. } = g {
                        *pct = v;
                    }
                });
            }
            let label = |p: Period| match p {
                Period::Month => s.fc_pct_per_month,
                Period::Year => s.fc_pct_per_year,
            };
            let rate_label = drafts.last_label;
            let r = egui::ComboBox::from_id_salt(("fc-per", i))
                .selected_text(label(*per))
                .show_ui(ui, |ui| {
                    for p in [Period::Month, Period::Year] {
                        if ui.selectable_label(p == *per, label(p)).clicked() && p != *per {
                            set(&|g| {
                                if let GrowthDriver::Compound { per, .. } = g {
                                    *per = p;
                                }
                            });
                        }
                    }
                });
            if let Some(id) = rate_label {
                r.response.labelled_by(id);
            }
            if let Some(m) = month_field(ui, drafts, "from", s.fc_from, from.as_deref(), true) {
                set(&|g| set_from(g, m.clone()));
            }
        }
        GrowthDriver::Logistic {
            cap,
            rate_pct,
            from,
            ..
        } => {
            if let Some(v) = number(ui, drafts, "cap", s.fc_cap, *cap, Rule::Positive) {
                set(&|g| {
                    if let GrowthDriver::Logistic { cap, .. } = g {
                        *cap = v;
                    }
                });
            }
            if let Some(v) = number(
                ui,
                drafts,
                "rate_pct",
                s.fc_logistic_rate,
                *rate_pct,
                Rule::Positive,
            ) {
                set(&|g| {
                    if let GrowthDriver::Logistic { rate_pct, .. } = g {
                        *rate_pct = v;
                    }
                });
            }
            if let Some(m) = month_field(ui, drafts, "from", s.fc_from, from.as_deref(), true) {
                set(&|g| set_from(g, m.clone()));
            }
        }
        GrowthDriver::Seasonal { factors, .. } => {
            ui.label(s.fc_factors);
            ui.end_row();
            for k in 0..12 {
                let v = factors.get(k).copied().unwrap_or(1.0);
                let key = format!("factors[{k}]");
                if let Some(v) = field(
                    ui,
                    drafts,
                    i,
                    &key,
                    s.fc_month_names[k],
                    num_text(v),
                    40.0,
                    |t| read_number(t, Rule::NonNegative, s),
                ) {
                    set(&|g| {
                        if let GrowthDriver::Seasonal { factors, .. } = g {
                            factors.resize(12, 1.0);
                            factors[k] = v;
                        }
                    });
                }
            }
        }
        GrowthDriver::Step {
            month,
            add,
            multiply,
            ..
        } => {
            if let Some(Some(m)) =
                month_field(ui, drafts, "month", s.fc_on_month, Some(month), false)
            {
                set(&|g| {
                    if let GrowthDriver::Step { month, .. } = g {
                        *month = m.clone();
                    }
                });
            }
            let adding = add.is_some();
            let mode = |a: bool| if a { s.fc_step_add } else { s.fc_step_multiply };
            let month_label = drafts.last_label;
            let r = egui::ComboBox::from_id_salt(("fc-step", i))
                .selected_text(mode(adding))
                .show_ui(ui, |ui| {
                    for a in [true, false] {
                        if ui.selectable_label(a == adding, mode(a)).clicked() && a != adding {
                            set(&|g| {
                                if let GrowthDriver::Step { add, multiply, .. } = g {
                                    (*add, *multiply) = if a {
                                        (Some(0.0), None)
                                    } else {
                                        (None, Some(1.0))
                                    };
                                }
                            });
                        }
                    }
                });
            if let Some(id) = month_label {
                r.response.labelled_by(id);
            }
            let (key, v, rule) = match (add, multiply) {
                (Some(a), _) => ("add", *a, Rule::Any),
                (None, m) => ("multiply", m.unwrap_or(1.0), Rule::NonNegative),
            };
            if let Some(v) = number(ui, drafts, key, s.fc_value, v, rule) {
                set(&|g| {
                    if let GrowthDriver::Step { add, multiply, .. } = g {
                        if add.is_some() {
                            *add = Some(v);
                        } else {
                            *multiply = Some(v);
                        }
                    }
                });
            }
        }
        GrowthDriver::ItemWindow { item, start, end } => {
            if let Some(id) = item_combo(ui, plan, i, item, s) {
                set(&|g| {
                    if let GrowthDriver::ItemWindow { item, .. } = g {
                        *item = id.clone();
                    }
                });
            }
            if let Some(m) = month_field(ui, drafts, "start", s.fc_start, start.as_deref(), true) {
                set(&|g| {
                    if let GrowthDriver::ItemWindow { start, .. } = g {
                        *start = m.clone();
                    }
                });
            }
            if let Some(m) = month_field(ui, drafts, "end", s.fc_end, end.as_deref(), true) {
                set(&|g| {
                    if let GrowthDriver::ItemWindow { end, .. } = g {
                        *end = m.clone();
                    }
                });
            }
        }
        GrowthDriver::PriceChange {
            scope,
            month,
            multiplier,
        } => {
            if let Some(sc) = scope_combo(ui, plan, i, scope, s) {
                set(&|g| {
                    if let GrowthDriver::PriceChange { scope, .. } = g {
                        *scope = sc.clone();
                    }
                });
            }
            if let Some(Some(m)) =
                month_field(ui, drafts, "month", s.fc_on_month, Some(month), false)
            {
                set(&|g| {
                    if let GrowthDriver::PriceChange { month, .. } = g {
                        *month = m.clone();
                    }
                });
            }
            if let Some(v) = number(
                ui,
                drafts,
                "multiplier",
                s.fc_multiplier,
                *multiplier,
                Rule::NonNegative,
            ) {
                set(&|g| {
                    if let GrowthDriver::PriceChange { multiplier, .. } = g {
                        *multiplier = v;
                    }
                });
            }
        }
        GrowthDriver::Commitment { item, start, renew } => {
            if let Some(id) = committed_item_combo(ui, plan, i, item, s) {
                set(&|g| {
                    if let GrowthDriver::Commitment { item, .. } = g {
                        *item = id.clone();
                    }
                });
            }
            if let Some(m) = month_field(
                ui,
                drafts,
                "start",
                s.fc_commit_start,
                start.as_deref(),
                true,
            ) {
                set(&|g| {
                    if let GrowthDriver::Commitment { start, .. } = g {
                        *start = m.clone();
                    }
                });
            }
            let l = ui.label(s.fc_at_term_end);
            let text = |r: bool| if r { s.fc_renew } else { s.fc_lapse };
            egui::ComboBox::from_id_salt(("fc-renew", i))
                .selected_text(text(*renew))
                .show_ui(ui, |ui| {
                    for r in [true, false] {
                        if ui.selectable_label(r == *renew, text(r)).clicked() && r != *renew {
                            set(&|g| {
                                if let GrowthDriver::Commitment { renew, .. } = g {
                                    *renew = r;
                                }
                            });
                        }
                    }
                })
                .response
                .labelled_by(l.id);
            let committed = plan
                .items
                .iter()
                .find(|it| &it.id == item)
                .is_some_and(|it| commitments::commitment_of(&it.resource).is_some());
            if !committed {
                ui.label(RichText::new(s.fc_commit_inert).weak());
            }
        }
    });
    out
}

fn set_target(g: &mut GrowthDriver, nt: Target) {
    match g {
        GrowthDriver::Linear { target, .. }
        | GrowthDriver::Compound { target, .. }
        | GrowthDriver::Logistic { target, .. }
        | GrowthDriver::Seasonal { target, .. }
        | GrowthDriver::Step { target, .. } => *target = nt,
        _ => {}
    }
}

fn set_from(g: &mut GrowthDriver, m: Option<String>) {
    match g {
        GrowthDriver::Linear { from, .. }
        | GrowthDriver::Compound { from, .. }
        | GrowthDriver::Logistic { from, .. } => *from = m,
        _ => {}
    }
}

/// The drivers section of the tab: the add menu, one form per driver, validation messages.
pub fn ui(app: &mut App, ui: &mut egui::Ui, drafts: &mut Drafts) {
    let s = app.strings();
    if drafts.generation != app.doc.generation {
        drafts.generation = app.doc.generation;
        drafts.text.clear();
        drafts.errors.clear();
    }
    ui.horizontal(|ui| {
        ui.label(RichText::new(s.growth_drivers).strong().size(15.0));
        let templates = templates(&app.doc.plan);
        ui.menu_button(s.add_driver, |ui| {
            if templates.is_empty() {
                ui.label(s.fc_no_target);
            }
            for t in templates {
                if ui.button(kind_label(&t, s)).clicked() {
                    let mut g = app.doc.plan.growth.clone();
                    g.push(t);
                    propose(app, drafts, g);
                    ui.close();
                }
            }
        });
    });
    let growth = app.doc.plan.growth.clone();
    if growth.is_empty() {
        ui.label(RichText::new(s.fc_no_drivers).weak());
    } else {
        ui.label(RichText::new(s.fc_apply_hint).weak());
    }
    let mut new_growth: Option<Vec<GrowthDriver>> = None;
    for (i, d) in growth.iter().enumerate() {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                ui.label(RichText::new(format!("{}. {}", i + 1, kind_label(d, s))).strong());
                if ui.small_button(s.fc_remove).clicked() {
                    let mut g = growth.clone();
                    g.remove(i);
                    new_growth = Some(g);
                }
            });
            if let Some(nd) = driver_form(ui, &app.doc.plan, drafts, i, d, s) {
                let mut g = growth.clone();
                g[i] = nd;
                new_growth = Some(g);
            }
            let err_color = ui.visuals().error_fg_color;
            for ((k, _), (label, msg)) in &drafts.errors {
                if *k == i {
                    ui.label(RichText::new(format!("{label}: {msg}")).color(err_color));
                }
            }
        });
    }
    if let Some(g) = new_growth {
        propose(app, drafts, g);
    }
    if let Some(e) = &drafts.rejected {
        ui.label(RichText::new(e).color(ui.visuals().error_fg_color));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::i18n::EN;

    #[test]
    fn numbers_refuse_nan_infinity_and_meaningless_negatives() {
        assert_eq!(read_number(" 2.5 ", Rule::Any, &EN), Ok(2.5));
        assert_eq!(read_number("-3", Rule::Any, &EN), Ok(-3.0));
        for bad in ["NaN", "inf", "-infinity"] {
            assert_eq!(
                read_number(bad, Rule::Any, &EN),
                Err(EN.fc_err_finite.into())
            );
        }
        assert!(
            read_number("ten", Rule::Any, &EN)
                .unwrap_err()
                .contains(EN.fc_err_number)
        );
        assert_eq!(
            read_number("0", Rule::Positive, &EN),
            Err(EN.fc_err_positive.into())
        );
        assert_eq!(
            read_number("-1", Rule::NonNegative, &EN),
            Err(EN.fc_err_non_negative.into())
        );
        assert_eq!(read_number("0", Rule::NonNegative, &EN), Ok(0.0));
        assert_eq!(
            read_number("-100", Rule::AboveMinus100, &EN),
            Err(EN.fc_err_above_minus_100.into())
        );
        assert_eq!(read_number("-99.5", Rule::AboveMinus100, &EN), Ok(-99.5));
    }

    #[test]
    fn months_read_as_yyyy_mm_or_empty_when_optional() {
        assert_eq!(
            read_month("2027-03", false, &EN),
            Ok(Some("2027-03".into()))
        );
        assert_eq!(read_month("", true, &EN), Ok(None));
        assert!(read_month("", false, &EN).is_err());
        assert!(read_month("2027-13", true, &EN).is_err());
    }
}
