//! Left sidebar: the plan's groups with their monthly subtotals, and its parameters (named
//! numbers that formulas use), editable in place.

use crate::plan::formula::Evaluator;
use crate::text::format;
use crate::ui::app::App;
use crate::ui::commands::Command;
use egui::{Align, Layout, RichText};
use std::collections::{BTreeMap, HashMap};

/// Edit buffers of the parameter fields, valid for one plan generation.
#[derive(Debug, Default)]
pub struct SidebarState {
    generation: u64,
    buffers: HashMap<usize, String>,
    /// Group names in display order with their item counts, for `groups_generation`.
    groups: Vec<(String, usize)>,
    groups_generation: u64,
}

/// Plan groups in their order, then any group only named by items, then ungrouped; with
/// item counts. Recomputed only when the plan changes.
fn group_rows(plan: &crate::plan::Plan) -> Vec<(String, usize)> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for it in &plan.items {
        *counts.entry(it.group.as_str()).or_default() += 1;
    }
    let mut names: Vec<String> = plan.groups.iter().map(|g| g.name.clone()).collect();
    for g in counts.keys() {
        if !g.is_empty() && !names.iter().any(|n| n == g) {
            names.push(g.to_string());
        }
    }
    if counts.contains_key("") {
        names.push(String::new());
    }
    names
        .into_iter()
        .map(|n| {
            let c = counts.get(n.as_str()).copied().unwrap_or(0);
            (n, c)
        })
        .collect()
}

/// Draw the sidebar: groups with item counts and monthly USD, then the parameters.
pub fn ui(app: &mut App, ui: &mut egui::Ui) {
    let s = app.strings();
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.add_space(8.0);
            ui.label(RichText::new(s.groups).strong().size(15.0));
            ui.add_space(4.0);
            groups_ui(app, ui);
            ui.add_space(14.0);
            ui.separator();
            ui.horizontal(|ui| {
                ui.label(RichText::new(s.parameters).strong().size(15.0));
                ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                    if ui
                        .small_button("＋")
                        .on_hover_text(s.add_parameter)
                        .clicked()
                    {
                        app.send(Command::AddParameter);
                    }
                });
            });
            ui.add_space(4.0);
            parameters_ui(app, ui);
        });
}

fn groups_ui(app: &mut App, ui: &mut egui::Ui) {
    let s = app.strings();
    if app.sidebar.groups_generation != app.doc.generation {
        app.sidebar.groups = group_rows(&app.doc.plan);
        app.sidebar.groups_generation = app.doc.generation;
    }
    let est = app.doc.priced.estimate.as_ref();
    for (name, n) in &app.sidebar.groups {
        let n = *n;
        let label = if name.is_empty() {
            s.ungrouped
        } else {
            name.as_str()
        };
        let total = est
            .and_then(|e| e.by_group.get(name))
            .map(|t| t.monthly_usd)
            .unwrap_or(0.0);
        let share = est
            .map(|e| e.total.monthly_usd)
            .filter(|t| *t > 0.0)
            .map(|t| (total / t) as f32)
            .unwrap_or(0.0);
        ui.horizontal(|ui| {
            ui.label(label);
            ui.label(RichText::new(format!("{n} {}", s.items)).small().weak());
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                ui.label(RichText::new(format::money(total)).monospace());
            });
        });
        // A thin bar: the group's share of the monthly total.
        let (rect, _) =
            ui.allocate_exact_size(egui::vec2(ui.available_width(), 3.0), egui::Sense::hover());
        let painter = ui.painter();
        painter.rect_filled(rect, 1.5, ui.visuals().faint_bg_color);
        let mut filled = rect;
        filled.set_width(rect.width() * share.clamp(0.0, 1.0));
        painter.rect_filled(filled, 1.5, ui.visuals().selection.bg_fill);
        ui.add_space(4.0);
    }
    if let Some(e) = est {
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            ui.label(RichText::new(s.monthly).strong());
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                ui.label(
                    RichText::new(format::money(e.total.monthly_usd))
                        .strong()
                        .monospace(),
                );
            });
        });
    }
}

fn parameters_ui(app: &mut App, ui: &mut egui::Ui) {
    let s = app.strings();
    if app.sidebar.generation != app.doc.generation {
        app.sidebar.generation = app.doc.generation;
        app.sidebar.buffers.clear();
    }
    if app.doc.plan.parameters.is_empty() {
        ui.label(RichText::new(s.no_parameters).weak());
        return;
    }
    let ev = Evaluator::new(&app.doc.plan).ok();
    let mut commit: Option<Command> = None;
    let params: Vec<(String, String, String)> = app
        .doc
        .plan
        .parameters
        .iter()
        .map(|p| (p.name.clone(), p.value.to_text(), p.description.clone()))
        .collect();
    egui::Grid::new("sidebar-params")
        .num_columns(2)
        .spacing([8.0, 6.0])
        .show(ui, |ui| {
            for (i, (name, text, description)) in params.into_iter().enumerate() {
                let rejected = app.rejected_for(&format!("param:{name}"), "value").cloned();
                let label = ui.label(RichText::new(&name).monospace());
                let label = if description.is_empty() {
                    label
                } else {
                    label.on_hover_text(&description)
                };
                ui.vertical(|ui| {
                    let buf = app.sidebar.buffers.entry(i).or_insert_with(|| {
                        rejected
                            .as_ref()
                            .map(|r| r.text.clone())
                            .unwrap_or(text.clone())
                    });
                    let mut edit = egui::TextEdit::singleline(buf).desired_width(115.0);
                    if rejected.is_some() {
                        edit = edit.text_color(ui.visuals().error_fg_color);
                    }
                    let resp = ui.add(edit).labelled_by(label.id);
                    let resp = match &rejected {
                        Some(r) => resp.on_hover_text(&r.reason),
                        None => resp,
                    };
                    if resp.lost_focus() && *buf != text {
                        commit = Some(Command::SetParameter {
                            index: i,
                            text: buf.clone(),
                        });
                    }
                    if app.doc.plan.parameters[i].value.is_formula()
                        && let Some(v) = ev.as_ref().and_then(|e| e.parameter(&name))
                    {
                        ui.label(
                            RichText::new(format!("= {}", format::quantity(v, 4)))
                                .small()
                                .weak(),
                        );
                    }
                });
                ui.end_row();
            }
        });
    if let Some(c) = commit {
        app.send(c);
    }
}
