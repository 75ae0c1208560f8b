//! Golden outputs of the auto-scaling simulator: monthly totals by purchase class, event
//! counts, unmet hours, hourly series and (with per-step records) the step fields for a set of
//! varied groups — target tracking, step, simple, scheduled (fixed offset), predictive
//! (forecast-and-scale and forecast-only), Spot mixes, Reserved cover, 1/5/60-minute steps.
//!
//! The snapshot in `tests/golden/scaling.txt` pins the simulator's results so that speed work
//! provably keeps them: integers must match exactly, money and hours to a relative 1e-9 (the
//! order of floating-point sums may change). Regenerate deliberately, and say why in the commit,
//! with `UPDATE_GOLDEN=1 cargo test --test scaling_golden`.

use chrono::NaiveDate;
use cloudplan::catalog::load::embedded;
use cloudplan::plan::{Resource, file};
use cloudplan::scaling::GroupSpec;
use cloudplan::scaling::run::run;
use cloudplan::scaling::simulate::Cause;
use serde_json::{Value, json};
use std::fmt::Write;

fn sample_value() -> Value {
    let plan = file::sample("autoscaling-web").unwrap();
    let Resource::ScalingGroup(g) = &plan.items[0].resource else {
        panic!("first item is the group")
    };
    serde_json::to_value(g).unwrap()
}

fn merge(base: &mut Value, patch: &Value) {
    match (base, patch) {
        (Value::Object(b), Value::Object(p)) => {
            for (k, v) in p {
                if v.is_null() {
                    b.remove(k);
                } else {
                    merge(b.entry(k.clone()).or_insert(Value::Null), v);
                }
            }
        }
        (b, p) => *b = p.clone(),
    }
}

fn case(patch: Value) -> GroupSpec {
    let mut v = sample_value();
    merge(&mut v, &patch);
    serde_json::from_value(v).unwrap()
}

/// (name, group, keep_steps)
fn cases() -> Vec<(&'static str, GroupSpec, bool)> {
    vec![
        // The benchmark's configuration: the sample at hourly steps over 36 months.
        (
            "sample-60min-36m",
            case(
                json!({"max": 60, "simulation": {"step_minutes": 60, "months": 36, "seed": 3},
                        "demand": {"base": 920.0}}),
            ),
            false,
        ),
        ("sample-5min-12m-steps", case(json!({})), true),
        (
            "predictive-raise-max-1min",
            case(json!({
                "max": 8,
                "predictive": {"target_pct": 50, "mode": "forecast_and_scale",
                               "increase_max_capacity": true, "max_capacity_buffer_pct": 10,
                               "scheduling_buffer_s": 600},
                "simulation": {"step_minutes": 1, "months": 1, "seed": 11}})),
            true,
        ),
        (
            "predictive-forecast-only-60min",
            case(json!({
                "predictive": {"target_pct": 40, "mode": "forecast_only"},
                "scheduled": [],
                "simulation": {"step_minutes": 60, "months": 3, "seed": 2}})),
            true,
        ),
        (
            "simple-cooldown-and-exact-step-5min",
            case(json!({
                "policies": [
                    {"type": "simple",
                     "alarm": {"comparison": "greater_than", "threshold": 70, "evaluation_minutes": 5},
                     "adjustment_type": "change_in_capacity", "adjustment": 2, "cooldown_s": 600},
                    {"type": "simple",
                     "alarm": {"comparison": "less_than", "threshold": 30, "evaluation_minutes": 10},
                     "adjustment_type": "percent_change_in_capacity", "adjustment": -25,
                     "min_adjustment_magnitude": 1},
                    {"type": "step",
                     "alarm": {"comparison": "greater_than_or_equal", "threshold": 95, "evaluation_minutes": 1},
                     "adjustment_type": "exact_capacity",
                     "steps": [{"lower": 0, "adjustment": 25}]}
                ],
                "predictive": null,
                "reserved": null,
                "simulation": {"step_minutes": 5, "months": 2, "seed": 5}})),
            true,
        ),
        (
            "all-spot-three-types-weights-60min",
            case(json!({
                "instance_types": [
                    {"instance_type": "m6i.large", "weight": 1},
                    {"instance_type": "c6i.large", "weight": 1},
                    {"instance_type": "m6i.xlarge", "weight": 2}
                ],
                "distribution": {"on_demand_base": 0, "on_demand_pct_above_base": 0},
                "reserved": null,
                "predictive": null,
                "max": 80,
                "simulation": {"step_minutes": 60, "months": 12, "seed": 9}})),
            false,
        ),
        (
            "tt-no-scale-in-once-actions-1min",
            case(json!({
                "policies": [{"type": "target_tracking", "target_pct": 45,
                              "disable_scale_in": true, "instance_warmup_s": 120},
                             {"type": "target_tracking", "target_pct": 70}],
                "scheduled": [
                    {"name": "launch", "when": {"repeat": "once", "at": "2027-01-03T10:30"},
                     "utc_offset_minutes": 540, "desired": 12, "max": 40},
                    {"name": "night", "when": {"repeat": "daily", "at": "23:15"},
                     "utc_offset_minutes": 330, "desired": 3},
                    {"name": "sat", "when": {"repeat": "weekly", "days": ["sat"], "at": "06:00"},
                     "min": 1, "max": 10}
                ],
                "predictive": null,
                "distribution": {"on_demand_base": 1, "on_demand_pct_above_base": 20},
                "reserved": {"count": 3, "class": "convertible", "term": "3yr", "payment": "no_upfront"},
                "simulation": {"step_minutes": 1, "months": 1, "seed": 4}})),
            true,
        ),
    ]
}

