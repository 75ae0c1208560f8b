//! Driven headless with egui_kittest: the Plan tab's "＋ Add Auto Scaling group" button (it
//! sends the same `AddScalingGroup` command as the Edit menu and the Scaling tab: one undoable
//! edit that adds a priced group and opens it on the Scaling tab), from a plan with items and
//! from an empty plan; and the Scaling tab's purchase-options form (allocation strategy combos)
//! and time-zone picker of scheduled actions.

use cloudplan::catalog::load;
use cloudplan::plan::Resource;
use cloudplan::ui::app::{App, Settings, Tab};
use cloudplan::ui::commands::Command;
use cloudplan::ui::dialogs::FixedPaths;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::PathBuf;

use crate::kit;

fn harness() -> Harness<'static, App> {
    kit::harness(kit::default_app(FixedPaths::default()))
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

fn sample_on_scaling_tab() -> Harness<'static, App> {
    let app = App::new(
        load::embedded(),
        Some(
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("samples/autoscaling-web.cloudplan.json"),
        ),
        Box::new(FixedPaths::default()),
        Settings::default(),
        None,
    );
    let mut h = Harness::builder()
        .with_size([1400.0, 1400.0])
        .with_context_setup(cloudplan::ui::fonts::install)
        .with_max_steps(12)
        .build_ui_state(|ui, app: &mut App| app.ui(ui), app);
    h.state_mut().tab = Tab::Scaling;
    h.run();
    h
}

fn group(h: &Harness<'static, App>) -> cloudplan::scaling::GroupSpec {
    match &h.state().doc.plan.items[0].resource {
        Resource::ScalingGroup(g) => g.clone(),
        r => panic!("{r:?}"),
    }
}

#[test]
fn spot_allocation_strategy_combo_is_one_undoable_edit() {
    use cloudplan::scaling::allocation::SpotAllocationStrategy;
    let mut h = sample_on_scaling_tab();
    let before = h
        .state()
        .doc
        .priced
        .estimate
        .clone()
        .unwrap()
        .total
        .monthly_usd;
    assert_eq!(group(&h).distribution.spot_allocation_strategy, None);
    h.get_by_label("Purchase options").click();
    h.run();
    // The combo starts at the sample's model (no strategy: an even spread) and offers AWS's four.
    h.get_by_role_and_label(Role::ComboBox, "Spot allocation strategy")
        .click();
    h.run();
    h.get_by_label("even spread (plans before strategies)");
    h.run();
    h.get_by_label("capacity-optimized").click();
    h.run();
    h.run();
    let g = group(&h);
    assert_eq!(
        g.distribution.spot_allocation_strategy,
        Some(SpotAllocationStrategy::CapacityOptimized)
    );
    // The sample's types: m6i.large ("10-15%") and c6i.large ("5-10%"): all Spot capacity
    // moves to c6i.large, so the estimate changes; one undo restores the sample.
    let after = h
        .state()
        .doc
        .priced
        .estimate
        .clone()
        .unwrap()
        .total
        .monthly_usd;
    assert_ne!(after, before);
    h.state_mut().send(Command::Undo);
    h.run();
    assert_eq!(group(&h).distribution.spot_allocation_strategy, None);
    assert_eq!(
        h.state()
            .doc
            .priced
            .estimate
            .clone()
            .unwrap()
            .total
            .monthly_usd,
        before
    );
}

#[test]
fn time_zone_picker_checks_names_and_sets_the_zone() {
    let mut h = sample_on_scaling_tab();
    h.get_by_label("Scheduled actions").click();
    h.run();
    // The sample's two actions use a fixed offset (UTC−5 all year round), shown as such.
    assert_eq!(h.query_all_by_label_contains("UTC-05:00").count(), 2);
    let type_zone = |h: &mut Harness<'static, App>, text: &str| {
        h.get_all_by_role_and_label(Role::TextInput, "Time zone")
            .next()
            .unwrap()
            .click();
        h.run();
        h.key_press_modifiers(Modifiers::COMMAND, Key::A);
        h.get_all_by_role_and_label(Role::TextInput, "Time zone")
            .next()
            .unwrap()
            .type_text(text);
        h.run();
    };
    // A name that is not in the IANA database is flagged and never applied.
    type_zone(&mut h, "America/New_Yrok");
    assert!(
        h.query_all_by_label_contains("not an IANA time zone name")
            .count()
            >= 1
    );
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(group(&h).scheduled[0].time_zone, None);
    assert_eq!(group(&h).scheduled[0].utc_offset_minutes, -300);
    // A real one replaces the fixed offset (UTC−5 all year) with New York's DST rules.
    type_zone(&mut h, "America/New_York");
    h.key_press(Key::Enter);
    h.run();
    h.run();
    let g = group(&h);
    assert_eq!(
        g.scheduled[0].time_zone.as_deref(),
        Some("America/New_York")
    );
    assert_eq!(g.scheduled[0].utc_offset_minutes, 0);
    assert_eq!(
        g.scheduled[1].time_zone, None,
        "only the edited action changes"
    );
    assert_eq!(h.query_all_by_label_contains("UTC-05:00").count(), 1);
}
