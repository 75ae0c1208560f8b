//! Forms of an Auto Scaling group (Scaling tab): instance types and capacity, the demand
//! profile, dynamic policies (target tracking, step, simple — with their alarm and steps),
//! scheduled actions, predictive scaling and the simulation settings. Each edits the group in
//! the caller's copy of the item; no JSON is typed anywhere.

use super::Form;
use super::text::words;
use crate::scaling::GroupSpec;
use crate::scaling::demand::{DailyCycle, DemandSpec, MonthlySpike, Noise, Profile, WeeklyDip};
use crate::scaling::group::InstanceChoice;
use crate::scaling::policy::{AdjustmentType, Alarm, Comparison, DynamicPolicy, Step};
use crate::scaling::predictive::{PredictiveConfig, PredictiveMode};
use crate::scaling::schedule::{Recurrence, ScheduledAction};
use crate::units::Weekday;
use egui::RichText;

/// Instance types (with weights), capacity limits, warm-up and cooldowns, simulation settings.
pub fn capacity_form(f: &mut Form, ui: &mut egui::Ui, g: &mut GroupSpec, types: &[String]) {
    let w = words(f.lang);
    let mut remove: Option<usize> = None;
    let n = g.instance_types.len();
    for (i, t) in g.instance_types.iter_mut().enumerate() {
        f.scope = format!("instance_types[{i}].");
        f.text_with_options(ui, "instance_type", &mut t.instance_type, types, |x| {
            Ok(x.trim().to_string())
        });
        f.whole(ui, "weight", &mut t.weight, 1, 999, "");
        if n > 1 && ui.small_button(w.remove).clicked() {
            remove = Some(i);
        }
    }
    f.scope.clear();
    if let Some(i) = remove {
        g.instance_types.remove(i);
        f.commit("instance_types");
    }
    if ui.small_button(w.add_instance_type).clicked() {
        let t = g
            .instance_types
            .last()
            .map(|t| t.instance_type.clone())
            .unwrap_or_else(|| "m7g.large".into());
        g.instance_types.push(InstanceChoice {
            instance_type: t,
            weight: 1,
        });
        f.commit("instance_types");
    }
    ui.separator();
    f.real(
        ui,
        "capacity_per_unit",
        &mut g.capacity_per_unit,
        0.000_001,
        1e9,
        "",
    );
    f.whole(ui, "min", &mut g.min, 0, 100_000, "");
    f.whole(ui, "desired", &mut g.desired, 0, 100_000, "");
    f.whole(ui, "max", &mut g.max, 0, 100_000, "");
    f.opt_whole(
        ui,
        "instance_warmup_s",
        &mut g.instance_warmup_s,
        0,
        86_400,
        "s",
    );
    f.whole(
        ui,
        "default_cooldown_s",
        &mut g.default_cooldown_s,
        0,
        86_400,
        "s",
    );
    f.whole(
        ui,
        "replacement_delay_s",
        &mut g.replacement_delay_s,
        0,
        86_400,
        "s",
    );
    ui.separator();
    f.choice(
        ui,
        "step_minutes",
        &mut g.simulation.step_minutes,
        &[
            (1, "1 min".into()),
            (5, "5 min".into()),
            (60, "60 min".into()),
        ],
    );
    f.whole(ui, "months", &mut g.simulation.months, 1, 36, "");
    let mut seed = u32::try_from(g.simulation.seed).unwrap_or(u32::MAX);
    let before = seed;
    f.whole(ui, "seed", &mut seed, 0, u32::MAX, "");
    if seed != before {
        g.simulation.seed = u64::from(seed);
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DemandKind {
    Profile,
    Csv,
}

/// The demand: a built-in profile (base, daily cycle, weekend dip, monthly spike, growth,
/// noise) or a CSV file.
pub fn demand_form(f: &mut Form, ui: &mut egui::Ui, d: &mut DemandSpec) {
    let w = words(f.lang);
    let mut kind = match d {
        DemandSpec::Profile(_) => DemandKind::Profile,
        DemandSpec::Csv { .. } => DemandKind::Csv,
    };
    let before = kind;
    f.choice(
        ui,
        "demand_kind",
        &mut kind,
        &[
            (DemandKind::Profile, w.profile.to_string()),
            (DemandKind::Csv, w.csv_file.to_string()),
        ],
    );
    if kind != before {
        *d = match kind {
            DemandKind::Profile => DemandSpec::Profile(Profile::constant(100.0)),
            DemandKind::Csv => DemandSpec::Csv {
                path: "demand.csv".into(),
            },
        };
    }
    f.scope = "demand.".into();
    match d {
        DemandSpec::Csv { path } => {
            f.text(ui, "csv_path", path, |t| {
                let t = t.trim();
                if t.is_empty() {
                    Err("a file path is required".into())
                } else {
                    Ok(t.to_string())
                }
            });
        }
        DemandSpec::Profile(p) => {
            f.real(ui, "base", &mut p.base, 0.0, 1e12, "");
            let mut on = p.daily.is_some();
            f.check(ui, "daily", &mut on);
            if on != p.daily.is_some() {
                p.daily = on.then_some(DailyCycle {
                    peak_hour: 14.0,
                    amplitude: 0.5,
                });
            }
            if let Some(c) = &mut p.daily {
                f.real(ui, "peak_hour", &mut c.peak_hour, 0.0, 24.0, "h");
                f.real(ui, "amplitude", &mut c.amplitude, 0.0, 1.0, "");
            }
            let mut on = p.weekly.is_some();
            f.check(ui, "weekly", &mut on);
            if on != p.weekly.is_some() {
                p.weekly = on.then_some(WeeklyDip {
                    weekend_factor: 0.7,
                });
            }
            if let Some(c) = &mut p.weekly {
                f.real(ui, "weekend_factor", &mut c.weekend_factor, 0.0, 10.0, "×");
            }
            let mut on = p.monthly_spike.is_some();
            f.check(ui, "monthly_spike", &mut on);
            if on != p.monthly_spike.is_some() {
                p.monthly_spike = on.then_some(MonthlySpike {
                    day: 1,
                    start_hour: 0,
                    hours: 6,
                    factor: 2.0,
                });
            }
            if let Some(c) = &mut p.monthly_spike {
                f.whole(ui, "day", &mut c.day, 1, 31, "");
                f.whole(ui, "start_hour", &mut c.start_hour, 0, 23, "h");
                f.whole(ui, "hours", &mut c.hours, 1, 24 * 31, "h");
                f.real(ui, "factor", &mut c.factor, 0.0, 1000.0, "×");
            }
            f.real(
                ui,
                "growth_pct_per_month",
                &mut p.growth_pct_per_month,
                -99.0,
                1000.0,
                "%",
            );
            let mut noise = p.noise.as_ref().map_or(0.0, |n| n.sd_pct);
            let before = noise;
            f.real(ui, "noise", &mut noise, 0.0, 100.0, "%");
            if noise != before {
                p.noise = (noise > 0.0).then_some(Noise { sd_pct: noise });
            }
        }
    }
    f.scope.clear();
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PolicyKind {
    Target,
    Step,
    Simple,
}

fn policy_kind(p: &DynamicPolicy) -> PolicyKind {
    match p {
        DynamicPolicy::TargetTracking { .. } => PolicyKind::Target,
        DynamicPolicy::Step { .. } => PolicyKind::Step,
        DynamicPolicy::Simple { .. } => PolicyKind::Simple,
    }
}

fn default_alarm() -> Alarm {
    Alarm {
        comparison: Comparison::GreaterThanOrEqual,
        threshold: 70.0,
        evaluation_minutes: 3,
    }
}

/// The dynamic policies, one form each, with add and remove.
pub fn policies_form(f: &mut Form, ui: &mut egui::Ui, list: &mut Vec<DynamicPolicy>) {
    let w = words(f.lang);
    let mut remove = None;
    for (i, p) in list.iter_mut().enumerate() {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                ui.label(RichText::new(format!("{} {}", w.policy, i + 1)).strong());
                if ui.small_button(w.remove).clicked() {
                    remove = Some(i);
                }
            });
            f.scope = format!("policies[{i}].");
            policy_form(f, ui, p);
            f.scope.clear();
        });
    }
    if let Some(i) = remove {
        list.remove(i);
        f.commit("policies");
    }
    if ui.button(w.add_policy).clicked() {
        list.push(DynamicPolicy::TargetTracking {
            target_pct: 50.0,
            instance_warmup_s: None,
            disable_scale_in: false,
            alarm_high_minutes: 3,
            alarm_low_minutes: 15,
        });
        f.commit("policies");
    }
}

