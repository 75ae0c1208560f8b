//! The user's document: a [`Plan`] of priced [`Item`]s, its parameters and groups.
//!
//! A plan is saved as versioned JSON (`*.cloudplan.json`, see [`file`]); its items also
//! round-trip through CSV for spreadsheets (see [`items_csv`]). Numeric fields are [`Num`]s:
//! a plain number or a formula over the plan's parameters, evaluated by [`formula`].

pub mod edit;
pub mod file;
pub mod formula;
pub mod growth;
pub mod items_csv;
pub mod items_headers;
pub mod usage;

use crate::catalog::{OfferingClass, Payment, Service, Term};
pub use crate::units::Weekday;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Current plan file schema version. Files with a newer version are refused; older ones are
/// migrated on load ([`file::migrate`]): version 2 added nested groups (`groups[].parent`).
pub const SCHEMA_VERSION: u32 = 2;

/// A number, or a formula over the plan's parameters (`users * 0.002`, `ceil(peak_rps / 120)`).
/// In JSON a number is written as a number and a formula as a string.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Num {
    /// A plain number (`3`, `0.25`), written as a JSON number.
    Value(f64),
    /// A formula over the plan's parameters as typed (`ceil(peak_rps / 120)`), a JSON string.
    Formula(String),
}

impl Num {
    /// Whether this is a formula rather than a plain number.
    pub fn is_formula(&self) -> bool {
        matches!(self, Num::Formula(_))
    }
    /// The text a person edits: the number as written, or the formula.
    pub fn to_text(&self) -> String {
        match self {
            Num::Value(v) => format_number(*v),
            Num::Formula(f) => f.clone(),
        }
    }
    /// Parse what a person typed: a plain number becomes a value, anything else a formula
    /// (a leading `=` as in spreadsheets is allowed and dropped).
    pub fn from_text(text: &str) -> Num {
        let t = text.trim();
        let t = t.strip_prefix('=').unwrap_or(t).trim();
        let plain = t.replace([',', '_'], "");
        match plain.parse::<f64>() {
            Ok(v) if v.is_finite() => Num::Value(v),
            _ => Num::Formula(t.to_string()),
        }
    }
    /// Parse what a person typed into a field written in `unit`: a number with or without a
    /// unit this field takes (`1 TB` in a GB field is 1024), else a formula. A number with a
    /// unit the field does not take is refused with the reason (signs are the field's checks).
    pub fn parse_in(text: &str, unit: crate::units::quantity::Unit) -> Result<Num, String> {
        let t = text.trim();
        let t = t.strip_prefix('=').unwrap_or(t).trim();
        if t.is_empty() {
            return Err("a number or formula is required".into());
        }
        match crate::units::quantity::parse(t, unit) {
            Ok(Some(v)) => Ok(Num::Value(v)),
            Ok(None) => Ok(Num::Formula(t.to_string())),
            Err(e) => Err(e.to_string()),
        }
    }
}

impl From<f64> for Num {
    fn from(v: f64) -> Self {
        Num::Value(v)
    }
}

impl Default for Num {
    fn default() -> Self {
        Num::Value(0.0)
    }
}

/// Shortest exact text for a number (`3`, `0.25`, `1e-7` stays readable as `0.0000001`).
pub fn format_number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// How tiered prices are applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TierMode {
    /// As AWS bills an account: tiers apply to the region's total usage, shared back pro rata.
    #[default]
    Aggregate,
    /// As the AWS Pricing Calculator shows each entry: tiers apply to each item alone.
    PerItem,
}

/// A named number the plan's formulas can use.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Parameter {
    /// Name formulas use for it: an identifier, unique in the plan, not a formula function.
    pub name: String,
    /// Its value: a number, or a formula over the plan's other parameters.
    pub value: Num,
    /// What the parameter stands for; omitted from JSON when empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
}

/// A named group of items (tier of an application, team, environment …).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    /// Name items give in their `group` field; non-empty and unique in the plan.
    pub name: String,
    /// What the group holds; omitted from JSON when empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// The group this one is nested in (schema version 2); its subtotal rolls up into the
    /// parent's, as the AWS Pricing Calculator's groups do.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
}

