//! Hour-by-hour running instances of a usage pattern, for the commitment optimiser.
//!
//! A usage pattern ([`crate::plan::Usage`]) gives monthly instance-hours; a commitment is
//! bought per hour, so the optimiser needs the hours themselves. The series covers one
//! 730-hour month (the AWS Pricing Calculator month, [`HOURS_PER_MONTH`]) hour by hour, the
//! month starting on a Monday at 00:00:
//!
//! * **constant** `count` for `hours_per_month` hours: `count` instances run the same
//!   `hours_per_month / 730 × 24` hours every day from 00:00 (a fractional last hour runs a
//!   fraction of the fleet; the month's last, 10-hour day runs 10/24 of that), so the month's
//!   instance-hours equal `count × hours_per_month`;
//! * **spikes**: `baseline` all the time, plus `peak − baseline` during `peak_hours` from 09:00
//!   (earlier when the window would cross midnight) on spike days — every day (daily), the listed weekdays (weekly) or the first
//!   `days_per_month` days (monthly, a fractional last day scales the extra instances).
//!
//! Hours are whole clock-hours; a 730-hour month is 30 days and 10 hours. Constant and daily
//! patterns scale the 10-hour last day so their totals equal the monthly figures; weekly and
//! monthly spike totals differ slightly from the 30.4167-day averages of
//! [`crate::plan::usage::fleet_hours`] (the comparison uses those averages; only the optimiser
//! uses the series). Only the values matter to a single-item optimum, not their order.

use crate::plan::formula::Evaluator;
use crate::plan::usage::{UsageError, fleet_hours};
use crate::plan::{SpikePeriod, Usage};
use crate::units::HOURS_PER_MONTH;
use crate::units::Weekday;

/// Hours in the series of one month.
pub const MONTH_HOURS: usize = HOURS_PER_MONTH as usize;

/// Hour of day at which a spike starts.
pub const SPIKE_START_HOUR: f64 = 9.0;

fn weekday_index(d: Weekday) -> usize {
    match d {
        Weekday::Mon => 0,
        Weekday::Tue => 1,
        Weekday::Wed => 2,
        Weekday::Thu => 3,
        Weekday::Fri => 4,
        Weekday::Sat => 5,
        Weekday::Sun => 6,
    }
}

/// Fraction of clock-hour `hour` (0–23) inside the window `[start, start + len)`.
fn overlap(hour: usize, start: f64, len: f64) -> f64 {
    let a = hour as f64;
    let lo = a.max(start);
    let hi = (a + 1.0).min(start + len);
    (hi - lo).clamp(0.0, 1.0)
}

/// Running instances in each hour of one 730-hour month for `count` instances (constant
/// pattern) or the spike pattern's own counts. Validates the pattern as the cost engine does.
pub fn month(count: f64, usage: &Usage, ev: &Evaluator) -> Result<Vec<f64>, UsageError> {
    let h = fleet_hours(count, usage, ev)?;
    let mut out = Vec::with_capacity(MONTH_HOURS);
    match usage {
        Usage::Constant { .. } => {
            let per_day = h.baseline_hours / HOURS_PER_MONTH * 24.0;
            for t in 0..MONTH_HOURS {
                let len = per_day * day_share_of(t);
                out.push(h.baseline_count * overlap(t % 24, 0.0, len));
            }
        }
        Usage::Spike { period, days, .. } => {
            let extra = h.spike_count;
            let peak_hours = if extra > 0.0 {
                // spike_hours = peak_hours × spike days; recover peak_hours per day.
                match period {
                    SpikePeriod::Daily => h.spike_hours / (HOURS_PER_MONTH / 24.0),
                    SpikePeriod::Weekly => {
                        let mut d = days.clone();
                        d.sort_unstable();
                        d.dedup();
                        if d.is_empty() {
                            0.0
                        } else {
                            h.spike_hours / (d.len() as f64 * HOURS_PER_MONTH / 168.0)
                        }
                    }
                    SpikePeriod::Monthly => peak_hours_of(usage, ev),
                }
            } else {
                0.0
            };
            let monthly_days = match period {
                SpikePeriod::Monthly if peak_hours > 0.0 => h.spike_hours / peak_hours,
                _ => 0.0,
            };
            // The window starts at 09:00, earlier when it would run past midnight.
            let start = SPIKE_START_HOUR.min(24.0 - peak_hours).max(0.0);
            for t in 0..MONTH_HOURS {
                let day = t / 24;
                let in_day = match period {
                    // The last, 10-hour day runs its share of the window, so the month's spike
                    // hours equal peak_hours × 730 / 24 exactly.
                    SpikePeriod::Daily if day_share_of(t) < 1.0 => {
                        let len = peak_hours * day_share_of(t);
                        let stub = (MONTH_HOURS - day * 24) as f64;
                        overlap(t % 24, start.min(stub - len).max(0.0), len)
                    }
                    _ => overlap(t % 24, start, peak_hours),
                };
                let day_share = match period {
                    SpikePeriod::Daily => 1.0,
                    SpikePeriod::Weekly => {
                        if days.iter().any(|d| weekday_index(*d) == day % 7) {
                            1.0
                        } else {
                            0.0
                        }
                    }
                    SpikePeriod::Monthly => (monthly_days - day as f64).clamp(0.0, 1.0),
                };
                out.push(h.baseline_count + extra * in_day * day_share);
            }
        }
    }
    Ok(out)
}

