//! Plan JSON: `plan::file::from_json_str` (parse + validate). A plan it accepts is priced with
//! `cost::estimate` against the embedded catalogue (pricing a weird but accepted plan must not
//! panic either) and must survive the round trip `to_json_string` → `from_json_str` unchanged.
#![no_main]

use cloudplan::catalog::load;
use cloudplan::{cost, plan::file};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(plan) = file::from_json_str(text, "fuzz.cloudplan.json") else {
        return;
    };
    let _ = cost::estimate(&plan, load::embedded());
    let again = file::to_json_string(&plan);
    match file::from_json_str(&again, "round-trip") {
        Ok(back) => assert_eq!(back, plan, "round trip changed the plan:\n{again}"),
        Err(e) => panic!("a saved plan does not load again: {e}\n{again}"),
    }
});
