//! Seasonal naive baseline: each month repeats the same month of the last season,
//! `ŷ(T+h) = y(T+h−m(k+1))` with `k = ⌊(h−1)/m⌋`; the interval is `σ·√(k+1)` with σ the
//! standard deviation of the seasonal differences (Hyndman & Athanasopoulos, *Forecasting:
//! Principles and Practice*, 3rd ed., §5.5, Table 5.2).

use super::super::intervals::{Band, Z80, Z95};

/// A fitted seasonal naive model: the last season repeated.
#[derive(Debug, Clone, PartialEq)]
pub struct Fit {
    /// The last season of the series.
    pub last_season: Vec<f64>,
    /// Standard deviation of the seasonal differences `y(t) − y(t − period)`.
    pub sigma: f64,
    /// Season length, months (12 for yearly seasonality).
    pub period: usize,
}

/// Needs at least one season plus two points (so σ has a degree of freedom).
pub fn fit(y: &[f64], period: usize) -> Option<Fit> {
    let m = period.max(1);
    if y.len() < m + 2 || y.iter().any(|v| !v.is_finite()) {
        return None;
    }
    let diffs: Vec<f64> = (m..y.len()).map(|t| y[t] - y[t - m]).collect();
    let sse: f64 = diffs.iter().map(|d| d * d).sum();
    Some(Fit {
        last_season: y[y.len() - m..].to_vec(),
        sigma: (sse / (diffs.len() as f64 - 1.0).max(1.0)).sqrt(),
        period: m,
    })
}

impl Fit {
    /// Point forecasts for the `h` months after the series: the last season, repeated.
    pub fn forecast(&self, h: usize) -> Vec<f64> {
        (0..h).map(|k| self.last_season[k % self.period]).collect()
    }

    /// Point forecasts with 80 % and 95 % intervals, widening with each season ahead.
    pub fn bands(&self, h: usize) -> Vec<Band> {
        self.forecast(h)
            .into_iter()
            .enumerate()
            .map(|(k, mean)| {
                let seasons = (k / self.period + 1) as f64;
                Band::symmetric(mean, self.sigma * seasons.sqrt(), Z80, Z95)
            })
            .collect()
    }
}
