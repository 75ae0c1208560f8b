//! The step loop: demand drives the group's policies, desired capacity is clamped to
//! [min, max], instances launch, warm up, serve, get interrupted and replaced; every step is
//! recorded and instance time is summed per month by purchase class.
//!
//! Model (Amazon EC2 Auto Scaling User Guide page names in brackets):
//! * Capacity is in weighted units. The group keeps running units equal to desired
//!   [asg-capacity-limits]; an interrupted Spot unit is replaced after `replacement_delay_s`.
//! * A launched unit warms up for the triggering policy's warm-up (else the group's) and only
//!   then serves demand and reports metrics; warming units are billed
//!   [ec2-auto-scaling-default-instance-warmup].
//! * The metric is average utilisation of in-service units:
//!   `demand / (in_service × capacity_per_unit)`. Unmet demand is what exceeds in-service
//!   capacity at 100 %.
//! * Target tracking [as-scaling-target-tracking]: scale out to
//!   `ceil(demand / (capacity_per_unit × target))` after `alarm_high_minutes` above target;
//!   scale in after `alarm_low_minutes` below 90 % of target, unless scale-in is disabled.
//!   Scale out when any policy asks, scale in only when every target-tracking policy with
//!   scale-in enabled agrees; no target-tracking or step scale-in while units warm up.
//! * Step scaling [as-scaling-simple-step]: the step of the breach sets the adjustment; while
//!   units warm up, the adjustment is computed from the non-warming capacity and only raises
//!   desired (a repeated breach in the same step adds nothing).
//! * Simple scaling [ec2-auto-scaling-scaling-cooldowns]: after an activity, no simple
//!   scaling until the cooldown has passed; the cooldown starts once the launched units are
//!   in service.
//! * Several policies [as-scale-based-on-demand]: the largest resulting capacity wins.
//! * Scheduled actions run at their step before the dynamic policies and ignore cooldowns.
//! * Delays are rounded to whole steps (to the nearest step, so at 60-minute steps a 300 s
//!   warm-up is absorbed into the step it starts in).
//! * Spot interruptions: each in-service Spot unit is interrupted with probability
//!   `rate_per_hour × step hours`; the count per step is drawn by stochastic rounding of the
//!   expectation with the seeded PRNG.
//!
//! Each month runs in two passes: the step loop above records each step's in-service and
//! running units, then the month's totals and the hourly series are summed from that record.
//! `tests/scaling_fingerprint.rs` checks a rewrite of this file against the previous results.

use super::group::GroupSpec;
use super::policy::{self, AdjustmentType, DynamicPolicy};
use super::predictive::{self, PredictiveMode};
use super::rng::SplitMix64;
use super::schedule;
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};

/// How to run one simulation.
#[derive(Debug, Clone, PartialEq)]
pub struct SimOptions {
    /// Time of step 0 (UTC).
    pub start: NaiveDateTime,
    /// Step length in minutes (1, 5 or 60).
    pub step_minutes: u32,
    /// Seed of the Spot interruption draws.
    pub seed: u64,
    /// Probability per hour that one Spot instance is interrupted (see
    /// [`super::billing::interruption_rate_per_hour`]).
    pub spot_interruptions_per_hour: f64,
    /// What to keep besides the month totals.
    pub record: Record,
}

/// What a simulation keeps besides its month totals ([`Simulation::months`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Record {
    /// Month totals only: `events`, `steps` and the hourly series stay empty (the bill and
    /// the cost engine read nothing else).
    Months,
    /// Month totals, scale events and the hourly series (`steps` empty).
    Series,
    /// Everything, with one record per step.
    Steps,
}

/// Why capacity changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cause {
    /// Dynamic policy `n` of the group's `policies`.
    Policy(usize),
    /// Scheduled action `n` of the group's `scheduled`.
    Scheduled(usize),
    /// Predictive scaling raised desired capacity to the forecast.
    Predictive,
    /// Spot interruption: units lost (replacement launched).
    SpotInterruption,
}

impl Cause {
    /// Short label for reports (`policy 1`, `scheduled action 2` …; numbered from 1).
    pub fn label(self) -> String {
        match self {
            Cause::Policy(i) => format!("policy {}", i + 1),
            Cause::Scheduled(i) => format!("scheduled action {}", i + 1),
            Cause::Predictive => "predictive scaling".into(),
            Cause::SpotInterruption => "spot interruption".into(),
        }
    }
}

/// A change of desired capacity (or a Spot interruption: `from` in service → `to`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScaleEvent {
    /// Index of the step at which the change happened.
    pub step: usize,
    /// What changed capacity.
    pub cause: Cause,
    /// Desired capacity before, in weighted units (in-service units for a Spot interruption).
    pub from: u32,
    /// Desired capacity after, in weighted units (in-service units for a Spot interruption).
    pub to: u32,
}

/// One simulation step.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct StepRecord {
    /// Demand of the step, in the demand's unit (req/s …).
    pub demand: f64,
    /// Desired capacity after the step's scaling, weighted units.
    pub desired: u32,
    /// Minimum capacity in force at the step (scheduled actions may change it).
    pub min: u32,
    /// Maximum capacity in force (scheduled actions and predictive scaling may change it).
    pub max: u32,
    /// Units serving demand.
    pub in_service: u32,
    /// Units launched and warming up (billed, not serving).
    pub warming: u32,
    /// Replacement units for interrupted Spot instances (billed, not serving).
    pub replacing: u32,
    /// Running units by purchase class (in_service + warming + replacing = on_demand + spot).
    pub on_demand: u32,
    /// Spot part of the running units.
    pub spot: u32,
    /// Predictive forecast capacity for this hour (0 when none).
    pub forecast: u32,
    /// Demand above in-service capacity at 100 % utilisation.
    pub unmet: f64,
}

