//! Growth drivers: how a plan's parameters, item quantities and prices change month by month.
//!
//! A plan carries its drivers in `Plan::growth` (JSON field `growth`, omitted when empty). Each
//! driver is one rule, applied in the order written:
//!
//! | kind | JSON | value in month `t` (months since the driver starts, `t ≥ 0`) |
//! |---|---|---|
//! | `linear` | `{"kind":"linear","target":T,"per_month":n}` | `v + n·t` |
//! | `compound` | `{"kind":"compound","target":T,"pct":p,"per":"month"\|"year"}` | `v·(1+p/100)^t` (per year: `^(t/12)`) |
//! | `logistic` | `{"kind":"logistic","target":T,"cap":c,"rate_pct":k}` | `c / (1 + (c/v − 1)·e^(−k/100·t))` |
//! | `seasonal` | `{"kind":"seasonal","target":T,"factors":[12 numbers, Jan…Dec]}` | `v·factor[calendar month]` |
//! | `step` | `{"kind":"step","target":T,"month":"YYYY-MM","add":n}` or `"multiply":f` | from that month on `v+n` or `v·f` |
//! | `item_window` | `{"kind":"item_window","item":"id","start":"YYYY-MM","end":"YYYY-MM"}` | the item is billed only from `start` to `end` (both inclusive, each optional) |
//! | `price_change` | `{"kind":"price_change","scope":{"item":"id"}\|{"service":"lambda"},"month":"YYYY-MM","multiplier":f}` | from that month the cost of the item / service × `f` |
//! | `commitment` | `{"kind":"commitment","item":"id","start":"YYYY-MM","renew":true\|false}` | the item's Reserved Instance / Savings Plan term starts in `start` (optional; default: the item's first billed month) and, when it ends, renews or falls back to On-Demand (see `forecast::commitments`); no effect on an item bought On-Demand or Spot |
//!
//! `T` is `{"parameter":"users"}` or `{"item":{"id":"web","field":"count"}}` (the field names of
//! [`ITEM_FIELDS`]). `v` is the value before this driver: the plan's own value (a formula is
//! evaluated with the plan's parameters) transformed by the earlier drivers on the same target.
//! `linear`, `compound` and `logistic` may name a `from` month (default: the plan's start month);
//! before it they leave the value unchanged. A parameter driven this way is a plain number in
//! that month, and every formula using it follows.

use crate::catalog::Service;
use crate::plan::{Num, Plan, Resource, Usage};
use serde::{Deserialize, Serialize};

