//! Forecasting the monthly bill: growth drivers applied to the plan and priced month by month
//! ([`project`]), and models fitted to a bill history ([`history`], [`models`], [`select`])
//! with prediction intervals ([`intervals`]). Pure: data in, data out, no I/O.
//!
//! [`forecast`] puts the two together: the plan's projected bill over the horizon, and, when a
//! history is given, the chosen model's forecast for the months after the history with 80 % and
//! 95 % prediction intervals.

pub mod commitments;

pub mod history;
pub mod intervals;
pub mod models;
pub mod project;
pub mod scaling_groups;
pub mod select;

use crate::catalog::Catalog;
use crate::cost::CostError;
use crate::plan::Plan;
use crate::plan::growth as drivers;
pub use crate::plan::growth::GrowthDriver;
use crate::scaling::run::SimCache;
pub use commitments::{Commitment, CommitmentEvent, EventKind};
pub use history::BillHistory;
pub use intervals::Band;
pub use project::{MonthCost, Projection};
use serde::Serialize;

/// Why a forecast could not be made.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ForecastError {
    #[error("{path}: {message}")]
    Driver { path: String, message: String },
    #[error("month {month}: {source}")]
    Cost {
        month: String,
        #[source]
        source: CostError,
    },
    #[error("item `{item}`: commitment: {message}")]
    Commitment { item: String, message: String },
    #[error("bill history: {0}")]
    History(String),
}

/// One month of the history model's forecast.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ForecastMonth {
    pub month: String,
    #[serde(flatten)]
    pub band: Band,
}

/// The history-fitted part of a forecast.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HistoryForecast {
    pub history: BillHistory,
    pub model: String,
    pub description: String,
    pub holdout_months: usize,
    pub holdout_mape: f64,
    pub candidates: Vec<select::Candidate>,
    pub months: Vec<ForecastMonth>,
}

/// Everything the reports show.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Forecast {
    pub projection: Projection,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub history: Option<HistoryForecast>,
}

/// Fit the models to `history` and forecast through the last month of `projection` (at least
/// `min_months` months after the history).
pub fn fit_history(
    history: &BillHistory,
    through: Option<&str>,
    min_months: usize,
) -> Result<HistoryForecast, ForecastError> {
    let last = history
        .months
        .last()
        .ok_or_else(|| ForecastError::History("the history is empty".into()))?;
    let to_end = through
        .and_then(|m| drivers::month_offset(last, m))
        .unwrap_or(0)
        .max(0) as usize;
    let horizon = to_end.max(min_months).clamp(1, 120);
    let sel = select::select(&history.total, &models::ModelKind::ALL, horizon).ok_or_else(|| {
        ForecastError::History(format!(
            "{} months are too few to fit a model (at least 5 are needed, 26 for seasonal models)",
            history.len()
        ))
    })?;
    let months = sel
        .bands
        .iter()
        .enumerate()
        .map(|(k, b)| ForecastMonth {
            month: drivers::add_months(last, k as i32 + 1).unwrap_or_default(),
            band: *b,
        })
        .collect();
    Ok(HistoryForecast {
        history: history.clone(),
        model: sel.chosen.name(),
        description: sel.description,
        holdout_months: sel.holdout_months,
        holdout_mape: sel.holdout_mape,
        candidates: sel.candidates,
        months,
    })
}

/// The plan's projection over `months` (its horizon when `None`) and, with a history, the
/// fitted forecast covering the same months.
pub fn forecast(
    plan: &Plan,
    catalog: &Catalog,
    history: Option<&BillHistory>,
    months: Option<u32>,
) -> Result<Forecast, ForecastError> {
    forecast_with(plan, catalog, history, months, &SimCache::new())
}

/// [`forecast`] with the Auto Scaling groups' simulations remembered in `cache` (the app
/// passes its document's cache).
pub fn forecast_with(
    plan: &Plan,
    catalog: &Catalog,
    history: Option<&BillHistory>,
    months: Option<u32>,
    cache: &SimCache,
) -> Result<Forecast, ForecastError> {
    let projection = project::project_with(plan, catalog, months, cache)?;
    let history = match history {
        None => None,
        Some(h) => {
            let end = projection.months.last().map(|m| m.month.as_str());
            Some(fit_history(h, end, 12)?)
        }
    };
    Ok(Forecast {
        projection,
        history,
    })
}
