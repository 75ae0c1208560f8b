//! The "Scaling" tab driven headless with egui_kittest: it simulates the sample plan's Auto
//! Scaling group, shows the summary and charts, switches windows, exports the per-step CSV,
//! and applies a policy edit as one undoable command. Figures are compared with the engine's
//! own result for the same plan, never with invented numbers.

use cloudplan::catalog::load;
use cloudplan::plan::Resource;
use cloudplan::report::format::money;
use cloudplan::ui::app::{App, Tab};
use cloudplan::ui::dialogs::FixedPaths;
use cloudplan::ui::scaling_tab::Window;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::PathBuf;

fn sample() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples/autoscaling-web.cloudplan.json")
}

use crate::kit;

fn harness(save: Vec<PathBuf>) -> Harness<'static, App> {
    let mut app = kit::app(Some(sample()), FixedPaths { open: vec![], save }, None);
    app.tab = Tab::Scaling;
    kit::harness_sized(app, [1400.0, 1000.0])
}

#[test]
fn scaling_tab_shows_summary_charts_and_exports_csv() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("steps.csv");
    let mut h = harness(vec![csv.clone()]);
    // The average monthly cost shown is the engine's (the estimate's item cost).
    let est = h.state().doc.priced.estimate.clone().expect("priced");
    let asg = est.items.iter().find(|i| i.id == "web-asg").unwrap();
    h.get_by_label("Average utilisation");
    h.get_by_label("Unmet-demand hours");
    h.get_by_label(&money(asg.monthly_usd));
    let renders = h.state().scaling.renders;
    assert!(renders >= 3, "three charts rendered");
    // Switch the window: charts re-render once, not every frame.
    h.get_by_label("Day").click();
    h.run();
    assert_eq!(h.state().scaling.window, Window::Day);
    let after = h.state().scaling.renders;
    assert_eq!(after, renders + 3);
    h.run();
    assert_eq!(h.state().scaling.renders, after);
    // Export the per-step CSV through the (test) save dialog.
    h.get_by_label("Export").click();
    h.run();
    h.get_by_label("Per-step CSV").click();
    h.run();
    let text = std::fs::read_to_string(&csv).expect("CSV written");
    // A CSV file starts with the UTF-8 byte-order mark (spreadsheets then decode Hangul).
    let text = text.strip_prefix('\u{feff}').expect("byte-order mark");
    assert!(text.starts_with(cloudplan::report::scaling_csv::STEP_HEADER));
    assert_eq!(
        text.lines().count(),
        1 + 12 * 8760,
        "one row per 5-minute step of a year"
    );
}

#[test]
fn policy_edit_is_one_undoable_step() {
    let mut h = harness(vec![]);
    let policies = |h: &Harness<'_, App>| match &h.state().doc.plan.items[0].resource {
        Resource::ScalingGroup(g) => g.policies.clone(),
        _ => panic!("group"),
    };
    let before = policies(&h);
    assert_eq!(before.len(), 2);
    h.get_by_label("Policies").click();
    h.run();
    // Remove the second policy in its form: the target-tracking one stays.
    h.get_all_by_label("Remove")
        .nth(1)
        .expect("second policy")
        .click();
    h.run();
    assert_eq!(policies(&h), before[..1].to_vec());
    h.state_mut().send(cloudplan::ui::commands::Command::Undo);
    h.run();
    assert_eq!(policies(&h), before);
}

#[test]
fn plan_tab_shows_the_group_row() {
    let mut h = harness(vec![]);
    h.state_mut().tab = Tab::Plan;
    h.state_mut()
        .grid
        .select_only(0, cloudplan::ui::cells::Col::Name);
    h.run();
    h.get_by_label("Auto Scaling group: m6i.large, c6i.large");
    // The grid's monthly cell is the estimate's figure for the group.
    let est = h.state().doc.priced.estimate.clone().expect("priced");
    h.get_all_by_label(&money(est.items[0].monthly_usd))
        .next()
        .expect("monthly cell");
}

#[test]
fn add_scaling_group_is_one_undoable_command_and_selects_the_group() {
    let mut h = harness(vec![]);
    let before = h.state().doc.plan.items.clone();
    // The button on the Scaling tab (the Edit menu sends the same command).
    h.get_by_label("Add Auto Scaling group").click();
    h.run();
    let items = h.state().doc.plan.items.clone();
    assert_eq!(items.len(), before.len() + 1);
    let added = items.last().unwrap();
    let Resource::ScalingGroup(g) = &added.resource else {
        panic!("a scaling group was added")
    };
    // An instance type the catalogue prices in the plan's region, and a valid group.
    g.validate().unwrap();
    let region = &h.state().doc.plan.default_region;
    assert!(load::embedded().has_price(
        region,
        cloudplan::catalog::Service::Ec2,
        &g.instance_types[0].instance_type,
        cloudplan::catalog::vocab::ec2::INSTANCE_HOURS,
        cloudplan::catalog::PriceOption::OnDemand,
    ));
    // The Scaling tab now shows (and its forms edit) the new group; the plan still prices.
    assert_eq!(h.state().tab, Tab::Scaling);
    assert_eq!(h.state().scaling.selected.clone(), Some(added.id.clone()));
    let est = h.state().doc.priced.estimate.clone().expect("priced");
    assert!(
        est.items
            .iter()
            .any(|i| i.id == added.id && i.monthly_usd > 0.0)
    );
    // One undo removes it.
    h.state_mut().send(cloudplan::ui::commands::Command::Undo);
    h.run();
    assert_eq!(h.state().doc.plan.items, before);
}
