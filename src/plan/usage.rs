//! EC2 usage patterns → instance-hours per month, as the AWS Pricing Calculator models them.
//!
//! The rule (AWS Pricing Calculator, EC2 "Workloads" usage types — constant, daily spike,
//! weekly spike, monthly spike — and its convention of 730 hours in a month):
//!
//! * a month has [`HOURS_PER_MONTH`] = 730 hours, i.e. 730 / 24 = 30.4167 days and
//!   730 / 168 = 4.3452 weeks;
//! * **constant**: `count × hours_per_month` (at most 730 h);
//! * **daily spike**: `baseline × 730 + (peak − baseline) × peak_hours × 730/24`;
//! * **weekly spike**: `baseline × 730 + (peak − baseline) × peak_hours × days × 730/168`
//!   where `days` is the number of weekdays selected;
//! * **monthly spike**: `baseline × 730 + (peak − baseline) × peak_hours × days_per_month`
//!   (`days_per_month` at most 730/24).
//!
//! `peak` must be at least `baseline` and `peak_hours` at most 24. The baseline is what a
//! Reserved Instance commitment covers; the hours above it are billed on demand.

use super::Usage;
use super::formula::Evaluator;
use super::{Num, SpikePeriod};
use crate::units::HOURS_PER_MONTH;

/// Days in a billing month under the 730-hour convention.
pub const DAYS_PER_MONTH: f64 = HOURS_PER_MONTH / 24.0;
/// Weeks in a billing month under the 730-hour convention.
pub const WEEKS_PER_MONTH: f64 = HOURS_PER_MONTH / 168.0;

/// Instance-hours of a fleet in one month, split into the always-on baseline and the spikes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FleetHours {
    /// Instances running all the time (constant pattern: `count`; spike: `baseline`).
    pub baseline_count: f64,
    /// Hours each baseline instance runs per month (constant: `hours_per_month`; spike: 730).
    pub baseline_hours: f64,
    /// Extra instances during a spike (`peak − baseline`; 0 for constant).
    pub spike_count: f64,
    /// Hours per month of spike (`peak_hours × days per month`; 0 for constant).
    pub spike_hours: f64,
}

impl FleetHours {
    /// Instance-hours of the baseline.
    pub fn baseline_instance_hours(&self) -> f64 {
        self.baseline_count * self.baseline_hours
    }
    /// Instance-hours above the baseline.
    pub fn spike_instance_hours(&self) -> f64 {
        self.spike_count * self.spike_hours
    }
    /// All instance-hours in the month.
    pub fn total(&self) -> f64 {
        self.baseline_instance_hours() + self.spike_instance_hours()
    }
}

/// A usage field that could not be evaluated: the field path (`usage.peak`) and why.
#[derive(Debug, Clone, PartialEq)]
pub struct UsageError {
    /// Path of the usage field, relative to the item's resource (`usage.peak`).
    pub field: &'static str,
    /// Why it could not be evaluated or is out of range.
    pub message: String,
}

fn field(ev: &Evaluator, num: &Num, name: &'static str) -> Result<f64, UsageError> {
    let v = ev.eval(num).map_err(|e| UsageError {
        field: name,
        message: e.to_string(),
    })?;
    if v < 0.0 {
        return Err(UsageError {
            field: name,
            message: format!("must not be negative (got {v})"),
        });
    }
    Ok(v)
}

