//! Scaling-policy arithmetic: target tracking, step and simple scaling, AWS's rounding rules
//! for `PercentChangeInCapacity`, `MinAdjustmentMagnitude`, and the On-Demand / Spot split of
//! a mixed instances group. Pure functions over numbers; [`super::simulate`] decides when
//! they fire.
//!
//! Sources (Amazon EC2 Auto Scaling User Guide page names in brackets):
//! * target tracking [as-scaling-target-tracking]: "rounding up or down" conservatively —
//!   adding 1.5 instances becomes 2, removing 1.5 removes 1; both match
//!   `desired = ceil(current × metric / target)`;
//! * step adjustments and rounding [as-scaling-simple-step]; several policies
//!   [as-scale-based-on-demand]: the largest resulting capacity wins;
//! * the split [ec2-auto-scaling-mixed-instances-groups]: On-Demand base first, then
//!   `OnDemandPercentageAboveBaseCapacity` of the rest, a fractional On-Demand count rounds up.

use super::ScalingError;
use serde::{Deserialize, Serialize};

fn d3() -> u32 {
    3
}
fn d15() -> u32 {
    15
}
fn d1() -> u32 {
    1
}
fn d100() -> f64 {
    100.0
}

/// How an adjustment changes capacity [as-scaling-simple-step, "Scaling adjustment types"].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AdjustmentType {
    /// Add (or remove, when negative) this many capacity units: 3 + 5 → 8.
    ChangeInCapacity,
    /// Set capacity to this value: 3 → 5.
    ExactCapacity,
    /// Change by a percentage of current capacity: 10 + 10 % → 11.
    PercentChangeInCapacity,
}

/// Alarm comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Comparison {
    /// Breached when utilisation ≥ threshold (`GreaterThanOrEqualToThreshold`).
    GreaterThanOrEqual,
    /// Breached when utilisation > threshold (`GreaterThanThreshold`).
    GreaterThan,
    /// Breached when utilisation < threshold (`LessThanThreshold`).
    LessThan,
    /// Breached when utilisation ≤ threshold (`LessThanOrEqualToThreshold`).
    LessThanOrEqual,
}

/// A CloudWatch alarm on the group's average utilisation (percent of in-service capacity).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Alarm {
    /// How utilisation is compared with `threshold`.
    pub comparison: Comparison,
    /// Utilisation threshold, percent.
    pub threshold: f64,
    /// Consecutive breaching minutes before the alarm fires (EvaluationPeriods × Period).
    #[serde(default = "d1")]
    pub evaluation_minutes: u32,
}

impl Alarm {
    /// Whether utilisation `metric` (percent) breaches the threshold; one datapoint only.
    pub fn breached(&self, metric: f64) -> bool {
        match self.comparison {
            Comparison::GreaterThanOrEqual => metric >= self.threshold,
            Comparison::GreaterThan => metric > self.threshold,
            Comparison::LessThan => metric < self.threshold,
            Comparison::LessThanOrEqual => metric <= self.threshold,
        }
    }
}

/// One step of a step-scaling policy; bounds are relative to the alarm threshold, `None`
/// meaning −∞ (lower) or +∞ (upper).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// Lower bound of the breach (utilisation − threshold, percentage points); `None` = −∞.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lower: Option<f64>,
    /// Upper bound of the breach (percentage points); `None` = +∞.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upper: Option<f64>,
    /// Adjustment when the breach falls in this step, read per the policy's `adjustment_type`.
    pub adjustment: f64,
}

/// A dynamic scaling policy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum DynamicPolicy {
    /// Keep average utilisation at `target_pct`.
    TargetTracking {
        /// Target average utilisation of in-service capacity, percent (0–100].
        target_pct: f64,
        /// `EstimatedInstanceWarmup` of instances this policy launches, seconds; the group's
        /// warm-up when unset.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        instance_warmup_s: Option<u32>,
        /// `DisableScaleIn`: the policy only ever scales out.
        #[serde(default)]
        disable_scale_in: bool,
        /// Minutes above target before scaling out (commonly observed: 3; not documented).
        #[serde(default = "d3")]
        alarm_high_minutes: u32,
        /// Minutes below 90 % of target before scaling in (commonly observed: 15).
        #[serde(default = "d15")]
        alarm_low_minutes: u32,
    },
    /// Step scaling: the step the breach falls in sets the adjustment; no cooldown.
    Step {
        /// The CloudWatch alarm that triggers the policy.
        alarm: Alarm,
        /// How each step's adjustment changes capacity.
        adjustment_type: AdjustmentType,
        /// Step adjustments; their bounds must neither overlap nor leave gaps.
        steps: Vec<Step>,
        /// `MinAdjustmentMagnitude`, capacity units; only with `percent_change_in_capacity`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min_adjustment_magnitude: Option<u32>,
        /// Warm-up of instances this policy launches, seconds; the group's warm-up when unset.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        instance_warmup_s: Option<u32>,
    },
    /// Simple scaling: one adjustment, then wait for the cooldown.
    Simple {
        /// The CloudWatch alarm that triggers the policy.
        alarm: Alarm,
        /// How `adjustment` changes capacity.
        adjustment_type: AdjustmentType,
        /// Scaling adjustment: capacity units, target capacity or percent, per `adjustment_type`.
        adjustment: f64,
        /// `MinAdjustmentMagnitude`, capacity units; only with `percent_change_in_capacity`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min_adjustment_magnitude: Option<u32>,
        /// Overrides the group's default cooldown (300 s).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        cooldown_s: Option<u32>,
    },
}

