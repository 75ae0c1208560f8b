//! AWS Free Tier allowances cloudplan applies when a plan turns `free_tier` on.
//!
//! Only the always-free monthly allowances that do not expire after 12 months are modelled:
//!
//! * **Lambda**: "The AWS Lambda free tier includes one million free requests per month and
//!   400,000 GB-seconds of compute time per month" — aws.amazon.com/lambda/pricing (copy in
//!   github.com/api-evangelist/aws-lambda plans/aws-lambda-plans-pricing.yml, 2026-09-20; also
//!   the pricing page's Example 1, which subtracts 1M requests and 400,000 GB-s).
//! * **Data transfer out to the internet**: "100 GB of data transfer out to the internet free
//!   each month, aggregated across all AWS services and regions" — aws.amazon.com/s3/pricing
//!   (copy in github.com/api-evangelist/amazon-s3 plans/amazon-s3-plans-pricing.yml, 2026-09-20).
//!
//! In [`TierMode::Aggregate`](crate::plan::TierMode) an allowance is one pool for the whole
//! account (all regions) shared pro rata between the lines that use it; in `PerItem` mode each
//! item gets the whole allowance, as the AWS Pricing Calculator applies it per entry.

/// A free-tier allowance pool.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FreeKind {
    /// Lambda requests: 1,000,000 free a month.
    LambdaRequests,
    /// Lambda compute: 400,000 GB-seconds free a month.
    LambdaGbSeconds,
    /// Data transfer out to the internet: 100 GB free a month, across all services and regions.
    InternetEgress,
}

impl FreeKind {
    /// Every allowance pool, in declaration order.
    pub const ALL: [FreeKind; 3] = [
        FreeKind::LambdaRequests,
        FreeKind::LambdaGbSeconds,
        FreeKind::InternetEgress,
    ];

    /// Monthly allowance in the line's unit (requests, GB-seconds, GB).
    pub fn allowance(self) -> f64 {
        match self {
            FreeKind::LambdaRequests => 1_000_000.0,
            FreeKind::LambdaGbSeconds => 400_000.0,
            FreeKind::InternetEgress => 100.0,
        }
    }

    /// Position of the pool in [`FreeKind::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

/// The free part of `q` when `pool_total` units of the pool are used in all (pro rata share of
/// the allowance): `q × min(1, allowance / pool_total)`.
pub fn free_share(kind: FreeKind, q: f64, pool_total: f64) -> f64 {
    if pool_total <= 0.0 || q <= 0.0 {
        return 0.0;
    }
    q * (kind.allowance() / pool_total).min(1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_add_up_to_the_allowance() {
        let k = FreeKind::LambdaGbSeconds;
        let a = free_share(k, 300_000.0, 1_200_000.0);
        let b = free_share(k, 900_000.0, 1_200_000.0);
        assert!((a + b - 400_000.0).abs() < 1e-6);
        assert_eq!(free_share(k, 100.0, 100.0), 100.0);
        assert_eq!(free_share(FreeKind::InternetEgress, 0.0, 0.0), 0.0);
    }
}
