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
    /// A growth driver, a parameter or the start month is unusable.
    #[error("{path}: {message}")]
    Driver {
        /// Path of the offending value in the plan (`growth[2].pct`, `parameters`).
        path: String,
        /// What is wrong with it.
        message: String,
    },
    /// A month's plan could not be priced.
    #[error("month {month}: {source}")]
    Cost {
        /// The month, `YYYY-MM`.
        month: String,
        /// The cost engine's error.
        #[source]
        source: CostError,
    },
    /// A commitment's fee could not be priced.
    #[error("item `{item}`: commitment: {message}")]
    Commitment {
        /// Id of the committed item.
        item: String,
        /// What went wrong.
        message: String,
    },
    /// The bill history is empty or too short to fit a model.
    #[error("bill history: {0}")]
    History(String),
}

/// One month of the history model's forecast.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ForecastMonth {
    /// The month, `YYYY-MM`.
    pub month: String,
    /// Point forecast and 80 % / 95 % prediction intervals, USD (flattened into this object).
    #[serde(flatten)]
    pub band: Band,
}

/// The history-fitted part of a forecast.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HistoryForecast {
    /// The bill history the models were fitted to.
    pub history: BillHistory,
    /// Name of the chosen model (`Holt-Winters multiplicative, damped`).
    pub model: String,
    /// The chosen model refitted on the whole history, with its fitted parameters.
    pub description: String,
    /// Months held out at the end of the history to score the candidates.
    pub holdout_months: usize,
    /// The chosen model's mean absolute percentage error on the held-out months, percent.
    pub holdout_mape: f64,
    /// Every model tried, with its held-out error.
    pub candidates: Vec<select::Candidate>,
    /// The forecast for each month after the history's last, oldest first.
    pub months: Vec<ForecastMonth>,
}

/// Everything the reports show.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Forecast {
    /// The plan's bill, month by month, under its growth drivers.
    pub projection: Projection,
    /// The model forecast from a bill history, when one was given.
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
