//! Units of time every layer shares: AWS's 730-hour billing month and the days of the week.
//! A leaf module: it imports nothing of the crate.

use serde::{Deserialize, Serialize};

/// Hours in a billing month as AWS prices monthly figures (AWS Pricing Calculator:
/// "730 hours in a month").
pub const HOURS_PER_MONTH: f64 = 730.0;

/// A day of the week, as plan files spell it (`"mon"` … `"sun"`): usage spikes on chosen days,
/// weekly scheduled scaling actions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Weekday {
    /// Monday (`"mon"`).
    Mon,
    /// Tuesday (`"tue"`).
    Tue,
    /// Wednesday (`"wed"`).
    Wed,
    /// Thursday (`"thu"`).
    Thu,
    /// Friday (`"fri"`).
    Fri,
    /// Saturday (`"sat"`).
    Sat,
    /// Sunday (`"sun"`).
    Sun,
}
