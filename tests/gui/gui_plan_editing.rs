//! Building a plan in the app: the plan settings window (with File › New starting from the
//! last-used region), groups (add, rename, nest with rolled-up subtotals, reorder, delete with
//! the items moved where the person chose), parameters (rename with formulas following,
//! describe, delete refused while used), and the Scaling tab's whole-number fields.

use cloudplan::plan::{Num, Resource};
use cloudplan::ui::app::{App, Tab};
use cloudplan::ui::commands::{Command, PlanEdit};
use cloudplan::ui::dialogs::FixedPaths;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use crate::gui_forms::{pick, type_field};
use crate::kit;

fn tall(app: App) -> Harness<'static, App> {
    kit::harness_sized(app, [1600.0, 2400.0])
}

#[test]
fn plan_settings_window_edits_every_setting_and_new_remembers_the_region() {
    let mut h = tall(kit::default_app(FixedPaths::default()));
    // From File › New, so every region of the catalogue can price the (empty) plan.
    h.state_mut().send(Command::New);
    h.run();
    h.run();
    h.get_by_label("Plan settings…").click();
    h.run();
    assert!(h.state().plan_settings.open);
    type_field(&mut h, "Plan name", "Checkout service");
    type_field(&mut h, "Description", "EU launch, year one");
    pick(
        &mut h,
        "Default region",
        "ap-northeast-1 — Asia Pacific (Tokyo)",
    );
    type_field(&mut h, "Start month", "2027-03");
    type_field(&mut h, "Horizon", "36");
    h.get_by_role_and_label(Role::CheckBox, "AWS Free Tier")
        .click();
    h.run();
    pick(
        &mut h,
        "Tiered prices",
        "Per item (as the Pricing Calculator shows)",
    );
    let p = h.state().doc.plan.clone();
    assert_eq!(p.name, "Checkout service");
    assert_eq!(p.description, "EU launch, year one");
    assert_eq!(p.default_region, "ap-northeast-1");
    assert_eq!(p.start_month, "2027-03");
    assert_eq!(p.horizon_months, 36);
    assert!(p.free_tier);
    assert_eq!(p.tier_mode, cloudplan::plan::TierMode::PerItem);
    // Bad input is refused with the reason beside the field; the plan keeps its value.
    type_field(&mut h, "Start month", "2027-13");
    type_field(&mut h, "Horizon", "0");
    assert_eq!(h.state().doc.plan.start_month, "2027-03");
    assert_eq!(h.state().doc.plan.horizon_months, 36);
    let r = h
        .state()
        .rejected_for("plan", "start_month")
        .expect("refused");
    assert!(r.reason.contains("YYYY-MM"), "{}", r.reason);
    let r = h
        .state()
        .rejected_for("plan", "horizon_months")
        .expect("refused");
    assert!(r.reason.contains("1 to 60"), "{}", r.reason);
    assert!(
        h.query_all_by_label_contains("Not applied: “2027-13”")
            .count()
            >= 1
    );
    // The region is remembered: File › New starts there, with none of the sample's settings.
    assert_eq!(
        h.state().settings.last_region.as_deref(),
        Some("ap-northeast-1")
    );
    h.state_mut().doc.dirty = false;
    h.state_mut().send(Command::New);
    h.run();
    let p = h.state().doc.plan.clone();
    assert_eq!(p.default_region, "ap-northeast-1");
    assert_eq!(p.name, "Untitled plan");
    assert!(p.items.is_empty() && p.groups.is_empty() && p.parameters.is_empty());
    assert!(!p.free_tier);
    assert_eq!(p.horizon_months, 12);
    assert_eq!(
        p.start_month,
        chrono::Utc::now().format("%Y-%m").to_string()
    );
    // Each settings change was one undo step.
    h.state_mut().send(Command::Undo);
    h.run();
    assert_eq!(
        h.state().doc.plan.default_region,
        "ap-northeast-1",
        "New cleared history"
    );
}

