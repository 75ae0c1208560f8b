//! The price catalogue: every AWS price cloudplan knows, with its source and effective date.
//!
//! A [`Catalog`] is a flat table of [`Rate`] rows (region × service × product × dimension ×
//! purchase option × tier) plus instance specifications, Spot Instance Advisor figures, S3
//! storage-class rules and the list of sources. It is loaded from `pricing-data/*.csv`
//! (embedded in the binary, see [`load`]) or from a directory given with `--catalog DIR`,
//! and is read-only afterwards. The vocabulary of services, products and dimensions is
//! documented in `pricing-data/README.md` and mirrored by the constants in [`vocab`].

pub mod across;
pub mod import;
pub mod load;
pub mod vocab;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::sync::OnceLock;

/// AWS services cloudplan prices. The lower-case name is used in files and on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Service {
    /// Amazon EC2 instances, priced per instance-hour.
    Ec2,
    /// Amazon EBS volumes and snapshots (storage, IOPS, throughput, I/O requests).
    Ebs,
    /// Amazon S3 storage classes: storage, requests, retrievals and restores.
    S3,
    /// Amazon EFS file-system storage, access charges and throughput.
    Efs,
    /// Data transfer out to the internet, in, between AZs and between regions, per GB.
    DataTransfer,
    /// AWS Lambda requests, duration (GB-second) and ephemeral storage.
    Lambda,
    /// Amazon RDS database instances, storage, IOPS, throughput and backup.
    Rds,
    /// Amazon DynamoDB request units, provisioned capacity and table storage.
    Dynamodb,
    /// NAT gateway hours and data processed.
    NatGateway,
    /// Elastic Load Balancing (ALB, NLB, GWLB, CLB) hours and capacity units.
    Elb,
    /// Public IPv4 addresses, per IP-hour (in use or idle).
    PublicIpv4,
    /// A user-entered fixed monthly line (support plan, third-party licence …); never in the catalogue.
    Custom,
    /// AWS Fargate (ECS and EKS): vCPU, memory, OS licence and ephemeral storage per hour —
    /// the `fargate` plan item.
    Fargate,
    /// Amazon CloudFront (region `global`): transfer out by geography, requests, invalidations.
    /// In the catalogue only.
    CloudFront,
    /// Amazon ElastiCache nodes (On-Demand and reserved) and serverless. In the catalogue only.
    ElastiCache,
    /// Amazon EKS cluster hours (standard and extended support): the `eks` plan item.
    Eks,
}

impl Service {
    /// The services a plan item can be (the catalogue services plus `Custom`), in menu order.
    pub const ALL: [Service; 14] = [
        Service::Ec2,
        Service::Ebs,
        Service::S3,
        Service::Efs,
        Service::DataTransfer,
        Service::Lambda,
        Service::Rds,
        Service::Dynamodb,
        Service::NatGateway,
        Service::Elb,
        Service::PublicIpv4,
        Service::Eks,
        Service::Fargate,
        Service::Custom,
    ];

    /// Services whose rates the catalogue carries but no plan item prices yet (issue 18 part 2).
    pub const CATALOGUE_ONLY: [Service; 2] = [Service::CloudFront, Service::ElastiCache];

    /// Every service a catalogue rate may have (all but `Custom`).
    pub fn priced() -> impl Iterator<Item = Service> {
        Service::ALL
            .into_iter()
            .filter(|s| *s != Service::Custom)
            .chain(Service::CATALOGUE_ONLY)
    }

