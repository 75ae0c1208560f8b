//! Model selection by held-out error: every candidate is fitted to the history minus its last
//! `holdout` months, scored by MAPE on those months, and the best is refitted on the whole
//! history to forecast the horizon.
//!
//! The holdout is 12 months when the history has at least 36, else a quarter of it (at least
//! one month). Seasonal models need two full seasons (plus two months) of training data and are
//! skipped otherwise; the linear trend and the seasonal naive baseline need very little.

use super::intervals::Band;
use super::models::{self, Fitted, ModelKind};
use serde::Serialize;

/// Seasonal period of monthly bills.
pub const PERIOD: usize = 12;

/// How one candidate did on the held-out months.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Candidate {
    /// The model and its configuration.
    pub kind: ModelKind,
    /// Display name of the model (`Holt-Winters additive, damped`).
    pub name: String,
    /// Held-out MAPE, percent; `None` when the model could not be fitted.
    pub holdout_mape: Option<f64>,
}

/// The chosen model's forecast.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Selection {
    /// The model with the lowest held-out MAPE.
    pub chosen: ModelKind,
    /// The chosen model refitted on the whole history, with its parameters.
    pub description: String,
    /// Months held out at the end of the history to score the candidates.
    pub holdout_months: usize,
    /// The chosen model's held-out MAPE, percent.
    pub holdout_mape: f64,
    /// Every model tried, with its held-out MAPE.
    pub candidates: Vec<Candidate>,
    /// Horizon months after the last history month.
    pub bands: Vec<Band>,
    /// The chosen model refitted on the whole history (not serialised).
    #[serde(skip)]
    pub fitted: Option<Fitted>,
}

/// Months held out for a history of `n` months.
pub fn holdout_len(n: usize) -> usize {
    if n >= 36 { 12 } else { (n / 4).max(1) }
}

/// Choose among `kinds` on `y` and forecast `horizon` months. `None` when no candidate can be
/// fitted (fewer than about 5 months of history).
pub fn select(y: &[f64], kinds: &[ModelKind], horizon: usize) -> Option<Selection> {
    let hold = holdout_len(y.len());
    if y.len() < hold + 3 {
        return None;
    }
    let (train, test) = y.split_at(y.len() - hold);
    let mut candidates = Vec::new();
    let mut best: Option<(ModelKind, f64)> = None;
    for &kind in kinds {
        let score = models::fit(kind, train, PERIOD).map(|f| models::mape(test, &f.forecast(hold)));
        let score = score.filter(|s| s.is_finite());
        if let Some(s) = score
            && best.is_none_or(|(_, b)| s < b)
        {
            best = Some((kind, s));
        }
        candidates.push(Candidate {
            kind,
            name: kind.name(),
            holdout_mape: score,
        });
    }
    let (chosen, holdout_mape) = best?;
    let fitted = models::fit(chosen, y, PERIOD)?;
    Some(Selection {
        chosen,
        description: fitted.describe(),
        holdout_months: hold,
        holdout_mape,
        candidates,
        bands: fitted.bands(horizon),
        fitted: Some(fitted),
    })
}
