//! Trilogue's core: the negotiation record and everything done with it, with no knowledge of any window.
//! The desktop app and the command line are two thin front doors to what is here.

pub mod agreement;
pub mod authentic;
pub mod compare;
pub mod convergence;
pub mod demo;
pub mod diff;
pub mod diff_cache;
pub mod document;
pub mod error;
pub mod export;
pub mod import;
pub mod library;
pub mod markdown;
pub mod message;
pub mod model;
pub mod packet;
pub mod reader;
pub mod record;
pub mod report;
pub mod spreadsheet;
pub mod stem;
pub mod store;
pub mod text;
pub mod views;
pub mod words;

pub use error::{Disk, Error, Result};
pub use reader::Reader;
pub use store::{Store, Who};