/// The whole document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// Plan file format version ([`SCHEMA_VERSION`]); files with a newer version are refused.
    pub schema_version: u32,
    /// Display name of the plan.
    pub name: String,
    /// Free-text notes on the plan; omitted from JSON when empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// AWS region code of items that name none (`ap-northeast-2`).
    pub default_region: String,
    /// First month of the plan, `YYYY-MM`.
    pub start_month: String,
    /// Months the plan covers from `start_month`, 1–60 (the forecast's and the purchase
    /// comparison's default horizon).
    pub horizon_months: u32,
    /// Whether the always-free AWS Free Tier allowances are deducted (Lambda requests and
    /// GB-seconds, 100 GB internet egress); default `false`.
    #[serde(default)]
    pub free_tier: bool,
    /// How tiered prices are applied (default `aggregate`).
    #[serde(default)]
    pub tier_mode: TierMode,
    /// Named numbers the items' formulas use (default none).
    #[serde(default)]
    pub parameters: Vec<Parameter>,
    /// Groups items may belong to (subtotals); an item's `group` must be one of them.
    #[serde(default)]
    pub groups: Vec<Group>,
    /// The plan's lines, each a priced resource.
    #[serde(default)]
    pub items: Vec<Item>,
    /// Growth drivers for the forecast (see `forecast::drivers`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub growth: Vec<growth::GrowthDriver>,
}

/// One line of the plan: a resource with its own identity, grouping and tags.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// Stable identifier, unique in the plan (`web-fleet`).
    pub id: String,
    /// Display name of the item.
    pub name: String,
    /// Name of the group the item belongs to (one of the plan's `groups`); empty = ungrouped.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub group: String,
    /// Cost-allocation tags, `key → value`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub tags: BTreeMap<String, String>,
    /// Region; the plan's default region when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// What is priced and how much of it, a JSON object tagged by `kind`.
    pub resource: Resource,
}

impl Plan {
    /// The first day of the plan's start month (`start_month` is `YYYY-MM`), or why not.
    pub fn start_date(&self) -> Result<chrono::NaiveDate, chrono::ParseError> {
        chrono::NaiveDate::parse_from_str(&format!("{}-01", self.start_month), "%Y-%m-%d")
    }
}

impl Item {
    /// The item's region: its own `region`, else the plan's `default_region`.
    pub fn region<'a>(&'a self, plan: &'a Plan) -> &'a str {
        self.region.as_deref().unwrap_or(&plan.default_region)
    }
}

/// What is being priced. Serialized with a `kind` tag (`{"kind": "ec2", …}`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Resource {
    /// `ec2`: a fleet of identical EC2 instances.
    Ec2(Ec2Fleet),
    /// `ebs`: EBS volumes and their snapshots.
    Ebs(EbsVolumes),
    /// `s3`: S3 storage in one storage class, with its requests and retrievals.
    S3(S3Storage),
    /// `efs`: an EFS file system.
    Efs(EfsFileSystem),
    /// `data_transfer`: internet, inter-AZ and inter-region data transfer.
    DataTransfer(DataTransfer),
    /// `lambda`: a Lambda function's requests, duration and ephemeral storage.
    Lambda(LambdaFunction),
    /// `rds`: RDS database instances and their storage.
    Rds(RdsDatabase),
    /// `dynamodb`: a DynamoDB table (on-demand or provisioned capacity).
    Dynamodb(DynamodbTable),
    /// `nat_gateway`: NAT gateways and the data they process.
    NatGateway(NatGateway),
    /// `load_balancer`: Application or Network Load Balancers.
    LoadBalancer(LoadBalancer),
    /// `public_ipv4`: public IPv4 addresses, in use or idle.
    PublicIpv4(PublicIpv4),
    /// Amazon EKS clusters (cluster hours, standard or extended support).
    Eks(EksCluster),
    /// AWS Fargate tasks (ECS) or pods (EKS): vCPU, memory, OS licence, ephemeral storage.
    Fargate(FargateTasks),
    /// `custom`: a fixed monthly / upfront amount the catalogue does not price.
    Custom(CustomLine),
    /// An EC2 Auto Scaling group, priced by simulation ([`crate::scaling`]).
    ScalingGroup(crate::scaling::GroupSpec),
}

