//! Chart files from `forecast --chart` and `simulate --charts` are written through
//! `atomic_file::write`: the target is replaced by a rename (a hard link to the old file keeps
//! the old bytes; a torn half-written chart is never visible), holds a valid PNG, and no
//! temporary file is left beside it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn cloudplan(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cloudplan"))
        .args(args)
        .output()
        .expect("run cloudplan")
}

fn sample(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("samples")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

const PNG_SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";
const OLD: &[u8] = b"the previous chart";

/// An existing `target` with a hard link to it, so an in-place rewrite would show in the link.
fn old_target_with_link(target: &Path) -> PathBuf {
    std::fs::write(target, OLD).unwrap();
    let link = target.with_extension("old-link");
    std::fs::hard_link(target, &link).unwrap();
    link
}

fn assert_replaced_atomically(dir: &Path, target: &Path, link: &Path) {
    let png = std::fs::read(target).unwrap();
    assert_eq!(&png[..8], PNG_SIGNATURE, "{} is a PNG", target.display());
    assert!(png.len() > 1000, "a whole picture, not a stub");
    assert_eq!(
        std::fs::read(link).unwrap(),
        OLD,
        "{} was replaced by a rename, not rewritten in place",
        target.display()
    );
    let leftovers: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
}

#[test]
fn forecast_chart_png_is_replaced_atomically() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("forecast.png");
    let link = old_target_with_link(&target);
    let out = cloudplan(&[
        "forecast",
        &sample("seoul-web-app.cloudplan.json"),
        "--chart",
        target.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_replaced_atomically(dir.path(), &target, &link);
}

#[test]
fn simulate_chart_pngs_are_replaced_atomically() {
    let dir = tempfile::tempdir().unwrap();
    let stems = [
        "scaling-demand-capacity",
        "scaling-capacity-by-class",
        "scaling-monthly-cost",
    ];
    let out = cloudplan(&[
        "simulate",
        &sample("autoscaling-web.cloudplan.json"),
        "--group",
        "web-asg",
        "--charts",
        dir.path().to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Each chart the first run wrote is a PNG; a second run over them replaces each by rename.
    let mut links = Vec::new();
    for stem in stems {
        let path = dir.path().join(format!("{stem}.png"));
        let png = std::fs::read(&path).unwrap();
        assert_eq!(&png[..8], PNG_SIGNATURE, "{stem}.png is a PNG");
        links.push((path.clone(), old_target_with_link(&path)));
    }
    let out = cloudplan(&[
        "simulate",
        &sample("autoscaling-web.cloudplan.json"),
        "--group",
        "web-asg",
        "--charts",
        dir.path().to_str().unwrap(),
    ]);
    assert!(out.status.success());
    for (target, link) in &links {
        assert_replaced_atomically(dir.path(), target, link);
    }
}
