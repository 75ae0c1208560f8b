//! The purchase-option form (every option AWS sells for the service: On-Demand; Reserved
//! Instances standard / convertible × 1 / 3 years × No / Partial / All Upfront; Compute and EC2
//! Instance Savings Plans; Spot) and the EC2 usage-pattern form (constant; daily, weekly,
//! monthly spike) with a preview of the month's instance-hours from [`crate::plan::usage`].

use super::text::{self, words};
use super::{Form, Unit};
use crate::catalog::{OfferingClass, Payment, Term};
use crate::plan::formula::Evaluator;
use crate::plan::{Num, PurchaseOption, SavingsPlanKind, SpikePeriod, Usage, Weekday};
use crate::text::format;
use egui::RichText;

/// Which purchase options a service sells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Offer {
    /// EC2: On-Demand, Spot, Reserved (standard and convertible), Savings Plans.
    Ec2,
    /// RDS: On-Demand and Reserved (RDS Reserved Instances have no convertible class).
    Rds,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    OnDemand,
    Spot,
    Reserved,
    SavingsPlan,
}

fn kind_of(p: &PurchaseOption) -> Kind {
    match p {
        PurchaseOption::OnDemand => Kind::OnDemand,
        PurchaseOption::Spot => Kind::Spot,
        PurchaseOption::Reserved { .. } => Kind::Reserved,
        PurchaseOption::SavingsPlan { .. } => Kind::SavingsPlan,
    }
}

/// The short human name of a purchase option (`Reserved · Standard · 3 years · All Upfront`).
pub fn label(lang: crate::ui::i18n::Lang, p: &PurchaseOption) -> String {
    let w = words(lang);
    let term = |t: &Term| match t {
        Term::OneYear => w.one_year,
        Term::ThreeYears => w.three_years,
    };
    match p {
        PurchaseOption::OnDemand => w.on_demand.into(),
        PurchaseOption::Spot => w.spot.into(),
        PurchaseOption::Reserved {
            class,
            term: t,
            payment,
        } => format!(
            "{} · {} · {} · {}",
            w.reserved,
            match class {
                OfferingClass::Standard => w.standard,
                OfferingClass::Convertible => w.convertible,
            },
            term(t),
            text::payment(lang, *payment)
        ),
        PurchaseOption::SavingsPlan {
            plan,
            term: t,
            payment,
        } => format!(
            "{} · {} · {}",
            match plan {
                SavingsPlanKind::Compute => w.compute_sp,
                SavingsPlanKind::Ec2Instance => w.ec2_instance_sp,
            },
            term(t),
            text::payment(lang, *payment)
        ),
    }
}

