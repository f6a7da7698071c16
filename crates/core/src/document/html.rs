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
    out.push_str(&Html { dated: !doc.changes_as_formatting }.blocks(&doc.blocks));
    out
}

/// A whole document as one self-contained, printable HTML page: a strict CSP (no script, nothing
/// fetched), every text escaped; a landscape document prints landscape.
pub fn page(doc: &Document) -> String {
    let orientation = if doc.landscape { "@page{size:A4 landscape}body{max-width:none}" } else { "" };
    page_of(&doc.title, doc.lang, orientation, &to_html(doc))
}

/// A page around a body that is already escaped or sanitised.
pub(crate) fn page_of(title: &str, lang: crate::words::Lang, extra_css: &str, body: &str) -> String {
    format!(
        "<!doctype html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\">\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\
         <title>{}</title><style>{PAGE_CSS}{extra_css}</style></head><body>\n{body}</body></html>\n",
        lang.code(),
        escape_html(title)
    )
}

const PAGE_CSS: &str = "body{font:16px/1.55 'Noto Serif','DejaVu Serif',serif;max-width:46em;margin:2em auto;color:#111;padding:0 1em}\
h1{font-size:1.7em}h2{font-size:1.2em;margin:1.2em 0 .2em;border-top:1px solid #bbb;padding-top:.4em}h3{font-size:1em;margin:.8em 0 .2em}\
.note{color:#444;font:.85em/1.45 'Noto Sans','DejaVu Sans',sans-serif;margin:.2em 0}\
table{border-collapse:collapse;width:100%;font:.85em/1.4 'Noto Sans','DejaVu Sans',sans-serif;margin:.6em 0}\
th,td{border:1px solid #999;padding:.25em .45em;text-align:left;vertical-align:top}th{background:#eee}td p,th p{margin:.1em 0}\
blockquote{margin:.3em 0 .8em 1em;padding-left:.8em;border-left:3px solid #bbb}\
ins{text-decoration:underline;background:#e6f4ea}del{text-decoration:line-through;color:#555;background:#fbe9e7}\
hr.page{border:0;break-after:page;margin:2em 0}\
@media print{body{margin:0;max-width:none}thead{display:table-header-group}}";

/// How runs are written: a change says who made it, and when unless it is only shown as formatting.
#[derive(Clone, Copy)]
pub(crate) struct Html {
    pub(crate) dated: bool,
}

impl Html {
    pub(crate) fn blocks(self, blocks: &[Block]) -> String {
        blocks.iter().map(|b| self.block(b)).collect::<Vec<_>>().join("\n")
    }

    fn block(self, block: &Block) -> String {
        match block {
            Block::Heading { level, runs: r, marker } => {
                let level = (*level).clamp(1, 6);
                let id = marker.as_ref().map(|m| format!(" id=\"{}\"", escape_html(m))).unwrap_or_default();
                format!("<h{level}{id}>{}</h{level}>", self.runs(r))
            }
            Block::Paragraph(r) => format!("<p>{}</p>", self.runs(r)),
            Block::Note(r) => format!("<p class=\"note\">{}</p>", self.runs(r)),
            Block::List { ordered, items } => {
                let tag = if *ordered { "ol" } else { "ul" };
                let items: String = items.iter().map(|i| format!("<li>{}</li>", self.blocks(i))).collect();
                format!("<{tag}>{items}</{tag}>")
            }
            Block::Quote(inner) => format!("<blockquote>{}</blockquote>", self.blocks(inner)),
            Block::Table { header, rows } => {
                let head: String = header.iter().map(|c| format!("<th>{}</th>", self.blocks(c))).collect();
                let body: String = rows
                    .iter()
                    .map(|r| {
                        format!(
                            "<tr>{}</tr>",
                            r.iter().map(|c| format!("<td>{}</td>", self.blocks(c))).collect::<String>()
                        )
                    })
                    .collect();
                format!("<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
            }
            Block::PageBreak => "<hr class=\"page\">".into(),
        }
    }

    pub(crate) fn runs(self, runs: &[Run]) -> String {
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
                inner = if self.dated {
                    let title = format!("{}, {}", c.author, c.at.format("%Y-%m-%d %H:%M UTC"));
                    format!("<{tag} title=\"{}\">{inner}</{tag}>", escape_html(&title))
                } else {
                    format!("<{tag}>{inner}</{tag}>")
                };
            }
            out.push_str(&inner);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse;
    use super::*;

    #[test]
    fn every_text_is_escaped() {
        let html = Html { dated: true }.blocks(&parse("<img src=x onerror=alert(1)> **bold**"));
        assert_eq!(html, "<p>&lt;img src=x onerror=alert(1)&gt; <strong>bold</strong></p>");
    }
}
