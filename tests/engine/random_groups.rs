//! Random Auto Scaling groups for the simulator's differential tests
//! (`tests/scaling_fingerprint.rs`, `tests/scaling_batch.rs`): every policy kind and
//! adjustment type, alarm minutes, warm-ups, cooldowns, 1/5/60-minute steps, daily, weekly and
//! one-off schedules at UTC offsets, predictive scaling in both modes, reserved cover and Spot
//! mixes, as plan JSON.

use cloudplan::scaling::rng::SplitMix64;
use serde_json::{Value, json};

pub fn pick<'a, T>(r: &mut SplitMix64, xs: &'a [T]) -> &'a T {
    &xs[(r.next_u64() % xs.len() as u64) as usize]
}

pub fn rand_group(r: &mut SplitMix64) -> Value {
    let mut pols = vec![];
    let np = r.next_u64() % 4;
    for _ in 0..np {
        let k = r.next_u64() % 3;
        let p = match k {
            0 => json!({"type":"target_tracking","target_pct": 20.0 + (r.next_u64()%70) as f64,
                 "instance_warmup_s": *pick(r,&[0u32,60,300,900,3600]),
                 "disable_scale_in": r.next_u64().is_multiple_of(4),
                 "alarm_high_minutes": *pick(r,&[1u32,3,5,10,120]),
                 "alarm_low_minutes": *pick(r,&[1u32,15,30,200])}),
            1 => {
                let cmp = *pick(
                    r,
                    &[
                        "greater_than_or_equal",
                        "greater_than",
                        "less_than",
                        "less_than_or_equal",
                    ],
                );
                let up = cmp.starts_with("greater");
                let at = *pick(
                    r,
                    &[
                        "change_in_capacity",
                        "exact_capacity",
                        "percent_change_in_capacity",
                    ],
                );
                let sgn = if up { 1.0 } else { -1.0 };
                let steps = if up {
                    json!([{"lower":0.0,"upper":10.0,"adjustment": sgn*(1+r.next_u64()%30) as f64},{"lower":10.0,"adjustment": sgn*(2+r.next_u64()%60) as f64}])
                } else {
                    json!([{"upper":0.0,"lower":-10.0,"adjustment": sgn*(1+r.next_u64()%30) as f64},{"upper":-10.0,"adjustment": sgn*(2+r.next_u64()%60) as f64}])
                };
                let steps = if at == "exact_capacity" {
                    json!([{"lower": if up {0.0} else {-1000.0}, "upper": if up {Value::Null} else {json!(0.0)}, "adjustment": (1+r.next_u64()%20) as f64}])
                } else {
                    steps
                };
                let mut p = json!({"type":"step","alarm":{"comparison":cmp,"threshold": 20.0+(r.next_u64()%70) as f64,"evaluation_minutes": *pick(r,&[1u32,2,5,60])},
                 "adjustment_type": at, "steps": steps, "instance_warmup_s": *pick(r,&[0u32,300,1200])});
                if at == "percent_change_in_capacity" && r.next_u64().is_multiple_of(2) {
                    p["min_adjustment_magnitude"] = json!(1 + r.next_u64() % 3);
                }
                // strip nulls
                if let Some(a) = p["steps"].as_array_mut() {
                    for s in a {
                        if let Some(o) = s.as_object_mut() {
                            o.retain(|_, v| !v.is_null());
                        }
                    }
                }
                p
            }
            _ => {
                let cmp = *pick(r, &["greater_than", "less_than"]);
                let adj = if cmp == "greater_than" {
                    (1 + r.next_u64() % 4) as f64
                } else {
                    -((1 + r.next_u64() % 3) as f64)
                };
                json!({"type":"simple","alarm":{"comparison":cmp,"threshold": 20.0+(r.next_u64()%70) as f64,"evaluation_minutes": *pick(r,&[1u32,3,60])},
                 "adjustment_type":"change_in_capacity","adjustment":adj,"cooldown_s": *pick(r,&[0u32,300,600,3600])})
            }
        };
        pols.push(p);
    }
    let mut sched = vec![];
    for _ in 0..(r.next_u64() % 3) {
        let when = match r.next_u64() % 3 {
            0 => {
                json!({"repeat":"daily","at": format!("{:02}:{:02}", r.next_u64()%24, *pick(r,&[0,15,30,7]))})
            }
            1 => {
                json!({"repeat":"weekly","days":["mon","wed","sat"],"at": format!("{:02}:00", r.next_u64()%24)})
            }
            _ => {
                json!({"repeat":"once","at": format!("2027-01-{:02}T{:02}:30", 1+r.next_u64()%20, r.next_u64()%24)})
            }
        };
        let mut a =
            json!({"name":"s","when":when,"utc_offset_minutes": *pick(r,&[0i32,-300,540,330])});
        match r.next_u64() % 3 {
            0 => a["min"] = json!(r.next_u64() % 6),
            1 => a["max"] = json!(3 + r.next_u64() % 20),
            _ => a["desired"] = json!(r.next_u64() % 15),
        }
        sched.push(a);
    }
    let min = r.next_u64() % 4;
    let max = min + 1 + r.next_u64() % 40;
    let desired = min + r.next_u64() % (max - min + 1);
    let mut g = json!({
        "instance_types":[{"instance_type":"m6i.large","weight":*pick(r,&[1u32,1,2])}],
        "capacity_per_unit": *pick(r,&[100.0,400.0,250.0]),
        "min":min,"desired":desired,"max":max,
        "instance_warmup_s": *pick(r,&[0u32,300,600,1800]),
        "default_cooldown_s": *pick(r,&[0u32,300,900]),
        "replacement_delay_s": *pick(r,&[0u32,300,1200]),
        "distribution":{"on_demand_base": r.next_u64()%3, "on_demand_pct_above_base": *pick(r,&[0.0,50.0,100.0,33.0])},
        "demand":{"source":"profile","base": 500.0 + (r.next_u64()%3000) as f64,
            "daily":{"peak_hour": (r.next_u64()%24) as f64,"amplitude": *pick(r,&[0.0,0.3,0.6,0.9])},
            "weekly":{"weekend_factor":0.7},
            "monthly_spike":{"day":10,"start_hour":12,"hours":6,"factor":2.5},
            "growth_pct_per_month": *pick(r,&[0.0,3.0,-2.0]),
            "noise":{"sd_pct": *pick(r,&[0.0,2.0,10.0])}},
        "policies": pols, "scheduled": sched,
        "simulation":{"step_minutes": *pick(r,&[1u32,5,60]),"months": 1 + r.next_u64()%2,"seed": r.next_u64()%1000}
    });
    if r.next_u64().is_multiple_of(2) {
        g["reserved"] =
            json!({"count": r.next_u64()%4,"class":"standard","term":"1yr","payment":"no_upfront"});
    }
    if r.next_u64().is_multiple_of(2) {
        g["predictive"] = json!({"target_pct": 40.0+(r.next_u64()%40) as f64,"mode": *pick(r,&["forecast_only","forecast_and_scale"]),"scheduling_buffer_s": *pick(r,&[0u32,300,600]),"increase_max_capacity": r.next_u64().is_multiple_of(2),"max_capacity_buffer_pct": 10.0});
    }
    g
}