fn policy_form(f: &mut Form, ui: &mut egui::Ui, p: &mut DynamicPolicy) {
    let w = words(f.lang);
    let mut kind = policy_kind(p);
    let before = kind;
    f.choice(
        ui,
        "policy_type",
        &mut kind,
        &[
            (PolicyKind::Target, w.target_tracking.to_string()),
            (PolicyKind::Step, w.step_scaling.to_string()),
            (PolicyKind::Simple, w.simple_scaling.to_string()),
        ],
    );
    if kind != before {
        *p = match kind {
            PolicyKind::Target => DynamicPolicy::TargetTracking {
                target_pct: 50.0,
                instance_warmup_s: None,
                disable_scale_in: false,
                alarm_high_minutes: 3,
                alarm_low_minutes: 15,
            },
            PolicyKind::Step => DynamicPolicy::Step {
                alarm: default_alarm(),
                adjustment_type: AdjustmentType::ChangeInCapacity,
                steps: vec![Step {
                    lower: Some(0.0),
                    upper: None,
                    adjustment: 1.0,
                }],
                min_adjustment_magnitude: None,
                instance_warmup_s: None,
            },
            PolicyKind::Simple => DynamicPolicy::Simple {
                alarm: default_alarm(),
                adjustment_type: AdjustmentType::ChangeInCapacity,
                adjustment: 1.0,
                min_adjustment_magnitude: None,
                cooldown_s: None,
            },
        };
    }
    let adjustment_types = [
        (
            AdjustmentType::ChangeInCapacity,
            w.change_in_capacity.to_string(),
        ),
        (AdjustmentType::ExactCapacity, w.exact_capacity.to_string()),
        (
            AdjustmentType::PercentChangeInCapacity,
            w.percent_change.to_string(),
        ),
    ];
    match p {
        DynamicPolicy::TargetTracking {
            target_pct,
            instance_warmup_s,
            disable_scale_in,
            alarm_high_minutes,
            alarm_low_minutes,
        } => {
            f.real(ui, "target_pct", target_pct, 0.001, 100.0, "%");
            f.opt_whole(ui, "policy_warmup_s", instance_warmup_s, 0, 86_400, "s");
            f.check(ui, "disable_scale_in", disable_scale_in);
            f.whole(ui, "alarm_high_minutes", alarm_high_minutes, 1, 1440, "min");
            f.whole(ui, "alarm_low_minutes", alarm_low_minutes, 1, 1440, "min");
        }
        DynamicPolicy::Step {
            alarm,
            adjustment_type,
            steps,
            min_adjustment_magnitude,
            instance_warmup_s,
        } => {
            alarm_form(f, ui, alarm);
            f.choice(ui, "adjustment_type", adjustment_type, &adjustment_types);
            let scope = f.scope.clone();
            let mut remove = None;
            let n = steps.len();
            for (j, s) in steps.iter_mut().enumerate() {
                f.scope = format!("{scope}steps[{j}].");
                ui.label(RichText::new(format!("#{}", j + 1)).weak());
                f.opt_real(ui, "lower", &mut s.lower, -1e9, 1e9, "");
                f.opt_real(ui, "upper", &mut s.upper, -1e9, 1e9, "");
                f.real(ui, "adjustment", &mut s.adjustment, -1e9, 1e9, "");
                if n > 1 && ui.small_button(words(f.lang).remove).clicked() {
                    remove = Some(j);
                }
            }
            f.scope = scope;
            if let Some(j) = remove {
                steps.remove(j);
                f.commit("steps");
            }
            if ui.small_button(w.add_step).clicked() {
                let lower = steps.last().and_then(|s| s.upper).or(Some(0.0));
                steps.push(Step {
                    lower,
                    upper: None,
                    adjustment: 1.0,
                });
                // The previous open-ended step now ends where the new one starts.
                let k = steps.len();
                if k >= 2 && steps[k - 2].upper.is_none() {
                    steps[k - 2].upper = Some(lower.unwrap_or(0.0) + 10.0);
                    steps[k - 1].lower = steps[k - 2].upper;
                }
                f.commit("steps");
            }
            f.opt_whole(
                ui,
                "min_adjustment_magnitude",
                min_adjustment_magnitude,
                1,
                100_000,
                "",
            );
            f.opt_whole(ui, "policy_warmup_s", instance_warmup_s, 0, 86_400, "s");
        }
        DynamicPolicy::Simple {
            alarm,
            adjustment_type,
            adjustment,
            min_adjustment_magnitude,
            cooldown_s,
        } => {
            alarm_form(f, ui, alarm);
            f.choice(ui, "adjustment_type", adjustment_type, &adjustment_types);
            f.real(ui, "adjustment", adjustment, -1e9, 1e9, "");
            f.opt_whole(
                ui,
                "min_adjustment_magnitude",
                min_adjustment_magnitude,
                1,
                100_000,
                "",
            );
            f.opt_whole(ui, "cooldown_s", cooldown_s, 0, 86_400, "s");
        }
    }
}