    /// The identifier used in files (`ec2`, `data_transfer` …).
    pub fn as_str(self) -> &'static str {
        match self {
            Service::Ec2 => "ec2",
            Service::Ebs => "ebs",
            Service::S3 => "s3",
            Service::Efs => "efs",
            Service::DataTransfer => "data_transfer",
            Service::Lambda => "lambda",
            Service::Rds => "rds",
            Service::Dynamodb => "dynamodb",
            Service::NatGateway => "nat_gateway",
            Service::Elb => "elb",
            Service::PublicIpv4 => "public_ipv4",
            Service::Custom => "custom",
            Service::Fargate => "fargate",
            Service::CloudFront => "cloudfront",
            Service::ElastiCache => "elasticache",
            Service::Eks => "eks",
        }
    }

    /// The name a person reads (`Amazon EC2`, `Data transfer` …).
    pub fn display_name(self) -> &'static str {
        match self {
            Service::Ec2 => "Amazon EC2",
            Service::Ebs => "Amazon EBS",
            Service::S3 => "Amazon S3",
            Service::Efs => "Amazon EFS",
            Service::DataTransfer => "Data transfer",
            Service::Lambda => "AWS Lambda",
            Service::Rds => "Amazon RDS",
            Service::Dynamodb => "Amazon DynamoDB",
            Service::NatGateway => "NAT gateway",
            Service::Elb => "Elastic Load Balancing",
            Service::PublicIpv4 => "Public IPv4",
            Service::Custom => "Custom",
            Service::Fargate => "AWS Fargate",
            Service::CloudFront => "Amazon CloudFront",
            Service::ElastiCache => "Amazon ElastiCache",
            Service::Eks => "Amazon EKS",
        }
    }

    /// The service whose file identifier (`ec2`, `data_transfer`, `fargate` …) is `s`; `None` if
    /// unknown.
    pub fn parse(s: &str) -> Option<Service> {
        Service::ALL
            .into_iter()
            .chain(Service::CATALOGUE_ONLY)
            .find(|x| x.as_str() == s)
    }
}

impl fmt::Display for Service {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Length of a Reserved Instance / Savings Plan commitment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Term {
    /// One-year commitment (`1yr`, 12 months).
    #[serde(rename = "1yr")]
    OneYear,
    /// Three-year commitment (`3yr`, 36 months).
    #[serde(rename = "3yr")]
    ThreeYears,
}

impl Term {
    /// The identifier used in files: `1yr` or `3yr`.
    pub fn as_str(self) -> &'static str {
        match self {
            Term::OneYear => "1yr",
            Term::ThreeYears => "3yr",
        }
    }
    /// Length of the term in billing months (12 or 36).
    pub fn months(self) -> u32 {
        match self {
            Term::OneYear => 12,
            Term::ThreeYears => 36,
        }
    }
    /// Hours in the term, as AWS amortises upfront fees: 365 days × 24 h per year
    /// (1 yr = 8,760 h, 3 yr = 26,280 h; AWS Cost Explorer "amortized cost" docs).
    pub fn hours(self) -> f64 {
        match self {
            Term::OneYear => 8760.0,
            Term::ThreeYears => 26280.0,
        }
    }
    /// The term spelt `1yr` or `3yr`; `None` otherwise.
    pub fn parse(s: &str) -> Option<Term> {
        match s {
            "1yr" => Some(Term::OneYear),
            "3yr" => Some(Term::ThreeYears),
            _ => None,
        }
    }
}

/// How a commitment is paid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Payment {
    /// No upfront fee: the whole commitment is billed hourly over the term.
    NoUpfront,
    /// Part of the commitment paid upfront, the rest billed hourly at a lower rate.
    PartialUpfront,
    /// The whole commitment paid upfront; no hourly charge.
    AllUpfront,
}

impl Payment {
    /// Every payment option, from no to all upfront.
    pub const ALL: [Payment; 3] = [
        Payment::NoUpfront,
        Payment::PartialUpfront,
        Payment::AllUpfront,
    ];
    /// The identifier used in files (`no_upfront`, `partial_upfront`, `all_upfront`).
    pub fn as_str(self) -> &'static str {
        match self {
            Payment::NoUpfront => "no_upfront",
            Payment::PartialUpfront => "partial_upfront",
            Payment::AllUpfront => "all_upfront",
        }
    }
    /// The name AWS uses (`No Upfront`, `Partial Upfront`, `All Upfront`).
    pub fn display_name(self) -> &'static str {
        match self {
            Payment::NoUpfront => "No Upfront",
            Payment::PartialUpfront => "Partial Upfront",
            Payment::AllUpfront => "All Upfront",
        }
    }
    /// The payment option whose file identifier is `s`; `None` if unknown.
    pub fn parse(s: &str) -> Option<Payment> {
        Payment::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// Reserved Instance offering class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OfferingClass {
    /// Standard RI: the larger discount; cannot be exchanged for other attributes.
    Standard,
    /// Convertible RI: a smaller discount, exchangeable for another instance family or OS.
    Convertible,
}

