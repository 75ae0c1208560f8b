//! Plan files: reading, checking and writing `*.cloudplan.json` documents, and the samples.
//!
//! * [`from_json_str`] parses a plan and checks it as a whole (see [`validate`]); it returns
//!   either the whole plan or a [`PlanError`] naming the file, line, column and the field path
//!   (`items[3].resource.size_gb`). It never returns a half-loaded plan.
//! * [`to_json_string`] writes pretty JSON in a stable order (struct fields in declaration order,
//!   maps sorted by key) that reads back equal.
//! * [`load`] / [`save_atomic`] do the file I/O; saving writes a temporary file in the same
//!   directory, syncs it and renames it over the target, so a crash never leaves a torn file, and
//!   a plan that cannot be written faithfully (a NaN, a negative quantity …) never touches it.
//! * [`default_plan`] and [`samples`] give the plans embedded in the binary (`samples/`).
//!
//! Rules checked after parsing (serde already rejects unknown fields, wrong kinds and types):
//! `schema_version` 1..=[`SCHEMA_VERSION`]; `start_month` is `YYYY-MM`; `horizon_months` 1..=60;
//! regions look like AWS region codes (`ap-northeast-2`); parameter names are identifiers, unique,
//! and not a formula function or constant name; parameters resolve (no unknown name, no cycle);
//! group names are non-empty and unique; **every item's `group` must be one of the plan's
//! `groups`** (a typo would otherwise silently make a new subtotal — add the group first); item
//! ids are non-empty, trimmed and unique; every quantity is a finite number ≥ 0, or a formula
//! over known parameters that evaluates to one; percentages are ≤ 100; storage-class, table-class
//! and instance-type strings have the right shape; spike patterns are consistent.

use super::formula::{self, Evaluator};
use super::{Item, Num, Plan, Resource, SCHEMA_VERSION, SpikePeriod, Usage};
use serde::de::DeserializeOwned;
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// Longest plan horizon, in months.
pub const MAX_HORIZON_MONTHS: u32 = 60;

/// Why a plan (or a list of items) could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum PlanError {
    /// The text is not an acceptable plan: bad syntax, an unknown or missing field, a wrong type,
    /// or a value that breaks a rule. `field` is the path of the offending value
    /// (`items[3].resource.size_gb`; a column name for CSV), empty for the document itself.
    #[error("{origin}{}: {}{message}", location(*.line, *.column), field_prefix(.field))]
    Invalid {
        /// The file path, or another origin such as `clipboard`.
        origin: String,
        /// 1-based line of the offending text, when known.
        line: Option<usize>,
        /// 1-based column (characters), when known.
        column: Option<usize>,
        /// Path of the offending value (`items[3].resource.size_gb`), a CSV column name, or
        /// empty for the document itself.
        field: String,
        /// What is wrong, for a person to read.
        message: String,
    },
    /// Reading or writing the file failed.
    #[error("{origin}: cannot {action}: {source}")]
    Io {
        /// The file path the operation was on.
        origin: String,
        /// What was being done, as a phrase after "cannot" (`read the plan file`).
        action: &'static str,
        /// The operating system's error.
        #[source]
        source: std::io::Error,
    },
}

fn location(line: Option<usize>, column: Option<usize>) -> String {
    match (line, column) {
        (Some(l), Some(c)) => format!(":{l}:{c}"),
        (Some(l), None) => format!(":{l}"),
        _ => String::new(),
    }
}

fn field_prefix(field: &str) -> String {
    if field.is_empty() {
        String::new()
    } else {
        format!("{field}: ")
    }
}

impl PlanError {
    /// The file (or other origin such as `clipboard`) the error is about.
    pub fn origin(&self) -> &str {
        match self {
            PlanError::Invalid { origin, .. } | PlanError::Io { origin, .. } => origin,
        }
    }
    /// 1-based line, when known.
    pub fn line(&self) -> Option<usize> {
        match self {
            PlanError::Invalid { line, .. } => *line,
            PlanError::Io { .. } => None,
        }
    }
    /// 1-based column (characters), when known.
    pub fn column(&self) -> Option<usize> {
        match self {
            PlanError::Invalid { column, .. } => *column,
            PlanError::Io { .. } => None,
        }
    }
    /// Path of the offending field (`items[3].resource.size_gb`), or a CSV column name.
    pub fn field(&self) -> &str {
        match self {
            PlanError::Invalid { field, .. } => field,
            PlanError::Io { .. } => "",
        }
    }
}

/// A rule broken by a parsed plan: the path of the value and what is wrong with it.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// Path of the offending value in the plan (`items[3].resource.size_gb`).
    pub path: String,
    /// What is wrong with the value, for a person to read.
    pub message: String,
}

impl Problem {
    fn new(path: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem {
            path: path.into(),
            message: message.into(),
        }
    }
}

/// Parse a plan from JSON text. `origin` names the text in messages (usually the file path).
pub fn from_json_str(text: &str, origin: &str) -> Result<Plan, PlanError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let plan: Plan = match serde_json::from_str(text) {
        Ok(plan) => plan,
        Err(e) => {
            // A file from a newer cloudplan says so rather than naming a field we do not know.
            check_schema_version(text, origin)?;
            return Err(json_error(text, origin, &e));
        }
    };
    check_unit_purchases(text).map_err(|p| problem_error(text, origin, &p))?;
    validate(&plan).map_err(|p| problem_error(text, origin, &p))?;
    Ok(plan)
}

/// serde ignores extra fields on the unit variants of an internally tagged enum even with
/// `deny_unknown_fields` (`{"type": "spot", "bid": 1}` would load as plain Spot), so check the
/// purchase objects of the text explicitly.
fn check_unit_purchases(text: &str) -> Result<(), Problem> {
    if !text.contains("\"purchase\"") {
        return Ok(());
    }
    // Only the purchase objects are kept; serde skips everything else.
    #[derive(serde::Deserialize)]
    struct Doc {
        #[serde(default)]
        items: Vec<ProbeItem>,
    }
    #[derive(serde::Deserialize)]
    struct ProbeItem {
        resource: Option<ProbeResource>,
    }
    #[derive(serde::Deserialize)]
    struct ProbeResource {
        purchase: Option<serde_json::Map<String, serde_json::Value>>,
    }
    let Ok(doc) = serde_json::from_str::<Doc>(text) else {
        return Ok(());
    };
    for (i, item) in doc.items.iter().enumerate() {
        let Some(purchase) = item.resource.as_ref().and_then(|r| r.purchase.as_ref()) else {
            continue;
        };
        let ty = purchase.get("type").and_then(|t| t.as_str()).unwrap_or("");
        if !matches!(ty, "on_demand" | "spot") {
            continue;
        }
        if let Some(extra) = purchase.keys().find(|k| k.as_str() != "type") {
            return Err(Problem::new(
                format!("items[{i}].resource.purchase.{extra}"),
                format!("unknown field `{extra}`: a `{ty}` purchase has no other fields"),
            ));
        }
    }
    Ok(())
}

