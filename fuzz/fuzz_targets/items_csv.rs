//! Items CSV/TSV: `plan::items_csv::items_from_delimited`. The first byte picks the delimiter
//! (odd: tab, even: comma). Items it accepts must survive `items_to_delimited` → parse.
#![no_main]

use cloudplan::plan::items_csv::{items_from_delimited, items_to_delimited};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&sel, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let delimiter = if sel & 1 == 1 { b'\t' } else { b',' };
    let Ok(items) = items_from_delimited(text, delimiter, "fuzz.csv") else {
        return;
    };
    let again = items_to_delimited(&items, delimiter);
    match items_from_delimited(&again, delimiter, "round-trip") {
        Ok(back) => assert_eq!(back, items, "round trip changed the items:\n{again}"),
        Err(e) => panic!("written items do not read again: {e}\n{again}"),
    }
});
