//! `cloudplan prices import`: AWS Price List offer files → catalogue directory.
//!
//! Fixtures in tests/fixtures/offers/ are written by `generate.py` there in the official
//! formats (shared/reference-prices/FORMATS.md) with real SKUs, rate codes and prices copied
//! from shared/reference-prices (sources in tests/fixtures/offers/README.md).

use cloudplan::catalog::import::{self, Imported, Options, write};
use cloudplan::catalog::{OfferingClass, Payment, PriceOption, Reservation, Service, Term, load};
use std::path::{Path, PathBuf};
use std::process::Command;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/offers")
        .join(name)
}

fn import(names: &[&str]) -> Imported {
    let paths: Vec<PathBuf> = names.iter().map(|n| fixture(n)).collect();
    let opts = Options {
        date: Some(chrono::NaiveDate::from_ymd_opt(2025, 6, 28).unwrap()),
        ..Options::default()
    };
    import::import_files(&paths, &opts, &import::Control::default()).expect("fixtures import")
}

/// The rendered catalogue files except `sources.csv` (whose description names the input file).
fn rendered_without_sources(imp: &Imported) -> Vec<(String, String)> {
    write::render(imp)
        .into_iter()
        .filter(|(n, _)| n != "sources.csv")
        .collect()
}

fn cloudplan(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_cloudplan"))
        .args(args)
        .output()
        .expect("run cloudplan")
}

fn reserved(term: Term, payment: Payment) -> PriceOption {
    PriceOption::Reserved(Reservation {
        class: OfferingClass::Standard,
        term,
        payment,
    })
}

#[test]
fn csv_with_reordered_and_missing_columns_gives_the_same_catalogue() {
    // FORMATS.md §1.5: "parse by header name, never by position" — ec2_reordered.csv has the
    // same rows with the 91 columns shuffled and three unused columns dropped.
    let a = import(&["ec2.csv"]);
    let b = import(&["ec2_reordered.csv"]);
    assert!(!a.rates.is_empty());
    assert_eq!(rendered_without_sources(&a), rendered_without_sources(&b));
}

#[test]
fn json_and_csv_of_the_same_products_give_the_same_catalogue() {
    // FORMATS.md §1.4 (JSON) vs §1.5 (CSV): same SKUs, terms and price dimensions.
    for (csv, json) in [("ec2.csv", "ec2.json"), ("lambda.csv", "lambda.json")] {
        let a = import(&[csv]);
        let b = import(&[json]);
        assert_eq!(
            rendered_without_sources(&a),
            rendered_without_sources(&b),
            "{csv} vs {json}"
        );
        assert_eq!(a.summary, b.summary, "{csv} vs {json}");
    }
}

#[test]
fn ec2_offer_maps_linux_shared_instances_reserved_terms_and_ebs() {
    let imp = import(&["ec2.csv"]);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("cat");
    write::write_dir(&out, &write::render(&imp), |_| Ok::<(), ()>(())).unwrap();
    let cat = load::load_dir(&out, None).expect("imported catalogue loads on its own");
    let price = |product: &str, dim: &str, opt: PriceOption| {
        let tiers = cat.tiers("us-east-1", Service::Ec2, product, dim, opt);
        tiers.first().map(|r| (r.usd, r.upfront_usd))
    };
    // m5.large us-east-1, AWS Price List GetProducts (amazon-ec2-instance-selector
    // test/static/GetProducts/m5_large.json): on-demand $0.096/h; 3yr standard Partial Upfront
    // $505 + $0.019/h; 1yr standard All Upfront $494 + $0.00/h.
    assert_eq!(
        price("m5.large", "instance_hours", PriceOption::OnDemand),
        Some((0.096, 0.0))
    );
    assert_eq!(
        price(
            "m5.large",
            "instance_hours",
            reserved(Term::ThreeYears, Payment::PartialUpfront)
        ),
        Some((0.019, 505.0))
    );
    assert_eq!(
        price(
            "m5.large",
            "instance_hours",
            reserved(Term::OneYear, Payment::AllUpfront)
        ),
        Some((0.0, 494.0))
    );
    // The publication date of the file is every row's effective date.
    let d = chrono::NaiveDate::from_ymd_opt(2025, 9, 12).unwrap();
    assert!(cat.rates().all(|r| r.effective_date == d));
    // gp3 throughput: the file's $40.96 per GiBps-month is $0.04 per MiBps-month (÷ 1024,
    // shared/reference-prices README "Facts not in the CSVs").
    let tp = cat.tiers(
        "us-east-1",
        Service::Ebs,
        "gp3",
        "throughput",
        PriceOption::OnDemand,
    );
    assert_eq!(tp.len(), 1);
    assert!((tp[0].usd - 0.04).abs() < 1e-12);
    // us-east-2 gp3 storage (opencost excerpt, FORMATS.md §1.4): $0.08 per GB-month.
    let st = cat.tiers(
        "us-east-2",
        Service::Ebs,
        "gp3",
        "storage",
        PriceOption::OnDemand,
    );
    assert_eq!(st[0].usd, 0.08);
    // Instance specs from the offer: m7g.large is arm64 (processorArchitecture `arm64`).
    let m7g = cat.instance("m7g.large").expect("m7g.large spec");
    assert_eq!((m7g.vcpu, m7g.memory_gib), (2, 8.0));
    assert_eq!(m7g.architecture.as_str(), "arm64");
    // The Windows/SQL Tokyo rows (FORMATS.md §1.5 real rows) are skipped and counted.
    assert_eq!(
        imp.summary
            .skipped
            .get("EC2: operating system other than Linux"),
        Some(&2)
    );
    assert_eq!(imp.summary.rows_read, 32);
    assert_eq!(imp.summary.rows_kept, 30);
}