impl Resource {
    /// The AWS service the item is billed under (an Auto Scaling group: EC2).
    pub fn service(&self) -> Service {
        match self {
            Resource::Ec2(_) => Service::Ec2,
            Resource::Ebs(_) => Service::Ebs,
            Resource::S3(_) => Service::S3,
            Resource::Efs(_) => Service::Efs,
            Resource::DataTransfer(_) => Service::DataTransfer,
            Resource::Lambda(_) => Service::Lambda,
            Resource::Rds(_) => Service::Rds,
            Resource::Dynamodb(_) => Service::Dynamodb,
            Resource::NatGateway(_) => Service::NatGateway,
            Resource::LoadBalancer(_) => Service::Elb,
            Resource::PublicIpv4(_) => Service::PublicIpv4,
            Resource::Eks(_) => Service::Eks,
            Resource::Fargate(_) => Service::Fargate,
            Resource::Custom(_) => Service::Custom,
            Resource::ScalingGroup(_) => Service::Ec2,
        }
    }
}

/// How capacity is bought.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum PurchaseOption {
    /// `on_demand` (the default): the catalogue's hourly rate, no commitment.
    #[default]
    OnDemand,
    /// `spot`: EC2 Spot Instances at the catalogue's Spot price (else On-Demand less the Spot
    /// Instance Advisor's savings); not for RDS.
    Spot,
    /// `reserved`: Reserved Instances, billed every hour of a 1- or 3-year term.
    Reserved {
        /// Offering class: `standard` or `convertible`.
        class: OfferingClass,
        /// Term: `1yr` or `3yr`.
        term: Term,
        /// Payment option: `no_upfront`, `partial_upfront` or `all_upfront`.
        payment: Payment,
    },
    /// Compute or EC2 Instance Savings Plan, priced from the catalogue's Savings Plans rates
    /// (see `cost::ec2`); a rate the catalogue lacks is a missing price.
    SavingsPlan {
        /// Which Savings Plan: `compute` or `ec2_instance`.
        plan: SavingsPlanKind,
        /// Term: `1yr` or `3yr`.
        term: Term,
        /// Payment option: `no_upfront`, `partial_upfront` or `all_upfront`.
        payment: Payment,
    },
}

/// Compute or EC2 Instance Savings Plan (defined with the catalogue's Savings Plans rates).
pub use crate::catalog::SavingsPlanKind;

/// Running time of an EC2 fleet, as the AWS Pricing Calculator models it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "pattern", rename_all = "snake_case", deny_unknown_fields)]
pub enum Usage {
    /// `count` instances for `hours_per_month` hours (730 = always on).
    Constant {
        /// Hours each instance runs per month, at most 730 (= always on).
        hours_per_month: Num,
    },
    /// `baseline` instances always, `peak` during `peak_hours` hours on the chosen days
    /// (`daily`: every day; `weekly`: the listed weekdays; `monthly`: `days_per_month` days).
    Spike {
        /// Which days spike: `daily`, `weekly` or `monthly`.
        period: SpikePeriod,
        /// Instances running all month; the part a Reserved Instance purchase covers.
        baseline: Num,
        /// Instances running during a spike (at least `baseline`).
        peak: Num,
        /// Hours a spike lasts on each spike day (at most 24).
        peak_hours: Num,
        /// Weekly spikes: which days (`mon` … `sun`); monthly spikes: ignored.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        days: Vec<Weekday>,
        /// Monthly spikes: number of spike days per month.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        days_per_month: Option<Num>,
    },
}

impl Default for Usage {
    fn default() -> Self {
        Usage::Constant {
            hours_per_month: Num::Value(730.0),
        }
    }
}

