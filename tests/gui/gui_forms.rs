//! The Details panel's forms, driven as a person does: for each resource kind every field is
//! typed into (or picked) and lands in the plan; quantities take units (`1 TB`, `3M`); bad
//! input is refused with a message beside the field while the plan keeps its value.

use cloudplan::catalog::{OfferingClass, Payment, Service, Term};
use cloudplan::plan::{
    Num, PurchaseOption, Resource, SavingsPlanKind, SpikePeriod, Usage, Weekday,
};
use cloudplan::ui::app::App;
use cloudplan::ui::cells::Col;
use cloudplan::ui::commands::Command;
use cloudplan::ui::dialogs::FixedPaths;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use crate::kit;

/// A new empty plan (File › New) with one item of `service`, selected, in a tall window so the
/// whole form is on screen.
pub fn new_item(service: Service) -> Harness<'static, App> {
    let mut h = kit::harness_sized(kit::default_app(FixedPaths::default()), [1600.0, 2600.0]);
    h.state_mut().send(Command::New);
    h.run();
    h.state_mut().send(Command::AddItem(service));
    h.run();
    h.state_mut().grid.select_only(0, Col::Name);
    h.run();
    h
}

/// Type `text` into the text field labelled `label` (the first one) and press Enter.
pub fn type_field(h: &mut Harness<'static, App>, label: &str, text: &str) {
    h.get_all_by_role_and_label(Role::TextInput, label)
        .next()
        .unwrap_or_else(|| panic!("a text field `{label}`"))
        .click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.key_press(Key::Backspace);
    h.run();
    if !text.is_empty() {
        h.get_all_by_role_and_label(Role::TextInput, label)
            .next()
            .unwrap()
            .type_text(text);
    }
    h.run();
    h.key_press(Key::Enter);
    h.run();
    h.run();
}

/// Pick `option` in the drop-down labelled `label` (the option shown by the opened list, not
/// a same-named label elsewhere on screen).
pub fn pick(h: &mut Harness<'static, App>, label: &str, option: &str) {
    let before: Vec<String> = h
        .query_all_by_label(option)
        .map(|n| format!("{:?}", n.rect()))
        .collect();
    h.get_all_by_role_and_label(Role::ComboBox, label)
        .next()
        .unwrap_or_else(|| panic!("a drop-down `{label}`"))
        .click();
    h.run();
    let node = h
        .query_all_by_label(option)
        .rfind(|n| !before.contains(&format!("{:?}", n.rect())))
        .or_else(|| h.query_all_by_label(option).last())
        .unwrap_or_else(|| panic!("option `{option}` of `{label}`"));
    node.click();
    h.run();
    h.run();
}

fn resource(h: &Harness<'static, App>) -> Resource {
    h.state().doc.plan.items[0].resource.clone()
}

fn v(x: f64) -> Option<Num> {
    Some(Num::Value(x))
}

#[test]
fn s3_form_edits_every_field_with_units() {
    let mut h = new_item(Service::S3);
    // A class with lifecycle transitions and retrievals.
    pick(&mut h, "Storage class", "S3 Glacier Flexible Retrieval");
    type_field(&mut h, "Storage", "1 TB");
    type_field(&mut h, "Objects", "3M");
    type_field(&mut h, "Average object size", "512");
    type_field(&mut h, "PUT, COPY, POST, LIST requests", "2.5M");
    type_field(&mut h, "GET, SELECT and other requests", "40M");
    type_field(&mut h, "Lifecycle transitions", "10k");
    type_field(&mut h, "Data retrieved", "500 GiB");
    type_field(&mut h, "Retention", "90 days");
    pick(&mut h, "Retrieval speed", "Bulk");
    let Resource::S3(s) = resource(&h) else {
        panic!("S3")
    };
    assert_eq!(s.storage_gb, Num::Value(1024.0));
    assert_eq!(s.object_count, v(3e6));
    assert_eq!(s.avg_object_kb, v(512.0));
    assert_eq!(s.put_requests, v(2.5e6));
    assert_eq!(s.get_requests, v(40e6));
    assert_eq!(s.lifecycle_transitions, v(1e4));
    assert_eq!(s.retrieval_gb, v(500.0));
    assert_eq!(s.retention_days, v(90.0));
    assert_eq!(s.retrieval_tier, Some(cloudplan::plan::RetrievalTier::Bulk));
    // Intelligent-Tiering shows its access-tier shares.
    pick(&mut h, "Storage class", "S3 Intelligent-Tiering");
    type_field(&mut h, "Infrequent Access tier", "30 %");
    type_field(&mut h, "Archive Instant tier", "20");
    type_field(&mut h, "Archive Access tier", "5");
    type_field(&mut h, "Deep Archive Access tier", "5");
    let Resource::S3(s) = resource(&h) else {
        panic!("S3")
    };
    assert_eq!(s.storage_class, "intelligent_tiering");
    let mix = s.intelligent_tiering.expect("mix");
    assert_eq!(mix.infrequent_pct, Num::Value(30.0));
    assert_eq!(mix.archive_instant_pct, Num::Value(20.0));
    assert_eq!(mix.archive_pct, Num::Value(5.0));
    assert_eq!(mix.deep_archive_pct, Num::Value(5.0));
    // An optional field emptied is left out again.
    type_field(&mut h, "Objects", "");
    let Resource::S3(s) = resource(&h) else {
        panic!("S3")
    };
    assert_eq!(s.object_count, None);
    assert!(h.state().doc.priced.item(0).is_some(), "still priced");
}

