//! The auto-scaling simulator against the Amazon EC2 Auto Scaling User Guide's worked
//! examples (archived awsdocs/amazon-ec2-auto-scaling-user-guide, `doc_source/<page>.md`, the
//! same pages as docs.aws.amazon.com/autoscaling/ec2/userguide/<page>.html), plus properties
//! that must hold for any group: capacity within [min, max], cooldown and warm-up respected,
//! On-Demand + Spot adding up to running capacity.

use chrono::{NaiveDate, NaiveDateTime};
use cloudplan::catalog::{OfferingClass, Payment, Term};
use cloudplan::scaling::demand::{DemandSpec, Profile};
use cloudplan::scaling::group::{InstanceChoice, ReservedCover, SimSettings};
use cloudplan::scaling::policy::{
    AdjustmentType, Alarm, Comparison, Distribution, DynamicPolicy, Step, apply_adjustment,
    round_percent_change, target_tracking_capacity,
};
use cloudplan::scaling::simulate::{Cause, Record, SimOptions, Simulation};
use cloudplan::scaling::{GroupSpec, billing, run, simulate};
use proptest::prelude::*;

fn t0() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2027, 1, 1)
        .unwrap()
        .and_hms_opt(0, 0, 0)
        .unwrap()
}

fn group(min: u32, desired: u32, max: u32, policies: Vec<DynamicPolicy>) -> GroupSpec {
    GroupSpec {
        instance_types: vec![InstanceChoice {
            instance_type: "m6i.large".into(),
            weight: 1,
        }],
        capacity_per_unit: 1.0,
        min,
        desired,
        max,
        instance_warmup_s: Some(0),
        default_cooldown_s: 300,
        replacement_delay_s: 300,
        distribution: Distribution::default(),
        reserved: None,
        demand: DemandSpec::Profile(Profile::constant(1.0)),
        policies,
        scheduled: vec![],
        predictive: None,
        simulation: SimSettings {
            step_minutes: 1,
            months: 1,
            seed: 1,
        },
    }
}

fn opts(step_minutes: u32) -> SimOptions {
    SimOptions {
        start: t0(),
        step_minutes,
        seed: 3,
        spot_interruptions_per_hour: 0.0,
        record: Record::Steps,
    }
}

fn steps(v: &[(Option<f64>, Option<f64>, f64)]) -> Vec<Step> {
    v.iter()
        .map(|(lower, upper, adjustment)| Step {
            lower: *lower,
            upper: *upper,
            adjustment: *adjustment,
        })
        .collect()
}

/// The guide's step-adjustment example [as-scaling-simple-step, "Step adjustments"]: breach
/// threshold 50 %, PercentChangeInCapacity, scale-out steps 0–10: 0, 10–20: +10 %, 20+: +30 %;
/// scale-in steps −10–0: 0, −20 – −10: −10 %, below −20: −30 %.
fn guide_step_policies(warmup_s: Option<u32>) -> Vec<DynamicPolicy> {
    vec![
        DynamicPolicy::Step {
            alarm: Alarm {
                comparison: Comparison::GreaterThanOrEqual,
                threshold: 50.0,
                evaluation_minutes: 1,
            },
            adjustment_type: AdjustmentType::PercentChangeInCapacity,
            steps: steps(&[
                (Some(0.0), Some(10.0), 0.0),
                (Some(10.0), Some(20.0), 10.0),
                (Some(20.0), None, 30.0),
            ]),
            min_adjustment_magnitude: None,
            instance_warmup_s: warmup_s,
        },
        DynamicPolicy::Step {
            alarm: Alarm {
                comparison: Comparison::LessThanOrEqual,
                threshold: 50.0,
                evaluation_minutes: 1,
            },
            adjustment_type: AdjustmentType::PercentChangeInCapacity,
            steps: steps(&[
                (Some(-10.0), Some(0.0), 0.0),
                (Some(-20.0), Some(-10.0), -10.0),
                (None, Some(-20.0), -30.0),
            ]),
            min_adjustment_magnitude: None,
            instance_warmup_s: warmup_s,
        },
    ]
}