fn alarm_form(f: &mut Form, ui: &mut egui::Ui, a: &mut Alarm) {
    f.choice(
        ui,
        "comparison",
        &mut a.comparison,
        &[
            (Comparison::GreaterThanOrEqual, "≥".to_string()),
            (Comparison::GreaterThan, ">".to_string()),
            (Comparison::LessThan, "<".to_string()),
            (Comparison::LessThanOrEqual, "≤".to_string()),
        ],
    );
    f.real(ui, "threshold", &mut a.threshold, 0.0, 100.0, "%");
    f.whole(
        ui,
        "evaluation_minutes",
        &mut a.evaluation_minutes,
        1,
        1440,
        "min",
    );
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum When {
    Once,
    Daily,
    Weekly,
}

const DAYS: [(Weekday, &str); 7] = [
    (Weekday::Mon, "Mon"),
    (Weekday::Tue, "Tue"),
    (Weekday::Wed, "Wed"),
    (Weekday::Thu, "Thu"),
    (Weekday::Fri, "Fri"),
    (Weekday::Sat, "Sat"),
    (Weekday::Sun, "Sun"),
];

/// The scheduled actions (a new one sets the group's `desired`), one form each (the time-zone picker is drawn by the caller after
/// each action through `zone`), with add and remove.
pub fn scheduled_form(
    f: &mut Form,
    ui: &mut egui::Ui,
    list: &mut Vec<ScheduledAction>,
    desired: u32,
    mut zone: impl FnMut(&mut Form, &mut egui::Ui, usize, &mut ScheduledAction),
) {
    let w = words(f.lang);
    let mut remove = None;
    for (i, a) in list.iter_mut().enumerate() {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                ui.label(RichText::new(format!("{} {}", w.action, i + 1)).strong());
                if ui.small_button(w.remove).clicked() {
                    remove = Some(i);
                }
            });
            f.scope = format!("scheduled[{i}].");
            f.text(ui, "action_name", &mut a.name, |t| Ok(t.trim().to_string()));
            let mut when = match &a.when {
                Recurrence::Once { .. } => When::Once,
                Recurrence::Daily { .. } => When::Daily,
                Recurrence::Weekly { .. } => When::Weekly,
            };
            let before = when;
            f.choice(
                ui,
                "when",
                &mut when,
                &[
                    (When::Once, w.once.to_string()),
                    (When::Daily, w.daily.to_string()),
                    (When::Weekly, w.weekly.to_string()),
                ],
            );
            if when != before {
                a.when = match when {
                    When::Once => Recurrence::Once {
                        at: "2026-01-01T09:00".into(),
                    },
                    When::Daily => Recurrence::Daily { at: "09:00".into() },
                    When::Weekly => Recurrence::Weekly {
                        days: vec![Weekday::Mon],
                        at: "09:00".into(),
                    },
                };
            }
            match &mut a.when {
                Recurrence::Once { at } | Recurrence::Daily { at } => {
                    f.text(ui, "at", at, |t| Ok(t.trim().to_string()));
                }
                Recurrence::Weekly { days, at } => {
                    f.text(ui, "at", at, |t| Ok(t.trim().to_string()));
                    f.label(ui, "days");
                    ui.horizontal_wrapped(|ui| {
                        for (d, name) in DAYS {
                            let mut on = days.contains(&d);
                            if ui.checkbox(&mut on, name).changed() {
                                if on {
                                    days.push(d);
                                    days.sort();
                                } else {
                                    days.retain(|x| *x != d);
                                }
                                f.commit("days");
                            }
                        }
                    });
                }
            }
            zone(f, ui, i, a);
            if a.time_zone.is_none() {
                let mut off = a.utc_offset_minutes;
                let mut x = f64::from(off);
                f.real(ui, "utc_offset_minutes", &mut x, -720.0, 840.0, "min");
                if x.fract() == 0.0 {
                    off = x as i32;
                }
                a.utc_offset_minutes = off;
                let sign = if off < 0 { '-' } else { '+' };
                ui.label(
                    RichText::new(format!(
                        "UTC{sign}{:02}:{:02}",
                        off.abs() / 60,
                        off.abs() % 60
                    ))
                    .weak(),
                );
            }
            f.opt_whole(ui, "set_min", &mut a.min, 0, 100_000, "");
            f.opt_whole(ui, "set_max", &mut a.max, 0, 100_000, "");
            f.opt_whole(ui, "set_desired", &mut a.desired, 0, 100_000, "");
            f.scope.clear();
        });
    }
    if let Some(i) = remove {
        list.remove(i);
        f.commit("scheduled");
    }
    if ui.button(w.add_action).clicked() {
        list.push(ScheduledAction {
            name: format!("action-{}", list.len() + 1),
            when: Recurrence::Daily { at: "09:00".into() },
            utc_offset_minutes: 0,
            time_zone: None,
            min: None,
            max: None,
            // An action sets at least one capacity: start from the group's desired.
            desired: Some(desired),
        });
        f.commit("scheduled");
    }
}