impl StepRecord {
    /// Running capacity units (On-Demand + Spot), billed whether serving or not.
    pub fn running(&self) -> u32 {
        self.on_demand + self.spot
    }
    /// Utilisation of in-service capacity, percent (`None` with nothing in service).
    pub fn utilisation_pct(&self, capacity_per_unit: f64) -> Option<f64> {
        policy::utilisation_pct(self.demand, self.in_service, capacity_per_unit)
    }
}

/// Instance time of one calendar month (possibly partial at the ends of the horizon).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MonthUsage {
    /// First day of the month.
    pub month: NaiveDate,
    /// Hours of the month inside the simulation.
    pub hours: f64,
    /// On-Demand instance-hours of the first instance type (all On-Demand capacity).
    pub on_demand_instance_hours: f64,
    /// On-Demand instance-hours covered by the group's Reserved Instances.
    pub reserved_covered_hours: f64,
    /// Spot capacity-unit-hours (priced per instance type in [`super::billing`]).
    pub spot_unit_hours: f64,
    /// Running capacity-unit-hours, every purchase class.
    pub capacity_unit_hours: f64,
    /// Demand × hours summed over the month's steps, in the demand's unit (not capacity units).
    pub demand_unit_hours: f64,
    /// Demand above in-service capacity × hours, in the demand's unit (not capacity units).
    pub unmet_unit_hours: f64,
    /// Hours in which some demand was unmet.
    pub unmet_hours: f64,
    /// Sum over steps of utilisation × hours (for the average).
    pub utilisation_hours: f64,
    /// Changes of desired capacity in the month.
    pub scale_events: u32,
    /// Spot units interrupted in the month.
    pub spot_interruptions: u32,
}

/// Result of [`simulate`].
#[derive(Debug, Clone, PartialEq)]
pub struct Simulation {
    /// Time of step 0 (UTC).
    pub start: NaiveDateTime,
    /// Step length, minutes.
    pub step_minutes: u32,
    /// One record per step with [`Record::Steps`]; empty otherwise.
    pub steps: Vec<StepRecord>,
    /// Scale events and Spot interruptions in step order; empty with [`Record::Months`].
    pub events: Vec<ScaleEvent>,
    /// Instance time per calendar month of the run.
    pub months: Vec<MonthUsage>,
    /// Average running capacity units per hour, hour 0 = `start` (for the commitment
    /// optimiser).
    pub hourly_capacity: Vec<f64>,
    /// Average On-Demand instances per hour.
    pub hourly_on_demand: Vec<f64>,
}

impl Simulation {
    /// Start time (UTC) of step `step`.
    pub fn time_of(&self, step: usize) -> NaiveDateTime {
        self.start + Duration::minutes(self.step_minutes as i64 * step as i64)
    }
    /// Hours of the run in which some demand was unmet.
    pub fn unmet_hours(&self) -> f64 {
        self.months.iter().map(|m| m.unmet_hours).sum()
    }
    /// Average utilisation of in-service capacity over the whole run, percent.
    pub fn average_utilisation_pct(&self) -> f64 {
        let h: f64 = self.months.iter().map(|m| m.hours).sum();
        if h == 0.0 {
            0.0
        } else {
            self.months.iter().map(|m| m.utilisation_hours).sum::<f64>() / h
        }
    }
}