#[test]
fn groups_are_added_renamed_nested_reordered_and_deleted() {
    let mut h = tall(kit::default_app(FixedPaths::default()));
    h.state_mut().send(Command::New);
    h.run();
    h.run();
    // Typing a name and pressing Enter adds a group (type_field presses Enter) …
    for name in ["Web", "Data"] {
        type_field(&mut h, "Add group", name);
    }
    // … and so does the button.
    h.get_by_role_and_label(Role::TextInput, "Add group")
        .click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Add group")
        .type_text("Shared");
    h.run();
    h.get_by_role_and_label(Role::Button, "Add group").click();
    h.run();
    let names = |h: &Harness<'static, App>| -> Vec<String> {
        h.state()
            .doc
            .plan
            .groups
            .iter()
            .map(|g| g.name.clone())
            .collect()
    };
    assert_eq!(names(&h), ["Web", "Data", "Shared"]);
    // A duplicate is refused with a message.
    type_field(&mut h, "Add group", "Web");
    assert_eq!(names(&h).len(), 3);
    assert!(h.state().rejected_for("plan", "add_group").is_some());
    // Items in two groups.
    for (svc, group) in [
        (cloudplan::catalog::Service::Ec2, "Web"),
        (cloudplan::catalog::Service::S3, "Data"),
    ] {
        h.state_mut().send(Command::AddItem(svc));
        h.run();
        let row = h.state().doc.plan.items.len() - 1;
        let mut item = h.state().doc.plan.items[row].clone();
        item.group = group.into();
        h.state_mut().send(Command::SetItem {
            row,
            field: "group".into(),
            item: Box::new(item),
        });
        h.run();
    }
    // Rename `Data` through its editor: the item follows.
    h.get_all_by_label("Manage")
        .nth(1)
        .expect("Data's button")
        .click();
    h.run();
    type_field(&mut h, "Name", "Storage");
    assert_eq!(names(&h), ["Web", "Storage", "Shared"]);
    assert_eq!(h.state().doc.plan.items[1].group, "Storage");
    // Nest `Storage` in `Shared`: Shared's subtotal includes Storage's item.
    pick(&mut h, "Nested in", "Shared");
    let g = &h.state().doc.plan.groups[1];
    assert_eq!(g.parent.as_deref(), Some("Shared"));
    let est = h.state().doc.priced.estimate.clone().unwrap();
    let rolled = cloudplan::cost::totals::group_rollup(&est.by_group, &h.state().doc.plan);
    let s3 = est.items[1].monthly_usd;
    assert!(s3 > 0.0);
    assert_eq!(rolled["Shared"].monthly_usd, s3);
    h.get_all_by_label(&cloudplan::report::format::money(s3))
        .next()
        .expect("Shared's rolled-up subtotal shown");
    // Reorder: move Web down below Shared (top-level siblings: Web, Shared).
    h.state_mut().send(Command::Plan(PlanEdit::MoveGroup {
        name: "Web".into(),
        delta: 1,
    }));
    h.run();
    assert_eq!(names(&h), ["Shared", "Storage", "Web"]);
    h.state_mut().send(Command::Plan(PlanEdit::NestGroup {
        name: "Shared".into(),
        parent: Some("Storage".into()),
    }));
    h.run();
    let r = h
        .state()
        .rejected_for("group:Shared", "parent")
        .expect("refused");
    assert!(r.reason.contains("inside it"), "{}", r.reason);
    // Delete Web, moving its item to Storage (the person's choice in the editor).
    // Web's editor (the last group's button).
    h.get_all_by_label("Manage").nth(2).unwrap().click();
    h.run();
    pick(&mut h, "Move its items to", "Storage");
    h.get_by_label("Delete group").click();
    h.run();
    assert_eq!(names(&h), ["Shared", "Storage"]);
    assert_eq!(h.state().doc.plan.items[0].group, "Storage");
    // One step each: undo brings Web back with its item.
    h.state_mut().send(Command::Undo);
    h.run();
    assert_eq!(names(&h), ["Shared", "Storage", "Web"]);
    assert_eq!(h.state().doc.plan.items[0].group, "Web");
}

