//! The exponential-smoothing recursion shared by Holt-Winters and ETS: level, optional
//! (damped) trend, optional additive or multiplicative season, in error-correction form
//! (Hyndman & Athanasopoulos, *Forecasting: Principles and Practice*, 3rd ed., §8.3 and
//! Table 8.7). Parameters are fitted with [`nelder_mead`](super::nelder_mead) over a smooth
//! reparametrisation that keeps them admissible: α ∈ (0,1), β ∈ (0,α), γ ∈ (0,1−α),
//! φ ∈ (0.8, 0.995) (statsmodels' upper bound; R's `ets()` stops at 0.98); the initial level
//! and trend are fitted too, starting from a classical-decomposition heuristic, then (seasonal
//! models) the initial seasonal indices as well.

use super::super::intervals::{Band, Rng, band_from_samples};
use super::nelder_mead;

/// Trend component of an exponential-smoothing model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Trend {
    /// No trend (ETS letter N).
    None,
    /// Additive trend (A): the level moves by the trend each month.
    Additive,
    /// Damped additive trend (Ad): each month's trend is φ times the last.
    Damped,
}

/// Seasonal component of an exponential-smoothing model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Season {
    /// No season (N).
    None,
    /// Additive season (A): each month a fixed amount above or below the level.
    Additive,
    /// Multiplicative season (M): each month a factor on the level.
    Multiplicative,
}

/// Additive errors (`y = ŷ + ε`) or multiplicative (`y = ŷ(1 + ε)`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Error {
    /// Additive errors (ETS letter A).
    Additive,
    /// Multiplicative errors (M).
    Multiplicative,
}

/// The shape of a smoothing model: its trend, its season and the season's length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spec {
    /// Trend component.
    pub trend: Trend,
    /// Seasonal component.
    pub season: Season,
    /// Season length, months (12 for monthly bills).
    pub period: usize,
}

/// Smoothing parameters of a fitted model.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Params {
    /// α, level smoothing, in (0, 1).
    pub alpha: f64,
    /// β, trend smoothing, in (0, α); 0 without a trend.
    pub beta: f64,
    /// γ, season smoothing, in (0, 1 − α); 0 without a season.
    pub gamma: f64,
    /// φ, trend damping, in (0.8, 0.995); used only with a damped trend.
    pub phi: f64,
}

/// The recursion's state after a month: level, trend and seasonal indices.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// Level, the deseasonalised value.
    pub level: f64,
    /// Trend, the level's change per month (0 without a trend).
    pub trend: f64,
    /// The last `period` seasonal indices; `season[0]` applies to the next month.
    pub season: Vec<f64>,
}

impl Spec {
    fn phi(&self, p: &Params) -> f64 {
        match self.trend {
            Trend::None => 0.0,
            Trend::Additive => 1.0,
            Trend::Damped => p.phi,
        }
    }
    /// Number of smoothing parameters (α, β, γ, φ as used).
    pub fn n_params(&self) -> usize {
        1 + usize::from(self.trend != Trend::None)
            + usize::from(self.trend == Trend::Damped)
            + usize::from(self.season != Season::None)
    }
    /// Number of initial states (level, trend, m − 1 free seasonal indices).
    pub fn n_states(&self) -> usize {
        1 + usize::from(self.trend != Trend::None)
            + if self.season == Season::None {
                0
            } else {
                self.period.saturating_sub(1)
            }
    }
    /// Shortest series this spec can be fitted to.
    pub fn min_len(&self) -> usize {
        match self.season {
            Season::None => 4,
            _ => 2 * self.period + 2,
        }
    }
}

/// One-step prediction from a state.
#[inline]
pub fn predict(spec: &Spec, p: &Params, st: &State) -> f64 {
    let base = st.level + spec.phi(p) * st.trend;
    match spec.season {
        Season::None => base,
        Season::Additive => base + st.season[0],
        Season::Multiplicative => base * st.season[0],
    }
}

/// Update the state with observation `y`; returns the one-step prediction made before it.
#[inline]
pub fn step(spec: &Spec, p: &Params, st: &mut State, y: f64) -> f64 {
    let phi = spec.phi(p);
    let damped_trend = phi * st.trend;
    let base = st.level + damped_trend;
    let s = match spec.season {
        Season::None => 0.0,
        Season::Additive => st.season[0],
        Season::Multiplicative => st.season[0],
    };
    let (yhat, deseason, detrended) = match spec.season {
        Season::None => (base, y, 0.0),
        Season::Additive => (base + s, y - s, y - base),
        Season::Multiplicative => (base * s, y / s, y / base),
    };
    let level = p.alpha * deseason + (1.0 - p.alpha) * base;
    if spec.trend != Trend::None {
        st.trend = p.beta * (level - st.level) + (1.0 - p.beta) * damped_trend;
    }
    st.level = level;
    if spec.season != Season::None {
        let new_s = p.gamma * detrended + (1.0 - p.gamma) * s;
        st.season.rotate_left(1);
        if let Some(last) = st.season.last_mut() {
            *last = new_s;
        }
    }
    yhat
}

