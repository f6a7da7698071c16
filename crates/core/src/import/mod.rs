//! Reading negotiators' files: the position table (CSV) and a Markdown agreement. Parsing is pure and
//! complete before anything is written, so a bad file imports nothing.

pub mod csv_strict;
mod markdown_agreement;
mod position_table;

pub use markdown_agreement::parse_markdown_agreement;
pub use position_table::{PositionTable, TableRow, parse_position_table};
