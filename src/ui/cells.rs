//! The grid's column model: what text each cell shows, how typed text is written back into an
//! [`Item`], and the choices offered by dropdown editors. Pure functions over the plan, so the
//! grid, the detail panel and the tests share one definition of every column.

use crate::catalog::{Catalog, OfferingClass, Payment, PriceOption, Service, Term, vocab};
use crate::cost::ItemCost;
use crate::plan::items_csv::{parse_purchase, parse_usage, purchase_text, usage_text};
use crate::plan::{
    EbsVolumeType, Item, LoadBalancerType, Num, Plan, PurchaseOption, RdsEngine, Resource,
    SavingsPlanKind,
};
use crate::text::format;

/// Columns of the Plan grid. Display order is [`Col::ALL`]: money comes right after the
/// quantity so it stays in view next to the sidebar and detail panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Col {
    /// The item's display name.
    Name,
    /// The group the item belongs to (empty: ungrouped).
    Group,
    /// The AWS service (read-only: set when the item is added).
    Service,
    /// The region the item is priced in (the plan's default unless set).
    Region,
    /// Instance type, volume type, storage class, engine and class … ([`kind_text`]).
    Kind,
    /// The item's main quantity ([`quantity_field`]): count, GB, requests …
    Quantity,
    /// EC2 usage pattern, hours per month, or an Auto Scaling group's size.
    Usage,
    /// Purchase option (On-Demand, Reserved, Savings Plan, Spot) or a group's split.
    Purchase,
    /// Monthly cost in USD from the estimate (read-only).
    Monthly,
    /// Upfront (one-time) cost in USD from the estimate (read-only).
    Upfront,
}

impl Col {
    /// Every column in display order.
    pub const ALL: [Col; 10] = [
        Col::Name,
        Col::Group,
        Col::Service,
        Col::Region,
        Col::Kind,
        Col::Quantity,
        Col::Monthly,
        Col::Upfront,
        Col::Usage,
        Col::Purchase,
    ];

    /// Position of the column in display order ([`Col::ALL`]).
    pub fn index(self) -> usize {
        Col::ALL.iter().position(|c| *c == self).unwrap_or(0)
    }

    /// The column heading in the language of `s`.
    pub fn title(self, s: &crate::ui::i18n::Strings) -> &'static str {
        match self {
            Col::Name => s.col_name,
            Col::Group => s.col_group,
            Col::Service => s.col_service,
            Col::Region => s.col_region,
            Col::Kind => s.col_kind,
            Col::Quantity => s.col_quantity,
            Col::Usage => s.col_usage,
            Col::Purchase => s.col_purchase,
            Col::Monthly => s.col_monthly,
            Col::Upfront => s.col_upfront,
        }
    }

    /// Right-aligned numeric columns.
    pub fn numeric(self) -> bool {
        matches!(self, Col::Quantity | Col::Monthly | Col::Upfront)
    }

    /// Columns edited with a filtered dropdown.
    pub fn has_choices(self) -> bool {
        matches!(self, Col::Region | Col::Kind | Col::Purchase)
    }
}

/// Field name and value of the item's main quantity (the "Quantity" column).
pub fn quantity_field(r: &Resource) -> (&'static str, Option<&Num>) {
    match r {
        Resource::Ec2(x) => ("count", Some(&x.count)),
        Resource::Ebs(x) => ("volume_count", Some(&x.volume_count)),
        Resource::S3(x) => ("storage_gb", Some(&x.storage_gb)),
        Resource::Efs(x) => ("storage_gb", Some(&x.storage_gb)),
        Resource::DataTransfer(x) => ("internet_out_gb", Some(&x.internet_out_gb)),
        Resource::Lambda(x) => ("requests_per_month", Some(&x.requests_per_month)),
        Resource::Rds(x) => ("count", Some(&x.count)),
        Resource::Dynamodb(x) => ("storage_gb", Some(&x.storage_gb)),
        Resource::NatGateway(x) => ("count", Some(&x.count)),
        Resource::LoadBalancer(x) => ("count", Some(&x.count)),
        Resource::PublicIpv4(x) => ("in_use", Some(&x.in_use)),
        Resource::Eks(x) => ("count", Some(&x.count)),
        Resource::Fargate(x) => ("count", Some(&x.count)),
        Resource::Custom(x) => ("monthly_usd", Some(&x.monthly_usd)),
        Resource::ScalingGroup(_) => ("desired", None),
    }
}

