//! Commands: everything a person can do, as values. Widgets and the menu only *send* commands
//! during a frame; the app runs them once at the end of the frame ([`crate::ui::app::App::run_command`]).
//! Plan edits become one undoable step each.

use crate::catalog::{Catalog, PriceOption, Service, vocab};
use crate::plan::{
    CustomLine, DataTransfer, DynamodbMode, DynamodbTable, EbsVolumeType, EbsVolumes, Ec2Fleet,
    EfsFileSystem, EksCluster, FargateTasks, Item, LambdaFunction, LoadBalancer, LoadBalancerType,
    NatGateway, Num, Plan, PublicIpv4, PurchaseOption, RdsDatabase, RdsEngine, RdsStorageType,
    Resource, S3Storage, TierMode, Usage,
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
    /// Replace item `row` with the form's edited copy (Details panel); `field` names the field
    /// edited, for the message if the plan refuses it. One undoable step.
    SetItem {
        /// Plan row edited.
        row: usize,
        /// Field path edited (`usage.peak`).
        field: String,
        /// The edited item.
        item: Box<Item>,
    },
    /// A form could not read what was typed into `field` of `target` (an item id, or `plan`
    /// for the settings): show `reason` beside the field (the plan is unchanged).
    RejectField {
        /// Item id, or `plan`.
        target: String,
        /// Field path.
        field: String,
        /// What was typed.
        text: String,
        /// Why it was refused.
        reason: String,
    },
    /// A plan-level edit (settings, groups, parameters), one undoable step.
    Plan(PlanEdit),
    /// Show or hide the plan settings window.
    ShowPlanSettings(bool),
    /// Price with the Catalogue tab's catalogue number `n` (the app's own first, then imports).
    SwitchCatalog(usize),
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

/// The plan's own settings, as the settings window edits them.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanSettings {
    /// The plan's name.
    pub name: String,
    /// What the plan is for.
    pub description: String,
    /// Region of items that name none.
    pub default_region: String,
    /// First month, `YYYY-MM`.
    pub start_month: String,
    /// Months the plan covers (1–60).
    pub horizon_months: u32,
    /// Apply the AWS Free Tier.
    pub free_tier: bool,
    /// How tiered prices apply.
    pub tier_mode: TierMode,
}

impl PlanSettings {
    /// The settings of `plan`.
    pub fn of(plan: &Plan) -> PlanSettings {
        PlanSettings {
            name: plan.name.clone(),
            description: plan.description.clone(),
            default_region: plan.default_region.clone(),
            start_month: plan.start_month.clone(),
            horizon_months: plan.horizon_months,
            free_tier: plan.free_tier,
            tier_mode: plan.tier_mode,
        }
    }
}

/// Edits of the plan as a whole; each is checked and applied as one undoable step.
#[derive(Debug, Clone, PartialEq)]
pub enum PlanEdit {
    /// Set the plan's settings; `field` names the one changed (for messages).
    Settings {
        /// The setting changed (`default_region`).
        field: &'static str,
        /// All settings, with the change.
        settings: Box<PlanSettings>,
    },
    /// Add a group (nested in `parent` if given).
    AddGroup {
        /// The new group's name.
        name: String,
        /// The group it is nested in, if any.
        parent: Option<String>,
    },
    /// Rename a group; its items and sub-groups follow.
    RenameGroup {
        /// Current name.
        old: String,
        /// New name.
        new: String,
    },
    /// Set a group's description.
    DescribeGroup {
        /// The group.
        name: String,
        /// Its new description.
        description: String,
    },
    /// Delete a group; its items move to `items_to` (or become ungrouped).
    DeleteGroup {
        /// The group deleted.
        name: String,
        /// Where its items go (`None`: no group).
        items_to: Option<String>,
    },
    /// Move a group up (`delta` < 0) or down among its siblings.
    MoveGroup {
        /// The group moved.
        name: String,
        /// −1 up, +1 down.
        delta: i32,
    },
    /// Nest a group in `parent` (`None`: top level).
    NestGroup {
        /// The group nested.
        name: String,
        /// Its new parent (`None`: top level).
        parent: Option<String>,
    },
    /// Rename a parameter; every formula using it follows.
    RenameParameter {
        /// Current name.
        old: String,
        /// New name.
        new: String,
    },
    /// Set a parameter's description.
    DescribeParameter {
        /// The parameter.
        name: String,
        /// Its new description.
        description: String,
    },
    /// Delete a parameter (refused while it is used).
    DeleteParameter {
        /// The parameter deleted.
        name: String,
    },
}

