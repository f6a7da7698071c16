//! The real `trilogue-cli` binary's tests, in one binary (one link, a fraction of the disk).

mod bench;
#[path = "../../../core/tests/common/mod.rs"]
mod common;

mod cli;
mod disk;
mod docx;
mod server;