/// Pretty JSON in a stable order, ending with a newline; [`from_json_str`] reads it back equal.
pub fn to_json_string(plan: &Plan) -> String {
    // Plan's types serialize infallibly: string map keys only, no custom Serialize impls.
    let mut s = serde_json::to_string_pretty(plan).expect("a Plan always serializes to JSON");
    s.push('\n');
    s
}

/// Read and check a plan file.
pub fn load(path: &Path) -> Result<Plan, PlanError> {
    let origin = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| PlanError::Io {
        origin: origin.clone(),
        action: "read the plan file",
        source,
    })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let valid = &e.as_bytes()[..offset];
        let line = valid.iter().filter(|b| **b == b'\n').count() + 1;
        PlanError::Invalid {
            origin: origin.clone(),
            line: Some(line),
            column: None,
            field: String::new(),
            message: format!("the file is not UTF-8 text (invalid byte at offset {offset})"),
        }
    })?;
    from_json_str(&text, &origin)
}

/// Write `plan` to `path` atomically: the plan is checked and serialized first (on failure the
/// target is not touched), then written by [`crate::atomic_file::write`]: a locked temporary file in
/// the same directory, synced and renamed over the target.
pub fn save_atomic(path: &Path, plan: &Plan) -> Result<(), PlanError> {
    let origin = path.display().to_string();
    validate(plan).map_err(|p| PlanError::Invalid {
        origin: origin.clone(),
        line: None,
        column: None,
        field: p.path.clone(),
        message: format!("{} (the plan was not saved)", p.message),
    })?;
    let text = to_json_string(plan);
    // Belt and braces: what we write must read back as the same plan.
    match from_json_str(&text, &origin) {
        Ok(back) if &back == plan => {}
        Ok(_) => {
            return Err(PlanError::Invalid {
                origin,
                line: None,
                column: None,
                field: String::new(),
                message: "the plan does not read back unchanged; it was not saved".into(),
            });
        }
        Err(e) => return Err(e),
    }
    crate::atomic_file::write(path, text.as_bytes()).map_err(|e| PlanError::Io {
        origin,
        action: e.action,
        source: e.source,
    })
}

static SAMPLES: [(&str, &str, &str); 5] = [
    (
        "seoul-web-app",
        "Three-tier web app in Seoul",
        include_str!("../../samples/seoul-web-app.cloudplan.json"),
    ),
    (
        "serverless-api",
        "Serverless API in N. Virginia",
        include_str!("../../samples/serverless-api.cloudplan.json"),
    ),
    (
        "data-archive",
        "Data archive in Ireland",
        include_str!("../../samples/data-archive.cloudplan.json"),
    ),
    (
        "spot-batch",
        "Spot-heavy batch fleet",
        include_str!("../../samples/spot-batch.cloudplan.json"),
    ),
    (
        "autoscaling-web",
        "Auto-scaled web tier (N. Virginia)",
        include_str!("../../samples/autoscaling-web.cloudplan.json"),
    ),
];

/// Every sample plan embedded in the binary: (file stem, title, JSON text).
pub fn samples() -> &'static [(&'static str, &'static str, &'static str)] {
    &SAMPLES
}

/// The embedded sample plan with file stem `stem` (see [`samples`]), parsed; `None` for an
/// unknown stem. The samples are checked by tests/plan_files.rs; an invalid one is a build
/// defect.
pub fn sample(stem: &str) -> Option<Plan> {
    let (stem, _, text) = SAMPLES.iter().find(|s| s.0 == stem)?;
    Some(
        from_json_str(text, &format!("samples/{stem}.cloudplan.json"))
            .unwrap_or_else(|e| panic!("embedded sample plan is invalid: {e}")),
    )
}

/// The plan the app and CLI start with: the Seoul three-tier web app sample.
pub fn default_plan() -> Plan {
    sample(SAMPLES[0].0).expect("the default plan is the first embedded sample")
}

// ---------------------------------------------------------------------------------------------
// Validation

/// Names the formula language reserves (functions, operators and constants of [`formula`]).
const RESERVED_NAMES: &[&str] = &[
    "ceil", "floor", "round", "trunc", "abs", "sqrt", "exp", "ln", "log10", "log", "log2", "min",
    "max", "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh", "signum", "fract",
    "cbrt", "PI", "E", "pi", "e",
];

