//! Price List offer files in JSON form, streamed with serde (no whole-document `Value`).
//!
//! Shape (FORMATS.md §1.4): `{formatVersion, disclaimer, offerCode, version, publicationDate,
//! products: {<sku>: {sku, productFamily, attributes{…}}}, terms: {OnDemand|Reserved: {<sku>:
//! {"<sku>.<offerTermCode>": {…, termAttributes{…}, priceDimensions{<rateCode>: {unit,
//! beginRange, endRange, pricePerUnit{USD}}}}}}}}`. The top-level visitor walks the keys in
//! order; `products` and `terms` are visited map entry by map entry with
//! [`DeserializeSeed`]s that carry the import state, so only one product or one term is in
//! memory at a time (plus the small per-SKU classification table). The same visitor also
//! recognises Savings Plans offer JSON (`products` is an array, `terms.savingsPlan`) and the
//! Spot Instance Advisor JSON (`spot_advisor`, `ranges`), and hands those to
//! [`super::savings_plans`] / [`super::spot_advisor`].

use super::mapping::{Attr, Attrs, classify};
use super::{
    Collector, FileImport, ImportError, Options, PriceDim, Result, State, parse_date,
    savings_plans, spot_advisor, term_kind,
};
use serde::Deserialize;
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::collections::HashMap;
use std::fmt;
use std::io::Read;
use std::sync::Arc;

/// Read an offer / Savings Plans / Spot Advisor JSON into `out`.
pub fn read(reader: impl Read, out: &mut FileImport, opts: &Options) -> Result<()> {
    let file = out.file.clone();
    let mut state = State {
        collector: Collector::new(out),
        products: HashMap::new(),
        sp: Default::default(),
        advisor: Default::default(),
        error: None,
        saw_offer: false,
    };
    let mut de = serde_json::Deserializer::from_reader(reader);
    let parsed = de::Deserializer::deserialize_map(&mut de, Top(&mut state));
    let parsed = parsed.and_then(|()| de.end());
    if let Err(e) = parsed {
        return Err(state.error.take().unwrap_or_else(|| ImportError::Syntax {
            file: file.clone(),
            at: format!("{}:{}", e.line(), e.column()),
            message: format!("malformed JSON: {e}"),
        }));
    }
    if state.advisor.is_advisor() {
        let State {
            collector, advisor, ..
        } = state;
        return advisor.finish(collector, opts);
    }
    if !state.saw_offer && state.sp.rates_seen() == 0 {
        return Err(ImportError::Format {
            file,
            message: "not an AWS price list offer, Savings Plans or Spot Advisor JSON \
                      (no `products`/`terms` or `spot_advisor` keys)"
                .into(),
        });
    }
    state.collector.finish();
    Ok(())
}

struct Top<'s, 'f>(&'s mut State<'f>);

impl<'de> Visitor<'de> for Top<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON object (AWS price list file)")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<(), A::Error> {
        let st = self.0;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "publicationDate" => {
                    let v: String = map.next_value()?;
                    let d = parse_date(&v).ok_or_else(|| {
                        let e = ImportError::field(
                            st.file(),
                            "$.publicationDate",
                            "publicationDate",
                            format!("`{v}` is not a date"),
                        );
                        st.fail(e)
                    })?;
                    st.collector.out.effective_date = Some(d);
                }
                "offerCode" => st.collector.out.offer_code = map.next_value()?,
                "version" => {
                    // A string in offer files; Savings Plans files use a string too.
                    let v: serde_json::Value = map.next_value()?;
                    st.collector.out.version = match v {
                        serde_json::Value::String(s) => s,
                        other => other.to_string(),
                    };
                }
                "products" => map.next_value_seed(Products(st))?,
                "terms" => map.next_value_seed(Terms(st))?,
                "ranges" => st.advisor.ranges = Some(map.next_value()?),
                "spot_advisor" => map.next_value_seed(spot_advisor::AdvisorSeed(st))?,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }
}

/// `products`: a map by SKU (offer files) or an array (Savings Plans files).
struct Products<'s, 'f>(&'s mut State<'f>);

#[derive(Deserialize)]
struct RawProduct {
    #[serde(default, rename = "productFamily")]
    product_family: String,
    #[serde(default)]
    attributes: HashMap<String, serde_json::Value>,
}

impl<'de> DeserializeSeed<'de> for Products<'_, '_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> std::result::Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Products<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("`products`: an object keyed by SKU, or an array of Savings Plans products")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<(), A::Error> {
        let st = self.0;
        st.saw_offer = true;
        let code = st.collector.out.offer_code.clone();
        while let Some(sku) = map.next_key::<String>()? {
            let p: RawProduct = map
                .next_value()
                .map_err(|e| de::Error::custom(format!("$.products.{sku}: {e}")))?;
            let mut attrs = Attrs::default();
            attrs.set(Attr::ProductFamily, &p.product_family);
            for (k, v) in &p.attributes {
                if let (Some(a), Some(s)) = (Attr::from_name(k), v.as_str()) {
                    attrs.set(a, s);
                }
            }
            let class = classify(&code, &attrs).map(Arc::new);
            if let Ok(m) = &class {
                st.collector.note_instance(m);
            }
            st.products.insert(sku, class);
        }
        Ok(())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> std::result::Result<(), A::Error> {
        savings_plans::visit_products(self.0, seq)
    }
}

