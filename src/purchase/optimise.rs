//! Commitment optimiser: how many Reserved Instances, or how many dollars per hour of Savings
//! Plan, minimise the total cost of an hourly usage series.
//!
//! Billing rules applied (and their sources):
//! * A Reserved Instance is paid for every hour of its term whether an instance runs or not, and
//!   covers at most one running instance per clock-hour; instances above the reserved count are
//!   On-Demand (Amazon EC2 Reserved Instances whitepaper, "Usage billing":
//!   docs.aws.amazon.com/whitepapers/latest/cost-optimization-reservation-models/usage-billing.html).
//!   Its cost per hour is the effective rate (recurring hourly + upfront / term hours).
//! * A Savings Plan commitment (USD per hour) is paid every hour; it applies **after** Reserved
//!   Instances, to the usage with the highest savings percentage (1 − SP rate / On-Demand rate)
//!   first, ties to the lower Savings Plans rate; usage it does not cover is On-Demand
//!   (docs.aws.amazon.com/savingsplans/latest/userguide/sp-applying.html).
//!
//! Both total-cost functions are convex in the commitment (each extra unit covers usage that is
//! at most as valuable as the previous one), so the optimum is found exactly: for RIs by a scan of
//! every count from 0 to the peak, for Savings Plans by a sweep over the points where an hour's
//! covered usage changes. A curve of total cost over commitment levels is returned with the
//! optimum marked, for the chart.

use serde::Serialize;

/// What a commitment level counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CommitUnit {
    /// Number of Reserved Instances.
    Instances,
    /// Savings Plan commitment, USD per hour.
    UsdPerHour,
}

/// One point of a total-cost curve.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct CurvePoint {
    /// Commitment level (instances or USD/h).
    pub level: f64,
    /// Total cost of the series at that level (commitment + On-Demand remainder), USD.
    pub total_usd: f64,
}

/// Total cost over commitment levels, with the optimum.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Curve {
    /// Whether `level` counts Reserved Instances or Savings Plan USD per hour.
    pub unit: CommitUnit,
    /// Hours in the usage series the totals cover.
    pub hours: usize,
    /// Total cost at each commitment level, from no commitment up.
    pub points: Vec<CurvePoint>,
    /// The level with the lowest total (the smallest such level on a tie).
    pub best: CurvePoint,
    /// Total with no commitment (all On-Demand).
    pub on_demand_usd: f64,
}

impl Curve {
    /// Saving of the optimum versus all On-Demand, USD.
    pub fn best_saving_usd(&self) -> f64 {
        self.on_demand_usd - self.best.total_usd
    }
}

/// Total cost of `usage` (running instances per hour) with `k` Reserved Instances at
/// `effective_rate` per hour and the rest On-Demand at `on_demand_rate`.
pub fn reserved_total(usage: &[f64], k: f64, on_demand_rate: f64, effective_rate: f64) -> f64 {
    let over: f64 = usage.iter().map(|u| (u - k).max(0.0)).sum();
    k * effective_rate * usage.len() as f64 + on_demand_rate * over
}

/// Total cost for every Reserved Instance count from 0 to the peak of `usage`, and the optimum.
pub fn reserved_count(usage: &[f64], on_demand_rate: f64, effective_rate: f64) -> Curve {
    let n = usage.len();
    let mut sorted: Vec<f64> = usage.iter().map(|u| u.max(0.0)).collect();
    sorted.sort_by(f64::total_cmp);
    // suffix[i] = sum of sorted[i..]
    let mut suffix = vec![0.0; n + 1];
    for i in (0..n).rev() {
        suffix[i] = suffix[i + 1] + sorted[i];
    }
    let peak = sorted.last().copied().unwrap_or(0.0);
    let max_k = peak.ceil() as usize;
    let mut points = Vec::with_capacity(max_k + 1);
    for k in 0..=max_k {
        let kf = k as f64;
        let idx = sorted.partition_point(|v| *v < kf);
        let over = suffix[idx] - kf * (n - idx) as f64;
        points.push(CurvePoint {
            level: kf,
            total_usd: kf * effective_rate * n as f64 + on_demand_rate * over,
        });
    }
    let best = lowest(&points);
    Curve {
        unit: CommitUnit::Instances,
        hours: n,
        on_demand_usd: points[0].total_usd,
        points,
        best,
    }
}

fn lowest(points: &[CurvePoint]) -> CurvePoint {
    let mut best = points[0];
    for p in &points[1..] {
        // Strictly lower by more than rounding noise: ties keep the smaller commitment.
        if p.total_usd < best.total_usd - 1e-9 * best.total_usd.abs().max(1.0) {
            best = *p;
        }
    }
    best
}

