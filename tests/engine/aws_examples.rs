//! Worked pricing examples that AWS publishes, reproduced to the cent by the cost engine when
//! it is fed the example's OWN unit prices (each test builds a catalogue from them with
//! `Catalog::from_parts`). Each test names its source. Copies of the pages used were read in
//! the stored GitHub/web index on 2026-11-22.
//!
//! Where an example prices part of a month (EBS: "a 2,000 GB volume for 12 hours (43,200
//! seconds) in a 30-day month"), the fraction of the month is entered as the volume count
//! (43,200 / 2,592,000 volume-months), which is exactly AWS's proration: every per-volume
//! quantity (GB, IOPS and throughput above the gp3 baseline, io2 per-volume IOPS tiers)
//! scales with it.

use cloudplan::catalog::{Catalog, PriceOption, Rate, Service};
use cloudplan::cost::{Component, Estimate, estimate};
use cloudplan::plan::{Plan, TierMode};
use serde_json::{Value, json};

const REGION: &str = "us-east-1";

/// One price: `(service, product, dimension, tiers as (begin, end, usd))`.
type Price<'a> = (Service, &'a str, &'a str, &'a [(f64, Option<f64>, f64)]);

fn catalog(prices: &[Price<'_>]) -> Catalog {
    let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let mut rates = Vec::new();
    for (service, product, dimension, tiers) in prices {
        for (begin, end, usd) in *tiers {
            rates.push(Rate {
                region: REGION.into(),
                service: *service,
                product: (*product).into(),
                dimension: (*dimension).into(),
                option: PriceOption::OnDemand,
                unit: "example unit".into(),
                tier_begin: *begin,
                tier_end: *end,
                usd: *usd,
                upfront_usd: 0.0,
                effective_date: date,
                source: "aws-published-example".into(),
            });
        }
    }
    Catalog::from_parts("example", rates, vec![], vec![], vec![], vec![])
}

/// A flat (untiered) price.
const fn flat(usd: f64) -> [(f64, Option<f64>, f64); 1] {
    [(0.0, None, usd)]
}

fn plan(free_tier: bool, items: Value) -> Plan {
    serde_json::from_value(json!({
        "schema_version": 1,
        "name": "example",
        "default_region": REGION,
        "start_month": "2026-01",
        "horizon_months": 12,
        "free_tier": free_tier,
        "items": items,
    }))
    .expect("example plan")
}

fn run(p: &Plan, c: &Catalog) -> Estimate {
    estimate(p, c).unwrap_or_else(|e| panic!("{e}"))
}

fn component<'e>(e: &'e Estimate, item: usize, name: &str) -> &'e Component {
    e.items[item]
        .components
        .iter()
        .find(|c| c.name.starts_with(name))
        .unwrap_or_else(|| panic!("no component `{name}` in {:#?}", e.items[item].components))
}

/// The engine's figure matches the published one to the cent.
#[track_caller]
fn assert_cents(actual: f64, published: f64) {
    assert!(
        (actual - published).abs() < 0.005 + 1e-9,
        "engine {actual} vs published {published}"
    );
}

// ---------------------------------------------------------------------------------------
// AWS Lambda — aws.amazon.com/lambda/pricing
// ---------------------------------------------------------------------------------------

/// AWS Lambda pricing page (2019–2020 version), "Example 1": 512 MB, 3 million executions a
/// month, 1 second each; $0.00001667 per GB-s, $0.20 per 1M requests, free tier 400,000 GB-s
/// and 1M requests → compute $18.34 + requests $0.40 = $18.74.
#[test]
fn lambda_pricing_page_example_1_512mb_3m_1s() {
    let c = catalog(&[
        (Service::Lambda, "x86_64", "requests", &flat(0.20 / 1e6)),
        (Service::Lambda, "x86_64", "duration", &flat(0.00001667)),
    ]);
    let p = plan(
        true,
        json!([{"id": "fn", "name": "fn", "resource": {"kind": "lambda",
            "requests_per_month": 3e6, "duration_ms": 1000, "memory_mb": 512}}]),
    );
    let e = run(&p, &c);
    assert_cents(component(&e, 0, "Duration").monthly_usd, 18.34);
    assert_cents(component(&e, 0, "Requests").monthly_usd, 0.40);
    assert_cents(e.total.monthly_usd, 18.74);
}