/// One growth rule. See the module documentation for the arithmetic of each kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum GrowthDriver {
    /// `+per_month` each month.
    Linear {
        /// The parameter or item field that grows.
        target: Target,
        /// Amount added each month, in the target's own unit (negative shrinks it).
        per_month: f64,
        /// First month of growth, `YYYY-MM` (default: the plan's start month).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        from: Option<String>,
    },
    /// `pct` percent per month or per year, compounded monthly.
    Compound {
        /// The parameter or item field that grows.
        target: Target,
        /// Growth rate, percent per `per` (above −100; negative shrinks the value).
        pct: f64,
        /// Whether `pct` is per `month` (the default) or per `year`.
        #[serde(default)]
        per: Period,
        /// First month of growth, `YYYY-MM` (default: the plan's start month).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        from: Option<String>,
    },
    /// S-curve from the current value towards `cap`, growth rate `rate_pct` % per month.
    Logistic {
        /// The parameter or item field that grows.
        target: Target,
        /// Value the S-curve approaches, in the target's own unit (above 0).
        cap: f64,
        /// Growth rate, percent per month (above 0).
        rate_pct: f64,
        /// First month of growth, `YYYY-MM` (default: the plan's start month).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        from: Option<String>,
    },
    /// Twelve multipliers, January to December.
    Seasonal {
        /// The parameter or item field that varies.
        target: Target,
        /// Twelve multipliers ≥ 0, January first (`1.2` = 20 % up in that calendar month).
        factors: Vec<f64>,
    },
    /// A one-off change from `month` on: add `add`, or multiply by `multiply`.
    Step {
        /// The parameter or item field that changes.
        target: Target,
        /// First month of the change, `YYYY-MM`.
        month: String,
        /// Amount added from `month` on, in the target's unit (exactly one of `add`, `multiply`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        add: Option<f64>,
        /// Factor applied from `month` on, ≥ 0 (exactly one of `add`, `multiply`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        multiply: Option<f64>,
    },
    /// The item exists only from `start` to `end` (inclusive).
    ItemWindow {
        /// Id of the item.
        item: String,
        /// First month the item is billed, `YYYY-MM` (default: from the plan's start).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        start: Option<String>,
        /// Last month the item is billed, `YYYY-MM` (default: to the end of the horizon).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        end: Option<String>,
    },
    /// From `month` on, the cost of the item or service is multiplied by `multiplier`.
    PriceChange {
        /// Whose cost changes: `{"item": "id"}` or `{"service": "lambda"}`.
        scope: PriceScope,
        /// First month of the new price, `YYYY-MM`.
        month: String,
        /// Factor on the cost from `month` on, ≥ 0 (`0.9` = 10 % cheaper).
        multiplier: f64,
    },
    /// The item's commitment (its Reserved / Savings Plan purchase option) starts in `start`
    /// (default: its first billed month) and renews at the end of each term, or not.
    Commitment {
        /// Id of the EC2, RDS or Auto Scaling group item bought Reserved / Savings Plan.
        item: String,
        /// First month of the first term, `YYYY-MM`, possibly before the plan starts (a reservation
        /// already owned); default: the item's first billed month.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        start: Option<String>,
        /// Whether each term renews when it ends; if not, the item falls back to On-Demand.
        renew: bool,
    },
}

/// What a growth driver changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Target {
    /// `{"parameter": "users"}`: one of the plan's parameters.
    Parameter(String),
    /// `{"item": {"id": "web", "field": "count"}}`: a numeric field of one item.
    Item(ItemField),
}

/// A numeric field of one item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemField {
    /// Id of the item.
    pub id: String,
    /// Field name from [`ITEM_FIELDS`] for the item's kind (`count`, `usage.peak`, `storage_gb` …).
    pub field: String,
}

/// Whose cost a price change multiplies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum PriceScope {
    /// `{"item": "id"}`: one item's cost.
    Item(String),
    /// `{"service": "lambda"}`: the cost of every item of one AWS service.
    Service(Service),
}

/// The period of a compound growth rate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    /// `month` (the default): `pct` percent per month.
    #[default]
    Month,
    /// `year`: `pct` percent per year, compounded monthly.
    Year,
}

