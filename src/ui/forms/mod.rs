//! Forms: one typed form per resource kind for the Details panel ([`resource`]), the purchase
//! option and usage pattern forms ([`purchase`]), and the widgets they share ([`Form`]).
//!
//! A form edits a *copy* of the item; when a field is committed (focus leaves a text
//! field, a drop-down or box changes) the form yields one [`Command::SetItem`] with the
//! edited copy, which the app checks and applies as one undoable step. Text that cannot be read
//! (`3 ms` in a size field) yields a [`Command::RejectField`] instead: the field goes back to the
//! plan's value and the reason shows beside it. Quantities are read by
//! [`crate::plan::Num::parse_in`] in the field's [`Unit`], so `1 TB`, `500 GiB` and `3M` work.

pub mod purchase;
pub mod resource;
pub mod scaling;
pub mod text;

use crate::plan::Num;
use crate::ui::app::Rejected;
use crate::ui::commands::Command;
use crate::ui::i18n::Lang;
pub use crate::units::quantity::Unit;
use egui::RichText;
use std::collections::HashMap;

/// Edit buffers of a form's text fields, valid for one (plan generation, row).
#[derive(Debug, Default)]
pub struct FormState {
    key: Option<(u64, usize)>,
    /// Field path → the text being typed.
    pub buffers: HashMap<String, String>,
}

impl FormState {
    /// Forget the buffers unless they belong to `key` (the plan changed, or another row).
    pub fn sync(&mut self, key: (u64, usize)) {
        if self.key != Some(key) {
            self.key = Some(key);
            self.buffers.clear();
        }
    }
}

/// One form being drawn: where its buffers and rejections are, and what it yields.
pub struct Form<'a> {
    /// The plan row edited.
    pub row: usize,
    /// The item's id (rejections are keyed by it).
    pub id: String,
    /// The resource kind as written in JSON (`ec2`), for field texts.
    pub kind: &'static str,
    /// Language of labels and help.
    pub lang: Lang,
    buffers: &'a mut HashMap<String, String>,
    rejected: &'a HashMap<(String, String), Rejected>,
    /// The field last committed, if any (its edited value is in the caller's copy).
    pub changed: Option<String>,
    /// A refused text: (field, text, reason).
    pub refused: Option<(String, String, String)>,
    /// What the next count field counts (`requests`), shown as its unit; taken by that field.
    pub noun: Option<&'static str>,
    /// Prefix of the field paths of the rows drawn now (`policies[1].`): buffers, rejections
    /// and the committed field use the full path; labels and help use the key alone.
    pub scope: String,
}