/// AWS Lambda pricing page (2019–2020 version), "Example 2": 128 MB, 30 million executions,
/// 200 ms each → 750,000 − 400,000 free GB-s × $0.00001667 = $5.83; 29M × $0.2/M = $5.80;
/// total $11.63.
#[test]
fn lambda_pricing_page_example_2_128mb_30m_200ms() {
    let c = catalog(&[
        (Service::Lambda, "x86_64", "requests", &flat(0.20 / 1e6)),
        (Service::Lambda, "x86_64", "duration", &flat(0.00001667)),
    ]);
    let p = plan(
        true,
        json!([{"id": "fn", "name": "fn", "resource": {"kind": "lambda",
            "requests_per_month": 30e6, "duration_ms": 200, "memory_mb": 128}}]),
    );
    let e = run(&p, &c);
    assert_cents(component(&e, 0, "Duration").monthly_usd, 5.83);
    assert_cents(component(&e, 0, "Requests").monthly_usd, 5.80);
    assert_cents(e.total.monthly_usd, 11.63);
}

/// AWS Lambda pricing page, "Example 1: Mobile application backend": 3 million requests,
/// 120 ms, 1,536 MB, x86 → 540,000 GB-s − 400,000 free = 140,000 × $0.0000166667 = $2.33;
/// requests (3M − 1M) × $0.2/M = $0.40; total $2.73.
#[test]
fn lambda_pricing_page_mobile_backend() {
    let c = catalog(&[
        (Service::Lambda, "x86_64", "requests", &flat(0.20 / 1e6)),
        (Service::Lambda, "x86_64", "duration", &flat(0.0000166667)),
    ]);
    let p = plan(
        true,
        json!([{"id": "api", "name": "api", "resource": {"kind": "lambda",
            "requests_per_month": 3e6, "duration_ms": 120, "memory_mb": 1536}}]),
    );
    let e = run(&p, &c);
    let d = component(&e, 0, "Duration");
    assert!((d.quantity - 540_000.0).abs() < 1e-6);
    assert_cents(d.monthly_usd, 2.33);
    assert_cents(e.total.monthly_usd, 2.73);
}

/// AWS Lambda pricing page, "Example 2: Enriching streaming telemetry with additional
/// metadata": 7.44M requests (10,000 vehicles × 24 × 31), 2 s, 1,024 MB, priced without the
/// free tier → requests $1.49, compute 14.88M GB-s × $0.0000166667 = $248.00, total $249.49.
#[test]
fn lambda_pricing_page_streaming_telemetry() {
    let c = catalog(&[
        (Service::Lambda, "x86_64", "requests", &flat(0.20 / 1e6)),
        (Service::Lambda, "x86_64", "duration", &flat(0.0000166667)),
    ]);
    let p = plan(
        false,
        json!([{"id": "telemetry", "name": "telemetry", "resource": {"kind": "lambda",
            "requests_per_month": "10000 * 24 * 31", "duration_ms": 2000, "memory_mb": 1024}}]),
    );
    let e = run(&p, &c);
    assert_cents(component(&e, 0, "Requests").monthly_usd, 1.49);
    assert_cents(component(&e, 0, "Duration").monthly_usd, 248.00);
    assert_cents(e.total.monthly_usd, 249.49);
}

/// AWS Lambda pricing page, "Example 3: Performing ML on customer support tickets": 6M
/// requests, 280 ms, 4,096 MB, 2,048 MB ephemeral storage → compute $105.33, requests $1,
/// ephemeral storage (2,048 − 512 MB) 2,520,000 GB-s × $0.0000000309 = $0.08; total $106.41.
#[test]
fn lambda_pricing_page_ephemeral_storage() {
    let c = catalog(&[
        (Service::Lambda, "x86_64", "requests", &flat(0.20 / 1e6)),
        (Service::Lambda, "x86_64", "duration", &flat(0.0000166667)),
        (
            Service::Lambda,
            "x86_64",
            "ephemeral_storage",
            &flat(0.0000000309),
        ),
    ]);
    let p = plan(
        true,
        json!([{"id": "nlp", "name": "nlp", "resource": {"kind": "lambda",
            "requests_per_month": 6e6, "duration_ms": 280, "memory_mb": 4096,
            "ephemeral_storage_mb": 2048}}]),
    );
    let e = run(&p, &c);
    assert_cents(component(&e, 0, "Duration").monthly_usd, 105.33);
    assert_cents(component(&e, 0, "Requests").monthly_usd, 1.00);
    let eph = component(&e, 0, "Ephemeral");
    assert!((eph.quantity - 2_520_000.0).abs() < 1e-6);
    assert_cents(eph.monthly_usd, 0.08);
    assert_cents(e.total.monthly_usd, 106.41);
}