/// First day of the month after `d`'s month.
pub fn next_month(d: NaiveDate) -> NaiveDate {
    let (y, m) = if d.month() == 12 {
        (d.year() + 1, 1)
    } else {
        (d.year(), d.month() + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(d)
}

pub(super) fn steps_of(seconds: u32, step_s: u32) -> usize {
    ((seconds + step_s / 2) / step_s) as usize
}

/// Units on their way into service (warming up or being replaced), with the earliest step
/// any of them is ready, so the loop tests one number per step.
pub(super) struct Queue {
    /// (ready step, units) in launch order; small.
    items: Vec<(usize, u32)>,
    pub(super) total: u32,
    /// Earliest ready step of `items` (`usize::MAX` when empty).
    pub(super) next: usize,
}

impl Queue {
    pub(super) fn new() -> Queue {
        Queue {
            items: Vec::new(),
            total: 0,
            next: usize::MAX,
        }
    }
    pub(super) fn push(&mut self, ready: usize, units: u32) {
        if units > 0 {
            self.items.push((ready, units));
            self.total += units;
            self.next = self.next.min(ready);
        }
    }
    /// Remove and return units ready at `t`.
    #[inline]
    pub(super) fn take_ready(&mut self, t: usize) -> u32 {
        if t < self.next {
            return 0;
        }
        self.take_ready_slow(t)
    }
    #[cold]
    fn take_ready_slow(&mut self, t: usize) -> u32 {
        let mut done = 0;
        self.items.retain(|(r, u)| {
            if *r <= t {
                done += *u;
                false
            } else {
                true
            }
        });
        self.total -= done;
        self.reset_next();
        done
    }
    fn reset_next(&mut self) {
        self.next = self.items.iter().map(|i| i.0).min().unwrap_or(usize::MAX);
    }
    /// Remove up to `n` units, newest first; returns units removed.
    pub(super) fn remove_newest(&mut self, mut n: u32) -> u32 {
        if self.total == 0 {
            return 0;
        }
        let mut removed = 0;
        while n > 0 {
            let Some(last) = self.items.last_mut() else {
                break;
            };
            let k = last.1.min(n);
            last.1 -= k;
            n -= k;
            removed += k;
            if last.1 == 0 {
                self.items.pop();
            }
        }
        self.total -= removed;
        self.reset_next();
        removed
    }
}

/// A target-tracking policy with its loop invariants worked out once (warm-up in steps, the
/// capacity it asks for at each step, the scale-in threshold) and its alarm state.
pub(super) struct TargetTracking {
    /// Index in the group's `policies`: the cause of its events, and the tie-break (the lower
    /// index wins, as when the policies are visited in order).
    index: usize,
    pub(super) target_pct: f64,
    /// The capacity the policy asks for at each step ([`wanted_table`]).
    pub(super) want: Vec<u32>,
    pub(super) low_pct: f64,
    pub(super) warm: usize,
    pub(super) disable_scale_in: bool,
    pub(super) alarm_high_minutes: u32,
    pub(super) alarm_low_minutes: u32,
    high_minutes: u32,
    low_minutes: u32,
}

impl TargetTracking {
    /// Policy `index` of the group (`p`) if it is a target-tracking policy, with its table for
    /// `demand`; `(default_warm, step_s)` = the group's warm-up in steps and the step length.
    pub(super) fn of(
        index: usize,
        p: &DynamicPolicy,
        demand: &[f64],
        cap: f64,
        (default_warm, step_s): (usize, u32),
    ) -> Option<TargetTracking> {
        let DynamicPolicy::TargetTracking {
            target_pct,
            instance_warmup_s,
            disable_scale_in,
            alarm_high_minutes,
            alarm_low_minutes,
        } = p
        else {
            return None;
        };
        Some(TargetTracking {
            index,
            target_pct: *target_pct,
            want: wanted_table(demand, cap, *target_pct),
            low_pct: 0.9 * target_pct,
            warm: instance_warmup_s.map_or(default_warm, |w| steps_of(w, step_s)),
            disable_scale_in: *disable_scale_in,
            alarm_high_minutes: *alarm_high_minutes,
            alarm_low_minutes: *alarm_low_minutes,
            high_minutes: 0,
            low_minutes: 0,
        })
    }
}

/// A step-scaling policy and its alarm state.
pub(super) struct StepPolicy<'a> {
    index: usize,
    pub(super) alarm: &'a policy::Alarm,
    adjustment_type: AdjustmentType,
    steps: &'a [policy::Step],
    min_adjustment_magnitude: Option<u32>,
    pub(super) warm: usize,
    high_minutes: u32,
}

impl<'a> StepPolicy<'a> {
    /// Policy `index` of the group (`p`) if it is a step policy; `(default_warm, step_s)` as
    /// for [`TargetTracking::of`].
    pub(super) fn of(
        index: usize,
        p: &'a DynamicPolicy,
        (default_warm, step_s): (usize, u32),
    ) -> Option<StepPolicy<'a>> {
        let DynamicPolicy::Step {
            alarm,
            adjustment_type,
            steps,
            min_adjustment_magnitude,
            instance_warmup_s,
        } = p
        else {
            return None;
        };
        Some(StepPolicy {
            index,
            alarm,
            adjustment_type: *adjustment_type,
            steps,
            min_adjustment_magnitude: *min_adjustment_magnitude,
            warm: instance_warmup_s.map_or(default_warm, |w| steps_of(w, step_s)),
            high_minutes: 0,
        })
    }
}

/// A simple-scaling policy and its alarm state.
struct SimplePolicy<'a> {
    index: usize,
    alarm: &'a policy::Alarm,
    adjustment_type: AdjustmentType,
    adjustment: f64,
    min_adjustment_magnitude: Option<u32>,
    high_minutes: u32,
}

/// The best proposal of one step: the largest capacity (scale-out) or the largest capacity
/// below desired (scale-in), the lower policy index on a tie; `index == usize::MAX` = none.
#[derive(Clone, Copy)]
struct Best {
    capacity: u32,
    index: usize,
}

impl Best {
    const NONE: Best = Best {
        capacity: 0,
        index: usize::MAX,
    };
    #[inline]
    fn is_some(self) -> bool {
        self.index != usize::MAX
    }
    /// Whether `capacity` from policy `index` beats this proposal.
    #[inline]
    fn beaten_by(self, capacity: u32, index: usize) -> bool {
        !self.is_some()
            || capacity > self.capacity
            || (capacity == self.capacity && index < self.index)
    }
}

/// The capacity a target-tracking policy asks for at each step,
/// [`policy::target_tracking_capacity`] of the step's demand (the same operations), held as
/// `u32`: clamping to a maximum capacity gives the same result from the held value. It
/// depends on the demand alone, so it is computed for the whole horizon before the loop: the
/// ceiling is taken of the value capped at `u32::MAX` (the same ceiling below it; everything
/// above is held as `u32::MAX`).
pub(super) fn wanted_table(demand: &[f64], capacity_per_unit: f64, target_pct: f64) -> Vec<u32> {
    let denom = policy::per_unit_at_target(capacity_per_unit, target_pct);
    demand
        .iter()
        .map(|&d| {
            let x = d / denom;
            // Not `clamp`: NaN must become 0 (`clamp` keeps NaN).
            #[allow(clippy::manual_clamp)]
            let c = (x - x.abs() * 1e-12).max(0.0).min(4_294_967_295.0);
            // The ceiling through the whole part as an integer (exact: `c` is a finite number
            // in [0, u32::MAX]; baseline x86-64 has no rounding instruction to call instead).
            let whole = c as i64;
            (whole + ((whole as f64) < c) as i64) as u32
        })
        .collect()
}

/// `v` clamped to [min, max] [asg-capacity-limits]. The loop keeps `min ≤ max` (validation,
/// and a scheduled min above max raises max), so this is `Ord::clamp` without its check.
#[inline]
pub(super) fn within(v: u32, min: u32, max: u32) -> u32 {
    v.max(min).min(max)
}