#[test]
fn bad_input_is_refused_with_a_message_and_the_value_stays() {
    let mut h = new_item(Service::S3);
    let before = resource(&h);
    let id = h.state().doc.plan.items[0].id.clone();
    // A unit the field does not take.
    type_field(&mut h, "Storage", "3 ms");
    assert_eq!(resource(&h), before);
    let r = h.state().rejected_for(&id, "storage_gb").expect("rejected");
    assert!(r.reason.contains("`ms` is not a unit"), "{}", r.reason);
    assert!(
        h.query_all_by_label_contains("Not applied: “3 ms”").count() >= 1,
        "the reason shows beside the field"
    );
    // The field shows the plan's value again (its edit buffer is dropped).
    assert_eq!(
        h.state()
            .detail
            .form
            .buffers
            .get("storage_gb")
            .map(String::as_str),
        Some("100")
    );
    // A negative number, and a formula over an unknown name (refused by the plan's checks).
    type_field(&mut h, "Objects", "-4");
    assert!(h.state().rejected_for(&id, "object_count").is_some());
    type_field(&mut h, "PUT, COPY, POST, LIST requests", "usres * 2");
    let r = h
        .state()
        .rejected_for(&id, "put_requests")
        .expect("rejected");
    assert!(r.reason.contains("usres"), "{}", r.reason);
    assert_eq!(resource(&h), before);
    let notice = h.state().notice.clone().expect("a message");
    assert!(notice.error);
    // A good value clears the field's rejection.
    type_field(&mut h, "Storage", "250");
    assert!(h.state().rejected_for(&id, "storage_gb").is_none());
}

#[test]
fn ec2_purchase_options_are_every_option_aws_sells() {
    let mut h = new_item(Service::Ec2);
    let purchase = |h: &Harness<'static, App>| match resource(h) {
        Resource::Ec2(f) => f.purchase,
        _ => panic!("EC2"),
    };
    assert_eq!(purchase(&h), PurchaseOption::OnDemand);
    pick(&mut h, "Purchase option", "Spot");
    assert_eq!(purchase(&h), PurchaseOption::Spot);
    pick(&mut h, "Purchase option", "Reserved Instances");
    pick(&mut h, "Offering class", "Convertible");
    pick(&mut h, "Term", "3 years");
    assert_eq!(
        purchase(&h),
        PurchaseOption::Reserved {
            class: OfferingClass::Convertible,
            term: Term::ThreeYears,
            payment: Payment::NoUpfront
        }
    );
    // Every payment option is offered; one the catalogue has no price for is refused with
    // the gap named (never priced at $0), and the plan keeps the priced choice.
    let id = h.state().doc.plan.items[0].id.clone();
    pick(&mut h, "Payment option", "All Upfront");
    let r = h
        .state()
        .rejected_for(&id, "purchase.payment")
        .expect("refused")
        .reason
        .clone();
    assert!(
        r.contains("all_upfront") || r.contains("All Upfront"),
        "{r}"
    );
    assert!(matches!(
        purchase(&h),
        PurchaseOption::Reserved {
            payment: Payment::NoUpfront,
            ..
        }
    ));
    pick(&mut h, "Offering class", "Standard");
    pick(&mut h, "Term", "1 year");
    assert_eq!(
        purchase(&h),
        PurchaseOption::Reserved {
            class: OfferingClass::Standard,
            term: Term::OneYear,
            payment: Payment::NoUpfront
        }
    );
    // Savings Plans: the kind, term and payment are picked; a combination the catalogue has
    // no rate for is refused with the gap named (never priced at $0).
    pick(&mut h, "Purchase option", "Savings Plan");
    assert!(matches!(purchase(&h), PurchaseOption::SavingsPlan { .. }));
    pick(&mut h, "Savings Plan type", "EC2 Instance Savings Plan");
    match purchase(&h) {
        PurchaseOption::SavingsPlan {
            plan: SavingsPlanKind::Ec2Instance,
            ..
        } => {}
        PurchaseOption::SavingsPlan { .. } => {
            let r = h
                .state()
                .rejected_for(&id, "purchase.plan")
                .expect("refused");
            assert!(!r.reason.is_empty());
        }
        other => panic!("a Savings Plan, got {other:?}"),
    }
    pick(&mut h, "Purchase option", "On-Demand");
    assert_eq!(purchase(&h), PurchaseOption::OnDemand);
}

