//! Mapping AWS offer-file products onto cloudplan's catalogue vocabulary.
//!
//! [`classify`] looks at a product's attributes (the same for CSV and JSON: the CSV's
//! title-case column labels and the JSON's camel-case attribute keys are compared in a
//! normalised form, see [`canonical`]) and says which catalogue price it is —
//! region × service × product × dimension — or why it is skipped. It never guesses: anything
//! outside the tables below is a skip reason that the import summary counts.

use crate::catalog::{Arch, InstanceSpec, vocab};

/// Product attributes the importer reads. The CSV header label and the JSON attribute key of
/// each normalise (lower case, letters and digits only) to [`Attr::canonical`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attr {
    /// `productFamily`, e.g. `Compute Instance`, `Storage`, `Data Transfer`, `Database Instance`.
    ProductFamily,
    /// `regionCode`: AWS region code, e.g. `us-east-1` (absent from older files).
    RegionCode,
    /// `location`: AWS location name (`US East (N. Virginia)`), used without `regionCode`.
    Location,
    /// `instanceType`: EC2 instance type or RDS instance class, e.g. `m5.large`, `db.m5.large`.
    InstanceType,
    /// `vcpu`: number of vCPUs of an EC2 instance type.
    Vcpu,
    /// `memory`: memory of an EC2 instance type, e.g. `8 GiB`.
    Memory,
    /// `processorArchitecture`: `64-bit` (x86_64) or `arm64` (AWS Graviton).
    ProcessorArchitecture,
    /// `tenancy`: only `Shared` EC2 instances are imported.
    Tenancy,
    /// `operatingSystem`: only `Linux` EC2 instances are imported.
    OperatingSystem,
    /// `preInstalledSw`: only instances without pre-installed software (`NA`) are imported.
    PreInstalledSw,
    /// `capacitystatus`: only `Used` (not reservation or dedicated-host capacity) is imported.
    CapacityStatus,
    /// `licenseModel`: only `No License required` is imported.
    LicenseModel,
    /// `marketoption`: only `OnDemand` instance products are imported.
    MarketOption,
    /// `operation`: only `RunInstances` (plain Linux) instance products are imported.
    Operation,
    /// `usagetype`, e.g. `BoxUsage:m5.large` or `EUW1-TimedStorage-ByteHrs`.
    UsageType,
    /// `volumeApiName`: EBS volume type (`gp2`, `gp3`, `io1` …).
    VolumeApiName,
    /// `volumeType`: RDS storage type (`General Purpose-GP3` …) or S3 storage class label.
    VolumeType,
    /// `databaseEngine`: only `PostgreSQL` and `MySQL` (or `Any` for storage) are imported.
    DatabaseEngine,
    /// `deploymentOption`: RDS `Single-AZ` or `Multi-AZ`.
    DeploymentOption,
    /// `transferType`: `AWS Outbound`, `AWS Inbound`, `IntraRegion` or `InterRegion Outbound`.
    TransferType,
    /// `fromRegionCode`: source region of a data transfer.
    FromRegionCode,
    /// `toRegionCode`: destination region of a data transfer.
    ToRegionCode,
}

impl Attr {
    /// Every attribute the importer reads, in [`Attr`] index order.
    pub const ALL: [Attr; 22] = [
        Attr::ProductFamily,
        Attr::RegionCode,
        Attr::Location,
        Attr::InstanceType,
        Attr::Vcpu,
        Attr::Memory,
        Attr::ProcessorArchitecture,
        Attr::Tenancy,
        Attr::OperatingSystem,
        Attr::PreInstalledSw,
        Attr::CapacityStatus,
        Attr::LicenseModel,
        Attr::MarketOption,
        Attr::Operation,
        Attr::UsageType,
        Attr::VolumeApiName,
        Attr::VolumeType,
        Attr::DatabaseEngine,
        Attr::DeploymentOption,
        Attr::TransferType,
        Attr::FromRegionCode,
        Attr::ToRegionCode,
    ];
    /// Number of attributes the importer reads (length of [`Attrs::values`]).
    pub const COUNT: usize = Self::ALL.len();