fn desired_path(sim: &Simulation) -> Vec<u32> {
    sim.steps.iter().map(|s| s.desired).collect()
}

// [as-scaling-simple-step, "Step adjustments"]: "If the metric value gets to 60, the desired
// capacity of the group increases by 1 instance, to 11 … If the metric value rises to 70 …
// another 3 instances, to 14 … gets to 40 … decreases by 1 instance, to 13 … falls to 30 …
// another 3 instances, to 10" (30 % of 11 = 3.3 → 3; 10 % of 14 = 1.4 → 1; 30 % of 13 = 3.9 → 3).
#[test]
fn guide_step_scaling_sequence_60_70_40_30() {
    let g = group(1, 10, 100, guide_step_policies(Some(0)));
    // Capacity per unit 1 → utilisation % = demand / in-service × 100.
    let demand = [6.0, 0.70 * 11.0, 0.40 * 14.0, 0.30 * 13.0];
    let sim = simulate(&g, &demand, &opts(1));
    assert_eq!(desired_path(&sim), vec![11, 14, 13, 10]);
}

// [as-scaling-simple-step, "Instance warm-up"]: "suppose that the metric gets to 60, and then
// it gets to 62 while the new instance is still warming up. The current capacity is still 10
// … the desired capacity of the group is already 11 instances, so the scaling policy does not
// increase the desired capacity further. If the metric gets to 70 while the new instance is
// still warming up, we should add 3 instances (30 percent of 10 instances). However, the
// desired capacity of the group is already 11, so we add only 2 instances, for a new desired
// capacity of 13 instances."
#[test]
fn guide_step_scaling_warm_up_example() {
    let g = group(1, 10, 100, guide_step_policies(Some(600)));
    // While warming, 10 units are in service, so utilisation = demand / 10.
    let demand = [6.0, 6.2, 7.0];
    let sim = simulate(&g, &demand, &opts(1));
    assert_eq!(desired_path(&sim), vec![11, 11, 13]);
    assert_eq!(sim.steps[2].in_service, 10);
    assert_eq!(sim.steps[2].warming, 3);
    // "A scale-in activity can't start while a scale-out activity is in progress."
    let demand = [6.0, 3.0, 3.0];
    let sim = simulate(&g, &demand, &opts(1));
    assert_eq!(desired_path(&sim), vec![11, 11, 11]);
}

// [as-scaling-simple-step, "Scaling adjustment types"]: ChangeInCapacity 3 + 5 → 8;
// ExactCapacity 3 → 5; PercentChangeInCapacity 10 + 10 % → 11.
#[test]
fn guide_adjustment_types() {
    assert_eq!(
        apply_adjustment(3, AdjustmentType::ChangeInCapacity, 5.0, None),
        8
    );
    assert_eq!(
        apply_adjustment(3, AdjustmentType::ExactCapacity, 5.0, None),
        5
    );
    assert_eq!(
        apply_adjustment(10, AdjustmentType::PercentChangeInCapacity, 10.0, None),
        11
    );
}

// [as-scaling-simple-step, note under PercentChangeInCapacity]: "Values greater than 1 are
// rounded down. For example, 12.7 is rounded to 12. Values between 0 and 1 are rounded to 1
// … .67 is rounded to 1. Values between 0 and -1 are rounded to -1 … -.58 is rounded to -1.
// Values less than -1 are rounded up. For example, -6.67 is rounded to -6."
#[test]
fn guide_percent_rounding() {
    assert_eq!(round_percent_change(12.7), 12);
    assert_eq!(round_percent_change(0.67), 1);
    assert_eq!(round_percent_change(-0.58), -1);
    assert_eq!(round_percent_change(-6.67), -6);
}

