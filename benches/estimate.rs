//! Speed of the cost engine: a generated 10,000-item plan (a mix of every service, some
//! formula fields, three regions) estimated with the embedded catalogue. Target ≤ 5 ms.
//!
//! What a user waits for (group `open`): the same plan with 100 hourly Auto Scaling groups over
//! 36 months opened in the app (`ui::state::Document::new`: the first full estimate, every group
//! simulated) — target ≤ 100 ms — and one cell edited (`Document::edit`: the undo copy and the
//! updated estimate, the document's `SimCache` holding the unchanged groups) — one item, or one
//! group (simulated again) — target ≤ 16 ms, one frame at 60 Hz.
//!
//! Run with `cargo bench --bench estimate`.

use cloudplan::catalog::load::embedded;
use cloudplan::catalog::{Arch, OfferingClass, Payment, Term};
#[path = "common.rs"]
mod common;

use cloudplan::cost::estimate;
use cloudplan::plan::*;
use cloudplan::ui::state::Document;
use criterion::{Criterion, criterion_group, criterion_main};
use std::collections::BTreeMap;
use std::hint::black_box;

const REGIONS: [&str; 3] = ["us-east-1", "eu-west-1", "ap-northeast-2"];
const TYPES: [&str; 6] = [
    "m5.large",
    "c5.xlarge",
    "r5.large",
    "t3.medium",
    "m6i.large",
    "c6i.large",
];

fn resource(i: usize) -> Resource {
    let f = (i % 97) as f64;
    match i % 12 {
        0 => Resource::Ec2(Ec2Fleet {
            instance_type: TYPES[i % TYPES.len()].into(),
            count: Num::Value(1.0 + f % 7.0),
            usage: Usage::default(),
            purchase: PurchaseOption::OnDemand,
        }),
        1 => Resource::Ec2(Ec2Fleet {
            instance_type: TYPES[i % TYPES.len()].into(),
            count: Num::Value(0.0),
            usage: Usage::Spike {
                period: SpikePeriod::Daily,
                baseline: Num::Value(2.0),
                peak: Num::Value(4.0 + f % 3.0),
                peak_hours: Num::Value(8.0),
                days: vec![],
                days_per_month: None,
            },
            purchase: PurchaseOption::Reserved {
                class: OfferingClass::Standard,
                term: Term::OneYear,
                payment: Payment::NoUpfront,
            },
        }),
        2 => Resource::Ec2(Ec2Fleet {
            instance_type: TYPES[i % TYPES.len()].into(),
            count: Num::Formula("users / 500".into()),
            usage: Usage::default(),
            purchase: PurchaseOption::Spot,
        }),
        3 => Resource::Ebs(EbsVolumes {
            volume_type: EbsVolumeType::Gp3,
            size_gb: Num::Value(100.0 + f),
            volume_count: Num::Value(2.0),
            iops: Some(Num::Value(4000.0)),
            throughput_mibps: Some(Num::Value(200.0)),
            snapshot_gb: Some(Num::Value(50.0)),
        }),
        4 => Resource::S3(S3Storage {
            storage_class: if i % 24 == 4 {
                "standard"
            } else {
                "standard_ia"
            }
            .into(),
            storage_gb: Num::Value(1000.0 * (1.0 + f)),
            object_count: None,
            avg_object_kb: Some(Num::Value(256.0)),
            put_requests: Some(Num::Value(1e6)),
            get_requests: Some(Num::Value(1e7)),
            lifecycle_transitions: None,
            retrieval_gb: None,
            retrieval_tier: None,
            retention_days: None,
            intelligent_tiering: None,
        }),
        5 => Resource::DataTransfer(DataTransfer {
            internet_out_gb: Num::Value(500.0 + f),
            internet_in_gb: Num::Value(0.0),
            inter_az_gb: Num::Value(100.0),
            inter_region_gb: BTreeMap::new(),
        }),
        6 => Resource::Lambda(LambdaFunction {
            requests_per_month: Num::Value(1e6 * (1.0 + f)),
            duration_ms: Num::Value(120.0),
            memory_mb: Num::Value(512.0),
            architecture: if i.is_multiple_of(2) {
                Arch::X86_64
            } else {
                Arch::Arm64
            },
            ephemeral_storage_mb: None,
        }),
        7 => Resource::Rds(RdsDatabase {
            engine: RdsEngine::Postgresql,
            instance_class: "db.m5.large".into(),
            multi_az: i.is_multiple_of(2),
            count: Num::Value(1.0),
            hours_per_month: Num::Value(730.0),
            storage_type: RdsStorageType::Gp3,
            storage_gb: Num::Value(200.0),
            iops: None,
            throughput_mibps: None,
            backup_gb: Some(Num::Value(20.0)),
            purchase: PurchaseOption::OnDemand,
        }),
        8 => Resource::Dynamodb(DynamodbTable {
            mode: DynamodbMode::OnDemand,
            table_class: "standard".into(),
            write_request_units: Some(Num::Value(1e6)),
            read_request_units: Some(Num::Value(4e6)),
            write_capacity_units: None,
            read_capacity_units: None,
            storage_gb: Num::Value(10.0 + f),
        }),
        9 => Resource::NatGateway(NatGateway {
            count: Num::Value(2.0),
            hours_per_month: Num::Value(730.0),
            data_processed_gb: Num::Value(300.0 + f),
        }),
        10 => Resource::LoadBalancer(LoadBalancer {
            lb_type: LoadBalancerType::Alb,
            count: Num::Value(1.0),
            hours_per_month: Num::Value(730.0),
            processed_gb: Num::Value(500.0 + f),
            new_connections_per_sec: Num::Value(20.0),
            active_connections: Num::Value(2000.0),
            rule_evaluations_per_sec: Num::Value(0.0),
        }),
        _ => Resource::PublicIpv4(PublicIpv4 {
            in_use: Num::Value(2.0),
            idle: Num::Value(0.0),
            hours_per_month: Num::Value(730.0),
        }),
    }
}

