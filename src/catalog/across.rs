//! One EC2 instance type across every region of the catalogue: its hourly prices under the
//! common purchase options, region by region, sortable — what `cloudplan catalog
//! --instance-type` prints and the Catalogue tab can show. Facts only: the catalogue's rates
//! (first tier) side by side; an option a region lacks is `None` (shown as a gap, never $0).

use super::{
    Catalog, OfferingClass, Payment, PriceOption, Reservation, SavingsPlanKind, SavingsPlanOffer,
    Service, Term, vocab,
};

/// The prices of one instance type in one region, USD per instance-hour.
#[derive(Debug, Clone, PartialEq)]
pub struct RegionPrice {
    /// Region code (`eu-central-1`).
    pub region: String,
    /// Price List location name (`EU (Frankfurt)`), empty when the catalogue has none.
    pub name: String,
    /// On-Demand (Linux, shared tenancy).
    pub on_demand: Option<f64>,
    /// Reserved Instance standard 1yr No Upfront hourly rate.
    pub ri_1yr: Option<f64>,
    /// Reserved Instance standard 3yr No Upfront hourly rate.
    pub ri_3yr: Option<f64>,
    /// Compute Savings Plan 1yr No Upfront rate.
    pub sp_1yr: Option<f64>,
    /// Compute Savings Plan 3yr No Upfront rate.
    pub sp_3yr: Option<f64>,
    /// Spot price (one undated price per region, where the catalogue has one).
    pub spot: Option<f64>,
    /// Spot Instance Advisor savings versus On-Demand, percent.
    pub spot_savings_pct: Option<f64>,
    /// Spot Instance Advisor interruption band.
    pub interruption: Option<String>,
}

/// What the rows are sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    /// On-Demand price (regions without one last).
    #[default]
    OnDemand,
    /// Region code.
    Region,
    /// RI standard 1yr No Upfront.
    Ri1yr,
    /// Compute Savings Plan 1yr No Upfront.
    Sp1yr,
    /// Spot price.
    Spot,
}

impl SortKey {
    /// Every key with its command-line name.
    pub const ALL: [(SortKey, &'static str); 5] = [
        (SortKey::OnDemand, "on_demand"),
        (SortKey::Region, "region"),
        (SortKey::Ri1yr, "ri_1yr"),
        (SortKey::Sp1yr, "sp_1yr"),
        (SortKey::Spot, "spot"),
    ];

    /// The key of a command-line name.
    pub fn parse(s: &str) -> Option<SortKey> {
        SortKey::ALL.iter().find(|(_, n)| *n == s).map(|(k, _)| *k)
    }
}

/// `instance_type` in every region where the catalogue has any price for it, sorted by `key`
/// (ascending unless `descending`; regions missing the sorted price always come last, ties in
/// region order). Parses every region's rates on first use.
pub fn instance_across_regions(
    catalog: &Catalog,
    instance_type: &str,
    key: SortKey,
    descending: bool,
) -> Vec<RegionPrice> {
    let hourly = |region: &str, option: PriceOption| {
        catalog
            .tiers(
                region,
                Service::Ec2,
                instance_type,
                vocab::ec2::INSTANCE_HOURS,
                option,
            )
            .first()
            .map(|r| r.usd)
    };
    let ri = |term| {
        PriceOption::Reserved(Reservation {
            class: OfferingClass::Standard,
            term,
            payment: Payment::NoUpfront,
        })
    };
    let sp = |term| {
        PriceOption::SavingsPlan(SavingsPlanOffer {
            kind: SavingsPlanKind::Compute,
            term,
            payment: Payment::NoUpfront,
        })
    };
    let mut rows: Vec<RegionPrice> = catalog
        .regions()
        .into_iter()
        .filter_map(|region| {
            let advice = catalog.spot_advice(region, instance_type);
            let row = RegionPrice {
                region: region.to_string(),
                name: catalog.region_name(region).unwrap_or("").to_string(),
                on_demand: hourly(region, PriceOption::OnDemand),
                ri_1yr: hourly(region, ri(Term::OneYear)),
                ri_3yr: hourly(region, ri(Term::ThreeYears)),
                sp_1yr: hourly(region, sp(Term::OneYear)),
                sp_3yr: hourly(region, sp(Term::ThreeYears)),
                spot: hourly(region, PriceOption::Spot),
                spot_savings_pct: advice.map(|a| a.savings_pct),
                interruption: advice.map(|a| a.interruption_band.clone()),
            };
            let any = row.on_demand.is_some()
                || row.ri_1yr.is_some()
                || row.sp_1yr.is_some()
                || row.spot.is_some();
            any.then_some(row)
        })
        .collect();
    let value = |r: &RegionPrice| match key {
        SortKey::OnDemand | SortKey::Region => r.on_demand,
        SortKey::Ri1yr => r.ri_1yr,
        SortKey::Sp1yr => r.sp_1yr,
        SortKey::Spot => r.spot,
    };
    rows.sort_by(|a, b| {
        if key == SortKey::Region {
            let o = a.region.cmp(&b.region);
            return if descending { o.reverse() } else { o };
        }
        match (value(a), value(b)) {
            (Some(x), Some(y)) => {
                let o = x.total_cmp(&y);
                if descending { o.reverse() } else { o }
            }
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        }
        .then_with(|| a.region.cmp(&b.region))
    });
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::load::embedded;

    #[test]
    fn m7i_large_across_regions_sorted_by_on_demand() {
        let rows = instance_across_regions(embedded(), "m7i.large", SortKey::OnDemand, false);
        // m7i is sold in 22 of the 33 regions the ec2.shop copy covers.
        assert_eq!(rows.len(), 22);
        let prices: Vec<f64> = rows.iter().filter_map(|r| r.on_demand).collect();
        assert!(prices.windows(2).all(|w| w[0] <= w[1]), "{prices:?}");
        // ec2.shop copy (hawkFilePublicationDate 2025-04-04): m7i.large us-east-1 $0.1008/h.
        let us = rows.iter().find(|r| r.region == "us-east-1").unwrap();
        assert_eq!(us.on_demand, Some(0.1008));
        assert_eq!(us.name, "US East (N. Virginia)");
        // Compute Savings Plan 1yr No Upfront, us-east-1 only (pricesim copy of the SP feed).
        assert_eq!(us.sp_1yr, Some(0.07406));
        assert!(
            rows.iter()
                .filter(|r| r.region != "us-east-1")
                .all(|r| r.sp_1yr.is_none())
        );
        let down = instance_across_regions(embedded(), "m7i.large", SortKey::OnDemand, true);
        assert_eq!(
            down.first().map(|r| &r.region),
            rows.last().map(|r| &r.region)
        );
        let by_region = instance_across_regions(embedded(), "m7i.large", SortKey::Region, false);
        assert!(by_region.windows(2).all(|w| w[0].region < w[1].region));
        assert!(
            instance_across_regions(embedded(), "m99.huge", SortKey::OnDemand, false).is_empty()
        );
    }
}