impl GrowthDriver {
    /// The kind as written in JSON (`compound`).
    pub fn kind(&self) -> &'static str {
        match self {
            GrowthDriver::Linear { .. } => "linear",
            GrowthDriver::Compound { .. } => "compound",
            GrowthDriver::Logistic { .. } => "logistic",
            GrowthDriver::Seasonal { .. } => "seasonal",
            GrowthDriver::Step { .. } => "step",
            GrowthDriver::ItemWindow { .. } => "item_window",
            GrowthDriver::PriceChange { .. } => "price_change",
            GrowthDriver::Commitment { .. } => "commitment",
        }
    }

    /// The value target, for the kinds that change a value.
    pub fn target(&self) -> Option<&Target> {
        match self {
            GrowthDriver::Linear { target, .. }
            | GrowthDriver::Compound { target, .. }
            | GrowthDriver::Logistic { target, .. }
            | GrowthDriver::Seasonal { target, .. }
            | GrowthDriver::Step { target, .. } => Some(target),
            _ => None,
        }
    }

    /// Apply this driver to `v` in month `t` of the plan (0 = start month) whose calendar month
    /// is `calendar` (1 = January). `start` is the month index of the driver's `from`/`month`
    /// relative to the plan start (already resolved). Kinds without a value return `v`.
    pub fn apply(&self, v: f64, t: i32, calendar: u32, start: i32) -> f64 {
        let since = (t - start).max(0) as f64;
        match self {
            GrowthDriver::Linear { per_month, .. } => v + per_month * since,
            GrowthDriver::Compound { pct, per, .. } => {
                let months = match per {
                    Period::Month => since,
                    Period::Year => since / 12.0,
                };
                v * (1.0 + pct / 100.0).powf(months)
            }
            GrowthDriver::Logistic { cap, rate_pct, .. } => {
                if v <= 0.0 || since == 0.0 {
                    v
                } else {
                    cap / (1.0 + (cap / v - 1.0) * (-rate_pct / 100.0 * since).exp())
                }
            }
            GrowthDriver::Seasonal { factors, .. } => {
                v * factors.get(calendar as usize - 1).copied().unwrap_or(1.0)
            }
            GrowthDriver::Step { add, multiply, .. } => {
                if t < start {
                    v
                } else {
                    v * multiply.unwrap_or(1.0) + add.unwrap_or(0.0)
                }
            }
            GrowthDriver::ItemWindow { .. }
            | GrowthDriver::PriceChange { .. }
            | GrowthDriver::Commitment { .. } => v,
        }
    }

    /// The month (`YYYY-MM`) the driver starts from, if it names one.
    pub fn start_month(&self) -> Option<&str> {
        match self {
            GrowthDriver::Linear { from, .. }
            | GrowthDriver::Compound { from, .. }
            | GrowthDriver::Logistic { from, .. } => from.as_deref(),
            GrowthDriver::Step { month, .. } | GrowthDriver::PriceChange { month, .. } => {
                Some(month)
            }
            _ => None,
        }
    }
}

/// Item fields a driver can target, by resource kind (JSON names; `usage.baseline` and
/// `usage.peak` are the counts of an EC2 spike pattern).
pub const ITEM_FIELDS: &[(&str, &[&str])] = &[
    ("ec2", &["count", "usage.baseline", "usage.peak"]),
    (
        "ebs",
        &[
            "size_gb",
            "volume_count",
            "iops",
            "throughput_mibps",
            "snapshot_gb",
        ],
    ),
    (
        "s3",
        &[
            "storage_gb",
            "object_count",
            "put_requests",
            "get_requests",
            "lifecycle_transitions",
            "retrieval_gb",
        ],
    ),
    (
        "efs",
        &["storage_gb", "read_gb", "write_gb", "provisioned_mibps"],
    ),
    (
        "data_transfer",
        &["internet_out_gb", "internet_in_gb", "inter_az_gb"],
    ),
    (
        "lambda",
        &["requests_per_month", "duration_ms", "memory_mb"],
    ),
    ("rds", &["count", "storage_gb", "iops", "backup_gb"]),
    (
        "dynamodb",
        &[
            "write_request_units",
            "read_request_units",
            "write_capacity_units",
            "read_capacity_units",
            "storage_gb",
        ],
    ),
    ("nat_gateway", &["count", "data_processed_gb"]),
    (
        "load_balancer",
        &[
            "count",
            "processed_gb",
            "new_connections_per_sec",
            "active_connections",
            "rule_evaluations_per_sec",
        ],
    ),
    ("public_ipv4", &["in_use", "idle"]),
    ("custom", &["monthly_usd"]),
];

/// JSON kind name of a resource (`load_balancer`): the plan's own naming, defined once.
pub fn resource_kind(r: &Resource) -> &'static str {
    crate::plan::items_csv::kind_name(r)
}

