//! Spreadsheet keys in the Plan grid: arrows, Tab / Shift+Tab, Enter / Shift+Enter, Home /
//! End, Ctrl+Home / Ctrl+End, Ctrl+arrows, PageUp / PageDown, F2, Esc, Delete, Ctrl+A; every
//! column reachable by keyboard and scrolled into view.

use crate::kit::{self, key};
use cloudplan::ui::app::App;
use cloudplan::ui::cells::Col;
use cloudplan::ui::dialogs::FixedPaths;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

const NONE: Modifiers = Modifiers::NONE;

fn cursor(h: &Harness<'_, App>) -> (usize, Col) {
    h.state().grid.cursor.expect("a cursor")
}

fn last_col() -> Col {
    Col::ALL[Col::ALL.len() - 1]
}

/// A plan long enough to page through: the default plan's items repeated.
fn long_app() -> App {
    let mut app = kit::default_app(FixedPaths::default());
    let items = app.doc.plan.items.clone();
    app.doc.edit(app.catalog, |p| {
        for round in 0..8 {
            for it in &items {
                let mut it = it.clone();
                it.id = format!("{}-{round}", it.id);
                p.items.push(it);
            }
        }
    });
    app
}

#[test]
fn right_arrow_reaches_every_column_and_scrolls_it_into_view() {
    // A window too narrow for every column: the last ones are off to the right.
    let mut h = kit::harness_sized(kit::default_app(FixedPaths::default()), [1000.0, 700.0]);
    // An EC2 row: its Purchase cell has text to find on screen.
    let row = h
        .state()
        .doc
        .plan
        .items
        .iter()
        .position(|i| matches!(i.resource, cloudplan::plan::Resource::Ec2(_)))
        .unwrap();
    h.state_mut().grid.select_only(row, Col::Name);
    h.run();
    for expected in &Col::ALL[1..] {
        key(&mut h, Key::ArrowRight, NONE);
        assert_eq!(cursor(&h), (row, *expected));
    }
    key(&mut h, Key::ArrowRight, NONE);
    assert_eq!(cursor(&h).1, last_col(), "stops at the last column");
    // Its Purchase cell is now on screen (inside the window).
    let app = h.state();
    let item = &app.doc.plan.items[row];
    let text = cloudplan::ui::cells::edit_text(&app.doc.plan, item, last_col());
    let node = h.get_by_label(&text);
    let r = node.rect();
    assert!(
        r.min.x >= 0.0 && r.max.x <= 1000.0,
        "the last column's cell is scrolled into view: {r:?}"
    );
    // Left goes back one by one; Home jumps to the first column, End to the last.
    key(&mut h, Key::ArrowLeft, NONE);
    assert_eq!(cursor(&h).1, Col::ALL[Col::ALL.len() - 2]);
    key(&mut h, Key::Home, NONE);
    assert_eq!(cursor(&h), (row, Col::Name));
    key(&mut h, Key::End, NONE);
    assert_eq!(cursor(&h), (row, last_col()));
}

#[test]
fn tab_enter_and_their_shift_forms_move() {
    let mut h = kit::harness(kit::default_app(FixedPaths::default()));
    h.state_mut().grid.select_only(1, Col::Group);
    h.run();
    key(&mut h, Key::Tab, NONE);
    assert_eq!(cursor(&h), (1, Col::Service));
    key(&mut h, Key::Tab, Modifiers::SHIFT);
    assert_eq!(cursor(&h), (1, Col::Group));
    key(&mut h, Key::Enter, NONE);
    assert_eq!(cursor(&h), (2, Col::Group));
    key(&mut h, Key::Enter, Modifiers::SHIFT);
    assert_eq!(cursor(&h), (1, Col::Group));
    key(&mut h, Key::ArrowDown, NONE);
    key(&mut h, Key::ArrowUp, NONE);
    key(&mut h, Key::ArrowUp, NONE);
    assert_eq!(cursor(&h), (0, Col::Group));
    assert!(h.state().grid.editing.is_none(), "moving never edits");
}

