//! `cloudplan catalog` and `cloudplan compare` over the catalogue of issue 18: 34 named regions,
//! ≥ 280 EC2 types, one instance type across regions, the six Compute Savings Plan options.

use std::process::{Command, Output};

fn cloudplan(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cloudplan"))
        .args(args)
        .output()
        .expect("run cloudplan")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

// Done-check of issue 18: `cloudplan catalog` lists 34 regions and ≥ 280 EC2 types; regions
// carry their Price List names; the catalogue's dates are the price files' publication dates.
#[test]
fn catalog_summary_lists_34_named_regions_and_280_types() {
    let o = cloudplan(&["catalog"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.contains("34 regions:"), "{text}");
    assert!(
        text.contains("price files published 2023-06-01 to 2026-09-29"),
        "{text}"
    );
    assert!(
        text.lines()
            .any(|l| l.contains("eu-central-1") && l.contains("EU (Frankfurt)")),
        "{text}"
    );
    let types: usize = text
        .lines()
        .find_map(|l| {
            l.strip_suffix(" EC2 instance types with specifications (vCPU, memory, architecture)")
        })
        .expect("instance type count")
        .trim()
        .parse()
        .unwrap();
    assert!(types >= 280, "{types}");
    // Every region line counts the EC2 types priced On-Demand there.
    assert!(
        text.lines()
            .filter(|l| l.ends_with("EC2 types On-Demand"))
            .count()
            == 34
    );
}

// One instance type across all regions, sorted by price (ec2instances.info's most requested
// feature): m7i.large, cheapest first, us-east-1 at $0.1008/h On-Demand and $0.07406/h Compute
// SP 1yr No Upfront (ec2.shop copy 2025-04-04; pricesim copy of the SP feed 2026-09-24).
#[test]
fn catalog_instance_type_across_regions_sorted() {
    let o = cloudplan(&["catalog", "--instance-type", "m7i.large", "--format", "csv"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut r = csv::Reader::from_reader(o.stdout.as_slice());
    let rows: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
    assert_eq!(rows.len(), 22);
    let od: Vec<f64> = rows.iter().map(|x| x[3].parse().unwrap()).collect();
    assert!(od.windows(2).all(|w| w[0] <= w[1]), "{od:?}");
    let us = rows.iter().find(|x| &x[1] == "us-east-1").unwrap();
    assert_eq!(&us[2], "US East (N. Virginia)");
    assert_eq!(us[3].parse::<f64>().unwrap(), 0.1008);
    assert_eq!(us[6].parse::<f64>().unwrap(), 0.07406);
    let o = cloudplan(&[
        "catalog",
        "--instance-type",
        "m7i.large",
        "--sort",
        "region",
        "--descending",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    let first = text.lines().nth(2).unwrap();
    assert!(first.starts_with("us-west-2"), "{text}");
    let o = cloudplan(&[
        "catalog",
        "--instance-type",
        "m7i.large",
        "--sort",
        "cheapest",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--sort"));
    let o = cloudplan(&["catalog", "--instance-type", "m99.mega"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("m99.mega"));
}

// Done-check of issue 18: `compare` prices the six Compute Savings Plan options in us-east-1.
#[test]
fn compare_prices_six_compute_savings_plans_in_us_east_1() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("sp.cloudplan.json");
    std::fs::write(
        &plan,
        r#"{"schema_version": 1, "name": "sp", "default_region": "us-east-1",
            "start_month": "2027-01", "horizon_months": 36, "items": [
            {"id": "web", "name": "web", "resource": {"kind": "ec2", "instance_type": "m7i.large",
              "count": 4, "usage": {"pattern": "constant", "hours_per_month": 730},
              "purchase": {"type": "savings_plan", "plan": "compute", "term": "3yr", "payment": "partial_upfront"}}}]}"#,
    )
    .unwrap();
    let p = plan.to_str().unwrap();
    let o = cloudplan(&["compare", p, "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let options = v["options"].as_array().unwrap();
    let compute: Vec<&serde_json::Value> = options
        .iter()
        .filter(|o| o["label"].as_str().unwrap().starts_with("Compute SP"))
        .collect();
    assert_eq!(compute.len(), 6);
    assert!(
        compute.iter().all(|o| o["unavailable"].is_null()),
        "{compute:?}"
    );
    assert!(
        compute
            .iter()
            .all(|o| o["total_usd"].as_f64().unwrap() > 0.0)
    );
    let ec2sp = options
        .iter()
        .filter(|o| o["label"].as_str().unwrap().starts_with("EC2 Instance SP"));
    assert!(ec2sp.into_iter().all(|o| o["unavailable"].is_string()));
    // The estimate of the same plan: 4 × $0.04733/h × 50 % × 26,280 h = $2,487.6648 upfront.
    let o = cloudplan(&["estimate", p, "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let up = v["total"]["upfront_usd"].as_f64().unwrap();
    assert!((up - 2487.6648).abs() < 1e-6, "{up}");
    // The table names the Savings Plan optimum beside the RI one.
    let o = cloudplan(&["compare", p]);
    assert!(
        stdout(&o).contains("Compute SP 3yr All Upfront commitment"),
        "{}",
        stdout(&o)
    );
}
