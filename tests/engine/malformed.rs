//! The malformed-input corpus (`tests/malformed/`, listed in `tests/malformed/expected.tsv`):
//! every case is run through the `cloudplan` binary with the command its manifest row gives and
//! must exit with status 2, print nothing on stdout, write no output, and name on stderr the
//! file, the line and the field with the expected message. Items CSV/TSV files are read only by
//! the app (File ▸ Import items, paste), so those rows go through the same library call the app
//! makes (`plan::items_csv::items_from_delimited`); `tests/gui_malformed.rs` imports them in the
//! app too. Also here: CLI options given NaN, infinity, negative or absurd values.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

struct Case {
    file: String,
    command: String,
    line: usize,
    field: String,
    message: String,
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/malformed")
}

fn manifest() -> Vec<Case> {
    let text = std::fs::read_to_string(root().join("expected.tsv")).expect("manifest");
    let mut lines = text.lines().filter(|l| !l.starts_with('#'));
    assert_eq!(
        lines.next(),
        Some("file\tcommand\tline\tfield\tmessage"),
        "manifest header"
    );
    lines
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            assert_eq!(
                c.len(),
                5,
                "manifest row `{l}` needs 5 tab-separated columns"
            );
            Case {
                file: c[0].to_string(),
                command: c[1].to_string(),
                line: c[2].parse().expect("line number"),
                field: c[3].to_string(),
                message: c[4].to_string(),
            }
        })
        .collect()
}

/// Every file under `dir`, relative to `root()`.
fn files_under(dir: &Path, out: &mut BTreeSet<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let p = entry.unwrap().path();
        if p.is_dir() {
            files_under(&p, out);
        } else {
            let rel = p.strip_prefix(root()).unwrap();
            out.insert(rel.to_string_lossy().replace('\\', "/"));
        }
    }
}

#[test]
fn the_manifest_lists_at_least_fifty_cases_and_every_file() {
    let cases = manifest();
    let listed: BTreeSet<String> = cases.iter().map(|c| c.file.clone()).collect();
    assert!(
        listed.len() >= 50,
        "at least 50 malformed files, got {}",
        listed.len()
    );
    let mut on_disk = BTreeSet::new();
    files_under(&root(), &mut on_disk);
    on_disk.remove("expected.tsv");
    let orphans: Vec<&String> = on_disk.difference(&listed).collect();
    assert!(orphans.is_empty(), "files not in expected.tsv: {orphans:?}");
    let missing: Vec<&String> = listed.difference(&on_disk).collect();
    assert!(missing.is_empty(), "listed but not on disk: {missing:?}");
    // Every input the product reads has cases.
    for parser in [
        "plan",
        "items",
        "catalog",
        "history",
        "demand",
        "offers",
        "spot_advisor",
    ] {
        let n = listed
            .iter()
            .filter(|f| f.starts_with(&format!("{parser}/")))
            .count();
        assert!(n >= 4, "{parser}: only {n} cases");
    }
}

/// The message names the line: `file:LINE:` (JSON, CSV) or `file: … line LINE` (demand CSV).
fn names_line(stderr: &str, file: &str, line: usize) -> bool {
    stderr.contains(&format!("{file}:{line}:"))
        || (stderr.contains(file) && stderr.contains(&format!("line {line},")))
}

/// The message names the field: a path or column followed by `:`, or in backticks.
fn names_field(stderr: &str, field: &str) -> bool {
    field == "-"
        || stderr.contains(&format!("`{field}`"))
        || stderr.contains(&format!(" {field}:"))
        || stderr.contains(&format!("{field}: "))
}

fn run_cli(case: &Case, tmp: &Path) -> (i32, String, String, PathBuf) {
    let file = root().join(&case.file);
    let dir = root().join(case.file.split('/').take(2).collect::<Vec<_>>().join("/"));
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let out = tmp.join(case.file.replace('/', "_"));
    let args: Vec<String> = case
        .command
        .split_whitespace()
        .map(|a| match a {
            "{file}" => file.display().to_string(),
            "{dir}" => dir.display().to_string(),
            "{plan}" => samples
                .join("seoul-web-app.cloudplan.json")
                .display()
                .to_string(),
            "{scaling_plan}" => samples
                .join("autoscaling-web.cloudplan.json")
                .display()
                .to_string(),
            "{out}" => out.display().to_string(),
            other => other.to_string(),
        })
        .collect();
    let o = Command::new(env!("CARGO_BIN_EXE_cloudplan"))
        .args(&args)
        .output()
        .expect("run cloudplan");
    (
        o.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
        out,
    )
}

