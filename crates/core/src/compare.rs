//! The position comparison of one clause: each party's latest tabled text, the joint text and the
//! status quo, each marked word by word against a chosen reference — or each against its own text as
//! it stood at a session, to show what every party changed since. Drafts never appear here.
//!
//! The columns and the marking of one row are shared with the whole-agreement document
//! (`agreement.rs`) and the convergence figures (`convergence.rs`).

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::convergence::{ConvergencePoint, timeline};
use crate::diff::WordDiff;
use crate::diff_cache::{DiffCache, Hashed, Owned};
use crate::document::{self, Block, Run};
use crate::error::{Error, Result};
use crate::message::Msg;
use crate::model::{Clause, Party, Session, Track, Version};
use crate::reader::Reader;
use crate::store::stamp;
use crate::words::{Lang, Words};

/// What the columns are compared against: one of the columns, or each column's own text as it stood
/// at a session (`since`).
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "id")]
pub enum Reference {
    Joint,
    Base,
    Party(i64),
    Since(i64),
}

/// A column of the comparison: a party, the joint text or the status quo.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ColumnHead {
    /// The party's label, `joint` or `base`.
    pub label: String,
    /// The party's full name; the label again for the joint text and the status quo.
    pub name: String,
    pub colour: Option<String>,
    /// The reference that makes this column the one the others are marked against.
    pub reference: Reference,
}

/// One column's text in one row.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Cell {
    /// The tabled version shown; none for the status quo.
    pub version_id: Option<i64>,
    pub text: Option<String>,
    pub is_reference: bool,
    /// The word diff from the reference's text to this one (from this column's own earlier text when
    /// comparing since a session), when there is something to compare.
    pub diff: Option<WordDiff>,
    /// The public justification the party tabled with this text (the justification column of a
    /// comparison table); empty when none. Our private reasoning never comes here.
    pub justification: String,
}

/// A column as the per-clause view shows it.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Column {
    pub head: ColumnHead,
    pub cell: Cell,
}

#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Comparison {
    pub clause: Clause,
    pub reference: Reference,
    /// The session compared against, when comparing since one.
    pub since: Option<Session>,
    /// The last session held, for "since the last session".
    pub last_session: Option<Session>,
    pub columns: Vec<Column>,
    /// The similarity of each pair of parties that both tabled a text.
    pub pairs: Vec<PairSimilarity>,
    /// The mean of `pairs`: 1.0 when every party tabled the same words.
    pub convergence: Option<f64>,
    /// The convergence after each tabling, oldest first.
    pub timeline: Vec<ConvergencePoint>,
}

#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PairSimilarity {
    pub a: String,
    pub b: String,
    pub similarity: f64,
}

/// The latest tabled version of each (clause, track): now, or as things stood at a session.
pub type Heads = HashMap<(i64, Track), Version>;

/// The columns of a negotiation: its parties in their order, the joint text, the status quo.
impl ColumnHead {
    /// The column's title on paper: the joint text, the status quo, or an organisation's full name
    /// with its label.
    pub fn title(&self, w: &Words) -> String {
        match self.reference {
            Reference::Joint => w.t("joint"),
            Reference::Base => w.t("base"),
            _ if self.name == self.label || self.name.is_empty() => self.label.clone(),
            _ => format!("{} ({})", self.name, self.label),
        }
    }
}

pub fn column_heads(parties: &[Party]) -> Vec<ColumnHead> {
    let mut heads: Vec<ColumnHead> = parties
        .iter()
        .map(|p| ColumnHead {
            label: p.label.clone(),
            name: p.name.clone(),
            colour: Some(p.colour.clone()),
            reference: Reference::Party(p.id),
        })
        .collect();
    for (label, reference) in [("joint", Reference::Joint), ("base", Reference::Base)] {
        heads.push(ColumnHead { label: label.into(), name: label.into(), colour: None, reference });
    }
    heads
}

