//! Scheduled actions [ec2-auto-scaling-scheduled-scaling]: at a time, set any of the group's
//! min, max and desired capacity. One-off or recurring daily / weekly, in a fixed UTC offset
//! (`utc_offset_minutes`) or in an IANA time zone (`time_zone`, e.g. `America/New_York`).
//! Actions run in order of time and do not wait for cooldowns; the simulator applies an
//! action at the first step that starts at or after its time.
//!
//! Time zones follow the guide: "When you specify a time zone that observes Daylight Saving
//! Time (DST), the action automatically adjusts for DST" — an action at 08:00
//! `America/New_York` runs at 08:00 UTC−5 (13:00 UTC) in winter and 08:00 UTC−4 (12:00 UTC)
//! in summer (the guide's "Verify the time, date, and time zone" example). The zones are the
//! IANA tz database compiled into the `chrono-tz` crate (AWS lists "time zones … from the
//! IANA Time Zone database").
//!
//! The guide does not say what happens to a local time that does not exist (the spring-forward
//! gap) or that occurs twice (the fall-back overlap). cloudplan does what cron does (Vixie cron,
//! `cron(8)`: jobs in skipped time "will be run soon after the change"; jobs in repeated time
//! "will not be re-run"): a time in the gap runs at the instant the clocks jump (the first
//! valid local minute after it), and a repeated time runs once, at its first occurrence (the
//! earlier UTC instant). Note that a different AWS service, EventBridge Scheduler, documents
//! skipping times in the gap; EC2 Auto Scaling documents neither.

use super::ScalingError;
use crate::units::Weekday;
use chrono::{
    Datelike, Days, Duration, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Timelike,
};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

/// When an action runs (times are local to the action's UTC offset).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "repeat", rename_all = "snake_case", deny_unknown_fields)]
pub enum Recurrence {
    /// Once, at `at` (`2026-03-01T09:00`).
    Once {
        /// Local date and time, `YYYY-MM-DDTHH:MM`.
        at: String,
    },
    /// Every day at `at` (`09:00`).
    Daily {
        /// Local time of day, `HH:MM`.
        at: String,
    },
    /// On the listed weekdays at `at`.
    Weekly {
        /// Days of the week the action runs on.
        days: Vec<Weekday>,
        /// Local time of day, `HH:MM`.
        at: String,
    },
}

