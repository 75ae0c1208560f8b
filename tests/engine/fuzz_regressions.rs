//! Inputs the fuzz targets in `fuzz/` found crashing (panics, overflows, hangs), kept as tests:
//! each must now be rejected (or accepted) with a clear result instead. The input is inline as
//! the fuzzer wrote it; the comment names the target and what went wrong before the fix.

use cloudplan::forecast::history;
use cloudplan::scaling::{ScalingError, demand};

/// bill_history: a header whose `month` column is not first, in a row of more than two
/// columns, made `1 - month` underflow (`then_some` evaluates its argument eagerly).
#[test]
fn history_month_column_after_the_second() {
    let input = ",s2031-01,\x0c ,month,s2062-01,\n ,26-\n";
    let e = history::parse_str(input, "fuzz.csv").unwrap_err();
    assert_eq!((e.line, e.field.as_str()), (1, ""), "{e}");
    assert!(e.message.contains("no cost column"), "{e}");
}

/// demand_csv (found reading the parser while fuzzing it): a wrong gap after a sample in the
/// last hour chrono can represent made the message's "expected <time>" overflow
/// (`NaiveDateTime + TimeDelta` panics).
#[test]
fn demand_gap_at_the_end_of_the_calendar() {
    let input = "+262142-12-31 22:00,1\n+262142-12-31 23:00,1\n+262142-12-31 22:00,1\n";
    let e = demand::parse_csv(input).unwrap_err();
    let ScalingError::Csv {
        line,
        field,
        message,
    } = &e
    else {
        panic!("not a CSV error: {e}");
    };
    assert_eq!((*line, field.as_str()), (3, "timestamp"), "{e}");
    assert!(
        message.contains("gaps and duplicates are not allowed"),
        "{e}"
    );
}

/// plan_json: a step policy's adjustment of 2e66 (percent change in capacity) was accepted and
/// overflowed `current + change` in the simulator (`attempt to add with overflow`). The input is
/// the fuzzer's file as written (3.8 KB, so kept beside this test rather than inline).
#[test]
fn plan_step_adjustment_beyond_any_fleet() {
    let input = include_str!("../fuzz_regressions/plan_json-step-adjustment-overflow.json");
    let e = cloudplan::plan::file::from_json_str(input, "fuzz.cloudplan.json").unwrap_err();
    let text = e.to_string();
    assert!(text.contains("steps[0]"), "{text}");
    assert!(
        text.contains("adjustment must be between -1e9 and 1e9"),
        "{text}"
    );
}
