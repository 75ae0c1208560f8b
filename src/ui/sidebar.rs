//! Left sidebar: the plan's groups with their monthly subtotals, and its parameters (named
//! numbers that formulas use), editable in place.

use crate::plan::formula::Evaluator;
use crate::text::format;
use crate::ui::app::App;
use crate::ui::commands::{Command, PlanEdit};
use crate::ui::forms::text::words;
use egui::{Align, Layout, RichText};
use std::collections::{BTreeMap, HashMap};

/// The sidebar's state: edit buffers of the parameter fields (valid for one plan generation),
/// the group list as last computed, and which group or parameter is open for editing.
#[derive(Debug, Default)]
pub struct SidebarState {
    generation: u64,
    buffers: HashMap<usize, String>,
    /// Groups in display order: (name, depth, own item count), for `groups_generation`.
    groups: Vec<(String, usize, usize)>,
    groups_generation: u64,
    /// The group whose editor is open.
    pub editing_group: Option<String>,
    /// The parameter whose editor is open.
    pub editing_parameter: Option<String>,
    /// Name typed for a new group.
    pub new_group: String,
    /// Where the items of the group being deleted go (`None`: no group).
    pub delete_items_to: Option<String>,
    /// Text buffers of the open group or parameter editor (name, description).
    pub edit_name: String,
    /// Description being typed in the open editor.
    pub edit_description: String,
}

/// Plan groups as a tree (each followed by the groups nested in it, with its depth), then any
/// group only named by items, then ungrouped; with each group's own item count. Recomputed
/// only when the plan changes.
fn group_rows(plan: &crate::plan::Plan) -> Vec<(String, usize, usize)> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for it in &plan.items {
        *counts.entry(it.group.as_str()).or_default() += 1;
    }
    let mut rows: Vec<(String, usize, usize)> = crate::plan::edit::group_tree(plan)
        .into_iter()
        .map(|(d, g)| (g.name.clone(), d, 0))
        .collect();
    for g in counts.keys() {
        if !g.is_empty() && !rows.iter().any(|(n, _, _)| n == g) {
            rows.push((g.to_string(), 0, 0));
        }
    }
    if counts.contains_key("") {
        rows.push((String::new(), 0, 0));
    }
    for r in &mut rows {
        r.2 = counts.get(r.0.as_str()).copied().unwrap_or(0);
    }
    rows
}

/// Draw the sidebar: groups with item counts and monthly USD, then the parameters.
pub fn ui(app: &mut App, ui: &mut egui::Ui) {
    let s = app.strings();
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.add_space(8.0);
            let w = crate::ui::forms::text::words(app.settings.lang);
            if ui
                .button(format!("{}…", w.plan_settings))
                .on_hover_text(app.catalog.region_label(&app.doc.plan.default_region))
                .clicked()
            {
                app.send(Command::ShowPlanSettings(true));
            }
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
    let w = words(app.settings.lang);
    if app.sidebar.groups_generation != app.doc.generation {
        app.sidebar.groups = group_rows(&app.doc.plan);
        app.sidebar.groups_generation = app.doc.generation;
    }
    let est = app.doc.priced.estimate.as_ref();
    // Each group's figure includes the groups nested in it.
    let rolled = est.map(|e| crate::cost::totals::group_rollup(&e.by_group, &app.doc.plan));
    let grand = est.map(|e| e.total.monthly_usd);
    let rows: Vec<(String, usize, usize, f64)> = app
        .sidebar
        .groups
        .iter()
        .map(|(name, depth, n)| {
            let total = if name.is_empty() {
                est.and_then(|e| e.by_group.get(name))
                    .map(|t| t.monthly_usd)
            } else {
                rolled
                    .as_ref()
                    .and_then(|r| r.get(name))
                    .map(|t| t.monthly_usd)
            }
            .unwrap_or(0.0);
            (name.clone(), *depth, *n, total)
        })
        .collect();
    for (name, depth, n, total) in &rows {
        let (n, total) = (*n, *total);
        let label = if name.is_empty() {
            s.ungrouped
        } else {
            name.as_str()
        };
        let share = grand
            .filter(|t| *t > 0.0)
            .map(|t| (total / t) as f32)
            .unwrap_or(0.0);
        let defined = app.doc.plan.groups.iter().any(|g| &g.name == name);
        ui.horizontal(|ui| {
            ui.add_space(14.0 * *depth as f32);
            let l = ui.label(label);
            if let Some(d) = app
                .doc
                .plan
                .groups
                .iter()
                .find(|g| &g.name == name)
                .map(|g| g.description.clone())
                .filter(|d| !d.is_empty())
            {
                l.on_hover_text(d);
            }
            ui.label(RichText::new(format!("{n} {}", s.items)).small().weak());
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                if defined
                    && ui
                        .small_button(w.manage)
                        .on_hover_text(format!("{} — {label}", w.manage))
                        .clicked()
                {
                    let open = app.sidebar.editing_group.as_deref() != Some(name.as_str());
                    app.sidebar.editing_group = open.then(|| name.clone());
                    app.sidebar.edit_name = name.clone();
                    app.sidebar.edit_description = app
                        .doc
                        .plan
                        .groups
                        .iter()
                        .find(|g| &g.name == name)
                        .map(|g| g.description.clone())
                        .unwrap_or_default();
                    app.sidebar.delete_items_to = None;
                }
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
        if app.sidebar.editing_group.as_deref() == Some(name.as_str()) {
            group_editor(app, ui, name);
        }
    }
    ui.add_space(4.0);
    ui.allocate_ui_with_layout(
        egui::vec2(ui.available_width(), 22.0),
        Layout::right_to_left(Align::Center),
        |ui| {
            let button = ui.button(w.add_group);
            let r = ui
                .add(
                    egui::TextEdit::singleline(&mut app.sidebar.new_group)
                        .hint_text(w.new_group_name)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(button.id);
            let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            crate::ui::forms::claim_keys(ui, &r);
            if (button.clicked() || enter) && !app.sidebar.new_group.trim().is_empty() {
                let name = std::mem::take(&mut app.sidebar.new_group);
                app.send(Command::Plan(PlanEdit::AddGroup {
                    name: name.trim().to_string(),
                    parent: None,
                }));
            }
        },
    );
    if let Some(r) = app.rejected_for("plan", "add_group") {
        ui.label(
            RichText::new(&r.reason)
                .small()
                .color(ui.visuals().error_fg_color),
        );
    }
    if let Some(total) = grand {
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            ui.label(RichText::new(s.monthly).strong());
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                ui.label(RichText::new(format::money(total)).strong().monospace());
            });
        });
    }
}

