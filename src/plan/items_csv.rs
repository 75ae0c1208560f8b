//! Plan items as CSV (files) or TSV (copy and paste with LibreOffice / Excel).
//!
//! One row per item. The first row is a header and columns are read **by name** (ignoring ASCII
//! case and surrounding spaces), in any order;
//! a column may be left out (its cells count as empty), an unknown or repeated column is an
//! error naming it. Rows whose cells are all empty are skipped. A spreadsheet's own words are
//! read too ([`items_from_table`], [`super::items_headers`]): `Service`, `Description`,
//! `Quantity`, `Instance type`, region names, `On-Demand` ….
//!
//! Common columns: `id, name, group, region, tags, kind`.
//! * `region` empty → the plan's default region.
//! * `tags`: `key=value;key=value`; a `;`, `=` or `\` inside a key or value is written `\;`,
//!   `\=`, `\\`.
//! * `kind`: `ec2 ebs s3 efs data_transfer lambda rds dynamodb nat_gateway load_balancer
//!   public_ipv4 custom`.
//!
//! Then one column per resource field, across all kinds ([`FIELD_COLUMNS`]); a field shared by
//! several kinds (`count`, `storage_gb`, `hours_per_month`, `iops`, `purchase` …) shares a
//! column. A cell that is not empty in a column its row's kind does not have is an error.
//! An empty cell means "not set": `None` for optional fields, the JSON default for fields
//! that have one (e.g. `volume_count` 1, `hours_per_month` 730, `architecture` x86_64,
//! `multi_az` false), and an error for required fields. Numbers are plain decimals
//! (`0.25`, `1500`); any other text is a **formula** and stays one (`users * 0.002`,
//! `ceil(peak_rps / 120)`; a leading `=` is accepted and dropped). Formulas are written without
//! `=` so spreadsheets keep them as text.
//!
//! Compact text for nested fields:
//! * `usage` (ec2): `constant/hours=730`, `spike/daily/baseline=2/peak=6/hours=4`,
//!   `spike/weekly/baseline=2/peak=6/hours=4/days=mon+fri`,
//!   `spike/monthly/baseline=2/peak=6/hours=8/days_per_month=3`. A value may be a formula
//!   containing `/` (`baseline=users/5000`); a `/` starts a new setting only before `name=`.
//! * `purchase` (ec2, rds): `on_demand`, `spot`, `reserved/<standard|convertible>/<1yr|3yr>/
//!   <no_upfront|partial_upfront|all_upfront>`, `savings_plan/<compute|ec2_instance>/<term>/
//!   <payment>`.
//! * `inter_region_gb` (data_transfer): `eu-west-1=500;us-west-2=20`.
//! * `intelligent_tiering` (s3): `infrequent_pct=40;archive_instant_pct=20;archive_pct=0;
//!   deep_archive_pct=0` (missing parts are 0).
//! * `days`: weekdays `mon tue wed thu fri sat sun`; `multi_az`: `true`/`false`.
//!
//! Against spreadsheet formula injection, a cell that would start with `=`, `+`, `-`, `@`, a
//! tab, a carriage return or `'` is written with a leading `'`, which reading removes again.
//! Round trip: items → text → items gives equal items (a formula whose text is a plain number,
//! or has surrounding spaces, comes back as the number / trimmed).

use super::file::{Formulas, PlanError, check_item_with};
use super::*;
use crate::catalog::{Arch, OfferingClass, Payment, Term};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::collections::{BTreeMap, HashMap};

/// Columns every row has.
pub const COMMON_COLUMNS: [&str; 6] = ["id", "name", "group", "region", "tags", "kind"];

/// One column per resource field, across kinds, in the order they are written.
pub const FIELD_COLUMNS: &[&str] = &[
    // ec2 (and shared by others)
    "instance_type",
    "count",
    "usage",
    "purchase",
    // ebs
    "volume_type",
    "size_gb",
    "volume_count",
    "iops",
    "throughput_mibps",
    "snapshot_gb",
    // s3 / efs
    "storage_class",
    "storage_gb",
    "object_count",
    "avg_object_kb",
    "put_requests",
    "get_requests",
    "lifecycle_transitions",
    "retrieval_gb",
    "retrieval_tier",
    "retention_days",
    "intelligent_tiering",
    "infrequent_pct",
    "archive_pct",
    "read_gb",
    "write_gb",
    "provisioned_mibps",
    // data transfer
    "internet_out_gb",
    "internet_in_gb",
    "inter_az_gb",
    "inter_region_gb",
    // lambda
    "requests_per_month",
    "duration_ms",
    "memory_mb",
    "architecture",
    "ephemeral_storage_mb",
    // rds
    "engine",
    "instance_class",
    "multi_az",
    "hours_per_month",
    "storage_type",
    "backup_gb",
    // dynamodb
    "mode",
    "table_class",
    "write_request_units",
    "read_request_units",
    "write_capacity_units",
    "read_capacity_units",
    // nat gateway
    "data_processed_gb",
    // load balancer
    "lb_type",
    "processed_gb",
    "new_connections_per_sec",
    "active_connections",
    "rule_evaluations_per_sec",
    // public ipv4
    "in_use",
    "idle",
    // eks
    "extended_support",
    // fargate
    "vcpu",
    "memory_gb",
    "platform",
    "orchestrator",
    "ephemeral_storage_gb",
    "spot_pct",
    // custom
    "monthly_usd",
    "upfront_usd",
    "note",
];

/// Resource kinds as written in the `kind` column (and in JSON).
pub const KINDS: [&str; 14] = [
    "ec2",
    "ebs",
    "s3",
    "efs",
    "data_transfer",
    "lambda",
    "rds",
    "dynamodb",
    "nat_gateway",
    "load_balancer",
    "public_ipv4",
    "eks",
    "fargate",
    "custom",
];

fn all_columns() -> impl Iterator<Item = &'static str> {
    COMMON_COLUMNS.iter().chain(FIELD_COLUMNS.iter()).copied()
}

