//! The one body of the four offer-file targets (offer_csv, offer_json, savings_plans,
//! spot_advisor): they differ only in their seed corpora. `catalog::import::import_reader`
//! sniffs CSV/JSON and offer/Savings Plans/Spot Advisor by content; what it imports is combined,
//! rendered to catalogue CSV texts and parsed by the catalogue loader (an error is fine, a panic
//! is not).

use cloudplan::catalog::import::{self, Imported, Options, write};
use cloudplan::catalog::load;

pub fn import_offer(data: &[u8]) {
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
}
