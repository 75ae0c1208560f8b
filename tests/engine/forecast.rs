//! Forecast engine tests: growth-driver arithmetic (worked by hand), projection through the
//! cost engine, bill-history parsing, model fits on synthetic series, prediction-interval
//! coverage, drivers properties (proptest), and AirPassengers against statsmodels.

use cloudplan::catalog::load::embedded;
use cloudplan::cost;
use cloudplan::forecast::intervals::Rng;
use cloudplan::forecast::models::smoothing::{self, Objective, Season, Spec, Trend};
use cloudplan::forecast::models::{self, ModelKind};
use cloudplan::forecast::{history, project, select};
use cloudplan::plan::growth::{
    self as drivers, GrowthDriver, ItemField, Period, PriceScope, Target,
};
use cloudplan::plan::{Num, Plan, Resource, file};
use proptest::prelude::*;

/// A plan with one parameter `users` = 100 and one custom line costing `users` dollars, so the
/// bill of a month is the parameter's value (custom lines are user-entered figures, no
/// catalogue price is involved).
fn users_plan(growth: Vec<GrowthDriver>) -> Plan {
    let text = r#"{
      "schema_version": 1, "name": "t", "default_region": "us-east-1",
      "start_month": "2027-01", "horizon_months": 12,
      "parameters": [{"name": "users", "value": 100}],
      "items": [
        {"id": "line", "name": "Line", "resource": {"kind": "custom", "monthly_usd": "users"}},
        {"id": "fixed", "name": "Fixed", "resource": {"kind": "custom", "monthly_usd": 10}}
      ]
    }"#;
    let mut plan = file::from_json_str(text, "t").unwrap();
    plan.growth = growth;
    file::validate(&plan).unwrap();
    plan
}

fn users() -> Target {
    Target::Parameter("users".into())
}

fn values(plan: &Plan, months: u32) -> Vec<f64> {
    project::target_values(plan, &users(), months).unwrap()
}

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol * (1.0 + b.abs())
}

// ------------------------------------------------------------------ growth arithmetic (by hand)

#[test]
fn linear_growth_adds_per_month_from_its_start() {
    // Worked by hand: 100 + 5·t from 2027-03 (t = months since March): Jan, Feb 100; Mar 100;
    // Apr 105; Jun 115.
    let plan = users_plan(vec![GrowthDriver::Linear {
        target: users(),
        per_month: 5.0,
        from: Some("2027-03".into()),
    }]);
    assert_eq!(
        values(&plan, 6),
        vec![100.0, 100.0, 100.0, 105.0, 110.0, 115.0]
    );
}

#[test]
fn compound_growth_per_month_and_per_year() {
    // By hand: 10 %/month → 100, 110, 121, 133.1.
    let plan = users_plan(vec![GrowthDriver::Compound {
        target: users(),
        pct: 10.0,
        per: Period::Month,
        from: None,
    }]);
    let v = values(&plan, 4);
    for (a, b) in v.iter().zip([100.0, 110.0, 121.0, 133.1]) {
        assert!(close(*a, b, 1e-12), "{v:?}");
    }
    // 12 %/year compounded monthly: after 6 months 100 · 1.12^0.5 = 105.83005244…; after 12, 112.
    let plan = users_plan(vec![GrowthDriver::Compound {
        target: users(),
        pct: 12.0,
        per: Period::Year,
        from: None,
    }]);
    let v = values(&plan, 13);
    assert!(close(v[6], 105.830_052_442_583_6, 1e-12), "{}", v[6]);
    assert!(close(v[12], 112.0, 1e-12));
}

#[test]
fn logistic_growth_follows_the_s_curve() {
    // By hand: v(t) = cap / (1 + (cap/v0 − 1)·e^(−k t)), cap 1000, v0 100, k 0.5:
    // t = 2 → 1000 / (1 + 9·e^(−1)) = 1000 / 4.310915 = 231.9693…; it approaches the cap.
    let plan = users_plan(vec![GrowthDriver::Logistic {
        target: users(),
        cap: 1000.0,
        rate_pct: 50.0,
        from: None,
    }]);
    let v = values(&plan, 60);
    assert_eq!(v[0], 100.0);
    let expected = 1000.0 / (1.0 + 9.0 * (-1.0f64).exp());
    assert!(
        close(v[2], expected, 1e-12) && close(v[2], 231.969_3, 1e-6),
        "{}",
        v[2]
    );
    assert!(v.windows(2).all(|w| w[1] > w[0]) && v[59] < 1000.0 && v[59] > 999.0);
}