/// Instance-hours of `count` instances (constant pattern) or of the spike pattern's own counts.
pub fn fleet_hours(count: f64, usage: &Usage, ev: &Evaluator) -> Result<FleetHours, UsageError> {
    match usage {
        Usage::Constant { hours_per_month } => {
            let h = field(ev, hours_per_month, "usage.hours_per_month")?;
            if h > HOURS_PER_MONTH {
                return Err(UsageError {
                    field: "usage.hours_per_month",
                    message: format!("at most {HOURS_PER_MONTH} hours in a month (got {h})"),
                });
            }
            Ok(FleetHours {
                baseline_count: count,
                baseline_hours: h,
                spike_count: 0.0,
                spike_hours: 0.0,
            })
        }
        Usage::Spike {
            period,
            baseline,
            peak,
            peak_hours,
            days,
            days_per_month,
        } => {
            let b = field(ev, baseline, "usage.baseline")?;
            let p = field(ev, peak, "usage.peak")?;
            let ph = field(ev, peak_hours, "usage.peak_hours")?;
            if p < b {
                return Err(UsageError {
                    field: "usage.peak",
                    message: format!("peak ({p}) must be at least the baseline ({b})"),
                });
            }
            if ph > 24.0 {
                return Err(UsageError {
                    field: "usage.peak_hours",
                    message: format!("at most 24 hours a day (got {ph})"),
                });
            }
            let spike_days = match period {
                SpikePeriod::Daily => DAYS_PER_MONTH,
                SpikePeriod::Weekly => {
                    let mut d = days.clone();
                    d.sort_unstable();
                    d.dedup();
                    d.len() as f64 * WEEKS_PER_MONTH
                }
                SpikePeriod::Monthly => {
                    let Some(n) = days_per_month else {
                        return Err(UsageError {
                            field: "usage.days_per_month",
                            message: "a monthly spike needs days_per_month".to_string(),
                        });
                    };
                    let n = field(ev, n, "usage.days_per_month")?;
                    if n > DAYS_PER_MONTH {
                        return Err(UsageError {
                            field: "usage.days_per_month",
                            message: format!(
                                "at most {:.4} days in a 730-hour month (got {n})",
                                DAYS_PER_MONTH
                            ),
                        });
                    }
                    n
                }
            };
            Ok(FleetHours {
                baseline_count: b,
                baseline_hours: HOURS_PER_MONTH,
                spike_count: p - b,
                spike_hours: ph * spike_days,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::units::Weekday;

    fn ev() -> Evaluator {
        Evaluator::default()
    }

    #[test]
    fn constant_is_count_times_hours() {
        let u = Usage::Constant {
            hours_per_month: Num::Value(730.0),
        };
        let h = fleet_hours(3.0, &u, &ev()).unwrap();
        assert_eq!(h.total(), 2190.0);
        assert_eq!(h.spike_instance_hours(), 0.0);
    }

    #[test]
    fn daily_spike_uses_730_over_24_days() {
        // 2 always on, 6 for 8 hours every day: 2 × 730 + 4 × 8 × 30.4167 = 1460 + 973.33
        let u = Usage::Spike {
            period: SpikePeriod::Daily,
            baseline: Num::Value(2.0),
            peak: Num::Value(6.0),
            peak_hours: Num::Value(8.0),
            days: vec![],
            days_per_month: None,
        };
        let h = fleet_hours(0.0, &u, &ev()).unwrap();
        assert!((h.total() - (1460.0 + 4.0 * 8.0 * 730.0 / 24.0)).abs() < 1e-9);
        assert_eq!(h.baseline_count, 2.0);
    }

    #[test]
    fn weekly_spike_counts_distinct_days() {
        let u = Usage::Spike {
            period: SpikePeriod::Weekly,
            baseline: Num::Value(1.0),
            peak: Num::Value(3.0),
            peak_hours: Num::Value(10.0),
            days: vec![Weekday::Mon, Weekday::Fri, Weekday::Mon],
            days_per_month: None,
        };
        let h = fleet_hours(0.0, &u, &ev()).unwrap();
        assert!((h.spike_instance_hours() - 2.0 * 10.0 * 2.0 * 730.0 / 168.0).abs() < 1e-9);
    }

    #[test]
    fn monthly_spike_and_bad_input() {
        let mut u = Usage::Spike {
            period: SpikePeriod::Monthly,
            baseline: Num::Value(0.0),
            peak: Num::Value(10.0),
            peak_hours: Num::Value(24.0),
            days: vec![],
            days_per_month: Some(Num::Value(2.0)),
        };
        assert_eq!(fleet_hours(0.0, &u, &ev()).unwrap().total(), 480.0);
        if let Usage::Spike { peak, .. } = &mut u {
            *peak = Num::Value(-1.0);
        }
        assert_eq!(fleet_hours(0.0, &u, &ev()).unwrap_err().field, "usage.peak");
        let c = Usage::Constant {
            hours_per_month: Num::Value(800.0),
        };
        assert_eq!(
            fleet_hours(1.0, &c, &ev()).unwrap_err().field,
            "usage.hours_per_month"
        );
    }
}
