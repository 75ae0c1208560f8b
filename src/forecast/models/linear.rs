//! Linear trend: ordinary least squares `y = a + b·t`, with the classical prediction interval
//! `ŷ ± t(n−2)·s·√(1 + 1/n + (t−t̄)²/Sₜₜ)` (e.g. Montgomery, Peck & Vining, *Introduction to
//! Linear Regression Analysis*, §2.5).

use super::super::intervals::{Band, Z80, Z95, t_quantile};

/// A straight line `y = intercept + slope·t` fitted to a monthly series (`t` = 0 for its first
/// month).
#[derive(Debug, Clone, PartialEq)]
pub struct Fit {
    /// Fitted value at `t` = 0, the first month of the series.
    pub intercept: f64,
    /// Change per month, in the series' unit (USD per month for bills).
    pub slope: f64,
    /// Residual standard deviation (n − 2 degrees of freedom).
    pub sigma: f64,
    /// Number of months fitted.
    pub n: usize,
    t_mean: f64,
    stt: f64,
}

/// Fit a line to `y` at times 0..n. Needs at least 3 points.
pub fn fit(y: &[f64]) -> Option<Fit> {
    let n = y.len();
    if n < 3 || y.iter().any(|v| !v.is_finite()) {
        return None;
    }
    let nf = n as f64;
    let t_mean = (nf - 1.0) / 2.0;
    let y_mean = y.iter().sum::<f64>() / nf;
    let stt: f64 = (0..n).map(|t| (t as f64 - t_mean).powi(2)).sum();
    let sty: f64 = y
        .iter()
        .enumerate()
        .map(|(t, v)| (t as f64 - t_mean) * (v - y_mean))
        .sum();
    let slope = sty / stt;
    let intercept = y_mean - slope * t_mean;
    let sse: f64 = y
        .iter()
        .enumerate()
        .map(|(t, v)| (v - intercept - slope * t as f64).powi(2))
        .sum();
    Some(Fit {
        intercept,
        slope,
        sigma: (sse / (nf - 2.0)).sqrt(),
        n,
        t_mean,
        stt,
    })
}

impl Fit {
    /// Point forecasts for the `h` months after the series.
    pub fn forecast(&self, h: usize) -> Vec<f64> {
        (0..h)
            .map(|k| self.intercept + self.slope * (self.n + k) as f64)
            .collect()
    }

    /// Point forecasts with 80 % and 95 % prediction intervals (Student-t, n − 2 degrees of
    /// freedom).
    pub fn bands(&self, h: usize) -> Vec<Band> {
        let df = self.n as f64 - 2.0;
        let (q80, q95) = (t_quantile(Z80, df), t_quantile(Z95, df));
        self.forecast(h)
            .into_iter()
            .enumerate()
            .map(|(k, mean)| {
                let t = (self.n + k) as f64;
                let sd = self.sigma
                    * (1.0 + 1.0 / self.n as f64 + (t - self.t_mean).powi(2) / self.stt).sqrt();
                Band::symmetric(mean, sd, q80, q95)
            })
            .collect()
    }
}