#[test]
fn s3_tiers_and_lambda_tiers_come_from_the_ranges() {
    let imp = import(&["s3.csv", "lambda.json", "rds.csv"]);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("cat");
    write::write_dir(&out, &write::render(&imp), |_| Ok::<(), ()>(())).unwrap();
    let cat = load::load_dir(&out, None).unwrap();
    // S3 Standard, us-east-1 (FORMATS.md §1.5, ligoj fixture rate codes): 0–51,200 GB $0.023,
    // 51,200–512,000 $0.022, over 512,000 $0.021. The 2018 header has no Region Code: the
    // location name `US East (N. Virginia)` gives us-east-1.
    let t = cat.tiers(
        "us-east-1",
        Service::S3,
        "standard",
        "storage",
        PriceOption::OnDemand,
    );
    let got: Vec<(f64, Option<f64>, f64)> = t
        .iter()
        .map(|r| (r.tier_begin, r.tier_end, r.usd))
        .collect();
    assert_eq!(
        got,
        vec![
            (0.0, Some(51200.0), 0.023),
            (51200.0, Some(512000.0), 0.022),
            (512000.0, None, 0.021)
        ]
    );
    // Lambda x86 duration tiers (infracost lambda_function_test.golden boundaries: first 6B,
    // next 9B, over 15B GB-s): $0.0000166667 / $0.000015 / $0.0000133334.
    let l = cat.tiers(
        "us-east-1",
        Service::Lambda,
        "x86_64",
        "duration",
        PriceOption::OnDemand,
    );
    assert_eq!(l.len(), 3);
    assert_eq!(l[1].tier_begin, 6e9);
    assert_eq!(l[2].usd, 0.0000133334);
    // RDS PostgreSQL Single-AZ db.t3.micro (ec2.shop RDS feed 2025-04-04): 1yr Partial
    // Upfront $54 + $0.0062/h.
    let r = cat.tiers(
        "us-east-1",
        Service::Rds,
        "postgresql:single_az:db.t3.micro",
        "instance_hours",
        reserved(Term::OneYear, Payment::PartialUpfront),
    );
    assert_eq!((r[0].usd, r[0].upfront_usd), (0.0062, 54.0));
}

#[test]
fn savings_plans_are_read_and_reported_not_written() {
    // FORMATS.md §1.7: the real ap-east-2 r7g.medium row, $0.0425/h, 3 year Partial Upfront.
    let imp = import(&["savings_plans.csv"]);
    let sp = &imp.files[0].savings_plans;
    assert_eq!(sp.len(), 1);
    assert_eq!(sp[0].usd, "0.0425");
    assert_eq!(sp[0].term, Some(Term::ThreeYears));
    assert_eq!(sp[0].payment, Some(Payment::PartialUpfront));
    assert_eq!(sp[0].discounted_instance_type, "r7g.medium");
    assert!(imp.rates.is_empty());
    assert_eq!(imp.summary.skipped_total(), 1);
}