fn quantity_mut(r: &mut Resource) -> Option<&mut Num> {
    Some(match r {
        Resource::Ec2(x) => &mut x.count,
        Resource::Ebs(x) => &mut x.volume_count,
        Resource::S3(x) => &mut x.storage_gb,
        Resource::Efs(x) => &mut x.storage_gb,
        Resource::DataTransfer(x) => &mut x.internet_out_gb,
        Resource::Lambda(x) => &mut x.requests_per_month,
        Resource::Rds(x) => &mut x.count,
        Resource::Dynamodb(x) => &mut x.storage_gb,
        Resource::NatGateway(x) => &mut x.count,
        Resource::LoadBalancer(x) => &mut x.count,
        Resource::PublicIpv4(x) => &mut x.in_use,
        Resource::Eks(x) => &mut x.count,
        Resource::Fargate(x) => &mut x.count,
        Resource::Custom(x) => &mut x.monthly_usd,
        // Capacity of a group is edited in the Scaling tab / plan file.
        Resource::ScalingGroup(_) => return None,
    })
}

fn hours_mut(r: &mut Resource) -> Option<&mut Num> {
    match r {
        Resource::Rds(x) => Some(&mut x.hours_per_month),
        Resource::NatGateway(x) => Some(&mut x.hours_per_month),
        Resource::LoadBalancer(x) => Some(&mut x.hours_per_month),
        Resource::PublicIpv4(x) => Some(&mut x.hours_per_month),
        Resource::Eks(x) => Some(&mut x.hours_per_month),
        Resource::Fargate(x) => Some(&mut x.hours_per_month),
        _ => None,
    }
}

