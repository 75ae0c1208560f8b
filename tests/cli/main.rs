//! Command-line tests, one binary: the `cloudplan` executable run as a user runs it (exit
//! codes, messages, files written, reports read back).

mod cli;
mod cli_catalog;
mod cli_chart_files;
mod cli_compare;
#[path = "../common/mod.rs"]
mod common;
