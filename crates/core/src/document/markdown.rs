//! The model as Markdown, the form the record keeps texts in. Text is escaped so that no character of it
//! becomes Markdown or HTML syntax (code too, so it loses its monospace here); changes are written in
//! git's word-diff notation, `[-deleted-]{+inserted+}`, since Markdown has none of its own.

use super::{Block, ChangeKind, Document, Run};

/// A whole document: its title as the first heading, then its blocks.
pub fn to_markdown(doc: &Document) -> String {
    let mut out = String::new();
    if !doc.title.is_empty() {
        out.push_str(&format!("# {}\n\n", escape(&doc.title)));
    }
    out.push_str(&blocks(&doc.blocks));
    out
}

/// Blocks as Markdown, each ended by a blank line.
pub(crate) fn blocks(blocks: &[Block]) -> String {
    let mut out = String::new();
    for block in blocks {
        out.push_str(&self::block(block));
        out.push_str("\n\n");
    }
    out.truncate(out.trim_end().len());
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

fn block(block: &Block) -> String {
    match block {
        Block::Heading { level, runs: r, .. } => format!("{} {}", "#".repeat((*level).clamp(1, 6) as usize), runs(r)),
        Block::Paragraph(r) => line_start_safe(&runs(r)),
        Block::Note(r) => {
            let text = runs(r);
            if text.trim().is_empty() { text } else { format!("*{}*", text.trim()) }
        }
        Block::List { ordered, items } => items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let marker = if *ordered { format!("{}. ", i + 1) } else { "- ".to_string() };
                indent(&blocks(item), &marker)
            })
            .collect::<Vec<_>>()
            .join("\n"),
        Block::Quote(inner) => {
            blocks(inner).lines().map(|l| format!("> {l}").trim_end().to_string()).collect::<Vec<_>>().join("\n")
        }
        Block::Table { header, rows } => {
            let cell = |c: &Vec<Block>| cell_text(c);
            let width = header.len().max(rows.iter().map(Vec::len).max().unwrap_or(0)).max(1);
            let line = |cells: Vec<String>| {
                let mut cells = cells;
                cells.resize(width, String::new());
                format!("| {} |", cells.join(" | "))
            };
            // a header row is bold by itself: its words are written without the markers
            let head = |c: &Vec<Block>| {
                let mut c = c.clone();
                super::each_leaf(&mut c, &mut |runs| runs.iter_mut().for_each(|r| r.style.strong = false));
                cell_text(&c)
            };
            let mut out = vec![line(header.iter().map(head).collect()), line(vec!["---".into(); width])];
            out.extend(rows.iter().map(|r| line(r.iter().map(cell).collect())));
            out.join("\n")
        }
        Block::PageBreak => "---".into(),
    }
}

/// A table cell's blocks on one line.
fn cell_text(blocks: &[Block]) -> String {
    let mut parts = vec![];
    for b in blocks {
        match b {
            Block::Heading { runs: r, .. } | Block::Paragraph(r) | Block::Note(r) => parts.push(runs(r)),
            other => parts.push(block(other).replace('\n', " ")),
        }
    }
    parts.join(" ").replace('\n', " ")
}

/// The lines of `text` under a list marker: the first after it, the rest indented to match.
fn indent(text: &str, marker: &str) -> String {
    let pad = " ".repeat(marker.chars().count());
    text.trim_end()
        .lines()
        .enumerate()
        .map(|(i, l)| {
            if i == 0 {
                format!("{marker}{l}")
            } else if l.is_empty() {
                String::new()
            } else {
                format!("{pad}{l}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Runs as inline Markdown: each style's markers around the run's words, spaces kept outside them.
pub(crate) fn runs(runs: &[Run]) -> String {
    let mut out = String::new();
    for run in runs {
        let text = escape(&run.text);
        let core = text.trim();
        if core.is_empty() {
            out.push_str(&text.replace('\n', "\\\n"));
            continue;
        }
        let lead = &text[..text.len() - text.trim_start().len()];
        let trail = &text[text.trim_end().len()..];
        let mut inner = core.replace('\n', "\\\n");
        // code is written as escaped text: a code span would take its characters raw
        let s = run.style;
        if s.strike {
            inner = format!("~~{inner}~~");
        }
        if s.emphasis {
            inner = format!("*{inner}*");
        }
        if s.strong {
            inner = format!("**{inner}**");
        }
        inner = match run.change.as_ref().map(|c| c.kind) {
            Some(ChangeKind::Deleted) => format!("[-{inner}-]"),
            Some(ChangeKind::Inserted) => format!("{{+{inner}+}}"),
            None => inner,
        };
        out.push_str(lead);
        out.push_str(&inner);
        out.push_str(trail);
    }
    out
}

/// Escapes a title for Markdown: no HTML, no emphasis or link syntax taken from it.
pub(crate) fn md_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '*' | '_' | '[' | ']' | '`' | '#' | '|' => {
                out.push('\\');
                out.push(c);
            }
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
    out
}

/// Escapes what Markdown or HTML would read as syntax inside a line, strikethrough's `~` too: the
/// model's text is read back with strikethrough on.
pub(crate) fn escape(text: &str) -> String {
    md_inline(text).replace('~', "\\~")
}

/// A paragraph that would begin like a heading, a list or a quote begins with a backslash instead.
fn line_start_safe(text: &str) -> String {
    // a `#` is escaped wherever it stands
    let starts_block = text.starts_with("- ")
        || text.starts_with("+ ")
        || text.starts_with("= ")
        || text
            .split_once(". ")
            .is_some_and(|(n, _)| !n.is_empty() && n.len() < 10 && n.chars().all(|c| c.is_ascii_digit()));
    if starts_block {
        match text.split_once(". ") {
            Some((n, rest)) if n.chars().all(|c| c.is_ascii_digit()) => format!("{n}\\. {rest}"),
            _ => format!("\\{text}"),
        }
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse;
    use super::*;

    #[test]
    fn the_records_markdown_comes_back_the_same() {
        for text in [
            "Notice of **twelve months**, *in writing*.",
            "- first\n- second",
            "1. one\n2. two",
            "> quoted\n>\n> twice",
            "| a | b |\n| --- | --- |\n| 1 | 2 |",
            "Работодатель **обязан** уведомить.\n\nҚызметкерлер *хабардар* етіледі.",
        ] {
            let once = blocks(&parse(text));
            assert_eq!(parse(&once), parse(text), "{text} → {once}");
            assert_eq!(blocks(&parse(&once)), once);
        }
    }

    #[test]
    fn no_character_of_a_text_becomes_syntax() {
        for text in ["<b>x</b>", "a * b _ c", "# not a heading", "1. not a list", "[link](javascript:x)"] {
            let md = blocks(&[Block::paragraph(text)]);
            assert_eq!(parse(&md), vec![Block::paragraph(text)], "{text} → {md}");
        }
    }
}
