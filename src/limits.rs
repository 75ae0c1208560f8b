//! The upper limits on every number cloudplan reads, in one place, with why each is what it is.
//!
//! Every parser and checker (plan files, items CSV, catalogue files, offer files, bill history,
//! demand CSV, GUI edits, CLI options) refuses NaN and ±infinity, refuses negative values where a
//! negative means nothing (a count, a size, a price, a demand), and refuses values above the
//! limits below, with a message naming the field. The limits are far above any real AWS account
//! so that no honest plan meets them, yet low enough that the arithmetic downstream
//! (quantity × unit price × months, sums over 10,000 items and 60 months) stays finite and exact
//! to the cent: f64 holds integers exactly up to 2^53 ≈ 9.0e15.
//!
//! Plan parameters need only be finite: they are intermediate values (`users`, `peak_rps`), and
//! every quantity computed from them is checked against these limits where it is used.
//!
//! Limits stated by the issues and enforced where those fields are parsed: a plan's horizon is
//! 1–60 months (`plan::file::MAX_HORIZON_MONTHS`), a scaling simulation 1–36 months
//! (`scaling::group`), `forecast --months` 1–60, `compare --horizon` 1–120 months.

/// Largest quantity of anything per month: GB stored or transferred, requests, objects, IOPS,
/// LCUs, capacity units, a growth driver's cap. 1e15 requests a month is about 385 million a
/// second — beyond any account — and 1e15 GB is a million exabytes; still 9× below 2^53, so
/// integer quantities stay exact.
pub const MAX_QUANTITY: f64 = 1e15;

/// Largest number of identical resources in one item (instances, volumes, NAT gateways, load
/// balancers, IPv4 addresses, database instances). A billion instances is several orders above
/// the largest fleets AWS has published; typing `1e12` is a slip, not a plan.
pub const MAX_COUNT: f64 = 1e9;

/// Largest amount of money in one field (a custom line's monthly or upfront USD, one month of a
/// bill history): a trillion dollars, about ten times AWS's yearly revenue.
pub const MAX_USD: f64 = 1e12;

/// Largest catalogue or offer-file price per unit (hourly, per GB, upfront fee …). The dearest
/// real prices are multi-year all-upfront fees of the largest instances, a few million dollars;
/// a billion per unit can only be a unit or decimal-point slip.
pub const MAX_UNIT_PRICE: f64 = 1e9;

/// Largest demand sample (`timestamp,value` CSV, demand profile base): the same scale as
/// [`MAX_QUANTITY`] — requests per second, sessions, queue depth.
pub const MAX_DEMAND: f64 = 1e15;

/// Largest growth percentage per month or per year (compound growth, logistic rate, a
/// scaling demand's monthly growth): 1,000 % a month multiplies a value by 11 every month; a
/// higher rate is a slip (a fraction typed as a percentage, an extra zero).
pub const MAX_GROWTH_PCT: f64 = 1000.0;

/// Largest multiplier (seasonal factor, step `multiply`, price-change multiplier): 1,000× in one
/// step is already far beyond a real change of price or demand.
pub const MAX_FACTOR: f64 = 1000.0;

/// Check that `v` is finite, not negative (a `-0` literal counts as negative: write `0`), and at
/// most `max`; the message says what is wrong, for a caller that names the field.
pub fn check_non_negative(v: f64, max: f64, what: &str) -> Result<f64, String> {
    if v.is_nan() {
        return Err(format!("{what} must be a number, got NaN"));
    }
    if v.is_infinite() {
        return Err(format!("{what} must be a finite number, got {v}"));
    }
    if v < 0.0 || (v == 0.0 && v.is_sign_negative()) {
        return Err(format!("{what} must be ≥ 0, got {}", show(v)));
    }
    if v > max {
        return Err(format!(
            "{what} must be at most {}, got {}",
            show(max),
            show(v)
        ));
    }
    Ok(v)
}

/// Check that `v` is finite and `|v| ≤ max` (for values that may be negative: a linear growth
/// per month, a step `add`, a credit in a bill).
pub fn check_signed(v: f64, max: f64, what: &str) -> Result<f64, String> {
    if !v.is_finite() {
        return Err(format!("{what} must be a finite number, got {v}"));
    }
    if v.abs() > max {
        return Err(format!(
            "{what} must be between -{} and {}, got {}",
            show(max),
            show(max),
            show(v)
        ));
    }
    Ok(v)
}

/// A number as people write it: `1e15`, `-3`, `0.25`, `-0`.
pub fn show(v: f64) -> String {
    if v == 0.0 && v.is_sign_negative() {
        "-0".into()
    } else if v.abs() >= 1e6 && v.fract() == 0.0 {
        format!("{v:e}")
    } else {
        format!("{v}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn non_negative_refuses_nan_infinity_negative_and_huge() {
        assert_eq!(check_non_negative(2.5, MAX_COUNT, "count"), Ok(2.5));
        assert_eq!(check_non_negative(0.0, MAX_COUNT, "count"), Ok(0.0));
        let e = check_non_negative(f64::NAN, MAX_COUNT, "count").unwrap_err();
        assert!(e.contains("NaN"), "{e}");
        let e = check_non_negative(f64::INFINITY, MAX_COUNT, "count").unwrap_err();
        assert!(e.contains("finite"), "{e}");
        let e = check_non_negative(f64::NEG_INFINITY, MAX_COUNT, "count").unwrap_err();
        assert!(e.contains("finite"), "{e}");
        let e = check_non_negative(-5.0, MAX_COUNT, "count").unwrap_err();
        assert!(e.contains("≥ 0, got -5"), "{e}");
        let e = check_non_negative(-0.0, MAX_COUNT, "count").unwrap_err();
        assert!(e.contains("got -0"), "{e}");
        let e = check_non_negative(1e12, MAX_COUNT, "count").unwrap_err();
        assert!(e.contains("at most 1e9, got 1e12"), "{e}");
    }

    #[test]
    fn signed_allows_negative_within_the_limit() {
        assert_eq!(check_signed(-40.0, MAX_USD, "cost"), Ok(-40.0));
        assert!(check_signed(-2e12, MAX_USD, "cost").is_err());
        assert!(check_signed(f64::NAN, MAX_USD, "cost").is_err());
    }

    #[test]
    fn limits_keep_products_finite_and_integers_exact() {
        // 2^53: the largest range in which f64 holds every integer.
        const { assert!(MAX_QUANTITY < 9.007_199_254_740_992e15) };
        // The worst product the engine forms: a quantity × the dearest unit price × 60 months ×
        // 10,000 items stays finite.
        assert!((MAX_QUANTITY * MAX_UNIT_PRICE * 60.0 * 1e4).is_finite());
        const { assert!(MAX_COUNT <= MAX_QUANTITY && MAX_USD <= MAX_QUANTITY) };
    }
}