impl OfferingClass {
    /// The identifier used in files: `standard` or `convertible`.
    pub fn as_str(self) -> &'static str {
        match self {
            OfferingClass::Standard => "standard",
            OfferingClass::Convertible => "convertible",
        }
    }
    /// The offering class spelt `standard` or `convertible`; `None` otherwise.
    pub fn parse(s: &str) -> Option<OfferingClass> {
        match s {
            "standard" => Some(OfferingClass::Standard),
            "convertible" => Some(OfferingClass::Convertible),
            _ => None,
        }
    }
}

/// One Reserved Instance offering: class × term × payment option.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Reservation {
    /// Standard or Convertible.
    pub class: OfferingClass,
    /// Commitment length, 1 or 3 years.
    pub term: Term,
    /// No, Partial or All Upfront.
    pub payment: Payment,
}

impl fmt::Display for Reservation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Reserved {} {} {}",
            self.class.as_str(),
            self.term.as_str(),
            self.payment.display_name()
        )
    }
}

/// Which Savings Plan: Compute (any family, region, OS, tenancy; also Fargate and Lambda) or
/// EC2 Instance (one family in one region). In files: `compute` / `ec2_instance`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SavingsPlanKind {
    /// Compute Savings Plan.
    Compute,
    /// EC2 Instance Savings Plan.
    Ec2Instance,
}

impl SavingsPlanKind {
    /// Both kinds, Compute first.
    pub const ALL: [SavingsPlanKind; 2] = [SavingsPlanKind::Compute, SavingsPlanKind::Ec2Instance];
    /// `compute` / `ec2_instance` (the catalogue's `offering_class` of a `savings_plan` rate).
    pub fn as_str(self) -> &'static str {
        match self {
            SavingsPlanKind::Compute => "compute",
            SavingsPlanKind::Ec2Instance => "ec2_instance",
        }
    }
    /// `Compute` / `EC2 Instance`.
    pub fn display_name(self) -> &'static str {
        match self {
            SavingsPlanKind::Compute => "Compute",
            SavingsPlanKind::Ec2Instance => "EC2 Instance",
        }
    }
    /// The kind of an identifier.
    pub fn parse(s: &str) -> Option<SavingsPlanKind> {
        SavingsPlanKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// One Savings Plan offering: kind × term × payment option. Its catalogue rate is the price of
/// one instance-hour covered by the plan (the Savings Plans rate), not a fee per instance: a
/// Partial / All Upfront plan pays part / all of its `$/hour commitment × term hours` upfront.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct SavingsPlanOffer {
    /// Compute or EC2 Instance.
    pub kind: SavingsPlanKind,
    /// 1 or 3 years.
    pub term: Term,
    /// No / Partial / All Upfront.
    pub payment: Payment,
}

/// Share of a Partial Upfront Savings Plan's commitment paid upfront: one half. AWS Billing user
/// guide (Savings Plans): "The Partial Upfront option … You are charged at least half of your
/// commitment upfront and the remaining is charged on a monthly basis"; the Savings Plans API
/// (`CreateSavingsPlan` `upfrontPaymentAmount`) takes 50 to 99 % of the plan's total value.
/// cloudplan uses the least, 50 %, which the published Partial Upfront rates assume.
pub const SP_PARTIAL_UPFRONT_SHARE: f64 = 0.5;

impl SavingsPlanOffer {
    /// Share of the commitment (`$/hour × term hours`) paid upfront: No Upfront 0, Partial
    /// Upfront [`SP_PARTIAL_UPFRONT_SHARE`], All Upfront 1 ("your entire commitment is charged in
    /// one payment"). The rest is paid monthly, `(1 − share) × $/hour × 730 h`.
    pub fn upfront_share(self) -> f64 {
        match self.payment {
            Payment::NoUpfront => 0.0,
            Payment::PartialUpfront => SP_PARTIAL_UPFRONT_SHARE,
            Payment::AllUpfront => 1.0,
        }
    }
}

impl fmt::Display for SavingsPlanOffer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} Savings Plan {} {}",
            self.kind.display_name(),
            self.term.as_str(),
            self.payment.display_name()
        )
    }
}