impl DynamicPolicy {
    /// Check the policy's fields; errors name them under `at` (`policies[0].target_pct` …).
    pub fn validate(&self, at: &str) -> Result<(), ScalingError> {
        let e = |f: &str, m: String| ScalingError::field(format!("{at}.{f}"), m);
        match self {
            DynamicPolicy::TargetTracking { target_pct, .. } => {
                if !(target_pct.is_finite() && *target_pct > 0.0 && *target_pct <= 100.0) {
                    return Err(e(
                        "target_pct",
                        format!("must be in (0, 100] (got {target_pct})"),
                    ));
                }
            }
            DynamicPolicy::Step {
                steps,
                adjustment_type,
                min_adjustment_magnitude,
                ..
            } => {
                check_min_mag(*adjustment_type, *min_adjustment_magnitude)
                    .map_err(|m| e("min_adjustment_magnitude", m))?;
                validate_steps(steps).map_err(|(i, m)| e(&format!("steps[{i}]"), m))?;
            }
            DynamicPolicy::Simple {
                adjustment_type,
                adjustment,
                min_adjustment_magnitude,
                ..
            } => {
                check_min_mag(*adjustment_type, *min_adjustment_magnitude)
                    .map_err(|m| e("min_adjustment_magnitude", m))?;
                check_adjustment(*adjustment).map_err(|m| e("adjustment", m))?;
            }
        }
        Ok(())
    }
}

/// A scaling adjustment is a finite number of capacity units (or percent) no larger in size
/// than [`crate::limits::MAX_COUNT`]: a change of 1e66 is a slip, and it would overflow the
/// capacity arithmetic (found by the `plan_json` fuzz target).
fn check_adjustment(a: f64) -> Result<(), String> {
    if !a.is_finite() {
        return Err("must be a number".into());
    }
    if a.abs() > crate::limits::MAX_COUNT {
        return Err(format!(
            "must be between -{max:e} and {max:e} (got {a:e})",
            max = crate::limits::MAX_COUNT
        ));
    }
    Ok(())
}

fn check_min_mag(t: AdjustmentType, m: Option<u32>) -> Result<(), String> {
    if m.is_some() && t != AdjustmentType::PercentChangeInCapacity {
        return Err("applies only to percent_change_in_capacity".into());
    }
    Ok(())
}

/// Step bounds: no overlaps, no gaps, at most one open lower and one open upper bound, no step
/// open at both ends [as-scaling-simple-step, "Step adjustments"].
pub fn validate_steps(steps: &[Step]) -> Result<(), (usize, String)> {
    if steps.is_empty() {
        return Err((0, "a step policy needs at least one step".into()));
    }
    for (i, s) in steps.iter().enumerate() {
        if s.lower.is_none() && s.upper.is_none() {
            return Err((i, "a step cannot have both bounds open".into()));
        }
        if let (Some(l), Some(u)) = (s.lower, s.upper)
            && l >= u
        {
            return Err((i, format!("lower bound {l} must be below upper bound {u}")));
        }
        check_adjustment(s.adjustment).map_err(|m| (i, format!("adjustment {m}")))?;
    }
    let mut sorted: Vec<(usize, f64, f64)> = steps
        .iter()
        .enumerate()
        .map(|(i, s)| {
            (
                i,
                s.lower.unwrap_or(f64::NEG_INFINITY),
                s.upper.unwrap_or(f64::INFINITY),
            )
        })
        .collect();
    sorted.sort_by(|a, b| a.1.total_cmp(&b.1));
    for w in sorted.windows(2) {
        if w[0].2 != w[1].1 {
            return Err((
                w[1].0,
                format!(
                    "steps must neither overlap nor leave gaps: one ends at {} and the next starts at {}",
                    w[0].2, w[1].1
                ),
            ));
        }
    }
    Ok(())
}