    /// Normalised name: CSV `Pre Installed S/W` and JSON `preInstalledSw` → `preinstalledsw`.
    pub fn canonical(self) -> &'static str {
        match self {
            Attr::ProductFamily => "productfamily",
            Attr::RegionCode => "regioncode",
            Attr::Location => "location",
            Attr::InstanceType => "instancetype",
            Attr::Vcpu => "vcpu",
            Attr::Memory => "memory",
            Attr::ProcessorArchitecture => "processorarchitecture",
            Attr::Tenancy => "tenancy",
            Attr::OperatingSystem => "operatingsystem",
            Attr::PreInstalledSw => "preinstalledsw",
            Attr::CapacityStatus => "capacitystatus",
            Attr::LicenseModel => "licensemodel",
            Attr::MarketOption => "marketoption",
            Attr::Operation => "operation",
            Attr::UsageType => "usagetype",
            Attr::VolumeApiName => "volumeapiname",
            Attr::VolumeType => "volumetype",
            Attr::DatabaseEngine => "databaseengine",
            Attr::DeploymentOption => "deploymentoption",
            Attr::TransferType => "transfertype",
            Attr::FromRegionCode => "fromregioncode",
            Attr::ToRegionCode => "toregioncode",
        }
    }

    /// The attribute a header label / JSON key names, if the importer reads it.
    pub fn from_name(name: &str) -> Option<Attr> {
        let c = canonical(name);
        Attr::ALL.into_iter().find(|a| a.canonical() == c)
    }
}

/// Lower-case ASCII letters and digits of `name` (`Pre Installed S/W` → `preinstalledsw`).
pub fn canonical(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// A product's attribute values, indexed by [`Attr`] (empty when absent).
#[derive(Debug, Clone, Copy)]
pub struct Attrs<'a> {
    /// Attribute values indexed by `Attr as usize`; `""` when the product lacks one.
    pub values: [&'a str; Attr::COUNT],
}

impl<'a> Default for Attrs<'a> {
    fn default() -> Self {
        Attrs {
            values: [""; Attr::COUNT],
        }
    }
}

impl<'a> Attrs<'a> {
    /// The value of attribute `a` (`""` when absent).
    pub fn get(&self, a: Attr) -> &'a str {
        self.values[a as usize]
    }
    /// Record the value of attribute `a`.
    pub fn set(&mut self, a: Attr, v: &'a str) {
        self.values[a as usize] = v;
    }
}

/// Where one offer product lands in the catalogue.
#[derive(Debug, Clone, PartialEq)]
pub struct ProductMap {
    /// AWS region code, e.g. `us-east-1`.
    pub region: String,
    /// cloudplan service identifier (`ec2`, `ebs`, `rds` …).
    pub service: &'static str,
    /// Catalogue product key, e.g. `m5.large`, `gp3`, `postgresql:single_az:db.m5.large`.
    pub product: String,
    /// Catalogue dimension key, e.g. `instance_hours`, `storage`, `iops`.
    pub dimension: &'static str,
    /// Reserved terms are imported (EC2 and RDS instances only).
    pub reserved_ok: bool,
    /// A unit conversion: divide the price by `divisor`, new unit label, note.
    pub conversion: Option<(f64, &'static str, &'static str)>,
    /// EC2 instance specification read from the same product.
    pub instance: Option<InstanceSpec>,
}

impl ProductMap {
    /// Apply the conversion (if any) to a price: (usd text, unit, note).
    pub fn convert(&self, usd_text: &str, usd: f64, unit: &str) -> (String, String, String) {
        match self.conversion {
            Some((div, new_unit, note)) => (format!("{}", usd / div), new_unit.into(), note.into()),
            None => (
                usd_text.trim().to_string(),
                self.unit_label(unit),
                String::new(),
            ),
        }
    }
    /// The unit label written to the catalogue for the offer file's `unit` (currently unchanged).
    pub fn unit_label(&self, unit: &str) -> String {
        unit.to_string()
    }
}

/// Why a product is not imported (a static label, counted in the summary).
pub type Skip = &'static str;