// [as-scaling-simple-step]: "a policy that adds 25 percent and you specify a minimum increment
// of 2 instances … a group with 4 instances … 25 percent of 4 is 1 instance. However, because
// you specified a minimum increment of 2, there are 2 instances added."
#[test]
fn guide_min_adjustment_magnitude() {
    assert_eq!(
        apply_adjustment(4, AdjustmentType::PercentChangeInCapacity, 25.0, Some(2)),
        6
    );
    assert_eq!(
        apply_adjustment(4, AdjustmentType::PercentChangeInCapacity, 25.0, None),
        5
    );
}

// [as-scaling-target-tracking] (paraphrased): the policy acts conservatively by rounding up or
// down — adding 1.5 instances becomes 2, removing 1.5 instances removes 1 — desired = ceil(current × metric / target):
// 10 instances at 57.5 % for a 50 % target → 11.5 → 12 (+2); at 42.5 % → 8.5 → 9 (−1).
#[test]
fn guide_target_tracking_rounding() {
    let cap = 1.0;
    assert_eq!(target_tracking_capacity(10.0 * 0.575, cap, 50.0), 12);
    assert_eq!(target_tracking_capacity(10.0 * 0.425, cap, 50.0), 9);
    assert_eq!(target_tracking_capacity(10.0 * 0.5, cap, 50.0), 10);
}

fn tt(target: f64, warmup: Option<u32>, disable_scale_in: bool) -> DynamicPolicy {
    DynamicPolicy::TargetTracking {
        target_pct: target,
        instance_warmup_s: warmup,
        disable_scale_in,
        alarm_high_minutes: 3,
        alarm_low_minutes: 15,
    }
}

// [as-scaling-target-tracking, "Considerations"]: with several target-tracking policies the
// group scales out if any policy is ready to, and scales in only if all of them (with scale-in
// enabled) are ready to.
#[test]
fn guide_several_target_tracking_policies() {
    // Utilisation 30 % of 10 units: a 50 % policy wants 6, a 20 % policy wants 15.
    let g = group(
        1,
        10,
        40,
        vec![tt(50.0, Some(0), false), tt(20.0, Some(0), false)],
    );
    let sim = simulate(&g, &[3.0; 5], &opts(1));
    assert_eq!(sim.steps[2].desired, 15, "scale out when any policy asks");
    // Both below target for 15 minutes: 50 % wants 6, 40 % wants 8 → the larger, 8.
    let g = group(
        1,
        10,
        40,
        vec![tt(50.0, Some(0), false), tt(40.0, Some(0), false)],
    );
    let sim = simulate(&g, &[3.0; 20], &opts(1));
    assert_eq!(
        sim.steps[13].desired, 10,
        "15 minutes below 90 % of target first"
    );
    assert_eq!(sim.steps[14].desired, 8, "scale in to the larger capacity");
    // One of them has scale-in disabled: it does not block the other.
    let g = group(
        1,
        10,
        40,
        vec![tt(50.0, Some(0), false), tt(40.0, Some(0), true)],
    );
    let sim = simulate(&g, &[3.0; 20], &opts(1));
    assert_eq!(sim.steps[14].desired, 6);
    // All disabled: never scales in.
    let g = group(1, 10, 40, vec![tt(50.0, Some(0), true)]);
    let sim = simulate(&g, &[3.0; 60], &opts(1));
    assert!(sim.steps.iter().all(|s| s.desired == 10));
}

// [as-scale-based-on-demand, "Multiple scaling policies"] (paraphrased): with 8 instances, one
// policy removes 3 and another removes 25 % (2 instances); the policy giving the largest
// resulting capacity wins, so 2 are removed, leaving 6.
#[test]
fn guide_largest_capacity_wins() {
    let low = Alarm {
        comparison: Comparison::LessThan,
        threshold: 30.0,
        evaluation_minutes: 1,
    };
    let policies = vec![
        DynamicPolicy::Simple {
            alarm: low.clone(),
            adjustment_type: AdjustmentType::ChangeInCapacity,
            adjustment: -3.0,
            min_adjustment_magnitude: None,
            cooldown_s: None,
        },
        DynamicPolicy::Simple {
            alarm: low,
            adjustment_type: AdjustmentType::PercentChangeInCapacity,
            adjustment: -25.0,
            min_adjustment_magnitude: None,
            cooldown_s: None,
        },
    ];
    let g = group(1, 8, 20, policies);
    let sim = simulate(&g, &[1.0], &opts(1));
    assert_eq!(sim.steps[0].desired, 6);
}