// ---------------------------------------------------------------------------------------
// Amazon EBS — aws.amazon.com/ebs/pricing, "Pricing examples"
// ---------------------------------------------------------------------------------------

/// 12 hours (43,200 s) of a 30-day month, as a fraction of a volume-month.
const TWELVE_HOURS: &str = "43200 / (86400 * 30)";

fn ebs(volume_type: &str, size_gb: f64, count: &str, extra: Value) -> Value {
    let mut r = json!({"kind": "ebs", "volume_type": volume_type, "size_gb": size_gb,
        "volume_count": count});
    for (k, v) in extra.as_object().unwrap() {
        r[k] = v.clone();
    }
    json!([{"id": "vol", "name": "vol", "resource": r}])
}

/// EBS pricing page, "Example 1 – General Purpose SSD (gp3) Volumes": 2,000 GB for 12 hours
/// with 10,000 IOPS and 500 MB/s; $0.08/GB-month, $0.005/IOPS-month above 3,000,
/// $0.06/MB/s-month above 125 → $2.667 + $0.583 + $0.375 = $3.625.
#[test]
fn ebs_example_1_gp3() {
    let c = catalog(&[
        (Service::Ebs, "gp3", "storage", &flat(0.08)),
        (Service::Ebs, "gp3", "iops", &flat(0.005)),
        (Service::Ebs, "gp3", "throughput", &flat(0.06)),
    ]);
    let p = plan(
        false,
        ebs(
            "gp3",
            2000.0,
            TWELVE_HOURS,
            json!({"iops": 10000, "throughput_mibps": 500}),
        ),
    );
    let e = run(&p, &c);
    assert_cents(component(&e, 0, "Storage").monthly_usd, 2.667);
    assert_cents(component(&e, 0, "IOPS").monthly_usd, 0.583);
    assert_cents(component(&e, 0, "Throughput").monthly_usd, 0.375);
    assert_cents(e.total.monthly_usd, 3.625);
}

/// EBS pricing page, "Example 2 – EBS General Purpose SSD (gp2) Volumes": 2,000 GB for 12
/// hours at $0.10/GB-month → $3.33.
#[test]
fn ebs_example_2_gp2() {
    let c = catalog(&[(Service::Ebs, "gp2", "storage", &flat(0.10))]);
    let e = run(
        &plan(false, ebs("gp2", 2000.0, TWELVE_HOURS, json!({}))),
        &c,
    );
    assert_cents(e.total.monthly_usd, 3.33);
}

/// io2 prices of EBS pricing page "Example 3": $0.125/GB-month; IOPS $0.065 up to 32,000
/// and $0.046 from 32,001 to 64,000 per volume.
fn io2_catalog() -> Catalog {
    catalog(&[
        (Service::Ebs, "io2", "storage", &flat(0.125)),
        (
            Service::Ebs,
            "io2",
            "iops",
            &[
                (0.0, Some(32_000.0), 0.065),
                (32_000.0, Some(64_000.0), 0.046),
            ],
        ),
    ])
}

/// EBS pricing page, "Example 3 – io2", first volume: 2,000 GB and 1,000 IOPS for 12 hours →
/// storage $4.167, IOPS $1.083.
#[test]
fn ebs_example_3_io2_first_volume() {
    let e = run(
        &plan(
            false,
            ebs("io2", 2000.0, TWELVE_HOURS, json!({"iops": 1000})),
        ),
        &io2_catalog(),
    );
    assert_cents(component(&e, 0, "Storage").monthly_usd, 4.167);
    assert_cents(component(&e, 0, "Provisioned IOPS").monthly_usd, 1.083);
}