/// Which days a spike usage pattern peaks on (`period`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SpikePeriod {
    /// `daily`: every day (730 / 24 days a month).
    Daily,
    /// `weekly`: the weekdays listed in `days` (730 / 168 weeks a month).
    Weekly,
    /// `monthly`: `days_per_month` days a month.
    Monthly,
}

fn default_730() -> Num {
    Num::Value(730.0)
}

/// A fleet of identical EC2 instances (Linux, shared tenancy).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ec2Fleet {
    /// EC2 instance type (`m6i.large`), looked up in the price catalogue.
    pub instance_type: String,
    /// Number of instances (constant usage) — spike patterns carry their own counts.
    pub count: Num,
    /// Running-time pattern (default: constant, 730 hours a month).
    #[serde(default)]
    pub usage: Usage,
    /// How the instances are bought (default On-Demand).
    #[serde(default)]
    pub purchase: PurchaseOption,
}

/// EBS volume type (`volume_type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EbsVolumeType {
    /// `gp2`: General Purpose SSD, performance scales with size (no IOPS charge).
    Gp2,
    /// `gp3`: General Purpose SSD, 3,000 IOPS and 125 MiB/s included per volume, more at a charge.
    Gp3,
    /// `io1`: Provisioned IOPS SSD, every provisioned IOPS charged.
    Io1,
    /// `io2`: Provisioned IOPS SSD, IOPS charged in tiers per volume.
    Io2,
    /// `st1`: Throughput Optimized HDD.
    St1,
    /// `sc1`: Cold HDD.
    Sc1,
    /// `standard`: previous-generation Magnetic volumes.
    Standard,
}

impl EbsVolumeType {
    /// Every volume type, in the order the editor offers them.
    pub const ALL: [EbsVolumeType; 7] = [
        EbsVolumeType::Gp2,
        EbsVolumeType::Gp3,
        EbsVolumeType::Io1,
        EbsVolumeType::Io2,
        EbsVolumeType::St1,
        EbsVolumeType::Sc1,
        EbsVolumeType::Standard,
    ];
    /// The JSON / CSV name (`gp3`).
    pub fn as_str(self) -> &'static str {
        match self {
            EbsVolumeType::Gp2 => "gp2",
            EbsVolumeType::Gp3 => "gp3",
            EbsVolumeType::Io1 => "io1",
            EbsVolumeType::Io2 => "io2",
            EbsVolumeType::St1 => "st1",
            EbsVolumeType::Sc1 => "sc1",
            EbsVolumeType::Standard => "standard",
        }
    }
}

/// EBS volumes: `volume_count` identical volumes, plus their snapshots.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EbsVolumes {
    /// Volume type (`gp3`, `io2`, `st1` …).
    pub volume_type: EbsVolumeType,
    /// Provisioned size of each volume, GB.
    pub size_gb: Num,
    /// Number of identical volumes (default 1).
    #[serde(default = "one")]
    pub volume_count: Num,
    /// Provisioned IOPS per volume (gp3: total including the 3,000 free; io1/io2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iops: Option<Num>,
    /// Provisioned throughput per volume, MiB/s (gp3 only; total including the 125 free).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub throughput_mibps: Option<Num>,
    /// Snapshot storage (standard tier), GB-month in total.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub snapshot_gb: Option<Num>,
}

fn one() -> Num {
    Num::Value(1.0)
}

/// S3 storage in one bucket or workload: GB per storage class, objects, requests.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct S3Storage {
    /// Storage class key (see `catalog::vocab::s3::CLASSES`).
    pub storage_class: String,
    /// Average GB stored over the month.
    pub storage_gb: Num,
    /// Number of objects stored (drives minimum object size, IT monitoring).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object_count: Option<Num>,
    /// Average object size in KB (alternative to `object_count`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avg_object_kb: Option<Num>,
    /// PUT, COPY, POST and LIST requests per month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub put_requests: Option<Num>,
    /// GET and all other requests per month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub get_requests: Option<Num>,
    /// Lifecycle transitions into this class per month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lifecycle_transitions: Option<Num>,
    /// Data retrieved per month, GB (classes with retrieval fees).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retrieval_gb: Option<Num>,
    /// Glacier Flexible Retrieval / Deep Archive: speed of retrievals.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retrieval_tier: Option<RetrievalTier>,
    /// Days objects are kept before deletion or transition (minimum storage duration applies).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retention_days: Option<Num>,
    /// Intelligent-Tiering: share of data in each access tier, percent (rest is Frequent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intelligent_tiering: Option<IntelligentTieringMix>,
}

