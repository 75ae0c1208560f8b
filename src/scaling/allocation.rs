//! Allocation strategies of a mixed instances group: which of the group's instance types the
//! Spot capacity and the On-Demand capacity land on
//! ([allocation-strategies], "Allocation strategies for multiple instance types", Amazon EC2
//! Auto Scaling User Guide; API `InstancesDistribution`).
//!
//! cloudplan prices offline from one Spot price per region and instance type, so a *Spot pool*
//! here is an instance type in the group's region (AWS's pools are instance type ×
//! Availability Zone; with one price per region every zone looks alike, and Auto Scaling
//! balances zones first and applies the strategy within each zone, so the shares below hold
//! in each zone). Capacity is in weighted units; a pool's price is compared *per unit hour*
//! (`price ÷ weight`), as the guide's "Instance weighting and allocation strategies" section
//! states for `lowest-price`.
//!
//! What each strategy does here (the result is a share of the Spot capacity units per type):
//! * `lowest-price` — the `SpotInstancePools` (N, 1–20, AWS default 2) pools with the lowest
//!   price per unit hour, capacity spread evenly over them ("evenly allocates your instances
//!   across the number of Spot pools that you specify").
//! * `capacity-optimized` — AWS picks the pools with the most spare capacity from real-time
//!   data, which does not exist offline. Its observable proxy is used: the pools in the
//!   *lowest Spot Instance Advisor interruption band* (the advisor's band is AWS's published
//!   measure of how often a pool reclaims capacity). Capacity is spread evenly over the pools
//!   that share that band, since nothing offline tells which of them is deeper.
//! * `capacity-optimized-prioritized` — capacity first (the lowest band), then the instance
//!   types' priority (their order in the group) "on a best-effort basis": the first listed
//!   type in the lowest band takes all Spot capacity.
//! * `price-capacity-optimized` — "identifies the pools with the highest capacity
//!   availability … then requests Spot Instances from the lowest priced of these pools"
//!   (EC2 User Guide, Spot Fleet allocation strategies): the cheapest per unit hour among the
//!   pools in the lowest band takes all Spot capacity (ties: the first listed).
//! * no strategy given (plans written before strategies existed) — the Spot capacity is
//!   spread evenly over all listed types, the model cloudplan always used, so old plans keep
//!   their numbers. The app sets `price-capacity-optimized` on new groups, as the AWS console
//!   does; the API's own default is `lowest-price`.
//!
//! On-Demand: `prioritized` (default for groups without `InstanceRequirements`) launches the
//! first listed type; cloudplan assumes On-Demand capacity is always available, so the second
//! priority is never needed. `lowest-price` launches the type with the lowest On-Demand price
//! per unit hour (ties: the first listed).

use super::ScalingError;
use serde::{Deserialize, Serialize};

/// `SpotAllocationStrategy` of the API, spelled as AWS spells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SpotAllocationStrategy {
    /// `price-capacity-optimized` (AWS's recommendation): the cheapest pool per unit hour within
    /// the lowest interruption band.
    #[serde(alias = "price_capacity_optimized")]
    PriceCapacityOptimized,
    /// `capacity-optimized`: spread evenly over the pools in the lowest interruption band.
    #[serde(alias = "capacity_optimized")]
    CapacityOptimized,
    /// `capacity-optimized-prioritized`: the first listed type in the lowest interruption band.
    #[serde(alias = "capacity_optimized_prioritized")]
    CapacityOptimizedPrioritized,
    /// `lowest-price`: spread evenly over the `SpotInstancePools` cheapest pools per unit hour.
    #[serde(alias = "lowest_price")]
    LowestPrice,
}

impl SpotAllocationStrategy {
    /// Every Spot allocation strategy, in the order the app offers them.
    pub const ALL: [SpotAllocationStrategy; 4] = [
        SpotAllocationStrategy::PriceCapacityOptimized,
        SpotAllocationStrategy::CapacityOptimized,
        SpotAllocationStrategy::CapacityOptimizedPrioritized,
        SpotAllocationStrategy::LowestPrice,
    ];

    /// The API value (`price-capacity-optimized` …).
    pub fn as_str(self) -> &'static str {
        match self {
            SpotAllocationStrategy::PriceCapacityOptimized => "price-capacity-optimized",
            SpotAllocationStrategy::CapacityOptimized => "capacity-optimized",
            SpotAllocationStrategy::CapacityOptimizedPrioritized => {
                "capacity-optimized-prioritized"
            }
            SpotAllocationStrategy::LowestPrice => "lowest-price",
        }
    }
}

