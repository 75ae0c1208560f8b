//! Savings Plans offer files (CSV and JSON), streamed.
//!
//! CSV (FORMATS.md §1.7, real header from jtdelia/ec2-priceit `5-ap-east-2-savingsplan-pricing.csv`):
//! the same five-line preamble as offer CSVs, then `SKU, RateCode, Unit, EffectiveDate,
//! DiscountedRate, Currency, DiscountedSKU, …, PurchaseOption, LeaseContractLength,
//! LeaseContractLengthUnit, …, Product Family, DiscountedRegionCode, DiscountedInstanceType`.
//! JSON (AWS docs "Reading the service price list file for a Savings Plan"): `products` is an
//! **array** of `{sku, productFamily, attributes{purchaseOption …}}` and `terms.savingsPlan` an
//! array of `{sku, leaseContractLength{duration, unit}, rates[{discountedUsageType, rateCode,
//! discountedRate{price, currency}}]}`.
//!
//! The rates are read and validated into [`SavingsPlanRate`]s, but cloudplan's catalogue has
//! no Savings Plans option yet (`pricing-data/README.md`, gap 3), so every one is counted as
//! skipped with that reason rather than written under a guessed key.

use super::State;
use super::{FileImport, ImportError, Result, SavingsPlanRate, payment};
use crate::catalog::{Payment, Term};
use serde::Deserialize;
use serde::de::{self, DeserializeSeed, SeqAccess, Visitor};
use std::collections::HashMap;
use std::fmt;
use std::io::Read;

/// Skip reason for every Savings Plans rate.
pub const NOT_IN_CATALOGUE: &str = "Savings Plans rate: the catalogue format has no Savings Plans option yet (kept in memory only)";

fn term_of(duration: &str, unit: &str) -> Option<Term> {
    match (duration.trim(), unit.trim()) {
        ("1", "year" | "yr") => Some(Term::OneYear),
        ("3", "year" | "yr") => Some(Term::ThreeYears),
        _ => None,
    }
}

/// Rows of a Savings Plans CSV after its header (read by [`super::offer_csv`]).
pub(crate) fn read_csv_rows<R: Read>(
    mut rdr: csv::Reader<R>,
    header: Vec<String>,
    header_line: u64,
    out: &mut FileImport,
) -> Result<()> {
    let file = out.file.clone();
    if out.effective_date.is_none() {
        return Err(ImportError::field(
            &file,
            header_line,
            "Publication Date",
            "missing from the metadata lines before the header",
        ));
    }
    let col = |name: &str| -> Result<usize> {
        header
            .iter()
            .position(|h| h == name)
            .ok_or_else(|| ImportError::field(&file, header_line, name, "column missing"))
    };
    let c_sku = col("SKU")?;
    let c_rate_code = col("RateCode")?;
    let c_rate = col("DiscountedRate")?;
    let c_cur = col("Currency")?;
    let c_usage = col("DiscountedUsageType")?;
    let c_pay = col("PurchaseOption")?;
    let c_len = col("LeaseContractLength")?;
    let c_len_unit = col("LeaseContractLengthUnit")?;
    let c_family = col("Product Family")?;
    let c_region = header.iter().position(|h| h == "DiscountedRegionCode");
    let c_itype = header.iter().position(|h| h == "DiscountedInstanceType");
    let mut rec = csv::StringRecord::new();
    loop {
        match rdr.read_record(&mut rec) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                return Err(ImportError::Syntax {
                    file: file.clone(),
                    at: e
                        .position()
                        .map(|p| p.line().to_string())
                        .unwrap_or_default(),
                    message: format!("malformed CSV: {e}"),
                });
            }
        }
        let line = rec.position().map(|p| p.line()).unwrap_or(0);
        if rec.len() != header.len() {
            return Err(ImportError::Syntax {
                file: file.clone(),
                at: line.to_string(),
                message: format!(
                    "malformed CSV: row has {} fields, the header has {}",
                    rec.len(),
                    header.len()
                ),
            });
        }
        out.summary.rows_read += 1;
        let f = |i: usize| rec.get(i).unwrap_or("");
        if f(c_cur) != "USD" {
            out.summary.skip("currency other than USD");
            continue;
        }
        let usd = f(c_rate);
        match usd.trim().parse::<f64>() {
            Ok(x) if (0.0..=crate::limits::MAX_UNIT_PRICE).contains(&x) => {}
            _ => {
                return Err(ImportError::field(
                    &file,
                    line,
                    "DiscountedRate",
                    format!(
                        "`{usd}` is not a finite, non-negative price of at most {} USD",
                        crate::limits::show(crate::limits::MAX_UNIT_PRICE)
                    ),
                ));
            }
        }
        out.savings_plans.push(SavingsPlanRate {
            sku: f(c_sku).into(),
            rate_code: f(c_rate_code).into(),
            plan: f(c_family).into(),
            term: term_of(f(c_len), f(c_len_unit)),
            payment: payment(f(c_pay)),
            region: c_region.map(&f).unwrap_or("").into(),
            discounted_usage_type: f(c_usage).into(),
            discounted_instance_type: c_itype.map(&f).unwrap_or("").into(),
            usd: usd.trim().into(),
        });
        out.summary.skip(NOT_IN_CATALOGUE);
    }
    Ok(())
}

