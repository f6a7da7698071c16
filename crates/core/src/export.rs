//! What leaves the workbench: the agreement as Markdown or printable HTML, and the position table as
//! CSV. Only tabled texts are exported — never a draft, never a private note.

use std::collections::HashMap;

use crate::compare::is_css_colour;
use crate::error::Result;
use crate::markdown::{escape_html, render};
use crate::model::{Clause, Negotiation, Party, Track, Version};
use crate::spreadsheet::guard;
use crate::store::Store;

/// Everything an export shows, read once.
struct Snapshot {
    negotiation: Negotiation,
    parties: Vec<Party>,
    clauses: Vec<Clause>,
    heads: HashMap<(i64, Track), Version>,
}

async fn snapshot(store: &Store, negotiation_id: i64) -> Result<Snapshot> {
    Ok(Snapshot {
        negotiation: store.negotiation(negotiation_id).await?,
        parties: store.parties(negotiation_id).await?,
        clauses: store.list_clauses(negotiation_id).await?.into_iter().map(|r| r.clause).collect(),
        heads: store.tabled_heads(negotiation_id).await?,
    })
}

impl Snapshot {
    fn text(&self, clause: &Clause, track: Track) -> Option<&str> {
        self.heads.get(&(clause.id, track)).map(|v| v.text.as_str())
    }

    fn status_line(&self) -> String {
        let mut counts: Vec<(String, usize)> = Vec::new();
        for c in &self.clauses {
            let name = human(c.status.as_str());
            match counts.iter_mut().find(|(n, _)| *n == name) {
                Some((_, n)) => *n += 1,
                None => counts.push((name, 1)),
            }
        }
        let parts: Vec<String> = counts.iter().map(|(n, c)| format!("{c} {n}")).collect();
        format!("{} clauses: {}", self.clauses.len(), parts.join(", "))
    }
}

/// `tentatively_agreed` → `tentatively agreed`
pub(crate) fn human(name: &str) -> String {
    name.replace('_', " ")
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

/// The agreement as Markdown: the joint text of every clause in order, with its status.
pub async fn agreement_markdown(store: &Store, negotiation_id: i64) -> Result<String> {
    let s = snapshot(store, negotiation_id).await?;
    let mut out = format!("# {}\n\n", md_inline(&s.negotiation.title));
    out.push_str(&format!("Agreement status: {}. {}.\n\n", human(s.negotiation.status.as_str()), s.status_line()));
    if !s.parties.is_empty() {
        let names: Vec<String> = s.parties.iter().map(|p| md_inline(&format!("{} ({})", p.name, p.label))).collect();
        out.push_str(&format!("Parties: {}.\n\n", names.join("; ")));
    }
    for c in &s.clauses {
        out.push_str(&format!("## {} — {}\n\n", md_inline(&c.reference), md_inline(&c.title)));
        out.push_str(&format!("*Status: {}*\n\n", human(c.status.as_str())));
        match s.text(c, Track::Joint) {
            // `&lt;` renders as `<` in every Markdown viewer, so no tag can form in one that passes HTML
            Some(text) => out.push_str(&text.trim_end().replace('<', "&lt;")),
            None => out.push_str("*No joint text yet.*"),
        }
        out.push_str("\n\n");
    }
    Ok(out)
}

/// The agreement as one self-contained, printable HTML page.
pub async fn agreement_html(store: &Store, negotiation_id: i64) -> Result<String> {
    let s = snapshot(store, negotiation_id).await?;
    let mut body = String::new();
    for c in &s.clauses {
        let text = match s.text(c, Track::Joint) {
            Some(t) => render(t),
            None => "<p class=\"none\">No joint text yet.</p>".to_string(),
        };
        body.push_str(&format!(
            "<section class=\"clause\"><h2><span class=\"ref\">{}</span> {}</h2><p class=\"status {}\">{}</p>{text}</section>\n",
            escape_html(&c.reference),
            escape_html(&c.title),
            c.status.as_str(),
            escape_html(&human(c.status.as_str())),
        ));
    }
    let parties: Vec<String> = s
        .parties
        .iter()
        .map(|p| {
            let colour = if is_css_colour(&p.colour) { p.colour.as_str() } else { "#555555" };
            format!(
                "<li><span class=\"swatch\" style=\"background:{colour}\"></span>{} ({})</li>",
                escape_html(&p.name),
                escape_html(&p.label)
            )
        })
        .collect();
    let header = format!(
        "<header><h1>{title}</h1><p class=\"meta\">Agreement status: {status}. {line}.</p><ul class=\"parties\">{parties}</ul></header>\n",
        title = escape_html(&s.negotiation.title),
        status = escape_html(&human(s.negotiation.status.as_str())),
        line = escape_html(&s.status_line()),
        parties = parties.join(""),
    );
    Ok(html_page(&s.negotiation.title, "", &(header + &body)))
}

/// One self-contained, printable HTML page in the agreement's style: a strict CSP (no script, nothing
/// fetched), the title escaped; `body` must already be escaped or sanitised.
pub(crate) fn html_page(title: &str, extra_css: &str, body: &str) -> String {
    format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\
         <title>{}</title><style>{AGREEMENT_CSS}{extra_css}</style></head><body>\n{body}</body></html>\n",
        escape_html(title)
    )
}

