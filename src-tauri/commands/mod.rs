//! The app's commands, grouped by area. Each is a few lines that call the core.

pub mod clauses;
pub mod comparison;
pub mod exchange;
pub mod intake;
pub mod negotiations;
pub mod settlement;
pub mod setup;
pub mod texts;