/// EBS pricing page, "Example 3 – io2", second volume: 2,000 GB and 60,000 IOPS for 12 hours
/// → ($0.065 × 32,000 + $0.046 × 28,000) × 43,200 / 2,592,000 = $56.133.
#[test]
fn ebs_example_3_io2_tiered_iops() {
    let e = run(
        &plan(
            false,
            ebs("io2", 2000.0, TWELVE_HOURS, json!({"iops": 60000})),
        ),
        &io2_catalog(),
    );
    assert_cents(component(&e, 0, "Storage").monthly_usd, 4.167);
    assert_cents(component(&e, 0, "Provisioned IOPS").monthly_usd, 56.133);
}

/// EBS pricing page, "Example 3 – io2", high-volume note: "IOPS tiering is applied at a
/// volume level. Thus, if you provision 10 io2 volumes 1,000 IOPS for 12 hours … your total
/// IOPS charge will be 10 times that in example 1 ($10.83)".
#[test]
fn ebs_example_3_io2_tiers_apply_per_volume() {
    let count = format!("10 * {TWELVE_HOURS}");
    for mode in [TierMode::Aggregate, TierMode::PerItem] {
        let mut p = plan(false, ebs("io2", 2000.0, &count, json!({"iops": 1000})));
        p.tier_mode = mode;
        let e = run(&p, &io2_catalog());
        assert_cents(component(&e, 0, "Provisioned IOPS").monthly_usd, 10.83);
    }
}

/// EBS pricing page, "Example 4 – EBS Provisioned IOPS SSD (io1) Volumes": 2,000 GB and
/// 1,000 IOPS for 12 hours at $0.125/GB-month and $0.065/IOPS-month → $4.167 + $1.083 = $5.25.
#[test]
fn ebs_example_4_io1() {
    let c = catalog(&[
        (Service::Ebs, "io1", "storage", &flat(0.125)),
        (Service::Ebs, "io1", "iops", &flat(0.065)),
    ]);
    let e = run(
        &plan(
            false,
            ebs("io1", 2000.0, TWELVE_HOURS, json!({"iops": 1000})),
        ),
        &c,
    );
    assert_cents(e.total.monthly_usd, 5.25);
}

/// EBS pricing page, "Example 5 – st1": 2,000 GB for 12 hours at $0.045/GB-month → $1.50.
#[test]
fn ebs_example_5_st1() {
    let c = catalog(&[(Service::Ebs, "st1", "storage", &flat(0.045))]);
    let e = run(
        &plan(false, ebs("st1", 2000.0, TWELVE_HOURS, json!({}))),
        &c,
    );
    assert_cents(e.total.monthly_usd, 1.50);
}

/// EBS pricing page, "Example 6 – sc1": 2,000 GB for 12 hours at $0.015/GB-month → $0.50.
#[test]
fn ebs_example_6_sc1() {
    let c = catalog(&[(Service::Ebs, "sc1", "storage", &flat(0.015))]);
    let e = run(
        &plan(false, ebs("sc1", 2000.0, TWELVE_HOURS, json!({}))),
        &c,
    );
    assert_cents(e.total.monthly_usd, 0.50);
}

/// EBS pricing page, "Example 10 – EBS Snapshots Archive": a 200 GB snapshot temporarily
/// restored to the standard tier for 15 days at $0.05/GB-month → $5 ($0.05 × 200 GB × 15/30).
#[test]
fn ebs_example_10_restored_snapshot_standard_tier() {
    let c = catalog(&[(Service::Ebs, "snapshot", "storage", &flat(0.05))]);
    let p = plan(
        false,
        json!([{"id": "snap", "name": "snap", "resource": {"kind": "ebs", "volume_type": "gp3",
            "size_gb": 0, "volume_count": 0, "snapshot_gb": "200 * 15 / 30"}}]),
    );
    assert_cents(run(&p, &c).total.monthly_usd, 5.00);
}

// ---------------------------------------------------------------------------------------
// NAT gateway — aws.amazon.com/vpc/pricing, "NAT Gateway pricing" example
// ---------------------------------------------------------------------------------------

