//! ETS (error, trend, season) state-space models, fitted by maximum likelihood and chosen by
//! AICc among a set of candidates (Hyndman, Koehler, Ord & Snyder, *Forecasting with
//! Exponential Smoothing*, 2008; the `ets()` procedure of R's forecast package).
//!
//! Candidates: ETS(A,N,N), (A,A,N), (A,Ad,N), (M,N,N), (M,A,N), (M,Ad,N) and, when the series
//! has at least two full seasons and a bit, (A,N,A), (A,A,A), (A,Ad,A), (M,N,M), (M,A,M),
//! (M,Ad,M). Multiplicative models are skipped for series with values ≤ 0.

use super::smoothing::{self, Error, Fit, Objective, Season, Spec, Trend};

/// The model's short name, e.g. `ETS(M,Ad,M)`.
pub fn name(fit: &Fit) -> String {
    let e = match fit.error {
        Error::Additive => "A",
        Error::Multiplicative => "M",
    };
    let t = match fit.spec.trend {
        Trend::None => "N",
        Trend::Additive => "A",
        Trend::Damped => "Ad",
    };
    let s = match fit.spec.season {
        Season::None => "N",
        Season::Additive => "A",
        Season::Multiplicative => "M",
    };
    format!("ETS({e},{t},{s})")
}

/// Fit every admissible candidate and return the one with the smallest AICc.
pub fn fit(y: &[f64], period: usize) -> Option<Fit> {
    let mut best: Option<Fit> = None;
    for (error, season) in [
        (Error::Additive, Season::None),
        (Error::Multiplicative, Season::None),
        (Error::Additive, Season::Additive),
        (Error::Multiplicative, Season::Multiplicative),
    ] {
        for trend in [Trend::None, Trend::Additive, Trend::Damped] {
            let spec = Spec {
                trend,
                season,
                period,
            };
            let Some(f) = smoothing::fit(spec, y, Objective::Likelihood(error)) else {
                continue;
            };
            if best.as_ref().is_none_or(|b| f.aicc() < b.aicc()) {
                best = Some(f);
            }
        }
    }
    best
}
