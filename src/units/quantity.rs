//! Quantities as people type them: `1 TB`, `500 GiB`, `3M` requests, `1.5k`, `730 h`.
//!
//! Each numeric plan field has a [`Unit`]; [`parse`] reads a typed text in that unit (a bare
//! number is already in the field's unit) and says why not otherwise. Sizes follow AWS billing,
//! where a "GB" is 2^30 bytes (GB-month prices are per GiB): `1 TB` = `1 TiB` = 1,024 GB,
//! `1 MB` = 1/1,024 GB, as the AWS Pricing Calculator's unit drop-downs convert. Counts take the
//! spreadsheet suffixes `k`, `M`, `B` (thousand, million, billion; `bn` and `mn` too).

/// The unit a numeric field is written in (what a bare number means).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Gigabytes (GiB, as AWS bills them); accepts B, KB, MB, GB, TB, PB and the *iB forms.
    Gigabytes,
    /// Megabytes; accepts KB, MB, GB and the *iB forms.
    Megabytes,
    /// Kilobytes; accepts B, KB, MB, GB and the *iB forms.
    Kilobytes,
    /// A plain count (instances, requests, objects); accepts k / M / B suffixes.
    Count,
    /// Hours; accepts `h`, `hours`.
    Hours,
    /// Days; accepts `d`, `days`.
    Days,
    /// Milliseconds; accepts `ms`, `s`.
    Milliseconds,
    /// Percent; accepts a trailing `%`.
    Percent,
    /// MiB/s; accepts `MiB/s`, `MB/s`.
    MibPerSecond,
    /// US dollars; accepts a leading `$` and k / M suffixes.
    Usd,
    /// Per second (connections, rule evaluations); accepts `/s`.
    PerSecond,
}

impl Unit {
    /// The unit as shown next to a field (`GB`, `requests`, `h`).
    pub fn symbol(self) -> &'static str {
        match self {
            Unit::Gigabytes => "GB",
            Unit::Megabytes => "MB",
            Unit::Kilobytes => "KB",
            Unit::Count => "",
            Unit::Hours => "h",
            Unit::Days => "days",
            Unit::Milliseconds => "ms",
            Unit::Percent => "%",
            Unit::MibPerSecond => "MiB/s",
            Unit::Usd => "USD",
            Unit::PerSecond => "/s",
        }
    }
}

/// Bytes in each size suffix, binary as AWS bills storage (see the module doc).
fn size_factor(suffix: &str) -> Option<f64> {
    const K: f64 = 1024.0;
    Some(match suffix.to_ascii_lowercase().as_str() {
        "b" | "bytes" | "byte" => 1.0,
        "kb" | "kib" | "k" => K,
        "mb" | "mib" | "m" => K * K,
        "gb" | "gib" | "g" => K * K * K,
        "tb" | "tib" | "t" => K * K * K * K,
        "pb" | "pib" | "p" => K * K * K * K * K,
        _ => return None,
    })
}

/// Multipliers of the count suffixes.
fn count_factor(suffix: &str) -> Option<f64> {
    Some(match suffix {
        "k" | "K" | "thousand" => 1e3,
        "M" | "m" | "mn" | "million" | "mil" => 1e6,
        "B" | "b" | "bn" | "billion" => 1e9,
        _ => return None,
    })
}

/// Split `1.5 TB` into the number and the suffix (spaces, `,` and `_` separators allowed).
fn split(text: &str) -> Option<(f64, &str)> {
    let t = text.trim();
    let end = t
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || matches!(c, '.' | ',' | '_' | '-' | '+' | 'e')))
        .map_or(t.len(), |(i, _)| i);
    // `1e3` is a number but `1 eb` is not ours; keep `e` only when digits follow it.
    let (mut num, mut rest) = t.split_at(end);
    if num.ends_with('e') {
        num = &num[..num.len() - 1];
        rest = &t[num.len()..];
    }
    let v: f64 = num.replace([',', '_'], "").parse().ok()?;
    Some((v, rest.trim()))
}

/// Why a typed quantity was refused, in the words shown beside the field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct QuantityError(pub String);