/// `OnDemandAllocationStrategy` of the API.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum OnDemandAllocationStrategy {
    /// `prioritized`: On-Demand capacity launches on the first listed type (the API default).
    #[default]
    Prioritized,
    /// `lowest-price`: On-Demand capacity launches on the type cheapest per unit hour.
    #[serde(alias = "lowest_price")]
    LowestPrice,
}

impl OnDemandAllocationStrategy {
    /// Every On-Demand allocation strategy, in the order the app offers them.
    pub const ALL: [OnDemandAllocationStrategy; 2] = [
        OnDemandAllocationStrategy::Prioritized,
        OnDemandAllocationStrategy::LowestPrice,
    ];

    /// The API value (`prioritized`, `lowest-price`).
    pub fn as_str(self) -> &'static str {
        match self {
            OnDemandAllocationStrategy::Prioritized => "prioritized",
            OnDemandAllocationStrategy::LowestPrice => "lowest-price",
        }
    }

    /// Whether this is `prioritized`, the default (left out when a plan is saved).
    pub fn is_default(&self) -> bool {
        *self == OnDemandAllocationStrategy::Prioritized
    }
}

/// AWS's default `SpotInstancePools` (API `InstancesDistribution`: "Default: 2").
pub const DEFAULT_SPOT_POOLS: u32 = 2;

/// Rank of a Spot Instance Advisor interruption band, lower = interrupted less often.
pub fn band_rank(band: &str) -> Option<u8> {
    match band.trim() {
        "<5%" => Some(0),
        "5-10%" => Some(1),
        "10-15%" => Some(2),
        "15-20%" => Some(3),
        ">20%" => Some(4),
        _ => None,
    }
}

/// One Spot pool as the strategies see it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pool {
    /// Spot price per capacity-unit hour (`price ÷ weight`).
    pub unit_price: f64,
    /// [`band_rank`] of the pool's interruption band.
    pub band_rank: u8,
}

/// Validate the strategy fields of a distribution (field names relative to the group).
pub fn validate(
    spot: Option<SpotAllocationStrategy>,
    pools: Option<u32>,
) -> Result<(), ScalingError> {
    if let Some(n) = pools {
        if spot != Some(SpotAllocationStrategy::LowestPrice) {
            return Err(ScalingError::field(
                "distribution.spot_instance_pools",
                format!(
                    "is valid only with spot_allocation_strategy \"lowest-price\" (got {})",
                    spot.map_or("none", |s| s.as_str())
                ),
            ));
        }
        if !(1..=20).contains(&n) {
            return Err(ScalingError::field(
                "distribution.spot_instance_pools",
                format!("must be 1–20 (got {n})"),
            ));
        }
    }
    Ok(())
}

/// Share of the Spot capacity units that lands on each pool (same order as `pools`; sums to
/// 1 when `pools` is not empty). `spot_pools` is `SpotInstancePools` (lowest-price only).
pub fn spot_shares(strategy: SpotAllocationStrategy, pools: &[Pool], spot_pools: u32) -> Vec<f64> {
    let k = pools.len();
    let mut share = vec![0.0; k];
    if k == 0 {
        return share;
    }
    let by_price = |a: &usize, b: &usize| {
        pools[*a]
            .unit_price
            .total_cmp(&pools[*b].unit_price)
            .then(a.cmp(b))
    };
    let best_band = pools.iter().map(|p| p.band_rank).min().unwrap_or(0);
    let in_best: Vec<usize> = (0..k)
        .filter(|&i| pools[i].band_rank == best_band)
        .collect();
    let chosen: Vec<usize> = match strategy {
        SpotAllocationStrategy::LowestPrice => {
            let mut idx: Vec<usize> = (0..k).collect();
            idx.sort_by(by_price);
            idx.truncate((spot_pools.max(1) as usize).min(k));
            idx
        }
        SpotAllocationStrategy::CapacityOptimized => in_best,
        SpotAllocationStrategy::CapacityOptimizedPrioritized => in_best[..1].to_vec(),
        SpotAllocationStrategy::PriceCapacityOptimized => in_best
            .iter()
            .copied()
            .min_by(by_price)
            .into_iter()
            .collect(),
    };
    let each = 1.0 / chosen.len() as f64;
    for i in chosen {
        share[i] = each;
    }
    share
}