impl<'a> Form<'a> {
    /// A form for plan row `row` (item `id`, resource kind `kind`).
    pub fn new(
        row: usize,
        id: &str,
        kind: &'static str,
        lang: Lang,
        state: &'a mut FormState,
        rejected: &'a HashMap<(String, String), Rejected>,
    ) -> Form<'a> {
        Form {
            row,
            id: id.to_string(),
            kind,
            lang,
            buffers: &mut state.buffers,
            rejected,
            changed: None,
            refused: None,
            scope: String::new(),
            noun: None,
        }
    }

    /// The command the form yields for the edited item copy, if anything was committed.
    pub fn command(self, item: crate::plan::Item) -> Option<Command> {
        if let Some((field, text, reason)) = self.refused {
            return Some(Command::RejectField {
                target: self.id,
                field,
                text,
                reason,
            });
        }
        self.changed.map(|field| Command::SetItem {
            row: self.row,
            field,
            item: Box::new(item),
        })
    }

    /// The label cell of `key`, help on hover; returns the label's response for `labelled_by`.
    fn label(&self, ui: &mut egui::Ui, key: &str) -> egui::Response {
        let (label, help) = text::field(self.lang, self.kind, key);
        let label = if label.is_empty() { key } else { label };
        ui.add_space(4.0);
        let r = ui.add(egui::Label::new(RichText::new(label).strong()).wrap());
        if help.is_empty() {
            r
        } else {
            r.on_hover_text(help)
        }
    }

    /// Under an input: its one-line help, and the rejection of the last text typed (if any).
    fn after(&self, ui: &mut egui::Ui, key: &str) {
        let (_, help) = text::field(self.lang, self.kind, key);
        if let Some(r) = self
            .rejected
            .get(&(self.id.clone(), format!("{}{key}", self.scope)))
        {
            let w = text::words(self.lang);
            let shown = if r.text.is_empty() {
                format!("{}: {}", w.rejected, r.reason)
            } else {
                format!("{}: “{}” — {}", w.rejected, r.text, r.reason)
            };
            ui.label(
                RichText::new(shown)
                    .small()
                    .color(ui.visuals().error_fg_color),
            );
        }
        if !help.is_empty() {
            ui.label(RichText::new(help).small().weak());
        }
    }

    /// A text input bound to `current`; returns the typed text when it is committed changed.
    fn text_input(
        &mut self,
        ui: &mut egui::Ui,
        key: &str,
        current: &str,
        label: egui::Id,
    ) -> Option<String> {
        let buf = self
            .buffers
            .entry(format!("{}{key}", self.scope))
            .or_insert_with(|| current.to_string());
        let r = ui
            .add(
                egui::TextEdit::singleline(buf)
                    .desired_width((ui.available_width() - 60.0).clamp(80.0, 260.0)),
            )
            .labelled_by(label);
        let enter =
            r.lost_focus() || (r.has_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)));
        (enter && buf.trim() != current.trim()).then(|| buf.clone())
    }

    /// Name what the next count field counts (`requests`, `instances`): shown as its unit.
    pub fn counts(&mut self, noun: &'static str) -> &mut Self {
        self.noun = Some(noun);
        self
    }

    /// The unit shown beside a field in `unit` (a count shows what it counts).
    fn shown(&mut self, unit: Unit) -> &'static str {
        match (unit, self.noun.take()) {
            (Unit::Count, Some(noun)) => noun,
            _ => unit.symbol(),
        }
    }

    /// A required number (or formula) in `unit`.
    pub fn num(&mut self, ui: &mut egui::Ui, key: &str, v: &mut Num, unit: Unit) {
        let mut o = Some(v.clone());
        self.number_field(ui, key, &mut o, unit, false);
        if let Some(n) = o {
            *v = n;
        }
    }

    /// The field behind [`Self::num`] and [`Self::opt_num`]: a number (or formula) in `unit`;
    /// an empty text clears it when `optional`, else it is parsed (and refused) like any text.
    fn number_field(
        &mut self,
        ui: &mut egui::Ui,
        key: &str,
        v: &mut Option<Num>,
        unit: Unit,
        optional: bool,
    ) {
        let shown = self.shown(unit);
        let l = self.label(ui, key);
        let current = v.as_ref().map(Num::to_text).unwrap_or_default();
        ui.horizontal(|ui| {
            if let Some(t) = self.text_input(ui, key, &current, l.id) {
                if optional && t.trim().is_empty() {
                    *v = None;
                    self.commit(key);
                } else {
                    match Num::parse_in(&t, unit) {
                        Ok(n) => {
                            *v = Some(n);
                            self.commit(key);
                        }
                        Err(reason) => self.refuse(key, t, reason),
                    }
                }
            }
            ui.label(RichText::new(shown).weak());
        });
        self.after(ui, key);
    }

    /// A whole number from `min` to `max` (counts of instances, months, seconds).
    pub fn whole(
        &mut self,
        ui: &mut egui::Ui,
        key: &str,
        v: &mut u32,
        min: u32,
        max: u32,
        unit: &str,
    ) {
        let l = self.label(ui, key);
        let current = v.to_string();
        ui.horizontal(|ui| {
            if let Some(t) = self.text_input(ui, key, &current, l.id) {
                let plain = t.trim().replace([',', '_'], "");
                match plain.parse::<u32>() {
                    Ok(n) if (min..=max).contains(&n) => {
                        *v = n;
                        self.commit(key);
                    }
                    Ok(n) => self.refuse(key, t, format!("must be {min} to {max} (got {n})")),
                    Err(_) => self.refuse(
                        key,
                        t.clone(),
                        format!("`{}` is not a whole number from {min} to {max}", t.trim()),
                    ),
                }
            }
            ui.label(RichText::new(unit).weak());
        });
        self.after(ui, key);
    }

    /// A real number (not a formula) from `min` to `max`, in `unit`.
    pub fn real(
        &mut self,
        ui: &mut egui::Ui,
        key: &str,
        v: &mut f64,
        min: f64,
        max: f64,
        unit: &str,
    ) {
        let mut o = Some(*v);
        self.opt_real_inner(ui, key, &mut o, min, max, unit, false);
        if let Some(x) = o {
            *v = x;
        }
    }

    /// An optional real number: an empty field leaves it out.
    pub fn opt_real(
        &mut self,
        ui: &mut egui::Ui,
        key: &str,
        v: &mut Option<f64>,
        min: f64,
        max: f64,
        unit: &str,
    ) {
        self.opt_real_inner(ui, key, v, min, max, unit, true);
    }

    #[allow(clippy::too_many_arguments)]
    fn opt_real_inner(
        &mut self,
        ui: &mut egui::Ui,
        key: &str,
        v: &mut Option<f64>,
        min: f64,
        max: f64,
        unit: &str,
        optional: bool,
    ) {
        let l = self.label(ui, key);
        let current = v.map(crate::plan::format_number).unwrap_or_default();
        ui.horizontal(|ui| {
            if let Some(t) = self.text_input(ui, key, &current, l.id) {
                let plain = t
                    .trim()
                    .trim_end_matches('%')
                    .trim()
                    .replace([',', '_'], "");
                if plain.is_empty() && optional {
                    *v = None;
                    self.commit(key);
                } else {
                    match plain.parse::<f64>() {
                        Ok(n) if n.is_finite() && (min..=max).contains(&n) => {
                            *v = Some(n);
                            self.commit(key);
                        }
                        Ok(n) => self.refuse(key, t, format!("must be {min} to {max} (got {n})")),
                        Err(_) => {
                            self.refuse(key, t.clone(), format!("`{}` is not a number", t.trim()))
                        }
                    }
                }
            }
            ui.label(RichText::new(unit).weak());
        });
        self.after(ui, key);
    }

    /// An optional whole number: an empty field leaves it out.
    pub fn opt_whole(
        &mut self,
        ui: &mut egui::Ui,
        key: &str,
        v: &mut Option<u32>,
        min: u32,
        max: u32,
        unit: &str,
    ) {
        let mut x = v.map(f64::from);
        self.opt_real_inner(ui, key, &mut x, f64::from(min), f64::from(max), unit, true);
        let new = x.map(|x| x as u32);
        if x.is_some_and(|x| x.fract() != 0.0) {
            self.refuse(
                key,
                format!("{}", x.unwrap_or(0.0)),
                "must be a whole number".into(),
            );
        } else if new != *v {
            *v = new;
        }
    }

    /// The edit the form yields when it edits something other than an item: the field
    /// committed, or the refusal to show.
    pub fn outcome(self) -> Outcome {
        match (self.refused, self.changed) {
            (Some((field, text, reason)), _) => Outcome::Refused(Command::RejectField {
                target: self.id,
                field,
                text,
                reason,
            }),
            (None, Some(field)) => Outcome::Changed(field),
            (None, None) => Outcome::Nothing,
        }
    }

    /// An optional number (or formula) in `unit`: an empty field leaves it out.
    pub fn opt_num(&mut self, ui: &mut egui::Ui, key: &str, v: &mut Option<Num>, unit: Unit) {
        self.number_field(ui, key, v, unit, true);
    }

    /// A one-line text field (`check` says why a text is refused, if it is).
    pub fn text(
        &mut self,
        ui: &mut egui::Ui,
        key: &str,
        v: &mut String,
        check: impl Fn(&str) -> Result<String, String>,
    ) {
        let l = self.label(ui, key);
        let current = v.clone();
        ui.vertical(|ui| {
            if let Some(t) = self.text_input(ui, key, &current, l.id) {
                match check(&t) {
                    Ok(t) => {
                        *v = t;
                        self.commit(key);
                    }
                    Err(reason) => self.refuse(key, t, reason),
                }
            }
            self.after(ui, key);
        });
    }

    /// A one-line text field with the `options` containing what was typed offered in a list
    /// beside it (instance types of the catalogue …).
    pub fn text_with_options(
        &mut self,
        ui: &mut egui::Ui,
        key: &str,
        v: &mut String,
        options: &[String],
        check: impl Fn(&str) -> Result<String, String>,
    ) {
        let l = self.label(ui, key);
        let current = v.clone();
        ui.vertical(|ui| {
            ui.horizontal(|ui| {
                let mut typed = self.text_input(ui, key, &current, l.id);
                let needle = self
                    .buffers
                    .get(&format!("{}{key}", self.scope))
                    .map(|b| b.trim().to_ascii_lowercase())
                    .unwrap_or_default();
                egui::ComboBox::from_id_salt((
                    "form-options",
                    self.row,
                    format!("{}{key}", self.scope),
                ))
                .selected_text("…")
                .width(30.0)
                .height(300.0)
                .show_ui(ui, |ui| {
                    let matching = options
                        .iter()
                        .filter(|o| needle.is_empty() || o.to_ascii_lowercase().contains(&needle));
                    for o in matching.take(200) {
                        if ui.selectable_label(*o == current, o).clicked() {
                            typed = Some(o.clone());
                        }
                    }
                })
                .response
                .labelled_by(l.id);
                if let Some(t) = typed.filter(|t| t.trim() != current) {
                    self.buffers
                        .insert(format!("{}{key}", self.scope), t.clone());
                    match check(&t) {
                        Ok(t) => {
                            *v = t;
                            self.commit(key);
                        }
                        Err(reason) => self.refuse(key, t, reason),
                    }
                }
            });
            self.after(ui, key);
        });
    }

    /// A drop-down over `options` (value, human label).
    pub fn choice<T: PartialEq + Clone>(
        &mut self,
        ui: &mut egui::Ui,
        key: &str,
        v: &mut T,
        options: &[(T, String)],
    ) {
        let l = self.label(ui, key);
        ui.vertical(|ui| {
            let selected = options
                .iter()
                .find(|(o, _)| o == v)
                .map(|(_, s)| s.clone())
                .unwrap_or_default();
            let mut pick = v.clone();
            egui::ComboBox::from_id_salt(("form", self.row, format!("{}{key}", self.scope)))
                .selected_text(selected)
                .width(220.0)
                .height(560.0)
                .show_ui(ui, |ui| {
                    for (o, s) in options {
                        ui.selectable_value(&mut pick, o.clone(), s);
                    }
                })
                .response
                .labelled_by(l.id);
            if pick != *v {
                *v = pick;
                self.commit(key);
            }
            self.after(ui, key);
        });
    }

    /// A yes/no box.
    pub fn check(&mut self, ui: &mut egui::Ui, key: &str, v: &mut bool) {
        let l = self.label(ui, key);
        ui.vertical(|ui| {
            let mut b = *v;
            ui.checkbox(&mut b, text::words(self.lang).yes)
                .labelled_by(l.id);
            if b != *v {
                *v = b;
                self.commit(key);
            }
            self.after(ui, key);
        });
    }

    /// Refuse `text` typed into `key`: the buffer goes back to the plan's value.
    pub fn refuse(&mut self, key: &str, text: String, reason: String) {
        let full = format!("{}{key}", self.scope);
        self.buffers.remove(&full);
        self.refused = Some((full, text, reason));
    }

    /// Mark field `key` (in the current scope) committed.
    pub fn commit(&mut self, key: &str) {
        self.changed = Some(format!("{}{key}", self.scope));
    }
}