/// Type / class text of a resource ("—" when the service has none).
pub fn kind_text(r: &Resource) -> String {
    match r {
        Resource::Ec2(x) => x.instance_type.clone(),
        Resource::ScalingGroup(x) => format!(
            "Auto Scaling group: {}",
            x.instance_types
                .iter()
                .map(|t| t.instance_type.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Resource::Ebs(x) => x.volume_type.as_str().to_string(),
        Resource::S3(x) => x.storage_class.clone(),
        Resource::Efs(x) => x.storage_class.clone(),
        Resource::Rds(x) => format!("{} {}", x.engine.as_str(), x.instance_class),
        Resource::Dynamodb(x) => x.table_class.clone(),
        Resource::LoadBalancer(x) => match x.lb_type {
            LoadBalancerType::Alb => "alb".into(),
            LoadBalancerType::Nlb => "nlb".into(),
        },
        Resource::Lambda(x) => format!(
            "{} MB {}",
            format::quantity(eval_or_nan(&x.memory_mb), 0),
            x.architecture.as_str()
        ),
        _ => String::new(),
    }
}

fn eval_or_nan(n: &Num) -> f64 {
    match n {
        Num::Value(v) => *v,
        Num::Formula(_) => f64::NAN,
    }
}

/// The text a cell shows when not being edited. Money comes from the priced item.
pub fn display_text(
    plan: &Plan,
    item: &Item,
    col: Col,
    cost: Option<&ItemCost>,
    params: Option<&crate::plan::formula::Evaluator>,
) -> String {
    match col {
        Col::Monthly => cost
            .map(|c| format::amount(c.monthly_usd))
            .unwrap_or_else(|| "—".into()),
        Col::Upfront => cost
            .map(|c| {
                if c.upfront_usd == 0.0 {
                    "—".into()
                } else {
                    format::amount(c.upfront_usd)
                }
            })
            .unwrap_or_else(|| "—".into()),
        Col::Quantity => match quantity_field(&item.resource).1 {
            Some(Num::Value(v)) => format::quantity(*v, 6),
            Some(n @ Num::Formula(f)) => match params.map(|e| e.eval(n)) {
                Some(Ok(v)) => format!("ƒ {}", format::quantity(v, 4)),
                _ => format!("={f}"),
            },
            None => String::new(),
        },
        _ => edit_text(plan, item, col),
    }
}

/// The text an editor starts with (formulas as written, numbers without separators).
pub fn edit_text(plan: &Plan, item: &Item, col: Col) -> String {
    match col {
        Col::Name => item.name.clone(),
        Col::Group => item.group.clone(),
        Col::Service => item.resource.service().display_name().to_string(),
        Col::Region => item.region(plan).to_string(),
        Col::Kind => kind_text(&item.resource),
        Col::Quantity => quantity_field(&item.resource)
            .1
            .map(|n| match n {
                Num::Formula(f) => format!("={f}"),
                v => v.to_text(),
            })
            .unwrap_or_default(),
        Col::Usage => match &item.resource {
            Resource::Ec2(x) => usage_text(&x.usage),
            Resource::Rds(x) => format!("{} h", x.hours_per_month.to_text()),
            Resource::NatGateway(x) => format!("{} h", x.hours_per_month.to_text()),
            Resource::LoadBalancer(x) => format!("{} h", x.hours_per_month.to_text()),
            Resource::PublicIpv4(x) => format!("{} h", x.hours_per_month.to_text()),
            Resource::Eks(x) => format!("{} h", x.hours_per_month.to_text()),
            Resource::Fargate(x) => format!("{} h", x.hours_per_month.to_text()),
            Resource::ScalingGroup(x) => format!(
                "min {} / desired {} / max {}, {} month(s) simulated",
                x.min, x.desired, x.max, x.simulation.months
            ),
            _ => String::new(),
        },
        Col::Purchase => match &item.resource {
            Resource::Ec2(x) => purchase_text(&x.purchase),
            Resource::Rds(x) => purchase_text(&x.purchase),
            Resource::ScalingGroup(x) => format!(
                "On-Demand base {} + {}% above, rest Spot{}",
                x.distribution.on_demand_base,
                x.distribution.on_demand_pct_above_base,
                x.reserved
                    .as_ref()
                    .map(|r| format!("; {} reserved", r.count))
                    .unwrap_or_default()
            ),
            _ => String::new(),
        },
        Col::Monthly | Col::Upfront => String::new(),
    }
}

/// Whether the cell can be edited for this item.
pub fn editable(item: &Item, col: Col) -> bool {
    match col {
        Col::Quantity => !matches!(item.resource, Resource::ScalingGroup(_)),
        Col::Name | Col::Group | Col::Region => true,
        Col::Service | Col::Monthly | Col::Upfront => false,
        Col::Kind => !matches!(
            item.resource,
            Resource::DataTransfer(_)
                | Resource::NatGateway(_)
                | Resource::PublicIpv4(_)
                | Resource::Eks(_)
                | Resource::Fargate(_)
                | Resource::Custom(_)
                | Resource::Lambda(_)
                | Resource::ScalingGroup(_)
        ),
        Col::Usage => matches!(
            item.resource,
            Resource::Ec2(_)
                | Resource::Rds(_)
                | Resource::NatGateway(_)
                | Resource::LoadBalancer(_)
                | Resource::PublicIpv4(_)
                | Resource::Eks(_)
                | Resource::Fargate(_)
        ),
        Col::Purchase => matches!(item.resource, Resource::Ec2(_) | Resource::Rds(_)),
    }
}

/// Write typed text into the cell of `item`. Formulas are checked against the plan's
/// parameters here; pricing problems are found by the caller's validation.
pub fn set_text(plan: &Plan, item: &mut Item, col: Col, text: &str) -> Result<(), String> {
    let text = text.trim();
    match col {
        Col::Name => {
            if text.is_empty() {
                return Err("a name is required".into());
            }
            item.name = text.to_string();
        }
        Col::Group => item.group = text.to_string(),
        Col::Region => {
            if text.is_empty() || text == plan.default_region {
                item.region = None;
            } else if crate::plan::file::looks_like_region(text) {
                item.region = Some(text.to_string());
            } else {
                return Err(format!(
                    "`{text}` is not an AWS region code (like ap-northeast-2)"
                ));
            }
        }
        Col::Kind => set_kind(&mut item.resource, text)?,
        Col::Quantity => {
            let n = parse_num(plan, text)?;
            if let Num::Value(v) = n
                && (v < 0.0 || (v == 0.0 && v.is_sign_negative()))
            {
                return Err(format!("must be ≥ 0, got {}", crate::limits::show(v)));
            }
            match quantity_mut(&mut item.resource) {
                Some(q) => *q = n,
                None => {
                    return Err("an Auto Scaling group's capacity is set in the plan file".into());
                }
            }
        }
        Col::Usage => match &mut item.resource {
            Resource::Ec2(x) => x.usage = parse_usage(text)?,
            r => {
                let n = parse_num(plan, text.trim_end_matches('h').trim())?;
                match hours_mut(r) {
                    Some(h) => *h = n,
                    None => return Err("this service has no usage field".into()),
                }
            }
        },
        Col::Purchase => {
            let p = parse_purchase(text)?;
            match &mut item.resource {
                Resource::Ec2(x) => x.purchase = p,
                Resource::Rds(x) => {
                    if p == PurchaseOption::Spot {
                        return Err("RDS has no Spot purchase option".into());
                    }
                    x.purchase = p
                }
                _ => return Err("this service has no purchase option".into()),
            }
        }
        Col::Service | Col::Monthly | Col::Upfront => {
            return Err("this column is calculated".into());
        }
    }
    Ok(())
}

/// Parse a number or formula and evaluate it against the plan's parameters.
pub fn parse_num(plan: &Plan, text: &str) -> Result<Num, String> {
    if text.trim().is_empty() {
        return Err("a number or formula is required".into());
    }
    let n = Num::from_text(text);
    let ev = crate::plan::formula::Evaluator::new(plan).map_err(|e| e.to_string())?;
    ev.eval(&n).map_err(|e| e.to_string())?;
    Ok(n)
}

fn set_kind(r: &mut Resource, text: &str) -> Result<(), String> {
    let t = text.trim();
    match r {
        Resource::Ec2(x) => {
            if t.is_empty() {
                return Err("an instance type is required".into());
            }
            x.instance_type = t.split_whitespace().next().unwrap_or(t).to_string();
        }
        Resource::Ebs(x) => {
            x.volume_type = EbsVolumeType::ALL
                .into_iter()
                .find(|v| v.as_str() == t)
                .ok_or_else(|| format!("`{t}` is not an EBS volume type (gp3, gp2, io2 …)"))?
        }
        Resource::S3(x) => {
            if !vocab::s3::CLASSES.contains(&t) {
                return Err(format!(
                    "`{t}` is not an S3 storage class ({})",
                    vocab::s3::CLASSES.join(", ")
                ));
            }
            x.storage_class = t.to_string();
        }
        Resource::Efs(x) => {
            if t != "standard" && t != "onezone" {
                return Err("EFS storage class is `standard` or `onezone`".into());
            }
            x.storage_class = t.to_string();
        }
        Resource::Rds(x) => {
            let mut parts = t.split_whitespace();
            let (a, b) = (parts.next(), parts.next());
            let (engine, class) = match (a, b) {
                (Some(e), Some(c)) => (Some(e), c),
                (Some(c), None) => (None, c),
                _ => return Err("an instance class is required".into()),
            };
            if let Some(e) = engine {
                x.engine = match e {
                    "postgresql" => RdsEngine::Postgresql,
                    "mysql" => RdsEngine::Mysql,
                    _ => return Err(format!("`{e}` is not an RDS engine (postgresql, mysql)")),
                };
            }
            x.instance_class = class.to_string();
        }
        Resource::Dynamodb(x) => {
            if t != "standard" && t != "standard_ia" {
                return Err("DynamoDB table class is `standard` or `standard_ia`".into());
            }
            x.table_class = t.to_string();
        }
        Resource::LoadBalancer(x) => {
            x.lb_type = match t {
                "alb" => LoadBalancerType::Alb,
                "nlb" => LoadBalancerType::Nlb,
                _ => return Err("load balancer type is `alb` or `nlb`".into()),
            }
        }
        _ => return Err("this service has no type or class".into()),
    }
    Ok(())
}

/// One option of a dropdown editor: the text written into the cell and what the list shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    /// Text written into the cell when picked (e.g. `m7g.large`, `eu-west-1`).
    pub value: String,
    /// Text the dropdown lists and filters on (may add a description to the value).
    pub label: String,
}

fn plain(v: impl Into<String>) -> Choice {
    let value = v.into();
    Choice {
        label: value.clone(),
        value,
    }
}

/// Options for a dropdown column (empty for free-text columns).
pub fn choices(catalog: &Catalog, plan: &Plan, item: &Item, col: Col) -> Vec<Choice> {
    let region = item.region(plan);
    match col {
        Col::Region => catalog.regions().into_iter().map(plain).collect(),
        Col::Kind => match &item.resource {
            Resource::Ec2(_) => {
                let mut v: Vec<Choice> = catalog
                    .instances()
                    .iter()
                    .filter(|s| !s.instance_type.starts_with("db."))
                    .filter_map(|s| {
                        let rate = catalog.tiers(
                            region,
                            Service::Ec2,
                            &s.instance_type,
                            vocab::ec2::INSTANCE_HOURS,
                            PriceOption::OnDemand,
                        );
                        let price = rate.first()?.usd;
                        Some(Choice {
                            value: s.instance_type.clone(),
                            label: format!(
                                "{}  ·  {} vCPU  ·  {} GiB  ·  {}/h",
                                s.instance_type,
                                s.vcpu,
                                format::quantity(s.memory_gib, 2),
                                format::unit_price(price)
                            ),
                        })
                    })
                    .collect();
                v.sort_by(|a, b| a.value.cmp(&b.value));
                v
            }
            Resource::Ebs(_) => EbsVolumeType::ALL
                .iter()
                .map(|t| plain(t.as_str()))
                .collect(),
            Resource::S3(_) => vocab::s3::CLASSES.iter().map(|c| plain(*c)).collect(),
            Resource::Efs(_) => vec![plain("standard"), plain("onezone")],
            Resource::Dynamodb(_) => vec![plain("standard"), plain("standard_ia")],
            Resource::LoadBalancer(_) => vec![plain("alb"), plain("nlb")],
            Resource::Rds(x) => {
                let prefix = format!("{}:single_az:", x.engine.as_str());
                catalog
                    .products(Service::Rds, region)
                    .into_iter()
                    .filter_map(|p| p.strip_prefix(&prefix))
                    .map(|class| {
                        let value = format!("{} {class}", x.engine.as_str());
                        let spec = catalog.instance(class);
                        let label = match spec {
                            Some(s) => format!(
                                "{value}  ·  {} vCPU  ·  {} GiB",
                                s.vcpu,
                                format::quantity(s.memory_gib, 2)
                            ),
                            None => value.clone(),
                        };
                        Choice { value, label }
                    })
                    .collect()
            }
            _ => Vec::new(),
        },
        Col::Purchase => {
            let mut v = vec![plain("on_demand")];
            if matches!(item.resource, Resource::Ec2(_)) {
                v.push(plain("spot"));
            }
            for class in [OfferingClass::Standard, OfferingClass::Convertible] {
                for term in [Term::OneYear, Term::ThreeYears] {
                    for payment in Payment::ALL {
                        v.push(plain(purchase_text(&PurchaseOption::Reserved {
                            class,
                            term,
                            payment,
                        })));
                    }
                }
            }
            if matches!(item.resource, Resource::Ec2(_)) {
                for plan_kind in [SavingsPlanKind::Compute, SavingsPlanKind::Ec2Instance] {
                    for term in [Term::OneYear, Term::ThreeYears] {
                        for payment in Payment::ALL {
                            v.push(plain(purchase_text(&PurchaseOption::SavingsPlan {
                                plan: plan_kind,
                                term,
                                payment,
                            })));
                        }
                    }
                }
            }
            v
        }
        _ => Vec::new(),
    }
}

/// Case-insensitive filter of choices by every word typed.
pub fn filter<'a>(choices: &'a [Choice], typed: &str) -> Vec<&'a Choice> {
    let words: Vec<String> = typed.split_whitespace().map(|w| w.to_lowercase()).collect();
    choices
        .iter()
        .filter(|c| {
            let l = c.label.to_lowercase();
            words.iter().all(|w| l.contains(w.as_str()))
        })
        .collect()
}