/// The step the breach `metric − threshold` falls in. Above the threshold the lower bound is
/// inclusive and the upper exclusive; below it the lower bound is exclusive and the upper
/// inclusive [as-scaling-simple-step].
pub fn find_step(steps: &[Step], metric: f64, threshold: f64) -> Option<&Step> {
    let d = metric - threshold;
    steps.iter().find(|s| {
        let lo = s.lower.unwrap_or(f64::NEG_INFINITY);
        let hi = s.upper.unwrap_or(f64::INFINITY);
        if lo >= 0.0 || (s.lower.is_none() && hi > 0.0) {
            lo <= d && d < hi
        } else {
            lo < d && d <= hi
        }
    })
}

/// AWS's rounding of a `PercentChangeInCapacity` result [as-scaling-simple-step]: above 1 →
/// rounded down (12.7 → 12), between 0 and 1 → 1, between −1 and 0 → −1, below −1 → rounded
/// up (−6.67 → −6). Truncation toward zero, never to zero (0 stays 0).
pub fn round_percent_change(raw: f64) -> i64 {
    if raw == 0.0 || !raw.is_finite() {
        0
    } else if raw > 0.0 && raw < 1.0 {
        1
    } else if raw < 0.0 && raw > -1.0 {
        -1
    } else {
        raw.trunc() as i64
    }
}

/// New capacity (before clamping to [min, max]) after applying `adjustment` of `kind` to
/// `current`. `min_magnitude` (MinAdjustmentMagnitude) applies only to percentages: 4
/// instances at +25 % with a minimum of 2 gives +2.
pub fn apply_adjustment(
    current: u32,
    kind: AdjustmentType,
    adjustment: f64,
    min_magnitude: Option<u32>,
) -> i64 {
    let cur = current as i64;
    match kind {
        AdjustmentType::ChangeInCapacity => cur.saturating_add(adjustment.trunc() as i64),
        AdjustmentType::ExactCapacity => adjustment.max(0.0).trunc() as i64,
        AdjustmentType::PercentChangeInCapacity => {
            let mut change = round_percent_change(current as f64 * adjustment / 100.0);
            if let Some(m) = min_magnitude
                && change != 0
                && change.abs() < m as i64
            {
                change = change.signum() * m as i64;
            }
            cur.saturating_add(change)
        }
    }
}

/// `x.ceil()` for finite `0 ≤ x < 2^52` without a libm call (baseline x86-64 has no `roundsd`;
/// this sits in the simulator's inner loop). Other values fall back to `f64::ceil`.
#[inline]
pub fn ceil_nonneg(x: f64) -> f64 {
    if (0.0..4_503_599_627_370_496.0).contains(&x) {
        // Through i64, not u64: x < 2^52 fits, and baseline x86-64 converts i64 ⇄ f64 in one
        // instruction each but u64 ⇄ f64 in a branchy sequence (same value either way).
        let i = x as i64 as f64;
        if i < x { i + 1.0 } else { i }
    } else {
        x.ceil()
    }
}

/// `x.ceil() as i64` for finite `0 ≤ x < 2^52` without the float round trip of
/// [`ceil_nonneg`] (the count is wanted as an integer; one conversion each way fewer, no
/// saturation checks). Other values fall back to `x.ceil() as i64`; the same result always.
#[inline]
pub fn ceil_nonneg_i64(x: f64) -> i64 {
    if (0.0..4_503_599_627_370_496.0).contains(&x) {
        let i = x as i64;
        i + ((i as f64) < x) as i64
    } else {
        x.ceil() as i64
    }
}

/// Clamp a proposed capacity to the group's limits [asg-capacity-limits].
pub fn clamp(v: i64, min: u32, max: u32) -> u32 {
    v.clamp(min as i64, max as i64) as u32
}

/// Capacity target tracking asks for: `ceil(current × metric / target)` where metric is
/// `demand / (current × capacity_per_unit)` as a percentage — which is
/// `ceil(demand / (capacity_per_unit × target / 100))`, independent of the current count.
pub fn target_tracking_capacity(demand: f64, capacity_per_unit: f64, target_pct: f64) -> i64 {
    let x = demand / (capacity_per_unit * target_pct / 100.0);
    // A relative tolerance keeps an exact fit (e.g. 300 / 100) from rounding up on float noise.
    ceil_nonneg_i64((x - x.abs() * 1e-12).max(0.0))
}

/// The demand one unit serves at `target_pct` utilisation: target tracking and the
/// predictive forecast ask for demand ÷ this, rounded up.
pub fn per_unit_at_target(capacity_per_unit: f64, target_pct: f64) -> f64 {
    capacity_per_unit * target_pct / 100.0
}

