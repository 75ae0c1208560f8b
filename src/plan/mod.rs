//! The user's document: a [`Plan`] of priced [`Item`]s, its parameters and groups.
//!
//! A plan is saved as versioned JSON (`*.cloudplan.json`, see [`file`]); its items also
//! round-trip through CSV for spreadsheets (see [`items_csv`]). Numeric fields are [`Num`]s:
//! a plain number or a formula over the plan's parameters, evaluated by [`formula`].

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

/// Current plan file schema version. Files with a newer version are refused.
pub const SCHEMA_VERSION: u32 = 1;

/// A number, or a formula over the plan's parameters (`users * 0.002`, `ceil(peak_rps / 120)`).
/// In JSON a number is written as a number and a formula as a string.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Num {
    Value(f64),
    Formula(String),
}

impl Num {
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
    pub name: String,
    pub value: Num,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
}

/// A named group of items (tier of an application, team, environment …).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
}

/// The whole document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    pub schema_version: u32,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    pub default_region: String,
    /// First month of the plan, `YYYY-MM`.
    pub start_month: String,
    pub horizon_months: u32,
    #[serde(default)]
    pub free_tier: bool,
    #[serde(default)]
    pub tier_mode: TierMode,
    #[serde(default)]
    pub parameters: Vec<Parameter>,
    #[serde(default)]
    pub groups: Vec<Group>,
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
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub group: String,
    /// Cost-allocation tags, `key → value`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub tags: BTreeMap<String, String>,
    /// Region; the plan's default region when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    pub resource: Resource,
}

impl Plan {
    /// The first day of the plan's start month (`start_month` is `YYYY-MM`), or why not.
    pub fn start_date(&self) -> Result<chrono::NaiveDate, chrono::ParseError> {
        chrono::NaiveDate::parse_from_str(&format!("{}-01", self.start_month), "%Y-%m-%d")
    }
}

impl Item {
    pub fn region<'a>(&'a self, plan: &'a Plan) -> &'a str {
        self.region.as_deref().unwrap_or(&plan.default_region)
    }
}

/// What is being priced. Serialized with a `kind` tag (`{"kind": "ec2", …}`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Resource {
    Ec2(Ec2Fleet),
    Ebs(EbsVolumes),
    S3(S3Storage),
    Efs(EfsFileSystem),
    DataTransfer(DataTransfer),
    Lambda(LambdaFunction),
    Rds(RdsDatabase),
    Dynamodb(DynamodbTable),
    NatGateway(NatGateway),
    LoadBalancer(LoadBalancer),
    PublicIpv4(PublicIpv4),
    Custom(CustomLine),
    /// An EC2 Auto Scaling group, priced by simulation ([`crate::scaling`]).
    ScalingGroup(crate::scaling::GroupSpec),
}

impl Resource {
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
            Resource::Custom(_) => Service::Custom,
            Resource::ScalingGroup(_) => Service::Ec2,
        }
    }
}

