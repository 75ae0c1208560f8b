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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PredictiveMode {
    /// The default: forecasts are made and shown, capacity is not changed.
    #[default]
    ForecastOnly,
    ForecastAndScale,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PredictiveConfig {
    /// Utilisation the forecast capacity is sized for, percent.
    pub target_pct: f64,
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
    let capacity = |load: f64| {
        super::policy::target_tracking_capacity(load, capacity_per_unit, target_pct) as u32
    };
    // The first two weeks: the general forecast.
    let warm_up = hours.min(MAX_HISTORY_HOURS);
    let mut table: Vec<u32> = (0..warm_up)
        .map(|hour| {
            let refresh = hour - hour % REFRESH_HOURS;
            forecast_hour(history, refresh, hour + ahead).map_or(0, capacity)
        })
        .collect();
    // From then on every refresh has two weeks of history and the hour is less than a week
    // past it: [`forecast_hour`]'s steady state, the same two hours of the week, one and two
    // weeks back (the same expression, so the same value).
    const WEEK: usize = 7 * 24;
    table.extend((warm_up..hours).map(|hour| {
        let h = hour + ahead;
        capacity((history[h - WEEK] + history[h - 2 * WEEK]) / 2.0)
    }));
    table
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
        let demand: Vec<f64> = (0..24 * 60).map(|_| r.next_f64() * 5000.0).collect();
        for sph in [1usize, 12] {
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
