//! Spot and On-Demand allocation strategies of a mixed instances group, end to end: the
//! strategy picks the instance types, the catalogue's per-type Spot price is billed and the
//! per-type interruption band sets the interruption rate.
//!
//! Sources: Amazon EC2 Auto Scaling User Guide, "Allocation strategies for multiple instance
//! types" (docs.aws.amazon.com/autoscaling/ec2/userguide/allocation-strategies.html) and
//! "Configuring instance weighting" (ec2-auto-scaling-mixed-instances-groups-instance-weighting:
//! with `lowest-price` the pools with the lowest price *per unit* are chosen); API
//! `InstancesDistribution` (`SpotInstancePools` 1–20, default 2). Catalogue figures (us-east-1,
//! `pricing-data/rates/ec2_spot.csv`, `ec2_on_demand.csv`, `spot_advisor.csv`):
//!
//! | type      | weight | Spot $/h | per unit | band    | On-Demand $/h | per unit |
//! |-----------|--------|----------|----------|---------|---------------|----------|
//! | m5.large  | 1      | 0.0418   | 0.0418   | 15-20%  | 0.096         | 0.096    |
//! | m6i.large | 1      | 0.0369   | 0.0369   | 10-15%  | 0.096         | 0.096    |
//! | c5.xlarge | 2      | 0.0646   | 0.0323   | <5%     | 0.17          | 0.085    |
//! | c5.large  | 1      | 0.0286   | 0.0286   | <5%     | 0.085         | 0.085    |
//! | t3.large  | 1      | 0.0273   | 0.0273   | 5-10%   | 0.0832        | 0.0832   |

use chrono::NaiveDate;
use cloudplan::catalog::load::embedded;
use cloudplan::plan::{Resource, file};
use cloudplan::scaling::allocation::{OnDemandAllocationStrategy, SpotAllocationStrategy};
use cloudplan::scaling::billing::{self, interruption_rate_per_hour};
use cloudplan::scaling::{GroupSpec, ScalingError, run::run};
use serde_json::json;

const TYPES: [(&str, u32); 5] = [
    ("m5.large", 1),
    ("m6i.large", 1),
    ("c5.xlarge", 2),
    ("c5.large", 1),
    ("t3.large", 1),
];

fn group(distribution: serde_json::Value) -> GroupSpec {
    serde_json::from_value(json!({
        "instance_types": TYPES.iter().map(|(t, w)| json!({"instance_type": t, "weight": w})).collect::<Vec<_>>(),
        "capacity_per_unit": 100,
        "min": 10, "desired": 10, "max": 10,
        "distribution": distribution,
        "demand": {"source": "profile", "base": 500},
        "simulation": {"step_minutes": 60, "months": 1, "seed": 7}
    }))
    .unwrap()
}

fn start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 1, 1).unwrap()
}

/// Share of Spot capacity per type under `strategy`.
fn shares(distribution: serde_json::Value) -> Vec<f64> {
    let g = group(distribution);
    let p = billing::prices(&g, embedded(), "us-east-1").unwrap();
    p.spot_share.clone().unwrap()
}

#[test]
fn each_spot_strategy_lands_where_the_guide_says() {
    // lowest-price, N = 2 (the default): the two cheapest pools per unit hour, evenly —
    // t3.large ($0.0273) and c5.large ($0.0286); bands are ignored.
    assert_eq!(
        shares(json!({"on_demand_pct_above_base": 0, "spot_allocation_strategy": "lowest-price"})),
        vec![0.0, 0.0, 0.0, 0.5, 0.5]
    );
    // N = 3 adds the next cheapest per unit: c5.xlarge ($0.0646 / 2 = $0.0323).
    let s = shares(json!({"on_demand_pct_above_base": 0,
        "spot_allocation_strategy": "lowest-price", "spot_instance_pools": 3}));
    assert_eq!(s.iter().filter(|x| **x > 0.0).count(), 3);
    assert!(s[2] > 0.0 && s[3] > 0.0 && s[4] > 0.0);
    // capacity-optimized (offline proxy: lowest interruption band): c5.xlarge and c5.large
    // are both "<5%", so they share the capacity.
    assert_eq!(
        shares(
            json!({"on_demand_pct_above_base": 0, "spot_allocation_strategy": "capacity-optimized"})
        ),
        vec![0.0, 0.0, 0.5, 0.5, 0.0]
    );
    // capacity-optimized-prioritized: capacity first, then the list order: c5.xlarge.
    assert_eq!(
        shares(json!({"on_demand_pct_above_base": 0,
            "spot_allocation_strategy": "capacity-optimized-prioritized"})),
        vec![0.0, 0.0, 1.0, 0.0, 0.0]
    );
    // price-capacity-optimized: the lowest priced of the most available pools: c5.large
    // ($0.0286 per unit < c5.xlarge's $0.0323).
    assert_eq!(
        shares(json!({"on_demand_pct_above_base": 0,
            "spot_allocation_strategy": "price-capacity-optimized"})),
        vec![0.0, 0.0, 0.0, 1.0, 0.0]
    );
}

