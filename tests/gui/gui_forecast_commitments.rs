//! The Forecast tab with commitments, driven headless with egui_kittest: the month-by-month
//! table shows each month's upfront and its commitment events, a commitment driver is added
//! from the menu, switching it to "let it expire" is one undoable step and the table shows the
//! expiry. Numbers and texts are compared with the engine's own results, never invented.

use cloudplan::catalog::load;
use cloudplan::forecast::{self, EventKind, GrowthDriver};
use cloudplan::plan::file;
use cloudplan::report::format::money;
use cloudplan::ui::app::{App, Tab};
use cloudplan::ui::commands::Command;
use cloudplan::ui::dialogs::FixedPaths;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use crate::kit;

fn harness() -> Harness<'static, App> {
    let mut app = kit::default_app(FixedPaths::default());
    // The Seoul sample buys its app servers and its database with 1-year reservations; over 24
    // months each term starts, then renews (the default) or expires.
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/samples/seoul-web-app.cloudplan.json"
    );
    let mut plan = file::from_json_str(&std::fs::read_to_string(path).unwrap(), path).unwrap();
    plan.horizon_months = 24;
    app.doc.replace(plan, None, load::embedded());
    app.tab = Tab::Forecast;
    kit::harness_sized(app, [1600.0, 1400.0])
}

fn projection(h: &Harness<'static, App>) -> forecast::Projection {
    forecast::project::project(&h.state().doc.plan, load::embedded(), None).unwrap()
}

#[test]
fn the_table_shows_commitment_events_and_a_driver_lets_one_expire() {
    let mut h = harness();
    let p = projection(&h);
    assert!(!p.commitments.is_empty());
    // Month 1: the terms start and their upfront is in the Upfront column.
    h.get_by_label("Upfront");
    h.get_by_label("Commitments");
    assert!(p.months[0].upfront_usd > 0.0);
    assert!(
        h.query_all_by_label(&money(p.months[0].upfront_usd))
            .count()
            >= 1
    );
    for e in &p.months[0].events {
        assert_eq!(e.kind, EventKind::Starts);
        assert!(
            h.query_all_by_label_contains(&e.text()).count() >= 1,
            "{} shown",
            e.text()
        );
    }
    // Month 13: renewed by default, and the summary says it was the default.
    let renewals = &p.months[12].events;
    assert!(!renewals.is_empty() && renewals.iter().all(|e| e.kind == EventKind::Renews));
    assert!(h.query_all_by_label_contains(&renewals[0].text()).count() >= 1);
    assert!(
        h.query_all_by_label_contains("renews (default: no commitment driver)")
            .count()
            >= 1
    );

    // Add a commitment driver from the menu: the first committed item, renewing.
    h.get_by_label("Add driver").click();
    h.run();
    h.get_by_label("Commitment term (RI / Savings Plan)")
        .click();
    h.run();
    let item = match &h.state().doc.plan.growth[..] {
        [GrowthDriver::Commitment { item, start, renew }] => {
            assert_eq!((start, renew), (&None, &true));
            item.clone()
        }
        g => panic!("{g:?}"),
    };
    // Let it expire: one undoable step; the table shows the expiry in month 13.
    h.get_by_role_and_label(Role::ComboBox, "At the end of each term")
        .click();
    h.run();
    h.get_by_label("Let it expire (On-Demand after)").click();
    h.run();
    h.run();
    assert!(matches!(
        &h.state().doc.plan.growth[0],
        GrowthDriver::Commitment { renew: false, .. }
    ));
    let p = projection(&h);
    let expiry = p.months[12]
        .events
        .iter()
        .find(|e| e.item == item)
        .expect("expiry event");
    assert_eq!(expiry.kind, EventKind::Expires);
    assert!(h.query_all_by_label_contains(&expiry.text()).count() >= 1);

    h.state_mut().send(Command::Undo);
    h.run();
    h.run();
    assert!(matches!(
        &h.state().doc.plan.growth[0],
        GrowthDriver::Commitment { renew: true, .. }
    ));
}
