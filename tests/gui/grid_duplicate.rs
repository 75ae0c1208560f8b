//! Edit ▸ Duplicate on several selected rows: each copy lands right after its original, the
//! originals stay selected, and one undo removes all the copies.

use crate::kit::{self, key};
use cloudplan::ui::cells::Col;
use cloudplan::ui::commands::Command;
use cloudplan::ui::dialogs::FixedPaths;
use egui::{Key, Modifiers};

#[test]
fn duplicating_two_rows_puts_each_copy_after_its_original_in_one_undo_step() {
    let mut h = kit::harness(kit::default_app(FixedPaths::default()));
    let plan = h.state().doc.plan.clone();
    assert!(plan.items.len() >= 4, "the default plan has rows a b c d");
    // Select rows c and b, upwards: the anchor is c, the cursor b.
    h.state_mut().grid.select_only(2, Col::Name);
    h.run();
    key(&mut h, Key::ArrowUp, Modifiers::SHIFT);
    h.state_mut().send(Command::Duplicate);
    h.run();

    let items = &h.state().doc.plan.items;
    assert_eq!(items.len(), plan.items.len() + 2);
    let (a, b, c, d) = (
        &plan.items[0],
        &plan.items[1],
        &plan.items[2],
        &plan.items[3],
    );
    assert_eq!(items[0], *a);
    assert_eq!(items[1], *b);
    assert_eq!(items[2].name, b.name, "b' right after b");
    assert_ne!(items[2].id, b.id, "the copy has its own id");
    assert_eq!(items[3], *c);
    assert_eq!(items[4].name, c.name, "c' right after c");
    assert_ne!(items[4].id, c.id);
    assert_eq!(items[5], *d);
    let ids: std::collections::BTreeSet<_> = items.iter().map(|i| &i.id).collect();
    assert_eq!(ids.len(), items.len(), "ids stay unique");
    // The originals stay selected (at their new places).
    let n = items.len();
    assert_eq!(h.state().grid.selected_rows(n), vec![1, 3]);

    // The anchor followed c to index 3: Shift+Down from b selects b' and c.
    assert_eq!(h.state().grid.cursor, Some((1, Col::Name)));
    key(&mut h, Key::ArrowDown, Modifiers::SHIFT);
    assert_eq!(h.state().grid.selected_rows(n), vec![2, 3]);

    key(&mut h, Key::Z, Modifiers::COMMAND);
    assert_eq!(h.state().doc.plan, plan, "one undo step");
}