/// The fields of [`ITEM_FIELDS`] for a resource.
pub fn fields_of(r: &Resource) -> &'static [&'static str] {
    let kind = resource_kind(r);
    ITEM_FIELDS
        .iter()
        .find(|(k, _)| *k == kind)
        .map_or(&[], |(_, f)| f)
}

/// A mutable reference to a numeric item field by JSON name. Optional fields that are absent
/// are created (as 0) so a driver can grow them; `None` for an unknown field.
pub fn field_mut<'a>(r: &'a mut Resource, field: &str) -> Option<&'a mut Num> {
    fn opt(o: &mut Option<Num>) -> &mut Num {
        o.get_or_insert(Num::Value(0.0))
    }
    Some(match (r, field) {
        (Resource::Ec2(x), "count") => &mut x.count,
        (Resource::Ec2(x), "usage.baseline") => match &mut x.usage {
            Usage::Spike { baseline, .. } => baseline,
            Usage::Constant { .. } => return None,
        },
        (Resource::Ec2(x), "usage.peak") => match &mut x.usage {
            Usage::Spike { peak, .. } => peak,
            Usage::Constant { .. } => return None,
        },
        (Resource::Ebs(x), "size_gb") => &mut x.size_gb,
        (Resource::Ebs(x), "volume_count") => &mut x.volume_count,
        (Resource::Ebs(x), "iops") => opt(&mut x.iops),
        (Resource::Ebs(x), "throughput_mibps") => opt(&mut x.throughput_mibps),
        (Resource::Ebs(x), "snapshot_gb") => opt(&mut x.snapshot_gb),
        (Resource::S3(x), "storage_gb") => &mut x.storage_gb,
        (Resource::S3(x), "object_count") => opt(&mut x.object_count),
        (Resource::S3(x), "put_requests") => opt(&mut x.put_requests),
        (Resource::S3(x), "get_requests") => opt(&mut x.get_requests),
        (Resource::S3(x), "lifecycle_transitions") => opt(&mut x.lifecycle_transitions),
        (Resource::S3(x), "retrieval_gb") => opt(&mut x.retrieval_gb),
        (Resource::Efs(x), "storage_gb") => &mut x.storage_gb,
        (Resource::Efs(x), "read_gb") => opt(&mut x.read_gb),
        (Resource::Efs(x), "write_gb") => opt(&mut x.write_gb),
        (Resource::Efs(x), "provisioned_mibps") => opt(&mut x.provisioned_mibps),
        (Resource::DataTransfer(x), "internet_out_gb") => &mut x.internet_out_gb,
        (Resource::DataTransfer(x), "internet_in_gb") => &mut x.internet_in_gb,
        (Resource::DataTransfer(x), "inter_az_gb") => &mut x.inter_az_gb,
        (Resource::Lambda(x), "requests_per_month") => &mut x.requests_per_month,
        (Resource::Lambda(x), "duration_ms") => &mut x.duration_ms,
        (Resource::Lambda(x), "memory_mb") => &mut x.memory_mb,
        (Resource::Rds(x), "count") => &mut x.count,
        (Resource::Rds(x), "storage_gb") => &mut x.storage_gb,
        (Resource::Rds(x), "iops") => opt(&mut x.iops),
        (Resource::Rds(x), "backup_gb") => opt(&mut x.backup_gb),
        (Resource::Dynamodb(x), "write_request_units") => opt(&mut x.write_request_units),
        (Resource::Dynamodb(x), "read_request_units") => opt(&mut x.read_request_units),
        (Resource::Dynamodb(x), "write_capacity_units") => opt(&mut x.write_capacity_units),
        (Resource::Dynamodb(x), "read_capacity_units") => opt(&mut x.read_capacity_units),
        (Resource::Dynamodb(x), "storage_gb") => &mut x.storage_gb,
        (Resource::NatGateway(x), "count") => &mut x.count,
        (Resource::NatGateway(x), "data_processed_gb") => &mut x.data_processed_gb,
        (Resource::LoadBalancer(x), "count") => &mut x.count,
        (Resource::LoadBalancer(x), "processed_gb") => &mut x.processed_gb,
        (Resource::LoadBalancer(x), "new_connections_per_sec") => &mut x.new_connections_per_sec,
        (Resource::LoadBalancer(x), "active_connections") => &mut x.active_connections,
        (Resource::LoadBalancer(x), "rule_evaluations_per_sec") => &mut x.rule_evaluations_per_sec,
        (Resource::PublicIpv4(x), "in_use") => &mut x.in_use,
        (Resource::PublicIpv4(x), "idle") => &mut x.idle,
        (Resource::Eks(x), "count") => &mut x.count,
        (Resource::Fargate(x), "count") => &mut x.count,
        (Resource::Custom(x), "monthly_usd") => &mut x.monthly_usd,
        _ => return None,
    })
}