/// Check a parsed plan against every rule in the module doc; the first problem found.
pub fn validate(plan: &Plan) -> Result<(), Problem> {
    if plan.schema_version == 0 || plan.schema_version > SCHEMA_VERSION {
        return Err(Problem::new(
            "schema_version",
            format!(
                "schema version {} is not supported (this build reads 1 to {SCHEMA_VERSION})",
                plan.schema_version
            ),
        ));
    }
    if plan.name.trim().is_empty() {
        return Err(Problem::new("name", "the plan needs a name"));
    }
    check_region(&plan.default_region, "default_region")?;
    check_month(&plan.start_month, "start_month")?;
    if !(1..=MAX_HORIZON_MONTHS).contains(&plan.horizon_months) {
        return Err(Problem::new(
            "horizon_months",
            format!(
                "must be 1 to {MAX_HORIZON_MONTHS} months, got {}",
                plan.horizon_months
            ),
        ));
    }
    let mut names = HashSet::new();
    for (i, p) in plan.parameters.iter().enumerate() {
        let path = format!("parameters[{i}].name");
        if !is_identifier(&p.name) {
            return Err(Problem::new(
                path,
                format!(
                    "`{}` is not a valid parameter name (letters, digits and `_`, not starting with a digit)",
                    p.name
                ),
            ));
        }
        if RESERVED_NAMES.contains(&p.name.as_str()) {
            return Err(Problem::new(
                path,
                format!(
                    "`{}` is a formula function or constant; choose another name",
                    p.name
                ),
            ));
        }
        if !names.insert(p.name.as_str()) {
            return Err(Problem::new(
                path,
                format!("parameter `{}` is defined twice", p.name),
            ));
        }
        check_num_text(&p.value, &format!("parameters[{i}].value"))?;
    }
    let evaluator = Evaluator::new(plan).map_err(|e| {
        let i = plan
            .parameters
            .iter()
            .position(|p| p.name == e.name)
            .unwrap_or(0);
        Problem::new(format!("parameters[{i}].value"), e.to_string())
    })?;
    let mut groups = HashSet::new();
    for (i, g) in plan.groups.iter().enumerate() {
        let path = format!("groups[{i}].name");
        if g.name.trim().is_empty() || g.name.trim() != g.name {
            return Err(Problem::new(
                path,
                "a group name must be non-empty, without leading or trailing spaces",
            ));
        }
        if !groups.insert(g.name.as_str()) {
            return Err(Problem::new(
                path,
                format!("group `{}` is defined twice", g.name),
            ));
        }
    }
    let mut ids = HashMap::new();
    let mut formulas = Formulas::new(Some(&evaluator));
    for (i, item) in plan.items.iter().enumerate() {
        let prefix = format!("items[{i}]");
        if let Some(first) = ids.insert(item.id.as_str(), i) {
            return Err(Problem::new(
                format!("{prefix}.id"),
                format!("id `{}` is already used by items[{first}]", item.id),
            ));
        }
        if !item.group.is_empty() && !groups.contains(item.group.as_str()) {
            let known: Vec<&str> = plan.groups.iter().map(|g| g.name.as_str()).collect();
            return Err(Problem::new(
                format!("{prefix}.group"),
                format!(
                    "group `{}` is not among the plan's groups ({}); add it to `groups` first",
                    item.group,
                    if known.is_empty() {
                        "none defined".to_string()
                    } else {
                        known.join(", ")
                    }
                ),
            ));
        }
        check_item_with(item, &prefix, &mut formulas)?;
    }
    crate::plan::growth::check(plan).map_err(|(path, message)| Problem { path, message })?;
    Ok(())
}

/// Formula checks, cached by formula text (large plans repeat the same few formulas).
pub(crate) struct Formulas<'a> {
    eval: Option<&'a Evaluator>,
    /// Formula text → its value (`None` without an evaluator) or what is wrong with it.
    cache: HashMap<String, Result<Option<f64>, String>>,
}