/// Sort key of a cell for column sorting.
pub fn sort_key(plan: &Plan, item: &Item, col: Col, cost: Option<&ItemCost>) -> SortKey {
    match col {
        Col::Monthly => SortKey::Num(cost.map(|c| c.monthly_usd).unwrap_or(f64::NEG_INFINITY)),
        Col::Upfront => SortKey::Num(cost.map(|c| c.upfront_usd).unwrap_or(f64::NEG_INFINITY)),
        Col::Quantity => match quantity_field(&item.resource).1 {
            Some(Num::Value(v)) => SortKey::Num(*v),
            _ => SortKey::Text(edit_text(plan, item, col).to_lowercase()),
        },
        _ => SortKey::Text(edit_text(plan, item, col).to_lowercase()),
    }
}

/// A comparable cell value.
#[derive(Debug, Clone, PartialEq)]
pub enum SortKey {
    /// A number (money, plain quantities); numbers sort before texts.
    Num(f64),
    /// Lower-cased cell text (names, formulas, everything else).
    Text(String),
}

impl SortKey {
    /// Order of two keys: numbers by value, then texts alphabetically.
    pub fn compare(&self, other: &SortKey) -> std::cmp::Ordering {
        match (self, other) {
            (SortKey::Num(a), SortKey::Num(b)) => a.total_cmp(b),
            (SortKey::Num(_), SortKey::Text(_)) => std::cmp::Ordering::Less,
            (SortKey::Text(_), SortKey::Num(_)) => std::cmp::Ordering::Greater,
            (SortKey::Text(a), SortKey::Text(b)) => a.cmp(b),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan() -> Plan {
        crate::plan::file::default_plan()
    }

    #[test]
    fn typed_quantities_are_checked() {
        let p = plan();
        let row = p
            .items
            .iter()
            .position(|i| matches!(i.resource, Resource::Ec2(_)))
            .unwrap();
        let mut item = p.items[row].clone();
        assert!(set_text(&p, &mut item, Col::Quantity, "-1").is_err());
        let e = set_text(&p, &mut item, Col::Quantity, "=nope + 1").unwrap_err();
        assert!(e.contains("nope"), "{e}");
        assert_eq!(
            item, p.items[row],
            "a rejected edit leaves the item as it was"
        );
        set_text(&p, &mut item, Col::Quantity, "=users / 1000").unwrap();
        assert_eq!(
            quantity_field(&item.resource).1,
            Some(&Num::Formula("users / 1000".into()))
        );
        set_text(&p, &mut item, Col::Quantity, "1,250").unwrap();
        assert_eq!(display_text(&p, &item, Col::Quantity, None, None), "1,250");
    }

    #[test]
    fn dropdown_filter_matches_every_word() {
        let choices = vec![
            Choice {
                value: "m7g.large".into(),
                label: "m7g.large · 2 vCPU · 8 GiB".into(),
            },
            Choice {
                value: "c7g.large".into(),
                label: "c7g.large · 2 vCPU · 4 GiB".into(),
            },
        ];
        let hits = filter(&choices, "LARGE 8");
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].value, "m7g.large");
        assert_eq!(filter(&choices, "").len(), 2);
    }

    #[test]
    fn purchase_and_region_cells() {
        let p = plan();
        let row = p
            .items
            .iter()
            .position(|i| matches!(i.resource, Resource::Ec2(_)))
            .unwrap();
        let mut item = p.items[row].clone();
        set_text(
            &p,
            &mut item,
            Col::Purchase,
            "reserved/standard/3yr/all_upfront",
        )
        .unwrap();
        assert_eq!(
            edit_text(&p, &item, Col::Purchase),
            "reserved/standard/3yr/all_upfront"
        );
        assert!(set_text(&p, &mut item, Col::Region, "seoul").is_err());
        set_text(&p, &mut item, Col::Region, "us-east-1").unwrap();
        assert_eq!(item.region.as_deref(), Some("us-east-1"));
        set_text(&p, &mut item, Col::Region, &p.default_region).unwrap();
        assert_eq!(
            item.region, None,
            "the plan's default region is stored as none"
        );
    }
}
