//! Predictive scaling [ec2-auto-scaling-predictive-scaling]: an hourly load forecast 48 h
//! ahead, refreshed every 6 h, from up to the previous 14 days of history (at least 24 h).
//!
//! AWS's model is not published; this forecast is the mean of the same hour of the week over
//! the last two weeks (or, with under a week of history, the same hour of the day over the
//! days available) — it reproduces the daily and weekly patterns predictive scaling is meant
//! for and nothing more. In `forecast_and_scale` mode the group's desired capacity is raised
//! to the forecast capacity at the start of each hour (launching `scheduling_buffer_s`
//! early); it never scales in, and min and max still apply unless
//! `increase_max_capacity` lets the forecast raise max (by `max_capacity_buffer_pct`;
//! [API_PredictiveScalingConfiguration]: forecast 50, max 40, buffer 10 % → max 55).

use super::ScalingError;
use serde::{Deserialize, Serialize};

/// Hours forecast at each refresh.
pub const HORIZON_HOURS: usize = 48;
/// Hours between forecast refreshes.
pub const REFRESH_HOURS: usize = 6;
/// Hours of history used at most (14 days).
pub const MAX_HISTORY_HOURS: usize = 14 * 24;
/// Hours of history needed before the first forecast.
pub const MIN_HISTORY_HOURS: usize = 24;

fn d300() -> u32 {
    300
}

/// Predictive scaling mode (`Mode` of `PredictiveScalingConfiguration`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PredictiveMode {
    /// The default: forecasts are made and shown, capacity is not changed.
    #[default]
    ForecastOnly,
    /// Forecasts also set capacity: desired is raised to the forecast each hour, never lowered.
    ForecastAndScale,
}

/// A predictive scaling policy, forecasting from the group's own demand.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PredictiveConfig {
    /// Utilisation the forecast capacity is sized for, percent.
    pub target_pct: f64,
    /// Forecast only (the default) or forecast and scale.
    #[serde(default)]
    pub mode: PredictiveMode,
    /// Launch this long before each hour (AWS default 300 s, under 3600 s).
    #[serde(default = "d300")]
    pub scheduling_buffer_s: u32,
    /// `IncreaseMaxCapacity`: the forecast may raise max (raised max is not lowered again).
    #[serde(default)]
    pub increase_max_capacity: bool,
    /// MaxCapacityBuffer, percent above the forecast (0–100).
    #[serde(default)]
    pub max_capacity_buffer_pct: f64,
}

impl PredictiveConfig {
    /// Check the target (0, 100], buffer time (under 3600 s) and max-capacity buffer (0–100 %).
    pub fn validate(&self) -> Result<(), ScalingError> {
        fn e(f: impl Into<String>, m: impl Into<String>) -> ScalingError {
            ScalingError::field(f, m)
        }
        if !(self.target_pct > 0.0 && self.target_pct <= 100.0) {
            return Err(e("predictive.target_pct", "must be in (0, 100]"));
        }
        if self.scheduling_buffer_s >= 3600 {
            return Err(e(
                "predictive.scheduling_buffer_s",
                "must be under 3600 s (API_PredictiveScalingConfiguration)",
            ));
        }
        if !(0.0..=100.0).contains(&self.max_capacity_buffer_pct) {
            return Err(e("predictive.max_capacity_buffer_pct", "must be 0–100"));
        }
        Ok(())
    }

    /// Effective max when the forecast capacity exceeds `max` and the policy may raise it.
    pub fn raised_max(&self, forecast_capacity: u32, max: u32) -> u32 {
        if !self.increase_max_capacity || forecast_capacity <= max {
            return max;
        }
        let m = forecast_capacity as f64 * (1.0 + self.max_capacity_buffer_pct / 100.0);
        (m - m * 1e-12).ceil() as u32
    }
}

/// Forecast load for hour `h` from hourly `history` (index = hour since the simulation start,
/// all hours before the refresh hour `now` known). `None` with under 24 h of history.
pub fn forecast_hour(history: &[f64], now: usize, h: usize) -> Option<f64> {
    let known = history.len().min(now);
    if known < MIN_HISTORY_HOURS {
        return None;
    }
    const WEEK: usize = 7 * 24;
    // Steady state (two weeks known, `h` less than a week ahead): exactly the two same hours
    // of the week in the window, summed in the loop's order — O(1), same result.
    if known == now && now >= MAX_HISTORY_HOURS && h >= now && h < now + WEEK {
        return Some((history[h - WEEK] + history[h - 2 * WEEK]) / 2.0);
    }
    forecast_by_loop(history, now, h, known)
}

