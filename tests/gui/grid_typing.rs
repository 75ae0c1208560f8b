//! Fast typing into the Plan grid: every character of a frame reaches the cell, in order, and
//! an Enter typed after them in the same frame commits them (issue 17: "Web servers" became
//! "eb servers" when a slow frame carried several keys).

use crate::kit::{self, one_frame, press};
use cloudplan::plan::{Num, Resource};
use cloudplan::ui::cells::Col;
use cloudplan::ui::dialogs::FixedPaths;
use egui::{Event, Key, Modifiers};

const THIRTY: &str = "Web servers, tier one (Seoul)!";

fn chars(text: &str) -> Vec<Event> {
    text.chars().map(|c| Event::Text(c.to_string())).collect()
}

#[test]
fn thirty_characters_and_enter_in_one_frame_reach_the_cell() {
    assert_eq!(THIRTY.chars().count(), 30);
    let mut h = kit::harness(kit::default_app(FixedPaths::default()));
    h.state_mut().grid.select_only(0, Col::Name);
    h.run();
    let mut events = chars(THIRTY);
    events.push(press(Key::Enter, Modifiers::NONE));
    one_frame(&mut h, events);
    let app = h.state();
    assert_eq!(app.doc.plan.items[0].name, THIRTY);
    assert!(app.grid.editing.is_none(), "Enter closed the editor");
    assert_eq!(
        app.grid.cursor.map(|(_, c)| c),
        Some(Col::Name),
        "and moved down in the same column"
    );
    assert_ne!(app.grid.cursor.map(|(r, _)| r), Some(0));
}

#[test]
fn characters_spread_over_frames_and_bunched_in_one_arrive_in_order() {
    let mut h = kit::harness(kit::default_app(FixedPaths::default()));
    h.state_mut().grid.select_only(1, Col::Name);
    h.run();
    // The first key opens the editor; the next frame brings the rest at once, then Enter.
    one_frame(&mut h, chars("W"));
    assert!(h.state().grid.editing.is_some());
    let mut rest = chars("eb servers");
    rest.push(press(Key::Enter, Modifiers::NONE));
    one_frame(&mut h, rest);
    assert_eq!(h.state().doc.plan.items[1].name, "Web servers");
}

#[test]
fn text_then_tab_in_one_frame_commits_and_moves_right() {
    let mut h = kit::harness(kit::default_app(FixedPaths::default()));
    let row = h
        .state()
        .doc
        .plan
        .items
        .iter()
        .position(|i| matches!(i.resource, Resource::Ec2(_)))
        .unwrap();
    h.state_mut().grid.select_only(row, Col::Quantity);
    h.run();
    let mut events = chars("17");
    events.push(press(Key::Tab, Modifiers::NONE));
    // and keeps typing into the next cell (Monthly is calculated: nothing opens there).
    one_frame(&mut h, events);
    let Resource::Ec2(e) = &h.state().doc.plan.items[row].resource else {
        unreachable!()
    };
    assert_eq!(e.count, Num::Value(17.0));
    assert_eq!(h.state().grid.cursor, Some((row, Col::Monthly)));
}

#[test]
fn an_open_editor_takes_a_bunched_frame_and_backspace() {
    let mut h = kit::harness(kit::default_app(FixedPaths::default()));
    h.state_mut().grid.select_only(0, Col::Name);
    h.run();
    // F2 edits the cell's own text; the frame then carries Ctrl+A (select all), new text with
    // a typo, Backspace, the fix and Enter.
    kit::key(&mut h, Key::F2, Modifiers::NONE);
    assert!(h.state().grid.editing.is_some());
    let mut events = vec![press(Key::A, Modifiers::COMMAND)];
    events.extend(chars("Databasx"));
    events.push(press(Key::Backspace, Modifiers::NONE));
    events.extend(chars("e tier"));
    events.push(press(Key::Enter, Modifiers::NONE));
    one_frame(&mut h, events);
    assert_eq!(h.state().doc.plan.items[0].name, "Database tier");
}

#[test]
fn esc_cancels_what_was_typed_in_the_same_frame() {
    let mut h = kit::harness(kit::default_app(FixedPaths::default()));
    let before = h.state().doc.plan.items[0].name.clone();
    h.state_mut().grid.select_only(0, Col::Name);
    h.run();
    let mut events = chars("oops");
    events.push(press(Key::Escape, Modifiers::NONE));
    one_frame(&mut h, events);
    assert_eq!(h.state().doc.plan.items[0].name, before);
    assert!(h.state().grid.editing.is_none());
    assert!(!h.state().doc.dirty);
}

#[test]
fn a_committed_hangul_syllable_starts_the_editor() {
    // Korean is typed through the input method: the grid sees IME commits, not text events.
    let mut h = kit::harness(kit::default_app(FixedPaths::default()));
    h.state_mut().grid.select_only(0, Col::Name);
    h.run();
    one_frame(
        &mut h,
        [
            Event::Ime(egui::ImeEvent::Commit("웹".into())),
            Event::Ime(egui::ImeEvent::Commit("서버".into())),
            press(Key::Enter, Modifiers::NONE),
        ],
    );
    assert_eq!(h.state().doc.plan.items[0].name, "웹서버");
}
