//! Detail panel (right of the Plan tab): every field of the current item, editable, and its
//! cost components with the calculation trail that produced each figure.

use crate::text::format;
use crate::ui::app::{App, json_field_text};
use crate::ui::cells::Col;
use crate::ui::commands::Command;
use egui::{Align, Layout, RichText};
use std::collections::HashMap;

/// Edit buffers of the detail fields, valid for one (plan generation, row).
#[derive(Debug, Default)]
pub struct DetailState {
    key: Option<(u64, usize)>,
    buffers: HashMap<String, String>,
}

/// A field shown in the panel: key, current text, and the command that sets it.
struct Field {
    key: String,
    text: String,
    grid_col: Option<Col>,
}

fn fields(app: &App, row: usize) -> Vec<Field> {
    let plan = &app.doc.plan;
    let item = &plan.items[row];
    let mut out = vec![
        Field {
            key: "id".into(),
            text: item.id.clone(),
            grid_col: None,
        },
        Field {
            key: "name".into(),
            text: item.name.clone(),
            grid_col: Some(Col::Name),
        },
        Field {
            key: "group".into(),
            text: item.group.clone(),
            grid_col: Some(Col::Group),
        },
        Field {
            key: "region".into(),
            text: item.region(plan).to_string(),
            grid_col: Some(Col::Region),
        },
        Field {
            key: "tags".into(),
            text: item
                .tags
                .iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect::<Vec<_>>()
                .join(", "),
            grid_col: None,
        },
    ];
    if let Ok(serde_json::Value::Object(obj)) = serde_json::to_value(&item.resource) {
        for (k, v) in obj {
            if k == "kind" {
                continue;
            }
            out.push(Field {
                key: k,
                text: json_field_text(&v),
                grid_col: None,
            });
        }
    }
    out
}

/// Draw the panel for the grid's current row (a hint when no row is selected).
pub fn ui(app: &mut App, ui: &mut egui::Ui) {
    let s = app.strings();
    ui.add_space(6.0);
    ui.heading(s.details);
    ui.separator();
    let Some((row, _)) = app
        .grid
        .cursor
        .filter(|(r, _)| *r < app.doc.plan.items.len())
    else {
        ui.add_space(20.0);
        ui.label(RichText::new(s.no_selection).weak());
        return;
    };
    let key = (app.doc.generation, row);
    if app.detail.key != Some(key) {
        app.detail.key = Some(key);
        app.detail.buffers.clear();
    }
    let item = &app.doc.plan.items[row];
    let id = item.id.clone();
    ui.label(RichText::new(&item.name).size(16.0).strong());
    ui.label(
        RichText::new(format!(
            "{} · {}",
            item.resource.service().display_name(),
            item.region(&app.doc.plan)
        ))
        .weak(),
    );
    ui.add_space(6.0);

    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            egui::CollapsingHeader::new(RichText::new(s.fields).strong())
                .default_open(true)
                .show(ui, |ui| {
                    let list = fields(app, row);
                    let mut commit: Option<Command> = None;
                    egui::Grid::new("detail-fields")
                        .num_columns(2)
                        .spacing([10.0, 4.0])
                        .striped(false)
                        .show(ui, |ui| {
                            for f in list {
                                let grid_key = f
                                    .grid_col
                                    .map(|c| format!("{c:?}"))
                                    .unwrap_or_else(|| f.key.clone());
                                let rejected = app.rejected_for(&id, &grid_key).cloned();
                                // Field names are file keys; long ones are shortened (full name on hover).
                                let label = ui
                                    .allocate_ui(egui::vec2(118.0, 18.0), |ui| {
                                        ui.set_max_width(118.0);
                                        ui.add(
                                            egui::Label::new(
                                                RichText::new(f.key.replace('_', " ")).weak(),
                                            )
                                            .truncate(),
                                        )
                                    })
                                    .inner;
                                let buf =
                                    app.detail.buffers.entry(f.key.clone()).or_insert_with(|| {
                                        rejected
                                            .as_ref()
                                            .map(|r| r.text.clone())
                                            .unwrap_or(f.text.clone())
                                    });
                                let mut edit =
                                    egui::TextEdit::singleline(buf).desired_width(f32::INFINITY);
                                if rejected.is_some() {
                                    edit = edit.text_color(ui.visuals().error_fg_color);
                                }
                                let resp = ui.add(edit).labelled_by(label.id);
                                let resp = match &rejected {
                                    Some(r) => resp.on_hover_text(&r.reason),
                                    None => resp,
                                };
                                if resp.lost_focus() && *buf != f.text {
                                    commit = Some(match f.grid_col {
                                        Some(col) => Command::SetCell {
                                            row,
                                            col,
                                            text: buf.clone(),
                                        },
                                        None => Command::SetField {
                                            row,
                                            field: f.key.clone(),
                                            text: buf.clone(),
                                        },
                                    });
                                }
                                ui.end_row();
                            }
                        });
                    if let Some(c) = commit {
                        app.send(c);
                    }
                });

            ui.add_space(6.0);
            egui::CollapsingHeader::new(RichText::new(s.components).strong())
                .default_open(true)
                .show(ui, |ui| components_ui(app, ui, row));
        });
}

fn components_ui(app: &App, ui: &mut egui::Ui, row: usize) {
    let s = app.strings();
    let item = &app.doc.plan.items[row];
    let Some(cost) = app.doc.priced.item(row) else {
        let msg = app
            .doc
            .priced
            .item_errors
            .get(&item.id)
            .cloned()
            .unwrap_or_else(|| s.not_priced.to_string());
        ui.label(RichText::new(msg).color(ui.visuals().error_fg_color));
        return;
    };
    if cost.components.is_empty() {
        ui.label(RichText::new("—").weak());
    }
    for c in &cost.components {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                ui.label(RichText::new(c.name.as_ref()).strong());
                ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                    ui.label(RichText::new(format::money(c.monthly_usd)).strong());
                });
            });
            ui.label(
                RichText::new(format!(
                    "{} {} × {}",
                    format::quantity(c.quantity, 6),
                    c.unit,
                    format::unit_price(c.unit_price)
                ))
                .weak(),
            );
            if c.upfront_usd != 0.0 {
                ui.label(format!("{}: {}", s.upfront, format::money(c.upfront_usd)));
            }
            if !c.calculation.is_empty() {
                ui.label(RichText::new(c.calculation.text()).monospace().size(11.5));
            }
        });
    }
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        ui.label(RichText::new(s.monthly).strong());
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            ui.label(
                RichText::new(format::money(cost.monthly_usd))
                    .strong()
                    .size(15.0),
            );
        });
    });
    if cost.upfront_usd != 0.0 {
        ui.horizontal(|ui| {
            ui.label(s.upfront);
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                ui.label(format::money(cost.upfront_usd));
            });
        });
    }
}
