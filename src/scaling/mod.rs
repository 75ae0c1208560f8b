//! Auto-scaling capacity simulator: a demand curve drives an EC2 Auto Scaling group step by
//! step, and the running capacity is priced by purchase class (On-Demand, Spot, covered by
//! Reserved Instances).
//!
//! Pure: data in, data out, no I/O. One file per concern:
//! * [`group`] — the group definition ([`GroupSpec`]) as stored in a plan item;
//! * [`demand`] — built-in composable demand profiles and the CSV demand parser;
//! * [`policy`] — scaling-policy arithmetic (target tracking, step, simple, AWS rounding rules,
//!   the On-Demand / Spot split);
//! * [`allocation`] — Spot and On-Demand allocation strategies (which instance types the
//!   capacity lands on);
//! * [`schedule`] — scheduled actions (one-off, daily, weekly; fixed UTC offset or an IANA
//!   time zone with daylight saving);
//! * [`predictive`] — the predictive-scaling forecast;
//! * [`simulate`] — the step loop ([`simulate::simulate`]);
//! * [`billing`] — per-second billing and monthly cost by purchase class from the catalogue;
//! * [`rng`] — a tiny seeded PRNG (SplitMix64) for noise and Spot interruptions;
//! * [`batch`] — many simulations at once over the machine's cores (same results as
//!   [`simulate()`] one by one);
//! * [`run`] — validate → demand → prices → simulate → bill, one group or many.
//!
//! Behaviour follows the Amazon EC2 Auto Scaling User Guide; the pages each rule comes from
//! are named next to the code that applies it.

pub mod allocation;
pub mod batch;
pub mod billing;
pub mod demand;
pub mod group;
pub mod policy;
pub mod predictive;
pub mod rng;
pub mod run;
pub mod schedule;
pub mod simulate;

pub use batch::simulate_many;
pub use group::GroupSpec;
pub use simulate::{Record, SimOptions, Simulation, simulate};

/// Why a scaling group could not be simulated or priced. Names the field (and line for CSV).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ScalingError {
    /// A field of the group definition is invalid.
    #[error("field `{field}`: {message}")]
    Field {
        /// Path of the field relative to the group (`min`, `policies[1].steps[0]` …).
        field: String,
        /// What is wrong with it.
        message: String,
    },
    /// A row of a demand CSV file is invalid.
    #[error("demand CSV line {line}, field `{field}`: {message}")]
    Csv {
        /// Line number in the CSV text, from 1 (header and comment lines count).
        line: usize,
        /// The column at fault: `timestamp` or `value`.
        field: String,
        /// What is wrong with it.
        message: String,
    },
    /// The catalogue lacks a rate the group needs; it is never priced as $0.
    #[error(
        "the catalogue has no price for {what} (region {region}); cloudplan never prices a missing rate as $0"
    )]
    MissingPrice {
        /// Region whose catalogue prices were searched.
        region: String,
        /// The missing rate (`On-Demand instance hours of m5.large` …).
        what: String,
    },
}

impl ScalingError {
    pub(crate) fn field(field: impl Into<String>, message: impl Into<String>) -> ScalingError {
        ScalingError::Field {
            field: field.into(),
            message: message.into(),
        }
    }
}