/// The purchase option a catalogue rate applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum PriceOption {
    /// Pay-as-you-go price, no commitment.
    OnDemand,
    /// Spot price for spare EC2 capacity (interruptible).
    Spot,
    /// A Reserved Instance offering (class × term × payment).
    Reserved(Reservation),
    /// A Savings Plans rate (per instance-hour covered by the plan).
    SavingsPlan(SavingsPlanOffer),
}

impl PriceOption {
    /// The catalogue file fields of the option: `option`, `term`, `payment`, `offering_class`
    /// (`reserved`, `1yr`, `no_upfront`, `standard`; `savings_plan`, …, `compute`).
    pub fn file_fields(self) -> [&'static str; 4] {
        match self {
            PriceOption::OnDemand => ["on_demand", "", "", ""],
            PriceOption::Spot => ["spot", "", "", ""],
            PriceOption::Reserved(r) => [
                "reserved",
                r.term.as_str(),
                r.payment.as_str(),
                r.class.as_str(),
            ],
            PriceOption::SavingsPlan(p) => [
                "savings_plan",
                p.term.as_str(),
                p.payment.as_str(),
                p.kind.as_str(),
            ],
        }
    }
}

impl fmt::Display for PriceOption {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PriceOption::OnDemand => f.write_str("On-Demand"),
            PriceOption::Spot => f.write_str("Spot"),
            PriceOption::Reserved(r) => r.fmt(f),
            PriceOption::SavingsPlan(p) => p.fmt(f),
        }
    }
}

/// One price row: the price of `dimension` of `product` in `region` under `option`, for
/// usage between `tier_begin` and `tier_end` (in the rate's unit, per month).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rate {
    /// AWS region code, e.g. `us-east-1`.
    pub region: String,
    /// AWS service the price belongs to.
    pub service: Service,
    /// Product key within the service, e.g. instance type `m5.large` or volume type `gp3`
    /// (see [`vocab`]).
    pub product: String,
    /// What is metered, e.g. `instance_hours`, `storage`, `iops` (a key in [`vocab`]).
    pub dimension: String,
    /// Purchase option the price applies to (On-Demand, Spot or a Reserved offering).
    pub option: PriceOption,
    /// Unit the price is per, as a person reads it (`Hrs`, `GB-Mo`, `Requests` …).
    pub unit: String,
    /// Tier start, inclusive, in `unit` per month (0 for an untiered rate).
    pub tier_begin: f64,
    /// Tier end, exclusive; `None` for the last (open-ended) tier.
    pub tier_end: Option<f64>,
    /// USD per `unit`.
    pub usd: f64,
    /// One-time fee per unit of commitment (Reserved Instances: per instance per term).
    pub upfront_usd: f64,
    /// Date the price took effect (the source feed's publication date).
    pub effective_date: NaiveDate,
    /// Id of a row in the catalogue's sources table.
    pub source: String,
}

/// CPU architecture of an instance type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Arch {
    /// Intel/AMD 64-bit (`x86_64`).
    X86_64,
    /// 64-bit Arm, i.e. AWS Graviton (`arm64`).
    Arm64,
}

impl Arch {
    /// The identifier used in files: `x86_64` or `arm64`.
    pub fn as_str(self) -> &'static str {
        match self {
            Arch::X86_64 => "x86_64",
            Arch::Arm64 => "arm64",
        }
    }
    /// The architecture spelt `x86_64` or `arm64`; `None` otherwise.
    pub fn parse(s: &str) -> Option<Arch> {
        match s {
            "x86_64" => Some(Arch::X86_64),
            "arm64" => Some(Arch::Arm64),
            _ => None,
        }
    }
}

/// Hardware of an EC2 instance type (or RDS instance class).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InstanceSpec {
    /// Instance type, e.g. `m5.large`.
    pub instance_type: String,
    /// Instance family, e.g. `m5`.
    pub family: String,
    /// Number of vCPUs.
    pub vcpu: u32,
    /// Memory in GiB.
    pub memory_gib: f64,
    /// CPU architecture (`arm64` for Graviton families).
    pub architecture: Arch,
    /// Id of the row in the sources table the specification came from.
    pub source: String,
}

