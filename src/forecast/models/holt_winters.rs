//! Holt-Winters exponential smoothing: level, trend (optionally damped) and additive or
//! multiplicative seasonality, fitted by least squares on the one-step errors — the classical
//! method of Holt (1957) and Winters (1960), as statsmodels' `ExponentialSmoothing` fits it.

use super::smoothing::{self, Fit, Objective, Season, Spec, Trend};

/// Fit Holt-Winters to `y` with seasonal period `period`.
pub fn fit(y: &[f64], period: usize, multiplicative: bool, damped: bool) -> Option<Fit> {
    let spec = Spec {
        trend: if damped {
            Trend::Damped
        } else {
            Trend::Additive
        },
        season: if multiplicative {
            Season::Multiplicative
        } else {
            Season::Additive
        },
        period,
    };
    smoothing::fit(spec, y, Objective::Sse)
}
