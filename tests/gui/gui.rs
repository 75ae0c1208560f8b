//! The desktop app driven headless with egui_kittest (no display, no GPU): edits through the
//! grid, the sidebar and the menu, undo, rejected input, TSV paste, save/reopen, recovery.
//! Prices come from the embedded catalogue; the tests compare totals before and after an edit
//! (and against `cost::estimate` of the same plan), never against invented figures.

use cloudplan::catalog::{Service, load};
use cloudplan::cost;
use cloudplan::plan::{Num, Resource};
use cloudplan::report::format::money;
use cloudplan::ui::app::{App, Tab};
use cloudplan::ui::cells::Col;
use cloudplan::ui::dialogs::FixedPaths;
use egui::{Event, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::PathBuf;

use crate::kit;
use kit::harness;
use kit::type_into_cell;

fn app_with(dialogs: FixedPaths, recovery: Option<PathBuf>) -> App {
    kit::app(None, dialogs, recovery)
}

fn monthly(h: &Harness<'_, App>) -> f64 {
    h.state()
        .doc
        .priced
        .estimate
        .as_ref()
        .expect("plan is priced")
        .total
        .monthly_usd
}

/// Index of the first EC2 item whose count is a plain number.
fn ec2_row(app: &App) -> usize {
    app.doc
        .plan
        .items
        .iter()
        .position(|i| matches!(&i.resource, Resource::Ec2(e) if matches!(e.count, Num::Value(_))))
        .expect("the default plan has an EC2 fleet with a fixed count")
}

fn ec2_count(app: &App, row: usize) -> Num {
    match &app.doc.plan.items[row].resource {
        Resource::Ec2(e) => e.count.clone(),
        _ => panic!("not EC2"),
    }
}

#[test]
fn editing_a_quantity_reprices_and_undo_restores() {
    let mut h = harness(app_with(FixedPaths::default(), None));
    let before = monthly(&h);
    h.get_by_label(&format!("Monthly {}", money(before)));
    let row = ec2_row(h.state());
    let Num::Value(old) = ec2_count(h.state(), row) else {
        unreachable!()
    };
    let new = old + 3.0;
    type_into_cell(&mut h, row, Col::Quantity, &new.to_string());
    assert_eq!(ec2_count(h.state(), row), Num::Value(new));
    let after = monthly(&h);
    assert!(
        after > before,
        "three more instances cost more: {before} -> {after}"
    );
    let expected = cost::estimate(&h.state().doc.plan, load::embedded())
        .unwrap()
        .total
        .monthly_usd;
    assert_eq!(after, expected, "the app shows the engine's total");
    h.get_by_label(&format!("Monthly {}", money(after)));
    assert!(h.state().doc.dirty);

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(ec2_count(h.state(), row), Num::Value(old));
    assert_eq!(monthly(&h), before);
    h.get_by_label(&format!("Monthly {}", money(before)));

    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run();
    assert_eq!(monthly(&h), after, "redo applies the edit again");
}

#[test]
fn adding_an_item_from_the_menu() {
    let mut h = harness(app_with(FixedPaths::default(), None));
    let n = h.state().doc.plan.items.len();
    h.get_by_label("Edit").click();
    h.run();
    h.get_by_label("Add item").click();
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Amazon S3")
        .click();
    h.run();
    let app = h.state();
    assert_eq!(app.doc.plan.items.len(), n + 1);
    let last = app.doc.plan.items.last().unwrap();
    assert_eq!(last.resource.service(), Service::S3);
    assert!(
        app.doc.priced.item(n).is_some(),
        "the new item is priced: {:?}",
        app.doc.priced.messages
    );
    assert!(app.doc.priced.item(n).unwrap().monthly_usd > 0.0);
}

#[test]
fn a_formula_follows_its_parameter() {
    let mut h = harness(app_with(FixedPaths::default(), None));
    let row = ec2_row(h.state());
    assert!(
        h.state()
            .doc
            .plan
            .parameters
            .iter()
            .any(|p| p.name == "users")
    );
    // Make the fleet size depend on `users` (200,000 in the default plan).
    h.state_mut().run_command(
        cloudplan::ui::commands::Command::SetParameter {
            index: 0,
            text: "200000".into(),
        },
        &egui::Context::default(),
    );
    type_into_cell(&mut h, row, Col::Quantity, "=users / 50000");
    assert_eq!(
        ec2_count(h.state(), row),
        Num::Formula("users / 50000".into())
    );
    let hours = |app: &App| app.doc.priced.item(row).unwrap().components[0].quantity;
    assert_eq!(hours(h.state()), 4.0 * 730.0);
    let before = monthly(&h);

    // Edit the parameter in the sidebar.
    let field = h.get_by_role_and_label(egui::accesskit::Role::TextInput, "users");
    field.click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "users")
        .type_text("100000");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(
        h.state().doc.plan.parameters[0].value,
        Num::Value(100_000.0)
    );
    assert_eq!(hours(h.state()), 2.0 * 730.0, "users halved: 2 instances");
    assert!(monthly(&h) < before);
}

