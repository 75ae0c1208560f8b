//! The Catalogue tab, headless (egui_kittest): the instance table lists the embedded
//! catalogue's priced instance types; "Add to plan" adds an EC2 item of that type in the
//! filter's region as one undoable command; an AWS price file imports off the UI thread with a
//! progress bar, and Cancel leaves the catalogue in use and the disk untouched.

use cloudplan::catalog::load;
use cloudplan::plan::Resource;
use cloudplan::ui::app::{App, Tab};
use cloudplan::ui::catalog_tab::{Filter, SortBy, rows};
use cloudplan::ui::commands::Command;
use cloudplan::ui::dialogs::FixedPaths;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::{Path, PathBuf};

use crate::kit;

fn harness() -> Harness<'static, App> {
    let mut app = kit::default_app(FixedPaths::default());
    app.tab = Tab::Catalog;
    kit::harness_sized(app, [1600.0, 900.0])
}

#[test]
fn rows_filter_and_sort_from_the_catalogue() {
    let cat = load::embedded();
    let mut f = Filter::new("us-east-1");
    f.text = "m5.large".into();
    let r = rows(cat, &f);
    assert_eq!(r.len(), 1);
    // pricing-data/rates/ec2_on_demand.csv: m5.large us-east-1 on-demand $0.096/h (ec2.shop
    // feed 2025-04-04); 1yr standard No Upfront RI $0.06/h — no upfront, so the effective
    // rate is the hourly rate; spot advisor 66% savings, band 15-20% (spotinfo 2025-06-28).
    assert_eq!(r[0].on_demand, Some(0.096));
    assert_eq!(r[0].ri_1yr, Some(0.06));
    assert_eq!(r[0].spot_savings_pct, Some(66.0));
    assert_eq!(r[0].interruption.as_deref(), Some("15-20%"));
    assert!((r[0].monthly().unwrap() - 0.096 * 730.0).abs() < 1e-9);
    assert_eq!(r[0].per_vcpu(), Some(0.048));
    // Filters: vCPU ≥ 4 and arm64 only; sorted by on-demand price, cheapest first.
    let mut f = Filter::new("us-east-1");
    f.min_vcpu = 4;
    f.arch = Some(cloudplan::catalog::Arch::Arm64);
    f.sort = SortBy::OnDemand;
    let r = rows(cat, &f);
    assert!(!r.is_empty());
    assert!(r.iter().all(|x| x.vcpu >= 4 && x.arch.as_str() == "arm64"));
    assert!(r.windows(2).all(|w| w[0].on_demand <= w[1].on_demand));
}

#[test]
fn add_to_plan_uses_the_filter_region_and_is_one_undo_step() {
    let mut h = harness();
    let before = h.state().doc.plan.items.len();
    let default_region = h.state().doc.plan.default_region.clone();
    // A region near the top of the 34-region list (the popup scrolls; kittest clicks what is
    // on screen).
    let region = if default_region == "ap-northeast-1" {
        "ap-east-1"
    } else {
        "ap-northeast-1"
    };
    // Pick the region in the tab's filter, as a person would.
    h.get_by_role_and_label(Role::ComboBox, "Region").click();
    h.run();
    // The picker shows "code — name" (regions.csv).
    h.get_by_label(&load::embedded().region_label(region))
        .click();
    h.run();
    let first = rows(load::embedded(), &Filter::new(region)).remove(0);
    h.get_all_by_label("Add to plan").next().unwrap().click();
    h.run();
    let items = &h.state().doc.plan.items;
    assert_eq!(items.len(), before + 1);
    let item = items.last().unwrap();
    assert_eq!(item.region.as_deref(), Some(region));
    match &item.resource {
        Resource::Ec2(e) => assert_eq!(e.instance_type, first.instance_type),
        other => panic!("expected an EC2 item, got {other:?}"),
    }
    // The notice says which region was used.
    let notice = h.state().notice.as_ref().unwrap().text.clone();
    assert!(
        notice.contains(&first.instance_type) && notice.contains(region),
        "{notice}"
    );
    // One undo step removes it.
    h.state_mut().commands.push(Command::Undo);
    h.run();
    assert_eq!(h.state().doc.plan.items.len(), before);
}

/// The ec2.csv fixture's data rows repeated `copies` times under fresh SKUs.
fn big_ec2_csv(path: &Path, copies: usize) {
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
            out.push_str(&r.replace(&r[1..17], &format!("G{k:015}")));
            out.push('\n');
        }
    }
    std::fs::write(path, out).unwrap();
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/offers")
        .join(name)
}

