//! App tests, one binary: the egui app driven headless with egui_kittest (every tab, the grid,
//! dialogs, malformed files), and crash safety of saving and autosave recovery.

mod crash_safety;
mod file_fallback;
mod grid_clipboard;
mod grid_duplicate;
mod grid_nav;
mod grid_typing;
mod gui;
mod gui_catalog;
mod gui_compare;
mod gui_forecast;
mod gui_forecast_commitments;
mod gui_forms;
mod gui_malformed;
mod gui_plan_editing;
mod gui_plan_scaling;
mod gui_scaling;
mod kit;
mod messages;
