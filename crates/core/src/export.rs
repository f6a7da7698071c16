//! What leaves the workbench: the agreement as Markdown or printable HTML, and the position table as
//! CSV. Only tabled texts are exported — never a draft, never a private note.

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use crate::compare::Reference;
use crate::document::{self, Block, Document, Run};
use crate::error::{Error, Result};
use crate::message::Msg;
use crate::model::{Clause, ClauseStatus, Negotiation, Party, Track, Version};
use crate::reader::Reader;
use crate::report::counts_line;
use crate::spreadsheet::guard;
use crate::words::{Lang, Words};

/// Everything an export shows, read once.
struct Snapshot {
    negotiation: Negotiation,
    parties: Vec<Party>,
    clauses: Vec<Clause>,
    heads: HashMap<(i64, Track), Version>,
}

async fn snapshot(store: &impl Reader, negotiation_id: i64) -> Result<Snapshot> {
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

    /// The text a reference gives for a clause: a track's tabled text, or the status quo.
    fn reference_text<'a>(&'a self, clause: &'a Clause, reference: Reference) -> Result<Option<&'a str>> {
        Ok(match reference {
            Reference::Joint => self.text(clause, Track::Joint),
            Reference::Party(id) => self.text(clause, Track::Party(id)),
            Reference::Base => clause.status_quo.as_deref(),
            Reference::Since(_) => return Err(not_a_document_reference()),
        })
    }

    fn reference_name(&self, reference: Reference, w: &Words) -> Result<String> {
        Ok(match reference {
            Reference::Joint => w.t("reference-joint"),
            Reference::Base => w.t("reference-base"),
            Reference::Party(id) => match self.parties.iter().find(|p| p.id == id) {
                Some(p) => w.f("reference-party", &[("party", (&format!("{} ({})", p.name, p.label)).into())]),
                None => return Err(Error::NotFound(Msg::NoParty { id })),
            },
            Reference::Since(_) => return Err(not_a_document_reference()),
        })
    }

    /// How many clauses in all, and in each status, in the order the statuses first come.
    fn status_line(&self, w: &Words) -> String {
        let mut counts: Vec<(ClauseStatus, i64)> = Vec::new();
        for c in &self.clauses {
            match counts.iter_mut().find(|(s, _)| *s == c.status) {
                Some((_, n)) => *n += 1,
                None => counts.push((c.status, 1)),
            }
        }
        counts_line(&counts, w)
    }
}

fn not_a_document_reference() -> Error {
    Error::Invalid(Msg::NotADocumentReference)
}

/// Whose texts an agreement export shows, and what they are marked against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marking {
    /// The track whose tabled texts are shown: the joint text, or a party's proposal.
    pub track: Track,
    /// The texts its differences are shown against, as changes made by the track's party; none for
    /// the texts alone. The joint text, the status quo or a party's.
    pub against: Option<Reference>,
    /// One clause alone, rather than the whole agreement.
    pub clause: Option<i64>,
}

impl Default for Marking {
    fn default() -> Self {
        Marking { track: Track::Joint, against: None, clause: None }
    }
}

/// The agreement as one document: every clause in order under its heading, with its status and the
/// track's tabled text — marked against the reference when one is given. Each heading carries the
/// clause's marker (`clause-12`) and, when there is a text, its version's (`v57`), so that a document
/// sent back can be matched to the record.
pub async fn agreement(store: &impl Reader, negotiation_id: i64, marking: Marking, w: &Words) -> Result<Document> {
    let s = snapshot(store, negotiation_id).await?;
    if let Some(id) = marking.clause.filter(|id| !s.clauses.iter().any(|c| c.id == *id)) {
        return Err(Error::NotFound(Msg::NoClause { id }));
    }
    let author = match marking.track {
        Track::Joint => w.t("joint"),
        Track::Party(id) => match s.parties.iter().find(|p| p.id == id) {
            Some(p) => format!("{} ({})", p.name, p.label),
            None => return Err(Error::NotFound(Msg::NoParty { id })),
        },
    };
    let status = w.name("negotiation", s.negotiation.status.as_str());
    let counts = s.status_line(w);
    let mut blocks =
        vec![Block::note(w.f("agreement-status", &[("status", (&status).into()), ("counts", (&counts).into())]))];
    if !s.parties.is_empty() {
        let names: Vec<String> = s.parties.iter().map(|p| format!("{} ({})", p.name, p.label)).collect();
        blocks.push(Block::note(w.f("parties", &[("names", (&names.join("; ")).into())])));
    }
    if marking.track != Track::Joint || marking.against.is_some() {
        blocks.push(Block::note(match marking.against {
            Some(reference) => {
                let against = s.reference_name(reference, w)?;
                w.f("texts-of-marked", &[("author", (&author).into()), ("reference", (&against).into())])
            }
            None => w.f("texts-of", &[("author", (&author).into())]),
        }));
    }
    for c in s.clauses.iter().filter(|c| marking.clause.is_none_or(|id| id == c.id)) {
        let version = s.heads.get(&(c.id, marking.track));
        let marker = match version {
            Some(v) => format!("clause-{}-v{}", c.id, v.id),
            None => format!("clause-{}", c.id),
        };
        let heading = vec![Run::plain(format!("{} — {}", c.reference, c.title))];
        blocks.push(Block::Heading { level: 2, runs: heading, marker: Some(marker) });
        let status = w.name("status", c.status.as_str());
        blocks.push(Block::note(w.f("status-is", &[("status", (&status).into())])));
        let Some(version) = version else {
            blocks.push(Block::note(w.t(if marking.track == Track::Joint { "no-joint-text" } else { "no-text" })));
            continue;
        };
        let reference = match marking.against {
            Some(r) => s.reference_text(c, r)?,
            None => None,
        };
        match reference {
            Some(old) if old != version.text => {
                let at = version.tabled_at.as_deref().unwrap_or(&version.created_at);
                let at = DateTime::parse_from_rfc3339(at).map(|t| t.with_timezone(&Utc)).unwrap_or_default();
                blocks.extend(document::marked(old, &version.text, &author, at));
            }
            _ => blocks.extend(document::parse(&version.text)),
        }
    }
    Ok(Document { title: s.negotiation.title.clone(), lang: w.lang(), blocks, ..Document::default() })
}

/// The agreement as Markdown: the joint text of every clause in order, with its status.
pub async fn agreement_markdown(store: &impl Reader, negotiation_id: i64) -> Result<String> {
    Ok(document::to_markdown(&agreement(store, negotiation_id, Marking::default(), &english()).await?))
}

fn english() -> Words {
    Words::new(Lang::En)
}

/// The agreement as one self-contained, printable HTML page.
pub async fn agreement_html(store: &impl Reader, negotiation_id: i64) -> Result<String> {
    Ok(document::html_page(&agreement(store, negotiation_id, Marking::default(), &english()).await?))
}

/// The agreement as a Word document, its texts marked as `marking` says: differences as native
/// tracked changes.
pub async fn agreement_docx(store: &impl Reader, negotiation_id: i64, marking: Marking) -> Result<Vec<u8>> {
    document::to_docx(&agreement(store, negotiation_id, marking, &english()).await?)
}

/// The position table as CSV, in the import's layout: `ref,title,<party…>[,joint][,base]`. It begins
/// with a byte-order mark, so that spreadsheet software shows Cyrillic as it is; the import skips it.
/// No cell can begin a formula ([`guard`]).
pub async fn position_table_csv(store: &impl Reader, negotiation_id: i64) -> Result<String> {
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