fn generated_plan(n: usize) -> Plan {
    let items = (0..n)
        .map(|i| Item {
            id: format!("item-{i}"),
            name: format!("Item {i}"),
            group: String::new(),
            tags: BTreeMap::from([("team".to_string(), format!("t{}", i % 5))]),
            region: Some(REGIONS[i % 3].to_string()),
            resource: resource(i),
        })
        .collect();
    Plan {
        schema_version: SCHEMA_VERSION,
        name: "bench".into(),
        description: String::new(),
        default_region: "us-east-1".into(),
        start_month: "2026-01".into(),
        horizon_months: 12,
        free_tier: true,
        tier_mode: TierMode::Aggregate,
        parameters: vec![Parameter {
            name: "users".into(),
            value: Num::Value(2000.0),
            description: String::new(),
        }],
        groups: vec![],
        items,
        growth: vec![],
    }
}

fn bench(c: &mut Criterion) {
    let catalog = embedded();
    let plan = generated_plan(10_000);
    // Fail loudly (not silently fast) if the generated plan does not price.
    let e = estimate(&plan, catalog).expect("generated plan prices");
    assert_eq!(e.items.len(), 10_000);
    // The Estimate owns ~33,000 strings; dropping it is the caller's business, so the main
    // figures time `estimate` alone (`iter_with_large_drop` drops results outside the timing).
    c.bench_function("estimate 10,000 items (aggregate tiers)", |b| {
        b.iter_with_large_drop(|| estimate(black_box(&plan), black_box(catalog)))
    });
    let mut per = plan.clone();
    per.tier_mode = TierMode::PerItem;
    c.bench_function("estimate 10,000 items (per-item tiers)", |b| {
        b.iter_with_large_drop(|| estimate(black_box(&per), black_box(catalog)))
    });
    c.bench_function(
        "estimate 10,000 items (aggregate tiers, including drop)",
        |b| b.iter(|| estimate(black_box(&plan), black_box(catalog))),
    );
}

/// [`generated_plan`] with 100 Auto Scaling groups (the `autoscaling-web` sample's group with
/// another seed and demand level each, hourly steps, 36 months) added.
fn plan_with_groups(n: usize, groups: usize) -> Plan {
    let mut plan = generated_plan(n);
    let sample = file::sample("autoscaling-web").expect("embedded sample");
    let Resource::ScalingGroup(base) = &sample.items[0].resource else {
        panic!("the sample's first item is the group")
    };
    for i in 0..groups {
        let mut g = base.clone();
        g.simulation.months = 36;
        g.simulation.step_minutes = 60;
        g.simulation.seed = i as u64;
        if let cloudplan::scaling::demand::DemandSpec::Profile(p) = &mut g.demand {
            p.base = 800.0 + 40.0 * i as f64;
        }
        g.max = 60;
        plan.items.push(Item {
            id: format!("asg-{i}"),
            name: format!("Group {i}"),
            group: String::new(),
            tags: BTreeMap::new(),
            region: Some("us-east-1".into()),
            resource: Resource::ScalingGroup(g),
        });
    }
    plan
}

fn open_and_edit(c: &mut Criterion) {
    let catalog = embedded();
    let plan = plan_with_groups(10_000, 100);
    let doc = Document::new(plan.clone(), None, catalog);
    let e = doc
        .priced
        .estimate
        .as_ref()
        .expect("the plan with groups prices");
    assert_eq!(e.items.len(), 10_100, "{:?}", doc.priced.messages);
    let mut g = c.benchmark_group("open");
    g.sample_size(10);
    g.bench_function(
        "first estimate: 10,000 items + 100 groups x 36 months @ 1 h",
        |b| {
            b.iter_batched(
                || plan.clone(),
                |p| Document::new(p, None, catalog),
                criterion::BatchSize::LargeInput,
            )
        },
    );
    let mut doc = doc;
    let mut n = 0u64;
    g.bench_function("edit one item: 10,000 items + 100 groups", |b| {
        b.iter(|| {
            n += 1;
            doc.edit(catalog, |p| {
                if let Resource::Ebs(v) = &mut p.items[3].resource {
                    v.size_gb = Num::Value(100.0 + (n % 1000) as f64);
                }
            });
            assert!(doc.priced.estimate.is_some());
        })
    });
    g.bench_function("edit one group: 10,000 items + 100 groups", |b| {
        b.iter(|| {
            n += 1;
            doc.edit(catalog, |p| {
                if let Resource::ScalingGroup(g) = &mut p.items[10_050].resource {
                    g.simulation.seed = 1_000_000 + n;
                }
            });
            assert!(doc.priced.estimate.is_some());
        })
    });
    g.finish();
}

criterion_group!(benches, bench, open_and_edit);
criterion_main!(benches);