/// How capacity is bought.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum PurchaseOption {
    #[default]
    OnDemand,
    Spot,
    Reserved {
        class: OfferingClass,
        term: Term,
        payment: Payment,
    },
    /// Compute or EC2 Instance Savings Plan (priced once the catalogue carries SP rates).
    SavingsPlan {
        plan: SavingsPlanKind,
        term: Term,
        payment: Payment,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SavingsPlanKind {
    Compute,
    Ec2Instance,
}

/// Running time of an EC2 fleet, as the AWS Pricing Calculator models it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "pattern", rename_all = "snake_case", deny_unknown_fields)]
pub enum Usage {
    /// `count` instances for `hours_per_month` hours (730 = always on).
    Constant { hours_per_month: Num },
    /// `baseline` instances always, `peak` during `peak_hours` hours on the chosen days
    /// (`daily`: every day; `weekly`: the listed weekdays; `monthly`: `days_per_month` days).
    Spike {
        period: SpikePeriod,
        baseline: Num,
        peak: Num,
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SpikePeriod {
    Daily,
    Weekly,
    Monthly,
}

fn default_730() -> Num {
    Num::Value(730.0)
}

/// A fleet of identical EC2 instances (Linux, shared tenancy).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ec2Fleet {
    pub instance_type: String,
    /// Number of instances (constant usage) — spike patterns carry their own counts.
    pub count: Num,
    #[serde(default)]
    pub usage: Usage,
    #[serde(default)]
    pub purchase: PurchaseOption,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EbsVolumeType {
    Gp2,
    Gp3,
    Io1,
    Io2,
    St1,
    Sc1,
    Standard,
}

impl EbsVolumeType {
    pub const ALL: [EbsVolumeType; 7] = [
        EbsVolumeType::Gp2,
        EbsVolumeType::Gp3,
        EbsVolumeType::Io1,
        EbsVolumeType::Io2,
        EbsVolumeType::St1,
        EbsVolumeType::Sc1,
        EbsVolumeType::Standard,
    ];
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
    pub volume_type: EbsVolumeType,
    pub size_gb: Num,
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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub put_requests: Option<Num>,
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RetrievalTier {
    Expedited,
    Standard,
    Bulk,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IntelligentTieringMix {
    #[serde(default)]
    pub infrequent_pct: Num,
    #[serde(default)]
    pub archive_instant_pct: Num,
    #[serde(default)]
    pub archive_pct: Num,
    #[serde(default)]
    pub deep_archive_pct: Num,
}

/// An EFS file system.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EfsFileSystem {
    /// `standard` (Regional) or `onezone`.
    pub storage_class: String,
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
    #[serde(default)]
    pub internet_out_gb: Num,
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
    pub requests_per_month: Num,
    pub duration_ms: Num,
    pub memory_mb: Num,
    #[serde(default = "default_arch")]
    pub architecture: crate::catalog::Arch,
    /// Ephemeral storage, MB (512 included).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ephemeral_storage_mb: Option<Num>,
}

fn default_arch() -> crate::catalog::Arch {
    crate::catalog::Arch::X86_64
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RdsEngine {
    Postgresql,
    Mysql,
}

impl RdsEngine {
    pub fn as_str(self) -> &'static str {
        match self {
            RdsEngine::Postgresql => "postgresql",
            RdsEngine::Mysql => "mysql",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RdsStorageType {
    Gp2,
    Gp3,
    Io1,
    Io2,
    Magnetic,
}

impl RdsStorageType {
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
    pub engine: RdsEngine,
    pub instance_class: String,
    #[serde(default)]
    pub multi_az: bool,
    #[serde(default = "one")]
    pub count: Num,
    #[serde(default = "default_730")]
    pub hours_per_month: Num,
    pub storage_type: RdsStorageType,
    pub storage_gb: Num,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iops: Option<Num>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub throughput_mibps: Option<Num>,
    /// Backup storage beyond the free allowance (equal to provisioned storage), GB-month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backup_gb: Option<Num>,
    #[serde(default)]
    pub purchase: PurchaseOption,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DynamodbMode {
    OnDemand,
    Provisioned,
}

/// A DynamoDB table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DynamodbTable {
    pub mode: DynamodbMode,
    /// `standard` or `standard_ia`.
    #[serde(default = "default_table_class")]
    pub table_class: String,
    /// On-demand: request units per month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub write_request_units: Option<Num>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub read_request_units: Option<Num>,
    /// Provisioned: capacity units held all month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub write_capacity_units: Option<Num>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub read_capacity_units: Option<Num>,
    pub storage_gb: Num,
}

fn default_table_class() -> String {
    "standard".to_string()
}

/// NAT gateways.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NatGateway {
    pub count: Num,
    #[serde(default = "default_730")]
    pub hours_per_month: Num,
    pub data_processed_gb: Num,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LoadBalancerType {
    Alb,
    Nlb,
}

/// Application or Network Load Balancers and the traffic that drives their LCUs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LoadBalancer {
    pub lb_type: LoadBalancerType,
    pub count: Num,
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
    #[serde(default)]
    pub in_use: Num,
    #[serde(default)]
    pub idle: Num,
    #[serde(default = "default_730")]
    pub hours_per_month: Num,
}

/// A fixed line the catalogue does not price (support plan, licence, marketplace …).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CustomLine {
    pub monthly_usd: Num,
    #[serde(default)]
    pub upfront_usd: Num,
    /// Where the figure comes from (quote, invoice …).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}
