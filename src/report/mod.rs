//! Reports rendered from an [`Estimate`](crate::cost::Estimate): CSV files, charts, number formats.
//!
//! Everything here reads an estimate and writes text or pixels; nothing recomputes a price.

pub mod catalog;
pub mod chart;
pub mod compare_chart;
pub mod compare_csv;
pub mod compare_table;
pub mod csv;
pub mod forecast_chart;
pub mod forecast_csv;
pub mod scaling_chart;
pub mod scaling_csv;
pub mod table;

/// Number formats live in the leaf [`crate::text`] module (the engine uses them too).
pub use crate::text::format;