/// What a running capacity is made of (a row of [`SplitTable`]).
#[derive(Clone, Copy)]
pub(super) struct Split {
    /// On-Demand and Spot capacity units.
    pub(super) od: u32,
    pub(super) spot: u32,
    /// On-Demand instances of the first instance type, and those of them covered by the
    /// group's Reserved Instances (whole numbers: summed as integers, exactly).
    pub(super) od_instances: u64,
    pub(super) covered: u64,
}

/// [`Split`] of each running capacity, computed once per capacity value (capacity changes far
/// less often than steps pass).
pub(super) struct SplitTable<'a> {
    dist: &'a policy::Distribution,
    w0: f64,
    pub(super) reserved: u64,
    pub(super) rows: Vec<Split>,
}

impl<'a> SplitTable<'a> {
    /// The (empty) table of `group`'s distribution and Reserved Instances.
    pub(super) fn of(group: &'a GroupSpec) -> SplitTable<'a> {
        SplitTable {
            dist: &group.distribution,
            w0: group.instance_types.first().map_or(1, |t| t.weight.max(1)) as f64,
            reserved: group.reserved.as_ref().map_or(0, |r| r.count as u64),
            rows: Vec::new(),
        }
    }
    #[inline]
    pub(super) fn get(&mut self, running: u32) -> Split {
        match self.rows.get(running as usize) {
            Some(row) => *row,
            None => self.grow(running as usize),
        }
    }
    #[cold]
    fn grow(&mut self, r: usize) -> Split {
        for n in self.rows.len()..=r {
            let (od, spot) = self.dist.split(n as u32);
            let od_instances = policy::ceil_nonneg(od as f64 / self.w0) as u64;
            self.rows.push(Split {
                od,
                spot,
                od_instances,
                covered: od_instances.min(self.reserved),
            });
        }
        self.rows[r]
    }
}

/// Month totals kept in registers during the loop and written out at each month's end;
/// capacity sums are integers (exact), multiplied by the step's hours once.
#[derive(Default)]
pub(super) struct MonthAcc {
    pub(super) steps: u64,
    pub(super) od_instances: u64,
    pub(super) covered: u64,
    pub(super) spot_units: u64,
    pub(super) running_units: u64,
    pub(super) demand: f64,
    pub(super) unmet: f64,
    pub(super) unmet_steps: u64,
    pub(super) utilisation: f64,
    pub(super) scale_events: u32,
    pub(super) spot_interruptions: u32,
}

impl MonthAcc {
    pub(super) fn flush(&mut self, m: &mut MonthUsage, step_h: f64) {
        m.hours += self.steps as f64 * step_h;
        m.on_demand_instance_hours += self.od_instances as f64 * step_h;
        m.reserved_covered_hours += self.covered as f64 * step_h;
        m.spot_unit_hours += self.spot_units as f64 * step_h;
        m.capacity_unit_hours += self.running_units as f64 * step_h;
        m.demand_unit_hours += self.demand * step_h;
        m.unmet_unit_hours += self.unmet * step_h;
        m.unmet_hours += self.unmet_steps as f64 * step_h;
        m.utilisation_hours += self.utilisation * step_h;
        m.scale_events += self.scale_events;
        m.spot_interruptions += self.spot_interruptions;
        *self = MonthAcc::default();
    }
}

/// Run the scheduled actions due at the step of `schedule[i]` (in declaration order): new
/// limits and desired capacity; returns the index of the next entry. Out of the step loop's
/// hot path (a few runs a day).
#[cold]
#[inline(never)]
pub(super) fn run_scheduled(
    actions: &[schedule::ScheduledAction],
    schedule: &[(usize, usize)],
    mut i: usize,
    before: u32,
    (min, max, desired): (&mut u32, &mut u32, &mut u32),
    cause: &mut Option<Cause>,
) -> usize {
    let t = schedule[i].0;
    while i < schedule.len() && schedule[i].0 == t {
        let a = &actions[schedule[i].1];
        if let Some(v) = a.min {
            *min = v;
        }
        if let Some(v) = a.max {
            *max = v;
        }
        if *min > *max {
            *max = *min;
        }
        let target = a.desired.unwrap_or(*desired);
        *desired = target.clamp(*min, *max);
        if *desired != before || a.desired.is_some() {
            *cause = Some(Cause::Scheduled(schedule[i].1));
        }
        i += 1;
    }
    i
}

/// The capacity a step policy in alarm asks for at metric `m` (clamped to [min, max]), or
/// `None` when no step contains the breach. While units warm up, a growing adjustment is
/// computed from the non-warming capacity [as-scaling-simple-step].
#[cold]
#[inline(never)]
pub(super) fn step_proposal(
    p: &StepPolicy,
    m: f64,
    desired: u32,
    warming_now: u32,
    min: u32,
    max: u32,
) -> Option<u32> {
    let s = policy::find_step(p.steps, m, p.alarm.threshold)?;
    let growing = s.adjustment > 0.0
        || (p.adjustment_type == AdjustmentType::ExactCapacity
            && s.adjustment as i64 > desired as i64);
    let base = if warming_now > 0 && growing {
        desired - warming_now.min(desired)
    } else {
        desired
    };
    Some(policy::clamp(
        policy::apply_adjustment(
            base,
            p.adjustment_type,
            s.adjustment,
            p.min_adjustment_magnitude,
        ),
        min,
        max,
    ))
}

/// Simulate `group` under `demand` (one value per step). The group must be valid
/// ([`GroupSpec::validate`]).
pub fn simulate(group: &GroupSpec, demand: &[f64], opts: &SimOptions) -> Simulation {
    // The loop is compiled for each combination of: hourly steps (the common bulk case: no
    // hour bookkeeping), a group with few policies (at most one target-tracking and one step
    // policy, no simple policy: no policy vectors to walk, no cooldowns) and whether events
    // and hourly series are kept.
    let hourly = opts.step_minutes == 60;
    let few = few_policies(group);
    let series = opts.record != Record::Months;
    match (hourly, few, series) {
        (true, true, true) => simulate_with::<true, true, true>(group, demand, opts),
        (true, true, false) => simulate_with::<true, true, false>(group, demand, opts),
        (true, false, true) => simulate_with::<true, false, true>(group, demand, opts),
        (true, false, false) => simulate_with::<true, false, false>(group, demand, opts),
        (false, true, true) => simulate_with::<false, true, true>(group, demand, opts),
        (false, true, false) => simulate_with::<false, true, false>(group, demand, opts),
        (false, false, true) => simulate_with::<false, false, true>(group, demand, opts),
        (false, false, false) => simulate_with::<false, false, false>(group, demand, opts),
    }
}

/// The Spot interruption draws' generator of a run (its own stream of the seed).
pub(super) fn spot_rng(opts: &SimOptions) -> SplitMix64 {
    SplitMix64::new(opts.seed ^ 0x5107_1A7E_0000_0002)
}

/// Probability that one in-service Spot unit is interrupted in a step.
pub(super) fn interruption_probability(opts: &SimOptions) -> f64 {
    let step_h = opts.step_minutes.max(1) as f64 / 60.0;
    (opts.spot_interruptions_per_hour * step_h).clamp(0.0, 1.0)
}

/// Whether `group` has few policies: at most one target-tracking and one step policy and no
/// simple policy (the step loop's `FEW` shape).
pub(super) fn few_policies(group: &GroupSpec) -> bool {
    let count = |f: fn(&DynamicPolicy) -> bool| group.policies.iter().filter(|p| f(p)).count();
    count(|p| matches!(p, DynamicPolicy::TargetTracking { .. })) <= 1
        && count(|p| matches!(p, DynamicPolicy::Step { .. })) <= 1
        && count(|p| matches!(p, DynamicPolicy::Simple { .. })) == 0
}

/// The calendar months a run of `n` steps from `start` touches (empty totals) and the step
/// index each of them ends at.
pub(super) fn month_bounds(
    start: NaiveDateTime,
    step_min: u32,
    n: usize,
) -> (Vec<MonthUsage>, Vec<usize>) {
    let mut month_ends: Vec<usize> = Vec::new();
    let mut months: Vec<MonthUsage> = Vec::new();
    let mut m = NaiveDate::from_ymd_opt(start.year(), start.month(), 1).unwrap_or(start.date());
    loop {
        let next = next_month(m);
        let end_min = (next.and_hms_opt(0, 0, 0).unwrap_or(start) - start)
            .num_minutes()
            .max(0) as usize;
        let end = end_min.div_ceil(step_min as usize).min(n);
        months.push(MonthUsage {
            month: m,
            ..MonthUsage::default()
        });
        month_ends.push(end);
        if end >= n {
            break;
        }
        m = next;
    }
    (months, month_ends)
}

/// The hourly series being summed (empty unless events and series are kept), with the hour
/// of the next step and the step's index within it.
pub(super) struct HourlySeries {
    pub(super) capacity: Vec<f64>,
    pub(super) on_demand: Vec<f64>,
    hour: usize,
    in_hour: usize,
    steps_per_hour: usize,
    per_step_weight: f64,
}

impl HourlySeries {
    pub(super) fn new(hours: usize, steps_per_hour: usize) -> HourlySeries {
        HourlySeries {
            capacity: vec![0.0; hours],
            on_demand: vec![0.0; hours],
            hour: 0,
            in_hour: 0,
            steps_per_hour,
            per_step_weight: 1.0 / steps_per_hour as f64,
        }
    }
}

/// Part 7: add steps to a month's totals (and, with `SERIES`, to the hourly series) from what
/// the step loop recorded of them: `served` = (in-service, running) units of each step of
/// `demand`; `rows` = the split of each running capacity. Same operations in the same order
/// as adding them up step by step inside the loop, so the same numbers.
#[inline(always)]
pub(super) fn add_steps<const HOURLY: bool, const SERIES: bool>(
    acc: &mut MonthAcc,
    demand: &[f64],
    served: &[(u32, u32)],
    rows: &[Split],
    cap: f64,
    series: &mut HourlySeries,
) {
    for (&d, &(in_service, running)) in demand.iter().zip(served) {
        let row = rows[running as usize];
        let served = in_service as f64 * cap;
        let unmet = (d - served).max(0.0);
        acc.steps += 1;
        acc.od_instances += row.od_instances;
        acc.covered += row.covered;
        acc.spot_units += row.spot as u64;
        acc.running_units += running as u64;
        acc.demand += d;
        acc.unmet += unmet;
        acc.unmet_steps += (unmet > 0.0) as u64;
        if in_service > 0 {
            // The metric's expression ([`policy::utilisation_pct`]).
            acc.utilisation += d / served * 100.0;
        } else if d > 0.0 {
            acc.utilisation += 100.0;
        }
        if SERIES {
            let hour = series.hour;
            series.capacity[hour] += running as f64 * series.per_step_weight;
            series.on_demand[hour] += row.od_instances as f64 * series.per_step_weight;
            if HOURLY {
                series.hour += 1;
            } else {
                series.in_hour += 1;
                if series.in_hour == series.steps_per_hour {
                    series.in_hour = 0;
                    series.hour += 1;
                }
            }
        }
    }
}

/// [`simulate`]; `HOURLY` = one step per hour (the hour of a step is the step); `FEW` = at
/// most one target-tracking and one step policy and no simple policy; `SERIES` = events and
/// hourly series kept. Each instantiation is a function of its own (registers are allocated
/// per function).
#[inline(never)]
fn simulate_with<const HOURLY: bool, const FEW: bool, const SERIES: bool>(
    group: &GroupSpec,
    demand: &[f64],
    opts: &SimOptions,
) -> Simulation {
    let n = demand.len();
    let step_min = opts.step_minutes.max(1);
    let step_s = step_min * 60;
    let step_h = step_min as f64 / 60.0;
    let steps_per_hour = (60 / step_min).max(1) as usize;
    let cap = group.capacity_per_unit;
    let mut split = SplitTable::of(group);

    let (mut months, month_ends) = month_bounds(opts.start, step_min, n);

    let schedule = schedule::timeline(&group.scheduled, opts.start, step_min, n);
    let mut sched_i = 0;
    let next_sched = |i: usize| schedule.get(i).map_or(usize::MAX, |s| s.0);

    let default_warm = steps_of(group.warmup_s(), step_s);
    let replace_steps = steps_of(group.replacement_delay_s, step_s).max(1);
    let p_interrupt = interruption_probability(opts);
    let mut rng = spot_rng(opts);

    // The dynamic policies by kind, each with its index in `policies`.
    let mut tts: Vec<TargetTracking> = Vec::new();
    let mut step_policies: Vec<StepPolicy> = Vec::new();
    let mut simples: Vec<SimplePolicy> = Vec::new();
    // Cooldown in steps of each simple policy, by policy index.
    let mut cooldown_of: Vec<Option<usize>> = vec![None; group.policies.len()];
    for (index, p) in group.policies.iter().enumerate() {
        match p {
            DynamicPolicy::TargetTracking { .. } => tts.extend(TargetTracking::of(
                index,
                p,
                demand,
                cap,
                (default_warm, step_s),
            )),
            DynamicPolicy::Step { .. } => {
                step_policies.extend(StepPolicy::of(index, p, (default_warm, step_s)))
            }
            DynamicPolicy::Simple {
                alarm,
                adjustment_type,
                adjustment,
                min_adjustment_magnitude,
                cooldown_s,
            } => {
                cooldown_of[index] = Some(steps_of(
                    cooldown_s.unwrap_or(group.default_cooldown_s),
                    step_s,
                ));
                simples.push(SimplePolicy {
                    index,
                    alarm,
                    adjustment_type: *adjustment_type,
                    adjustment: *adjustment,
                    min_adjustment_magnitude: *min_adjustment_magnitude,
                    high_minutes: 0,
                })
            }
        }
    }

    let mut min = group.min;
    let mut max = group.max;
    let mut desired = group.desired;
    let mut in_service = desired;
    let mut warming = Queue::new();
    let mut replacing = Queue::new();
    let mut cooldown_until = 0usize;

    // Predictive scaling: the forecast reads only hourly demand means before its refresh, so
    // the capacity each hour's floor is set to is tabled before the loop
    // ([`predictive::capacity_table`]). The floor for the next hour is set `pred_buffer` steps
    // before it: at the step of the hour whose index within the hour is `floor_at`.
    let pred = group.predictive.as_ref();
    let pred_buffer = pred.map_or(0, |p| steps_of(p.scheduling_buffer_s, step_s));
    let floor_at = (steps_per_hour - pred_buffer % steps_per_hour) % steps_per_hour;
    let floor_table = match pred {
        Some(p) if p.mode == PredictiveMode::ForecastAndScale => predictive::capacity_table(
            demand,
            steps_per_hour,
            cap,
            p.target_pct,
            (pred_buffer > 0) as usize,
        ),
        _ => Vec::new(),
    };
    let keep_steps = opts.record == Record::Steps;
    // The forecast of the step's own hour, shown in per-step records only.
    let forecast_table = match pred {
        Some(p) if keep_steps => {
            predictive::capacity_table(demand, steps_per_hour, cap, p.target_pct, 0)
        }
        _ => Vec::new(),
    };
    let mut pred_floor = 0u32;

    let mut steps = Vec::with_capacity(if keep_steps { n } else { 0 });
    // Capacity changes at most steps of a busy group: room for one event per step up front
    // saves the copies of growing the vector a dozen times.
    let mut events = Vec::with_capacity(if SERIES { n / 2 } else { 0 });
    let hours_total = if SERIES {
        n.div_ceil(steps_per_hour)
    } else {
        0
    };
    let mut hourly = HourlySeries::new(hours_total, steps_per_hour);
    // With few policies, the group's one target-tracking and one step policy are taken out of
    // their vectors (the loop tests an `Option` instead of walking a vector).
    let mut tt_one = if FEW { tts.pop() } else { None };
    let mut step_one = if FEW { step_policies.pop() } else { None };
    // The earliest step a warming or replacement unit is ready (`usize::MAX`: none) and the
    // step of the next scheduled action: one comparison each per step.
    let mut ready_at = usize::MAX;
    let mut sched_at = next_sched(sched_i);
    // Each month in two passes: the step loop (the group's state, step by step) writes the
    // in-service and running units of each step into `served`; then the month's totals and
    // the hourly series are summed from them (same operations in the same order as adding
    // them up step by step inside the loop, so the same numbers).
    let mut served: Vec<(u32, u32)> = Vec::new();
    let mut month_start = 0usize;
    // Hour of the run (from `start`) and step within it, counted rather than divided (at
    // hourly steps the hour is the step).
    let (mut p_hour, mut p_in_hour) = (0usize, 0usize);
    for (mi, &month_end) in month_ends.iter().enumerate() {
        let mut acc = MonthAcc::default();
        served.clear();
        for (t, &d) in (month_start..).zip(&demand[month_start..month_end]) {
            // 1. Units that finished warming up or being replaced start serving.
            if t >= ready_at {
                in_service += warming.take_ready(t) + replacing.take_ready(t);
                ready_at = warming.next.min(replacing.next);
            }
            let warming_now = warming.total;
            let mut launch_warm = default_warm;
            let mut cause = None;
            let before = desired;

            // 2. Scheduled actions (desired is within [min, max] from the step before unless
            // they change the limits).
            if t == sched_at {
                sched_i = run_scheduled(
                    &group.scheduled,
                    &schedule,
                    sched_i,
                    before,
                    (&mut min, &mut max, &mut desired),
                    &mut cause,
                );
                sched_at = next_sched(sched_i);
                desired = within(desired, min, max);
            }

            // 3. Predictive scaling: the forecast capacity is a floor from its hour on (launched
            // `pred_buffer` steps early); forecast-and-scale may raise max.
            let (hour_now, at_floor) = if HOURLY {
                (t, true)
            } else {
                (p_hour, p_in_hour == floor_at)
            };
            if at_floor && let (Some(p), Some(&f)) = (pred, floor_table.get(hour_now)) {
                max = p.raised_max(f, max);
                pred_floor = f;
            }

            // 4. Dynamic policies: scale out when any policy asks (the largest capacity wins),
            // scale in to the largest lower capacity proposed.
            let metric = policy::utilisation_pct(d, in_service, cap);
            let mut out_best = Best::NONE;
            let mut out_warm = default_warm;
            let mut in_best = Best::NONE;
            let mut tt_in_all = true;
            let mut tt_in_any = false;
            let mut tt_in_best = Best::NONE;
            let mut target_tracking = |p: &mut TargetTracking| {
                match metric {
                    Some(m) => {
                        p.high_minutes = if m > p.target_pct {
                            p.high_minutes + step_min
                        } else {
                            0
                        };
                        p.low_minutes = if m < p.low_pct {
                            p.low_minutes + step_min
                        } else {
                            0
                        };
                    }
                    // No in-service capacity: the metric is missing; with demand and nothing
                    // running or warming, launch (a group cannot serve from zero).
                    None => {
                        p.low_minutes = 0;
                        p.high_minutes = if d > 0.0 && warming_now == 0 {
                            p.alarm_high_minutes
                        } else {
                            0
                        };
                    }
                }
                let high = p.high_minutes >= p.alarm_high_minutes;
                let low = !p.disable_scale_in && p.low_minutes >= p.alarm_low_minutes;
                // The wanted capacity matters only when an alarm is in breach.
                let wanted = if high || low {
                    within(p.want[t], min, max)
                } else {
                    desired
                };
                if high && wanted > desired && out_best.beaten_by(wanted, p.index) {
                    out_best = Best {
                        capacity: wanted,
                        index: p.index,
                    };
                    out_warm = p.warm;
                }
                if !p.disable_scale_in {
                    tt_in_any = true;
                    if low && wanted < desired {
                        if tt_in_best.beaten_by(wanted, p.index) {
                            tt_in_best = Best {
                                capacity: wanted,
                                index: p.index,
                            };
                        }
                    } else {
                        tt_in_all = false;
                    }
                }
            };
            if FEW {
                if let Some(p) = &mut tt_one {
                    target_tracking(p);
                }
            } else {
                tts.iter_mut().for_each(target_tracking);
            }
            if let Some(m) = metric {
                let mut step = |p: &mut StepPolicy| {
                    p.high_minutes = if p.alarm.breached(m) {
                        p.high_minutes + step_min
                    } else {
                        0
                    };
                    if p.high_minutes < p.alarm.evaluation_minutes {
                        return;
                    }
                    let Some(new) = step_proposal(p, m, desired, warming_now, min, max) else {
                        return;
                    };
                    if new > desired {
                        if out_best.beaten_by(new, p.index) {
                            out_best = Best {
                                capacity: new,
                                index: p.index,
                            };
                            out_warm = p.warm;
                        }
                    } else if new < desired && warming_now == 0 && in_best.beaten_by(new, p.index) {
                        in_best = Best {
                            capacity: new,
                            index: p.index,
                        };
                    }
                };
                if FEW {
                    if let Some(p) = &mut step_one {
                        step(p);
                    }
                } else {
                    step_policies.iter_mut().for_each(step);
                }
                // Simple policies (none with few policies).
                if !FEW {
                    for p in simples.iter_mut() {
                        p.high_minutes = if p.alarm.breached(m) {
                            p.high_minutes + step_min
                        } else {
                            0
                        };
                        if p.high_minutes < p.alarm.evaluation_minutes || t < cooldown_until {
                            continue;
                        }
                        let new = policy::clamp(
                            policy::apply_adjustment(
                                desired,
                                p.adjustment_type,
                                p.adjustment,
                                p.min_adjustment_magnitude,
                            ),
                            min,
                            max,
                        );
                        if new > desired {
                            if out_best.beaten_by(new, p.index) {
                                out_best = Best {
                                    capacity: new,
                                    index: p.index,
                                };
                                out_warm = default_warm;
                            }
                        } else if new < desired && in_best.beaten_by(new, p.index) {
                            in_best = Best {
                                capacity: new,
                                index: p.index,
                            };
                        }
                    }
                }
            } else {
                // No metric: the step and simple alarms see no breaching data point.
                for p in step_one.iter_mut().chain(step_policies.iter_mut()) {
                    p.high_minutes = 0;
                }
                for p in simples.iter_mut() {
                    p.high_minutes = 0;
                }
            }
            // Target tracking scales in only when every policy with scale-in enabled agrees, and
            // not while units warm up.
            if tt_in_any
                && tt_in_all
                && warming_now == 0
                && tt_in_best.is_some()
                && (!in_best.is_some() || tt_in_best.capacity > in_best.capacity)
            {
                in_best = tt_in_best;
            }
            if out_best.is_some() {
                desired = out_best.capacity;
                launch_warm = out_warm;
                cause = Some(Cause::Policy(out_best.index));
            } else if in_best.is_some() {
                desired = in_best.capacity;
                cause = Some(Cause::Policy(in_best.index));
            }
            // Predictive forecast is a floor on every policy's result; it never scales in.
            if pred_floor > desired {
                desired = within(pred_floor, min, max);
                if desired > before {
                    cause = Some(Cause::Predictive);
                }
            }
            desired = within(desired, min, max);
            if desired != before {
                // Only simple policies have cooldowns (none with few policies).
                if !FEW
                    && let Some(Cause::Policy(pi)) = cause
                    && let Some(cooldown) = cooldown_of[pi]
                {
                    let wait = if desired > before { launch_warm } else { 0 };
                    cooldown_until = t + wait + cooldown;
                }
                if SERIES {
                    events.push(ScaleEvent {
                        step: t,
                        cause: cause.unwrap_or(Cause::Predictive),
                        from: before,
                        to: desired,
                    });
                }
                acc.scale_events += 1;
            }

            // 5. Reconcile running units with desired.
            let running = in_service + warming.total + replacing.total;
            if desired > running {
                let k = desired - running;
                if launch_warm == 0 {
                    in_service += k;
                } else {
                    warming.push(t + launch_warm, k);
                    ready_at = ready_at.min(warming.next);
                }
            } else if desired < running {
                let mut k = running - desired;
                if warming.total + replacing.total > 0 {
                    k -= warming.remove_newest(k);
                    k -= replacing.remove_newest(k);
                    ready_at = warming.next.min(replacing.next);
                }
                in_service -= k.min(in_service);
            }

            // 6. Spot interruptions of in-service Spot units.
            let running = in_service + warming.total + replacing.total;
            let Split { od, spot, .. } = split.get(running);
            if p_interrupt > 0.0 && spot > 0 {
                let spot_serving = spot.min(in_service);
                let x = spot_serving as f64 * p_interrupt + rng.next_f64();
                // `x` is never negative: truncation is the floor, and `x < 1` (nearly every
                // step) means none.
                if x >= 1.0 {
                    let k = (x as u32).min(spot_serving);
                    in_service -= k;
                    replacing.push(t + replace_steps, k);
                    ready_at = ready_at.min(replacing.next);
                    if SERIES {
                        events.push(ScaleEvent {
                            step: t,
                            cause: Cause::SpotInterruption,
                            from: in_service + k,
                            to: in_service,
                        });
                    }
                    acc.spot_interruptions += k;
                }
            }

            // Recorded for the totals (7.).
            served.push((in_service, running));
            if keep_steps {
                steps.push(StepRecord {
                    demand: d,
                    desired,
                    min,
                    max,
                    in_service,
                    warming: warming.total,
                    replacing: replacing.total,
                    on_demand: od,
                    spot,
                    forecast: forecast_table.get(hour_now).copied().unwrap_or(0),
                    unmet: (d - in_service as f64 * cap).max(0.0),
                });
            }
            if !HOURLY {
                p_in_hour += 1;
                if p_in_hour == steps_per_hour {
                    p_in_hour = 0;
                    p_hour += 1;
                }
            }
        }
        // 7. The month's totals and the hourly series, from what the steps recorded.
        add_steps::<HOURLY, SERIES>(
            &mut acc,
            &demand[month_start..month_end],
            &served,
            &split.rows,
            cap,
            &mut hourly,
        );
        acc.flush(&mut months[mi], step_h);
        month_start = month_end;
    }
    months.retain(|m| m.hours > 0.0);
    Simulation {
        start: opts.start,
        step_minutes: step_min,
        steps,
        events,
        months,
        hourly_capacity: hourly.capacity,
        hourly_on_demand: hourly.on_demand,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scaling::rng::SplitMix64;

    /// The per-step table holds [`policy::target_tracking_capacity`] (clamped to `u32`) for any
    /// demand: exact fits, values just around whole units, zero, and magnitudes up to well past
    /// `u32::MAX` units; lengths that are not multiples of a vector's width.
    #[test]
    fn wanted_table_is_target_tracking_capacity() {
        let mut r = SplitMix64::new(5);
        for (cap, target) in [(100.0, 100.0), (400.0, 60.0), (250.0, 33.3), (1.0, 70.0)] {
            let denom = cap * target / 100.0;
            let mut demand = vec![0.0, 300.0, denom, 3.0 * denom, 4_294_967_295.0 * denom];
            demand.extend([
                4_294_967_296.0 * denom,
                1e300,
                f64::MAX,
                f64::NAN,
                f64::INFINITY,
            ]);
            for k in 0..2000 {
                let units = (r.next_f64() * 10f64.powi(k % 16)).floor();
                demand.push(units * denom);
                demand.push(units * denom * (1.0 + 1e-13));
                demand.push(units * denom * (1.0 + 1e-9));
                demand.push(r.next_f64() * 10f64.powi(k % 20));
            }
            demand.push(7.0);
            let table = wanted_table(&demand, cap, target);
            for (d, w) in demand.iter().zip(&table) {
                let expected = policy::target_tracking_capacity(*d, cap, target)
                    .clamp(0, u32::MAX as i64) as u32;
                assert_eq!(*w, expected, "demand {d}, capacity {cap}, target {target}");
            }
        }
    }
}
