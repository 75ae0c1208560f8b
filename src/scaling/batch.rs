//! Many simulations at once ([`simulate_many`]). Groups of the common bulk shape — hourly
//! steps, month totals only, at most one target-tracking and one step policy, warm-ups under
//! half an hour (so a launched unit serves from the step it launches in) — run [`LANES`] at a
//! time in lock-step: each step's arithmetic is done for all lanes together, without branches,
//! in vectors (AVX-512, where the processor has it). What happens at few steps —
//! scheduled actions, step-policy proposals, predictive raises of the maximum, Spot
//! interruptions and their replacements — is done lane by lane with the step loop's own code
//! ([`mod@super::simulate`]). Every other group is simulated on its own.
//!
//! The lanes follow [`super::simulate::simulate`]'s rules with the same operations in the same
//! order, so each lane's result is the one its group gets alone; `tests/scaling_batch.rs`
//! checks this on random groups of every shape.

use super::policy::DynamicPolicy;
use super::simulate::{self, Record, SimOptions, Simulation, few_policies, steps_of};
use super::{GroupSpec, wide};
use chrono::NaiveDateTime;

#[cfg(target_arch = "x86_64")]
mod lanes;

/// Groups simulated together.
pub const LANES: usize = 8;
#[cfg(target_arch = "x86_64")]
const L: usize = LANES;
/// The fewest jobs run in lanes: a batch costs about what eight lanes cost whatever it holds,
/// about 3.4 times one group's scalar run (`benches/scaling.rs`, 36 months at 1 h), so
/// smaller batches run one group at a time.
pub const MIN_LANES: usize = 4;
const STEP_S: u32 = 3600;

/// One simulation to run: the group, its demand (one value per step) and the options.
pub type SimJob<'a> = (&'a GroupSpec, &'a [f64], &'a SimOptions);

/// [`simulate`](super::simulate::simulate) of each job, in the order of `jobs`: jobs of the
/// lane shape with the same start and length run [`LANES`] at a time (a remainder of fewer
/// than [`MIN_LANES`] one by one); the same results.
pub fn simulate_many(jobs: &[SimJob<'_>]) -> Vec<Simulation> {
    let mut out: Vec<Option<Simulation>> = vec![None; jobs.len()];
    // Jobs that run together (same start and length), in order of first appearance.
    let mut batches: Vec<((NaiveDateTime, usize), Vec<usize>)> = Vec::new();
    for (i, (group, demand, opts)) in jobs.iter().enumerate() {
        if !runs_in_lanes(group, opts) {
            out[i] = Some(simulate::simulate(group, demand, opts));
            continue;
        }
        let key = (opts.start, demand.len());
        match batches.iter_mut().find(|b| b.0 == key) {
            Some(b) => b.1.push(i),
            None => batches.push((key, vec![i])),
        }
    }
    #[cfg(target_arch = "x86_64")]
    for (_, indices) in &batches {
        for chunk in indices.chunks(L) {
            if chunk.len() < MIN_LANES {
                for &i in chunk {
                    let (group, demand, opts) = jobs[i];
                    out[i] = Some(simulate::simulate(group, demand, opts));
                }
                continue;
            }
            let lanes: Vec<SimJob> = chunk.iter().map(|&i| jobs[i]).collect();
            for (&i, sim) in chunk.iter().zip(lanes::simulate(&lanes)) {
                out[i] = Some(sim);
            }
        }
    }
    out.into_iter().flatten().collect()
}

/// Whether this processor runs lanes (x86-64 with AVX-512 F, DQ and VL); without, every group
/// is simulated on its own.
pub fn lanes_available() -> bool {
    wide::has_avx512()
}

/// Whether a group runs in lanes: hourly steps, month totals only, few policies (see
/// `simulate::few_policies`) and every warm-up under half an hour (it rounds to 0 steps, so no unit
/// ever waits to warm up).
pub fn runs_in_lanes(group: &GroupSpec, opts: &SimOptions) -> bool {
    let default_warm = steps_of(group.warmup_s(), STEP_S);
    lanes_available()
        && opts.step_minutes == 60
        && opts.record == Record::Months
        && few_policies(group)
        && default_warm == 0
        && group.policies.iter().all(|p| {
            let warm = match p {
                DynamicPolicy::TargetTracking {
                    instance_warmup_s, ..
                }
                | DynamicPolicy::Step {
                    instance_warmup_s, ..
                } => *instance_warmup_s,
                DynamicPolicy::Simple { .. } => None,
            };
            warm.map_or(0, |w| steps_of(w, STEP_S)) == 0
        })
}