#[test]
fn parameters_are_renamed_described_and_deleted_only_when_unused() {
    let mut h = tall(kit::default_app(FixedPaths::default()));
    let uses_users = |h: &Harness<'static, App>| -> usize {
        cloudplan::plan::edit::parameter_uses(&h.state().doc.plan, "users").len()
    };
    assert!(uses_users(&h) > 0, "the sample's formulas use `users`");
    let before = h
        .state()
        .doc
        .priced
        .estimate
        .clone()
        .unwrap()
        .total
        .monthly_usd;
    let i = h
        .state()
        .doc
        .plan
        .parameters
        .iter()
        .position(|p| p.name == "users")
        .unwrap();
    let groups = h.state().doc.plan.groups.len();
    let params = h.state().doc.plan.parameters.len();
    assert_eq!(h.get_all_by_label("Manage").count(), groups + params);
    let _ = i;
    // The parameter's Manage button (beside its value field) opens its editor.
    h.get_all_by_label("Manage")
        .nth(groups)
        .expect("the first parameter's button")
        .click();
    h.run();
    assert_eq!(
        h.state().sidebar.editing_parameter.as_deref(),
        Some("users")
    );
    // Deleting a used parameter is refused, naming the cells that use it.
    h.get_by_label("Delete parameter").click();
    h.run();
    let r = h
        .state()
        .rejected_for("param:users", "delete")
        .expect("refused");
    assert!(
        r.reason.contains("peak_rps") || r.reason.contains("·"),
        "{}",
        r.reason
    );
    assert!(
        h.state()
            .doc
            .plan
            .parameters
            .iter()
            .any(|p| p.name == "users")
    );
    // Rename: every formula follows and the estimate is unchanged.
    type_field(&mut h, "Name", "monthly_users");
    let plan = h.state().doc.plan.clone();
    assert!(plan.parameters.iter().any(|p| p.name == "monthly_users"));
    assert_eq!(uses_users(&h), 0);
    assert!(!cloudplan::plan::edit::parameter_uses(&plan, "monthly_users").is_empty());
    let after = h
        .state()
        .doc
        .priced
        .estimate
        .clone()
        .unwrap()
        .total
        .monthly_usd;
    assert_eq!(after, before);
    // An invalid new name is refused.
    type_field(&mut h, "Name", "2fast");
    assert!(
        h.state()
            .rejected_for("param:monthly_users", "name")
            .is_some()
    );
    // Describe.
    type_field(&mut h, "Description", "Monthly active users");
    let p = h
        .state()
        .doc
        .plan
        .parameters
        .iter()
        .find(|p| p.name == "monthly_users")
        .unwrap()
        .clone();
    assert_eq!(p.description, "Monthly active users");
    // An unused parameter can be deleted.
    h.state_mut().send(Command::AddParameter);
    h.run();
    let n = h.state().doc.plan.parameters.len();
    let name = h.state().doc.plan.parameters[n - 1].name.clone();
    h.state_mut()
        .send(Command::Plan(PlanEdit::DeleteParameter { name }));
    h.run();
    assert_eq!(h.state().doc.plan.parameters.len(), n - 1);
    assert_eq!(
        h.state()
            .doc
            .plan
            .parameters
            .iter()
            .find(|p| p.name == "monthly_users")
            .unwrap()
            .value,
        p.value
    );
    let _ = Num::Value(0.0);
}

#[test]
fn scaling_tab_takes_typed_whole_numbers() {
    let mut h = tall(kit::default_app(FixedPaths::default()));
    h.state_mut().send(Command::AddScalingGroup);
    h.run();
    assert_eq!(h.state().tab, Tab::Scaling);
    h.get_by_label("Capacity").click();
    h.run();
    type_field(&mut h, "Maximum", "8");
    type_field(&mut h, "Minimum", "2");
    type_field(&mut h, "Desired", "3");
    let row = h.state().doc.plan.items.len() - 1;
    let Resource::ScalingGroup(g) = h.state().doc.plan.items[row].resource.clone() else {
        panic!("group")
    };
    assert_eq!((g.min, g.desired, g.max), (2, 3, 8));
    // Not a whole number, or out of the group's limits: refused with the reason.
    type_field(&mut h, "Maximum", "8.5");
    let id = h.state().doc.plan.items[row].id.clone();
    let r = h.state().rejected_for(&id, "max").expect("refused");
    assert!(r.reason.contains("whole number"), "{}", r.reason);
    type_field(&mut h, "Desired", "20");
    assert!(h.state().rejected_for(&id, "desired").is_some());
    let Resource::ScalingGroup(g) = h.state().doc.plan.items[row].resource.clone() else {
        panic!("group")
    };
    assert_eq!((g.min, g.desired, g.max), (2, 3, 8));
    // The same through the detail field path (JSON) the file format uses.
    h.state_mut().send(Command::SetField {
        row,
        field: "max".into(),
        text: "12".into(),
    });
    h.run();
    let Resource::ScalingGroup(g) = h.state().doc.plan.items[row].resource.clone() else {
        panic!("group")
    };
    assert_eq!(g.max, 12);
    // Policies and scheduled actions are forms: add a policy and an action.
    h.get_by_label("Capacity").click();
    h.run();
    h.get_by_label("Policies").click();
    h.run();
    h.get_by_label("Add policy").click();
    h.run();
    let Resource::ScalingGroup(g) = h.state().doc.plan.items[row].resource.clone() else {
        panic!("group")
    };
    assert_eq!(g.policies.len(), 2);
    h.get_by_label("Policies").click();
    h.run();
    h.get_by_label("Scheduled actions").click();
    h.run();
    h.get_by_label("Add scheduled action").click();
    h.run();
    let Resource::ScalingGroup(g) = h.state().doc.plan.items[row].resource.clone() else {
        panic!("group")
    };
    assert_eq!(g.scheduled.len(), 1, "an action was added");
    type_field(&mut h, "Set desired", "6");
    let Resource::ScalingGroup(g) = h.state().doc.plan.items[row].resource.clone() else {
        panic!("group")
    };
    assert_eq!(g.scheduled.len(), 1);
    assert_eq!(g.scheduled[0].desired, Some(6));
}
