//! The Forecast tab driven headless with egui_kittest: the projection table appears, a growth
//! driver is added from the menu (one undoable step) and changes the bill, a bill history is
//! imported through the (prepared) file dialog and the model's line appears, and the chart
//! exports to PNG and SVG. Numbers are compared with the engine's own results, never invented.

use cloudplan::catalog::load;
use cloudplan::forecast;
use cloudplan::report::format::money;
use cloudplan::ui::app::{App, Tab};
use cloudplan::ui::commands::Command;
use cloudplan::ui::dialogs::FixedPaths;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::PathBuf;

use crate::kit;

fn harness(dialogs: FixedPaths) -> Harness<'static, App> {
    let mut app = kit::default_app(dialogs);
    app.tab = Tab::Forecast;
    kit::harness_sized(app, [1400.0, 1000.0])
}

/// Undo as the Edit menu does: the command runs at the end of a frame, the next frame shows it.
fn undo(h: &mut Harness<'static, App>) {
    h.state_mut().send(Command::Undo);
    h.run();
    h.run();
}

#[test]
fn forecast_tab_shows_the_projection_and_edits_drivers_with_undo() {
    let dir = tempfile::tempdir().unwrap();
    let history = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples/bill-history.csv");
    let png = dir.path().join("f.png");
    let svg = dir.path().join("f.svg");
    let csv = dir.path().join("f.csv");
    let mut h = harness(FixedPaths {
        open: vec![history],
        save: vec![png.clone(), svg.clone(), csv.clone()],
    });
    let plan = h.state().doc.plan.clone();
    let expected = forecast::project::project(&plan, load::embedded(), None).unwrap();
    // The first month's bill of the projection is in the table.
    h.get_by_label(&plan.start_month);
    let first = money(expected.months[0].monthly_usd + expected.months[0].upfront_usd);
    assert!(h.query_all_by_label(&first).count() >= 1, "{first} shown");

    // Add a compound driver from the form's menu: one undoable step that grows later months,
    // and the table shows the grown last month at once.
    assert!(plan.growth.is_empty());
    let last = |p: &forecast::Projection| {
        let m = p.months.last().unwrap();
        money(m.monthly_usd + m.upfront_usd)
    };
    h.get_by_label("Add driver").click();
    h.run();
    h.get_by_label("Compound (%)").click();
    h.run();
    let grown = h.state().doc.plan.clone();
    assert_eq!(grown.growth.len(), 1);
    let p = forecast::project::project(&grown, load::embedded(), None).unwrap();
    assert!(p.months.last().unwrap().monthly_usd > expected.months.last().unwrap().monthly_usd);
    assert!(
        h.query_all_by_label(&last(&p)).count() >= 1,
        "grown month shown"
    );

    // Edit the rate in the form: NaN is refused with a message and changes nothing; 10 is
    // applied with Enter as one more undoable step and the table follows.
    let rate = |h: &Harness<'static, App>| match &h.state().doc.plan.growth[0] {
        forecast::GrowthDriver::Compound { pct, .. } => *pct,
        d => panic!("{d:?}"),
    };
    let type_rate = |h: &mut Harness<'static, App>, text: &str| {
        h.get_by_role_and_label(Role::TextInput, "Growth rate %")
            .click();
        h.run();
        h.key_press_modifiers(Modifiers::COMMAND, Key::A);
        h.get_by_role_and_label(Role::TextInput, "Growth rate %")
            .type_text(text);
        h.run();
    };
    type_rate(&mut h, "NaN");
    assert!(
        h.query_all_by_label_contains("must be a finite number")
            .count()
            >= 1,
        "validation message shown"
    );
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(rate(&h), 3.0, "NaN not applied");
    type_rate(&mut h, "10");
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(rate(&h), 10.0);
    let p10 = forecast::project::project(&h.state().doc.plan, load::embedded(), None).unwrap();
    assert!(p10.months.last().unwrap().monthly_usd > p.months.last().unwrap().monthly_usd);
    assert!(
        h.query_all_by_label(&last(&p10)).count() >= 1,
        "10 % month shown"
    );
    assert_eq!(h.query_all_by_label_contains("must be a finite").count(), 0);

    // Undo restores 3 %, then removes the driver; the table follows each step.
    undo(&mut h);
    assert_eq!(rate(&h), 3.0);
    assert!(h.query_all_by_label(&last(&p)).count() >= 1);
    undo(&mut h);
    assert!(
        h.state().doc.plan.growth.is_empty(),
        "undo removes the driver"
    );
    assert!(h.query_all_by_label(&last(&expected)).count() >= 1);

    // Remove through the form is one undoable step too.
    h.get_by_label("Add driver").click();
    h.run();
    h.get_by_label("Seasonal factors (12 months)").click();
    h.run();
    assert_eq!(h.state().doc.plan.growth.len(), 1);
    h.get_by_label("Remove").click();
    h.run();
    assert!(h.state().doc.plan.growth.is_empty());
    undo(&mut h);
    assert_eq!(h.state().doc.plan.growth.len(), 1);

    // Import the sample bill history: the model's summary appears.
    h.get_by_label("Import bill history…").click();
    h.run();
    let st = &h.state().forecast;
    assert_eq!(st.history.as_ref().map(|h| h.len()), Some(48));
    assert!(
        h.query_all_by_label_contains("held-out MAPE").count() >= 1,
        "model summary shown"
    );

    // Export the chart as PNG and SVG.
    h.get_by_label("Export").click();
    h.run();
    h.get_by_label("Chart PNG…").click();
    h.run();
    h.get_by_label("Export").click();
    h.run();
    h.get_by_label("Chart SVG…").click();
    h.run();
    let bytes = std::fs::read(&png).expect("PNG written");
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    let text = std::fs::read_to_string(&svg).expect("SVG written");
    assert!(text.contains("<svg") && text.contains("Bill history"));

    // Export the forecast CSV: the plan's months and the model's rows, as the CLI writes them.
    h.get_by_label("Export").click();
    h.run();
    h.get_by_label("Forecast CSV…").click();
    h.run();
    let text = std::fs::read_to_string(&csv).expect("CSV written");
    let plan_rows = text
        .lines()
        .filter(|l| l.starts_with("plan_total,"))
        .count();
    assert_eq!(plan_rows, expected.months.len());
    assert!(text.lines().any(|l| l.starts_with("model,")));
}