/// Spot Instance Advisor figures for one instance type in one region.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SpotAdvice {
    /// AWS region code, e.g. `us-east-1`.
    pub region: String,
    /// EC2 instance type, e.g. `m5.large`.
    pub instance_type: String,
    /// Savings versus on-demand, percent (advisor field `s`).
    pub savings_pct: f64,
    /// Frequency of interruption band as the advisor labels it (`<5%`, `5-10%`, … `>20%`).
    pub interruption_band: String,
    /// Date of the advisor data.
    pub effective_date: NaiveDate,
    /// Id of the row in the sources table the figures came from.
    pub source: String,
}

/// Billing rules of an S3 storage class (minimum storage duration and billable object size).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct S3ClassRule {
    /// Product key used in rates (`standard_ia`, `glacier_flexible` …).
    pub storage_class: String,
    /// Minimum billable storage duration in days (0 when none), e.g. 30 for Standard-IA.
    pub min_storage_days: u32,
    /// Minimum billable object size in KB (0 when none).
    pub min_object_kb: f64,
    /// Id of the row in the sources table the rule came from.
    pub source: String,
}

/// Where prices came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// Identifier referenced by the `source` field of rates and other rows.
    pub id: String,
    /// What the source is and which stored copy (repository, path, commit) the figures came from.
    pub description: String,
    /// Upstream AWS address: price feed, pricing page or documentation.
    pub url: String,
    /// When the figures took effect, as free text (some sources are undated).
    pub effective_date: String,
    /// Publication date of the price file (its `hawkFilePublicationDate`, or when the copy kept
    /// none, the copy's commit / retrieval date); `None` for documents and undated feeds.
    pub published: Option<NaiveDate>,
}

/// A region: its code and the location name AWS's Price List gives it (`EU (Frankfurt)`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Region {
    /// `eu-central-1`.
    pub code: String,
    /// `EU (Frankfurt)` (the Price List `location` attribute).
    pub name: String,
    /// Id of a row in the catalogue's sources table.
    pub source: String,
}

/// Region of the rates billed globally rather than per region (CloudFront).
pub const GLOBAL_REGION: &str = "global";

/// Which catalogue an estimate was priced with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogId {
    /// Catalogue name, e.g. "cloudplan embedded catalogue" or the `catalog.csv` name.
    pub name: String,
    /// Publication date of the oldest price file (sources with a `published` date); a catalogue
    /// whose sources carry none: the oldest effective date of any rate.
    pub effective_from: NaiveDate,
    /// Publication date of the newest price file (or the newest rate date, as above).
    pub effective_to: NaiveDate,
}

impl fmt::Display for CatalogId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} (price files published {} to {})",
            self.name, self.effective_from, self.effective_to
        )
    }
}

/// Rows of one region in one embedded rate file, not parsed yet (see [`load::embedded`]).
#[derive(Debug, Clone, Copy)]
pub struct Chunk {
    /// File name relative to `pricing-data/` (`rates/ec2_on_demand.csv`).
    pub file: &'static str,
    /// The file's header line, with its line break.
    pub header: &'static str,
    /// The region's rows.
    pub rows: &'static str,
    /// Line number of the first row in the file.
    pub first_line: u64,
}

/// The rates of one region, indexed by price key.
#[derive(Debug, Clone, Default)]
struct Shard {
    rates: Vec<Rate>,
    /// Hash of (region, service, product, dimension, option) → indices of the rows, sorted by tier.
    index: HashMap<u64, Vec<u32>>,
}

impl Shard {
    fn new(rates: Vec<Rate>) -> Shard {
        let mut index: HashMap<u64, Vec<u32>> = HashMap::new();
        for (i, r) in rates.iter().enumerate() {
            index
                .entry(key_hash(
                    &r.region,
                    r.service,
                    &r.product,
                    &r.dimension,
                    r.option,
                ))
                .or_default()
                .push(i as u32);
        }
        for ids in index.values_mut() {
            ids.sort_by(|a, b| {
                rates[*a as usize]
                    .tier_begin
                    .total_cmp(&rates[*b as usize].tier_begin)
            });
        }
        Shard { rates, index }
    }
}

/// One region's rates: parsed (a catalogue built from parts), or parsed on first use from
/// embedded chunks (the embedded catalogue).
#[derive(Debug, Clone)]
struct RegionRates {
    code: String,
    shard: OnceLock<Shard>,
    pending: Vec<Chunk>,
}

