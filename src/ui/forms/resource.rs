//! The item form of the Details panel: the item's own fields (name, group, region, tags, id)
//! and a typed form for its resource kind — every field the plan format has, each with its
//! unit and one-line help, enumerations as drop-downs with human names.

use super::purchase::{self, Offer};
use super::text::{self, words};
use super::{Form, Unit, grid};
use crate::catalog::{Arch, Catalog, Service};
use crate::plan::formula::Evaluator;
use crate::plan::{
    DynamodbMode, EbsVolumeType, FargateOrchestrator, FargatePlatform, IntelligentTieringMix, Item,
    LoadBalancerType, Num, Plan, RdsEngine, RdsStorageType, Resource, RetrievalTier,
};
use egui::RichText;

/// What the item form needs besides the item.
pub struct Context<'a> {
    /// The open plan (groups, default region).
    pub plan: &'a Plan,
    /// The catalogue (regions, instance types).
    pub catalog: &'a Catalog,
    /// The plan's parameter values, for previews.
    pub eval: Option<&'a Evaluator>,
}

fn keep(t: &str) -> Result<String, String> {
    Ok(t.trim().to_string())
}

/// The resource kind as written in plan files.
pub fn kind_key(r: &Resource) -> &'static str {
    match r {
        Resource::Ec2(_) => "ec2",
        Resource::Ebs(_) => "ebs",
        Resource::S3(_) => "s3",
        Resource::Efs(_) => "efs",
        Resource::DataTransfer(_) => "data_transfer",
        Resource::Lambda(_) => "lambda",
        Resource::Rds(_) => "rds",
        Resource::Dynamodb(_) => "dynamodb",
        Resource::NatGateway(_) => "nat_gateway",
        Resource::LoadBalancer(_) => "load_balancer",
        Resource::PublicIpv4(_) => "public_ipv4",
        Resource::Custom(_) => "custom",
        Resource::ScalingGroup(_) => "scaling_group",
        Resource::Eks(_) => "eks",
        Resource::Fargate(_) => "fargate",
    }
}

/// Draw the whole form for `item` (a copy the form edits); the caller turns the form's result
/// into a command with [`Form::command`].
pub fn item_form(f: &mut Form, ui: &mut egui::Ui, item: &mut Item, cx: &Context) {
    grid(ui, ("item-form", f.row), |ui| {
        f.text(ui, "name", &mut item.name, keep);
        let mut groups: Vec<(String, String)> = vec![(String::new(), words(f.lang).none.into())];
        for (depth, g) in crate::plan::edit::group_tree(cx.plan) {
            groups.push((g.name.clone(), format!("{}{}", "  ".repeat(depth), g.name)));
        }
        f.choice(ui, "group", &mut item.group, &groups);
        let default = &cx.plan.default_region;
        let mut region_opts: Vec<(Option<String>, String)> = vec![(
            None,
            format!(
                "{}: {}",
                words(f.lang).plan_default,
                cx.catalog.region_label(default)
            ),
        )];
        for r in cx.catalog.regions() {
            region_opts.push((Some(r.to_string()), cx.catalog.region_label(r)));
        }
        if let Some(r) = &item.region
            && !region_opts.iter().any(|(o, _)| o.as_ref() == Some(r))
        {
            region_opts.push((Some(r.clone()), cx.catalog.region_label(r)));
        }
        f.choice(ui, "region", &mut item.region, &region_opts);
        let mut tags = item
            .tags
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join(", ");
        let before = tags.clone();
        f.text(ui, "tags", &mut tags, |t| {
            let mut out = Vec::new();
            for pair in t.split(',').map(str::trim).filter(|p| !p.is_empty()) {
                let (k, v) = pair.split_once('=').ok_or_else(|| {
                    format!("`{pair}`: write tags as key=value, separated by commas")
                })?;
                out.push(format!("{}={}", k.trim(), v.trim()));
            }
            Ok(out.join(", "))
        });
        if tags != before {
            item.tags = tags
                .split(", ")
                .filter_map(|p| p.split_once('='))
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect();
        }
        f.text(ui, "id", &mut item.id, keep);
    });
    ui.separator();
    let region = item
        .region
        .clone()
        .unwrap_or_else(|| cx.plan.default_region.clone());
    grid(ui, ("resource-form", f.row), |ui| {
        resource_rows(f, ui, &mut item.resource, cx, &region)
    });
}

