//! The words people put in spreadsheet headers and cells, mapped to the items table's columns
//! and values ([`super::items_csv`]): rows pasted from Excel, LibreOffice or Google Sheets
//! carry headers such as "Service", "Instance type", "Quantity", "Region" or "Description"
//! and values such as "Amazon EC2", "US East (N. Virginia)" or "On-Demand".
//!
//! Headers are compared after [`normalise`] (case, spaces, `_`, `-`, brackets and other
//! punctuation ignored), so `Instance type`, `instance_type` and `INSTANCE-TYPE` are one name.

/// Where a header's cells go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A column of the items table (`name`, `instance_type`, `count` …).
    Column(&'static str),
    /// "Quantity": the main quantity of the row's kind ([`quantity_column`]).
    Quantity,
    /// "Type" / "Type / class": the type or class field of the row's kind ([`type_column`]).
    TypeClass,
    /// "Description": the item's name when the table has no name column, else a
    /// `description` tag.
    Description,
    /// A figure cloudplan calculates (monthly cost, upfront, totals): read past, and said so.
    Calculated,
    /// A column with no header (a spreadsheet selection wider than its table): its cells
    /// must be empty.
    Blank,
}

/// Lower-case words separated by one space: `"Instance_Type (GB)"` → `"instance type gb"`.
pub fn normalise(s: &str) -> String {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Spreadsheet synonyms of the items table's columns (normalised header → target).
const SYNONYMS: &[(&str, Target)] = &[
    ("service", Target::Column("kind")),
    ("aws service", Target::Column("kind")),
    ("service name", Target::Column("kind")),
    ("product", Target::Column("kind")),
    ("resource type", Target::Column("kind")),
    ("item name", Target::Column("name")),
    ("resource name", Target::Column("name")),
    ("resource", Target::Column("name")),
    ("item", Target::Column("name")),
    ("label", Target::Column("name")),
    ("title", Target::Column("name")),
    ("description", Target::Description),
    ("group hierarchy", Target::Column("group")),
    ("groups", Target::Column("group")),
    ("section", Target::Column("group")),
    ("category", Target::Column("group")),
    ("location", Target::Column("region")),
    ("aws region", Target::Column("region")),
    ("region name", Target::Column("region")),
    ("region code", Target::Column("region")),
    ("type", Target::TypeClass),
    ("type class", Target::TypeClass),
    ("class", Target::TypeClass),
    ("instance", Target::Column("instance_type")),
    ("instance size", Target::Column("instance_type")),
    ("ec2 instance", Target::Column("instance_type")),
    ("ec2 instance type", Target::Column("instance_type")),
    ("db instance class", Target::Column("instance_class")),
    ("quantity", Target::Quantity),
    ("qty", Target::Quantity),
    ("number", Target::Quantity),
    ("units", Target::Quantity),
    ("instances", Target::Quantity),
    ("number of instances", Target::Quantity),
    ("instance count", Target::Quantity),
    ("nodes", Target::Quantity),
    ("usage pattern", Target::Column("usage")),
    ("utilization", Target::Column("usage")),
    ("utilisation", Target::Column("usage")),
    ("purchase option", Target::Column("purchase")),
    ("pricing model", Target::Column("purchase")),
    ("pricing strategy", Target::Column("purchase")),
    ("labels", Target::Column("tags")),
    ("monthly", Target::Calculated),
    ("monthly cost", Target::Calculated),
    ("monthly usd", Target::Calculated),
    ("monthly total", Target::Calculated),
    ("upfront", Target::Calculated),
    ("upfront cost", Target::Calculated),
    ("upfront usd", Target::Calculated),
    ("12 months", Target::Calculated),
    ("12 months total", Target::Calculated),
    ("first 12 months", Target::Calculated),
    ("first 12 months total", Target::Calculated),
    ("total", Target::Calculated),
    ("total cost", Target::Calculated),
    ("cost", Target::Calculated),
    ("price", Target::Calculated),
    ("currency", Target::Calculated),
    ("annual", Target::Calculated),
    ("yearly", Target::Calculated),
    // The app's own grid titles (English above, Korean here), so its columns paste back.
    ("이름", Target::Column("name")),
    ("그룹", Target::Column("group")),
    ("서비스", Target::Column("kind")),
    ("리전", Target::Column("region")),
    ("지역", Target::Column("region")),
    ("유형 클래스", Target::TypeClass),
    ("유형", Target::TypeClass),
    ("인스턴스 유형", Target::Column("instance_type")),
    ("수량", Target::Quantity),
    ("사용량", Target::Column("usage")),
    ("구매 옵션", Target::Column("purchase")),
    ("설명", Target::Description),
    ("월 usd", Target::Calculated),
    ("월 비용", Target::Calculated),
    ("선결제 usd", Target::Calculated),
    ("선결제", Target::Calculated),
];

/// The target of a spreadsheet header that is not one of the table's own column names.
pub fn target_of_header(header: &str) -> Option<Target> {
    let n = normalise(header);
    SYNONYMS.iter().find(|(s, _)| *s == n).map(|(_, t)| *t)
}

/// The headers people most often use, for messages about an unknown one.
pub const EXAMPLES: &str = "Service, Name, Description, Group, Region, Type, Instance type, Quantity, Usage, Purchase option";

/// The column holding a kind's main quantity (the grid's "Quantity").
pub fn quantity_column(kind: &str) -> Option<&'static str> {
    Some(match kind {
        "ec2" | "rds" | "nat_gateway" | "load_balancer" | "eks" | "fargate" => "count",
        "ebs" => "volume_count",
        "s3" | "efs" | "dynamodb" => "storage_gb",
        "data_transfer" => "internet_out_gb",
        "lambda" => "requests_per_month",
        "public_ipv4" => "in_use",
        "custom" => "monthly_usd",
        _ => return None,
    })
}