/// Classify one product of offer `offer_code`.
pub fn classify(offer_code: &str, a: &Attrs<'_>) -> Result<ProductMap, Skip> {
    let family = a.get(Attr::ProductFamily);
    let usage = strip_region_prefix(a.get(Attr::UsageType));
    // Data transfer appears in AmazonEC2, AWSDataTransfer, AmazonS3 … with the same shape.
    if family == "Data Transfer" {
        return data_transfer(a);
    }
    if let Some(p) = usage.strip_prefix("PublicIPv4:") {
        let product = match p {
            "InUseAddress" => "in_use",
            "IdleAddress" => "idle",
            _ => return Err("public IPv4 item not in the catalogue vocabulary"),
        };
        return simple(a, "public_ipv4", product, vocab::public_ipv4::HOURS);
    }
    match offer_code {
        "AmazonEC2" => ec2(a, family, usage),
        "AmazonS3" | "AmazonS3GlacierDeepArchive" => s3(a, family, usage),
        "AmazonRDS" => rds(a, family, usage),
        "AWSLambda" => lambda(a, usage),
        "AmazonDynamoDB" => dynamodb(a, usage),
        "AmazonEFS" => efs(a, usage),
        "AWSDataTransfer" | "AmazonVPC" => Err("product family not in the catalogue vocabulary"),
        _ => Err("offer code not supported by the importer"),
    }
}

/// `USE2-EBS:VolumeUsage.gp3` → `EBS:VolumeUsage.gp3`. Region prefixes are upper-case letters
/// followed by digits (`USE2`, `APN2`, `EUW1`), or `EU` (eu-west-1); us-east-1 has none.
pub fn strip_region_prefix(usage: &str) -> &str {
    if let Some((head, rest)) = usage.split_once('-') {
        let letters = head.trim_end_matches(|c: char| c.is_ascii_digit());
        let is_prefix = head == "EU"
            || (letters.len() >= 2
                && letters.len() < head.len()
                && letters.chars().all(|c| c.is_ascii_uppercase()));
        if is_prefix {
            return rest;
        }
    }
    usage
}

fn region(a: &Attrs<'_>) -> Result<String, Skip> {
    let code = a.get(Attr::RegionCode);
    if !code.is_empty() {
        return Ok(code.to_string());
    }
    region_of_location(a.get(Attr::Location))
        .map(str::to_string)
        .ok_or("no region code (and a location name the importer does not know)")
}

/// Region codes of AWS location names, for older offer files without a `Region Code`
/// column (names as in AWS's files, e.g. `US East (N. Virginia)`, `EU (Ireland)`): the
/// embedded catalogue's `regions.csv`, the one table of region names.
pub fn region_of_location(location: &str) -> Option<&'static str> {
    crate::catalog::load::embedded().region_of_name(location)
}

fn simple(
    a: &Attrs<'_>,
    service: &'static str,
    product: &str,
    dimension: &'static str,
) -> Result<ProductMap, Skip> {
    Ok(ProductMap {
        region: region(a)?,
        service,
        product: product.to_string(),
        dimension,
        reserved_ok: false,
        conversion: None,
        instance: None,
    })
}

fn ec2(a: &Attrs<'_>, family: &str, usage: &str) -> Result<ProductMap, Skip> {
    match family {
        "Compute Instance" => ec2_instance(a),
        "Storage" => {
            let t = a.get(Attr::VolumeApiName);
            if !["gp2", "gp3", "io1", "io2", "st1", "sc1", "standard"].contains(&t) {
                return Err("EBS: volume type not in the catalogue vocabulary");
            }
            simple(a, "ebs", t, vocab::ebs::STORAGE)
        }
        "Storage Snapshot" => match usage {
            "EBS:SnapshotUsage" => simple(a, "ebs", "snapshot", vocab::ebs::STORAGE),
            "EBS:SnapshotArchiveStorage" => {
                simple(a, "ebs", "snapshot_archive", vocab::ebs::STORAGE)
            }
            _ => Err("EBS: snapshot item not in the catalogue vocabulary"),
        },
        "System Operation" | "Provisioned Throughput" => match usage {
            "EBS:VolumeP-IOPS.gp3" => simple(a, "ebs", "gp3", vocab::ebs::IOPS),
            "EBS:VolumeP-IOPS.piops" => simple(a, "ebs", "io1", vocab::ebs::IOPS),
            "EBS:VolumeIOUsage" => simple(a, "ebs", "standard", vocab::ebs::IO_REQUESTS),
            "EBS:VolumeP-Throughput.gp3" => {
                let mut m = simple(a, "ebs", "gp3", vocab::ebs::THROUGHPUT)?;
                m.conversion = Some((
                    1024.0,
                    "MiBps-month",
                    "converted from the file's USD per GiBps-month (÷ 1024)",
                ));
                Ok(m)
            }
            u if u.starts_with("EBS:VolumeP-IOPS.io2") => {
                Err("EBS io2 IOPS: the per-volume tier boundaries are not in offer files")
            }
            _ => Err("EC2: system operation not in the catalogue vocabulary"),
        },
        "NAT Gateway" => match usage {
            "NatGateway-Hours" => simple(a, "nat_gateway", "nat_gateway", "hours"),
            "NatGateway-Bytes" => simple(a, "nat_gateway", "nat_gateway", "data_processed"),
            _ => Err("NAT gateway item not in the catalogue vocabulary"),
        },
        _ => Err("EC2: product family not in the catalogue vocabulary"),
    }
}