fn fmt_f(x: f64) -> String {
    format!("{x:?}")
}

fn digest(name: &str, g: &GroupSpec, keep: bool) -> String {
    let start = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
    let o = run(g, start, embedded(), "us-east-1", None, keep).unwrap();
    let s = &o.simulation;
    let mut out = String::new();
    let w = &mut out;
    writeln!(w, "case {name}").unwrap();
    writeln!(w, "demand_sum {}", fmt_f(o.demand.iter().sum())).unwrap();
    writeln!(w, "total_usd {}", fmt_f(o.bill.total_usd)).unwrap();
    writeln!(w, "average_at_min {}", fmt_f(o.bill.average_at_min_usd)).unwrap();
    writeln!(w, "average_at_max {}", fmt_f(o.bill.average_at_max_usd)).unwrap();
    for (m, c) in s.months.iter().zip(&o.bill.months) {
        writeln!(
            w,
            "month {} hours {} od_h {} od_usd {} ri_cov {} ri_usd {} spot_h {} spot_usd {} total {} cap_uh {} dem_uh {} unmet_uh {} unmet_h {} util_h {} events {} interruptions {}",
            m.month,
            fmt_f(m.hours),
            fmt_f(c.on_demand_hours),
            fmt_f(c.on_demand_usd),
            fmt_f(c.reserved_covered_hours),
            fmt_f(c.reserved_usd),
            fmt_f(c.spot_hours),
            fmt_f(c.spot_usd),
            fmt_f(c.total_usd),
            fmt_f(m.capacity_unit_hours),
            fmt_f(m.demand_unit_hours),
            fmt_f(m.unmet_unit_hours),
            fmt_f(m.unmet_hours),
            fmt_f(m.utilisation_hours),
            m.scale_events,
            m.spot_interruptions,
        )
        .unwrap();
    }
    let count = |f: &dyn Fn(Cause) -> bool| s.events.iter().filter(|e| f(e.cause)).count();
    writeln!(
        w,
        "events {} policy {} scheduled {} predictive {} interruption {}",
        s.events.len(),
        count(&|c| matches!(c, Cause::Policy(_))),
        count(&|c| matches!(c, Cause::Scheduled(_))),
        count(&|c| c == Cause::Predictive),
        count(&|c| c == Cause::SpotInterruption),
    )
    .unwrap();
    let ev_sum: u64 = s
        .events
        .iter()
        .enumerate()
        .map(|(i, e)| {
            (i as u64 + 1) * (e.step as u64 * 7 + e.from as u64 * 3 + e.to as u64)
                + match e.cause {
                    Cause::Policy(p) => 11 * (p as u64 + 1),
                    Cause::Scheduled(a) => 13 * (a as u64 + 1),
                    Cause::Predictive => 17,
                    Cause::SpotInterruption => 19,
                }
        })
        .sum();
    writeln!(w, "event_checksum {ev_sum}").unwrap();
    let weighted =
        |v: &[f64]| -> f64 { v.iter().enumerate().map(|(i, x)| x * (i % 97) as f64).sum() };
    writeln!(
        w,
        "hourly {} cap_sum {} cap_w {} od_sum {} od_w {}",
        s.hourly_capacity.len(),
        fmt_f(s.hourly_capacity.iter().sum()),
        fmt_f(weighted(&s.hourly_capacity)),
        fmt_f(s.hourly_on_demand.iter().sum()),
        fmt_f(weighted(&s.hourly_on_demand)),
    )
    .unwrap();
    writeln!(w, "steps {}", s.steps.len()).unwrap();
    if keep {
        let mut ints = [0u64; 9];
        let mut unmet = 0.0;
        for (i, r) in s.steps.iter().enumerate() {
            let k = (i % 89) as u64 + 1;
            for (j, v) in [
                r.desired,
                r.min,
                r.max,
                r.in_service,
                r.warming,
                r.replacing,
                r.on_demand,
                r.spot,
                r.forecast,
            ]
            .into_iter()
            .enumerate()
            {
                ints[j] += k * v as u64;
            }
            unmet += r.unmet;
        }
        writeln!(
            w,
            "step_checksums desired {} min {} max {} in_service {} warming {} replacing {} od {} spot {} forecast {} unmet {}",
            ints[0],
            ints[1],
            ints[2],
            ints[3],
            ints[4],
            ints[5],
            ints[6],
            ints[7],
            ints[8],
            fmt_f(unmet)
        )
        .unwrap();
    }
    out
}

