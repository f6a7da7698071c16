//! The core's integration tests, in one binary: one link instead of one per file, and a fraction of
//! the disk (each test binary carries the whole dependency graph).

#[path = "../common/mod.rs"]
mod common;

mod comparison;
mod demo_and_exports;
mod diff_props;
mod importers_fuzz;
mod pathological;
mod real_table;
mod search_forms;
mod settlement;
mod setup;
mod store_open;
mod workflow;
mod xss;
