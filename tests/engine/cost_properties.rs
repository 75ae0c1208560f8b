//! Properties of the cost engine over generated plans, priced with the embedded catalogue:
//! costs are never negative or NaN; cost is monotone in quantity; tier shares add up to the
//! aggregate; per-item and aggregate tier modes agree for untiered services.

use cloudplan::catalog::load::embedded;
use cloudplan::catalog::{PriceOption, Service};
use cloudplan::cost::{estimate, tiers};
use cloudplan::plan::{Plan, TierMode};
use proptest::prelude::*;
use serde_json::{Value, json};

const REGIONS: [&str; 3] = ["us-east-1", "eu-west-1", "ap-northeast-2"];
const TYPES: [&str; 5] = [
    "m5.large",
    "c5.xlarge",
    "r5.large",
    "t3.medium",
    "m7g.large",
];

fn plan(items: Vec<Value>, mode: TierMode, free_tier: bool) -> Plan {
    let items: Vec<Value> = items
        .into_iter()
        .enumerate()
        .map(|(i, mut it)| {
            it["id"] = json!(format!("item-{i}"));
            it["name"] = json!(format!("item {i}"));
            it
        })
        .collect();
    let mut p: Plan = serde_json::from_value(json!({
        "schema_version": 1, "name": "prop", "default_region": "us-east-1",
        "start_month": "2026-01", "horizon_months": 12, "free_tier": free_tier, "items": items,
    }))
    .expect("generated plan");
    p.tier_mode = mode;
    p
}

fn item(region: &str, resource: Value) -> Value {
    json!({"region": region, "resource": resource})
}