#[test]
fn seasonal_factors_follow_the_calendar_and_steps_apply_from_their_month() {
    // Plan starts in January: factor[m] applies to calendar month m; a step of +50 from March.
    let mut factors = vec![1.0; 12];
    factors[0] = 0.5;
    factors[2] = 2.0;
    let plan = users_plan(vec![
        GrowthDriver::Step {
            target: users(),
            month: "2027-03".into(),
            add: Some(50.0),
            multiply: None,
        },
        GrowthDriver::Seasonal {
            target: users(),
            factors,
        },
    ]);
    // By hand: Jan 100·0.5 = 50; Feb 100; Mar (100+50)·2 = 300; Apr 150; next Jan 150·0.5 = 75.
    let v = values(&plan, 13);
    assert_eq!(&v[..4], &[50.0, 100.0, 300.0, 150.0]);
    assert_eq!(v[12], 75.0);
}

// ------------------------------------------------------------ projection through cost::estimate

#[test]
fn each_month_is_priced_with_that_months_values() {
    let plan = users_plan(vec![
        GrowthDriver::Compound {
            target: users(),
            pct: 10.0,
            per: Period::Month,
            from: None,
        },
        GrowthDriver::ItemWindow {
            item: "fixed".into(),
            start: Some("2027-02".into()),
            end: Some("2027-03".into()),
        },
        GrowthDriver::PriceChange {
            scope: PriceScope::Item("line".into()),
            month: "2027-04".into(),
            multiplier: 0.5,
        },
    ]);
    let p = project::project(&plan, embedded(), Some(5)).unwrap();
    let got: Vec<f64> = p.months.iter().map(|m| m.monthly_usd).collect();
    // By hand: users 100, 110, 121, 133.1, 146.41; `fixed` ($10) billed Feb and Mar only;
    // from April the line costs half.
    let want = [100.0, 120.0, 131.0, 66.55, 73.205];
    for (g, w) in got.iter().zip(want) {
        assert!(close(*g, w, 1e-12), "{got:?}");
    }
    assert_eq!(p.months[0].month, "2027-01");
    assert_eq!(p.months[4].month, "2027-05");
    assert_eq!(p.months[1].items, 2);
    assert_eq!(p.months[0].items, 1);
}

/// An item that enters and leaves through a window carries its driven value in the months it is
/// billed (the month's plan is rebuilt only when a window opens or closes, and the driven fields
/// are written into it every month). By hand: `fixed` is $10 + $5 per month from January,
/// billed March to May only: 0, 0, 20, 25, 30, 0; `line` is 100 every month.
#[test]
fn windowed_items_carry_their_driven_values() {
    let plan = users_plan(vec![
        GrowthDriver::Linear {
            target: Target::Item(ItemField {
                id: "fixed".into(),
                field: "monthly_usd".into(),
            }),
            per_month: 5.0,
            from: None,
        },
        GrowthDriver::ItemWindow {
            item: "fixed".into(),
            start: Some("2027-03".into()),
            end: Some("2027-05".into()),
        },
    ]);
    let p = project::project(&plan, embedded(), Some(6)).unwrap();
    let got: Vec<f64> = p.months.iter().map(|m| m.monthly_usd).collect();
    let want = [100.0, 100.0, 120.0, 125.0, 130.0, 100.0];
    for (g, w) in got.iter().zip(want) {
        assert!(close(*g, w, 1e-12), "{got:?}");
    }
    let items: Vec<usize> = p.months.iter().map(|m| m.items).collect();
    assert_eq!(items, [1, 1, 2, 2, 2, 1]);
}