/// Write items as delimited text: `b','` for CSV files, `b'\t'` for the clipboard.
pub fn items_to_delimited(items: &[Item], delimiter: u8) -> String {
    let mut w = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let columns: Vec<&str> = all_columns().collect();
    // Writing to a Vec cannot fail.
    w.write_record(&columns).expect("write to memory");
    for item in items {
        let cells = item_cells(item);
        let row: Vec<String> = columns
            .iter()
            .map(|c| cells.get(c).map(|s| protect(s)).unwrap_or_default())
            .collect();
        w.write_record(&row).expect("write to memory");
    }
    let bytes = w.into_inner().expect("flush to memory");
    String::from_utf8(bytes).expect("the writer only copies UTF-8 strings")
}

/// The cells of one item, by column name (empty cells left out).
fn item_cells(item: &Item) -> HashMap<&'static str, String> {
    let mut c: HashMap<&'static str, String> = HashMap::new();
    c.insert("id", item.id.clone());
    c.insert("name", item.name.clone());
    c.insert("group", item.group.clone());
    if let Some(r) = &item.region {
        c.insert("region", r.clone());
    }
    c.insert("tags", tags_text(&item.tags));
    c.insert("kind", kind_name(&item.resource).to_string());
    let mut num = |k: &'static str, n: &Num| {
        c.insert(k, n.to_text());
    };
    match &item.resource {
        Resource::Ec2(x) => {
            num("count", &x.count);
            c.insert("instance_type", x.instance_type.clone());
            c.insert("usage", usage_text(&x.usage));
            c.insert("purchase", purchase_text(&x.purchase));
        }
        Resource::Ebs(x) => {
            num("size_gb", &x.size_gb);
            num("volume_count", &x.volume_count);
            opt(&mut c, "iops", &x.iops);
            opt(&mut c, "throughput_mibps", &x.throughput_mibps);
            opt(&mut c, "snapshot_gb", &x.snapshot_gb);
            c.insert("volume_type", x.volume_type.as_str().to_string());
        }
        Resource::S3(x) => {
            num("storage_gb", &x.storage_gb);
            c.insert("storage_class", x.storage_class.clone());
            opt(&mut c, "object_count", &x.object_count);
            opt(&mut c, "avg_object_kb", &x.avg_object_kb);
            opt(&mut c, "put_requests", &x.put_requests);
            opt(&mut c, "get_requests", &x.get_requests);
            opt(&mut c, "lifecycle_transitions", &x.lifecycle_transitions);
            opt(&mut c, "retrieval_gb", &x.retrieval_gb);
            opt(&mut c, "retention_days", &x.retention_days);
            if let Some(t) = &x.retrieval_tier {
                c.insert("retrieval_tier", enum_text(t).unwrap_or_default());
            }
            if let Some(m) = &x.intelligent_tiering {
                c.insert(
                    "intelligent_tiering",
                    format!(
                        "infrequent_pct={};archive_instant_pct={};archive_pct={};deep_archive_pct={}",
                        m.infrequent_pct.to_text(),
                        m.archive_instant_pct.to_text(),
                        m.archive_pct.to_text(),
                        m.deep_archive_pct.to_text()
                    ),
                );
            }
        }
        Resource::Efs(x) => {
            num("storage_gb", &x.storage_gb);
            c.insert("storage_class", x.storage_class.clone());
            opt(&mut c, "infrequent_pct", &x.infrequent_pct);
            opt(&mut c, "archive_pct", &x.archive_pct);
            opt(&mut c, "read_gb", &x.read_gb);
            opt(&mut c, "write_gb", &x.write_gb);
            opt(&mut c, "provisioned_mibps", &x.provisioned_mibps);
        }
        Resource::DataTransfer(x) => {
            num("internet_out_gb", &x.internet_out_gb);
            num("internet_in_gb", &x.internet_in_gb);
            num("inter_az_gb", &x.inter_az_gb);
            let map: Vec<String> = x
                .inter_region_gb
                .iter()
                .map(|(k, v)| format!("{k}={}", v.to_text()))
                .collect();
            c.insert("inter_region_gb", map.join(";"));
        }
        Resource::Lambda(x) => {
            num("requests_per_month", &x.requests_per_month);
            num("duration_ms", &x.duration_ms);
            num("memory_mb", &x.memory_mb);
            opt(&mut c, "ephemeral_storage_mb", &x.ephemeral_storage_mb);
            c.insert("architecture", x.architecture.as_str().to_string());
        }
        Resource::Rds(x) => {
            num("count", &x.count);
            num("hours_per_month", &x.hours_per_month);
            num("storage_gb", &x.storage_gb);
            opt(&mut c, "iops", &x.iops);
            opt(&mut c, "throughput_mibps", &x.throughput_mibps);
            opt(&mut c, "backup_gb", &x.backup_gb);
            c.insert("engine", x.engine.as_str().to_string());
            c.insert("instance_class", x.instance_class.clone());
            c.insert("multi_az", x.multi_az.to_string());
            c.insert("storage_type", x.storage_type.as_str().to_string());
            c.insert("purchase", purchase_text(&x.purchase));
        }
        Resource::Dynamodb(x) => {
            num("storage_gb", &x.storage_gb);
            opt(&mut c, "write_request_units", &x.write_request_units);
            opt(&mut c, "read_request_units", &x.read_request_units);
            opt(&mut c, "write_capacity_units", &x.write_capacity_units);
            opt(&mut c, "read_capacity_units", &x.read_capacity_units);
            c.insert("mode", enum_text(&x.mode).unwrap_or_default());
            c.insert("table_class", x.table_class.clone());
        }
        Resource::NatGateway(x) => {
            num("count", &x.count);
            num("hours_per_month", &x.hours_per_month);
            num("data_processed_gb", &x.data_processed_gb);
        }
        Resource::LoadBalancer(x) => {
            num("count", &x.count);
            num("hours_per_month", &x.hours_per_month);
            num("processed_gb", &x.processed_gb);
            num("new_connections_per_sec", &x.new_connections_per_sec);
            num("active_connections", &x.active_connections);
            num("rule_evaluations_per_sec", &x.rule_evaluations_per_sec);
            c.insert("lb_type", enum_text(&x.lb_type).unwrap_or_default());
        }
        Resource::PublicIpv4(x) => {
            num("in_use", &x.in_use);
            num("idle", &x.idle);
            num("hours_per_month", &x.hours_per_month);
        }
        Resource::Fargate(x) => {
            num("count", &x.count);
            num("vcpu", &x.vcpu);
            num("memory_gb", &x.memory_gb);
            num("hours_per_month", &x.hours_per_month);
            num("ephemeral_storage_gb", &x.ephemeral_storage_gb);
            num("spot_pct", &x.spot_pct);
            c.insert("platform", enum_text(&x.platform).unwrap_or_default());
            c.insert(
                "orchestrator",
                enum_text(&x.orchestrator).unwrap_or_default(),
            );
        }
        Resource::Eks(x) => {
            num("count", &x.count);
            num("hours_per_month", &x.hours_per_month);
            c.insert("extended_support", x.extended_support.to_string());
        }
        Resource::Custom(x) => {
            num("monthly_usd", &x.monthly_usd);
            num("upfront_usd", &x.upfront_usd);
            c.insert("note", x.note.clone());
        }
        Resource::ScalingGroup(x) => {
            c.insert(
                "instance_type",
                x.instance_types
                    .first()
                    .map(|t| t.instance_type.clone())
                    .unwrap_or_default(),
            );
            c.insert("note", SCALING_GROUP_CSV.to_string());
        }
    }
    c
}

