//! A differential check for rewrites of the simulator: 600 random groups (every policy kind and
//! adjustment type, alarm minutes, warm-ups, cooldowns, 1/5/60-minute steps, daily, weekly and
//! one-off schedules at UTC offsets, predictive scaling in both modes, reserved cover, Spot mixes,
//! interruption rates 0 / 0.0002 / 0.05, with and without per-step records) are simulated and
//! each `Simulation` is hashed (`{:?}` prints every float exactly). Run it before and after a
//! change and compare the two files — any difference is a changed result:
//!
//! ```text
//! FP_OUT=/tmp/before.txt cargo test --release --test scaling_fingerprint -- --ignored
//! (change the simulator)
//! FP_OUT=/tmp/after.txt  cargo test --release --test scaling_fingerprint -- --ignored
//! cmp /tmp/before.txt /tmp/after.txt
//! ```
//!
//! Ignored by default: it has no oracle of its own (the golden snapshot of the samples,
//! `tests/scaling_golden.rs`, is the committed guard); it is a tool for the engineer. Compare
//! files made with the same toolchain (`DefaultHasher` may change between Rust releases).

use crate::random_groups;

use cloudplan::scaling::demand::DemandSpec;
use cloudplan::scaling::rng::SplitMix64;
use cloudplan::scaling::{GroupSpec, Record, SimOptions, simulate};
use random_groups::{pick, rand_group};
use std::hash::{DefaultHasher, Hash, Hasher};

#[test]
#[ignore = "a tool: writes digests to $FP_OUT for a before/after comparison"]
fn fingerprint() {
    let out_path = std::env::var("FP_OUT").unwrap_or("scaling-fingerprint.txt".into());
    let mut r = SplitMix64::new(42);
    let mut out = String::new();
    let mut ok = 0;
    for i in 0..600 {
        let v = rand_group(&mut r);
        let g: GroupSpec = match serde_json::from_value(v.clone()) {
            Ok(g) => g,
            Err(e) => {
                out.push_str(&format!("{i} parse {e}\n"));
                continue;
            }
        };
        if let Err(e) = g.validate() {
            out.push_str(&format!("{i} invalid {e}\n"));
            continue;
        }
        let DemandSpec::Profile(p) = &g.demand else {
            unreachable!()
        };
        let t0 = chrono::NaiveDate::from_ymd_opt(2027, 1, 1)
            .unwrap()
            .and_hms_opt(0, 0, 0)
            .unwrap();
        let n = cloudplan::scaling::run::horizon_steps(
            t0.date(),
            g.simulation.months,
            g.simulation.step_minutes,
        );
        let d = p.generate(t0, g.simulation.step_minutes, n, g.simulation.seed);
        for keep in [false, true] {
            let o = SimOptions {
                start: t0,
                step_minutes: g.simulation.step_minutes,
                seed: g.simulation.seed,
                spot_interruptions_per_hour: *pick(&mut r, &[0.0, 0.0002, 0.05]),
                record: if keep { Record::Steps } else { Record::Series },
            };
            let s = simulate(&g, &d, &o);
            // Month totals alone are the same month totals.
            let months_only = simulate(
                &g,
                &d,
                &SimOptions {
                    record: Record::Months,
                    ..o.clone()
                },
            );
            assert_eq!(months_only.months, s.months, "group {i}");
            assert!(months_only.events.is_empty() && months_only.hourly_capacity.is_empty());
            let mut h = DefaultHasher::new();
            format!("{:?}", s).hash(&mut h);
            out.push_str(&format!(
                "{i} {keep} events {} {:016x}\n",
                s.events.len(),
                h.finish()
            ));
        }
        ok += 1;
    }
    std::fs::write(&out_path, out).unwrap();
    assert!(ok > 300, "{ok}");
}