/// One item of any service, with generated quantities.
fn any_item() -> impl Strategy<Value = Value> {
    let region = prop::sample::select(&REGIONS[..]);
    let ty = prop::sample::select(&TYPES[..]);
    let q = 0.0..50_000.0f64;
    prop_oneof![
        (region.clone(), ty, 0.0..50.0f64, 0usize..3).prop_map(|(r, t, n, p)| {
            let purchase = match p {
                0 => json!({"type": "on_demand"}),
                1 => json!({"type": "spot"}),
                _ => json!({"type": "reserved", "class": "standard", "term": "1yr", "payment": "no_upfront"}),
            };
            item(r, json!({"kind": "ec2", "instance_type": t, "count": n, "purchase": purchase}))
        }),
        (region.clone(), prop::sample::select(vec!["gp2", "gp3", "io1", "io2", "st1", "sc1"]), 1.0..16_000.0f64, 0.0..80_000.0f64)
            .prop_map(|(r, v, gb, iops)| {
                let mut res = json!({"kind": "ebs", "volume_type": v, "size_gb": gb, "volume_count": 2});
                if matches!(v, "gp3" | "io1" | "io2") {
                    res["iops"] = json!(iops);
                }
                item(r, res)
            }),
        (region.clone(), prop::sample::select(vec!["standard", "standard_ia", "onezone_ia", "glacier_ir", "glacier_flexible", "deep_archive", "intelligent_tiering"]), q.clone(), 1.0..4096.0f64)
            .prop_map(|(r, c, gb, kb)| item(r, json!({"kind": "s3", "storage_class": c, "storage_gb": gb,
                "avg_object_kb": kb, "put_requests": gb * 10.0, "get_requests": gb * 100.0, "retention_days": 10}))),
        (region.clone(), q.clone(), 0.0..5000.0f64).prop_map(|(r, out, az)| item(r, json!({"kind": "data_transfer",
            "internet_out_gb": out, "inter_az_gb": az}))),
        (region.clone(), 0.0..1e9f64, 1.0..3000.0f64, 128.0..4096.0f64).prop_map(|(r, req, ms, mb)| item(r, json!({"kind": "lambda",
            "requests_per_month": req, "duration_ms": ms, "memory_mb": mb}))),
        (region.clone(), 0.0..1e9f64, 0.0..500.0f64).prop_map(|(r, ru, gb)| item(r, json!({"kind": "dynamodb",
            "mode": "on_demand", "write_request_units": ru, "read_request_units": ru * 4.0, "storage_gb": gb}))),
        (region.clone(), 0.0..5.0f64, q.clone()).prop_map(|(r, n, gb)| item(r, json!({"kind": "nat_gateway",
            "count": n, "data_processed_gb": gb}))),
        (region, 1.0..4.0f64, q, 0.0..500.0f64).prop_map(|(r, n, gb, c)| item(r, json!({"kind": "load_balancer",
            "lb_type": "alb", "count": n, "processed_gb": gb, "new_connections_per_sec": c, "active_connections": c * 60.0}))),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn costs_are_never_negative_or_nan(
        items in prop::collection::vec(any_item(), 1..25),
        per_item in any::<bool>(),
        free in any::<bool>(),
    ) {
        let mode = if per_item { TierMode::PerItem } else { TierMode::Aggregate };
        let e = estimate(&plan(items, mode, free), embedded()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        for it in &e.items {
            for c in &it.components {
                prop_assert!(c.monthly_usd.is_finite() && c.monthly_usd >= 0.0, "{c:?}");
                prop_assert!(c.upfront_usd.is_finite() && c.upfront_usd >= 0.0, "{c:?}");
                prop_assert!(c.unit_price.is_finite() && c.unit_price >= 0.0, "{c:?}");
                prop_assert!(c.quantity.is_finite() && c.quantity >= 0.0, "{c:?}");
            }
        }
        prop_assert!(e.total.monthly_usd.is_finite() && e.total.first_12_months_usd >= e.total.upfront_usd);
    }

    #[test]
    fn cost_is_monotone_in_quantity(
        a in 0.0..800_000.0f64,
        extra in 0.0..200_000.0f64,
        others in 0.0..600_000.0f64,
        per_item in any::<bool>(),
    ) {
        let mode = if per_item { TierMode::PerItem } else { TierMode::Aggregate };
        let cat = embedded();
        // S3 Standard (tiered) and internet egress (tiered, free tier), next to another item
        // sharing the same tiers, and a Lambda function (tiered duration, free tier).
        let build = |q: f64| plan(vec![
            item("us-east-1", json!({"kind": "s3", "storage_class": "standard", "storage_gb": q})),
            item("us-east-1", json!({"kind": "s3", "storage_class": "standard", "storage_gb": others})),
            item("us-east-1", json!({"kind": "data_transfer", "internet_out_gb": q})),
            item("us-east-1", json!({"kind": "lambda", "requests_per_month": q * 1000.0, "duration_ms": 100, "memory_mb": 512})),
            item("us-east-1", json!({"kind": "ec2", "instance_type": "m5.large", "count": q / 10_000.0})),
        ], mode, true);
        let lo = estimate(&build(a), cat).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let hi = estimate(&build(a + extra), cat).map_err(|e| TestCaseError::fail(e.to_string()))?;
        for (i, (l, h)) in lo.items.iter().zip(&hi.items).enumerate() {
            if i == 1 {
                // The neighbour's usage did not change; sharing the tiers with a larger
                // aggregate can only lower its share (the volume discount is shared pro rata).
                prop_assert!(h.monthly_usd <= l.monthly_usd + 1e-9, "neighbour went from {} to {}", l.monthly_usd, h.monthly_usd);
            } else {
                prop_assert!(h.monthly_usd >= l.monthly_usd - 1e-9, "{} went from {} to {}", l.id, l.monthly_usd, h.monthly_usd);
            }
        }
        prop_assert!(hi.total.monthly_usd >= lo.total.monthly_usd - 1e-9);
    }

    #[test]
    fn tier_shares_add_up_to_the_aggregate(
        gbs in prop::collection::vec(0.0..300_000.0f64, 1..12),
        region in prop::sample::select(&REGIONS[..]),
    ) {
        let cat = embedded();
        let items = gbs.iter().map(|gb| item(region, json!({"kind": "s3", "storage_class": "standard", "storage_gb": gb}))).collect();
        let e = estimate(&plan(items, TierMode::Aggregate, false), cat).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let rates = cat.tiers(region, Service::S3, "standard", "storage", PriceOption::OnDemand);
        prop_assert!(rates.len() > 1, "S3 Standard is tiered in the catalogue");
        let total: f64 = gbs.iter().sum();
        let whole = tiers::cost(total, &rates);
        let shares: f64 = e.items.iter().map(|i| i.monthly_usd).sum();
        prop_assert!((shares - whole).abs() <= 1e-9 * whole.max(1.0), "{shares} vs {whole}");
        // and each share is pro rata
        for (it, gb) in e.items.iter().zip(&gbs) {
            if total > 0.0 {
                prop_assert!((it.monthly_usd - whole * gb / total).abs() <= 1e-9 * whole.max(1.0));
            }
        }
    }

    #[test]
    fn tier_modes_agree_for_untiered_services(
        fleet in prop::collection::vec((prop::sample::select(&TYPES[..]), 0.0..40.0f64, prop::sample::select(&REGIONS[..])), 1..10),
        gb in 1.0..10_000.0f64,
        nat_gb in 0.0..100_000.0f64,
    ) {
        let mut items: Vec<Value> = fleet.iter().map(|(t, n, r)| item(r, json!({"kind": "ec2", "instance_type": t, "count": n}))).collect();
        items.push(item("us-east-1", json!({"kind": "ebs", "volume_type": "gp3", "size_gb": gb, "iops": 6000})));
        items.push(item("eu-west-1", json!({"kind": "nat_gateway", "count": 2, "data_processed_gb": nat_gb})));
        items.push(item("ap-northeast-2", json!({"kind": "dynamodb", "mode": "provisioned", "write_capacity_units": 10, "read_capacity_units": 40, "storage_gb": gb})));
        let agg = estimate(&plan(items.clone(), TierMode::Aggregate, false), embedded()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let per = estimate(&plan(items, TierMode::PerItem, false), embedded()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(agg.total, per.total);
        for (a, p) in agg.items.iter().zip(&per.items) {
            prop_assert_eq!(a.monthly_usd, p.monthly_usd);
        }
    }
}