/// Point forecasts 1..=h months ahead.
pub fn forecast(spec: &Spec, p: &Params, st: &State, h: usize) -> Vec<f64> {
    let phi = spec.phi(p);
    let mut phi_sum = 0.0;
    let mut phi_k = 1.0;
    (0..h)
        .map(|k| {
            phi_k *= phi;
            phi_sum += phi_k;
            let base = st.level + phi_sum * st.trend;
            match spec.season {
                Season::None => base,
                Season::Additive => base + st.season[k % spec.period],
                Season::Multiplicative => base * st.season[k % spec.period],
            }
        })
        .collect()
}

/// Heuristic initial state: level and trend from the means of the first two seasons,
/// seasonal indices as the average deviation (or ratio) from that trend line over them.
pub fn initial_state(spec: &Spec, y: &[f64]) -> State {
    let m = spec.period;
    if spec.season == Season::None || y.len() < 2 * m {
        let level = y[0];
        let trend = if y.len() > 1 { y[1] - y[0] } else { 0.0 };
        return State {
            level: level
                - if spec.trend == Trend::None {
                    0.0
                } else {
                    trend
                },
            trend: if spec.trend == Trend::None {
                0.0
            } else {
                trend
            },
            season: if spec.season == Season::None {
                Vec::new()
            } else {
                vec![
                    if spec.season == Season::Additive {
                        0.0
                    } else {
                        1.0
                    };
                    m
                ]
            },
        };
    }
    let mean = |s: &[f64]| s.iter().sum::<f64>() / s.len() as f64;
    let m1 = mean(&y[..m]);
    let m2 = mean(&y[m..2 * m]);
    let slope = (m2 - m1) / m as f64;
    // Level at time −1: the first season's mean sits at its centre, time (m−1)/2.
    let centre = (m as f64 - 1.0) / 2.0;
    let level0 = m1 - slope * (centre + 1.0);
    let line = |t: usize| m1 + slope * (t as f64 - centre);
    let mut season: Vec<f64> = (0..m)
        .map(|j| match spec.season {
            Season::Multiplicative => (y[j] / line(j) + y[j + m] / line(j + m)) / 2.0,
            _ => (y[j] - line(j) + y[j + m] - line(j + m)) / 2.0,
        })
        .collect();
    match spec.season {
        Season::Multiplicative => {
            let a = mean(&season);
            season.iter_mut().for_each(|s| *s /= a);
        }
        _ => {
            let a = mean(&season);
            season.iter_mut().for_each(|s| *s -= a);
        }
    }
    State {
        level: level0,
        trend: if spec.trend == Trend::None {
            0.0
        } else {
            slope
        },
        season,
    }
}

/// Run the recursion over `y` from `init`: the one-step predictions and the final state.
pub fn filter(spec: &Spec, p: &Params, init: &State, y: &[f64]) -> (Vec<f64>, State) {
    let mut st = init.clone();
    let preds = y.iter().map(|&v| step(spec, p, &mut st, v)).collect();
    (preds, st)
}

/// The state forecasts start from, as statsmodels' `ExponentialSmoothing` forecasts: its
/// `_predict` fills the seasonal states after the sample with
/// `s[nobs + m - 1 + j] = s[nobs - 1 + j % m]`, which overwrites the index updated by the last
/// observation with the one from a season earlier; every forecast `h ≡ 0 (mod m)` (h = 12, 24 for
/// monthly data) therefore uses the last observed month's index *before* its final update, and
/// every other `h` the updated indices. This returns `last` with that one index put back, so that
/// point forecasts, simulated intervals and ETS all follow the same indexing (checked point by
/// point against statsmodels 0.15 on AirPassengers in tests/forecast.rs).
pub fn forecast_origin(spec: &Spec, p: &Params, init: &State, y: &[f64], last: &State) -> State {
    let mut origin = last.clone();
    if spec.season == Season::None || y.is_empty() {
        return origin;
    }
    // The index the last observation used (and then updated) is season[0] of the state before it.
    let (_, before) = filter(spec, p, init, &y[..y.len() - 1]);
    if let (Some(slot), Some(prev)) = (origin.season.last_mut(), before.season.first()) {
        *slot = *prev;
    }
    origin
}

