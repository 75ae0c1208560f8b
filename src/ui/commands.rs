//! Commands: everything a person can do, as values. Widgets and the menu only *send* commands
//! during a frame; the app runs them once at the end of the frame ([`crate::ui::app::App::run_command`]).
//! Plan edits become one undoable step each.

use crate::catalog::{Catalog, PriceOption, Service, vocab};
use crate::plan::{
    CustomLine, DataTransfer, DynamodbMode, DynamodbTable, EbsVolumeType, EbsVolumes, Ec2Fleet,
    EfsFileSystem, EksCluster, FargateTasks, Item, LambdaFunction, LoadBalancer, LoadBalancerType,
    NatGateway, Num, Plan, PublicIpv4, PurchaseOption, RdsDatabase, RdsEngine, RdsStorageType,
    Resource, S3Storage, Usage,
};
use crate::report::chart::ChartKind;
use crate::ui::cells::Col;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// Export formats of File ▸ Export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    /// The estimate as CSV: cost components, item and group subtotals, the plan total.
    EstimateCsv,
    /// One estimate chart as a 1200 × 600 pixel PNG.
    ChartPng(ChartKind),
    /// One estimate chart as a 1200 × 600 SVG.
    ChartSvg(ChartKind),
}

/// One thing to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    // Files
    /// File ▸ New: replace the plan with an empty one (asks first if unsaved).
    New,
    /// File ▸ Open…: pick a plan file and open it (asks first if unsaved).
    Open,
    /// Open this plan file (File ▸ Recent; asks first if unsaved).
    OpenPath(PathBuf),
    /// Open the bundled sample plan at this index of `plan::file::samples()`.
    OpenSample(usize),
    /// Save to the plan's file, or ask where like Save As when it has none.
    Save,
    /// Ask for a file name and save there.
    SaveAs,
    /// Pick a CSV file and append its rows as new items (one undo step).
    ImportItemsCsv,
    /// Ask where and write the estimate CSV or a chart.
    Export(ExportKind),
    /// Close the window (asks first if unsaved) and remove the recovery file.
    Quit,
    // Plan edits
    /// Set one grid cell of an item from typed text; refused text stays shown in red.
    SetCell {
        /// Index of the item in the plan.
        row: usize,
        /// The column edited.
        col: Col,
        /// The text as typed.
        text: String,
    },
    /// Set one field of an item's resource from the detail panel (JSON value text).
    SetField {
        /// Index of the item in the plan.
        row: usize,
        /// Field key as in the plan file (`instance_type`, `tags`, `policies` …).
        field: String,
        /// The value as typed (JSON for lists and objects, empty to remove the field).
        text: String,
    },
    /// Append a new item of this service with starting values ([`new_item`]) and select it.
    AddItem(Service),
    /// Catalogue tab "Add to plan": one EC2 item of this type in this region, one undo step.
    AddInstance {
        /// EC2 instance type, e.g. `m7g.large`.
        instance_type: String,
        /// Region chosen in the Catalogue tab's filter.
        region: String,
    },
    /// Insert a default Auto Scaling group ([`new_scaling_group`]) and select it in the
    /// Scaling tab; one undoable step.
    AddScalingGroup,
    /// Copy the selected rows as new items with fresh ids (one undo step).
    Duplicate,
    /// Remove the selected rows from the plan (one undo step).
    DeleteSelected,
    /// Put the selected rows on the clipboard as TSV.
    CopySelected,
    /// Append these TSV rows (clipboard text) as new items (one undo step).
    Paste(String),
    /// Set a parameter's value from typed text: a number or a formula.
    SetParameter {
        /// Index of the parameter in the plan.
        index: usize,
        /// The number or formula as typed.
        text: String,
    },
    /// Add a parameter named `paramN` with value 1.
    AddParameter,
    /// Replace the plan's growth drivers (Forecast tab), one undoable step.
    SetGrowth(Vec<crate::forecast::GrowthDriver>),
    /// Go back one plan edit.
    Undo,
    /// Redo the last undone plan edit.
    Redo,
    // View
    /// Switch to the dark theme (`true`) or the light one.
    SetDark(bool),
    /// Show the UI in this language.
    SetLanguage(crate::ui::i18n::Lang),
}