/// Linux, shared tenancy, no pre-installed software, capacity status Used, RunInstances.
fn ec2_instance(a: &Attrs<'_>) -> Result<ProductMap, Skip> {
    if a.get(Attr::OperatingSystem) != "Linux" {
        return Err("EC2: operating system other than Linux");
    }
    if a.get(Attr::Tenancy) != "Shared" {
        return Err("EC2: tenancy other than Shared");
    }
    if !matches!(a.get(Attr::PreInstalledSw), "" | "NA") {
        return Err("EC2: pre-installed software");
    }
    if !matches!(a.get(Attr::CapacityStatus), "" | "Used") {
        return Err("EC2: capacity status other than Used (reservation rows)");
    }
    if !matches!(a.get(Attr::LicenseModel), "" | "No License required") {
        return Err("EC2: licence model other than No License required");
    }
    if !matches!(a.get(Attr::MarketOption), "" | "OnDemand") {
        return Err("EC2: market option other than OnDemand");
    }
    if !matches!(a.get(Attr::Operation), "" | "RunInstances") {
        return Err("EC2: operation other than RunInstances");
    }
    let it = a.get(Attr::InstanceType);
    if it.is_empty() {
        return Err("EC2: compute instance without an instance type");
    }
    let mut m = simple(a, "ec2", it, vocab::ec2::INSTANCE_HOURS)?;
    m.reserved_ok = true;
    m.instance = instance_spec(a);
    Ok(m)
}

/// vCPU, memory (`8 GiB`) and architecture (`64-bit` → x86_64, `arm64`); `None` when any is
/// missing or unreadable (the rate is still imported).
fn instance_spec(a: &Attrs<'_>) -> Option<InstanceSpec> {
    let it = a.get(Attr::InstanceType);
    let vcpu: u32 = a.get(Attr::Vcpu).trim().parse().ok()?;
    let mem = a.get(Attr::Memory).trim();
    let memory_gib: f64 = mem
        .strip_suffix("GiB")
        .unwrap_or(mem)
        .trim()
        .replace(',', "")
        .parse()
        .ok()?;
    let architecture = match a.get(Attr::ProcessorArchitecture) {
        "64-bit" => Arch::X86_64,
        "arm64" => Arch::Arm64,
        _ => return None,
    };
    Some(InstanceSpec {
        instance_type: it.to_string(),
        family: it.split('.').next().unwrap_or(it).to_string(),
        vcpu,
        memory_gib,
        architecture,
        source: String::new(),
    })
}

fn data_transfer(a: &Attrs<'_>) -> Result<ProductMap, Skip> {
    let from = a.get(Attr::FromRegionCode);
    let to = a.get(Attr::ToRegionCode);
    let (region, product) = match a.get(Attr::TransferType) {
        "AWS Outbound" => (from, vocab::data_transfer::INTERNET_OUT.to_string()),
        "AWS Inbound" => (to, vocab::data_transfer::INTERNET_IN.to_string()),
        "IntraRegion" => (from, vocab::data_transfer::INTER_AZ.to_string()),
        "InterRegion Outbound" if !to.is_empty() => (
            from,
            format!("{}{to}", vocab::data_transfer::INTER_REGION_PREFIX),
        ),
        _ => return Err("data transfer type not in the catalogue vocabulary"),
    };
    if region.is_empty() {
        return Err("data transfer without a region code");
    }
    Ok(ProductMap {
        region: region.to_string(),
        service: "data_transfer",
        product,
        dimension: vocab::data_transfer::GB,
        reserved_ok: false,
        conversion: None,
        instance: None,
    })
}

