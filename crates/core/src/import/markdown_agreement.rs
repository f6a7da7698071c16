//! An existing agreement in Markdown, to begin its renewal: each heading starts a clause, its number (if
//! any) becomes the ref, and the text under it is the status-quo text.

use std::sync::LazyLock;

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

use crate::error::{Error, Result};
use crate::message::Msg;
use crate::store::NewClause;
use crate::text::check_size;

/// Roman numerals as people type them, Cyrillic look-alikes included ("ІІ" with the Kazakh-Ukrainian І).
fn latin_numeral(c: char) -> Option<char> {
    match c {
        'I' | 'V' | 'X' | 'L' | 'C' => Some(c),
        'І' | 'Ӏ' => Some('I'),
        'Х' => Some('X'),
        'С' => Some('C'),
        _ => None,
    }
}

/// Words that open a section (a group of clauses), not a clause.
const SECTION_WORDS: [&str; 7] = ["раздел", "бөлім", "глава", "тарау", "chapter", "part", "часть"];

/// A heading's number: "Article 7", "Art. 7.2", "§ 3", "Статья 5", "Бап 4", "7-бап", "7.2", "IV.",
/// "Раздел ІІ" (Cyrillic І read as the Roman I). Returns (ref, title).
fn split_number(heading: &str) -> Option<(String, String)> {
    static WORDS: LazyLock<Vec<&str>> = LazyLock::new(|| {
        let mut w = vec!["article", "art.", "art", "section", "clause", "§", "статья", "ст.", "бап", "пункт", "тармақ"];
        w.extend(SECTION_WORDS);
        w
    });
    let h = heading.trim();
    // Kazakh puts the word after the number: "7-бап. Ашықтық", "2-бөлім"
    if let Some((number, rest)) = h.split_once('-') {
        let is_number = !number.is_empty() && number.chars().all(|c| c.is_ascii_digit() || c == '.');
        let lower = rest.to_lowercase();
        if let Some(word) = WORDS.iter().find(|w| is_number && lower.starts_with(**w)) {
            let word_len = word.chars().count();
            let after: String = rest.chars().skip(word_len).collect();
            if !after.chars().next().is_some_and(|c| c.is_alphanumeric()) {
                let word: String = rest.chars().take(word_len).collect();
                let title = after.trim_start_matches(['.', ':', ')', '-', '–', '—', ' ']).trim().to_string();
                return Some((format!("{number}-{word}"), title));
            }
        }
    }
    let lower = h.to_lowercase();
    let (prefix_len, rest) = WORDS
        .iter()
        .find(|w| lower.starts_with(**w))
        .map(|w| (w.chars().count(), h.chars().skip(w.chars().count()).collect::<String>()))
        .unwrap_or((0, h.to_string()));
    let rest_trimmed = rest.trim_start();
    let number: String = rest_trimmed
        .chars()
        .map_while(|c| if c.is_ascii_digit() || c == '.' { Some(c) } else { latin_numeral(c) })
        .collect();
    let number = number.trim_end_matches('.');
    let is_number =
        !number.is_empty() && number.chars().next().is_some_and(|c| c.is_ascii_digit() || c.is_ascii_uppercase());
    // A roman numeral must stand alone ("IV." or "IV "), not begin a word ("Information").
    let after = rest_trimmed.chars().nth(number.chars().count());
    if !is_number || after.is_some_and(|c| c.is_alphanumeric()) {
        return None;
    }
    let prefix: String = h.chars().take(prefix_len).collect();
    let reference = if prefix.is_empty() { number.to_string() } else { format!("{} {number}", prefix.trim()) };
    let title: String = rest_trimmed.chars().skip(number.chars().count()).collect();
    let title = title.trim_start_matches(['.', ':', ')', '-', '–', '—', ' ']).trim().to_string();
    Some((reference, title))
}

