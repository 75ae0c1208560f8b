//! What a purchase comparison is about: the EC2 fleets and RDS instances of a plan, reduced to
//! instance-hours per month and an hourly usage series.
//!
//! Only instance-hours change with the purchase option; storage, requests and transfer cost the
//! same whichever way the instances are bought, so they are not part of a comparison.
//!
//! * EC2: instance-hours from the item's usage pattern ([`crate::plan::usage::fleet_hours`]): the
//!   baseline count is what a Reserved Instance covers, hours above it (spikes) stay On-Demand —
//!   the same rule the cost engine applies (`cost::ec2`).
//! * RDS: `count × hours_per_month`; a reserved DB instance covers `count`.

use super::PurchaseError;
use super::series;
use crate::catalog::Service;
use crate::plan::formula::Evaluator;
use crate::plan::usage::fleet_hours;
use crate::plan::{Item, Plan, PurchaseOption, Resource, Usage};
use crate::units::HOURS_PER_MONTH;
use serde::Serialize;

/// One EC2 fleet or RDS instance group of a plan, as a comparison sees it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Subject {
    /// Id of the plan item.
    pub item_id: String,
    /// Name of the plan item as the user wrote it.
    pub item_name: String,
    /// `Ec2` or `Rds`.
    pub service: Service,
    /// AWS region code the item runs in, e.g. `us-east-1`.
    pub region: String,
    /// Catalogue product key (`m5.large`, `postgresql:multi_az:db.r6g.large`).
    pub product: String,
    /// Instance type or DB instance class (`m5.large`, `db.r6g.large`).
    pub instance_type: String,
    /// What a person reads: `m5.large` or `db.r6g.large PostgreSQL Multi-AZ`.
    pub label: String,
    /// Instances running all month (what a commitment covers).
    pub baseline_count: f64,
    /// Hours each baseline instance runs per month (at most 730).
    pub baseline_hours: f64,
    /// Instance-hours per month above the baseline (spike patterns).
    pub spike_instance_hours: f64,
    /// How the plan buys it today.
    pub current: PurchaseOption,
    /// Hour-by-hour running instances over one 730-hour month ([`series`]).
    #[serde(skip)]
    pub hourly: Vec<f64>,
}

impl Subject {
    /// All instance-hours in a month.
    pub fn instance_hours(&self) -> f64 {
        self.baseline_count * self.baseline_hours + self.spike_instance_hours
    }

    /// Share of the month the committed (baseline) instances run, 0–1.
    pub fn utilisation(&self) -> f64 {
        (self.baseline_hours / HOURS_PER_MONTH).clamp(0.0, 1.0)
    }
}

/// Every EC2 and RDS item of `plan`, in plan order. Other items are skipped (their cost does
/// not depend on a purchase option).
pub fn subjects(plan: &Plan) -> Result<Vec<Subject>, PurchaseError> {
    let ev = Evaluator::new(plan).map_err(|e| PurchaseError::Field {
        item: format!("parameter {}", e.name),
        field: "value".into(),
        message: e.error.to_string(),
    })?;
    let mut out = Vec::new();
    for item in &plan.items {
        if let Some(s) = subject(plan, item, &ev)? {
            out.push(s);
        }
    }
    Ok(out)
}

fn field_err(item: &Item, field: &str, message: impl Into<String>) -> PurchaseError {
    PurchaseError::Field {
        item: item.id.clone(),
        field: field.to_string(),
        message: message.into(),
    }
}

fn num(
    ev: &Evaluator,
    item: &Item,
    n: &crate::plan::Num,
    field: &str,
) -> Result<f64, PurchaseError> {
    let v = ev
        .eval(n)
        .map_err(|e| field_err(item, field, e.to_string()))?;
    if v < 0.0 {
        return Err(field_err(
            item,
            field,
            format!("must not be negative (got {v})"),
        ));
    }
    Ok(v)
}

/// The subject of one item, or `None` for an item a purchase option does not apply to.
pub fn subject(plan: &Plan, item: &Item, ev: &Evaluator) -> Result<Option<Subject>, PurchaseError> {
    let region = item.region(plan).to_string();
    match &item.resource {
        Resource::Ec2(f) => {
            let count = match f.usage {
                Usage::Constant { .. } => num(ev, item, &f.count, "ec2.count")?,
                Usage::Spike { .. } => 0.0,
            };
            let h = fleet_hours(count, &f.usage, ev)
                .map_err(|e| field_err(item, &format!("ec2.{}", e.field), e.message))?;
            let hourly = series::month(count, &f.usage, ev)
                .map_err(|e| field_err(item, &format!("ec2.{}", e.field), e.message))?;
            Ok(Some(Subject {
                item_id: item.id.clone(),
                item_name: item.name.clone(),
                service: Service::Ec2,
                region,
                product: f.instance_type.clone(),
                instance_type: f.instance_type.clone(),
                label: f.instance_type.clone(),
                baseline_count: h.baseline_count,
                baseline_hours: h.baseline_hours,
                spike_instance_hours: h.spike_instance_hours(),
                current: f.purchase,
                hourly,
            }))
        }
        Resource::Rds(d) => {
            let count = num(ev, item, &d.count, "rds.count")?;
            let hours = num(ev, item, &d.hours_per_month, "rds.hours_per_month")?;
            if hours > HOURS_PER_MONTH {
                return Err(field_err(
                    item,
                    "rds.hours_per_month",
                    format!("at most {HOURS_PER_MONTH} hours in a month (got {hours})"),
                ));
            }
            let dep = if d.multi_az { "multi_az" } else { "single_az" };
            let dep_name = if d.multi_az { "Multi-AZ" } else { "Single-AZ" };
            let engine = match d.engine {
                crate::plan::RdsEngine::Postgresql => "PostgreSQL",
                crate::plan::RdsEngine::Mysql => "MySQL",
            };
            let usage = Usage::Constant {
                hours_per_month: crate::plan::Num::Value(hours),
            };
            let hourly = series::month(count, &usage, ev)
                .map_err(|e| field_err(item, "rds.hours_per_month", e.message))?;
            Ok(Some(Subject {
                item_id: item.id.clone(),
                item_name: item.name.clone(),
                service: Service::Rds,
                region,
                product: format!("{}:{dep}:{}", d.engine.as_str(), d.instance_class),
                instance_type: d.instance_class.clone(),
                label: format!("{} {engine} {dep_name}", d.instance_class),
                baseline_count: count,
                baseline_hours: hours,
                spike_instance_hours: 0.0,
                current: d.purchase,
                hourly,
            }))
        }
        _ => Ok(None),
    }
}