impl PlanEdit {
    /// Where a refusal of this edit is shown: (`plan`, `group:NAME`, or `param:NAME`; field).
    pub fn target(&self) -> (String, String) {
        match self {
            PlanEdit::Settings { field, .. } => ("plan".into(), (*field).into()),
            PlanEdit::AddGroup { .. } => ("plan".into(), "add_group".into()),
            PlanEdit::RenameGroup { old, .. } => (format!("group:{old}"), "name".into()),
            PlanEdit::DescribeGroup { name, .. } => (format!("group:{name}"), "description".into()),
            PlanEdit::DeleteGroup { name, .. } => (format!("group:{name}"), "delete".into()),
            PlanEdit::MoveGroup { name, .. } | PlanEdit::NestGroup { name, .. } => {
                (format!("group:{name}"), "parent".into())
            }
            PlanEdit::RenameParameter { old, .. } => (format!("param:{old}"), "name".into()),
            PlanEdit::DescribeParameter { name, .. } => {
                (format!("param:{name}"), "description".into())
            }
            PlanEdit::DeleteParameter { name } => (format!("param:{name}"), "delete".into()),
        }
    }

    /// The text the person typed, for the rejection display.
    pub fn text(&self) -> String {
        match self {
            PlanEdit::Settings { field, settings } => match *field {
                "name" => settings.name.clone(),
                "description" => settings.description.clone(),
                "default_region" => settings.default_region.clone(),
                "start_month" => settings.start_month.clone(),
                "horizon_months" => settings.horizon_months.to_string(),
                _ => String::new(),
            },
            PlanEdit::AddGroup { name, .. } => name.clone(),
            PlanEdit::RenameGroup { new, .. } | PlanEdit::RenameParameter { new, .. } => {
                new.clone()
            }
            PlanEdit::DescribeGroup { description, .. }
            | PlanEdit::DescribeParameter { description, .. } => description.clone(),
            _ => String::new(),
        }
    }

    /// Apply the edit to `plan` (the caller validates the result as a whole).
    pub fn apply(&self, plan: &mut Plan) -> Result<(), String> {
        use crate::plan::edit;
        match self {
            PlanEdit::Settings { field, settings } => {
                let s = settings.as_ref();
                match *field {
                    "name" if s.name.trim().is_empty() => {
                        return Err("the plan needs a name".into());
                    }
                    "start_month" if crate::plan::growth::parse_month(&s.start_month).is_none() => {
                        return Err(format!(
                            "`{}` is not a month: write YYYY-MM, e.g. 2026-01",
                            s.start_month.trim()
                        ));
                    }
                    _ => {}
                }
                plan.name = s.name.trim().to_string();
                plan.description = s.description.trim().to_string();
                plan.default_region = s.default_region.clone();
                plan.start_month = s.start_month.trim().to_string();
                plan.horizon_months = s.horizon_months;
                plan.free_tier = s.free_tier;
                plan.tier_mode = s.tier_mode;
                Ok(())
            }
            PlanEdit::AddGroup { name, parent } => {
                edit::add_group(plan, name.trim(), parent.as_deref())
            }
            PlanEdit::RenameGroup { old, new } => edit::rename_group(plan, old, new),
            PlanEdit::DescribeGroup { name, description } => {
                edit::describe_group(plan, name, description)
            }
            PlanEdit::DeleteGroup { name, items_to } => {
                edit::delete_group(plan, name, items_to.as_deref())
            }
            PlanEdit::MoveGroup { name, delta } => edit::move_group(plan, name, *delta),
            PlanEdit::NestGroup { name, parent } => {
                edit::set_group_parent(plan, name, parent.as_deref())
            }
            PlanEdit::RenameParameter { old, new } => edit::rename_parameter(plan, old, new),
            PlanEdit::DescribeParameter { name, description } => {
                match plan.parameters.iter_mut().find(|p| &p.name == name) {
                    Some(p) => {
                        p.description = description.trim().to_string();
                        Ok(())
                    }
                    None => Err(format!("the plan has no parameter `{name}`")),
                }
            }
            PlanEdit::DeleteParameter { name } => edit::delete_parameter(plan, name),
        }
    }
}

/// An empty plan for File ▸ New: nothing of any sample — a plan named "Untitled plan" in
/// `region` (the person's last-used default region when the catalogue prices it, else the
/// catalogue's first of us-east-1 or its first region), starting `start_month`, 12 months, no
/// free tier, tiers per account.
pub fn empty_plan(catalog: &Catalog, region: Option<&str>, start_month: &str) -> Plan {
    let regions = catalog.regions();
    let region = region
        .filter(|r| regions.contains(r))
        .or_else(|| regions.iter().copied().find(|r| *r == "us-east-1"))
        .or_else(|| regions.first().copied())
        .unwrap_or("us-east-1")
        .to_string();
    Plan {
        schema_version: crate::plan::SCHEMA_VERSION,
        name: "Untitled plan".into(),
        description: String::new(),
        default_region: region,
        start_month: start_month.to_string(),
        horizon_months: 12,
        free_tier: false,
        tier_mode: TierMode::Aggregate,
        parameters: Vec::new(),
        groups: Vec::new(),
        items: Vec::new(),
        growth: Vec::new(),
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