/// Whether a heading opens a section: "Раздел II. Занятость", "2-бөлім", "Chapter 3".
fn is_section(heading: &str) -> bool {
    let lower = heading.trim().to_lowercase();
    let word = lower
        .split_once('-')
        .map_or(lower.as_str(), |(n, rest)| if n.chars().all(|c| c.is_ascii_digit()) { rest } else { lower.as_str() });
    SECTION_WORDS.iter().any(|w| word.starts_with(w))
}

/// An agreement read from Markdown: its title (a single top-level heading above the rest), and its
/// clauses in order, each with the section it stands under.
#[derive(Debug, Clone, PartialEq)]
pub struct MarkdownAgreement {
    pub title: Option<String>,
    pub clauses: Vec<NewClause>,
    /// The line each clause's heading is on (the preamble's: 1).
    pub lines: Vec<u64>,
}

pub fn parse_markdown_agreement(source: &str, source_name: &str) -> Result<MarkdownAgreement> {
    // (level, heading text, start of heading, start of body)
    let mut headings: Vec<(HeadingLevel, String, usize, usize)> = Vec::new();
    let mut current: Option<(HeadingLevel, String, usize)> = None;
    for (event, range) in Parser::new(source).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level, .. }) => current = Some((level, String::new(), range.start)),
            Event::Text(t) | Event::Code(t) if current.is_some() => current.as_mut().expect("some").1.push_str(&t),
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, text, start)) = current.take() {
                    headings.push((level, text, start, range.end));
                }
            }
            _ => {}
        }
    }
    if headings.is_empty() {
        return Err(Error::Import {
            source_name: source_name.into(),
            line: 1,
            column: None,
            message: Box::new(Msg::NoHeading),
        });
    }
    let line_of = |offset: usize| source[..offset].matches('\n').count() as u64 + 1;
    // a single top-level heading above deeper ones is the agreement's title
    let top = headings.iter().filter(|h| h.0 == HeadingLevel::H1).count();
    let title = (top == 1
        && headings[0].0 == HeadingLevel::H1
        && headings.len() > 1
        && headings[1..].iter().all(|h| h.0 > HeadingLevel::H1))
    .then(|| headings.remove(0))
    .map(|(_, text, _, body)| (text.trim().to_string(), body));
    let body_from = title.as_ref().map_or(0, |t| t.1);
    let mut clauses = Vec::new();
    let mut lines = Vec::new();
    let preamble = source[body_from..headings.first().map_or(source.len(), |h| h.2)].trim();
    if !preamble.is_empty() {
        clauses.push(NewClause {
            reference: "Preamble".into(),
            title: "Preamble".into(),
            status_quo: Some(preamble.to_string()),
            topics: vec![],
            section: String::new(),
        });
        lines.push(1);
    }
    let mut section = String::new();
    for (i, (_, heading, start, body_start)) in headings.iter().enumerate() {
        let body_end = headings.get(i + 1).map_or(source.len(), |h| h.2);
        let body = source[*body_start..body_end].trim();
        if is_section(heading) && body.is_empty() {
            section = heading.trim().to_string();
            continue;
        }
        let (reference, title) =
            split_number(heading).unwrap_or_else(|| (format!("#{}", i + 1), heading.trim().to_string()));
        if let Some(earlier) = clauses.iter().position(|c: &NewClause| c.reference.eq_ignore_ascii_case(&reference)) {
            return Err(Error::Import {
                source_name: source_name.into(),
                line: line_of(*start),
                column: None,
                message: Box::new(Msg::NumberTwice { reference, heading: earlier + 1 }),
            });
        }
        check_size("text", body).map_err(|e| e.at_line(source_name, line_of(*start)))?;
        clauses.push(NewClause {
            reference,
            title,
            status_quo: (!body.is_empty()).then(|| body.to_string()),
            topics: vec![],
            section: section.clone(),
        });
        lines.push(line_of(*start));
    }
    Ok(MarkdownAgreement { title: title.map(|t| t.0), clauses, lines })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_become_refs() {
        assert_eq!(split_number("Article 7. Retraining"), Some(("Article 7".into(), "Retraining".into())));
        assert_eq!(split_number("7.2 Notice"), Some(("7.2".into(), "Notice".into())));
        assert_eq!(split_number("Статья 5 — Уведомление"), Some(("Статья 5".into(), "Уведомление".into())));
        assert_eq!(split_number("IV. Final provisions"), Some(("IV".into(), "Final provisions".into())));
        assert_eq!(split_number("Information and consultation"), None);
        assert_eq!(split_number("Scope"), None);
    }

    #[test]
    fn headings_start_clauses() {
        let md = "Agreed between the parties.\n\n# Article 1. Scope\n\nThis agreement covers *all* workers.\n\n## Article 2 Notice\n\nSix months.\n\n- a\n- b\n\n# Final provisions\n";
        let clauses = parse_markdown_agreement(md, "a.md").unwrap().clauses;
        let refs: Vec<&str> = clauses.iter().map(|c| c.reference.as_str()).collect();
        assert_eq!(refs, vec!["Preamble", "Article 1", "Article 2", "#3"]);
        assert_eq!(clauses[1].status_quo.as_deref(), Some("This agreement covers *all* workers."));
        assert_eq!(clauses[2].status_quo.as_deref(), Some("Six months.\n\n- a\n- b"));
        assert_eq!(clauses[3].title, "Final provisions");
        assert_eq!(clauses[3].status_quo, None);
    }

    #[test]
    fn kazakh_and_russian_numbering_sections_and_a_title() {
        assert_eq!(split_number("7-бап. Ашықтық"), Some(("7-бап".into(), "Ашықтық".into())));
        assert_eq!(split_number("Статья 7. Прозрачность"), Some(("Статья 7".into(), "Прозрачность".into())));
        assert_eq!(split_number("Раздел ІІ. Занятость"), Some(("Раздел II".into(), "Занятость".into())));
        let not_an_article = split_number("7-баптың мәтіні").map(|(r, _)| r);
        assert_eq!(not_an_article.as_deref(), Some("7"), "a word that only begins like бап is no article");
        let md = "# Отраслевое соглашение на 2027–2029 годы\n\n## Раздел ІІ. Занятость\n\n### Статья 7. Переобучение\n\nРаботодатель обеспечивает переобучение.\n\n### Статья 8. Согласие коллектива\n\nТекст.\n\n## Раздел ІІІ. Охрана труда\n\n### Статья 9. Нагрузка\n\nТекст.\n";
        let a = parse_markdown_agreement(md, "a.md").unwrap();
        assert_eq!(a.title.as_deref(), Some("Отраслевое соглашение на 2027–2029 годы"));
        let refs: Vec<(&str, &str)> = a.clauses.iter().map(|c| (c.reference.as_str(), c.section.as_str())).collect();
        assert_eq!(
            refs,
            [
                ("Статья 7", "Раздел ІІ. Занятость"),
                ("Статья 8", "Раздел ІІ. Занятость"),
                ("Статья 9", "Раздел ІІІ. Охрана труда")
            ]
        );
        assert_eq!(a.lines, [5, 9, 15]);
        let kk = "# Салалық келісім\n\n## 1-бөлім\n\n### 7-бап. Қайта даярлау\n\nЖұмыс беруші қайта даярлауды қамтамасыз етеді.\n";
        let a = parse_markdown_agreement(kk, "kk.md").unwrap();
        assert_eq!((a.clauses[0].reference.as_str(), a.clauses[0].section.as_str()), ("7-бап", "1-бөлім"));
        // two top-level headings: both are clauses, there is no title
        let a = parse_markdown_agreement("# 1 A\n\nx\n\n# 2 B\n\ny\n", "a.md").unwrap();
        assert_eq!((a.title, a.clauses.len()), (None, 2));
    }

    #[test]
    fn duplicate_numbers_and_no_headings_are_errors() {
        let e = parse_markdown_agreement("# 1 A\n\nx\n\n# 1 B\n", "a.md").unwrap_err().to_string();
        assert!(e.contains("line 5") && e.contains("used twice"), "{e}");
        assert!(parse_markdown_agreement("just text", "a.md").unwrap_err().to_string().contains("no heading"));
    }
}