#[test]
fn tiers_and_free_tier_apply_to_each_months_usage() {
    // The serverless sample has the free tier on and grows its traffic: every month of the
    // projection must equal the cost engine's estimate of the plan with that month's values
    // (not the first month's bill scaled).
    let (_, _, text) = file::samples()
        .iter()
        .find(|(s, _, _)| *s == "serverless-api")
        .unwrap();
    let plan = file::from_json_str(text, "serverless").unwrap();
    assert!(plan.free_tier && !plan.growth.is_empty());
    let p = project::project(&plan, embedded(), Some(12)).unwrap();
    let req =
        project::target_values(&plan, &Target::Parameter("requests_per_day".into()), 12).unwrap();
    let kb = project::target_values(&plan, &Target::Parameter("response_kb".into()), 12).unwrap();
    for (t, m) in p.months.iter().enumerate() {
        let mut month = plan.clone();
        month.growth.clear();
        for prm in &mut month.parameters {
            match prm.name.as_str() {
                "requests_per_day" => prm.value = Num::Value(req[t]),
                "response_kb" => prm.value = Num::Value(kb[t]),
                _ => {}
            }
        }
        if t < 3 {
            month.items.retain(|i| i.id != "thumbnailer"); // starts 2027-04
        }
        let est = cost::estimate(&month, embedded()).unwrap();
        assert!(
            close(m.monthly_usd, est.total.monthly_usd, 1e-12),
            "{}: {} vs {}",
            m.month,
            m.monthly_usd,
            est.total.monthly_usd
        );
    }
    // The free tier makes the bill grow faster than linearly in usage early on: not a scaled total.
    let first = cost::estimate(&plan, embedded()).unwrap().total.monthly_usd;
    assert!(
        p.months[0].monthly_usd < first,
        "thumbnailer not yet billed in January"
    );
}

#[test]
fn driver_on_an_item_field_changes_that_item_only() {
    let mut plan = users_plan(vec![]);
    plan.growth = vec![GrowthDriver::Linear {
        target: Target::Item(ItemField {
            id: "fixed".into(),
            field: "monthly_usd".into(),
        }),
        per_month: 1.0,
        from: None,
    }];
    let p = project::project(&plan, embedded(), Some(3)).unwrap();
    let got: Vec<f64> = p.months.iter().map(|m| m.monthly_usd).collect();
    assert_eq!(got, vec![110.0, 111.0, 112.0]);
    // The item field table exposes every growable field by kind.
    let mut r = plan.items[0].resource.clone();
    assert!(drivers::field_mut(&mut r, "monthly_usd").is_some());
    assert!(drivers::field_mut(&mut r, "count").is_none());
    assert!(matches!(r, Resource::Custom(_)));
}

// ---------------------------------------------------------------------------- plan file errors

#[test]
fn growth_errors_name_line_and_field() {
    let dir = format!("{}/tests/fixtures/plans", env!("CARGO_MANIFEST_DIR"));
    for (name, field, line) in [
        ("bad-growth-value", "growth[1].pct", 37),
        ("bad-growth-field", "growth[0].rate", 32),
        ("bad-growth-target", "growth[0].target.item.field", 30),
    ] {
        let path = format!("{dir}/{name}.cloudplan.json");
        let e = file::load(std::path::Path::new(&path)).unwrap_err();
        assert_eq!(e.field(), field, "{name}: {e}");
        assert_eq!(e.line(), Some(line), "{name}: {e}");
    }
}

#[test]
fn drivers_round_trip_through_the_plan_file() {
    let (_, _, text) = file::samples()
        .iter()
        .find(|(s, _, _)| *s == "serverless-api")
        .unwrap();
    let plan = file::from_json_str(text, "s").unwrap();
    let json = file::to_json_string(&plan);
    assert!(json.contains("\"growth\""));
    assert_eq!(file::from_json_str(&json, "back").unwrap(), plan);
    // No drivers: no `growth` key written (older readers keep working).
    let plain = users_plan(vec![]);
    assert!(!file::to_json_string(&plain).contains("growth"));
}

// ------------------------------------------------------------------------------- bill history