/// Auto Scaling groups do not fit one CSV row (policies, schedule, demand profile).
const SCALING_GROUP_CSV: &str = "an Auto Scaling group (kind `scaling_group`) cannot be read from or written to items CSV; keep it in the plan file (JSON)";

fn opt(c: &mut HashMap<&'static str, String>, k: &'static str, n: &Option<Num>) {
    if let Some(n) = n {
        c.insert(k, n.to_text());
    }
}

/// The `kind` of a resource as written in JSON and in the `kind` column.
pub fn kind_name(r: &Resource) -> &'static str {
    match r {
        Resource::Ec2(_) => "ec2",
        Resource::Ebs(_) => "ebs",
        Resource::S3(_) => "s3",
        Resource::Efs(_) => "efs",
        Resource::DataTransfer(_) => "data_transfer",
        Resource::Lambda(_) => "lambda",
        Resource::Rds(_) => "rds",
        Resource::Dynamodb(_) => "dynamodb",
        Resource::NatGateway(_) => "nat_gateway",
        Resource::LoadBalancer(_) => "load_balancer",
        Resource::PublicIpv4(_) => "public_ipv4",
        Resource::Eks(_) => "eks",
        Resource::Fargate(_) => "fargate",
        Resource::Custom(_) => "custom",
        Resource::ScalingGroup(_) => "scaling_group",
    }
}

/// The serde name of a unit enum variant (`gp3`, `daily`).
fn enum_text<T: Serialize>(v: &T) -> Option<String> {
    match serde_json::to_value(v).ok()? {
        serde_json::Value::String(s) => Some(s),
        _ => None,
    }
}

fn enum_parse<T: DeserializeOwned>(s: &str) -> Result<T, String> {
    serde_json::from_value(serde_json::Value::String(s.trim().to_string()))
        .map_err(|e| e.to_string())
}

fn weekday_text(d: Weekday) -> String {
    enum_text(&d).unwrap_or_default()
}

/// `constant/hours=730`, `spike/weekly/baseline=2/peak=6/hours=4/days=mon+fri`.
pub fn usage_text(u: &Usage) -> String {
    match u {
        Usage::Constant { hours_per_month } => {
            format!("constant/hours={}", hours_per_month.to_text())
        }
        Usage::Spike {
            period,
            baseline,
            peak,
            peak_hours,
            days,
            days_per_month,
        } => {
            let mut s = format!(
                "spike/{}/baseline={}/peak={}/hours={}",
                enum_text(period).unwrap_or_default(),
                baseline.to_text(),
                peak.to_text(),
                peak_hours.to_text()
            );
            if !days.is_empty() {
                let d: Vec<String> = days.iter().map(|d| weekday_text(*d)).collect();
                s.push_str(&format!("/days={}", d.join("+")));
            }
            if let Some(n) = days_per_month {
                s.push_str(&format!("/days_per_month={}", n.to_text()));
            }
            s
        }
    }
}

