//! Auto Scaling groups in the forecast: each month of the projection bills the group at that
//! month of its simulation (its demand grows, so its bill does), not at the estimate's
//! simulated monthly average; the upfront fee of its Reserved Instances is charged at the start
//! of each term.
//! The reference figures are the simulator's own monthly bill (`cloudplan simulate`), so the
//! app's Forecast tab, `cloudplan forecast` and `cloudplan simulate` show the same months.

use chrono::NaiveDate;
use cloudplan::catalog::Service;
use cloudplan::catalog::load::embedded;
use cloudplan::forecast::project;
use cloudplan::plan::{Plan, Resource, file};
use cloudplan::scaling::{GroupSpec, run};

/// The Auto-scaled web tier sample: the group (EC2) and an Application Load Balancer.
fn sample() -> Plan {
    file::sample("autoscaling-web").unwrap()
}

fn group(plan: &mut Plan) -> &mut GroupSpec {
    match &mut plan.items[0].resource {
        Resource::ScalingGroup(g) => g,
        _ => panic!("the sample's first item is the group"),
    }
}

/// The sample with its group on m5.large and its two reservations Partial Upfront: 1-year
/// Standard Partial Upfront is $252 upfront + $0.029 an hour in the catalogue (pricing-data,
/// us-east-1, source instance-selector-m5large, 2020-04-01).
fn partial_upfront_m5() -> Plan {
    let mut plan = sample();
    let g = group(&mut plan);
    g.instance_types = vec![cloudplan::scaling::group::InstanceChoice {
        instance_type: "m5.large".into(),
        weight: 1,
    }];
    g.reserved.as_mut().unwrap().payment = cloudplan::catalog::Payment::PartialUpfront;
    plan
}

/// The group's own monthly bill over `months` months from the plan's start.
fn simulated(plan: &Plan, months: u32) -> Vec<cloudplan::scaling::billing::MonthCost> {
    let mut g = match &plan.items[0].resource {
        Resource::ScalingGroup(g) => g.clone(),
        _ => unreachable!(),
    };
    g.simulation.months = months;
    let start = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
    run::run(&g, start, embedded(), "us-east-1", None, false)
        .unwrap()
        .bill
        .months
}

fn ec2(m: &project::MonthCost) -> f64 {
    m.by_service.get(&Service::Ec2).copied().unwrap_or(0.0)
}

#[test]
fn each_month_is_that_month_of_the_simulation() {
    let plan = sample();
    let p = project::project(&plan, embedded(), Some(14)).unwrap();
    let bill = simulated(&plan, 14);
    assert_eq!(p.months.len(), 14);
    for (m, b) in p.months.iter().zip(&bill) {
        // No upfront (1-year No Upfront reservations): the month's EC2 cost is the group's.
        assert_eq!(m.upfront_usd, 0.0, "{}", m.month);
        assert!(
            (ec2(m) - b.recurring_usd()).abs() < 1e-9,
            "{}: forecast {} vs simulated {}",
            m.month,
            ec2(m),
            b.recurring_usd()
        );
        assert_eq!(b.recurring_usd(), b.total_usd, "no upfront to spread");
    }
    // 3 % demand growth a month: December costs well above January (the estimate's flat
    // average would show the same figure every month).
    assert!(ec2(&p.months[11]) > 1.25 * ec2(&p.months[0]));
    let est = cloudplan::cost::estimate(&plan, embedded()).unwrap();
    let average: f64 = bill[..12].iter().map(|b| b.total_usd).sum::<f64>() / 12.0;
    assert!((est.items[0].monthly_usd - average).abs() < 0.01);
}

#[test]
fn reservations_with_upfront_pay_it_at_the_terms_start_and_the_hourly_fee_each_month() {
    let plan = partial_upfront_m5();
    let p = project::project(&plan, embedded(), Some(12)).unwrap();
    let bill = simulated(&plan, 12);
    let est = cloudplan::cost::estimate(&plan, embedded()).unwrap();
    let upfront = est.items[0].upfront_usd;
    assert_eq!(upfront, 2.0 * 252.0, "two reserved instances");
    assert_eq!(
        p.months[0].upfront_usd, upfront,
        "charged in the first month"
    );
    for (i, (m, b)) in p.months.iter().zip(&bill).enumerate() {
        if i > 0 {
            assert_eq!(m.upfront_usd, 0.0, "{}", m.month);
        }
        // The bill spreads the upfront fee over the term; the forecast charges it once, so a
        // month carries only the hourly fee.
        assert!(b.reserved_recurring_usd < b.reserved_usd);
        let month_ec2 = ec2(m) - if i == 0 { upfront } else { 0.0 };
        assert!((month_ec2 - b.recurring_usd()).abs() < 1e-9, "{}", m.month);
    }
}