#[test]
fn history_layouts() {
    let plain = "month,cost\n2026-01,100\n2026-02,\"$1,234.50\"\n";
    let h = history::parse_str(plain, "p.csv").unwrap();
    assert_eq!(h.months, vec!["2026-01", "2026-02"]);
    assert_eq!(h.total, vec![100.0, 1234.5]);

    let headerless = "2026-01-01,5\n2026-02-01,6\n";
    assert_eq!(
        history::parse_str(headerless, "h").unwrap().total,
        vec![5.0, 6.0]
    );

    let long = "month,service,cost\n2026-01,EC2,10\n2026-01,S3,2\n2026-02,EC2,11\n";
    let h = history::parse_str(long, "l").unwrap();
    assert_eq!(h.total, vec![12.0, 11.0]);
    assert_eq!(h.by_service["S3"], vec![2.0, 0.0]);

    // AWS Cost Explorer export, grouped by service, monthly: header, "Service total", months.
    let ce = "Service,EC2-Instances($),S3($),Total costs($)\n\
              Service total,300,30,330\n\
              2026-01-01,100,10,110\n\
              2026-02-01,200,,200\n";
    let h = history::parse_str(ce, "ce.csv").unwrap();
    assert_eq!(h.months, vec!["2026-01", "2026-02"]);
    assert_eq!(h.total, vec![110.0, 200.0]);
    assert_eq!(h.by_service["EC2-Instances"], vec![100.0, 200.0]);
    assert_eq!(h.by_service["S3"], vec![10.0, 0.0]);
}

#[test]
fn history_errors_name_line_and_field() {
    let e = history::parse_str("month,cost\n2026-01,100\n2026-02,abc\n", "b.csv").unwrap_err();
    assert_eq!((e.line, e.field.as_str()), (3, "cost"), "{e}");
    assert!(e.to_string().starts_with("b.csv:3: cost:"), "{e}");
    let e = history::parse_str("month,cost\n2026-01,1\n2026-04,2\n", "g.csv").unwrap_err();
    assert_eq!(e.line, 3);
    assert!(e.message.contains("consecutive"), "{e}");
    let e = history::parse_str("month,cost\n2026-13,1\n", "m.csv").unwrap_err();
    assert_eq!((e.line, e.field.as_str()), (2, "month"));
    assert!(history::parse_str("", "e.csv").is_err());
}

#[test]
fn sample_bill_history_parses() {
    let text = include_str!("../../samples/bill-history.csv");
    let h = history::parse_str(text, "samples/bill-history.csv").unwrap();
    assert_eq!(h.len(), 48);
    assert_eq!(h.months.last().unwrap(), "2026-12");
}

// ------------------------------------------------------------------------------- model fits

/// A series from the local-level model y = l + ε, l ← l + α ε (ETS(A,N,N)).
fn local_level(alpha: f64, sigma: f64, n: usize, rng: &mut Rng) -> Vec<f64> {
    let mut l = 100.0;
    (0..n)
        .map(|_| {
            let e = sigma * rng.normal();
            let y = l + e;
            l += alpha * e;
            y
        })
        .collect()
}

#[test]
fn linear_fit_recovers_slope_and_intercept() {
    let mut rng = Rng::new(1);
    let y: Vec<f64> = (0..120)
        .map(|t| 50.0 + 2.0 * t as f64 + rng.normal())
        .collect();
    let f = models::linear::fit(&y).unwrap();
    assert!((f.slope - 2.0).abs() < 0.02, "{}", f.slope);
    assert!((f.intercept - 50.0).abs() < 0.6, "{}", f.intercept);
    assert!((f.sigma - 1.0).abs() < 0.15, "{}", f.sigma);
}

#[test]
fn smoothing_fit_recovers_alpha_of_a_local_level_series() {
    let mut rng = Rng::new(2);
    let y = local_level(0.4, 2.0, 600, &mut rng);
    let spec = Spec {
        trend: Trend::None,
        season: Season::None,
        period: 12,
    };
    let f = smoothing::fit(spec, &y, Objective::Sse).unwrap();
    assert!((f.params.alpha - 0.4).abs() < 0.08, "{:?}", f.params);
    assert!((f.sigma - 2.0).abs() < 0.2, "{}", f.sigma);
}