/// Read [`usage_text`]'s format.
pub fn parse_usage(text: &str) -> Result<Usage, String> {
    const KEYS: [&str; 6] = [
        "hours",
        "baseline",
        "peak",
        "days",
        "days_per_month",
        "period",
    ];
    let text = text.trim();
    let mut segs = text.split('/');
    let pattern = segs.next().unwrap_or("").trim();
    let rest: Vec<&str> = segs.collect();
    let (period, settings) = match pattern {
        "constant" => (None, &rest[..]),
        "spike" => {
            let Some(p) = rest.first() else {
                return Err("a spike needs a period: `spike/daily/…`, `spike/weekly/…` or `spike/monthly/…`".into());
            };
            let period: SpikePeriod = enum_parse(p.trim()).map_err(|_| {
                format!(
                    "unknown spike period `{}` (daily, weekly, monthly)",
                    p.trim()
                )
            })?;
            (Some(period), &rest[1..])
        }
        other => {
            return Err(format!(
                "unknown usage pattern `{other}`; write `constant/hours=730` or `spike/daily/baseline=2/peak=6/hours=4`"
            ));
        }
    };
    // Merge segments: a `/` inside a formula continues the previous value.
    let mut kv: Vec<(String, String)> = Vec::new();
    for seg in settings {
        let key = seg.split_once('=').map(|(k, _)| k.trim());
        match key {
            Some(k) if KEYS.contains(&k) => {
                let (_, v) = seg.split_once('=').unwrap_or_default();
                if kv.iter().any(|(kk, _)| kk == k) {
                    return Err(format!("`{k}` is given twice"));
                }
                kv.push((k.to_string(), v.to_string()));
            }
            _ => match kv.last_mut() {
                Some((_, v)) => {
                    v.push('/');
                    v.push_str(seg);
                }
                None => {
                    return Err(format!(
                        "expected `name=value` after the pattern, found `{seg}`"
                    ));
                }
            },
        }
    }
    let mut take = |k: &str| -> Option<String> {
        let i = kv.iter().position(|(kk, _)| kk == k)?;
        Some(kv.remove(i).1)
    };
    let num = |k: &str, v: Option<String>| -> Result<Num, String> {
        match v {
            Some(v) if !v.trim().is_empty() => Ok(Num::from_text(&v)),
            _ => Err(format!("missing `{k}=…`")),
        }
    };
    let usage = match period {
        None => Usage::Constant {
            hours_per_month: num("hours", take("hours"))?,
        },
        Some(period) => {
            let baseline = num("baseline", take("baseline"))?;
            let peak = num("peak", take("peak"))?;
            let peak_hours = num("hours", take("hours"))?;
            let days = match take("days") {
                None => Vec::new(),
                Some(d) => d
                    .split('+')
                    .map(|x| {
                        enum_parse::<Weekday>(x.trim()).map_err(|_| {
                            format!(
                                "unknown weekday `{}` (mon tue wed thu fri sat sun)",
                                x.trim()
                            )
                        })
                    })
                    .collect::<Result<Vec<_>, _>>()?,
            };
            let days_per_month = take("days_per_month")
                .map(|v| num("days_per_month", Some(v)))
                .transpose()?;
            Usage::Spike {
                period,
                baseline,
                peak,
                peak_hours,
                days,
                days_per_month,
            }
        }
    };
    if let Some((k, _)) = kv.first() {
        return Err(format!("`{k}` does not apply to this usage pattern"));
    }
    Ok(usage)
}

/// `on_demand`, `spot`, `reserved/standard/1yr/partial_upfront`, `savings_plan/compute/3yr/no_upfront`.
pub fn purchase_text(p: &PurchaseOption) -> String {
    match p {
        PurchaseOption::OnDemand => "on_demand".into(),
        PurchaseOption::Spot => "spot".into(),
        PurchaseOption::Reserved {
            class,
            term,
            payment,
        } => format!(
            "reserved/{}/{}/{}",
            class.as_str(),
            term.as_str(),
            payment.as_str()
        ),
        PurchaseOption::SavingsPlan {
            plan,
            term,
            payment,
        } => format!(
            "savings_plan/{}/{}/{}",
            enum_text(plan).unwrap_or_default(),
            term.as_str(),
            payment.as_str()
        ),
    }
}

/// Read [`purchase_text`]'s format.
pub fn parse_purchase(text: &str) -> Result<PurchaseOption, String> {
    let text = super::items_headers::purchase_code(text).unwrap_or(text);
    let parts: Vec<&str> = text.trim().split('/').map(str::trim).collect();
    let term_payment = |t: &str, p: &str| -> Result<(Term, Payment), String> {
        let term = Term::parse(t).ok_or_else(|| format!("unknown term `{t}` (1yr, 3yr)"))?;
        let payment = Payment::parse(p).ok_or_else(|| {
            format!("unknown payment `{p}` (no_upfront, partial_upfront, all_upfront)")
        })?;
        Ok((term, payment))
    };
    match parts.as_slice() {
        ["on_demand"] => Ok(PurchaseOption::OnDemand),
        ["spot"] => Ok(PurchaseOption::Spot),
        ["reserved", class, term, payment] => {
            let class = OfferingClass::parse(class).ok_or_else(|| {
                format!("unknown reserved class `{class}` (standard, convertible)")
            })?;
            let (term, payment) = term_payment(term, payment)?;
            Ok(PurchaseOption::Reserved {
                class,
                term,
                payment,
            })
        }
        ["savings_plan", plan, term, payment] => {
            let plan: SavingsPlanKind = enum_parse(plan)
                .map_err(|_| format!("unknown savings plan `{plan}` (compute, ec2_instance)"))?;
            let (term, payment) = term_payment(term, payment)?;
            Ok(PurchaseOption::SavingsPlan {
                plan,
                term,
                payment,
            })
        }
        _ => Err(format!(
            "`{}` is not a purchase option; write on_demand, spot, \
             reserved/<standard|convertible>/<1yr|3yr>/<no_upfront|partial_upfront|all_upfront> \
             or savings_plan/<compute|ec2_instance>/<1yr|3yr>/<payment>",
            text.trim()
        )),
    }
}

