//! The "Compare" tab driven headless with egui_kittest: the whole-plan table with the cheapest
//! option marked and unavailable options greyed with their reason, switching to one item and
//! changing the horizon, charts cached between frames, and CSV/PNG/SVG export through the
//! dialog trait. Figures are compared with `purchase::compare_*` on the same plan and the
//! embedded catalogue, never with invented numbers.

use cloudplan::catalog::load;
use cloudplan::purchase::{self, Scope, Settings as CmpSettings};
use cloudplan::report::format::money;
use cloudplan::ui::app::{App, Tab};
use cloudplan::ui::compare_tab;
use cloudplan::ui::dialogs::FixedPaths;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use crate::kit;

fn harness(dialogs: FixedPaths) -> Harness<'static, App> {
    kit::harness(kit::default_app(dialogs))
}

#[test]
fn compare_tab_shows_whole_plan_then_one_item() {
    let mut h = harness(FixedPaths::default());
    h.get_by_label("Compare").click();
    h.run();
    assert_eq!(h.state().tab, Tab::Compare);
    let shown = compare_tab::current(&h.ctx).expect("a comparison is shown");
    assert_eq!(shown.scope, Scope::Plan);
    // Same numbers as the engine for the same plan, horizon 36 months (the default).
    let plan = h.state().doc.plan.clone();
    let direct = purchase::compare_plan(
        &plan,
        load::embedded(),
        CmpSettings {
            horizon_months: 36,
            spot_overhead_pct: 0.0,
        },
    )
    .unwrap();
    assert_eq!(*shown, direct);
    let best = direct.best().unwrap();
    h.get_by_label_contains(&format!("★ {}", best.label));
    h.get_by_label(&money(best.total_usd));
    // Savings Plans the catalogue has no rate for are greyed with the reason (EC2 Instance
    // Savings Plans everywhere; Compute Savings Plans outside us-east-1).
    assert!(
        !h.query_all_by_label_contains("unavailable: ")
            .collect::<Vec<_>>()
            .is_empty()
    );
    let renders = compare_tab::state(&h.ctx).renders;
    assert!(renders >= 2, "both charts rendered");
    h.run_steps(3);
    assert_eq!(
        compare_tab::state(&h.ctx).renders,
        renders,
        "charts are cached"
    );

    // One item, 12-month horizon.
    let item = plan
        .items
        .iter()
        .find(|i| matches!(i.resource, cloudplan::plan::Resource::Ec2(_)))
        .unwrap()
        .id
        .clone();
    compare_tab::set_scope(&h.ctx, Some(item.clone()));
    h.run();
    h.get_by_label("12 months").click();
    h.run();
    let shown = compare_tab::current(&h.ctx).unwrap();
    assert_eq!(shown.scope, Scope::Item(item.clone()));
    assert_eq!(shown.settings.horizon_months, 12);
    let direct = purchase::compare_item(
        &plan,
        load::embedded(),
        &item,
        CmpSettings {
            horizon_months: 12,
            spot_overhead_pct: 0.0,
        },
    )
    .unwrap();
    assert_eq!(shown.options, direct.options);
    assert!(
        compare_tab::state(&h.ctx).renders > renders,
        "charts redrawn"
    );
}

#[test]
fn compare_tab_exports_csv_png_and_svg() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("options.csv");
    let png = dir.path().join("cumulative.png");
    let svg = dir.path().join("cumulative.svg");
    let mut h = harness(FixedPaths {
        open: vec![],
        save: vec![csv.clone(), png.clone(), svg.clone()],
    });
    h.get_by_label("Compare").click();
    h.run();
    for (i, path) in [&csv, &png, &svg].into_iter().enumerate() {
        h.get_by_label("Export").click();
        h.run();
        let buttons = [
            "Comparison CSV…".to_string(),
            "Chart PNG… — cumulative-cost-by-option".to_string(),
            "Chart SVG… — cumulative-cost-by-option".to_string(),
        ];
        h.get_by_label(&buttons[i]).click();
        h.run();
        assert!(path.exists(), "{} written", path.display());
    }
    let text = std::fs::read_to_string(&csv).unwrap();
    // A CSV file starts with the UTF-8 byte-order mark (spreadsheets then decode Hangul).
    assert!(text.starts_with("\u{feff}record,scope,title,horizon_months,option"));
    assert!(text.contains("Savings Plan 1yr No Upfront rate for"));
    assert_eq!(&std::fs::read(&png).unwrap()[..8], b"\x89PNG\r\n\x1a\n");
    assert!(std::fs::read_to_string(&svg).unwrap().contains("<svg"));
    let notice = h.state().notice.clone().unwrap();
    assert!(!notice.error, "{}", notice.text);
}
