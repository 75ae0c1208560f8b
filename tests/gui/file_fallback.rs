//! Files never fail silently: with no desktop portal the system file dialog cannot open; the
//! app says so in the status bar and offers its own dialog (path field, recent folders, the
//! folder's files), whose path answers the command that asked.

use crate::kit;
use cloudplan::plan::file;
use cloudplan::ui::app::{App, Settings};
use cloudplan::ui::commands::Command;
use cloudplan::ui::dialogs::NoPortal;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn no_portal_app() -> App {
    App::new(
        cloudplan::catalog::load::embedded(),
        None,
        Box::new(NoPortal::default()),
        Settings::default(),
        None,
    )
}

fn set_path(h: &mut Harness<'_, App>, text: &str) {
    h.state_mut()
        .file_dialog
        .as_mut()
        .expect("the app's dialog")
        .text = text.to_string();
    h.run();
}

#[test]
fn save_without_a_portal_uses_the_apps_own_dialog() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = kit::harness(no_portal_app());
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    let notice = h
        .state()
        .notice
        .clone()
        .expect("the status bar says what happened");
    assert!(notice.error);
    assert!(notice.text.contains("could not open"), "{}", notice.text);
    assert!(notice.text.contains("no desktop portal"), "{}", notice.text);
    h.get_by_label("Save as");
    assert!(
        h.state()
            .file_dialog
            .as_ref()
            .unwrap()
            .text
            .ends_with(".cloudplan.json")
    );

    // A folder that does not exist is refused in the dialog.
    set_path(&mut h, "/no/such/folder/x.cloudplan.json");
    h.get_by_role_and_label(Role::Button, "Save").click();
    h.run();
    h.get_by_label_contains("does not exist");
    assert!(h.state().file_dialog.is_some());

    // A good path (no extension typed: the plan's is added) saves the plan there.
    let target = dir.path().join("mine");
    set_path(&mut h, &target.display().to_string());
    h.get_by_role_and_label(Role::Button, "Save").click();
    h.run();
    let saved = dir.path().join("mine.json");
    assert!(saved.exists(), "{:?}", h.state().notice);
    assert!(h.state().file_dialog.is_none());
    assert!(!h.state().doc.dirty);
    assert_eq!(file::load(&saved).unwrap(), h.state().doc.plan);
    assert_eq!(
        h.state()
            .settings
            .recent_folders
            .first()
            .map(|p| p.as_path()),
        Some(dir.path())
    );
}

#[test]
fn open_without_a_portal_lists_the_folders_files() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.cloudplan.json");
    let sample = file::samples()[1].2;
    std::fs::write(&path, sample).unwrap();
    let settings = Settings {
        recent_folders: vec![dir.path().to_path_buf()],
        ..Settings::default()
    };
    let mut h = kit::harness(App::new(
        cloudplan::catalog::load::embedded(),
        None,
        Box::new(NoPortal::default()),
        settings,
        None,
    ));
    h.state_mut().send(Command::Open);
    h.run();
    h.get_by_label("Open a file");
    // The recent folder's plan file is listed; choosing it and Open opens it.
    h.get_by_role_and_label(Role::Button, "other.cloudplan.json")
        .click();
    h.run();
    h.get_by_role_and_label(Role::Button, "Open").click();
    h.run();
    assert!(h.state().file_dialog.is_none());
    assert_eq!(h.state().doc.path.as_deref(), Some(path.as_path()));
    assert_eq!(
        h.state().doc.plan,
        file::from_json_str(sample, "x").unwrap()
    );
}

#[test]
fn cancel_closes_the_dialog_and_changes_nothing() {
    let mut h = kit::harness(no_portal_app());
    let plan = h.state().doc.plan.clone();
    h.state_mut().send(Command::ImportItemsCsv);
    h.run();
    assert!(h.state().file_dialog.is_some());
    h.get_by_role_and_label(Role::Button, "Cancel").click();
    h.run();
    assert!(h.state().file_dialog.is_none());
    assert_eq!(h.state().doc.plan, plan);
}