fn escape_tag(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        if matches!(ch, ';' | '=' | '\\') {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

/// `key=value;key=value` with `\;`, `\=`, `\\` escapes.
pub fn tags_text(tags: &BTreeMap<String, String>) -> String {
    let parts: Vec<String> = tags
        .iter()
        .map(|(k, v)| format!("{}={}", escape_tag(k), escape_tag(v)))
        .collect();
    parts.join(";")
}

/// Read [`tags_text`]'s format.
pub fn parse_tags(text: &str) -> Result<BTreeMap<String, String>, String> {
    let mut tags = BTreeMap::new();
    if text.is_empty() {
        return Ok(tags);
    }
    let mut key = String::new();
    let mut value = String::new();
    let mut in_value = false;
    let mut chars = text.chars();
    let mut finish = |key: &mut String, value: &mut String, in_value: &mut bool| {
        if !*in_value {
            return Err(format!(
                "tag `{key}` has no `=value` (write key=value;key=value)"
            ));
        }
        if key.trim().is_empty() {
            return Err("a tag key is empty".to_string());
        }
        if tags
            .insert(std::mem::take(key), std::mem::take(value))
            .is_some()
        {
            return Err("a tag key is given twice".to_string());
        }
        *in_value = false;
        Ok(())
    };
    while let Some(ch) = chars.next() {
        let target = if in_value { &mut value } else { &mut key };
        match ch {
            '\\' => match chars.next() {
                Some(next) => target.push(next),
                None => return Err("a tag ends with a lone `\\`".into()),
            },
            '=' if !in_value => in_value = true,
            ';' => finish(&mut key, &mut value, &mut in_value)?,
            _ => target.push(ch),
        }
    }
    finish(&mut key, &mut value, &mut in_value)?;
    Ok(tags)
}

/// `k=v;k=v` of numbers or formulas (inter_region_gb, intelligent_tiering).
fn parse_num_map(text: &str) -> Result<BTreeMap<String, Num>, String> {
    let mut map = BTreeMap::new();
    for part in text.split(';').map(str::trim).filter(|p| !p.is_empty()) {
        let Some((k, v)) = part.split_once('=') else {
            return Err(format!("`{part}` is not `name=value`"));
        };
        let (k, v) = (k.trim(), v.trim());
        if v.is_empty() {
            return Err(format!("`{k}` has no value"));
        }
        if map.insert(k.to_string(), Num::from_text(v)).is_some() {
            return Err(format!("`{k}` is given twice"));
        }
    }
    Ok(map)
}

/// Cells a spreadsheet would run as a formula get a leading `'` (OWASP CSV injection advice).
/// Cells go through the one CSV-injection neutraliser ([`crate::text::csv_cell::neutralise`]).
fn protect(s: &str) -> String {
    crate::text::csv_cell::neutralise(s).into_owned()
}

fn unprotect(s: &str) -> &str {
    s.strip_prefix('\'').unwrap_or(s)
}

// ---------------------------------------------------------------------------------------------
// Reading

struct Row<'a> {
    origin: &'a str,
    line: usize,
    kind: &'static str,
    /// Non-empty cells not yet used: column → (1-based column number, text).
    cells: HashMap<&'static str, (usize, String)>,
    /// Every column's number, for errors about absent or empty cells.
    columns: &'a HashMap<&'static str, usize>,
}

impl Row<'_> {
    fn error(&self, col: &str, message: impl Into<String>) -> PlanError {
        PlanError::Invalid {
            origin: self.origin.to_string(),
            line: Some(self.line),
            column: self.columns.get(col).copied(),
            field: col.to_string(),
            message: message.into(),
        }
    }
    fn take(&mut self, col: &'static str) -> Option<String> {
        self.cells.remove(col).map(|(_, s)| s)
    }
    fn required(&mut self, col: &'static str) -> Result<String, PlanError> {
        match self.take(col) {
            Some(s) => Ok(s),
            None => Err(self.error(
                col,
                format!("kind `{}` needs a value in column `{col}`", self.kind),
            )),
        }
    }
    fn num(&mut self, col: &'static str) -> Result<Num, PlanError> {
        Ok(Num::from_text(&self.required(col)?))
    }
    fn num_or(&mut self, col: &'static str, default: f64) -> Num {
        self.take(col)
            .map(|s| Num::from_text(&s))
            .unwrap_or(Num::Value(default))
    }
    fn opt_num(&mut self, col: &'static str) -> Option<Num> {
        self.take(col).map(|s| Num::from_text(&s))
    }
    fn parse_with<T>(
        &mut self,
        col: &'static str,
        f: impl FnOnce(&str) -> Result<T, String>,
    ) -> Result<Option<T>, PlanError> {
        match self.take(col) {
            None => Ok(None),
            Some(s) => f(&s).map(Some).map_err(|m| self.error(col, m)),
        }
    }
    fn enum_req<T: DeserializeOwned>(&mut self, col: &'static str) -> Result<T, PlanError> {
        let s = self.required(col)?;
        enum_parse(s.trim()).map_err(|m| self.error(col, m))
    }
    fn enum_opt<T: DeserializeOwned>(&mut self, col: &'static str) -> Result<Option<T>, PlanError> {
        self.parse_with(col, enum_parse)
    }
}

/// Items read from a table, and what the reader wants the person to know (columns it read
/// past, such as a spreadsheet's monthly cost).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Table {
    /// The rows, as items (ids unique within the table).
    pub items: Vec<Item>,
    /// Notes for the person (not errors): e.g. "column `Monthly cost` is calculated by
    /// cloudplan; its cells were not read".
    pub notes: Vec<String>,
}

/// Read items written by [`items_to_delimited`] (or typed in a spreadsheet). `origin` names the
/// text in messages (a file path, or `clipboard`). Returns every item or the first error.
pub fn items_from_delimited(
    text: &str,
    delimiter: u8,
    origin: &str,
) -> Result<Vec<Item>, PlanError> {
    items_from_table(text, delimiter, origin).map(|t| t.items)
}