fn path() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/scaling.txt")
}

/// Compare two snapshot texts token by token: words and integers exactly, decimals to a
/// relative 1e-9.
fn same(expected: &str, actual: &str) -> Result<(), String> {
    let (el, al): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), actual.lines().collect());
    if el.len() != al.len() {
        return Err(format!("{} lines expected, {} found", el.len(), al.len()));
    }
    for (n, (e, a)) in el.iter().zip(&al).enumerate() {
        let (et, at): (Vec<&str>, Vec<&str>) = (
            e.split_whitespace().collect(),
            a.split_whitespace().collect(),
        );
        let ok = et.len() == at.len()
            && et.iter().zip(&at).all(|(x, y)| {
                if x == y {
                    return true;
                }
                match (x.parse::<f64>(), y.parse::<f64>()) {
                    (Ok(p), Ok(q)) if x.contains('.') || x.contains('e') => {
                        (p - q).abs() <= 1e-9 * p.abs().max(q.abs()).max(1e-9)
                    }
                    _ => false,
                }
            });
        if !ok {
            return Err(format!("line {}:\n  expected {e}\n  found    {a}", n + 1));
        }
    }
    Ok(())
}

#[test]
fn simulator_outputs_match_the_golden_snapshot() {
    let actual: String = cases().iter().map(|(n, g, k)| digest(n, g, *k)).collect();
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path().parent().unwrap()).unwrap();
        std::fs::write(path(), &actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(path())
        .expect("tests/golden/scaling.txt (create it with UPDATE_GOLDEN=1)");
    if let Err(e) = same(&expected, &actual) {
        panic!("simulator output differs from tests/golden/scaling.txt: {e}");
    }
}