/// Usage a Savings Plan can cover: one instance type (or other product) in one region.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpBucket {
    /// Name of the usage, e.g. an instance type (`m5.large`).
    pub label: String,
    /// On-Demand price, USD per unit of usage (per instance-hour for instances).
    pub on_demand_rate: f64,
    /// Savings Plans rate per unit of usage.
    pub sp_rate: f64,
    /// Usage per hour (after Reserved Instances), all buckets the same length.
    pub usage: Vec<f64>,
}

impl SpBucket {
    /// Savings percentage versus On-Demand, 0–1.
    pub fn savings(&self) -> f64 {
        if self.on_demand_rate > 0.0 {
            1.0 - self.sp_rate / self.on_demand_rate
        } else {
            0.0
        }
    }
}

/// Order in which a commitment covers buckets: highest savings first, ties to the lower
/// Savings Plans rate (sp-applying.html), then plan order.
pub fn application_order(buckets: &[SpBucket]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..buckets.len())
        .filter(|i| buckets[*i].sp_rate > 0.0 && buckets[*i].sp_rate < buckets[*i].on_demand_rate)
        .collect();
    order.sort_by(|a, b| {
        let (x, y) = (&buckets[*a], &buckets[*b]);
        y.savings()
            .total_cmp(&x.savings())
            .then(x.sp_rate.total_cmp(&y.sp_rate))
            .then(a.cmp(b))
    });
    order
}

/// Cost of one hour: `commitment` plus the On-Demand cost of what it does not cover, covering
/// `quantities[i]` units of bucket `i` in `order`. Buckets not in `order` (no saving) are
/// On-Demand.
pub fn sp_hour_cost(
    commitment: f64,
    buckets: &[SpBucket],
    quantities: &[f64],
    order: &[usize],
) -> f64 {
    // Everything at On-Demand, less what the commitment covers (no allocation: this runs once
    // per hour per level).
    let mut cost = commitment;
    for (b, q) in buckets.iter().zip(quantities) {
        cost += q.max(0.0) * b.on_demand_rate;
    }
    let mut left = commitment;
    for &i in order {
        if left <= 0.0 {
            break;
        }
        let b = &buckets[i];
        let covered = quantities[i].max(0.0).min(left / b.sp_rate);
        cost -= covered * b.on_demand_rate;
        left = (left - covered * b.sp_rate).max(0.0);
    }
    cost
}

/// Total cost of the buckets' series with a commitment of `commitment` USD per hour.
pub fn sp_total(commitment: f64, buckets: &[SpBucket]) -> f64 {
    let hours = buckets.iter().map(|b| b.usage.len()).max().unwrap_or(0);
    let order = application_order(buckets);
    let mut q = vec![0.0; buckets.len()];
    let mut total = 0.0;
    for h in 0..hours {
        for (i, b) in buckets.iter().enumerate() {
            q[i] = b.usage.get(h).copied().unwrap_or(0.0);
        }
        total += sp_hour_cost(commitment, buckets, &q, &order);
    }
    total
}

/// The Savings Plan commitment that minimises the total, exactly, and a curve of `steps` + 1
/// evenly spaced levels from 0 to the largest hourly spend at Savings Plans rates (plus the
/// optimum, in order).
pub fn savings_plan(buckets: &[SpBucket], steps: usize) -> Curve {
    let hours = buckets.iter().map(|b| b.usage.len()).max().unwrap_or(0);
    let order = application_order(buckets);
    // Slope of the total in the commitment c: hours − Σ_h ratio_h(c), where ratio_h(c) is
    // On-Demand / SP rate of the bucket being covered at level c in hour h (0 when all of the
    // hour's eligible usage is covered). Events: (level, change of Σ ratio).
    let mut events: Vec<(f64, f64)> = Vec::new();
    let mut sum_ratio0 = 0.0;
    let mut peak_spend: f64 = 0.0;
    for h in 0..hours {
        let mut cum = 0.0;
        let mut prev_ratio = None;
        for &i in &order {
            let b = &buckets[i];
            let q = b.usage.get(h).copied().unwrap_or(0.0).max(0.0);
            if q <= 0.0 {
                continue;
            }
            let ratio = b.on_demand_rate / b.sp_rate;
            match prev_ratio {
                None => sum_ratio0 += ratio,
                Some(p) => events.push((cum, ratio - p)),
            }
            cum += q * b.sp_rate;
            prev_ratio = Some(ratio);
        }
        if let Some(p) = prev_ratio {
            events.push((cum, -p));
        }
        peak_spend = peak_spend.max(cum);
    }
    events.sort_by(|a, b| a.0.total_cmp(&b.0));
    let n = hours as f64;
    let mut sum_ratio = sum_ratio0;
    let mut best_level = 0.0;
    if n - sum_ratio < 0.0 {
        // Walk until the slope turns non-negative.
        let mut i = 0;
        while i < events.len() {
            let level = events[i].0;
            while i < events.len() && events[i].0 == level {
                sum_ratio += events[i].1;
                i += 1;
            }
            best_level = level;
            if n - sum_ratio >= -1e-12 {
                break;
            }
        }
    }
    let best = CurvePoint {
        level: best_level,
        total_usd: sp_total(best_level, buckets),
    };
    let mut points: Vec<CurvePoint> = (0..=steps.max(1))
        .map(|s| {
            let level = peak_spend * s as f64 / steps.max(1) as f64;
            CurvePoint {
                level,
                total_usd: sp_total(level, buckets),
            }
        })
        .collect();
    if !points.iter().any(|p| p.level == best.level) {
        points.push(best);
        points.sort_by(|a, b| a.level.total_cmp(&b.level));
    }
    Curve {
        unit: CommitUnit::UsdPerHour,
        hours,
        on_demand_usd: sp_total(0.0, buckets),
        points,
        best,
    }
}