/// The price catalogue. Build it with [`Catalog::from_parts`] or [`load`]; read-only afterwards.
/// Rates are held per region; the embedded catalogue parses a region's rates when it is first
/// asked for (`tiers`, `rates_in`, `products` …), so start-up does not parse 34 regions.
#[derive(Debug, Clone)]
pub struct Catalog {
    /// Name and effective-date range of this catalogue, shown with every estimate.
    pub id: CatalogId,
    /// Sorted by region code.
    shards: Vec<RegionRates>,
    regions: Vec<Region>,
    instances: Vec<InstanceSpec>,
    spot: Vec<SpotAdvice>,
    s3_rules: Vec<S3ClassRule>,
    sources: Vec<Source>,
    instance_index: HashMap<String, usize>,
    spot_index: HashMap<(String, String), usize>,
}

fn key_hash(
    region: &str,
    service: Service,
    product: &str,
    dimension: &str,
    option: PriceOption,
) -> u64 {
    // A fixed-key hasher so lookups need no allocation; collisions are resolved by comparing rows.
    let mut h = std::collections::hash_map::DefaultHasher::new();
    region.hash(&mut h);
    service.hash(&mut h);
    product.hash(&mut h);
    dimension.hash(&mut h);
    option.hash(&mut h);
    h.finish()
}

/// Oldest and newest publication date of the price files (sources passing `used`), if any has one.
fn published_range(
    sources: &[Source],
    used: impl Fn(&Source) -> bool,
) -> Option<(NaiveDate, NaiveDate)> {
    let dates = sources
        .iter()
        .filter(|s| used(s))
        .filter_map(|s| s.published);
    Some((dates.clone().min()?, dates.max()?))
}

impl Catalog {
    /// Assemble a catalogue from already-validated parts. The catalogue's dates are the oldest
    /// and newest publication dates of its sources' price files, or when no source has one, the
    /// oldest and newest rate dates. Rows of one key are ordered by `tier_begin`.
    pub fn from_parts(
        name: impl Into<String>,
        rates: Vec<Rate>,
        instances: Vec<InstanceSpec>,
        spot: Vec<SpotAdvice>,
        s3_rules: Vec<S3ClassRule>,
        sources: Vec<Source>,
    ) -> Catalog {
        let used: std::collections::HashSet<&str> =
            rates.iter().map(|r| r.source.as_str()).collect();
        let range = published_range(&sources, |s| used.contains(s.id.as_str()));
        let (from, to) = range.unwrap_or_else(|| {
            let dates = rates.iter().map(|r| r.effective_date);
            (
                dates.clone().min().unwrap_or_default(),
                dates.max().unwrap_or_default(),
            )
        });
        let mut by_region: std::collections::BTreeMap<String, Vec<Rate>> = Default::default();
        for r in rates {
            by_region.entry(r.region.clone()).or_default().push(r);
        }
        let shards = by_region
            .into_iter()
            .map(|(code, rates)| RegionRates {
                code,
                shard: OnceLock::from(Shard::new(rates)),
                pending: Vec::new(),
            })
            .collect();
        Catalog::assemble(
            name.into(),
            (from, to),
            shards,
            instances,
            spot,
            s3_rules,
            sources,
        )
    }

    /// A catalogue whose rates are parsed per region on first use from `pending` (region →
    /// chunks of embedded files, already known to be valid). `sources` must carry published
    /// dates (the embedded catalogue's do).
    pub(crate) fn lazy(
        name: impl Into<String>,
        pending: Vec<(String, Vec<Chunk>)>,
        instances: Vec<InstanceSpec>,
        spot: Vec<SpotAdvice>,
        s3_rules: Vec<S3ClassRule>,
        sources: Vec<Source>,
    ) -> Catalog {
        // The generator gives a `published` date only to sources that rates cite.
        let dates = published_range(&sources, |_| true).unwrap_or_default();
        let mut shards: Vec<RegionRates> = pending
            .into_iter()
            .map(|(code, pending)| RegionRates {
                code,
                shard: OnceLock::new(),
                pending,
            })
            .collect();
        shards.sort_by(|a, b| a.code.cmp(&b.code));
        Catalog::assemble(
            name.into(),
            dates,
            shards,
            instances,
            spot,
            s3_rules,
            sources,
        )
    }

