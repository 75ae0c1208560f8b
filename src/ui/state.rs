//! The open document: the plan, its file, dirty flag, undo/redo history and the priced
//! estimate (recomputed only when the plan changes, tracked by a generation counter).
//!
//! No egui here: the state can be driven and checked without a UI.

use crate::catalog::Catalog;
use crate::cost::{self, CostError, Estimate, SimCache};
use crate::plan::{Item, Plan};
use std::collections::HashMap;
use std::path::PathBuf;

/// Undo history is capped at this many steps.
const UNDO_LIMIT: usize = 200;

/// One step of history, kept small: what turns the plan back into the other version — the
/// plan's fields besides its items (name, settings, parameters, groups, growth) and only the run
/// of items that differs between the two versions. An edit of one cell of a 10,000-item plan
/// keeps one item, not a copy of the plan (copies of every version kept the allocator zeroing
/// fresh memory on every edit: most of an edit's time in a large plan).
#[derive(Debug, Clone)]
struct Change {
    /// The other version's plan without its items (`items` empty).
    header: Plan,
    /// Index of the first item that differs.
    start: usize,
    /// How many items of the version this change applies to the run spans.
    span: usize,
    /// The other version's items in the run.
    items: Vec<Item>,
}

impl Change {
    /// What turns `to` back into `from` (which it takes apart: its items beside the run are
    /// dropped, the rest becomes the change).
    fn between(mut from: Plan, to: &Plan) -> Change {
        let mut a = std::mem::take(&mut from.items);
        let b = &to.items;
        let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
        let room = a.len().min(b.len()) - prefix;
        let suffix = a
            .iter()
            .rev()
            .zip(b.iter().rev())
            .take(room)
            .take_while(|(x, y)| x == y)
            .count();
        a.truncate(a.len() - suffix);
        a.drain(..prefix);
        Change {
            header: from,
            start: prefix,
            span: b.len() - prefix - suffix,
            items: a,
        }
    }

    /// Turn `plan` into the other version; returns the change that turns it back.
    fn apply(self, plan: &mut Plan) -> Change {
        let span = self.items.len();
        let items: Vec<Item> = plan
            .items
            .splice(self.start..self.start + self.span, self.items)
            .collect();
        let all = std::mem::take(&mut plan.items);
        let header = std::mem::replace(plan, self.header);
        plan.items = all;
        Change {
            header,
            start: self.start,
            span,
            items,
        }
    }
}

/// The estimate of the current plan and what stopped any item from being priced.
#[derive(Debug, Clone, Default)]
pub struct Priced {
    /// The estimate of every item that could be priced (items with errors are left out).
    pub estimate: Option<Estimate>,
    /// For each plan item (by index), its position in `estimate.items`.
    pub cost_of: Vec<Option<usize>>,
    /// Problems by item id (first message per item).
    pub item_errors: HashMap<String, String>,
    /// Every problem, as a person reads it.
    pub messages: Vec<String>,
    /// The plan's parameter values (for showing formula results), when they resolve.
    pub params: Option<crate::plan::formula::Evaluator>,
}

impl Priced {
    /// Price `plan`, remembering the Auto Scaling groups' simulations in `sims`.
    pub fn compute(plan: &Plan, catalog: &Catalog, sims: &SimCache) -> Priced {
        let mut priced = Priced::compute_estimate(plan, catalog, sims);
        priced.params = crate::plan::formula::Evaluator::new(plan).ok();
        priced
    }