#[test]
fn ec2_usage_patterns_with_the_instance_hours_preview() {
    let mut h = new_item(Service::Ec2);
    let fleet = |h: &Harness<'static, App>| match resource(h) {
        Resource::Ec2(f) => f,
        _ => panic!("EC2"),
    };
    type_field(&mut h, "Instances", "4");
    type_field(&mut h, "Hours per month", "365 h");
    h.get_by_label("1,460 instance-hours");
    pick(&mut h, "Usage pattern", "Weekly spike");
    type_field(&mut h, "Baseline instances", "2");
    type_field(&mut h, "Peak instances", "10");
    type_field(&mut h, "Peak hours per day", "6");
    // Weekdays by default; Saturday added.
    h.get_by_role_and_label(Role::CheckBox, "Sat").click();
    h.run();
    let f = fleet(&h);
    let Usage::Spike {
        period,
        baseline,
        peak,
        peak_hours,
        days,
        ..
    } = &f.usage
    else {
        panic!("spike")
    };
    assert_eq!(*period, SpikePeriod::Weekly);
    assert_eq!(
        (baseline, peak, peak_hours),
        (&Num::Value(2.0), &Num::Value(10.0), &Num::Value(6.0))
    );
    assert_eq!(days.len(), 6);
    assert!(days.contains(&Weekday::Sat));
    // 2 × 730 + 8 × 6 h × 6 days × 730/168 — the engine's figure, shown in the form.
    let hours = 2.0 * 730.0 + 8.0 * 6.0 * 6.0 * 730.0 / 168.0;
    h.get_by_label(&format!(
        "{} instance-hours",
        cloudplan::text::format::quantity(hours, 2)
    ));
    pick(&mut h, "Usage pattern", "Monthly spike");
    type_field(&mut h, "Spike days per month", "3 days");
    let Usage::Spike { days_per_month, .. } = fleet(&h).usage else {
        panic!("spike")
    };
    assert_eq!(days_per_month, v(3.0));
    // Peak below baseline: refused by the engine's rule, named.
    type_field(&mut h, "Peak instances", "1");
    let id = h.state().doc.plan.items[0].id.clone();
    let r = h.state().rejected_for(&id, "usage.peak").expect("refused");
    assert!(r.reason.contains("at least the baseline"), "{}", r.reason);
    pick(&mut h, "Usage pattern", "Constant usage");
    assert!(matches!(fleet(&h).usage, Usage::Constant { .. }));
    // The instance type: typed, and refused when the catalogue has no price for it.
    type_field(&mut h, "Instance type", "c6i.xlarge");
    assert_eq!(fleet(&h).instance_type, "c6i.xlarge");
    type_field(&mut h, "Instance type", "zz9.huge");
    assert_eq!(fleet(&h).instance_type, "c6i.xlarge");
    assert!(h.state().rejected_for(&id, "instance_type").is_some());
}