fn resource_rows(f: &mut Form, ui: &mut egui::Ui, r: &mut Resource, cx: &Context, region: &str) {
    let w = words(f.lang);
    match r {
        Resource::Ec2(x) => {
            let types: Vec<String> = cx
                .catalog
                .instances()
                .iter()
                .map(|s| s.instance_type.clone())
                .filter(|t| {
                    cx.catalog.has_price(
                        region,
                        Service::Ec2,
                        t,
                        crate::catalog::vocab::ec2::INSTANCE_HOURS,
                        crate::catalog::PriceOption::OnDemand,
                    )
                })
                .collect();
            f.text_with_options(ui, "instance_type", &mut x.instance_type, &types, keep);
            purchase::usage_form(f, ui, &mut x.usage, &mut x.count, cx.eval);
            purchase::purchase_form(f, ui, &mut x.purchase, Offer::Ec2);
        }
        Resource::Ebs(x) => {
            let types: Vec<(EbsVolumeType, String)> = EbsVolumeType::ALL
                .iter()
                .map(|t| (*t, ebs_label(*t).to_string()))
                .collect();
            f.choice(ui, "volume_type", &mut x.volume_type, &types);
            f.num(ui, "size_gb", &mut x.size_gb, Unit::Gigabytes);
            f.counts(w.volumes)
                .num(ui, "volume_count", &mut x.volume_count, Unit::Count);
            f.counts("IOPS")
                .opt_num(ui, "iops", &mut x.iops, Unit::Count);
            f.opt_num(
                ui,
                "throughput_mibps",
                &mut x.throughput_mibps,
                Unit::MibPerSecond,
            );
            f.opt_num(ui, "snapshot_gb", &mut x.snapshot_gb, Unit::Gigabytes);
        }
        Resource::S3(x) => {
            let classes: Vec<(String, String)> = crate::catalog::vocab::s3::CLASSES
                .iter()
                .map(|c| (c.to_string(), text::s3_class(c).to_string()))
                .collect();
            f.choice(ui, "storage_class", &mut x.storage_class, &classes);
            f.num(ui, "storage_gb", &mut x.storage_gb, Unit::Gigabytes);
            f.counts(w.objects)
                .opt_num(ui, "object_count", &mut x.object_count, Unit::Count);
            f.opt_num(ui, "avg_object_kb", &mut x.avg_object_kb, Unit::Kilobytes);
            f.counts(w.requests)
                .opt_num(ui, "put_requests", &mut x.put_requests, Unit::Count);
            f.counts(w.requests)
                .opt_num(ui, "get_requests", &mut x.get_requests, Unit::Count);
            f.counts(w.objects).opt_num(
                ui,
                "lifecycle_transitions",
                &mut x.lifecycle_transitions,
                Unit::Count,
            );
            f.opt_num(ui, "retrieval_gb", &mut x.retrieval_gb, Unit::Gigabytes);
            f.choice(
                ui,
                "retrieval_tier",
                &mut x.retrieval_tier,
                &[
                    (None, w.not_set.to_string()),
                    (Some(RetrievalTier::Expedited), "Expedited".into()),
                    (Some(RetrievalTier::Standard), "Standard".into()),
                    (Some(RetrievalTier::Bulk), "Bulk".into()),
                ],
            );
            f.opt_num(ui, "retention_days", &mut x.retention_days, Unit::Days);
            if x.storage_class == "intelligent_tiering" || x.intelligent_tiering.is_some() {
                let mut mix = x.intelligent_tiering.clone().unwrap_or_default();
                let before = mix.clone();
                f.num(
                    ui,
                    "intelligent_tiering.infrequent_pct",
                    &mut mix.infrequent_pct,
                    Unit::Percent,
                );
                f.num(
                    ui,
                    "intelligent_tiering.archive_instant_pct",
                    &mut mix.archive_instant_pct,
                    Unit::Percent,
                );
                f.num(
                    ui,
                    "intelligent_tiering.archive_pct",
                    &mut mix.archive_pct,
                    Unit::Percent,
                );
                f.num(
                    ui,
                    "intelligent_tiering.deep_archive_pct",
                    &mut mix.deep_archive_pct,
                    Unit::Percent,
                );
                if mix != before {
                    x.intelligent_tiering =
                        (mix != IntelligentTieringMix::default()).then_some(mix);
                }
            }
        }
        Resource::Efs(x) => {
            f.choice(
                ui,
                "storage_class",
                &mut x.storage_class,
                &[
                    ("standard".to_string(), "Regional (Standard)".to_string()),
                    ("onezone".to_string(), "One Zone".to_string()),
                ],
            );
            f.num(ui, "storage_gb", &mut x.storage_gb, Unit::Gigabytes);
            f.opt_num(ui, "infrequent_pct", &mut x.infrequent_pct, Unit::Percent);
            f.opt_num(ui, "archive_pct", &mut x.archive_pct, Unit::Percent);
            f.opt_num(ui, "read_gb", &mut x.read_gb, Unit::Gigabytes);
            f.opt_num(ui, "write_gb", &mut x.write_gb, Unit::Gigabytes);
            f.opt_num(
                ui,
                "provisioned_mibps",
                &mut x.provisioned_mibps,
                Unit::MibPerSecond,
            );
        }
        Resource::DataTransfer(x) => {
            f.num(
                ui,
                "internet_out_gb",
                &mut x.internet_out_gb,
                Unit::Gigabytes,
            );
            f.num(ui, "internet_in_gb", &mut x.internet_in_gb, Unit::Gigabytes);
            f.num(ui, "inter_az_gb", &mut x.inter_az_gb, Unit::Gigabytes);
            inter_region(f, ui, &mut x.inter_region_gb, cx, region);
        }
        Resource::Lambda(x) => {
            f.counts(w.requests).num(
                ui,
                "requests_per_month",
                &mut x.requests_per_month,
                Unit::Count,
            );
            f.num(ui, "duration_ms", &mut x.duration_ms, Unit::Milliseconds);
            f.num(ui, "memory_mb", &mut x.memory_mb, Unit::Megabytes);
            f.choice(
                ui,
                "architecture",
                &mut x.architecture,
                &[
                    (Arch::X86_64, "x86_64".to_string()),
                    (Arch::Arm64, "Arm (Graviton)".to_string()),
                ],
            );
            f.opt_num(
                ui,
                "ephemeral_storage_mb",
                &mut x.ephemeral_storage_mb,
                Unit::Megabytes,
            );
        }
        Resource::Rds(x) => {
            f.choice(
                ui,
                "engine",
                &mut x.engine,
                &[
                    (RdsEngine::Postgresql, "PostgreSQL".to_string()),
                    (RdsEngine::Mysql, "MySQL".to_string()),
                ],
            );
            let prefix = format!(
                "{}:{}:",
                x.engine.as_str(),
                if x.multi_az { "multi_az" } else { "single_az" }
            );
            let classes: Vec<String> = cx
                .catalog
                .products(Service::Rds, region)
                .into_iter()
                .filter_map(|p| p.strip_prefix(prefix.as_str()))
                .map(str::to_string)
                .collect();
            f.text_with_options(ui, "instance_class", &mut x.instance_class, &classes, keep);
            f.check(ui, "multi_az", &mut x.multi_az);
            f.counts(w.instances)
                .num(ui, "count", &mut x.count, Unit::Count);
            f.num(ui, "hours_per_month", &mut x.hours_per_month, Unit::Hours);
            f.choice(
                ui,
                "storage_type",
                &mut x.storage_type,
                &[
                    (RdsStorageType::Gp3, "General Purpose SSD (gp3)".to_string()),
                    (RdsStorageType::Gp2, "General Purpose SSD (gp2)".to_string()),
                    (
                        RdsStorageType::Io1,
                        "Provisioned IOPS SSD (io1)".to_string(),
                    ),
                    (
                        RdsStorageType::Io2,
                        "Provisioned IOPS SSD (io2)".to_string(),
                    ),
                    (RdsStorageType::Magnetic, "Magnetic".to_string()),
                ],
            );
            f.num(ui, "storage_gb", &mut x.storage_gb, Unit::Gigabytes);
            f.counts("IOPS")
                .opt_num(ui, "iops", &mut x.iops, Unit::Count);
            f.opt_num(
                ui,
                "throughput_mibps",
                &mut x.throughput_mibps,
                Unit::MibPerSecond,
            );
            f.opt_num(ui, "backup_gb", &mut x.backup_gb, Unit::Gigabytes);
            purchase::purchase_form(f, ui, &mut x.purchase, Offer::Rds);
        }
        Resource::Dynamodb(x) => {
            f.choice(
                ui,
                "mode",
                &mut x.mode,
                &[
                    (DynamodbMode::OnDemand, w.on_demand.to_string()),
                    (DynamodbMode::Provisioned, "Provisioned".to_string()),
                ],
            );
            f.choice(
                ui,
                "table_class",
                &mut x.table_class,
                &[
                    ("standard".to_string(), "Standard".to_string()),
                    (
                        "standard_ia".to_string(),
                        "Standard-Infrequent Access".to_string(),
                    ),
                ],
            );
            match x.mode {
                DynamodbMode::OnDemand => {
                    f.counts(w.units).opt_num(
                        ui,
                        "write_request_units",
                        &mut x.write_request_units,
                        Unit::Count,
                    );
                    f.counts(w.units).opt_num(
                        ui,
                        "read_request_units",
                        &mut x.read_request_units,
                        Unit::Count,
                    );
                }
                DynamodbMode::Provisioned => {
                    f.counts(w.units).opt_num(
                        ui,
                        "write_capacity_units",
                        &mut x.write_capacity_units,
                        Unit::Count,
                    );
                    f.counts(w.units).opt_num(
                        ui,
                        "read_capacity_units",
                        &mut x.read_capacity_units,
                        Unit::Count,
                    );
                }
            }
            f.num(ui, "storage_gb", &mut x.storage_gb, Unit::Gigabytes);
        }
        Resource::NatGateway(x) => {
            f.counts(w.gateways)
                .num(ui, "count", &mut x.count, Unit::Count);
            f.num(ui, "hours_per_month", &mut x.hours_per_month, Unit::Hours);
            f.num(
                ui,
                "data_processed_gb",
                &mut x.data_processed_gb,
                Unit::Gigabytes,
            );
        }
        Resource::LoadBalancer(x) => {
            f.choice(
                ui,
                "lb_type",
                &mut x.lb_type,
                &[
                    (
                        LoadBalancerType::Alb,
                        "Application Load Balancer".to_string(),
                    ),
                    (LoadBalancerType::Nlb, "Network Load Balancer".to_string()),
                ],
            );
            f.counts(w.load_balancers)
                .num(ui, "count", &mut x.count, Unit::Count);
            f.num(ui, "hours_per_month", &mut x.hours_per_month, Unit::Hours);
            f.num(ui, "processed_gb", &mut x.processed_gb, Unit::Gigabytes);
            f.num(
                ui,
                "new_connections_per_sec",
                &mut x.new_connections_per_sec,
                Unit::PerSecond,
            );
            f.num(
                ui,
                "active_connections",
                &mut x.active_connections,
                Unit::Count,
            );
            if x.lb_type == LoadBalancerType::Alb {
                f.num(
                    ui,
                    "rule_evaluations_per_sec",
                    &mut x.rule_evaluations_per_sec,
                    Unit::PerSecond,
                );
            }
        }
        Resource::PublicIpv4(x) => {
            f.counts(w.addresses)
                .num(ui, "in_use", &mut x.in_use, Unit::Count);
            f.counts(w.addresses)
                .num(ui, "idle", &mut x.idle, Unit::Count);
            f.num(ui, "hours_per_month", &mut x.hours_per_month, Unit::Hours);
        }
        Resource::Custom(x) => {
            f.num(ui, "monthly_usd", &mut x.monthly_usd, Unit::Usd);
            f.num(ui, "upfront_usd", &mut x.upfront_usd, Unit::Usd);
            f.text(ui, "note", &mut x.note, keep);
        }
        Resource::Eks(x) => {
            f.counts(w.clusters)
                .num(ui, "count", &mut x.count, Unit::Count);
            f.num(ui, "hours_per_month", &mut x.hours_per_month, Unit::Hours);
            f.check(ui, "extended_support", &mut x.extended_support);
        }
        Resource::Fargate(x) => {
            f.counts(w.tasks)
                .num(ui, "count", &mut x.count, Unit::Count);
            f.num(ui, "vcpu", &mut x.vcpu, Unit::Count);
            f.num(ui, "memory_gb", &mut x.memory_gb, Unit::Gigabytes);
            f.num(ui, "hours_per_month", &mut x.hours_per_month, Unit::Hours);
            f.choice(
                ui,
                "platform",
                &mut x.platform,
                &[
                    (FargatePlatform::LinuxX86, "Linux, x86".to_string()),
                    (
                        FargatePlatform::LinuxArm64,
                        "Linux, Arm (Graviton)".to_string(),
                    ),
                    (
                        FargatePlatform::WindowsX86,
                        "Windows Server, x86".to_string(),
                    ),
                ],
            );
            f.choice(
                ui,
                "orchestrator",
                &mut x.orchestrator,
                &[
                    (FargateOrchestrator::Ecs, "Amazon ECS".to_string()),
                    (FargateOrchestrator::Eks, "Amazon EKS".to_string()),
                ],
            );
            f.num(
                ui,
                "ephemeral_storage_gb",
                &mut x.ephemeral_storage_gb,
                Unit::Gigabytes,
            );
            f.num(ui, "spot_pct", &mut x.spot_pct, Unit::Percent);
        }
        Resource::ScalingGroup(g) => {
            ui.vertical(|ui| {
                ui.label(RichText::new(w.scaling_summary).weak());
                ui.label(format!(
                    "{} · min {} / desired {} / max {}",
                    g.instance_types
                        .iter()
                        .map(|t| t.instance_type.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                    g.min,
                    g.desired,
                    g.max
                ));
            });
        }
    }
}

/// Human names of the EBS volume types.
pub fn ebs_label(t: EbsVolumeType) -> &'static str {
    match t {
        EbsVolumeType::Gp3 => "General Purpose SSD (gp3)",
        EbsVolumeType::Gp2 => "General Purpose SSD (gp2)",
        EbsVolumeType::Io1 => "Provisioned IOPS SSD (io1)",
        EbsVolumeType::Io2 => "Provisioned IOPS SSD (io2)",
        EbsVolumeType::St1 => "Throughput Optimized HDD (st1)",
        EbsVolumeType::Sc1 => "Cold HDD (sc1)",
        EbsVolumeType::Standard => "Magnetic (standard)",
    }
}