/// The reason an edit of `field` of `target` was refused, in red, if it was.
fn show_error(app: &App, ui: &mut egui::Ui, target: &str, field: &str) {
    if let Some(r) = app.rejected_for(target, field) {
        ui.label(
            RichText::new(&r.reason)
                .small()
                .color(ui.visuals().error_fg_color),
        );
    }
}

/// The editor of one group: rename, describe, nest, move, delete (choosing where its items go).
fn group_editor(app: &mut App, ui: &mut egui::Ui, name: &str) {
    let w = words(app.settings.lang);
    let target = format!("group:{name}");
    let others: Vec<String> = app
        .doc
        .plan
        .groups
        .iter()
        .map(|g| g.name.clone())
        .filter(|g| g != name)
        .collect();
    let parent = app
        .doc
        .plan
        .groups
        .iter()
        .find(|g| g.name == name)
        .and_then(|g| g.parent.clone());
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        if let Some(new) = name_field(app, ui, w.parameter_name, name) {
            app.commands.push(Command::Plan(PlanEdit::RenameGroup {
                old: name.to_string(),
                new,
            }));
        }
        show_error(app, ui, &target, "name");
        let l = ui.label(w.description);
        let current = app
            .doc
            .plan
            .groups
            .iter()
            .find(|g| g.name == name)
            .map(|g| g.description.clone())
            .unwrap_or_default();
        let r = ui
            .add(
                egui::TextEdit::singleline(&mut app.sidebar.edit_description)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(l.id);
        crate::ui::forms::claim_keys(ui, &r);
        if r.lost_focus() && app.sidebar.edit_description.trim() != current {
            app.commands.push(Command::Plan(PlanEdit::DescribeGroup {
                name: name.to_string(),
                description: app.sidebar.edit_description.clone(),
            }));
        }
        let l = ui.label(w.nest_in);
        let mut pick = parent.clone();
        egui::ComboBox::from_id_salt(("nest", name.to_string()))
            .selected_text(pick.clone().unwrap_or_else(|| w.top_level.to_string()))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut pick, None, w.top_level);
                for o in &others {
                    ui.selectable_value(&mut pick, Some(o.clone()), o);
                }
            })
            .response
            .labelled_by(l.id);
        if pick != parent {
            app.commands.push(Command::Plan(PlanEdit::NestGroup {
                name: name.to_string(),
                parent: pick,
            }));
        }
        show_error(app, ui, &target, "parent");
        ui.horizontal(|ui| {
            if ui.small_button(format!("▲ {}", w.move_up)).clicked() {
                app.commands.push(Command::Plan(PlanEdit::MoveGroup {
                    name: name.to_string(),
                    delta: -1,
                }));
            }
            if ui.small_button(format!("▼ {}", w.move_down)).clicked() {
                app.commands.push(Command::Plan(PlanEdit::MoveGroup {
                    name: name.to_string(),
                    delta: 1,
                }));
            }
        });
        ui.separator();
        let l = ui.label(w.items_move_to);
        let mut to = app.sidebar.delete_items_to.clone();
        egui::ComboBox::from_id_salt(("items-to", name.to_string()))
            .selected_text(to.clone().unwrap_or_else(|| w.ungrouped.to_string()))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut to, None, w.ungrouped);
                for o in &others {
                    ui.selectable_value(&mut to, Some(o.clone()), o);
                }
            })
            .response
            .labelled_by(l.id);
        app.sidebar.delete_items_to = to.clone();
        if ui.button(w.delete_group).clicked() {
            app.commands.push(Command::Plan(PlanEdit::DeleteGroup {
                name: name.to_string(),
                items_to: to,
            }));
            app.sidebar.editing_group = None;
        }
        show_error(app, ui, &target, "delete");
    });
}

