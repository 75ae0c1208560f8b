//! Scheduled actions [ec2-auto-scaling-scheduled-scaling]: at a time, set any of the group's
//! min, max and desired capacity. One-off or recurring daily / weekly, in a fixed UTC offset
//! (a named time zone with daylight saving is not modelled). Actions run in order of time and
//! do not wait for cooldowns; the simulator applies an action at the first step that starts
//! at or after its time.

use super::ScalingError;
use crate::plan::Weekday;
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

/// When an action runs (times are local to the action's UTC offset).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "repeat", rename_all = "snake_case", deny_unknown_fields)]
pub enum Recurrence {
    /// Once, at `at` (`2026-03-01T09:00`).
    Once { at: String },
    /// Every day at `at` (`09:00`).
    Daily { at: String },
    /// On the listed weekdays at `at`.
    Weekly { days: Vec<Weekday>, at: String },
}

/// One scheduled action.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScheduledAction {
    pub name: String,
    pub when: Recurrence,
    /// Fixed offset of the local time from UTC, minutes (+540 for UTC+09:00).
    #[serde(default)]
    pub utc_offset_minutes: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub desired: Option<u32>,
}

fn parse_time(s: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(s.trim(), "%H:%M").ok()
}

fn parse_datetime(s: &str) -> Option<NaiveDateTime> {
    let s = s.trim();
    ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
}

fn chrono_weekday(d: Weekday) -> chrono::Weekday {
    match d {
        Weekday::Mon => chrono::Weekday::Mon,
        Weekday::Tue => chrono::Weekday::Tue,
        Weekday::Wed => chrono::Weekday::Wed,
        Weekday::Thu => chrono::Weekday::Thu,
        Weekday::Fri => chrono::Weekday::Fri,
        Weekday::Sat => chrono::Weekday::Sat,
        Weekday::Sun => chrono::Weekday::Sun,
    }
}

impl ScheduledAction {
    pub fn validate(&self, at: &str) -> Result<(), ScalingError> {
        let e = |f: &str, m: String| ScalingError::field(format!("{at}.{f}"), m);
        if self.min.is_none() && self.max.is_none() && self.desired.is_none() {
            return Err(e(
                "desired",
                "an action sets at least one of min, max, desired".into(),
            ));
        }
        if let (Some(lo), Some(hi)) = (self.min, self.max)
            && lo > hi
        {
            return Err(e("min", format!("min ({lo}) must not exceed max ({hi})")));
        }
        if self.utc_offset_minutes.abs() > 14 * 60 {
            return Err(e("utc_offset_minutes", "must be within ±14 h".into()));
        }
        match &self.when {
            Recurrence::Once { at: t } if parse_datetime(t).is_none() => Err(e(
                "when.at",
                format!("`{t}` is not a date and time like 2026-03-01T09:00"),
            )),
            Recurrence::Daily { at: t } | Recurrence::Weekly { at: t, .. }
                if parse_time(t).is_none() =>
            {
                Err(e("when.at", format!("`{t}` is not a time like 09:00")))
            }
            Recurrence::Weekly { days, .. } if days.is_empty() => Err(e(
                "when.days",
                "a weekly action needs at least one day".into(),
            )),
            _ => Ok(()),
        }
    }

    /// UTC times at which the action runs within [from, to).
    pub fn occurrences(&self, from: NaiveDateTime, to: NaiveDateTime) -> Vec<NaiveDateTime> {
        let offset = Duration::minutes(self.utc_offset_minutes as i64);
        let mut out = Vec::new();
        match &self.when {
            Recurrence::Once { at } => {
                if let Some(t) = parse_datetime(at).map(|t| t - offset)
                    && t >= from
                    && t < to
                {
                    out.push(t);
                }
            }
            Recurrence::Daily { at } | Recurrence::Weekly { at, .. } => {
                let Some(time) = parse_time(at) else {
                    return out;
                };
                let days: Option<Vec<chrono::Weekday>> = match &self.when {
                    Recurrence::Weekly { days, .. } => {
                        Some(days.iter().map(|d| chrono_weekday(*d)).collect())
                    }
                    _ => None,
                };
                let mut d: NaiveDate = (from + offset).date() - Duration::days(1);
                let last = (to + offset).date() + Duration::days(1);
                while d <= last {
                    if days.as_ref().is_none_or(|w| w.contains(&d.weekday())) {
                        let t = d.and_time(time) - offset;
                        if t >= from && t < to {
                            out.push(t);
                        }
                    }
                    d += Duration::days(1);
                }
            }
        }
        out
    }
}

/// Every action occurrence over `n` steps of `step_minutes` from `start`, as
/// (step index, action index), in time order (ties in declaration order).
pub fn timeline(
    actions: &[ScheduledAction],
    start: NaiveDateTime,
    step_minutes: u32,
    n: usize,
) -> Vec<(usize, usize)> {
    let step = step_minutes.max(1) as i64;
    let end = start + Duration::minutes(step * n as i64);
    let mut all: Vec<(NaiveDateTime, usize)> = actions
        .iter()
        .enumerate()
        .flat_map(|(i, a)| a.occurrences(start, end).into_iter().map(move |t| (t, i)))
        .collect();
    all.sort();
    all.into_iter()
        .filter_map(|(t, i)| {
            let secs = (t - start).num_seconds();
            let idx = (secs + step * 60 - 1).div_euclid(step * 60) as usize;
            (idx < n).then_some((idx, i))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> NaiveDateTime {
        parse_datetime(s).unwrap()
    }

    #[test]
    fn daily_action_with_offset() {
        let a = ScheduledAction {
            name: "morning".into(),
            when: Recurrence::Daily { at: "09:00".into() },
            utc_offset_minutes: 540,
            min: Some(4),
            max: None,
            desired: None,
        };
        let occ = a.occurrences(t("2026-01-01T00:00"), t("2026-01-03T00:00"));
        assert_eq!(occ, vec![t("2026-01-01T00:00"), t("2026-01-02T00:00")]);
        let tl = timeline(&[a], t("2026-01-01T00:00"), 60, 48);
        assert_eq!(tl, vec![(0, 0), (24, 0)]);
    }

    #[test]
    fn weekly_and_once() {
        let w = ScheduledAction {
            name: "weekend".into(),
            when: Recurrence::Weekly {
                days: vec![Weekday::Sat],
                at: "00:30".into(),
            },
            utc_offset_minutes: 0,
            min: None,
            max: None,
            desired: Some(1),
        };
        // 2026-01-03 is a Saturday; 00:30 falls on the 01:00 hourly step.
        let tl = timeline(&[w], t("2026-01-01T00:00"), 60, 24 * 7);
        assert_eq!(tl, vec![(48 + 1, 0)]);
        let o = ScheduledAction {
            name: "launch".into(),
            when: Recurrence::Once {
                at: "2026-01-02T10:00".into(),
            },
            utc_offset_minutes: -60,
            min: None,
            max: Some(3),
            desired: None,
        };
        assert_eq!(
            timeline(&[o], t("2026-01-01T00:00"), 5, 24 * 12 * 2),
            vec![(24 * 12 + 11 * 12, 0)]
        );
    }
}
