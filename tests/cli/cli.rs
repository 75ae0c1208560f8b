//! Command-line integration tests: every sample prices in every format, bad input exits 2 with
//! a message naming the file and field, and nothing is written on failure.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::common;

fn cloudplan(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cloudplan"))
        .args(args)
        .output()
        .expect("run cloudplan")
}

fn samples() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".cloudplan.json"))
        .collect();
    v.sort();
    v
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

#[test]
fn there_are_at_least_four_samples() {
    assert!(samples().len() >= 4, "{:?}", samples());
}

#[test]
fn every_sample_prices_in_every_format_with_the_same_total() {
    for s in samples() {
        let path = s.to_str().unwrap();
        let table = cloudplan(&["estimate", path]);
        assert!(table.status.success(), "{path}: {}", stderr(&table));
        let t = stdout(&table);
        assert!(t.contains("Monthly total"), "{t}");
        assert!(t.contains("Prices: "), "catalogue identity missing: {t}");

        let json = cloudplan(&["estimate", path, "--format", "json"]);
        assert!(json.status.success(), "{path}: {}", stderr(&json));
        let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
        let monthly = v["total"]["monthly_usd"].as_f64().unwrap();
        assert!(monthly > 0.0 && monthly.is_finite(), "{path}: {monthly}");
        assert!(v["catalog"]["name"].as_str().is_some());

        let csv_out = cloudplan(&["estimate", path, "--format", "csv"]);
        assert!(csv_out.status.success(), "{path}: {}", stderr(&csv_out));
        let mut r = csv::Reader::from_reader(csv_out.stdout.as_slice());
        let headers = r.headers().unwrap().clone();
        let rec = headers.iter().position(|h| h == "record").unwrap();
        let m = headers.iter().position(|h| h == "monthly_usd").unwrap();
        let mut component_sum = 0.0;
        let mut total = None;
        for row in r.records() {
            let row = row.unwrap();
            match &row[rec] {
                "component" => component_sum += row[m].parse::<f64>().unwrap(),
                "total" => total = Some(row[m].parse::<f64>().unwrap()),
                _ => {}
            }
        }
        let total = total.expect("total row");
        assert!(
            (total - monthly).abs() < 1e-6,
            "{path}: csv {total} json {monthly}"
        );
        assert!(
            (component_sum - total).abs() < 1e-6,
            "{path}: components {component_sum} total {total}"
        );
        // The table shows the same total, rounded to cents.
        assert!(
            t.contains(&cloudplan::report::format::money(monthly)),
            "{path}: table lacks {}",
            cloudplan::report::format::money(monthly)
        );
    }
}

