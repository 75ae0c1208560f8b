//! Prediction intervals: the [`Band`] of a forecast month, normal and Student-t quantiles,
//! empirical quantiles of simulated paths, and the small deterministic random source used to
//! simulate them.

use serde::Serialize;

/// A point forecast with its 80 % and 95 % prediction intervals.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Band {
    /// Point forecast, USD.
    pub mean: f64,
    /// Lower bound of the 80 % prediction interval (10th percentile), USD.
    pub lo80: f64,
    /// Upper bound of the 80 % prediction interval (90th percentile), USD.
    pub hi80: f64,
    /// Lower bound of the 95 % prediction interval (2.5th percentile), USD.
    pub lo95: f64,
    /// Upper bound of the 95 % prediction interval (97.5th percentile), USD.
    pub hi95: f64,
}

/// Standard normal quantile at 0.90 (two-sided 80 %).
pub const Z80: f64 = 1.281_551_565_544_600_5;
/// Standard normal quantile at 0.975 (two-sided 95 %).
pub const Z95: f64 = 1.959_963_984_540_054;

impl Band {
    /// A symmetric band `mean ± q·sd` with the given 80 % and 95 % quantile multipliers.
    pub fn symmetric(mean: f64, sd: f64, q80: f64, q95: f64) -> Band {
        Band {
            mean,
            lo80: mean - q80 * sd,
            hi80: mean + q80 * sd,
            lo95: mean - q95 * sd,
            hi95: mean + q95 * sd,
        }
    }
}

/// Student-t quantile for a normal quantile `z` and `df` degrees of freedom (Cornish–Fisher
/// expansion, Abramowitz & Stegun 26.7.5; within 0.3 % of the exact value for df ≥ 5).
pub fn t_quantile(z: f64, df: f64) -> f64 {
    if df <= 0.0 || !df.is_finite() {
        return z;
    }
    let z3 = z * z * z;
    let z5 = z3 * z * z;
    let z7 = z5 * z * z;
    z + (z3 + z) / (4.0 * df)
        + (5.0 * z5 + 16.0 * z3 + 3.0 * z) / (96.0 * df * df)
        + (3.0 * z7 + 19.0 * z5 + 17.0 * z3 - 15.0 * z) / (384.0 * df * df * df)
}

/// The `p` quantile (0..1) of `sorted` values, linear interpolation between order statistics
/// (Hyndman & Fan type 7, the default of R and numpy).
pub fn quantile_sorted(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let h = (sorted.len() - 1) as f64 * p.clamp(0.0, 1.0);
    let lo = h.floor() as usize;
    let hi = h.ceil() as usize;
    sorted[lo] + (h - lo as f64) * (sorted[hi] - sorted[lo])
}

/// A band from simulated values of one month (sorted in place) and the point forecast.
pub fn band_from_samples(mean: f64, samples: &mut [f64]) -> Band {
    samples.sort_by(f64::total_cmp);
    Band {
        mean,
        lo80: quantile_sorted(samples, 0.10),
        hi80: quantile_sorted(samples, 0.90),
        lo95: quantile_sorted(samples, 0.025),
        hi95: quantile_sorted(samples, 0.975),
    }
}

/// SplitMix64 (Steele, Lea & Flood 2014) with Box–Muller normals: small, fast and
/// deterministic, so forecasts are reproducible run to run.
#[derive(Debug, Clone)]
pub struct Rng {
    state: u64,
    spare: Option<f64>,
}

impl Rng {
    /// A generator seeded with `seed`; the same seed gives the same sequence.
    pub fn new(seed: u64) -> Rng {
        Rng {
            state: seed,
            spare: None,
        }
    }
    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in (0, 1).
    pub fn uniform(&mut self) -> f64 {
        ((self.next_u64() >> 11) as f64 + 0.5) / (1u64 << 53) as f64
    }
    /// Standard normal.
    pub fn normal(&mut self) -> f64 {
        if let Some(s) = self.spare.take() {
            return s;
        }
        let (u, v) = (self.uniform(), self.uniform());
        let r = (-2.0 * u.ln()).sqrt();
        let a = std::f64::consts::TAU * v;
        self.spare = Some(r * a.sin());
        r * a.cos()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn t_quantiles_match_tables() {
        // Student-t table values (e.g. NIST/SEMATECH e-Handbook 1.3.6.7.2):
        // t(0.975, 10) = 2.228, t(0.975, 30) = 2.042, t(0.90, 10) = 1.372.
        assert!((t_quantile(Z95, 10.0) - 2.228).abs() < 0.003);
        assert!((t_quantile(Z95, 30.0) - 2.042).abs() < 0.002);
        assert!((t_quantile(Z80, 10.0) - 1.372).abs() < 0.002);
    }

    #[test]
    fn normals_have_unit_variance() {
        let mut r = Rng::new(7);
        let xs: Vec<f64> = (0..100_000).map(|_| r.normal()).collect();
        let mean = xs.iter().sum::<f64>() / xs.len() as f64;
        let var = xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / xs.len() as f64;
        assert!(
            mean.abs() < 0.01 && (var - 1.0).abs() < 0.02,
            "{mean} {var}"
        );
    }

    #[test]
    fn type7_quantile() {
        // numpy.quantile([1, 2, 3, 4], 0.1) = 1.3 (linear interpolation).
        assert!((quantile_sorted(&[1.0, 2.0, 3.0, 4.0], 0.1) - 1.3).abs() < 1e-12);
    }
}