/// [`items_from_delimited`] with the reader's notes. Besides the table's own column names the
/// header may use a spreadsheet's words ([`super::items_headers`]): `Service` (with values
/// like `Amazon EC2`), `Description`, `Instance type`, `Type`, `Quantity` (the kind's main
/// quantity), `Region` (codes or names like `US East (N. Virginia)`), `Purchase option`
/// (`On-Demand`) …; calculated columns (`Monthly`, `Upfront`, `Total` …) are read past with a
/// note. Without an `id` column, ids are made from the names.
pub fn items_from_table(text: &str, delimiter: u8, origin: &str) -> Result<Table, PlanError> {
    use super::items_headers::{self as h, Target};
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let err = |line: Option<usize>, column: Option<usize>, field: &str, message: String| {
        PlanError::Invalid {
            origin: origin.to_string(),
            line,
            column,
            field: field.to_string(),
            message,
        }
    };
    let csv_err = |e: csv::Error| {
        let line = e.position().map(|p| p.line() as usize);
        err(line, None, "", format!("cannot read the table: {e}"))
    };
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = rdr.records();
    let Some(header) = records.next() else {
        return Ok(Table::default());
    };
    let header = header.map_err(csv_err)?;
    let header_line = header.position().map(|p| p.line() as usize).unwrap_or(1);
    // Columns of the table's own names, by number (for messages); the target of each header.
    let mut columns: HashMap<&'static str, usize> = HashMap::new();
    let mut targets: Vec<Target> = Vec::new();
    let mut names: Vec<String> = Vec::new();
    let mut notes = Vec::new();
    for (i, name) in header.iter().enumerate() {
        let name = name.trim();
        let plain = h::normalise(name);
        let own = all_columns().find(|c| c.eq_ignore_ascii_case(name) || h::normalise(c) == plain);
        let target = match own {
            Some(c) => Target::Column(c),
            None => match h::target_of_header(name) {
                Some(t) => t,
                None if name.is_empty() => Target::Blank,
                None => {
                    return Err(err(
                        Some(header_line),
                        Some(i + 1),
                        name,
                        format!(
                            "unknown column `{name}`: cloudplan reads spreadsheet headers such \
                             as {}, or its own columns ({})",
                            h::EXAMPLES,
                            all_columns().collect::<Vec<_>>().join(", ")
                        ),
                    ));
                }
            },
        };
        let twice = match target {
            Target::Column(c) => columns.insert(c, i + 1).is_some(),
            Target::Calculated | Target::Blank => false,
            t => targets.contains(&t),
        };
        if twice {
            return Err(err(
                Some(header_line),
                Some(i + 1),
                name,
                format!("column `{name}` appears twice"),
            ));
        }
        if target == Target::Calculated {
            notes.push(format!(
                "column `{name}` is calculated by cloudplan; its cells were not read"
            ));
        }
        targets.push(target);
        names.push(name.to_string());
    }
    if !columns.contains_key("name") {
        // "Description" is the name of a row in a table without one.
        for t in targets.iter_mut() {
            if *t == Target::Description {
                *t = Target::Column("name");
            }
        }
    }
    if !columns.contains_key("kind") {
        return Err(err(
            Some(header_line),
            None,
            "kind",
            format!(
                "the header has no `kind` (or `Service`) column; name each row's service ({})",
                KINDS.join(", ")
            ),
        ));
    }
    let make_ids = !columns.contains_key("id");
    let kind_at = targets
        .iter()
        .position(|t| *t == Target::Column("kind"))
        .expect("checked above");
    let mut items = Vec::new();
    let mut lines = Vec::new();
    let mut ids: HashMap<String, usize> = HashMap::new();
    let mut formulas = Formulas::new(None);
    for record in records {
        let record = record.map_err(csv_err)?;
        let line = record.position().map(|p| p.line() as usize).unwrap_or(0);
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        // Cells beyond the header, or under a column with no header, must be empty (a
        // spreadsheet selection wider than its table copies empty columns).
        let stray = record.iter().enumerate().find(|(i, c)| {
            !c.trim().is_empty() && targets.get(*i).is_none_or(|t| *t == Target::Blank)
        });
        if let Some((i, _)) = stray
            && i < targets.len()
        {
            return Err(err(
                Some(line),
                Some(i + 1),
                "",
                format!(
                    "column {} has no header but this row has a value in it; the first row \
                     must name every column (for example {})",
                    i + 1,
                    h::EXAMPLES
                ),
            ));
        }
        if stray.is_some() {
            return Err(err(
                Some(line),
                Some(targets.len() + 1),
                "",
                format!(
                    "this row has {} cells but the header names {} columns",
                    record.len(),
                    targets.len()
                ),
            ));
        }
        // The row's kind decides where "Quantity" and "Type" go.
        let kind_cell = record.get(kind_at).map(unprotect).unwrap_or("").trim();
        let (kind, implied) = if KINDS.contains(&kind_cell) || kind_cell == "scaling_group" {
            (kind_cell.to_string(), None)
        } else {
            match h::kind_of_service(kind_cell) {
                Some((k, implied)) => (k.to_string(), implied),
                None => (kind_cell.to_string(), None),
            }
        };
        let mut row_columns = columns.clone();
        let mut cells: HashMap<&'static str, (usize, String)> = HashMap::new();
        let mut description = None;
        for (i, cell) in record.iter().enumerate() {
            let cell = unprotect(cell);
            if cell.is_empty() {
                continue;
            }
            let here = |message: String| err(Some(line), Some(i + 1), &names[i], message);
            let mut value = cell.to_string();
            let Some(target) = targets.get(i) else {
                continue;
            };
            let col = match *target {
                Target::Calculated | Target::Blank => continue,
                Target::Description => {
                    description = Some(cell.trim().to_string());
                    continue;
                }
                Target::Column("kind") => {
                    value = kind.clone();
                    "kind"
                }
                Target::Column(c) => c,
                Target::Quantity => match h::quantity_column(&kind) {
                    Some(c) => c,
                    // An unknown kind is reported by the kind column.
                    None => continue,
                },
                Target::TypeClass => match h::type_column(&kind) {
                    Some("instance_class") => {
                        // `postgresql db.m7g.large`, as the grid shows an RDS class.
                        let t = cell.trim();
                        match t.split_once(char::is_whitespace) {
                            Some((engine, class)) => {
                                cells.insert("engine", (i + 1, engine.to_string()));
                                row_columns.entry("engine").or_insert(i + 1);
                                value = class.trim().to_string();
                            }
                            None => value = t.to_string(),
                        }
                        "instance_class"
                    }
                    Some(c) => c,
                    None if !KINDS.contains(&kind.as_str()) => continue,
                    None => {
                        return Err(here(format!(
                            "column `{}` does not apply to kind `{kind}` (it has no type or \
                             class); leave it empty",
                            names[i]
                        )));
                    }
                },
            };
            if col == "region"
                && !crate::plan::file::looks_like_region(cell.trim())
                && let Some(code) = h::region_code(cell)
            {
                value = code.to_string();
            }
            if col == "purchase"
                && let Some(code) = h::purchase_code(cell)
            {
                value = code.to_string();
            }
            if let Some((j, _)) = cells.insert(col, (i + 1, value)) {
                return Err(here(format!(
                    "columns `{}` and `{}` both give this row's `{col}`",
                    names[j - 1],
                    names[i]
                )));
            }
            row_columns.entry(col).or_insert(i + 1);
        }
        if let Some((col, value)) = implied {
            cells
                .entry(col)
                .or_insert_with(|| (kind_at + 1, value.to_string()));
        }
        if make_ids {
            let base = cells
                .get("name")
                .map(|(_, n)| n.as_str())
                .unwrap_or(kind.as_str());
            let id = unused_id(base, &ids);
            cells.insert("id", (0, id));
        }
        let mut row = Row {
            origin,
            line,
            kind: "",
            cells,
            columns: &row_columns,
        };
        let mut item = read_item(&mut row)?;
        if let Some((&col, (n, _))) = row.cells.iter().min_by_key(|(_, (n, _))| *n) {
            return Err(PlanError::Invalid {
                origin: origin.to_string(),
                line: Some(line),
                column: Some(*n),
                field: col.to_string(),
                message: format!(
                    "column `{col}` does not apply to kind `{}`; leave it empty",
                    row.kind
                ),
            });
        }
        if let Some(d) = description {
            item.tags.insert("description".to_string(), d);
        }
        if let Err(p) = check_item_with(&item, "", &mut formulas) {
            let col = problem_column(&p.path);
            return Err(row.error(col, p.message));
        }
        if let Some(prev) = ids.insert(item.id.clone(), items.len()) {
            return Err(row.error(
                "id",
                format!("id `{}` is already used on line {}", item.id, lines[prev]),
            ));
        }
        items.push(item);
        lines.push(line);
    }
    Ok(Table { items, notes })
}

