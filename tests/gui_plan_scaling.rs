//! The Plan tab's "＋ Add Auto Scaling group" button, driven headless with egui_kittest: it
//! sends the same `AddScalingGroup` command as the Edit menu and the Scaling tab (one undoable
//! edit that adds a priced group and opens it on the Scaling tab), both from a plan with items
//! and from an empty plan.

use cloudplan::catalog::load;
use cloudplan::plan::Resource;
use cloudplan::ui::app::{App, Settings, Tab};
use cloudplan::ui::commands::Command;
use cloudplan::ui::dialogs::FixedPaths;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn harness() -> Harness<'static, App> {
    let app = App::new(
        load::embedded(),
        None,
        Box::new(FixedPaths::default()),
        Settings::default(),
        None,
    );
    let mut h = Harness::builder()
        .with_size([1400.0, 900.0])
        .with_context_setup(cloudplan::ui::fonts::install)
        .with_max_steps(12)
        .build_ui_state(|ui, app: &mut App| app.ui(ui), app);
    h.run();
    h
}

fn assert_group_added(h: &mut Harness<'static, App>, before: &[cloudplan::plan::Item]) {
    let items = h.state().doc.plan.items.clone();
    assert_eq!(items.len(), before.len() + 1);
    let added = items.last().unwrap();
    let Resource::ScalingGroup(g) = &added.resource else {
        panic!("a scaling group was added, got {:?}", added.resource)
    };
    g.validate().unwrap();
    // The new group is priced like any item, and the app opens it on the Scaling tab.
    let est = h.state().doc.priced.estimate.clone().expect("priced");
    assert!(
        est.items
            .iter()
            .any(|i| i.id == added.id && i.monthly_usd > 0.0),
        "{:?}",
        h.state().doc.priced.messages
    );
    assert_eq!(h.state().tab, Tab::Scaling);
    // One undo removes it.
    h.state_mut().send(Command::Undo);
    h.run();
    assert_eq!(h.state().doc.plan.items, before);
}

#[test]
fn plan_tab_adds_a_scaling_group_to_a_plan_with_items() {
    let mut h = harness();
    assert_eq!(h.state().tab, Tab::Plan);
    let before = h.state().doc.plan.items.clone();
    assert!(!before.is_empty());
    h.get_by_label("＋ Add Auto Scaling group").click();
    h.run();
    assert_group_added(&mut h, &before);
}

#[test]
fn plan_tab_adds_a_scaling_group_to_an_empty_plan() {
    let mut h = harness();
    h.state_mut().send(Command::New);
    h.run();
    assert!(h.state().doc.plan.items.is_empty());
    // One more frame: the centred call to action settles its layout.
    h.run();
    // The empty plan's call to action offers an Auto Scaling group next to an EC2 item.
    h.get_by_label("＋ Add item · Amazon EC2");
    h.get_by_label("＋ Add Auto Scaling group").click();
    h.run();
    assert_group_added(&mut h, &[]);
}