#[test]
fn price_and_interruption_rate_follow_the_chosen_pools() {
    let cat = embedded();
    // price-capacity-optimized → c5.large only: billed at its catalogue Spot price, and
    // interrupted at the "<5%" band's rate (2.5 % a month / 730 h).
    let g = group(json!({"on_demand_pct_above_base": 0,
        "spot_allocation_strategy": "price-capacity-optimized"}));
    let o = run(&g, start(), cat, "us-east-1", None, false).unwrap();
    assert_eq!(
        o.prices.interruptions_per_hour,
        interruption_rate_per_hour("<5%").unwrap()
    );
    let m = &o.bill.months[0];
    // 10 units all month (January: 744 h), all Spot, all on c5.large (weight 1).
    assert!((m.spot_hours - 7440.0).abs() < 1e-6, "{}", m.spot_hours);
    assert!(
        (m.spot_usd - 7440.0 * 0.0286).abs() < 1e-6,
        "{}",
        m.spot_usd
    );
    assert_eq!(m.spot_by_type.len(), 5);
    assert!((m.spot_by_type[3].0 - 7440.0).abs() < 1e-6);
    assert_eq!(m.spot_by_type[0], (0.0, 0.0));

    // capacity-optimized → half the units on c5.xlarge (weight 2: 3720 units = 1860
    // instance-hours at $0.0646) and half on c5.large (3720 h at $0.0286).
    let g = group(json!({"on_demand_pct_above_base": 0,
        "spot_allocation_strategy": "capacity-optimized"}));
    let o = run(&g, start(), cat, "us-east-1", None, false).unwrap();
    let m = &o.bill.months[0];
    assert!(
        (m.spot_hours - (1860.0 + 3720.0)).abs() < 1e-6,
        "{}",
        m.spot_hours
    );
    let usd = 1860.0 * 0.0646 + 3720.0 * 0.0286;
    assert!((m.spot_usd - usd).abs() < 1e-6, "{} vs {usd}", m.spot_usd);

    // lowest-price N = 2 → t3.large ("5-10%") and c5.large ("<5%"): the rate is the mean of
    // the two bands' rates, each pool carrying half the units.
    let g =
        group(json!({"on_demand_pct_above_base": 0, "spot_allocation_strategy": "lowest-price"}));
    let p = billing::prices(&g, cat, "us-east-1").unwrap();
    let want = 0.5 * interruption_rate_per_hour("5-10%").unwrap()
        + 0.5 * interruption_rate_per_hour("<5%").unwrap();
    assert!((p.interruptions_per_hour - want).abs() < 1e-18);
}

#[test]
fn on_demand_lowest_price_picks_the_cheapest_per_unit() {
    let cat = embedded();
    // prioritized (default): the first listed type, m5.large at $0.096.
    let g = group(json!({}));
    let o = run(&g, start(), cat, "us-east-1", None, false).unwrap();
    assert_eq!(o.prices.on_demand.instance_type, "m5.large");
    assert!((o.bill.months[0].on_demand_usd - 7440.0 * 0.096).abs() < 1e-6);
    // lowest-price: t3.large at $0.0832 per unit hour (c5.xlarge is $0.17 / 2 = $0.085).
    let g = group(json!({"on_demand_allocation_strategy": "lowest-price"}));
    let o = run(&g, start(), cat, "us-east-1", None, false).unwrap();
    assert_eq!(o.prices.on_demand.instance_type, "t3.large");
    assert!((o.bill.months[0].on_demand_usd - 7440.0 * 0.0832).abs() < 1e-6);
}

#[test]
fn weighted_on_demand_lowest_price_counts_instances_of_the_chosen_type() {
    // Only c5.xlarge (weight 2, $0.085 per unit) and m5.large ($0.096): lowest-price puts the
    // 10 On-Demand units on c5.xlarge = 5 instances × 744 h at $0.17.
    let mut g = group(json!({"on_demand_allocation_strategy": "lowest-price"}));
    g.instance_types
        .retain(|c| c.instance_type == "m5.large" || c.instance_type == "c5.xlarge");
    let o = run(&g, start(), embedded(), "us-east-1", None, false).unwrap();
    assert_eq!(o.prices.on_demand.instance_type, "c5.xlarge");
    let m = &o.bill.months[0];
    assert!(
        (m.on_demand_hours - 5.0 * 744.0).abs() < 1e-6,
        "{}",
        m.on_demand_hours
    );
    assert!((m.on_demand_usd - 5.0 * 744.0 * 0.17).abs() < 1e-6);
}

#[test]
fn a_missing_spot_price_names_the_type_and_region() {
    // Every type of the embedded catalogue has a Spot price in every region, so use a type it
    // does not know: with a strategy, a missing Spot price is an error naming the type and
    // the region (never $0, never derived from the advisor's savings).
    let mut g = group(json!({"on_demand_pct_above_base": 0,
        "spot_allocation_strategy": "price-capacity-optimized"}));
    g.instance_types[1].instance_type = "z9.nonexistent".into();
    let err = billing::prices(&g, embedded(), "eu-west-1").unwrap_err();
    match &err {
        ScalingError::MissingPrice { region, what } => {
            assert_eq!(region, "eu-west-1");
            assert!(
                what.contains("Spot instance hours of z9.nonexistent"),
                "{what}"
            );
        }
        other => panic!("{other:?}"),
    }
    assert!(err.to_string().contains("eu-west-1"));
}

