//! Engine tests on small catalogues built from real reference prices (figures copied from
//! `shared/reference-prices/*.csv`, cited per test) and on the embedded catalogue.

use super::*;
use crate::catalog::{
    Catalog, OfferingClass, Payment, PriceOption, Rate, Reservation, S3ClassRule, Service,
    SpotAdvice, Term,
};
use crate::plan::*;
use std::collections::BTreeMap;

fn date() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2025, 4, 4).unwrap()
}

#[allow(clippy::too_many_arguments)]
fn rate(
    service: Service,
    product: &str,
    dimension: &str,
    option: PriceOption,
    begin: f64,
    end: Option<f64>,
    usd: f64,
    upfront: f64,
) -> Rate {
    Rate {
        region: "us-east-1".into(),
        service,
        product: product.into(),
        dimension: dimension.into(),
        option,
        unit: "unit".into(),
        tier_begin: begin,
        tier_end: end,
        usd,
        upfront_usd: upfront,
        effective_date: date(),
        source: "reference-prices".into(),
    }
}

fn od(service: Service, product: &str, dimension: &str, usd: f64) -> Rate {
    rate(
        service,
        product,
        dimension,
        PriceOption::OnDemand,
        0.0,
        None,
        usd,
        0.0,
    )
}

const RI_1YR_PU: Reservation = Reservation {
    class: OfferingClass::Standard,
    term: Term::OneYear,
    payment: Payment::PartialUpfront,
};

/// us-east-1 figures from shared/reference-prices: m5.large on-demand $0.096/h
/// (ec2_ondemand_linux.csv); m5.large 1yr standard Partial Upfront $252 + $0.029/h
/// (ec2_reserved_m5large_us-east-1_full_matrix.csv); S3 Standard tiers $0.023/$0.022/$0.021
/// and Standard-IA $0.0125 (s3.csv); internet egress tiers $0.09/$0.085/$0.07/$0.05
/// (data_transfer.csv); Lambda x86 $0.0000002/request, $0.0000166667/GB-s first tier
/// (lambda.csv); c5.large on-demand $0.085/h with Spot Advisor savings (ec2_spot_advisor.csv).
fn catalog() -> Catalog {
    let ec2 = Service::Ec2;
    let mut rates = vec![
        od(ec2, "m5.large", "instance_hours", 0.096),
        rate(
            ec2,
            "m5.large",
            "instance_hours",
            PriceOption::Reserved(RI_1YR_PU),
            0.0,
            None,
            0.029,
            252.0,
        ),
        od(ec2, "c5.large", "instance_hours", 0.085),
        rate(
            Service::S3,
            "standard",
            "storage",
            PriceOption::OnDemand,
            0.0,
            Some(51_200.0),
            0.023,
            0.0,
        ),
        rate(
            Service::S3,
            "standard",
            "storage",
            PriceOption::OnDemand,
            51_200.0,
            Some(512_000.0),
            0.022,
            0.0,
        ),
        rate(
            Service::S3,
            "standard",
            "storage",
            PriceOption::OnDemand,
            512_000.0,
            None,
            0.021,
            0.0,
        ),
        od(Service::S3, "standard_ia", "storage", 0.0125),
        od(Service::Lambda, "x86_64", "requests", 0.0000002),
        rate(
            Service::Lambda,
            "x86_64",
            "duration",
            PriceOption::OnDemand,
            0.0,
            Some(6e9),
            0.0000166667,
            0.0,
        ),
        rate(
            Service::Lambda,
            "x86_64",
            "duration",
            PriceOption::OnDemand,
            6e9,
            Some(15e9),
            0.000015,
            0.0,
        ),
        rate(
            Service::Lambda,
            "x86_64",
            "duration",
            PriceOption::OnDemand,
            15e9,
            None,
            0.0000133334,
            0.0,
        ),
        od(Service::NatGateway, "nat_gateway", "hours", 0.045),
        od(Service::NatGateway, "nat_gateway", "data_processed", 0.045),
    ];
    for (b, e, usd) in [
        (0.0, Some(10_240.0), 0.09),
        (10_240.0, Some(51_200.0), 0.085),
        (51_200.0, Some(153_600.0), 0.07),
        (153_600.0, None, 0.05),
    ] {
        rates.push(rate(
            Service::DataTransfer,
            "internet_out",
            "gb",
            PriceOption::OnDemand,
            b,
            e,
            usd,
            0.0,
        ));
    }
    let spot = vec![SpotAdvice {
        region: "us-east-1".into(),
        instance_type: "c5.large".into(),
        savings_pct: 50.0,
        interruption_band: "<5%".into(),
        effective_date: date(),
        source: "spot-advisor".into(),
    }];
    let rules = vec![S3ClassRule {
        storage_class: "standard_ia".into(),
        min_storage_days: 30,
        min_object_kb: 128.0,
        source: "s3-userguide".into(),
    }];
    Catalog::from_parts("test", rates, vec![], spot, rules, vec![])
}

