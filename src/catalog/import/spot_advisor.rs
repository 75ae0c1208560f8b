//! The Spot Instance Advisor JSON (`spot-advisor-data.json`), Linux entries.
//!
//! Shape (FORMATS.md §2, real copy alexei-led/spotinfo `internal/spot/data/spot-advisor-data.json`):
//! `{instance_types{…}, ranges[{index, label, dots, max}], spot_advisor{<region>{Linux|Windows
//! {<type>{s, r}}}}, global_rate}` where `s` is the savings % versus on-demand and `r` indexes
//! `ranges` (the interruption-frequency band). The file carries **no date**, so the caller must
//! give one ([`super::Options::date`]); it is never taken from the clock or the file's mtime.
//! Entries are visited region by region (the top level is streamed by [`super::offer_json`]).

use super::State;
use super::{Collector, ImportError, Options, Result, SpotRow};
use serde::Deserialize;
use serde::de::{self, DeserializeSeed, MapAccess, Visitor};
use std::collections::HashMap;
use std::fmt;

#[derive(Debug, Clone, Deserialize)]
pub(crate) struct Range {
    index: u32,
    label: String,
}

#[derive(Debug, Clone, Deserialize)]
struct Entry {
    s: u32,
    r: u32,
}

/// Advisor data gathered while streaming.
#[derive(Default)]
pub(crate) struct JsonState {
    pub ranges: Option<Vec<Range>>,
    /// (region, instance type, s, r), Linux only.
    entries: Vec<(String, String, u32, u32)>,
    seen: bool,
}

impl JsonState {
    pub fn is_advisor(&self) -> bool {
        self.seen
    }

    /// Resolve bands and emit the rows. Needs `opts.date` (the file has no date).
    pub fn finish(self, mut collector: Collector<'_>, opts: &Options) -> Result<()> {
        let file = collector.out.file.clone();
        let date = opts.date.ok_or_else(|| ImportError::Format {
            file: file.clone(),
            message: "the Spot Instance Advisor file carries no date: give its effective date \
                      with --date YYYY-MM-DD"
                .into(),
        })?;
        let ranges = self.ranges.ok_or_else(|| {
            ImportError::field(&file, "$.ranges", "ranges", "missing (needed to label `r`)")
        })?;
        let out = &mut collector.out;
        out.offer_code = "SpotAdvisor".into();
        out.effective_date = Some(date);
        for (region, itype, s, r) in self.entries {
            let Some(band) = ranges.iter().find(|x| x.index == r) else {
                return Err(ImportError::field(
                    &file,
                    format!("$.spot_advisor.{region}.Linux.{itype}.r"),
                    "r",
                    format!("{r} is not an index in `ranges`"),
                ));
            };
            if s > 100 {
                return Err(ImportError::field(
                    &file,
                    format!("$.spot_advisor.{region}.Linux.{itype}.s"),
                    "s",
                    format!("{s} is not a percentage"),
                ));
            }
            out.spot.push(SpotRow {
                region,
                instance_type: itype,
                savings_pct: s,
                interruption_band: band.label.clone(),
                effective_date: date,
                source: String::new(),
            });
            out.summary.rows_kept += 1;
        }
        collector.finish();
        Ok(())
    }
}

/// `spot_advisor`: `{<region>: {<os>: {<type>: {s, r}}}}`, one region at a time.
pub(crate) struct AdvisorSeed<'s, 'f>(pub &'s mut State<'f>);

impl<'de> DeserializeSeed<'de> for AdvisorSeed<'_, '_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> std::result::Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for AdvisorSeed<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("`spot_advisor`: an object keyed by region")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<(), A::Error> {
        let st = self.0;
        st.advisor.seen = true;
        while let Some(region) = map.next_key::<String>()? {
            let by_os: HashMap<String, HashMap<String, Entry>> = map
                .next_value()
                .map_err(|e| de::Error::custom(format!("$.spot_advisor.{region}: {e}")))?;
            let mut linux: Vec<(String, Entry)> = Vec::new();
            for (os, types) in by_os {
                let n = types.len() as u64;
                st.collector.out.summary.rows_read += n;
                if os == "Linux" {
                    linux.extend(types);
                } else {
                    for _ in 0..n {
                        st.collector
                            .out
                            .summary
                            .skip("Spot advisor: operating system other than Linux");
                    }
                }
            }
            linux.sort_by(|a, b| a.0.cmp(&b.0));
            for (t, e) in linux {
                st.advisor.entries.push((region.clone(), t, e.s, e.r));
            }
        }
        Ok(())
    }
}
