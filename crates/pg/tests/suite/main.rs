//! The shared record's tests against a real PostgreSQL, in one binary (one link, a fraction of the
//! disk). Each test works in a database of its own, so they run side by side as before.

mod common;
#[path = "../../../core/tests/common/mod.rs"]
mod data;

mod clauses;
mod concurrent;
mod copy;
mod imports;
mod intake;
mod library;
mod live;
mod reports;
mod same_rules;
mod search;
mod sessions;
mod settlement;
mod sides;