/// Average utilisation of `in_service` units serving `demand`, percent. With no capacity in
/// service the metric is missing (`None`, CloudWatch `INSUFFICIENT_DATA`) unless demand is
/// zero.
pub fn utilisation_pct(demand: f64, in_service: u32, capacity_per_unit: f64) -> Option<f64> {
    if in_service == 0 {
        None
    } else {
        Some(demand / (in_service as f64 * capacity_per_unit) * 100.0)
    }
}

/// Instances distribution of a mixed instances group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Distribution {
    /// Capacity filled with On-Demand first (AWS default 0).
    #[serde(default)]
    pub on_demand_base: u32,
    /// On-Demand share of capacity above the base, percent (AWS default 100).
    #[serde(default = "d100")]
    pub on_demand_pct_above_base: f64,
    /// Spot allocation strategy; `None` (plans before strategies): spread evenly over the
    /// types. See [`super::allocation`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spot_allocation_strategy: Option<super::allocation::SpotAllocationStrategy>,
    /// `SpotInstancePools` of `lowest-price` (1–20; AWS default 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spot_instance_pools: Option<u32>,
    /// Which instance type On-Demand capacity launches on (default `prioritized`).
    #[serde(
        default,
        skip_serializing_if = "super::allocation::OnDemandAllocationStrategy::is_default"
    )]
    pub on_demand_allocation_strategy: super::allocation::OnDemandAllocationStrategy,
}

impl Default for Distribution {
    fn default() -> Self {
        Distribution {
            on_demand_base: 0,
            on_demand_pct_above_base: 100.0,
            spot_allocation_strategy: None,
            spot_instance_pools: None,
            on_demand_allocation_strategy: Default::default(),
        }
    }
}

impl Distribution {
    /// Check the On-Demand percentage (0–100) and the Spot allocation fields.
    pub fn validate(&self) -> Result<(), ScalingError> {
        if !(0.0..=100.0).contains(&self.on_demand_pct_above_base) {
            return Err(ScalingError::field(
                "distribution.on_demand_pct_above_base",
                format!("must be 0–100 (got {})", self.on_demand_pct_above_base),
            ));
        }
        super::allocation::validate(self.spot_allocation_strategy, self.spot_instance_pools)
    }

    /// (On-Demand, Spot) capacity of `n` units:
    /// `od = min(base, n) + ceil((n − min(base, n)) × pct / 100)`, `spot = n − od`.
    pub fn split(&self, n: u32) -> (u32, u32) {
        let base = self.on_demand_base.min(n);
        let above = (n - base) as f64 * self.on_demand_pct_above_base / 100.0;
        let od = base + (ceil_nonneg(above - above * 1e-12) as u32).min(n - base);
        (od, n - od)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_rounding_rules() {
        assert_eq!(round_percent_change(12.7), 12);
        assert_eq!(round_percent_change(0.3), 1);
        assert_eq!(round_percent_change(-0.3), -1);
        assert_eq!(round_percent_change(-6.67), -6);
        assert_eq!(round_percent_change(0.0), 0);
    }

    #[test]
    fn fast_ceil_matches_ceil() {
        for x in [0.0, 0.2, 1.0, 1.000001, 2.5, 7.0, 1e9 + 0.5, 1e20, f64::NAN] {
            let (a, b) = (ceil_nonneg(x), x.ceil());
            assert!(a == b || (a.is_nan() && b.is_nan()), "{x}: {a} vs {b}");
            assert_eq!(ceil_nonneg_i64(x), x.ceil() as i64, "{x}");
        }
    }

    #[test]
    fn split_defaults_to_all_on_demand() {
        assert_eq!(Distribution::default().split(7), (7, 0));
        let d = Distribution {
            on_demand_base: 2,
            on_demand_pct_above_base: 25.0,
            ..Distribution::default()
        };
        assert_eq!(d.split(1), (1, 0));
        assert_eq!(d.split(3), (3, 0)); // 2 + ceil(0.25)
        assert_eq!(d.split(6), (3, 3)); // 2 + ceil(1.0)
        assert_eq!(d.split(7), (4, 3)); // 2 + ceil(1.25)
    }

    #[test]
    fn step_bounds_are_checked() {
        let ok = [
            Step {
                lower: Some(0.0),
                upper: Some(10.0),
                adjustment: 0.0,
            },
            Step {
                lower: Some(10.0),
                upper: None,
                adjustment: 1.0,
            },
        ];
        assert!(validate_steps(&ok).is_ok());
        let gap = [
            Step {
                lower: Some(0.0),
                upper: Some(10.0),
                adjustment: 0.0,
            },
            Step {
                lower: Some(20.0),
                upper: None,
                adjustment: 1.0,
            },
        ];
        assert_eq!(validate_steps(&gap).unwrap_err().0, 1);
        let open = [Step {
            lower: None,
            upper: None,
            adjustment: 1.0,
        }];
        assert!(validate_steps(&open).is_err());
    }
}
