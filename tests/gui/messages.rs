//! Messages belong to what caused them: a rejected cell shows the plan's real value with the
//! rejection beside it; the status-bar message goes when the plan changes (the cell fixed,
//! another edit, undo, another plan opened); formula errors are in the user's words.

use crate::kit::{self, type_into_cell};
use cloudplan::plan::{Num, Resource};
use cloudplan::ui::app::App;
use cloudplan::ui::cells::{self, Col};
use cloudplan::ui::commands::Command;
use cloudplan::ui::dialogs::FixedPaths;
use egui::{Event, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn ec2_row(app: &App) -> usize {
    app.doc
        .plan
        .items
        .iter()
        .position(|i| matches!(&i.resource, Resource::Ec2(e) if matches!(e.count, Num::Value(_))))
        .expect("an EC2 fleet with a fixed count")
}

fn notice(h: &Harness<'_, App>) -> Option<String> {
    h.state().notice.as_ref().map(|n| n.text.clone())
}

#[test]
fn a_formula_typo_is_named_in_the_users_words_and_the_cell_keeps_its_value() {
    let mut h = kit::harness(kit::default_app(FixedPaths::default()));
    let row = ec2_row(h.state());
    assert!(
        h.state()
            .doc
            .plan
            .parameters
            .iter()
            .any(|p| p.name == "users")
    );
    let shown = {
        let app = h.state();
        let item = &app.doc.plan.items[row];
        cells::display_text(&app.doc.plan, item, Col::Quantity, None, None)
    };
    type_into_cell(&mut h, row, Col::Quantity, "=usres * 2");
    let text = notice(&h).expect("a message");
    assert!(
        text.contains("unknown name `usres`") && text.contains("did you mean `users`?"),
        "{text}"
    );
    // The real value stays in the cell; the rejected text is beside it.
    h.get_by_label("! =usres * 2");
    assert!(
        h.query_all_by_label(&shown).count() >= 1,
        "the value `{shown}` is shown"
    );

    type_into_cell(&mut h, row, Col::Quantity, "=users *");
    let text = notice(&h).unwrap();
    assert!(text.contains("missing operand after `*`"), "{text}");
    assert!(!text.contains("node"), "no parser internals: {text}");

    // Fixing the cell removes the mark and the message.
    type_into_cell(&mut h, row, Col::Quantity, "5");
    let app = h.state();
    assert!(
        app.rejected_for(&app.doc.plan.items[row].id, "Quantity")
            .is_none()
    );
    assert!(h.query_by_label("! =users *").is_none());
    assert_eq!(notice(&h), None, "the message went with its cause");
}

#[test]
fn a_message_goes_when_the_plan_changes_or_another_plan_opens() {
    let mut h = kit::harness(kit::default_app(FixedPaths::default()));
    // A refused paste: the message stays while nothing changes …
    h.input_mut()
        .events
        .push(Event::Paste("Service\tColour\nAmazon EC2\tred\n".into()));
    h.run();
    assert!(notice(&h).unwrap().contains("Colour"));
    h.run_steps(3);
    assert!(notice(&h).is_some(), "stays while the plan is unchanged");
    // … and goes with the next change of the plan.
    type_into_cell(&mut h, 0, Col::Name, "Renamed");
    assert_eq!(notice(&h), None);

    // A rejected edit's message goes when another plan is opened.
    let row = ec2_row(h.state());
    type_into_cell(&mut h, row, Col::Quantity, "-4");
    assert!(notice(&h).unwrap().contains("≥ 0"));
    h.state_mut().doc.dirty = false;
    h.state_mut().send(Command::OpenSample(1));
    h.run();
    assert!(
        notice(&h).is_none_or(|t| !t.contains("≥ 0")),
        "{:?}",
        notice(&h)
    );
    assert!(h.state().rejected.is_empty());

    // Undo is a change too.
    // Backspace clears the cell into an editor; Enter commits the empty name.
    h.state_mut().grid.select_only(0, Col::Name);
    h.run();
    kit::one_frame(
        &mut h,
        [
            kit::press(Key::Backspace, Modifiers::NONE),
            kit::press(Key::Enter, Modifiers::NONE),
        ],
    );
    assert!(
        notice(&h).unwrap().contains("name is required"),
        "{:?}",
        notice(&h)
    );
    type_into_cell(&mut h, 0, Col::Name, "Fine");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(notice(&h), None);
}