/// The texts of one clause's columns, as `heads` has them.
pub(crate) struct RowTexts<'a> {
    versions: Vec<Option<&'a Version>>,
    base: Option<Owned>,
}

impl<'a> RowTexts<'a> {
    pub(crate) fn new(clause: &Clause, columns: &[ColumnHead], heads: &'a Heads) -> Self {
        let versions = columns
            .iter()
            .map(|c| match c.reference {
                Reference::Party(id) => heads.get(&(clause.id, Track::Party(id))),
                Reference::Joint => heads.get(&(clause.id, Track::Joint)),
                Reference::Base | Reference::Since(_) => None,
            })
            .collect();
        let base = clause.status_quo.as_deref().filter(|t| !t.is_empty()).map(Owned::new);
        RowTexts { versions, base }
    }

    fn get(&self, column: usize, columns: &[ColumnHead]) -> Option<Hashed<'_>> {
        match columns[column].reference {
            Reference::Base => self.base.as_ref().map(Owned::hashed),
            _ => self.versions[column].map(|v| Hashed { hash: &v.hash, text: &v.text }),
        }
    }
}

/// The cells of one row, marked against `reference`; `then` holds the texts as they stood at the
/// session when the reference is `since`.
pub(crate) fn mark_row(
    cache: &DiffCache,
    columns: &[ColumnHead],
    now: &RowTexts,
    then: Option<&RowTexts>,
    reference: Reference,
) -> Vec<Cell> {
    let reference_column = columns.iter().position(|c| c.reference == reference);
    (0..columns.len())
        .map(|i| {
            let text = now.get(i, columns);
            let is_reference = reference_column == Some(i);
            let against = match (reference, then) {
                (Reference::Since(_), Some(then)) if columns[i].reference != Reference::Base => {
                    // a text first tabled since the session is all new
                    Some(then.get(i, columns).unwrap_or(Hashed::EMPTY))
                }
                (Reference::Since(_), _) => None,
                _ => reference_column.filter(|&r| r != i).and_then(|r| now.get(r, columns)),
            };
            let diff = match (against, text) {
                (Some(from), Some(to)) => Some(WordDiff::clone(&cache.diff(from, to))),
                _ => None,
            };
            Cell {
                version_id: now.versions[i].map(|v| v.id),
                text: text.map(|t| t.text.to_string()),
                is_reference,
                diff,
                justification: now.versions[i].map(|v| v.rationale.trim().to_string()).unwrap_or_default(),
            }
        })
        .collect()
}

/// The similarity of each pair of parties that tabled a text, and their mean.
pub(crate) fn convergence(
    cache: &DiffCache,
    columns: &[ColumnHead],
    texts: &RowTexts,
) -> (Vec<PairSimilarity>, Option<f64>) {
    let parties: Vec<(usize, Hashed)> = (0..columns.len())
        .filter(|&i| matches!(columns[i].reference, Reference::Party(_)))
        .filter_map(|i| texts.get(i, columns).map(|t| (i, t)))
        .collect();
    let mut pairs = Vec::new();
    for (n, (a, ta)) in parties.iter().enumerate() {
        for (b, tb) in &parties[n + 1..] {
            pairs.push(PairSimilarity {
                a: columns[*a].label.clone(),
                b: columns[*b].label.clone(),
                similarity: cache.diff(*ta, *tb).similarity,
            });
        }
    }
    let mean = (!pairs.is_empty()).then(|| pairs.iter().map(|p| p.similarity).sum::<f64>() / pairs.len() as f64);
    (pairs, mean)
}

/// The last joint session that has begun by `now`: what "since the last session" means. A side's
/// internal meeting (caucus) never is.
pub fn last_session(sessions: &[Session], now: DateTime<Utc>) -> Option<&Session> {
    let now = stamp(now);
    sessions.iter().filter(|s| s.is_joint() && s.starts_at <= now).max_by(|a, b| a.starts_at.cmp(&b.starts_at))
}