/// Data sent to other regions: one row per destination (GB), a region to add, remove buttons.
fn inter_region(
    f: &mut Form,
    ui: &mut egui::Ui,
    map: &mut std::collections::BTreeMap<String, Num>,
    cx: &Context,
    region: &str,
) {
    let w = words(f.lang);
    let dests: Vec<String> = map.keys().cloned().collect();
    for dest in dests {
        let key = format!("inter_region_gb.{dest}");
        let mut v = map.get(&dest).cloned().unwrap_or_default();
        let l = f.label(ui, "inter_region_gb");
        ui.vertical(|ui| {
            ui.label(RichText::new(cx.catalog.region_label(&dest)).small());
            ui.horizontal(|ui| {
                let current = v.to_text();
                if let Some(t) = f.text_input(ui, &key, &current, l.id) {
                    match Num::parse_in(&t, Unit::Gigabytes) {
                        Ok(n) => {
                            v = n;
                            f.changed = Some(key.clone());
                        }
                        Err(reason) => f.refuse(&key, t, reason),
                    }
                }
                ui.label(RichText::new(Unit::Gigabytes.symbol()).weak());
                if ui.small_button(w.remove).clicked() {
                    map.remove(&dest);
                    f.changed = Some(key.clone());
                }
            });
            f.after(ui, &key);
        });
        if map.contains_key(&dest) {
            map.insert(dest, v);
        }
    }
    let l = f.label(ui, "inter_region_gb");
    let mut add: Option<String> = None;
    egui::ComboBox::from_id_salt(("add-destination", f.row))
        .selected_text(w.add_destination)
        .width(220.0)
        .show_ui(ui, |ui| {
            for r in cx.catalog.regions() {
                if r != region
                    && !map.contains_key(r)
                    && ui
                        .selectable_label(false, cx.catalog.region_label(r))
                        .clicked()
                {
                    add = Some(r.to_string());
                }
            }
        })
        .response
        .labelled_by(l.id);
    if let Some(r) = add {
        map.insert(r.clone(), Num::Value(0.0));
        f.changed = Some(format!("inter_region_gb.{r}"));
    }
}