fn plan(items: Vec<Item>) -> Plan {
    Plan {
        schema_version: SCHEMA_VERSION,
        name: "t".into(),
        description: String::new(),
        default_region: "us-east-1".into(),
        start_month: "2026-01".into(),
        horizon_months: 12,
        free_tier: false,
        tier_mode: TierMode::Aggregate,
        parameters: vec![],
        groups: vec![],
        items,
        growth: vec![],
    }
}

fn item(id: &str, resource: Resource) -> Item {
    Item {
        id: id.into(),
        name: id.into(),
        group: String::new(),
        tags: BTreeMap::new(),
        region: None,
        resource,
    }
}

fn ec2(t: &str, count: Num, purchase: PurchaseOption) -> Resource {
    Resource::Ec2(Ec2Fleet {
        instance_type: t.into(),
        count,
        usage: Usage::default(),
        purchase,
    })
}

fn s3(class: &str, gb: f64) -> S3Storage {
    S3Storage {
        storage_class: class.into(),
        storage_gb: Num::Value(gb),
        object_count: None,
        avg_object_kb: None,
        put_requests: None,
        get_requests: None,
        lifecycle_transitions: None,
        retrieval_gb: None,
        retrieval_tier: None,
        retention_days: None,
        intelligent_tiering: None,
    }
}

