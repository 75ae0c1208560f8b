//! AWS Fargate tasks (ECS) and pods (EKS): vCPU-hours, GB-hours, Windows licence, storage.
//!
//! Billing rules and sources (aws.amazon.com/fargate/pricing; rates from the AWS ecs.json /
//! eks.json feeds, `pricing-data/rates/fargate.csv`):
//! * Fargate bills the vCPU and memory a task requests, per vCPU-hour and per GB-hour, for the
//!   time it runs: `count × hours × vcpu` vCPU-hours and `count × hours × memory_gb` GB-hours.
//! * Windows tasks also pay an operating-system licence fee per vCPU-hour.
//! * Every task gets 20 GB of ephemeral storage included; storage configured above it is billed
//!   per GB-hour (`(ephemeral_storage_gb − 20) × count × hours`).
//! * Fargate Spot (ECS): `spot_pct` % of the task-hours are billed at the Fargate Spot vCPU and
//!   GB rates, the rest On-Demand. The catalogue has Spot rates for ECS Linux/x86 only (20
//!   regions); any other Spot share is a missing price.
//!
//! Products without a rate in the region (EKS pods other than Linux/x86, Windows in two regions)
//! are missing prices, never $0.

use super::line::{Ctx, Line};
use crate::catalog::PriceOption;
use crate::catalog::vocab::fargate as v;
use crate::plan::{FargateOrchestrator, FargatePlatform, FargateTasks};
use crate::units::HOURS_PER_MONTH;
use std::borrow::Cow;

/// Ephemeral storage every Fargate task gets without charge, GB.
pub const INCLUDED_STORAGE_GB: f64 = 20.0;

/// Push the vCPU, memory (On-Demand and Spot), Windows licence and extra storage lines.
pub fn lines<'a>(ctx: &Ctx<'a>, f: &'a FargateTasks, out: &mut Vec<Line<'a>>) {
    let count = ctx.num(&f.count, "fargate.count");
    let vcpu = ctx.num(&f.vcpu, "fargate.vcpu");
    let mem = ctx.num(&f.memory_gb, "fargate.memory_gb");
    let hours = ctx.num(&f.hours_per_month, "fargate.hours_per_month");
    let storage = ctx.num(&f.ephemeral_storage_gb, "fargate.ephemeral_storage_gb");
    let spot_pct = ctx.num(&f.spot_pct, "fargate.spot_pct");
    if hours > HOURS_PER_MONTH {
        ctx.error(
            "fargate.hours_per_month",
            format!("at most {HOURS_PER_MONTH} hours in a month (got {hours})"),
        );
        return;
    }
    if spot_pct > 0.0 && f.orchestrator == FargateOrchestrator::Eks {
        ctx.error(
            "fargate.spot_pct",
            "Fargate Spot runs Amazon ECS tasks only; EKS pods on Fargate have no Spot option",
        );
        return;
    }
    let orch = match f.orchestrator {
        FargateOrchestrator::Ecs => "ecs",
        FargateOrchestrator::Eks => "eks",
    };
    let platform = match f.platform {
        FargatePlatform::LinuxX86 => "linux_x86",
        FargatePlatform::LinuxArm64 => "linux_arm64",
        FargatePlatform::WindowsX86 => "windows_x86",
    };
    let product: Cow<'a, str> = Cow::Owned(format!("{orch}:{platform}"));
    let task_hours = count * hours;
    if task_hours <= 0.0 {
        return;
    }
    let spot_share = (spot_pct / 100.0).clamp(0.0, 1.0);
    for (share, option, label) in [
        (1.0 - spot_share, PriceOption::OnDemand, ""),
        (spot_share, PriceOption::Spot, " (Fargate Spot)"),
    ] {
        if share <= 0.0 {
            continue;
        }
        let th = task_hours * share;
        out.push(
            Line::new(
                ctx,
                Cow::Owned(format!("Fargate vCPU hours{label}")),
                product.clone(),
                v::VCPU_HOURS,
                th * vcpu,
                "vCPU-h",
            )
            .basis(&[(count, ""), (hours, " h"), (share, ""), (vcpu, " vCPU")])
            .option(option),
        );
        out.push(
            Line::new(
                ctx,
                Cow::Owned(format!("Fargate memory GB-hours{label}")),
                product.clone(),
                v::MEMORY_GB_HOURS,
                th * mem,
                "GB-h",
            )
            .basis(&[(count, ""), (hours, " h"), (share, ""), (mem, " GB")])
            .option(option),
        );
    }
    if f.platform == FargatePlatform::WindowsX86 {
        out.push(
            Line::new(
                ctx,
                "Fargate Windows OS licence vCPU hours",
                product.clone(),
                v::OS_LICENSE_VCPU_HOURS,
                task_hours * vcpu,
                "vCPU-h",
            )
            .basis(&[(count, ""), (hours, " h"), (vcpu, " vCPU")]),
        );
    }
    let extra = storage - INCLUDED_STORAGE_GB;
    if extra > 0.0 {
        out.push(
            Line::new(
                ctx,
                "Fargate ephemeral storage above 20 GB",
                Cow::Owned(format!("{orch}:ephemeral_storage")),
                v::STORAGE_GB_HOURS,
                task_hours * extra,
                "GB-h",
            )
            .basis(&[(count, ""), (hours, " h"), (extra, " GB")])
            .note("20 GB of ephemeral storage per task is included"),
        );
    }
}