/// Savings Plans JSON: product family and payment by SKU, read from `products`.
#[derive(Default)]
pub(crate) struct JsonState {
    products: HashMap<String, (String, Option<Payment>)>,
    region: String,
    rates: u64,
}

impl JsonState {
    pub fn rates_seen(&self) -> u64 {
        self.rates
    }
}

#[derive(Deserialize)]
struct RawSpProduct {
    sku: String,
    #[serde(default, rename = "productFamily")]
    product_family: String,
    #[serde(default)]
    attributes: HashMap<String, serde_json::Value>,
}

pub(crate) fn visit_products<'de, A: SeqAccess<'de>>(
    st: &mut State<'_>,
    mut seq: A,
) -> std::result::Result<(), A::Error> {
    let mut i = 0usize;
    while let Some(p) = seq
        .next_element::<RawSpProduct>()
        .map_err(|e| de::Error::custom(format!("$.products[{i}]: {e}")))?
    {
        let pay = p
            .attributes
            .get("purchaseOption")
            .and_then(|v| v.as_str())
            .and_then(payment);
        if st.sp.region.is_empty()
            && let Some(r) = p.attributes.get("regionCode").and_then(|v| v.as_str())
        {
            st.sp.region = r.to_string();
        }
        st.sp.products.insert(p.sku, (p.product_family, pay));
        i += 1;
    }
    Ok(())
}

/// `terms.savingsPlan`: an array of plan terms with their rates.
pub(crate) struct TermsSeed<'s, 'f>(pub &'s mut State<'f>);

#[derive(Deserialize)]
struct RawSpTerm {
    sku: String,
    #[serde(default, rename = "leaseContractLength")]
    lease: Option<RawLease>,
    #[serde(default)]
    rates: Vec<RawSpRate>,
}

#[derive(Deserialize)]
struct RawLease {
    duration: serde_json::Value,
    #[serde(default)]
    unit: String,
}

#[derive(Deserialize)]
struct RawSpRate {
    #[serde(default, rename = "discountedUsageType")]
    discounted_usage_type: String,
    #[serde(default, rename = "rateCode")]
    rate_code: String,
    #[serde(default, rename = "discountedRate")]
    discounted_rate: Option<RawPrice>,
}

#[derive(Deserialize)]
struct RawPrice {
    price: String,
    #[serde(default)]
    currency: String,
}

impl<'de> DeserializeSeed<'de> for TermsSeed<'_, '_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> std::result::Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for TermsSeed<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("`terms.savingsPlan`: an array of Savings Plans terms")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<(), A::Error> {
        let st = self.0;
        let mut i = 0usize;
        while let Some(t) = seq
            .next_element::<RawSpTerm>()
            .map_err(|e| de::Error::custom(format!("$.terms.savingsPlan[{i}]: {e}")))?
        {
            let (family, pay) = st.sp.products.get(&t.sku).cloned().unwrap_or_default();
            let term = t.lease.as_ref().and_then(|l| {
                let d = match &l.duration {
                    serde_json::Value::String(s) => s.clone(),
                    v => v.to_string(),
                };
                term_of(&d, &l.unit)
            });
            for (j, r) in t.rates.iter().enumerate() {
                st.collector.out.summary.rows_read += 1;
                st.sp.rates += 1;
                let Some(price) = &r.discounted_rate else {
                    st.collector
                        .out
                        .summary
                        .skip("Savings Plans rate without a price");
                    continue;
                };
                if price.currency != "USD" {
                    st.collector.out.summary.skip("currency other than USD");
                    continue;
                }
                if !matches!(price.price.trim().parse::<f64>(),
                    Ok(x) if (0.0..=crate::limits::MAX_UNIT_PRICE).contains(&x))
                {
                    let file = st.collector.out.file.clone();
                    let e = ImportError::field(
                        &file,
                        format!("$.terms.savingsPlan[{i}].rates[{j}].discountedRate"),
                        "price",
                        format!("`{}` is not a finite, non-negative price", price.price),
                    );
                    return Err(st.fail(e));
                }
                let instance_type = r
                    .discounted_usage_type
                    .split_once(':')
                    .map(|(_, t)| t.to_string())
                    .unwrap_or_default();
                st.collector.out.savings_plans.push(SavingsPlanRate {
                    sku: t.sku.clone(),
                    rate_code: r.rate_code.clone(),
                    plan: family.clone(),
                    term,
                    payment: pay,
                    region: st.sp.region.clone(),
                    discounted_usage_type: r.discounted_usage_type.clone(),
                    discounted_instance_type: instance_type,
                    usd: price.price.trim().to_string(),
                });
                st.collector.out.summary.skip(NOT_IN_CATALOGUE);
            }
            i += 1;
        }
        Ok(())
    }
}
