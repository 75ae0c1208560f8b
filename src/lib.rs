//! cloudplan: AWS cost and capacity planning — a desktop app and a CLI over one pure engine.
//!
//! Core (no GUI, no I/O in the maths): [`catalog`] (prices), [`plan`] (the user's document),
//! [`cost`] (the estimate), [`report`] (CSV and charts). Shells: [`ui`] (eframe app) and the
//! `cloudplan` binary's CLI. See `docs/ARCHITECTURE.md`.

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
pub mod ui;