    fn compute_estimate(plan: &Plan, catalog: &Catalog, sims: &SimCache) -> Priced {
        match cost::estimate_with(plan, catalog, sims) {
            Ok(e) => Priced::from_estimate(plan, e, HashMap::new(), Vec::new()),
            Err(first) => {
                let mut errors = cost::validate_with(plan, catalog, sims);
                if errors.is_empty() {
                    errors.push(first);
                }
                let mut item_errors = HashMap::new();
                let mut plan_wide = false;
                for e in &errors {
                    match e {
                        CostError::Field { item, .. } | CostError::MissingPrice { item, .. } => {
                            item_errors
                                .entry(item.clone())
                                .or_insert_with(|| e.to_string());
                        }
                        _ => plan_wide = true,
                    }
                }
                let messages = errors.iter().map(|e| e.to_string()).collect();
                if plan_wide {
                    return Priced {
                        estimate: None,
                        cost_of: vec![None; plan.items.len()],
                        item_errors,
                        messages,
                        params: None,
                    };
                }
                // Price what can be priced: the plan without its broken items.
                let mut rest = plan.clone();
                rest.items.retain(|i| !item_errors.contains_key(&i.id));
                match cost::estimate_with(&rest, catalog, sims) {
                    Ok(e) => Priced::from_estimate(plan, e, item_errors, messages),
                    Err(e) => {
                        let mut messages: Vec<String> = messages;
                        messages.push(e.to_string());
                        Priced {
                            estimate: None,
                            cost_of: vec![None; plan.items.len()],
                            item_errors,
                            messages,
                            params: None,
                        }
                    }
                }
            }
        }
    }

    fn from_estimate(
        plan: &Plan,
        e: Estimate,
        item_errors: HashMap<String, String>,
        messages: Vec<String>,
    ) -> Priced {
        let by_id: HashMap<&str, usize> = e
            .items
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.as_str(), i))
            .collect();
        let cost_of = plan
            .items
            .iter()
            .map(|i| by_id.get(i.id.as_str()).copied())
            .collect();
        Priced {
            estimate: Some(e),
            cost_of,
            item_errors,
            messages,
            params: None,
        }
    }

    /// The priced cost of plan item `index`.
    pub fn item(&self, index: usize) -> Option<&crate::cost::ItemCost> {
        let e = self.estimate.as_ref()?;
        self.cost_of
            .get(index)
            .copied()
            .flatten()
            .map(|i| &e.items[i])
    }
}

/// The open plan and everything about it that is not UI.
pub struct Document {
    /// The plan being edited.
    pub plan: Plan,
    /// The file it was opened from or last saved to (`None`: never saved).
    pub path: Option<PathBuf>,
    /// Changed since it was opened or saved (the title shows ●; closing asks first).
    pub dirty: bool,
    /// Bumped on every change of `plan`; caches compare against it.
    pub generation: u64,
    /// The estimate of the current plan and its problems, recomputed on every change.
    pub priced: Priced,
    /// The Auto Scaling groups' simulations of this document, remembered across edits (an
    /// edit elsewhere in the plan does not simulate an unchanged group again).
    pub sims: SimCache,
    undo: Vec<Change>,
    redo: Vec<Change>,
}

impl Document {
    /// A clean document for `plan` (from `path`, if any), priced with `catalog`.
    pub fn new(plan: Plan, path: Option<PathBuf>, catalog: &Catalog) -> Document {
        let sims = SimCache::new();
        let priced = Priced::compute(&plan, catalog, &sims);
        Document {
            plan,
            path,
            dirty: false,
            generation: 1,
            priced,
            sims,
            undo: Vec::new(),
            redo: Vec::new(),
        }
    }

    /// Replace the whole document (New, Open, Recover); history is cleared.
    pub fn replace(&mut self, plan: Plan, path: Option<PathBuf>, catalog: &Catalog) {
        let generation = self.generation + 1;
        *self = Document::new(plan, path, catalog);
        self.generation = generation;
    }

    /// Apply an edit as one undoable step and reprice.
    pub fn edit(&mut self, catalog: &Catalog, f: impl FnOnce(&mut Plan)) {
        let before = self.plan.clone();
        f(&mut self.plan);
        if self.plan == before {
            return;
        }
        self.undo.push(Change::between(before, &self.plan));
        if self.undo.len() > UNDO_LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
        self.changed(catalog);
    }

    /// Commit an already-edited plan (checked by the caller) as one undoable step.
    pub fn commit(&mut self, catalog: &Catalog, plan: Plan) {
        self.edit(catalog, |p| *p = plan);
    }

    /// Price the plan again with another catalogue (the plan itself is unchanged).
    pub fn reprice(&mut self, catalog: &Catalog) {
        self.generation += 1;
        self.priced = Priced::compute(&self.plan, catalog, &self.sims);
    }

    fn changed(&mut self, catalog: &Catalog) {
        self.dirty = true;
        self.generation += 1;
        self.priced = Priced::compute(&self.plan, catalog, &self.sims);
    }

