//! Reports of a scaling simulation as text: the per-step CSV (`cloudplan simulate --csv`),
//! the monthly CSV and the plain-text summary printed by the CLI. Same conventions as
//! [`super::csv`]: plain decimals, text cells neutralised against formula injection.

use super::csv::{decimal, neutralise};
use super::format;
use crate::scaling::run::Outcome;
use std::fmt::Write;

/// Header of the per-step CSV.
pub const STEP_HEADER: &str = "timestamp_utc,demand,desired,min,max,in_service,warming,replacing,on_demand,spot,forecast,utilisation_pct,unmet_demand,events";

/// One row per simulation step.
pub fn steps_csv(o: &Outcome, capacity_per_unit: f64) -> String {
    let sim = &o.simulation;
    let mut out = String::with_capacity(sim.steps.len() * 80 + 200);
    out.push_str(STEP_HEADER);
    out.push('\n');
    let mut ev = sim.events.iter().peekable();
    for (i, s) in sim.steps.iter().enumerate() {
        let mut labels = Vec::new();
        while let Some(e) = ev.peek() {
            if e.step > i {
                break;
            }
            if e.step == i {
                labels.push(format!("{}: {} → {}", e.cause.label(), e.from, e.to));
            }
            ev.next();
        }
        let util = s
            .utilisation_pct(capacity_per_unit)
            .map(decimal)
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "{},{},{},{},{},{},{},{},{},{},{},{},{},{}",
            sim.time_of(i).format("%Y-%m-%dT%H:%M:%SZ"),
            decimal(s.demand),
            s.desired,
            s.min,
            s.max,
            s.in_service,
            s.warming,
            s.replacing,
            s.on_demand,
            s.spot,
            s.forecast,
            util,
            decimal(s.unmet),
            quote(&neutralise(&labels.join("; ")))
        );
    }
    out
}

fn quote(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// One row per month: instance-hours and cost by purchase class, and the cost range.
pub fn months_csv(o: &Outcome) -> String {
    let mut out = String::from(
        "month,hours,on_demand_hours,on_demand_usd,reserved_covered_hours,reserved_usd,spot_hours,spot_usd,total_usd,at_min_capacity_usd,at_max_capacity_usd,unmet_demand_hours,scale_events,spot_interruptions\n",
    );
    for (m, u) in o.bill.months.iter().zip(&o.simulation.months) {
        let _ = writeln!(
            out,
            "{},{},{},{},{},{},{},{},{},{},{},{},{},{}",
            m.month.format("%Y-%m"),
            decimal(m.hours),
            decimal(m.on_demand_hours),
            decimal(m.on_demand_usd),
            decimal(m.reserved_covered_hours),
            decimal(m.reserved_usd),
            decimal(m.spot_hours),
            decimal(m.spot_usd),
            decimal(m.total_usd),
            decimal(m.at_min_usd),
            decimal(m.at_max_usd),
            decimal(u.unmet_hours),
            u.scale_events,
            u.spot_interruptions
        );
    }
    out
}

/// Header of the per-instance-type CSV.
pub const TYPES_HEADER: &str = "month,instance_type,purchase_option,instance_hours,usd";

/// One row per month, instance type and purchase option: where the capacity landed (the
/// On-Demand type picked by the On-Demand allocation strategy, the Spot types by the Spot
/// allocation strategy) and what it cost. Rows sum to the monthly CSV's classes.
pub fn types_csv(o: &Outcome) -> String {
    let mut out = String::from(TYPES_HEADER);
    out.push('\n');
    let od = neutralise(&o.prices.on_demand.instance_type);
    for m in &o.bill.months {
        let month = m.month.format("%Y-%m");
        let _ = writeln!(
            out,
            "{month},{},on_demand,{},{}",
            quote(&od),
            decimal(m.on_demand_hours),
            decimal(m.on_demand_usd)
        );
        if let Some((ri, _, _)) = &o.prices.reserved {
            let _ = writeln!(
                out,
                "{month},{},reserved,{},{}",
                quote(&neutralise(&ri.instance_type)),
                decimal(m.reserved_covered_hours),
                decimal(m.reserved_usd)
            );
        }
        for ((p, _), (hours, usd)) in o.prices.spot.iter().zip(&m.spot_by_type) {
            let _ = writeln!(
                out,
                "{month},{},spot,{},{}",
                quote(&neutralise(&p.instance_type)),
                decimal(*hours),
                decimal(*usd)
            );
        }
    }
    out
}

/// Plain-text summary (what `cloudplan simulate` prints).
pub fn summary(name: &str, o: &Outcome) -> String {
    let sim = &o.simulation;
    let b = &o.bill;
    let mut s = String::new();
    let steps = sim.hourly_capacity.len();
    let _ = writeln!(
        s,
        "Scaling group {name}: {} month(s) from {} at {}-minute steps ({} hours)",
        sim.months.len(),
        sim.start.format("%Y-%m-%d %H:%M UTC"),
        sim.step_minutes,
        steps
    );
    let cap_avg = if steps == 0 {
        0.0
    } else {
        sim.hourly_capacity.iter().sum::<f64>() / steps as f64
    };
    let peak = sim.hourly_capacity.iter().copied().fold(0.0, f64::max);
    let _ = writeln!(
        s,
        "Capacity: average {} units, peak hour {} units; average utilisation {}%",
        format::quantity(cap_avg, 2),
        format::quantity(peak, 2),
        format::quantity(sim.average_utilisation_pct(), 1)
    );
    let interruptions: u32 = sim.months.iter().map(|m| m.spot_interruptions).sum();
    let _ = writeln!(
        s,
        "Unmet demand: {} hour(s); scale events: {}; Spot interruptions: {}",
        format::quantity(sim.unmet_hours(), 2),
        sim.events
            .iter()
            .filter(|e| e.cause != crate::scaling::simulate::Cause::SpotInterruption)
            .count(),
        interruptions
    );
    let _ = writeln!(
        s,
        "Prices: On-Demand {} {}/h ({}){}",
        o.prices.on_demand.instance_type,
        format::unit_price(o.prices.on_demand.usd_per_hour),
        o.prices.on_demand.basis,
        o.prices
            .spot
            .iter()
            .map(|(p, _)| format!(
                "; Spot {} {}/h ({})",
                p.instance_type,
                format::unit_price(p.usd_per_hour),
                p.basis
            ))
            .collect::<String>()
    );
    let _ = writeln!(s);
    let _ = writeln!(
        s,
        "{:<8} {:>12} {:>12} {:>12} {:>12} {:>12} {:>12}",
        "Month", "OD hours", "RI-covered", "Spot hours", "OD + RI", "Spot", "Total"
    );
    for m in &b.months {
        let _ = writeln!(
            s,
            "{:<8} {:>12} {:>12} {:>12} {:>12} {:>12} {:>12}",
            m.month.format("%Y-%m"),
            format::quantity(m.on_demand_hours, 1),
            format::quantity(m.reserved_covered_hours, 1),
            format::quantity(m.spot_hours, 1),
            format::money(m.on_demand_usd + m.reserved_usd),
            format::money(m.spot_usd),
            format::money(m.total_usd)
        );
    }
    let _ = writeln!(s);
    let _ = writeln!(
        s,
        "Monthly cost: simulated average {}; range {} (held at min capacity) to {} (held at max capacity)",
        format::money(b.average_monthly_usd),
        format::money(b.average_at_min_usd),
        format::money(b.average_at_max_usd)
    );
    let _ = writeln!(s, "Total over the horizon: {}", format::money(b.total_usd));
    s
}
