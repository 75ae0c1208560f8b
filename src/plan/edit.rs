//! Whole-plan edits that keep a plan consistent: renaming a parameter rewrites every formula
//! that uses it; a parameter still in use cannot be deleted (the message names the cells);
//! groups are added, renamed (items and nested groups follow), deleted (items move to the
//! group the person chose, or to none; nested groups move up), reordered among their siblings
//! and nested. Each function edits the plan in place or returns why not, leaving it unchanged.
//! No I/O, no UI: the app and tests call these and check the result with [`super::file::validate`].

use super::file::{RESERVED_NAMES as RESERVED, is_identifier, quantities};
use super::growth::{GrowthDriver, Target};
use super::{Group, Item, Num, Plan};

/// `formula` with every use of the name `old` replaced by `new`. Numbers (`1e5`), function
/// calls (`ceil(…)`) and longer names containing `old` (`users_eu`) are left alone.
pub fn rename_in_formula(formula: &str, old: &str, new: &str) -> String {
    let chars: Vec<char> = formula.chars().collect();
    let mut out = String::with_capacity(formula.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() || (c == '.' && chars.get(i + 1).is_some_and(char::is_ascii_digit)) {
            // A number, with its exponent: `1.5e-3`.
            let start = i;
            while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.') {
                i += 1;
            }
            if i < chars.len() && matches!(chars[i], 'e' | 'E') {
                let mut j = i + 1;
                if j < chars.len() && matches!(chars[j], '+' | '-') {
                    j += 1;
                }
                if j < chars.len() && chars[j].is_ascii_digit() {
                    i = j;
                    while i < chars.len() && chars[i].is_ascii_digit() {
                        i += 1;
                    }
                }
            }
            out.extend(&chars[start..i]);
        } else if c.is_alphabetic() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            let call = chars[i..]
                .iter()
                .find(|c| !c.is_whitespace())
                .is_some_and(|c| *c == '(');
            if word == old && !call {
                out.push_str(new);
            } else {
                out.push_str(&word);
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// Does `formula` use the name `name`?
fn uses(formula: &str, name: &str) -> bool {
    rename_in_formula(formula, name, "\u{1}") != formula
}

/// Where `name` is used: parameters, item fields and growth drivers, as a person reads them
/// (`parameter peak_rps`, `Web servers (web) · count`, `growth driver 2 (compound)`).
pub fn parameter_uses(plan: &Plan, name: &str) -> Vec<String> {
    let mut out = Vec::new();
    for p in &plan.parameters {
        if let Num::Formula(f) = &p.value
            && p.name != name
            && uses(f, name)
        {
            out.push(format!("parameter {}", p.name));
        }
    }
    for item in &plan.items {
        for (path, num, _) in quantities(&item.resource) {
            if let Num::Formula(f) = num
                && uses(f, name)
            {
                out.push(format!("{} ({}) · {path}", item.name, item.id));
            }
        }
    }
    for (i, g) in plan.growth.iter().enumerate() {
        if driver_target(g).is_some_and(|t| matches!(t, Target::Parameter(p) if p == name)) {
            out.push(format!("growth driver {} ({})", i + 1, g.kind()));
        }
    }
    out
}

fn driver_target(g: &GrowthDriver) -> Option<&Target> {
    match g {
        GrowthDriver::Linear { target, .. }
        | GrowthDriver::Compound { target, .. }
        | GrowthDriver::Logistic { target, .. }
        | GrowthDriver::Seasonal { target, .. }
        | GrowthDriver::Step { target, .. } => Some(target),
        _ => None,
    }
}

fn driver_target_mut(g: &mut GrowthDriver) -> Option<&mut Target> {
    match g {
        GrowthDriver::Linear { target, .. }
        | GrowthDriver::Compound { target, .. }
        | GrowthDriver::Logistic { target, .. }
        | GrowthDriver::Seasonal { target, .. }
        | GrowthDriver::Step { target, .. } => Some(target),
        _ => None,
    }
}

/// Why `name` cannot name a new parameter of `plan` (besides `except`, the one being renamed).
fn check_parameter_name(plan: &Plan, name: &str, except: Option<&str>) -> Result<(), String> {
    if !is_identifier(name) {
        return Err(format!(
            "`{name}` is not a valid parameter name (letters, digits and `_`, not starting with a digit)"
        ));
    }
    if RESERVED.contains(&name) {
        return Err(format!(
            "`{name}` is a formula function or constant; choose another name"
        ));
    }
    if Some(name) != except && plan.parameters.iter().any(|p| p.name == name) {
        return Err(format!("a parameter `{name}` already exists"));
    }
    Ok(())
}

/// Rewrite the formulas of one item's numeric fields with `f` (through the resource's JSON
/// form, at the paths [`quantities`] lists, so every numeric field is covered).
fn rewrite_item(item: &mut Item, f: &dyn Fn(&str) -> String) -> Result<(), String> {
    let changes: Vec<(String, String)> = quantities(&item.resource)
        .into_iter()
        .filter_map(|(path, num, _)| match num {
            Num::Formula(text) => {
                let new = f(text);
                (new != *text).then_some((path, new))
            }
            Num::Value(_) => None,
        })
        .collect();
    if changes.is_empty() {
        return Ok(());
    }
    let mut value = serde_json::to_value(&item.resource).map_err(|e| e.to_string())?;
    for (path, new) in changes {
        let mut at = &mut value;
        for key in path.split('.') {
            at = at
                .get_mut(key)
                .ok_or_else(|| format!("{}: no field {path}", item.id))?;
        }
        *at = serde_json::Value::String(new);
    }
    item.resource = serde_json::from_value(value).map_err(|e| format!("{}: {e}", item.id))?;
    Ok(())
}

/// Rename parameter `old` to `new`; every formula using it (parameters, item fields) and every
/// growth driver targeting it follows.
pub fn rename_parameter(plan: &mut Plan, old: &str, new: &str) -> Result<(), String> {
    let new = new.trim();
    if old == new {
        return Ok(());
    }
    if !plan.parameters.iter().any(|p| p.name == old) {
        return Err(format!("the plan has no parameter `{old}`"));
    }
    check_parameter_name(plan, new, Some(old))?;
    let mut next = plan.clone();
    let f = |t: &str| rename_in_formula(t, old, new);
    for p in &mut next.parameters {
        if p.name == old {
            p.name = new.to_string();
        }
        if let Num::Formula(t) = &mut p.value {
            *t = f(t);
        }
    }
    for item in &mut next.items {
        rewrite_item(item, &f)?;
    }
    for g in &mut next.growth {
        if let Some(Target::Parameter(p)) = driver_target_mut(g)
            && p == old
        {
            *p = new.to_string();
        }
    }
    *plan = next;
    Ok(())
}

/// Delete parameter `name`, refused while anything uses it (the message names every use).
pub fn delete_parameter(plan: &mut Plan, name: &str) -> Result<(), String> {
    let Some(index) = plan.parameters.iter().position(|p| p.name == name) else {
        return Err(format!("the plan has no parameter `{name}`"));
    };
    let used = parameter_uses(plan, name);
    if !used.is_empty() {
        return Err(format!(
            "`{name}` is still used by {}; change those first",
            used.join(", ")
        ));
    }
    plan.parameters.remove(index);
    Ok(())
}

// ------------------------------------------------------------------------------------ groups

fn check_group_name(plan: &Plan, name: &str) -> Result<(), String> {
    if name.trim().is_empty() || name.trim() != name {
        return Err("a group name must be non-empty, without leading or trailing spaces".into());
    }
    if plan.groups.iter().any(|g| g.name == name) {
        return Err(format!("a group `{name}` already exists"));
    }
    Ok(())
}

fn group_index(plan: &Plan, name: &str) -> Result<usize, String> {
    plan.groups
        .iter()
        .position(|g| g.name == name)
        .ok_or_else(|| format!("the plan has no group `{name}`"))
}

/// Add a group named `name`, nested in `parent` if given (placed after its parent's subtree).
pub fn add_group(plan: &mut Plan, name: &str, parent: Option<&str>) -> Result<(), String> {
    check_group_name(plan, name)?;
    let at = match parent {
        Some(p) => {
            let i = group_index(plan, p)?;
            let sub = descendants(plan, p);
            plan.groups
                .iter()
                .rposition(|g| g.name == p || sub.contains(&g.name))
                .unwrap_or(i)
                + 1
        }
        None => plan.groups.len(),
    };
    plan.groups.insert(
        at,
        Group {
            name: name.to_string(),
            description: String::new(),
            parent: parent.map(str::to_string),
        },
    );
    Ok(())
}

/// Rename group `old`; its items and the groups nested in it follow.
pub fn rename_group(plan: &mut Plan, old: &str, new: &str) -> Result<(), String> {
    let new = new.trim();
    if old == new {
        return Ok(());
    }
    let i = group_index(plan, old)?;
    check_group_name(plan, new)?;
    plan.groups[i].name = new.to_string();
    for g in &mut plan.groups {
        if g.parent.as_deref() == Some(old) {
            g.parent = Some(new.to_string());
        }
    }
    for item in &mut plan.items {
        if item.group == old {
            item.group = new.to_string();
        }
    }
    Ok(())
}

/// Set a group's description.
pub fn describe_group(plan: &mut Plan, name: &str, description: &str) -> Result<(), String> {
    let i = group_index(plan, name)?;
    plan.groups[i].description = description.trim().to_string();
    Ok(())
}

/// Delete group `name`. Its items move to `items_to` (another group, or `None`: ungrouped);
/// the groups nested in it move up to its own parent.
pub fn delete_group(plan: &mut Plan, name: &str, items_to: Option<&str>) -> Result<(), String> {
    let i = group_index(plan, name)?;
    if let Some(to) = items_to {
        if to == name {
            return Err(format!(
                "the items of `{name}` cannot move to the group being deleted"
            ));
        }
        group_index(plan, to)?;
    }
    let parent = plan.groups[i].parent.clone();
    plan.groups.remove(i);
    for g in &mut plan.groups {
        if g.parent.as_deref() == Some(name) {
            g.parent = parent.clone();
        }
    }
    for item in &mut plan.items {
        if item.group == name {
            item.group = items_to.unwrap_or("").to_string();
        }
    }
    Ok(())
}

/// Every group nested in `name`, at any depth.
pub fn descendants(plan: &Plan, name: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut frontier = vec![name.to_string()];
    while let Some(n) = frontier.pop() {
        for g in &plan.groups {
            if g.parent.as_deref() == Some(n.as_str()) && !out.contains(&g.name) && g.name != name {
                out.push(g.name.clone());
                frontier.push(g.name.clone());
            }
        }
    }
    out
}

/// Nest group `name` in `parent` (`None`: top level). Refused when `parent` is the group
/// itself or nested in it (a circle).
pub fn set_group_parent(plan: &mut Plan, name: &str, parent: Option<&str>) -> Result<(), String> {
    let i = group_index(plan, name)?;
    if let Some(p) = parent {
        group_index(plan, p)?;
        if p == name || descendants(plan, name).iter().any(|d| d == p) {
            return Err(format!(
                "`{name}` cannot be nested in `{p}`: `{p}` is `{name}` or inside it"
            ));
        }
    }
    plan.groups[i].parent = parent.map(str::to_string);
    Ok(())
}

/// Move group `name` one place up (`delta` < 0) or down among the groups with the same parent.
pub fn move_group(plan: &mut Plan, name: &str, delta: i32) -> Result<(), String> {
    let i = group_index(plan, name)?;
    let parent = plan.groups[i].parent.clone();
    let siblings: Vec<usize> = (0..plan.groups.len())
        .filter(|&j| plan.groups[j].parent == parent)
        .collect();
    let at = siblings.iter().position(|&j| j == i).unwrap_or(0);
    let to = at as i64 + i64::from(delta.signum());
    if to < 0 || to as usize >= siblings.len() {
        return Ok(());
    }
    plan.groups.swap(i, siblings[to as usize]);
    Ok(())
}

/// The groups in display order — each followed by the groups nested in it — with their depth
/// (0 = top level). Groups whose parent is missing show at the top level.
pub fn group_tree(plan: &Plan) -> Vec<(usize, &Group)> {
    fn walk<'a>(
        plan: &'a Plan,
        parent: Option<&str>,
        depth: usize,
        out: &mut Vec<(usize, &'a Group)>,
    ) {
        for g in &plan.groups {
            let top_orphan = depth == 0
                && g.parent
                    .as_deref()
                    .is_some_and(|p| !plan.groups.iter().any(|x| x.name == p));
            if (g.parent.as_deref() == parent || (parent.is_none() && top_orphan))
                && !out.iter().any(|(_, x)| x.name == g.name)
                && depth <= plan.groups.len()
            {
                out.push((depth, g));
                walk(plan, Some(&g.name), depth + 1, out);
            }
        }
    }
    let mut out = Vec::new();
    walk(plan, None, 0, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_rename_keeps_numbers_calls_and_longer_names() {
        assert_eq!(
            rename_in_formula("ceil(users * 1e5 / users_eu) + users", "users", "people"),
            "ceil(people * 1e5 / users_eu) + people"
        );
        assert_eq!(rename_in_formula("2e3*e", "e", "x"), "2e3*x");
    }
}
