//! Tab "Plan": the spreadsheet grid of items (egui_extras table, virtualised rows).
//!
//! Spreadsheet habits: click selects a cell (Ctrl/Shift+click extend the row selection);
//! the keyboard is [`crate::ui::grid_keys`] (moving, editing, copy / cut / paste); typing, F2
//! or double-click edit; region, type/class and purchase cells edit through a type-to-filter
//! dropdown; numeric cells take formulas over the parameters. The cursor's cell is scrolled
//! into view both ways. Clicking a header sorts by it.

use crate::ui::app::App;
use crate::ui::cells::{self, Choice, Col};
use crate::ui::commands::Command;
use egui::{Align, Id, Layout, RichText, Sense};
use egui_extras::{Column, TableBuilder};
use std::collections::BTreeSet;

/// Id of the cell editor's text field.
pub const EDITOR_ID: GridId = GridId("grid-cell-editor");

/// A fixed id source (so other modules can ask whether the grid editor has focus).
#[derive(Debug, Clone, Copy)]
pub struct GridId(&'static str);

impl GridId {
    /// The egui id of this source combined with `salt` (the editor uses `""`).
    pub fn with(self, salt: &str) -> Id {
        Id::unique(self.0).with(salt)
    }
}

/// An open cell editor.
#[derive(Debug, Clone)]
pub struct Editing {
    /// Plan index of the item being edited.
    pub row: usize,
    /// Column being edited.
    pub col: Col,
    /// The text in the editor now.
    pub text: String,
    /// Text when the editor opened (dropdowns filter only once the person types).
    pub original: String,
    /// Dropdown choices of the column for this item (empty: plain text editor).
    pub choices: Vec<Choice>,
    /// Index of the highlighted match among the filtered choices (Up/Down move it).
    pub highlighted: usize,
    /// Keyboard focus was already requested for the editor (done once, when it opens).
    pub focus_requested: bool,
    /// Opened by typing (arrows then commit and move) rather than F2 / double-click.
    pub typed: bool,
}

/// What the cached row order was computed for: (plan generation, sort, item count).
type OrderKey = (u64, Option<(Col, bool)>, usize);

/// Selection, cursor, sort order and the open editor.
#[derive(Debug, Default)]
pub struct GridState {
    /// The current cell (plan item index, column).
    pub cursor: Option<(usize, Col)>,
    /// Plan indices of the selected rows.
    pub selected: BTreeSet<usize>,
    anchor: Option<usize>,
    /// The open cell editor, if any.
    pub editing: Option<Editing>,
    /// Sort column and whether ascending (`None`: plan order); header clicks cycle it.
    pub sort: Option<(Col, bool)>,
    order: Vec<usize>,
    order_key: Option<OrderKey>,
    /// Plan index of the row to scroll into view (turned into a display position when drawn).
    scroll_to: Option<usize>,
    /// The cursor's column still has to be scrolled into view.
    scroll_col: bool,
    /// Rows that fit in the grid's view (PageUp / PageDown), from the last frame drawn.
    pub page_rows: usize,
    /// Input after a committing key, handled once the editor's field has run.
    pub deferred: Option<crate::ui::grid_keys::Deferred>,
}

impl GridState {
    /// Forget cursor, selection and editor (a new plan was loaded); the sort is kept.
    pub fn reset(&mut self) {
        *self = GridState {
            sort: self.sort,
            ..GridState::default()
        };
    }

    /// Put the cursor on (`row`, `col`), select only that row, scroll to it and close
    /// any editor.
    pub fn select_only(&mut self, row: usize, col: Col) {
        self.cursor = Some((row, col));
        self.selected.clear();
        self.selected.insert(row);
        self.anchor = Some(row);
        self.scroll_to = Some(row);
        self.scroll_col = true;
        self.editing = None;
    }

    /// Selected rows in plan order (the cursor row when nothing is selected).
    pub fn selected_rows(&self, len: usize) -> Vec<usize> {
        let mut v: Vec<usize> = self.selected.iter().copied().filter(|r| *r < len).collect();
        if v.is_empty()
            && let Some((r, _)) = self.cursor
            && r < len
        {
            v.push(r);
        }
        v
    }

    /// Cursor, selection and anchor follow their rows to new plan indices (`moved(old)`),
    /// after rows were inserted before them.
    pub fn follow_rows(&mut self, moved: impl Fn(usize) -> usize) {
        self.selected = self.selected.iter().map(|&r| moved(r)).collect();
        self.cursor = self.cursor.map(|(r, c)| (moved(r), c));
        self.anchor = self.anchor.map(&moved);
        self.editing = None;
    }

    /// Keep cursor and selection inside a plan of `len` items.
    pub fn clamp(&mut self, len: usize) {
        self.selected.retain(|r| *r < len);
        self.editing = None;
        if let Some((r, c)) = self.cursor {
            self.cursor = if len == 0 {
                None
            } else {
                Some((r.min(len - 1), c))
            };
        }
        if self.selected.is_empty()
            && let Some((r, _)) = self.cursor
        {
            self.selected.insert(r);
        }
    }

    /// Display order of plan rows (sorted when a sort column is set).
    pub fn order(&self) -> &[usize] {
        &self.order
    }

    /// The display position to scroll to this frame, if any (taken: scrolls once): the
    /// stored plan index looked up in the display order (plan order if none computed yet).
    fn take_scroll_pos(&mut self) -> Option<usize> {
        let row = self.scroll_to.take()?;
        Some(self.order.iter().position(|r| *r == row).unwrap_or(row))
    }
}

fn refresh_order(app: &mut App) {
    let key = (app.doc.generation, app.grid.sort, app.doc.plan.items.len());
    if app.grid.order_key == Some(key) {
        return;
    }
    let plan = &app.doc.plan;
    let mut order: Vec<usize> = (0..plan.items.len()).collect();
    if let Some((col, asc)) = app.grid.sort {
        let keys: Vec<cells::SortKey> = plan
            .items
            .iter()
            .enumerate()
            .map(|(i, it)| cells::sort_key(plan, it, col, app.doc.priced.item(i)))
            .collect();
        order.sort_by(|a, b| {
            let o = keys[*a].compare(&keys[*b]);
            if asc { o } else { o.reverse() }
        });
    }
    app.grid.order = order;
    app.grid.order_key = Some(key);
}

/// Open the editor on a cell: with `initial` typed text (replacing the cell's text), or the
/// cell's own text (F2, double-click). The editor's field gets the keyboard at once, so
/// characters of the next frames reach it.
pub(crate) fn start_edit(
    app: &mut App,
    ctx: &egui::Context,
    row: usize,
    col: Col,
    initial: Option<String>,
) {
    let Some(item) = app.doc.plan.items.get(row) else {
        return;
    };
    if !cells::editable(item, col) {
        return;
    }
    let original = cells::edit_text(&app.doc.plan, item, col);
    let choices = if col.has_choices() {
        cells::choices(app.catalog, &app.doc.plan, item, col)
    } else {
        Vec::new()
    };
    let highlighted = choices
        .iter()
        .position(|c| c.value == original)
        .unwrap_or(0);
    let typed = initial.is_some();
    let text = initial.unwrap_or_else(|| original.clone());
    app.grid.editing = Some(Editing {
        row,
        col,
        text,
        original,
        choices,
        highlighted,
        focus_requested: false,
        typed,
    });
    ctx.memory_mut(|m| m.request_focus(EDITOR_ID.with("")));
}

pub(crate) fn filtered(ed: &Editing) -> Vec<&Choice> {
    if ed.text == ed.original {
        ed.choices.iter().collect()
    } else {
        cells::filter(&ed.choices, &ed.text)
    }
}

/// The text to commit: for dropdowns, the highlighted match unless the text is an exact value.
pub(crate) fn commit_text(ed: &Editing) -> String {
    if ed.choices.is_empty() || ed.choices.iter().any(|c| c.value == ed.text) {
        return ed.text.clone();
    }
    filtered(ed)
        .get(ed.highlighted)
        .map(|c| c.value.clone())
        .unwrap_or_else(|| ed.text.clone())
}

/// Move the cursor by rows (in display order) and columns, clamped to the grid; `extend`
/// grows the row selection from its anchor.
pub(crate) fn move_cursor(app: &mut App, d_row: isize, d_col: isize, extend: bool) {
    let n = app.grid.order.len();
    if n == 0 {
        return;
    }
    let (row, col) = app.grid.cursor.unwrap_or((app.grid.order[0], Col::Name));
    let pos = app.grid.order.iter().position(|r| *r == row).unwrap_or(0) as isize;
    let new_pos = pos.saturating_add(d_row).clamp(0, n as isize - 1) as usize;
    let ci = (col.index() as isize)
        .saturating_add(d_col)
        .clamp(0, Col::ALL.len() as isize - 1) as usize;
    let new_row = app.grid.order[new_pos];
    app.grid.cursor = Some((new_row, Col::ALL[ci]));
    if extend {
        let anchor = app.grid.anchor.unwrap_or(row);
        let a = app
            .grid
            .order
            .iter()
            .position(|r| *r == anchor)
            .unwrap_or(new_pos);
        let (lo, hi) = if a <= new_pos {
            (a, new_pos)
        } else {
            (new_pos, a)
        };
        app.grid.selected = app.grid.order[lo..=hi].iter().copied().collect();
    } else {
        app.grid.selected.clear();
        app.grid.selected.insert(new_row);
        app.grid.anchor = Some(new_row);
    }
    app.grid.scroll_to = Some(new_row);
    app.grid.scroll_col = true;
}

fn column_width(col: Col) -> Column {
    let w = match col {
        Col::Name => 160.0,
        Col::Group => 72.0,
        Col::Service => 100.0,
        Col::Region => 95.0,
        Col::Kind => 100.0,
        Col::Quantity => 70.0,
        Col::Usage => 150.0,
        Col::Purchase => 190.0,
        Col::Monthly => 92.0,
        Col::Upfront => 86.0,
    };
    Column::initial(w).at_least(50.0).clip(true).resizable(true)
}

/// The grid's keys of this frame ([`crate::ui::grid_keys`]), handled before any panel is drawn
/// so no other widget takes Tab or the arrows for egui's focus navigation first.
pub fn keys(app: &mut App, ctx: &egui::Context) {
    refresh_order(app);
    crate::ui::grid_keys::before_draw(app, ctx);
}

/// Draw the grid (and the open cell editor) in the central panel.
pub fn ui(app: &mut App, ui: &mut egui::Ui) {
    let ctx = ui.ctx().clone();
    let s = app.strings();
    refresh_order(app);
    if app.doc.plan.items.is_empty() {
        ui.add_space(40.0);
        ui.vertical_centered(|ui| {
            ui.label(RichText::new(s.empty_plan).size(15.0).weak());
            ui.add_space(10.0);
            if ui
                .button(format!("＋ {} · Amazon EC2", s.add_item))
                .clicked()
            {
                app.send(Command::AddItem(crate::catalog::Service::Ec2));
            }
            if ui.button(format!("＋ {}", s.add_scaling_group)).clicked() {
                app.send(Command::AddScalingGroup);
            }
        });
        crate::ui::grid_keys::after_draw(app, &ctx);
        return;
    }
    // The Plan tab's own way to add an Auto Scaling group (the Edit menu and the Scaling tab
    // send the same command).
    ui.horizontal(|ui| {
        if ui
            .small_button(format!("＋ {}", s.add_scaling_group))
            .clicked()
        {
            app.send(Command::AddScalingGroup);
        }
    });

    let row_h = 24.0;
    // Rows in view below the header and the horizontal scroll bar (PageUp / PageDown).
    app.grid.page_rows = (((ui.available_height() - 28.0 - 16.0) / row_h).floor() as usize).max(1);
    let scroll_to = app.grid.take_scroll_pos();
    let scroll_col = app.grid.scroll_col;
    let mut cursor_rect: Option<egui::Rect> = None;
    let mut clicked: Option<(usize, Col, egui::Modifiers, bool)> = None;
    let mut header_clicked: Option<Col> = None;
    let mut editor_rect: Option<egui::Rect> = None;
    let weak = ui.visuals().weak_text_color();
    let error_color = ui.visuals().error_fg_color;
    let formula_color = if ui.visuals().dark_mode {
        egui::Color32::from_rgb(130, 180, 255)
    } else {
        egui::Color32::from_rgb(30, 90, 180)
    };
    let cursor_stroke = egui::Stroke::new(1.5, ui.visuals().selection.stroke.color);

    egui::ScrollArea::horizontal()
        .id_salt("grid-hscroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let mut table = TableBuilder::new(ui)
                .id_salt("plan-grid")
                .striped(true)
                .resizable(true)
                .sense(Sense::click())
                .cell_layout(Layout::left_to_right(Align::Center))
                .min_scrolled_height(0.0)
                .auto_shrink([false, false]);
            for col in Col::ALL {
                table = table.column(column_width(col));
            }
            if let Some(pos) = scroll_to {
                table = table.scroll_to_row(pos, None);
            }
            let sort = app.grid.sort;
            table
                .header(28.0, |mut header| {
                    for col in Col::ALL {
                        header.col(|ui| {
                            let arrow = match sort {
                                Some((c, true)) if c == col => " ▲",
                                Some((c, false)) if c == col => " ▼",
                                _ => "",
                            };
                            let text = RichText::new(format!("{}{arrow}", col.title(s))).strong();
                            let layout = if col.numeric() {
                                Layout::right_to_left(Align::Center)
                            } else {
                                Layout::left_to_right(Align::Center)
                            };
                            ui.with_layout(layout, |ui| {
                                if ui
                                    .add(egui::Button::new(text).frame(false))
                                    .on_hover_text(s.sort_hint)
                                    .clicked()
                                {
                                    header_clicked = Some(col);
                                }
                            });
                        });
                    }
                })
                .body(|body| {
                    let app_ref: &App = app;
                    body.rows(row_h, app_ref.grid.order.len(), |mut row| {
                        let r = app_ref.grid.order[row.index()];
                        let item = &app_ref.doc.plan.items[r];
                        let cost = app_ref.doc.priced.item(r);
                        let item_error = app_ref.doc.priced.item_errors.get(&item.id);
                        row.set_selected(app_ref.grid.selected.contains(&r));
                        for col in Col::ALL {
                            let editing_here = app_ref
                                .grid
                                .editing
                                .as_ref()
                                .is_some_and(|e| e.row == r && e.col == col);
                            let (rect, resp) = row.col(|ui| {
                                if editing_here {
                                    return;
                                }
                                let key = format!("{col:?}");
                                let rejected = app_ref.rejected_for(&item.id, &key);
                                let (text, color, tip) = if col == Col::Monthly && cost.is_none() {
                                    (
                                        s.not_priced.to_string(),
                                        Some(error_color),
                                        item_error.cloned(),
                                    )
                                } else if col == Col::Quantity
                                    && cells::quantity_field(&item.resource)
                                        .1
                                        .is_some_and(|n| n.is_formula())
                                {
                                    let t = cells::display_text(
                                        &app_ref.doc.plan,
                                        item,
                                        col,
                                        cost,
                                        app_ref.doc.priced.params.as_ref(),
                                    );
                                    let formula = cells::edit_text(&app_ref.doc.plan, item, col);
                                    (t, Some(formula_color), Some(formula))
                                } else {
                                    let t = cells::display_text(
                                        &app_ref.doc.plan,
                                        item,
                                        col,
                                        cost,
                                        app_ref.doc.priced.params.as_ref(),
                                    );
                                    let c = if !cells::editable(item, col) && !col.numeric() {
                                        Some(weak)
                                    } else {
                                        None
                                    };
                                    (t, c, None)
                                };
                                if rejected.is_some() {
                                    ui.painter().rect_filled(
                                        ui.max_rect(),
                                        2.0,
                                        error_color.gamma_multiply(0.18),
                                    );
                                }
                                let mut rt = RichText::new(text);
                                if let Some(c) = color {
                                    rt = rt.color(c);
                                }
                                if col == Col::Monthly {
                                    rt = rt.strong();
                                }
                                let label = egui::Label::new(rt).selectable(false).truncate();
                                // The cell shows the value the plan has (and prices); a rejected
                                // entry is shown beside it, in red, with its reason on hover.
                                let badge = rejected.map(|rj| {
                                    egui::Label::new(
                                        RichText::new(format!("! {}", rj.text))
                                            .color(error_color)
                                            .small(),
                                    )
                                    .selectable(false)
                                    .truncate()
                                });
                                let tip = match rejected {
                                    Some(rj) => Some(format!(
                                        "{} “{}”: {}\n{}",
                                        s.edit_rejected, rj.text, rj.reason, s.rejected_keeps
                                    )),
                                    None => tip,
                                };
                                let (resp, badge_resp) = if col.numeric() {
                                    ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                                        (ui.add(label), badge.map(|b| ui.add(b)))
                                    })
                                    .inner
                                } else {
                                    (ui.add(label), badge.map(|b| ui.add(b)))
                                };
                                if let Some(t) = tip {
                                    if let Some(b) = badge_resp {
                                        b.on_hover_text(&t);
                                    }
                                    resp.on_hover_text(t);
                                }
                            });
                            if editing_here {
                                editor_rect = Some(rect);
                            }
                            if scroll_col && app_ref.grid.cursor == Some((r, col)) {
                                cursor_rect = Some(rect);
                            }
                            if app_ref.grid.cursor == Some((r, col)) && !editing_here {
                                row.response()
                                    .ctx
                                    .layer_painter(egui::LayerId::new(
                                        egui::Order::Middle,
                                        Id::unique("grid-cursor"),
                                    ))
                                    .rect_stroke(
                                        rect.shrink(1.0),
                                        2.0,
                                        cursor_stroke,
                                        egui::StrokeKind::Inside,
                                    );
                            }
                            if resp.double_clicked() {
                                clicked = Some((r, col, resp.ctx.input(|i| i.modifiers), true));
                            } else if resp.clicked() {
                                clicked = Some((r, col, resp.ctx.input(|i| i.modifiers), false));
                            }
                        }
                    });
                });
            // The table's own (vertical) scroll area takes every scroll target drawn inside
            // it; the cursor's column is brought into view here, by this horizontal area.
            if let Some(rect) = cursor_rect {
                ui.scroll_to_rect(rect, None);
            }
        });

    if let Some(col) = header_clicked {
        app.grid.sort = match app.grid.sort {
            Some((c, true)) if c == col => Some((col, false)),
            Some((c, false)) if c == col => None,
            _ => Some((col, true)),
        };
    }
    if let Some((r, col, mods, double)) = clicked {
        handle_click(app, &ctx, r, col, mods, double);
    }
    if cursor_rect.is_some() {
        app.grid.scroll_col = false;
    }
    if let Some(rect) = editor_rect {
        editor_ui(app, &ctx, rect);
    }
    crate::ui::grid_keys::after_draw(app, &ctx);
}

