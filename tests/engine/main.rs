//! Engine tests, one binary: the catalogue, plans, the cost engine, purchase options, the
//! Auto Scaling simulator, the forecast and importers, checked through the library's API (no
//! GUI, no process spawned). Also the architecture test (imports only run down the layers).

mod architecture;
mod aws_examples;
mod catalogue_world;
#[path = "../common/mod.rs"]
mod common;
mod cost_properties;
mod csv_injection;
mod forecast;
mod forecast_commitments;
mod forecast_scaling;
mod fuzz_regressions;
mod import;
mod items_paste;
mod malformed;
mod plan_edit;
mod plan_files;
mod purchase;
mod random_groups;
mod scaling;
mod scaling_allocation;
mod scaling_batch;
mod scaling_fingerprint;
mod scaling_golden;
mod scaling_memo;