#[test]
fn holt_winters_forecasts_a_clean_seasonal_series() {
    // Trend + additive season, no noise: the forecast should be nearly exact, and the
    // multiplicative version should handle a multiplicative season.
    let add: Vec<f64> = (0..96)
        .map(|t| 200.0 + 3.0 * t as f64 + 20.0 * (t as f64 * std::f64::consts::TAU / 12.0).sin())
        .collect();
    let mul: Vec<f64> = (0..96)
        .map(|t| {
            (200.0 + 3.0 * t as f64) * (1.0 + 0.2 * (t as f64 * std::f64::consts::TAU / 12.0).sin())
        })
        .collect();
    for (y, multiplicative) in [(&add, false), (&mul, true)] {
        let kind = ModelKind::HoltWinters {
            multiplicative,
            damped: false,
        };
        let f = models::fit(kind, &y[..84], 12).unwrap();
        let m = models::mape(&y[84..], &f.forecast(12));
        assert!(m < 1.0, "{}: MAPE {m}", kind.name());
    }
}

#[test]
fn selection_prefers_a_seasonal_model_on_seasonal_data_and_reports_its_error() {
    let mut rng = Rng::new(3);
    let y: Vec<f64> = (0..60)
        .map(|t| {
            (100.0 + 2.0 * t as f64) * (1.0 + 0.3 * (t as f64 * std::f64::consts::TAU / 12.0).cos())
                + rng.normal()
        })
        .collect();
    let s = select::select(&y, &ModelKind::ALL, 24).unwrap();
    assert!(
        !matches!(s.chosen, ModelKind::Linear),
        "chose {:?}",
        s.chosen
    );
    assert_eq!(s.holdout_months, 12);
    assert!(s.holdout_mape < 3.0, "{}", s.holdout_mape);
    assert_eq!(s.bands.len(), 24);
    // Seasonal naive (the baseline) is scored too.
    assert!(
        s.candidates
            .iter()
            .any(|c| c.kind == ModelKind::SeasonalNaive && c.holdout_mape.is_some())
    );
}

// ------------------------------------------------------------------------- interval coverage

#[test]
fn smoothing_intervals_cover_close_to_nominal() {
    // 300 simulated local-level series; fit, forecast 1..=6 months, count how often the truth
    // falls inside. Nominal 80 % and 95 %; parameter uncertainty makes them a little narrow.
    let mut rng = Rng::new(4);
    let (mut in80, mut in95, mut total) = (0usize, 0usize, 0usize);
    for _ in 0..300 {
        let y = local_level(0.5, 1.0, 66, &mut rng);
        let spec = Spec {
            trend: Trend::None,
            season: Season::None,
            period: 12,
        };
        let f = smoothing::fit(spec, &y[..60], Objective::Sse).unwrap();
        for (b, actual) in f.bands(6).iter().zip(&y[60..]) {
            in80 += usize::from(b.lo80 <= *actual && *actual <= b.hi80);
            in95 += usize::from(b.lo95 <= *actual && *actual <= b.hi95);
            total += 1;
        }
    }
    let (c80, c95) = (in80 as f64 / total as f64, in95 as f64 / total as f64);
    assert!((0.74..=0.86).contains(&c80), "80 % coverage {c80}");
    assert!((0.91..=0.98).contains(&c95), "95 % coverage {c95}");
}

#[test]
fn linear_intervals_cover_close_to_nominal() {
    let mut rng = Rng::new(5);
    let (mut in80, mut in95, mut total) = (0usize, 0usize, 0usize);
    for _ in 0..400 {
        let y: Vec<f64> = (0..30)
            .map(|t| 10.0 + 0.5 * t as f64 + 2.0 * rng.normal())
            .collect();
        let f = models::linear::fit(&y[..24]).unwrap();
        for (b, actual) in f.bands(6).iter().zip(&y[24..]) {
            in80 += usize::from(b.lo80 <= *actual && *actual <= b.hi80);
            in95 += usize::from(b.lo95 <= *actual && *actual <= b.hi95);
            total += 1;
        }
    }
    let (c80, c95) = (in80 as f64 / total as f64, in95 as f64 / total as f64);
    assert!((0.76..=0.84).contains(&c80), "80 % coverage {c80}");
    assert!((0.93..=0.97).contains(&c95), "95 % coverage {c95}");
}

// ------------------------------------------------------------------------- driver properties

