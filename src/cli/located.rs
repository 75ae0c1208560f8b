//! Engine errors placed in the plan file: a [`CostError`] names an item id and a field
//! (`ec2.instance_type`); the CLI reports it like a parse error, as
//! `file:line:column: items[0].resource.instance_type: …`, so a person can jump to it.

use crate::cost::CostError;
use crate::plan::{Plan, file as plan_file};
use std::path::Path;

/// The JSON path in the plan of what `e` is about (`items[2].resource.count`), if known.
pub fn cost_error_path(plan: &Plan, e: &CostError) -> Option<String> {
    let item_index = |id: &str| plan.items.iter().position(|i| i.id == id);
    match e {
        CostError::Field { item, field, .. } => {
            let i = item_index(item)?;
            // `ec2.count` → `count`: the engine prefixes the service.
            let below = field.split_once('.').map_or(field.as_str(), |(_, f)| f);
            Some(format!("items[{i}].resource.{below}"))
        }
        CostError::MissingPrice { item, .. } => {
            item_index(item).map(|i| format!("items[{i}].resource"))
        }
        CostError::Parameter { name, .. } => plan
            .parameters
            .iter()
            .position(|p| &p.name == name)
            .map(|i| format!("parameters[{i}].value")),
        CostError::Plan(_) => None,
    }
}

/// `e` as a message naming the plan file, the line and the field when they can be found
/// (the file is read again; on any failure the plain `file: message` is returned).
pub fn cost_error(plan_path: Option<&Path>, plan: &Plan, e: &CostError) -> String {
    let Some(path) = plan_path else {
        return format!("embedded default plan: {e}");
    };
    let origin = path.display().to_string();
    match (cost_error_path(plan, e), std::fs::read_to_string(path).ok()) {
        (Some(field), Some(text)) => {
            // The path already names the field; keep the item id for the reader.
            let message = match e {
                CostError::Field { item, message, .. } => format!("item `{item}`: {message}"),
                other => other.to_string(),
            };
            plan_file::locate_problem(&text, &origin, &field, &message).to_string()
        }
        _ => format!("{origin}: {e}"),
    }
}