fn handle_click(
    app: &mut App,
    ctx: &egui::Context,
    r: usize,
    col: Col,
    mods: egui::Modifiers,
    double: bool,
) {
    if let Some(ed) = app.grid.editing.take() {
        // Clicking elsewhere commits the open editor, as spreadsheets do.
        let text = commit_text(&ed);
        if text != ed.original && !(ed.row == r && ed.col == col) {
            app.send(Command::SetCell {
                row: ed.row,
                col: ed.col,
                text,
            });
        }
    }
    if mods.command {
        if !app.grid.selected.remove(&r) {
            app.grid.selected.insert(r);
        }
        app.grid.cursor = Some((r, col));
        app.grid.anchor = Some(r);
    } else if mods.shift {
        let anchor = app.grid.anchor.unwrap_or(r);
        let a = app
            .grid
            .order
            .iter()
            .position(|x| *x == anchor)
            .unwrap_or(0);
        let b = app.grid.order.iter().position(|x| *x == r).unwrap_or(0);
        let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
        app.grid.selected = app.grid.order[lo..=hi].iter().copied().collect();
        app.grid.cursor = Some((r, col));
    } else {
        app.grid.cursor = Some((r, col));
        app.grid.selected.clear();
        app.grid.selected.insert(r);
        app.grid.anchor = Some(r);
    }
    if double {
        start_edit(app, ctx, r, col, None);
    }
}