fn run_items(case: &Case) -> String {
    let path = root().join(&case.file);
    let text = std::fs::read_to_string(&path).unwrap();
    let delimiter = if case.file.ends_with(".tsv") {
        b'\t'
    } else {
        b','
    };
    let origin = path.display().to_string();
    match cloudplan::plan::items_csv::items_from_delimited(&text, delimiter, &origin) {
        Ok(items) => panic!(
            "{}: read {} items, expected an error",
            case.file,
            items.len()
        ),
        Err(e) => {
            assert_eq!(e.line(), Some(case.line), "{}: {e}", case.file);
            assert_eq!(e.field(), case.field, "{}: {e}", case.file);
            e.to_string()
        }
    }
}

#[test]
fn every_malformed_input_exits_2_naming_file_line_and_field() {
    let tmp = tempfile::tempdir().unwrap();
    let mut failures = Vec::new();
    for case in manifest() {
        let rel = format!("malformed/{}", case.file);
        let stderr = if case.command.starts_with("app-import-items") {
            run_items(&case)
        } else {
            let (code, stdout, stderr, out) = run_cli(&case, tmp.path());
            if code != 2 {
                failures.push(format!("{}: exit {code}, stderr: {stderr}", case.file));
                continue;
            }
            if !stdout.is_empty() {
                failures.push(format!("{}: printed a report: {stdout}", case.file));
            }
            if out.exists() {
                failures.push(format!("{}: wrote {}", case.file, out.display()));
            }
            if stderr.contains("panicked") {
                failures.push(format!("{}: panicked: {stderr}", case.file));
            }
            stderr
        };
        let mut problems = Vec::new();
        if !stderr.contains(&rel) {
            problems.push("no file");
        }
        if !names_line(&stderr, &rel, case.line) {
            problems.push("no line");
        }
        if !names_field(&stderr, &case.field) {
            problems.push("no field");
        }
        if !stderr.contains(&case.message) {
            problems.push("message differs");
        }
        if !problems.is_empty() {
            failures.push(format!(
                "{} (expected line {} field `{}` message `{}`): {}: {stderr}",
                case.file,
                case.line,
                case.field,
                case.message,
                problems.join(", ")
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} case(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// CLI options that take numbers or dates refuse NaN, infinity, negative and absurd values
/// (exit 2, the option named, nothing printed on stdout).
#[test]
fn numeric_options_refuse_nan_infinity_negative_and_absurd_values() {
    let plan = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/seoul-web-app.cloudplan.json");
    let plan = plan.to_str().unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let offer =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/offers/spot_advisor.json");
    let offer = offer.to_str().unwrap();
    let out_s = out.to_str().unwrap();
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["compare", plan, "--overhead", "NaN"], "overhead"),
        (vec!["compare", plan, "--overhead", "inf"], "overhead"),
        (vec!["compare", plan, "--overhead", "-5"], "overhead"),
        (vec!["compare", plan, "--overhead", "1e400"], "overhead"),
        (vec!["compare", plan, "--overhead", "1e9"], "overhead"),
        (vec!["compare", plan, "--horizon", "0"], "horizon"),
        (vec!["compare", plan, "--horizon", "-12"], "horizon"),
        (vec!["compare", plan, "--horizon", "NaN"], "horizon"),
        (vec!["compare", plan, "--horizon", "1e400"], "horizon"),
        (vec!["compare", plan, "--horizon", "100000"], "horizon"),
        (vec!["forecast", plan, "--months", "0"], "months"),
        (vec!["forecast", plan, "--months", "61"], "months"),
        (vec!["forecast", plan, "--months", "-3"], "months"),
        (vec!["forecast", plan, "--months", "NaN"], "months"),
        (vec!["forecast", plan, "--months", "1e400"], "months"),
        (
            vec![
                "prices",
                "import",
                "--date",
                "2025-13-01",
                "--out",
                out_s,
                offer,
            ],
            "date",
        ),
        (
            vec!["prices", "import", "--date", "NaN", "--out", out_s, offer],
            "date",
        ),
    ];
    for (args, option) in cases {
        let o = Command::new(env!("CARGO_BIN_EXE_cloudplan"))
            .args(&args)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(o.stdout.is_empty(), "{args:?} printed a report");
        assert!(
            stderr.contains(&format!("--{option}")),
            "{args:?}: {stderr}"
        );
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(!out.exists(), "{args:?} wrote the catalogue");
    }
}
