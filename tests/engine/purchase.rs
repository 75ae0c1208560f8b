//! Purchase-option comparison and the commitment optimiser, checked against worked figures AWS
//! publishes (each test cites its source), against real catalogue prices (pricing-data/, with
//! their sources), and against brute force on random hourly usage (proptest).

use chrono::NaiveDate;
use cloudplan::catalog::{
    Catalog, OfferingClass, Payment, PriceOption, Rate, Reservation, Service, Source, Term, load,
};
use cloudplan::plan::{Plan, file::from_json_str};
use cloudplan::purchase::optimise::{
    SpBucket, application_order, reserved_count, reserved_total, savings_plan, sp_hour_cost,
    sp_total,
};
use cloudplan::purchase::{Choice, Settings, compare_item, compare_plan};
use proptest::prelude::*;

fn plan_json(items: &str, horizon: u32) -> Plan {
    let text = format!(
        r#"{{"schema_version": 1, "name": "test", "default_region": "us-east-1",
            "start_month": "2027-01", "horizon_months": {horizon}, "items": [{items}]}}"#
    );
    from_json_str(&text, "test").expect("valid plan")
}

fn ec2_item(id: &str, t: &str, count: f64, hours: f64) -> String {
    format!(
        r#"{{"id": "{id}", "name": "{id}", "resource": {{"kind": "ec2", "instance_type": "{t}",
             "count": {count}, "usage": {{"pattern": "constant", "hours_per_month": {hours}}}}}}}"#
    )
}

fn settings(h: u32) -> Settings {
    Settings {
        horizon_months: h,
        spot_overhead_pct: 0.0,
    }
}

