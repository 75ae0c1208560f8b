//! The catalogue's vocabulary: product and dimension keys per service.
//!
//! These strings are the contract between `pricing-data/*.csv` (and the offer-file importer)
//! and the cost engine. `pricing-data/README.md` documents the same table for people.
//! Keys are lower-case snake case; a product key that combines several attributes joins
//! them with `:` (RDS: `postgresql:multi_az:db.m5.large`).

/// EC2 instances — product: the instance type (`m5.large`).
pub mod ec2 {
    /// Instance running time, per instance-hour. Options: on_demand, reserved, spot.
    pub const INSTANCE_HOURS: &str = "instance_hours";
}

/// EBS — product: volume type `gp2 gp3 io1 io2 st1 sc1 standard`, or `snapshot`, `snapshot_archive`.
pub mod ebs {
    /// Provisioned storage, per GB-month.
    pub const STORAGE: &str = "storage";
    /// Provisioned IOPS, per IOPS-month (gp3: above the 3,000 included; io1; io2 in per-volume tiers).
    pub const IOPS: &str = "iops";
    /// Provisioned throughput above gp3's 125 MiB/s included, per MiB/s-month.
    pub const THROUGHPUT: &str = "throughput";
    /// I/O requests of previous-generation magnetic (`standard`) volumes, per request.
    pub const IO_REQUESTS: &str = "io_requests";
    /// IOPS included free with every gp3 volume; only IOPS above this are billed.
    pub const GP3_INCLUDED_IOPS: f64 = 3000.0;
    /// Throughput (MiB/s) included free with every gp3 volume; only throughput above is billed.
    pub const GP3_INCLUDED_THROUGHPUT_MIBPS: f64 = 125.0;
}

/// S3 — product: storage class `standard intelligent_tiering standard_ia onezone_ia glacier_ir
/// glacier_flexible deep_archive`.
pub mod s3 {
    /// Storage per GB-month (Standard: tiered 0–51,200 / 51,200–512,000 / over 512,000 GB).
    pub const STORAGE: &str = "storage";
    /// Intelligent-Tiering access tiers, per GB-month (`storage` is its Frequent Access tier).
    pub const STORAGE_INFREQUENT: &str = "storage_infrequent";
    /// Intelligent-Tiering Archive Instant Access tier, per GB-month.
    pub const STORAGE_ARCHIVE_INSTANT: &str = "storage_archive_instant";
    /// Intelligent-Tiering Archive Access tier (opt-in), per GB-month.
    pub const STORAGE_ARCHIVE: &str = "storage_archive";
    /// Intelligent-Tiering Deep Archive Access tier (opt-in), per GB-month.
    pub const STORAGE_DEEP_ARCHIVE: &str = "storage_deep_archive";
    /// Intelligent-Tiering monitoring and automation, per object-month (objects ≥ 128 KB).
    pub const MONITORING: &str = "monitoring";
    /// PUT, COPY, POST, LIST requests, per request.
    pub const PUT_REQUESTS: &str = "put_requests";
    /// GET, SELECT and all other requests, per request.
    pub const GET_REQUESTS: &str = "get_requests";
    /// Lifecycle transition requests into the class, per request.
    pub const LIFECYCLE_TRANSITIONS: &str = "lifecycle_transitions";
    /// Data retrieval, per GB (Standard-IA, One Zone-IA, Glacier Instant Retrieval).
    pub const RETRIEVAL: &str = "retrieval";
    /// Glacier Flexible Retrieval / Deep Archive retrievals per GB, by speed.
    pub const RETRIEVAL_EXPEDITED: &str = "retrieval_expedited";
    /// Glacier Flexible Retrieval / Deep Archive standard retrieval, per GB.
    pub const RETRIEVAL_STANDARD: &str = "retrieval_standard";
    /// Glacier Flexible Retrieval / Deep Archive bulk retrieval, per GB.
    pub const RETRIEVAL_BULK: &str = "retrieval_bulk";
    /// Restore requests, per request, by speed.
    pub const RESTORE_EXPEDITED: &str = "restore_requests_expedited";
    /// Standard restore requests, per request.
    pub const RESTORE_STANDARD: &str = "restore_requests_standard";
    /// Bulk restore requests, per request.
    pub const RESTORE_BULK: &str = "restore_requests_bulk";
    /// Every S3 storage-class product key, from hottest to coldest.
    pub const CLASSES: [&str; 7] = [
        "standard",
        "intelligent_tiering",
        "standard_ia",
        "onezone_ia",
        "glacier_ir",
        "glacier_flexible",
        "deep_archive",
    ];
}

/// EFS — product: `standard ia archive onezone onezone_ia` for storage; `elastic` for
/// elastic-throughput data access; `provisioned` for provisioned throughput.
pub mod efs {
    /// Storage of a storage class, per GB-month.
    pub const STORAGE: &str = "storage";
    /// Tiered-storage access charges (products `ia`, `archive`, `onezone_ia`), per GB.
    pub const ACCESS_READ: &str = "access_read";
    /// Write access to IA / Archive storage, per GB.
    pub const ACCESS_WRITE: &str = "access_write";
    /// Elastic throughput data transferred (product `elastic`), per GB.
    pub const READ: &str = "read";
    /// Elastic throughput data written (product `elastic`), per GB.
    pub const WRITE: &str = "write";
    /// Provisioned throughput (product `provisioned`), per MiB/s-month.
    pub const THROUGHPUT: &str = "throughput";
}

