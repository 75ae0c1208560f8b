//! Bill history CSV: `forecast::history::parse_str` (plain, long and Cost Explorer layouts).
//! A history it accepts has consecutive months and one finite bill per month.
#![no_main]

use cloudplan::forecast::history::parse_str;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(h) = parse_str(text, "fuzz-history.csv") else {
        return;
    };
    assert_eq!(h.months.len(), h.total.len());
    assert!(
        h.total.iter().all(|v| v.is_finite()),
        "non-finite bill accepted"
    );
    for v in h.by_service.values() {
        assert_eq!(v.len(), h.months.len());
    }
});