/// Checks a reference against a negotiation's columns and sessions; returns the session of `since`.
pub(crate) async fn resolve(
    store: &impl Reader,
    negotiation_id: i64,
    columns: &[ColumnHead],
    reference: Reference,
) -> Result<Option<Session>> {
    if let Reference::Since(id) = reference {
        let session = store.session(id).await?;
        if session.negotiation_id != negotiation_id {
            return Err(Error::Invalid(Msg::SessionElsewhere { id }));
        }
        return Ok(Some(session));
    }
    if !columns.iter().any(|c| c.reference == reference) {
        return Err(Error::NotFound(Msg::NoReferenceColumn));
    }
    Ok(None)
}

/// A clause's comparison as it stands at `now` (which decides the last session).
pub async fn compare(
    store: &impl Reader,
    clause_id: i64,
    reference: Reference,
    now: DateTime<Utc>,
) -> Result<Comparison> {
    compare_in(store, clause_id, reference, now, None).await
}

/// The same, within one language where the agreement has several authentic texts: each column's text
/// in `lang` (none: the first language), compared with the reference's text in it.
pub async fn compare_in(
    store: &impl Reader,
    clause_id: i64,
    reference: Reference,
    now: DateTime<Utc>,
    lang: Option<Lang>,
) -> Result<Comparison> {
    let clause = store.clause(clause_id).await?;
    let columns = column_heads(&store.parties(clause.negotiation_id).await?);
    let since = resolve(store, clause.negotiation_id, &columns, reference).await?;
    let sessions = store.sessions(clause.negotiation_id).await?;
    let mut heads = store.heads(clause.negotiation_id, Some(&[clause.id]), None).await?;
    store.in_language(clause.negotiation_id, &mut heads, lang).await?;
    let then_heads = match &since {
        Some(s) => {
            let mut then = store.heads(clause.negotiation_id, Some(&[clause.id]), Some(s)).await?;
            store.in_language(clause.negotiation_id, &mut then, lang).await?;
            Some(then)
        }
        None => None,
    };
    let cache = store.diffs();
    let texts = RowTexts::new(&clause, &columns, &heads);
    let then = then_heads.as_ref().map(|h| RowTexts::new(&clause, &columns, h));
    let cells = mark_row(cache, &columns, &texts, then.as_ref(), reference);
    let (pairs, convergence) = convergence(cache, &columns, &texts);
    let versions = store.versions(clause.id).await?;
    Ok(Comparison {
        timeline: timeline(cache, &clause, &columns, &versions, &sessions),
        last_session: last_session(&sessions, now).cloned(),
        columns: columns.into_iter().zip(cells).map(|(head, cell)| Column { head, cell }).collect(),
        clause,
        reference,
        since,
        pairs,
        convergence,
    })
}

impl Comparison {
    fn reference_label(&self, w: &Words) -> String {
        match &self.since {
            Some(s) => w.f("reference-since", &[("number", s.number.into())]),
            None => match self.columns.iter().find(|c| c.cell.is_reference).map(|c| &c.head) {
                Some(h) if h.reference == Reference::Joint => w.t("reference-joint"),
                Some(h) if h.reference == Reference::Base => w.t("reference-base"),
                Some(h) => w.f("reference-party", &[("party", (&h.label).into())]),
                None => "?".into(),
            },
        }
    }

    /// Plain text: each column with its changes against the reference in `[-…-]{+…+}`.
    pub fn to_text(&self) -> String {
        let mut out = format!(
            "{} — {}  [{}]\nreference: {}",
            self.clause.reference,
            self.clause.title,
            self.clause.status,
            self.reference_label(&Words::new(Lang::En))
        );
        if let Some(c) = self.convergence {
            out.push_str(&format!("  ·  convergence {c:.2}"));
        }
        out.push('\n');
        for Column { head, cell } in &self.columns {
            let version = cell.version_id.map(|v| format!(" v{v}")).unwrap_or_default();
            out.push_str(&format!("\n== {}{version}{}\n", head.label, cell.similarity_note()));
            out.push_str(&match (&cell.text, &cell.diff) {
                (None, _) => "(no text tabled)".to_string(),
                (Some(t), None) => t.clone(),
                (Some(_), Some(d)) => d.to_text(),
            });
            if !cell.justification.is_empty() {
                out.push_str(&format!("\n(justification: {})", cell.justification));
            }
            out.push('\n');
        }
        for p in &self.pairs {
            out.push_str(&format!("\n{} ~ {}: {:.2}", p.a, p.b, p.similarity));
        }
        out.push('\n');
        out
    }