#[test]
fn rds_form_offers_on_demand_and_reserved_only() {
    let mut h = new_item(Service::Rds);
    h.get_all_by_role_and_label(Role::ComboBox, "Purchase option")
        .next()
        .unwrap()
        .click();
    h.run();
    assert!(h.query_by_label("Spot").is_none(), "RDS sells no Spot");
    assert!(h.query_by_label("Savings Plan").is_none());
    h.get_all_by_label("Reserved Instances")
        .last()
        .unwrap()
        .click();
    h.run();
    assert!(h.query_by_label("Offering class").is_none());
    pick(&mut h, "Payment option", "Partial Upfront");
    pick(&mut h, "Engine", "MySQL");
    h.get_by_role_and_label(Role::CheckBox, "Multi-AZ").click();
    h.run();
    type_field(&mut h, "Instances", "2");
    type_field(&mut h, "Hours per month", "730");
    pick(&mut h, "Storage type", "Provisioned IOPS SSD (io1)");
    type_field(&mut h, "Allocated storage", "1 TB");
    type_field(&mut h, "Provisioned IOPS", "3000");
    type_field(&mut h, "Throughput", "");
    type_field(&mut h, "Backup storage", "200");
    let Resource::Rds(d) = resource(&h) else {
        panic!("RDS")
    };
    assert_eq!(
        d.purchase,
        PurchaseOption::Reserved {
            class: OfferingClass::Standard,
            term: Term::OneYear,
            payment: Payment::PartialUpfront
        }
    );
    assert_eq!(d.engine, cloudplan::plan::RdsEngine::Mysql);
    assert!(d.multi_az);
    assert_eq!(d.count, Num::Value(2.0));
    assert_eq!(d.storage_type, cloudplan::plan::RdsStorageType::Io1);
    assert_eq!(d.storage_gb, Num::Value(1024.0));
    assert_eq!(d.iops, v(3000.0));
    assert_eq!(d.backup_gb, v(200.0));
}