/// Months from `start` (`YYYY-MM`) to `month` (`YYYY-MM`); `None` if either is malformed.
pub fn month_offset(start: &str, month: &str) -> Option<i32> {
    let (y0, m0) = parse_month(start)?;
    let (y, m) = parse_month(month)?;
    Some((y - y0) * 12 + (m as i32 - m0 as i32))
}

/// `YYYY-MM` → (year, month 1..=12).
pub fn parse_month(s: &str) -> Option<(i32, u32)> {
    let s = s.trim();
    if s.len() != 7 || s.as_bytes()[4] != b'-' {
        return None;
    }
    let y: i32 = s[..4].parse().ok()?;
    let m: u32 = s[5..].parse().ok()?;
    (1..=12).contains(&m).then_some((y, m))
}

/// The `YYYY-MM` text of month `t` after `start`.
pub fn add_months(start: &str, t: i32) -> Option<String> {
    let (y, m) = parse_month(start)?;
    let idx = y * 12 + (m as i32 - 1) + t;
    Some(format!(
        "{:04}-{:02}",
        idx.div_euclid(12),
        idx.rem_euclid(12) + 1
    ))
}

/// Check the plan's drivers: every month is `YYYY-MM`, every target exists, every number is
/// in range. Returns the JSON path of the first offending value (`growth[2].pct`) and what is
/// wrong with it.
pub fn check(plan: &Plan) -> Result<(), (String, String)> {
    for (i, d) in plan.growth.iter().enumerate() {
        let at = |f: &str| format!("growth[{i}].{f}");
        let finite = |v: f64, f: &str| -> Result<(), (String, String)> {
            if v.is_finite() {
                Ok(())
            } else {
                Err((at(f), format!("{v} is not a finite number")))
            }
        };
        let month = |m: &Option<String>, f: &str| -> Result<(), (String, String)> {
            match m {
                Some(s) if parse_month(s).is_none() => Err((
                    at(f),
                    format!("`{s}` is not a month written YYYY-MM (e.g. `2027-01`)"),
                )),
                _ => Ok(()),
            }
        };
        check_limits(d).map_err(|(f, m)| (at(&f), m))?;
        if let Some(t) = d.target() {
            check_target(plan, t, &at("target"))?;
        }
        match d {
            GrowthDriver::Linear {
                per_month, from, ..
            } => {
                finite(*per_month, "per_month")?;
                month(from, "from")?;
            }
            GrowthDriver::Compound { pct, from, .. } => {
                finite(*pct, "pct")?;
                if *pct <= -100.0 {
                    return Err((at("pct"), format!("must be above -100, got {pct}")));
                }
                month(from, "from")?;
            }
            GrowthDriver::Logistic {
                cap,
                rate_pct,
                from,
                ..
            } => {
                finite(*cap, "cap")?;
                finite(*rate_pct, "rate_pct")?;
                if *cap <= 0.0 {
                    return Err((at("cap"), format!("must be above 0, got {cap}")));
                }
                if *rate_pct <= 0.0 {
                    return Err((at("rate_pct"), format!("must be above 0, got {rate_pct}")));
                }
                month(from, "from")?;
            }
            GrowthDriver::Seasonal { factors, .. } => {
                if factors.len() != 12 {
                    return Err((
                        at("factors"),
                        format!(
                            "needs 12 factors (January to December), got {}",
                            factors.len()
                        ),
                    ));
                }
                for (k, f) in factors.iter().enumerate() {
                    if !f.is_finite() || *f < 0.0 {
                        return Err((
                            at(&format!("factors[{k}]")),
                            format!("must be a finite number ≥ 0, got {f}"),
                        ));
                    }
                }
            }
            GrowthDriver::Step {
                month: m,
                add,
                multiply,
                ..
            } => {
                month(&Some(m.clone()), "month")?;
                match (add, multiply) {
                    (None, None) | (Some(_), Some(_)) => {
                        return Err((
                            at("add"),
                            "a step needs exactly one of `add` or `multiply`".into(),
                        ));
                    }
                    (Some(a), None) => finite(*a, "add")?,
                    (None, Some(f)) => {
                        finite(*f, "multiply")?;
                        if *f < 0.0 {
                            return Err((at("multiply"), format!("must be ≥ 0, got {f}")));
                        }
                    }
                }
            }
            GrowthDriver::ItemWindow { item, start, end } => {
                if !plan.items.iter().any(|it| &it.id == item) {
                    return Err((at("item"), format!("no item has the id `{item}`")));
                }
                month(start, "start")?;
                month(end, "end")?;
                if let (Some(s), Some(e)) = (start, end)
                    && month_offset(s, e).is_some_and(|d| d < 0)
                {
                    return Err((at("end"), format!("`{e}` is before the start `{s}`")));
                }
            }
            GrowthDriver::PriceChange {
                scope,
                month: m,
                multiplier,
            } => {
                month(&Some(m.clone()), "month")?;
                finite(*multiplier, "multiplier")?;
                if *multiplier < 0.0 {
                    return Err((at("multiplier"), format!("must be ≥ 0, got {multiplier}")));
                }
                if let PriceScope::Item(id) = scope
                    && !plan.items.iter().any(|it| &it.id == id)
                {
                    return Err((at("scope.item"), format!("no item has the id `{id}`")));
                }
            }
            // A driver on an item bought On-Demand or Spot is inert, not an error: switching the
            // item's purchase option in the grid must never make the plan unreadable.
            GrowthDriver::Commitment { item, start, .. } => {
                if !plan.items.iter().any(|it| &it.id == item) {
                    return Err((at("item"), format!("no item has the id `{item}`")));
                }
                month(start, "start")?;
                let twice = plan.growth[..i].iter().any(
                    |g| matches!(g, GrowthDriver::Commitment { item: other, .. } if other == item),
                );
                if twice {
                    return Err((
                        at("item"),
                        format!("item `{item}` already has a commitment driver"),
                    ));
                }
            }
        }
    }
    Ok(())
}

