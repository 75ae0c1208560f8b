//! Demand: the load a scaling group must serve, one value per simulation step, in the unit of
//! the group's `capacity_per_unit` (req/s, jobs/min …).
//!
//! Built-in profiles compose by multiplication: `base × daily cycle × weekly dip × monthly
//! spike × growth × (1 + noise)`, each factor optional. Custom demand comes from a CSV file of
//! `timestamp,value` rows at minute or hour resolution, parsed by [`parse_csv`] (a function
//! over text; the shells read the file) and laid onto the simulation's steps by
//! [`DemandSeries::resample`].

use super::ScalingError;
use super::rng::SplitMix64;
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, Timelike};
use serde::{Deserialize, Serialize};

/// Where a group's demand comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "source", rename_all = "snake_case")]
pub enum DemandSpec {
    /// A built-in composable profile.
    Profile(Profile),
    /// A CSV file of `timestamp,value` rows (path relative to the plan file). The cost engine
    /// cannot read files; the shells load it and pass the series in.
    Csv {
        /// Path of the CSV file, relative to the plan file.
        path: String,
    },
}

impl DemandSpec {
    /// Check the profile's fields, or that the CSV path is not empty.
    pub fn validate(&self) -> Result<(), ScalingError> {
        match self {
            DemandSpec::Profile(p) => p.validate(),
            DemandSpec::Csv { path } if path.trim().is_empty() => {
                Err(ScalingError::field("demand.path", "is empty"))
            }
            DemandSpec::Csv { .. } => Ok(()),
        }
    }
}

/// Daily cycle: a cosine peaking at `peak_hour` (UTC, 0–24), `amplitude` × base above the
/// mean at the peak and as much below it twelve hours later.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DailyCycle {
    /// Hour of the day when demand peaks (UTC, 0–24; fractions allowed).
    pub peak_hour: f64,
    /// 0–1: 0.5 means the peak is 1.5 × and the trough 0.5 × the mean.
    pub amplitude: f64,
}

/// Weekly shape: Saturday and Sunday are multiplied by `weekend_factor` (0.6 = 40 % dip).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WeeklyDip {
    /// Multiplier of Saturday and Sunday demand (0.6 = 40 % lower).
    pub weekend_factor: f64,
}

/// A monthly spike: on day `day` of every month, from `start_hour` for `hours` hours, demand
/// is multiplied by `factor` (month-end batch, billing run, sale …).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MonthlySpike {
    /// Day of the month (1–31); months without that day have no spike.
    pub day: u32,
    /// Hour of the day (UTC, 0–23) the spike starts; default 0.
    #[serde(default)]
    pub start_hour: u32,
    /// Length of the spike in hours; it must end within its day.
    pub hours: u32,
    /// Multiplier of demand during the spike (2.0 = double).
    pub factor: f64,
}

/// Random noise: each step is multiplied by `1 + sd_pct/100 × z`, z zero-mean with unit
/// variance, seeded by the simulation's seed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Noise {
    /// Standard deviation of the noise, percent of the value (0–100).
    pub sd_pct: f64,
}

/// A built-in demand profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// Mean demand at the start, before the other factors.
    pub base: f64,
    /// Daily cycle; none = flat over the day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub daily: Option<DailyCycle>,
    /// Weekend dip; none = every day alike.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weekly: Option<WeeklyDip>,
    /// Monthly spike; none by default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub monthly_spike: Option<MonthlySpike>,
    /// Compound growth per month, percent (may be negative).
    #[serde(default)]
    pub growth_pct_per_month: f64,
    /// Random noise; none by default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub noise: Option<Noise>,
}

impl Profile {
    /// A constant demand.
    pub fn constant(base: f64) -> Profile {
        Profile {
            base,
            daily: None,
            weekly: None,
            monthly_spike: None,
            growth_pct_per_month: 0.0,
            noise: None,
        }
    }