/// An item id made from `base` (a name or kind): lower-case letters, digits and `-`, starting
/// with a letter, not among `used`.
fn unused_id(base: &str, used: &HashMap<String, usize>) -> String {
    let mut id = String::new();
    for c in base.chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c.to_ascii_lowercase());
        } else if !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
    }
    let id = id.trim_end_matches('-');
    let id = if id.starts_with(|c: char| c.is_ascii_alphabetic()) {
        id.to_string()
    } else {
        format!("item-{id}").trim_end_matches('-').to_string()
    };
    if !used.contains_key(&id) {
        return id;
    }
    (2..)
        .map(|n| format!("{id}-{n}"))
        .find(|c| !used.contains_key(c))
        .expect("some suffix is free")
}

/// The CSV column of a problem path from [`check_item`] (`.resource.usage.peak` → `usage`).
fn problem_column(path: &str) -> &'static str {
    let rest = path.trim_start_matches('.');
    let rest = rest.strip_prefix("resource.").unwrap_or(rest);
    let first = rest.split(['.', '[']).next().unwrap_or("");
    all_columns().find(|c| *c == first).unwrap_or("kind")
}

fn read_item(row: &mut Row) -> Result<Item, PlanError> {
    let id = row.take("id").unwrap_or_default();
    if id.trim().is_empty() {
        return Err(row.error("id", "every row needs an id"));
    }
    let kind_text = row.take("kind").unwrap_or_default();
    let kind_text = kind_text.trim();
    if kind_text == "scaling_group" {
        return Err(row.error("kind", SCALING_GROUP_CSV));
    }
    let Some(kind) = KINDS.iter().copied().find(|k| *k == kind_text) else {
        return Err(row.error(
            "kind",
            if kind_text.is_empty() {
                format!("every row needs a kind ({})", KINDS.join(", "))
            } else {
                format!(
                    "unknown kind `{kind_text}` ({}, or a service name such as Amazon EC2)",
                    KINDS.join(", ")
                )
            },
        ));
    };
    row.kind = kind;
    let name = row.take("name").unwrap_or_default();
    let group = row.take("group").unwrap_or_default();
    let region = row.take("region").map(|s| s.trim().to_string());
    let tags = row.parse_with("tags", parse_tags)?.unwrap_or_default();
    let resource = read_resource(row, kind)?;
    Ok(Item {
        id,
        name,
        group,
        tags,
        region,
        resource,
    })
}