/// [`forecast_hour`] without its steady-state shortcut: the mean of the same hour of the week
/// (or of the day, with under a week known) over the last two weeks of known history.
fn forecast_by_loop(history: &[f64], now: usize, h: usize, known: usize) -> Option<f64> {
    let oldest = now.saturating_sub(MAX_HISTORY_HOURS);
    let period = if known >= 7 * 24 { 7 * 24 } else { 24 };
    let mut sum = 0.0;
    let mut count = 0usize;
    let mut back = period;
    while back <= h {
        let i = h - back;
        if i < oldest {
            break;
        }
        if i < known {
            sum += history[i];
            count += 1;
        }
        back += period;
    }
    (count > 0).then(|| sum / count as f64)
}

/// Forecast capacity per hour of the run, as the step loop uses it, worked out before the loop.
///
/// The forecast for an hour is made at the latest refresh `ff = ⌊hour / 6⌋ × 6` and reads only
/// the hourly means of demand before `ff` — complete hours, all known from the demand series
/// alone. So `table[H]` = the capacity (`ceil(load / (capacity_per_unit × target_pct / 100))`,
/// 0 without a forecast) for hour `H + ahead` as forecast at the refresh of hour `H`, where
/// `ahead` is 0 (the hour a step is in) or 1 (the next hour, launched a buffer early).
/// Same operations in the same order as evaluating it step by step, so the same numbers.
pub fn capacity_table(
    demand: &[f64],
    steps_per_hour: usize,
    capacity_per_unit: f64,
    target_pct: f64,
    ahead: usize,
) -> Vec<u32> {
    let sph = steps_per_hour.max(1);
    // Hourly means of the complete hours: the history a refresh reads. At hourly steps the
    // mean of an hour is its one value (`(0 + d) / 1`, up to the sign of a zero, which no
    // forecast capacity can tell), so the demand is read in place.
    let means: Vec<f64>;
    let history: &[f64] = if sph == 1 {
        demand
    } else {
        means = demand
            .chunks_exact(sph)
            .map(|c| c.iter().fold(0.0, |s, d| s + d) / sph as f64)
            .collect();
        &means
    };
    let hours = demand.len().div_ceil(sph);
    let per_unit = super::policy::per_unit_at_target(capacity_per_unit, target_pct);
    let warm_up = hours.min(MAX_HISTORY_HOURS);
    let mut table = warm_up_table(history, warm_up, per_unit, ahead);
    table.reserve(hours - warm_up);
    // From then on every refresh has two weeks of history and the hour is less than a week
    // past it: [`forecast_hour`]'s steady state, the same two hours of the week, one and two
    // weeks back (the same expression, so the same value), read as two slices in step.
    const WEEK: usize = 7 * 24;
    let count = hours - warm_up;
    if count > 0 {
        let first = warm_up + ahead;
        let week_ago = &history[first - WEEK..first - WEEK + count];
        let two_weeks_ago = &history[first - 2 * WEEK..first - 2 * WEEK + count];
        // Branch-free (so two hours at a time in SIMD registers) for capacities under 2^52
        // units; should any reach it, those hours are redone by `capacity_for`.
        let mut over = false;
        table.extend(week_ago.iter().zip(two_weeks_ago).map(|(a, b)| {
            let (c, o) = capacity_under_2_52((a + b) / 2.0, per_unit);
            over |= o;
            c
        }));
        if over {
            for ((c, a), b) in table[warm_up..].iter_mut().zip(week_ago).zip(two_weeks_ago) {
                *c = capacity_for((a + b) / 2.0, per_unit);
            }
        }
    }
    table
}

/// The first `hours` entries of [`capacity_table`] (at most its first two weeks, before every
/// refresh has two weeks of history: the general forecast) from the hourly `history`, with
/// the demand a unit serves `per_unit` ([`super::policy::per_unit_at_target`]). From then on
/// `table[H]` is [`capacity_for`] of the mean of `history[H + ahead − 1 week]` and
/// `history[H + ahead − 2 weeks]`, in that order.
pub fn warm_up_table(history: &[f64], hours: usize, per_unit: f64, ahead: usize) -> Vec<u32> {
    debug_assert!(hours <= MAX_HISTORY_HOURS);
    (0..hours)
        .map(|hour| {
            let refresh = hour - hour % REFRESH_HOURS;
            forecast_hour(history, refresh, hour + ahead)
                .map_or(0, |load| capacity_for(load, per_unit))
        })
        .collect()
}