/// Every other kind: each field typed or picked lands in the plan.
#[test]
fn every_other_kind_has_a_form_for_every_field() {
    // EBS
    let mut h = new_item(Service::Ebs);
    pick(&mut h, "Volume type", "Provisioned IOPS SSD (io2)");
    type_field(&mut h, "Size per volume", "2 TiB");
    type_field(&mut h, "Volumes", "3");
    type_field(&mut h, "IOPS per volume", "16k");
    type_field(&mut h, "Snapshot storage", "300");
    let Resource::Ebs(x) = resource(&h) else {
        panic!()
    };
    assert_eq!(x.volume_type, cloudplan::plan::EbsVolumeType::Io2);
    assert_eq!(
        (x.size_gb, x.volume_count),
        (Num::Value(2048.0), Num::Value(3.0))
    );
    assert_eq!((x.iops, x.snapshot_gb), (v(16000.0), v(300.0)));
    pick(&mut h, "Volume type", "General Purpose SSD (gp3)");
    type_field(&mut h, "IOPS per volume", "");
    type_field(&mut h, "Throughput per volume", "250 MiB/s");
    let Resource::Ebs(x) = resource(&h) else {
        panic!()
    };
    assert_eq!(x.throughput_mibps, v(250.0));

    // EFS
    let mut h = new_item(Service::Efs);
    pick(&mut h, "Storage class", "One Zone");
    type_field(&mut h, "Storage", "5 TB");
    type_field(&mut h, "Infrequent Access share", "60");
    type_field(&mut h, "Data read", "100");
    type_field(&mut h, "Data written", "20");
    type_field(&mut h, "Provisioned throughput", "");
    let Resource::Efs(x) = resource(&h) else {
        panic!()
    };
    assert_eq!(x.storage_class, "onezone");
    assert_eq!(x.storage_gb, Num::Value(5120.0));
    assert_eq!(
        (x.infrequent_pct, x.read_gb, x.write_gb),
        (v(60.0), v(100.0), v(20.0))
    );
    pick(&mut h, "Storage class", "Regional (Standard)");
    type_field(&mut h, "Archive share", "10");
    let Resource::Efs(x) = resource(&h) else {
        panic!()
    };
    assert_eq!(x.archive_pct, v(10.0));

    // Data transfer, with a destination region added.
    let mut h = new_item(Service::DataTransfer);
    type_field(&mut h, "Out to the internet", "12 TB");
    type_field(&mut h, "In from the internet", "1 TB");
    type_field(&mut h, "Between Availability Zones", "300");
    h.get_by_role_and_label(Role::ComboBox, "To other regions")
        .click();
    h.run();
    h.get_by_label("ap-northeast-2 — Asia Pacific (Seoul)")
        .click();
    h.run();
    type_field(&mut h, "To other regions", "40");
    let Resource::DataTransfer(x) = resource(&h) else {
        panic!()
    };
    assert_eq!(x.internet_out_gb, Num::Value(12288.0));
    assert_eq!(x.internet_in_gb, Num::Value(1024.0));
    assert_eq!(x.inter_az_gb, Num::Value(300.0));
    assert_eq!(
        x.inter_region_gb.get("ap-northeast-2"),
        Some(&Num::Value(40.0))
    );

    // Lambda
    let mut h = new_item(Service::Lambda);
    type_field(&mut h, "Requests", "30M");
    type_field(&mut h, "Duration", "0.25 s");
    type_field(&mut h, "Memory", "1 GB");
    pick(&mut h, "Architecture", "x86_64");
    type_field(&mut h, "Ephemeral storage", "2048");
    let Resource::Lambda(x) = resource(&h) else {
        panic!()
    };
    assert_eq!(x.requests_per_month, Num::Value(30e6));
    assert_eq!(x.duration_ms, Num::Value(250.0));
    assert_eq!(x.memory_mb, Num::Value(1024.0));
    assert_eq!(x.architecture, cloudplan::catalog::Arch::X86_64);
    assert_eq!(x.ephemeral_storage_mb, v(2048.0));

    // DynamoDB, both modes.
    let mut h = new_item(Service::Dynamodb);
    type_field(&mut h, "Write request units", "5M");
    type_field(&mut h, "Read request units", "20M");
    type_field(&mut h, "Table storage", "50");
    pick(&mut h, "Table class", "Standard-Infrequent Access");
    let Resource::Dynamodb(x) = resource(&h) else {
        panic!()
    };
    assert_eq!(
        (x.write_request_units, x.read_request_units),
        (v(5e6), v(20e6))
    );
    assert_eq!(
        (x.storage_gb, x.table_class.as_str()),
        (Num::Value(50.0), "standard_ia")
    );
    pick(&mut h, "Capacity mode", "Provisioned");
    type_field(&mut h, "Write capacity units", "100");
    type_field(&mut h, "Read capacity units", "400");
    let Resource::Dynamodb(x) = resource(&h) else {
        panic!()
    };
    assert_eq!(x.mode, cloudplan::plan::DynamodbMode::Provisioned);
    assert_eq!(
        (x.write_capacity_units, x.read_capacity_units),
        (v(100.0), v(400.0))
    );

    // NAT gateway
    let mut h = new_item(Service::NatGateway);
    type_field(&mut h, "NAT gateways", "3");
    type_field(&mut h, "Hours per month", "720");
    type_field(&mut h, "Data processed", "2 TB");
    let Resource::NatGateway(x) = resource(&h) else {
        panic!()
    };
    assert_eq!(
        (x.count, x.hours_per_month, x.data_processed_gb),
        (Num::Value(3.0), Num::Value(720.0), Num::Value(2048.0))
    );

    // Load balancer
    let mut h = new_item(Service::Elb);
    type_field(&mut h, "Load balancers", "2");
    type_field(&mut h, "Hours per month", "730");
    type_field(&mut h, "Data processed", "500");
    type_field(&mut h, "New connections", "25/s");
    type_field(&mut h, "Active connections", "3k");
    type_field(&mut h, "Rule evaluations", "50");
    let Resource::LoadBalancer(x) = resource(&h) else {
        panic!()
    };
    assert_eq!(
        (x.count, x.processed_gb),
        (Num::Value(2.0), Num::Value(500.0))
    );
    assert_eq!(
        (
            x.new_connections_per_sec,
            x.active_connections,
            x.rule_evaluations_per_sec
        ),
        (Num::Value(25.0), Num::Value(3000.0), Num::Value(50.0))
    );
    pick(&mut h, "Load balancer type", "Network Load Balancer");
    let Resource::LoadBalancer(x) = resource(&h) else {
        panic!()
    };
    assert_eq!(x.lb_type, cloudplan::plan::LoadBalancerType::Nlb);

    // Public IPv4
    let mut h = new_item(Service::PublicIpv4);
    type_field(&mut h, "In-use addresses", "6");
    type_field(&mut h, "Idle addresses", "1");
    type_field(&mut h, "Hours per month", "730");
    let Resource::PublicIpv4(x) = resource(&h) else {
        panic!()
    };
    assert_eq!((x.in_use, x.idle), (Num::Value(6.0), Num::Value(1.0)));

    // EKS clusters
    let mut h = new_item(Service::Eks);
    type_field(&mut h, "Clusters", "3");
    type_field(&mut h, "Hours per month", "365");
    h.get_by_role_and_label(Role::CheckBox, "Extended support")
        .click();
    h.run();
    let Resource::Eks(x) = resource(&h) else {
        panic!()
    };
    assert_eq!(
        (x.count, x.hours_per_month),
        (Num::Value(3.0), Num::Value(365.0))
    );
    assert!(x.extended_support);

    // Fargate tasks
    let mut h = new_item(Service::Fargate);
    type_field(&mut h, "Tasks", "12");
    type_field(&mut h, "vCPU per task", "0.5");
    type_field(&mut h, "Memory per task", "1 GB");
    type_field(&mut h, "Hours per month", "730");
    type_field(&mut h, "Ephemeral storage per task", "50");
    type_field(&mut h, "Fargate Spot share", "30 %");
    pick(&mut h, "Orchestrator", "Amazon ECS");
    let Resource::Fargate(x) = resource(&h) else {
        panic!()
    };
    assert_eq!(
        (x.count, x.vcpu, x.memory_gb),
        (Num::Value(12.0), Num::Value(0.5), Num::Value(1.0))
    );
    assert_eq!(
        (x.ephemeral_storage_gb, x.spot_pct),
        (Num::Value(50.0), Num::Value(30.0))
    );
    // Every platform is offered; one the catalogue cannot price with this Spot share is
    // refused with the reason beside the field.
    pick(&mut h, "Platform", "Linux, Arm (Graviton)");
    let Resource::Fargate(x) = resource(&h) else {
        panic!()
    };
    let id = h.state().doc.plan.items[0].id.clone();
    assert!(
        x.platform == cloudplan::plan::FargatePlatform::LinuxArm64
            || h.state().rejected_for(&id, "platform").is_some()
    );

    // Custom line
    let mut h = new_item(Service::Custom);
    type_field(&mut h, "Monthly", "$1,200");
    type_field(&mut h, "Upfront", "5k");
    type_field(&mut h, "Source", "Business support quote 2026-01");
    let Resource::Custom(x) = resource(&h) else {
        panic!()
    };
    assert_eq!(
        (x.monthly_usd, x.upfront_usd),
        (Num::Value(1200.0), Num::Value(5000.0))
    );
    assert_eq!(x.note, "Business support quote 2026-01");
}

