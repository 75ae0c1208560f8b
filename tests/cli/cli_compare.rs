//! `cloudplan compare` end to end: every format renders the same figures as the engine, bad
//! input exits 2 naming the item or field with nothing written, charts land as PNG and SVG.

use cloudplan::catalog::load;
use cloudplan::plan::file::load as load_plan;
use cloudplan::purchase::{Settings, compare_plan};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn cloudplan(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cloudplan"))
        .args(args)
        .output()
        .expect("run cloudplan")
}

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("samples")
        .join(name)
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn csv_and_json_carry_the_engine_figures() {
    let path = sample("seoul-web-app.cloudplan.json");
    let p = path.to_str().unwrap();
    let plan = load_plan(&path).unwrap();
    let direct = compare_plan(
        &plan,
        load::embedded(),
        Settings {
            horizon_months: 24,
            spot_overhead_pct: 0.0,
        },
    )
    .unwrap();

    let json = cloudplan(&["compare", p, "--horizon", "24", "--format", "json"]);
    assert!(json.status.success(), "{}", stderr(&json));
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(v["options"].as_array().unwrap().len(), 26);
    assert_eq!(
        v["options"][0]["total_usd"].as_f64().unwrap(),
        direct.on_demand().total_usd
    );

    let out = cloudplan(&["compare", p, "--horizon", "24", "--format", "csv"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let mut r = csv::Reader::from_reader(out.stdout.as_slice());
    let headers = r.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let (rec, opt, total, reason, pay) = (
        col("record"),
        col("option"),
        col("total_usd"),
        col("unavailable_reason"),
        col("payment_usd"),
    );
    let rows: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
    let options: Vec<_> = rows.iter().filter(|r| &r[rec] == "option").collect();
    assert_eq!(options.len(), 26);
    for o in &options {
        let engine = direct.options.iter().find(|x| x.label == o[opt]).unwrap();
        if engine.is_available() {
            // The CSV writes 15 significant digits (report::csv::decimal), so equal to 1e-12.
            let csv_total = o[total].parse::<f64>().unwrap();
            assert!((csv_total - engine.total_usd).abs() <= 1e-12 * engine.total_usd.abs());
            // The month rows add up to the total.
            let months: f64 = rows
                .iter()
                .filter(|r| &r[rec] == "month" && r[opt] == o[opt])
                .map(|r| r[pay].parse::<f64>().unwrap())
                .sum();
            assert!((months - engine.total_usd).abs() < 1e-6);
        } else {
            // Never a $0 figure for an option the catalogue cannot price.
            assert_eq!(&o[total], "");
            assert!(!o[reason].is_empty());
        }
    }
    assert!(rows.iter().any(|r| &r[rec] == "optimiser"));
    assert!(rows.iter().any(|r| &r[rec] == "best_per_item"));

    let table = cloudplan(&["compare", p]);
    assert!(table.status.success());
    let t = String::from_utf8(table.stdout).unwrap();
    assert!(
        t.contains("Purchase options:") && t.contains("cheapest over"),
        "{t}"
    );
}

#[test]
fn bad_input_exits_2_naming_the_item_or_field() {
    let p = sample("seoul-web-app.cloudplan.json");
    let p = p.to_str().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let outfile = dir.path().join("out.csv");
    let o = outfile.to_str().unwrap();
    for (args, needle) in [
        (vec!["--item", "nope"], "item `nope`"),
        (vec!["--horizon", "0"], "--horizon"),
        (vec!["--horizon", "121"], "--horizon"),
        (vec!["--horizon", "soon"], "--horizon"),
        (vec!["--overhead", "-5"], "--overhead"),
    ] {
        let mut a = vec!["compare", p, "--output", o];
        a.extend(args);
        let out = cloudplan(&a);
        assert_eq!(out.status.code(), Some(2), "{a:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(needle), "{a:?}: {}", stderr(&out));
        assert!(!outfile.exists(), "nothing written on failure");
    }
    // An item with no purchase options (the plan's S3 bucket).
    let plan = load_plan(Path::new(p)).unwrap();
    let s3 = plan
        .items
        .iter()
        .find(|i| matches!(i.resource, cloudplan::plan::Resource::S3(_)))
        .unwrap();
    let out = cloudplan(&["compare", p, "--item", &s3.id]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains(&format!("item `{}`", s3.id)),
        "{}",
        stderr(&out)
    );
}

#[test]
fn charts_and_output_files_are_written() {
    let p = sample("spot-batch.cloudplan.json");
    let dir = tempfile::tempdir().unwrap();
    let charts = dir.path().join("charts");
    let csv_path = dir.path().join("options.csv");
    let out = cloudplan(&[
        "compare",
        p.to_str().unwrap(),
        "--item",
        "schedulers",
        "--format",
        "csv",
        "--output",
        csv_path.to_str().unwrap(),
        "--charts",
        charts.to_str().unwrap(),
        "--overhead",
        "10",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    assert!(
        std::fs::read_to_string(&csv_path)
            .unwrap()
            .starts_with("\u{feff}record,"),
        "a CSV file starts with the UTF-8 byte-order mark"
    );
    for stem in ["cumulative-cost-by-option", "commitment-cost-curve"] {
        let png = std::fs::read(charts.join(format!("{stem}.png"))).unwrap();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        let svg = std::fs::read_to_string(charts.join(format!("{stem}.svg"))).unwrap();
        assert!(svg.contains("<svg"));
    }
    let svg = std::fs::read_to_string(charts.join("commitment-cost-curve.svg")).unwrap();
    assert!(svg.contains("optimum"), "optimum marked");
}
