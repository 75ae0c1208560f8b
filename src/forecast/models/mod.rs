//! Models fitted to a monthly bill history: linear trend, Holt-Winters, ETS and the seasonal
//! naive baseline, behind one [`Fitted`] type with point forecasts and prediction bands.

pub mod ets;
pub mod holt_winters;
pub mod linear;
pub mod nelder_mead;
pub mod seasonal_naive;
pub mod smoothing;

use super::intervals::Band;
use serde::Serialize;

/// Which model, with its configuration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "model", rename_all = "snake_case")]
pub enum ModelKind {
    /// Straight-line trend fitted by least squares.
    Linear,
    /// Seasonal naive baseline: each month repeats the same month of the last year.
    SeasonalNaive,
    /// Holt-Winters exponential smoothing with a trend and a 12-month season.
    HoltWinters {
        /// Multiplicative season (a share of the level) rather than additive.
        multiplicative: bool,
        /// Damped trend (flattening out over the horizon) rather than a straight one.
        damped: bool,
    },
    /// ETS chosen by AICc among its candidates.
    Ets,
}

impl ModelKind {
    /// Every candidate the selection tries.
    pub const ALL: [ModelKind; 7] = [
        ModelKind::Linear,
        ModelKind::SeasonalNaive,
        ModelKind::HoltWinters {
            multiplicative: false,
            damped: false,
        },
        ModelKind::HoltWinters {
            multiplicative: true,
            damped: false,
        },
        ModelKind::HoltWinters {
            multiplicative: false,
            damped: true,
        },
        ModelKind::HoltWinters {
            multiplicative: true,
            damped: true,
        },
        ModelKind::Ets,
    ];

    /// Display name (`Holt-Winters multiplicative, damped`), as reports list the candidates.
    pub fn name(self) -> String {
        match self {
            ModelKind::Linear => "Linear trend".into(),
            ModelKind::SeasonalNaive => "Seasonal naive".into(),
            ModelKind::HoltWinters {
                multiplicative,
                damped,
            } => format!(
                "Holt-Winters {}{}",
                if multiplicative {
                    "multiplicative"
                } else {
                    "additive"
                },
                if damped { ", damped" } else { "" }
            ),
            ModelKind::Ets => "ETS".into(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Inner {
    Linear(linear::Fit),
    Naive(seasonal_naive::Fit),
    Smooth(smoothing::Fit),
}

/// A model fitted to a series.
#[derive(Debug, Clone, PartialEq)]
pub struct Fitted {
    /// The model that was fitted.
    pub kind: ModelKind,
    inner: Inner,
}

impl Fitted {
    /// Human-readable name with the fitted parameters.
    pub fn describe(&self) -> String {
        match &self.inner {
            Inner::Linear(f) => format!(
                "Linear trend (slope {:.2}/month, σ {:.2})",
                f.slope, f.sigma
            ),
            Inner::Naive(f) => format!("Seasonal naive (period {}, σ {:.2})", f.period, f.sigma),
            Inner::Smooth(f) => {
                let p = &f.params;
                let head = match self.kind {
                    ModelKind::Ets => ets::name(f),
                    k => k.name(),
                };
                let mut s = format!("{head} (α {:.3}", p.alpha);
                if f.spec.trend != smoothing::Trend::None {
                    s += &format!(", β {:.3}", p.beta);
                }
                if f.spec.season != smoothing::Season::None {
                    s += &format!(", γ {:.3}", p.gamma);
                }
                if f.spec.trend == smoothing::Trend::Damped {
                    s += &format!(", φ {:.3}", p.phi);
                }
                s + ")"
            }
        }
    }

    /// The smoothing fit, for models that have one.
    pub fn smoothing(&self) -> Option<&smoothing::Fit> {
        match &self.inner {
            Inner::Smooth(f) => Some(f),
            _ => None,
        }
    }

    /// Point forecasts for the `h` months after the series.
    pub fn forecast(&self, h: usize) -> Vec<f64> {
        match &self.inner {
            Inner::Linear(f) => f.forecast(h),
            Inner::Naive(f) => f.forecast(h),
            Inner::Smooth(f) => f.forecast(h),
        }
    }

    /// Point forecasts with 80 % and 95 % prediction intervals.
    pub fn bands(&self, h: usize) -> Vec<Band> {
        match &self.inner {
            Inner::Linear(f) => f.bands(h),
            Inner::Naive(f) => f.bands(h),
            Inner::Smooth(f) => f.bands(h),
        }
    }
}

/// Fit `kind` to `y` (monthly, seasonal period `period`); `None` when the series is too short
/// for the model or has values it cannot take.
pub fn fit(kind: ModelKind, y: &[f64], period: usize) -> Option<Fitted> {
    let inner = match kind {
        ModelKind::Linear => Inner::Linear(linear::fit(y)?),
        ModelKind::SeasonalNaive => Inner::Naive(seasonal_naive::fit(y, period)?),
        ModelKind::HoltWinters {
            multiplicative,
            damped,
        } => Inner::Smooth(holt_winters::fit(y, period, multiplicative, damped)?),
        ModelKind::Ets => Inner::Smooth(ets::fit(y, period)?),
    };
    Some(Fitted { kind, inner })
}

/// Mean absolute percentage error, percent (months with a zero actual are skipped).
pub fn mape(actual: &[f64], predicted: &[f64]) -> f64 {
    let terms: Vec<f64> = actual
        .iter()
        .zip(predicted)
        .filter(|(a, _)| **a != 0.0)
        .map(|(a, p)| ((a - p) / a).abs())
        .collect();
    if terms.is_empty() {
        return f64::NAN;
    }
    100.0 * terms.iter().sum::<f64>() / terms.len() as f64
}