#[test]
fn plans_without_strategies_keep_their_numbers() {
    // Every sample loads unchanged: no sample sets a strategy, so its Spot capacity is spread
    // evenly as before (tests/scaling_golden.rs pins the exact figures).
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/samples");
    for e in std::fs::read_dir(dir).unwrap() {
        let path = e.unwrap().path();
        if !path.to_string_lossy().ends_with(".cloudplan.json") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let plan = file::from_json_str(&text, &path.to_string_lossy()).unwrap();
        for item in &plan.items {
            if let Resource::ScalingGroup(g) = &item.resource {
                assert_eq!(g.distribution.spot_allocation_strategy, None);
                assert_eq!(
                    g.distribution.on_demand_allocation_strategy,
                    OnDemandAllocationStrategy::Prioritized
                );
                // Round trip: the new fields are not written when unused.
                let v = serde_json::to_value(g).unwrap();
                assert!(v["distribution"].get("spot_allocation_strategy").is_none());
                assert!(
                    v["distribution"]
                        .get("on_demand_allocation_strategy")
                        .is_none()
                );
            }
        }
    }
    // The API spellings parse (snake_case aliases too).
    let g = group(json!({"spot_allocation_strategy": "capacity_optimized_prioritized"}));
    assert_eq!(
        g.distribution.spot_allocation_strategy,
        Some(SpotAllocationStrategy::CapacityOptimizedPrioritized)
    );
}

#[test]
fn the_estimate_bills_the_chosen_spot_types_at_their_catalogue_price() {
    // A plan with the group above (price-capacity-optimized → c5.large): the estimate has one
    // Spot line, for c5.large, at the catalogue's $0.0286 per hour; its monthly cost equals the
    // simulation's bill.
    let g = group(json!({"on_demand_pct_above_base": 0,
        "spot_allocation_strategy": "price-capacity-optimized"}));
    let mut resource = serde_json::to_value(&g).unwrap();
    resource["kind"] = json!("scaling_group");
    let plan = json!({
        "schema_version": 1, "name": "allocation", "default_region": "us-east-1",
        "start_month": "2027-01", "horizon_months": 1,
        "items": [{"id": "asg", "name": "ASG", "resource": resource}]
    });
    let plan = file::from_json_str(&plan.to_string(), "allocation.json").unwrap();
    let cat = embedded();
    let est = cloudplan::cost::estimate(&plan, cat).unwrap();
    let item = &est.items[0];
    let spot: Vec<_> = item
        .components
        .iter()
        .filter(|c| c.name.starts_with("Spot instance hours"))
        .collect();
    assert_eq!(spot.len(), 1, "{:?}", item.components);
    assert!(spot[0].name.contains("c5.large"), "{}", spot[0].name);
    assert!((spot[0].unit_price - 0.0286).abs() < 1e-12);
    let o = run(&g, start(), cat, "us-east-1", None, false).unwrap();
    assert!((item.monthly_usd - o.bill.average_monthly_usd).abs() < 1e-6);
}

#[test]
fn the_types_csv_splits_each_month_by_instance_type() {
    // capacity-optimized: c5.xlarge and c5.large carry the Spot capacity; the rows of each
    // month add up to the monthly classes.
    let g = group(json!({"on_demand_base": 2, "on_demand_pct_above_base": 0,
        "spot_allocation_strategy": "capacity-optimized"}));
    let o = run(&g, start(), embedded(), "us-east-1", None, false).unwrap();
    let csv = cloudplan::report::scaling_csv::types_csv(&o);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some(cloudplan::report::scaling_csv::TYPES_HEADER)
    );
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    assert_eq!(
        rows.len(),
        1 + 5,
        "one On-Demand row and one row per listed Spot type"
    );
    assert_eq!(rows[0][1..3], ["m5.large", "on_demand"]);
    let m = &o.bill.months[0];
    let spot_usd: f64 = rows[1..].iter().map(|r| r[4].parse::<f64>().unwrap()).sum();
    assert!(
        (spot_usd - m.spot_usd).abs() < 1e-6,
        "{spot_usd} vs {}",
        m.spot_usd
    );
    let spot_h: f64 = rows[1..].iter().map(|r| r[3].parse::<f64>().unwrap()).sum();
    assert!((spot_h - m.spot_hours).abs() < 1e-6);
    let c5x = rows.iter().find(|r| r[1] == "c5.xlarge").unwrap();
    // 8 Spot units, half of them on c5.xlarge (weight 2): 2 instances × 744 h.
    assert!(
        (c5x[3].parse::<f64>().unwrap() - 2.0 * 744.0).abs() < 1e-6,
        "{c5x:?}"
    );
}
