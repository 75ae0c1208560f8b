//! A tiny seeded pseudo-random generator (SplitMix64, Steele, Lea & Flood 2014) so demand
//! noise and Spot interruptions are reproducible from a seed without a `rand` dependency.

/// SplitMix64 state.
#[derive(Debug, Clone)]
pub struct SplitMix64(u64);

/// SplitMix64's increment (the golden ratio in 64-bit fixed point).
const GAMMA: u64 = 0x9E37_79B9_7F4A_7C15;

/// SplitMix64's output function of a state.
#[inline(always)]
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A uniform in [0, 1) from 64 random bits (`>> 11` leaves 53 bits, so the i64 conversion is
/// exact and the same value as the u64 one, which baseline x86-64 has no single instruction
/// for).
#[inline(always)]
fn unit(bits: u64) -> f64 {
    ((bits >> 11) as i64) as f64 * (1.0 / (1u64 << 53) as f64)
}

/// Triangular noise from two uniforms (see [`SplitMix64::next_noise`]).
#[inline(always)]
fn triangular(a: f64, b: f64) -> f64 {
    (a + b - 1.0) * 6f64.sqrt()
}

/// The noise values after state `state`, one per element of `out`: value `i` draws the
/// states `state + (2i + 1)γ` and `state + (2i + 2)γ`. SplitMix64's state is a counter, so the
/// values do not depend on each other and the loop vectorises.
#[inline(always)]
fn fill_noise_from(state: u64, out: &mut [f64]) {
    let mut s = state;
    for v in out.iter_mut() {
        s = s.wrapping_add(GAMMA);
        let a = unit(mix(s));
        s = s.wrapping_add(GAMMA);
        *v = triangular(a, unit(mix(s)));
    }
}

/// [`fill_noise_from`] with the widest vectors the processor has ([`super::wide`]).
fn fill_noise(state: u64, out: &mut [f64]) {
    super::wide::widest(|| fill_noise_from(state, out))
}

impl SplitMix64 {
    pub fn new(seed: u64) -> SplitMix64 {
        SplitMix64(seed)
    }

    #[inline]
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(GAMMA);
        mix(self.0)
    }

    /// Uniform in [0, 1).
    #[inline]
    pub fn next_f64(&mut self) -> f64 {
        unit(self.next_u64())
    }

    /// Zero-mean noise with standard deviation 1 (triangular: sum of two uniforms, scaled by √6).
    #[inline]
    pub fn next_noise(&mut self) -> f64 {
        let a = self.next_f64();
        triangular(a, self.next_f64())
    }

    /// Append the next `n` values of [`Self::next_noise`] to `out`, in order, computed
    /// independently of each other (vectorised where the processor allows).
    pub fn extend_noise(&mut self, out: &mut Vec<f64>, n: usize) {
        let from = out.len();
        out.resize(from + n, 0.0);
        fill_noise(self.0, &mut out[from..]);
        self.0 = self.0.wrapping_add((2 * n as u64).wrapping_mul(GAMMA));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_sequence_and_unit_interval() {
        let mut a = SplitMix64::new(7);
        let mut b = SplitMix64::new(7);
        for _ in 0..1000 {
            let x = a.next_f64();
            assert_eq!(x, b.next_f64());
            assert!((0.0..1.0).contains(&x));
        }
        let mut c = SplitMix64::new(8);
        assert_ne!(SplitMix64::new(7).next_u64(), c.next_u64());
    }

    #[test]
    fn extend_noise_is_next_noise_n_times() {
        let mut a = SplitMix64::new(42);
        let mut b = a.clone();
        let mut bulk = vec![7.0];
        // Lengths that are not multiples of a vector's width too.
        a.extend_noise(&mut bulk, 1000);
        a.extend_noise(&mut bulk, 0);
        a.extend_noise(&mut bulk, 3);
        let one: Vec<f64> = std::iter::once(7.0)
            .chain((0..1003).map(|_| b.next_noise()))
            .collect();
        assert_eq!(bulk, one);
        assert_eq!(a.next_u64(), b.next_u64());
    }

    /// The vectorised fill (taken on processors with AVX-512) gives the baseline loop's values,
    /// for any state (wrapping included) and any length.
    #[test]
    fn vector_fill_is_the_baseline_fill() {
        let mut r = SplitMix64::new(9);
        for len in [0usize, 1, 7, 8, 9, 63, 1000] {
            for state in [0, 0u64.wrapping_sub(3u64.wrapping_mul(GAMMA)), r.next_u64()] {
                let mut fast = vec![0.0; len];
                let mut slow = vec![1.0; len];
                fill_noise(state, &mut fast);
                fill_noise_from(state, &mut slow);
                assert_eq!(fast, slow, "state {state} length {len}");
                let mut one = SplitMix64::new(state);
                let each: Vec<f64> = (0..len).map(|_| one.next_noise()).collect();
                assert_eq!(fast, each);
            }
        }
    }

    #[test]
    fn noise_has_unit_variance() {
        let mut r = SplitMix64::new(1);
        let n = 200_000;
        let xs: Vec<f64> = (0..n).map(|_| r.next_noise()).collect();
        let mean = xs.iter().sum::<f64>() / n as f64;
        let var = xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / n as f64;
        assert!(mean.abs() < 0.01, "{mean}");
        assert!((var - 1.0).abs() < 0.02, "{var}");
    }
}
