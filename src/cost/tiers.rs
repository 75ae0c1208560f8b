//! Tiered price arithmetic: the cost of a monthly quantity through a price's tiers.
//!
//! A catalogue price is one or more [`Rate`] rows ordered by `tier_begin`; a quantity `q`
//! pays each tier's price for the part of `q` between that tier's begin and end (AWS pricing
//! pages: "First 50 TB / Month … Next 450 TB / Month … Over 500 TB / Month"). An untiered
//! price is a single row starting at 0 with no end.

use crate::catalog::Rate;

/// The part of `q` that falls in each tier, with that tier's price: `(quantity, usd)`.
pub fn split<'r>(q: f64, tiers: &'r [&'r Rate]) -> impl Iterator<Item = (f64, f64)> + 'r {
    tiers.iter().filter_map(move |r| {
        let end = r.tier_end.unwrap_or(f64::INFINITY);
        let part = q.min(end) - r.tier_begin;
        (part > 0.0).then_some((part, r.usd))
    })
}

/// USD for `q` units through `tiers`.
pub fn cost(q: f64, tiers: &[&Rate]) -> f64 {
    if let [one] = tiers
        && one.tier_begin == 0.0
        && one.tier_end.is_none()
    {
        return q * one.usd;
    }
    split(q, tiers).map(|(part, usd)| part * usd).sum()
}

/// True when the price has more than one tier (or one tier that does not start at 0 or ends).
pub fn is_tiered(tiers: &[&Rate]) -> bool {
    match tiers {
        [one] => one.tier_begin != 0.0 || one.tier_end.is_some(),
        _ => tiers.len() > 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{PriceOption, Service};

    fn rate(begin: f64, end: Option<f64>, usd: f64) -> Rate {
        Rate {
            region: "us-east-1".into(),
            service: Service::S3,
            product: "standard".into(),
            dimension: "storage".into(),
            option: PriceOption::OnDemand,
            unit: "GB-Mo".into(),
            tier_begin: begin,
            tier_end: end,
            usd,
            upfront_usd: 0.0,
            effective_date: chrono::NaiveDate::from_ymd_opt(2025, 10, 22).unwrap(),
            source: "s3".into(),
        }
    }

    #[test]
    fn s3_standard_tiers() {
        // S3 Standard us-east-1 (reference-prices/s3.csv, lamngockhuong/aws-price s3.json
        // 2025-10-22): first 50 TB $0.023, next 450 TB $0.022, over 500 TB $0.021 per GB-month.
        let rows = [
            rate(0.0, Some(51_200.0), 0.023),
            rate(51_200.0, Some(512_000.0), 0.022),
            rate(512_000.0, None, 0.021),
        ];
        let tiers: Vec<&Rate> = rows.iter().collect();
        assert!(is_tiered(&tiers));
        assert!((cost(1000.0, &tiers) - 23.0).abs() < 1e-9);
        let c = cost(600_000.0, &tiers);
        let want = 51_200.0 * 0.023 + 460_800.0 * 0.022 + 88_000.0 * 0.021;
        assert!((c - want).abs() < 1e-6, "{c} vs {want}");
        assert_eq!(split(60_000.0, &tiers).count(), 2);
        assert_eq!(cost(0.0, &tiers), 0.0);
    }
}