    /// Check each factor's range; errors name the field under `demand.`.
    pub fn validate(&self) -> Result<(), ScalingError> {
        fn e(f: impl Into<String>, m: impl Into<String>) -> ScalingError {
            ScalingError::field(f, m)
        }
        let finite_nonneg = |v: f64, f: &str| {
            if v.is_finite() && v >= 0.0 {
                Ok(())
            } else {
                Err(e(
                    format!("demand.{f}"),
                    format!("must be a finite number ≥ 0 (got {v})"),
                ))
            }
        };
        finite_nonneg(self.base, "base")?;
        let at_most = |v: f64, max: f64, f: &str| {
            crate::limits::check_non_negative(v, max, f)
                .map(|_| ())
                .map_err(|m| e(format!("demand.{f}"), m))
        };
        at_most(self.base, crate::limits::MAX_DEMAND, "base")?;
        if self.growth_pct_per_month > crate::limits::MAX_GROWTH_PCT {
            return Err(e(
                "demand.growth_pct_per_month",
                format!(
                    "must be at most {} % a month, got {}",
                    crate::limits::MAX_GROWTH_PCT,
                    self.growth_pct_per_month
                ),
            ));
        }
        if let Some(d) = &self.daily {
            if !(0.0..=24.0).contains(&d.peak_hour) {
                return Err(e("demand.daily.peak_hour", "must be 0–24"));
            }
            if !(0.0..=1.0).contains(&d.amplitude) {
                return Err(e("demand.daily.amplitude", "must be 0–1"));
            }
        }
        if let Some(w) = &self.weekly {
            finite_nonneg(w.weekend_factor, "weekly.weekend_factor")?;
            at_most(
                w.weekend_factor,
                crate::limits::MAX_FACTOR,
                "weekly.weekend_factor",
            )?;
        }
        if let Some(s) = &self.monthly_spike {
            if !(1..=31).contains(&s.day) {
                return Err(e("demand.monthly_spike.day", "must be 1–31"));
            }
            if s.start_hour > 23 || s.start_hour + s.hours > 24 {
                return Err(e(
                    "demand.monthly_spike.hours",
                    "the spike must start and end within its day (start_hour + hours ≤ 24)",
                ));
            }
            finite_nonneg(s.factor, "monthly_spike.factor")?;
            at_most(s.factor, crate::limits::MAX_FACTOR, "monthly_spike.factor")?;
        }
        if !(self.growth_pct_per_month.is_finite() && self.growth_pct_per_month > -100.0) {
            return Err(e(
                "demand.growth_pct_per_month",
                "must be a finite number above -100",
            ));
        }
        if let Some(n) = &self.noise
            && !(n.sd_pct.is_finite() && (0.0..=100.0).contains(&n.sd_pct))
        {
            return Err(e("demand.noise.sd_pct", "must be 0–100"));
        }
        Ok(())
    }

    /// Demand at each of `n` steps of `step_minutes` from `start`. Noise uses `seed`.
    /// Values never go below zero.
    pub fn generate(
        &self,
        start: NaiveDateTime,
        step_minutes: u32,
        n: usize,
        seed: u64,
    ) -> Vec<f64> {
        let mut out = Vec::new();
        self.generate_into(start, step_minutes, n, seed, &mut out);
        out
    }