/// What a fit minimises.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Objective {
    /// Sum of squared one-step errors (classical Holt-Winters).
    Sse,
    /// Negative log-likelihood of the ETS state-space model with this error type
    /// (Hyndman et al. 2008, eq. 5.4, with σ concentrated out).
    Likelihood(Error),
}

/// A fitted smoothing model.
#[derive(Debug, Clone, PartialEq)]
pub struct Fit {
    /// Trend and season of the model.
    pub spec: Spec,
    /// Error type (additive for Holt-Winters, fitted by SSE; chosen among candidates for ETS).
    pub error: Error,
    /// The fitted smoothing parameters.
    pub params: Params,
    /// The fitted initial state, before the first month.
    pub init: State,
    /// The state after the last observation.
    pub last: State,
    /// The state forecasts start from: [`last`](Fit::last) with the seasonal index of the last
    /// observed month taken from before its final update (see [`forecast_origin`]).
    pub origin: State,
    /// Standard deviation of the one-step errors (absolute for additive errors, relative for
    /// multiplicative ones).
    pub sigma: f64,
    /// Objective value at the optimum (SSE, or −2·log-likelihood up to a constant).
    pub objective: f64,
    /// Number of months fitted.
    pub n: usize,
}

fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}
fn logit(p: f64) -> f64 {
    let p = p.clamp(1e-6, 1.0 - 1e-6);
    (p / (1.0 - p)).ln()
}

fn decode(spec: &Spec, x: &[f64]) -> Params {
    let alpha = 0.0001 + 0.9998 * sigmoid(x[0]);
    let beta = alpha * sigmoid(x[1]);
    let gamma = (1.0 - alpha) * sigmoid(x[2]);
    let phi = 0.8 + 0.195 * sigmoid(x[3]);
    Params {
        alpha,
        beta: if spec.trend == Trend::None { 0.0 } else { beta },
        gamma: if spec.season == Season::None {
            0.0
        } else {
            gamma
        },
        phi,
    }
}

/// Objective value for the errors of a run, `None` when the run is not admissible.
fn score(obj: Objective, y: &[f64], preds: &[f64]) -> Option<f64> {
    let n = y.len() as f64;
    match obj {
        Objective::Sse => Some(y.iter().zip(preds).map(|(a, b)| (a - b).powi(2)).sum()),
        Objective::Likelihood(Error::Additive) => {
            let sse: f64 = y.iter().zip(preds).map(|(a, b)| (a - b).powi(2)).sum();
            Some(n * (sse / n).ln())
        }
        Objective::Likelihood(Error::Multiplicative) => {
            if preds.iter().any(|p| *p <= 0.0) {
                return None;
            }
            let sse: f64 = y
                .iter()
                .zip(preds)
                .map(|(a, b)| ((a - b) / b).powi(2))
                .sum();
            let logs: f64 = preds.iter().map(|p| p.ln()).sum();
            Some(n * (sse / n).ln() + 2.0 * logs)
        }
    }
}