// [ec2-auto-scaling-scaling-cooldowns]: after a simple-scaling activity the group waits for the
// cooldown (default 300 s) before the simple policy responds again.
#[test]
fn guide_simple_scaling_cooldown_default_300_s() {
    let policies = vec![DynamicPolicy::Simple {
        alarm: Alarm {
            comparison: Comparison::GreaterThan,
            threshold: 50.0,
            evaluation_minutes: 1,
        },
        adjustment_type: AdjustmentType::ChangeInCapacity,
        adjustment: 1.0,
        min_adjustment_magnitude: None,
        cooldown_s: None,
    }];
    let g = group(1, 2, 50, policies);
    // Demand far above capacity for 20 minutes.
    let sim = simulate(&g, &[100.0; 20], &opts(1));
    let at: Vec<usize> = sim.events.iter().map(|e| e.step).collect();
    assert_eq!(at, vec![0, 5, 10, 15]);
}

// [asg-capacity-limits] min ≤ desired ≤ max; [ec2-auto-scaling-scheduled-scaling] a scheduled
// action sets min/max/desired and does not wait for cooldowns.
#[test]
fn scheduled_action_raises_min_and_capacity_stays_clamped() {
    use cloudplan::scaling::schedule::{Recurrence, ScheduledAction};
    let mut g = group(1, 2, 5, vec![tt(50.0, Some(0), false)]);
    g.scheduled = vec![ScheduledAction {
        name: "peak".into(),
        when: Recurrence::Once {
            at: "2027-01-01T01:00".into(),
        },
        utc_offset_minutes: 0,
        time_zone: None,
        min: Some(4),
        max: None,
        desired: Some(9),
    }];
    let sim = simulate(&g, &vec![0.5; 120], &opts(1));
    assert_eq!(sim.steps[59].min, 1);
    assert_eq!(sim.steps[60].min, 4);
    assert_eq!(sim.steps[60].desired, 5, "desired 9 clamped to max 5");
    assert!(sim.steps[60..].iter().all(|s| s.desired >= 4));
}

// [ec2-auto-scaling-mixed-instances-groups]: On-Demand base first, then
// OnDemandPercentageAboveBaseCapacity of the rest (rounded up), the rest Spot. Base 2, 50 %:
// 10 units → 2 + ceil(4) = 6 On-Demand, 4 Spot; 5 units → 2 + ceil(1.5) = 4, 1.
#[test]
fn mixed_instances_split() {
    let d = Distribution {
        on_demand_base: 2,
        on_demand_pct_above_base: 50.0,
        ..Distribution::default()
    };
    assert_eq!(d.split(10), (6, 4));
    assert_eq!(d.split(5), (4, 1));
    assert_eq!(d.split(1), (1, 0));
}