/// Data transfer — product: `internet_out` (tiered per month), `internet_in`, `inter_az`, or
/// `inter_region:<destination region>`.
pub mod data_transfer {
    /// The one data-transfer dimension: data transferred, per GB.
    pub const GB: &str = "gb";
    /// Data transfer out to the internet, per GB, tiered by monthly volume.
    pub const INTERNET_OUT: &str = "internet_out";
    /// Data transfer in from the internet, per GB.
    pub const INTERNET_IN: &str = "internet_in";
    /// Data transfer between Availability Zones of one region, per GB.
    pub const INTER_AZ: &str = "inter_az";
    /// Prefix of inter-region products; the destination region code follows
    /// (`inter_region:eu-west-1`).
    pub const INTER_REGION_PREFIX: &str = "inter_region:";
}

/// Lambda — product: architecture `x86_64` or `arm64`.
pub mod lambda {
    /// Invocations, per request.
    pub const REQUESTS: &str = "requests";
    /// Duration, per GB-second (tiered per month, per account and region).
    pub const DURATION: &str = "duration";
    /// Ephemeral storage above the 512 MB included, per GB-second.
    pub const EPHEMERAL_STORAGE: &str = "ephemeral_storage";
    /// Provisioned concurrency kept warm, per GB-second configured.
    pub const PROVISIONED_CONCURRENCY: &str = "provisioned_concurrency";
    /// Duration of invocations run on provisioned concurrency, per GB-second.
    pub const PROVISIONED_DURATION: &str = "provisioned_duration";
}

/// RDS — instances: product `<engine>:<deployment>:<class>` with engine `postgresql`/`mysql`
/// and deployment `single_az`/`multi_az`; storage: product `<type>:<deployment>` with type
/// `gp2 gp3 io1 io2 magnetic`; backup: product `backup`.
pub mod rds {
    /// DB instance running time, per instance-hour (on-demand or reserved).
    pub const INSTANCE_HOURS: &str = "instance_hours";
    /// Allocated storage (or backup storage for product `backup`), per GB-month.
    pub const STORAGE: &str = "storage";
    /// Provisioned IOPS (gp3 above the baseline, io1), per IOPS-month.
    pub const IOPS: &str = "iops";
    /// Provisioned throughput above gp3's baseline, per MiB/s-month.
    pub const THROUGHPUT: &str = "throughput";
    /// Product key of backup storage beyond the free allowance, priced under `storage`.
    pub const BACKUP_PRODUCT: &str = "backup";
}

/// DynamoDB — product: table class `standard` or `standard_ia`; `pitr` / `backup` for backups.
pub mod dynamodb {
    /// On-demand write request units, per WRU.
    pub const WRITE_REQUEST_UNITS: &str = "write_request_units";
    /// On-demand read request units, per RRU.
    pub const READ_REQUEST_UNITS: &str = "read_request_units";
    /// Provisioned capacity, per unit-hour.
    pub const WCU_HOURS: &str = "wcu_hours";
    /// Provisioned read capacity, per RCU-hour.
    pub const RCU_HOURS: &str = "rcu_hours";
    /// Table storage (and `pitr`/`backup` storage), per GB-month.
    pub const STORAGE: &str = "storage";
}

/// NAT gateway — product `nat_gateway`.
pub mod nat_gateway {
    /// The only NAT gateway product key.
    pub const PRODUCT: &str = "nat_gateway";
    /// NAT gateway running time, per gateway-hour.
    pub const HOURS: &str = "hours";
    /// Data processed by the gateway, per GB.
    pub const DATA_PROCESSED: &str = "data_processed";
}

/// Elastic Load Balancing — product `alb`, `nlb`, `gwlb` or `clb`.
pub mod elb {
    /// Load balancer running time, per load-balancer-hour.
    pub const HOURS: &str = "hours";
    /// LCU-hours (ALB), NLCU-hours (NLB), GLCU-hours (GWLB).
    pub const LCU_HOURS: &str = "lcu_hours";
    /// Classic Load Balancer data processed, per GB.
    pub const DATA_PROCESSED: &str = "data_processed";
}

/// Public IPv4 addresses — product `in_use` or `idle`.
pub mod public_ipv4 {
    /// Address time, per IP-hour.
    pub const HOURS: &str = "hours";
}

/// Amazon EKS — product `cluster`.
pub mod eks {
    /// The only EKS product key.
    pub const PRODUCT: &str = "cluster";
    /// Cluster running time under standard support, per cluster-hour.
    pub const CLUSTER_HOURS: &str = "cluster_hours";
    /// The extra charge per cluster-hour while the cluster's Kubernetes version is in extended
    /// support (on top of `cluster_hours`).
    pub const EXTENDED_SUPPORT_HOURS: &str = "extended_support_cluster_hours";
}

/// AWS Fargate — product `<ecs|eks>:<linux_x86|linux_arm64|windows_x86>` and
/// `ecs:ephemeral_storage`.
pub mod fargate {
    /// Task vCPU time, per vCPU-hour (option `spot`: Fargate Spot).
    pub const VCPU_HOURS: &str = "vcpu_hours";
    /// Task memory, per GB-hour (option `spot`: Fargate Spot).
    pub const MEMORY_GB_HOURS: &str = "memory_gb_hours";
    /// Windows operating-system licence, per vCPU-hour.
    pub const OS_LICENSE_VCPU_HOURS: &str = "os_license_vcpu_hours";
    /// Ephemeral storage above the included 20 GB, per GB-hour (product `ecs:ephemeral_storage`).
    pub const STORAGE_GB_HOURS: &str = "storage_gb_hours";
}