fn ri(class: OfferingClass, term: Term, payment: Payment) -> Choice {
    Choice::Reserved(Reservation {
        class,
        term,
        payment,
    })
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// A one-instance-type catalogue holding a worked example's own unit prices, sourced to the
/// AWS page the example is on (the example's figures, not catalogue prices).
fn example_catalog(od: f64, reserved: &[(Reservation, f64, f64)], url: &str) -> Catalog {
    let date = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
    let rate = |option, usd, upfront| Rate {
        region: "us-east-1".into(),
        service: Service::Ec2,
        product: "m5.large".into(),
        dimension: "instance_hours".into(),
        option,
        unit: "Hrs".into(),
        tier_begin: 0.0,
        tier_end: None,
        usd,
        upfront_usd: upfront,
        effective_date: date,
        source: "aws-example".into(),
    };
    let mut rates = vec![rate(PriceOption::OnDemand, od, 0.0)];
    for (r, hourly, upfront) in reserved {
        rates.push(rate(PriceOption::Reserved(*r), *hourly, *upfront));
    }
    Catalog::from_parts(
        "worked example",
        rates,
        vec![],
        vec![],
        vec![],
        vec![Source {
            id: "aws-example".into(),
            description: "worked example".into(),
            url: url.into(),
            effective_date: "undated".into(),
            published: None,
        }],
    )
}

// Source: AWS Data Exports user guide, "Understanding your amortized reservation data"
// (https://docs.aws.amazon.com/cur/latest/userguide/amortized-reservation.html): "if you pay
// $365 for an All Upfront RI for one year and you have a matching instance that uses that RI,
// that instance costs you $1 a day, amortized." The example's own prices: $365 upfront, $0/h.
// Its On-Demand rate is not given, so the catalogue's m5.large figure ($0.096/h) stands in for
// the break-even only.
#[test]
fn all_upfront_365_dollars_amortises_to_one_dollar_a_day() {
    let r = Reservation {
        class: OfferingClass::Standard,
        term: Term::OneYear,
        payment: Payment::AllUpfront,
    };
    let cat = example_catalog(
        0.096,
        &[(r, 0.0, 365.0)],
        "https://docs.aws.amazon.com/cur/latest/userguide/amortized-reservation.html",
    );
    let plan = plan_json(&ec2_item("one", "m5.large", 1.0, 730.0), 12);
    let c = compare_item(&plan, &cat, "one", settings(12)).unwrap();
    let o = c.option(Choice::Reserved(r)).unwrap();
    assert!(o.is_available());
    // $365 / 8,760 h × 24 h = $1.00 a day.
    let cat_rate = cat.tiers(
        "us-east-1",
        Service::Ec2,
        "m5.large",
        "instance_hours",
        PriceOption::Reserved(r),
    )[0];
    let eff = cat_rate.usd + cat_rate.upfront_usd / Term::OneYear.hours();
    assert!(close(eff * 24.0, 1.0), "{}", eff * 24.0);
    // Amortised per month: $365 / 12.
    assert!(close(o.effective_monthly_usd, 365.0 / 12.0));
    // Cash: all of it in month 1, nothing after — but never a $0 option.
    assert!(close(o.cash_flow[0], 365.0));
    assert!(o.cash_flow[1..].iter().all(|v| *v == 0.0));
    assert!(o.total_usd > 0.0 && o.upfront_usd > 0.0);
    // Break-even utilisation: effective rate / On-Demand rate.
    assert!(close(
        o.break_even_utilisation_pct.unwrap(),
        eff / 0.096 * 100.0
    ));
}

// Source: AWS EC2 Reserved Instance pricing page
// (https://aws.amazon.com/ec2/pricing/reserved-instances/pricing/: "you pay for the entire term
// regardless of actual usage") and the upfront/hourly figures of m5.large us-east-1 in the AWS
// Price List GetProducts response (pricing-data source `instance-selector-m5large`): standard
// 1yr All Upfront $494, Partial Upfront $252 + $0.029/h, 3yr All Upfront $949; On-Demand
// $0.096/h (`ec2shop-ondemand`). Effective rate = hourly + upfront / term hours.
#[test]
fn m5_large_effective_rates_and_break_even_from_catalogue_prices() {
    let cat = load::embedded();
    let plan = plan_json(&ec2_item("web", "m5.large", 2.0, 730.0), 36);
    let c = compare_item(&plan, cat, "web", settings(36)).unwrap();
    let get = |ch: Choice| c.option(ch).unwrap();
    let od = get(Choice::OnDemand);
    assert!(close(od.recurring_monthly_usd, 2.0 * 730.0 * 0.096));

    let au = get(ri(
        OfferingClass::Standard,
        Term::OneYear,
        Payment::AllUpfront,
    ));
    assert!(au.is_available());
    assert_eq!(au.recurring_monthly_usd, 0.0);
    assert!(close(au.upfront_usd, 2.0 * 494.0));
    assert!(close(au.effective_monthly_usd, 2.0 * 494.0 / 12.0));
    assert!(close(
        au.break_even_utilisation_pct.unwrap(),
        (494.0 / 8760.0) / 0.096 * 100.0
    ));
    // Renewed in months 13 and 25 over a 36-month horizon.
    assert!(
        close(au.cash_flow[0], 988.0)
            && close(au.cash_flow[12], 988.0)
            && close(au.cash_flow[24], 988.0)
    );
    assert!(close(au.total_usd, 3.0 * 988.0));
    // Break-even: first month with cumulative On-Demand ≥ $988: 988 / 140.16 = 7.05 → month 8.
    assert_eq!(au.break_even_month, Some(8));

    let pu = get(ri(
        OfferingClass::Standard,
        Term::OneYear,
        Payment::PartialUpfront,
    ));
    assert!(close(pu.recurring_monthly_usd, 2.0 * 730.0 * 0.029));
    assert!(close(
        pu.effective_monthly_usd,
        2.0 * 730.0 * 0.029 + 2.0 * 252.0 / 12.0
    ));

    // 3yr All Upfront over a 12-month horizon: all paid in month 1; nothing recurring is owed
    // after (the fee was upfront), and it does not break even within 12 months at 2 × $70.08.
    let c12 = compare_item(&plan, cat, "web", settings(12)).unwrap();
    let au3 = c12
        .option(ri(
            OfferingClass::Standard,
            Term::ThreeYears,
            Payment::AllUpfront,
        ))
        .unwrap();
    assert!(close(au3.total_usd, 2.0 * 949.0));
    assert_eq!(au3.break_even_month, None);
    assert_eq!(au3.committed_after_horizon_usd, 0.0);
    // 3yr No Upfront over 12 months: 24 more months of the fee are still owed.
    let nu3 = c12
        .option(ri(
            OfferingClass::Standard,
            Term::ThreeYears,
            Payment::NoUpfront,
        ))
        .unwrap();
    assert!(close(
        nu3.committed_after_horizon_usd,
        24.0 * 2.0 * 730.0 * 0.041
    ));
}

// An All Upfront RI never shows as $0: its cost is in the upfront fee and the effective rate,
// for every instance type in every region where the catalogue has one (rule: AWS RI pricing
// page, https://aws.amazon.com/ec2/pricing/reserved-instances/pricing/).
#[test]
fn all_upfront_is_never_zero() {
    let cat = load::embedded();
    let plan = plan_json(&ec2_item("web", "m5.large", 1.0, 730.0), 12);
    let c = compare_item(&plan, cat, "web", settings(12)).unwrap();
    for o in c.options.iter().filter(|o| o.is_available()) {
        assert!(o.total_usd > 0.0, "{}", o.label);
        assert!(o.effective_monthly_usd > 0.0, "{}", o.label);
        if let Choice::Reserved(r) = o.choice
            && r.payment == Payment::AllUpfront
        {
            assert!(o.upfront_usd > 0.0 && o.recurring_monthly_usd == 0.0);
            assert!(o.calculation[0].contains("upfront"), "{:?}", o.calculation);
        }
    }
}

// Options the catalogue lacks are unavailable with the reason, never $0 (reference-prices
// extended README: no EC2 Instance Savings Plans rates anywhere; base README gap 1:
// Partial/All Upfront RIs only for m5.large).
#[test]
fn missing_rates_are_unavailable_with_a_reason() {
    let cat = load::embedded();
    let plan = plan_json(&ec2_item("api", "c6i.large", 3.0, 730.0), 12);
    let c = compare_item(&plan, cat, "api", settings(12)).unwrap();
    let sp = c
        .options
        .iter()
        .find(|o| {
            matches!(
                o.choice,
                Choice::SavingsPlan {
                    kind: cloudplan::plan::SavingsPlanKind::Ec2Instance,
                    ..
                }
            )
        })
        .unwrap();
    assert_eq!(
        sp.unavailable.as_deref(),
        Some(
            "the catalogue has no EC2 Instance Savings Plan 1yr No Upfront rate for us-east-1/c6i.large (unavailable: no public copy of EC2 Instance Savings Plans rates exists; import an AWS Savings Plans offer file)"
        )
    );
    assert!(sp.cash_flow.is_empty());
    let au = c
        .option(ri(
            OfferingClass::Standard,
            Term::OneYear,
            Payment::AllUpfront,
        ))
        .unwrap();
    assert!(
        au.unavailable
            .as_deref()
            .unwrap()
            .contains("no Reserved standard 1yr All Upfront rate")
    );
    // Ranking and "best" skip unavailable options.
    assert!(c.ranked().iter().all(|o| o.is_available()));
    let best = c.best().unwrap();
    assert!(best.total_usd > 0.0);
    assert_eq!(c.options.len(), 26);
}

// Spot: catalogue price with the advisor band and the re-run overhead. m5.large us-east-1 Spot
// $0.0418/h (`spotinfo-spot-price`), advisor band 15-20% (`spotinfo-spot-advisor-data`).
// Rule: AWS Spot Instance Advisor (https://aws.amazon.com/ec2/spot/instance-advisor/) gives the
// frequency-of-interruption band beside the savings.
#[test]
fn spot_applies_overhead_and_shows_the_band() {
    let cat = load::embedded();
    let plan = plan_json(&ec2_item("batch", "m5.large", 4.0, 365.0), 12);
    let mut s = settings(12);
    s.spot_overhead_pct = 10.0;
    let c = compare_item(&plan, cat, "batch", s).unwrap();
    let spot = c.option(Choice::Spot).unwrap();
    assert!(close(
        spot.recurring_monthly_usd,
        4.0 * 365.0 * 1.1 * 0.0418
    ));
    assert_eq!(spot.interruption_band.as_deref(), Some("15-20%"));
    // A commitment at 50% use: break-even utilisation is shown and the RI is paid in full.
    let nu = c
        .option(ri(
            OfferingClass::Standard,
            Term::OneYear,
            Payment::NoUpfront,
        ))
        .unwrap();
    assert!(close(nu.recurring_monthly_usd, 4.0 * 730.0 * 0.06));
    assert!(close(nu.utilisation_pct.unwrap(), 50.0));
    assert!(close(
        nu.break_even_utilisation_pct.unwrap(),
        0.06 / 0.096 * 100.0
    ));
    // 62.5% break-even > 50% use: dearer than On-Demand, never breaks even.
    assert!(nu.saving_usd < 0.0);
    assert_eq!(nu.break_even_month, None);
}

#[test]
fn whole_plan_sums_items_and_names_the_item_lacking_a_rate() {
    let cat = load::embedded();
    let items = format!(
        "{},{}",
        ec2_item("a", "m5.large", 2.0, 730.0),
        ec2_item("b", "c6i.large", 1.0, 730.0)
    );
    let plan = plan_json(&items, 24);
    let c = compare_plan(&plan, cat, settings(24)).unwrap();
    let a = compare_item(&plan, cat, "a", settings(24)).unwrap();
    let b = compare_item(&plan, cat, "b", settings(24)).unwrap();
    for (i, o) in c.options.iter().enumerate() {
        if o.is_available() {
            assert!(
                close(o.total_usd, a.options[i].total_usd + b.options[i].total_usd),
                "{}",
                o.label
            );
        }
    }
    let au = c
        .option(ri(
            OfferingClass::Standard,
            Term::OneYear,
            Payment::AllUpfront,
        ))
        .unwrap();
    assert!(
        au.unavailable.as_deref().unwrap().starts_with("b: "),
        "{:?}",
        au.unavailable
    );
}

#[test]
fn bad_input_names_the_item_and_field() {
    let cat = load::embedded();
    let plan = plan_json(&ec2_item("web", "m5.large", 2.0, 730.0), 12);
    let e = compare_item(&plan, cat, "nope", settings(12)).unwrap_err();
    assert!(e.to_string().contains("`nope`"));
    let e = compare_item(&plan, cat, "web", settings(0)).unwrap_err();
    assert!(e.to_string().contains("horizon"), "{e}");
    let mut s = settings(12);
    s.spot_overhead_pct = f64::NAN;
    assert!(
        compare_item(&plan, cat, "web", s)
            .unwrap_err()
            .to_string()
            .contains("overhead")
    );
    let bad = plan_json(&ec2_item("web", "m5.large", 2.0, 740.0), 12);
    let e = compare_plan(&bad, cat, settings(12)).unwrap_err();
    assert!(
        e.to_string()
            .contains("item `web`: field `ec2.usage.hours_per_month`"),
        "{e}"
    );
}

// Source: Amazon EC2 Reserved Instances whitepaper, "Usage billing"
// (https://docs.aws.amazon.com/whitepapers/latest/cost-optimization-reservation-models/usage-billing.html):
// "if you purchase one m4.xlarge Reserved Instance and run four m4.xlarge instances
// concurrently for one hour, one instance is charged at one hour of Reserved Instance usage
// and the other three instances are charged at three hours of On-Demand Instance usage."
// The example gives no prices; the catalogue's m5.large figures are used.
#[test]
fn one_ri_four_instances_is_one_reserved_hour_and_three_on_demand() {
    let (od, eff) = (0.096, 0.06);
    assert!(close(reserved_total(&[4.0], 1.0, od, eff), eff + 3.0 * od));
}

// Source: Savings Plans user guide, "Understanding how Savings Plans apply to your AWS usage"
// (https://docs.aws.amazon.com/savingsplans/latest/userguide/sp-applying.html), example with
// its own illustrative rates: c5.9xlarge Linux On-Demand $4.00 / Compute SP $2.00 (50%),
// c5.24xlarge Windows $10.00 / $8.00 (20%), Fargate vCPU $1.50 / $1.00 (33.3%, 10 vCPU),
// Fargate GB $2.00 / $1.00 (50%, 5 GB). Scenario 1: a $25.00/hour commitment covers all of the
// usage and "You will pay $25.00 in that hour".
fn sp_doc_buckets() -> Vec<SpBucket> {
    let b = |label: &str, od: f64, sp: f64| SpBucket {
        label: label.into(),
        on_demand_rate: od,
        sp_rate: sp,
        usage: vec![],
    };
    vec![
        b("c5.9xlarge Linux", 4.0, 2.0),
        b("c5.24xlarge Windows", 10.0, 8.0),
        b("Fargate vCPU", 1.5, 1.0),
        b("Fargate GB", 2.0, 1.0),
    ]
}

#[test]
fn savings_plan_doc_scenario_one_pays_the_commitment() {
    let buckets = sp_doc_buckets();
    let q = [1.0, 1.0, 10.0, 5.0];
    let order = application_order(&buckets);
    assert!(close(sp_hour_cost(25.0, &buckets, &q, &order), 25.0));
    // Order by the documented rule: highest savings first, ties to the lower SP rate —
    // Fargate GB (50%, $1) before c5.9xlarge (50%, $2), then Fargate vCPU (33%), then Windows.
    assert_eq!(order, vec![3, 0, 2, 1]);
    // With no commitment everything is On-Demand: 4 + 10 + 15 + 10 = $39.
    assert!(close(sp_hour_cost(0.0, &buckets, &q, &order), 39.0));
}

// Source: AWS re:Post answer on how a Compute Savings Plan is applied
// (https://repost.aws/questions/QUQcDw3VtoS5yxVxXvrPJExQ/how-compute-saving-plan-going-to-be-adjusted,
// pointing to sp-applying.html#scenario-2): 4 instances at On-Demand $5, Savings Plans rate $4,
// a $13/hour commitment "covers 3.25 units ($13/$4), and the remaining 0.75 unit will be
// charged at On-Demand rate $5": $13 + 0.75 × $5 = $16.75 in the hour.
#[test]
fn savings_plan_partial_cover_charges_the_rest_on_demand() {
    let buckets = vec![SpBucket {
        label: "instance".into(),
        on_demand_rate: 5.0,
        sp_rate: 4.0,
        usage: vec![4.0],
    }];
    assert!(close(sp_total(13.0, &buckets), 13.0 + 0.75 * 5.0));
    // The optimiser's answer for one steady hour: commit exactly the usage at SP rates ($16).
    let c = savings_plan(&buckets, 8);
    assert!(close(c.best.level, 16.0));
    assert!(close(c.best.total_usd, 16.0));
    assert!(close(c.on_demand_usd, 20.0));
}

#[test]
fn item_optimiser_curve_marks_the_cheapest_count() {
    // Daily spike: 2 always on, 6 for 8 hours a day; m5.large catalogue prices.
    let cat = load::embedded();
    let item = r#"{"id": "web", "name": "web", "resource": {"kind": "ec2", "instance_type": "m5.large",
        "count": 0, "usage": {"pattern": "spike", "period": "daily", "baseline": 2, "peak": 6, "peak_hours": 8}}}"#;
    let plan = plan_json(item, 12);
    let c = compare_item(&plan, cat, "web", settings(12)).unwrap();
    let opt = &c.optimiser[0];
    assert_eq!(opt.curve.points.len(), 7);
    let min = opt
        .curve
        .points
        .iter()
        .map(|p| p.total_usd)
        .fold(f64::INFINITY, f64::min);
    assert!(close(opt.curve.best.total_usd, min));
    // Spikes run 8 of 24 h (33%): below the ~36% break-even of the cheapest RI, so the
    // optimum reserves the always-on baseline only.
    assert_eq!(opt.curve.best.level, 2.0);
    // us-east-1 m5.large has Compute Savings Plans rates: the commitment is optimised too.
    assert!(opt.savings_plan.is_some());
    assert!(opt.savings_plan_unavailable.is_none());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    // The RI optimiser equals brute force over every count, with the m5.large On-Demand and
    // effective rates of every RI offering in the catalogue.
    #[test]
    fn reserved_optimum_equals_brute_force(usage in prop::collection::vec(0u32..12, 1..300), frac in 0.0f64..1.0) {
        let cat = load::embedded();
        let usage: Vec<f64> = usage.iter().map(|u| *u as f64 * (1.0 - 0.5 * frac)).collect();
        let od = 0.096;
        for r in cat.rates_in("us-east-1").iter().filter(|r| r.product == "m5.large") {
            if let PriceOption::Reserved(res) = r.option {
                let eff = r.usd + r.upfront_usd / res.term.hours();
                let c = reserved_count(&usage, od, eff);
                let peak = usage.iter().cloned().fold(0.0, f64::max).ceil() as usize;
                let brute = (0..=peak)
                    .map(|k| reserved_total(&usage, k as f64, od, eff))
                    .fold(f64::INFINITY, f64::min);
                prop_assert!(close(c.best.total_usd, brute), "{} vs {}", c.best.total_usd, brute);
            }
        }
    }

    // The Savings Plan optimiser equals brute force: the total is piecewise linear and convex in
    // the commitment, so its minimum is at 0 or at a breakpoint (an hour's cumulative spend at
    // SP rates); evaluate every one. Rates: the sp-applying.html example above.
    #[test]
    fn savings_plan_optimum_equals_brute_force(
        hours in prop::collection::vec(prop::collection::vec(0u32..6, 4), 1..40)
    ) {
        let mut buckets = sp_doc_buckets();
        for (i, b) in buckets.iter_mut().enumerate() {
            b.usage = hours.iter().map(|h| h[i] as f64).collect();
        }
        let order = application_order(&buckets);
        let mut candidates = vec![0.0];
        for h in 0..hours.len() {
            let mut cum = 0.0;
            for &i in &order {
                cum += buckets[i].usage[h] * buckets[i].sp_rate;
                candidates.push(cum);
            }
        }
        let brute = candidates
            .iter()
            .map(|c| sp_total(*c, &buckets))
            .fold(f64::INFINITY, f64::min);
        let c = savings_plan(&buckets, 20);
        prop_assert!(close(c.best.total_usd, brute), "{} vs {}", c.best.total_usd, brute);
        prop_assert!(c.points.iter().all(|p| p.total_usd >= c.best.total_usd - 1e-9));
    }
}