fn editor_ui(app: &mut App, ctx: &egui::Context, rect: egui::Rect) {
    let s = app.strings();
    let Some(ed) = app.grid.editing.as_mut() else {
        return;
    };
    let id = EDITOR_ID.with("");
    let mut pick: Option<String> = None;
    egui::Area::new(Id::unique("grid-editor-area"))
        .fixed_pos(rect.left_top())
        .order(egui::Order::Foreground)
        .show(ctx, |ui| {
            ui.set_width(rect.width().max(160.0));
            let hint = if ed.choices.is_empty() {
                ed.col.title(s)
            } else {
                s.filter_hint
            };
            let before = ed.text.clone();
            let resp = ui.add(
                egui::TextEdit::singleline(&mut ed.text)
                    .id(id)
                    // Tab, arrows and Esc stay with the grid (they commit, steer or cancel)
                    // instead of moving egui's focus to another widget.
                    .event_filter(egui::EventFilter {
                        tab: true,
                        horizontal_arrows: true,
                        vertical_arrows: true,
                        escape: true,
                    })
                    .hint_text(hint)
                    .desired_width(rect.width().max(160.0)),
            );
            if !ed.focus_requested {
                resp.request_focus();
                ed.focus_requested = true;
            }
            if ed.text != before {
                ed.highlighted = 0;
            }
            if !ed.choices.is_empty() {
                let list = filtered(ed);
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.set_min_width(rect.width().max(260.0));
                    egui::ScrollArea::vertical()
                        .max_height(260.0)
                        .show(ui, |ui| {
                            if list.is_empty() {
                                ui.label(RichText::new("—").weak());
                            }
                            for (i, c) in list.iter().enumerate() {
                                let r = ui.selectable_label(i == ed.highlighted, &c.label);
                                if i == ed.highlighted {
                                    r.scroll_to_me(None);
                                }
                                if r.clicked() {
                                    pick = Some(c.value.clone());
                                }
                            }
                        });
                });
            }
        });
    if let Some(value) = pick {
        let ed = app.grid.editing.take().expect("editor is open");
        if value != ed.original {
            app.send(Command::SetCell {
                row: ed.row,
                col: ed.col,
                text: value,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn select_only_scrolls_to_the_rows_display_position_in_a_sorted_grid() {
        // Sorted: plan rows 2, 0, 1 are shown at display positions 0, 1, 2.
        let mut g = GridState {
            sort: Some((Col::Name, true)),
            order: vec![2, 0, 1],
            ..GridState::default()
        };
        g.select_only(2, Col::Name);
        assert_eq!(
            g.cursor,
            Some((2, Col::Name)),
            "the cursor holds the plan index"
        );
        assert_eq!(g.take_scroll_pos(), Some(0), "plan row 2 is shown first");
        assert_eq!(g.take_scroll_pos(), None, "scrolls once");
        g.select_only(0, Col::Name);
        assert_eq!(g.take_scroll_pos(), Some(1));
    }
}