const AGREEMENT_CSS: &str = "body{font:16px/1.55 'Noto Serif','DejaVu Serif',serif;max-width:46em;margin:2em auto;color:#111;padding:0 1em}\
h1{font-size:1.7em}h2{font-size:1.2em;margin-bottom:.2em}.ref{color:#444;margin-right:.4em}\
.meta{color:#444}.parties{list-style:none;padding:0;display:flex;gap:1.5em;flex-wrap:wrap}\
.swatch{display:inline-block;width:.8em;height:.8em;margin-right:.4em;border:1px solid #000}\
.status{display:inline-block;font:600 .8em sans-serif;text-transform:uppercase;letter-spacing:.05em;border:1px solid #444;padding:.1em .5em;margin:0 0 .6em}\
.tentatively_agreed{border-width:2px}.impasse{border-style:dashed}.none{color:#666;font-style:italic}\
section.clause{border-top:1px solid #bbb;padding-top:.4em}@media print{body{margin:0;max-width:none}section.clause{break-inside:avoid}}";

/// The position table as CSV, in the import's layout: `ref,title,<party…>[,joint][,base]`. It begins
/// with a byte-order mark, so that spreadsheet software shows Cyrillic as it is; the import skips it.
/// No cell can begin a formula ([`guard`]).
pub async fn position_table_csv(store: &Store, negotiation_id: i64) -> Result<String> {
    let s = snapshot(store, negotiation_id).await?;
    let has_joint = s.clauses.iter().any(|c| s.text(c, Track::Joint).is_some());
    let has_base = s.clauses.iter().any(|c| c.status_quo.is_some());
    let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    let mut header = vec!["ref".to_string(), "title".to_string()];
    header.extend(s.parties.iter().map(|p| p.label.clone()));
    header.extend(has_joint.then(|| "joint".to_string()));
    header.extend(has_base.then(|| "base".to_string()));
    w.write_record(header.iter().map(|h| guard(h))).map_err(csv_error)?;
    for c in &s.clauses {
        let mut row = vec![c.reference.as_str(), c.title.as_str()];
        row.extend(s.parties.iter().map(|p| s.text(c, Track::Party(p.id)).unwrap_or("")));
        if has_joint {
            row.push(s.text(c, Track::Joint).unwrap_or(""));
        }
        if has_base {
            row.push(c.status_quo.as_deref().unwrap_or(""));
        }
        w.write_record(row.into_iter().map(guard)).map_err(csv_error)?;
    }
    let bytes = w.into_inner().map_err(|e| crate::Error::Io(e.into_error()))?;
    Ok(format!("\u{feff}{}", String::from_utf8(bytes).expect("written from strings")))
}

fn csv_error(e: csv::Error) -> crate::Error {
    crate::Error::Io(std::io::Error::other(e))
}