#[test]
fn whole_plan_best_per_item_takes_each_items_cheapest_option() {
    let cat = load::embedded();
    let items = format!(
        "{},{}",
        ec2_item("a", "m5.large", 2.0, 730.0),
        ec2_item("b", "c6i.large", 1.0, 730.0)
    );
    let plan = plan_json(&items, 36);
    let c = compare_plan(&plan, cat, settings(36)).unwrap();
    let mix = c.best_per_item.as_ref().unwrap();
    let mut sum = 0.0;
    for (id, part) in ["a", "b"].iter().zip(&mix.parts) {
        let one = compare_item(&plan, cat, id, settings(36)).unwrap();
        let best = one.best().unwrap();
        assert_eq!(part.choice, best.choice);
        assert!(close(part.total_usd, best.total_usd));
        sum += best.total_usd;
    }
    assert!(close(mix.total_usd, sum));
    assert!(mix.total_usd <= c.best().unwrap().total_usd + 1e-9);
    assert!(
        compare_item(&plan, cat, "a", settings(36))
            .unwrap()
            .best_per_item
            .is_none()
    );
}

// A 3-year commitment over a 12-month horizon is ranked by everything it commits you to, not
// only the 12 months inside the horizon (rule: AWS RI pricing page, "you pay for the entire term
// regardless of actual usage", https://aws.amazon.com/ec2/pricing/reserved-instances/pricing/).
#[test]
fn ranking_counts_the_commitment_owed_after_the_horizon() {
    let cat = load::embedded();
    let plan = plan_json(&ec2_item("web", "c6i.large", 1.0, 730.0), 12);
    let c = compare_item(&plan, cat, "web", settings(12)).unwrap();
    let ranked = c.ranked();
    for w in ranked.windows(2) {
        assert!(w[0].committed_total_usd() <= w[1].committed_total_usd());
    }
    let nu3 = c
        .option(ri(
            OfferingClass::Standard,
            Term::ThreeYears,
            Payment::NoUpfront,
        ))
        .unwrap();
    assert!(close(
        nu3.committed_total_usd(),
        36.0 * 730.0
            * cat.tiers(
                "us-east-1",
                Service::Ec2,
                "c6i.large",
                "instance_hours",
                PriceOption::Reserved(Reservation {
                    class: OfferingClass::Standard,
                    term: Term::ThreeYears,
                    payment: Payment::NoUpfront
                })
            )[0]
            .usd
    ));
}