impl Command {
    /// Commands that replace the open plan and must ask before discarding unsaved changes.
    pub fn discards_plan(&self) -> bool {
        matches!(
            self,
            Command::New
                | Command::Open
                | Command::OpenPath(_)
                | Command::OpenSample(_)
                | Command::Quit
        )
    }
}

/// An empty plan for File ▸ New, in the default region of the default plan.
pub fn empty_plan() -> Plan {
    let base = crate::plan::file::default_plan();
    Plan {
        name: "Untitled plan".into(),
        description: String::new(),
        parameters: Vec::new(),
        groups: Vec::new(),
        items: Vec::new(),
        growth: Vec::new(),
        ..base
    }
}

/// A new item of `service` with sensible starting values that the catalogue can price in the
/// plan's default region (EC2 picks an instance type the catalogue has a price for).
pub fn new_item(plan: &Plan, catalog: &Catalog, service: Service) -> Item {
    let region = plan.default_region.clone();
    let v = |x: f64| Num::Value(x);
    let resource = match service {
        Service::Ec2 => {
            let priced = |t: &str| {
                catalog.has_price(
                    &region,
                    Service::Ec2,
                    t,
                    vocab::ec2::INSTANCE_HOURS,
                    PriceOption::OnDemand,
                )
            };
            let preferred = ["m7g.large", "m6i.large", "t3.medium", "m5.large"];
            let instance_type = preferred
                .iter()
                .find(|t| priced(t))
                .map(|t| t.to_string())
                .or_else(|| {
                    catalog
                        .instances()
                        .iter()
                        .map(|s| s.instance_type.as_str())
                        .find(|t| priced(t))
                        .map(str::to_string)
                })
                .unwrap_or_else(|| "m7g.large".to_string());
            Resource::Ec2(Ec2Fleet {
                instance_type,
                count: v(1.0),
                usage: Usage::default(),
                purchase: PurchaseOption::OnDemand,
            })
        }
        Service::Ebs => Resource::Ebs(EbsVolumes {
            volume_type: EbsVolumeType::Gp3,
            size_gb: v(100.0),
            volume_count: v(1.0),
            iops: None,
            throughput_mibps: None,
            snapshot_gb: None,
        }),
        Service::S3 => Resource::S3(S3Storage {
            storage_class: "standard".into(),
            storage_gb: v(100.0),
            object_count: None,
            avg_object_kb: None,
            put_requests: None,
            get_requests: None,
            lifecycle_transitions: None,
            retrieval_gb: None,
            retrieval_tier: None,
            retention_days: None,
            intelligent_tiering: None,
        }),
        Service::Efs => Resource::Efs(EfsFileSystem {
            storage_class: "standard".into(),
            storage_gb: v(100.0),
            infrequent_pct: None,
            archive_pct: None,
            read_gb: None,
            write_gb: None,
            provisioned_mibps: None,
        }),
        Service::DataTransfer => Resource::DataTransfer(DataTransfer {
            internet_out_gb: v(100.0),
            internet_in_gb: v(0.0),
            inter_az_gb: v(0.0),
            inter_region_gb: BTreeMap::new(),
        }),
        Service::Lambda => Resource::Lambda(LambdaFunction {
            requests_per_month: v(1_000_000.0),
            duration_ms: v(100.0),
            memory_mb: v(512.0),
            architecture: crate::catalog::Arch::Arm64,
            ephemeral_storage_mb: None,
        }),
        Service::Rds => {
            let prefix = "postgresql:single_az:";
            let class = catalog
                .products(Service::Rds, &region)
                .into_iter()
                .filter_map(|p| p.strip_prefix(prefix))
                .find(|c| c.contains("m7g.large") || c.contains("t4g.medium"))
                .unwrap_or("db.m7g.large")
                .to_string();
            Resource::Rds(RdsDatabase {
                engine: RdsEngine::Postgresql,
                instance_class: class,
                multi_az: false,
                count: v(1.0),
                hours_per_month: v(730.0),
                storage_type: RdsStorageType::Gp3,
                storage_gb: v(100.0),
                iops: None,
                throughput_mibps: None,
                backup_gb: None,
                purchase: PurchaseOption::OnDemand,
            })
        }
        Service::Dynamodb => Resource::Dynamodb(DynamodbTable {
            mode: DynamodbMode::OnDemand,
            table_class: "standard".into(),
            write_request_units: Some(v(1_000_000.0)),
            read_request_units: Some(v(1_000_000.0)),
            write_capacity_units: None,
            read_capacity_units: None,
            storage_gb: v(10.0),
        }),
        Service::NatGateway => Resource::NatGateway(NatGateway {
            count: v(1.0),
            hours_per_month: v(730.0),
            data_processed_gb: v(100.0),
        }),
        Service::Elb => Resource::LoadBalancer(LoadBalancer {
            lb_type: LoadBalancerType::Alb,
            count: v(1.0),
            hours_per_month: v(730.0),
            processed_gb: v(100.0),
            new_connections_per_sec: v(10.0),
            active_connections: v(100.0),
            rule_evaluations_per_sec: v(0.0),
        }),
        Service::PublicIpv4 => Resource::PublicIpv4(PublicIpv4 {
            in_use: v(1.0),
            idle: v(0.0),
            hours_per_month: v(730.0),
        }),
        Service::Eks => Resource::Eks(EksCluster {
            count: v(1.0),
            hours_per_month: v(730.0),
            extended_support: false,
        }),
        Service::Fargate => Resource::Fargate(FargateTasks {
            count: v(2.0),
            vcpu: v(1.0),
            memory_gb: v(2.0),
            hours_per_month: v(730.0),
            platform: Default::default(),
            orchestrator: Default::default(),
            ephemeral_storage_gb: v(20.0),
            spot_pct: v(0.0),
        }),
        // Catalogue-only services have no plan item yet (the Add menu lists `Service::ALL`).
        Service::Custom | Service::CloudFront | Service::ElastiCache => {
            Resource::Custom(CustomLine {
                monthly_usd: v(0.0),
                upfront_usd: v(0.0),
                note: String::new(),
            })
        }
    };
    let name = format!("New {}", service.display_name());
    let id = crate::ui::state::Document::unique_id(plan, service.as_str());
    Item {
        id,
        name,
        group: String::new(),
        tags: BTreeMap::new(),
        region: None,
        resource,
    }
}