const TWO_52: f64 = 4_503_599_627_370_496.0;

/// [`capacity_for`] without branches, right whenever the second value is false (the ceiling
/// is under 2^52); true when it is not, and the first value is then meaningless.
#[inline]
fn capacity_under_2_52(load: f64, per_unit: f64) -> (u32, bool) {
    let x = load / per_unit;
    let y = x - x.abs() * 1e-12;
    // `y.max(0.0)`: NaN and below zero give 0.
    let z = if y > 0.0 { y } else { 0.0 };
    let over = z >= TWO_52;
    let z = if over { 0.0 } else { z };
    // The ceiling of `z` as in `capacity_for`.
    let t = z + TWO_52;
    let r = t.to_bits() - TWO_52.to_bits();
    ((r + ((t - TWO_52) < z) as u64) as u32, over)
}

/// [`super::policy::target_tracking_capacity`]`(load, capacity_per_unit, target_pct) as u32`
/// with its denominator `per_unit` (`capacity_per_unit × target_pct / 100`) worked out once
/// and a branch-light ceiling: the same operations on the load, so the same number.
#[inline]
pub fn capacity_for(load: f64, per_unit: f64) -> u32 {
    let x = load / per_unit;
    let y = x - x.abs() * 1e-12;
    // `ceil_nonneg_i64(y.max(0.0))`. Below 2^52: `z + 2^52` lies in [2^52, 2^53], where the
    // floats are the integers, so its bits less those of 2^52 are `z` rounded to the nearest
    // integer `r` (2^53 reads as 2^52 too), exactly; the ceiling is `r`, or `r + 1` when `r`
    // fell short of `z`. From 2^52 every float is whole and `as` saturates like
    // `ceil() as i64`; NaN gives 0, as `max(0.0)` would.
    if y < TWO_52 {
        let z = if y > 0.0 { y } else { 0.0 };
        let t = z + TWO_52;
        let r = t.to_bits() - TWO_52.to_bits();
        (r + ((t - TWO_52) < z) as u64) as u32
    } else {
        y as i64 as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_hour_of_week_mean() {
        // Two weeks of history: hour-of-week k has load k in week 1 and k + 10 in week 2.
        let mut hist: Vec<f64> = (0..168).map(|k| k as f64).collect();
        hist.extend((0..168).map(|k| k as f64 + 10.0));
        let f = forecast_hour(&hist, 336, 336 + 5).unwrap();
        assert_eq!(f, 10.0); // (5 + 15) / 2
        assert!(forecast_hour(&hist[..10], 10, 12).is_none());
        // One day: same hour of the day.
        let day: Vec<f64> = (0..24).map(|k| k as f64).collect();
        assert_eq!(forecast_hour(&day, 24, 24 + 7), Some(7.0));
    }

    /// The loop of [`forecast_hour`] without its steady-state shortcut.
    fn by_loop(history: &[f64], now: usize, h: usize) -> Option<f64> {
        let known = history.len().min(now);
        if known < MIN_HISTORY_HOURS {
            return None;
        }
        forecast_by_loop(history, now, h, known)
    }

    #[test]
    fn shortcut_equals_the_loop() {
        let mut r = crate::scaling::rng::SplitMix64::new(5);
        let hist: Vec<f64> = (0..2000).map(|_| r.next_f64() * 1000.0).collect();
        for now in (0..1900).step_by(6) {
            for h in now..now + HORIZON_HOURS {
                assert_eq!(
                    forecast_hour(&hist[..now], now, h),
                    by_loop(&hist[..now], now, h),
                    "now {now} h {h}"
                );
            }
        }
    }

    #[test]
    fn capacity_table_equals_the_forecast_hour_by_hour() {
        let mut r = crate::scaling::rng::SplitMix64::new(9);
        // Past the two weeks of warm-up at each resolution, ending in a partial hour at 5 min
        // and 1 min steps.
        for (sph, len) in [
            (1usize, 24 * 60),
            (12, 12 * 24 * 20 + 7),
            (60, 60 * 24 * 15 + 59),
        ] {
            let mut demand: Vec<f64> = (0..len).map(|_| r.next_f64() * 5000.0).collect();
            if sph == 1 {
                // Capacities of 2^52 units and more, infinite and missing loads, at random
                // hours: the table's slow path.
                for k in 0..40 {
                    let i = (r.next_u64() % len as u64) as usize;
                    demand[i] = [1e25, 2.0e18, f64::INFINITY, f64::NAN][k % 4];
                }
            }
            let history: Vec<f64> = demand
                .chunks_exact(sph)
                .map(|c| c.iter().fold(0.0, |s, d| s + d) / sph as f64)
                .collect();
            for ahead in [0, 1] {
                let table = capacity_table(&demand, sph, 400.0, 60.0, ahead);
                assert_eq!(table.len(), demand.len().div_ceil(sph));
                for (hour, &c) in table.iter().enumerate() {
                    let refresh = hour - hour % REFRESH_HOURS;
                    let want = forecast_hour(&history, refresh, hour + ahead).map_or(0, |l| {
                        crate::scaling::policy::target_tracking_capacity(l, 400.0, 60.0) as u32
                    });
                    assert_eq!(c, want, "sph {sph} ahead {ahead} hour {hour}");
                }
            }
        }
    }

    /// `capacity_for` against the policy's own function on random and edge loads.
    #[test]
    fn capacity_for_equals_target_tracking_capacity() {
        use crate::scaling::policy::target_tracking_capacity;
        let mut r = crate::scaling::rng::SplitMix64::new(3);
        let mut loads = vec![
            0.0,
            -0.0,
            -1.0,
            -1e300,
            1e-300,
            240.0,
            480.0,
            240.0 * 1e9,
            1e15,
            4_503_599_627_370_496.0,
            4_503_599_627_370_495.5 * 240.0,
            4_503_599_627_370_495.0 * 240.0,
            4_503_599_627_370_497.0 * 240.0,
            2_251_799_813_685_247.5 * 240.0,
            0.5 * 240.0,
            1.5 * 240.0,
            2.5 * 240.0,
            9.3e18 * 240.0,
            1e300,
            f64::MAX,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
            f64::MIN_POSITIVE,
        ];
        for _ in 0..100_000 {
            let scale = 10f64.powi((r.next_u64() % 40) as i32 - 10);
            let v = r.next_f64() * scale;
            loads.push(v);
            loads.push(-v);
            // Exact multiples of the denominator and their neighbours.
            let k = (r.next_u64() % 100_000) as f64 * 240.0;
            loads.extend([
                k,
                f64::from_bits(k.to_bits() + 1),
                f64::from_bits(k.to_bits().saturating_sub(1)),
            ]);
        }
        // Around 2^52, where the ceiling changes method (half-units below it, whole above).
        loads.extend((0..8000).map(|j| 4_503_599_627_370_496.0 - 1000.0 + j as f64 * 0.25));
        // Loads whose tolerance-reduced quotient crosses 2^52 (2^52 × 1e-12 ≈ 4504 below).
        loads.extend((0..2000).map(|j| 4_503_599_627_370_496.0 + 3500.0 + j as f64));
        for (cpu, tp) in [
            (400.0, 60.0),
            (1.0, 100.0),
            (333.3, 37.5),
            (1e-3, 0.1),
            (5e12, 99.0),
        ] {
            let per_unit = cpu * tp / 100.0;
            for &load in &loads {
                let want = target_tracking_capacity(load, cpu, tp);
                assert_eq!(
                    capacity_for(load, per_unit),
                    want as u32,
                    "load {load:e} cpu {cpu} target {tp}"
                );
                let (c, over) = capacity_under_2_52(load, per_unit);
                assert!(
                    over || want <= 1 << 52,
                    "load {load:e} cpu {cpu} target {tp}"
                );
                assert!(
                    !over || want >= 1 << 52,
                    "load {load:e} cpu {cpu} target {tp}"
                );
                if !over {
                    assert_eq!(c, want as u32, "load {load:e} cpu {cpu} target {tp}");
                }
            }
        }
    }

    #[test]
    fn max_capacity_buffer_example() {
        // API_PredictiveScalingConfiguration: forecast 50, max 40, buffer 10 → 55; 0 → 50.
        let mut p = PredictiveConfig {
            target_pct: 50.0,
            mode: PredictiveMode::ForecastAndScale,
            scheduling_buffer_s: 300,
            increase_max_capacity: true,
            max_capacity_buffer_pct: 10.0,
        };
        assert_eq!(p.raised_max(50, 40), 55);
        p.max_capacity_buffer_pct = 0.0;
        assert_eq!(p.raised_max(50, 40), 50);
        p.increase_max_capacity = false;
        assert_eq!(p.raised_max(50, 40), 40);
    }
}