#[test]
fn cli_import_then_estimate_with_the_imported_catalogue() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("imported");
    let out_s = out.to_str().unwrap();
    let files: Vec<String> = [
        "ec2.csv",
        "s3.csv",
        "rds.csv",
        "lambda.json",
        "dynamodb.json",
        "efs.json",
        "savings_plans.csv",
        "spot_advisor.json",
    ]
    .iter()
    .map(|f| fixture(f).display().to_string())
    .collect();
    let mut args = vec!["prices", "import"];
    args.extend(files.iter().map(String::as_str));
    args.extend(["--out", out_s, "--date", "2025-06-28"]);
    let o = cloudplan(&args);
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(
        o.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(
        stdout.contains("rows read: 54, kept: 51, skipped: 3"),
        "{stdout}"
    );
    assert!(
        stdout.contains("effective dates: 2025-04-04 to 2025-10-30"),
        "{stdout}"
    );
    assert!(
        stdout.contains("EC2: operating system other than Linux"),
        "{stdout}"
    );
    // Progress bar output goes nowhere when stderr is not a terminal.
    assert!(
        o.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    load::load_dir(&out, Some(load::embedded())).expect("extends the embedded catalogue");
    // The spot-batch sample's schedulers: 2 × m5.large 1yr Standard No Upfront RI in us-east-1,
    // $0.06/h in the imported file (instance-selector m5_large.json) → 2 × 730 × 0.06 = $87.60.
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/spot-batch.cloudplan.json");
    let o = cloudplan(&[
        "estimate",
        sample.to_str().unwrap(),
        "--catalog",
        out_s,
        "--format",
        "json",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(
        v["catalog"].to_string().contains("imported"),
        "{}",
        v["catalog"]
    );
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("87.6"), "m5.large schedulers priced");
}

#[test]
fn malformed_files_fail_with_file_line_or_path_and_field_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("never");
    for (file, expect) in [
        (
            "bad_price.csv",
            "bad_price.csv:7: field `PricePerUnit`: `0.09.6` is not a number",
        ),
        (
            "bad_price.json",
            "bad_price.json:202: $.terms.OnDemand.CRAJUW7BTXFMT2UJ.CRAJUW7BTXFMT2UJ.JRTCKXETXF.priceDimensions.CRAJUW7BTXFMT2UJ.JRTCKXETXF.6YS6EN2CT7: field `PricePerUnit`",
        ),
        ("truncated.json", "malformed JSON"),
        (
            "missing_column.csv",
            "missing_column.csv:6: field `PricePerUnit`: column missing",
        ),
    ] {
        let f = fixture(file);
        let o = cloudplan(&[
            "prices",
            "import",
            f.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ]);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{file}: {err}");
        assert!(err.contains(expect), "{file}: {err}");
        assert!(!out.exists(), "{file}: nothing written");
    }
    // The truncated JSON names the line and column where it ends.
    let f = fixture("truncated.json");
    let err =
        import::import_files(&[f], &Options::default(), &import::Control::default()).unwrap_err();
    let msg = err.to_string();
    assert!(
        msg.contains("truncated.json:") && msg.contains("$.terms."),
        "{msg}"
    );
    // The Spot Instance Advisor file has no date: without --date it is refused.
    let o = cloudplan(&[
        "prices",
        "import",
        fixture("spot_advisor.json").to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--date"));
}

/// The ec2.csv fixture's data rows repeated `copies` times under fresh SKUs, written to `path`;
/// `edit(copy, row_text)` may rewrite a row. Returns the data rows' count.
fn big_ec2_csv(path: &Path, copies: usize, edit: impl Fn(usize, String) -> String) -> usize {
    let text = std::fs::read_to_string(fixture("ec2.csv")).unwrap();
    let mut lines = text.lines();
    let mut out = String::new();
    for _ in 0..6 {
        out.push_str(lines.next().unwrap());
        out.push('\n');
    }
    let rows: Vec<&str> = lines.collect();
    for k in 0..copies {
        for r in &rows {
            // SKUs are the first 16 characters inside the first quotes.
            let sku = &r[1..17];
            out.push_str(&edit(k, r.replace(sku, &format!("P{k:015}"))));
            out.push('\n');
        }
    }
    std::fs::write(path, out).unwrap();
    rows.len() * copies
}

fn import_with(path: &Path, threads: usize) -> Result<Imported, import::ImportError> {
    let opts = Options {
        threads,
        // Tiny ranges so the fixture-sized files are cut in several places.
        parallel_min_bytes: 4096,
        ..Options::default()
    };
    import::import_files(&[path.to_path_buf()], &opts, &import::Control::default())
}

#[test]
fn parallel_read_gives_exactly_the_sequential_catalogue() {
    let dir = tempfile::tempdir().unwrap();
    // 1. An all-quoted file as AWS publishes it, with a quoted newline and an escaped quote in
    //    some PriceDescription fields (a newline inside a field must never be taken for a cut).
    let all_quoted = dir.path().join("all_quoted.csv");
    let n = big_ec2_csv(&all_quoted, 60, |k, r| {
        if k % 3 == 0 {
            r.replacen("\"$0.", "\"line one\n\"\"quoted\"\"\n$0.", 1)
        } else {
            r
        }
    });
    // 2. The same rows quoted only where needed, with newlines inside every PriceDescription:
    //    most cut guesses then fall inside a record and must be caught (the rest of the file
    //    is then read sequentially from the last true record start).
    let unquoted = dir.path().join("unquoted.csv");
    big_ec2_csv(&unquoted, 60, |_, r| {
        let inner = &r[1..r.len() - 1];
        inner
            .split("\",\"")
            .enumerate()
            .map(|(i, f)| {
                let f = if i == 4 {
                    format!("{f}\nsecond line\nthird line")
                } else {
                    f.to_string()
                };
                if f.contains([',', '"', '\n']) {
                    format!("\"{f}\"")
                } else {
                    f
                }
            })
            .collect::<Vec<_>>()
            .join(",")
    });
    for path in [&all_quoted, &unquoted] {
        let seq = import_with(path, 1).unwrap();
        assert_eq!(seq.summary.rows_read as usize, n, "{}", path.display());
        for threads in [2, 3, 7] {
            let par = import_with(path, threads).unwrap();
            assert_eq!(par.summary, seq.summary, "{} × {threads}", path.display());
            assert_eq!(par.instances, seq.instances);
            assert_eq!(write::render(&par), write::render(&seq));
        }
    }
    assert!(!import_with(&all_quoted, 1).unwrap().rates.is_empty());
}

#[test]
fn parallel_read_reports_the_first_error_at_its_true_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.csv");
    // A bad price in the last copy and another in the middle: the first one in file order
    // is reported, with the same line as the sequential read.
    big_ec2_csv(&path, 60, |k, r| {
        if (k == 40 || k == 59) && r.contains("\"USD\"") {
            r.replacen("\"0.", "\"zero.", 1)
        } else {
            r
        }
    });
    let seq = import_with(&path, 1).unwrap_err().to_string();
    assert!(
        seq.contains("PricePerUnit") || seq.contains("Range"),
        "{seq}"
    );
    for threads in [2, 4] {
        assert_eq!(import_with(&path, threads).unwrap_err().to_string(), seq);
    }
}

#[test]
fn a_cancelled_import_stops_with_cancelled() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.csv");
    big_ec2_csv(&path, 20, |_, r| r);
    let ctl = import::Control::default();
    ctl.cancel.store(true, std::sync::atomic::Ordering::Relaxed);
    let err = import::import_files(&[path], &Options::default(), &ctl).unwrap_err();
    assert!(matches!(err, import::ImportError::Cancelled), "{err}");
}

#[test]
fn s3_offer_of_2026_is_mapped_by_usage_type() {
    // tests/fixtures/offers/s3_2026.json: seven products copied from the real AmazonS3
    // us-east-1 offer file version 20260728131000 (see the README there).
    let imp = import(&["s3_2026.json"]);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("cat");
    write::write_dir(&out, &write::render(&imp), |_| Ok::<(), ()>(())).unwrap();
    let cat = load::load_dir(&out, None).unwrap();
    let usd = |class: &str, dim: &str| -> Vec<f64> {
        cat.tiers("us-east-1", Service::S3, class, dim, PriceOption::OnDemand)
            .iter()
            .map(|r| r.usd)
            .collect()
    };
    // Standard: three tiers $0.023 / $0.022 / $0.021; Standard-IA $0.0125; PUT $0.000005,
    // GET $0.0000004 per request.
    assert_eq!(usd("standard", "storage"), vec![0.023, 0.022, 0.021]);
    assert_eq!(usd("standard_ia", "storage"), vec![0.0125]);
    assert_eq!(usd("standard", "put_requests"), vec![0.000005]);
    assert_eq!(usd("standard", "get_requests"), vec![0.0000004]);
    // Intelligent-Tiering Deep Archive Access: volumeType `IntelligentTieringDeepArchiveAccess`,
    // usage type TimedStorage-INT-DAA-ByteHrs, $0.00099/GB-month.
    assert_eq!(
        usd("intelligent_tiering", "storage_deep_archive"),
        vec![0.00099]
    );
    // The only `volumeType = Glacier Deep Archive` product is the staging rate ($0.021):
    // it must not become the Deep Archive storage price (that is TimedStorage-GDA-ByteHrs,
    // in the AmazonS3GlacierDeepArchive offer).
    assert!(usd("deep_archive", "storage").is_empty());
    assert_eq!(imp.summary.rows_read, 9);
    assert_eq!(imp.summary.rows_kept, 7);
    assert_eq!(imp.summary.skipped_total(), 2);
}