fn read_resource(r: &mut Row, kind: &str) -> Result<Resource, PlanError> {
    Ok(match kind {
        "ec2" => Resource::Ec2(Ec2Fleet {
            instance_type: r.required("instance_type")?.trim().to_string(),
            count: r.num("count")?,
            usage: r.parse_with("usage", parse_usage)?.unwrap_or_default(),
            purchase: r
                .parse_with("purchase", parse_purchase)?
                .unwrap_or_default(),
        }),
        "ebs" => Resource::Ebs(EbsVolumes {
            volume_type: r.enum_req("volume_type")?,
            size_gb: r.num("size_gb")?,
            volume_count: r.num_or("volume_count", 1.0),
            iops: r.opt_num("iops"),
            throughput_mibps: r.opt_num("throughput_mibps"),
            snapshot_gb: r.opt_num("snapshot_gb"),
        }),
        "s3" => Resource::S3(S3Storage {
            storage_class: r.required("storage_class")?.trim().to_string(),
            storage_gb: r.num("storage_gb")?,
            object_count: r.opt_num("object_count"),
            avg_object_kb: r.opt_num("avg_object_kb"),
            put_requests: r.opt_num("put_requests"),
            get_requests: r.opt_num("get_requests"),
            lifecycle_transitions: r.opt_num("lifecycle_transitions"),
            retrieval_gb: r.opt_num("retrieval_gb"),
            retrieval_tier: r.enum_opt("retrieval_tier")?,
            retention_days: r.opt_num("retention_days"),
            intelligent_tiering: r.parse_with("intelligent_tiering", parse_it_mix)?,
        }),
        "efs" => Resource::Efs(EfsFileSystem {
            storage_class: r.required("storage_class")?.trim().to_string(),
            storage_gb: r.num("storage_gb")?,
            infrequent_pct: r.opt_num("infrequent_pct"),
            archive_pct: r.opt_num("archive_pct"),
            read_gb: r.opt_num("read_gb"),
            write_gb: r.opt_num("write_gb"),
            provisioned_mibps: r.opt_num("provisioned_mibps"),
        }),
        "data_transfer" => Resource::DataTransfer(DataTransfer {
            internet_out_gb: r.num_or("internet_out_gb", 0.0),
            internet_in_gb: r.num_or("internet_in_gb", 0.0),
            inter_az_gb: r.num_or("inter_az_gb", 0.0),
            inter_region_gb: r
                .parse_with("inter_region_gb", parse_num_map)?
                .unwrap_or_default(),
        }),
        "lambda" => Resource::Lambda(LambdaFunction {
            requests_per_month: r.num("requests_per_month")?,
            duration_ms: r.num("duration_ms")?,
            memory_mb: r.num("memory_mb")?,
            architecture: r
                .parse_with("architecture", |s| {
                    let s = s.trim();
                    Arch::parse(s)
                        .ok_or_else(|| format!("unknown architecture `{s}` (x86_64, arm64)"))
                })?
                .unwrap_or(Arch::X86_64),
            ephemeral_storage_mb: r.opt_num("ephemeral_storage_mb"),
        }),
        "rds" => Resource::Rds(RdsDatabase {
            engine: r.enum_req("engine")?,
            instance_class: r.required("instance_class")?.trim().to_string(),
            multi_az: r.parse_with("multi_az", parse_bool)?.unwrap_or(false),
            count: r.num_or("count", 1.0),
            hours_per_month: r.num_or("hours_per_month", 730.0),
            storage_type: r.enum_req("storage_type")?,
            storage_gb: r.num("storage_gb")?,
            iops: r.opt_num("iops"),
            throughput_mibps: r.opt_num("throughput_mibps"),
            backup_gb: r.opt_num("backup_gb"),
            purchase: r
                .parse_with("purchase", parse_purchase)?
                .unwrap_or_default(),
        }),
        "dynamodb" => Resource::Dynamodb(DynamodbTable {
            mode: r.enum_req("mode")?,
            table_class: r
                .take("table_class")
                .map(|s| s.trim().to_string())
                .unwrap_or_else(|| "standard".to_string()),
            write_request_units: r.opt_num("write_request_units"),
            read_request_units: r.opt_num("read_request_units"),
            write_capacity_units: r.opt_num("write_capacity_units"),
            read_capacity_units: r.opt_num("read_capacity_units"),
            storage_gb: r.num("storage_gb")?,
        }),
        "nat_gateway" => Resource::NatGateway(NatGateway {
            count: r.num("count")?,
            hours_per_month: r.num_or("hours_per_month", 730.0),
            data_processed_gb: r.num("data_processed_gb")?,
        }),
        "load_balancer" => Resource::LoadBalancer(LoadBalancer {
            lb_type: r.enum_req("lb_type")?,
            count: r.num("count")?,
            hours_per_month: r.num_or("hours_per_month", 730.0),
            processed_gb: r.num("processed_gb")?,
            new_connections_per_sec: r.num("new_connections_per_sec")?,
            active_connections: r.num("active_connections")?,
            rule_evaluations_per_sec: r.num_or("rule_evaluations_per_sec", 0.0),
        }),
        "public_ipv4" => Resource::PublicIpv4(PublicIpv4 {
            in_use: r.num_or("in_use", 0.0),
            idle: r.num_or("idle", 0.0),
            hours_per_month: r.num_or("hours_per_month", 730.0),
        }),
        "fargate" => Resource::Fargate(FargateTasks {
            count: r.num("count")?,
            vcpu: r.num("vcpu")?,
            memory_gb: r.num("memory_gb")?,
            hours_per_month: r.num_or("hours_per_month", 730.0),
            platform: r.enum_opt("platform")?.unwrap_or_default(),
            orchestrator: r.enum_opt("orchestrator")?.unwrap_or_default(),
            ephemeral_storage_gb: r.num_or("ephemeral_storage_gb", 20.0),
            spot_pct: r.num_or("spot_pct", 0.0),
        }),
        "eks" => Resource::Eks(EksCluster {
            count: r.num("count")?,
            hours_per_month: r.num_or("hours_per_month", 730.0),
            extended_support: r
                .parse_with("extended_support", parse_bool)?
                .unwrap_or(false),
        }),
        _ => Resource::Custom(CustomLine {
            monthly_usd: r.num("monthly_usd")?,
            upfront_usd: r.num_or("upfront_usd", 0.0),
            note: r.take("note").unwrap_or_default(),
        }),
    })
}

fn parse_bool(s: &str) -> Result<bool, String> {
    match s.trim().to_ascii_lowercase().as_str() {
        "true" | "yes" | "1" => Ok(true),
        "false" | "no" | "0" => Ok(false),
        _ => Err(format!("`{s}` is not true or false")),
    }
}

fn parse_it_mix(s: &str) -> Result<IntelligentTieringMix, String> {
    let mut map = parse_num_map(s)?;
    let mut take = |k: &str| map.remove(k).unwrap_or_default();
    let mix = IntelligentTieringMix {
        infrequent_pct: take("infrequent_pct"),
        archive_instant_pct: take("archive_instant_pct"),
        archive_pct: take("archive_pct"),
        deep_archive_pct: take("deep_archive_pct"),
    };
    if let Some(k) = map.keys().next() {
        return Err(format!(
            "unknown part `{k}` (infrequent_pct, archive_instant_pct, archive_pct, deep_archive_pct)"
        ));
    }
    Ok(mix)
}
