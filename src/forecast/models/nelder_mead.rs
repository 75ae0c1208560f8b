//! A small Nelder–Mead simplex minimiser (derivative-free), used to fit smoothing parameters.
//!
//! Standard coefficients (reflection 1, expansion 2, contraction ½, shrink ½; Nelder & Mead
//! 1965, as in Numerical Recipes §10.5 and scipy's `fmin`). Non-finite objective values are
//! treated as +∞, so a caller can reject infeasible points by returning `f64::INFINITY`.
//! The search restarts from its best point until a restart no longer improves (a common guard
//! against premature collapse of the simplex).

/// Result of a minimisation.
#[derive(Debug, Clone, PartialEq)]
pub struct Minimum {
    /// The best point found.
    pub x: Vec<f64>,
    /// The objective's value there.
    pub f: f64,
    /// How many times the objective was evaluated.
    pub evaluations: usize,
}

/// Minimise `f` from `x0`; `step` is the initial simplex edge along each axis.
pub fn minimize(
    mut f: impl FnMut(&[f64]) -> f64,
    x0: &[f64],
    step: &[f64],
    max_evals: usize,
    tol: f64,
) -> Minimum {
    let mut eval = |x: &[f64]| {
        let v = f(x);
        if v.is_finite() { v } else { f64::INFINITY }
    };
    let n = x0.len();
    let mut best = x0.to_vec();
    let mut best_f = eval(&best);
    let mut evals = 1;
    for _restart in 0..4 {
        let before = best_f;
        let mut simplex: Vec<Vec<f64>> = vec![best.clone()];
        for i in 0..n {
            let mut x = best.clone();
            x[i] += if step[i] != 0.0 { step[i] } else { 0.05 };
            simplex.push(x);
        }
        let mut fs: Vec<f64> = simplex.iter().map(|x| eval(x)).collect();
        evals += n;
        while evals < max_evals {
            // Order the vertices best first.
            let mut idx: Vec<usize> = (0..=n).collect();
            idx.sort_by(|&a, &b| fs[a].total_cmp(&fs[b]));
            simplex = idx.iter().map(|&i| simplex[i].clone()).collect();
            fs = idx.iter().map(|&i| fs[i]).collect();
            let spread = (fs[n] - fs[0]).abs();
            if spread <= tol * (fs[0].abs() + fs[n].abs() + 1e-300) && fs[n].is_finite() {
                break;
            }
            let centroid: Vec<f64> = (0..n)
                .map(|j| simplex[..n].iter().map(|x| x[j]).sum::<f64>() / n as f64)
                .collect();
            let along = |t: f64| -> Vec<f64> {
                (0..n)
                    .map(|j| centroid[j] + t * (simplex[n][j] - centroid[j]))
                    .collect()
            };
            let xr = along(-1.0);
            let fr = eval(&xr);
            evals += 1;
            if fr < fs[0] {
                let xe = along(-2.0);
                let fe = eval(&xe);
                evals += 1;
                if fe < fr {
                    simplex[n] = xe;
                    fs[n] = fe;
                } else {
                    simplex[n] = xr;
                    fs[n] = fr;
                }
            } else if fr < fs[n - 1] {
                simplex[n] = xr;
                fs[n] = fr;
            } else {
                let (xc, fc) = if fr < fs[n] {
                    let x = along(-0.5);
                    let v = eval(&x);
                    (x, v)
                } else {
                    let x = along(0.5);
                    let v = eval(&x);
                    (x, v)
                };
                evals += 1;
                if fc < fs[n].min(fr) {
                    simplex[n] = xc;
                    fs[n] = fc;
                } else {
                    // Shrink towards the best vertex.
                    let (head, rest) = simplex.split_at_mut(1);
                    for (x, fx) in rest.iter_mut().zip(fs.iter_mut().skip(1)) {
                        for (xj, bj) in x.iter_mut().zip(&head[0]) {
                            *xj = bj + 0.5 * (*xj - bj);
                        }
                        *fx = eval(x);
                    }
                    evals += n;
                }
            }
        }
        let (bi, bf) = fs
            .iter()
            .enumerate()
            .min_by(|a, b| a.1.total_cmp(b.1))
            .map(|(i, v)| (i, *v))
            .unwrap_or((0, best_f));
        if bf < best_f {
            best = simplex[bi].clone();
            best_f = bf;
        }
        if evals >= max_evals || before - best_f <= tol * (best_f.abs() + 1e-300) {
            break;
        }
    }
    Minimum {
        x: best,
        f: best_f,
        evaluations: evals,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rosenbrock's valley, minimum 0 at (1, 1) — the classic Nelder–Mead test (Nelder & Mead
    /// 1965 used it; Numerical Recipes §10.5).
    #[test]
    fn finds_rosenbrock_minimum() {
        let m = minimize(
            |x| 100.0 * (x[1] - x[0] * x[0]).powi(2) + (1.0 - x[0]).powi(2),
            &[-1.2, 1.0],
            &[0.5, 0.5],
            20_000,
            1e-14,
        );
        assert!(
            (m.x[0] - 1.0).abs() < 1e-4 && (m.x[1] - 1.0).abs() < 1e-4,
            "{m:?}"
        );
    }

    #[test]
    fn infinite_values_are_avoided() {
        let m = minimize(
            |x| {
                if x[0] < 0.0 {
                    f64::NAN
                } else {
                    (x[0] - 2.0).powi(2)
                }
            },
            &[1.0],
            &[0.5],
            2_000,
            1e-12,
        );
        assert!((m.x[0] - 2.0).abs() < 1e-4);
    }
}