/// A new Auto Scaling group with sensible starting values for the plan's default region: the
/// instance type [`new_item`] would pick for EC2 (one the catalogue prices there), On-Demand
/// only (no Spot price needed), min 1 / desired 2 / max 10, target tracking at 50 %
/// utilisation, and a daily-cycle demand simulated hourly over 12 months.
pub fn new_scaling_group(plan: &Plan, catalog: &Catalog) -> Item {
    use crate::scaling::demand::{DailyCycle, DemandSpec, Profile};
    use crate::scaling::group::{GroupSpec, InstanceChoice, SimSettings};
    use crate::scaling::policy::{Distribution, DynamicPolicy};
    let instance_type = match new_item(plan, catalog, Service::Ec2).resource {
        Resource::Ec2(f) => f.instance_type,
        _ => "m7g.large".to_string(),
    };
    let mut demand = Profile::constant(300.0);
    demand.daily = Some(DailyCycle {
        peak_hour: 14.0,
        amplitude: 0.5,
    });
    let group = GroupSpec {
        instance_types: vec![InstanceChoice {
            instance_type,
            weight: 1,
        }],
        capacity_per_unit: 100.0,
        min: 1,
        desired: 2,
        max: 10,
        instance_warmup_s: Some(300),
        default_cooldown_s: 300,
        replacement_delay_s: 300,
        // On-Demand only to start with; should the user add Spot, it is allocated with
        // price-capacity-optimized, the strategy the AWS console selects and recommends.
        distribution: Distribution {
            spot_allocation_strategy: Some(
                crate::scaling::allocation::SpotAllocationStrategy::PriceCapacityOptimized,
            ),
            ..Distribution::default()
        },
        reserved: None,
        demand: DemandSpec::Profile(demand),
        policies: vec![DynamicPolicy::TargetTracking {
            target_pct: 50.0,
            instance_warmup_s: None,
            disable_scale_in: false,
            alarm_high_minutes: 3,
            alarm_low_minutes: 15,
        }],
        scheduled: Vec::new(),
        predictive: None,
        simulation: SimSettings::default(),
    };
    Item {
        id: crate::ui::state::Document::unique_id(plan, "asg"),
        name: "New Auto Scaling group".into(),
        group: String::new(),
        tags: BTreeMap::new(),
        region: None,
        resource: Resource::ScalingGroup(group),
    }
}