    /// One self-contained HTML page, every text escaped, the changes in `<ins>` and `<del>`.
    pub fn to_html(&self) -> String {
        document::html_page(&self.to_model(&Words::new(Lang::En)))
    }

    /// The comparison as the one document model: a landscape table, a column per text, each marked
    /// against the reference as formatting.
    pub fn to_model(&self, w: &Words) -> document::Document {
        let status = w.name("status", self.clause.status.as_str());
        let mut meta =
            w.f("compared-against", &[("status", (&status).into()), ("reference", (&self.reference_label(w)).into())]);
        if let Some(c) = self.convergence {
            meta.push_str(&format!(" · {}", w.f("convergence", &[("value", (&format!("{c:.2}")).into())])));
        }
        meta.push_str(&format!(" · {}", w.t("marked-how")));
        let header = self
            .columns
            .iter()
            .map(|Column { head, cell }| {
                let version =
                    cell.version_id.map(|v| format!(" ({})", w.f("version", &[("id", v.into())]))).unwrap_or_default();
                vec![Block::Paragraph(vec![Run::strong(head.title(w)), Run::plain(version)])]
            })
            .collect();
        let row = self.columns.iter().map(|Column { head, cell }| cell.to_blocks(&head.label, w)).collect();
        document::Document {
            title: format!("{} — {}", self.clause.reference, self.clause.title),
            lang: w.lang(),
            landscape: true,
            changes_as_formatting: true,
            blocks: vec![Block::note(meta), Block::Table { header, rows: vec![row] }],
        }
    }
}

impl Cell {
    /// ` (reference)`, ` · similarity 0.83`, or nothing.
    pub fn similarity_note(&self) -> String {
        match (&self.diff, self.is_reference) {
            (_, true) => " (reference)".to_string(),
            (Some(d), _) => format!(" · similarity {:.2}", d.similarity),
            _ => String::new(),
        }
    }

    /// The cell as blocks of the document model: its text marked against the reference as `author`'s
    /// changes, how similar it is, and why it was tabled.
    pub fn to_blocks(&self, author: &str, w: &Words) -> Vec<Block> {
        let at = DateTime::<Utc>::default(); // shown as formatting: no date is shown
        let mut blocks = match (&self.text, &self.diff) {
            (Some(text), Some(diff)) => document::marked(&diff.old_text(), text, author, at),
            (Some(text), None) => document::parse(text),
            (None, _) => vec![Block::note(w.t("no-text"))],
        };
        match (&self.diff, self.is_reference) {
            (_, true) => blocks.push(Block::note(w.t("is-reference"))),
            (Some(d), _) => {
                blocks.push(Block::note(w.f("similarity", &[("value", (&format!("{:.2}", d.similarity)).into())])))
            }
            _ => {}
        }
        if !self.justification.is_empty() {
            let why = vec![Run::emphasis(w.t("justification")), Run::plain(format!(" {}", self.justification))];
            blocks.push(Block::Note(why));
        }
        blocks
    }
}

/// A party colour is ours to print in a style attribute only when it is a plain hex colour.
pub(crate) fn is_css_colour(c: &str) -> bool {
    c.len() == 7 && c.starts_with('#') && c[1..].chars().all(|ch| ch.is_ascii_hexdigit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_empty_hash_is_the_hash_of_the_empty_text() {
        assert_eq!(Hashed::EMPTY.hash, crate::text::text_hash(""));
    }
}