/// NaN, infinity and absurd sizes in a driver's numbers (`crate::limits`): (field, message).
fn check_limits(d: &GrowthDriver) -> Result<(), (String, String)> {
    use crate::limits::{
        MAX_FACTOR, MAX_GROWTH_PCT, MAX_QUANTITY, check_non_negative, check_signed,
    };
    let signed = |v: f64, max: f64, f: &str| check_signed(v, max, f).map(|_| ());
    let positive = |v: f64, max: f64, f: &str| check_non_negative(v, max, f).map(|_| ());
    match d {
        GrowthDriver::Linear { per_month, .. } => {
            signed(*per_month, MAX_QUANTITY, "per_month").map_err(|m| ("per_month".into(), m))
        }
        GrowthDriver::Compound { pct, .. } => {
            signed(*pct, MAX_GROWTH_PCT, "pct").map_err(|m| ("pct".into(), m))
        }
        GrowthDriver::Logistic { cap, rate_pct, .. } => positive(*cap, MAX_QUANTITY, "cap")
            .map_err(|m| ("cap".into(), m))
            .and_then(|()| {
                signed(*rate_pct, MAX_GROWTH_PCT, "rate_pct").map_err(|m| ("rate_pct".into(), m))
            }),
        GrowthDriver::Seasonal { factors, .. } => {
            factors.iter().enumerate().try_for_each(|(k, f)| {
                positive(*f, MAX_FACTOR, "a seasonal factor")
                    .map_err(|m| (format!("factors[{k}]"), m))
            })
        }
        GrowthDriver::Step { add, multiply, .. } => add
            .map_or(Ok(()), |a| signed(a, MAX_QUANTITY, "add"))
            .map_err(|m| ("add".to_string(), m))
            .and_then(|()| {
                multiply
                    .map_or(Ok(()), |f| positive(f, MAX_FACTOR, "multiply"))
                    .map_err(|m| ("multiply".into(), m))
            }),
        GrowthDriver::PriceChange { multiplier, .. } => {
            positive(*multiplier, MAX_FACTOR, "multiplier").map_err(|m| ("multiplier".into(), m))
        }
        GrowthDriver::ItemWindow { .. } | GrowthDriver::Commitment { .. } => Ok(()),
    }
}

