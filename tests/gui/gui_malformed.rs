//! Malformed input in the app (egui_kittest, headless): opening a malformed plan from the
//! corpus (`tests/malformed/plan/`) or importing a malformed items CSV (`tests/malformed/items/`)
//! shows the message — file, line and field — in the status bar, and the open plan, its file
//! path and its dirty state stay exactly as they were, also after "Discard changes". Typing NaN,
//! infinity, a negative or an absurdly large number into a cell is refused with the reason and
//! changes nothing.

use cloudplan::plan::{Num, Resource};
use cloudplan::ui::app::App;
use cloudplan::ui::cells::Col;
use cloudplan::ui::commands::Command;
use cloudplan::ui::dialogs::FixedPaths;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::{Path, PathBuf};

fn corpus(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/malformed")
        .join(rel)
}

use crate::kit;
use kit::type_into_cell;

fn harness(dialogs: FixedPaths) -> Harness<'static, App> {
    // Wide, so the status bar shows the whole message (it truncates to its width).
    kit::harness_sized(kit::default_app(dialogs), [2600.0, 900.0])
}

/// Send a command, then run the frames that show its result (a command runs at the end of a
/// frame; the modal or notice it sets is drawn in the next).
fn send(h: &mut Harness<'_, App>, c: Command) {
    h.state_mut().send(c);
    h.run();
    h.step();
    h.run();
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

/// The error notice, which must name the file, line and field and be on screen.
fn assert_error_shown(h: &Harness<'_, App>, file: &str, line_and_field: &str) {
    let notice = h.state().notice.clone().expect("a notice is shown");
    assert!(notice.error, "an error notice: {notice:?}");
    assert!(notice.text.contains(file), "{}", notice.text);
    assert!(notice.text.contains(line_and_field), "{}", notice.text);
    assert!(
        h.query_all_by_label_contains(file).count() >= 1,
        "the status bar shows the message"
    );
}

/// (corpus file, `file:line:column: field` fragment expected in the message).
const PLANS: [(&str, &str); 5] = [
    (
        "plan/syntax-missing-comma.cloudplan.json",
        ":14:7: items[0].name",
    ),
    (
        "plan/nan-text-count.cloudplan.json",
        ":17:18: items[0].resource.count",
    ),
    (
        "plan/huge-count.cloudplan.json",
        ":17:22: items[0].resource.count",
    ),
    (
        "plan/formula-cycle.cloudplan.json",
        ":8:33: parameters[0].value",
    ),
    (
        "plan/duplicate-item-id.cloudplan.json",
        ":21:13: items[1].id",
    ),
];

#[test]
fn opening_a_malformed_plan_keeps_the_clean_plan_open() {
    let mut h = harness(FixedPaths::default());
    let before = h.state().doc.plan.clone();
    let generation = h.state().doc.generation;
    for (rel, at) in PLANS {
        send(&mut h, Command::OpenPath(corpus(rel)));
        assert_error_shown(&h, rel, at);
        let app = h.state();
        assert_eq!(app.doc.plan, before, "{rel}: the open plan is unchanged");
        assert!(!app.doc.dirty, "{rel}: still clean");
        assert_eq!(app.doc.path, None, "{rel}: still the unsaved default plan");
        assert_eq!(app.doc.generation, generation, "{rel}: not replaced");
        assert!(app.modal.is_none());
    }
}

#[test]
fn opening_a_malformed_plan_after_discard_keeps_the_edited_plan_dirty() {
    let mut h = harness(FixedPaths::default());
    let row = ec2_row(h.state());
    type_into_cell(&mut h, row, Col::Quantity, "7");
    assert!(h.state().doc.dirty);
    let edited = h.state().doc.plan.clone();
    for (rel, at) in PLANS.iter().take(2) {
        send(&mut h, Command::OpenPath(corpus(rel)));
        assert!(
            h.state().modal.is_some(),
            "unsaved changes: the app asks first"
        );
        h.get_by_label("Discard changes").click();
        h.run();
        h.step();
        h.run();
        assert_error_shown(&h, rel, at);
        let app = h.state();
        assert_eq!(app.doc.plan, edited, "{rel}: the edited plan stays open");
        assert!(
            app.doc.dirty,
            "{rel}: and still has unsaved changes (nothing was discarded)"
        );
        assert!(app.modal.is_none());
    }
    // Undo still undoes the edit made before the failed opens.
    send(&mut h, Command::Undo);
    assert_ne!(h.state().doc.plan, edited);
}

#[test]
fn importing_a_malformed_items_csv_adds_nothing() {
    let files = [
        ("items/negative-count.csv", ":3:"),
        ("items/unknown-column.csv", ":1:"),
        ("items/absurd-storage.csv", ":3:"),
    ];
    let mut h = harness(FixedPaths {
        open: files.iter().map(|(f, _)| corpus(f)).collect(),
        save: Vec::new(),
    });
    let before = h.state().doc.plan.clone();
    for (rel, at) in files {
        send(&mut h, Command::ImportItemsCsv);
        assert_error_shown(&h, rel, at);
        assert_eq!(h.state().doc.plan, before, "{rel}: no item added");
        assert!(!h.state().doc.dirty);
    }
}

#[test]
fn cells_refuse_nan_infinity_negative_and_absurd_numbers() {
    let mut h = harness(FixedPaths::default());
    let row = ec2_row(h.state());
    let before = h.state().doc.plan.clone();
    let total = h
        .state()
        .doc
        .priced
        .estimate
        .as_ref()
        .map(|e| e.total.monthly_usd);
    for (typed, reason) in [
        ("NaN", "NaN"),
        ("inf", "not a finite number"),
        ("-inf", "not a finite number"),
        ("-5", "≥ 0"),
        ("1e400", "not a finite number"),
        ("1e12", "at most 1e9"),
        ("-0", "got -0"),
        ("=1/0", "not a finite number"),
    ] {
        type_into_cell(&mut h, row, Col::Quantity, typed);
        let app = h.state();
        assert_eq!(app.doc.plan, before, "`{typed}` changed the plan");
        assert!(!app.doc.dirty, "`{typed}` made the plan dirty");
        assert_eq!(
            app.doc
                .priced
                .estimate
                .as_ref()
                .map(|e| e.total.monthly_usd),
            total
        );
        let id = app.doc.plan.items[row].id.clone();
        let rejected = app
            .rejected_for(&id, "Quantity")
            .unwrap_or_else(|| panic!("`{typed}` is marked invalid"));
        assert!(
            rejected.reason.contains(reason),
            "`{typed}`: {}",
            rejected.reason
        );
        let notice = app.notice.as_ref().expect("the reason is shown");
        assert!(
            notice.error && notice.text.contains(reason),
            "{}",
            notice.text
        );
    }
}

#[test]
fn parameters_refuse_nan_infinity_and_overflow() {
    let mut h = harness(FixedPaths::default());
    let before = h.state().doc.plan.clone();
    for typed in ["NaN", "inf", "1e400", "10^400"] {
        send(
            &mut h,
            Command::SetParameter {
                index: 0,
                text: typed.to_string(),
            },
        );
        let app = h.state();
        assert_eq!(app.doc.plan, before, "`{typed}` changed the plan");
        let notice = app.notice.as_ref().expect("the reason is shown");
        assert!(notice.error, "`{typed}`: {}", notice.text);
        assert!(
            notice.text.contains("finite") || notice.text.contains("NaN"),
            "`{typed}`: {}",
            notice.text
        );
    }
}
