//! Clause texts: the limits a text must keep and the hash that identifies it.

use sha2::{Digest, Sha256};
use unicode_normalization::UnicodeNormalization;

use crate::error::{Error, Result};
use crate::message::Msg;

/// The largest clause text accepted. The longest real amendment we have seen is under 8 kB; a text of
/// a megabyte is a pasted document or an attack, and would make every view of the clause slow.
pub const MAX_TEXT_BYTES: usize = 1 << 20;

/// The form a text is hashed in: Unicode NFC, LF line ends, no trailing spaces on lines, no blank lines
/// at either end. Two texts that differ only in these ways are the same text to initial.
pub fn normalise(text: &str) -> String {
    let nfc: String = text.replace("\r\n", "\n").replace('\r', "\n").nfc().collect();
    let lines: Vec<&str> = nfc.lines().map(str::trim_end).collect();
    lines.join("\n").trim_matches('\n').to_string()
}

/// SHA-256 of the normalised text, as lower-case hex.
pub fn text_hash(text: &str) -> String {
    hex(&Sha256::digest(normalise(text).as_bytes()))
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Refuses a text too large to be a clause.
pub fn check_size(part: &str, text: &str) -> Result<()> {
    if text.len() > MAX_TEXT_BYTES {
        return Err(Error::Invalid(Msg::TextTooLarge {
            part: part.to_string(),
            bytes: text.len(),
            max: MAX_TEXT_BYTES,
        }));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_ignores_line_ends_trailing_space_and_composition() {
        let a = "Статья 7.\r\nПереобучение  \r\n\r\n";
        let b = "Статья 7.\nПереобучение";
        assert_eq!(text_hash(a), text_hash(b));
        // й as one code point and as и + combining breve
        assert_eq!(text_hash("\u{439}"), text_hash("\u{438}\u{306}"));
        assert_ne!(text_hash("retrain"), text_hash("retrain."));
        assert_eq!(text_hash("").len(), 64);
    }

    #[test]
    fn size_limit_names_the_limit() {
        let big = "x".repeat(MAX_TEXT_BYTES + 1);
        let err = check_size("text", &big).unwrap_err().to_string();
        assert!(err.contains("at most"), "{err}");
        assert!(check_size("text", "short").is_ok());
    }
}