    /// [`Profile::generate`] into a reusable buffer (cleared first), for bulk runs.
    pub fn generate_into(
        &self,
        start: NaiveDateTime,
        step_minutes: u32,
        n: usize,
        seed: u64,
        out: &mut Vec<f64>,
    ) {
        out.clear();
        out.reserve(n);
        let step = step_minutes.max(1) as usize;
        let per_day = 1440 / step;
        // The daily factor depends only on the minute of the day: one table, no cos per step.
        let start_minute = (start.hour() * 60 + start.minute()) as usize;
        let daily: Vec<f64> = (0..per_day)
            .map(|k| match &self.daily {
                Some(d) => {
                    let h = (k * step) as f64 / 60.0;
                    1.0 + d.amplitude
                        * (2.0 * std::f64::consts::PI * (h - d.peak_hour) / 24.0).cos()
                }
                None => 1.0,
            })
            .collect();
        let monthly_growth = 1.0 + self.growth_pct_per_month / 100.0;
        let mut rng = SplitMix64::new(seed ^ 0xD3A4_D5E6_0000_0001);
        let noise_sd = self.noise.as_ref().map_or(0.0, |n| n.sd_pct / 100.0);
        let noisy = noise_sd > 0.0;
        // Every value draws one noise value, in order: draw them all first (one tight loop),
        // then scale each in place — the same stream and the same operations per value.
        if noisy {
            rng.extend_noise(out, n);
        }
        let mut date = start.date();
        let mut k = start_minute / step;
        let mut day_index = 0u32;
        let mut done = 0;
        while done < n {
            let mut day_factor = self.base;
            if let Some(w) = &self.weekly
                && date.weekday().number_from_monday() >= 6
            {
                day_factor *= w.weekend_factor;
            }
            if self.growth_pct_per_month != 0.0 {
                // Months elapsed as an average Gregorian month (365.2425 / 12 days).
                day_factor *= monthly_growth.powf(day_index as f64 / (365.2425 / 12.0));
            }
            // Steps of the spike as indices of the day (empty when none today).
            let (from, to, f) = self
                .monthly_spike
                .as_ref()
                .filter(|s| s.day == date.day())
                .map_or((0, 0, 1.0), |s| {
                    (
                        ((s.start_hour * 60) as usize).div_ceil(step),
                        (((s.start_hour + s.hours) * 60) as usize).div_ceil(step),
                        s.factor,
                    )
                });
            let end = per_day.min(k + (n - done));
            // One pass per day over the table, split at the spike so the loops test nothing
            // per value (same operations in the same order as value by value).
            let (a, b) = (from.clamp(k, end), to.clamp(k, end).max(from.clamp(k, end)));
            if noisy {
                let values = &mut out[done..done + (end - k)];
                let (before, rest) = values.split_at_mut(a - k);
                let (during, after) = rest.split_at_mut(b - a);
                for (v, x) in before.iter_mut().zip(&daily[k..a]) {
                    *v = (day_factor * x * (1.0 + noise_sd * *v)).max(0.0);
                }
                for (v, x) in during.iter_mut().zip(&daily[a..b]) {
                    *v = (day_factor * x * f * (1.0 + noise_sd * *v)).max(0.0);
                }
                for (v, x) in after.iter_mut().zip(&daily[b..end]) {
                    *v = (day_factor * x * (1.0 + noise_sd * *v)).max(0.0);
                }
            } else {
                out.extend(daily[k..a].iter().map(|x| (day_factor * x).max(0.0)));
                out.extend(daily[a..b].iter().map(|x| (day_factor * x * f).max(0.0)));
                out.extend(daily[b..end].iter().map(|x| (day_factor * x).max(0.0)));
            }
            done += end - k;
            k = 0;
            day_index += 1;
            date = date.succ_opt().unwrap_or(date);
        }
    }

    /// [`Profile::generate`] one value at a time from the calendar, the reference the
    /// day-by-day generator is checked against: the value at step `k` of a day (steps counted
    /// from midnight, the first day from `start`'s step) is `base × weekend × growth ×
    /// daily(k) × spike × (1 + sd × noise)`, multiplied in that order, never below zero.
    #[cfg(test)]
    fn generate_value_by_value(
        &self,
        start: NaiveDateTime,
        step_minutes: u32,
        n: usize,
        seed: u64,
    ) -> Vec<f64> {
        let step = step_minutes.max(1) as usize;
        let per_day = 1440 / step;
        let mut rng = SplitMix64::new(seed ^ 0xD3A4_D5E6_0000_0001);
        let mut out = Vec::new();
        let mut date = start.date();
        let mut k = (start.hour() * 60 + start.minute()) as usize / step;
        let mut day_index = 0u32;
        while out.len() < n {
            if k == per_day {
                k = 0;
                day_index += 1;
                date = date.succ_opt().unwrap_or(date);
                continue;
            }
            let mut v = self.base;
            if let Some(w) = &self.weekly
                && matches!(date.weekday(), chrono::Weekday::Sat | chrono::Weekday::Sun)
            {
                v *= w.weekend_factor;
            }
            if self.growth_pct_per_month != 0.0 {
                let growth = 1.0 + self.growth_pct_per_month / 100.0;
                v *= growth.powf(day_index as f64 / (365.2425 / 12.0));
            }
            if let Some(d) = &self.daily {
                let h = (k * step) as f64 / 60.0;
                v *= 1.0
                    + d.amplitude * (2.0 * std::f64::consts::PI * (h - d.peak_hour) / 24.0).cos();
            }
            if let Some(s) = &self.monthly_spike {
                let minute = (k * step) as u32;
                if s.day == date.day()
                    && minute >= s.start_hour * 60
                    && minute < (s.start_hour + s.hours) * 60
                {
                    v *= s.factor;
                }
            }
            if let Some(noise) = &self.noise
                && noise.sd_pct > 0.0
            {
                v *= 1.0 + noise.sd_pct / 100.0 * rng.next_noise();
            }
            out.push(v.max(0.0));
            k += 1;
        }
        out
    }
}

