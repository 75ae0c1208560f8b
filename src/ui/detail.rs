//! Detail panel (right of the Plan tab): the current item's form — every field its kind has,
//! set or not, with units and help — and its cost components with the calculation trail that
//! produced each figure.

use crate::text::format;
use crate::ui::app::App;
use crate::ui::forms::resource::{Context, item_form, kind_key};
use crate::ui::forms::{Form, FormState};
use egui::{Align, Layout, RichText};

/// The Details panel's state: the form's edit buffers (valid for one plan generation and row).
#[derive(Debug, Default)]
pub struct DetailState {
    /// The item form's buffers.
    pub form: FormState,
}

/// Draw the panel for the grid's current row (a hint when no row is selected): the row's
/// form ([`crate::ui::forms::resource`]) and its cost.
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
    app.detail.form.sync((app.doc.generation, row));
    let item = &app.doc.plan.items[row];
    ui.label(RichText::new(&item.name).size(16.0).strong());
    ui.label(
        RichText::new(format!(
            "{} · {}",
            item.resource.service().display_name(),
            app.catalog.region_label(item.region(&app.doc.plan))
        ))
        .weak(),
    );
    let is_group = matches!(item.resource, crate::plan::Resource::ScalingGroup(_));
    if is_group
        && ui
            .button(crate::ui::forms::text::words(app.settings.lang).open_scaling)
            .clicked()
    {
        app.tab = crate::ui::app::Tab::Scaling;
    }
    ui.add_space(6.0);

    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            egui::CollapsingHeader::new(RichText::new(s.fields).strong())
                .default_open(true)
                .show(ui, |ui| {
                    let mut item = app.doc.plan.items[row].clone();
                    let kind = kind_key(&item.resource);
                    let cx = Context {
                        plan: &app.doc.plan,
                        catalog: app.catalog,
                        eval: app.doc.priced.params.as_ref(),
                    };
                    let mut f = Form::new(
                        row,
                        &item.id.clone(),
                        kind,
                        app.settings.lang,
                        &mut app.detail.form,
                        &app.rejected,
                    );
                    item_form(&mut f, ui, &mut item, &cx);
                    if let Some(c) = f.command(item) {
                        app.commands.push(c);
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