/// Retrieval speed for Glacier Flexible Retrieval and Deep Archive (`retrieval_tier`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RetrievalTier {
    /// `expedited`: fastest, the highest price per GB.
    Expedited,
    /// `standard`: between the two in speed and price; the default when none is given.
    Standard,
    /// `bulk`: slowest, the lowest price per GB.
    Bulk,
}

/// Intelligent-Tiering: percent of the data in each access tier (each default 0); the rest
/// stays in Frequent Access. The shares may add up to at most 100.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IntelligentTieringMix {
    /// Percent of the data in the Infrequent Access tier.
    #[serde(default)]
    pub infrequent_pct: Num,
    /// Percent of the data in the Archive Instant Access tier.
    #[serde(default)]
    pub archive_instant_pct: Num,
    /// Percent of the data in the (opt-in) Archive Access tier.
    #[serde(default)]
    pub archive_pct: Num,
    /// Percent of the data in the (opt-in) Deep Archive Access tier.
    #[serde(default)]
    pub deep_archive_pct: Num,
}

/// An EFS file system.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EfsFileSystem {
    /// `standard` (Regional) or `onezone`.
    pub storage_class: String,
    /// Average GB stored over the month, all tiers together.
    pub storage_gb: Num,
    /// Share of data in the IA tier, percent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub infrequent_pct: Option<Num>,
    /// Share of data in the Archive tier, percent (Regional only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archive_pct: Option<Num>,
    /// Elastic throughput: GB read and written per month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub read_gb: Option<Num>,
    /// Elastic throughput: GB written per month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub write_gb: Option<Num>,
    /// Provisioned throughput, MiB/s.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provisioned_mibps: Option<Num>,
}

/// Data transfer out of a region.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DataTransfer {
    /// GB sent out to the internet per month (default 0).
    #[serde(default)]
    pub internet_out_gb: Num,
    /// GB received from the internet per month (default 0; AWS charges $0.00 for it).
    #[serde(default)]
    pub internet_in_gb: Num,
    /// GB crossing Availability Zones, counted once per direction as billed.
    #[serde(default)]
    pub inter_az_gb: Num,
    /// GB sent to other regions, by destination region.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub inter_region_gb: BTreeMap<String, Num>,
}

/// A Lambda function.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LambdaFunction {
    /// Invocations per month.
    pub requests_per_month: Num,
    /// Average duration of an invocation, milliseconds (billed per 1 ms).
    pub duration_ms: Num,
    /// Memory allocated to the function, MB (sets the GB-seconds billed).
    pub memory_mb: Num,
    /// Processor architecture: `x86_64` (the default) or `arm64` (Graviton, cheaper per GB-s).
    #[serde(default = "default_arch")]
    pub architecture: crate::catalog::Arch,
    /// Ephemeral storage, MB (512 included).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ephemeral_storage_mb: Option<Num>,
}

fn default_arch() -> crate::catalog::Arch {
    crate::catalog::Arch::X86_64
}

/// RDS database engine (`engine`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RdsEngine {
    /// `postgresql`: RDS for PostgreSQL.
    Postgresql,
    /// `mysql`: RDS for MySQL.
    Mysql,
}

impl RdsEngine {
    /// The JSON / CSV name (`postgresql`).
    pub fn as_str(self) -> &'static str {
        match self {
            RdsEngine::Postgresql => "postgresql",
            RdsEngine::Mysql => "mysql",
        }
    }
}

