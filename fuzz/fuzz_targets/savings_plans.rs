//! Offer-file importer, seeded with savings plans files: `catalog::import::import_reader` (it sniffs
//! CSV/JSON and offer/Savings Plans/Spot Advisor by content). What it imports is combined and
//! rendered to catalogue CSV texts, which are parsed by the catalogue loader (an error is fine,
//! a panic is not).
#![no_main]

use cloudplan::catalog::import::{self, Imported, Options, write};
use cloudplan::catalog::load;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let opts = Options {
        date: chrono::NaiveDate::from_ymd_opt(2025, 9, 1),
        ..Options::default()
    };
    let Ok(file) = import::import_reader(data, "fuzz-offer", &opts) else {
        return;
    };
    let imported = Imported::combine(vec![file]);
    let files = write::render(&imported);
    let files: Vec<(&str, &str)> = files
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    let _ = load::parse_files("imported", &files);
});