impl<'a> Formulas<'a> {
    pub(crate) fn new(eval: Option<&'a Evaluator>) -> Formulas<'a> {
        Formulas {
            eval,
            cache: HashMap::new(),
        }
    }

    /// The value of a number or formula: `Ok(None)` for a formula when there is no evaluator.
    fn value(&mut self, num: &Num) -> Result<Option<f64>, String> {
        let f = match num {
            Num::Value(v) if v.is_finite() => return Ok(Some(*v)),
            Num::Value(v) => return Err(format!("{v} is not a finite number")),
            Num::Formula(f) => f,
        };
        if let Some(r) = self.cache.get(f.as_str()) {
            return r.clone();
        }
        let r = self.compute(num, f);
        self.cache.insert(f.clone(), r.clone());
        r
    }

    fn compute(&self, num: &Num, f: &str) -> Result<Option<f64>, String> {
        let t = f.trim();
        if t.is_empty() {
            return Err("empty formula; write a number or a formula".into());
        }
        if t.parse::<f64>().is_ok_and(|v| !v.is_finite()) {
            return Err(format!("`{t}` is not a finite number"));
        }
        match self.eval {
            Some(ev) => ev
                .eval(num)
                .map(Some)
                .map_err(|e| format!("formula `{f}`: {e}")),
            None => formula::names_in(t)
                .map(|_| None)
                .map_err(|e| e.to_string()),
        }
    }
}

/// Check one item on its own (no group or uniqueness rules). With an evaluator, formulas must
/// resolve to finite non-negative numbers; without one, only their syntax is checked.
pub fn check_item(item: &Item, prefix: &str, eval: Option<&Evaluator>) -> Result<(), Problem> {
    check_item_with(item, prefix, &mut Formulas::new(eval))
}

pub(crate) fn check_item_with(
    item: &Item,
    prefix: &str,
    formulas: &mut Formulas,
) -> Result<(), Problem> {
    if item.id.trim().is_empty() {
        return Err(Problem::new(format!("{prefix}.id"), "an item needs an id"));
    }
    if item.id.trim() != item.id || item.id.chars().any(char::is_control) {
        return Err(Problem::new(
            format!("{prefix}.id"),
            format!(
                "id `{}` must not have leading/trailing spaces or control characters",
                item.id
            ),
        ));
    }
    if let Some(r) = &item.region {
        check_region(r, &format!("{prefix}.region"))?;
    }
    for key in item.tags.keys() {
        if key.trim().is_empty() {
            return Err(Problem::new(
                format!("{prefix}.tags"),
                "a tag key must not be empty",
            ));
        }
    }
    let res = format!("{prefix}.resource");
    check_resource_strings(&item.resource, &res)?;
    for (field, num, limit) in quantities(&item.resource) {
        let path = || format!("{res}.{field}");
        let value = formulas.value(num).map_err(|m| Problem::new(path(), m))?;
        if let Num::Value(v) = num
            && *v == 0.0
            && v.is_sign_negative()
        {
            return Err(Problem::new(
                path(),
                "must be a finite number ≥ 0 (got -0; write 0)",
            ));
        }
        if let Some(v) = value {
            if !v.is_finite() || v < 0.0 {
                let shown = if num.is_formula() {
                    format!("`{}` evaluates to {v}", num.to_text())
                } else {
                    format!("got {}", num.to_text())
                };
                return Err(Problem::new(
                    path(),
                    format!("must be a finite number ≥ 0 ({shown})"),
                ));
            }
            let (max, what) = match limit {
                Limit::None => (crate::limits::MAX_QUANTITY, "a quantity"),
                Limit::Max(max, what) => (max, what),
            };
            if v > max {
                return Err(Problem::new(
                    path(),
                    format!(
                        "{what} must be at most {}, got {}",
                        crate::limits::show(max),
                        crate::limits::show(v)
                    ),
                ));
            }
        }
    }
    check_usage(&item.resource, &res, formulas)?;
    Ok(())
}

/// Upper bound of a quantity field: `None` is [`crate::limits::MAX_QUANTITY`].
#[derive(Clone, Copy)]
enum Limit {
    None,
    Max(f64, &'static str),
}

const PCT: Limit = Limit::Max(100.0, "a percentage");
const COUNT: Limit = Limit::Max(crate::limits::MAX_COUNT, "a count of resources");
const USD: Limit = Limit::Max(crate::limits::MAX_USD, "an amount in USD");

/// Every numeric field of a resource, with its JSON path below `resource` and any upper bound.
fn quantities(r: &Resource) -> Vec<(String, &Num, Limit)> {
    let mut out: Vec<(String, &Num, Limit)> = Vec::new();
    macro_rules! req {
        ($name:literal, $e:expr) => {
            out.push(($name.to_string(), &$e, Limit::None))
        };
        ($name:literal, $e:expr, $l:expr) => {
            out.push(($name.to_string(), &$e, $l))
        };
    }
    macro_rules! opt {
        ($name:literal, $e:expr) => {
            if let Some(n) = &$e {
                out.push(($name.to_string(), n, Limit::None))
            }
        };
        ($name:literal, $e:expr, $l:expr) => {
            if let Some(n) = &$e {
                out.push(($name.to_string(), n, $l))
            }
        };
    }
    match r {
        Resource::Ec2(x) => {
            req!("count", x.count, COUNT);
            match &x.usage {
                Usage::Constant { hours_per_month } => req!(
                    "usage.hours_per_month",
                    *hours_per_month,
                    Limit::Max(744.0, "hours per month")
                ),
                Usage::Spike {
                    baseline,
                    peak,
                    peak_hours,
                    days_per_month,
                    ..
                } => {
                    req!("usage.baseline", *baseline, COUNT);
                    req!("usage.peak", *peak, COUNT);
                    req!(
                        "usage.peak_hours",
                        *peak_hours,
                        Limit::Max(24.0, "peak hours per day")
                    );
                    opt!(
                        "usage.days_per_month",
                        *days_per_month,
                        Limit::Max(31.0, "days per month")
                    );
                }
            }
        }
        Resource::Ebs(x) => {
            req!("size_gb", x.size_gb);
            req!("volume_count", x.volume_count, COUNT);
            opt!("iops", x.iops);
            opt!("throughput_mibps", x.throughput_mibps);
            opt!("snapshot_gb", x.snapshot_gb);
        }
        Resource::S3(x) => {
            req!("storage_gb", x.storage_gb);
            opt!("object_count", x.object_count);
            opt!("avg_object_kb", x.avg_object_kb);
            opt!("put_requests", x.put_requests);
            opt!("get_requests", x.get_requests);
            opt!("lifecycle_transitions", x.lifecycle_transitions);
            opt!("retrieval_gb", x.retrieval_gb);
            opt!("retention_days", x.retention_days);
            if let Some(m) = &x.intelligent_tiering {
                req!("intelligent_tiering.infrequent_pct", m.infrequent_pct, PCT);
                req!(
                    "intelligent_tiering.archive_instant_pct",
                    m.archive_instant_pct,
                    PCT
                );
                req!("intelligent_tiering.archive_pct", m.archive_pct, PCT);
                req!(
                    "intelligent_tiering.deep_archive_pct",
                    m.deep_archive_pct,
                    PCT
                );
            }
        }
        Resource::Efs(x) => {
            req!("storage_gb", x.storage_gb);
            opt!("infrequent_pct", x.infrequent_pct, PCT);
            opt!("archive_pct", x.archive_pct, PCT);
            opt!("read_gb", x.read_gb);
            opt!("write_gb", x.write_gb);
            opt!("provisioned_mibps", x.provisioned_mibps);
        }
        Resource::DataTransfer(x) => {
            req!("internet_out_gb", x.internet_out_gb);
            req!("internet_in_gb", x.internet_in_gb);
            req!("inter_az_gb", x.inter_az_gb);
            for (dest, n) in &x.inter_region_gb {
                out.push((format!("inter_region_gb.{dest}"), n, Limit::None));
            }
        }
        Resource::Lambda(x) => {
            req!("requests_per_month", x.requests_per_month);
            req!("duration_ms", x.duration_ms);
            req!("memory_mb", x.memory_mb);
            opt!("ephemeral_storage_mb", x.ephemeral_storage_mb);
        }
        Resource::Rds(x) => {
            req!("count", x.count, COUNT);
            req!(
                "hours_per_month",
                x.hours_per_month,
                Limit::Max(744.0, "hours per month")
            );
            req!("storage_gb", x.storage_gb);
            opt!("iops", x.iops);
            opt!("throughput_mibps", x.throughput_mibps);
            opt!("backup_gb", x.backup_gb);
        }
        Resource::Dynamodb(x) => {
            opt!("write_request_units", x.write_request_units);
            opt!("read_request_units", x.read_request_units);
            opt!("write_capacity_units", x.write_capacity_units);
            opt!("read_capacity_units", x.read_capacity_units);
            req!("storage_gb", x.storage_gb);
        }
        Resource::NatGateway(x) => {
            req!("count", x.count, COUNT);
            req!(
                "hours_per_month",
                x.hours_per_month,
                Limit::Max(744.0, "hours per month")
            );
            req!("data_processed_gb", x.data_processed_gb);
        }
        Resource::LoadBalancer(x) => {
            req!("count", x.count, COUNT);
            req!(
                "hours_per_month",
                x.hours_per_month,
                Limit::Max(744.0, "hours per month")
            );
            req!("processed_gb", x.processed_gb);
            req!("new_connections_per_sec", x.new_connections_per_sec);
            req!("active_connections", x.active_connections);
            req!("rule_evaluations_per_sec", x.rule_evaluations_per_sec);
        }
        Resource::PublicIpv4(x) => {
            req!("in_use", x.in_use, COUNT);
            req!("idle", x.idle, COUNT);
            req!(
                "hours_per_month",
                x.hours_per_month,
                Limit::Max(744.0, "hours per month")
            );
        }
        Resource::Fargate(x) => {
            req!("count", x.count, COUNT);
            req!("vcpu", x.vcpu, COUNT);
            req!("memory_gb", x.memory_gb, COUNT);
            req!(
                "hours_per_month",
                x.hours_per_month,
                Limit::Max(744.0, "hours per month")
            );
            req!("ephemeral_storage_gb", x.ephemeral_storage_gb, COUNT);
            req!("spot_pct", x.spot_pct, PCT);
        }
        Resource::Eks(x) => {
            req!("count", x.count, COUNT);
            req!(
                "hours_per_month",
                x.hours_per_month,
                Limit::Max(744.0, "hours per month")
            );
        }
        Resource::Custom(x) => {
            req!("monthly_usd", x.monthly_usd, USD);
            req!("upfront_usd", x.upfront_usd, USD);
        }
        // Plain numbers, checked by `GroupSpec::validate` in `check_usage`.
        Resource::ScalingGroup(_) => {}
    }
    out
}

/// Spike patterns: peak ≥ baseline; weekly spikes name their days; monthly ones their count.
fn check_usage(r: &Resource, res: &str, formulas: &mut Formulas) -> Result<(), Problem> {
    if let Resource::ScalingGroup(g) = r {
        return g.validate().map_err(|e| match e {
            crate::scaling::ScalingError::Field { field, message } => {
                Problem::new(format!("{res}.{field}"), message)
            }
            other => Problem::new(res.to_string(), other.to_string()),
        });
    }
    let Resource::Ec2(x) = r else { return Ok(()) };
    let Usage::Spike {
        period,
        baseline,
        peak,
        days,
        days_per_month,
        ..
    } = &x.usage
    else {
        return Ok(());
    };
    let mut value = |n: &Num| formulas.value(n).ok().flatten();
    if let (Some(b), Some(p)) = (value(baseline), value(peak))
        && p < b
    {
        return Err(Problem::new(
            format!("{res}.usage.peak"),
            format!("the peak ({p}) must be at least the baseline ({b})"),
        ));
    }
    match period {
        SpikePeriod::Weekly if days.is_empty() => Err(Problem::new(
            format!("{res}.usage.days"),
            "a weekly spike needs `days` (e.g. [\"mon\", \"fri\"])",
        )),
        SpikePeriod::Monthly if days_per_month.is_none() => Err(Problem::new(
            format!("{res}.usage.days_per_month"),
            "a monthly spike needs `days_per_month`",
        )),
        _ => Ok(()),
    }
}

/// Storage classes, table classes, instance types and map keys that must have a known shape.
fn check_resource_strings(r: &Resource, res: &str) -> Result<(), Problem> {
    let one_of = |value: &str, allowed: &[&str], field: &str| {
        if allowed.contains(&value) {
            Ok(())
        } else {
            Err(Problem::new(
                format!("{res}.{field}"),
                format!("`{value}` is not one of: {}", allowed.join(", ")),
            ))
        }
    };
    match r {
        Resource::Ec2(x) => {
            check_instance_type(&x.instance_type, "", &format!("{res}.instance_type"))
        }
        Resource::Rds(x) => {
            check_instance_type(&x.instance_class, "db.", &format!("{res}.instance_class"))
        }
        Resource::S3(x) => one_of(
            &x.storage_class,
            &crate::catalog::vocab::s3::CLASSES,
            "storage_class",
        ),
        Resource::Efs(x) => one_of(&x.storage_class, &["standard", "onezone"], "storage_class"),
        Resource::Dynamodb(x) => {
            one_of(&x.table_class, &["standard", "standard_ia"], "table_class")
        }
        Resource::DataTransfer(x) => {
            for dest in x.inter_region_gb.keys() {
                check_region(dest, &format!("{res}.inter_region_gb.{dest}"))?;
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

fn check_instance_type(s: &str, prefix: &str, path: &str) -> Result<(), Problem> {
    let rest = s.strip_prefix(prefix);
    let ok = rest.is_some_and(|rest| {
        let mut parts = rest.split('.');
        let (fam, size, more) = (parts.next(), parts.next(), parts.next());
        let part_ok = |p: Option<&str>| {
            p.is_some_and(|p| {
                !p.is_empty()
                    && p.chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            })
        };
        part_ok(fam) && part_ok(size) && more.is_none()
    });
    if ok {
        Ok(())
    } else {
        Err(Problem::new(
            path,
            format!("`{s}` does not look like an instance type (e.g. `{prefix}m6i.large`)"),
        ))
    }
}

/// A plain number must be finite; a formula must be non-empty, not a spelled-out NaN or
/// infinity, and parse.
fn check_num_text(n: &Num, path: &str) -> Result<(), Problem> {
    match n {
        Num::Value(v) if v.is_finite() => Ok(()),
        Num::Value(v) => Err(Problem::new(path, format!("{v} is not a finite number"))),
        Num::Formula(f) => {
            let t = f.trim();
            if t.is_empty() {
                return Err(Problem::new(
                    path,
                    "empty formula; write a number or a formula",
                ));
            }
            if t.parse::<f64>().is_ok_and(|v| !v.is_finite()) {
                return Err(Problem::new(path, format!("`{t}` is not a finite number")));
            }
            formula::names_in(t)
                .map(|_| ())
                .map_err(|e| Problem::new(path, e.to_string()))
        }
    }
}

/// AWS region codes: `us-east-1`, `ap-northeast-2`, `us-gov-west-1`, `cn-north-1`.
pub fn looks_like_region(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    parts.len() >= 3
        && parts[0].len() == 2
        && parts[0].chars().all(|c| c.is_ascii_lowercase())
        && parts[1..parts.len() - 1]
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_lowercase()))
        && {
            let last = parts[parts.len() - 1];
            (1..=2).contains(&last.len()) && last.chars().all(|c| c.is_ascii_digit())
        }
}

fn check_region(s: &str, path: &str) -> Result<(), Problem> {
    if looks_like_region(s) {
        Ok(())
    } else {
        Err(Problem::new(
            path,
            format!("`{s}` is not an AWS region code (e.g. `us-east-1`, `ap-northeast-2`)"),
        ))
    }
}

fn check_month(s: &str, path: &str) -> Result<(), Problem> {
    let shape = s.len() == 7 && s.as_bytes()[4] == b'-';
    let date = chrono::NaiveDate::parse_from_str(&format!("{s}-01"), "%Y-%m-%d");
    if shape && date.is_ok() {
        Ok(())
    } else {
        Err(Problem::new(
            path,
            format!("`{s}` is not a month written YYYY-MM (e.g. `2027-01`)"),
        ))
    }
}

/// `[A-Za-z_][A-Za-z0-9_]*`.
pub fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

// ---------------------------------------------------------------------------------------------
// Errors with positions

/// Refuse newer (or nonsense) schema versions when the full parse failed, so a file from a
/// newer cloudplan says so instead of complaining about a field this build does not know.
fn check_schema_version(text: &str, origin: &str) -> Result<(), PlanError> {
    #[derive(serde::Deserialize)]
    struct Probe {
        schema_version: Option<serde_json::Value>,
    }
    let Ok(Probe {
        schema_version: Some(v),
    }) = serde_json::from_str::<Probe>(text)
    else {
        return Ok(()); // the full parse reports syntax errors and missing fields precisely
    };
    let supported = v
        .as_u64()
        .is_some_and(|n| (1..=u64::from(SCHEMA_VERSION)).contains(&n));
    if supported || !v.is_u64() {
        return Ok(()); // wrong types are reported by the full parse
    }
    let message = if v.as_u64().unwrap_or(0) > u64::from(SCHEMA_VERSION) {
        format!(
            "schema version {v} is newer than this build of cloudplan understands (up to {SCHEMA_VERSION}); update cloudplan to open it"
        )
    } else {
        format!("schema version {v} is not supported (1 to {SCHEMA_VERSION})")
    };
    Err(problem_error(
        text,
        origin,
        &Problem::new("schema_version", message),
    ))
}

/// A problem found after loading (by the catalogue check, say) about the value at `path`
/// (`items[0].resource.instance_type`), placed at that value in the plan's text like a parse
/// error: file, line, column and field.
pub fn locate_problem(text: &str, origin: &str, path: &str, message: &str) -> PlanError {
    problem_error(text, origin, &Problem::new(path, message))
}

/// A validation problem, placed at its value in the text (or at the nearest enclosing value
/// that is written out, for fields left to their defaults).
fn problem_error(text: &str, origin: &str, p: &Problem) -> PlanError {
    let spans = locate::spans(text);
    let mut path = p.path.as_str();
    let offset = loop {
        if let Some(o) = locate::offset_of(&spans, path) {
            break Some(o);
        }
        match parent_path(path) {
            Some(up) => path = up,
            None => break None,
        }
    };
    let (line, column) = match offset {
        Some(o) => {
            let (l, c) = line_col(text, o);
            (Some(l), Some(c))
        }
        None => (None, None),
    };
    PlanError::Invalid {
        origin: origin.to_string(),
        line,
        column,
        field: p.path.clone(),
        message: p.message.clone(),
    }
}

fn parent_path(path: &str) -> Option<&str> {
    if path.is_empty() {
        return None;
    }
    let cut = path.rfind(['.', '[']).unwrap_or(0);
    Some(&path[..cut])
}

/// 1-based line and column (in characters) of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(text, offset.min(text.len()));
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    (line, before[line_start..].chars().count() + 1)
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Byte offset of serde_json's 1-based (line, column) — column counted in bytes.
fn offset_of_line_col(text: &str, line: usize, column: usize) -> usize {
    let mut start = 0;
    for _ in 1..line.max(1) {
        match text[start..].find('\n') {
            Some(i) => start += i + 1,
            None => return text.len(),
        }
    }
    (start + column.saturating_sub(1)).min(text.len())
}

/// Turn a serde_json error into a [`PlanError`] naming the field path.
fn json_error(text: &str, origin: &str, e: &serde_json::Error) -> PlanError {
    let raw = e.to_string();
    let mut message = match raw.rfind(" at line ") {
        Some(i) if e.line() > 0 => raw[..i].to_string(),
        _ => raw,
    };
    if e.line() == 0 {
        return PlanError::Invalid {
            origin: origin.to_string(),
            line: None,
            column: None,
            field: String::new(),
            message,
        };
    }
    let mut offset = offset_of_line_col(text, e.line(), e.column());
    // serde's column is that of the last character it read: inside the offending token, or
    // the space just before a map or list it peeked at.
    let b = text.as_bytes();
    while offset < b.len() && b[offset].is_ascii_whitespace() {
        offset += 1;
    }
    let spans = locate::spans(text);
    let mut path = locate::path_at(&spans, offset);
    let mut at = offset;
    // Errors inside an internally tagged resource surface after the whole item with no field
    // name: re-read the item's resource as its own kind to find the field.
    if let Some(res_path) = resource_path(&path)
        && let Some(span) = spans.iter().find(|s| s.path == res_path)
        && let Some((sub, m)) = diagnose_resource(&text[span.start..span.end.min(text.len())])
    {
        path = format!("{res_path}{sub}");
        let at = if m.starts_with("unknown field") {
            locate::key_offset_of(&spans, &path)
        } else {
            locate::offset_of(&spans, &path)
        }
        .unwrap_or(span.start);
        let (line, column) = line_col(text, at);
        return PlanError::Invalid {
            origin: origin.to_string(),
            line: Some(line),
            column: Some(column),
            field: path,
            message: m,
        };
    }
    if message.starts_with(UNTAGGED)
        && let Ok(doc) = serde_json::from_str::<serde_json::Value>(text)
        && let Some(params) = doc.get("parameters").and_then(|p| p.as_array())
        && let Some(i) = params.iter().position(|p| {
            p.get("value")
                .is_some_and(|v| !(v.is_number() || v.is_string()))
        })
    {
        path = format!("parameters[{i}].value");
        at = locate::offset_of(&spans, &path).unwrap_or(at);
    }
    if let Some(name) = backticked_after(&message, "unknown field ")
        .or_else(|| backticked_after(&message, "missing field "))
    {
        let full = if path.is_empty() {
            name.to_string()
        } else {
            format!("{path}.{name}")
        };
        if let Some(o) = locate::key_offset_of(&spans, &full) {
            at = o;
        }
        path = full;
    }
    // Growth drivers are internally tagged: serde reports their errors after the whole list.
    if let Some(key) = path.strip_prefix("growth.")
        && let Some(i) = crate::plan::growth::culprit_index(text, key)
    {
        path = format!("growth[{i}].{key}");
        at = locate::key_offset_of(&spans, &path).unwrap_or(at);
    } else if path == "growth"
        && let Some((i, key)) = crate::plan::growth::culprit_field(text)
    {
        // A wrong type inside a driver (`"per_month": "NaN"`): serde names no field at all.
        path = format!("growth[{i}].{key}");
        at = locate::offset_of(&spans, &path).unwrap_or(at);
    }
    if message == "number out of range" {
        message = "number out of range: larger than any number cloudplan can hold (about 1.8e308)"
            .to_string();
    }
    if message.starts_with(UNTAGGED) {
        message = "expected a number or a formula written as text (\"users * 2\")".to_string();
    }
    if message == "expected value" {
        message = "expected a JSON value (a number, \"text\", true/false, [list] or {object}; \
                   NaN and Infinity are not numbers in JSON)"
            .to_string();
        // `"name": }` — the value is missing: name the key before the colon.
        if let Some(key) = key_before_colon(text, at)
            && locate::offset_of(&spans, &path).is_none_or(|o| o != at)
        {
            path = if path.is_empty() {
                key.to_string()
            } else {
                format!("{path}.{key}")
            };
        }
    }
    let (line, column) = line_col(text, at);
    PlanError::Invalid {
        origin: origin.to_string(),
        line: Some(line),
        column: Some(column),
        field: path,
        message,
    }
}

/// serde reports an untagged `Num` that matches nothing after the value, sometimes at the
/// enclosing object's end: find the culprit by trying each field of `object` with a number.
fn untagged_culprit<T: DeserializeOwned>(object: &serde_json::Value) -> Option<String> {
    let map = object.as_object()?;
    map.iter()
        .filter(|(_, v)| !(v.is_number() || v.is_string()))
        .find(|(k, _)| {
            let mut trial = map.clone();
            trial.insert((*k).clone(), serde_json::Value::from(0));
            match serde_json::from_value::<T>(serde_json::Value::Object(trial)) {
                Ok(_) => true,
                Err(e) => !e.to_string().starts_with(UNTAGGED),
            }
        })
        .map(|(k, _)| k.clone())
}

const UNTAGGED: &str = "data did not match any variant of untagged enum";

/// The object key just before `offset` when only a `:` (and spaces) separate them.
fn key_before_colon(text: &str, offset: usize) -> Option<&str> {
    let before = text.get(..offset.min(text.len()))?.trim_end();
    let before = before.strip_suffix(':')?.trim_end();
    let inner = before.strip_suffix('"')?;
    let open = inner.rfind('"')?;
    Some(&inner[open + 1..])
}

/// `items[3].resource` when `path` is item 3 or inside it.
fn resource_path(path: &str) -> Option<String> {
    let rest = path.strip_prefix("items[")?;
    let close = rest.find(']')?;
    Some(format!("items[{}].resource", &rest[..close]))
}

fn backticked_after<'a>(message: &'a str, lead: &str) -> Option<&'a str> {
    let rest = message.strip_prefix(lead)?.strip_prefix('`')?;
    Some(&rest[..rest.find('`')?])
}

/// Re-read a resource object as the struct its `kind` names, to get a field-level error:
/// (path below the resource such as `.size_gb`, message).
fn diagnose_resource(object_text: &str) -> Option<(String, String)> {
    use super::*;
    let mut value: serde_json::Value = serde_json::from_str(object_text).ok()?;
    let kind = value.as_object_mut()?.remove("kind")?;
    let kind = kind.as_str()?.to_string();
    let body = serde_json::to_string_pretty(&value).ok()?;
    fn try_as<T: DeserializeOwned>(body: &str) -> Option<(String, String)> {
        let e = serde_json::from_str::<T>(body).err()?;
        let raw = e.to_string();
        let mut message = match raw.rfind(" at line ") {
            Some(i) => raw[..i].to_string(),
            None => raw,
        };
        let spans = locate::spans(body);
        let offset = offset_of_line_col(body, e.line(), e.column());
        let mut path = locate::path_at(&spans, offset);
        if message.starts_with(UNTAGGED)
            && let Some(key) = serde_json::from_str::<serde_json::Value>(body)
                .ok()
                .and_then(|v| untagged_culprit::<T>(&v))
        {
            path = key;
        }
        if let Some(name) = backticked_after(&message, "unknown field ")
            .or_else(|| backticked_after(&message, "missing field "))
        {
            path = if path.is_empty() {
                name.to_string()
            } else {
                format!("{path}.{name}")
            };
        }
        if message.starts_with(UNTAGGED) {
            message = "expected a number or a formula written as text (\"users * 2\")".to_string();
        }
        Some((
            format!(".{path}").trim_end_matches('.').to_string(),
            message,
        ))
    }
    // Nested internally tagged values (usage, purchase) hide their field the same way.
    fn nested<T: DeserializeOwned>(
        value: &serde_json::Value,
        field: &str,
    ) -> Option<(String, String)> {
        let e = serde_json::from_value::<T>(value.get(field)?.clone()).err()?;
        let message = e.to_string();
        let path = match backticked_after(&message, "unknown field ")
            .or_else(|| backticked_after(&message, "missing field "))
        {
            Some(name) => format!(".{field}.{name}"),
            None => format!(".{field}"),
        };
        Some((path, message))
    }
    match kind.as_str() {
        "ec2" => nested::<Usage>(&value, "usage")
            .or_else(|| nested::<PurchaseOption>(&value, "purchase"))
            .or_else(|| try_as::<Ec2Fleet>(&body)),
        "rds" => {
            nested::<PurchaseOption>(&value, "purchase").or_else(|| try_as::<RdsDatabase>(&body))
        }
        "ebs" => try_as::<EbsVolumes>(&body),
        "s3" => try_as::<S3Storage>(&body),
        "efs" => try_as::<EfsFileSystem>(&body),
        "data_transfer" => try_as::<DataTransfer>(&body),
        "lambda" => try_as::<LambdaFunction>(&body),
        "dynamodb" => try_as::<DynamodbTable>(&body),
        "nat_gateway" => try_as::<NatGateway>(&body),
        "load_balancer" => try_as::<LoadBalancer>(&body),
        "public_ipv4" => try_as::<PublicIpv4>(&body),
        "custom" => try_as::<CustomLine>(&body),
        "scaling_group" => try_as::<crate::scaling::GroupSpec>(&body),
        _ => None,
    }
}

/// A lenient scan of JSON text recording where each value starts and ends and its path, so
/// messages can point at lines. Works on truncated text (open values run to the end).
mod locate {
    pub struct Span {
        pub path: String,
        pub start: usize,
        pub end: usize,
        /// Where the value's key starts, for object members.
        pub key_start: Option<usize>,
    }