/// Amazon VPC pricing page, NAT gateway example: "NAT Gateway Hourly Charge: … the rate is
/// $0.045 per hour. NAT Gateway Data Processing Charge: 1 GB data went through the NAT
/// gateway. The Data Processing charge will result in a charge of $0.045." → $0.09 for the
/// hour.
#[test]
fn vpc_pricing_nat_gateway_example() {
    let c = catalog(&[
        (Service::NatGateway, "nat_gateway", "hours", &flat(0.045)),
        (
            Service::NatGateway,
            "nat_gateway",
            "data_processed",
            &flat(0.045),
        ),
    ]);
    let p = plan(
        false,
        json!([{"id": "nat", "name": "nat", "resource": {"kind": "nat_gateway", "count": 1,
            "hours_per_month": 1, "data_processed_gb": 1}}]),
    );
    let e = run(&p, &c);
    assert_cents(component(&e, 0, "NAT gateway hours").monthly_usd, 0.045);
    assert_cents(component(&e, 0, "Data processed").monthly_usd, 0.045);
    assert_cents(e.total.monthly_usd, 0.09);
}

// ---------------------------------------------------------------------------------------
// Elastic Load Balancing — aws.amazon.com/elasticloadbalancing/pricing, ALB example
// ---------------------------------------------------------------------------------------

/// Elastic Load Balancing pricing page, Application Load Balancer example (US East (N.
/// Virginia)), as reproduced with the Mutual TLS trust-store fee in the AWS for SAP blog post
/// on ALB mTLS principal propagation: 1 new connection/s lasting 2 minutes (120 active
/// connections/min), 300 KB/s processed (1.08 GB/h), 10 free rules → LCUs = max(0.04, 0.04,
/// 1.08, 0) = 1.08; $0.0225/h + 1.08 × $0.008 + trust store $0.0056/h = $0.03674/h →
/// "$0.03674 × 24 hours × 30 days = $26.45/month". The trust store fee is not in the
/// catalogue vocabulary, so it is a custom line at the example's figure.
#[test]
fn elb_pricing_alb_lcu_example() {
    let c = catalog(&[
        (Service::Elb, "alb", "hours", &flat(0.0225)),
        (Service::Elb, "alb", "lcu_hours", &flat(0.008)),
    ]);
    let p = plan(
        false,
        json!([
            {"id": "alb", "name": "alb", "resource": {"kind": "load_balancer", "lb_type": "alb",
                "count": 1, "hours_per_month": "24 * 30", "processed_gb": "300 * 3600 / 1000000 * 24 * 30",
                "new_connections_per_sec": 1, "active_connections": 120,
                "rule_evaluations_per_sec": 0}},
            {"id": "trust-store", "name": "mTLS trust store", "resource": {"kind": "custom",
                "monthly_usd": "0.0056 * 24 * 30", "note": "ELB pricing: per trust store-hour"}}
        ]),
    );
    let e = run(&p, &c);
    let lcu = component(&e, 0, "LCU hours");
    assert!((lcu.quantity - 1.08 * 720.0).abs() < 1e-6, "{lcu:?}");
    assert_cents(lcu.monthly_usd, 0.00864 * 720.0);
    assert_cents(e.total.monthly_usd, 26.45);
}

// ---------------------------------------------------------------------------------------
// Amazon DynamoDB — aws.amazon.com/dynamodb/pricing/on-demand, "On-demand example bill"
// ---------------------------------------------------------------------------------------

/// DynamoDB on-demand pricing page example bill: 42,177,000 writes of 1 KB in the month at
/// $1.25 per million write request units → "Write traffic: $52.72"; the table averages 27 GB
/// and "the first 25 GB of storage are included in the AWS Free Tier. The remaining 2 GB of
/// storage are charged at $0.25 per GB, resulting in a table storage cost of $0.50". The
/// example's own storage price is therefore 0–25 GB at $0 and above at $0.25.
#[test]
fn dynamodb_on_demand_example_bill() {
    let c = catalog(&[
        (
            Service::Dynamodb,
            "standard",
            "write_request_units",
            &flat(1.25 / 1e6),
        ),
        (
            Service::Dynamodb,
            "standard",
            "read_request_units",
            &flat(0.25 / 1e6),
        ),
        (
            Service::Dynamodb,
            "standard",
            "storage",
            &[(0.0, Some(25.0), 0.0), (25.0, None, 0.25)],
        ),
    ]);
    let p = plan(
        false,
        json!([{"id": "table", "name": "table", "resource": {"kind": "dynamodb",
            "mode": "on_demand", "write_request_units": 42177000, "read_request_units": 0,
            "storage_gb": 27}}]),
    );
    let e = run(&p, &c);
    assert_cents(component(&e, 0, "Write request units").monthly_usd, 52.72);
    assert_cents(component(&e, 0, "Storage").monthly_usd, 0.50);
}

