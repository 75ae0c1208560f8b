//! The Auto Scaling group definition ([`GroupSpec`]) as stored in a plan item
//! (`{"kind": "scaling_group", …}`): instance types and weights, capacity limits, delays,
//! purchase mix, Reserved Instance cover, demand, policies, schedule, predictive scaling and
//! simulation settings. Capacities are in weighted capacity units (1 per instance when every
//! weight is 1), as AWS counts them [ec2-auto-scaling-mixed-instances-groups-instance-weighting].

use super::ScalingError;
use super::demand::DemandSpec;
use super::policy::{Distribution, DynamicPolicy};
use super::predictive::PredictiveConfig;
use super::schedule::ScheduledAction;
use crate::catalog::{OfferingClass, Payment, Term};
use serde::{Deserialize, Serialize};

/// One instance type the group may launch; `weight` capacity units per instance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InstanceChoice {
    /// EC2 instance type name (`m5.large`).
    pub instance_type: String,
    /// Capacity units one instance of this type provides (`WeightedCapacity`, 1–999; default 1).
    #[serde(default = "one_u32")]
    pub weight: u32,
}

fn one_u32() -> u32 {
    1
}
fn d300() -> u32 {
    300
}
fn d60() -> u32 {
    60
}
fn d12() -> u32 {
    12
}

/// Reserved Instances bought for the group's On-Demand part: billed every hour of the term,
/// used or not; On-Demand hours up to `count` instances are covered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReservedCover {
    /// Number of Reserved Instances bought, of the type On-Demand capacity launches on.
    pub count: u32,
    /// Offering class of the Reserved Instances (standard or convertible).
    pub class: OfferingClass,
    /// Term of the Reserved Instances (1 or 3 years).
    pub term: Term,
    /// Payment option (No, Partial or All Upfront); upfront fees are amortised over the term.
    pub payment: Payment,
}

/// How the simulation runs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SimSettings {
    /// Step length in minutes: 1, 5 or 60.
    #[serde(default = "d60")]
    pub step_minutes: u32,
    /// Months simulated from the plan's start month (1–36).
    #[serde(default = "d12")]
    pub months: u32,
    /// Seed of demand noise and Spot interruptions.
    #[serde(default)]
    pub seed: u64,
}

impl Default for SimSettings {
    fn default() -> Self {
        SimSettings {
            step_minutes: 60,
            months: 12,
            seed: 0,
        }
    }
}

/// An EC2 Auto Scaling group and the workload that drives it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupSpec {
    /// Instance types in priority order. On-Demand capacity launches on one of them and Spot
    /// capacity is shared over them by `distribution`'s allocation strategies
    /// ([`super::allocation`]).
    pub instance_types: Vec<InstanceChoice>,
    /// Demand one capacity unit serves at 100 % utilisation, in the demand's unit (req/s …).
    /// At a 50 % target an instance is therefore loaded with half of this.
    pub capacity_per_unit: f64,
    /// Minimum capacity in weighted units (the group's `MinSize`).
    pub min: u32,
    /// Desired capacity at the start of the simulation, in weighted units (`DesiredCapacity`).
    pub desired: u32,
    /// Maximum capacity in weighted units (the group's `MaxSize`; at most 100,000).
    pub max: u32,
    /// Time from launch until an instance serves traffic and reports metrics (s). Defaults to
    /// the group's `default_cooldown_s`, as the warm-up precedence in the guide
    /// [consolidated-view-of-warm-up-and-cooldown-settings].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instance_warmup_s: Option<u32>,
    /// Default cooldown of simple scaling policies (AWS default 300 s).
    #[serde(default = "d300")]
    pub default_cooldown_s: u32,
    /// Time to replace an interrupted or unhealthy instance until it serves again (s).
    #[serde(default = "d300")]
    pub replacement_delay_s: u32,
    /// On-Demand / Spot split and allocation strategies (API `InstancesDistribution`).
    #[serde(default)]
    pub distribution: Distribution,
    /// Reserved Instances covering part of the On-Demand capacity; none by default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reserved: Option<ReservedCover>,
    /// The load the group serves: a built-in profile or a CSV series.
    pub demand: DemandSpec,
    /// Dynamic scaling policies (target tracking, step, simple); the largest capacity wins.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub policies: Vec<DynamicPolicy>,
    /// Scheduled actions that set min, max or desired capacity at given times (at most 125).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scheduled: Vec<ScheduledAction>,
    /// Predictive scaling policy; none by default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub predictive: Option<PredictiveConfig>,
    /// Step length, horizon and seed of the simulation.
    #[serde(default)]
    pub simulation: SimSettings,
}