    fn assemble(
        name: String,
        (effective_from, effective_to): (NaiveDate, NaiveDate),
        shards: Vec<RegionRates>,
        instances: Vec<InstanceSpec>,
        spot: Vec<SpotAdvice>,
        s3_rules: Vec<S3ClassRule>,
        sources: Vec<Source>,
    ) -> Catalog {
        let instance_index = instances
            .iter()
            .enumerate()
            .map(|(i, s)| (s.instance_type.clone(), i))
            .collect();
        let spot_index = spot
            .iter()
            .enumerate()
            .map(|(i, s)| ((s.region.clone(), s.instance_type.clone()), i))
            .collect();
        Catalog {
            id: CatalogId {
                name,
                effective_from,
                effective_to,
            },
            shards,
            regions: Vec::new(),
            instances,
            spot,
            s3_rules,
            sources,
            instance_index,
            spot_index,
        }
    }

    /// The same catalogue with region names (`regions.csv`), sorted by code.
    pub fn with_regions(mut self, mut regions: Vec<Region>) -> Catalog {
        regions.sort_by(|a, b| a.code.cmp(&b.code));
        self.regions = regions;
        self
    }

    /// The rates of one region, parsing them first if they are pending.
    fn shard(&self, region: &str) -> Option<&Shard> {
        let i = self
            .shards
            .binary_search_by(|s| s.code.as_str().cmp(region))
            .ok()?;
        Some(self.force(&self.shards[i]))
    }

    fn force<'a>(&'a self, r: &'a RegionRates) -> &'a Shard {
        r.shard.get_or_init(|| {
            let ids: std::collections::HashSet<&str> =
                self.sources.iter().map(|s| s.id.as_str()).collect();
            let rates = load::parse_chunks(&r.pending, &ids).unwrap_or_else(|e| {
                panic!(
                    "embedded pricing-data is valid (checked by load::tests::embedded_catalogue_is_valid): {e}"
                )
            });
            Shard::new(rates)
        })
    }

    /// The tiers of one price, ordered by `tier_begin`; empty when the catalogue lacks it.
    pub fn tiers(
        &self,
        region: &str,
        service: Service,
        product: &str,
        dimension: &str,
        option: PriceOption,
    ) -> Vec<&Rate> {
        let Some(shard) = self.shard(region) else {
            return Vec::new();
        };
        let Some(ids) = shard
            .index
            .get(&key_hash(region, service, product, dimension, option))
        else {
            return Vec::new();
        };
        ids.iter()
            .map(|i| &shard.rates[*i as usize])
            .filter(|r| {
                r.region == region
                    && r.service == service
                    && r.product == product
                    && r.dimension == dimension
                    && r.option == option
            })
            .collect()
    }

    /// Whether the catalogue has a price (at least one tier row).
    pub fn has_price(
        &self,
        region: &str,
        service: Service,
        product: &str,
        dimension: &str,
        option: PriceOption,
    ) -> bool {
        !self
            .tiers(region, service, product, dimension, option)
            .is_empty()
    }