/// S3 prices are recognised by **usage type**, not by `productFamily`/`volumeType`: in the
/// real AmazonS3 offer file most products carry no `productFamily` (315 of 381 in the
/// us-east-1 file of 2026-07-28), the Intelligent-Tiering archive tiers are spelled
/// `IntelligentTieringArchiveAccess` / `IntelligentTieringDeepArchiveAccess`, and the only
/// `volumeType = Glacier Deep Archive` product in AmazonS3 is the **staging** rate
/// `TimedStorage-GDA-Staging` ($0.021/GB-Mo, 21× the Deep Archive rate, which is
/// `TimedStorage-GDA-ByteHrs` in the separate AmazonS3GlacierDeepArchive offer). Usage-type
/// ↔ class pairs as in AWS's S3 usage-type docs and the offer files (see
/// tests/fixtures/offers/README.md).
fn s3(a: &Attrs<'_>, _family: &str, usage: &str) -> Result<ProductMap, Skip> {
    use vocab::s3 as v;
    let (class, dim) = match usage {
        "TimedStorage-ByteHrs" => ("standard", v::STORAGE),
        "TimedStorage-INT-FA-ByteHrs" => ("intelligent_tiering", v::STORAGE),
        "TimedStorage-INT-IA-ByteHrs" => ("intelligent_tiering", v::STORAGE_INFREQUENT),
        "TimedStorage-INT-AIA-ByteHrs" => ("intelligent_tiering", v::STORAGE_ARCHIVE_INSTANT),
        "TimedStorage-INT-AA-ByteHrs" => ("intelligent_tiering", v::STORAGE_ARCHIVE),
        "TimedStorage-INT-DAA-ByteHrs" => ("intelligent_tiering", v::STORAGE_DEEP_ARCHIVE),
        "TimedStorage-SIA-ByteHrs" => ("standard_ia", v::STORAGE),
        "TimedStorage-ZIA-ByteHrs" => ("onezone_ia", v::STORAGE),
        "TimedStorage-GIR-ByteHrs" => ("glacier_ir", v::STORAGE),
        "TimedStorage-GlacierByteHrs" => ("glacier_flexible", v::STORAGE),
        "TimedStorage-GDA-ByteHrs" => ("deep_archive", v::STORAGE),
        "Requests-Tier1" => ("standard", v::PUT_REQUESTS),
        "Requests-Tier2" => ("standard", v::GET_REQUESTS),
        "Requests-SIA-Tier1" => ("standard_ia", v::PUT_REQUESTS),
        "Requests-SIA-Tier2" => ("standard_ia", v::GET_REQUESTS),
        "Requests-ZIA-Tier1" => ("onezone_ia", v::PUT_REQUESTS),
        "Requests-ZIA-Tier2" => ("onezone_ia", v::GET_REQUESTS),
        "Requests-INT-Tier1" => ("intelligent_tiering", v::PUT_REQUESTS),
        "Requests-INT-Tier2" => ("intelligent_tiering", v::GET_REQUESTS),
        u if u.starts_with("TimedStorage-") => {
            return Err(
                "S3: storage item not in the catalogue vocabulary (staging, small-object \
                        overhead, Reduced Redundancy, Express One Zone …)",
            );
        }
        u if u.starts_with("Requests-") => {
            return Err("S3: request type not in the catalogue vocabulary");
        }
        _ => return Err("S3: usage type not in the catalogue vocabulary"),
    };
    simple(a, "s3", class, dim)
}