/// RDS storage type (`storage_type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RdsStorageType {
    /// `gp2`: General Purpose SSD gp2.
    Gp2,
    /// `gp3`: General Purpose SSD gp3, with a free IOPS / throughput baseline (3,000 IOPS and
    /// 125 MiB/s below 400 GB, 12,000 and 500 MiB/s from 400 GB).
    Gp3,
    /// `io1`: Provisioned IOPS SSD io1, every provisioned IOPS charged.
    Io1,
    /// `io2`: Provisioned IOPS SSD io2, every provisioned IOPS charged.
    Io2,
    /// `magnetic`: previous-generation magnetic storage.
    Magnetic,
}

impl RdsStorageType {
    /// The JSON / CSV name (`gp3`).
    pub fn as_str(self) -> &'static str {
        match self {
            RdsStorageType::Gp2 => "gp2",
            RdsStorageType::Gp3 => "gp3",
            RdsStorageType::Io1 => "io1",
            RdsStorageType::Io2 => "io2",
            RdsStorageType::Magnetic => "magnetic",
        }
    }
}

/// An RDS database instance (or several identical ones).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RdsDatabase {
    /// Database engine: `postgresql` or `mysql`.
    pub engine: RdsEngine,
    /// DB instance class (`db.r6g.large`), looked up in the price catalogue.
    pub instance_class: String,
    /// Multi-AZ deployment (with a standby, priced separately); default `false`.
    #[serde(default)]
    pub multi_az: bool,
    /// Number of identical DB instances (default 1).
    #[serde(default = "one")]
    pub count: Num,
    /// Hours each instance runs per month (default 730); Reserved instances are billed all 730.
    #[serde(default = "default_730")]
    pub hours_per_month: Num,
    /// Storage type: `gp2`, `gp3`, `io1`, `io2` or `magnetic`.
    pub storage_type: RdsStorageType,
    /// Provisioned storage per instance, GB.
    pub storage_gb: Num,
    /// Provisioned IOPS per instance, total including the gp3 baseline (gp3, io1, io2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iops: Option<Num>,
    /// Provisioned throughput per instance, MiB/s, total including the gp3 baseline (gp3 only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub throughput_mibps: Option<Num>,
    /// Backup storage beyond the free allowance (equal to provisioned storage), GB-month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backup_gb: Option<Num>,
    /// How the instances are bought (default On-Demand; Spot is refused).
    #[serde(default)]
    pub purchase: PurchaseOption,
}

/// DynamoDB capacity mode (`mode`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DynamodbMode {
    /// `on_demand`: pay per read and write request unit.
    OnDemand,
    /// `provisioned`: pay per read and write capacity unit held, by the hour.
    Provisioned,
}

/// A DynamoDB table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DynamodbTable {
    /// Capacity mode: `on_demand` or `provisioned`.
    pub mode: DynamodbMode,
    /// `standard` or `standard_ia`.
    #[serde(default = "default_table_class")]
    pub table_class: String,
    /// On-demand: request units per month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub write_request_units: Option<Num>,
    /// On-demand: read request units per month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub read_request_units: Option<Num>,
    /// Provisioned: capacity units held all month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub write_capacity_units: Option<Num>,
    /// Provisioned: read capacity units held all month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub read_capacity_units: Option<Num>,
    /// Average GB stored in the table over the month.
    pub storage_gb: Num,
}

fn default_table_class() -> String {
    "standard".to_string()
}

/// NAT gateways.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NatGateway {
    /// Number of NAT gateways.
    pub count: Num,
    /// Hours each gateway runs per month (default 730).
    #[serde(default = "default_730")]
    pub hours_per_month: Num,
    /// GB processed by all the gateways per month (data transfer is priced by its own items).
    pub data_processed_gb: Num,
}

/// Kind of Elastic Load Balancer (`lb_type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LoadBalancerType {
    /// `alb`: Application Load Balancer, billed per hour and LCU-hour.
    Alb,
    /// `nlb`: Network Load Balancer, billed per hour and NLCU-hour.
    Nlb,
}

