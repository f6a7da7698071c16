//! An existing agreement in Markdown, to begin its renewal: each heading starts a clause, its number (if
//! any) becomes the ref, and the text under it is the status-quo text.

use std::sync::LazyLock;

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

use crate::error::{Error, Result};
use crate::store::NewClause;
use crate::text::check_size;

/// A heading's number: "Article 7", "Art. 7.2", "§ 3", "Статья 5", "Бап 4", "7.2", "IV."
fn split_number(heading: &str) -> Option<(String, String)> {
    static WORDS: LazyLock<Vec<&str>> =
        LazyLock::new(|| vec!["article", "art.", "art", "section", "clause", "§", "статья", "ст.", "бап", "пункт"]);
    let h = heading.trim();
    let lower = h.to_lowercase();
    let (prefix_len, rest) = WORDS
        .iter()
        .find(|w| lower.starts_with(**w))
        .map(|w| (w.chars().count(), h.chars().skip(w.chars().count()).collect::<String>()))
        .unwrap_or((0, h.to_string()));
    let rest_trimmed = rest.trim_start();
    let number: String = rest_trimmed
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.' || c.is_ascii_uppercase() && "IVXLC".contains(*c))
        .collect();
    let number = number.trim_end_matches('.');
    let is_number =
        !number.is_empty() && number.chars().next().is_some_and(|c| c.is_ascii_digit() || "IVXLC".contains(c));
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

pub fn parse_markdown_agreement(source: &str, source_name: &str) -> Result<Vec<NewClause>> {
    // (heading text, start of heading, start of body)
    let mut headings: Vec<(String, usize, usize)> = Vec::new();
    let mut current: Option<(String, usize)> = None;
    for (event, range) in Parser::new(source).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level, .. }) if level <= HeadingLevel::H6 => {
                current = Some((String::new(), range.start))
            }
            Event::Text(t) | Event::Code(t) if current.is_some() => current.as_mut().expect("some").0.push_str(&t),
            Event::End(TagEnd::Heading(_)) => {
                if let Some((text, start)) = current.take() {
                    headings.push((text, start, range.end));
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
            message: "no heading found: each clause of the agreement must start with a heading (# Article 1 …)".into(),
        });
    }
    let line_of = |offset: usize| source[..offset].matches('\n').count() as u64 + 1;
    let mut clauses = Vec::new();
    let preamble = source[..headings[0].1].trim();
    if !preamble.is_empty() {
        clauses.push(NewClause {
            reference: "Preamble".into(),
            title: "Preamble".into(),
            status_quo: Some(preamble.to_string()),
            topics: vec![],
        });
    }
    for (i, (heading, start, body_start)) in headings.iter().enumerate() {
        let body_end = headings.get(i + 1).map_or(source.len(), |h| h.1);
        let body = source[*body_start..body_end].trim();
        let (reference, title) =
            split_number(heading).unwrap_or_else(|| (format!("#{}", i + 1), heading.trim().to_string()));
        if let Some(earlier) = clauses.iter().position(|c: &NewClause| c.reference.eq_ignore_ascii_case(&reference)) {
            return Err(Error::Import {
                source_name: source_name.into(),
                line: line_of(*start),
                column: None,
                message: format!("clause number '{reference}' is used twice (first in heading {})", earlier + 1),
            });
        }
        check_size(&format!("the text of {reference}"), body).map_err(|e| Error::Import {
            source_name: source_name.into(),
            line: line_of(*start),
            column: None,
            message: e.to_string(),
        })?;
        clauses.push(NewClause {
            reference,
            title,
            status_quo: (!body.is_empty()).then(|| body.to_string()),
            topics: vec![],
        });
    }
    Ok(clauses)
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
        let clauses = parse_markdown_agreement(md, "a.md").unwrap();
        let refs: Vec<&str> = clauses.iter().map(|c| c.reference.as_str()).collect();
        assert_eq!(refs, vec!["Preamble", "Article 1", "Article 2", "#3"]);
        assert_eq!(clauses[1].status_quo.as_deref(), Some("This agreement covers *all* workers."));
        assert_eq!(clauses[2].status_quo.as_deref(), Some("Six months.\n\n- a\n- b"));
        assert_eq!(clauses[3].title, "Final provisions");
        assert_eq!(clauses[3].status_quo, None);
    }

    #[test]
    fn duplicate_numbers_and_no_headings_are_errors() {
        let e = parse_markdown_agreement("# 1 A\n\nx\n\n# 1 B\n", "a.md").unwrap_err().to_string();
        assert!(e.contains("line 5") && e.contains("used twice"), "{e}");
        assert!(parse_markdown_agreement("just text", "a.md").unwrap_err().to_string().contains("no heading"));
    }
}