#[test]
fn estimate_without_a_plan_prices_the_embedded_default() {
    let o = cloudplan(&["estimate", "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(v["total"]["monthly_usd"].as_f64().unwrap() > 0.0);
}

#[test]
fn validate_accepts_samples() {
    for s in samples() {
        let o = cloudplan(&["validate", s.to_str().unwrap()]);
        assert!(o.status.success(), "{}: {}", s.display(), stderr(&o));
        assert!(stdout(&o).contains("OK"));
    }
}

#[test]
fn output_file_is_written_only_on_success() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("bill.csv");
    let sample = &samples()[0];
    let o = cloudplan(&[
        "estimate",
        sample.to_str().unwrap(),
        "--format",
        "csv",
        "--output",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let first = std::fs::read_to_string(&out).unwrap();
    // A CSV file starts with a UTF-8 byte-order mark so spreadsheets decode Hangul correctly.
    assert!(first.starts_with("\u{feff}record,plan,"));

    // A bad plan: exit 2, message names file and field, and the existing output is untouched.
    let bad = dir.path().join("bad.cloudplan.json");
    let mut plan: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(sample).unwrap()).unwrap();
    plan["items"][0]["bogus_field"] = serde_json::json!(1);
    std::fs::write(&bad, serde_json::to_string_pretty(&plan).unwrap()).unwrap();
    let o = cloudplan(&[
        "estimate",
        bad.to_str().unwrap(),
        "--format",
        "csv",
        "--output",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let msg = stderr(&o);
    assert!(msg.contains("bad.cloudplan.json"), "{msg}");
    assert!(msg.contains("bogus_field"), "{msg}");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), first);
    assert!(o.stdout.is_empty());
}

#[test]
fn unknown_instance_type_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("typo.cloudplan.json");
    let mut plan: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            samples()
                .into_iter()
                .find(|p| p.to_string_lossy().contains("seoul"))
                .unwrap(),
        )
        .unwrap(),
    )
    .unwrap();
    let items = plan["items"].as_array_mut().unwrap();
    let ec2 = items
        .iter_mut()
        .find(|i| i["resource"]["kind"] == "ec2")
        .unwrap();
    ec2["resource"]["instance_type"] = serde_json::json!("m5.lrage");
    let id = ec2["id"].as_str().unwrap().to_string();
    std::fs::write(&bad, serde_json::to_string(&plan).unwrap()).unwrap();
    let o = cloudplan(&["estimate", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let msg = stderr(&o);
    assert!(msg.contains(&id) && msg.contains("m5.lrage"), "{msg}");
    let v = cloudplan(&["validate", bad.to_str().unwrap()]);
    assert_eq!(v.status.code(), Some(2));
    assert!(stderr(&v).contains("m5.lrage"));
}

#[test]
fn malformed_json_names_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("broken.cloudplan.json");
    std::fs::write(&bad, "{\n  \"schema_version\": 1,\n  \"name\": \n}").unwrap();
    let o = cloudplan(&["estimate", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let msg = stderr(&o);
    assert!(
        msg.contains("broken.cloudplan.json:4:1:") && msg.contains("name"),
        "{msg}"
    );
}

#[test]
fn missing_file_is_bad_input() {
    let o = cloudplan(&["estimate", "/nonexistent/plan.cloudplan.json"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("/nonexistent/plan.cloudplan.json"));
}

#[test]
fn catalog_lists_prices_and_rejects_unknown_filters() {
    let o = cloudplan(&[
        "catalog",
        "--service",
        "ec2",
        "--region",
        "us-east-1",
        "--format",
        "csv",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    // m5.large on-demand Linux, us-east-1: $0.096/h (pricing-data/rates, source ec2.shop 2025-04-04).
    assert!(
        text.lines().any(
            |l| l.starts_with("us-east-1,ec2,m5.large,instance_hours,on_demand,")
                && l.contains(",0.096,")
        ),
        "{text}"
    );
    let o = cloudplan(&["catalog", "--service", "ec3"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("ec3"));
    let o = cloudplan(&["catalog", "--region", "mars-north-1"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn bad_catalog_directory_names_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let rates = dir.path().join("rates");
    std::fs::create_dir(&rates).unwrap();
    std::fs::write(
        rates.join("extra.csv"),
        "region,service,product,dimension,option,term,payment,offering_class,unit,tier_begin,tier_end,usd,upfront_usd,effective_date,source,rate_code,notes\n\
         us-east-1,ec2,m5.large,instance_hours,on_demand,,,,Hrs,0,,-0.5,0,2025-04-04,ec2shop-ondemand,,\n",
    )
    .unwrap();
    let sample = &samples()[0];
    let o = cloudplan(&[
        "estimate",
        sample.to_str().unwrap(),
        "--catalog",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let msg = stderr(&o);
    assert!(
        msg.contains("extra.csv") && msg.contains('2') && msg.contains("usd"),
        "{msg}"
    );
}

/// The estimate CSV of every sample through LibreOffice and back (CSV → xlsx → CSV) reads back
/// cell for cell: the UTF-8 BOM is understood, Hangul names, quoted calculation trails with commas,
/// plain decimals that read back as the same numbers.
/// Needs `soffice` on PATH (`.ci/run` installs it), so it is run on demand:
/// `cargo test --test cli -- --ignored libreoffice`.
#[test]
#[ignore = "needs LibreOffice (soffice); run with --ignored"]
fn estimate_csv_survives_a_libreoffice_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    for sample in samples() {
        let stem = sample
            .file_name()
            .unwrap()
            .to_string_lossy()
            .replace(".cloudplan.json", "");
        let csv = dir.path().join(format!("{stem}.csv"));
        let o = cloudplan(&[
            "estimate",
            sample.to_str().unwrap(),
            "--format",
            "csv",
            "--output",
            csv.to_str().unwrap(),
        ]);
        assert!(o.status.success(), "{}", stderr(&o));
        let back_text = common::libreoffice_round_trip(&csv, dir.path());
        let parse = |text: &str| -> Vec<Vec<String>> {
            let text = text.strip_prefix('\u{feff}').unwrap_or(text);
            csv::ReaderBuilder::new()
                .has_headers(false)
                .from_reader(text.as_bytes())
                .records()
                .map(|r| r.unwrap().iter().map(str::to_string).collect())
                .collect()
        };
        let ours = parse(&std::fs::read_to_string(&csv).unwrap());
        let back = parse(&back_text);
        assert_eq!(ours.len(), back.len(), "{stem}: row count");
        for (r, (a, b)) in ours.iter().zip(&back).enumerate() {
            assert_eq!(a.len(), b.len(), "{stem}: row {}", r + 1);
            for (x, y) in a.iter().zip(b) {
                // LibreOffice writes very small numbers back with fewer decimals
                // (0.000000196699669966997 → 0.000000196699669967): equal to 1e-9 relative.
                match (x.parse::<f64>(), y.parse::<f64>()) {
                    (Ok(p), Ok(q)) => assert!(
                        (p - q).abs() <= 1e-9 * p.abs().max(q.abs()),
                        "{stem}: row {}: {x} vs {y}",
                        r + 1
                    ),
                    _ => assert_eq!(x, y, "{stem}: row {}", r + 1),
                }
            }
        }
    }
}
