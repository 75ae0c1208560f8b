//! Commitments inside the forecast horizon: Reserved Instance terms that start, renew, expire
//! or run on unused, priced month by month from the embedded catalogue's rates.
//!
//! How AWS bills the payment options (Amazon EC2 Reserved Instances and Other AWS Reservation
//! Models whitepaper, "Reserved Instances payment options",
//! docs.aws.amazon.com/whitepapers/latest/cost-optimization-reservation-models/reserved-instances-payment-options.html):
//! * No Upfront — "billed a discounted hourly rate for every hour within the term, regardless of
//!   whether the Reserved Instance is being used";
//! * Partial Upfront — "a portion of the cost must be paid up front and the remaining hours in
//!   the term are billed at a discounted hourly rate, regardless of whether you're using the
//!   Reserved Instance";
//! * All Upfront — "full payment is made at the start of the term, with no other costs or
//!   additional hourly charges incurred for the remainder of the term".
//!
//! And ("Reserved Instances billing", same whitepaper,
//! docs.aws.amazon.com/whitepapers/latest/cost-optimization-reservation-models/reserved-instances-billing.html):
//! "With Reserved Instances, you pay for the entire term regardless of actual use … When
//! Reserved Instances expire, you are charged On-Demand Instance rates."
//!
//! Every dollar figure below is read from the embedded catalogue (`pricing-data/rates/ec2_*.csv`,
//! us-east-1 m5.large) and the expected values are worked by hand from those rates: a month is
//! 730 hours (AWS Pricing Calculator), a 1-year term 12 calendar months, a 3-year term 36.

use cloudplan::catalog::load::embedded;
use cloudplan::catalog::{OfferingClass, Payment, PriceOption, Reservation, Service, Term};
use cloudplan::forecast::commitments::EventKind;
use cloudplan::forecast::{self, Projection, project};
use cloudplan::plan::growth::GrowthDriver;
use cloudplan::plan::{Plan, file};
use proptest::prelude::*;

const H: f64 = 730.0;

fn payment_json(p: Payment) -> &'static str {
    match p {
        Payment::NoUpfront => "no_upfront",
        Payment::PartialUpfront => "partial_upfront",
        Payment::AllUpfront => "all_upfront",
    }
}

/// One m5.large fleet of `count` instances bought as a Standard RI, plus a custom line (no
/// commitment) so the other items' behaviour is visible too.
fn plan(count: u32, term: Term, payment: Payment, horizon: u32, growth: Vec<GrowthDriver>) -> Plan {
    let text = format!(
        r#"{{
      "schema_version": 1, "name": "c", "default_region": "us-east-1",
      "start_month": "2027-01", "horizon_months": {horizon},
      "items": [
        {{"id": "web", "name": "Web", "resource": {{"kind": "ec2", "instance_type": "m5.large",
          "count": {count}, "purchase": {{"type": "reserved", "class": "standard",
          "term": "{}", "payment": "{}"}}}}}}
      ]
    }}"#,
        term.as_str(),
        payment_json(payment)
    );
    let mut plan = file::from_json_str(&text, "c").unwrap();
    plan.growth = growth;
    file::validate(&plan).unwrap();
    plan
}

/// (hourly, upfront) of the m5.large Standard RI, and the On-Demand hourly rate, from the
/// catalogue.
fn rates(term: Term, payment: Payment) -> (f64, f64, f64) {
    let c = embedded();
    let ri = c.tiers(
        "us-east-1",
        Service::Ec2,
        "m5.large",
        "instance_hours",
        PriceOption::Reserved(Reservation {
            class: OfferingClass::Standard,
            term,
            payment,
        }),
    )[0];
    let od = c.tiers(
        "us-east-1",
        Service::Ec2,
        "m5.large",
        "instance_hours",
        PriceOption::OnDemand,
    )[0];
    (ri.usd, ri.upfront_usd, od.usd)
}