    /// Whether there is an edit to undo (enables Edit ▸ Undo).
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }
    /// Whether there is an undone edit to redo (enables Edit ▸ Redo).
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Go back one edit and reprice; false when there is nothing to undo.
    pub fn undo(&mut self, catalog: &Catalog) -> bool {
        let Some(change) = self.undo.pop() else {
            return false;
        };
        let back = change.apply(&mut self.plan);
        self.redo.push(back);
        self.changed(catalog);
        true
    }

    /// Redo the last undone edit and reprice; false when there is nothing to redo.
    pub fn redo(&mut self, catalog: &Catalog) -> bool {
        let Some(change) = self.redo.pop() else {
            return false;
        };
        let back = change.apply(&mut self.plan);
        self.undo.push(back);
        self.changed(catalog);
        true
    }

    /// Mark saved at `path`.
    pub fn saved(&mut self, path: PathBuf) {
        self.path = Some(path);
        self.dirty = false;
    }

    /// A fresh item id not used in the plan, starting from `base`.
    pub fn unique_id(plan: &Plan, base: &str) -> String {
        let base: String = base
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                    c.to_ascii_lowercase()
                } else {
                    '-'
                }
            })
            .collect();
        let base = if base.is_empty() || !base.starts_with(|c: char| c.is_ascii_alphabetic()) {
            format!("item-{base}")
        } else {
            base
        };
        if !plan.items.iter().any(|i| i.id == base) {
            return base;
        }
        (2..)
            .map(|n| format!("{base}-{n}"))
            .find(|id| !plan.items.iter().any(|i| &i.id == id))
            .unwrap_or(base)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::load::embedded;
    use crate::plan::file::{default_plan, samples};

    /// An edit of the plan, as the tests script them.
    type Edit = Box<dyn Fn(&mut Plan)>;

    /// Edits of every shape — one item changed, items inserted, deleted and moved, the
    /// settings changed, the whole plan replaced — undone step by step give back every earlier
    /// version exactly, and redone give back every later one.
    #[test]
    fn undo_and_redo_give_back_every_version() {
        let catalog = embedded();
        let mut doc = Document::new(default_plan(), None, catalog);
        let mut versions = vec![doc.plan.clone()];
        let other = crate::plan::file::sample(samples()[1].0).unwrap();
        let edits: Vec<Edit> = vec![
            Box::new(|p| p.items[1].name = "Renamed".into()),
            Box::new(|p| {
                let mut it = p.items[0].clone();
                it.id = "copy-of-first".into();
                p.items.insert(2, it);
            }),
            Box::new(|p| {
                p.items.remove(0);
            }),
            Box::new(|p| {
                let last = p.items.pop().unwrap();
                p.items.insert(0, last);
            }),
            Box::new(|p| {
                p.name = "Other name".into();
                p.free_tier = !p.free_tier;
            }),
            Box::new(|p| {
                let n = p.items.len();
                p.items[n - 1].tags.insert("team".into(), "x".into());
                p.items[0].name.push('!');
            }),
            Box::new(move |p| *p = other.clone()),
            Box::new(|p| p.items.clear()),
        ];
        for edit in &edits {
            doc.edit(catalog, |p| edit(p));
            versions.push(doc.plan.clone());
        }
        for v in versions.iter().rev().skip(1) {
            assert!(doc.undo(catalog));
            assert_eq!(&doc.plan, v);
        }
        assert!(!doc.undo(catalog));
        for v in versions.iter().skip(1) {
            assert!(doc.redo(catalog));
            assert_eq!(&doc.plan, v);
        }
        assert!(!doc.redo(catalog));
    }

    /// A step of history keeps the items that changed, not a copy of the plan.
    #[test]
    fn a_one_item_edit_keeps_one_item() {
        let mut plan = default_plan();
        let before = plan.clone();
        plan.items[2].name = "Changed".into();
        let change = Change::between(before.clone(), &plan);
        assert_eq!((change.start, change.span, change.items.len()), (2, 1, 1));
        assert_eq!(change.items[0], before.items[2]);
        let back = change.apply(&mut plan);
        assert_eq!(plan, before);
        assert_eq!(back.items[0].name, "Changed");
    }
}