fn cents(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

#[test]
fn on_demand_calculation_trail() {
    let p = plan(vec![item(
        "web",
        ec2("m5.large", Num::Value(3.0), PurchaseOption::OnDemand),
    )]);
    let e = estimate(&p, &catalog()).unwrap();
    let c = &e.items[0].components[0];
    assert_eq!(c.calculation, "3 × 730 h × $0.096/h = $210.24");
    assert_eq!(cents(c.monthly_usd), 210.24);
    assert_eq!(c.quantity, 2190.0);
    assert_eq!(cents(e.total.first_12_months_usd), cents(12.0 * 210.24));
}

#[test]
fn reserved_upfront_is_separate_and_spike_above_baseline_is_on_demand() {
    let mut p = plan(vec![item(
        "ri",
        Resource::Ec2(Ec2Fleet {
            instance_type: "m5.large".into(),
            count: Num::Value(0.0),
            usage: Usage::Spike {
                period: SpikePeriod::Daily,
                baseline: Num::Value(2.0),
                peak: Num::Value(5.0),
                peak_hours: Num::Value(6.0),
                days: vec![],
                days_per_month: None,
            },
            purchase: PurchaseOption::Reserved {
                class: OfferingClass::Standard,
                term: Term::OneYear,
                payment: Payment::PartialUpfront,
            },
        }),
    )]);
    p.items[0].tags.insert("env".into(), "prod".into());
    let e = estimate(&p, &catalog()).unwrap();
    let it = &e.items[0];
    assert_eq!(it.components.len(), 2);
    let ri = &it.components[0];
    assert_eq!(ri.upfront_usd, 504.0);
    assert!((ri.monthly_usd - 2.0 * 730.0 * 0.029).abs() < 1e-9);
    assert!(
        ri.calculation
            .text()
            .contains("effective $0.057767/h = $0.029/h + $252.00 upfront / 8,760 h"),
        "{}",
        ri.calculation
    );
    let spike = &it.components[1];
    assert!((spike.quantity - 3.0 * 6.0 * 730.0 / 24.0).abs() < 1e-9);
    assert!((spike.monthly_usd - spike.quantity * 0.096).abs() < 1e-9);
    assert_eq!(e.total.upfront_usd, 504.0);
    let t = e.by_tag["env=prod"];
    assert!((t.first_12_months_usd - (504.0 + 12.0 * it.monthly_usd)).abs() < 1e-6);
}

#[test]
fn spot_falls_back_to_advisor_savings() {
    let p = plan(vec![item(
        "batch",
        ec2("c5.large", Num::Value(2.0), PurchaseOption::Spot),
    )]);
    let e = estimate(&p, &catalog()).unwrap();
    let c = &e.items[0].components[0];
    assert!((c.monthly_usd - 2.0 * 730.0 * 0.085 * 0.5).abs() < 1e-9);
    assert!(c.name.contains("<5%"), "{}", c.name);
    // m5.large has neither a Spot price nor advice in this catalogue: an error, not $0.
    let p = plan(vec![item(
        "b2",
        ec2("m5.large", Num::Value(1.0), PurchaseOption::Spot),
    )]);
    assert!(
        matches!(estimate(&p, &catalog()), Err(CostError::MissingPrice { item, .. }) if item == "b2")
    );
}

#[test]
fn errors_name_item_and_field_and_validate_lists_all() {
    let mut p = plan(vec![
        item(
            "a",
            ec2(
                "m5.large",
                Num::Formula("users * 2".into()),
                PurchaseOption::OnDemand,
            ),
        ),
        item(
            "b",
            ec2("m9.huge", Num::Value(1.0), PurchaseOption::OnDemand),
        ),
        item(
            "c",
            ec2("m5.large", Num::Value(-1.0), PurchaseOption::OnDemand),
        ),
        item(
            "d",
            ec2(
                "m5.large",
                Num::Value(1.0),
                PurchaseOption::SavingsPlan {
                    plan: SavingsPlanKind::Ec2Instance,
                    term: Term::OneYear,
                    payment: Payment::NoUpfront,
                },
            ),
        ),
        item("e", Resource::S3(s3("standard_ia", f64::NAN))),
        item("f", Resource::S3(s3("glacier_ir", 10.0))),
    ]);
    let errs = validate(&p, &catalog());
    let text: Vec<String> = errs.iter().map(|e| e.to_string()).collect();
    assert_eq!(errs.len(), 6, "{text:#?}");
    assert!(
        text[0].contains("item `a`") && text[0].contains("ec2.count") && text[0].contains("users")
    );
    assert!(text[1].contains("item `b`") && text[1].contains("ec2.instance_type"));
    assert!(text[2].contains("item `c`") && text[2].contains("negative"));
    assert!(text[3].contains("item `d`") && text[3].contains("Savings Plan"));
    assert!(text[4].contains("item `e`") && text[4].contains("s3.storage_gb"));
    assert!(matches!(&errs[5], CostError::MissingPrice { item, .. } if item == "f"));
    assert_eq!(estimate(&p, &catalog()).unwrap_err(), errs[0]);
    p.items.truncate(0);
    assert!(validate(&p, &catalog()).is_empty());
}

#[test]
fn tier_modes_aggregate_and_per_item() {
    // 40,000 GB + 20,000 GB of S3 Standard: together they cross the 50 TB tier.
    let items = vec![
        item("a", Resource::S3(s3("standard", 40_000.0))),
        item("b", Resource::S3(s3("standard", 20_000.0))),
    ];
    let mut p = plan(items);
    let agg = estimate(&p, &catalog()).unwrap();
    let want_total = 51_200.0 * 0.023 + 8_800.0 * 0.022;
    assert!((agg.total.monthly_usd - want_total).abs() < 1e-6);
    assert!((agg.items[0].monthly_usd - want_total * 40.0 / 60.0).abs() < 1e-6);
    assert!(
        agg.items[0].components[0]
            .calculation
            .text()
            .contains("us-east-1 total 60,000 GB-mo")
    );
    p.tier_mode = TierMode::PerItem;
    let per = estimate(&p, &catalog()).unwrap();
    assert!((per.total.monthly_usd - 60_000.0 * 0.023).abs() < 1e-6);
}

#[test]
fn free_tier_pools_are_shared_in_aggregate_mode() {
    let dt = |gb: f64| {
        Resource::DataTransfer(DataTransfer {
            internet_out_gb: Num::Value(gb),
            internet_in_gb: Num::Value(0.0),
            inter_az_gb: Num::Value(0.0),
            inter_region_gb: BTreeMap::new(),
        })
    };
    let mut p = plan(vec![item("a", dt(150.0)), item("b", dt(50.0))]);
    assert!((estimate(&p, &catalog()).unwrap().total.monthly_usd - 200.0 * 0.09).abs() < 1e-9);
    p.free_tier = true;
    let e = estimate(&p, &catalog()).unwrap();
    assert!((e.total.monthly_usd - 100.0 * 0.09).abs() < 1e-9);
    assert!((e.items[0].monthly_usd - 75.0 * 0.09).abs() < 1e-9);
    p.tier_mode = TierMode::PerItem;
    let e = estimate(&p, &catalog()).unwrap();
    assert!((e.total.monthly_usd - 50.0 * 0.09).abs() < 1e-9);
}

#[test]
fn s3_minimum_object_size_and_duration() {
    let mut s = s3("standard_ia", 1000.0);
    s.avg_object_kb = Some(Num::Value(64.0));
    s.retention_days = Some(Num::Value(10.0));
    let e = estimate(&plan(vec![item("ia", Resource::S3(s))]), &catalog()).unwrap();
    let c = &e.items[0].components;
    assert_eq!(c.len(), 3);
    // 64 KB average billed as 128 KB: twice the stored GB.
    assert!((c[1].quantity - 1000.0).abs() < 1e-6, "{:?}", c[1]);
    // kept 10 days, 30-day minimum: billed 3× the stored GB-months.
    assert!((c[2].quantity - 2000.0).abs() < 1e-6, "{:?}", c[2]);
    assert!((e.total.monthly_usd - 4000.0 * 0.0125).abs() < 1e-9);
}

#[test]
fn subtotals_by_group_service_region() {
    let mut a = item(
        "a",
        ec2("m5.large", Num::Value(1.0), PurchaseOption::OnDemand),
    );
    a.group = "web".into();
    let b = item("b", Resource::S3(s3("standard", 100.0)));
    let e = estimate(&plan(vec![a, b]), &catalog()).unwrap();
    assert!((e.by_group["web"].monthly_usd - 70.08).abs() < 1e-9);
    assert!((e.by_group[""].monthly_usd - 2.3).abs() < 1e-9);
    assert!((e.by_service[&Service::S3].monthly_usd - 2.3).abs() < 1e-9);
    assert!((e.by_region["us-east-1"].monthly_usd - 72.38).abs() < 1e-9);
}

#[test]
fn embedded_catalogue_prices_every_service() {
    let cat = crate::catalog::load::embedded();
    let p = plan(vec![
        item(
            "web",
            ec2("m5.large", Num::Value(3.0), PurchaseOption::OnDemand),
        ),
        item(
            "fn",
            Resource::Lambda(LambdaFunction {
                requests_per_month: Num::Value(3e6),
                duration_ms: Num::Value(1000.0),
                memory_mb: Num::Value(512.0),
                architecture: crate::catalog::Arch::X86_64,
                ephemeral_storage_mb: None,
            }),
        ),
        item(
            "nat",
            Resource::NatGateway(NatGateway {
                count: Num::Value(1.0),
                hours_per_month: Num::Value(730.0),
                data_processed_gb: Num::Value(100.0),
            }),
        ),
        item("s3", Resource::S3(s3("standard", 1000.0))),
    ]);
    let e = estimate(&p, cat).unwrap();
    assert_eq!(
        e.items[0].components[0].calculation,
        "3 × 730 h × $0.096/h = $210.24"
    );
    // us-east-1 NAT gateway $0.045/h and $0.045/GB (reference-prices/nat_gateway.csv).
    assert!((e.items[2].monthly_usd - (730.0 * 0.045 + 100.0 * 0.045)).abs() < 1e-9);
    assert!((e.items[3].monthly_usd - 23.0).abs() < 1e-9);
    assert!(e.catalog.effective_from <= e.catalog.effective_to);
}
