//! Which encoding a table from office software is in. UTF-8 (with or without a byte-order mark) is read
//! as it is. A file that is not UTF-8 but reads as Cyrillic in Windows-1251 — what a Russian-language
//! spreadsheet saves "CSV" as — is converted; Windows-1251 has no ә, ғ, қ, ң, ө, ұ, ү, һ, so the user is
//! told where Kazakh letters may have been lost. Anything else is left for the reader to refuse, with
//! the line and column of the first byte that is not UTF-8.

use std::borrow::Cow;

use serde::Serialize;

/// The encoding a file was read in.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "encoding")]
pub enum TextEncoding {
    Utf8,
    /// Read as Windows-1251; `lost_letters` when a `?` stands inside a Cyrillic word, where a
    /// spreadsheet puts a letter the encoding cannot hold (Kazakh's ә, ғ, қ, ң, ө, ұ, ү, һ).
    Windows1251 {
        lost_letters: bool,
        first_lost_line: Option<u64>,
    },
}

/// The bytes as UTF-8, and the encoding they were read in.
pub fn to_utf8(bytes: &[u8]) -> (Cow<'_, [u8]>, TextEncoding) {
    if std::str::from_utf8(bytes).is_ok() || !looks_like_windows_1251(bytes) {
        return (Cow::Borrowed(bytes), TextEncoding::Utf8);
    }
    let (text, _, _) = encoding_rs::WINDOWS_1251.decode(bytes);
    let lost = first_lost_letter(&text);
    let encoding = TextEncoding::Windows1251 { lost_letters: lost.is_some(), first_lost_line: lost };
    (Cow::Owned(text.into_owned().into_bytes()), encoding)
}

/// Whether bytes that are not UTF-8 read as Russian or Kazakh text in Windows-1251: every byte above
/// 0x7F is a Cyrillic letter (or a typographic sign of the code page), and Cyrillic letters come in
/// words, not one at a time between Latin letters as in a Western code page's "café".
fn looks_like_windows_1251(bytes: &[u8]) -> bool {
    let high: Vec<usize> = (0..bytes.len()).filter(|&i| bytes[i] >= 0x80).collect();
    if high.is_empty() {
        return false;
    }
    let cyrillic =
        |b: u8| b >= 0xC0 || matches!(b, 0xA8 | 0xB8 | 0xB2 | 0xB3 | 0xAA | 0xBA | 0xAF | 0xBF | 0xA1 | 0xA2);
    let sign = |b: u8| matches!(b, 0x85 | 0x96 | 0x97 | 0xAB | 0xBB | 0xB9 | 0x93 | 0x94 | 0x84 | 0xA0 | 0xB0 | 0xA7);
    if high.iter().any(|&i| !cyrillic(bytes[i]) && !sign(bytes[i])) {
        return false;
    }
    let latin = |i: Option<&u8>| i.is_some_and(|b| b.is_ascii_alphabetic());
    let among_latin =
        high.iter().filter(|&&i| cyrillic(bytes[i]) && (latin(bytes.get(i + 1)) || i > 0 && latin(bytes.get(i - 1))));
    among_latin.count() * 10 <= high.len()
}

/// The line of the first `?` standing between Cyrillic letters, if any.
fn first_lost_letter(text: &str) -> Option<u64> {
    let cyrillic = |c: Option<char>| c.is_some_and(|c| ('\u{0400}'..='\u{04FF}').contains(&c));
    let chars: Vec<char> = text.chars().collect();
    let at = (0..chars.len()).find(|&i| {
        chars[i] == '?' && (cyrillic(i.checked_sub(1).map(|j| chars[j])) && cyrillic(chars.get(i + 1).copied()))
    })?;
    Some(chars[..at].iter().filter(|&&c| c == '\n').count() as u64 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cp1251(s: &str) -> Vec<u8> {
        encoding_rs::WINDOWS_1251.encode(s).0.into_owned()
    }

    #[test]
    fn utf8_is_read_as_it_is() {
        let (bytes, enc) = to_utf8("ref;title\n1;Переобучение және\n".as_bytes());
        assert_eq!(
            (std::str::from_utf8(&bytes).unwrap(), enc),
            ("ref;title\n1;Переобучение және\n", TextEncoding::Utf8)
        );
    }

    #[test]
    fn windows_1251_is_converted_and_lost_kazakh_letters_are_found() {
        let file = cp1251("ref;title\n1;Переобучение работников — «до увольнения»\n");
        let (bytes, enc) = to_utf8(&file);
        assert_eq!(std::str::from_utf8(&bytes).unwrap(), "ref;title\n1;Переобучение работников — «до увольнения»\n");
        assert_eq!(enc, TextEncoding::Windows1251 { lost_letters: false, first_lost_line: None });
        // "қызметкерлер" saved by a spreadsheet in Windows-1251: the қ became a question mark
        let (_, enc) = to_utf8(&cp1251("ref;title\n1;Работа\n2;?ызметкерлерді о?ыту\n"));
        assert_eq!(enc, TextEncoding::Windows1251 { lost_letters: true, first_lost_line: Some(3) });
    }

    #[test]
    fn a_western_file_is_not_taken_for_cyrillic() {
        let (bytes, enc) = to_utf8(b"ref,title\nA2,caf\xe9 cr\xe8me\n");
        assert_eq!(enc, TextEncoding::Utf8, "left for the reader to refuse");
        assert!(std::str::from_utf8(&bytes).is_err());
        assert_eq!(to_utf8(b"a,\x81\x83\n").1, TextEncoding::Utf8, "bytes that are no letters in 1251");
    }
}