fn check_target(plan: &Plan, t: &Target, path: &str) -> Result<(), (String, String)> {
    match t {
        Target::Parameter(name) => {
            if !plan.parameters.iter().any(|p| &p.name == name) {
                return Err((
                    format!("{path}.parameter"),
                    format!("the plan has no parameter `{name}`"),
                ));
            }
        }
        Target::Item(f) => {
            let Some(item) = plan.items.iter().find(|it| it.id == f.id) else {
                return Err((
                    format!("{path}.item.id"),
                    format!("no item has the id `{}`", f.id),
                ));
            };
            let mut probe = item.resource.clone();
            if field_mut(&mut probe, &f.field).is_none() {
                return Err((
                    format!("{path}.item.field"),
                    format!(
                        "a {} item has no growable field `{}` (fields: {})",
                        resource_kind(&item.resource),
                        f.field,
                        fields_of(&item.resource).join(", ")
                    ),
                ));
            }
        }
    }
    Ok(())
}

/// The first growth driver that does not read, and the key that breaks it: the one whose
/// removal changes serde's error (serde reports a wrong type inside an internally tagged
/// driver without naming the field).
pub fn culprit_field(text: &str) -> Option<(usize, String)> {
    let doc: serde_json::Value = serde_json::from_str(text).ok()?;
    let drivers = doc.get("growth")?.as_array()?;
    let (i, err) = drivers.iter().enumerate().find_map(|(i, d)| {
        serde_json::from_value::<GrowthDriver>(d.clone())
            .err()
            .map(|e| (i, e.to_string()))
    })?;
    let obj = drivers[i].as_object()?;
    let key = obj.keys().filter(|k| k.as_str() != "kind").find(|k| {
        let mut trial = obj.clone();
        trial.remove(k.as_str());
        serde_json::from_value::<GrowthDriver>(serde_json::Value::Object(trial))
            .err()
            .is_none_or(|e| e.to_string() != err)
    })?;
    Some((i, key.clone()))
}

/// Which driver of a plan text's `growth` list holds the offending `key` (serde reports errors
/// inside an internally tagged enum after the whole list, without the index): the first
/// driver that has the key and does not read on its own.
pub fn culprit_index(text: &str, key: &str) -> Option<usize> {
    let doc: serde_json::Value = serde_json::from_str(text).ok()?;
    doc.get("growth")?.as_array()?.iter().position(|d| {
        d.get(key).is_some() && serde_json::from_value::<GrowthDriver>(d.clone()).is_err()
    })
}