/// Resolution of a CSV demand series.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolution {
    /// One sample per minute.
    Minute,
    /// One sample per hour.
    Hour,
}

impl Resolution {
    /// Minutes between samples (1 or 60).
    pub fn minutes(self) -> u32 {
        match self {
            Resolution::Minute => 1,
            Resolution::Hour => 60,
        }
    }
}

/// A demand series read from CSV: regular samples from `start`.
#[derive(Debug, Clone, PartialEq)]
pub struct DemandSeries {
    /// Time of the first sample (UTC).
    pub start: NaiveDateTime,
    /// Spacing of the samples.
    pub resolution: Resolution,
    /// Demand samples, in the unit of the group's `capacity_per_unit`.
    pub values: Vec<f64>,
}

impl DemandSeries {
    /// Number of whole steps of `step_minutes` the series covers.
    pub fn steps(&self, step_minutes: u32) -> usize {
        self.values.len() * self.resolution.minutes() as usize / step_minutes.max(1) as usize
    }

    /// The series on steps of `step_minutes`: finer samples are averaged over each step,
    /// coarser ones held for every step they cover.
    pub fn resample(&self, step_minutes: u32) -> Vec<f64> {
        let res = self.resolution.minutes() as usize;
        let step = step_minutes.max(1) as usize;
        let n = self.steps(step_minutes);
        if step >= res {
            let k = step / res;
            (0..n)
                .map(|i| self.values[i * k..(i + 1) * k].iter().sum::<f64>() / k as f64)
                .collect()
        } else {
            let k = res / step;
            (0..n).map(|i| self.values[i / k]).collect()
        }
    }
}