impl GroupSpec {
    /// The group with instance type `i` moved to the front: the simulator counts On-Demand
    /// instances of the first type, so a `lowest-price` On-Demand allocation that picked
    /// type `i` is simulated on this copy.
    pub fn with_on_demand_type(&self, i: usize) -> GroupSpec {
        let mut g = self.clone();
        if i < g.instance_types.len() {
            let t = g.instance_types.remove(i);
            g.instance_types.insert(0, t);
        }
        g
    }

    /// Warm-up of instances launched by the group (policy warm-ups override it per launch).
    pub fn warmup_s(&self) -> u32 {
        self.instance_warmup_s.unwrap_or(self.default_cooldown_s)
    }

    /// Every problem that stops the group from being simulated; field names are relative to
    /// the group (`min`, `policies[1].steps[0]` …).
    pub fn validate(&self) -> Result<(), ScalingError> {
        fn e(f: impl Into<String>, m: impl Into<String>) -> ScalingError {
            ScalingError::field(f, m)
        }
        if self.instance_types.is_empty() {
            return Err(e(
                "instance_types",
                "at least one instance type is required",
            ));
        }
        for (i, t) in self.instance_types.iter().enumerate() {
            if t.instance_type.trim().is_empty() {
                return Err(e(format!("instance_types[{i}].instance_type"), "is empty"));
            }
            if t.weight == 0 || t.weight > 999 {
                return Err(e(
                    format!("instance_types[{i}].weight"),
                    format!("must be 1–999 (got {})", t.weight),
                ));
            }
        }
        if !(self.capacity_per_unit.is_finite() && self.capacity_per_unit > 0.0) {
            return Err(e(
                "capacity_per_unit",
                format!("must be a positive number (got {})", self.capacity_per_unit),
            ));
        }
        if self.capacity_per_unit > crate::limits::MAX_DEMAND {
            return Err(e(
                "capacity_per_unit",
                format!(
                    "must be at most {} (got {})",
                    crate::limits::show(crate::limits::MAX_DEMAND),
                    crate::limits::show(self.capacity_per_unit)
                ),
            ));
        }
        if self.min > self.max {
            return Err(e(
                "min",
                format!("min ({}) must not exceed max ({})", self.min, self.max),
            ));
        }
        if self.desired < self.min || self.desired > self.max {
            return Err(e(
                "desired",
                format!(
                    "desired ({}) must be within [min, max] = [{}, {}]",
                    self.desired, self.min, self.max
                ),
            ));
        }
        if self.max > 100_000 {
            return Err(e("max", "at most 100000 capacity units"));
        }
        if let Some(r) = &self.reserved
            && r.count > 100_000
        {
            return Err(e(
                "reserved.count",
                format!("at most 100000 Reserved Instances (got {})", r.count),
            ));
        }
        if !matches!(self.simulation.step_minutes, 1 | 5 | 60) {
            return Err(e(
                "simulation.step_minutes",
                format!("must be 1, 5 or 60 (got {})", self.simulation.step_minutes),
            ));
        }
        if !(1..=36).contains(&self.simulation.months) {
            return Err(e(
                "simulation.months",
                format!("must be 1–36 (got {})", self.simulation.months),
            ));
        }
        self.distribution.validate()?;
        self.demand.validate()?;
        for (i, p) in self.policies.iter().enumerate() {
            p.validate(&format!("policies[{i}]"))?;
        }
        if self.scheduled.len() > 125 {
            return Err(e(
                "scheduled",
                "at most 125 scheduled actions per group (AWS quota)",
            ));
        }
        for (i, a) in self.scheduled.iter().enumerate() {
            a.validate(&format!("scheduled[{i}]"))?;
        }
        if let Some(p) = &self.predictive {
            p.validate()?;
        }
        Ok(())
    }
}