/// One scheduled action.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScheduledAction {
    /// Name of the action (`ScheduledActionName`).
    pub name: String,
    /// When the action runs: once, daily or weekly.
    pub when: Recurrence,
    /// Fixed offset of the local time from UTC, minutes (+540 for UTC+09:00).
    #[serde(default)]
    pub utc_offset_minutes: i32,
    /// IANA time zone of the action's times (`America/New_York`), with daylight saving; when
    /// set, `utc_offset_minutes` must be 0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_zone: Option<String>,
    /// New minimum capacity in weighted units; unchanged when unset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<u32>,
    /// New maximum capacity in weighted units; unchanged when unset (raised to min if below it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<u32>,
    /// New desired capacity in weighted units, clamped to [min, max]; unchanged when unset.
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
    /// Check the action's fields; errors name them under `at` (`scheduled[0].when.at` …).
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
        if let Some(z) = &self.time_zone {
            parse_zone(z).map_err(|m| e("time_zone", m))?;
            if self.utc_offset_minutes != 0 {
                return Err(e(
                    "utc_offset_minutes",
                    format!(
                        "set either time_zone ({z}) or utc_offset_minutes ({}), not both",
                        self.utc_offset_minutes
                    ),
                ));
            }
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

    /// UTC times at which the action runs within [from, to): its local times turned into UTC
    /// with its fixed offset, or in its IANA zone with that date's offset ([`to_utc`]).
    pub fn occurrences(&self, from: NaiveDateTime, to: NaiveDateTime) -> Vec<NaiveDateTime> {
        match self.time_zone.as_deref().and_then(|z| parse_zone(z).ok()) {
            Some(zone) => self.occurrences_with(from, to, |local| to_utc(zone, local)),
            None => {
                let offset = Duration::minutes(self.utc_offset_minutes as i64);
                self.occurrences_with(from, to, |local| local - offset)
            }
        }
    }

    /// [`Self::occurrences`] with `utc` turning a local time into UTC.
    fn occurrences_with(
        &self,
        from: NaiveDateTime,
        to: NaiveDateTime,
        utc: impl Fn(NaiveDateTime) -> NaiveDateTime,
    ) -> Vec<NaiveDateTime> {
        let mut out = Vec::new();
        match &self.when {
            Recurrence::Once { at } => {
                if let Some(t) = parse_datetime(at).map(&utc)
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
                // Local dates that can fall in [from, to): UTC offsets are within ±26 h.
                let mut d: NaiveDate = from.date() - Duration::days(2);
                let last = to.date() + Duration::days(2);
                while d <= last {
                    if days.as_ref().is_none_or(|w| w.contains(&d.weekday())) {
                        let t = utc(d.and_time(time));
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

/// An IANA time zone by its canonical name (`America/New_York`, `Etc/UTC`).
pub fn parse_zone(name: &str) -> Result<Tz, String> {
    name.trim().parse::<Tz>().map_err(|_| {
        format!(
            "`{name}` is not an IANA time zone name (e.g. America/New_York, Europe/London, Etc/UTC)"
        )
    })
}

/// Every IANA time zone name known to the tz database compiled in (for pickers).
pub fn zone_names() -> impl Iterator<Item = &'static str> {
    chrono_tz::TZ_VARIANTS.iter().map(|z| z.name())
}

/// The UTC instant of local time `local` in `zone`. A local time in a spring-forward gap runs
/// at the first valid local minute after it (the instant the clocks jump); a local time that
/// occurs twice (fall back) runs at its first occurrence — cron's behaviour, see the module
/// documentation.
pub fn to_utc(zone: Tz, local: NaiveDateTime) -> NaiveDateTime {
    match zone.from_local_datetime(&local) {
        LocalResult::Single(t) => t.naive_utc(),
        LocalResult::Ambiguous(first, second) => first.naive_utc().min(second.naive_utc()),
        LocalResult::None => {
            // Walk forward minute by minute to the end of the gap (gaps are at most a day).
            let mut t = local;
            for _ in 0..(26 * 60) {
                t += Duration::minutes(1);
                if let LocalResult::Single(x) | LocalResult::Ambiguous(x, _) =
                    zone.from_local_datetime(&t)
                {
                    // `t` is the first valid local minute: the jump happened at its instant
                    // minus the seconds `local` lay inside the minute (none: times are HH:MM).
                    return x.naive_utc();
                }
            }
            local
        }
    }
}

/// Every action occurrence over `n` steps of `step_minutes` from `start`, as
/// (step index, action index), in time order (ties in declaration order).
///
/// Daily and weekly actions at a fixed UTC offset are laid out in integer seconds from
/// `start` (a day counter and a weekday rotation: no calendar arithmetic per occurrence);
/// one-off actions and IANA zones go through [`ScheduledAction::occurrences`]. The result is
/// [`timeline_by_chrono`]'s, which the tests check on random schedules. Called once per run;
/// kept out of line so profiles of the step loop show it apart.
#[inline(never)]
pub fn timeline(
    actions: &[ScheduledAction],
    start: NaiveDateTime,
    step_minutes: u32,
    n: usize,
) -> Vec<(usize, usize)> {
    let step = step_minutes.max(1) as i64;
    let end = start + Duration::minutes(step * n as i64);
    // Whole seconds from `start` order the occurrences as their times do when `start` has no
    // fraction of a second (occurrences have none); the local dates around the horizon must
    // exist for the integer path to be the calendar's.
    if start.nanosecond() != 0
        || start.date().checked_sub_days(Days::new(3)).is_none()
        || end.date().checked_add_days(Days::new(3)).is_none()
    {
        return timeline_by_chrono(actions, start, step_minutes, n);
    }
    let span = step * 60 * n as i64;
    let start_second = start.num_seconds_from_midnight() as i64;
    let start_weekday = start.date().weekday().num_days_from_monday() as i64;
    let days_span = (end.date() - start.date()).num_days();
    let step_s = step * 60;
    // The step an occurrence `secs` seconds from start is applied at: the first that starts at
    // or after it.
    let step_of = |secs: i64| (secs + step_s - 1).div_euclid(step_s) as usize;
    // (seconds from start, step, action): each action's occurrences, then all sorted by time —
    // stably, so equal times keep declaration order (and the sort merges the actions' sorted
    // runs in linear time).
    // An occurrence in the horizon's last partial step has no step to run at.
    let mut all: Vec<(i64, usize, usize)> = Vec::new();
    for (i, a) in actions.iter().enumerate() {
        match a.fixed_recurrence() {
            Some((minute, weekdays)) => {
                // The occurrence of local day `d` (days from start's date) is at
                // `d × 86400 + first` seconds from start. As in `occurrences_with`, local
                // days from 2 before the first to 2 after the last date are considered.
                let first = (minute - a.utc_offset_minutes as i64) * 60 - start_second;
                let d_lo = (-first.div_euclid(86_400)).max(-2);
                let d_hi = (span - first - 1).div_euclid(86_400).min(days_span + 2);
                let mut weekday = (start_weekday + d_lo).rem_euclid(7);
                let mut t = d_lo * 86_400 + first;
                // Steps that divide a day (1, 5, 60 min …) advance the step by a day's worth.
                let per_day = (86_400 % step_s == 0).then_some((86_400 / step_s) as usize);
                let mut idx = step_of(t);
                all.reserve((d_hi - d_lo + 1).max(0) as usize);
                for _ in d_lo..=d_hi {
                    if weekdays & (1 << weekday) != 0 && idx < n {
                        all.push((t, idx, i));
                    }
                    t += 86_400;
                    idx = match per_day {
                        Some(k) => idx + k,
                        None => step_of(t),
                    };
                    weekday = if weekday == 6 { 0 } else { weekday + 1 };
                }
            }
            None => all.extend(
                a.occurrences(start, end)
                    .into_iter()
                    .map(|t| (t - start).num_seconds())
                    .map(|secs| (secs, step_of(secs), i))
                    .filter(|&(_, idx, _)| idx < n),
            ),
        }
    }
    all.sort_by_key(|o| o.0);
    all.into_iter().map(|(_, idx, i)| (idx, i)).collect()
}

impl ScheduledAction {
    /// A daily or weekly action at a fixed UTC offset (no valid IANA zone): its local minute of
    /// the day and its weekdays (bit 0 Monday … bit 6 Sunday). `None` for the other kinds.
    fn fixed_recurrence(&self) -> Option<(i64, u8)> {
        if self
            .time_zone
            .as_deref()
            .and_then(|z| parse_zone(z).ok())
            .is_some()
        {
            return None;
        }
        let (at, weekdays) = match &self.when {
            Recurrence::Once { .. } => return None,
            Recurrence::Daily { at } => (at, 0x7f),
            Recurrence::Weekly { days, at } => (
                at,
                days.iter().fold(0u8, |m, d| {
                    m | 1 << chrono_weekday(*d).num_days_from_monday()
                }),
            ),
        };
        let time = parse_time(at)?;
        Some(((time.hour() * 60 + time.minute()) as i64, weekdays))
    }
}

/// [`timeline`] by calendar arithmetic: every occurrence from [`ScheduledAction::occurrences`],
/// sorted by time and action.
pub fn timeline_by_chrono(
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
            time_zone: None,
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
            time_zone: None,
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
            time_zone: None,
            min: None,
            max: Some(3),
            desired: None,
        };
        assert_eq!(
            timeline(&[o], t("2026-01-01T00:00"), 5, 24 * 12 * 2),
            vec![(24 * 12 + 11 * 12, 0)]
        );
    }

    fn zoned(when: Recurrence, zone: &str) -> ScheduledAction {
        ScheduledAction {
            name: "zoned".into(),
            when,
            utc_offset_minutes: 0,
            time_zone: Some(zone.into()),
            min: None,
            max: None,
            desired: Some(4),
        }
    }

    // The guide's example [ec2-auto-scaling-scheduled-scaling, "Verify the time, date, and
    // time zone"]: a recurring America/New_York action "starts at 8:00 AM UTC-5 in local time"
    // before DST starts and "8:00 AM UTC-4" after. 2027: DST starts Sunday 14 March and ends
    // Sunday 7 November (second Sunday of March, first Sunday of November, at 02:00 local).
    #[test]
    fn weekday_action_follows_new_york_dst_in_2027() {
        let a = zoned(
            Recurrence::Weekly {
                days: vec![
                    Weekday::Mon,
                    Weekday::Tue,
                    Weekday::Wed,
                    Weekday::Thu,
                    Weekday::Fri,
                ],
                at: "08:00".into(),
            },
            "America/New_York",
        );
        assert!(a.validate("scheduled[0]").is_ok());
        let spring = a.occurrences(t("2027-03-12T00:00"), t("2027-03-16T00:00"));
        assert_eq!(spring, vec![t("2027-03-12T13:00"), t("2027-03-15T12:00")]);
        let fall = a.occurrences(t("2027-11-05T00:00"), t("2027-11-09T00:00"));
        assert_eq!(fall, vec![t("2027-11-05T12:00"), t("2027-11-08T13:00")]);
    }

    // Spring forward, 14 March 2027: 02:00–02:59 does not exist in New York. A daily 02:30
    // action runs when the clocks jump (03:00 EDT = 07:00 UTC), as cron runs skipped jobs
    // "soon after the change"; the days around it run at 02:30 EST / EDT.
    #[test]
    fn time_in_the_spring_forward_gap_runs_at_the_jump() {
        let a = zoned(Recurrence::Daily { at: "02:30".into() }, "America/New_York");
        let occ = a.occurrences(t("2027-03-13T00:00"), t("2027-03-16T00:00"));
        assert_eq!(
            occ,
            vec![
                t("2027-03-13T07:30"),
                t("2027-03-14T07:00"),
                t("2027-03-15T06:30")
            ]
        );
    }

    // Fall back, 7 November 2027: 01:00–01:59 happens twice in New York (EDT, then EST). A
    // daily 01:30 action runs once, at the first 01:30 (EDT, 05:30 UTC), as cron does not
    // re-run jobs in repeated time.
    #[test]
    fn repeated_time_at_fall_back_runs_once() {
        let a = zoned(Recurrence::Daily { at: "01:30".into() }, "America/New_York");
        let occ = a.occurrences(t("2027-11-06T00:00"), t("2027-11-09T00:00"));
        assert_eq!(
            occ,
            vec![
                t("2027-11-06T05:30"),
                t("2027-11-07T05:30"),
                t("2027-11-08T06:30")
            ]
        );
    }

    // Europe/London 2027: BST from Sunday 28 March to Sunday 31 October. A one-off action in
    // local time resolves with the offset of its date; the timeline maps it to its step.
    #[test]
    fn once_in_a_zone_and_the_timeline() {
        let a = zoned(
            Recurrence::Once {
                at: "2027-03-29T09:00".into(),
            },
            "Europe/London",
        );
        assert_eq!(
            a.occurrences(t("2027-03-01T00:00"), t("2027-04-01T00:00")),
            vec![t("2027-03-29T08:00")]
        );
        // Hourly steps from 2027-03-29 00:00 UTC: 08:00 UTC is step 8.
        assert_eq!(timeline(&[a], t("2027-03-29T00:00"), 60, 24), vec![(8, 0)]);
    }

    /// A random schedule: daily, weekly (any days, repeats, none) and one-off actions, at fixed
    /// offsets (in and beyond ±14 h), in IANA zones, or with a zone that is not one (which
    /// falls back to the offset); occasionally an unparsable time.
    fn random_actions(
        r: &mut crate::scaling::rng::SplitMix64,
        start: NaiveDateTime,
    ) -> Vec<ScheduledAction> {
        let mut pick = |k: u64| (r.next_u64() % k) as i64;
        let count = pick(5) as usize;
        let days = [
            Weekday::Mon,
            Weekday::Tue,
            Weekday::Wed,
            Weekday::Thu,
            Weekday::Fri,
            Weekday::Sat,
            Weekday::Sun,
        ];
        (0..count)
            .map(|k| {
                let at = if pick(40) == 0 {
                    "25:99".to_string()
                } else {
                    format!("{:02}:{:02}", pick(24), pick(60))
                };
                let when = match pick(3) {
                    0 => Recurrence::Daily { at },
                    1 => Recurrence::Weekly {
                        days: (0..pick(9)).map(|_| days[pick(7) as usize]).collect(),
                        at,
                    },
                    _ => {
                        let t = start + Duration::minutes(pick(60 * 24 * 20) - 60 * 24);
                        Recurrence::Once {
                            at: t
                                .format(if pick(2) == 0 {
                                    "%Y-%m-%dT%H:%M"
                                } else {
                                    "%Y-%m-%d %H:%M:%S"
                                })
                                .to_string(),
                        }
                    }
                };
                let (utc_offset_minutes, time_zone) = match pick(10) {
                    0 => (0, Some("America/New_York".to_string())),
                    1 => (0, Some("Europe/London".to_string())),
                    2 => (pick(2 * 4000) as i32 - 4000, Some("Not/AZone".to_string())),
                    3 | 4 => (pick(2 * 4000) as i32 - 4000, None),
                    _ => (pick(2 * 14 * 60 + 1) as i32 - 14 * 60, None),
                };
                ScheduledAction {
                    name: format!("a{k}"),
                    when,
                    utc_offset_minutes,
                    time_zone,
                    min: None,
                    max: None,
                    desired: Some(1),
                }
            })
            .collect()
    }

    #[test]
    fn integer_timeline_equals_the_calendar_on_random_schedules() {
        let mut r = crate::scaling::rng::SplitMix64::new(11);
        let epoch = t("2024-01-01T00:00");
        let mut occurrences = 0;
        for case in 0..1000 {
            let mut pick = |k: u64| (r.next_u64() % k) as i64;
            // Starts over six years, at any minute, sometimes with seconds.
            let mut start = epoch + Duration::minutes(pick(6 * 366 * 24 * 60));
            if pick(4) == 0 {
                start += Duration::seconds(pick(60));
            }
            let step = [1u32, 5, 60, 1, 5, 60, 7, 90, 2880][pick(9) as usize];
            // Horizons from nothing to ~60 days.
            let n = pick(60 * 24 * 60 / step as u64 + 2) as usize;
            let actions = random_actions(&mut r, start);
            let fast = timeline(&actions, start, step, n);
            let slow = timeline_by_chrono(&actions, start, step, n);
            assert_eq!(
                fast, slow,
                "case {case}: start {start} step {step} n {n} {actions:?}"
            );
            occurrences += fast.len();
        }
        assert!(occurrences > 10_000, "{occurrences}");
    }

    #[test]
    fn timeline_with_a_fraction_of_a_second_start_uses_the_calendar() {
        let a = ScheduledAction {
            name: "daily".into(),
            when: Recurrence::Daily { at: "00:00".into() },
            utc_offset_minutes: 0,
            time_zone: None,
            min: Some(1),
            max: None,
            desired: None,
        };
        let start = t("2026-01-01T00:00") + Duration::milliseconds(500);
        let tl = timeline(std::slice::from_ref(&a), start, 60, 48);
        assert_eq!(tl, timeline_by_chrono(&[a], start, 60, 48));
        assert_eq!(tl, vec![(24, 0)]);
    }

    #[test]
    fn zone_names_are_checked() {
        let mut a = zoned(Recurrence::Daily { at: "09:00".into() }, "America/New_Yrok");
        let err = a.validate("scheduled[2]").unwrap_err().to_string();
        assert!(err.contains("scheduled[2].time_zone"), "{err}");
        assert!(err.contains("America/New_Yrok"), "{err}");
        a.time_zone = Some("Asia/Seoul".into());
        assert!(a.validate("scheduled[2]").is_ok());
        a.utc_offset_minutes = 540;
        let err = a.validate("scheduled[2]").unwrap_err().to_string();
        assert!(err.contains("scheduled[2].utc_offset_minutes"), "{err}");
        assert!(zone_names().any(|z| z == "America/New_York"));
    }
}
