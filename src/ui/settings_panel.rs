//! The plan settings window (File ▸ Plan settings…, or ⚙ in the sidebar): name, description,
//! default region (by its name and code), start month, horizon, free tier and tier mode. Each
//! committed field is one undoable [`PlanEdit::Settings`]; a refused one shows why beside it.

use crate::plan::TierMode;
use crate::ui::app::App;
use crate::ui::commands::{Command, PlanEdit, PlanSettings};
use crate::ui::forms::{Form, FormState, Outcome, grid, text::words};

/// The window's state, owned by the app.
#[derive(Debug, Default)]
pub struct SettingsPanel {
    /// Whether the window is shown.
    pub open: bool,
    /// Edit buffers of its text fields.
    pub form: FormState,
}

/// Draw the window when it is open.
pub fn ui(app: &mut App, ctx: &egui::Context) {
    if !app.plan_settings.open {
        return;
    }
    let lang = app.settings.lang;
    let w = words(lang);
    let mut open = true;
    let mut command: Option<Command> = None;
    let regions_list: Vec<String> = app
        .catalog
        .regions()
        .iter()
        .map(|r| r.to_string())
        .collect();
    app.plan_settings
        .form
        .sync((app.doc.generation, usize::MAX));
    let before = PlanSettings::of(&app.doc.plan);
    egui::Window::new(w.plan_settings)
        .id(egui::Id::unique("plan-settings"))
        .open(&mut open)
        .resizable(true)
        .default_width(520.0)
        .collapsible(false)
        .show(ctx, |ui| {
            let mut s = before.clone();
            let mut f = Form::new(
                usize::MAX,
                "plan",
                "plan",
                lang,
                &mut app.plan_settings.form,
                &app.rejected,
            );
            grid(ui, "plan-settings-grid", |ui| {
                f.text(ui, "name", &mut s.name, |t| Ok(t.trim().to_string()));
                f.text(ui, "description", &mut s.description, |t| {
                    Ok(t.trim().to_string())
                });
                let mut opts: Vec<(String, String)> = regions_list
                    .iter()
                    .map(|r| (r.clone(), app.catalog.region_label(r)))
                    .collect();
                if !opts.iter().any(|(r, _)| *r == s.default_region) {
                    opts.push((
                        s.default_region.clone(),
                        app.catalog.region_label(&s.default_region),
                    ));
                }
                f.choice(ui, "default_region", &mut s.default_region, &opts);
                f.text(ui, "start_month", &mut s.start_month, |t| {
                    crate::plan::growth::parse_month(t)
                        .map(|_| t.trim().to_string())
                        .ok_or_else(|| {
                            format!("`{}` is not a month: write YYYY-MM, e.g. 2026-01", t.trim())
                        })
                });
                f.whole(
                    ui,
                    "horizon_months",
                    &mut s.horizon_months,
                    1,
                    crate::plan::file::MAX_HORIZON_MONTHS,
                    w.months,
                );
                f.check(ui, "free_tier", &mut s.free_tier);
                f.choice(
                    ui,
                    "tier_mode",
                    &mut s.tier_mode,
                    &[
                        (TierMode::Aggregate, w.tier_aggregate.to_string()),
                        (TierMode::PerItem, w.tier_per_item.to_string()),
                    ],
                );
            });
            command = match f.outcome() {
                Outcome::Nothing => None,
                Outcome::Refused(c) => Some(c),
                Outcome::Changed(field) => Some(Command::Plan(PlanEdit::Settings {
                    field: settings_field(&field),
                    settings: Box::new(s),
                })),
            };
        });
    if let Some(c) = command {
        app.send(c);
    }
    if !open {
        app.send(Command::ShowPlanSettings(false));
    }
}

/// The static name of a settings field (the form reports it as a `String`).
fn settings_field(field: &str) -> &'static str {
    match field {
        "name" => "name",
        "description" => "description",
        "default_region" => "default_region",
        "start_month" => "start_month",
        "horizon_months" => "horizon_months",
        "free_tier" => "free_tier",
        _ => "tier_mode",
    }
}