fn parse_timestamp(s: &str) -> Option<NaiveDateTime> {
    let s = s.trim();
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(s) {
        return Some(t.naive_utc());
    }
    for f in [
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(t) = NaiveDateTime::parse_from_str(s, f) {
            return Some(t);
        }
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
}

/// Parse `timestamp,value` demand rows (UTC; RFC 3339 or `YYYY-MM-DD HH:MM[:SS]`). A header
/// row is allowed, blank lines and `#` comments are skipped. Samples must be one minute or
/// one hour apart, without gaps; values finite and ≥ 0. Errors name the line and the field.
pub fn parse_csv(text: &str) -> Result<DemandSeries, ScalingError> {
    let err = |line: usize, field: &str, message: String| ScalingError::Csv {
        line,
        field: field.to_string(),
        message,
    };
    let mut start: Option<NaiveDateTime> = None;
    let mut prev: Option<NaiveDateTime> = None;
    let mut resolution: Option<Resolution> = None;
    let mut values = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let row = raw.trim().trim_start_matches('\u{feff}');
        if row.is_empty() || row.starts_with('#') {
            continue;
        }
        let mut cells = row.split(',');
        let ts_text = cells.next().unwrap_or("").trim().trim_matches('"');
        let Some(value_text) = cells.next().map(|v| v.trim().trim_matches('"')) else {
            return Err(err(
                line,
                "value",
                "missing: each row is `timestamp,value`".into(),
            ));
        };
        if cells.next().is_some() {
            return Err(err(
                line,
                "value",
                "too many fields: each row is `timestamp,value`".into(),
            ));
        }
        let ts = match parse_timestamp(ts_text) {
            Some(t) => t,
            None if values.is_empty() && start.is_none() && value_text.parse::<f64>().is_err() => {
                continue; // header row
            }
            None => {
                return Err(err(
                    line,
                    "timestamp",
                    format!(
                        "`{ts_text}` is not a timestamp (use 2026-01-01T00:00:00Z or 2026-01-01 00:00)"
                    ),
                ));
            }
        };
        let v: f64 = value_text
            .parse()
            .map_err(|_| err(line, "value", format!("`{value_text}` is not a number")))?;
        if !v.is_finite() || v < 0.0 {
            return Err(err(
                line,
                "value",
                format!("must be a finite number ≥ 0 (got {value_text})"),
            ));
        }
        if v > crate::limits::MAX_DEMAND {
            return Err(err(
                line,
                "value",
                format!(
                    "must be at most {} (got {value_text})",
                    crate::limits::show(crate::limits::MAX_DEMAND)
                ),
            ));
        }
        if let Some(p) = prev {
            let gap = (ts - p).num_seconds();
            let expected = match resolution {
                Some(r) => r.minutes() as i64 * 60,
                None => {
                    let r = match gap {
                        60 => Resolution::Minute,
                        3600 => Resolution::Hour,
                        _ => {
                            return Err(err(
                                line,
                                "timestamp",
                                format!(
                                    "samples must be 1 minute or 1 hour apart (this one is {gap} s after the previous)"
                                ),
                            ));
                        }
                    };
                    resolution = Some(r);
                    gap
                }
            };
            if gap != expected {
                return Err(err(
                    line,
                    "timestamp",
                    format!(
                        "expected {} after the previous sample ({expected} s), found {gap} s (gaps and duplicates are not allowed)",
                        p.checked_add_signed(Duration::seconds(expected))
                            .map_or("a time past the end of the calendar".into(), |t| t
                                .to_string())
                    ),
                ));
            }
        } else {
            start = Some(ts);
        }
        prev = Some(ts);
        values.push(v);
    }
    let Some(start) = start else {
        return Err(err(1, "timestamp", "the file has no demand rows".into()));
    };
    if values.len() < 2 {
        return Err(err(
            1,
            "timestamp",
            "at least two rows are needed to know the resolution".into(),
        ));
    }
    Ok(DemandSeries {
        start,
        resolution: resolution.unwrap_or(Resolution::Hour),
        values,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t0() -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 1, 1)
            .unwrap()
            .and_hms_opt(0, 0, 0)
            .unwrap()
    }

    #[test]
    fn constant_profile_is_constant() {
        let v = Profile::constant(120.0).generate(t0(), 60, 48, 1);
        assert_eq!(v.len(), 48);
        assert!(v.iter().all(|x| *x == 120.0));
    }

    #[test]
    fn daily_cycle_peaks_at_peak_hour() {
        let mut p = Profile::constant(100.0);
        p.daily = Some(DailyCycle {
            peak_hour: 14.0,
            amplitude: 0.5,
        });
        let v = p.generate(t0(), 60, 24, 0);
        assert!((v[14] - 150.0).abs() < 1e-9);
        assert!((v[2] - 50.0).abs() < 1e-9);
    }

    #[test]
    fn weekend_dip_monthly_spike_and_growth() {
        let mut p = Profile::constant(100.0);
        p.weekly = Some(WeeklyDip {
            weekend_factor: 0.5,
        });
        p.monthly_spike = Some(MonthlySpike {
            day: 1,
            start_hour: 9,
            hours: 2,
            factor: 3.0,
        });
        // 2026-01-01 is a Thursday; the 3rd is a Saturday.
        let v = p.generate(t0(), 60, 24 * 4, 0);
        assert_eq!(v[8], 100.0);
        assert_eq!(v[9], 300.0);
        assert_eq!(v[10], 300.0);
        assert_eq!(v[11], 100.0);
        assert_eq!(v[48 + 9], 50.0);
        let mut g = Profile::constant(100.0);
        g.growth_pct_per_month = 10.0;
        let v = g.generate(t0(), 60, 24 * 366, 0);
        let after_year = v[24 * 365];
        // 12 months of 10 % compound growth ≈ 3.138 ×.
        assert!((after_year / 100.0 - 1.1f64.powf(365.0 / (365.2425 / 12.0))).abs() < 1e-9);
    }

    #[test]
    fn noise_is_seeded() {
        let mut p = Profile::constant(100.0);
        p.noise = Some(Noise { sd_pct: 10.0 });
        let a = p.generate(t0(), 5, 1000, 42);
        assert_eq!(a, p.generate(t0(), 5, 1000, 42));
        assert_ne!(a, p.generate(t0(), 5, 1000, 43));
    }

    /// The day-by-day generator against the value-by-value reference, bit for bit, on random
    /// profiles (every factor on or off, spikes on days 28–31 and at the day's edges, growth
    /// up and down, noise), starts (any minute, month ends, leap days), steps and lengths.
    #[test]
    fn generator_equals_the_value_by_value_reference() {
        let mut r = crate::scaling::rng::SplitMix64::new(17);
        let mut values = 0;
        for case in 0..400 {
            let mut pick = |k: u64| r.next_u64() % k;
            let mut p = Profile::constant(pick(5000) as f64 + 0.25);
            if pick(3) > 0 {
                p.daily = Some(DailyCycle {
                    peak_hour: pick(97) as f64 / 4.0,
                    amplitude: pick(101) as f64 / 100.0,
                });
            }
            if pick(2) == 0 {
                p.weekly = Some(WeeklyDip {
                    weekend_factor: pick(150) as f64 / 100.0,
                });
            }
            if pick(2) == 0 {
                let start_hour = pick(24) as u32;
                p.monthly_spike = Some(MonthlySpike {
                    day: [1, 15, 28, 29, 30, 31][pick(6) as usize],
                    start_hour,
                    hours: pick(25 - start_hour as u64) as u32,
                    factor: pick(300) as f64 / 100.0,
                });
            }
            if pick(3) > 0 {
                p.growth_pct_per_month = pick(4000) as f64 / 100.0 - 20.0;
            }
            if pick(3) > 0 {
                p.noise = Some(Noise {
                    sd_pct: [0.0, 2.0, 30.0, 100.0][pick(4) as usize],
                });
            }
            assert!(p.validate().is_ok(), "{p:?}");
            let start = NaiveDate::from_ymd_opt(2023, 12, 1)
                .unwrap()
                .and_hms_opt(0, 0, 0)
                .unwrap()
                + Duration::minutes(pick(3 * 366 * 1440) as i64);
            let step = [1u32, 5, 60, 7, 15, 90][pick(6) as usize];
            let n = pick(100 * 1440 / step as u64 + 2) as usize;
            let seed = pick(1000);
            let mut fast = vec![-1.0; 3];
            p.generate_into(start, step, n, seed, &mut fast);
            let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<u64>>();
            assert_eq!(
                bits(&fast),
                bits(&p.generate_value_by_value(start, step, n, seed)),
                "case {case}: start {start} step {step} n {n} {p:?}"
            );
            values += n;
        }
        assert!(values > 1_000_000, "{values}");
    }

    #[test]
    fn csv_hourly_and_minute() {
        let s = parse_csv("timestamp,value\n2026-01-01T00:00:00Z,10\n2026-01-01T01:00:00Z,20\n2026-01-01 02:00,30\n").unwrap();
        assert_eq!(s.resolution, Resolution::Hour);
        assert_eq!(s.values, vec![10.0, 20.0, 30.0]);
        assert_eq!(s.resample(5).len(), 36);
        assert_eq!(s.resample(60), vec![10.0, 20.0, 30.0]);
        let text: String = (0..120)
            .map(|m| format!("2026-01-01 {:02}:{:02},{}\n", m / 60, m % 60, m))
            .collect();
        let s = parse_csv(&text).unwrap();
        assert_eq!(s.resolution, Resolution::Minute);
        assert_eq!(s.resample(60), vec![29.5, 89.5]);
    }

    #[test]
    fn csv_errors_name_line_and_field() {
        let e = parse_csv("timestamp,value\n2026-01-01 00:00,1\n2026-01-01 01:00,x\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "demand CSV line 3, field `value`: `x` is not a number"
        );
        let e =
            parse_csv("2026-01-01 00:00,1\n2026-01-01 01:00,2\n2026-01-01 03:00,2\n").unwrap_err();
        assert!(matches!(e, ScalingError::Csv { line: 3, ref field, .. } if field == "timestamp"));
        let e = parse_csv("2026-01-01 00:00,1\nnot a date,2\n").unwrap_err();
        assert!(matches!(e, ScalingError::Csv { line: 2, .. }));
        let e = parse_csv("2026-01-01 00:00,-1\n").unwrap_err();
        assert!(matches!(e, ScalingError::Csv { line: 1, ref field, .. } if field == "value"));
        assert!(parse_csv("").is_err());
    }
}