proptest! {
    #[test]
    fn compound_drivers_compose_multiplicatively(p in -50.0f64..100.0, q in -50.0f64..100.0, t in 0u32..60) {
        let two = users_plan(vec![
            GrowthDriver::Compound { target: users(), pct: p, per: Period::Month, from: None },
            GrowthDriver::Compound { target: users(), pct: q, per: Period::Month, from: None },
        ]);
        let pq = ((1.0 + p / 100.0) * (1.0 + q / 100.0) - 1.0) * 100.0;
        let one = users_plan(vec![
            GrowthDriver::Compound { target: users(), pct: pq, per: Period::Month, from: None },
        ]);
        let a = values(&two, t + 1)[t as usize];
        let b = values(&one, t + 1)[t as usize];
        prop_assert!(close(a, b, 1e-9), "{a} vs {b}");
    }

    #[test]
    fn drivers_leave_months_before_their_start_alone(per_month in -10.0f64..10.0, pct in -50.0f64..50.0, start in 0i32..24) {
        let from = drivers::add_months("2027-01", start).unwrap();
        let plan = users_plan(vec![
            GrowthDriver::Linear { target: users(), per_month, from: Some(from.clone()) },
            GrowthDriver::Compound { target: users(), pct, per: Period::Month, from: Some(from) },
        ]);
        let v = values(&plan, 30);
        for x in &v[..=start as usize] {
            prop_assert_eq!(*x, 100.0);
        }
    }

    #[test]
    fn logistic_stays_between_start_and_cap(cap in 101.0f64..1e6, rate in 0.1f64..200.0, t in 0u32..60) {
        let plan = users_plan(vec![GrowthDriver::Logistic { target: users(), cap, rate_pct: rate, from: None }]);
        let v = values(&plan, t + 1)[t as usize];
        prop_assert!((100.0..=cap).contains(&v), "{v}");
    }

    #[test]
    fn projection_is_the_drivers_value_plus_the_fixed_line(pct in -20.0f64..20.0, months in 1u32..36) {
        let plan = users_plan(vec![GrowthDriver::Compound { target: users(), pct, per: Period::Month, from: None }]);
        let p = project::project(&plan, embedded(), Some(months)).unwrap();
        let v = values(&plan, months);
        prop_assert_eq!(p.months.len(), months as usize);
        for (m, x) in p.months.iter().zip(v) {
            prop_assert!(close(m.monthly_usd, x + 10.0, 1e-12));
        }
    }
}

// ---------------------------------------------------------------- AirPassengers vs statsmodels

fn airpassengers() -> Vec<f64> {
    let text = include_str!("../data/airpassengers.csv");
    let h = history::parse_str(text, "airpassengers.csv").expect("AirPassengers parses");
    assert_eq!(h.len(), 144);
    assert_eq!(h.total.iter().sum::<f64>(), 40363.0);
    h.total
}