/// Usage left for Savings Plans after `k` Reserved Instances cover what they can each hour.
pub fn after_reserved(usage: &[f64], k: f64) -> Vec<f64> {
    usage.iter().map(|u| (u - k).max(0.0)).collect()
}

/// One usage series to optimise together with others: its rates and, when the catalogue has
/// them, its Reserved Instance effective rate and Savings Plans rate.
#[derive(Debug, Clone, PartialEq)]
pub struct Workload {
    /// Name of the workload, e.g. a plan item or instance type.
    pub label: String,
    /// Usage in each hour of the series (running instances).
    pub usage: Vec<f64>,
    /// On-Demand price, USD per instance-hour.
    pub on_demand_rate: f64,
    /// Effective RI rate (hourly + upfront / term hours); `None`: no RI offered.
    pub reserved_rate: Option<f64>,
    /// Savings Plans rate; `None`: no Savings Plan covers it.
    pub sp_rate: Option<f64>,
}

/// RIs first, then a Savings Plan over what they leave: each workload's best RI count (its own
/// series), then the Savings Plan commitment minimising the total of the rest (AWS applies
/// Savings Plans after Reserved Instances, sp-applying.html). Returns the RI counts, the total of
/// the RI fees, and the Savings Plan curve over the residual usage (its totals include the RI
/// fees, so `best.total_usd` is the whole cost of the series).
pub fn reserved_then_savings_plan(workloads: &[Workload], steps: usize) -> (Vec<f64>, f64, Curve) {
    let mut counts = Vec::with_capacity(workloads.len());
    let mut ri_fees = 0.0;
    let mut buckets = Vec::new();
    let mut on_demand_only = 0.0;
    for w in workloads {
        let k = match w.reserved_rate {
            Some(eff) => reserved_count(&w.usage, w.on_demand_rate, eff).best.level,
            None => 0.0,
        };
        counts.push(k);
        ri_fees += k * w.reserved_rate.unwrap_or(0.0) * w.usage.len() as f64;
        let rest = after_reserved(&w.usage, k);
        match w.sp_rate {
            Some(sp) => buckets.push(SpBucket {
                label: w.label.clone(),
                on_demand_rate: w.on_demand_rate,
                sp_rate: sp,
                usage: rest,
            }),
            None => on_demand_only += rest.iter().sum::<f64>() * w.on_demand_rate,
        }
    }
    let mut curve = savings_plan(&buckets, steps);
    let fixed = ri_fees + on_demand_only;
    for p in &mut curve.points {
        p.total_usd += fixed;
    }
    curve.best.total_usd += fixed;
    curve.on_demand_usd += fixed;
    (counts, ri_fees, curve)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reserved_curve_matches_direct_totals() {
        let usage = [0.0, 1.0, 2.5, 3.0, 3.0, 1.0];
        let c = reserved_count(&usage, 0.096, 0.06);
        assert_eq!(c.points.len(), 4);
        for p in &c.points {
            let direct = reserved_total(&usage, p.level, 0.096, 0.06);
            assert!((direct - p.total_usd).abs() < 1e-12);
        }
        assert_eq!(c.on_demand_usd, reserved_total(&usage, 0.0, 0.096, 0.06));
    }

    #[test]
    fn empty_inputs_do_not_panic() {
        let c = reserved_count(&[], 0.1, 0.05);
        assert_eq!(c.best.level, 0.0);
        let s = savings_plan(&[], 10);
        assert_eq!(s.best.total_usd, 0.0);
    }
}
