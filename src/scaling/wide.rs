//! Loops over the whole horizon whose values are each computed on their own (demand noise,
//! per-step tables of the simulator), compiled for the widest vectors the processor has:
//! AVX-512 (eight f64 or 64-bit integer lanes, with 64-bit multiplies and f64 ⇄ i64
//! conversions that baseline x86-64 lacks) when a run-time check finds it, else the baseline
//! build. The same integer operations and the same IEEE additions, multiplications and
//! divisions either way (Rust never fuses them), so the same values.

/// Run `f` compiled for AVX-512 when the processor has it (the closure and what it inlines
/// take on the features), else as built.
#[inline(always)]
pub(crate) fn widest<R>(f: impl FnOnce() -> R) -> R {
    #[cfg(target_arch = "x86_64")]
    if has_avx512() {
        // SAFETY: the processor has the features `avx512` is compiled for (checked just
        // above).
        return unsafe { avx512(f) };
    }
    f()
}

/// Whether the processor has AVX-512 F, DQ and VL (what [`widest`] and the simulator's lanes,
/// [`super::batch`], are compiled for).
pub(crate) fn has_avx512() -> bool {
    #[cfg(target_arch = "x86_64")]
    return std::arch::is_x86_feature_detected!("avx512f")
        && std::arch::is_x86_feature_detected!("avx512dq")
        && std::arch::is_x86_feature_detected!("avx512vl");
    #[cfg(not(target_arch = "x86_64"))]
    false
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx512dq,avx512vl")]
fn avx512<R>(f: impl FnOnce() -> R) -> R {
    f()
}
