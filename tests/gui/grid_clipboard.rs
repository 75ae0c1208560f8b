//! The system clipboard in the Plan grid: Ctrl+C / Ctrl+X put the selected rows on the OS
//! clipboard as TSV with a header row; Ctrl+V adds rows pasted from a spreadsheet, read by
//! their human headers ("Service", "Description", "Type", "Quantity", "Region" …), as one undo
//! step; an unknown column is refused with a message naming it.

use crate::kit::{self, key, one_frame};
use cloudplan::plan::items_csv::items_from_delimited;
use cloudplan::plan::{Num, Resource};
use cloudplan::ui::app::App;
use cloudplan::ui::cells::Col;
use cloudplan::ui::dialogs::FixedPaths;
use egui::{Event, Key, Modifiers, OutputCommand};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// Text the app put on the clipboard in the last frame.
fn copied(h: &Harness<'_, App>) -> Option<String> {
    h.output()
        .platform_output
        .commands
        .iter()
        .find_map(|c| match c {
            OutputCommand::CopyText(t) => Some(t.clone()),
            _ => None,
        })
}

/// Rows as LibreOffice / Excel / Google Sheets put them on the clipboard: tab-separated,
/// CRLF line ends, their own headers, a money column the app calculates itself.
const SPREADSHEET: &str = "Service\tDescription\tType\tQuantity\tRegion\tPurchase option\tMonthly cost\r\n\
Amazon EC2\tWeb servers\tm7g.large\t4\tAsia Pacific (Seoul)\tOn-Demand\t$268.64\r\n\
Amazon S3\tStatic assets\tstandard\t500\tUS East (N. Virginia)\t\t$11.50\r\n";

#[test]
fn ctrl_c_puts_selected_rows_as_tsv_with_a_header_on_the_clipboard() {
    let mut h = kit::harness(kit::default_app(FixedPaths::default()));
    h.state_mut().grid.select_only(0, Col::Name);
    h.run();
    key(&mut h, Key::ArrowDown, Modifiers::SHIFT);
    h.input_mut().events.push(Event::Copy);
    h.step();
    let text = copied(&h).expect("Ctrl+C writes the clipboard");
    let header = text.lines().next().unwrap();
    assert!(header.starts_with("id\tname\tgroup\tregion"), "{header}");
    let back = items_from_delimited(&text, b'\t', "clipboard").unwrap();
    assert_eq!(
        back,
        h.state().doc.plan.items[..2].to_vec(),
        "the rows round-trip"
    );
    h.run();
    assert!(h.state().notice.as_ref().unwrap().text.contains('2'));
}

#[test]
fn ctrl_x_copies_then_removes_the_rows_in_one_undo_step() {
    let mut h = kit::harness(kit::default_app(FixedPaths::default()));
    let plan = h.state().doc.plan.clone();
    h.state_mut().grid.select_only(1, Col::Name);
    h.run();
    h.input_mut().events.push(Event::Cut);
    h.step();
    let text = copied(&h).expect("Ctrl+X writes the clipboard");
    assert_eq!(
        items_from_delimited(&text, b'\t', "clipboard").unwrap(),
        vec![plan.items[1].clone()]
    );
    h.run();
    assert_eq!(h.state().doc.plan.items.len(), plan.items.len() - 1);
    // Pasting it back adds it again; undo twice restores the plan.
    one_frame(&mut h, [Event::Paste(text)]);
    assert_eq!(h.state().doc.plan.items.len(), plan.items.len());
    key(&mut h, Key::Z, Modifiers::COMMAND);
    key(&mut h, Key::Z, Modifiers::COMMAND);
    assert_eq!(h.state().doc.plan, plan);
}

#[test]
fn ctrl_v_reads_a_spreadsheets_human_headers_as_one_undo_step() {
    let mut h = kit::harness(kit::default_app(FixedPaths::default()));
    let n = h.state().doc.plan.items.len();
    one_frame(&mut h, [Event::Paste(SPREADSHEET.to_string())]);
    let app = h.state();
    assert_eq!(app.doc.plan.items.len(), n + 2, "{:?}", app.notice);
    let web = &app.doc.plan.items[n];
    assert_eq!(web.name, "Web servers");
    assert_eq!(web.region(&app.doc.plan), "ap-northeast-2");
    let Resource::Ec2(e) = &web.resource else {
        panic!("Amazon EC2 is an EC2 fleet: {web:?}")
    };
    assert_eq!(
        (e.instance_type.as_str(), &e.count),
        ("m7g.large", &Num::Value(4.0))
    );
    let s3 = &app.doc.plan.items[n + 1];
    assert_eq!(s3.region.as_deref(), Some("us-east-1"));
    let Resource::S3(s) = &s3.resource else {
        panic!("Amazon S3: {s3:?}")
    };
    assert_eq!(s.storage_gb, Num::Value(500.0), "Quantity of S3 is its GB");
    assert!(app.doc.priced.item(n).is_some() && app.doc.priced.item(n + 1).is_some());
    let notice = app.notice.as_ref().unwrap();
    assert!(!notice.error, "{}", notice.text);
    assert!(
        notice.text.contains("Monthly cost"),
        "the calculated column read past is named: {}",
        notice.text
    );
    key(&mut h, Key::Z, Modifiers::COMMAND);
    assert_eq!(
        h.state().doc.plan.items.len(),
        n,
        "one undo removes the paste"
    );
}

#[test]
fn an_unknown_column_is_named_and_nothing_is_added() {
    let mut h = kit::harness(kit::default_app(FixedPaths::default()));
    let plan = h.state().doc.plan.clone();
    let tsv = "Service\tDescription\tColour\nAmazon EC2\tWeb\tred\n";
    one_frame(&mut h, [Event::Paste(tsv.into())]);
    let app = h.state();
    assert_eq!(app.doc.plan, plan, "no silent half paste");
    let notice = app.notice.as_ref().expect("a message");
    assert!(notice.error);
    assert!(
        notice.text.contains("unknown column `Colour`"),
        "{}",
        notice.text
    );
    assert!(notice.text.contains("clipboard:1"), "{}", notice.text);
}

#[test]
fn a_single_value_pastes_into_the_cursor_cell() {
    let mut h = kit::harness(kit::default_app(FixedPaths::default()));
    let n = h.state().doc.plan.items.len();
    h.state_mut().grid.select_only(0, Col::Name);
    h.run();
    one_frame(&mut h, [Event::Paste("Renamed from clipboard\n".into())]);
    assert_eq!(h.state().doc.plan.items.len(), n);
    assert_eq!(h.state().doc.plan.items[0].name, "Renamed from clipboard");
}

#[test]
fn edit_menu_cut_rows_copies_and_removes() {
    let mut h = kit::harness(kit::default_app(FixedPaths::default()));
    let n = h.state().doc.plan.items.len();
    let first = h.state().doc.plan.items[0].clone();
    h.state_mut().grid.select_only(0, Col::Name);
    h.run();
    h.get_by_label("Edit").click();
    h.run();
    h.get_by_label_contains("Cut rows").click();
    h.step();
    let text = copied(&h).expect("Cut rows writes the clipboard");
    assert_eq!(
        items_from_delimited(&text, b'\t', "clipboard").unwrap(),
        vec![first]
    );
    h.run();
    assert_eq!(h.state().doc.plan.items.len(), n - 1);
}