/// Fit `spec` to `y` by minimising `obj`. `None` when the series is too short or has values
/// a multiplicative model cannot take (≤ 0).
pub fn fit(spec: Spec, y: &[f64], obj: Objective) -> Option<Fit> {
    if y.len() < spec.min_len() || y.iter().any(|v| !v.is_finite()) {
        return None;
    }
    let mult = spec.season == Season::Multiplicative
        || matches!(obj, Objective::Likelihood(Error::Multiplicative));
    if mult && y.iter().any(|v| *v <= 0.0) {
        return None;
    }
    let init = initial_state(&spec, y);
    let scale = {
        let mean_abs = y.iter().map(|v| v.abs()).sum::<f64>() / y.len() as f64;
        mean_abs.max(1e-9)
    };
    let trend_scale = (scale / y.len() as f64).max(1e-9);
    let m = if spec.season == Season::None {
        0
    } else {
        spec.period
    };
    let run = |x: &[f64]| -> (Params, State) {
        let p = decode(&spec, x);
        let mut st = init.clone();
        st.level = init.level + x[4] * scale;
        if spec.trend != Trend::None {
            st.trend = init.trend + x[5] * trend_scale;
        }
        // Stage two also moves the initial seasonal indices, renormalised to sum 0 / mean 1.
        if x.len() > 6 && m > 0 {
            for j in 0..m {
                st.season[j] = match spec.season {
                    Season::Multiplicative => init.season[j] * (1.0 + x[6 + j]),
                    _ => init.season[j] + x[6 + j] * scale,
                };
            }
            let mean = st.season.iter().sum::<f64>() / m as f64;
            match spec.season {
                Season::Multiplicative if mean > 0.0 => {
                    st.season.iter_mut().for_each(|s| *s /= mean)
                }
                Season::Multiplicative => {
                    return (
                        p,
                        State {
                            level: f64::NAN,
                            ..st
                        },
                    );
                }
                _ => st.season.iter_mut().for_each(|s| *s -= mean),
            }
        }
        (p, st)
    };
    let objective = |x: &[f64]| -> f64 {
        let (p, st) = run(x);
        let (preds, _) = filter(&spec, &p, &st, y);
        if preds.iter().any(|v| !v.is_finite()) {
            return f64::INFINITY;
        }
        score(obj, y, &preds).unwrap_or(f64::INFINITY)
    };
    // Stage one: smoothing parameters, initial level and trend, from a few starting values of
    // α (the surface is multi-modal in α); keep the best.
    let mut best: Option<nelder_mead::Minimum> = None;
    for a0 in [0.2, 0.5, 0.8] {
        let x0 = [logit(a0), logit(0.1), logit(0.1), logit(0.5), 0.0, 0.0];
        let step = [1.0, 1.0, 1.0, 1.0, 0.05, 0.5];
        let r = nelder_mead::minimize(objective, &x0, &step, 4_000, 1e-10);
        if best.as_ref().is_none_or(|b| r.f < b.f) {
            best = Some(r);
        }
    }
    let mut best = best?;
    // Stage two (seasonal models): everything, including the initial seasonal indices, as
    // statsmodels' `initialization_method="estimated"` does.
    if m > 0 {
        let mut x0 = best.x.clone();
        x0.extend(std::iter::repeat_n(0.0, m));
        let mut step = vec![0.5, 0.5, 0.5, 0.5, 0.02, 0.2];
        step.extend(std::iter::repeat_n(0.02, m));
        let r = nelder_mead::minimize(objective, &x0, &step, 60_000, 1e-14);
        if r.f < best.f {
            best = r;
        }
    }
    if !best.f.is_finite() {
        return None;
    }
    let (params, start) = run(&best.x);
    let (preds, last) = filter(&spec, &params, &start, y);
    let origin = forecast_origin(&spec, &params, &start, y, &last);
    let error = match obj {
        Objective::Likelihood(e) => e,
        Objective::Sse => Error::Additive,
    };
    let k = spec.n_params() + spec.n_states();
    let dof = (y.len().saturating_sub(k)).max(1) as f64;
    let ss: f64 = match error {
        Error::Additive => y.iter().zip(&preds).map(|(a, b)| (a - b).powi(2)).sum(),
        Error::Multiplicative => y
            .iter()
            .zip(&preds)
            .map(|(a, b)| ((a - b) / b).powi(2))
            .sum(),
    };
    Some(Fit {
        spec,
        error,
        params,
        init: start,
        last,
        origin,
        sigma: (ss / dof).sqrt(),
        objective: best.f,
        n: y.len(),
    })
}

impl Fit {
    /// Point forecasts for the `h` months after the series.
    pub fn forecast(&self, h: usize) -> Vec<f64> {
        forecast(&self.spec, &self.params, &self.origin, h)
    }

    /// Prediction intervals by simulating 2,000 future paths of the state-space model with
    /// Gaussian errors of the fitted σ (Hyndman et al. 2008, §6.1: simulation gives correct
    /// intervals for every model class, including the multiplicative ones without a closed
    /// form). Deterministic: the random source has a fixed seed.
    pub fn bands(&self, h: usize) -> Vec<Band> {
        const PATHS: usize = 2_000;
        let mean = self.forecast(h);
        let mut rng = Rng::new(0x005E_EDF0_CA57);
        let mut samples = vec![0.0; PATHS * h];
        for path in 0..PATHS {
            let mut st = self.origin.clone();
            for k in 0..h {
                let yhat = predict(&self.spec, &self.params, &st);
                let e = self.sigma * rng.normal();
                let y = match self.error {
                    Error::Additive => yhat + e,
                    Error::Multiplicative => yhat * (1.0 + e),
                };
                step(&self.spec, &self.params, &mut st, y);
                samples[k * PATHS + path] = y;
            }
        }
        samples
            .chunks_mut(PATHS)
            .zip(mean)
            .map(|(s, m)| band_from_samples(m, s))
            .collect()
    }

    /// Akaike's information criterion, small-sample corrected (for likelihood fits).
    pub fn aicc(&self) -> f64 {
        let k = (self.spec.n_params() + self.spec.n_states() + 1) as f64;
        let n = self.n as f64;
        let aic = self.objective + 2.0 * k;
        if n - k - 1.0 > 0.0 {
            aic + 2.0 * k * (k + 1.0) / (n - k - 1.0)
        } else {
            f64::INFINITY
        }
    }
}
