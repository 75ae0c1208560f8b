//! Demand CSV: `scaling::demand::parse_csv`. A series it accepts is resampled to every
//! simulation step the scaling groups allow (1, 5 and 60 minutes).
#![no_main]

use cloudplan::scaling::demand::parse_csv;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(series) = parse_csv(text) else {
        return;
    };
    assert!(series.values.iter().all(|v| v.is_finite() && *v >= 0.0));
    for step in [1, 5, 60] {
        let v = series.resample(step);
        assert_eq!(v.len(), series.steps(step));
    }
});