// Reserved Instances are billed every hour whether used or not
// (aws.amazon.com/ec2/pricing/reserved-instances/pricing); On-Demand hours up to the count are
// covered. A group held at 3 On-Demand instances with 2 reserved: 2 × hours covered.
#[test]
fn reserved_cover_and_billing_from_catalogue() {
    let mut g = group(3, 3, 3, vec![]);
    g.simulation.step_minutes = 60;
    g.reserved = Some(ReservedCover {
        count: 2,
        class: OfferingClass::Standard,
        term: Term::OneYear,
        payment: Payment::NoUpfront,
    });
    let catalog = cloudplan::catalog::load::embedded();
    let start = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
    let o = run::run(&g, start, catalog, "us-east-1", None, false).unwrap();
    let m = &o.bill.months[0];
    assert_eq!(m.hours, 744.0);
    assert_eq!(m.reserved_covered_hours, 2.0 * 744.0);
    assert_eq!(m.on_demand_hours, 744.0);
    let od = o.prices.on_demand.usd_per_hour;
    let ri = o.prices.reserved.as_ref().unwrap().0.usd_per_hour;
    assert!((m.total_usd - (744.0 * od + 2.0 * 744.0 * ri)).abs() < 1e-9);
    // Held at min = held at max = simulated here.
    assert!((m.at_min_usd - m.total_usd).abs() < 1e-9);
    // A missing price is an error, never $0.
    g.instance_types[0].instance_type = "z9.nonexistent".into();
    assert!(matches!(
        run::run(&g, start, catalog, "us-east-1", None, false),
        Err(cloudplan::scaling::ScalingError::MissingPrice { .. })
    ));
}

#[test]
fn sample_plan_prices_and_hourly_series_covers_the_horizon() {
    let plan = cloudplan::plan::file::sample("autoscaling-web").unwrap();
    let est = cloudplan::cost::estimate(&plan, cloudplan::catalog::load::embedded()).unwrap();
    let asg = &est.items[0];
    assert!(asg.components.iter().any(|c| c.name.starts_with("Spot")));
    assert!(
        asg.components
            .iter()
            .any(|c| c.name.starts_with("Reserved"))
    );
    let cloudplan::plan::Resource::ScalingGroup(g) = &plan.items[0].resource else {
        panic!("first item is the group")
    };
    let start = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
    let o = run::run(
        g,
        start,
        cloudplan::catalog::load::embedded(),
        "us-east-1",
        None,
        false,
    )
    .unwrap();
    assert_eq!(o.simulation.hourly_capacity.len(), 8760);
    // The estimate's group cost is the simulated monthly average.
    assert!(
        (asg.monthly_usd - o.bill.average_monthly_usd).abs() < 0.01,
        "{} vs {}",
        asg.monthly_usd,
        o.bill.average_monthly_usd
    );
    assert!(o.bill.average_at_min_usd <= o.bill.average_monthly_usd);
    assert!(o.bill.average_monthly_usd <= o.bill.average_at_max_usd);
}

#[test]
fn spot_interruptions_are_seeded_and_replaced() {
    let mut g = group(10, 10, 10, vec![]);
    g.distribution = Distribution {
        on_demand_base: 0,
        on_demand_pct_above_base: 0.0,
        ..Distribution::default()
    };
    let mut o = opts(5);
    o.spot_interruptions_per_hour = billing::interruption_rate_per_hour(">20%").unwrap() * 50.0;
    let a = simulate(&g, &vec![1.0; 12 * 24 * 7], &o);
    let b = simulate(&g, &vec![1.0; 12 * 24 * 7], &o);
    assert_eq!(a, b, "same seed, same run");
    let n: u32 = a.months.iter().map(|m| m.spot_interruptions).sum();
    assert!(n > 0);
    for s in &a.steps {
        assert_eq!(s.running(), 10, "replacements keep running = desired");
        assert_eq!(s.in_service + s.warming + s.replacing, 10);
    }
}