/// Read `text` as a quantity in `unit`: `Ok(None)` when the text is not a number with a unit at
/// all (a formula, for the caller to try), `Ok(Some(v))` in the field's unit, `Err` when the
/// text is a number with a unit this field does not take (`3 ms` in a size field) or is not
/// finite. Negative values are returned as such: the field's own checks refuse them.
pub fn parse(text: &str, unit: Unit) -> Result<Option<f64>, QuantityError> {
    let t = text.trim();
    let t = t
        .strip_prefix('$')
        .filter(|_| unit == Unit::Usd)
        .unwrap_or(t);
    let Some((v, suffix)) = split(t) else {
        return Ok(None);
    };
    // Anything but one word of letters, `%` and `/` after the number is a formula (`2 * users`,
    // `2 max users`), for the caller to evaluate.
    if !suffix
        .chars()
        .all(|c| c.is_ascii_alphabetic() || matches!(c, '%' | '/'))
    {
        return Ok(None);
    }
    let suffix_l = suffix.to_ascii_lowercase();
    let bad = || {
        QuantityError(format!(
            "`{suffix}` is not a unit of this field{}",
            match unit {
                Unit::Gigabytes | Unit::Megabytes | Unit::Kilobytes =>
                    " (write a size: 500 GB, 1 TB, 200 MiB)",
                Unit::Count => " (write a count: 1500, 1.5k, 3M, 2B)",
                Unit::Hours => " (hours: 730, 730 h)",
                Unit::Days => " (days: 30, 30 days)",
                Unit::Milliseconds => " (milliseconds: 120, 120 ms, 0.5 s)",
                Unit::Percent => " (a percentage: 25, 25 %)",
                Unit::MibPerSecond => " (MiB/s: 250, 250 MiB/s)",
                Unit::Usd => " (US dollars: 1200, $1,200, 1.2k)",
                Unit::PerSecond => " (per second: 40, 40/s)",
            }
        ))
    };
    let value = if suffix.is_empty() {
        v
    } else {
        match unit {
            Unit::Gigabytes | Unit::Megabytes | Unit::Kilobytes => {
                let base = match unit {
                    Unit::Gigabytes => 1024f64.powi(3),
                    Unit::Megabytes => 1024f64.powi(2),
                    _ => 1024.0,
                };
                let f = size_factor(&suffix_l).ok_or_else(bad)?;
                v * f / base
            }
            Unit::Count => v * count_factor(suffix).ok_or_else(bad)?,
            Unit::Usd => {
                v * count_factor(suffix)
                    .filter(|f| *f < 1e9)
                    .or_else(|| (suffix_l == "usd").then_some(1.0))
                    .ok_or_else(bad)?
            }
            Unit::Hours => match suffix_l.as_str() {
                "h" | "hr" | "hrs" | "hour" | "hours" => v,
                _ => return Err(bad()),
            },
            Unit::Days => match suffix_l.as_str() {
                "d" | "day" | "days" => v,
                _ => return Err(bad()),
            },
            Unit::Milliseconds => match suffix_l.as_str() {
                "ms" => v,
                "s" | "sec" | "seconds" => v * 1000.0,
                _ => return Err(bad()),
            },
            Unit::Percent => match suffix_l.as_str() {
                "%" | "pct" | "percent" => v,
                _ => return Err(bad()),
            },
            Unit::MibPerSecond => match suffix_l.as_str() {
                "mib/s" | "mb/s" | "mibps" | "mbps" => v,
                "gib/s" | "gb/s" => v * 1024.0,
                _ => return Err(bad()),
            },
            Unit::PerSecond => match suffix_l.as_str() {
                "/s" | "per second" | "/sec" => v,
                _ => return Err(bad()),
            },
        }
    };
    if !value.is_finite() {
        return Err(QuantityError(format!(
            "`{}` is not a finite number",
            text.trim()
        )));
    }
    // The sign is kept: whether a field may be negative is its own rule (the plan's checks).
    Ok(Some(value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_counts_and_refusals() {
        assert_eq!(parse("1 TB", Unit::Gigabytes), Ok(Some(1024.0)));
        assert_eq!(parse("500 GiB", Unit::Gigabytes), Ok(Some(500.0)));
        assert_eq!(parse("512MB", Unit::Gigabytes), Ok(Some(0.5)));
        assert_eq!(parse("3M", Unit::Count), Ok(Some(3e6)));
        assert_eq!(parse("1,500", Unit::Count), Ok(Some(1500.0)));
        assert_eq!(parse("users * 2", Unit::Count), Ok(None));
        assert_eq!(parse("2 * users", Unit::Count), Ok(None));
        assert!(parse("3 ms", Unit::Gigabytes).is_err());
        assert_eq!(parse("-4", Unit::Count), Ok(Some(-4.0)));
    }
}
