//! AWS Region names: the code a plan stores (`ap-northeast-2`) and the name people know
//! (`Asia Pacific (Seoul)`).
//!
//! Source: AWS's list of Regions, "AWS Regions and Availability Zones" —
//! <https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html>
//! (Region code and Region name columns; commercial partitions and GovCloud (US)), the same
//! names as the price list's `location` attribute except that the price list still says "EU"
//! where the Regions page says "Europe" and writes "Sao Paulo" without its accent.
//! Facts only: this table names regions, the catalogue says which of them have prices.

/// Region code → Region name, sorted by code.
pub const REGION_NAMES: &[(&str, &str)] = &[
    ("af-south-1", "Africa (Cape Town)"),
    ("ap-east-1", "Asia Pacific (Hong Kong)"),
    ("ap-east-2", "Asia Pacific (Taipei)"),
    ("ap-northeast-1", "Asia Pacific (Tokyo)"),
    ("ap-northeast-2", "Asia Pacific (Seoul)"),
    ("ap-northeast-3", "Asia Pacific (Osaka)"),
    ("ap-south-1", "Asia Pacific (Mumbai)"),
    ("ap-south-2", "Asia Pacific (Hyderabad)"),
    ("ap-southeast-1", "Asia Pacific (Singapore)"),
    ("ap-southeast-2", "Asia Pacific (Sydney)"),
    ("ap-southeast-3", "Asia Pacific (Jakarta)"),
    ("ap-southeast-4", "Asia Pacific (Melbourne)"),
    ("ap-southeast-5", "Asia Pacific (Malaysia)"),
    ("ap-southeast-6", "Asia Pacific (New Zealand)"),
    ("ap-southeast-7", "Asia Pacific (Thailand)"),
    ("ca-central-1", "Canada (Central)"),
    ("ca-west-1", "Canada West (Calgary)"),
    ("eu-central-1", "Europe (Frankfurt)"),
    ("eu-central-2", "Europe (Zurich)"),
    ("eu-north-1", "Europe (Stockholm)"),
    ("eu-south-1", "Europe (Milan)"),
    ("eu-south-2", "Europe (Spain)"),
    ("eu-west-1", "Europe (Ireland)"),
    ("eu-west-2", "Europe (London)"),
    ("eu-west-3", "Europe (Paris)"),
    ("il-central-1", "Israel (Tel Aviv)"),
    ("me-central-1", "Middle East (UAE)"),
    ("me-south-1", "Middle East (Bahrain)"),
    ("mx-central-1", "Mexico (Central)"),
    ("sa-east-1", "South America (São Paulo)"),
    ("us-east-1", "US East (N. Virginia)"),
    ("us-east-2", "US East (Ohio)"),
    ("us-gov-east-1", "AWS GovCloud (US-East)"),
    ("us-gov-west-1", "AWS GovCloud (US-West)"),
    ("us-west-1", "US West (N. California)"),
    ("us-west-2", "US West (Oregon)"),
];

/// The Region name of `code` (`Asia Pacific (Seoul)`), if AWS's list has it.
pub fn region_name(code: &str) -> Option<&'static str> {
    REGION_NAMES
        .binary_search_by(|(c, _)| (*c).cmp(code))
        .ok()
        .map(|i| REGION_NAMES[i].1)
}

/// `Asia Pacific (Seoul) — ap-northeast-2`, or the code alone for a region not in the list.
pub fn region_label(code: &str) -> String {
    match region_name(code) {
        Some(name) => format!("{name} — {code}"),
        None => code.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorted_and_found() {
        assert!(REGION_NAMES.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(region_name("ap-northeast-2"), Some("Asia Pacific (Seoul)"));
        assert_eq!(region_name("xx-none-1"), None);
    }
}
