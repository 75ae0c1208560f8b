//! cloudplan: AWS cost and capacity planning — a desktop app and a CLI over one pure engine.
//!
//! The modules form layers; each imports only from the layers below it (checked by the
//! `architecture` test in `tests/engine/`, drawn in `docs/ARCHITECTURE.md`):
//!
//! 1. leaves — [`text`] (number formats, the CSV-injection guard), [`units`] (the 730-hour
//!    month, weekdays), [`limits`] (bounds on every input), [`atomic_file`] (the crash-safe writer);
//! 2. [`catalog`] — prices and instance facts, loading and importing them;
//! 3. [`scaling`] — the Auto Scaling simulator;
//! 4. [`plan`] — the user's document, its formulas and growth drivers;
//! 5. [`cost`] — the estimate (every dollar figure);
//! 6. [`purchase`] — purchase-option comparison;
//! 7. [`forecast`] — month-by-month projection and history models;
//! 8. [`report`] — CSV, tables and charts rendered from results;
//! 9. the shells, side by side: [`cli`] and [`ui`] (the eframe app).
//!
//! The core (layers 1–8) has no egui and no I/O in its maths.

pub mod atomic_file;
pub mod catalog;
pub mod cli;
pub mod cost;
pub mod forecast;
pub mod limits;
pub mod plan;
pub mod purchase;
pub mod report;
pub mod scaling;
pub mod text;
pub mod ui;
pub mod units;