    struct Frame {
        path: String,
        start: usize,
        is_object: bool,
        index: usize,
        key: Option<String>,
        key_start: Option<usize>,
        own_key_start: Option<usize>,
        expecting_key: bool,
    }

    fn child_path(stack: &[Frame]) -> String {
        match stack.last() {
            None => String::new(),
            Some(f) if f.is_object => {
                let key = f.key.as_deref().unwrap_or("");
                if f.path.is_empty() {
                    key.to_string()
                } else {
                    format!("{}.{key}", f.path)
                }
            }
            Some(f) => format!("{}[{}]", f.path, f.index),
        }
    }

    fn member_key_start(stack: &[Frame]) -> Option<usize> {
        stack
            .last()
            .filter(|f| f.is_object)
            .and_then(|f| f.key_start)
    }

    pub fn spans(text: &str) -> Vec<Span> {
        let b = text.as_bytes();
        let mut out = Vec::new();
        let mut stack: Vec<Frame> = Vec::new();
        let mut i = 0;
        while i < b.len() {
            let c = b[i];
            match c {
                b'{' | b'[' => {
                    let path = child_path(&stack);
                    let own_key_start = member_key_start(&stack);
                    stack.push(Frame {
                        path,
                        own_key_start,
                        start: i,
                        is_object: c == b'{',
                        index: 0,
                        key: None,
                        key_start: None,
                        expecting_key: c == b'{',
                    });
                    i += 1;
                }
                b'}' | b']' => {
                    if let Some(f) = stack.pop() {
                        out.push(Span {
                            path: f.path,
                            start: f.start,
                            end: i + 1,
                            key_start: f.own_key_start,
                        });
                    }
                    i += 1;
                }
                b',' => {
                    if let Some(f) = stack.last_mut() {
                        if f.is_object {
                            f.expecting_key = true;
                        } else {
                            f.index += 1;
                        }
                    }
                    i += 1;
                }
                b':' => {
                    if let Some(f) = stack.last_mut() {
                        f.expecting_key = false;
                    }
                    i += 1;
                }
                b'"' => {
                    let start = i;
                    i += 1;
                    while i < b.len() && b[i] != b'"' {
                        i += if b[i] == b'\\' { 2 } else { 1 };
                    }
                    // An unterminated string (truncated text) contains the end itself.
                    let end = if i < b.len() { i + 1 } else { b.len() + 1 };
                    let inner = &text[start + 1..i.min(b.len()).max(start + 1)];
                    i = end.min(b.len());
                    match stack.last_mut() {
                        Some(f) if f.is_object && f.expecting_key => {
                            f.key = Some(inner.to_string());
                            f.key_start = Some(start);
                        }
                        _ => out.push(Span {
                            path: child_path(&stack),
                            start,
                            end,
                            key_start: member_key_start(&stack),
                        }),
                    }
                }
                c if c.is_ascii_whitespace() => i += 1,
                _ => {
                    let start = i;
                    while i < b.len() && !b",]}:\" \t\r\n".contains(&b[i]) {
                        i += 1;
                    }
                    out.push(Span {
                        path: child_path(&stack),
                        start,
                        end: if i < b.len() { i } else { b.len() + 1 },
                        key_start: member_key_start(&stack),
                    });
                }
            }
        }
        // Values still open at the end (truncated text) contain the end itself.
        while let Some(f) = stack.pop() {
            out.push(Span {
                path: f.path,
                start: f.start,
                end: b.len() + 1,
                key_start: f.own_key_start,
            });
        }
        out
    }