fn parameters_ui(app: &mut App, ui: &mut egui::Ui) {
    let s = app.strings();
    let w = words(app.settings.lang);
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
    for (i, (name, text, description)) in params.into_iter().enumerate() {
        let rejected = app.rejected_for(&format!("param:{name}"), "value").cloned();
        ui.horizontal(|ui| {
            let label = ui
                .allocate_ui(egui::vec2(100.0, 18.0), |ui| {
                    ui.set_width(100.0);
                    ui.add(egui::Label::new(RichText::new(&name).monospace()).truncate())
                })
                .inner;
            let label = if description.is_empty() {
                label
            } else {
                label.on_hover_text(&description)
            };
            // The button at the right edge, the value field filling what is left.
            ui.with_layout(Layout::right_to_left(Align::Min), |ui| {
                if ui
                    .small_button(w.manage)
                    .on_hover_text(format!("{} — {name}", w.manage))
                    .clicked()
                {
                    let open = app.sidebar.editing_parameter.as_deref() != Some(name.as_str());
                    app.sidebar.editing_parameter = open.then(|| name.clone());
                    app.sidebar.edit_name = name.clone();
                    app.sidebar.edit_description = description.clone();
                }
                ui.with_layout(Layout::top_down(Align::Min), |ui| {
                    let buf = app.sidebar.buffers.entry(i).or_insert_with(|| text.clone());
                    let edit = egui::TextEdit::singleline(buf).desired_width(f32::INFINITY);
                    let resp = ui.add(edit).labelled_by(label.id);
                    crate::ui::forms::claim_keys(ui, &resp);
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
            });
        });
        // A refused value: the real value stays in the field, the reason shows below it.
        if let Some(r) = &rejected {
            ui.label(
                RichText::new(format!("{}: “{}” — {}", w.rejected, r.text, r.reason))
                    .small()
                    .color(ui.visuals().error_fg_color),
            );
        }
        if app.sidebar.editing_parameter.as_deref() == Some(name.as_str()) {
            parameter_editor(app, ui, &name, &description);
        }
    }
    if let Some(c) = commit {
        app.send(c);
    }
}

/// The name field of a group or parameter editor (`app.sidebar.edit_name`): the new name
/// when the field loses focus with another name than `name`.
fn name_field(app: &mut App, ui: &mut egui::Ui, label: &str, name: &str) -> Option<String> {
    let l = ui.label(label);
    let r = ui
        .add(egui::TextEdit::singleline(&mut app.sidebar.edit_name).desired_width(f32::INFINITY))
        .labelled_by(l.id);
    crate::ui::forms::claim_keys(ui, &r);
    let new = app.sidebar.edit_name.trim();
    (r.lost_focus() && new != name).then(|| new.to_string())
}

/// The editor of one parameter: rename (formulas follow), describe, delete (refused while used).
fn parameter_editor(app: &mut App, ui: &mut egui::Ui, name: &str, description: &str) {
    let w = words(app.settings.lang);
    let target = format!("param:{name}");
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        if let Some(new) = name_field(app, ui, w.parameter_name, name) {
            app.commands.push(Command::Plan(PlanEdit::RenameParameter {
                old: name.to_string(),
                new,
            }));
        }
        show_error(app, ui, &target, "name");
        let l = ui.label(w.description);
        let r = ui
            .add(
                egui::TextEdit::singleline(&mut app.sidebar.edit_description)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(l.id);
        crate::ui::forms::claim_keys(ui, &r);
        if r.lost_focus() && app.sidebar.edit_description.trim() != description {
            app.commands
                .push(Command::Plan(PlanEdit::DescribeParameter {
                    name: name.to_string(),
                    description: app.sidebar.edit_description.clone(),
                }));
        }
        show_error(app, ui, &target, "description");
        if ui.button(w.delete_parameter).clicked() {
            app.commands.push(Command::Plan(PlanEdit::DeleteParameter {
                name: name.to_string(),
            }));
        }
        show_error(app, ui, &target, "delete");
    });
}
