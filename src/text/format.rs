//! Number formats shared by the app, the CLI table and the charts.
//!
//! Money is shown with thousands separators and cents (`$12,345.67`); unit prices keep their
//! full precision (`$0.0000166667`). Files (CSV, JSON) never use these: they carry plain
//! decimal numbers.

/// `1234567.891` → `$1,234,567.89`; negative amounts as `-$12.00`.
pub fn money(usd: f64) -> String {
    format!("${}", grouped(usd, 2)).replacen("$-", "-$", 1)
}

/// Like [`money`] without the dollar sign: `1,234.50`.
pub fn amount(usd: f64) -> String {
    grouped(usd, 2)
}

/// Round to cents the way totals are presented (half away from zero).
pub fn cents(usd: f64) -> f64 {
    (usd * 100.0).round() / 100.0
}

/// A unit price at full precision without trailing zeros: `0.0960000000` → `$0.096`.
pub fn unit_price(usd: f64) -> String {
    let s = format!("{usd:.10}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    let s = if s.is_empty() || s == "-" { "0" } else { s };
    format!("${s}")
}

/// A quantity with thousands separators and at most `max_decimals` decimals, trailing zeros dropped.
pub fn quantity(q: f64, max_decimals: usize) -> String {
    let s = grouped(q, max_decimals);
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// Fixed decimals with `,` between thousands.
pub fn grouped(v: f64, decimals: usize) -> String {
    if !v.is_finite() {
        return v.to_string();
    }
    let s = format!("{:.*}", decimals, v.abs());
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s.as_str(), None),
    };
    let mut out = String::with_capacity(s.len() + s.len() / 3 + 1);
    let negative = v < 0.0 && s.bytes().any(|b| b.is_ascii_digit() && b != b'0');
    if negative {
        out.push('-');
    }
    let n = int.len();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (n - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_has_separators_and_cents() {
        assert_eq!(money(1_234_567.891), "$1,234,567.89");
        assert_eq!(money(0.0), "$0.00");
        assert_eq!(money(-12.0), "-$12.00");
        assert_eq!(money(-0.001), "$0.00");
        assert_eq!(money(999.995), "$1,000.00");
    }

    #[test]
    fn unit_prices_keep_precision() {
        assert_eq!(unit_price(0.096), "$0.096");
        assert_eq!(unit_price(0.0000166667), "$0.0000166667");
        assert_eq!(unit_price(0.0), "$0");
        assert_eq!(unit_price(40.96), "$40.96");
    }

    #[test]
    fn quantities_drop_trailing_zeros() {
        assert_eq!(quantity(2190.0, 3), "2,190");
        assert_eq!(quantity(1234.5, 3), "1,234.5");
    }
}