/// Share of a full day that the day of hour `t` has in a 730-hour month (1, or 10/24 for the
/// last day).
fn day_share_of(t: usize) -> f64 {
    let day_start = t / 24 * 24;
    ((MONTH_HOURS - day_start).min(24)) as f64 / 24.0
}

fn peak_hours_of(usage: &Usage, ev: &Evaluator) -> f64 {
    match usage {
        Usage::Spike { peak_hours, .. } => ev.eval(peak_hours).unwrap_or(0.0),
        Usage::Constant { .. } => 0.0,
    }
}

/// `hours` hours of a repeating one-month series (e.g. 8,760 for a year).
pub fn repeat(month: &[f64], hours: usize) -> Vec<f64> {
    if month.is_empty() {
        return vec![0.0; hours];
    }
    month.iter().copied().cycle().take(hours).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Num;

    #[test]
    fn constant_series_keeps_the_monthly_instance_hours() {
        let u = Usage::Constant {
            hours_per_month: Num::Value(365.0),
        };
        let s = month(3.0, &u, &Evaluator::default()).unwrap();
        assert_eq!(s.len(), 730);
        let total: f64 = s.iter().sum();
        assert!((total - 3.0 * 365.0).abs() < 1e-6, "{total}");
        assert_eq!(s.iter().cloned().fold(0.0, f64::max), 3.0);
    }

    #[test]
    fn daily_spike_runs_the_peak_from_nine() {
        let u = Usage::Spike {
            period: SpikePeriod::Daily,
            baseline: Num::Value(2.0),
            peak: Num::Value(6.0),
            peak_hours: Num::Value(8.0),
            days: vec![],
            days_per_month: None,
        };
        let s = month(0.0, &u, &Evaluator::default()).unwrap();
        assert_eq!(s[8], 2.0);
        assert_eq!(s[9], 6.0);
        assert_eq!(s[16], 6.0);
        assert_eq!(s[17], 2.0);
        // 30 full days of 8 spike hours + the 10-hour last day runs 8 × 10/24 h: 8 × 730/24.
        let extra: f64 = s.iter().map(|v| v - 2.0).sum();
        assert!((extra - 4.0 * 8.0 * 730.0 / 24.0).abs() < 1e-9, "{extra}");
    }

    #[test]
    fn weekly_and_monthly_spikes() {
        let u = Usage::Spike {
            period: SpikePeriod::Weekly,
            baseline: Num::Value(0.0),
            peak: Num::Value(1.0),
            peak_hours: Num::Value(2.0),
            days: vec![Weekday::Sat],
            days_per_month: None,
        };
        let s = month(0.0, &u, &Evaluator::default()).unwrap();
        // Saturdays are days 5, 12, 19, 26.
        assert_eq!(s[5 * 24 + 9], 1.0);
        assert_eq!(s[4 * 24 + 9], 0.0);
        assert_eq!(s.iter().sum::<f64>(), 8.0);
        let u = Usage::Spike {
            period: SpikePeriod::Monthly,
            baseline: Num::Value(1.0),
            peak: Num::Value(3.0),
            peak_hours: Num::Value(24.0),
            days: vec![],
            days_per_month: Some(Num::Value(1.5)),
        };
        let s = month(0.0, &u, &Evaluator::default()).unwrap();
        let extra: f64 = s.iter().map(|v| v - 1.0).sum();
        assert!((extra - 2.0 * 24.0 * 1.5).abs() < 1e-9, "{extra}");
        assert_eq!(repeat(&s, 8760).len(), 8760);
    }
}
