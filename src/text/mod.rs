//! Text shared by every layer: how numbers are shown ([`format`]) and how a CSV text cell is
//! guarded against formula injection ([`csv_cell`]). A leaf module: it imports nothing of the
//! crate, so the catalogue, the plan and the engine can use it without reaching up to `report`.

pub mod csv_cell;
pub mod format;
