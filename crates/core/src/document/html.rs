//! The model as HTML. Every text is escaped; the only markup is the renderer's own, so nothing needs
//! sanitising afterwards. Changes are `<ins>` and `<del>`, with who and when in their title.

use super::{Block, ChangeKind, Document, Run};
use crate::markdown::escape_html;

/// A whole document as the body of a page: its title as the first heading, then its blocks.
pub fn to_html(doc: &Document) -> String {
    let mut out = String::new();
    if !doc.title.is_empty() {
        out.push_str(&format!("<h1>{}</h1>\n", escape_html(&doc.title)));
    }
    out.push_str(&blocks(&doc.blocks));
    out
}

pub(crate) fn blocks(blocks: &[Block]) -> String {
    blocks.iter().map(block).collect::<Vec<_>>().join("\n")
}

fn block(block: &Block) -> String {
    match block {
        Block::Heading { level, runs: r, marker } => {
            let level = (*level).clamp(1, 6);
            let id = marker.as_ref().map(|m| format!(" id=\"{}\"", escape_html(m))).unwrap_or_default();
            format!("<h{level}{id}>{}</h{level}>", runs(r))
        }
        Block::Paragraph(r) => format!("<p>{}</p>", runs(r)),
        Block::Note(r) => format!("<p class=\"note\">{}</p>", runs(r)),
        Block::List { ordered, items } => {
            let tag = if *ordered { "ol" } else { "ul" };
            let items: String = items.iter().map(|i| format!("<li>{}</li>", blocks(i))).collect();
            format!("<{tag}>{items}</{tag}>")
        }
        Block::Quote(inner) => format!("<blockquote>{}</blockquote>", blocks(inner)),
        Block::Table { header, rows } => {
            let head: String = header.iter().map(|c| format!("<th>{}</th>", blocks(c))).collect();
            let body: String = rows
                .iter()
                .map(|r| {
                    format!("<tr>{}</tr>", r.iter().map(|c| format!("<td>{}</td>", blocks(c))).collect::<String>())
                })
                .collect();
            format!("<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
        }
    }
}

pub(crate) fn runs(runs: &[Run]) -> String {
    let mut out = String::new();
    for run in runs {
        let mut inner = escape_html(&run.text).replace('\n', "<br>");
        let s = run.style;
        for (on, tag) in [(s.code, "code"), (s.strike, "s"), (s.emphasis, "em"), (s.strong, "strong")] {
            if on {
                inner = format!("<{tag}>{inner}</{tag}>");
            }
        }
        if let Some(c) = &run.change {
            let tag = if c.kind == ChangeKind::Inserted { "ins" } else { "del" };
            let title = format!("{}, {}", c.author, c.at.format("%Y-%m-%d %H:%M UTC"));
            inner = format!("<{tag} title=\"{}\">{inner}</{tag}>", escape_html(&title));
        }
        out.push_str(&inner);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::parse;
    use super::*;

    #[test]
    fn every_text_is_escaped() {
        let html = blocks(&parse("<img src=x onerror=alert(1)> **bold**"));
        assert_eq!(html, "<p>&lt;img src=x onerror=alert(1)&gt; <strong>bold</strong></p>");
    }
}
