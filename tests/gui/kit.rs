//! The egui_kittest set-up every GUI test shares (`use crate::kit;`): the app on the embedded
//! catalogue with scripted file dialogs, in a headless harness of a given size, first frame
//! already run.

use cloudplan::catalog::load;
use cloudplan::ui::app::{App, Settings};
use cloudplan::ui::cells::Col;
use cloudplan::ui::dialogs::FixedPaths;
use egui::{Event, Key};
use egui_kittest::Harness;
use std::path::PathBuf;

/// The app on the embedded catalogue: `initial` opened (or the default plan), file dialogs
/// answered by `dialogs`, autosaving to `recovery` if given.
pub fn app(initial: Option<PathBuf>, dialogs: FixedPaths, recovery: Option<PathBuf>) -> App {
    App::new(
        load::embedded(),
        initial,
        Box::new(dialogs),
        Settings::default(),
        recovery,
    )
}

/// The default plan with scripted dialogs, no autosave.
pub fn default_app(dialogs: FixedPaths) -> App {
    app(None, dialogs, None)
}

/// `app` in a 1400 × 900 window.
pub fn harness(app: App) -> Harness<'static, App> {
    harness_sized(app, [1400.0, 900.0])
}

/// `app` in a window of `size` points, with the app's fonts, after its first frames.
pub fn harness_sized(app: App, size: [f32; 2]) -> Harness<'static, App> {
    let mut h = Harness::builder()
        .with_size(size)
        .with_context_setup(cloudplan::ui::fonts::install)
        .with_max_steps(12)
        .build_ui_state(|ui, app: &mut App| app.ui(ui), app);
    h.run();
    h
}

/// Type into the grid's cell (`row`, `col`) — typing opens the editor — and press Enter.
pub fn type_into_cell(h: &mut Harness<'_, App>, row: usize, col: Col, text: &str) {
    h.state_mut().grid.select_only(row, col);
    h.run();
    h.event(Event::Text(text.to_string()));
    h.run();
    h.key_press(Key::Enter);
    h.run();
}

/// Deliver `events` in **one** frame (a slow frame carrying many keys), then let the app
/// settle. (`Harness::event` runs one frame per event.)
pub fn one_frame(h: &mut Harness<'_, App>, events: impl IntoIterator<Item = Event>) {
    h.input_mut().events.extend(events);
    h.run();
}

/// A key press as the platform sends it.
pub fn press(key: Key, modifiers: egui::Modifiers) -> Event {
    Event::Key {
        key,
        pressed: true,
        modifiers,
        repeat: false,
        physical_key: None,
    }
}

/// Press `key` with `modifiers` in a frame of its own.
pub fn key(h: &mut Harness<'_, App>, key: Key, modifiers: egui::Modifiers) {
    one_frame(
        h,
        [
            Event::ModifiersChanged(modifiers),
            press(key, modifiers),
            Event::ModifiersChanged(egui::Modifiers::NONE),
        ],
    );
}