fn deployment(a: &Attrs<'_>) -> Result<&'static str, Skip> {
    match a.get(Attr::DeploymentOption) {
        "Single-AZ" => Ok("single_az"),
        "Multi-AZ" => Ok("multi_az"),
        _ => Err("RDS: deployment option other than Single-AZ/Multi-AZ"),
    }
}

fn rds(a: &Attrs<'_>, family: &str, usage: &str) -> Result<ProductMap, Skip> {
    let engine = match a.get(Attr::DatabaseEngine) {
        "PostgreSQL" => "postgresql",
        "MySQL" => "mysql",
        "Any" | "" if family != "Database Instance" => "any",
        _ => return Err("RDS: database engine other than PostgreSQL/MySQL"),
    };
    match family {
        "Database Instance" => {
            let class = a.get(Attr::InstanceType);
            if class.is_empty() {
                return Err("RDS: database instance without an instance class");
            }
            let product = format!("{engine}:{}:{class}", deployment(a)?);
            let mut m = simple(a, "rds", &product, vocab::rds::INSTANCE_HOURS)?;
            m.reserved_ok = true;
            Ok(m)
        }
        "Database Storage" => {
            let t = match a.get(Attr::VolumeType) {
                "General Purpose" => "gp2",
                "General Purpose-GP3" => "gp3",
                "Provisioned IOPS" => "io1",
                "Provisioned IOPS-IO2" => "io2",
                "Magnetic" => "magnetic",
                _ => return Err("RDS: storage type not in the catalogue vocabulary"),
            };
            let product = format!("{t}:{}", deployment(a)?);
            simple(a, "rds", &product, vocab::rds::STORAGE)
        }
        "Storage Snapshot" if usage.ends_with("ChargedBackupUsage") => {
            simple(a, "rds", vocab::rds::BACKUP_PRODUCT, vocab::rds::STORAGE)
        }
        _ => Err("RDS: product family not in the catalogue vocabulary"),
    }
}

fn lambda(a: &Attrs<'_>, usage: &str) -> Result<ProductMap, Skip> {
    use vocab::lambda as v;
    let (base, arch) = match usage.strip_suffix("-ARM") {
        Some(b) => (b, "arm64"),
        None => (usage, "x86_64"),
    };
    let dim = match base {
        "Request" => v::REQUESTS,
        "Lambda-GB-Second" => v::DURATION,
        "Lambda-Storage-GB-Second" => v::EPHEMERAL_STORAGE,
        "Lambda-Provisioned-Concurrency" => v::PROVISIONED_CONCURRENCY,
        "Lambda-Provisioned-GB-Second" => v::PROVISIONED_DURATION,
        _ => return Err("Lambda: usage type not in the catalogue vocabulary"),
    };
    simple(a, "lambda", arch, dim)
}

fn dynamodb(a: &Attrs<'_>, usage: &str) -> Result<ProductMap, Skip> {
    use vocab::dynamodb as v;
    let (base, class) = match usage.strip_prefix("IA-") {
        Some(b) => (b, "standard_ia"),
        None => (usage, "standard"),
    };
    let (product, dim) = match base {
        "ReadRequestUnits" => (class, v::READ_REQUEST_UNITS),
        "WriteRequestUnits" => (class, v::WRITE_REQUEST_UNITS),
        "ReadCapacityUnit-Hrs" => (class, v::RCU_HOURS),
        "WriteCapacityUnit-Hrs" => (class, v::WCU_HOURS),
        "TimedStorage-ByteHrs" => (class, v::STORAGE),
        "TimedPITRStorage-ByteHrs" if class == "standard" => ("pitr", v::STORAGE),
        "TimedBackupStorage-ByteHrs" if class == "standard" => ("backup", v::STORAGE),
        _ => return Err("DynamoDB: usage type not in the catalogue vocabulary"),
    };
    simple(a, "dynamodb", product, dim)
}

fn efs(a: &Attrs<'_>, usage: &str) -> Result<ProductMap, Skip> {
    use vocab::efs as v;
    let (product, dim) = match usage {
        "TimedStorage-ByteHrs" => ("standard", v::STORAGE),
        "IATimedStorage-ByteHrs" => ("ia", v::STORAGE),
        "ArchiveTimedStorage-ByteHrs" => ("archive", v::STORAGE),
        "TimedStorage-Z-ByteHrs" => ("onezone", v::STORAGE),
        "IATimedStorage-Z-ByteHrs" => ("onezone_ia", v::STORAGE),
        "ProvisionedTP-MiBpsHrs" => ("provisioned", v::THROUGHPUT),
        _ => return Err("EFS: usage type not in the catalogue vocabulary"),
    };
    simple(a, "efs", product, dim)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn region_prefixes_are_stripped_only_when_they_are_prefixes() {
        // FORMATS.md §1.4: us-east-1 has no prefix, eu-west-1 `EU-`, ap-northeast-2 `APN2-`.
        assert_eq!(
            strip_region_prefix("USE2-EBS:VolumeUsage.gp3"),
            "EBS:VolumeUsage.gp3"
        );
        assert_eq!(
            strip_region_prefix("APN2-BoxUsage:m5.large"),
            "BoxUsage:m5.large"
        );
        assert_eq!(
            strip_region_prefix("EU-BoxUsage:m5.large"),
            "BoxUsage:m5.large"
        );
        assert_eq!(
            strip_region_prefix("BoxUsage:m5.large"),
            "BoxUsage:m5.large"
        );
        assert_eq!(
            strip_region_prefix("IA-ReadRequestUnits"),
            "IA-ReadRequestUnits"
        );
        assert_eq!(strip_region_prefix("Lambda-GB-Second"), "Lambda-GB-Second");
    }

    #[test]
    fn csv_labels_and_json_keys_name_the_same_attribute() {
        // FORMATS.md §1.5: CSV title-case labels vs JSON attribute keys.
        for (csv, json) in [
            ("Operating System", "operatingSystem"),
            ("Pre Installed S/W", "preInstalledSw"),
            ("CapacityStatus", "capacitystatus"),
            ("License Model", "licenseModel"),
            ("Volume API Name", "volumeApiName"),
            ("Product Family", "productFamily"),
            ("Region Code", "regionCode"),
            ("usageType", "usagetype"),
        ] {
            assert!(Attr::from_name(csv).is_some(), "{csv}");
            assert_eq!(Attr::from_name(csv), Attr::from_name(json));
        }
    }

    fn attrs<'a>(pairs: &[(Attr, &'a str)]) -> Attrs<'a> {
        let mut a = Attrs::default();
        a.set(Attr::RegionCode, "us-east-1");
        for &(k, v) in pairs {
            a.set(k, v);
        }
        a
    }

    fn key(offer: &str, pairs: &[(Attr, &str)]) -> Result<(String, &'static str), Skip> {
        classify(offer, &attrs(pairs)).map(|m| (m.product, m.dimension))
    }

    #[test]
    fn lambda_usage_types_of_the_real_offer_file() {
        // AWSLambda us-east-1 offer (index.csv, read 2026-09-06, ocelhq/ocel price-book research):
        // `Request`/`Request-ARM`, `Lambda-GB-Second(-ARM)`, `Lambda-Provisioned-Concurrency(-ARM)`,
        // `Lambda-Provisioned-GB-Second(-ARM)`, `Lambda-Storage-GB-Second(-ARM)`; other regions
        // carry a prefix (`CAN1-Lambda-Storage-GB-Second`, `EUW2-Lambda-GB-Second-ARM`), and the
        // account-wide free tier is `Global-Request` / `Global-Lambda-GB-Second` (not a price).
        use vocab::lambda as v;
        let u = |t: &str| key("AWSLambda", &[(Attr::UsageType, t)]);
        assert_eq!(u("Request"), Ok(("x86_64".into(), v::REQUESTS)));
        assert_eq!(u("Request-ARM"), Ok(("arm64".into(), v::REQUESTS)));
        assert_eq!(
            u("EUW2-Lambda-GB-Second-ARM"),
            Ok(("arm64".into(), v::DURATION))
        );
        assert_eq!(
            u("Lambda-Provisioned-Concurrency-ARM"),
            Ok(("arm64".into(), v::PROVISIONED_CONCURRENCY))
        );
        assert_eq!(
            u("Lambda-Provisioned-GB-Second"),
            Ok(("x86_64".into(), v::PROVISIONED_DURATION))
        );
        assert_eq!(
            u("CAN1-Lambda-Storage-GB-Second"),
            Ok(("x86_64".into(), v::EPHEMERAL_STORAGE))
        );
        assert!(u("Global-Request").is_err());
        assert!(u("Lambda-Edge-GB-Second").is_err());
    }

    #[test]
    fn dynamodb_and_efs_usage_types_of_the_real_offer_files() {
        // AmazonDynamoDB (ocelhq/ocel price book, 2026-09-06; a Price List API answer quoted in
        // public notes: SKU UKQHCFER4QFSMKMD `USW2-TimedPITRStorage-ByteHrs`):
        use vocab::dynamodb as d;
        let u = |t: &str| key("AmazonDynamoDB", &[(Attr::UsageType, t)]);
        assert_eq!(
            u("ReadRequestUnits"),
            Ok(("standard".into(), d::READ_REQUEST_UNITS))
        );
        assert_eq!(
            u("IA-WriteRequestUnits"),
            Ok(("standard_ia".into(), d::WRITE_REQUEST_UNITS))
        );
        assert_eq!(
            u("ReadCapacityUnit-Hrs"),
            Ok(("standard".into(), d::RCU_HOURS))
        );
        assert_eq!(
            u("IA-TimedStorage-ByteHrs"),
            Ok(("standard_ia".into(), d::STORAGE))
        );
        assert_eq!(
            u("USW2-TimedPITRStorage-ByteHrs"),
            Ok(("pitr".into(), d::STORAGE))
        );
        assert!(u("ReplWriteRequestUnits").is_err());
        // AmazonEFS (usage types as in AWS's EFS usage reports and the ap-northeast-2 offer
        // file: One Zone is `…TimedStorage-Z-ByteHrs`; eu-west-1 IA is `EU-IATimedStorage-ByteHrs`):
        use vocab::efs as e;
        let u = |t: &str| key("AmazonEFS", &[(Attr::UsageType, t)]);
        assert_eq!(
            u("APN2-TimedStorage-ByteHrs"),
            Ok(("standard".into(), e::STORAGE))
        );
        assert_eq!(
            u("APN2-TimedStorage-Z-ByteHrs"),
            Ok(("onezone".into(), e::STORAGE))
        );
        assert_eq!(
            u("EU-IATimedStorage-ByteHrs"),
            Ok(("ia".into(), e::STORAGE))
        );
        assert_eq!(
            u("APN1-IATimedStorage-Z-ByteHrs"),
            Ok(("onezone_ia".into(), e::STORAGE))
        );
        assert_eq!(
            u("ArchiveTimedStorage-ByteHrs"),
            Ok(("archive".into(), e::STORAGE))
        );
        assert_eq!(
            u("USW2-ProvisionedTP-MiBpsHrs"),
            Ok(("provisioned".into(), e::THROUGHPUT))
        );
    }

    #[test]
    fn rds_storage_attributes_of_the_real_offer_file() {
        // AmazonRDS us-east-1 PostgreSQL (Price List answers quoted in a public cost study,
        // verified 2026-07-28): volumeType `General Purpose-GP3` + deploymentOption
        // `Single-AZ` / `Multi-AZ` / `Multi-AZ (readable standbys)`; `Provisioned IOPS`,
        // `Provisioned IOPS-IO2`; backups `RDS:ChargedBackupUsage` (databaseEngine `Any`).
        let s = |vt: &str, dep: &str| {
            key(
                "AmazonRDS",
                &[
                    (Attr::ProductFamily, "Database Storage"),
                    (Attr::DatabaseEngine, "PostgreSQL"),
                    (Attr::VolumeType, vt),
                    (Attr::DeploymentOption, dep),
                ],
            )
        };
        assert_eq!(
            s("General Purpose-GP3", "Single-AZ"),
            Ok(("gp3:single_az".into(), vocab::rds::STORAGE))
        );
        assert_eq!(
            s("General Purpose-GP3", "Multi-AZ"),
            Ok(("gp3:multi_az".into(), vocab::rds::STORAGE))
        );
        assert!(s("General Purpose-GP3", "Multi-AZ (readable standbys)").is_err());
        assert_eq!(
            s("Provisioned IOPS-IO2", "Single-AZ"),
            Ok(("io2:single_az".into(), vocab::rds::STORAGE))
        );
        let backup = key(
            "AmazonRDS",
            &[
                (Attr::ProductFamily, "Storage Snapshot"),
                (Attr::DatabaseEngine, "Any"),
                (Attr::UsageType, "RDS:ChargedBackupUsage"),
            ],
        );
        assert_eq!(
            backup,
            Ok((vocab::rds::BACKUP_PRODUCT.into(), vocab::rds::STORAGE))
        );
    }

    #[test]
    fn s3_is_mapped_by_usage_type_not_volume_type() {
        // AmazonS3 us-east-1 offer 20260728131000 (tests/fixtures/offers/s3_2026.json): the
        // Deep Archive *staging* product has volumeType `Glacier Deep Archive`.
        use vocab::s3 as v;
        let u =
            |t: &str, vt: &str| key("AmazonS3", &[(Attr::UsageType, t), (Attr::VolumeType, vt)]);
        assert!(u("TimedStorage-GDA-Staging", "Glacier Deep Archive").is_err());
        assert_eq!(
            u(
                "TimedStorage-INT-DAA-ByteHrs",
                "IntelligentTieringDeepArchiveAccess"
            ),
            Ok(("intelligent_tiering".into(), v::STORAGE_DEEP_ARCHIVE))
        );
        assert_eq!(
            u("USE2-TimedStorage-GlacierByteHrs", "Amazon Glacier"),
            Ok(("glacier_flexible".into(), v::STORAGE))
        );
        assert_eq!(
            key(
                "AmazonS3GlacierDeepArchive",
                &[(Attr::UsageType, "TimedStorage-GDA-ByteHrs")]
            ),
            Ok(("deep_archive".into(), v::STORAGE))
        );
        assert!(u("Requests-GDA-Tier2", "").is_err());
    }
}