/// The purchase option rows of a form.
pub fn purchase_form(f: &mut Form, ui: &mut egui::Ui, p: &mut PurchaseOption, offer: Offer) {
    let w = words(f.lang);
    let mut kinds = vec![(Kind::OnDemand, w.on_demand.to_string())];
    if offer == Offer::Ec2 {
        kinds.push((Kind::Spot, w.spot.to_string()));
    }
    kinds.push((Kind::Reserved, w.reserved.to_string()));
    if offer == Offer::Ec2 {
        kinds.push((Kind::SavingsPlan, w.savings_plan.to_string()));
    }
    let mut kind = kind_of(p);
    f.choice(ui, "purchase", &mut kind, &kinds);
    if kind != kind_of(p) {
        *p = match kind {
            Kind::OnDemand => PurchaseOption::OnDemand,
            Kind::Spot => PurchaseOption::Spot,
            Kind::Reserved => PurchaseOption::Reserved {
                class: OfferingClass::Standard,
                term: Term::OneYear,
                payment: Payment::NoUpfront,
            },
            Kind::SavingsPlan => PurchaseOption::SavingsPlan {
                plan: SavingsPlanKind::Compute,
                term: Term::OneYear,
                payment: Payment::NoUpfront,
            },
        };
    }
    let terms = [
        (Term::OneYear, w.one_year.to_string()),
        (Term::ThreeYears, w.three_years.to_string()),
    ];
    let payments: Vec<(Payment, String)> = Payment::ALL
        .iter()
        .map(|x| (*x, text::payment(f.lang, *x).to_string()))
        .collect();
    match p {
        PurchaseOption::Reserved {
            class,
            term,
            payment,
        } => {
            if offer == Offer::Ec2 {
                f.choice(
                    ui,
                    "purchase.class",
                    class,
                    &[
                        (OfferingClass::Standard, w.standard.to_string()),
                        (OfferingClass::Convertible, w.convertible.to_string()),
                    ],
                );
            }
            f.choice(ui, "purchase.term", term, &terms);
            f.choice(ui, "purchase.payment", payment, &payments);
        }
        PurchaseOption::SavingsPlan {
            plan,
            term,
            payment,
        } => {
            f.choice(
                ui,
                "purchase.plan",
                plan,
                &[
                    (SavingsPlanKind::Compute, w.compute_sp.to_string()),
                    (SavingsPlanKind::Ec2Instance, w.ec2_instance_sp.to_string()),
                ],
            );
            f.choice(ui, "purchase.term", term, &terms);
            f.choice(ui, "purchase.payment", payment, &payments);
        }
        PurchaseOption::OnDemand | PurchaseOption::Spot => {}
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pattern {
    Constant,
    Spike(SpikePeriod),
}

fn pattern_of(u: &Usage) -> Pattern {
    match u {
        Usage::Constant { .. } => Pattern::Constant,
        Usage::Spike { period, .. } => Pattern::Spike(*period),
    }
}

const WEEKDAYS: [(Weekday, &str, &str); 7] = [
    (Weekday::Mon, "Mon", "월"),
    (Weekday::Tue, "Tue", "화"),
    (Weekday::Wed, "Wed", "수"),
    (Weekday::Thu, "Thu", "목"),
    (Weekday::Fri, "Fri", "금"),
    (Weekday::Sat, "Sat", "토"),
    (Weekday::Sun, "Sun", "일"),
];

/// The usage pattern rows of an EC2 form (`count` is the fleet's constant-usage count), with
/// the month's instance-hours below them.
pub fn usage_form(
    f: &mut Form,
    ui: &mut egui::Ui,
    usage: &mut Usage,
    count: &mut Num,
    eval: Option<&Evaluator>,
) {
    let w = words(f.lang);
    let mut pattern = pattern_of(usage);
    f.choice(
        ui,
        "usage",
        &mut pattern,
        &[
            (Pattern::Constant, w.constant.to_string()),
            (
                Pattern::Spike(SpikePeriod::Daily),
                w.daily_spike.to_string(),
            ),
            (
                Pattern::Spike(SpikePeriod::Weekly),
                w.weekly_spike.to_string(),
            ),
            (
                Pattern::Spike(SpikePeriod::Monthly),
                w.monthly_spike.to_string(),
            ),
        ],
    );
    if pattern != pattern_of(usage) {
        // Keep what carries over: the count becomes the baseline and back.
        let baseline = match usage {
            Usage::Spike { baseline, .. } => baseline.clone(),
            Usage::Constant { .. } => count.clone(),
        };
        *usage = match pattern {
            Pattern::Constant => {
                *count = baseline;
                Usage::default()
            }
            Pattern::Spike(period) => {
                let (peak, peak_hours, days, days_per_month) = match usage {
                    Usage::Spike {
                        peak,
                        peak_hours,
                        days,
                        days_per_month,
                        ..
                    } => (
                        peak.clone(),
                        peak_hours.clone(),
                        days.clone(),
                        days_per_month.clone(),
                    ),
                    Usage::Constant { .. } => (
                        Num::Value(match &baseline {
                            Num::Value(b) => b * 2.0,
                            Num::Formula(_) => 2.0,
                        }),
                        Num::Value(8.0),
                        Vec::new(),
                        None,
                    ),
                };
                Usage::Spike {
                    period,
                    baseline,
                    peak,
                    peak_hours,
                    days: if period == SpikePeriod::Weekly && days.is_empty() {
                        vec![
                            Weekday::Mon,
                            Weekday::Tue,
                            Weekday::Wed,
                            Weekday::Thu,
                            Weekday::Fri,
                        ]
                    } else if period == SpikePeriod::Weekly {
                        days
                    } else {
                        Vec::new()
                    },
                    days_per_month: if period == SpikePeriod::Monthly {
                        days_per_month.or(Some(Num::Value(1.0)))
                    } else {
                        None
                    },
                }
            }
        };
    }
    match usage {
        Usage::Constant { hours_per_month } => {
            f.counts(w.instances).num(ui, "count", count, Unit::Count);
            f.num(ui, "usage.hours_per_month", hours_per_month, Unit::Hours);
        }
        Usage::Spike {
            period,
            baseline,
            peak,
            peak_hours,
            days,
            days_per_month,
        } => {
            f.counts(w.instances)
                .num(ui, "usage.baseline", baseline, Unit::Count);
            f.counts(w.instances)
                .num(ui, "usage.peak", peak, Unit::Count);
            f.num(ui, "usage.peak_hours", peak_hours, Unit::Hours);
            match period {
                SpikePeriod::Weekly => weekdays(f, ui, days),
                SpikePeriod::Monthly => {
                    let mut d = days_per_month.clone().unwrap_or(Num::Value(1.0));
                    f.num(ui, "usage.days_per_month", &mut d, Unit::Days);
                    *days_per_month = Some(d);
                }
                SpikePeriod::Daily => {}
            }
        }
    }
    // The preview: what the engine bills for this pattern.
    ui.add_space(4.0);
    ui.label(RichText::new(w.preview).weak());
    let preview = eval.ok_or_else(|| String::from("—")).and_then(|ev| {
        let c = ev.eval(count).map_err(|e| e.to_string())?;
        crate::plan::usage::fleet_hours(c, usage, ev).map_err(|e| e.message)
    });
    match preview {
        Ok(h) => {
            ui.vertical(|ui| {
                ui.label(
                    RichText::new(format!(
                        "{} {}",
                        format::quantity(h.total(), 2),
                        w.instance_hours
                    ))
                    .strong(),
                );
                if h.spike_count > 0.0 {
                    ui.label(
                        RichText::new(format!(
                            "{} × {} h + {} × {} h",
                            format::quantity(h.baseline_count, 2),
                            format::quantity(h.baseline_hours, 2),
                            format::quantity(h.spike_count, 2),
                            format::quantity(h.spike_hours, 2),
                        ))
                        .small()
                        .weak(),
                    );
                }
            });
        }
        Err(e) => {
            ui.label(RichText::new(e).color(ui.visuals().error_fg_color));
        }
    }
}

fn weekdays(f: &mut Form, ui: &mut egui::Ui, days: &mut Vec<Weekday>) {
    f.label(ui, "usage.days");
    ui.vertical(|ui| {
        ui.horizontal_wrapped(|ui| {
            for (d, en, ko) in WEEKDAYS {
                let mut on = days.contains(&d);
                let name = match f.lang {
                    crate::ui::i18n::Lang::English => en,
                    crate::ui::i18n::Lang::Korean => ko,
                };
                if ui.checkbox(&mut on, name).changed() {
                    if on {
                        days.push(d);
                        days.sort();
                    } else {
                        days.retain(|x| *x != d);
                    }
                    f.changed = Some("usage.days".into());
                }
            }
        });
        f.after(ui, "usage.days");
    });
}