fn arb_policy() -> impl Strategy<Value = DynamicPolicy> {
    prop_oneof![
        (10.0f64..90.0, 0u32..900, any::<bool>()).prop_map(|(t, w, d)| tt(t, Some(w), d)),
        (20.0f64..80.0, -3i32..4, 0u32..600).prop_map(|(th, adj, cd)| DynamicPolicy::Simple {
            alarm: Alarm {
                comparison: if adj >= 0 {
                    Comparison::GreaterThan
                } else {
                    Comparison::LessThan
                },
                threshold: th,
                evaluation_minutes: 1,
            },
            adjustment_type: AdjustmentType::ChangeInCapacity,
            adjustment: adj as f64,
            min_adjustment_magnitude: None,
            cooldown_s: Some(cd),
        }),
        (20.0f64..80.0, 1u32..60).prop_map(|(th, pct)| DynamicPolicy::Step {
            alarm: Alarm {
                comparison: Comparison::GreaterThanOrEqual,
                threshold: th,
                evaluation_minutes: 2,
            },
            adjustment_type: AdjustmentType::PercentChangeInCapacity,
            steps: steps(&[
                (Some(0.0), Some(10.0), pct as f64),
                (Some(10.0), None, 2.0 * pct as f64)
            ]),
            min_adjustment_magnitude: Some(1),
            instance_warmup_s: None,
        }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn capacity_within_limits_and_split_adds_up(
        min in 0u32..5,
        extra in 0u32..20,
        policies in proptest::collection::vec(arb_policy(), 0..4),
        base in 0u32..6,
        pct in 0.0f64..100.0,
        demand in proptest::collection::vec(0.0f64..4000.0, 10..300),
        step in prop_oneof![Just(1u32), Just(5u32), Just(60u32)],
        warm in 0u32..1200,
        rate in 0.0f64..0.05,
    ) {
        let max = min + extra + 1;
        let mut g = group(min, min, max, policies);
        g.capacity_per_unit = 100.0;
        g.instance_warmup_s = Some(warm);
        g.distribution = Distribution { on_demand_base: base, on_demand_pct_above_base: pct, ..Distribution::default() };
        let mut o = opts(step);
        o.spot_interruptions_per_hour = rate;
        let sim = simulate(&g, &demand, &o);
        prop_assert_eq!(sim.steps.len(), demand.len());
        for s in &sim.steps {
            prop_assert!(s.min <= s.desired && s.desired <= s.max);
            prop_assert_eq!(s.running(), s.desired);
            prop_assert_eq!(s.in_service + s.warming + s.replacing, s.running());
            prop_assert_eq!(g.distribution.split(s.running()), (s.on_demand, s.spot));
            prop_assert!(s.unmet >= 0.0);
        }
        let hours: f64 = sim.months.iter().map(|m| m.hours).sum();
        prop_assert!((hours - demand.len() as f64 * step as f64 / 60.0).abs() < 1e-6);
    }

    /// No target-tracking or step scale-in while a launch is still warming up, and simple
    /// policies wait out their cooldown.
    #[test]
    fn warm_up_and_cooldown_respected(
        policies in proptest::collection::vec(arb_policy(), 1..4),
        demand in proptest::collection::vec(0.0f64..3000.0, 30..400),
        warm_min in 0u32..20,
    ) {
        let mut g = group(1, 2, 30, policies);
        g.capacity_per_unit = 100.0;
        g.instance_warmup_s = Some(warm_min * 60);
        // Policies' own warm-ups fall back to the group's.
        for p in &mut g.policies {
            if let DynamicPolicy::TargetTracking { instance_warmup_s, .. } = p {
                *instance_warmup_s = None;
            }
        }
        let sim = simulate(&g, &demand, &opts(1));
        let w = warm_min as usize;
        let launches: Vec<usize> = sim.events.iter().filter(|e| e.to > e.from && e.cause != Cause::SpotInterruption).map(|e| e.step).collect();
        let mut last_simple: Option<(usize, usize)> = None; // (step, required gap)
        for e in &sim.events {
            let Cause::Policy(pi) = e.cause else { continue };
            match &g.policies[pi] {
                DynamicPolicy::TargetTracking { .. } | DynamicPolicy::Step { .. } if e.to < e.from => {
                    // A scale-in by these policies happens only when no launch is warming.
                    prop_assert!(!launches.iter().any(|s| *s < e.step && s + w > e.step),
                        "scale-in at {} while a launch warms (warm-up {} min, launches {:?})", e.step, w, launches);
                }
                DynamicPolicy::Simple { cooldown_s, .. } => {
                    // Only events decided by the simple policy itself start its cooldown.
                    if let Some((at, gap)) = last_simple {
                        prop_assert!(e.step >= at + gap, "simple policy at {} within cooldown from {}", e.step, at);
                    }
                    let cd = cooldown_s.unwrap_or(300) as usize / 60;
                    let gap = if e.to > e.from { w + cd } else { cd };
                    last_simple = Some((e.step, gap));
                }
                _ => {}
            }
        }
    }
}

// ------------------------------------------------------------------------------ CLI `simulate`

fn cli(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_cloudplan"))
        .args(args)
        .output()
        .expect("run cloudplan")
}

fn sample_path() -> String {
    format!(
        "{}/samples/autoscaling-web.cloudplan.json",
        env!("CARGO_MANIFEST_DIR")
    )
}

#[test]
fn cli_simulate_writes_csv_and_charts_and_prints_summary() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("steps.csv");
    let charts = dir.path().join("charts");
    let o = cli(&[
        "simulate",
        &sample_path(),
        "--group",
        "web-asg",
        "--csv",
        csv.to_str().unwrap(),
        "--charts",
        charts.to_str().unwrap(),
    ]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(out.contains("Monthly cost: simulated average"), "{out}");
    assert!(out.contains("Unmet demand:"), "{out}");
    let text = std::fs::read_to_string(&csv).unwrap();
    assert_eq!(text.lines().count(), 1 + 12 * 8760);
    let months = std::fs::read_to_string(dir.path().join("steps.months.csv")).unwrap();
    assert_eq!(months.lines().count(), 1 + 12);
    for stem in [
        "scaling-demand-capacity",
        "scaling-capacity-by-class",
        "scaling-monthly-cost",
    ] {
        assert!(charts.join(format!("{stem}.png")).exists());
        assert!(charts.join(format!("{stem}.svg")).exists());
    }
}

#[test]
fn cli_simulate_bad_input_exits_2() {
    let o = cli(&["simulate", &sample_path(), "--group", "nope"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("no item `nope`") && err.contains("web-asg"),
        "{err}"
    );
    let o = cli(&["simulate", &sample_path(), "--group", "web-alb"]);
    assert_eq!(o.status.code(), Some(2));
    // A demand CSV error names the file, line and field.
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("demand.csv");
    std::fs::write(
        &bad,
        "timestamp,value\n2027-01-01 00:00,5\n2027-01-01 01:00,lots\n",
    )
    .unwrap();
    let o = cli(&[
        "simulate",
        &sample_path(),
        "--group",
        "web-asg",
        "--demand",
        bad.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("line 3, field `value`"), "{err}");
}

#[test]
fn cli_simulate_with_hourly_demand_csv() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("demand.csv");
    let mut text = String::from("timestamp,value\n");
    for h in 0..24 * 14 {
        let v = if h % 24 >= 9 && h % 24 < 18 {
            4000
        } else {
            800
        };
        text.push_str(&format!(
            "{},{}\n",
            (t0() + chrono::Duration::hours(h)).format("%Y-%m-%dT%H:%M:%SZ"),
            v
        ));
    }
    std::fs::write(&f, text).unwrap();
    let o = cli(&[
        "simulate",
        &sample_path(),
        "--group",
        "web-asg",
        "--demand",
        f.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("(336 hours)"), "{out}");
}

#[test]
fn run_many_matches_run() {
    let catalog = cloudplan::catalog::load::embedded();
    let start = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
    let mut gs = Vec::new();
    for i in 0..5u32 {
        let mut g = group(1, 2, 20, vec![tt(50.0, Some(300), false)]);
        g.simulation.step_minutes = 60;
        g.simulation.months = 2;
        g.demand = DemandSpec::Profile(Profile::constant(3.0 + i as f64));
        gs.push(g);
    }
    let jobs: Vec<run::Job> = gs.iter().map(|g| (g, start, "us-east-1")).collect();
    let many = run::run_many(&jobs, catalog, false);
    for (g, m) in gs.iter().zip(many) {
        let one = run::run(g, start, catalog, "us-east-1", None, false).unwrap();
        assert_eq!(one, m.unwrap());
    }
}
