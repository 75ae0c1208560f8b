//! The Catalogue tab, headless (egui_kittest): the instance table lists the embedded
//! catalogue's priced instance types, and "Add to plan" adds an EC2 item of that type through
//! the app's commands (undoable).

use cloudplan::catalog::load;
use cloudplan::plan::Resource;
use cloudplan::ui::app::{App, Settings, Tab};
use cloudplan::ui::catalog_tab::{Filter, SortBy, rows};
use cloudplan::ui::dialogs::FixedPaths;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn harness() -> Harness<'static, App> {
    let mut app = App::new(
        load::embedded(),
        None,
        Box::new(FixedPaths::default()),
        Settings::default(),
        None,
    );
    app.tab = Tab::Catalog;
    let mut h = Harness::builder()
        .with_size([1600.0, 900.0])
        .with_context_setup(cloudplan::ui::fonts::install)
        .with_max_steps(12)
        .build_ui_state(|ui, app: &mut App| app.ui(ui), app);
    h.run();
    h
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
fn add_to_plan_adds_an_ec2_item_of_that_type_and_undo_removes_it() {
    let mut h = harness();
    let before = h.state().doc.plan.items.len();
    let first = rows(
        load::embedded(),
        &Filter::new(&h.state().doc.plan.default_region),
    )
    .remove(0);
    h.get_all_by_label("Add to plan").next().unwrap().click();
    h.run();
    let items = &h.state().doc.plan.items;
    assert_eq!(items.len(), before + 1);
    match &items.last().unwrap().resource {
        Resource::Ec2(e) => assert_eq!(e.instance_type, first.instance_type),
        other => panic!("expected an EC2 item, got {other:?}"),
    }
    h.state_mut()
        .commands
        .push(cloudplan::ui::commands::Command::Undo);
    h.run();
    h.state_mut()
        .commands
        .push(cloudplan::ui::commands::Command::Undo);
    h.run();
    assert_eq!(h.state().doc.plan.items.len(), before);
}