/// Application or Network Load Balancers and the traffic that drives their LCUs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LoadBalancer {
    /// Load balancer kind: `alb` or `nlb`.
    pub lb_type: LoadBalancerType,
    /// Number of load balancers.
    pub count: Num,
    /// Hours each load balancer runs per month (default 730).
    #[serde(default = "default_730")]
    pub hours_per_month: Num,
    /// Data processed per month, GB (all LBs together).
    pub processed_gb: Num,
    /// Average new connections (ALB) or flows (NLB) per second, per LB.
    pub new_connections_per_sec: Num,
    /// Average active connections (ALB, per minute) or flows (NLB, per minute), per LB.
    pub active_connections: Num,
    /// ALB: rule evaluations per second, per LB (ignored for NLB).
    #[serde(default)]
    pub rule_evaluations_per_sec: Num,
}

/// Public IPv4 addresses.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PublicIpv4 {
    /// Addresses attached to a resource, billed per hour (default 0).
    #[serde(default)]
    pub in_use: Num,
    /// Addresses allocated but not attached, billed per hour (default 0).
    #[serde(default)]
    pub idle: Num,
    /// Hours each address is held per month (default 730).
    #[serde(default = "default_730")]
    pub hours_per_month: Num,
}

/// Amazon EKS clusters: each cluster is billed per hour (aws.amazon.com/eks/pricing), and a
/// cluster whose Kubernetes version is in extended support costs "an additional cost per cluster
/// hour" (EKS user guide, Kubernetes version lifecycle).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EksCluster {
    /// Number of clusters.
    pub count: Num,
    /// Hours each cluster runs per month (default 730).
    #[serde(default = "default_730")]
    pub hours_per_month: Num,
    /// The clusters run a Kubernetes version in extended support (default false: standard).
    #[serde(default)]
    pub extended_support: bool,
}

/// Operating system and CPU of Fargate tasks (`platform`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FargatePlatform {
    /// `linux_x86`: Linux on x86 (default).
    #[default]
    LinuxX86,
    /// `linux_arm64`: Linux on AWS Graviton.
    LinuxArm64,
    /// `windows_x86`: Windows Server on x86 (plus the OS licence per vCPU-hour).
    WindowsX86,
}

/// Which orchestrator runs the Fargate tasks (`orchestrator`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FargateOrchestrator {
    /// `ecs`: Amazon ECS tasks (default).
    #[default]
    Ecs,
    /// `eks`: Amazon EKS pods on Fargate.
    Eks,
}

/// AWS Fargate: `count` tasks running `hours_per_month` hours, each with `vcpu` vCPU and
/// `memory_gb` GB, billed per vCPU-hour and GB-hour (aws.amazon.com/fargate/pricing); Windows adds
/// an OS licence fee per vCPU-hour; ephemeral storage above the 20 GB every task gets is billed
/// per GB-hour; `spot_pct` of the task-hours run on Fargate Spot (ECS only).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FargateTasks {
    /// Average number of running tasks (or pods).
    pub count: Num,
    /// vCPU per task (0.25 … 16).
    pub vcpu: Num,
    /// Memory per task, GB.
    pub memory_gb: Num,
    /// Hours the tasks run per month (default 730).
    #[serde(default = "default_730")]
    pub hours_per_month: Num,
    /// Operating system and CPU (default `linux_x86`).
    #[serde(default)]
    pub platform: FargatePlatform,
    /// ECS or EKS (default `ecs`).
    #[serde(default)]
    pub orchestrator: FargateOrchestrator,
    /// Ephemeral storage per task, GB (default 20, the amount included).
    #[serde(default = "default_20")]
    pub ephemeral_storage_gb: Num,
    /// Percentage of the task-hours on Fargate Spot (default 0).
    #[serde(default)]
    pub spot_pct: Num,
}

fn default_20() -> Num {
    Num::Value(20.0)
}

/// A fixed line the catalogue does not price (support plan, licence, marketplace …).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CustomLine {
    /// Recurring amount per month, USD.
    pub monthly_usd: Num,
    /// One-time amount, USD (default 0), charged in the item's first billed month.
    #[serde(default)]
    pub upfront_usd: Num,
    /// Where the figure comes from (quote, invoice …).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}
