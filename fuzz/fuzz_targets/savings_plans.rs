//! Offer-file importer seeded with Savings Plans offer files (fuzz/seeds/savings_plans/); the body is shared with the other
//! offer targets in `offer_common.rs`.
#![no_main]

#[path = "offer_common.rs"]
mod offer_common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| offer_common::import_offer(data));