/// Index of the instance type that On-Demand capacity launches on, given each type's
/// On-Demand price per unit hour.
pub fn on_demand_index(strategy: OnDemandAllocationStrategy, unit_prices: &[f64]) -> usize {
    match strategy {
        OnDemandAllocationStrategy::Prioritized => 0,
        OnDemandAllocationStrategy::LowestPrice => (0..unit_prices.len())
            .min_by(|a, b| unit_prices[*a].total_cmp(&unit_prices[*b]).then(a.cmp(b)))
            .unwrap_or(0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pool(unit_price: f64, band: &str) -> Pool {
        Pool {
            unit_price,
            band_rank: band_rank(band).unwrap(),
        }
    }

    // The guide's "Spot price per unit hour" example (ec2-auto-scaling-mixed-instances-groups-
    // instance-weighting, us-east-1a column; example prices, not current ones): per-unit
    // prices 0.090, 0.085, 0.065, 0.067, 0.065 for c5.2xlarge … c5.24xlarge with weights
    // 2, 4, 12, 18, 24. With lowest-price and N = 2 the two cheapest per unit are
    // c5.12xlarge ($0.779 / 12) and c5.24xlarge ($1.555 / 24), not the cheapest per instance.
    #[test]
    fn lowest_price_compares_price_per_unit_hour() {
        let prices = [
            (0.180, 2.0),
            (0.341, 4.0),
            (0.779, 12.0),
            (1.207, 18.0),
            (1.555, 24.0),
        ];
        let pools: Vec<Pool> = prices.iter().map(|(p, w)| pool(p / w, "<5%")).collect();
        let s = spot_shares(SpotAllocationStrategy::LowestPrice, &pools, 2);
        assert_eq!(s, vec![0.0, 0.0, 0.5, 0.0, 0.5]);
        // N = 1: only the cheapest unit-hour pool; N larger than the pools: all, evenly.
        let s = spot_shares(SpotAllocationStrategy::LowestPrice, &pools, 1);
        // $1.555 / 24 = 0.06479 < $0.779 / 12 = 0.06492.
        assert_eq!(s, vec![0.0, 0.0, 0.0, 0.0, 1.0]);
        let s = spot_shares(SpotAllocationStrategy::LowestPrice, &pools, 20);
        assert!(s.iter().all(|x| (*x - 0.2).abs() < 1e-15));
    }

    // capacity-optimized picks "the pool with optimal capacity"; offline proxy: the lowest
    // interruption band, spread over the pools sharing it.
    #[test]
    fn capacity_strategies_use_the_lowest_band() {
        let pools = [
            pool(0.04, ">20%"),
            pool(0.06, "<5%"),
            pool(0.05, "5-10%"),
            pool(0.07, "<5%"),
        ];
        assert_eq!(
            spot_shares(SpotAllocationStrategy::CapacityOptimized, &pools, 2),
            vec![0.0, 0.5, 0.0, 0.5]
        );
        // prioritized: the first listed type of the lowest band.
        assert_eq!(
            spot_shares(
                SpotAllocationStrategy::CapacityOptimizedPrioritized,
                &pools,
                2
            ),
            vec![0.0, 1.0, 0.0, 0.0]
        );
        // price-capacity-optimized: the cheapest of the lowest band.
        let mut p = pools;
        p[3].unit_price = 0.055;
        assert_eq!(
            spot_shares(SpotAllocationStrategy::PriceCapacityOptimized, &p, 2),
            vec![0.0, 0.0, 0.0, 1.0]
        );
        // lowest-price ignores the bands: the cheapest (">20%") pool first.
        assert_eq!(
            spot_shares(SpotAllocationStrategy::LowestPrice, &p, 1),
            vec![1.0, 0.0, 0.0, 0.0]
        );
    }

    // On-Demand lowest-price "launches the lowest priced instance types … first"; with weights
    // the price per unit decides (instance-weighting page, "lowest On-Demand price per vCPU").
    #[test]
    fn on_demand_strategies() {
        let unit = [0.096 / 1.0, 0.17 / 2.0, 0.085];
        assert_eq!(
            on_demand_index(OnDemandAllocationStrategy::Prioritized, &unit),
            0
        );
        assert_eq!(
            on_demand_index(OnDemandAllocationStrategy::LowestPrice, &unit),
            1
        );
    }

    #[test]
    fn pools_only_with_lowest_price() {
        assert!(validate(Some(SpotAllocationStrategy::LowestPrice), Some(4)).is_ok());
        assert!(validate(Some(SpotAllocationStrategy::LowestPrice), Some(21)).is_err());
        assert!(validate(Some(SpotAllocationStrategy::CapacityOptimized), Some(2)).is_err());
        assert!(validate(None, None).is_ok());
    }
}
