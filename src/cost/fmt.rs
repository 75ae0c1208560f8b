//! Allocation-free number writing for calculation trails.
//!
//! Produces the same text as [`crate::text::format`] (`money`, `unit_price`, `quantity`)
//! but appends straight into the trail's `String` with integer arithmetic instead of going
//! through `format!` and intermediate strings: an estimate writes tens of thousands of
//! trails, and float formatting dominated its time. Values too large for the fast path
//! (≥ 10^15 after scaling) or not finite fall back to the report formatters.

use crate::text::format;

/// Append `n` with `,` between thousands.
fn push_grouped(out: &mut String, mut n: u64) {
    let mut buf = [0u8; 32];
    let mut i = buf.len();
    let mut digits = 0;
    loop {
        if digits > 0 && digits % 3 == 0 {
            i -= 1;
            buf[i] = b',';
        }
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        digits += 1;
        if n == 0 {
            break;
        }
    }
    out.push_str(std::str::from_utf8(&buf[i..]).unwrap_or_default());
}

/// Append `n` with no separators.
fn push_plain(out: &mut String, n: u64) {
    let mut buf = [0u8; 24];
    let mut i = buf.len();
    let mut n = n;
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.push_str(std::str::from_utf8(&buf[i..]).unwrap_or_default());
}

/// `v` scaled to `decimals` and rounded, or `None` when it does not fit the fast path. Values
/// that sit (nearly) on a rounding tie after scaling take the slow path, where `format!`
/// rounds the exact binary value, so both paths always agree.
fn scaled(v: f64, decimals: u32) -> Option<(bool, u64, u64)> {
    if !v.is_finite() {
        return None;
    }
    let scale = 10u64.pow(decimals);
    let raw = v.abs() * scale as f64;
    if raw >= 1e15 || (raw.fract() - 0.5).abs() < 1e-6 {
        return None;
    }
    let x = raw.round();
    let x = x as u64;
    Some((v < 0.0 && x != 0, x / scale, x % scale))
}

fn push_fraction(out: &mut String, frac: u64, decimals: u32, trim: bool) {
    if decimals == 0 {
        return;
    }
    let mut digits = [b'0'; 16];
    let mut f = frac;
    for i in (0..decimals as usize).rev() {
        digits[i] = b'0' + (f % 10) as u8;
        f /= 10;
    }
    let mut len = decimals as usize;
    if trim {
        while len > 0 && digits[len - 1] == b'0' {
            len -= 1;
        }
    }
    if len > 0 {
        out.push('.');
        out.push_str(std::str::from_utf8(&digits[..len]).unwrap_or_default());
    }
}

/// Same text as [`format::money`]: `$1,234.50`, `-$12.00`.
pub fn push_money(out: &mut String, usd: f64) {
    match scaled(usd, 2) {
        Some((neg, int, frac)) => {
            if neg {
                out.push('-');
            }
            out.push('$');
            push_grouped(out, int);
            push_fraction(out, frac, 2, false);
        }
        None => out.push_str(&format::money(usd)),
    }
}

/// Same text as [`format::unit_price`]: `$0.0000166667`, `$0.096`.
pub fn push_unit_price(out: &mut String, usd: f64) {
    match scaled(usd, 10) {
        Some((neg, int, frac)) => {
            out.push('$');
            if neg {
                out.push('-');
            }
            push_plain(out, int);
            push_fraction(out, frac, 10, true);
        }
        None => out.push_str(&format::unit_price(usd)),
    }
}

/// Same text as [`format::quantity`] with 4 decimals: `2,190`, `1,234.5`.
pub fn push_qty(out: &mut String, q: f64) {
    match scaled(q, 4) {
        Some((neg, int, frac)) => {
            if neg {
                out.push('-');
            }
            push_grouped(out, int);
            push_fraction(out, frac, 4, true);
        }
        None => out.push_str(&format::quantity(q, 4)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn via<F: Fn(&mut String, f64)>(f: F, v: f64) -> String {
        let mut s = String::new();
        f(&mut s, v);
        s
    }

    #[test]
    fn matches_the_report_formatters() {
        let values = [
            0.0,
            0.001,
            0.005,
            0.125,
            0.096,
            2.675,
            12.0,
            210.24,
            999.995,
            1234.5,
            1_234_567.891,
            0.0000166667,
            0.0000000309,
            40.96,
            51_200.0,
            6e9,
            243.333_333_3,
            -12.0,
            -0.001,
        ];
        for v in values {
            assert_eq!(via(push_money, v), format::money(v), "money {v}");
            assert_eq!(via(push_qty, v), format::quantity(v, 4), "quantity {v}");
            if v >= 0.0 {
                assert_eq!(
                    via(push_unit_price, v),
                    format::unit_price(v),
                    "unit price {v}"
                );
            }
        }
        assert_eq!(via(push_money, 1e20), format::money(1e20));
        assert_eq!(via(push_qty, f64::NAN), format::quantity(f64::NAN, 4));
    }
}