// ---------------------------------------------------------------------------------------
// Data transfer — the DynamoDB on-demand example bill's "Data transfer" line
// ---------------------------------------------------------------------------------------

/// DynamoDB on-demand pricing page example bill, "Data transfer": replicating to US West
/// (Oregon) sends 41 GB of writes plus 25 GB for the initial replica out of the Region →
/// "You will be charged $5.94 ($0.09 x [41 + 25] GB) for inter-region data transfer".
#[test]
fn data_transfer_inter_region_example() {
    let c = catalog(&[(
        Service::DataTransfer,
        "inter_region:us-west-2",
        "gb",
        &flat(0.09),
    )]);
    let p = plan(
        false,
        json!([{"id": "replication", "name": "replication", "resource": {"kind": "data_transfer",
            "inter_region_gb": {"us-west-2": "41 + 25"}}}]),
    );
    assert_cents(run(&p, &c).total.monthly_usd, 5.94);
}

// ---------------------------------------------------------------------------------------
// Tier modes on a tiered price: S3 Standard storage and internet egress
// ---------------------------------------------------------------------------------------

/// S3 Standard us-east-1 as the S3 pricing page lists it ("First 50 TB / Month $0.023 per GB,
/// Next 450 TB / Month $0.022, Over 500 TB / Month $0.021") and data transfer out ("Up to
/// 100 GB / month free, next 9.999 TB $0.09, next 40 TB $0.085"). Two buckets of 40 TB and
/// 20 TB: billed together (aggregate, as AWS bills an account) 51,200 GB pay $0.023 and
/// 9,440 GB $0.022; priced per item (as the Pricing Calculator shows each entry) both stay in
/// the first tier. The same for egress and its 100 GB free tier.
#[test]
fn tier_modes_differ_on_tiered_s3_and_egress() {
    let c = catalog(&[
        (
            Service::S3,
            "standard",
            "storage",
            &[
                (0.0, Some(51_200.0), 0.023),
                (51_200.0, Some(512_000.0), 0.022),
                (512_000.0, None, 0.021),
            ],
        ),
        (
            Service::DataTransfer,
            "internet_out",
            "gb",
            &[
                (0.0, Some(10_240.0), 0.09),
                (10_240.0, Some(51_200.0), 0.085),
            ],
        ),
    ]);
    let items = json!([
        {"id": "a", "name": "a", "resource": {"kind": "s3", "storage_class": "standard", "storage_gb": 40960}},
        {"id": "b", "name": "b", "resource": {"kind": "s3", "storage_class": "standard", "storage_gb": 20480}},
        {"id": "out-a", "name": "out-a", "resource": {"kind": "data_transfer", "internet_out_gb": 8000}},
        {"id": "out-b", "name": "out-b", "resource": {"kind": "data_transfer", "internet_out_gb": 4000}},
    ]);
    let mut p = plan(true, items);
    let agg = run(&p, &c);
    let s3_agg = agg.items[0].monthly_usd + agg.items[1].monthly_usd;
    assert_cents(s3_agg, 51_200.0 * 0.023 + 10_240.0 * 0.022);
    // egress: 12,000 GB − 100 GB free = 11,900 GB → 10,240 × $0.09 + 1,660 × $0.085
    let dt_agg = agg.items[2].monthly_usd + agg.items[3].monthly_usd;
    assert_cents(dt_agg, 10_240.0 * 0.09 + 1_660.0 * 0.085);
    // shares are pro rata: bucket a holds 2/3 of the storage
    assert_cents(agg.items[0].monthly_usd, s3_agg * 2.0 / 3.0);

    p.tier_mode = TierMode::PerItem;
    let per = run(&p, &c);
    assert_cents(
        per.items[0].monthly_usd + per.items[1].monthly_usd,
        61_440.0 * 0.023,
    );
    // each entry gets its own 100 GB free and stays in the first tier
    assert_cents(
        per.items[2].monthly_usd + per.items[3].monthly_usd,
        (7_900.0 + 3_900.0) * 0.09,
    );
    assert!(per.total.monthly_usd > agg.total.monthly_usd);
}