/// `terms`: `OnDemand` / `Reserved` maps (offer files) or `savingsPlan` (Savings Plans).
struct Terms<'s, 'f>(&'s mut State<'f>);

impl<'de> DeserializeSeed<'de> for Terms<'_, '_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> std::result::Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Terms<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("`terms`: an object of term types")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<(), A::Error> {
        let st = self.0;
        while let Some(term_type) = map.next_key::<String>()? {
            match term_type.as_str() {
                "savingsPlan" => map.next_value_seed(savings_plans::TermsSeed(st))?,
                _ => map.next_value_seed(TermType {
                    st,
                    term_type: &term_type,
                })?,
            }
        }
        Ok(())
    }
}

/// `terms.<TermType>`: `{<sku>: {<sku>.<offerTermCode>: term}}`.
struct TermType<'s, 'f, 't> {
    st: &'s mut State<'f>,
    term_type: &'t str,
}

#[derive(Deserialize)]
struct RawTerm {
    #[serde(default, rename = "offerTermCode")]
    offer_term_code: String,
    #[serde(default, rename = "priceDimensions")]
    price_dimensions: HashMap<String, RawDim>,
    #[serde(default, rename = "termAttributes")]
    term_attributes: HashMap<String, String>,
}

#[derive(Deserialize)]
struct RawDim {
    #[serde(default, rename = "rateCode")]
    rate_code: String,
    #[serde(default)]
    unit: String,
    #[serde(default, rename = "beginRange")]
    begin_range: Option<String>,
    #[serde(default, rename = "endRange")]
    end_range: Option<String>,
    #[serde(default, rename = "pricePerUnit")]
    price_per_unit: HashMap<String, String>,
}

impl<'de> DeserializeSeed<'de> for TermType<'_, '_, '_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> std::result::Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for TermType<'_, '_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object of terms keyed by SKU")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<(), A::Error> {
        let st = self.st;
        let tt = self.term_type;
        while let Some(sku) = map.next_key::<String>()? {
            let terms: HashMap<String, RawTerm> = map
                .next_value()
                .map_err(|e| de::Error::custom(format!("$.terms.{tt}.{sku}: {e}")))?;
            // Deterministic order (HashMap iteration is not).
            let mut terms: Vec<(String, RawTerm)> = terms.into_iter().collect();
            terms.sort_by(|a, b| a.0.cmp(&b.0));
            let class = st.products.get(&sku).cloned();
            for (key, term) in terms {
                let mut dims: Vec<(String, RawDim)> = term.price_dimensions.into_iter().collect();
                dims.sort_by(|a, b| a.0.cmp(&b.0));
                for (dim_key, d) in dims {
                    st.collector.out.summary.rows_read += 1;
                    let map = match &class {
                        Some(Ok(m)) => m.clone(),
                        Some(Err(reason)) => {
                            st.collector.out.summary.skip(reason);
                            continue;
                        }
                        None => {
                            st.collector
                                .out
                                .summary
                                .skip("term for a SKU not in `products`");
                            continue;
                        }
                    };
                    let Some(usd) = d.price_per_unit.get("USD") else {
                        st.collector.out.summary.skip("currency other than USD");
                        continue;
                    };
                    let attr = |k: &str| term.term_attributes.get(k).map_or("", String::as_str);
                    let kind = match term_kind(
                        tt,
                        attr("LeaseContractLength"),
                        attr("OfferingClass"),
                        attr("PurchaseOption"),
                    ) {
                        Ok(k) => k,
                        Err(reason) => {
                            st.collector.out.summary.skip(reason);
                            continue;
                        }
                    };
                    let dim = PriceDim {
                        rate_code: &d.rate_code,
                        unit: &d.unit,
                        begin: d.begin_range.as_deref().unwrap_or(""),
                        end: d.end_range.as_deref().unwrap_or(""),
                        usd,
                    };
                    let term_key = if term.offer_term_code.is_empty() {
                        key.clone()
                    } else {
                        format!("{sku}.{}", term.offer_term_code)
                    };
                    let path = || format!("$.terms.{tt}.{sku}.{key}.priceDimensions.{dim_key}");
                    if let Err(e) = st.collector.add(&map, kind, &term_key, &dim, &path) {
                        return Err(st.fail(e));
                    }
                }
            }
        }
        Ok(())
    }
}
