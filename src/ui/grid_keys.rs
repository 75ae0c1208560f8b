//! The Plan grid's keyboard, as spreadsheets have it: every key and character of a frame is
//! handled **in the order it was typed** (a slow frame may carry a whole word and the Enter
//! after it).
//!
//! Moving (no editor open): arrows, Tab / Shift+Tab, Enter / Shift+Enter, Home / End (first /
//! last column), Ctrl+Home / Ctrl+End (first / last cell), Ctrl+arrows (to the edge),
//! PageUp / PageDown (a screenful), Shift+… extends the row selection; Ctrl+A selects every
//! row, Esc keeps only the cursor's row. Editing: typing starts an editor holding what was
//! typed (arrows then commit and move, as in a spreadsheet's "enter" mode), F2 opens the cell's
//! text (arrows move in the text), Backspace clears the cell and edits it; in an editor Enter,
//! Tab and their Shift forms commit and move, Esc cancels. Delete removes the selected rows;
//! Ctrl+C / Ctrl+X / Ctrl+V copy, cut and paste rows as TSV through the system clipboard.
//!
//! While an editor is open its text field handles the characters typed before a committing
//! key; this module removes that key and what follows it from the frame's input, commits after
//! the field has taken the text, then goes on with the rest.

use crate::ui::app::App;
use crate::ui::commands::Command;
use crate::ui::grid::{self, EDITOR_ID};
use egui::{Event, Key, Modifiers};

/// What a key does to an open editor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditorAction {
    /// Commit the text and move the cursor by (rows, columns).
    Commit(isize, isize),
    /// Close the editor without changing the cell.
    Cancel,
    /// Move the highlighted choice of a dropdown by this many entries.
    Highlight(isize),
}

/// The rest of a frame's input after a committing key, handled once the editor's text field
/// has taken the characters typed before it.
#[derive(Debug, Clone, Default)]
pub struct Deferred {
    action: Option<EditorAction>,
    rest: Vec<Event>,
}

/// Whether the grid has the keyboard: no other text field focused and no modal open.
fn grid_has_keyboard(app: &App, ctx: &egui::Context) -> bool {
    let focused = ctx.memory(|m| m.focused());
    app.modal.is_none()
        && app.file_dialog.is_none()
        && !focused.is_some_and(|f| f != EDITOR_ID.with(""))
}

/// Handle the frame's keys before the grid is drawn.
pub fn before_draw(app: &mut App, ctx: &egui::Context) {
    if !grid_has_keyboard(app, ctx) {
        return;
    }
    // Tab and the arrows are the grid's: egui must not also move its focus to a widget.
    ctx.memory_mut(|m| m.move_focus(egui::FocusDirection::None));
    if let Some(ed) = app.grid.editing.as_ref() {
        // Leave the characters typed before the first committing key to the editor's field.
        let has_choices = !ed.choices.is_empty();
        let typed = ed.typed;
        let deferred = ctx.input_mut(|i| {
            let k = i
                .events
                .iter()
                .position(|e| editor_action(e, has_choices, typed).is_some())?;
            let mut rest = i.events.split_off(k);
            let action = editor_action(&rest.remove(0), has_choices, typed);
            rest.retain(wanted);
            Some(Deferred { action, rest })
        });
        app.grid.deferred = deferred;
        return;
    }
    let events = ctx.input_mut(|i| {
        let (mine, others): (Vec<Event>, Vec<Event>) = i.events.drain(..).partition(wanted);
        i.events = others;
        mine
    });
    process(app, ctx, events);
}

/// Finish what [`before_draw`] deferred, after the editor's text field has run.
pub fn after_draw(app: &mut App, ctx: &egui::Context) {
    let Some(d) = app.grid.deferred.take() else {
        return;
    };
    if let Some(a) = d.action {
        apply(app, a);
    }
    process(app, ctx, d.rest);
}

/// Events the grid acts on (presses, text, clipboard, a committed IME composition such as a
/// Hangul syllable); releases, pointer events and Ctrl shortcuts the grid has no use for
/// (zoom …) stay for egui.
fn wanted(e: &Event) -> bool {
    match e {
        Event::Key {
            pressed: true,
            key,
            modifiers,
            ..
        } => {
            !modifiers.command
                || matches!(
                    key,
                    Key::ArrowUp
                        | Key::ArrowDown
                        | Key::ArrowLeft
                        | Key::ArrowRight
                        | Key::Home
                        | Key::End
                        | Key::A
                )
        }
        Event::Text(_)
        | Event::Copy
        | Event::Cut
        | Event::Paste(_)
        | Event::Ime(egui::ImeEvent::Commit(_)) => true,
        _ => false,
    }
}

/// The action of `e` on an open editor, if it is a key that ends or steers it.
fn editor_action(e: &Event, has_choices: bool, typed: bool) -> Option<EditorAction> {
    let Event::Key {
        key,
        pressed: true,
        modifiers,
        ..
    } = e
    else {
        return None;
    };
    if modifiers.command || modifiers.alt {
        return None;
    }
    let shift = modifiers.shift;
    Some(match key {
        Key::Enter if shift => EditorAction::Commit(-1, 0),
        Key::Enter => EditorAction::Commit(1, 0),
        Key::Tab if shift => EditorAction::Commit(0, -1),
        Key::Tab => EditorAction::Commit(0, 1),
        Key::Escape => EditorAction::Cancel,
        Key::ArrowUp if has_choices => EditorAction::Highlight(-1),
        Key::ArrowDown if has_choices => EditorAction::Highlight(1),
        Key::ArrowUp if typed && !shift => EditorAction::Commit(-1, 0),
        Key::ArrowDown if typed && !shift => EditorAction::Commit(1, 0),
        Key::ArrowLeft if typed && !shift && !has_choices => EditorAction::Commit(0, -1),
        Key::ArrowRight if typed && !shift && !has_choices => EditorAction::Commit(0, 1),
        _ => return None,
    })
}