// RIs first, then Savings Plans on what is left (sp-applying.html: "Savings Plans apply to your
// usage after the Amazon EC2 Reserved Instances (RI) are applied"). Rates: m5.large us-east-1
// from the catalogue — On-Demand $0.096/h, 3yr standard All Upfront $949 → $949 / 26,280 h — and,
// as the catalogue has no Savings Plans rates, a Savings Plans rate at the 50% savings the guide's
// example gives c5.9xlarge Linux ($4.00 → $2.00): an input to the algorithm, never shown as a
// price. The combined optimum is never worse than RIs alone and equals RI fees + brute force over
// the commitment for the residual usage.
#[test]
fn savings_plan_applies_after_reserved_instances() {
    use cloudplan::purchase::optimise::{Workload, reserved_then_savings_plan};
    // 2 always on, 5 from 09:00 to 17:00.
    let usage: Vec<f64> = (0..240)
        .map(|h| {
            if (9..17).contains(&(h % 24)) {
                5.0
            } else {
                2.0
            }
        })
        .collect();
    let (od, eff) = (0.096, 949.0 / 26280.0);
    let sp = od * (1.0 - 0.50);
    let w = |ri: Option<f64>, sp: Option<f64>| Workload {
        label: "m5.large".into(),
        usage: usage.clone(),
        on_demand_rate: od,
        reserved_rate: ri,
        sp_rate: sp,
    };
    let (k, fees, both) = reserved_then_savings_plan(&[w(Some(eff), Some(sp))], 40);
    // 8 of 24 hours (33%) is below the RI break-even (37.6%): only the baseline is reserved.
    assert_eq!(k, vec![2.0]);
    assert!(close(fees, 2.0 * eff * 240.0));
    let (_, _, ri_only) = reserved_then_savings_plan(&[w(Some(eff), None)], 40);
    assert!(both.best.total_usd <= ri_only.best.total_usd + 1e-9);
    let residual = SpBucket {
        label: "rest".into(),
        on_demand_rate: od,
        sp_rate: sp,
        usage: usage.iter().map(|u| (u - 2.0).max(0.0)).collect(),
    };
    // Breakpoints of the residual: 0 and 3 instances × the SP rate.
    let brute = [0.0, 3.0 * sp]
        .iter()
        .map(|c| sp_total(*c, std::slice::from_ref(&residual)))
        .fold(f64::INFINITY, f64::min);
    assert!(close(both.best.total_usd, fees + brute));
}
