//! Reading negotiators' files: the position table (CSV), a Markdown agreement and a Word document. Parsing is pure and
//! complete before anything is written, so a bad file imports nothing.

pub mod csv_strict;
mod docx;
mod encoding;
mod markdown_agreement;
mod position_table;

pub use docx::{WordDocument, read_docx};
pub use encoding::{TextEncoding, to_utf8};
pub use markdown_agreement::{MarkdownAgreement, parse_markdown_agreement};
pub use position_table::{PositionTable, TableRow, parse_position_table};

use crate::error::{Error, Result};
use crate::message::Msg;

/// A text file's bytes as UTF-8, or an error naming the line where the first invalid byte stands.
pub fn decode_utf8(bytes: Vec<u8>, source_name: &str) -> Result<String> {
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() as u64 + 1;
        Error::Import { source_name: source_name.into(), line, column: None, message: Box::new(Msg::NotUtf8) }
    })
}