fn apply(app: &mut App, action: EditorAction) {
    match action {
        EditorAction::Cancel => app.grid.editing = None,
        EditorAction::Highlight(d) => {
            if let Some(ed) = app.grid.editing.as_mut() {
                let n = grid::filtered(ed).len();
                ed.highlighted =
                    (ed.highlighted as isize + d).clamp(0, n.saturating_sub(1) as isize) as usize;
            }
        }
        EditorAction::Commit(dr, dc) => {
            let Some(ed) = app.grid.editing.take() else {
                return;
            };
            let text = grid::commit_text(&ed);
            if text != ed.original {
                app.send(Command::SetCell {
                    row: ed.row,
                    col: ed.col,
                    text,
                });
            }
            grid::move_cursor(app, dr, dc, false);
        }
    }
}

/// Handle `events` in order, starting with no editor open (one may open on the way).
fn process(app: &mut App, ctx: &egui::Context, events: Vec<Event>) {
    for e in events {
        if let Some(ed) = app.grid.editing.as_mut() {
            // An editor opened by this frame's typing: the rest of the frame types into it.
            let (has_choices, typed) = (!ed.choices.is_empty(), ed.typed);
            if let Some(a) = editor_action(&e, has_choices, typed) {
                apply(app, a);
                continue;
            }
            match e {
                Event::Text(t) | Event::Ime(egui::ImeEvent::Commit(t)) => {
                    ed.text.push_str(&t);
                    ed.highlighted = 0;
                }
                Event::Paste(t) => ed.text.push_str(t.lines().next().unwrap_or("")),
                Event::Key {
                    key: Key::Backspace,
                    ..
                } => {
                    ed.text.pop();
                    ed.highlighted = 0;
                }
                _ => {}
            }
            continue;
        }
        let e = match e {
            Event::Ime(egui::ImeEvent::Commit(t)) => Event::Text(t),
            e => e,
        };
        match e {
            Event::Text(t) => {
                if let Some((r, c)) = app.grid.cursor
                    && !t.chars().all(char::is_control)
                {
                    grid::start_edit(app, ctx, r, c, Some(t));
                }
            }
            Event::Copy => app.send(Command::CopySelected),
            Event::Cut => {
                app.send(Command::CopySelected);
                app.send(Command::DeleteSelected);
            }
            Event::Paste(t) => {
                let one_value = t.trim_end_matches(['\r', '\n']);
                match app.grid.cursor {
                    // One value (no tab, one line) goes into the cursor's cell.
                    Some((row, col)) if !one_value.contains(['\t', '\n']) => {
                        if !one_value.trim().is_empty() {
                            app.send(Command::SetCell {
                                row,
                                col,
                                text: one_value.to_string(),
                            })
                        }
                    }
                    _ => app.send(Command::Paste(t)),
                }
            }
            Event::Key { key, modifiers, .. } => nav_key(app, ctx, key, modifiers),
            _ => {}
        }
    }
}

/// One key with no editor open.
fn nav_key(app: &mut App, ctx: &egui::Context, key: Key, m: Modifiers) {
    let ext = m.shift;
    let far = isize::MAX / 4;
    let page = app.grid.page_rows.max(1) as isize;
    if m.alt {
        return;
    }
    if m.command {
        match key {
            Key::ArrowUp => grid::move_cursor(app, -far, 0, ext),
            Key::ArrowDown => grid::move_cursor(app, far, 0, ext),
            Key::ArrowLeft => grid::move_cursor(app, 0, -far, ext),
            Key::ArrowRight => grid::move_cursor(app, 0, far, ext),
            Key::Home => grid::move_cursor(app, -far, -far, ext),
            Key::End => grid::move_cursor(app, far, far, ext),
            Key::A => {
                let order = app.grid.order().to_vec();
                app.grid.selected = order.into_iter().collect();
            }
            _ => {}
        }
        return;
    }
    match key {
        Key::ArrowUp => grid::move_cursor(app, -1, 0, ext),
        Key::ArrowDown => grid::move_cursor(app, 1, 0, ext),
        Key::ArrowLeft => grid::move_cursor(app, 0, -1, ext),
        Key::ArrowRight => grid::move_cursor(app, 0, 1, ext),
        Key::PageUp => grid::move_cursor(app, -page, 0, ext),
        Key::PageDown => grid::move_cursor(app, page, 0, ext),
        Key::Home => grid::move_cursor(app, 0, -far, ext),
        Key::End => grid::move_cursor(app, 0, far, ext),
        Key::Tab if ext => grid::move_cursor(app, 0, -1, false),
        Key::Tab => grid::move_cursor(app, 0, 1, false),
        Key::Enter if ext => grid::move_cursor(app, -1, 0, false),
        Key::Enter => grid::move_cursor(app, 1, 0, false),
        Key::F2 => {
            if let Some((r, c)) = app.grid.cursor {
                grid::start_edit(app, ctx, r, c, None);
            }
        }
        Key::Backspace => {
            if let Some((r, c)) = app.grid.cursor {
                grid::start_edit(app, ctx, r, c, Some(String::new()));
            }
        }
        Key::Delete => app.send(Command::DeleteSelected),
        Key::Escape => {
            if let Some((r, _)) = app.grid.cursor {
                app.grid.selected.clear();
                app.grid.selected.insert(r);
            }
        }
        _ => {}
    }
}