/// The text a field received this frame is its own: once a text field had the keyboard this
/// frame (it may have just lost it to the Enter that ends the typing), its text and Enter
/// events are removed so the grid drawn later in the frame does not also take them as "type
/// to edit" (which renamed the selected row after `1 TB⏎` typed fast into a form).
pub fn claim_keys(ui: &egui::Ui, r: &egui::Response) {
    if r.has_focus() || r.lost_focus() {
        ui.input_mut(|i| {
            i.events.retain(|e| {
                !matches!(
                    e,
                    egui::Event::Text(_)
                        | egui::Event::Key {
                            key: egui::Key::Enter | egui::Key::Tab,
                            ..
                        }
                )
            })
        });
    }
}

/// What a form drawn over something other than an item yielded.
pub enum Outcome {
    /// Nothing committed this frame.
    Nothing,
    /// This field was committed with a new value (in the caller's copy).
    Changed(String),
    /// A text was refused: send this command.
    Refused(Command),
}

/// The layout every form uses: one field under the other — its label, the input with its
/// unit, the help — which fits the narrow Details panel and a wide window alike.
pub fn grid(
    ui: &mut egui::Ui,
    id: impl std::hash::Hash + std::fmt::Debug,
    body: impl FnOnce(&mut egui::Ui),
) {
    ui.push_id(id, |ui| {
        ui.spacing_mut().item_spacing.y = 2.0;
        body(ui)
    });
}