/// Predictive scaling: on or off, and its settings.
pub fn predictive_form(f: &mut Form, ui: &mut egui::Ui, p: &mut Option<PredictiveConfig>) {
    let w = words(f.lang);
    let mut on = p.is_some();
    f.check(ui, "predictive", &mut on);
    if on != p.is_some() {
        *p = on.then_some(PredictiveConfig {
            target_pct: 50.0,
            mode: PredictiveMode::ForecastOnly,
            scheduling_buffer_s: 300,
            increase_max_capacity: false,
            max_capacity_buffer_pct: 0.0,
        });
    }
    if let Some(c) = p {
        f.scope = "predictive.".into();
        f.real(ui, "target_pct", &mut c.target_pct, 0.001, 100.0, "%");
        f.choice(
            ui,
            "mode",
            &mut c.mode,
            &[
                (PredictiveMode::ForecastOnly, w.forecast_only.to_string()),
                (
                    PredictiveMode::ForecastAndScale,
                    w.forecast_and_scale.to_string(),
                ),
            ],
        );
        f.whole(
            ui,
            "scheduling_buffer_s",
            &mut c.scheduling_buffer_s,
            0,
            3599,
            "s",
        );
        f.check(ui, "increase_max_capacity", &mut c.increase_max_capacity);
        f.real(
            ui,
            "max_capacity_buffer_pct",
            &mut c.max_capacity_buffer_pct,
            0.0,
            100.0,
            "%",
        );
        f.scope.clear();
    }
}