#[test]
fn reservations_renew_at_each_terms_end_with_their_upfront_fee() {
    // As a committed EC2 item with no commitment driver: renewed at the end of each 1-year
    // term, the upfront fee charged again (AWS: a reservation is bought for a term; a new one
    // is a new purchase).
    let plan = partial_upfront_m5();
    let p = project::project(&plan, embedded(), Some(26)).unwrap();
    for (t, m) in p.months.iter().enumerate() {
        let events: Vec<String> = m.events.iter().map(|e| e.text()).collect();
        match t {
            0 => {
                assert_eq!(m.upfront_usd, 504.0);
                assert_eq!(
                    events,
                    ["web-asg: starts (upfront $504.00, term to 2027-12)"]
                );
            }
            12 => {
                assert_eq!(m.upfront_usd, 504.0);
                assert_eq!(
                    events,
                    ["web-asg: renews (upfront $504.00, term to 2028-12)"]
                );
            }
            24 => {
                assert_eq!(m.upfront_usd, 504.0);
                assert_eq!(
                    events,
                    ["web-asg: renews (upfront $504.00, term to 2029-12)"]
                );
            }
            _ => {
                assert_eq!(m.upfront_usd, 0.0, "{}", m.month);
                assert!(events.is_empty(), "{}: {events:?}", m.month);
            }
        }
    }
}

#[test]
fn after_the_simulators_36_months_the_last_month_holds() {
    let plan = sample();
    let p = project::project(&plan, embedded(), Some(40)).unwrap();
    let last = ec2(&p.months[35]);
    assert!(last > ec2(&p.months[0]));
    for m in &p.months[36..] {
        assert_eq!(ec2(m), last, "{}", m.month);
    }
}

#[test]
fn a_price_change_scales_the_simulated_month() {
    let mut plan = sample();
    let base = project::project(&plan, embedded(), Some(6)).unwrap();
    plan.growth
        .push(cloudplan::plan::growth::GrowthDriver::PriceChange {
            scope: cloudplan::plan::growth::PriceScope::Service(Service::Ec2),
            multiplier: 0.9,
            month: "2027-04".into(),
        });
    let cut = project::project(&plan, embedded(), Some(6)).unwrap();
    for (i, (a, b)) in base.months.iter().zip(&cut.months).enumerate() {
        let want = if i >= 3 { ec2(a) * 0.9 } else { ec2(a) };
        assert!((ec2(b) - want).abs() < 1e-9, "{}", a.month);
    }
}

#[test]
fn the_groups_reservations_are_a_commitment_of_the_forecast() {
    // m6i.large, us-east-1, 1-year Standard No Upfront: $0.0635 an hour (pricing-data, source
    // ec2shop-reservedinstance, 2025-04-05); 2 instances × 730 h × $0.0635 = $92.71 a month.
    let plan = sample();
    let p = project::project(&plan, embedded(), Some(14)).unwrap();
    assert_eq!(p.commitments.len(), 1);
    let c = &p.commitments[0];
    assert_eq!(c.item, "web-asg");
    assert_eq!(c.term_months, 12);
    assert_eq!(c.start_month, "2027-01");
    assert!(c.renew && !c.renew_set, "renews by default");
    // The second term (2028-01 .. 2028-12) runs 10 months past a 14-month horizon.
    assert_eq!(c.owed_after_horizon_months, 10);
    assert!((c.owed_after_horizon_usd - 10.0 * 92.71).abs() < 1e-9);
}

#[test]
fn a_lapsed_group_reservation_leaves_its_hours_on_demand() {
    // `commitment` driver with `renew: false`: after the 12-month term the group runs without
    // its Reserved Instances — every On-Demand hour at the On-Demand rate (AWS: "When Reserved
    // Instances expire, you are charged On-Demand Instance rates", reservation models
    // whitepaper, "Reserved Instances billing").
    let mut plan = sample();
    plan.growth
        .push(cloudplan::plan::growth::GrowthDriver::Commitment {
            item: "web-asg".into(),
            start: None,
            renew: false,
        });
    let p = project::project(&plan, embedded(), Some(14)).unwrap();
    let with_ri = simulated(&plan, 14);
    let mut lapsed = plan.clone();
    group(&mut lapsed).reserved = None;
    let without_ri = simulated(&lapsed, 14);
    for (t, m) in p.months.iter().enumerate() {
        let want = if t < 12 { &with_ri[t] } else { &without_ri[t] };
        assert!((ec2(m) - want.recurring_usd()).abs() < 1e-9, "{}", m.month);
    }
    let events: Vec<String> = p.months[12].events.iter().map(|e| e.text()).collect();
    assert_eq!(events, ["web-asg: expires → On-Demand"]);
    assert!(p.commitments[0].renew_set && !p.commitments[0].renew);
    // On-Demand costs more than the reservation it replaces.
    assert!(without_ri[12].recurring_usd() > with_ri[12].recurring_usd());
}