fn run(p: &Plan) -> Projection {
    project::project(p, embedded(), None).unwrap()
}

fn commitment(item: &str, start: Option<&str>, renew: bool) -> GrowthDriver {
    GrowthDriver::Commitment {
        item: item.into(),
        start: start.map(str::to_string),
        renew,
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * (1.0 + b.abs())
}

fn upfront_months(p: &Projection) -> Vec<usize> {
    (0..p.months.len())
        .filter(|&t| p.months[t].upfront_usd > 0.0)
        .collect()
}

fn events(p: &Projection, t: usize) -> Vec<EventKind> {
    p.months[t].events.iter().map(|e| e.kind).collect()
}

// The catalogue rates the worked examples use (us-east-1 m5.large, ec2shop, 2025-04): All
// Upfront 1 yr $494 upfront and $0/h; Partial Upfront 1 yr $252 + $0.029/h; Partial Upfront
// 3 yr $505 + $0.019/h; On-Demand $0.096/h. If the catalogue is refreshed the examples below
// follow it; this test says which numbers they were worked with.
#[test]
fn worked_examples_use_these_catalogue_rates() {
    assert_eq!(
        rates(Term::OneYear, Payment::AllUpfront),
        (0.0, 494.0, 0.096)
    );
    assert_eq!(
        rates(Term::OneYear, Payment::PartialUpfront),
        (0.029, 252.0, 0.096)
    );
    assert_eq!(
        rates(Term::ThreeYears, Payment::PartialUpfront),
        (0.019, 505.0, 0.096)
    );
}

// 1-year All Upfront, 2 instances, 36 months, renewed (the default): upfront 2 × $494 = $988 in
// months 1, 13 and 25 (indices 0, 12, 24), no hourly charge ("no other costs … for the
// remainder of the term"); total 3 × $988 = $2,964; nothing owed after month 36.
#[test]
fn one_year_all_upfront_renewed_pays_upfront_in_months_1_13_25() {
    let p = run(&plan(2, Term::OneYear, Payment::AllUpfront, 36, vec![]));
    assert_eq!(upfront_months(&p), vec![0, 12, 24]);
    for t in [0, 12, 24] {
        assert!(close(p.months[t].upfront_usd, 988.0));
    }
    assert!(p.months.iter().all(|m| m.monthly_usd == 0.0));
    assert!(close(p.total_usd(), 2964.0));
    assert_eq!(events(&p, 0), vec![EventKind::Starts]);
    assert_eq!(events(&p, 12), vec![EventKind::Renews]);
    assert_eq!(events(&p, 24), vec![EventKind::Renews]);
    assert_eq!(p.months[12].events[0].term_end.as_deref(), Some("2028-12"));
    let c = &p.commitments[0];
    assert_eq!(
        (c.renew, c.renew_set, c.start_set),
        (true, false, false),
        "renewal is the default and the report says so"
    );
    assert_eq!(c.start_month, "2027-01");
    assert_eq!(p.owed_after_horizon_usd(), 0.0);
}

// Same RI, not renewed: month 1 pays $988; months 13–36 are On-Demand, 2 × 730 h × $0.096 =
// $140.16 a month ("when Reserved Instances expire, you are charged On-Demand rates");
// total $988 + 24 × $140.16 = $4,351.84.
#[test]
fn one_year_all_upfront_not_renewed_falls_back_to_on_demand() {
    let (_, _, od) = rates(Term::OneYear, Payment::AllUpfront);
    let p = run(&plan(
        2,
        Term::OneYear,
        Payment::AllUpfront,
        36,
        vec![commitment("web", None, false)],
    ));
    assert_eq!(upfront_months(&p), vec![0]);
    for t in 0..12 {
        assert_eq!(p.months[t].monthly_usd, 0.0);
    }
    for t in 12..36 {
        assert!(close(p.months[t].monthly_usd, 2.0 * H * od), "month {t}");
        assert!(close(p.months[t].monthly_usd, 140.16));
    }
    assert_eq!(events(&p, 12), vec![EventKind::Expires]);
    assert!(close(p.total_usd(), 988.0 + 24.0 * 140.16));
    assert!(close(p.total_usd(), 4351.84));
    assert_eq!(
        (p.commitments[0].renew, p.commitments[0].renew_set),
        (false, true)
    );
}

// 3-year Partial Upfront, 2 instances, 60 months, renewed: upfront 2 × $505 = $1,010 in months
// 1 and 37; every month 2 × 730 h × $0.019 = $27.74. Total 2 × $1,010 + 60 × $27.74 =
// $3,684.40. The second term runs to month 72: 12 months × $27.74 = $332.88 are owed after
// the horizon (reported, not in the total — as the purchase comparison reports it).
#[test]
fn three_year_partial_upfront_over_60_months() {
    let p = run(&plan(
        2,
        Term::ThreeYears,
        Payment::PartialUpfront,
        60,
        vec![],
    ));
    assert_eq!(upfront_months(&p), vec![0, 36]);
    assert!(close(p.months[36].upfront_usd, 1010.0));
    assert!(p.months.iter().all(|m| close(m.monthly_usd, 27.74)));
    assert!(close(p.total_usd(), 3684.40));
    assert_eq!(p.commitments[0].owed_after_horizon_months, 12);
    assert!(close(p.owed_after_horizon_usd(), 332.88));

    // Not renewed: months 37–60 On-Demand at 2 × 730 × $0.096 = $140.16.
    let p = run(&plan(
        2,
        Term::ThreeYears,
        Payment::PartialUpfront,
        60,
        vec![commitment("web", None, false)],
    ));
    assert_eq!(upfront_months(&p), vec![0]);
    assert!(close(p.total_usd(), 1010.0 + 36.0 * 27.74 + 24.0 * 140.16));
    assert_eq!(p.owed_after_horizon_usd(), 0.0);
}

// A 1-year Partial Upfront RI for 1 instance bought in July 2027 (month 7) of a 24-month plan:
// January–June On-Demand, 730 × $0.096 = $70.08; July pays $252 upfront and from July the
// RI rate 730 × $0.029 = $21.17; renewed in July 2028 (another $252); the second term runs to
// June 2029, so 6 × $21.17 = $127.02 is owed after the horizon.
#[test]
fn a_commitment_starting_mid_horizon() {
    let p = run(&plan(
        1,
        Term::OneYear,
        Payment::PartialUpfront,
        24,
        vec![commitment("web", Some("2027-07"), true)],
    ));
    for t in 0..6 {
        assert!(close(p.months[t].monthly_usd, 70.08), "month {t}");
    }
    for t in 6..24 {
        assert!(close(p.months[t].monthly_usd, 21.17), "month {t}");
    }
    assert_eq!(upfront_months(&p), vec![6, 18]);
    assert!(close(p.months[6].upfront_usd, 252.0));
    assert_eq!(events(&p, 6), vec![EventKind::Starts]);
    assert_eq!(events(&p, 18), vec![EventKind::Renews]);
    assert_eq!(p.commitments[0].start_month, "2027-07");
    assert!(p.commitments[0].start_set);
    assert!(close(p.owed_after_horizon_usd(), 127.02));
    assert!(close(
        p.total_usd(),
        6.0 * 70.08 + 2.0 * 252.0 + 18.0 * 21.17
    ));
}

// The fleet stops after August 2027 (item_window end) inside its first 1-year Partial Upfront
// term: "you pay for the entire term regardless of actual use", so September–December still
// cost 730 × $0.029 = $21.17 each (event `unused`), the term ends in January 2028 (event `ends`)
// and is not renewed (the item is gone), and nothing is billed after.
#[test]
fn an_item_stopping_mid_term_still_owes_the_term() {
    let p = run(&plan(
        1,
        Term::OneYear,
        Payment::PartialUpfront,
        24,
        vec![GrowthDriver::ItemWindow {
            item: "web".into(),
            start: None,
            end: Some("2027-08".into()),
        }],
    ));
    for t in 0..12 {
        assert!(close(p.months[t].monthly_usd, 21.17), "month {t}");
    }
    assert_eq!(p.months[8].items, 0);
    assert_eq!(events(&p, 8), vec![EventKind::Unused]);
    assert_eq!(p.months[8].events[0].term_end.as_deref(), Some("2027-12"));
    assert!(close(p.months[8].by_service[&Service::Ec2], 21.17));
    assert_eq!(events(&p, 12), vec![EventKind::Ends]);
    for t in 12..24 {
        assert_eq!(p.months[t].monthly_usd + p.months[t].upfront_usd, 0.0);
    }
    assert_eq!(upfront_months(&p), vec![0]);
    assert!(close(p.total_usd(), 252.0 + 12.0 * 21.17));
}

// An RI already owned, bought July 2026 (6 months before the plan starts): its upfront was paid
// before the horizon; January–June 2027 cost the RI rate, 2 × 730 × $0.029 = $42.34; not
// renewed, so from July 2027 the fleet is On-Demand, 2 × 730 × $0.096 = $140.16.
#[test]
fn a_reservation_bought_before_the_plan_runs_out_inside_it() {
    let p = run(&plan(
        2,
        Term::OneYear,
        Payment::PartialUpfront,
        12,
        vec![commitment("web", Some("2026-07"), false)],
    ));
    assert!(upfront_months(&p).is_empty());
    for t in 0..6 {
        assert!(close(p.months[t].monthly_usd, 42.34));
    }
    for t in 6..12 {
        assert!(close(p.months[t].monthly_usd, 140.16));
    }
    assert_eq!(events(&p, 6), vec![EventKind::Expires]);
}

// Growth drivers still apply: the RI count grows +1 a month; each month's reserved hours are
// count × 730 at the RI rate. A price change in March does not reach the reservation bought in
// January: its rate holds for the term (see the next test).
#[test]
fn drivers_and_price_changes_still_apply_per_month() {
    use cloudplan::plan::growth::{ItemField, PriceScope, Target};
    let p = run(&plan(
        1,
        Term::OneYear,
        Payment::PartialUpfront,
        3,
        vec![
            GrowthDriver::Linear {
                target: Target::Item(ItemField {
                    id: "web".into(),
                    field: "count".into(),
                }),
                per_month: 1.0,
                from: None,
            },
            GrowthDriver::PriceChange {
                scope: PriceScope::Item("web".into()),
                month: "2027-03".into(),
                multiplier: 0.5,
            },
        ],
    ));
    assert!(close(p.months[0].monthly_usd, 21.17));
    assert!(close(p.months[1].monthly_usd, 2.0 * 21.17));
    assert!(close(p.months[2].monthly_usd, 3.0 * 21.17));
}

// A price change reaches a committed item at its next term, an On-Demand one at once. AWS: a
// Reserved Instance's "discounted rate ... for the term" is fixed when it is bought (reservation
// models whitepaper, "Reserved Instances" / "payment options"); a term that starts after the
// change is bought at the changed price. 1-year Partial Upfront m5.large: $252 upfront +
// 730 h × $0.029 = $21.17 a month; On-Demand 730 h × $0.096 = $70.08.
#[test]
fn a_price_change_reaches_a_reservation_at_its_next_term() {
    use cloudplan::plan::growth::PriceScope;
    let cut = GrowthDriver::PriceChange {
        scope: PriceScope::Service(Service::Ec2),
        month: "2027-06".into(),
        multiplier: 0.5,
    };
    // Renewed: the first term keeps its prices; the renewal (2028-01) is bought at half price.
    let p = run(&plan(
        1,
        Term::OneYear,
        Payment::PartialUpfront,
        24,
        vec![cut.clone()],
    ));
    for t in 0..12 {
        assert!(close(p.months[t].monthly_usd, 21.17), "month {t}");
    }
    assert!(close(p.months[0].upfront_usd, 252.0));
    assert!(close(p.months[12].upfront_usd, 0.5 * 252.0));
    for t in 12..24 {
        assert!(close(p.months[t].monthly_usd, 0.5 * 21.17), "month {t}");
    }
    // Not renewed: On-Demand from 2028-01, where the cut applies at once.
    let p = run(&plan(
        1,
        Term::OneYear,
        Payment::PartialUpfront,
        24,
        vec![cut, commitment("web", None, false)],
    ));
    assert!(close(p.months[11].monthly_usd, 21.17));
    for t in 12..24 {
        assert!(close(p.months[t].monthly_usd, 0.5 * 70.08), "month {t}");
    }
}

#[test]
fn commitment_drivers_are_checked_and_named() {
    // On an item bought On-Demand the driver is inert (switching the purchase option in the grid
    // never makes the plan unreadable): no commitment, the month is On-Demand.
    let mut p = plan(1, Term::OneYear, Payment::AllUpfront, 12, vec![]);
    p.items[0].resource = match p.items[0].resource.clone() {
        cloudplan::plan::Resource::Ec2(mut f) => {
            f.purchase = cloudplan::plan::PurchaseOption::OnDemand;
            cloudplan::plan::Resource::Ec2(f)
        }
        r => r,
    };
    p.growth = vec![commitment("web", None, true)];
    assert!(cloudplan::plan::growth::check(&p).is_ok());
    let pr = run(&p);
    assert!(pr.commitments.is_empty());
    assert!(close(pr.months[0].monthly_usd, 70.08));
    // Twice for one item, unknown item, bad month.
    let p = plan(1, Term::OneYear, Payment::AllUpfront, 12, vec![]);
    let mut q = p.clone();
    q.growth = vec![
        commitment("web", None, true),
        commitment("web", None, false),
    ];
    assert_eq!(
        cloudplan::plan::growth::check(&q).unwrap_err().0,
        "growth[1].item"
    );
    q.growth = vec![commitment("nope", None, true)];
    assert_eq!(
        cloudplan::plan::growth::check(&q).unwrap_err().0,
        "growth[0].item"
    );
    q.growth = vec![commitment("web", Some("2027-13"), true)];
    assert_eq!(
        cloudplan::plan::growth::check(&q).unwrap_err().0,
        "growth[0].start"
    );
    // A start outside the months the item is billed.
    q.growth = vec![
        GrowthDriver::ItemWindow {
            item: "web".into(),
            start: Some("2027-04".into()),
            end: None,
        },
        commitment("web", Some("2027-02"), true),
    ];
    let err = project::project(&q, embedded(), None)
        .unwrap_err()
        .to_string();
    assert!(err.starts_with("growth[1].start"), "{err}");
}

// The plan format stays backward compatible (no driver: defaults) and the driver round-trips.
#[test]
fn the_commitment_driver_reads_and_writes_as_json() {
    let d: GrowthDriver =
        serde_json::from_str(r#"{"kind":"commitment","item":"web","renew":false}"#).unwrap();
    assert_eq!(d, commitment("web", None, false));
    let d = commitment("web", Some("2027-07"), true);
    let text = serde_json::to_string(&d).unwrap();
    assert_eq!(
        text,
        r#"{"kind":"commitment","item":"web","start":"2027-07","renew":true}"#
    );
    // `renew` is an explicit choice: a driver without it does not read.
    assert!(serde_json::from_str::<GrowthDriver>(r#"{"kind":"commitment","item":"web"}"#).is_err());
}

// The reports show the upfront and the events of each month.
#[test]
fn reports_show_upfront_and_events_per_month() {
    let p = plan(
        2,
        Term::OneYear,
        Payment::AllUpfront,
        24,
        vec![commitment("web", None, false)],
    );
    let f = forecast::forecast(&p, embedded(), None, None).unwrap();
    let csv = cloudplan::report::forecast_csv::forecast_csv(&f);
    assert!(csv.starts_with(
        "record,month,name,usd,upfront_usd,lo80_usd,hi80_usd,lo95_usd,hi95_usd,event\r\n"
    ));
    assert!(
        csv.contains("\r\ncommitment,2027-01,web,,988,,,,,starts\r\n"),
        "{csv}"
    );
    assert!(
        csv.contains("\r\ncommitment,2028-01,web,,0,,,,,expires\r\n"),
        "{csv}"
    );
    assert!(csv.contains(
        "\r\ncommitment_term,2027-01,web,0,,,,,,\"RI standard 1yr All Upfront 12 months, expire\"\r\n"
    ));
    let table = cloudplan::report::forecast_csv::forecast_table(&f);
    assert!(
        table.contains("web: starts (upfront $988.00, term to 2027-12)"),
        "{table}"
    );
    assert!(table.contains("web: expires → On-Demand"), "{table}");
    assert!(
        table.contains("not renewed: On-Demand after its term"),
        "{table}"
    );
    let json = serde_json::to_value(&f).unwrap();
    let m0 = &json["projection"]["months"][0];
    assert_eq!(m0["events"][0]["kind"], "starts");
    assert_eq!(m0["upfront_usd"], 988.0);
    assert_eq!(json["projection"]["commitments"][0]["renew"], false);
}

/// The month-by-month bill of a one-fleet plan, computed by hand from the catalogue's rates
/// without the projection or the term schedule: term k covers months start + 12k … ; upfront
/// in each term's first month inside the horizon.
fn by_hand(
    count: f64,
    term: Term,
    payment: Payment,
    start: i32,
    renew: bool,
    horizon: i32,
) -> Vec<f64> {
    let (ri, up, od) = rates(term, payment);
    let tm = term.months() as i32;
    (0..horizon)
        .map(|t| {
            let covered = t >= start && (renew || t < start + tm);
            if covered {
                let upfront = if (t - start) % tm == 0 {
                    count * up
                } else {
                    0.0
                };
                count * H * ri + upfront
            } else {
                count * H * od
            }
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    // For any term, payment, count, start (before, at or inside the horizon) and renewal
    // choice: every month equals the hand computation from the catalogue's rates, the services
    // and groups add up to the month, and the horizon's total is the sum of its months.
    #[test]
    fn months_match_the_catalogue_by_hand(
        three in any::<bool>(),
        pay in 0usize..3,
        count in 1u32..5,
        start in -40i32..30,
        renew in any::<bool>(),
        horizon in 1u32..61,
    ) {
        let term = if three { Term::ThreeYears } else { Term::OneYear };
        let payment = Payment::ALL[pay];
        let start_month = cloudplan::plan::growth::add_months("2027-01", start).unwrap();
        let p = run(&plan(
            count,
            term,
            payment,
            horizon,
            vec![commitment("web", Some(&start_month), renew)],
        ));
        let want = by_hand(count as f64, term, payment, start, renew, horizon as i32);
        prop_assert_eq!(p.months.len(), want.len());
        let mut sum = 0.0;
        for (t, (m, w)) in p.months.iter().zip(&want).enumerate() {
            let got = m.monthly_usd + m.upfront_usd;
            prop_assert!(close(got, *w), "month {}: {} vs {}", t, got, w);
            let services: f64 = m.by_service.values().sum();
            let groups: f64 = m.by_group.values().sum();
            prop_assert!(close(services, got) && close(groups, got));
            sum += got;
        }
        prop_assert!(close(p.total_usd(), sum));
        prop_assert!(close(p.total_usd(), want.iter().sum::<f64>()));
    }
}