#[test]
fn item_fields_name_group_region_tags_and_id() {
    let mut h = new_item(Service::S3);
    h.state_mut()
        .send(Command::Plan(cloudplan::ui::commands::PlanEdit::AddGroup {
            name: "Archive team".into(),
            parent: None,
        }));
    h.run();
    type_field(&mut h, "Name", "User uploads");
    pick(&mut h, "Group", "Archive team");
    pick(&mut h, "Region", "ap-northeast-2 — Asia Pacific (Seoul)");
    type_field(&mut h, "Tags", "env=prod, team=web");
    type_field(&mut h, "Id", "uploads");
    let item = h.state().doc.plan.items[0].clone();
    assert_eq!(item.name, "User uploads");
    assert_eq!(item.group, "Archive team");
    assert_eq!(item.region.as_deref(), Some("ap-northeast-2"));
    assert_eq!(item.tags.get("team").map(String::as_str), Some("web"));
    assert_eq!(item.id, "uploads");
    // Malformed tags are refused with the reason.
    type_field(&mut h, "Tags", "oops");
    assert!(h.state().rejected_for("uploads", "tags").is_some());
    assert_eq!(h.state().doc.plan.items[0].tags.len(), 2);
    // One form edit is one undo step.
    h.state_mut().send(Command::Undo);
    h.run();
    assert_ne!(h.state().doc.plan.items[0].id, "uploads");
    assert_eq!(h.state().doc.plan.items[0].tags.len(), 2);
}

/// The grid's Quantity cell takes units too: `1 TB` in an S3 row is 1,024 GB, `3M` in a
/// Lambda row is three million requests; a unit the field does not take is refused.
#[test]
fn quantity_cells_take_units() {
    let mut h = new_item(Service::S3);
    kit::type_into_cell(&mut h, 0, Col::Quantity, "1 TB");
    let Resource::S3(s) = resource(&h) else {
        panic!("S3")
    };
    assert_eq!(s.storage_gb, Num::Value(1024.0));
    kit::type_into_cell(&mut h, 0, Col::Quantity, "3 ms");
    let Resource::S3(s) = resource(&h) else {
        panic!("S3")
    };
    assert_eq!(s.storage_gb, Num::Value(1024.0));
    let id = h.state().doc.plan.items[0].id.clone();
    assert!(h.state().rejected_for(&id, "Quantity").is_some());
    let mut h = new_item(Service::Lambda);
    kit::type_into_cell(&mut h, 0, Col::Quantity, "3M");
    let Resource::Lambda(l) = resource(&h) else {
        panic!("Lambda")
    };
    assert_eq!(l.requests_per_month, Num::Value(3e6));
}