#[test]
fn an_invalid_entry_is_shown_and_the_total_stays() {
    let mut h = harness(app_with(FixedPaths::default(), None));
    let before = monthly(&h);
    let row = ec2_row(h.state());
    let old = ec2_count(h.state(), row);
    type_into_cell(&mut h, row, Col::Quantity, "=no_such_param * 2");
    let app = h.state();
    assert_eq!(
        ec2_count(app, row),
        old,
        "the last valid value stays in the plan"
    );
    assert_eq!(monthly(&h), before, "and stays priced");
    let id = app.doc.plan.items[row].id.clone();
    let rejected = app
        .rejected_for(&id, "Quantity")
        .expect("the cell is marked invalid");
    assert!(
        rejected.reason.contains("no_such_param"),
        "{}",
        rejected.reason
    );
    let notice = app.notice.as_ref().unwrap();
    assert!(notice.error && notice.text.contains("no_such_param"));
    // The grid shows the value the plan keeps, and beside it what was typed (in red, with
    // the reason as tooltip).
    h.get_by_label("! =no_such_param * 2");
}

#[test]
fn pasting_tsv_adds_rows() {
    let mut h = harness(app_with(FixedPaths::default(), None));
    let app = h.state();
    let n = app.doc.plan.items.len();
    let tsv = cloudplan::plan::items_csv::items_to_delimited(&app.doc.plan.items[..2], b'\t');
    h.event(Event::Paste(tsv));
    h.run();
    let app = h.state();
    assert_eq!(app.doc.plan.items.len(), n + 2);
    let ids: std::collections::BTreeSet<&str> =
        app.doc.plan.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids.len(), n + 2, "pasted rows get fresh ids");
    assert_eq!(app.doc.plan.items[n].name, app.doc.plan.items[0].name);
    assert!(app.doc.priced.item(n).is_some() && app.doc.priced.item(n + 1).is_some());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        h.state().doc.plan.items.len(),
        n,
        "one undo removes the whole paste"
    );
}

#[test]
fn saving_and_reopening_gives_the_same_plan() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mine.cloudplan.json");
    let dialogs = FixedPaths {
        open: vec![path.clone()],
        save: vec![path.clone()],
    };
    let mut h = harness(app_with(dialogs, None));
    let row = ec2_row(h.state());
    type_into_cell(&mut h, row, Col::Quantity, "9");
    let saved = h.state().doc.plan.clone();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(!h.state().doc.dirty, "{:?}", h.state().notice);
    assert!(path.exists());
    assert!(!h.state().window_title().starts_with('●'));

    // Change it, then open the saved file: the app asks before discarding.
    type_into_cell(&mut h, row, Col::Quantity, "1");
    assert!(
        h.state().window_title().starts_with('●'),
        "dirty marker in the title"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    h.get_by_label("Unsaved changes");
    h.get_by_label("Discard changes").click();
    h.run();
    assert_eq!(h.state().doc.plan, saved);
    assert_eq!(h.state().doc.path.as_deref(), Some(path.as_path()));
    assert_eq!(h.state().settings.recent.first(), Some(&path));
}

#[test]
fn unsaved_work_is_offered_for_recovery() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("recovery.cloudplan.json");
    let mut h = harness(app_with(FixedPaths::default(), Some(recovery.clone())));
    let row = ec2_row(h.state());
    type_into_cell(&mut h, row, Col::Quantity, "11");
    h.state_mut().autosave_now();
    assert!(recovery.exists());
    let edited = h.state().doc.plan.clone();

    // "Crash" and start again.
    let mut h = harness(app_with(FixedPaths::default(), Some(recovery.clone())));
    h.get_by_label("Recover").click();
    h.run();
    assert_eq!(h.state().doc.plan, edited);
    assert!(h.state().doc.dirty);
}

#[test]
fn korean_strings_and_estimate_tab() {
    let mut h = harness(app_with(FixedPaths::default(), None));
    h.get_by_label("Estimate").click();
    h.run();
    let renders = h.state().charts.renders;
    assert!(renders >= 2, "both charts rendered");
    h.run_steps(3);
    assert_eq!(
        h.state().charts.renders,
        renders,
        "and not again while nothing changed"
    );
    let total = money(monthly(&h));
    assert!(
        h.query_all_by_label_contains(&total).count() >= 2,
        "totals card and status bar"
    );
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Language").click();
    h.run();
    h.get_by_label("한국어").click();
    h.run();
    h.get_by_label("파일");
    h.get_by_label("견적");
}

#[test]
fn ctrl_and_a_digit_picks_each_tab_in_order() {
    // Every tab has its own shortcut: Ctrl+1 … Ctrl+6 (a fixed five-key table once sent both
    // Ctrl+5 presses and the sixth tab to the same key, so Forecast could not be reached).
    let keys = [
        Key::Num1,
        Key::Num2,
        Key::Num3,
        Key::Num4,
        Key::Num5,
        Key::Num6,
    ];
    let mut h = harness(app_with(FixedPaths::default(), None));
    assert_eq!(Tab::ALL.len(), keys.len());
    for (tab, key) in Tab::ALL.into_iter().zip(keys).rev() {
        h.key_press_modifiers(Modifiers::COMMAND, key);
        h.run();
        assert_eq!(h.state().tab, tab, "{key:?}");
    }
}