#[test]
fn ctrl_home_end_arrows_and_pages() {
    let mut h = kit::harness(long_app());
    let n = h.state().doc.plan.items.len();
    assert!(n > 60, "{n} rows");
    h.state_mut().grid.select_only(3, Col::Region);
    h.run();
    key(&mut h, Key::End, Modifiers::COMMAND);
    assert_eq!(cursor(&h), (n - 1, last_col()), "Ctrl+End: the last cell");
    key(&mut h, Key::Home, Modifiers::COMMAND);
    assert_eq!(cursor(&h), (0, Col::Name), "Ctrl+Home: the first cell");
    key(&mut h, Key::ArrowDown, Modifiers::COMMAND);
    assert_eq!(cursor(&h), (n - 1, Col::Name), "Ctrl+Down: the last row");
    key(&mut h, Key::ArrowRight, Modifiers::COMMAND);
    assert_eq!(
        cursor(&h),
        (n - 1, last_col()),
        "Ctrl+Right: the last column"
    );
    key(&mut h, Key::ArrowUp, Modifiers::COMMAND);
    assert_eq!(cursor(&h), (0, last_col()));
    key(&mut h, Key::ArrowLeft, Modifiers::COMMAND);
    assert_eq!(cursor(&h), (0, Col::Name));

    // A page is the rows in view: more than one, fewer than all.
    key(&mut h, Key::PageDown, NONE);
    let page = cursor(&h).0;
    assert!(page > 5 && page < n - 1, "PageDown moved {page} rows");
    key(&mut h, Key::PageDown, NONE);
    assert_eq!(cursor(&h).0, 2 * page);
    key(&mut h, Key::PageUp, NONE);
    assert_eq!(cursor(&h).0, page);
    // The row paged to is drawn (the table scrolled to it).
    let name = h.state().doc.plan.items[2 * page].name.clone();
    key(&mut h, Key::PageDown, NONE);
    assert!(h.query_all_by_label(&name).count() >= 1);
}

#[test]
fn f2_edits_esc_cancels_ctrl_a_selects_delete_removes() {
    let mut h = kit::harness(kit::default_app(FixedPaths::default()));
    let n = h.state().doc.plan.items.len();
    h.state_mut().grid.select_only(0, Col::Name);
    h.run();
    key(&mut h, Key::F2, NONE);
    let ed = h
        .state()
        .grid
        .editing
        .as_ref()
        .expect("F2 opens the editor");
    assert_eq!(
        ed.text,
        h.state().doc.plan.items[0].name,
        "with the cell's text"
    );
    key(&mut h, Key::Escape, NONE);
    assert!(h.state().grid.editing.is_none());
    assert!(!h.state().doc.dirty, "Esc changed nothing");

    key(&mut h, Key::A, Modifiers::COMMAND);
    assert_eq!(h.state().grid.selected.len(), n, "Ctrl+A selects every row");
    key(&mut h, Key::Escape, NONE);
    assert_eq!(
        h.state().grid.selected.len(),
        1,
        "Esc keeps the cursor's row"
    );

    // Shift+Down extends the selection; Delete removes the rows, one undo step.
    key(&mut h, Key::ArrowDown, Modifiers::SHIFT);
    assert_eq!(h.state().grid.selected.len(), 2);
    key(&mut h, Key::Delete, NONE);
    assert_eq!(h.state().doc.plan.items.len(), n - 2);
    key(&mut h, Key::Z, Modifiers::COMMAND);
    assert_eq!(h.state().doc.plan.items.len(), n);
}

#[test]
fn home_then_typing_writes_into_the_first_column() {
    // Issue 17: Home did nothing and the typed name landed in Quantity.
    let mut h = kit::harness(kit::default_app(FixedPaths::default()));
    h.state_mut().grid.select_only(0, Col::Quantity);
    h.run();
    key(&mut h, Key::Home, NONE);
    kit::one_frame(
        &mut h,
        [
            egui::Event::Text("Front end".into()),
            kit::press(Key::Enter, NONE),
        ],
    );
    assert_eq!(h.state().doc.plan.items[0].name, "Front end");
}
