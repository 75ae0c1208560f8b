//! Lambda functions: requests, duration in GB-seconds (tiered), ephemeral storage.
//!
//! Billing rules (aws.amazon.com/lambda/pricing and its Examples 1–2):
//! * Requests are charged per request ($0.20 per 1M in us-east-1).
//! * Duration: `GB-seconds = requests × memory MB / 1024 × duration ms / 1000` ("Total compute
//!   (GB-s) = 3,000,000 × 512MB/1024"); duration is billed in 1 ms increments, so the plan's
//!   `duration_ms` is used as given. Duration is tiered per month per account and region
//!   (x86: first 6B, next 9B, over 15B GB-s; Arm: first 7.5B, next 11.25B, over 18.75B).
//! * Ephemeral storage above the 512 MB included: `requests × (MB − 512) / 1024 × duration s`
//!   GB-seconds at the ephemeral storage price.
//! * Free tier (when the plan turns it on): 1M requests and 400,000 GB-seconds a month.

use super::free_tier::FreeKind;
use super::line::{Ctx, Line};
use crate::catalog::vocab::lambda as v;
use crate::plan::LambdaFunction;

/// Ephemeral storage included with every function, MB.
pub const INCLUDED_EPHEMERAL_MB: f64 = 512.0;

/// Push lines for requests, duration GB-seconds (tiered) and ephemeral storage above 512 MB.
pub fn lines<'a>(ctx: &Ctx<'a>, f: &'a LambdaFunction, out: &mut Vec<Line<'a>>) {
    let req = ctx.num(&f.requests_per_month, "lambda.requests_per_month");
    let ms = ctx.num(&f.duration_ms, "lambda.duration_ms");
    let mb = ctx.num(&f.memory_mb, "lambda.memory_mb");
    let eph = ctx.opt(&f.ephemeral_storage_mb, "lambda.ephemeral_storage_mb");
    let arch = f.architecture.as_str();
    out.push(
        Line::new(ctx, "Requests", arch, v::REQUESTS, req, "requests")
            .free(FreeKind::LambdaRequests),
    );
    let gb = mb / 1024.0;
    let s = ms / 1000.0;
    out.push(
        Line::new(ctx, "Duration", arch, v::DURATION, req * gb * s, "GB-s")
            .basis(&[(req, " requests"), (gb, " GB"), (s, " s")])
            .free(FreeKind::LambdaGbSeconds),
    );
    let extra_mb = eph - INCLUDED_EPHEMERAL_MB;
    if extra_mb > 0.0 {
        let egb = extra_mb / 1024.0;
        out.push(
            Line::new(
                ctx,
                "Ephemeral storage above 512 MB",
                arch,
                v::EPHEMERAL_STORAGE,
                req * egb * s,
                "GB-s",
            )
            .basis(&[(req, " requests"), (egb, " GB"), (s, " s")]),
        );
    }
}