/// tests/data/airpassengers_statsmodels.csv: (seasonal, damped, mape, rmse, sse_train).
fn statsmodels_reference() -> Vec<(String, bool, f64, f64, f64)> {
    include_str!("../data/airpassengers_statsmodels.csv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("trend"))
        .map(|l| {
            let c: Vec<&str> = l.split(',').collect();
            (
                c[1].to_string(),
                c[2] == "true",
                c[3].parse().unwrap(),
                c[4].parse().unwrap(),
                c[5].parse().unwrap(),
            )
        })
        .collect()
}

/// Reference: statsmodels 0.15 `ExponentialSmoothing(trend="add", seasonal=…,
/// seasonal_periods=12).fit()` on the first 120 months, forecasting the last 24 (numbers made by
/// tools/forecast_reference.py). Our least-squares fit must reach the same training SSE (it
/// finds the same α, β, γ), forecast the same 24 values (undamped models, where the reference
/// has them point by point; h = 12 and 24 included, which use the last December index from before
/// its final update as statsmodels does) and score a held-out MAPE no worse than statsmodels'
/// plus 0.01 points for every configuration, damped ones included.
#[test]
fn airpassengers_holt_winters_matches_statsmodels() {
    let y = airpassengers();
    let (train, test) = y.split_at(120);
    let forecasts: Vec<Vec<f64>> = include_str!("../data/airpassengers_statsmodels_forecast.csv")
        .lines()
        .filter(|l| l.chars().next().is_some_and(|c| c.is_ascii_digit()))
        .map(|l| l.split(',').skip(1).map(|v| v.parse().unwrap()).collect())
        .collect();
    let mut best_ours = f64::INFINITY;
    let mut best_theirs = f64::INFINITY;
    for (seasonal, damped, sm_mape, _rmse, sm_sse) in statsmodels_reference() {
        let multiplicative = seasonal == "mul";
        let kind = ModelKind::HoltWinters {
            multiplicative,
            damped,
        };
        let f = models::fit(kind, train, 12).unwrap();
        let sse = f.smoothing().unwrap().objective;
        let fc = f.forecast(24);
        let mape = models::mape(test, &fc);
        eprintln!(
            "{:40} ours: SSE {sse:.6} MAPE {mape:.6}   statsmodels: SSE {sm_sse:.6} MAPE {sm_mape:.6}",
            kind.name()
        );
        assert!(
            sse <= sm_sse * 1.0001,
            "{}: SSE {sse} vs {sm_sse}",
            kind.name()
        );
        assert!(
            mape <= sm_mape + 0.01,
            "{}: MAPE {mape} vs {sm_mape}",
            kind.name()
        );
        if !damped {
            let col = usize::from(multiplicative);
            // Multiplicative: the same optimum, so the same forecasts to 1e-7. Additive: our
            // SSE is 0.016 lower (16033.5867 vs 16033.6029, statsmodels' optimiser stops just
            // short on a flat valley with β at its bound), which moves every forecast by up to
            // 1.6e-5 relative; the exact indexing is checked with statsmodels' own parameters in
            // `airpassengers_forecast_indexing_is_statsmodels`.
            let tol = if multiplicative { 1e-6 } else { 2e-5 };
            for h in 0..24 {
                let theirs = forecasts[h][col];
                assert!(
                    (fc[h] - theirs).abs() <= tol * theirs,
                    "{} h={}: {} vs {theirs}",
                    kind.name(),
                    h + 1,
                    fc[h]
                );
            }
        }
        best_ours = best_ours.min(mape);
        best_theirs = best_theirs.min(sm_mape);
    }
    assert!(
        best_ours <= best_theirs + 0.01,
        "{best_ours} vs {best_theirs}"
    );
}

/// The forecast recursion and seasonal indexing, isolated from the optimiser: from statsmodels'
/// own fitted parameters and initial states (tests/data/airpassengers_statsmodels_params.csv,
/// full precision, made by tools/forecast_reference.py --params), our filter and forecast must
/// give statsmodels' 24 forecasts (tests/data/airpassengers_statsmodels_forecast.csv, printed to
/// 6 decimals) to 1e-8 relative, h = 12 and 24 included; the simulated interval's centre and the
/// ETS path use the same origin state.
#[test]
fn airpassengers_forecast_indexing_is_statsmodels() {
    let y = airpassengers();
    let train = &y[..120];
    let forecasts: Vec<Vec<f64>> = include_str!("../data/airpassengers_statsmodels_forecast.csv")
        .lines()
        .filter(|l| l.chars().next().is_some_and(|c| c.is_ascii_digit()))
        .map(|l| l.split(',').skip(1).map(|v| v.parse().unwrap()).collect())
        .collect();
    let params = include_str!("../data/airpassengers_statsmodels_params.csv")
        .lines()
        .filter(|l| l.starts_with("add,") || l.starts_with("mul,"));
    let mut seen = 0;
    for line in params {
        let c: Vec<&str> = line.split(',').collect();
        let v: Vec<f64> = c[1..].iter().map(|x| x.parse().unwrap()).collect();
        let multiplicative = c[0] == "mul";
        let spec = Spec {
            trend: Trend::Additive,
            season: if multiplicative {
                Season::Multiplicative
            } else {
                Season::Additive
            },
            period: 12,
        };
        let p = smoothing::Params {
            alpha: v[0],
            beta: v[1],
            gamma: v[2],
            phi: 1.0,
        };
        let init = smoothing::State {
            level: v[3],
            trend: v[4],
            season: v[5..17].to_vec(),
        };
        let (_, last) = smoothing::filter(&spec, &p, &init, train);
        let origin = smoothing::forecast_origin(&spec, &p, &init, train, &last);
        let fc = smoothing::forecast(&spec, &p, &origin, 24);
        let col = usize::from(multiplicative);
        for h in 0..24 {
            let theirs = forecasts[h][col];
            assert!(
                (fc[h] - theirs).abs() <= 1e-8 * theirs,
                "{} h={}: {} vs {theirs}",
                c[0],
                h + 1,
                fc[h]
            );
        }
        // The textbook origin (the updated index) differs exactly at h = 12 and 24.
        let textbook = smoothing::forecast(&spec, &p, &last, 24);
        for h in 0..24 {
            assert_eq!(textbook[h] == fc[h], h % 12 != 11, "{} h={}", c[0], h + 1);
        }
        seen += 1;
    }
    assert_eq!(seen, 2);
}

/// Intervals and ETS start from the same origin as the point forecast: the simulated bands are
/// centred on it, and an ETS fit's forecast is its recursion from `origin`.
#[test]
fn intervals_and_ets_use_the_statsmodels_origin() {
    let y = airpassengers();
    let train = &y[..120];
    for kind in [
        ModelKind::HoltWinters {
            multiplicative: true,
            damped: false,
        },
        ModelKind::Ets,
    ] {
        let f = models::fit(kind, train, 12).unwrap();
        let s = f.smoothing().unwrap();
        let fc = f.forecast(24);
        assert_eq!(fc, smoothing::forecast(&s.spec, &s.params, &s.origin, 24));
        if s.spec.season != Season::None {
            assert_ne!(s.origin.season[11], s.last.season[11]);
        }
        for (k, b) in f.bands(24).iter().enumerate() {
            assert_eq!(b.mean, fc[k]);
            assert!(b.lo95 < b.lo80 && b.lo80 < fc[k] && fc[k] < b.hi80 && b.hi80 < b.hi95);
            // The simulated median stays close to the point forecast at every h, the
            // seasonal-period ones included.
            let mid = (b.lo80 + b.hi80) / 2.0;
            assert!(
                (mid - fc[k]).abs() < 0.1 * (b.hi80 - b.lo80),
                "h={} {b:?}",
                k + 1
            );
        }
    }
}

// ------------------------------------------------------------------------------------ CLI

fn cli(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_cloudplan"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

#[test]
fn cli_forecast_formats_agree_and_bad_input_exits_2() {
    let plan = "samples/serverless-api.cloudplan.json";
    let hist = "samples/bill-history.csv";
    let dir = tempfile::tempdir().unwrap();
    let chart = dir.path().join("f.svg");
    let chart = chart.to_str().unwrap();
    let o = cli(&[
        "forecast",
        plan,
        "--history",
        hist,
        "--format",
        "json",
        "--months",
        "18",
        "--chart",
        chart,
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let months = json["projection"]["months"].as_array().unwrap();
    assert_eq!(months.len(), 18);
    assert!(json["history"]["holdout_mape"].as_f64().unwrap() > 0.0);
    assert!(std::fs::read_to_string(chart).unwrap().contains("<svg"));
    // CSV plan_total rows carry the same numbers as the JSON.
    let o = cli(&[
        "forecast",
        plan,
        "--history",
        hist,
        "--format",
        "csv",
        "--months",
        "18",
    ]);
    let csv = String::from_utf8(o.stdout).unwrap();
    let totals: Vec<f64> = csv
        .lines()
        .filter(|l| l.starts_with("plan_total,"))
        .map(|l| l.split(',').nth(3).unwrap().parse().unwrap())
        .collect();
    assert_eq!(totals.len(), 18);
    for (t, m) in totals.iter().zip(months) {
        let want = m["monthly_usd"].as_f64().unwrap() + m["upfront_usd"].as_f64().unwrap();
        assert!(close(*t, want, 1e-12));
    }
    assert_eq!(csv.lines().filter(|l| l.starts_with("model,")).count(), 18);
    // Table.
    let o = cli(&["forecast", plan]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("2027-01"));
    // Bad input: exit 2 with the line and field named.
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "month,cost\n2026-01,10\n2026-02,ten\n").unwrap();
    let o = cli(&["forecast", plan, "--history", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains(":3: cost:"));
    let o = cli(&[
        "forecast",
        "tests/fixtures/plans/bad-growth-value.cloudplan.json",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let o = cli(&["forecast", plan, "--months", "61"]);
    assert_eq!(o.status.code(), Some(2));
}