    /// Every rate, region by region (parses every pending region: for exports and listings,
    /// not for start-up).
    pub fn rates(&self) -> impl Iterator<Item = &Rate> {
        self.shards
            .iter()
            .flat_map(move |r| self.force(r).rates.iter())
    }
    /// Number of rates (parses every pending region).
    pub fn rate_count(&self) -> usize {
        self.shards.iter().map(|r| self.force(r).rates.len()).sum()
    }
    /// The rates of one region (empty when the catalogue has none there).
    pub fn rates_in(&self, region: &str) -> &[Rate] {
        self.shard(region).map_or(&[], |s| s.rates.as_slice())
    }
    /// Every instance specification.
    pub fn instances(&self) -> &[InstanceSpec] {
        &self.instances
    }
    /// Specification of an EC2 instance type (`m5.large`); `None` if the catalogue lacks it.
    pub fn instance(&self, instance_type: &str) -> Option<&InstanceSpec> {
        self.instance_index
            .get(instance_type)
            .map(|i| &self.instances[*i])
    }
    /// Every Spot Instance Advisor row.
    pub fn spot_advice_all(&self) -> &[SpotAdvice] {
        &self.spot
    }
    /// Spot Instance Advisor figures for an instance type in a region; `None` if absent.
    pub fn spot_advice(&self, region: &str, instance_type: &str) -> Option<&SpotAdvice> {
        self.spot_index
            .get(&(region.to_string(), instance_type.to_string()))
            .map(|i| &self.spot[*i])
    }
    /// Billing rules of every S3 storage class.
    pub fn s3_rules(&self) -> &[S3ClassRule] {
        &self.s3_rules
    }
    /// Billing rules of an S3 storage class (`standard_ia` …); `None` if unknown.
    pub fn s3_rule(&self, storage_class: &str) -> Option<&S3ClassRule> {
        self.s3_rules
            .iter()
            .find(|r| r.storage_class == storage_class)
    }
    /// Every source the catalogue's figures came from.
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }
    /// The source with id `id`; `None` if absent.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// AWS regions that have at least one rate, sorted (not [`GLOBAL_REGION`]).
    pub fn regions(&self) -> Vec<&str> {
        self.shards
            .iter()
            .map(|r| r.code.as_str())
            .filter(|c| *c != GLOBAL_REGION)
            .collect()
    }

    /// Region codes and names (`regions.csv`), sorted by code.
    pub fn region_list(&self) -> &[Region] {
        &self.regions
    }

    /// The location name of a region (`EU (Frankfurt)` for `eu-central-1`), if the catalogue
    /// has one.
    pub fn region_name(&self, code: &str) -> Option<&str> {
        self.regions
            .binary_search_by(|r| r.code.as_str().cmp(code))
            .ok()
            .map(|i| self.regions[i].name.as_str())
    }

    /// The region code of a location name as AWS writes it — the Price List's `EU (Frankfurt)`
    /// or the console's and Pricing Calculator's `Europe (Frankfurt)`, any case — if the
    /// catalogue names that region (`regions.csv`).
    pub fn region_of_name(&self, name: &str) -> Option<&str> {
        // (whether the name starts with "EU"/"Europe", the rest): compared without allocating
        // (the importer asks once per offer row that has no region code).
        fn key(s: &str) -> (bool, &str) {
            let s = s.trim();
            for prefix in ["europe ", "eu "] {
                if s.len() > prefix.len()
                    && s.is_char_boundary(prefix.len())
                    && s[..prefix.len()].eq_ignore_ascii_case(prefix)
                {
                    return (true, &s[prefix.len()..]);
                }
            }
            (false, s)
        }
        let (eu, rest) = key(name);
        self.regions
            .iter()
            .find(|r| {
                let (e, n) = key(&r.name);
                e == eu && n.eq_ignore_ascii_case(rest)
            })
            .map(|r| r.code.as_str())
    }

    /// `eu-central-1 — EU (Frankfurt)` for pickers; the bare code when the name is unknown.
    pub fn region_label(&self, code: &str) -> String {
        match self.region_name(code) {
            Some(name) => format!("{code} — {name}"),
            None => code.to_string(),
        }
    }

    /// Regions whose code or name contains `query` (case-insensitive), sorted by code — the
    /// search behind a region picker. An empty query matches every region.
    pub fn search_regions(&self, query: &str) -> Vec<&str> {
        let q = query.trim().to_lowercase();
        self.regions()
            .into_iter()
            .filter(|c| {
                q.is_empty()
                    || c.to_lowercase().contains(&q)
                    || self
                        .region_name(c)
                        .is_some_and(|n| n.to_lowercase().contains(&q))
            })
            .collect()
    }

    /// Distinct products of a service in a region, sorted.
    pub fn products(&self, service: Service, region: &str) -> Vec<&str> {
        let mut v: Vec<&str> = self
            .rates_in(region)
            .iter()
            .filter(|r| r.service == service)
            .map(|r| r.product.as_str())
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    }

    /// The first-tier rate of one product under one option in every region that has it, in
    /// region order (parses every pending region) — e.g. one instance type across all regions.
    pub fn across_regions(
        &self,
        service: Service,
        product: &str,
        dimension: &str,
        option: PriceOption,
    ) -> Vec<&Rate> {
        self.shards
            .iter()
            .filter_map(|r| {
                self.tiers(&r.code, service, product, dimension, option)
                    .into_iter()
                    .next()
            })
            .collect()
    }
}