    /// Path of the innermost value containing `offset`.
    pub fn path_at(spans: &[Span], offset: usize) -> String {
        spans
            .iter()
            .filter(|s| s.start <= offset && offset < s.end.max(s.start + 1))
            .max_by_key(|s| s.start)
            .map(|s| s.path.clone())
            .unwrap_or_default()
    }

    /// Start of the value at `path`.
    pub fn offset_of(spans: &[Span], path: &str) -> Option<usize> {
        spans.iter().find(|s| s.path == path).map(|s| s.start)
    }

    /// Start of the key of the member at `path` (its value's start for array elements).
    pub fn key_offset_of(spans: &[Span], path: &str) -> Option<usize> {
        spans
            .iter()
            .find(|s| s.path == path)
            .map(|s| s.key_start.unwrap_or(s.start))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn region_codes() {
        for ok in [
            "us-east-1",
            "ap-northeast-2",
            "us-gov-west-1",
            "cn-north-1",
            "eu-central-2",
        ] {
            assert!(looks_like_region(ok), "{ok}");
        }
        for bad in [
            "",
            "Seoul",
            "us-east",
            "US-EAST-1",
            "us-east-1a",
            "us--1",
            "u-east-1",
        ] {
            assert!(!looks_like_region(bad), "{bad}");
        }
    }

    #[test]
    fn locate_finds_paths_and_offsets() {
        let text = "{\n \"a\": [1, {\"b\": \"x,}\\\"\"}],\n \"c\": {\"d\": tru";
        let spans = locate::spans(text);
        let at = |p: &str| locate::offset_of(&spans, p).map(|o| &text[o..o + 1]);
        assert_eq!(at("a"), Some("["));
        assert_eq!(at("a[0]"), Some("1"));
        assert_eq!(at("a[1].b"), Some("\""));
        assert_eq!(at("c.d"), Some("t"));
        assert_eq!(locate::path_at(&spans, text.find("x,").unwrap()), "a[1].b");
        // Truncated: the open object runs to the end.
        assert_eq!(locate::path_at(&spans, text.len()), "c.d");
        assert_eq!(line_col(text, text.find("\"c\"").unwrap()), (3, 2));
        let key_of = |p: &str| locate::key_offset_of(&spans, p).map(|o| &text[o..o + 2]);
        assert_eq!(key_of("c.d"), Some("\"d"));
        assert_eq!(key_of("a[1]"), Some("{\""));
    }

    #[test]
    fn months() {
        assert!(check_month("2027-01", "m").is_ok());
        for bad in ["2027-1", "2027-13", "27-01", "2027/01", "2027-01-01", ""] {
            assert!(check_month(bad, "m").is_err(), "{bad}");
        }
    }
}