/// The column holding a kind's type or class (the grid's "Type / class").
pub fn type_column(kind: &str) -> Option<&'static str> {
    Some(match kind {
        "ec2" => "instance_type",
        "ebs" => "volume_type",
        "s3" | "efs" => "storage_class",
        "rds" => "instance_class",
        "dynamodb" => "table_class",
        "load_balancer" => "lb_type",
        _ => return None,
    })
}

/// The kind a service name stands for, and a field value it implies
/// (`Application Load Balancer` → `load_balancer` with `lb_type` `alb`).
pub fn kind_of_service(text: &str) -> Option<(&'static str, Option<(&'static str, &'static str)>)> {
    let n = normalise(text);
    let n = n
        .strip_prefix("amazon ")
        .or_else(|| n.strip_prefix("aws "))
        .unwrap_or(&n)
        .to_string();
    let kind = match n.as_str() {
        "ec2"
        | "elastic compute cloud"
        | "elastic compute cloud ec2"
        | "ec2 instance"
        | "ec2 instances"
        | "ec2 instance savings plans" => "ec2",
        "ebs" | "elastic block store" | "elastic block store ebs" | "ec2 ebs" => "ebs",
        "s3" | "simple storage service" | "simple storage service s3" => "s3",
        "efs" | "elastic file system" | "elastic file system efs" => "efs",
        "data transfer" | "datatransfer" => "data_transfer",
        "lambda" => "lambda",
        "rds" | "relational database service" | "rds for postgresql" | "rds for mysql" => "rds",
        "dynamodb" => "dynamodb",
        "nat gateway" | "vpc nat gateway" | "nat" => "nat_gateway",
        "elastic load balancing"
        | "elb"
        | "load balancer"
        | "application load balancer"
        | "alb"
        | "network load balancer"
        | "nlb" => "load_balancer",
        "public ipv4" | "public ipv4 address" | "public ipv4 addresses" | "ipv4" => "public_ipv4",
        "eks" | "elastic kubernetes service" | "elastic kubernetes service eks" => "eks",
        "fargate" | "ecs fargate" | "ecs on fargate" | "eks on fargate" => "fargate",
        "custom" | "other" => "custom",
        _ => return None,
    };
    let extra = match n.as_str() {
        "application load balancer" | "alb" => Some(("lb_type", "alb")),
        "network load balancer" | "nlb" => Some(("lb_type", "nlb")),
        "rds for postgresql" => Some(("engine", "postgresql")),
        "rds for mysql" => Some(("engine", "mysql")),
        _ => None,
    };
    Some((kind, extra))
}

/// The region code of an AWS location name (`US East (N. Virginia)` → `us-east-1`,
/// `Europe (Frankfurt)` → `eu-central-1`), from the catalogue's region names.
pub fn region_code(text: &str) -> Option<&'static str> {
    crate::catalog::import::mapping::region_of_location(text.trim())
}

/// The purchase-option code of a spreadsheet's words (`On-Demand` → `on_demand`).
pub fn purchase_code(text: &str) -> Option<&'static str> {
    match normalise(text).as_str() {
        "on demand" | "ondemand" => Some("on_demand"),
        "spot" | "spot instances" => Some("spot"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_and_values_people_write() {
        assert_eq!(normalise(" Instance_Type (GB) "), "instance type gb");
        assert_eq!(target_of_header("Service"), Some(Target::Column("kind")));
        assert_eq!(target_of_header("QUANTITY"), Some(Target::Quantity));
        assert_eq!(target_of_header("Type / class"), Some(Target::TypeClass));
        assert_eq!(target_of_header("Monthly cost"), Some(Target::Calculated));
        assert_eq!(target_of_header("colour"), None);
        assert_eq!(target_of_header("유형 / 클래스"), Some(Target::TypeClass));
        assert_eq!(target_of_header("수량"), Some(Target::Quantity));
        assert_eq!(target_of_header("Monthly USD"), Some(Target::Calculated));
        assert_eq!(kind_of_service("Amazon EC2"), Some(("ec2", None)));
        assert_eq!(
            kind_of_service("Application Load Balancer"),
            Some(("load_balancer", Some(("lb_type", "alb"))))
        );
        assert_eq!(
            kind_of_service("Elastic Load Balancing").unwrap().0,
            "load_balancer"
        );
        assert_eq!(
            kind_of_service("Amazon Simple Storage Service (S3)")
                .unwrap()
                .0,
            "s3"
        );
        assert_eq!(kind_of_service("Kinesis"), None);
        assert_eq!(kind_of_service("Amazon EKS").unwrap().0, "eks");
        assert_eq!(kind_of_service("AWS Fargate").unwrap().0, "fargate");
        assert_eq!(region_code("US East (N. Virginia)"), Some("us-east-1"));
        // Every region the catalogue names, as the console writes Europe's too.
        assert_eq!(region_code("Europe (Frankfurt)"), Some("eu-central-1"));
        assert_eq!(region_code("eu (paris)"), Some("eu-west-3"));
        assert_eq!(region_code("Asia Pacific (Mumbai)"), Some("ap-south-1"));
        assert_eq!(region_code("Atlantis (North)"), None);
        assert_eq!(purchase_code("On-Demand"), Some("on_demand"));
        for kind in super::super::items_csv::KINDS {
            assert!(quantity_column(kind).is_some(), "{kind}");
        }
    }
}