fn harness_with(open: PathBuf, save: PathBuf) -> Harness<'static, App> {
    let mut h = harness();
    h.state_mut().dialogs = cloudplan::ui::dialogs::FileDialogs::new(Box::new(FixedPaths {
        open: vec![open],
        save: vec![save],
    }));
    h
}

/// Step the app until the import job is over (at most 120 s).
fn wait_for_job(h: &mut Harness<'static, App>) {
    let t = std::time::Instant::now();
    while h.state().catalog_tab.job.is_some() {
        assert!(t.elapsed().as_secs() < 120, "import did not finish");
        std::thread::sleep(std::time::Duration::from_millis(20));
        h.step();
    }
    h.run();
}

#[test]
fn import_runs_off_the_ui_thread_and_switches_to_the_imported_catalogue() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("cat");
    let mut h = harness_with(fixture("ec2.csv"), out.clone());
    h.get_by_label("Import AWS price file…").click();
    h.step();
    wait_for_job(&mut h);
    let app = h.state();
    assert!(!std::ptr::eq(app.catalog, load::embedded()));
    assert_eq!(app.catalog_tab.catalogs.len(), 2);
    // The catalogue in use is the imported one over the embedded one, named after the output
    // directory; m5.large us-east-1 on-demand comes from tests/fixtures/offers/ec2.csv
    // (Publication Date 2025-09-12, $0.096/h).
    assert!(
        app.catalog.id.name.ends_with(&*out.to_string_lossy()),
        "{}",
        app.catalog.id.name
    );
    let m5 = app
        .catalog
        .tiers(
            "us-east-1",
            cloudplan::catalog::Service::Ec2,
            "m5.large",
            "instance_hours",
            cloudplan::catalog::PriceOption::OnDemand,
        )
        .remove(0);
    assert_eq!(m5.usd, 0.096);
    assert_eq!(
        m5.effective_date,
        chrono::NaiveDate::from_ymd_opt(2025, 9, 12).unwrap()
    );
    assert!(out.join("sources.csv").exists());
    assert!(
        app.notice
            .as_ref()
            .unwrap()
            .text
            .contains("Imported catalogue")
    );
}

#[test]
fn cancel_keeps_the_previous_catalogue_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.csv");
    big_ec2_csv(&big, 4000); // ~150k rows, ~95 MB: seconds to read in a debug build
    let out = dir.path().join("cat");
    let mut h = harness_with(big, out.clone());
    h.get_by_label("Import AWS price file…").click();
    h.step();
    assert!(
        h.state().catalog_tab.job.is_some(),
        "the import runs in the background"
    );
    // The UI keeps running while the job reads: a progress bar and a Cancel button.
    h.step();
    h.get_by_label("Cancel").click();
    h.step();
    wait_for_job(&mut h);
    let app = h.state();
    assert!(std::ptr::eq(app.catalog, load::embedded()));
    assert_eq!(app.catalog_tab.catalogs.len(), 1);
    assert!(app.notice.as_ref().unwrap().text.contains("cancelled"));
    // No output directory and no temporary directory left behind.
    assert!(!out.exists());
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left, vec![std::ffi::OsString::from("big.csv")]);
}

// Issue 18: the status bar dates the catalogue by its price files' publication dates (not a
// Reserved term's 2017 start), the Catalogue tab lists where each came from, names regions,
// and shows one instance type in every region when the type filter names it.
#[test]
fn price_files_region_names_and_one_type_across_regions() {
    let mut h = harness();
    h.get_by_label_contains("price files published 2023-06-01 – 2026-09-29");
    let files = h.get_by_label_contains("Price files (where each price came from)");
    files.click();
    h.run();
    h.get_by_label_contains("pricesim-ec2.gen");
    h.get_by_role_and_label(Role::ComboBox, "Region").click();
    h.run();
    h.get_by_label("eu-central-1 — EU (Frankfurt)").click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Type contains")
        .click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Type contains")
        .type_text("m7i.large");
    h.run();
    h.run();
    h.get_by_label_contains("In every region: m7i.large");
    h.get_by_label("us-west-2 — US West (Oregon)");
    // m7i.large us-east-1 On-Demand $0.1008/h (ec2.shop copy 2025-04-04) appears in the list.
    assert!(h.query_all_by_label("$0.1008").next().is_some());
}
