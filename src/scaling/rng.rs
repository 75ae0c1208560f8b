//! A tiny seeded pseudo-random generator (SplitMix64, Steele, Lea & Flood 2014) so demand
//! noise and Spot interruptions are reproducible from a seed without a `rand` dependency.

/// SplitMix64 state.
#[derive(Debug, Clone)]
pub struct SplitMix64(u64);

/// SplitMix64's increment (the golden ratio in 64-bit fixed point).
pub(crate) const GAMMA: u64 = 0x9E37_79B9_7F4A_7C15;

/// SplitMix64's output multipliers.
pub(crate) const MIX_1: u64 = 0xBF58_476D_1CE4_E5B9;
pub(crate) const MIX_2: u64 = 0x94D0_49BB_1331_11EB;
/// 2^-53: a 53-bit output times this is uniform in [0, 1).
pub(crate) const UNIT: f64 = 1.0 / (1u64 << 53) as f64;

/// The output of a state (after it stepped by [`GAMMA`]).
#[inline(always)]
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(MIX_1);
    z = (z ^ (z >> 27)).wrapping_mul(MIX_2);
    z ^ (z >> 31)
}

/// An output as a uniform value in [0, 1).
#[inline(always)]
fn unit(z: u64) -> f64 {
    // `>> 11` leaves 53 bits, so the i64 conversion is exact and the same value as the u64
    // one, which baseline x86-64 has no single instruction for.
    ((z >> 11) as i64) as f64 * UNIT
}

impl SplitMix64 {
    /// A generator seeded with `seed` (the same seed gives the same stream).
    pub fn new(seed: u64) -> SplitMix64 {
        SplitMix64(seed)
    }

    /// The next 64-bit output.
    #[inline(always)]
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(GAMMA);
        mix(self.0)
    }

    /// Uniform in [0, 1).
    #[inline(always)]
    pub fn next_f64(&mut self) -> f64 {
        unit(self.next_u64())
    }

    /// Zero-mean noise with standard deviation 1 (triangular: sum of two uniforms, scaled by √6).
    #[inline(always)]
    pub fn next_noise(&mut self) -> f64 {
        (self.next_f64() + self.next_f64() - 1.0) * 6f64.sqrt()
    }

    /// Append the next `n` values of [`Self::next_noise`] to `out`, in order. The state only
    /// steps by γ, so no value depends on another's result and the loop vectorises.
    pub fn extend_noise(&mut self, out: &mut Vec<f64>, n: usize) {
        let from = out.len();
        out.resize(from + n, 0.0);
        // On a copy of the state owned by the loop (kept in registers, not written back each
        // value).
        let mut r = self.clone();
        for v in &mut out[from..] {
            *v = r.next_noise();
        }
        *self = r;
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

    /// The bulk fill gives the one-at-a-time stream's values, for any state (wrapping
    /// included) and any length.
    #[test]
    fn bulk_fill_is_the_one_at_a_time_fill() {
        let mut r = SplitMix64::new(9);
        for len in [0usize, 1, 7, 8, 9, 63, 1000] {
            for state in [0, 0u64.wrapping_sub(3u64.wrapping_mul(GAMMA)), r.next_u64()] {
                let mut fast = SplitMix64::new(state);
                let mut filled = Vec::new();
                fast.extend_noise(&mut filled, len);
                let mut one = SplitMix64::new(state);
                let each: Vec<f64> = (0..len).map(|_| one.next_noise()).collect();
                assert_eq!(filled, each, "state {state} length {len}");
                assert_eq!(fast.next_u64(), one.next_u64());
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
